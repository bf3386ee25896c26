# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run_village.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QSizePolicy, QSpinBox, QWidget)

class Ui_FirstRunVillagePage(object):
    def setupUi(self, FirstRunVillagePage):
        if not FirstRunVillagePage.objectName():
            FirstRunVillagePage.setObjectName(u"FirstRunVillagePage")
        FirstRunVillagePage.resize(560, 360)
        self.formLayout = QFormLayout(FirstRunVillagePage)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.codeCaption = QLabel(FirstRunVillagePage)
        self.codeCaption.setObjectName(u"codeCaption")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.codeCaption)

        self.codeEdit = QLineEdit(FirstRunVillagePage)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(12)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.codeMessage = QLabel(FirstRunVillagePage)
        self.codeMessage.setObjectName(u"codeMessage")
        self.codeMessage.setWordWrap(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.codeMessage)

        self.provinceCaption = QLabel(FirstRunVillagePage)
        self.provinceCaption.setObjectName(u"provinceCaption")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.provinceCaption)

        self.regionLayout = QHBoxLayout()
        self.regionLayout.setObjectName(u"regionLayout")
        self.provinceEdit = QLineEdit(FirstRunVillagePage)
        self.provinceEdit.setObjectName(u"provinceEdit")

        self.regionLayout.addWidget(self.provinceEdit)

        self.cityEdit = QLineEdit(FirstRunVillagePage)
        self.cityEdit.setObjectName(u"cityEdit")

        self.regionLayout.addWidget(self.cityEdit)

        self.countyEdit = QLineEdit(FirstRunVillagePage)
        self.countyEdit.setObjectName(u"countyEdit")

        self.regionLayout.addWidget(self.countyEdit)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.regionLayout)

        self.townshipCaption = QLabel(FirstRunVillagePage)
        self.townshipCaption.setObjectName(u"townshipCaption")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.townshipCaption)

        self.townshipEdit = QLineEdit(FirstRunVillagePage)
        self.townshipEdit.setObjectName(u"townshipEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.townshipEdit)

        self.nameCaption = QLabel(FirstRunVillagePage)
        self.nameCaption.setObjectName(u"nameCaption")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.nameCaption)

        self.nameEdit = QLineEdit(FirstRunVillagePage)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.groupsCaption = QLabel(FirstRunVillagePage)
        self.groupsCaption.setObjectName(u"groupsCaption")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.groupsCaption)

        self.groupsEdit = QLineEdit(FirstRunVillagePage)
        self.groupsEdit.setObjectName(u"groupsEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.groupsEdit)

        self.populationCaption = QLabel(FirstRunVillagePage)
        self.populationCaption.setObjectName(u"populationCaption")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.populationCaption)

        self.populationSpin = QSpinBox(FirstRunVillagePage)
        self.populationSpin.setObjectName(u"populationSpin")
        self.populationSpin.setMaximum(200000)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.populationSpin)

#if QT_CONFIG(shortcut)
        self.codeCaption.setBuddy(self.codeEdit)
        self.townshipCaption.setBuddy(self.townshipEdit)
        self.nameCaption.setBuddy(self.nameEdit)
        self.groupsCaption.setBuddy(self.groupsEdit)
        self.populationCaption.setBuddy(self.populationSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.codeEdit, self.provinceEdit)
        QWidget.setTabOrder(self.provinceEdit, self.cityEdit)
        QWidget.setTabOrder(self.cityEdit, self.countyEdit)
        QWidget.setTabOrder(self.countyEdit, self.townshipEdit)
        QWidget.setTabOrder(self.townshipEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.groupsEdit)
        QWidget.setTabOrder(self.groupsEdit, self.populationSpin)

        self.retranslateUi(FirstRunVillagePage)

        QMetaObject.connectSlotsByName(FirstRunVillagePage)
    # setupUi

    def retranslateUi(self, FirstRunVillagePage):
        self.codeCaption.setText(QCoreApplication.translate("FirstRunVillagePage", u"\u533a\u5212\u4ee3\u7801(&C)\uff1a", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("FirstRunVillagePage", u"12\u4f4d\u7edf\u8ba1\u7528\u533a\u5212\u4ee3\u7801\uff0c\u5982 610702108201", None))
        self.codeMessage.setText("")
        self.provinceCaption.setText(QCoreApplication.translate("FirstRunVillagePage", u"\u7701\u3000\u5e02\u3000\u53bf\uff1a", None))
        self.provinceEdit.setPlaceholderText(QCoreApplication.translate("FirstRunVillagePage", u"\u7701", None))
        self.cityEdit.setPlaceholderText(QCoreApplication.translate("FirstRunVillagePage", u"\u5e02", None))
        self.countyEdit.setPlaceholderText(QCoreApplication.translate("FirstRunVillagePage", u"\u53bf\uff08\u533a\uff09", None))
        self.townshipCaption.setText(QCoreApplication.translate("FirstRunVillagePage", u"\u4e61\u9547(&T)\uff1a", None))
        self.nameCaption.setText(QCoreApplication.translate("FirstRunVillagePage", u"\u6751\u540d(&V)\uff1a", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("FirstRunVillagePage", u"\u5fc5\u586b\uff0c\u5982 \u9f99\u6c5f\u6751", None))
        self.groupsCaption.setText(QCoreApplication.translate("FirstRunVillagePage", u"\u6751\u6c11\u5c0f\u7ec4(&G)\uff1a", None))
        self.groupsEdit.setPlaceholderText(QCoreApplication.translate("FirstRunVillagePage", u"\u7528\u9017\u53f7\u6216\u987f\u53f7\u5206\u9694\uff0c\u5982 \u4e00\u7ec4\u3001\u4e8c\u7ec4\u3001\u4e09\u7ec4", None))
        self.populationCaption.setText(QCoreApplication.translate("FirstRunVillagePage", u"\u519c\u6751\u4eba\u53e3(&P)\uff1a", None))
        self.populationSpin.setSuffix(QCoreApplication.translate("FirstRunVillagePage", u" \u4eba", None))
#if QT_CONFIG(tooltip)
        self.populationSpin.setToolTip(QCoreApplication.translate("FirstRunVillagePage", u"\u7528\u4e8e\u8ba1\u7b97\u8d2b\u56f0\u53d1\u751f\u7387", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

