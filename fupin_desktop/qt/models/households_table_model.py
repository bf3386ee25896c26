"""The household list as a lazy table: windows of 200 rows fetched on the database thread as you scroll.

``set_filter`` starts a new generation: the first window is fetched at once (one row more than shown, to
know whether more follow), the total count afterwards in its own job so the rows never wait for it.
Answers of an older generation are dropped, and their queued jobs are cancelled before they run, so typing
fast never piles up work on the database thread.
"""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from fupin_desktop.domain.codes import EXIT_STATUS, EXIT_STEP, HOUSEHOLD_ATTRIBUTE, POVERTY_CAUSE
from fupin_desktop.domain.colours import COLOUR_NAMES, colour_hex
from fupin_desktop.i18n.translate import N_, _

WINDOW = 200
REFRESH_TABLES = frozenset({"households", "members", "exit_steps", "pairings", "settings"})  # not the book

COLUMNS = (
    ("colour", N_("三色")),
    ("number", N_("户编号")),
    ("head_name", N_("户主")),
    ("people", N_("人数")),
    ("village_group", N_("村民小组")),
    ("attribute", N_("贫困户属性")),
    ("main_cause", N_("主要致贫原因")),
    ("planned_exit_year", N_("计划脱贫年度")),
    ("exit_status", N_("脱贫状态")),
    ("exit_step", N_("退出进度")),
    ("problems", N_("问题")),
)
COLUMN_KEYS = tuple(key for key, _title in COLUMNS)


def fetch_window(ctx, household_filter, offset: int, limit: int):
    """(rows, more): ``limit`` rows from ``offset`` and whether more follow (runs on the database thread)."""
    from fupin_desktop.services.queries import list_households

    rows = list_households(ctx, household_filter, offset=offset, limit=limit + 1)
    return rows[:limit], len(rows) > limit


def fetch_count(ctx, household_filter) -> int:
    from fupin_desktop.services.queries import count_households

    return count_households(ctx, household_filter)


def cell_text(row, key: str) -> str:
    """What the table shows for ``row`` in column ``key``."""
    if key == "colour":
        return _(COLOUR_NAMES.get(row.colour, row.colour))
    if key == "people":
        return str(row.people)
    if key == "attribute":
        return HOUSEHOLD_ATTRIBUTE.label(row.attribute, row.attribute)
    if key == "main_cause":
        return POVERTY_CAUSE.label(row.main_cause, row.main_cause)
    if key == "planned_exit_year":
        return str(row.planned_exit_year or "")
    if key == "exit_status":
        return EXIT_STATUS.label(row.exit_status, row.exit_status)
    if key == "exit_step":
        return EXIT_STEP.label(row.exit_step, _("未开始")) if row.exit_step else _("未开始")
    if key == "problems":
        parts = []
        if row.problem_errors:
            parts.append(_("{n}个错误").format(n=row.problem_errors))
        if row.problem_warnings:
            parts.append(_("{n}个提醒").format(n=row.problem_warnings))
        return "，".join(parts)
    return str(getattr(row, key) or "")


class HouseholdsTableModel(QAbstractTableModel):
    loaded = Signal()  # the first window of the current filter has arrived
    count_changed = Signal(int)  # the total number of households matching the filter

    def __init__(self, ops, parent=None, *, window: int = WINDOW):
        from fupin_desktop.services.queries import HouseholdFilter  # off the start-up path

        super().__init__(parent)
        self._ops = ops
        self._window = window
        self._rows: list = []
        self._more = False
        self._fetching = False
        self._generation = 0
        self._jobs: list = []
        self.filter = HouseholdFilter()
        self.total: int | None = None
        self.loading = False

    # loading ---------------------------------------------------------------------------------------------
    def set_filter(self, household_filter) -> None:
        """Show the households of a ``services.queries.HouseholdFilter``."""
        self.filter = household_filter
        self._load(self._window, keep=False)

    def refresh(self) -> None:
        """Reload what is shown (after a change), keeping as many rows as are loaded now."""
        self._load(max(len(self._rows), self._window), keep=True)

    def _load(self, limit: int, *, keep: bool) -> None:
        for job in self._jobs:
            job.cancelled.set()  # queued jobs of the older generation never run
        self._generation += 1
        generation = self._generation
        self.loading = True
        self._fetching = True
        self._jobs = [self._ops.run(fetch_window, self.filter, 0, limit,
                                    on_done=lambda result: self._first_window(generation, result, keep))]

    def _first_window(self, generation: int, result, keep: bool) -> None:
        if generation != self._generation:
            return
        rows, more = result
        same = keep and [r.id for r in rows] == [r.id for r in self._rows]
        if same:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(COLUMNS) - 1))
        else:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        self._more = more
        self._fetching = False
        self.loading = False
        if more:
            self.total = None
            self._jobs.append(self._ops.run(fetch_count, self.filter,
                                            on_done=lambda n: self._counted(generation, n)))
        else:
            self._counted(generation, len(rows))
        self.loaded.emit()

    def _counted(self, generation: int, total: int) -> None:
        if generation == self._generation:
            self.total = total
            self.count_changed.emit(total)

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802 (Qt's name)
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802 (Qt's name)
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation = self._generation
        self._jobs.append(self._ops.run(fetch_window, self.filter, len(self._rows), self._window,
                                        on_done=lambda result: self._next_window(generation, result)))

    def _next_window(self, generation: int, result) -> None:
        if generation != self._generation:
            return
        rows, more = result
        self._fetching = False
        self._more = more
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def on_changed(self, changes) -> None:
        """Connect to ``ops.changed``: reload when households or what the list shows changed."""
        if changes.tables & REFRESH_TABLES:
            self.refresh()

    # reading ---------------------------------------------------------------------------------------------
    def row_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def household_id(self, index: QModelIndex) -> str | None:
        row = self.row_at(index.row()) if index.isValid() else None
        return row.id if row else None

    def loaded_rows(self) -> list:
        return list(self._rows)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 (Qt's name)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return _(COLUMNS[section][1])
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        key = COLUMN_KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(row, key)
        if role == Qt.ItemDataRole.DecorationRole and key == "colour":
            return QColor(colour_hex(row.colour))
        if role == Qt.ItemDataRole.ForegroundRole and key == "problems":
            return QBrush(QColor("#c62828" if row.problem_errors else "#b26a00"))
        if role == Qt.ItemDataRole.FontRole and key == "head_name":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("people", "planned_exit_year"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and key == "colour":
            return EXIT_STATUS.label(row.exit_status, "")
        return None
