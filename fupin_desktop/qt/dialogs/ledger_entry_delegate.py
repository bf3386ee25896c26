"""The editors of the 收支账本 grid's entry row: 日期 → 收/支 → 类别 → 金额 → 数量 → 单位 → 摘要.

Each cell has its own editor; Enter (or Tab) checks the cell and moves on, an empty 数量 skips 单位, and Enter
in 摘要 asks the grid to record the entry (``rowReady``). A refused cell keeps the cursor and says why.
"""

import datetime as dt
import unicodedata

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QAbstractItemDelegate, QLineEdit, QStyledItemDelegate

from fupin_desktop.domain.codes import LEDGER_CATEGORY, CodeTable, is_income
from fupin_desktop.i18n.translate import _
from fupin_desktop.qt.dialogs.ledger_month_model import (
    AMOUNT,
    CATEGORY,
    DATE,
    DIRECTION,
    DIRECTIONS,
    DRAFT_KEYS,
    MAX_QUANTITY,
    MAX_UNIT_LENGTH,
    NOTE,
    QUANTITY,
    UNIT,
    LedgerMonthTableModel,
    format_quantity,
)
from fupin_desktop.qt.widgets.code_combo import CodeEdit
from fupin_desktop.qt.widgets.date_edit import DateEdit
from fupin_desktop.qt.widgets.money_edit import MoneyEdit

INCOME_CATEGORIES = CodeTable(
    "ledger_income", "收入类别", tuple((c, label) for c, label in LEDGER_CATEGORY.items if is_income(c))
)
EXPENSE_CATEGORIES = CodeTable(
    "ledger_expense", "支出类别", tuple((c, label) for c, label in LEDGER_CATEGORY.items if not is_income(c))
)


def parse_quantity(text: str) -> float | None:
    """ "3", "2.5", "３" → the number; "" → None; raises ValueError for anything else."""
    text = unicodedata.normalize("NFKC", text).strip().replace(",", "")
    return float(text) if text else None


def parse_direction(text: str) -> str | None:
    """ "收"/"s"/"1"/"+" → "1" (收入); "支"/"z"/"2"/"-" → "2" (支出); else None."""
    text = text.strip().lower()
    if text in ("+", "收", "收入", "s", "sr", "shou", "1"):
        return "1"
    if text in ("-", "支", "支出", "z", "zc", "zhi", "2"):
        return "2"
    return None


class LedgerEntryDelegate(QStyledItemDelegate):
    """Editors of the entry row; Enter and Tab check the cell before moving on."""

    message = Signal(str)  # a refusal or a hint for the grid's status line
    rowReady = Signal()  # Enter in 摘要: record the entry
    skipTo = Signal(int)  # Enter in an empty 数量: go on to 摘要, past 单位

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
            elif column == QUANTITY:
                editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            elif column == UNIT:
                editor.setMaxLength(MAX_UNIT_LENGTH)
                editor.setPlaceholderText(_("头、斤、亩…"))
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
        elif column == QUANTITY:
            editor.setText(format_quantity(d.get("quantity")))
        elif column in (UNIT, NOTE):
            editor.setText(d.get(DRAFT_KEYS[column], ""))
        editor.selectAll()

    def setModelData(self, editor, model, index):
        value = self.check(editor, index.column())
        if value is not _REFUSED:
            model.set_draft(DRAFT_KEYS[index.column()], value)

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
        if column == QUANTITY:
            return self._check_quantity(editor.text())
        return editor.text().strip()

    def _check_quantity(self, text: str):
        try:
            quantity = parse_quantity(text)
        except ValueError:
            self.message.emit(_("数量请填数字，如 3 或 2.5；没有数量就空着"))
            return _REFUSED
        if quantity is not None and not 0 < quantity <= MAX_QUANTITY:
            self.message.emit(_("数量必须大于0；更正请用冲销"))
            return _REFUSED
        return quantity

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
            value = self.check(editor, column)
            if value is _REFUSED:
                return True
            self.commitData.emit(editor)
            self.message.emit("")
            enter = event.key() != Qt.Key.Key_Tab
            if column == NOTE and enter:
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                self.rowReady.emit()
            elif column == QUANTITY and enter and value is None:
                self.model.set_draft("unit", "")  # no quantity, no unit
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                self.skipTo.emit(NOTE)
            else:
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)
            return True
        return super().eventFilter(editor, event)

    @staticmethod
    def _editor_column(editor) -> int:
        return int(editor.objectName().rsplit("_", 1)[1])


_REFUSED = object()
