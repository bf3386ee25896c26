"""The month grid of the 收支账本: a table model of the month's entries plus one entry row.

Saved entries are read-only (the book is evidence: a correction is a reversing entry). The last row is where
a new entry is typed (its editors: ``ledger_entry_delegate``). Each row's texts, colours and flags are worked
out once, when the month (or the typed cell) arrives, and kept in Qt's own items: a repaint asks for some ten
roles of every visible cell, and answering them from C++ instead of from Python is most of a repaint's cost.
"""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from fupin_desktop.domain.codes import LEDGER_CATEGORY, CodeTable, is_income
from fupin_desktop.i18n.formatting import format_money
from fupin_desktop.i18n.translate import N_, _
from fupin_desktop.qt.widgets.code_combo import display_text
from fupin_desktop.qt.widgets.styles import ERROR_COLOUR

DATE, DIRECTION, CATEGORY, AMOUNT, QUANTITY, UNIT, NOTE, RECORDER = range(8)
COLUMNS = (N_("日期"), N_("收/支"), N_("类别"), N_("金额（元）"), N_("数量"), N_("单位"), N_("摘要"), N_("记账人"))
DRAFT_KEYS = ("date", "direction", "category", "amount_fen", "quantity", "unit", "note")  # by column
MAX_QUANTITY = 10_000_000
MAX_UNIT_LENGTH = 8
DIRECTIONS = CodeTable("ledger_direction", "收/支", (("1", "收入"), ("2", "支出")))


def format_quantity(quantity: float | None) -> str:
    return "" if quantity is None else f"{quantity:g}"


NUMBER_COLUMNS = frozenset({AMOUNT, QUANTITY})


_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable
_RIGHT_FLAGS = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _entry_items(entry, reversed_ids) -> list[QStandardItem]:
    """One saved entry as the grid shows it: read-only cells, struck through once reversed."""
    texts = (
        entry.date.isoformat(),
        _("收入") if is_income(entry.category) else _("支出"),
        display_text(LEDGER_CATEGORY, entry.category),
        format_money(entry.amount_fen),
        format_quantity(entry.quantity),
        entry.unit,
        entry.note,
        entry.recorded_by,
    )
    struck = entry.id in reversed_ids
    foreground = None
    if entry.reverses or entry.amount_fen < 0:
        foreground = QBrush(QColor(ERROR_COLOUR))
    elif struck:
        foreground = QBrush(QColor("#999999"))
    font = None
    if struck:
        font = QFont()
        font.setStrikeOut(True)
    if struck:
        tooltip = _("这笔账已冲销")
    elif entry.reverses:
        tooltip = _("冲销记录")
    else:
        tooltip = _("选中后按 Ctrl+Delete 冲销（更正）这笔账")
    items = []
    for column, text in enumerate(texts):
        item = QStandardItem(text)
        item.setFlags(_READ_ONLY)
        item.setToolTip(tooltip)
        if column in NUMBER_COLUMNS:
            item.setTextAlignment(_RIGHT_FLAGS)
        if foreground is not None:
            item.setForeground(foreground)
        if font is not None:
            item.setFont(font)
        items.append(item)
    return items


