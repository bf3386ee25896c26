# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'xlsx_export_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QRadioButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_XlsxExportDialog(object):
    def setupUi(self, XlsxExportDialog):
        if not XlsxExportDialog.objectName():
            XlsxExportDialog.setObjectName(u"XlsxExportDialog")
        XlsxExportDialog.resize(600, 390)
        self.dialogLayout = QVBoxLayout(XlsxExportDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.choicesLayout = QHBoxLayout()
        self.choicesLayout.setSpacing(10)
        self.choicesLayout.setObjectName(u"choicesLayout")
        self.whatGroup = QGroupBox(XlsxExportDialog)
        self.whatGroup.setObjectName(u"whatGroup")
        self.whatLayout = QVBoxLayout(self.whatGroup)
        self.whatLayout.setObjectName(u"whatLayout")
        self.householdsRadio = QRadioButton(self.whatGroup)
        self.householdsRadio.setObjectName(u"householdsRadio")
        self.householdsRadio.setChecked(True)

        self.whatLayout.addWidget(self.householdsRadio)

        self.membersRadio = QRadioButton(self.whatGroup)
        self.membersRadio.setObjectName(u"membersRadio")

        self.whatLayout.addWidget(self.membersRadio)

        self.ledgerRadio = QRadioButton(self.whatGroup)
        self.ledgerRadio.setObjectName(u"ledgerRadio")

        self.whatLayout.addWidget(self.ledgerRadio)

        self.problemsRadio = QRadioButton(self.whatGroup)
        self.problemsRadio.setObjectName(u"problemsRadio")

        self.whatLayout.addWidget(self.problemsRadio)


        self.choicesLayout.addWidget(self.whatGroup)

        self.sideLayout = QVBoxLayout()
        self.sideLayout.setSpacing(10)
        self.sideLayout.setObjectName(u"sideLayout")
        self.scopeGroup = QGroupBox(XlsxExportDialog)
        self.scopeGroup.setObjectName(u"scopeGroup")
        self.scopeLayout = QVBoxLayout(self.scopeGroup)
        self.scopeLayout.setObjectName(u"scopeLayout")
        self.filteredRadio = QRadioButton(self.scopeGroup)
        self.filteredRadio.setObjectName(u"filteredRadio")
        self.filteredRadio.setChecked(True)

        self.scopeLayout.addWidget(self.filteredRadio)

        self.allRadio = QRadioButton(self.scopeGroup)
        self.allRadio.setObjectName(u"allRadio")

        self.scopeLayout.addWidget(self.allRadio)

        self.scopeLabel = QLabel(self.scopeGroup)
        self.scopeLabel.setObjectName(u"scopeLabel")
        self.scopeLabel.setWordWrap(True)

        self.scopeLayout.addWidget(self.scopeLabel)


        self.sideLayout.addWidget(self.scopeGroup)

        self.formatGroup = QGroupBox(XlsxExportDialog)
        self.formatGroup.setObjectName(u"formatGroup")
        self.formatLayout = QVBoxLayout(self.formatGroup)
        self.formatLayout.setObjectName(u"formatLayout")
        self.xlsxRadio = QRadioButton(self.formatGroup)
        self.xlsxRadio.setObjectName(u"xlsxRadio")
        self.xlsxRadio.setChecked(True)

        self.formatLayout.addWidget(self.xlsxRadio)

        self.csvRadio = QRadioButton(self.formatGroup)
        self.csvRadio.setObjectName(u"csvRadio")

        self.formatLayout.addWidget(self.csvRadio)


        self.sideLayout.addWidget(self.formatGroup)


        self.choicesLayout.addLayout(self.sideLayout)


        self.dialogLayout.addLayout(self.choicesLayout)

        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.pathCaption = QLabel(XlsxExportDialog)
        self.pathCaption.setObjectName(u"pathCaption")

        self.fileLayout.addWidget(self.pathCaption)

        self.pathEdit = QLineEdit(XlsxExportDialog)
        self.pathEdit.setObjectName(u"pathEdit")

        self.fileLayout.addWidget(self.pathEdit)

        self.browseButton = QPushButton(XlsxExportDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.fileLayout.addWidget(self.browseButton)


        self.dialogLayout.addLayout(self.fileLayout)

        self.statusLabel = QLabel(XlsxExportDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.statusLabel)

        self.verticalSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.verticalSpacer)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.openFolderButton = QPushButton(XlsxExportDialog)
        self.openFolderButton.setObjectName(u"openFolderButton")

        self.buttonLayout.addWidget(self.openFolderButton)

        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.exportButton = QPushButton(XlsxExportDialog)
        self.exportButton.setObjectName(u"exportButton")

        self.buttonLayout.addWidget(self.exportButton)

        self.closeButton = QPushButton(XlsxExportDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.pathCaption.setBuddy(self.pathEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.householdsRadio, self.membersRadio)
        QWidget.setTabOrder(self.membersRadio, self.ledgerRadio)
        QWidget.setTabOrder(self.ledgerRadio, self.problemsRadio)
        QWidget.setTabOrder(self.problemsRadio, self.filteredRadio)
        QWidget.setTabOrder(self.filteredRadio, self.allRadio)
        QWidget.setTabOrder(self.allRadio, self.xlsxRadio)
        QWidget.setTabOrder(self.xlsxRadio, self.csvRadio)
        QWidget.setTabOrder(self.csvRadio, self.pathEdit)
        QWidget.setTabOrder(self.pathEdit, self.browseButton)
        QWidget.setTabOrder(self.browseButton, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.closeButton)
        QWidget.setTabOrder(self.closeButton, self.openFolderButton)

        self.retranslateUi(XlsxExportDialog)

        self.exportButton.setDefault(True)


        QMetaObject.connectSlotsByName(XlsxExportDialog)
    # setupUi

    def retranslateUi(self, XlsxExportDialog):
        XlsxExportDialog.setWindowTitle(QCoreApplication.translate("XlsxExportDialog", u"\u5bfc\u51fa\u4e3a\u8868\u683c", None))
        self.whatGroup.setTitle(QCoreApplication.translate("XlsxExportDialog", u"\u5bfc\u51fa\u5185\u5bb9", None))
        self.householdsRadio.setText(QCoreApplication.translate("XlsxExportDialog", u"\u8d2b\u56f0\u6237\uff08\u6bcf\u6237\u4e00\u884c\uff09(&H)", None))
        self.membersRadio.setText(QCoreApplication.translate("XlsxExportDialog", u"\u5bb6\u5ead\u6210\u5458\uff08\u6bcf\u4eba\u4e00\u884c\uff0c\u53ef\u518d\u5bfc\u5165\uff09(&M)", None))
        self.ledgerRadio.setText(QCoreApplication.translate("XlsxExportDialog", u"\u6536\u652f\u53f0\u8d26\uff08\u6bcf\u7b14\u4e00\u884c\uff09(&L)", None))
        self.problemsRadio.setText(QCoreApplication.translate("XlsxExportDialog", u"\u95ee\u9898\u6570\u636e\uff08\u6bcf\u4e2a\u95ee\u9898\u4e00\u884c\uff09(&P)", None))
        self.scopeGroup.setTitle(QCoreApplication.translate("XlsxExportDialog", u"\u8303\u56f4", None))
        self.filteredRadio.setText(QCoreApplication.translate("XlsxExportDialog", u"\u6237\u6863\u5217\u8868\u5f53\u524d\u7b5b\u9009\u51fa\u7684\u6237(&S)", None))
        self.allRadio.setText(QCoreApplication.translate("XlsxExportDialog", u"\u5168\u90e8\u6237(&A)", None))
        self.scopeLabel.setText("")
        self.formatGroup.setTitle(QCoreApplication.translate("XlsxExportDialog", u"\u683c\u5f0f", None))
        self.xlsxRadio.setText(QCoreApplication.translate("XlsxExportDialog", u"Excel \u8868\u683c .xlsx(&X)", None))
        self.csvRadio.setText(QCoreApplication.translate("XlsxExportDialog", u"CSV \u6587\u672c .csv\uff08UTF-8 \u5e26 BOM\uff09(&C)", None))
#if QT_CONFIG(tooltip)
        self.csvRadio.setToolTip(QCoreApplication.translate("XlsxExportDialog", u"Excel \u548c WPS \u90fd\u80fd\u76f4\u63a5\u6253\u5f00\uff1b\u8bc1\u4ef6\u53f7\u7801\u8bf7\u7528 .xlsx \u4fdd\u5b58\u624d\u4e0d\u4f1a\u53d8\u5f62", None))
#endif // QT_CONFIG(tooltip)
        self.pathCaption.setText(QCoreApplication.translate("XlsxExportDialog", u"\u4fdd\u5b58\u5230(&F)\uff1a", None))
        self.pathEdit.setPlaceholderText(QCoreApplication.translate("XlsxExportDialog", u"\u9009\u62e9\u4fdd\u5b58\u4f4d\u7f6e\uff0c\u4f8b\u5982U\u76d8", None))
        self.browseButton.setText(QCoreApplication.translate("XlsxExportDialog", u"\u6d4f\u89c8(&B)\u2026", None))
        self.statusLabel.setText("")
        self.openFolderButton.setText(QCoreApplication.translate("XlsxExportDialog", u"\u6253\u5f00\u6240\u5728\u6587\u4ef6\u5939(&O)", None))
        self.exportButton.setProperty(u"role", QCoreApplication.translate("XlsxExportDialog", u"primary", None))
        self.exportButton.setText(QCoreApplication.translate("XlsxExportDialog", u"\u5bfc\u51fa(&E)", None))
        self.closeButton.setText(QCoreApplication.translate("XlsxExportDialog", u"\u5173\u95ed", None))
    # retranslateUi

