# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'household_causes.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from fupin_desktop.qt.widgets.code_checks import CodeChecks
from fupin_desktop.qt.widgets.code_combo import CodeCombo
from fupin_desktop.qt.widgets.date_edit import DateEdit

class Ui_HouseholdCausesForm(object):
    def setupUi(self, HouseholdCausesForm):
        if not HouseholdCausesForm.objectName():
            HouseholdCausesForm.setObjectName(u"HouseholdCausesForm")
        self.causes_columns = QHBoxLayout(HouseholdCausesForm)
        self.causes_columns.setSpacing(12)
        self.causes_columns.setObjectName(u"causes_columns")
        self.causes_columns_0 = QVBoxLayout()
        self.causes_columns_0.setObjectName(u"causes_columns_0")
        self.causes_group = QGroupBox(HouseholdCausesForm)
        self.causes_group.setObjectName(u"causes_group")
        self.causes_group_form = QFormLayout(self.causes_group)
        self.causes_group_form.setObjectName(u"causes_group_form")
        self.causes_group_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.causes_group_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.causes_group_form.setHorizontalSpacing(10)
        self.causes_group_form.setVerticalSpacing(7)
        self.main_cause_label = QLabel(self.causes_group)
        self.main_cause_label.setObjectName(u"main_cause_label")

        self.causes_group_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.main_cause_label)

        self.main_cause_row = QHBoxLayout()
        self.main_cause_row.setSpacing(8)
        self.main_cause_row.setObjectName(u"main_cause_row")
        self.main_cause = CodeCombo(self.causes_group)
        self.main_cause.setObjectName(u"main_cause")
        self.main_cause.setMaximumSize(QSize(200, 16777215))
        self.main_cause.setMinimumSize(QSize(200, 0))

        self.main_cause_row.addWidget(self.main_cause)

        self.main_cause_problem = QLabel(self.causes_group)
        self.main_cause_problem.setObjectName(u"main_cause_problem")
        self.main_cause_problem.setWordWrap(True)

        self.main_cause_row.addWidget(self.main_cause_problem)


        self.causes_group_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.main_cause_row)

        self.other_cause_1_label = QLabel(self.causes_group)
        self.other_cause_1_label.setObjectName(u"other_cause_1_label")

        self.causes_group_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.other_cause_1_label)

        self.other_cause_1_row = QHBoxLayout()
        self.other_cause_1_row.setSpacing(8)
        self.other_cause_1_row.setObjectName(u"other_cause_1_row")
        self.other_cause_1 = CodeCombo(self.causes_group)
        self.other_cause_1.setObjectName(u"other_cause_1")
        self.other_cause_1.setMaximumSize(QSize(200, 16777215))
        self.other_cause_1.setMinimumSize(QSize(200, 0))

        self.other_cause_1_row.addWidget(self.other_cause_1)

        self.other_cause_1_problem = QLabel(self.causes_group)
        self.other_cause_1_problem.setObjectName(u"other_cause_1_problem")
        self.other_cause_1_problem.setWordWrap(True)

        self.other_cause_1_row.addWidget(self.other_cause_1_problem)


        self.causes_group_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.other_cause_1_row)

        self.other_cause_2_label = QLabel(self.causes_group)
        self.other_cause_2_label.setObjectName(u"other_cause_2_label")

        self.causes_group_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.other_cause_2_label)

        self.other_cause_2_row = QHBoxLayout()
        self.other_cause_2_row.setSpacing(8)
        self.other_cause_2_row.setObjectName(u"other_cause_2_row")
        self.other_cause_2 = CodeCombo(self.causes_group)
        self.other_cause_2.setObjectName(u"other_cause_2")
        self.other_cause_2.setMaximumSize(QSize(200, 16777215))
        self.other_cause_2.setMinimumSize(QSize(200, 0))

        self.other_cause_2_row.addWidget(self.other_cause_2)

        self.other_cause_2_problem = QLabel(self.causes_group)
        self.other_cause_2_problem.setObjectName(u"other_cause_2_problem")
        self.other_cause_2_problem.setWordWrap(True)

        self.other_cause_2_row.addWidget(self.other_cause_2_problem)


        self.causes_group_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.other_cause_2_row)


        self.causes_columns_0.addWidget(self.causes_group)

        self.causes_group_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.causes_columns_0.addItem(self.causes_group_spacer)


        self.causes_columns.addLayout(self.causes_columns_0)

        self.causes_columns_1 = QVBoxLayout()
        self.causes_columns_1.setObjectName(u"causes_columns_1")
        self.monitor_group = QGroupBox(HouseholdCausesForm)
        self.monitor_group.setObjectName(u"monitor_group")
        self.monitor_group_form = QFormLayout(self.monitor_group)
        self.monitor_group_form.setObjectName(u"monitor_group_form")
        self.monitor_group_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.monitor_group_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.monitor_group_form.setHorizontalSpacing(10)
        self.monitor_group_form.setVerticalSpacing(7)
        self.monitor_type_label = QLabel(self.monitor_group)
        self.monitor_type_label.setObjectName(u"monitor_type_label")

        self.monitor_group_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.monitor_type_label)

        self.monitor_type_row = QHBoxLayout()
        self.monitor_type_row.setSpacing(8)
        self.monitor_type_row.setObjectName(u"monitor_type_row")
        self.monitor_type = CodeCombo(self.monitor_group)
        self.monitor_type.setObjectName(u"monitor_type")
        self.monitor_type.setMaximumSize(QSize(200, 16777215))
        self.monitor_type.setMinimumSize(QSize(200, 0))

        self.monitor_type_row.addWidget(self.monitor_type)

        self.monitor_type_problem = QLabel(self.monitor_group)
        self.monitor_type_problem.setObjectName(u"monitor_type_problem")
        self.monitor_type_problem.setWordWrap(True)

        self.monitor_type_row.addWidget(self.monitor_type_problem)


        self.monitor_group_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.monitor_type_row)

        self.risk_types_label = QLabel(self.monitor_group)
        self.risk_types_label.setObjectName(u"risk_types_label")
        self.risk_types_label.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)

        self.monitor_group_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.risk_types_label)

        self.risk_types_row = QVBoxLayout()
        self.risk_types_row.setSpacing(2)
        self.risk_types_row.setObjectName(u"risk_types_row")
        self.risk_types = CodeChecks(self.monitor_group)
        self.risk_types.setObjectName(u"risk_types")

        self.risk_types_row.addWidget(self.risk_types)

        self.risk_types_problem = QLabel(self.monitor_group)
        self.risk_types_problem.setObjectName(u"risk_types_problem")
        self.risk_types_problem.setWordWrap(True)

        self.risk_types_row.addWidget(self.risk_types_problem)


        self.monitor_group_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.risk_types_row)

        self.risk_cleared_on_label = QLabel(self.monitor_group)
        self.risk_cleared_on_label.setObjectName(u"risk_cleared_on_label")

        self.monitor_group_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.risk_cleared_on_label)

        self.risk_cleared_on_row = QHBoxLayout()
        self.risk_cleared_on_row.setSpacing(8)
        self.risk_cleared_on_row.setObjectName(u"risk_cleared_on_row")
        self.risk_cleared_on = DateEdit(self.monitor_group)
        self.risk_cleared_on.setObjectName(u"risk_cleared_on")
        self.risk_cleared_on.setMaximumSize(QSize(140, 16777215))
        self.risk_cleared_on.setMinimumSize(QSize(140, 0))

        self.risk_cleared_on_row.addWidget(self.risk_cleared_on)

        self.risk_cleared_on_problem = QLabel(self.monitor_group)
        self.risk_cleared_on_problem.setObjectName(u"risk_cleared_on_problem")
        self.risk_cleared_on_problem.setWordWrap(True)

        self.risk_cleared_on_row.addWidget(self.risk_cleared_on_problem)

        self.risk_clear_method_label = QLabel(self.monitor_group)
        self.risk_clear_method_label.setObjectName(u"risk_clear_method_label")

        self.risk_cleared_on_row.addWidget(self.risk_clear_method_label)

        self.risk_clear_method = QLineEdit(self.monitor_group)
        self.risk_clear_method.setObjectName(u"risk_clear_method")
        self.risk_clear_method.setMaximumSize(QSize(220, 16777215))
        self.risk_clear_method.setMinimumSize(QSize(220, 0))

        self.risk_cleared_on_row.addWidget(self.risk_clear_method)

        self.risk_clear_method_problem = QLabel(self.monitor_group)
        self.risk_clear_method_problem.setObjectName(u"risk_clear_method_problem")
        self.risk_clear_method_problem.setWordWrap(True)

        self.risk_cleared_on_row.addWidget(self.risk_clear_method_problem)

        self.risk_clear_row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.risk_cleared_on_row.addItem(self.risk_clear_row_spacer)


        self.monitor_group_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.risk_cleared_on_row)


        self.causes_columns_1.addWidget(self.monitor_group)

        self.monitor_group_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.causes_columns_1.addItem(self.monitor_group_spacer)


        self.causes_columns.addLayout(self.causes_columns_1)

