"""The household list as a lazy table: windows of 200 rows fetched on the database thread as you scroll.

``set_filter`` starts a new generation: the first window is fetched at once (one row more than shown, to
know whether more follow), then the count in its own job so the rows never wait for it. While typing the
count stops at ``COUNT_CAP`` (``services.queries.count_households_upto``: a county's "王" matches thousands,
shown as "1000+"); once the filter has rested for ``EXACT_COUNT_DELAY_MS`` the exact figure is counted in a
job of its own that gives way (stops in SQLite) as soon as the next filter comes. Scrolling keeps fetching
windows whatever the count says. Answers of an older generation are dropped, and their queued jobs are
cancelled before they run, so typing fast never piles up work on the database thread.
"""

import threading

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from fupin_desktop.domain.codes import EXIT_STATUS, EXIT_STEP, HOUSEHOLD_ATTRIBUTE, POVERTY_CAUSE
from fupin_desktop.domain.colours import COLOUR_NAMES, colour_hex
from fupin_desktop.i18n.translate import N_, _

WINDOW = 200
EXACT_COUNT_DELAY_MS = 700  # the filter rested this long: count exactly what was shown as "1000+"
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


def fetch_count(ctx, household_filter, cap: int) -> int:
    """The count while typing: exact up to ``cap``, ``cap + 1`` meaning "more than ``cap``"."""
    from fupin_desktop.services.queries import count_households_upto

    return count_households_upto(ctx, household_filter, cap=cap)


def fetch_exact_count(ctx, household_filter, cancelled: threading.Event) -> int | None:
    """The exact count, or None when the next filter came first (it stops counting then)."""
    from fupin_desktop.services.background import count_households_exact

    return count_households_exact(ctx, household_filter, cancelled)


def count_text(total: int | None, capped: bool, cap: int) -> str:
    """How a count reads: "1000+" above the cap, the figure otherwise ("" while unknown)."""
    if total is None:
        return ""
    return f"{cap}+" if capped else str(total)


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
    count_changed = Signal(int)  # the count of the filter (``cap + 1`` while ``capped``); see ``count_text``

    def __init__(self, ops, parent=None, *, window: int | None = None, count_cap: int | None = None,
                 exact_delay_ms: int | None | object = ...):
        from fupin_desktop.services.queries import COUNT_CAP, HouseholdFilter  # off the start-up path

        super().__init__(parent)
        self._ops = ops
        self._window = WINDOW if window is None else window
        self.count_cap = COUNT_CAP if count_cap is None else count_cap
        self._rows: list = []
        self._more = False
        self._fetching = False
        self._generation = 0
        self._jobs: list = []
        self._cancel_exact = threading.Event()
        self._exact_timer = QTimer(self, singleShot=True)
        self._exact_timer.timeout.connect(self._count_exactly)
        # None: never count past the cap; ``...``: ``EXACT_COUNT_DELAY_MS``
        self._exact_delay_ms = EXACT_COUNT_DELAY_MS if exact_delay_ms is ... else exact_delay_ms
        self.filter = HouseholdFilter()
        self.total: int | None = None
        self.capped = False  # ``total`` is ``count_cap + 1``: "more than count_cap"
        self.loading = False
        self._exact_generation = 0  # the generation whose exact count is wanted
        self._exact_shown = None  # the filter whose exact count (above the cap) is shown

    @property
    def exact_pending(self) -> bool:
        """The count shows "1000+" and the exact figure is on its way (or waiting for typing to stop)."""
        return self.capped and self._exact_generation == self._generation

    def count_text(self) -> str:
        """The count as the pages show it: "1000+" above the cap, the figure otherwise ("" while unknown)."""
        return count_text(self.total, self.capped, self.count_cap)

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
        self._cancel_exact.set()  # … and a running exact count stops
        self._cancel_exact = threading.Event()
        self._exact_timer.stop()
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
        if not keep:
            self._exact_shown = None
        if more:
            if not keep:  # a refresh shows the count it had until the new one comes
                self.total = None
                self.capped = False
            self._jobs.append(self._ops.run(fetch_count, self.filter, self.count_cap,
                                            on_done=lambda n: self._counted(generation, n)))
        else:
            self._counted(generation, len(rows))
        self.loaded.emit()

    def _counted(self, generation: int, total: int) -> None:
        if generation != self._generation:
            return
        if not self._more:  # every row is loaded: their number is the exact count
            total = len(self._rows)
        capped = total > self.count_cap and self._more
        if capped and self._exact_delay_ms is not None:
            self._exact_generation = generation
            if self._exact_shown == self.filter:  # a refresh after a change: count exactly at once and keep
                self._exact_timer.start(0)  # the exact figure shown meanwhile (no "1000+" flicker)
                return
            self._exact_timer.start(self._exact_delay_ms)
        self._exact_shown = None
        self.capped = capped
        self.total = total
        self.count_changed.emit(total)

    def _count_exactly(self) -> None:
        generation, cancelled = self._generation, self._cancel_exact
        if self._exact_generation != generation:
            return
        self._jobs.append(self._ops.run(fetch_exact_count, self.filter, cancelled,
                                        on_done=lambda n: self._counted_exactly(generation, n)))

    def _counted_exactly(self, generation: int, total: int | None) -> None:
        if generation != self._generation or self._exact_generation != generation or total is None:
            return
        self._exact_generation = 0
        self._exact_shown = self.filter
        self.capped = False
        self.total = max(total, len(self._rows))
        self.count_changed.emit(self.total)

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
        if not more and (self.capped or self.total is not None and self.total != len(self._rows)):
            self._exact_timer.stop()  # scrolled to the end: the rows are the exact count
            self._exact_generation = 0
            self._counted(generation, len(self._rows))

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
