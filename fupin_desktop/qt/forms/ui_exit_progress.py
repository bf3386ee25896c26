# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'exit_progress.ui'
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
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

from fupin_desktop.qt.widgets.date_edit import DateEdit

class Ui_ExitProgressForm(object):
    def setupUi(self, ExitProgressForm):
        if not ExitProgressForm.objectName():
            ExitProgressForm.setObjectName(u"ExitProgressForm")
        self.exit_layout = QHBoxLayout(ExitProgressForm)
        self.exit_layout.setSpacing(12)
        self.exit_layout.setObjectName(u"exit_layout")
        self.steps_layout = QVBoxLayout()
        self.steps_layout.setSpacing(6)
        self.steps_layout.setObjectName(u"steps_layout")
        self.procedure_title = QLabel(ExitProgressForm)
        self.procedure_title.setObjectName(u"procedure_title")
        self.procedure_title.setWordWrap(True)

        self.steps_layout.addWidget(self.procedure_title)

        self.steps_table = QTableWidget(ExitProgressForm)
        if (self.steps_table.columnCount() < 5):
            self.steps_table.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.steps_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.steps_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.steps_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.steps_table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.steps_table.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.steps_table.setObjectName(u"steps_table")
        self.steps_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.steps_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.steps_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.steps_table.setAlternatingRowColors(True)
        self.steps_table.setWordWrap(False)
        self.steps_table.setMinimumSize(QSize(0, 200))
        self.steps_table.horizontalHeader().setStretchLastSection(True)
        self.steps_table.verticalHeader().setVisible(False)

        self.steps_layout.addWidget(self.steps_table)

        self.blockers_label = QLabel(ExitProgressForm)
        self.blockers_label.setObjectName(u"blockers_label")
        self.blockers_label.setWordWrap(True)

        self.steps_layout.addWidget(self.blockers_label)


        self.exit_layout.addLayout(self.steps_layout)

        self.next_group = QGroupBox(ExitProgressForm)
        self.next_group.setObjectName(u"next_group")
        self.next_layout = QVBoxLayout(self.next_group)
        self.next_layout.setSpacing(6)
        self.next_layout.setObjectName(u"next_layout")
        self.next_form = QFormLayout()
        self.next_form.setObjectName(u"next_form")
        self.next_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.next_step_caption = QLabel(self.next_group)
        self.next_step_caption.setObjectName(u"next_step_caption")

        self.next_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.next_step_caption)

        self.next_step_label = QLabel(self.next_group)
        self.next_step_label.setObjectName(u"next_step_label")

        self.next_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.next_step_label)

        self.step_date_label = QLabel(self.next_group)
        self.step_date_label.setObjectName(u"step_date_label")

        self.next_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.step_date_label)

        self.step_date = DateEdit(self.next_group)
        self.step_date.setObjectName(u"step_date")
        self.step_date.setMinimumSize(QSize(140, 0))
        self.step_date.setMaximumSize(QSize(140, 16777215))

        self.next_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.step_date)

        self.step_actor_label = QLabel(self.next_group)
        self.step_actor_label.setObjectName(u"step_actor_label")

        self.next_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.step_actor_label)

        self.step_actor = QLineEdit(self.next_group)
        self.step_actor.setObjectName(u"step_actor")
        self.step_actor.setMinimumSize(QSize(220, 0))
        self.step_actor.setMaximumSize(QSize(220, 16777215))

        self.next_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.step_actor)

        self.step_note_label = QLabel(self.next_group)
        self.step_note_label.setObjectName(u"step_note_label")

        self.next_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.step_note_label)

        self.step_note = QLineEdit(self.next_group)
        self.step_note.setObjectName(u"step_note")
        self.step_note.setMinimumSize(QSize(220, 0))
        self.step_note.setMaximumSize(QSize(220, 16777215))

        self.next_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.step_note)


        self.next_layout.addLayout(self.next_form)

        self.step_buttons = QHBoxLayout()
        self.step_buttons.setSpacing(8)
        self.step_buttons.setObjectName(u"step_buttons")
        self.step_button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.step_buttons.addItem(self.step_button_spacer)

        self.objection_button = QPushButton(self.next_group)
        self.objection_button.setObjectName(u"objection_button")
        self.objection_button.setAutoDefault(False)

        self.step_buttons.addWidget(self.objection_button)

        self.record_step_button = QPushButton(self.next_group)
        self.record_step_button.setObjectName(u"record_step_button")
        self.record_step_button.setAutoDefault(False)

        self.step_buttons.addWidget(self.record_step_button)


        self.next_layout.addLayout(self.step_buttons)

        self.next_action_label = QLabel(self.next_group)
        self.next_action_label.setObjectName(u"next_action_label")
        self.next_action_label.setWordWrap(True)

        self.next_layout.addWidget(self.next_action_label)

        self.next_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.next_layout.addItem(self.next_spacer)


        self.exit_layout.addWidget(self.next_group)


        self.retranslateUi(ExitProgressForm)

        QMetaObject.connectSlotsByName(ExitProgressForm)
    # setupUi

    def retranslateUi(self, ExitProgressForm):
        self.procedure_title.setText("")
        ___qtablewidgetitem = self.steps_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ExitProgressForm", u"\u6b65\u9aa4", None))
        ___qtablewidgetitem1 = self.steps_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ExitProgressForm", u"\u72b6\u6001", None))
        ___qtablewidgetitem2 = self.steps_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ExitProgressForm", u"\u65e5\u671f", None))
        ___qtablewidgetitem3 = self.steps_table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("ExitProgressForm", u"\u529e\u7406\u4eba", None))
        ___qtablewidgetitem4 = self.steps_table.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("ExitProgressForm", u"\u8bf4\u660e", None))
        self.blockers_label.setText("")
        self.next_group.setTitle(QCoreApplication.translate("ExitProgressForm", u"\u529e\u7406\u4e0b\u4e00\u6b65", None))
        self.next_step_caption.setText(QCoreApplication.translate("ExitProgressForm", u"\u4e0b\u4e00\u6b65\uff1a", None))
        self.next_step_label.setText("")
        self.step_date_label.setText(QCoreApplication.translate("ExitProgressForm", u"\u529e\u7406\u65e5\u671f\uff1a", None))
        self.step_actor_label.setText(QCoreApplication.translate("ExitProgressForm", u"\u529e\u7406\u4eba\uff1a", None))
        self.step_actor.setPlaceholderText(QCoreApplication.translate("ExitProgressForm", u"\u5982 \u6751\u4e24\u59d4\u3001\u9a7b\u6751\u5de5\u4f5c\u961f", None))
        self.step_note_label.setText(QCoreApplication.translate("ExitProgressForm", u"\u8bf4\u660e\uff1a", None))
        self.step_note.setPlaceholderText(QCoreApplication.translate("ExitProgressForm", u"\u8bc4\u8bae\u7ed3\u679c\u3001\u516c\u793a\u5730\u70b9\u3001\u5f02\u8bae\u5185\u5bb9\u7b49", None))
        self.objection_button.setText(QCoreApplication.translate("ExitProgressForm", u"\u516c\u793a\u6709\u5f02\u8bae\u2026", None))
#if QT_CONFIG(tooltip)
        self.objection_button.setToolTip(QCoreApplication.translate("ExitProgressForm", u"\u6751\u5185\u516c\u793a\u671f\u95f4\u6709\u5f02\u8bae\uff1a\u9000\u56de\u91cd\u65b0\u6c11\u4e3b\u8bc4\u8bae", None))
#endif // QT_CONFIG(tooltip)
        self.record_step_button.setText(QCoreApplication.translate("ExitProgressForm", u"\u8bb0\u5f55\u6b64\u6b65\u5b8c\u6210", None))
        self.next_action_label.setText("")
        pass
    # retranslateUi

