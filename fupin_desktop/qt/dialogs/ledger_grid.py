"""收支账本: one household's book, a month at a time, typed like a spreadsheet and never edited in place.

The grid (``LedgerMonthTableModel``) lists the month's entries with one entry row at the bottom: 日期 → 收/支 →
类别 (code or pinyin initials) → 金额 → 数量 → 单位 → 摘要, Enter moving on (an empty 数量 skips 单位); Enter in
摘要 records the entry through ``ledger.add_entry`` and starts the next one. Beside it: the month's totals by the four income categories and
the two kinds of expense, and the accounting year's 人均纯收入 against the poverty line with what is missing.
A wrong entry is corrected by a reversing entry (Ctrl+Delete or the context menu), never by editing.
"""

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fupin_desktop.domain.codes import LEDGER_GROUP_TITLES
from fupin_desktop.domain.income import INCOME_GROUPS, LIVING_EXPENSE, PRODUCTION_EXPENSE
from fupin_desktop.i18n.formatting import format_money
from fupin_desktop.i18n.translate import N_, _
from fupin_desktop.qt.dialogs.ledger_entry_delegate import LedgerEntryDelegate
from fupin_desktop.qt.dialogs.ledger_month_model import COLUMNS, DATE, LedgerMonthTableModel
from fupin_desktop.qt.widgets.styles import ERROR_COLOUR, OK_COLOUR, label_style
from fupin_desktop.services.household_editing import ledger_month_view, record_entry, reverse_entry

HINT = N_(
    "在最后一行直接输入：日期（只填日也行）→ 收/支（s 或 z）→ 类别（代码或拼音首字母，如 wg 务工收入）→ 金额 → "
    "数量、单位（没有就直接回车）→ 摘要，回车进入下一格，摘要处回车记入账本。记错了选中该行按 Ctrl+Delete 冲销。"
)


def _set_style(widget, style: str) -> None:
    """A style sheet is applied only when it changes (each application re-polishes the widget)."""
    if widget.styleSheet() != style:
        widget.setStyleSheet(style)


def _money_label(parent) -> QLabel:
    label = QLabel(parent)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    label.setMinimumWidth(80)
    return label


class LedgerTableView(QTableView):
    def settle(self) -> None:
        """Lay the rows out now rather than on the next pass of the event loop, so a refresh is painted once."""
        self.executeDelayedItemsLayout()


