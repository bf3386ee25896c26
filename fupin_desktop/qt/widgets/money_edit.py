"""MoneyEdit: yuan as typed ("1234.5", "1,234.50", "￥12", "１２元") → integer fen, refusing bad text with a message.

The amount is parsed as you type (``fupin_desktop.domain.money.parse_yuan``); a refusal turns the frame red,
sets the tooltip and emits ``errorChanged`` with the Chinese reason. When editing ends a valid amount is
shown again with two decimals.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QToolTip

from fupin_desktop.domain.money import MoneyError, parse_yuan
from fupin_desktop.i18n.formatting import format_money
from fupin_desktop.i18n.translate import _
from fupin_desktop.qt.widgets.styles import INVALID_STYLE


class MoneyEdit(QLineEdit):
    fenChanged = Signal(object)  # int fen, or None when empty or refused
    errorChanged = Signal(str)

    def __init__(self, parent=None, *, allow_negative: bool = False, allow_empty: bool = True):
        super().__init__(parent)
        self.allow_negative = allow_negative
        self.allow_empty = allow_empty
        self._fen: int | None = None
        self._error = ""
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText(_("0.00"))
        self.textChanged.connect(self._typed)
        self.editingFinished.connect(self._finished)

    def fen(self) -> int | None:
        return self._fen

    def error(self) -> str:
        return self._error

    def is_acceptable(self) -> bool:
        return not self._error and (self._fen is not None or self.allow_empty)

    def setFen(self, fen: int | None) -> None:
        self.setText("" if fen is None else format_money(fen))

    def _parse(self, text: str) -> tuple[int | None, str]:
        if not text.strip():
            return None, "" if self.allow_empty else _("请填写金额")
        try:
            fen = parse_yuan(text, allow_negative=self.allow_negative)
        except MoneyError as exc:
            return None, exc.reason
        return fen, ""

    def _typed(self, text: str) -> None:
        fen, error = self._parse(text)
        if not text.strip() and not self.allow_empty:
            error = ""  # not yet: an empty required amount is refused when editing ends
        self._set(fen, error)

    def _finished(self) -> None:
        fen, error = self._parse(self.text())
        self._set(fen, error)
        if error:
            QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), error, self)
        elif fen is not None and self.text() != format_money(fen):
            self.blockSignals(True)
            self.setText(format_money(fen))
            self.blockSignals(False)

    def _set(self, fen: int | None, error: str) -> None:
        changed_fen = fen != self._fen
        changed_error = error != self._error
        self._fen, self._error = fen, error
        self.setStyleSheet(f"QLineEdit {{{INVALID_STYLE}}}" if error else "")
        self.setToolTip(error)
        if changed_error:
            self.errorChanged.emit(error)
        if changed_fen:
            self.fenChanged.emit(fen)
