"""帮扶干部: every helper cadre with their households and last visit; reassign a household with a reason."""

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fupin_desktop.domain.attendance import ATTENDANCE_MIN_DAYS
from fupin_desktop.domain.codes import HELPER_AFFILIATION
from fupin_desktop.domain.colours import COLOUR_NAMES, colour_hex
from fupin_desktop.i18n.translate import N_, _
from fupin_desktop.qt.dialogs.attendance_dialog import AttendanceDialog
from fupin_desktop.qt.forms.ui_reassign_helper_dialog import Ui_ReassignHelperDialog
from fupin_desktop.qt.pages import AppServices, PageSpec
from fupin_desktop.qt.progress import ProgressJob

MAX_HOUSEHOLDS = 5  # fupin_desktop.services.helpers.MAX_HOUSEHOLDS_PER_HELPER
HELPER_COLUMNS = (N_("姓名"), N_("帮扶单位"), N_("职务"), N_("联系电话"), N_("帮扶户数"), N_("最近走访"),
                  N_("近30天走访"), N_("驻村工作队"), N_("本月驻村"), N_("今年驻村"))
MONTH_DAYS_COLUMN, YEAR_DAYS_COLUMN = 8, 9
SHORT_RED = "#d9363e"
HOUSEHOLD_COLUMNS = (N_("三色"), N_("户主"), N_("户编号"), N_("村民小组"), N_("结对开始"), N_("最近走访"))


@dataclass(frozen=True)
class PairedHousehold:
    household_id: str
    head_name: str
    number: str
    village_group: str
    colour: str
    since: dt.date | None
    last_visit: dt.date | None


@dataclass(frozen=True)
class HelperRow:
    helper: object  # fupin_desktop.domain.records.Helper
    households: tuple[PairedHousehold, ...]
    last_visit: dt.date | None
    recent_visits: int
    attendance: object = None  # fupin_desktop.services.attendance.HelperAttendance


def load_helpers(ctx, *, progress=None) -> list[HelperRow]:
    """Helpers with their current households and visits (database thread; services only)."""
    from fupin_desktop.services.attendance import attendance_summary
    from fupin_desktop.services.helpers import current_pairing, helpers, households_of
    from fupin_desktop.services.measures import visits_of
    from fupin_desktop.services.queries import HouseholdFilter, list_households

    today = ctx.clock.today()
    recent = today - dt.timedelta(days=30)
    people = helpers(ctx)
    days = attendance_summary(ctx, today)
    result = []
    for index, helper in enumerate(people):
        if progress and index % 20 == 0:
            progress(index, len(people))
        ids = tuple(households_of(ctx, helper.id))
        rows = list_households(ctx, HouseholdFilter(household_ids=ids), limit=len(ids)) if ids else []
        paired, visits = [], []
        for row in rows:
            own = [v.date for v in visits_of(ctx, row.id) if v.helper_id == helper.id]
            visits += own
            pairing = current_pairing(ctx, row.id)
            paired.append(PairedHousehold(row.id, row.head_name, row.number, row.village_group, row.colour,
                                          pairing.start_date if pairing else None, max(own, default=None)))
        result.append(HelperRow(helper, tuple(paired), max(visits, default=None),
                                sum(1 for day in visits if day >= recent), days.get(helper.id)))
    return result


def reassign(ctx, household_id: str, helper_id: str, start: dt.date, reason: str):
    from fupin_desktop.services.helpers import assign_helper

    return assign_helper(ctx, household_id, helper_id, start=start, reason=reason)


def _item(text, *, data=None, align_centre=False) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    if align_centre:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


def _table(columns, parent) -> QTableWidget:
    table = QTableWidget(0, len(columns), parent)
    table.setHorizontalHeaderLabels([_(c) for c in columns])
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