#if QT_CONFIG(shortcut)
        self.main_cause_label.setBuddy(self.main_cause)
        self.other_cause_1_label.setBuddy(self.other_cause_1)
        self.other_cause_2_label.setBuddy(self.other_cause_2)
        self.monitor_type_label.setBuddy(self.monitor_type)
        self.risk_types_label.setBuddy(self.risk_types)
        self.risk_cleared_on_label.setBuddy(self.risk_cleared_on)
        self.risk_clear_method_label.setBuddy(self.risk_clear_method)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(HouseholdCausesForm)

        QMetaObject.connectSlotsByName(HouseholdCausesForm)
    # setupUi

    def retranslateUi(self, HouseholdCausesForm):
        self.causes_group.setTitle(QCoreApplication.translate("HouseholdCausesForm", u"\u81f4\u8d2b\u539f\u56e0", None))
        self.main_cause_label.setText(QCoreApplication.translate("HouseholdCausesForm", u"\u4e3b\u8981\u81f4\u8d2b\u539f\u56e0\uff1a", None))
        self.main_cause_problem.setText("")
        self.other_cause_1_label.setText(QCoreApplication.translate("HouseholdCausesForm", u"\u5176\u4ed6\u81f4\u8d2b\u539f\u56e0\u4e00\uff1a", None))
        self.other_cause_1_problem.setText("")
        self.other_cause_2_label.setText(QCoreApplication.translate("HouseholdCausesForm", u"\u5176\u4ed6\u81f4\u8d2b\u539f\u56e0\u4e8c\uff1a", None))
        self.other_cause_2_problem.setText("")
        self.monitor_group.setTitle(QCoreApplication.translate("HouseholdCausesForm", u"\u9632\u8fd4\u8d2b\u76d1\u6d4b", None))
        self.monitor_type_label.setText(QCoreApplication.translate("HouseholdCausesForm", u"\u76d1\u6d4b\u5bf9\u8c61\u7c7b\u578b\uff1a", None))
        self.monitor_type_problem.setText("")
        self.risk_types_label.setText(QCoreApplication.translate("HouseholdCausesForm", u"\u98ce\u9669\u7c7b\u578b\uff1a", None))
#if QT_CONFIG(tooltip)
        self.risk_types.setToolTip(QCoreApplication.translate("HouseholdCausesForm", u"\u6700\u591a\u90095\u9879\uff1b\u53ea\u6709\u76d1\u6d4b\u5bf9\u8c61\u624d\u586b\u5199", None))
#endif // QT_CONFIG(tooltip)
        self.risk_types_problem.setText("")
        self.risk_cleared_on_label.setText(QCoreApplication.translate("HouseholdCausesForm", u"\u98ce\u9669\u6d88\u9664\uff1a", None))
        self.risk_cleared_on_problem.setText("")
        self.risk_clear_method_label.setText(QCoreApplication.translate("HouseholdCausesForm", u"\u6d88\u9664\u65b9\u5f0f\uff1a", None))
        self.risk_clear_method_problem.setText("")
        pass
    # retranslateUi

