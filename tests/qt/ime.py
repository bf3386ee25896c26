"""Type Chinese the way a pinyin input method does: a commit string in a QInputMethodEvent.

``qtbot.keyClicks`` cannot type Chinese (non-Latin-1 text aborts the test process), and a real person never
types 张 as a key anyway: the input method composes it and commits the text. ``type_chinese`` sends that
commit to the widget (or to its focus proxy / line edit), after giving it focus, like an IME would.
"""

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget


def _receiver(widget: QWidget) -> QWidget:
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.lineEdit()
    if isinstance(widget, QAbstractSpinBox):
        return widget.lineEdit()
    proxy = widget.focusProxy()
    while proxy is not None and proxy.focusProxy() is not None:
        proxy = proxy.focusProxy()
    return proxy or widget


def type_chinese(qtbot, widget: QWidget, text: str, *, pre_edit: str = "") -> None:
    """Commit ``text`` into ``widget`` as an input method would (optionally after a pinyin pre-edit)."""
    target = _receiver(widget)
    target.setFocus()
    if pre_edit:  # what the IME shows while composing, e.g. "zhang"
        QCoreApplication.sendEvent(target, QInputMethodEvent(pre_edit, []))
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QCoreApplication.sendEvent(target, event)
    qtbot.wait(1)
