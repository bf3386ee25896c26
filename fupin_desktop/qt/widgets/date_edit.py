"""DateEdit: a date typed the way people write it, or left empty.

Accepted: ``2020-06-15``, ``2020/6/15``, ``2020.6.15``, ``20200615``, ``2020年6月15日``; within the reference
year ``6-15``, ``6.15``, ``6月15日``, ``0615``; within the reference month just the day (``15``). The reference
(the month shown in the daily book, or today) is set with :meth:`set_reference`. A refusal turns the frame
red and is emitted as ``errorChanged``; when editing ends a valid date is shown as ``2020-06-15``.
"""

import datetime as dt
import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit

from fupin_desktop.i18n.translate import _
from fupin_desktop.qt.widgets.styles import INVALID_STYLE

_FULL = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_MONTH_DAY = re.compile(r"(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def parse_date(text: str, reference: dt.date) -> dt.date:
    """The date meant by ``text``; ``ValueError`` with a Chinese message when there is none."""
    cleaned = text.strip().replace("．", ".").replace("／", "/").replace("－", "-")
    if not cleaned:
        raise ValueError(_("请填写日期"))
    parts = None
    if m := _FULL.fullmatch(cleaned):
        parts = int(m[1]), int(m[2]), int(m[3])
    elif m := _MONTH_DAY.fullmatch(cleaned):
        parts = reference.year, int(m[1]), int(m[2])
    elif cleaned.isdigit() and cleaned.isascii():
        if len(cleaned) == 8:
            parts = int(cleaned[:4]), int(cleaned[4:6]), int(cleaned[6:])
        elif len(cleaned) == 4:
            parts = reference.year, int(cleaned[:2]), int(cleaned[2:])
        elif len(cleaned) <= 2:
            parts = reference.year, reference.month, int(cleaned)
    elif cleaned.endswith("日") and cleaned[:-1].isdigit() and len(cleaned) <= 3:
        parts = reference.year, reference.month, int(cleaned[:-1])
    if parts is None:
        raise ValueError(_("看不懂的日期“{text}”，请按 2020-06-15 的格式填写").format(text=text.strip()))
    try:
        return dt.date(*parts)
    except ValueError:
        raise ValueError(
            _("日期不存在：{year}年{month}月{day}日").format(year=parts[0], month=parts[1], day=parts[2])
        ) from None


class DateEdit(QLineEdit):
    dateChanged = Signal(object)  # dt.date or None
    errorChanged = Signal(str)

    def __init__(self, parent=None, *, allow_empty: bool = True):
        super().__init__(parent)
        self.allow_empty = allow_empty
        self._reference = dt.date.today()
        self._date: dt.date | None = None
        self._error = ""
        self.setPlaceholderText(_("年-月-日"))
        self.setMaximumWidth(150)
        self.textChanged.connect(self._typed)
        self.editingFinished.connect(self._finished)

    def set_reference(self, day: dt.date) -> None:
        self._reference = day
        self._typed(self.text())

    def reference(self) -> dt.date:
        return self._reference

    def date(self) -> dt.date | None:
        return self._date

    def error(self) -> str:
        return self._error

    def setDate(self, day: dt.date | None) -> None:
        self.setText(day.isoformat() if day else "")

    def _parse(self, text: str) -> tuple[dt.date | None, str]:
        if not text.strip():
            return None, "" if self.allow_empty else _("请填写日期")
        try:
            return parse_date(text, self._reference), ""
        except ValueError as exc:
            return None, str(exc)

    def _typed(self, text: str) -> None:
        day, error = self._parse(text)
        if not text.strip():
            error = ""
        self._set(day, error)

    def _finished(self) -> None:
        day, error = self._parse(self.text())
        self._set(day, error)
        if day is not None and self.text() != day.isoformat():
            self.blockSignals(True)
            self.setText(day.isoformat())
            self.blockSignals(False)

    def _set(self, day: dt.date | None, error: str) -> None:
        changed = day != self._date
        changed_error = error != self._error
        self._date, self._error = day, error
        self.setStyleSheet(f"QLineEdit {{{INVALID_STYLE}}}" if error else "")
        self.setToolTip(error)
        if changed_error:
            self.errorChanged.emit(error)
        if changed:
            self.dateChanged.emit(day)
