# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'household_assistance.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

from fupin_desktop.qt.widgets.code_combo import CodeCombo
from fupin_desktop.qt.widgets.date_edit import DateEdit
from fupin_desktop.qt.widgets.money_edit import MoneyEdit

class Ui_HouseholdAssistanceForm(object):
    def setupUi(self, HouseholdAssistanceForm):
        if not HouseholdAssistanceForm.objectName():
            HouseholdAssistanceForm.setObjectName(u"HouseholdAssistanceForm")
        self.assistance_layout = QVBoxLayout(HouseholdAssistanceForm)
        self.assistance_layout.setSpacing(10)
        self.assistance_layout.setObjectName(u"assistance_layout")
        self.helper_group = QGroupBox(HouseholdAssistanceForm)
        self.helper_group.setObjectName(u"helper_group")
        self.helper_layout = QHBoxLayout(self.helper_group)
        self.helper_layout.setSpacing(12)
        self.helper_layout.setObjectName(u"helper_layout")
        self.helper_left = QVBoxLayout()
        self.helper_left.setSpacing(6)
        self.helper_left.setObjectName(u"helper_left")
        self.current_helper_label = QLabel(self.helper_group)
        self.current_helper_label.setObjectName(u"current_helper_label")
        self.current_helper_label.setWordWrap(True)

        self.helper_left.addWidget(self.current_helper_label)

        self.helper_form = QFormLayout()
        self.helper_form.setObjectName(u"helper_form")
        self.helper_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.helper_choice_label = QLabel(self.helper_group)
        self.helper_choice_label.setObjectName(u"helper_choice_label")

        self.helper_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.helper_choice_label)

        self.helper_choice = QComboBox(self.helper_group)
        self.helper_choice.setObjectName(u"helper_choice")
        self.helper_choice.setMinimumSize(QSize(240, 0))
        self.helper_choice.setMaximumSize(QSize(240, 16777215))

        self.helper_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.helper_choice)

        self.helper_reason_label = QLabel(self.helper_group)
        self.helper_reason_label.setObjectName(u"helper_reason_label")

        self.helper_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.helper_reason_label)

        self.helper_reason = QLineEdit(self.helper_group)
        self.helper_reason.setObjectName(u"helper_reason")
        self.helper_reason.setMinimumSize(QSize(240, 0))
        self.helper_reason.setMaximumSize(QSize(240, 16777215))

        self.helper_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.helper_reason)


        self.helper_left.addLayout(self.helper_form)

        self.helper_button_row = QHBoxLayout()
        self.helper_button_row.setSpacing(8)
        self.helper_button_row.setObjectName(u"helper_button_row")
        self.helper_button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.helper_button_row.addItem(self.helper_button_spacer)

        self.assign_button = QPushButton(self.helper_group)
        self.assign_button.setObjectName(u"assign_button")
        self.assign_button.setAutoDefault(False)

        self.helper_button_row.addWidget(self.assign_button)


        self.helper_left.addLayout(self.helper_button_row)

        self.helper_left_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.helper_left.addItem(self.helper_left_spacer)


        self.helper_layout.addLayout(self.helper_left)

        self.pairings_table = QTableWidget(self.helper_group)
        if (self.pairings_table.columnCount() < 6):
            self.pairings_table.setColumnCount(6)
        __qtablewidgetitem = QTableWidgetItem()
        self.pairings_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.pairings_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.pairings_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.pairings_table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.pairings_table.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.pairings_table.setHorizontalHeaderItem(5, __qtablewidgetitem5)
        self.pairings_table.setObjectName(u"pairings_table")
        self.pairings_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pairings_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pairings_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.pairings_table.setAlternatingRowColors(True)
        self.pairings_table.setWordWrap(False)
        self.pairings_table.setMinimumSize(QSize(0, 84))
        self.pairings_table.horizontalHeader().setStretchLastSection(True)
        self.pairings_table.verticalHeader().setVisible(False)

        self.helper_layout.addWidget(self.pairings_table)


        self.assistance_layout.addWidget(self.helper_group)

        self.measures_group = QGroupBox(HouseholdAssistanceForm)
        self.measures_group.setObjectName(u"measures_group")
        self.measures_layout = QVBoxLayout(self.measures_group)
        self.measures_layout.setSpacing(6)
        self.measures_layout.setObjectName(u"measures_layout")
        self.measures_table = QTableWidget(self.measures_group)
        if (self.measures_table.columnCount() < 6):
            self.measures_table.setColumnCount(6)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.measures_table.setHorizontalHeaderItem(0, __qtablewidgetitem6)
        __qtablewidgetitem7 = QTableWidgetItem()
        self.measures_table.setHorizontalHeaderItem(1, __qtablewidgetitem7)
        __qtablewidgetitem8 = QTableWidgetItem()
        self.measures_table.setHorizontalHeaderItem(2, __qtablewidgetitem8)
        __qtablewidgetitem9 = QTableWidgetItem()
        self.measures_table.setHorizontalHeaderItem(3, __qtablewidgetitem9)
        __qtablewidgetitem10 = QTableWidgetItem()
        self.measures_table.setHorizontalHeaderItem(4, __qtablewidgetitem10)
        __qtablewidgetitem11 = QTableWidgetItem()
        self.measures_table.setHorizontalHeaderItem(5, __qtablewidgetitem11)
        self.measures_table.setObjectName(u"measures_table")
        self.measures_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.measures_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.measures_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.measures_table.setAlternatingRowColors(True)
        self.measures_table.setWordWrap(False)
        self.measures_table.setMinimumSize(QSize(0, 96))
        self.measures_table.horizontalHeader().setStretchLastSection(True)
        self.measures_table.verticalHeader().setVisible(False)

        self.measures_layout.addWidget(self.measures_table)

        self.measure_form_row = QHBoxLayout()
        self.measure_form_row.setSpacing(8)
        self.measure_form_row.setObjectName(u"measure_form_row")
        self.measure_kind = QComboBox(self.measures_group)
        self.measure_kind.setObjectName(u"measure_kind")
        self.measure_kind.setMinimumSize(QSize(90, 0))
        self.measure_kind.setMaximumSize(QSize(90, 16777215))

        self.measure_form_row.addWidget(self.measure_kind)

        self.measure_category = CodeCombo(self.measures_group)
        self.measure_category.setObjectName(u"measure_category")
        self.measure_category.setMinimumSize(QSize(140, 0))
        self.measure_category.setMaximumSize(QSize(140, 16777215))

        self.measure_form_row.addWidget(self.measure_category)

        self.measure_title = QLineEdit(self.measures_group)
        self.measure_title.setObjectName(u"measure_title")
        self.measure_title.setMinimumSize(QSize(240, 0))
        self.measure_title.setMaximumSize(QSize(240, 16777215))

        self.measure_form_row.addWidget(self.measure_title)

        self.measure_funds = MoneyEdit(self.measures_group)
        self.measure_funds.setObjectName(u"measure_funds")
        self.measure_funds.setMinimumSize(QSize(110, 0))
        self.measure_funds.setMaximumSize(QSize(110, 16777215))

        self.measure_form_row.addWidget(self.measure_funds)

        self.measure_date = DateEdit(self.measures_group)
        self.measure_date.setObjectName(u"measure_date")
        self.measure_date.setMinimumSize(QSize(120, 0))
        self.measure_date.setMaximumSize(QSize(120, 16777215))

        self.measure_form_row.addWidget(self.measure_date)

        self.measure_signed = QCheckBox(self.measures_group)
        self.measure_signed.setObjectName(u"measure_signed")

        self.measure_form_row.addWidget(self.measure_signed)

        self.measure_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.measure_form_row.addItem(self.measure_spacer)

        self.add_measure_button = QPushButton(self.measures_group)
        self.add_measure_button.setObjectName(u"add_measure_button")
        self.add_measure_button.setAutoDefault(False)

        self.measure_form_row.addWidget(self.add_measure_button)


        self.measures_layout.addLayout(self.measure_form_row)


        self.assistance_layout.addWidget(self.measures_group)

        self.assistance_layout.setStretch(0, 1)
        self.assistance_layout.setStretch(1, 2)

        self.retranslateUi(HouseholdAssistanceForm)

        QMetaObject.connectSlotsByName(HouseholdAssistanceForm)
    # setupUi

    def retranslateUi(self, HouseholdAssistanceForm):
        self.helper_group.setTitle(QCoreApplication.translate("HouseholdAssistanceForm", u"\u5e2e\u6276\u8d23\u4efb\u4eba\uff08\u7ed3\u5bf9\u5386\u53f2\u4fdd\u7559\uff09", None))
        self.current_helper_label.setText("")
        self.helper_choice_label.setText(QCoreApplication.translate("HouseholdAssistanceForm", u"\u7ed3\u5bf9\u5e72\u90e8\uff1a", None))
        self.helper_reason_label.setText(QCoreApplication.translate("HouseholdAssistanceForm", u"\u66f4\u6362\u539f\u56e0\uff1a", None))
        self.helper_reason.setPlaceholderText(QCoreApplication.translate("HouseholdAssistanceForm", u"\u66f4\u6362\u5e2e\u6276\u8d23\u4efb\u4eba\u65f6\u5fc5\u586b", None))
        self.assign_button.setText(QCoreApplication.translate("HouseholdAssistanceForm", u"\u786e\u5b9a\u7ed3\u5bf9", None))
