"""The month grid of the 收支账本: a table model of the month's entries plus one entry row.

Saved entries are read-only (the book is evidence: a correction is a reversing entry). The last row is where
a new entry is typed (its editors: ``ledger_entry_delegate``). Each saved row's texts and colours are worked
out once, when the month arrives, so a repaint only looks them up.
"""

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

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


DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole
FONT = Qt.ItemDataRole.FontRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
NUMBER_COLUMNS = frozenset({AMOUNT, QUANTITY})


class _Row:
    """One saved entry as the grid shows it, worked out once (a repaint asks for every cell many times)."""

    __slots__ = ("entry", "texts", "foreground", "font", "tooltip")

    def __init__(self, entry, reversed_ids):
        self.entry = entry
        self.texts = (
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
        self.foreground = None
        if entry.reverses or entry.amount_fen < 0:
            self.foreground = QBrush(QColor(ERROR_COLOUR))
        elif struck:
            self.foreground = QBrush(QColor("#999999"))
        self.font = None
        if struck:
            self.font = QFont()
            self.font.setStrikeOut(True)
        if struck:
            self.tooltip = _("这笔账已冲销")
        elif entry.reverses:
            self.tooltip = _("冲销记录")
        else:
            self.tooltip = _("选中后按 Ctrl+Delete 冲销（更正）这笔账")

    def data(self, column: int, role):
        if role == DISPLAY:
            return self.texts[column]
        if role == ALIGN:
            return RIGHT if column in NUMBER_COLUMNS else None
        if role == FOREGROUND:
            return self.foreground
        if role == FONT:
            return self.font
        if role == TOOLTIP:
            return self.tooltip
        return None


class LedgerMonthTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries = []
        self.reversed_ids: frozenset[str] = frozenset()
        self.draft: dict = {}
        self.reference = dt.date.today()
        self.today = dt.date.today()
        self._shown = False
        self._rows: list[_Row] = []
        self._draft_background = QBrush(QColor("#fffbe6"))

    def _take(self, view) -> None:
        """Adopt the month's entries; rows already worked out are kept unless their entry got reversed."""
        known = {row.entry.id: row for row in self._rows if (row.entry.id in view.reversed_ids) == (row.font is not None)}
        self.entries = list(view.entries)
        self.reversed_ids = view.reversed_ids
        self.today = view.today
        self._rows = [known.get(e.id) or _Row(e, view.reversed_ids) for e in self.entries]

    def set_month(self, view) -> None:
        """Show ``view`` (a ``LedgerMonth``). Reloading the same month keeps the entry row and its open editor;
        a new entry becomes an inserted row (only what changed is repainted)."""
        month = dt.date(view.year, view.month, 1)
        if self._shown and month == self.reference:
            if self._insert_one(view):
                return
            self.layoutAboutToBeChanged.emit()
            old_draft = self.draft_row
            self._take(view)
            for index in self.persistentIndexList():
                row = self.draft_row if index.row() == old_draft else min(index.row(), self.draft_row)
                self.changePersistentIndex(index, self.index(row, index.column()))
            self.layoutChanged.emit()
            return
        self.beginResetModel()
        self._shown = True
        self.reference = month
        self._rows = []
        self._take(view)
        self.draft = {}
        self.endResetModel()

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
        self.beginInsertRows(QModelIndex(), at, at)
        self._take(view)
        self.endInsertRows()
        for row in struck:  # a reversed entry is struck through
            shifted = row + (row >= at)
            self.dataChanged.emit(self.index(shifted, 0), self.index(shifted, len(COLUMNS) - 1))
        return True

    @property
    def draft_row(self) -> int:
        return len(self.entries)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries) + 1

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=DISPLAY):
        if role == DISPLAY:
            if orientation == Qt.Orientation.Horizontal:
                return _(COLUMNS[section])
            return "＋" if section == self.draft_row else str(section + 1)
        return None

    _READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    _EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable

    def flags(self, index):
        if index.row() == len(self.entries) and index.column() <= NOTE:
            return self._EDITABLE
        return self._READ_ONLY

    def entry(self, row: int):
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def data(self, index, role=DISPLAY):
        row = index.row()
        if row < len(self._rows):
            return self._rows[row].data(index.column(), role)
        return self._draft_data(index.column(), role)

    def _draft_data(self, column: int, role):
        d = self.draft
        if role == DISPLAY or role == EDIT:
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
        if role == BACKGROUND:
            return self._draft_background
        if role == ALIGN and column in NUMBER_COLUMNS:
            return RIGHT
        return None

    def set_draft(self, key: str, value) -> None:
        self.draft[key] = value
        if key == "direction" and self.draft.get("category"):
            if is_income(self.draft["category"]) != (value == "1"):
                self.draft.pop("category")
        row = self.draft_row
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def missing(self) -> int | None:
        """The first column of the entry row still to fill, else None."""
        for column, key in (
            (DATE, "date"),
            (DIRECTION, "direction"),
            (CATEGORY, "category"),
            (AMOUNT, "amount_fen"),
        ):
            if not self.draft.get(key):
                return column
        return None
