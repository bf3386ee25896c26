"""脱贫时限: households not yet exited, grouped by planned exit year and current step; overdue and at-risk
first, each with the next thing to do."""

from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fupin_desktop.i18n.translate import N_, _, current_language
from fupin_desktop.qt.pages import AppServices, PageSpec
from fupin_desktop.qt.progress import ProgressJob

STATUS_ORDER = {"overdue": 0, "at_risk": 1, "on_track": 2, "done": 3}
STATUS_TITLES = {"overdue": N_("逾期"), "at_risk": N_("有风险"), "on_track": N_("按计划"), "done": N_("已销号")}
STATUS_COLOURS = {"overdue": "#d9363e", "at_risk": "#d68a00", "on_track": "#2e9d57", "done": "#2f6fde"}
NOT_EXITED = ("0", "3")
COLUMNS = (N_("户主 / 分组"), N_("户编号"), N_("村民小组"), N_("状态"), N_("预计人均纯收入"), N_("原因"),
           N_("下一步"))


@dataclass(frozen=True)
class DeadlineRow:
    household_id: str
    head_name: str
    number: str
    village_group: str
    planned_exit_year: int | None
    step: str  # the last step done in the current round ("" = not started)
    step_name: str
    status: str  # overdue | at_risk | on_track | done
    reason: str
    projected_fen: int | None
    line_fen: int | None
    next_action: str


def load_board(ctx, village_id: str = "", include_done: bool = False, *, progress=None) -> list[DeadlineRow]:
    """Every household still to exit (database thread; reads only through services)."""
    from fupin_desktop.domain.exits import deadline_status, guarantee_blockers, next_action, procedure_state
    from fupin_desktop.domain.exits import step_name as name_of_step
    from fupin_desktop.domain.income import accounting_year_of, line_for_year, project_year_end
    from fupin_desktop.services import households as hh
    from fupin_desktop.services.exits import steps_of
    from fupin_desktop.services.ledger import year_summary
    from fupin_desktop.services.queries import HouseholdFilter, count_households, list_households

    today, settings = ctx.clock.today(), ctx.settings
    year = accounting_year_of(today, settings)
    line = line_for_year(ctx.poverty_lines(), year)
    household_filter = HouseholdFilter(village_id=village_id)
    total = count_households(ctx, household_filter)
    rows = list_households(ctx, household_filter, limit=max(total, 1))
    board = []
    for index, row in enumerate(rows):
        if progress and index % 50 == 0:
            progress(index, total)
        if row.exit_status not in NOT_EXITED and not include_done:
            continue
        household, members = hh.load(ctx, row.id)
        state = procedure_state(steps_of(ctx, row.id))
        planned = household.planned_exit_year
        summary = year_summary(ctx, row.id, year, members) if planned is not None and planned <= year + 1 else None
        status = deadline_status(household, state, summary, line, today, settings, members=members)
        projected = project_year_end(summary, today) if summary is not None and summary.entries_count else None
        reason = ""
        if status == "overdue":
            reason = _("计划{planned}年脱贫，已逾期{n}年").format(planned=planned, n=year - planned)
        elif status == "at_risk":
            blockers = guarantee_blockers(household, members, planned or year, settings, today)
            if summary is None or summary.entries_count == 0:
                reason = _("本年度还没有记账")
            elif line is not None and projected is not None and projected <= line.line_fen:
                reason = _("按目前收入到年底达不到贫困线")
            elif blockers:
                reason = blockers[0].message
        board.append(DeadlineRow(
            household_id=row.id, head_name=row.head_name, number=row.number, village_group=row.village_group,
            planned_exit_year=planned, step=state.last_step or "",
            step_name=name_of_step(state.last_step) if state.last_step else _("未开始"), status=status,
            reason=reason, projected_fen=projected, line_fen=line.line_fen if line else None,
            next_action=next_action(state)))
    if progress:
        progress(total, total)
    return board


