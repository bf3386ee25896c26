"""The month grid of the 收支账本: a table model of the month's entries plus one entry row, and its editors.

Saved entries are read-only (the book is evidence: a correction is a reversing entry). The last row is where
a new entry is typed: 日期 → 收/支 → 类别 → 金额 → 摘要, each cell with its own editor; Enter checks the cell and
moves on, Enter in 摘要 asks the grid to record the entry (``rowReady``).
"""

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemDelegate, QLineEdit, QStyledItemDelegate

from fupin_desktop.domain.codes import LEDGER_CATEGORY, CodeTable, is_income
from fupin_desktop.i18n.formatting import format_money
from fupin_desktop.i18n.translate import N_, _
from fupin_desktop.qt.widgets.code_combo import CodeEdit, display_text
from fupin_desktop.qt.widgets.date_edit import DateEdit
from fupin_desktop.qt.widgets.money_edit import MoneyEdit
from fupin_desktop.qt.widgets.styles import ERROR_COLOUR

DATE, DIRECTION, CATEGORY, AMOUNT, NOTE, RECORDER = range(6)
COLUMNS = (N_("日期"), N_("收/支"), N_("类别"), N_("金额（元）"), N_("摘要"), N_("记账人"))
INCOME_CATEGORIES = CodeTable(
    "ledger_income", "收入类别", tuple((c, label) for c, label in LEDGER_CATEGORY.items if is_income(c))
)
EXPENSE_CATEGORIES = CodeTable(
    "ledger_expense", "支出类别", tuple((c, label) for c, label in LEDGER_CATEGORY.items if not is_income(c))
)
DIRECTIONS = CodeTable("ledger_direction", "收/支", (("1", "收入"), ("2", "支出")))


