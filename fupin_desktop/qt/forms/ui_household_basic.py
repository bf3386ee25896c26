# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'household_basic.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from fupin_desktop.qt.widgets.code_combo import CodeCombo
from fupin_desktop.qt.widgets.date_edit import DateEdit

class Ui_HouseholdBasicForm(object):
    def setupUi(self, HouseholdBasicForm):
        if not HouseholdBasicForm.objectName():
            HouseholdBasicForm.setObjectName(u"HouseholdBasicForm")
        self.basic_columns = QHBoxLayout(HouseholdBasicForm)
        self.basic_columns.setSpacing(12)
        self.basic_columns.setObjectName(u"basic_columns")
        self.basic_columns_0 = QVBoxLayout()
        self.basic_columns_0.setObjectName(u"basic_columns_0")
        self.identity_group = QGroupBox(HouseholdBasicForm)
        self.identity_group.setObjectName(u"identity_group")
        self.identity_group_form = QFormLayout(self.identity_group)
        self.identity_group_form.setObjectName(u"identity_group_form")
        self.identity_group_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.identity_group_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.identity_group_form.setHorizontalSpacing(10)
        self.identity_group_form.setVerticalSpacing(7)
        self.number_label = QLabel(self.identity_group)
        self.number_label.setObjectName(u"number_label")

        self.identity_group_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.number_label)

        self.number_row = QHBoxLayout()
        self.number_row.setSpacing(8)
        self.number_row.setObjectName(u"number_row")
        self.number = QLineEdit(self.identity_group)
        self.number.setObjectName(u"number")
        self.number.setMaximumSize(QSize(220, 16777215))
        self.number.setMinimumSize(QSize(220, 0))

        self.number_row.addWidget(self.number)

        self.number_problem = QLabel(self.identity_group)
        self.number_problem.setObjectName(u"number_problem")
        self.number_problem.setWordWrap(True)

        self.number_row.addWidget(self.number_problem)


        self.identity_group_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.number_row)

        self.village_group_label = QLabel(self.identity_group)
        self.village_group_label.setObjectName(u"village_group_label")

        self.identity_group_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.village_group_label)

        self.village_group_row = QHBoxLayout()
        self.village_group_row.setSpacing(8)
        self.village_group_row.setObjectName(u"village_group_row")
        self.village_group = QComboBox(self.identity_group)
        self.village_group.setObjectName(u"village_group")
        self.village_group.setMaximumSize(QSize(220, 16777215))
        self.village_group.setMinimumSize(QSize(220, 0))

        self.village_group_row.addWidget(self.village_group)

        self.village_group_problem = QLabel(self.identity_group)
        self.village_group_problem.setObjectName(u"village_group_problem")
        self.village_group_problem.setWordWrap(True)

        self.village_group_row.addWidget(self.village_group_problem)


        self.identity_group_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.village_group_row)

        self.address_label = QLabel(self.identity_group)
        self.address_label.setObjectName(u"address_label")

        self.identity_group_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.address_label)

        self.address_row = QHBoxLayout()
        self.address_row.setSpacing(8)
        self.address_row.setObjectName(u"address_row")
        self.address = QLineEdit(self.identity_group)
        self.address.setObjectName(u"address")
        self.address.setMaximumSize(QSize(300, 16777215))
        self.address.setMinimumSize(QSize(220, 0))

        self.address_row.addWidget(self.address)

        self.address_problem = QLabel(self.identity_group)
        self.address_problem.setObjectName(u"address_problem")
        self.address_problem.setWordWrap(True)

        self.address_row.addWidget(self.address_problem)


        self.identity_group_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.address_row)

        self.phone_label = QLabel(self.identity_group)
        self.phone_label.setObjectName(u"phone_label")

        self.identity_group_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone_row = QHBoxLayout()
        self.phone_row.setSpacing(8)
        self.phone_row.setObjectName(u"phone_row")
        self.phone = QLineEdit(self.identity_group)
        self.phone.setObjectName(u"phone")
        self.phone.setMaxLength(20)
        self.phone.setMaximumSize(QSize(220, 16777215))
        self.phone.setMinimumSize(QSize(220, 0))

        self.phone_row.addWidget(self.phone)

        self.phone_problem = QLabel(self.identity_group)
        self.phone_problem.setObjectName(u"phone_problem")
        self.phone_problem.setWordWrap(True)

        self.phone_row.addWidget(self.phone_problem)


        self.identity_group_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.phone_row)

        self.bank_label = QLabel(self.identity_group)
        self.bank_label.setObjectName(u"bank_label")

        self.identity_group_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.bank_label)

        self.bank_row = QHBoxLayout()
        self.bank_row.setSpacing(8)
        self.bank_row.setObjectName(u"bank_row")
        self.bank = QLineEdit(self.identity_group)
        self.bank.setObjectName(u"bank")
        self.bank.setMaximumSize(QSize(220, 16777215))
        self.bank.setMinimumSize(QSize(220, 0))

        self.bank_row.addWidget(self.bank)

        self.bank_problem = QLabel(self.identity_group)
        self.bank_problem.setObjectName(u"bank_problem")
        self.bank_problem.setWordWrap(True)

        self.bank_row.addWidget(self.bank_problem)


        self.identity_group_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.bank_row)

        self.bank_account_label = QLabel(self.identity_group)
        self.bank_account_label.setObjectName(u"bank_account_label")

        self.identity_group_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.bank_account_label)

        self.bank_account_row = QHBoxLayout()
        self.bank_account_row.setSpacing(8)
        self.bank_account_row.setObjectName(u"bank_account_row")
        self.bank_account = QLineEdit(self.identity_group)
        self.bank_account.setObjectName(u"bank_account")
        self.bank_account.setMaxLength(30)
        self.bank_account.setMaximumSize(QSize(220, 16777215))
        self.bank_account.setMinimumSize(QSize(220, 0))

        self.bank_account_row.addWidget(self.bank_account)

        self.bank_account_problem = QLabel(self.identity_group)
        self.bank_account_problem.setObjectName(u"bank_account_problem")
        self.bank_account_problem.setWordWrap(True)

        self.bank_account_row.addWidget(self.bank_account_problem)


        self.identity_group_form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.bank_account_row)


        self.basic_columns_0.addWidget(self.identity_group)

        self.family_group = QGroupBox(HouseholdBasicForm)
        self.family_group.setObjectName(u"family_group")
        self.family_group_form = QFormLayout(self.family_group)
        self.family_group_form.setObjectName(u"family_group_form")
        self.family_group_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.family_group_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.family_group_form.setHorizontalSpacing(10)
        self.family_group_form.setVerticalSpacing(7)
        self.military_family_label = QLabel(self.family_group)
        self.military_family_label.setObjectName(u"military_family_label")

        self.family_group_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.military_family_label)

        self.military_family_row = QHBoxLayout()
        self.military_family_row.setSpacing(8)
        self.military_family_row.setObjectName(u"military_family_row")
        self.military_family = QCheckBox(self.family_group)
        self.military_family.setObjectName(u"military_family")

        self.military_family_row.addWidget(self.military_family)

        self.military_family_problem = QLabel(self.family_group)
        self.military_family_problem.setObjectName(u"military_family_problem")
        self.military_family_problem.setWordWrap(True)

        self.military_family_row.addWidget(self.military_family_problem)


        self.family_group_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.military_family_row)

        self.only_child_label = QLabel(self.family_group)
        self.only_child_label.setObjectName(u"only_child_label")

        self.family_group_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.only_child_label)

        self.only_child_row = QHBoxLayout()
        self.only_child_row.setSpacing(8)
        self.only_child_row.setObjectName(u"only_child_row")
        self.only_child = QCheckBox(self.family_group)
        self.only_child.setObjectName(u"only_child")

        self.only_child_row.addWidget(self.only_child)

        self.only_child_problem = QLabel(self.family_group)
        self.only_child_problem.setObjectName(u"only_child_problem")
        self.only_child_problem.setWordWrap(True)

        self.only_child_row.addWidget(self.only_child_problem)


        self.family_group_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.only_child_row)

        self.two_daughters_label = QLabel(self.family_group)
        self.two_daughters_label.setObjectName(u"two_daughters_label")

        self.family_group_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.two_daughters_label)

        self.two_daughters_row = QHBoxLayout()
        self.two_daughters_row.setSpacing(8)
        self.two_daughters_row.setObjectName(u"two_daughters_row")
        self.two_daughters = QCheckBox(self.family_group)
        self.two_daughters.setObjectName(u"two_daughters")

        self.two_daughters_row.addWidget(self.two_daughters)

        self.two_daughters_problem = QLabel(self.family_group)
        self.two_daughters_problem.setObjectName(u"two_daughters_problem")
        self.two_daughters_problem.setWordWrap(True)

        self.two_daughters_row.addWidget(self.two_daughters_problem)


        self.family_group_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.two_daughters_row)


        self.basic_columns_0.addWidget(self.family_group)

        self.identity_group_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.basic_columns_0.addItem(self.identity_group_spacer)


        self.basic_columns.addLayout(self.basic_columns_0)

        self.basic_columns_1 = QVBoxLayout()
        self.basic_columns_1.setObjectName(u"basic_columns_1")
        self.status_group = QGroupBox(HouseholdBasicForm)
        self.status_group.setObjectName(u"status_group")
        self.status_group_form = QFormLayout(self.status_group)
        self.status_group_form.setObjectName(u"status_group_form")
        self.status_group_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.status_group_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.status_group_form.setHorizontalSpacing(10)
        self.status_group_form.setVerticalSpacing(7)
        self.standard_label = QLabel(self.status_group)
        self.standard_label.setObjectName(u"standard_label")

        self.status_group_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.standard_label)

        self.standard_row = QHBoxLayout()
        self.standard_row.setSpacing(8)
        self.standard_row.setObjectName(u"standard_row")
        self.standard = CodeCombo(self.status_group)
        self.standard.setObjectName(u"standard")
        self.standard.setMaximumSize(QSize(200, 16777215))
        self.standard.setMinimumSize(QSize(200, 0))

        self.standard_row.addWidget(self.standard)

        self.standard_problem = QLabel(self.status_group)
        self.standard_problem.setObjectName(u"standard_problem")
        self.standard_problem.setWordWrap(True)

        self.standard_row.addWidget(self.standard_problem)


        self.status_group_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.standard_row)

        self.attribute_label = QLabel(self.status_group)
        self.attribute_label.setObjectName(u"attribute_label")

        self.status_group_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.attribute_label)

        self.attribute_row = QHBoxLayout()
        self.attribute_row.setSpacing(8)
        self.attribute_row.setObjectName(u"attribute_row")
        self.attribute = CodeCombo(self.status_group)
        self.attribute.setObjectName(u"attribute")
        self.attribute.setMaximumSize(QSize(200, 16777215))
        self.attribute.setMinimumSize(QSize(200, 0))

        self.attribute_row.addWidget(self.attribute)

        self.attribute_problem = QLabel(self.status_group)
        self.attribute_problem.setObjectName(u"attribute_problem")
        self.attribute_problem.setWordWrap(True)

        self.attribute_row.addWidget(self.attribute_problem)


        self.status_group_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.attribute_row)

        self.identified_on_label = QLabel(self.status_group)
        self.identified_on_label.setObjectName(u"identified_on_label")

        self.status_group_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.identified_on_label)

        self.identified_on_row = QHBoxLayout()
        self.identified_on_row.setSpacing(8)
        self.identified_on_row.setObjectName(u"identified_on_row")
        self.identified_on = DateEdit(self.status_group)
        self.identified_on.setObjectName(u"identified_on")
        self.identified_on.setMaximumSize(QSize(140, 16777215))
        self.identified_on.setMinimumSize(QSize(140, 0))

        self.identified_on_row.addWidget(self.identified_on)

        self.identified_on_problem = QLabel(self.status_group)
        self.identified_on_problem.setObjectName(u"identified_on_problem")
        self.identified_on_problem.setWordWrap(True)

        self.identified_on_row.addWidget(self.identified_on_problem)


        self.status_group_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.identified_on_row)

        self.planned_exit_year_label = QLabel(self.status_group)
        self.planned_exit_year_label.setObjectName(u"planned_exit_year_label")

        self.status_group_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.planned_exit_year_label)

        self.planned_exit_year_row = QHBoxLayout()
        self.planned_exit_year_row.setSpacing(8)
        self.planned_exit_year_row.setObjectName(u"planned_exit_year_row")
        self.planned_exit_year = QLineEdit(self.status_group)
        self.planned_exit_year.setObjectName(u"planned_exit_year")
        self.planned_exit_year.setMaxLength(4)
        self.planned_exit_year.setMaximumSize(QSize(90, 16777215))
        self.planned_exit_year.setMinimumSize(QSize(90, 0))

        self.planned_exit_year_row.addWidget(self.planned_exit_year)

        self.planned_exit_year_problem = QLabel(self.status_group)
        self.planned_exit_year_problem.setObjectName(u"planned_exit_year_problem")
        self.planned_exit_year_problem.setWordWrap(True)

        self.planned_exit_year_row.addWidget(self.planned_exit_year_problem)


        self.status_group_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.planned_exit_year_row)

        self.exit_status_label = QLabel(self.status_group)
        self.exit_status_label.setObjectName(u"exit_status_label")

        self.status_group_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.exit_status_label)

        self.exit_status_row = QHBoxLayout()
        self.exit_status_row.setSpacing(8)
        self.exit_status_row.setObjectName(u"exit_status_row")
        self.exit_status = CodeCombo(self.status_group)
        self.exit_status.setObjectName(u"exit_status")
        self.exit_status.setMaximumSize(QSize(200, 16777215))
        self.exit_status.setMinimumSize(QSize(200, 0))

        self.exit_status_row.addWidget(self.exit_status)

        self.exit_status_problem = QLabel(self.status_group)
        self.exit_status_problem.setObjectName(u"exit_status_problem")
        self.exit_status_problem.setWordWrap(True)

        self.exit_status_row.addWidget(self.exit_status_problem)


        self.status_group_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.exit_status_row)

        self.exit_year_label = QLabel(self.status_group)
        self.exit_year_label.setObjectName(u"exit_year_label")

        self.status_group_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.exit_year_label)

        self.exit_year_row = QHBoxLayout()
        self.exit_year_row.setSpacing(8)
        self.exit_year_row.setObjectName(u"exit_year_row")
        self.exit_year = QLineEdit(self.status_group)
        self.exit_year.setObjectName(u"exit_year")
        self.exit_year.setMaxLength(4)
        self.exit_year.setMaximumSize(QSize(90, 16777215))
        self.exit_year.setMinimumSize(QSize(90, 0))

        self.exit_year_row.addWidget(self.exit_year)

        self.exit_year_problem = QLabel(self.status_group)
        self.exit_year_problem.setObjectName(u"exit_year_problem")
        self.exit_year_problem.setWordWrap(True)

        self.exit_year_row.addWidget(self.exit_year_problem)


        self.status_group_form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.exit_year_row)


        self.basic_columns_1.addWidget(self.status_group)

        self.colour_group = QGroupBox(HouseholdBasicForm)
        self.colour_group.setObjectName(u"colour_group")
        self.colour_group_form = QFormLayout(self.colour_group)
        self.colour_group_form.setObjectName(u"colour_group_form")
        self.colour_group_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.colour_group_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.colour_group_form.setHorizontalSpacing(10)
        self.colour_group_form.setVerticalSpacing(7)
        self.colour_override_label = QLabel(self.colour_group)
        self.colour_override_label.setObjectName(u"colour_override_label")

        self.colour_group_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.colour_override_label)

        self.colour_override_row = QHBoxLayout()
        self.colour_override_row.setSpacing(8)
        self.colour_override_row.setObjectName(u"colour_override_row")
        self.colour_override = CodeCombo(self.colour_group)
        self.colour_override.setObjectName(u"colour_override")
        self.colour_override.setMaximumSize(QSize(200, 16777215))
        self.colour_override.setMinimumSize(QSize(200, 0))

        self.colour_override_row.addWidget(self.colour_override)

        self.colour_override_problem = QLabel(self.colour_group)
        self.colour_override_problem.setObjectName(u"colour_override_problem")
        self.colour_override_problem.setWordWrap(True)

        self.colour_override_row.addWidget(self.colour_override_problem)


        self.colour_group_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.colour_override_row)

        self.colour_override_reason_label = QLabel(self.colour_group)
        self.colour_override_reason_label.setObjectName(u"colour_override_reason_label")

        self.colour_group_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.colour_override_reason_label)

        self.colour_override_reason_row = QHBoxLayout()
        self.colour_override_reason_row.setSpacing(8)
        self.colour_override_reason_row.setObjectName(u"colour_override_reason_row")
        self.colour_override_reason = QLineEdit(self.colour_group)
        self.colour_override_reason.setObjectName(u"colour_override_reason")
        self.colour_override_reason.setMaximumSize(QSize(300, 16777215))
        self.colour_override_reason.setMinimumSize(QSize(300, 0))

        self.colour_override_reason_row.addWidget(self.colour_override_reason)

        self.colour_override_reason_problem = QLabel(self.colour_group)
        self.colour_override_reason_problem.setObjectName(u"colour_override_reason_problem")
        self.colour_override_reason_problem.setWordWrap(True)

        self.colour_override_reason_row.addWidget(self.colour_override_reason_problem)


        self.colour_group_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.colour_override_reason_row)

        self.colour_auto_label = QLabel(self.colour_group)
        self.colour_auto_label.setObjectName(u"colour_auto_label")
        self.colour_auto_label.setWordWrap(True)

        self.colour_group_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.colour_auto_label)


        self.basic_columns_1.addWidget(self.colour_group)

        self.status_group_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.basic_columns_1.addItem(self.status_group_spacer)


        self.basic_columns.addLayout(self.basic_columns_1)