class ReassignHelperDialog(QDialog):
    """Choose the new helper, the date and the reason; saved through ``assign_helper`` on the database thread."""

    def __init__(self, services: AppServices, household: PairedHousehold, current: HelperRow,
                 candidates: list[HelperRow], parent=None):
        super().__init__(parent)
        self.services = services
        self.household = household
        self.ui = Ui_ReassignHelperDialog()
        self.ui.setupUi(self)
        self.ui.householdLabel.setText(f"{household.head_name}（{household.number}）")
        self.ui.currentLabel.setText(current.helper.name)
        for row in candidates:
            if row.helper.id == current.helper.id:
                continue
            full = len(row.households) >= MAX_HOUSEHOLDS
            text = _("{name}（{unit}，已帮扶{n}户）").format(name=row.helper.name, unit=row.helper.unit or "—",
                                                       n=len(row.households))
            self.ui.helperCombo.addItem(text + (_("，已满") if full else ""), row.helper.id)
        today = services.clock.today()
        self.ui.dateEdit.setDate(QDate(today.year, today.month, today.day))
        self.ui.dateEdit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.reasonEdit.setFocus()
        self.saved = False

    def save(self) -> None:
        reason = self.ui.reasonEdit.text().strip()
        helper_id = self.ui.helperCombo.currentData()
        if not helper_id:
            self.ui.errorLabel.setText(_("请选择新的帮扶责任人。"))
            return
        if not reason:
            self.ui.errorLabel.setText(_("请填写更换原因。"))
            self.ui.reasonEdit.setFocus()
            return
        start = self.ui.dateEdit.date().toPython()
        self.ui.buttonBox.setEnabled(False)
        self.services.ops.run(reassign, self.household.household_id, helper_id, start, reason,
                              on_done=self._saved, on_error=self._failed)

    def _saved(self, _result) -> None:
        self.saved = True
        self.services.notify(_("已更换帮扶责任人"))
        self.accept()

    def _failed(self, error) -> None:
        self.ui.buttonBox.setEnabled(True)
        self.ui.errorLabel.setText(str(error))


