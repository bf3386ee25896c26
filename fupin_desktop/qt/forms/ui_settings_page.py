# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_page.ui'
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
    QSpacerItem, QSpinBox, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_SettingsPage(object):
    def setupUi(self, SettingsPage):
        if not SettingsPage.objectName():
            SettingsPage.setObjectName(u"SettingsPage")
        SettingsPage.resize(1100, 660)
        self.pageLayout = QVBoxLayout(SettingsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(16, 12, 16, 8)
        self.titleLabel = QLabel(SettingsPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.pageLayout.addWidget(self.titleLabel)

        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setSpacing(12)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.linesGroup = QGroupBox(SettingsPage)
        self.linesGroup.setObjectName(u"linesGroup")
        self.linesLayout = QVBoxLayout(self.linesGroup)
        self.linesLayout.setObjectName(u"linesLayout")
        self.linesTable = QTableWidget(self.linesGroup)
        if (self.linesTable.columnCount() < 3):
            self.linesTable.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.linesTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.linesTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.linesTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.linesTable.setObjectName(u"linesTable")
        self.linesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.linesTable.setAlternatingRowColors(True)
        self.linesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.linesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.linesLayout.addWidget(self.linesTable)

        self.lineEditLayout = QHBoxLayout()
        self.lineEditLayout.setObjectName(u"lineEditLayout")
        self.yearSpin = QSpinBox(self.linesGroup)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(2000)
        self.yearSpin.setMaximum(2100)

        self.lineEditLayout.addWidget(self.yearSpin)

        self.amountEdit = QLineEdit(self.linesGroup)
        self.amountEdit.setObjectName(u"amountEdit")
        self.amountEdit.setMaximumSize(QSize(110, 16777215))

        self.lineEditLayout.addWidget(self.amountEdit)

        self.sourceEdit = QLineEdit(self.linesGroup)
        self.sourceEdit.setObjectName(u"sourceEdit")

        self.lineEditLayout.addWidget(self.sourceEdit)

        self.saveLineButton = QPushButton(self.linesGroup)
        self.saveLineButton.setObjectName(u"saveLineButton")

        self.lineEditLayout.addWidget(self.saveLineButton)


        self.linesLayout.addLayout(self.lineEditLayout)


        self.columnsLayout.addWidget(self.linesGroup)

        self.rightLayout = QVBoxLayout()
        self.rightLayout.setObjectName(u"rightLayout")
        self.colourGroup = QGroupBox(SettingsPage)
        self.colourGroup.setObjectName(u"colourGroup")
        self.colourForm = QFormLayout(self.colourGroup)
        self.colourForm.setObjectName(u"colourForm")

        self.rightLayout.addWidget(self.colourGroup)

        self.accountingGroup = QGroupBox(SettingsPage)
        self.accountingGroup.setObjectName(u"accountingGroup")
        self.accountingForm = QFormLayout(self.accountingGroup)
        self.accountingForm.setObjectName(u"accountingForm")
        self.yearStartCaption = QLabel(self.accountingGroup)
        self.yearStartCaption.setObjectName(u"yearStartCaption")

        self.accountingForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.yearStartCaption)

        self.yearStartLayout = QHBoxLayout()
        self.yearStartLayout.setObjectName(u"yearStartLayout")
        self.monthSpin = QSpinBox(self.accountingGroup)
        self.monthSpin.setObjectName(u"monthSpin")
        self.monthSpin.setMinimum(1)
        self.monthSpin.setMaximum(12)

        self.yearStartLayout.addWidget(self.monthSpin)

        self.daySpin = QSpinBox(self.accountingGroup)
        self.daySpin.setObjectName(u"daySpin")
        self.daySpin.setMinimum(1)
        self.daySpin.setMaximum(28)

        self.yearStartLayout.addWidget(self.daySpin)

        self.yearStartSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.yearStartLayout.addItem(self.yearStartSpacer)


        self.accountingForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.yearStartLayout)

        self.divisorCaption = QLabel(self.accountingGroup)
        self.divisorCaption.setObjectName(u"divisorCaption")

        self.accountingForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.divisorCaption)

        self.divisorCombo = QComboBox(self.accountingGroup)
        self.divisorCombo.setObjectName(u"divisorCombo")

        self.accountingForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.divisorCombo)

        self.publicityCaption = QLabel(self.accountingGroup)
        self.publicityCaption.setObjectName(u"publicityCaption")

        self.accountingForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.publicityCaption)

        self.publicitySpin = QSpinBox(self.accountingGroup)
        self.publicitySpin.setObjectName(u"publicitySpin")
        self.publicitySpin.setMinimum(1)
        self.publicitySpin.setMaximum(60)

        self.accountingForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.publicitySpin)

        self.visitCaption = QLabel(self.accountingGroup)
        self.visitCaption.setObjectName(u"visitCaption")

        self.accountingForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.visitCaption)

        self.visitSpin = QSpinBox(self.accountingGroup)
        self.visitSpin.setObjectName(u"visitSpin")
        self.visitSpin.setMinimum(1)
        self.visitSpin.setMaximum(365)

        self.accountingForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.visitSpin)


        self.rightLayout.addWidget(self.accountingGroup)

        self.displayGroup = QGroupBox(SettingsPage)
        self.displayGroup.setObjectName(u"displayGroup")
        self.displayForm = QFormLayout(self.displayGroup)
        self.displayForm.setObjectName(u"displayForm")
        self.languageCaption = QLabel(self.displayGroup)
        self.languageCaption.setObjectName(u"languageCaption")

        self.displayForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageCaption)

        self.languageCombo = QComboBox(self.displayGroup)
        self.languageCombo.setObjectName(u"languageCombo")

        self.displayForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.languageCombo)

        self.largeFontCheck = QCheckBox(self.displayGroup)
        self.largeFontCheck.setObjectName(u"largeFontCheck")

        self.displayForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.largeFontCheck)


        self.rightLayout.addWidget(self.displayGroup)

        self.rightSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightLayout.addItem(self.rightSpacer)


        self.columnsLayout.addLayout(self.rightLayout)


        self.pageLayout.addLayout(self.columnsLayout)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.messageLabel = QLabel(SettingsPage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.buttonsLayout.addWidget(self.messageLabel)

        self.buttonsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.revertButton = QPushButton(SettingsPage)
        self.revertButton.setObjectName(u"revertButton")

        self.buttonsLayout.addWidget(self.revertButton)

        self.saveButton = QPushButton(SettingsPage)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonsLayout.addWidget(self.saveButton)


        self.pageLayout.addLayout(self.buttonsLayout)


        self.retranslateUi(SettingsPage)

        QMetaObject.connectSlotsByName(SettingsPage)
    # setupUi

    def retranslateUi(self, SettingsPage):
        self.titleLabel.setProperty(u"role", QCoreApplication.translate("SettingsPage", u"title", None))
        self.titleLabel.setText(QCoreApplication.translate("SettingsPage", u"\u8bbe\u7f6e", None))
        self.linesGroup.setTitle(QCoreApplication.translate("SettingsPage", u"\u8d2b\u56f0\u7ebf\uff08\u5143/\u4eba\u00b7\u5e74\uff09", None))
        ___qtablewidgetitem = self.linesTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("SettingsPage", u"\u5e74\u5ea6", None))
        ___qtablewidgetitem1 = self.linesTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("SettingsPage", u"\u8d2b\u56f0\u7ebf\uff08\u5143\uff09", None))
        ___qtablewidgetitem2 = self.linesTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("SettingsPage", u"\u4f9d\u636e", None))
        self.yearSpin.setSuffix(QCoreApplication.translate("SettingsPage", u"\u5e74", None))
        self.amountEdit.setPlaceholderText(QCoreApplication.translate("SettingsPage", u"\u91d1\u989d\uff08\u5143\uff09", None))
        self.sourceEdit.setPlaceholderText(QCoreApplication.translate("SettingsPage", u"\u4f9d\u636e\uff08\u6587\u4ef6\u540d\u6216\u6765\u6e90\uff0c\u5fc5\u586b\uff09", None))
        self.saveLineButton.setText(QCoreApplication.translate("SettingsPage", u"\u4fdd\u5b58\u8d2b\u56f0\u7ebf", None))
        self.colourGroup.setTitle(QCoreApplication.translate("SettingsPage", u"\u4e09\u8272\u5bf9\u5e94\uff08\u8131\u8d2b\u72b6\u6001 \u2192 \u989c\u8272\uff09", None))
        self.accountingGroup.setTitle(QCoreApplication.translate("SettingsPage", u"\u8d26\u672c\u4e0e\u6838\u7b97", None))
        self.yearStartCaption.setText(QCoreApplication.translate("SettingsPage", u"\u8d26\u672c\u5e74\u5ea6\u8d77\u59cb\uff1a", None))
        self.monthSpin.setSuffix(QCoreApplication.translate("SettingsPage", u"\u6708", None))
        self.daySpin.setSuffix(QCoreApplication.translate("SettingsPage", u"\u65e5", None))
        self.divisorCaption.setText(QCoreApplication.translate("SettingsPage", u"\u4eba\u5747\u6536\u5165\u53e3\u5f84\uff1a", None))
        self.publicityCaption.setText(QCoreApplication.translate("SettingsPage", u"\u516c\u793a\u5929\u6570\uff1a", None))
        self.publicitySpin.setSuffix(QCoreApplication.translate("SettingsPage", u"\u5929", None))
        self.visitCaption.setText(QCoreApplication.translate("SettingsPage", u"\u8d70\u8bbf\u63d0\u9192\uff1a", None))
        self.visitSpin.setPrefix(QCoreApplication.translate("SettingsPage", u"\u8d85\u8fc7 ", None))
        self.visitSpin.setSuffix(QCoreApplication.translate("SettingsPage", u" \u5929\u672a\u8d70\u8bbf\u65f6\u63d0\u9192", None))
        self.displayGroup.setTitle(QCoreApplication.translate("SettingsPage", u"\u754c\u9762", None))
        self.languageCaption.setText(QCoreApplication.translate("SettingsPage", u"\u8bed\u8a00\uff1a", None))
        self.largeFontCheck.setText(QCoreApplication.translate("SettingsPage", u"\u5927\u5b57\u4f53\u6a21\u5f0f\uff08Ctrl+Shift+L\uff09", None))
        self.messageLabel.setText("")
        self.revertButton.setText(QCoreApplication.translate("SettingsPage", u"\u8fd8\u539f", None))
        self.saveButton.setProperty(u"role", QCoreApplication.translate("SettingsPage", u"primary", None))
        self.saveButton.setText(QCoreApplication.translate("SettingsPage", u"\u4fdd\u5b58\u8bbe\u7f6e", None))
        pass
    # retranslateUi

