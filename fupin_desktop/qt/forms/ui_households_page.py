# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'households_page.ui'
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
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_HouseholdsPage(object):
    def setupUi(self, HouseholdsPage):
        if not HouseholdsPage.objectName():
            HouseholdsPage.setObjectName(u"HouseholdsPage")
        HouseholdsPage.resize(1100, 680)
        self.pageLayout = QVBoxLayout(HouseholdsPage)
        self.pageLayout.setSpacing(8)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(16, 12, 16, 8)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(HouseholdsPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.headerLayout.addWidget(self.titleLabel)

        self.searchEdit = QLineEdit(HouseholdsPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setMinimumSize(QSize(360, 0))
        self.searchEdit.setClearButtonEnabled(True)

        self.headerLayout.addWidget(self.searchEdit)

        self.countLabel = QLabel(HouseholdsPage)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setMinimumSize(QSize(120, 0))

        self.headerLayout.addWidget(self.countLabel)

        self.headerSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.importButton = QPushButton(HouseholdsPage)
        self.importButton.setObjectName(u"importButton")

        self.headerLayout.addWidget(self.importButton)

        self.newButton = QPushButton(HouseholdsPage)
        self.newButton.setObjectName(u"newButton")

        self.headerLayout.addWidget(self.newButton)


        self.pageLayout.addLayout(self.headerLayout)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setSpacing(6)
        self.filterLayout.setObjectName(u"filterLayout")
        self.colourCombo = QComboBox(HouseholdsPage)
        self.colourCombo.setObjectName(u"colourCombo")

        self.filterLayout.addWidget(self.colourCombo)

        self.groupCombo = QComboBox(HouseholdsPage)
        self.groupCombo.setObjectName(u"groupCombo")

        self.filterLayout.addWidget(self.groupCombo)

        self.attributeCombo = QComboBox(HouseholdsPage)
        self.attributeCombo.setObjectName(u"attributeCombo")

        self.filterLayout.addWidget(self.attributeCombo)

        self.causeCombo = QComboBox(HouseholdsPage)
        self.causeCombo.setObjectName(u"causeCombo")

        self.filterLayout.addWidget(self.causeCombo)

        self.exitYearCombo = QComboBox(HouseholdsPage)
        self.exitYearCombo.setObjectName(u"exitYearCombo")

        self.filterLayout.addWidget(self.exitYearCombo)

        self.exitStepCombo = QComboBox(HouseholdsPage)
        self.exitStepCombo.setObjectName(u"exitStepCombo")

        self.filterLayout.addWidget(self.exitStepCombo)

        self.problemsCheck = QCheckBox(HouseholdsPage)
        self.problemsCheck.setObjectName(u"problemsCheck")

        self.filterLayout.addWidget(self.problemsCheck)

        self.behindCheck = QCheckBox(HouseholdsPage)
        self.behindCheck.setObjectName(u"behindCheck")

        self.filterLayout.addWidget(self.behindCheck)

        self.clearButton = QPushButton(HouseholdsPage)
        self.clearButton.setObjectName(u"clearButton")

        self.filterLayout.addWidget(self.clearButton)

        self.filterSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)


        self.pageLayout.addLayout(self.filterLayout)

        self.tableView = QTableView(HouseholdsPage)
        self.tableView.setObjectName(u"tableView")
        self.tableView.setAlternatingRowColors(True)
        self.tableView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tableView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tableView.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.tableView.setWordWrap(False)

        self.pageLayout.addWidget(self.tableView)

        self.hintLabel = QLabel(HouseholdsPage)
        self.hintLabel.setObjectName(u"hintLabel")

        self.pageLayout.addWidget(self.hintLabel)

        QWidget.setTabOrder(self.searchEdit, self.colourCombo)
        QWidget.setTabOrder(self.colourCombo, self.groupCombo)
        QWidget.setTabOrder(self.groupCombo, self.attributeCombo)
        QWidget.setTabOrder(self.attributeCombo, self.causeCombo)
        QWidget.setTabOrder(self.causeCombo, self.exitYearCombo)
        QWidget.setTabOrder(self.exitYearCombo, self.exitStepCombo)
        QWidget.setTabOrder(self.exitStepCombo, self.problemsCheck)
        QWidget.setTabOrder(self.problemsCheck, self.behindCheck)
        QWidget.setTabOrder(self.behindCheck, self.clearButton)
        QWidget.setTabOrder(self.clearButton, self.tableView)
        QWidget.setTabOrder(self.tableView, self.importButton)
        QWidget.setTabOrder(self.importButton, self.newButton)

        self.retranslateUi(HouseholdsPage)

        QMetaObject.connectSlotsByName(HouseholdsPage)
    # setupUi

    def retranslateUi(self, HouseholdsPage):
        self.titleLabel.setProperty(u"role", QCoreApplication.translate("HouseholdsPage", u"title", None))
        self.titleLabel.setText(QCoreApplication.translate("HouseholdsPage", u"\u6237\u6863", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("HouseholdsPage", u"\u67e5\u627e\uff1a\u59d3\u540d\u3001\u62fc\u97f3\u9996\u5b57\u6bcd\uff08\u5982 zsf\uff09\u3001\u8eab\u4efd\u8bc1\u53f7\u7247\u6bb5\u6216\u6237\u7f16\u53f7\uff08Ctrl+F\uff09", None))
        self.countLabel.setText("")
        self.importButton.setText(QCoreApplication.translate("HouseholdsPage", u"\u4eceExcel\u5bfc\u5165\u2026", None))
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("HouseholdsPage", u"\u628a\u5df2\u6709\u7684 .xlsx / .csv \u82b1\u540d\u518c\u5bfc\u5165\uff08\u5148\u9884\u89c8\uff0c\u786e\u8ba4\u540e\u624d\u5199\u5165\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.newButton.setProperty(u"role", QCoreApplication.translate("HouseholdsPage", u"primary", None))
        self.newButton.setText(QCoreApplication.translate("HouseholdsPage", u"\u65b0\u5efa\u6237\u6863", None))
#if QT_CONFIG(tooltip)
        self.newButton.setToolTip(QCoreApplication.translate("HouseholdsPage", u"Ctrl+N", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.colourCombo.setToolTip(QCoreApplication.translate("HouseholdsPage", u"\u4e09\u8272\u72b6\u6001", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.groupCombo.setToolTip(QCoreApplication.translate("HouseholdsPage", u"\u6751\u6c11\u5c0f\u7ec4", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.attributeCombo.setToolTip(QCoreApplication.translate("HouseholdsPage", u"\u8d2b\u56f0\u6237\u5c5e\u6027", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.causeCombo.setToolTip(QCoreApplication.translate("HouseholdsPage", u"\u4e3b\u8981\u81f4\u8d2b\u539f\u56e0", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.exitYearCombo.setToolTip(QCoreApplication.translate("HouseholdsPage", u"\u8ba1\u5212\u8131\u8d2b\u5e74\u5ea6", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.exitStepCombo.setToolTip(QCoreApplication.translate("HouseholdsPage", u"\u9000\u51fa\u8fdb\u5ea6", None))
#endif // QT_CONFIG(tooltip)
        self.problemsCheck.setText(QCoreApplication.translate("HouseholdsPage", u"\u6709\u95ee\u9898\u6570\u636e", None))
        self.behindCheck.setText(QCoreApplication.translate("HouseholdsPage", u"\u903e\u671f\u672a\u8131\u8d2b", None))
        self.clearButton.setText(QCoreApplication.translate("HouseholdsPage", u"\u6e05\u9664\u7b5b\u9009", None))
        self.hintLabel.setText(QCoreApplication.translate("HouseholdsPage", u"\u56de\u8f66\u6216\u53cc\u51fb\u6253\u5f00\u6237\u6863\uff1b\u5411\u4e0b\u6eda\u52a8\u81ea\u52a8\u52a0\u8f7d\u66f4\u591a", None))
        pass
    # retranslateUi