class LedgerGridWidget(QWidget):
    recorded = Signal()  # an entry or a reversal was saved
    loaded = Signal()  # a month was shown

    def __init__(self, services, household_id: str | None = None, parent=None):
        super().__init__(parent)
        self.services = services
        self.household_id = household_id
        self.view_data = None
        self._month: tuple[int, int] | None = None
        self._own_ops: set[str] = set()
        self._edit_after_load = False
        self.model = LedgerMonthTableModel(self)
        self.table = LedgerTableView(self)
        self.table.setObjectName("ledger_table")
        self.table.setModel(self.model)
        self.delegate = LedgerEntryDelegate(self.model, self.table)
        self.table.setItemDelegate(self.delegate)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.CurrentChanged
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((96, 48, 140, 96, 52, 48, 180, 70)):
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.reverse_action = QAction(_("冲销这笔账…（Ctrl+Delete）"), self.table)
        self.reverse_action.setShortcut(QKeySequence("Ctrl+Delete"))
        self.reverse_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reverse_action.triggered.connect(self.reverse_selected)
        self.table.addAction(self.reverse_action)
        self.prev_button = QPushButton(_("◀ 上月（Ctrl+PgUp）"), self)
        self.next_button = QPushButton(_("下月 ▶（Ctrl+PgDn）"), self)
        for button in (self.prev_button, self.next_button):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for keys, delta in (("Ctrl+PgUp", -1), ("Ctrl+PgDown", 1)):  # only while the book has the keyboard
            shortcut = QShortcut(QKeySequence(keys), self, lambda d=delta: self.step_month(d))
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.month_label = QLabel(self)
        self.month_label.setObjectName("ledger_month_label")
        self.month_label.setStyleSheet("font-size: 15px; font-weight: bold; padding: 0 12px;")
        self.hint = QLabel(_(HINT), self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(label_style("hint"))
        self.status = QLabel(self)
        self.status.setObjectName("ledger_status")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.prev_button)
        top.addWidget(self.month_label)
        top.addWidget(self.next_button)
        top.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.hint)
        left.addWidget(self.table, 1)
        left.addWidget(self.status)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(left, 1)
        layout.addWidget(self._build_totals())
        self.prev_button.clicked.connect(lambda: self.step_month(-1))
        self.next_button.clicked.connect(lambda: self.step_month(1))
        self.delegate.message.connect(self._say)
        self.delegate.rowReady.connect(self.commit_row)
        self.delegate.skipTo.connect(self.start_entry)
        services.ops.changed.connect(self._changed)

    def _build_totals(self) -> QWidget:
        panel = QWidget(self)
        panel.setFixedWidth(330)
        box = QVBoxLayout(panel)
        box.setContentsMargins(0, 0, 0, 0)
        self.month_box = QGroupBox(_("收支合计（元）"), panel)
        grid = QGridLayout(self.month_box)
        grid.setHorizontalSpacing(10)
        for column, title in ((1, N_("本月")), (2, N_("本年度"))):
            head = QLabel(f"<b>{_(title)}</b>", self.month_box)
            head.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(head, 0, column)
        self.month_labels, self.year_group_labels = {}, {}
        for row, key in enumerate((*INCOME_GROUPS, PRODUCTION_EXPENSE, LIVING_EXPENSE), start=1):
            title = QLabel(_(LEDGER_GROUP_TITLES[key]) + "：", self.month_box)
            title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(title, row, 0)
            self.month_labels[key] = _money_label(self.month_box)
            self.year_group_labels[key] = _money_label(self.month_box)
            grid.addWidget(self.month_labels[key], row, 1)
            grid.addWidget(self.year_group_labels[key], row, 2)
        self.year_box = QGroupBox(_("本账本年度"), panel)
        year_form = QFormLayout(self.year_box)
        year_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.year_labels = {}
        for key, title in (
            ("total", N_("总收入")),
            ("production_expense", N_("生产经营性支出")),
            ("net", N_("家庭纯收入")),
            ("people", N_("家庭人口")),
            ("per_capita", N_("人均纯收入")),
            ("line", N_("贫困线")),
        ):
            self.year_labels[key] = _money_label(self.year_box)
            year_form.addRow(_(title) + "：", self.year_labels[key])
        self.verdict = QLabel(self.year_box)
        self.verdict.setObjectName("ledger_verdict")
        self.verdict.setWordWrap(True)
        year_form.addRow(self.verdict)
        box.addWidget(self.month_box)
        box.addWidget(self.year_box)
        box.addStretch(1)
        return panel

    # --- loading -------------------------------------------------------------------------------------------
    def set_household(self, household_id: str | None, today: dt.date | None = None) -> None:
        self.household_id = household_id
        if household_id is None:
            self.setEnabled(False)
            self.month_label.setText(_("保存档案后才能记账"))
            return
        self.setEnabled(True)
        if self._month is None:
            today = today or self.services.clock.today()
            self._month = (today.year, today.month)
        self.reload()

    def show_month(self, year: int, month: int) -> None:
        self._month = (year, month)
        self.reload()

    def step_month(self, delta: int) -> None:
        if self._month is None or (delta > 0 and not self.next_button.isEnabled()):
            return
        index = self._month[0] * 12 + self._month[1] - 1 + delta
        self.show_month(index // 12, index % 12 + 1)

    def reload(self) -> None:
        if not self.household_id or self._month is None:
            return
        self.services.ops.run(
            ledger_month_view,
            self.household_id,
            *self._month,
            on_done=self._loaded,
            on_error=lambda exc: self._say(str(exc), error=True),
        )

    def _loaded(self, view) -> None:
        if (view.household_id, (view.year, view.month)) != (self.household_id, self._month):
            return  # an older request
        self.view_data = view
        self.model.set_month(view)
        self.month_label.setText(_("{year}年{month}月").format(year=view.year, month=view.month))
        self.next_button.setEnabled((view.year, view.month) < (view.today.year, view.today.month))
        self._show_totals(view)
        if self._edit_after_load:
            self._edit_after_load = False
            self.start_entry()
        self.table.scrollToBottom()
        self.table.settle()
        self.loaded.emit()

    def _show_totals(self, view) -> None:
        m, s = view.month_totals, view.summary
        for key in INCOME_GROUPS:
            self.month_labels[key].setText(format_money(m.by_group.get(key, 0)))
        self.month_labels[PRODUCTION_EXPENSE].setText(format_money(m.production_expense_fen))
        self.month_labels[LIVING_EXPENSE].setText(format_money(m.living_expense_fen))
        for key in INCOME_GROUPS:
            self.year_group_labels[key].setText(format_money(s.by_group.get(key, 0)))
        self.year_group_labels[PRODUCTION_EXPENSE].setText(format_money(s.production_expense_fen))
        self.year_group_labels[LIVING_EXPENSE].setText(format_money(s.living_expense_fen))
        self.year_box.setTitle(
            _("{year}账本年度（{start} 至 {end}）").format(
                year=s.year, start=s.start.isoformat(), end=s.end.isoformat()
            )
        )
        self.year_labels["total"].setText(format_money(s.total_income_fen))
        self.year_labels["production_expense"].setText(format_money(s.production_expense_fen))
        self.year_labels["net"].setText(format_money(s.net_income_fen))
        self.year_labels["people"].setText(_("{n}人").format(n=s.people))
        self.year_labels["per_capita"].setText(format_money(s.per_capita_fen))
        line = view.line
        if line is None:
            self.year_labels["line"].setText(_("未录入"))
            self.verdict.setText(_("未录入本年度贫困线，请在“设置”中录入。"))
            _set_style(self.verdict, label_style("warning"))
            return
        self.year_labels["line"].setText(format_money(line.line_fen))
        self.year_labels["line"].setToolTip(
            _("{year}年：{source}").format(year=line.year, source=line.source)
        )
        gap = line.line_fen - s.per_capita_fen
        if gap > 0:
            text = _("人均纯收入低于贫困线，还差 {gap} 元（全家纯收入还差 {total} 元）。").format(
                gap=format_money(gap), total=format_money(gap * max(s.people, 1))
            )
            colour = ERROR_COLOUR
        elif gap == 0:
            text, colour = _("人均纯收入刚好等于贫困线，须高于贫困线。"), ERROR_COLOUR
        else:
            text = _("人均纯收入高于贫困线 {over} 元。").format(over=format_money(-gap))
            colour = OK_COLOUR
        text += _("按目前进度，年底人均约 {projected} 元。").format(
            projected=format_money(view.projected_fen)
        )
        self.verdict.setText(text)
        _set_style(self.verdict, f"color: {colour}; font-weight: bold;")

    # --- entering ------------------------------------------------------------------------------------------
    def start_entry(self, column: int = DATE) -> None:
        """Put the cursor in the entry row (and open its editor)."""
        index = self.model.index(self.model.draft_row, column)
        self.table.setFocus()
        if self.table.currentIndex() == index:
            self.table.edit(index)
        else:
            self.table.setCurrentIndex(index)  # opens the editor (edit trigger CurrentChanged)

    def commit_row(self) -> None:
        missing = self.model.missing()
        if missing is not None:
            self._say(_("请先填写“{column}”").format(column=_(COLUMNS[missing])), error=True)
            self.start_entry(missing)
            return
        d = dict(self.model.draft)
        self.services.ops.run(
            record_entry,
            self.household_id,
            month=self._month,
            date=d["date"],
            category=d["category"],
            amount_fen=d["amount_fen"],
            quantity=d.get("quantity"),
            unit=d.get("unit", "") if d.get("quantity") is not None else "",
            note=d.get("note", ""),
            on_done=self._entry_saved,
            on_error=lambda exc: self._say(str(exc), error=True),
        )

    def _entry_saved(self, result) -> None:
        """The entry is in the book; the answer holds the month read back in the same job."""
        _entry_id, view, changes = result
        self._own_ops.add(changes.op_id)
        self.model.draft = {"date": self.model.draft.get("date")}
        self._say(_("已记入账本。"))
        self._edit_after_load = True
        self._loaded(view)
        self.recorded.emit()

    def reverse_selected(self) -> None:
        entry = self.model.entry(self.table.currentIndex().row())
        if entry is None:
            return
        if entry.reverses or entry.id in self.model.reversed_ids:
            self._say(_("这笔账已冲销过，或本身就是冲销记录。"), error=True)
            return
        reason, ok = QInputDialog.getText(
            self,
            _("冲销"),
            _("冲销 {date} {amount} 元的记录。原因：").format(
                date=entry.date.isoformat(), amount=format_money(entry.amount_fen)
            ),
            QLineEdit.EchoMode.Normal,
            "",
        )
        if not ok or not reason.strip():
            return
        self.services.ops.run(
            reverse_entry,
            entry.id,
            reason.strip(),
            month=self._month,
            on_done=self._reversed,
            on_error=lambda exc: self._say(str(exc), error=True),
        )

    def _reversed(self, result) -> None:
        _new_id, view, changes = result
        self._own_ops.add(changes.op_id)
        self._say(_("已冲销：原记录保留，另记一笔负数。"))
        self._loaded(view)
        self.recorded.emit()

    def _changed(self, changes) -> None:
        if changes.op_id in self._own_ops:
            return
        if self.household_id and self.household_id in changes.household_ids:
            self.reload()

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        _set_style(self.status, label_style("error" if error else "hint"))

    def current_editor(self):
        return self.delegate.current_editor

    def entry_row_index(self, column: int) -> QModelIndex:
        return self.model.index(self.model.draft_row, column)


class LedgerGridDialog(QDialog):
    """The book of one household in its own window (from the household list or the deadlines board)."""

    def __init__(self, services, household_id: str, parent=None, *, title: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title or _("收支账本"))
        self.grid = LedgerGridWidget(services, parent=self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid)
        self.resize(1100, 640)
        self.grid.set_household(household_id)
