"""变更记录 tab: the household's change log, readable — who, when, which field, old → new, why."""

import dataclasses
import json
import typing

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fupin_desktop.domain import records as r
from fupin_desktop.domain.codes import EXIT_STEP, LEDGER_CATEGORY
from fupin_desktop.i18n.formatting import format_money
from fupin_desktop.i18n.translate import N_, _
from fupin_desktop.qt.dialogs.field_titles import CODE_TABLES, TABLE_TITLES, field_title

COLUMNS = (N_("时间"), N_("操作人"), N_("对象"), N_("字段"), N_("原值"), N_("新值"), N_("原因"))
RECORDS = {
    "households": r.Household,
    "members": r.Member,
    "pairings": r.Pairing,
    "measures": r.Measure,
    "visits": r.Visit,
    "exit_steps": r.ExitStep,
}
MONEY_FIELDS = {"funds_fen", "amount_fen"}


def _bool_fields(record_type) -> frozenset[str]:
    hints = typing.get_type_hints(record_type)
    return frozenset(
        f.name
        for f in dataclasses.fields(record_type)
        if hints[f.name] is bool or hints[f.name] == (bool | None)
    )


BOOL_FIELDS = {table: _bool_fields(record) for table, record in RECORDS.items()}


class ChangeDescriber:
    """Turns change-log entries into readable Chinese text."""

    def __init__(self, members=(), helpers=None):
        self.names = {m.id: m.name for m in members}
        self.helpers = (
            {h.id: h.name for h in (helpers or {}).values()}
            if isinstance(helpers, dict)
            else {h.id: h.name for h in (helpers or [])}
        )

    def learn(self, entries) -> None:
        """Names of members created in the log (a member's name is in its insert row)."""
        for e in entries:
            if e.table == "members" and e.field == "*" and e.new:
                self.names.setdefault(e.row_id, json.loads(e.new).get("name", ""))

    def value(self, table: str, field: str, raw: str | None) -> str:
        if raw is None:
            return _("（空）")
        value = json.loads(raw)
        if value is None or value == "":
            return _("（空）")
        tables = CODE_TABLES.get(table, {})
        if field in tables:
            table_ = tables[field]
            if isinstance(value, str) and value.startswith("["):
                value = json.loads(value)
            if isinstance(value, list):
                return "、".join(table_.label(str(v), str(v)) for v in value) or _("（空）")
            return table_.label(str(value), str(value))
        if field in BOOL_FIELDS.get(table, ()):
            return _("是") if value else _("否")
        if field in MONEY_FIELDS and isinstance(value, int):
            return format_money(value)
        if field == "helper_id":
            return self.helpers.get(value, value)
        return str(value)

    def subject(self, table: str, row_id: str) -> str:
        if table == "households":
            return _("本户")
        if table == "members":
            return self.names.get(row_id) or _("成员")
        return _(TABLE_TITLES.get(table, table))

    def insert_text(self, table: str, raw: str | None) -> str:
        row = json.loads(raw) if raw else {}
        if table == "households":
            return _("新建档案")
        if table == "members":
            return _("新增成员：{name}").format(name=row.get("name", ""))
        if table == "pairings":
            return _("结对：{name}").format(name=self.helpers.get(row.get("helper_id"), ""))
        if table == "measures":
            kind = _("计划") if row.get("kind") == "plan" else _("已落实")
            return f"{kind}：{row.get('title', '')}"
        if table == "visits":
            return _("走访：{visitor}").format(visitor=row.get("visitor", ""))
        if table == "exit_steps":
            outcome = _("有异议") if row.get("outcome") == "objection" else _("完成")
            return f"{EXIT_STEP.label(str(row.get('step', '')))}（{outcome}）"
        if table == "attachments":
            return _("附件：{name}").format(name=row.get("file_name", ""))
        if table == "ledger":
            amount = row.get("amount_fen", 0)
            return f"{LEDGER_CATEGORY.label(str(row.get('category', '')))} {format_money(amount)}"
        return _("新增记录")

    def row(self, e) -> tuple[str, ...]:
        when = e.when.strftime("%Y-%m-%d %H:%M")
        if e.field == "*":
            field = _("记账") if e.table == "ledger" else _("新增")
            return (
                when,
                e.operator,
                self.subject(e.table, e.row_id),
                field,
                "",
                self.insert_text(e.table, e.new),
                e.reason,
            )
        if e.field == "deleted":
            field = _("删除") if json.loads(e.new or "0") else _("恢复")
            return (when, e.operator, self.subject(e.table, e.row_id), field, "", "", e.reason)
        return (
            when,
            e.operator,
            self.subject(e.table, e.row_id),
            _(field_title(e.table, e.field)),
            self.value(e.table, e.field, e.old),
            self.value(e.table, e.field, e.new),
            e.reason,
        )


class HistoryPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.caption = QLabel(self)
        self.with_ledger = QCheckBox(_("包括收支账本的记账"), self)
        self.with_ledger.toggled.connect(lambda _on: self._show())
        self._data = None
        self._stale = False
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("history_table")
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(self.with_ledger)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def set_data(self, data) -> None:
        """Keep the editor's data; the rows are made when the tab is on screen (500 rows with the book take
        tens of milliseconds, and the editor reloads after every save)."""
        self._data = data
        self._stale = True
        if self.isVisible():
            self._show()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        if self._stale:
            self._show()

    def _show(self) -> None:
        data = self._data
        if data is None:
            return
        self._stale = False
        file = data.file
        describer = ChangeDescriber(file.members if file else (), data.helpers)
        describer.learn(data.history)
        entries = [e for e in data.history if self.with_ledger.isChecked() or e.table != "ledger"]
        rows = [describer.row(e) for e in entries]
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(i, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        for column, limit in ((4, 200), (5, 260)):
            if self.table.columnWidth(column) > limit:
                self.table.setColumnWidth(column, limit)
        header.setStretchLastSection(True)
        self.caption.setText(
            _(
                "共{count}条（最新的在最上面）：每一次保存、撤销、办理都记录在此，谁、何时、改了什么、为什么，"
                "不能删除。"
            ).format(count=len(rows))
            if file
            else _("保存档案后，这里列出每一次修改。")
        )