class LedgerMonthTableModel(QStandardItemModel):
    """The month's entries (``entries``, ``reversed_ids``) and the entry row being typed (``draft``).

    Only the model's own methods change the rows, so what the view shows always follows ``entries`` and
    ``draft``; assigning ``draft`` repaints the entry row.
    """

    def __init__(self, parent=None):
        super().__init__(0, len(COLUMNS), parent)
        self.entries = []
        self.reversed_ids: frozenset[str] = frozenset()
        self._draft: dict = {}
        self.reference = dt.date.today()
        self.today = dt.date.today()
        self._shown = False
        self._draft_background = QBrush(QColor("#fffbe6"))
        items = []
        for column in range(len(COLUMNS)):
            item = QStandardItem("")
            item.setFlags(_EDITABLE if column <= NOTE else _READ_ONLY)
            item.setBackground(self._draft_background)
            if column in NUMBER_COLUMNS:
                item.setTextAlignment(_RIGHT_FLAGS)
            items.append(item)
        self.appendRow(items)
        # The headers are items too: saved rows are numbered by Qt (1, 2, …), the entry row is marked "＋" (its
        # header item moves down with it as rows are inserted above it).
        self.setHorizontalHeaderLabels([_(title) for title in COLUMNS])
        self.setVerticalHeaderItem(0, QStandardItem("＋"))

    @property
    def draft(self) -> dict:
        return self._draft

    @draft.setter
    def draft(self, value: dict) -> None:
        self._draft = value
        self._show_draft()

    def set_month(self, view) -> None:
        """Show ``view`` (a ``LedgerMonth``). Reloading the same month keeps the entry row and its open editor;
        a new entry becomes an inserted row (only what changed is repainted)."""
        month = dt.date(view.year, view.month, 1)
        if self._shown and month == self.reference:
            if not self._insert_one(view):
                self._replace_rows(view)
            return
        self.beginResetModel()
        self.blockSignals(True)  # the views hear of the reset alone, not of each row it takes
        try:
            self._shown = True
            self.reference = month
            self.removeRows(0, len(self.entries))
            self._adopt(view)
            for row, entry in enumerate(self.entries):
                self.insertRow(row, _entry_items(entry, self.reversed_ids))
            self._draft = {}
            self._fill_draft()
        finally:
            self.blockSignals(False)
        self.endResetModel()

    def _adopt(self, view) -> None:
        self.entries = list(view.entries)
        self.reversed_ids = view.reversed_ids
        self.today = view.today

    def _insert_one(self, view) -> bool:
        """The usual refresh after recording: the same entries and one more. False for anything else."""
        old = [e.id for e in self.entries]
        new = [e.id for e in view.entries]
        if len(new) != len(old) + 1:
            return False
        at = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), len(old))
        if new[:at] + new[at + 1:] != old:
            return False
        struck = [i for i, e in enumerate(self.entries) if (e.id in view.reversed_ids) != (e.id in self.reversed_ids)]
        self._adopt(view)
        self.insertRow(at, _entry_items(self.entries[at], self.reversed_ids))
        for row in struck:  # a reversed entry is struck through
            self._refill_row(row + (row >= at))
        return True

    def _replace_rows(self, view) -> None:
        """Any other change to the shown month: rows keep their places (a selected row stays where it was, or
        goes to the entry row when its place is gone); the entry row and its editor stay."""
        old_count = len(self.entries)
        self._adopt(view)
        new_count = len(self.entries)
        if new_count < old_count:
            for index in self.persistentIndexList():
                if new_count <= index.row() < old_count:
                    self.changePersistentIndex(index, self.index(old_count, index.column()))
            self.removeRows(new_count, old_count - new_count)
        for row in range(min(old_count, new_count)):
            self._refill_row(row)
        for row in range(old_count, new_count):
            self.insertRow(row, _entry_items(self.entries[row], self.reversed_ids))

    def _refill_row(self, row: int) -> None:
        """Put the row's entry back into its cells, with one repaint of the row."""
        self.blockSignals(True)
        try:
            for column, item in enumerate(_entry_items(self.entries[row], self.reversed_ids)):
                self.setItem(row, column, item)
        finally:
            self.blockSignals(False)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    @property
    def draft_row(self) -> int:
        return len(self.entries)

    def entry(self, row: int):
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _draft_text(self, column: int) -> str:
        d = self._draft
        if column == DATE:
            return d["date"].isoformat() if d.get("date") else ""
        if column == DIRECTION:
            return DIRECTIONS.label(d.get("direction", ""))
        if column == CATEGORY:
            return display_text(LEDGER_CATEGORY, d["category"]) if d.get("category") else ""
        if column == AMOUNT:
            return format_money(d["amount_fen"]) if d.get("amount_fen") else ""
        if column == QUANTITY:
            return format_quantity(d.get("quantity"))
        if column in (UNIT, NOTE):
            return d.get(DRAFT_KEYS[column], "")
        return ""

    def _fill_draft(self) -> None:
        row = self.draft_row
        for column in range(len(COLUMNS)):
            self.item(row, column).setText(self._draft_text(column))

    def _show_draft(self) -> None:
        """Put ``draft`` into the entry row's cells, with one repaint of the row."""
        self.blockSignals(True)
        try:
            self._fill_draft()
        finally:
            self.blockSignals(False)
        row = self.draft_row
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def set_draft(self, key: str, value) -> None:
        self._draft[key] = value
        if key == "direction" and self._draft.get("category"):
            if is_income(self._draft["category"]) != (value == "1"):
                self._draft.pop("category")
        self._show_draft()

    def missing(self) -> int | None:
        """The first column of the entry row still to fill, else None."""
        for column, key in (
            (DATE, "date"),
            (DIRECTION, "direction"),
            (CATEGORY, "category"),
            (AMOUNT, "amount_fen"),
        ):
            if not self._draft.get(key):
                return column
        return None
