# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_form.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

from fupin_desktop.qt.widgets.code_combo import CodeCombo
from fupin_desktop.qt.widgets.date_edit import DateEdit
from fupin_desktop.qt.widgets.id_number_edit import IdNumberEdit

class Ui_MemberForm(object):
    def setupUi(self, MemberForm):
        if not MemberForm.objectName():
            MemberForm.setObjectName(u"MemberForm")
        self.member_columns = QHBoxLayout(MemberForm)
        self.member_columns.setSpacing(12)
        self.member_columns.setObjectName(u"member_columns")
        self.member_columns_0 = QVBoxLayout()
        self.member_columns_0.setObjectName(u"member_columns_0")
        self.person_group = QGroupBox(MemberForm)
        self.person_group.setObjectName(u"person_group")
        self.person_group_form = QFormLayout(self.person_group)
        self.person_group_form.setObjectName(u"person_group_form")
        self.person_group_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.person_group_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.person_group_form.setHorizontalSpacing(10)
        self.person_group_form.setVerticalSpacing(7)
        self.name_label = QLabel(self.person_group)
        self.name_label.setObjectName(u"name_label")

        self.person_group_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_row = QHBoxLayout()
        self.name_row.setSpacing(8)
        self.name_row.setObjectName(u"name_row")
        self.name = QLineEdit(self.person_group)
        self.name.setObjectName(u"name")
        self.name.setMaximumSize(QSize(160, 16777215))
        self.name.setMinimumSize(QSize(160, 0))

        self.name_row.addWidget(self.name)

        self.name_problem = QLabel(self.person_group)
        self.name_problem.setObjectName(u"name_problem")
        self.name_problem.setWordWrap(True)

        self.name_row.addWidget(self.name_problem)


        self.person_group_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.name_row)

        self.id_number_label = QLabel(self.person_group)
        self.id_number_label.setObjectName(u"id_number_label")

        self.person_group_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.id_number_label)

        self.id_number = IdNumberEdit(self.person_group)
        self.id_number.setObjectName(u"id_number")

        self.person_group_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.id_number)

        self.relation_label = QLabel(self.person_group)
        self.relation_label.setObjectName(u"relation_label")

        self.person_group_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.relation_label)

        self.relation_row = QHBoxLayout()
        self.relation_row.setSpacing(8)
        self.relation_row.setObjectName(u"relation_row")
        self.relation = CodeCombo(self.person_group)
        self.relation.setObjectName(u"relation")
        self.relation.setMaximumSize(QSize(160, 16777215))
        self.relation.setMinimumSize(QSize(160, 0))

        self.relation_row.addWidget(self.relation)

        self.relation_problem = QLabel(self.person_group)
        self.relation_problem.setObjectName(u"relation_problem")
        self.relation_problem.setWordWrap(True)

        self.relation_row.addWidget(self.relation_problem)


        self.person_group_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.relation_row)

        self.sex_label = QLabel(self.person_group)
        self.sex_label.setObjectName(u"sex_label")

        self.person_group_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sex_label)

        self.sex_row = QHBoxLayout()
        self.sex_row.setSpacing(8)
        self.sex_row.setObjectName(u"sex_row")
        self.sex = CodeCombo(self.person_group)
        self.sex.setObjectName(u"sex")
        self.sex.setMaximumSize(QSize(90, 16777215))
        self.sex.setMinimumSize(QSize(90, 0))

        self.sex_row.addWidget(self.sex)

        self.sex_problem = QLabel(self.person_group)
        self.sex_problem.setObjectName(u"sex_problem")
        self.sex_problem.setWordWrap(True)

        self.sex_row.addWidget(self.sex_problem)


        self.person_group_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.sex_row)

        self.birth_date_label = QLabel(self.person_group)
        self.birth_date_label.setObjectName(u"birth_date_label")

        self.person_group_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.birth_date_label)

        self.birth_date_row = QHBoxLayout()
        self.birth_date_row.setSpacing(8)
        self.birth_date_row.setObjectName(u"birth_date_row")
        self.birth_date = DateEdit(self.person_group)
        self.birth_date.setObjectName(u"birth_date")
        self.birth_date.setMaximumSize(QSize(140, 16777215))
        self.birth_date.setMinimumSize(QSize(140, 0))

        self.birth_date_row.addWidget(self.birth_date)

        self.birth_date_problem = QLabel(self.person_group)
        self.birth_date_problem.setObjectName(u"birth_date_problem")
        self.birth_date_problem.setWordWrap(True)

        self.birth_date_row.addWidget(self.birth_date_problem)


        self.person_group_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.birth_date_row)

        self.ethnicity_label = QLabel(self.person_group)
        self.ethnicity_label.setObjectName(u"ethnicity_label")

        self.person_group_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.ethnicity_label)

        self.ethnicity_row = QHBoxLayout()
        self.ethnicity_row.setSpacing(8)
        self.ethnicity_row.setObjectName(u"ethnicity_row")
        self.ethnicity = CodeCombo(self.person_group)
        self.ethnicity.setObjectName(u"ethnicity")
        self.ethnicity.setMaximumSize(QSize(160, 16777215))
        self.ethnicity.setMinimumSize(QSize(160, 0))

        self.ethnicity_row.addWidget(self.ethnicity)

        self.ethnicity_problem = QLabel(self.person_group)
        self.ethnicity_problem.setObjectName(u"ethnicity_problem")
        self.ethnicity_problem.setWordWrap(True)

        self.ethnicity_row.addWidget(self.ethnicity_problem)


        self.person_group_form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.ethnicity_row)

        self.political_label = QLabel(self.person_group)
        self.political_label.setObjectName(u"political_label")

        self.person_group_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.political_label)

        self.political_row = QHBoxLayout()
        self.political_row.setSpacing(8)
        self.political_row.setObjectName(u"political_row")
        self.political = CodeCombo(self.person_group)
        self.political.setObjectName(u"political")
        self.political.setMaximumSize(QSize(160, 16777215))
        self.political.setMinimumSize(QSize(160, 0))

        self.political_row.addWidget(self.political)

        self.political_problem = QLabel(self.person_group)
        self.political_problem.setObjectName(u"political_problem")
        self.political_problem.setWordWrap(True)

        self.political_row.addWidget(self.political_problem)


        self.person_group_form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.political_row)

        self.phone_label = QLabel(self.person_group)
        self.phone_label.setObjectName(u"phone_label")

        self.person_group_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone_row = QHBoxLayout()
        self.phone_row.setSpacing(8)
        self.phone_row.setObjectName(u"phone_row")
        self.phone = QLineEdit(self.person_group)
        self.phone.setObjectName(u"phone")
        self.phone.setMaxLength(20)
        self.phone.setMaximumSize(QSize(160, 16777215))
        self.phone.setMinimumSize(QSize(160, 0))

        self.phone_row.addWidget(self.phone)

        self.phone_problem = QLabel(self.person_group)
        self.phone_problem.setObjectName(u"phone_problem")
        self.phone_problem.setWordWrap(True)

        self.phone_row.addWidget(self.phone_problem)


        self.person_group_form.setLayout(7, QFormLayout.ItemRole.FieldRole, self.phone_row)


        self.member_columns_0.addWidget(self.person_group)

        self.person_group_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.member_columns_0.addItem(self.person_group_spacer)


        self.member_columns.addLayout(self.member_columns_0)

        self.member_columns_1 = QVBoxLayout()
        self.member_columns_1.setObjectName(u"member_columns_1")
        self.ability_group = QGroupBox(MemberForm)
        self.ability_group.setObjectName(u"ability_group")
        self.ability_group_form = QFormLayout(self.ability_group)
        self.ability_group_form.setObjectName(u"ability_group_form")
        self.ability_group_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.ability_group_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.ability_group_form.setHorizontalSpacing(10)
        self.ability_group_form.setVerticalSpacing(7)
        self.education_label = QLabel(self.ability_group)
        self.education_label.setObjectName(u"education_label")

        self.ability_group_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.education_label)

        self.education_row = QHBoxLayout()
        self.education_row.setSpacing(8)
        self.education_row.setObjectName(u"education_row")
        self.education = CodeCombo(self.ability_group)
        self.education.setObjectName(u"education")
        self.education.setMaximumSize(QSize(170, 16777215))
        self.education.setMinimumSize(QSize(170, 0))

        self.education_row.addWidget(self.education)

        self.education_problem = QLabel(self.ability_group)
        self.education_problem.setObjectName(u"education_problem")
        self.education_problem.setWordWrap(True)

        self.education_row.addWidget(self.education_problem)


        self.ability_group_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.education_row)

        self.schooling_label = QLabel(self.ability_group)
        self.schooling_label.setObjectName(u"schooling_label")

        self.ability_group_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.schooling_label)

        self.schooling_row = QHBoxLayout()
        self.schooling_row.setSpacing(8)
        self.schooling_row.setObjectName(u"schooling_row")
        self.schooling = CodeCombo(self.ability_group)
        self.schooling.setObjectName(u"schooling")
        self.schooling.setMaximumSize(QSize(170, 16777215))
        self.schooling.setMinimumSize(QSize(170, 0))

        self.schooling_row.addWidget(self.schooling)

        self.schooling_problem = QLabel(self.ability_group)
        self.schooling_problem.setObjectName(u"schooling_problem")
        self.schooling_problem.setWordWrap(True)

        self.schooling_row.addWidget(self.schooling_problem)


        self.ability_group_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.schooling_row)

        self.health_label = QLabel(self.ability_group)
        self.health_label.setObjectName(u"health_label")

        self.ability_group_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.health_label)

        self.health_row = QHBoxLayout()
        self.health_row.setSpacing(8)
        self.health_row.setObjectName(u"health_row")
        self.health = CodeCombo(self.ability_group)
        self.health.setObjectName(u"health")
        self.health.setMaximumSize(QSize(170, 16777215))
        self.health.setMinimumSize(QSize(170, 0))

        self.health_row.addWidget(self.health)

        self.health_problem = QLabel(self.ability_group)
        self.health_problem.setObjectName(u"health_problem")
        self.health_problem.setWordWrap(True)

        self.health_row.addWidget(self.health_problem)


        self.ability_group_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.health_row)

        self.disability_category_label = QLabel(self.ability_group)
        self.disability_category_label.setObjectName(u"disability_category_label")

        self.ability_group_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.disability_category_label)

        self.disability_category_row = QHBoxLayout()
        self.disability_category_row.setSpacing(8)
        self.disability_category_row.setObjectName(u"disability_category_row")
        self.disability_category = CodeCombo(self.ability_group)
        self.disability_category.setObjectName(u"disability_category")
        self.disability_category.setMaximumSize(QSize(120, 16777215))
        self.disability_category.setMinimumSize(QSize(120, 0))

        self.disability_category_row.addWidget(self.disability_category)

        self.disability_category_problem = QLabel(self.ability_group)
        self.disability_category_problem.setObjectName(u"disability_category_problem")
        self.disability_category_problem.setWordWrap(True)

        self.disability_category_row.addWidget(self.disability_category_problem)


        self.ability_group_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.disability_category_row)

        self.disability_grade_label = QLabel(self.ability_group)
        self.disability_grade_label.setObjectName(u"disability_grade_label")

        self.ability_group_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.disability_grade_label)

        self.disability_grade_row = QHBoxLayout()
        self.disability_grade_row.setSpacing(8)
        self.disability_grade_row.setObjectName(u"disability_grade_row")
        self.disability_grade = CodeCombo(self.ability_group)
        self.disability_grade.setObjectName(u"disability_grade")
        self.disability_grade.setMaximumSize(QSize(120, 16777215))
        self.disability_grade.setMinimumSize(QSize(120, 0))

        self.disability_grade_row.addWidget(self.disability_grade)

        self.disability_grade_problem = QLabel(self.ability_group)
        self.disability_grade_problem.setObjectName(u"disability_grade_problem")
        self.disability_grade_problem.setWordWrap(True)

        self.disability_grade_row.addWidget(self.disability_grade_problem)


        self.ability_group_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.disability_grade_row)

        self.labour_label = QLabel(self.ability_group)
        self.labour_label.setObjectName(u"labour_label")

        self.ability_group_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.labour_label)

        self.labour_row = QHBoxLayout()
        self.labour_row.setSpacing(8)
        self.labour_row.setObjectName(u"labour_row")
        self.labour = CodeCombo(self.ability_group)
        self.labour.setObjectName(u"labour")
        self.labour.setMaximumSize(QSize(170, 16777215))
        self.labour.setMinimumSize(QSize(170, 0))

        self.labour_row.addWidget(self.labour)

        self.labour_problem = QLabel(self.ability_group)
        self.labour_problem.setObjectName(u"labour_problem")
        self.labour_problem.setWordWrap(True)

        self.labour_row.addWidget(self.labour_problem)


        self.ability_group_form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.labour_row)

        self.work_status_label = QLabel(self.ability_group)
        self.work_status_label.setObjectName(u"work_status_label")

        self.ability_group_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.work_status_label)

        self.work_status_row = QHBoxLayout()
        self.work_status_row.setSpacing(8)
        self.work_status_row.setObjectName(u"work_status_row")
        self.work_status = CodeCombo(self.ability_group)
        self.work_status.setObjectName(u"work_status")
        self.work_status.setMaximumSize(QSize(170, 16777215))
        self.work_status.setMinimumSize(QSize(170, 0))

        self.work_status_row.addWidget(self.work_status)

        self.work_status_problem = QLabel(self.ability_group)
        self.work_status_problem.setObjectName(u"work_status_problem")
        self.work_status_problem.setWordWrap(True)

        self.work_status_row.addWidget(self.work_status_problem)


        self.ability_group_form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.work_status_row)

        self.work_months_label = QLabel(self.ability_group)
        self.work_months_label.setObjectName(u"work_months_label")

        self.ability_group_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.work_months_label)

        self.work_months_row = QHBoxLayout()
        self.work_months_row.setSpacing(8)
        self.work_months_row.setObjectName(u"work_months_row")
        self.work_months = QSpinBox(self.ability_group)
        self.work_months.setObjectName(u"work_months")
        self.work_months.setMaximum(99)
        self.work_months.setMaximumSize(QSize(100, 16777215))
        self.work_months.setMinimumSize(QSize(100, 0))

        self.work_months_row.addWidget(self.work_months)

        self.work_months_problem = QLabel(self.ability_group)
        self.work_months_problem.setObjectName(u"work_months_problem")
        self.work_months_problem.setWordWrap(True)

        self.work_months_row.addWidget(self.work_months_problem)


        self.ability_group_form.setLayout(7, QFormLayout.ItemRole.FieldRole, self.work_months_row)


        self.member_columns_1.addWidget(self.ability_group)

        self.ability_group_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.member_columns_1.addItem(self.ability_group_spacer)


        self.member_columns.addLayout(self.member_columns_1)

        self.member_columns_2 = QVBoxLayout()
        self.member_columns_2.setObjectName(u"member_columns_2")
        self.security_group = QGroupBox(MemberForm)
        self.security_group.setObjectName(u"security_group")
        self.security_group_form = QFormLayout(self.security_group)
        self.security_group_form.setObjectName(u"security_group_form")
        self.security_group_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.security_group_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.security_group_form.setHorizontalSpacing(10)
        self.security_group_form.setVerticalSpacing(7)
        self.medical_insurance_label = QLabel(self.security_group)
        self.medical_insurance_label.setObjectName(u"medical_insurance_label")

        self.security_group_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.medical_insurance_label)

        self.medical_insurance_row = QHBoxLayout()
        self.medical_insurance_row.setSpacing(8)
        self.medical_insurance_row.setObjectName(u"medical_insurance_row")
        self.medical_insurance = QCheckBox(self.security_group)
        self.medical_insurance.setObjectName(u"medical_insurance")

        self.medical_insurance_row.addWidget(self.medical_insurance)

        self.medical_insurance_problem = QLabel(self.security_group)
        self.medical_insurance_problem.setObjectName(u"medical_insurance_problem")
        self.medical_insurance_problem.setWordWrap(True)

        self.medical_insurance_row.addWidget(self.medical_insurance_problem)


        self.security_group_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.medical_insurance_row)

        self.serious_illness_insurance_label = QLabel(self.security_group)
        self.serious_illness_insurance_label.setObjectName(u"serious_illness_insurance_label")

        self.security_group_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.serious_illness_insurance_label)

        self.serious_illness_insurance_row = QHBoxLayout()
        self.serious_illness_insurance_row.setSpacing(8)
        self.serious_illness_insurance_row.setObjectName(u"serious_illness_insurance_row")
        self.serious_illness_insurance = QCheckBox(self.security_group)
        self.serious_illness_insurance.setObjectName(u"serious_illness_insurance")

        self.serious_illness_insurance_row.addWidget(self.serious_illness_insurance)

        self.serious_illness_insurance_problem = QLabel(self.security_group)
        self.serious_illness_insurance_problem.setObjectName(u"serious_illness_insurance_problem")
        self.serious_illness_insurance_problem.setWordWrap(True)

        self.serious_illness_insurance_row.addWidget(self.serious_illness_insurance_problem)


        self.security_group_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.serious_illness_insurance_row)

        self.pension_insurance_label = QLabel(self.security_group)
        self.pension_insurance_label.setObjectName(u"pension_insurance_label")

        self.security_group_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.pension_insurance_label)

        self.pension_insurance_row = QHBoxLayout()
        self.pension_insurance_row.setSpacing(8)
        self.pension_insurance_row.setObjectName(u"pension_insurance_row")
        self.pension_insurance = QCheckBox(self.security_group)
        self.pension_insurance.setObjectName(u"pension_insurance")

        self.pension_insurance_row.addWidget(self.pension_insurance)

        self.pension_insurance_problem = QLabel(self.security_group)
        self.pension_insurance_problem.setObjectName(u"pension_insurance_problem")
        self.pension_insurance_problem.setWordWrap(True)

        self.pension_insurance_row.addWidget(self.pension_insurance_problem)


        self.security_group_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.pension_insurance_row)

        self.commercial_insurance_label = QLabel(self.security_group)
        self.commercial_insurance_label.setObjectName(u"commercial_insurance_label")

        self.security_group_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.commercial_insurance_label)

        self.commercial_insurance_row = QHBoxLayout()
        self.commercial_insurance_row.setSpacing(8)
        self.commercial_insurance_row.setObjectName(u"commercial_insurance_row")
        self.commercial_insurance = QCheckBox(self.security_group)
        self.commercial_insurance.setObjectName(u"commercial_insurance")

        self.commercial_insurance_row.addWidget(self.commercial_insurance)

        self.commercial_insurance_problem = QLabel(self.security_group)
        self.commercial_insurance_problem.setObjectName(u"commercial_insurance_problem")
        self.commercial_insurance_problem.setWordWrap(True)

        self.commercial_insurance_row.addWidget(self.commercial_insurance_problem)


        self.security_group_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.commercial_insurance_row)

        self.dibao_label = QLabel(self.security_group)
        self.dibao_label.setObjectName(u"dibao_label")

        self.security_group_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dibao_label)

        self.dibao_row = QHBoxLayout()
        self.dibao_row.setSpacing(8)
        self.dibao_row.setObjectName(u"dibao_row")
        self.dibao = QCheckBox(self.security_group)
        self.dibao.setObjectName(u"dibao")

        self.dibao_row.addWidget(self.dibao)

        self.dibao_problem = QLabel(self.security_group)
        self.dibao_problem.setObjectName(u"dibao_problem")
        self.dibao_problem.setWordWrap(True)

        self.dibao_row.addWidget(self.dibao_problem)


        self.security_group_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.dibao_row)

        self.tekun_label = QLabel(self.security_group)
        self.tekun_label.setObjectName(u"tekun_label")

        self.security_group_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.tekun_label)

        self.tekun_row = QHBoxLayout()
        self.tekun_row.setSpacing(8)
        self.tekun_row.setObjectName(u"tekun_row")
        self.tekun = QCheckBox(self.security_group)
        self.tekun.setObjectName(u"tekun")

        self.tekun_row.addWidget(self.tekun)

        self.tekun_problem = QLabel(self.security_group)
        self.tekun_problem.setObjectName(u"tekun_problem")
        self.tekun_problem.setWordWrap(True)

        self.tekun_row.addWidget(self.tekun_problem)


        self.security_group_form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.tekun_row)

        self.change_type_label = QLabel(self.security_group)
        self.change_type_label.setObjectName(u"change_type_label")

        self.security_group_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.change_type_label)

        self.change_type_row = QHBoxLayout()
        self.change_type_row.setSpacing(8)
        self.change_type_row.setObjectName(u"change_type_row")
        self.change_type = CodeCombo(self.security_group)
        self.change_type.setObjectName(u"change_type")
        self.change_type.setMaximumSize(QSize(130, 16777215))
        self.change_type.setMinimumSize(QSize(130, 0))

        self.change_type_row.addWidget(self.change_type)

        self.change_type_problem = QLabel(self.security_group)
        self.change_type_problem.setObjectName(u"change_type_problem")
        self.change_type_problem.setWordWrap(True)

        self.change_type_row.addWidget(self.change_type_problem)


        self.security_group_form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.change_type_row)

        self.change_date_label = QLabel(self.security_group)
        self.change_date_label.setObjectName(u"change_date_label")

        self.security_group_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.change_date_label)

        self.change_date_row = QHBoxLayout()
        self.change_date_row.setSpacing(8)
        self.change_date_row.setObjectName(u"change_date_row")
        self.change_date = DateEdit(self.security_group)
        self.change_date.setObjectName(u"change_date")
        self.change_date.setMaximumSize(QSize(140, 16777215))
        self.change_date.setMinimumSize(QSize(140, 0))

        self.change_date_row.addWidget(self.change_date)

        self.change_date_problem = QLabel(self.security_group)
        self.change_date_problem.setObjectName(u"change_date_problem")
        self.change_date_problem.setWordWrap(True)

        self.change_date_row.addWidget(self.change_date_problem)


        self.security_group_form.setLayout(7, QFormLayout.ItemRole.FieldRole, self.change_date_row)

        self.change_note_label = QLabel(self.security_group)
        self.change_note_label.setObjectName(u"change_note_label")

        self.security_group_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.change_note_label)

        self.change_note_row = QHBoxLayout()
        self.change_note_row.setSpacing(8)
        self.change_note_row.setObjectName(u"change_note_row")
        self.change_note = QLineEdit(self.security_group)
        self.change_note.setObjectName(u"change_note")
        self.change_note.setMaximumSize(QSize(160, 16777215))
        self.change_note.setMinimumSize(QSize(160, 0))

        self.change_note_row.addWidget(self.change_note)

        self.change_note_problem = QLabel(self.security_group)
        self.change_note_problem.setObjectName(u"change_note_problem")
        self.change_note_problem.setWordWrap(True)

        self.change_note_row.addWidget(self.change_note_problem)


        self.security_group_form.setLayout(8, QFormLayout.ItemRole.FieldRole, self.change_note_row)


        self.member_columns_2.addWidget(self.security_group)

        self.security_group_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.member_columns_2.addItem(self.security_group_spacer)


        self.member_columns.addLayout(self.member_columns_2)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.id_number_label.setBuddy(self.id_number)
        self.relation_label.setBuddy(self.relation)
        self.sex_label.setBuddy(self.sex)
        self.birth_date_label.setBuddy(self.birth_date)
        self.ethnicity_label.setBuddy(self.ethnicity)
        self.political_label.setBuddy(self.political)
        self.phone_label.setBuddy(self.phone)
        self.education_label.setBuddy(self.education)
        self.schooling_label.setBuddy(self.schooling)
        self.health_label.setBuddy(self.health)
        self.disability_category_label.setBuddy(self.disability_category)
        self.disability_grade_label.setBuddy(self.disability_grade)
        self.labour_label.setBuddy(self.labour)
        self.work_status_label.setBuddy(self.work_status)
        self.work_months_label.setBuddy(self.work_months)
        self.medical_insurance_label.setBuddy(self.medical_insurance)
        self.serious_illness_insurance_label.setBuddy(self.serious_illness_insurance)
        self.pension_insurance_label.setBuddy(self.pension_insurance)
        self.commercial_insurance_label.setBuddy(self.commercial_insurance)
        self.dibao_label.setBuddy(self.dibao)
        self.tekun_label.setBuddy(self.tekun)
        self.change_type_label.setBuddy(self.change_type)
        self.change_date_label.setBuddy(self.change_date)
        self.change_note_label.setBuddy(self.change_note)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MemberForm)

        QMetaObject.connectSlotsByName(MemberForm)
    # setupUi

    def retranslateUi(self, MemberForm):
        self.person_group.setTitle(QCoreApplication.translate("MemberForm", u"\u4e2a\u4eba\u4fe1\u606f", None))
        self.name_label.setText(QCoreApplication.translate("MemberForm", u"\u59d3\u540d\uff1a", None))
        self.name_problem.setText("")
        self.id_number_label.setText(QCoreApplication.translate("MemberForm", u"\u516c\u6c11\u8eab\u4efd\u53f7\u7801\uff1a", None))
        self.relation_label.setText(QCoreApplication.translate("MemberForm", u"\u4e0e\u6237\u4e3b\u5173\u7cfb\uff1a", None))
        self.relation_problem.setText("")
        self.sex_label.setText(QCoreApplication.translate("MemberForm", u"\u6027\u522b\uff1a", None))
        self.sex_problem.setText("")
        self.birth_date_label.setText(QCoreApplication.translate("MemberForm", u"\u51fa\u751f\u65e5\u671f\uff1a", None))
        self.birth_date_problem.setText("")
        self.ethnicity_label.setText(QCoreApplication.translate("MemberForm", u"\u6c11\u65cf\uff1a", None))
        self.ethnicity_problem.setText("")
        self.political_label.setText(QCoreApplication.translate("MemberForm", u"\u653f\u6cbb\u9762\u8c8c\uff1a", None))
        self.political_problem.setText("")
        self.phone_label.setText(QCoreApplication.translate("MemberForm", u"\u8054\u7cfb\u7535\u8bdd\uff1a", None))
        self.phone_problem.setText("")
        self.ability_group.setTitle(QCoreApplication.translate("MemberForm", u"\u6559\u80b2\u3001\u5065\u5eb7\u4e0e\u5c31\u4e1a", None))
        self.education_label.setText(QCoreApplication.translate("MemberForm", u"\u6587\u5316\u7a0b\u5ea6\uff1a", None))
        self.education_problem.setText("")
        self.schooling_label.setText(QCoreApplication.translate("MemberForm", u"\u5728\u6821\u751f\u72b6\u51b5\uff1a", None))
        self.schooling_problem.setText("")
        self.health_label.setText(QCoreApplication.translate("MemberForm", u"\u5065\u5eb7\u72b6\u51b5\uff1a", None))
        self.health_problem.setText("")
        self.disability_category_label.setText(QCoreApplication.translate("MemberForm", u"\u6b8b\u75be\u7c7b\u522b\uff1a", None))
        self.disability_category_problem.setText("")
        self.disability_grade_label.setText(QCoreApplication.translate("MemberForm", u"\u6b8b\u75be\u7b49\u7ea7\uff1a", None))
        self.disability_grade_problem.setText("")
        self.labour_label.setText(QCoreApplication.translate("MemberForm", u"\u52b3\u52a8\u6280\u80fd\uff1a", None))
        self.labour_problem.setText("")
        self.work_status_label.setText(QCoreApplication.translate("MemberForm", u"\u52a1\u5de5\u72b6\u51b5\uff1a", None))
        self.work_status_problem.setText("")
        self.work_months_label.setText(QCoreApplication.translate("MemberForm", u"\u52a1\u5de5\u65f6\u95f4\uff1a", None))
        self.work_months.setSuffix(QCoreApplication.translate("MemberForm", u" \u4e2a\u6708", None))
        self.work_months_problem.setText("")
        self.security_group.setTitle(QCoreApplication.translate("MemberForm", u"\u4fdd\u969c\u4e0e\u4eba\u5458\u53d8\u66f4", None))
        self.medical_insurance_label.setText(QCoreApplication.translate("MemberForm", u"\u57fa\u672c\u533b\u7597\u4fdd\u9669\uff1a", None))
        self.medical_insurance.setText(QCoreApplication.translate("MemberForm", u"\u53c2\u52a0", None))
        self.medical_insurance_problem.setText("")
        self.serious_illness_insurance_label.setText(QCoreApplication.translate("MemberForm", u"\u5927\u75c5\u4fdd\u9669\uff1a", None))
        self.serious_illness_insurance.setText(QCoreApplication.translate("MemberForm", u"\u53c2\u52a0", None))
        self.serious_illness_insurance_problem.setText("")
        self.pension_insurance_label.setText(QCoreApplication.translate("MemberForm", u"\u57fa\u672c\u517b\u8001\u4fdd\u9669\uff1a", None))
        self.pension_insurance.setText(QCoreApplication.translate("MemberForm", u"\u53c2\u52a0", None))
        self.pension_insurance_problem.setText("")
        self.commercial_insurance_label.setText(QCoreApplication.translate("MemberForm", u"\u5546\u4e1a\u8865\u5145\u533b\u7597\u4fdd\u9669\uff1a", None))
        self.commercial_insurance.setText(QCoreApplication.translate("MemberForm", u"\u53c2\u52a0", None))
        self.commercial_insurance_problem.setText("")
        self.dibao_label.setText(QCoreApplication.translate("MemberForm", u"\u4eab\u53d7\u4f4e\u4fdd\uff1a", None))
        self.dibao.setText(QCoreApplication.translate("MemberForm", u"\u662f", None))
        self.dibao_problem.setText("")
        self.tekun_label.setText(QCoreApplication.translate("MemberForm", u"\u7279\u56f0\u4f9b\u517b\uff1a", None))
        self.tekun.setText(QCoreApplication.translate("MemberForm", u"\u662f", None))
        self.tekun_problem.setText("")
        self.change_type_label.setText(QCoreApplication.translate("MemberForm", u"\u4eba\u5458\u53d8\u66f4\uff1a", None))
        self.change_type_problem.setText("")
        self.change_date_label.setText(QCoreApplication.translate("MemberForm", u"\u53d8\u66f4\u65e5\u671f\uff1a", None))
        self.change_date_problem.setText("")
        self.change_note_label.setText(QCoreApplication.translate("MemberForm", u"\u53d8\u66f4\u8bf4\u660e\uff1a", None))
        self.change_note_problem.setText("")
        pass
    # retranslateUi