#if QT_CONFIG(shortcut)
        self.number_label.setBuddy(self.number)
        self.village_group_label.setBuddy(self.village_group)
        self.address_label.setBuddy(self.address)
        self.phone_label.setBuddy(self.phone)
        self.bank_label.setBuddy(self.bank)
        self.bank_account_label.setBuddy(self.bank_account)
        self.military_family_label.setBuddy(self.military_family)
        self.only_child_label.setBuddy(self.only_child)
        self.two_daughters_label.setBuddy(self.two_daughters)
        self.standard_label.setBuddy(self.standard)
        self.attribute_label.setBuddy(self.attribute)
        self.identified_on_label.setBuddy(self.identified_on)
        self.planned_exit_year_label.setBuddy(self.planned_exit_year)
        self.exit_status_label.setBuddy(self.exit_status)
        self.exit_year_label.setBuddy(self.exit_year)
        self.colour_override_label.setBuddy(self.colour_override)
        self.colour_override_reason_label.setBuddy(self.colour_override_reason)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(HouseholdBasicForm)

        QMetaObject.connectSlotsByName(HouseholdBasicForm)
    # setupUi

    def retranslateUi(self, HouseholdBasicForm):
        self.identity_group.setTitle(QCoreApplication.translate("HouseholdBasicForm", u"\u6237\u57fa\u672c\u4fe1\u606f", None))
        self.number_label.setText(QCoreApplication.translate("HouseholdBasicForm", u"\u6237\u7f16\u53f7\uff1a", None))
        self.number.setPlaceholderText(QCoreApplication.translate("HouseholdBasicForm", u"\u56fd\u5bb6\u7cfb\u7edf\u6237\u7f16\u53f7", None))
        self.number_problem.setText("")
        self.village_group_label.setText(QCoreApplication.translate("HouseholdBasicForm", u"\u6751\u6c11\u5c0f\u7ec4\uff1a", None))
        self.village_group_problem.setText("")
        self.address_label.setText(QCoreApplication.translate("HouseholdBasicForm", u"\u5bb6\u5ead\u4f4f\u5740\uff1a", None))
        self.address_problem.setText("")
        self.phone_label.setText(QCoreApplication.translate("HouseholdBasicForm", u"\u8054\u7cfb\u7535\u8bdd\uff1a", None))
        self.phone_problem.setText("")
        self.bank_label.setText(QCoreApplication.translate("HouseholdBasicForm", u"\u5f00\u6237\u94f6\u884c\uff1a", None))
        self.bank_problem.setText("")
        self.bank_account_label.setText(QCoreApplication.translate("HouseholdBasicForm", u"\u94f6\u884c\u8d26\u53f7\uff1a", None))
        self.bank_account_problem.setText("")
        self.family_group.setTitle(QCoreApplication.translate("HouseholdBasicForm", u"\u5bb6\u5ead\u7c7b\u578b", None))
        self.military_family_label.setText(QCoreApplication.translate("HouseholdBasicForm", u"\u519b\u70c8\u5c5e\uff1a", None))
        self.military_family.setText(QCoreApplication.translate("HouseholdBasicForm", u"\u662f", None))
        self.military_family_problem.setText("")
        self.only_child_label.setText(QCoreApplication.translate("HouseholdBasicForm", u"\u72ec\u751f\u5b50\u5973\u6237\uff1a", None))
        self.only_child.setText(QCoreApplication.translate("HouseholdBasicForm", u"\u662f", None))
        self.only_child_problem.setText("")
        self.two_daughters_label.setText(QCoreApplication.translate("HouseholdBasicForm", u"\u53cc\u5973\u6237\uff1a", None))
        self.two_daughters.setText(QCoreApplication.translate("HouseholdBasicForm", u"\u662f", None))
        self.two_daughters_problem.setText("")
        self.status_group.setTitle(QCoreApplication.translate("HouseholdBasicForm", u"\u8bc6\u522b\u4e0e\u8131\u8d2b", None))
        self.standard_label.setText(QCoreApplication.translate("HouseholdBasicForm", u"\u8bc6\u522b\u6807\u51c6\uff1a", None))
        self.standard_problem.setText("")
        self.attribute_label.setText(QCoreApplication.translate("HouseholdBasicForm", u"\u8d2b\u56f0\u6237\u5c5e\u6027\uff1a", None))
        self.attribute_problem.setText("")
        self.identified_on_label.setText(QCoreApplication.translate("HouseholdBasicForm", u"\u9996\u6b21\u8bc6\u522b\u65f6\u95f4\uff1a", None))
        self.identified_on_problem.setText("")
        self.planned_exit_year_label.setText(QCoreApplication.translate("HouseholdBasicForm", u"\u8ba1\u5212\u8131\u8d2b\u5e74\u5ea6\uff1a", None))
        self.planned_exit_year.setPlaceholderText(QCoreApplication.translate("HouseholdBasicForm", u"\u5982 2020", None))
        self.planned_exit_year_problem.setText("")
        self.exit_status_label.setText(QCoreApplication.translate("HouseholdBasicForm", u"\u8131\u8d2b\u72b6\u6001\uff1a", None))
        self.exit_status_problem.setText("")
        self.exit_year_label.setText(QCoreApplication.translate("HouseholdBasicForm", u"\u8131\u8d2b\u5e74\u5ea6\uff1a", None))
        self.exit_year_problem.setText("")
        self.colour_group.setTitle(QCoreApplication.translate("HouseholdBasicForm", u"\u4e09\u8272\u6807\u8bc6", None))
        self.colour_override_label.setText(QCoreApplication.translate("HouseholdBasicForm", u"\u4eba\u5de5\u6807\u8272\uff1a", None))
#if QT_CONFIG(tooltip)
        self.colour_override.setToolTip(QCoreApplication.translate("HouseholdBasicForm", u"\u7559\u7a7a\u5219\u6309\u8131\u8d2b\u72b6\u6001\u81ea\u52a8\u6807\u8272\uff1b\u4eba\u5de5\u6307\u5b9a\u989c\u8272\u5fc5\u987b\u586b\u5199\u539f\u56e0", None))
#endif // QT_CONFIG(tooltip)
        self.colour_override_problem.setText("")
        self.colour_override_reason_label.setText(QCoreApplication.translate("HouseholdBasicForm", u"\u6807\u8272\u539f\u56e0\uff1a", None))
        self.colour_override_reason.setPlaceholderText(QCoreApplication.translate("HouseholdBasicForm", u"\u4eba\u5de5\u6307\u5b9a\u989c\u8272\u65f6\u5fc5\u586b", None))
        self.colour_override_reason_problem.setText("")
        self.colour_auto_label.setText("")
        pass
    # retranslateUi

