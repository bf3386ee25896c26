"""IdNumberEdit: a 公民身份号码 field that checks as you type and says what is wrong beside itself.

While fewer than 18 characters are typed it only counts ("还差3位"); a complete number is checked at once
(GB 11643: region, birth date, check character; a 15-digit number is upgraded; a 20-digit 残疾人证号 is
accepted). A valid number emits ``parsed(IdInfo)`` so the form fills sex and birth date; the reason of a
refusal is shown in red next to the field. Problems found by the household rules for this field (the same
number in another household) are shown in the same place through :meth:`show_problem`.
"""

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from fupin_desktop.domain.codes import SEX
from fupin_desktop.domain.idnumber import IdInfo, IdNumberError, parse_id_number
from fupin_desktop.i18n.formatting import format_date
from fupin_desktop.i18n.translate import _, current_language
from fupin_desktop.qt.widgets.styles import INVALID_STYLE, WARNING_STYLE, label_style

COMPLETE_LENGTHS = (15, 18, 20)


class IdNumberEdit(QWidget):
    parsed = Signal(object)  # IdInfo of a valid number
    textChanged = Signal(str)
    reasonChanged = Signal(str)  # "" when the number is acceptable (or still being typed)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._today: dt.date | None = None
        self._info: IdInfo | None = None
        self._reason = ""
        self._hint = ""
        self._problem = ("", "")
        self.edit = QLineEdit(self)
        self.edit.setObjectName("id_number_text")
        self.edit.setMaxLength(24)
        self.edit.setPlaceholderText(_("18位公民身份号码"))
        self.edit.setMinimumWidth(190)
        self.edit.setMaximumWidth(230)
        self.reason_label = QLabel(self)
        self.reason_label.setObjectName("id_number_reason")
        self.reason_label.setWordWrap(True)
        self.reason_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.edit)
        layout.addWidget(self.reason_label, 1)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._typed)
        self.edit.editingFinished.connect(self._finished)

    # --- public API ------------------------------------------------------------------------------------
    def set_today(self, today: dt.date) -> None:
        """The day used to refuse birth dates in the future (the injected clock's today)."""
        self._today = today

    def text(self) -> str:
        return self.edit.text().strip()

    def setText(self, text: str) -> None:
        self.edit.setText(text or "")
        self._typed(self.edit.text(), complete=True)

    def info(self) -> IdInfo | None:
        return self._info

    def reason(self) -> str:
        return self._reason

    def number(self) -> str:
        """The normalised 18-character number when valid, else the text as typed (upper-case)."""
        return self._info.number if self._info else self.text().upper()

    def show_problem(self, level: str, message: str) -> None:
        """A problem from the rule set for this field ("" clears it); the parse reason goes first."""
        self._problem = (level, message)
        self._show()

    # --- checking --------------------------------------------------------------------------------------
    def _check(self, text: str, complete: bool) -> tuple[IdInfo | None, str, str]:
        """(info, reason, hint): reason is a refusal, hint is a neutral remark while typing."""
        cleaned = "".join(text.split())
        if not cleaned:
            return None, "", ""
        try:
            info = parse_id_number(cleaned, today=self._today)
        except IdNumberError as exc:
            length = len(cleaned)
            counting = length < 18 and length != 15 and "位" in exc.reason and "应为18位" in exc.reason
            if counting and not complete:
                return (
                    None,
                    "",
                    _("已输入{typed}位，还差{missing}位").format(typed=length, missing=18 - length),
                )
            return None, exc.reason, ""
        sex = SEX.label(info.sex)
        hint = _("{sex}，{birth}出生").format(sex=sex, birth=format_date(info.birth_date, current_language()))
        if info.upgraded_from_15:
            hint += _("（已由15位升为18位）")
        return info, "", hint

    def _typed(self, text: str, complete: bool = False) -> None:
        info, reason, hint = self._check(text, complete)
        was = self._info
        self._info, self._reason, self._hint = info, reason, hint
        self._show()
        self.textChanged.emit(self.text())
        self.reasonChanged.emit(reason)
        if info is not None and (was is None or was.number != info.number):
            self.parsed.emit(info)

    def _finished(self) -> None:
        info, reason, hint = self._check(self.edit.text(), complete=True)
        if reason != self._reason:
            self._info, self._reason, self._hint = info, reason, hint
            self._show()
            self.reasonChanged.emit(reason)

    def _show(self) -> None:
        level, message = self._problem
        if self._reason:
            text, style, frame = self._reason, "error", INVALID_STYLE
        elif message:
            text, style = message, level
            frame = INVALID_STYLE if level == "error" else WARNING_STYLE
        else:
            text, style, frame = self._hint, "ok" if self._info else "hint", ""
        self.reason_label.setText(text)
        self.reason_label.setStyleSheet(label_style(style))
        self.reason_label.setToolTip(text)
        self.edit.setStyleSheet(f"QLineEdit {{{frame}}}" if frame else "")
