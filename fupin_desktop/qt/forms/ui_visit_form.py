# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'visit_form.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from fupin_desktop.qt.widgets.date_edit import DateEdit

class Ui_VisitForm(object):
    def setupUi(self, VisitForm):
        if not VisitForm.objectName():
            VisitForm.setObjectName(u"VisitForm")
        self.visits_layout = QVBoxLayout(VisitForm)
        self.visits_layout.setSpacing(10)
        self.visits_layout.setObjectName(u"visits_layout")
        self.visits_table = QTableWidget(VisitForm)
        if (self.visits_table.columnCount() < 4):
            self.visits_table.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.visits_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.visits_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.visits_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.visits_table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.visits_table.setObjectName(u"visits_table")
        self.visits_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.visits_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.visits_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.visits_table.setAlternatingRowColors(True)
        self.visits_table.setWordWrap(False)
        self.visits_table.setMinimumSize(QSize(0, 180))
        self.visits_table.horizontalHeader().setStretchLastSection(True)
        self.visits_table.verticalHeader().setVisible(False)

        self.visits_layout.addWidget(self.visits_table)

        self.new_visit_group = QGroupBox(VisitForm)
        self.new_visit_group.setObjectName(u"new_visit_group")
        self.new_visit_layout = QVBoxLayout(self.new_visit_group)
        self.new_visit_layout.setSpacing(6)
        self.new_visit_layout.setObjectName(u"new_visit_layout")
        self.visit_form_layout = QFormLayout()
        self.visit_form_layout.setObjectName(u"visit_form_layout")
        self.visit_form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.visit_date_label = QLabel(self.new_visit_group)
        self.visit_date_label.setObjectName(u"visit_date_label")

        self.visit_form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.visit_date_label)

        self.visit_date = DateEdit(self.new_visit_group)
        self.visit_date.setObjectName(u"visit_date")
        self.visit_date.setMinimumSize(QSize(140, 0))
        self.visit_date.setMaximumSize(QSize(140, 16777215))

        self.visit_form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.visit_date)

        self.visitor_label = QLabel(self.new_visit_group)
        self.visitor_label.setObjectName(u"visitor_label")

        self.visit_form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.visitor_label)

        self.visitor = QLineEdit(self.new_visit_group)
        self.visitor.setObjectName(u"visitor")
        self.visitor.setMinimumSize(QSize(220, 0))
        self.visitor.setMaximumSize(QSize(220, 16777215))

        self.visit_form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.visitor)

        self.findings_label = QLabel(self.new_visit_group)
        self.findings_label.setObjectName(u"findings_label")

        self.visit_form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.findings_label)

        self.findings = QPlainTextEdit(self.new_visit_group)
        self.findings.setObjectName(u"findings")
        self.findings.setMaximumSize(QSize(16777215, 60))
        self.findings.setTabChangesFocus(True)

        self.visit_form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.findings)

        self.promises_label = QLabel(self.new_visit_group)
        self.promises_label.setObjectName(u"promises_label")

        self.visit_form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.promises_label)

        self.promises = QPlainTextEdit(self.new_visit_group)
        self.promises.setObjectName(u"promises")
        self.promises.setMaximumSize(QSize(16777215, 60))
        self.promises.setTabChangesFocus(True)

        self.visit_form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.promises)


        self.new_visit_layout.addLayout(self.visit_form_layout)

        self.visit_buttons = QHBoxLayout()
        self.visit_buttons.setSpacing(8)
        self.visit_buttons.setObjectName(u"visit_buttons")
        self.visit_button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.visit_buttons.addItem(self.visit_button_spacer)

        self.add_visit_button = QPushButton(self.new_visit_group)
        self.add_visit_button.setObjectName(u"add_visit_button")
        self.add_visit_button.setAutoDefault(False)

        self.visit_buttons.addWidget(self.add_visit_button)


        self.new_visit_layout.addLayout(self.visit_buttons)


        self.visits_layout.addWidget(self.new_visit_group)


        self.retranslateUi(VisitForm)

        QMetaObject.connectSlotsByName(VisitForm)
    # setupUi

    def retranslateUi(self, VisitForm):
        ___qtablewidgetitem = self.visits_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("VisitForm", u"\u8d70\u8bbf\u65e5\u671f", None))
        ___qtablewidgetitem1 = self.visits_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("VisitForm", u"\u8d70\u8bbf\u4eba", None))
        ___qtablewidgetitem2 = self.visits_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("VisitForm", u"\u53d1\u73b0\u7684\u60c5\u51b5", None))
        ___qtablewidgetitem3 = self.visits_table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("VisitForm", u"\u627f\u8bfa\u89e3\u51b3\u7684\u4e8b\u9879", None))
        self.new_visit_group.setTitle(QCoreApplication.translate("VisitForm", u"\u65b0\u589e\u8d70\u8bbf\u8bb0\u5f55", None))
        self.visit_date_label.setText(QCoreApplication.translate("VisitForm", u"\u8d70\u8bbf\u65e5\u671f\uff1a", None))
        self.visitor_label.setText(QCoreApplication.translate("VisitForm", u"\u8d70\u8bbf\u4eba\uff1a", None))
        self.findings_label.setText(QCoreApplication.translate("VisitForm", u"\u53d1\u73b0\u7684\u60c5\u51b5\uff1a", None))
        self.promises_label.setText(QCoreApplication.translate("VisitForm", u"\u627f\u8bfa\u89e3\u51b3\u7684\u4e8b\u9879\uff1a", None))
        self.add_visit_button.setText(QCoreApplication.translate("VisitForm", u"\u4fdd\u5b58\u8d70\u8bbf\u8bb0\u5f55", None))
        pass
    # retranslateUi