#if QT_CONFIG(tooltip)
        self.assign_button.setToolTip(QCoreApplication.translate("HouseholdAssistanceForm", u"\u4e0e\u6240\u9009\u5e72\u90e8\u7ed3\u5bf9\uff1b\u5df2\u6709\u5e2e\u6276\u8d23\u4efb\u4eba\u65f6\u4e3a\u66f4\u6362\uff08\u7ed3\u5bf9\u5386\u53f2\u4fdd\u7559\uff09", None))
#endif // QT_CONFIG(tooltip)
        ___qtablewidgetitem = self.pairings_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("HouseholdAssistanceForm", u"\u5e2e\u6276\u8d23\u4efb\u4eba", None))
        ___qtablewidgetitem1 = self.pairings_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("HouseholdAssistanceForm", u"\u5355\u4f4d", None))
        ___qtablewidgetitem2 = self.pairings_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("HouseholdAssistanceForm", u"\u8054\u7cfb\u7535\u8bdd", None))
        ___qtablewidgetitem3 = self.pairings_table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("HouseholdAssistanceForm", u"\u5f00\u59cb\u65e5\u671f", None))
        ___qtablewidgetitem4 = self.pairings_table.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("HouseholdAssistanceForm", u"\u7ed3\u675f\u65e5\u671f", None))
        ___qtablewidgetitem5 = self.pairings_table.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("HouseholdAssistanceForm", u"\u539f\u56e0", None))
        self.measures_group.setTitle(QCoreApplication.translate("HouseholdAssistanceForm", u"\u5e2e\u6276\u8ba1\u5212\uff08\u4e00\u6237\u4e00\u7b56\uff09\u4e0e\u5df2\u843d\u5b9e\u63aa\u65bd", None))
        ___qtablewidgetitem6 = self.measures_table.horizontalHeaderItem(0)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("HouseholdAssistanceForm", u"\u7c7b\u578b", None))
        ___qtablewidgetitem7 = self.measures_table.horizontalHeaderItem(1)
        ___qtablewidgetitem7.setText(QCoreApplication.translate("HouseholdAssistanceForm", u"\u7c7b\u522b", None))
        ___qtablewidgetitem8 = self.measures_table.horizontalHeaderItem(2)
        ___qtablewidgetitem8.setText(QCoreApplication.translate("HouseholdAssistanceForm", u"\u9879\u76ee\u540d\u79f0\u6216\u5185\u5bb9", None))
        ___qtablewidgetitem9 = self.measures_table.horizontalHeaderItem(3)
        ___qtablewidgetitem9.setText(QCoreApplication.translate("HouseholdAssistanceForm", u"\u6276\u6301\u8d44\u91d1\uff08\u5143\uff09", None))
        ___qtablewidgetitem10 = self.measures_table.horizontalHeaderItem(4)
        ___qtablewidgetitem10.setText(QCoreApplication.translate("HouseholdAssistanceForm", u"\u5b8c\u6210\u65f6\u9650\uff0f\u843d\u5b9e\u65e5\u671f", None))
        ___qtablewidgetitem11 = self.measures_table.horizontalHeaderItem(5)
        ___qtablewidgetitem11.setText(QCoreApplication.translate("HouseholdAssistanceForm", u"\u6237\u7b7e\u5b57", None))
        self.measure_title.setPlaceholderText(QCoreApplication.translate("HouseholdAssistanceForm", u"\u9879\u76ee\u540d\u79f0\u6216\u5185\u5bb9", None))
#if QT_CONFIG(tooltip)
        self.measure_funds.setToolTip(QCoreApplication.translate("HouseholdAssistanceForm", u"\u6276\u6301\u8d44\u91d1\uff08\u5143\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.measure_date.setToolTip(QCoreApplication.translate("HouseholdAssistanceForm", u"\u8ba1\u5212\u7684\u5b8c\u6210\u65f6\u9650\uff0c\u6216\u5df2\u843d\u5b9e\u7684\u65e5\u671f", None))
#endif // QT_CONFIG(tooltip)
        self.measure_signed.setText(QCoreApplication.translate("HouseholdAssistanceForm", u"\u6237\u5df2\u7b7e\u5b57", None))
        self.add_measure_button.setText(QCoreApplication.translate("HouseholdAssistanceForm", u"\u6dfb\u52a0", None))
        pass
    # retranslateUi

