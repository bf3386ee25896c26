"""脱贫时限: households not yet exited, grouped by planned exit year and current step; overdue and at-risk
first, each with the next thing to do. The board is worked out by ``services.deadlines``; this page shows it."""

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
from fupin_desktop.services.deadlines import DeadlineBoard, DeadlineRow, deadline_board

STATUS_TITLES = {"overdue": N_("逾期"), "at_risk": N_("有风险"), "on_track": N_("按计划"), "done": N_("已销号")}
STATUS_COLOURS = {"overdue": "#d9363e", "at_risk": "#d68a00", "on_track": "#2e9d57", "done": "#2f6fde"}
COLUMNS = (N_("户主 / 分组"), N_("户编号"), N_("村民小组"), N_("状态"), N_("预计人均纯收入"), N_("原因"),
           N_("下一步"))


class DeadlinesPageView(QWidget):
    def __init__(self, services: AppServices, parent=None):
        super().__init__(parent)
        self.services = services
        self.rows: list[DeadlineRow] = []
        self.board: DeadlineBoard | None = None
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
        self._job = ProgressJob(self.services.ops, self, _("整理脱贫时限"), deadline_board, self.services.village_id,
                                self.include_done.isChecked(), label=_("正在逐户核对脱贫进度和收入…"),
                                on_done=self.show_rows, on_cancel=lambda: self.summary_label.setText(_("已取消")))

    def show_rows(self, board: DeadlineBoard) -> None:
        self.board = board
        self.rows = board.rows
        self.summary_label.setText(_("逾期 {overdue} 户 · 有风险 {at_risk} 户 · 按计划 {on_track} 户").format(
            **board.counts))
        locale = current_language()
        self.tree.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        for year_group in board.years:
            year = year_group.year
            title = _("{year}年计划脱贫").format(year=year) if year else _("未定计划脱贫年度")
            year_item = QTreeWidgetItem([_("{title}（{n}户：逾期 {overdue} · 有风险 {at_risk}）").format(
                title=title, n=year_group.size, overdue=year_group.counts["overdue"],
                at_risk=year_group.counts["at_risk"])])
            year_item.setFont(0, bold)
            self.tree.addTopLevelItem(year_item)
            year_item.setFirstColumnSpanned(True)
            for group in year_group.steps:
                step_item = QTreeWidgetItem([_("当前：{step}（{n}户）").format(step=group.step_name,
                                                                             n=len(group.rows))])
                year_item.addChild(step_item)
                step_item.setFirstColumnSpanned(True)
                for row in group.rows:
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
        if row.below_line:
            item.setForeground(4, QBrush(QColor(STATUS_COLOURS["overdue"])))
        return item

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        household_id = item.data(0, Qt.ItemDataRole.UserRole)
        if household_id:
            self.services.open_household(household_id)


PAGE = PageSpec(order=30, key="deadlines", title=N_("脱贫时限"), factory=DeadlinesPageView)
