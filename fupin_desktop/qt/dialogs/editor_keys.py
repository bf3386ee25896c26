"""Keyboard habits of the editor's forms: Enter moves on as Tab does; Ctrl+Z in a field with nothing typed
since it was filled is left to the window (it undoes the last save instead of nothing)."""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QLineEdit

from fupin_desktop.qt.widgets.code_checks import CodeChecks
from fupin_desktop.qt.widgets.id_number_edit import IdNumberEdit

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class FormKeysFilter(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def install(self, binders) -> None:
        for binder in binders:
            for widget in binder.widgets.values():
                widget.installEventFilter(self)
                inner = (
                    widget.edit
                    if isinstance(widget, IdNumberEdit)
                    else (
                        widget.lineEdit() if isinstance(widget, QComboBox) and widget.isEditable() else None
                    )
                )
                if inner is not None:
                    inner.installEventFilter(self)
                if isinstance(widget, CodeChecks):
                    for box in widget.boxes.values():
                        box.installEventFilter(self)

    def eventFilter(self, watched, event):
        kind = event.type()
        if (
            kind == QEvent.Type.KeyPress
            and event.key() in ENTER_KEYS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.window.focusNextChild()
            return True
        if (
            kind == QEvent.Type.ShortcutOverride
            and event.matches(QKeySequence.StandardKey.Undo)
            and isinstance(watched, QLineEdit)
            and not watched.isUndoAvailable()
        ):
            return True  # not accepted here: the window's Ctrl+Z shortcut runs
        return False