class HelpersPageView(QWidget):
    def __init__(self, services: AppServices, parent=None):
        super().__init__(parent)
        self.services = services
        self.rows: list[HelperRow] = []
        self._job = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        header = QHBoxLayout()
        title = QLabel(_("帮扶干部"), self)
        title.setProperty("role", "title")
        self.search = QLineEdit(self)
        self.search.setObjectName("searchEdit")
        self.search.setPlaceholderText(_("按姓名或单位查找干部"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._fill_helpers)
        self.summary_label = QLabel("", self)
        header.addWidget(title)
        header.addWidget(self.search, 1)
        header.addWidget(self.summary_label)
        header.addStretch(1)
        self.attendance_button = QPushButton(_("登记驻村天数…"), self)
        self.attendance_button.setObjectName("attendanceButton")
        self.attendance_button.setEnabled(False)
        header.addWidget(self.attendance_button)
        layout.addLayout(header)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.helper_table = _table(HELPER_COLUMNS, splitter)
        for column, width in enumerate((90, 200, 100, 110, 70, 100, 80, 80, 70)):
            self.helper_table.setColumnWidth(column, width)
        lower = QWidget(splitter)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 6, 0, 0)
        buttons = QHBoxLayout()
        self.households_label = QLabel(_("结对帮扶的户"), lower)
        self.open_button = QPushButton(_("打开户档"), lower)
        self.reassign_button = QPushButton(_("更换帮扶责任人…"), lower)
        self.reassign_button.setProperty("role", "primary")
        buttons.addWidget(self.households_label)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.reassign_button)
        lower_layout.addLayout(buttons)
        self.household_table = _table(HOUSEHOLD_COLUMNS, lower)
        for column, width in enumerate((60, 100, 180, 90, 110)):
            self.household_table.setColumnWidth(column, width)
        lower_layout.addWidget(self.household_table)
        splitter.addWidget(self.helper_table)
        splitter.addWidget(lower)
        splitter.setSizes([380, 260])
        layout.addWidget(splitter, 1)
        self.helper_table.itemSelectionChanged.connect(self._fill_households)
        self.household_table.itemActivated.connect(lambda _item: self.open_household())
        self.open_button.clicked.connect(self.open_household)
        self.reassign_button.clicked.connect(self.reassign_current)
        self.attendance_button.clicked.connect(self.register_attendance)
        self._timer = QTimer(self, singleShot=True, interval=600)
        self._timer.timeout.connect(self.refresh)
        services.ops.changed.connect(self._changed)
        self.refresh()

    def _changed(self, changes) -> None:
        if changes.tables & {"helpers", "pairings", "visits", "households", "members", "attendance"}:
            self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        if self._job is not None and not self._job.done:
            self._again = True  # a change arrived while loading: load once more afterwards
            return
        self._again = False
        self._job = ProgressJob(self.services.ops, self, _("整理帮扶干部"), load_helpers,
                                on_done=self.show_rows)

    def show_rows(self, rows: list[HelperRow]) -> None:
        if getattr(self, "_again", False):
            QTimer.singleShot(0, self.refresh)
        selected = self.current_helper()
        self.rows = rows
        self._fill_helpers()
        if selected is not None:
            self.select_helper(selected.helper.id)
        elif self.helper_table.rowCount():
            self.helper_table.selectRow(0)

    def _fill_helpers(self, *_args) -> None:
        text = self.search.text().strip()
        shown = [r for r in self.rows if not text or text in r.helper.name or text in (r.helper.unit or "")]
        today = self.services.clock.today()
        overdue = today - dt.timedelta(days=self.services.settings.visit_overdue_days)
        table = self.helper_table
        table.setRowCount(len(shown))
        for index, row in enumerate(shown):
            helper = row.helper
            unit = helper.unit or HELPER_AFFILIATION.label(helper.affiliation, "")
            last = row.last_visit.isoformat() if row.last_visit else _("从未走访")
            cells = [_item(helper.name, data=helper.id), _item(unit), _item(helper.position), _item(helper.phone),
                     _item(len(row.households), align_centre=True), _item(last, align_centre=True),
                     _item(row.recent_visits, align_centre=True),
                     _item(_("是") if helper.is_work_team else "", align_centre=True)]
            cells += self._attendance_cells(row)
            if row.households and (row.last_visit is None or row.last_visit < overdue):
                cells[5].setForeground(QBrush(QColor("#d9363e")))
            for column, cell in enumerate(cells):
                table.setItem(index, column, cell)
        idle = sum(1 for r in self.rows if r.households and (r.last_visit is None or r.last_visit < overdue))
        summary = _("共 {n} 名干部，{idle} 名超过 {days} 天未走访").format(
            n=len(self.rows), idle=idle, days=self.services.settings.visit_overdue_days)
        short = sum(1 for r in self.rows if r.attendance is not None and r.attendance.short)
        if short:
            summary += _("，{n} 名驻村天数不足").format(n=short)
        self.summary_label.setText(summary)
        self.attendance_button.setEnabled(bool(shown))

    @staticmethod
    def _attendance_cells(row: HelperRow) -> list[QTableWidgetItem]:
        """本月驻村 and 今年驻村; red with the reason for a work-team member 驻村天数不足 last month."""
        days = row.attendance
        if not row.helper.is_work_team and (days is None or not (days.this_month or days.this_year)):
            return [_item("", align_centre=True), _item("", align_centre=True)]  # not resident: nothing to show
        month = _item(days.this_month if days else 0, align_centre=True)
        year = _item(days.this_year if days else 0, align_centre=True)
        if days is not None and days.short:
            last = days.previous_month or 0
            tip = _("驻村天数不足：上月驻村{days}天，驻村工作队员每月应不少于{min}天").format(
                days=last, min=ATTENDANCE_MIN_DAYS)
            for cell in (month, year):
                cell.setForeground(QBrush(QColor(SHORT_RED)))
                cell.setToolTip(tip)
        return [month, year]

    def current_helper(self) -> HelperRow | None:
        row = self.helper_table.currentRow()
        item = self.helper_table.item(row, 0) if row >= 0 else None
        helper_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        return next((r for r in self.rows if r.helper.id == helper_id), None)

    def select_helper(self, helper_id: str) -> None:
        for index in range(self.helper_table.rowCount()):
            if self.helper_table.item(index, 0).data(Qt.ItemDataRole.UserRole) == helper_id:
                self.helper_table.selectRow(index)
                return

    def _fill_households(self) -> None:
        row = self.current_helper()
        households = row.households if row else ()
        self.households_label.setText(_("{name} 结对帮扶的户（{n}户）").format(name=row.helper.name, n=len(households))
                                      if row else _("结对帮扶的户"))
        table = self.household_table
        table.setRowCount(len(households))
        for index, household in enumerate(households):
            colour = _item(_(COLOUR_NAMES.get(household.colour, household.colour)), data=household.household_id)
            colour.setForeground(QBrush(QColor(colour_hex(household.colour))))
            cells = [colour, _item(household.head_name), _item(household.number), _item(household.village_group),
                     _item(household.since.isoformat() if household.since else ""),
                     _item(household.last_visit.isoformat() if household.last_visit else _("从未走访"))]
            for column, cell in enumerate(cells):
                table.setItem(index, column, cell)
        if households:
            table.selectRow(0)
        self.open_button.setEnabled(bool(households))
        self.reassign_button.setEnabled(bool(households))

    def current_household(self) -> PairedHousehold | None:
        helper = self.current_helper()
        row = self.household_table.currentRow()
        if helper is None or not 0 <= row < len(helper.households):
            return None
        return helper.households[row]

    def open_household(self) -> None:
        household = self.current_household()
        if household is not None:
            self.services.open_household(household.household_id)

    def register_attendance(self) -> AttendanceDialog | None:
        helper = self.current_helper()
        if helper is None:
            return None
        dialog = AttendanceDialog(self.services, helper.helper, self)
        dialog.open()
        return dialog

    def reassign_current(self) -> ReassignHelperDialog | None:
        household, helper = self.current_household(), self.current_helper()
        if household is None or helper is None:
            return None
        dialog = ReassignHelperDialog(self.services, household, helper, self.rows, self)
        dialog.open()
        return dialog


PAGE = PageSpec(order=40, key="helpers", title=N_("帮扶干部"), factory=HelpersPageView)
