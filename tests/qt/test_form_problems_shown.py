"""Showing a form's problems again (after every save, each book entry too) re-styles only what changed."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from fupin_desktop.domain.problems import Problem
from fupin_desktop.qt.dialogs.form_fields import FormBinder


class StyleChanges(QObject):
    def __init__(self, *widgets):
        super().__init__()
        self.count = 0
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, _watched, event):  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.StyleChange:
            self.count += 1
        return False


def test_the_same_problems_shown_again_restyle_nothing(qtbot):
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    phone = QLineEdit(root, objectName="phone")
    label = QLabel(root, objectName="phone_problem")
    layout.addWidget(phone)
    layout.addWidget(label)
    binder = FormBinder(root, {"phone": "text"}, titles={"phone": "联系电话"})
    problem = Problem("error", "household.phone", "phone_invalid", "联系电话：应为11位手机号")
    binder.show_problems({"phone": [problem]})
    assert "#phone" in phone.styleSheet() and "应为11位手机号" in label.text() and not label.isHidden()
    styled = StyleChanges(phone, label)
    binder.show_problems({"phone": [problem]})
    assert styled.count == 0
    binder.show_problems({})  # the problem is gone: the frame goes
    assert styled.count > 0 and phone.styleSheet() == "" and label.isHidden()
