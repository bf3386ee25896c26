# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reassign_helper_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_ReassignHelperDialog(object):
    def setupUi(self, ReassignHelperDialog):
        if not ReassignHelperDialog.objectName():
            ReassignHelperDialog.setObjectName(u"ReassignHelperDialog")
        ReassignHelperDialog.resize(460, 300)
        self.dialogLayout = QVBoxLayout(ReassignHelperDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.householdCaption = QLabel(ReassignHelperDialog)
        self.householdCaption.setObjectName(u"householdCaption")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.householdCaption)

        self.householdLabel = QLabel(ReassignHelperDialog)
        self.householdLabel.setObjectName(u"householdLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.householdLabel)

        self.currentCaption = QLabel(ReassignHelperDialog)
        self.currentCaption.setObjectName(u"currentCaption")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.currentCaption)

        self.currentLabel = QLabel(ReassignHelperDialog)
        self.currentLabel.setObjectName(u"currentLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.currentLabel)

        self.helperCaption = QLabel(ReassignHelperDialog)
        self.helperCaption.setObjectName(u"helperCaption")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.helperCaption)

        self.helperCombo = QComboBox(ReassignHelperDialog)
        self.helperCombo.setObjectName(u"helperCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.helperCombo)

        self.dateCaption = QLabel(ReassignHelperDialog)
        self.dateCaption.setObjectName(u"dateCaption")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.dateCaption)

        self.dateEdit = QDateEdit(ReassignHelperDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.reasonCaption = QLabel(ReassignHelperDialog)
        self.reasonCaption.setObjectName(u"reasonCaption")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.reasonCaption)

        self.reasonEdit = QLineEdit(ReassignHelperDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.dialogLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(ReassignHelperDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c62828;")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.verticalSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(ReassignHelperDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.helperCaption.setBuddy(self.helperCombo)
        self.dateCaption.setBuddy(self.dateEdit)
        self.reasonCaption.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.helperCombo, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.reasonEdit)

        self.retranslateUi(ReassignHelperDialog)

        QMetaObject.connectSlotsByName(ReassignHelperDialog)
    # setupUi

    def retranslateUi(self, ReassignHelperDialog):
        ReassignHelperDialog.setWindowTitle(QCoreApplication.translate("ReassignHelperDialog", u"\u66f4\u6362\u5e2e\u6276\u8d23\u4efb\u4eba", None))
        self.householdCaption.setText(QCoreApplication.translate("ReassignHelperDialog", u"\u8d2b\u56f0\u6237\uff1a", None))
        self.householdLabel.setText("")
        self.currentCaption.setText(QCoreApplication.translate("ReassignHelperDialog", u"\u73b0\u5e2e\u6276\u8d23\u4efb\u4eba\uff1a", None))
        self.currentLabel.setText("")
        self.helperCaption.setText(QCoreApplication.translate("ReassignHelperDialog", u"\u65b0\u5e2e\u6276\u8d23\u4efb\u4eba(&H)\uff1a", None))
        self.dateCaption.setText(QCoreApplication.translate("ReassignHelperDialog", u"\u7ed3\u5bf9\u65e5\u671f(&D)\uff1a", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("ReassignHelperDialog", u"yyyy-MM-dd", None))
        self.reasonCaption.setText(QCoreApplication.translate("ReassignHelperDialog", u"\u66f4\u6362\u539f\u56e0(&R)\uff1a", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("ReassignHelperDialog", u"\u5fc5\u586b\uff0c\u5982\uff1a\u539f\u5e2e\u6276\u5e72\u90e8\u5de5\u4f5c\u8c03\u52a8", None))
        self.errorLabel.setText("")
    # retranslateUi