def group_board(rows: list[DeadlineRow]) -> list[tuple[int | None, list[tuple[str, list[DeadlineRow]]]]]:
    """[(planned year, [(step, rows)])]: years ascending (no year last), steps furthest first; in each group
    overdue, then at risk, then on track."""
    by_year: dict[int | None, dict[str, list[DeadlineRow]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        by_year[row.planned_exit_year][row.step].append(row)
    result = []
    for year in sorted(by_year, key=lambda y: (y is None, y or 0)):
        steps = by_year[year]
        groups = []
        for step in sorted(steps, key=lambda s: s or "0", reverse=True):
            ordered = sorted(steps[step], key=lambda r: (STATUS_ORDER.get(r.status, 9), r.village_group, r.number))
            groups.append((step, ordered))
        result.append((year, groups))
    return result


def count_by_status(rows) -> dict[str, int]:
    counts = dict.fromkeys(STATUS_ORDER, 0)
    for row in rows:
        counts[row.status] = counts.get(row.status, 0) + 1
    return counts


class DeadlinesPageView(QWidget):
    def __init__(self, services: AppServices, parent=None):
        super().__init__(parent)
        self.services = services
        self.rows: list[DeadlineRow] = []
        self._job = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        header = QHBoxLayout()
        title = QLabel(_("脱贫时限"), self)
        title.setProperty("role", "title")
        self.summary_label = QLabel("", self)
        self.include_done = QCheckBox(_("显示已销号的户"), self)
        self.include_done.toggled.connect(self.refresh)
        refresh = QPushButton(_("刷新"), self)
        refresh.setToolTip("F5")
        refresh.clicked.connect(self.refresh)
        header.addWidget(title)
        header.addSpacing(16)
        header.addWidget(self.summary_label)
        header.addStretch(1)
        header.addWidget(self.include_done)
        header.addWidget(refresh)
        layout.addLayout(header)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels([_(c) for c in COLUMNS])
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        widths = (190, 170, 80, 70, 150, 260)
        for column, width in enumerate(widths):
            self.tree.setColumnWidth(column, width)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        self.tree.itemActivated.connect(self._activated)
        layout.addWidget(self.tree, 1)
        hint = QLabel(_("逾期和有风险的户排在前面；回车或双击打开户档"), self)
        layout.addWidget(hint)
        self._timer = QTimer(self, singleShot=True, interval=600)
        self._timer.timeout.connect(self.refresh)
        services.ops.changed.connect(self._changed)
        self.refresh()

    def _changed(self, changes) -> None:
        if changes.tables & {"households", "exit_steps", "ledger", "members", "settings", "poverty_lines"}:
            self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        if self._job is not None and not self._job.done:
            self._job.cancel()
        self.summary_label.setText(_("正在整理…"))
        self._job = ProgressJob(self.services.ops, self, _("整理脱贫时限"), load_board, self.services.village_id,
                                self.include_done.isChecked(), label=_("正在逐户核对脱贫进度和收入…"),
                                on_done=self.show_rows, on_cancel=lambda: self.summary_label.setText(_("已取消")))

    def show_rows(self, rows: list[DeadlineRow]) -> None:
        self.rows = rows
        counts = count_by_status(rows)
        self.summary_label.setText(_("逾期 {overdue} 户 · 有风险 {at_risk} 户 · 按计划 {on_track} 户").format(
            **counts))
        locale = current_language()
        self.tree.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        for year, groups in group_board(rows):
            year_rows = [r for _step, rs in groups for r in rs]
            year_counts = count_by_status(year_rows)
            title = _("{year}年计划脱贫").format(year=year) if year else _("未定计划脱贫年度")
            year_item = QTreeWidgetItem([_("{title}（{n}户：逾期 {overdue} · 有风险 {at_risk}）").format(
                title=title, n=len(year_rows), overdue=year_counts["overdue"], at_risk=year_counts["at_risk"])])
            year_item.setFirstColumnSpanned(True)
            year_item.setFont(0, bold)
            self.tree.addTopLevelItem(year_item)
            year_item.setFirstColumnSpanned(True)
            for _step, step_rows in groups:
                step_item = QTreeWidgetItem([_("当前：{step}（{n}户）").format(step=step_rows[0].step_name,
                                                                             n=len(step_rows))])
                year_item.addChild(step_item)
                step_item.setFirstColumnSpanned(True)
                for row in step_rows:
                    step_item.addChild(self._row_item(row, locale))
            year_item.setExpanded(True)
            for index in range(year_item.childCount()):
                year_item.child(index).setExpanded(True)

    @staticmethod
    def _row_item(row: DeadlineRow, locale: str) -> QTreeWidgetItem:
        from fupin_desktop.i18n.formatting import format_money

        income = ""
        if row.projected_fen is not None:
            income = _("{amount} 元").format(amount=format_money(row.projected_fen, locale))
        item = QTreeWidgetItem([row.head_name, row.number, row.village_group, _(STATUS_TITLES[row.status]), income,
                                row.reason, row.next_action])
        item.setData(0, Qt.ItemDataRole.UserRole, row.household_id)
        item.setForeground(3, QBrush(QColor(STATUS_COLOURS[row.status])))
        if row.status in ("overdue", "at_risk"):
            font = item.font(3)
            font.setBold(True)
            item.setFont(3, font)
        if row.line_fen and row.projected_fen is not None and row.projected_fen <= row.line_fen:
            item.setForeground(4, QBrush(QColor(STATUS_COLOURS["overdue"])))
        return item

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        household_id = item.data(0, Qt.ItemDataRole.UserRole)
        if household_id:
            self.services.open_household(household_id)


PAGE = PageSpec(order=30, key="deadlines", title=N_("脱贫时限"), factory=DeadlinesPageView)