def parse_direction(text: str) -> str | None:
    """ "收"/"s"/"1"/"+" → "1" (收入); "支"/"z"/"2"/"-" → "2" (支出); else None."""
    text = text.strip().lower()
    if text in ("+", "收", "收入", "s", "sr", "shou", "1"):
        return "1"
    if text in ("-", "支", "支出", "z", "zc", "zhi", "2"):
        return "2"
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

    def set_month(self, view) -> None:
        """Show ``view`` (a ``LedgerMonth``). Reloading the same month keeps the entry row and its open editor."""
        month = dt.date(view.year, view.month, 1)
        if self._shown and month == self.reference:
            self.layoutAboutToBeChanged.emit()
            old_draft = self.draft_row
            self.entries = list(view.entries)
            self.reversed_ids = view.reversed_ids
            self.today = view.today
            for index in self.persistentIndexList():
                row = self.draft_row if index.row() == old_draft else min(index.row(), self.draft_row)
                self.changePersistentIndex(index, self.index(row, index.column()))
            self.layoutChanged.emit()
            return
        self.beginResetModel()
        self._shown = True
        self.entries = list(view.entries)
        self.reversed_ids = view.reversed_ids
        self.reference = month
        self.today = view.today
        self.draft = {}
        self.endResetModel()

    @property
    def draft_row(self) -> int:
        return len(self.entries)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries) + 1

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return _(COLUMNS[section])
            return "＋" if section == self.draft_row else str(section + 1)
        return None

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.row() == self.draft_row and index.column() <= NOTE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def entry(self, row: int):
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row, column = index.row(), index.column()
        if row == self.draft_row:
            return self._draft_data(column, role)
        e = self.entries[row]
        if role == Qt.ItemDataRole.DisplayRole:
            income = is_income(e.category)
            return (
                e.date.isoformat(),
                _("收入") if income else _("支出"),
                display_text(LEDGER_CATEGORY, e.category),
                format_money(e.amount_fen),
                e.note,
                e.recorded_by,
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if e.reverses or e.amount_fen < 0:
                return QBrush(QColor(ERROR_COLOUR))
            if e.id in self.reversed_ids:
                return QBrush(QColor("#999999"))
        if role == Qt.ItemDataRole.FontRole and e.id in self.reversed_ids:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if e.id in self.reversed_ids:
                return _("这笔账已冲销")
            if e.reverses:
                return _("冲销记录")
            return _("选中后按 Ctrl+Delete 冲销（更正）这笔账")
        return None

    def _draft_data(self, column: int, role):
        d = self.draft
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == DATE:
                return d["date"].isoformat() if d.get("date") else ""
            if column == DIRECTION:
                return DIRECTIONS.label(d.get("direction", ""))
            if column == CATEGORY:
                return display_text(LEDGER_CATEGORY, d["category"]) if d.get("category") else ""
            if column == AMOUNT:
                return format_money(d["amount_fen"]) if d.get("amount_fen") else ""
            if column == NOTE:
                return d.get("note", "")
            return ""
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor("#fffbe6"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
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


class LedgerEntryDelegate(QStyledItemDelegate):
    """Editors of the entry row; Enter and Tab check the cell before moving on."""

    message = Signal(str)  # a refusal or a hint for the grid's status line
    rowReady = Signal()  # Enter in 摘要: record the entry

    def __init__(self, model: LedgerMonthTableModel, parent=None):
        super().__init__(parent)
        self.model = model
        self.current_editor = None
        self.last_date: dt.date | None = None

    def createEditor(self, parent, option, index):
        column = index.column()
        if column == DATE:
            editor = DateEdit(parent)
            editor.set_reference(self.model.reference)
        elif column == CATEGORY:
            table = EXPENSE_CATEGORIES if self.model.draft.get("direction") == "2" else INCOME_CATEGORIES
            editor = CodeEdit(parent, table, popup=False)
            editor.textEdited.connect(lambda _t, e=editor: self._candidates(e))
        elif column == AMOUNT:
            editor = MoneyEdit(parent)
        else:
            editor = QLineEdit(parent)
            if column == DIRECTION:
                editor.setPlaceholderText(_("收 或 支"))
        editor.setObjectName(f"ledger_editor_{column}")
        editor.setFrame(False)
        self.current_editor = editor
        editor.destroyed.connect(lambda *_a, e=editor: self._forget(e))
        return editor

    def _forget(self, editor) -> None:
        if self.current_editor is editor:
            self.current_editor = None

    def setEditorData(self, editor, index):
        d = self.model.draft
        column = index.column()
        if column == DATE:
            editor.setDate(d.get("date"))
        elif column == DIRECTION:
            editor.setText(DIRECTIONS.label(d.get("direction", "")))
        elif column == CATEGORY:
            editor.setCode(d.get("category", ""))
        elif column == AMOUNT:
            editor.setFen(d.get("amount_fen"))
        elif column == NOTE:
            editor.setText(d.get("note", ""))
        editor.selectAll()

    def setModelData(self, editor, model, index):
        value = self.check(editor, index.column())
        if value is not _REFUSED:
            model.set_draft(("date", "direction", "category", "amount_fen", "note")[index.column()], value)

    def check(self, editor, column: int):
        """The cell's value, or _REFUSED after emitting the reason."""
        if column == DATE:
            if not editor.text().strip():
                day = self.last_date or self._default_date()
                editor.setDate(day)
            day = editor.date()
            if day is None:
                self.message.emit(editor.error())
                return _REFUSED
            if day > self.model.today:
                self.message.emit(
                    _("记账日期不能晚于今天（{today}）").format(today=self.model.today.isoformat())
                )
                return _REFUSED
            if (day.year, day.month) != (self.model.reference.year, self.model.reference.month):
                self.message.emit(_("日期不在本月：请先翻到{month}月再记这一笔").format(month=day.month))
                return _REFUSED
            self.last_date = day
            return day
        if column == DIRECTION:
            code = parse_direction(editor.text())
            if code is None:
                self.message.emit(_("请填“收”或“支”（也可按 s 或 z）"))
                return _REFUSED
            return code
        if column == CATEGORY:
            code = editor.resolve_text()
            if not code:
                self.message.emit(_("请填写类别：代码或拼音首字母，如 wg 务工收入、hf 化肥农药"))
                return _REFUSED
            return code
        if column == AMOUNT:
            fen = editor.fen()
            if editor.error() or not fen or fen <= 0:
                self.message.emit(editor.error() or _("金额必须大于0；更正请用冲销，不要填负数"))
                return _REFUSED
            return fen
        return editor.text().strip()

    def _default_date(self) -> dt.date:
        """An empty date cell means today in the current month, else the month's first day."""
        ref, today = self.model.reference, self.model.today
        return today if (today.year, today.month) == (ref.year, ref.month) else ref

    def _candidates(self, editor: CodeEdit) -> None:
        found = editor.candidates()
        if found:
            self.message.emit(_("候选：") + "　".join(found) + _("（回车选第一个）"))

    def eventFilter(self, editor, event):
        if event.type() == QEvent.Type.KeyPress and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
            Qt.Key.Key_Tab,
        ):
            column = self._editor_column(editor)
            if self.check(editor, column) is _REFUSED:
                return True
            self.commitData.emit(editor)
            self.message.emit("")
            if column == NOTE and event.key() != Qt.Key.Key_Tab:
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                self.rowReady.emit()
            else:
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)
            return True
        return super().eventFilter(editor, event)

    @staticmethod
    def _editor_column(editor) -> int:
        return int(editor.objectName().rsplit("_", 1)[1])


_REFUSED = object()
