"""脱贫时限 (the deadline board): every household still to exit, by planned exit year and current step.

For each household: where its exit procedure stands, whether it is overdue, at risk (planned for this
accounting year or the next, with income projected to the year's end not above the line, no book this year,
or an open 两不愁三保障 blocker) or on track, why, and the next thing to do. Groups: planned years ascending
(no year last), inside a year the steps furthest along first, inside a step overdue, then at risk, then on
track. Reads only through the other services; writes nothing.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from fupin_desktop.domain.exits import (
    deadline_status,
    guarantee_blockers,
    next_action,
    procedure_state,
    step_name,
)
from fupin_desktop.domain.income import accounting_year_of, line_for_year, project_year_end
from fupin_desktop.i18n.translate import _
from fupin_desktop.services import households as hh
from fupin_desktop.services.exits import steps_of
from fupin_desktop.services.ledger import year_summary
from fupin_desktop.services.queries import HouseholdFilter, count_households, list_households

STATUSES = ("overdue", "at_risk", "on_track", "done")  # the board's order
STATUS_ORDER = {status: index for index, status in enumerate(STATUSES)}
NOT_EXITED = ("0", "3")  # 脱贫状态 未脱贫, 返贫


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
    projected_fen: int | None  # per-capita net income projected to the accounting year's end
    line_fen: int | None  # the poverty line of the accounting year
    next_action: str

    @property
    def below_line(self) -> bool:
        """The projected income does not reach the line."""
        return self.line_fen is not None and self.projected_fen is not None and self.projected_fen <= self.line_fen


@dataclass(frozen=True)
class StepGroup:
    step: str
    step_name: str
    rows: list[DeadlineRow]


@dataclass(frozen=True)
class YearGroup:
    year: int | None  # planned exit year; None = not planned yet
    counts: dict[str, int]
    steps: list[StepGroup]

    @property
    def size(self) -> int:
        return sum(len(group.rows) for group in self.steps)


@dataclass(frozen=True)
class DeadlineBoard:
    rows: list[DeadlineRow]
    years: list[YearGroup]
    counts: dict[str, int] = field(default_factory=dict)


def count_by_status(rows) -> dict[str, int]:
    counts = dict.fromkeys(STATUSES, 0)
    for row in rows:
        counts[row.status] = counts.get(row.status, 0) + 1
    return counts


def group_board(rows: list[DeadlineRow]) -> list[YearGroup]:
    by_year: dict[int | None, dict[str, list[DeadlineRow]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        by_year[row.planned_exit_year][row.step].append(row)
    years = []
    for year in sorted(by_year, key=lambda y: (y is None, y or 0)):
        steps = by_year[year]
        groups = []
        for step in sorted(steps, key=lambda s: s or "0", reverse=True):
            ordered = sorted(steps[step], key=lambda r: (STATUS_ORDER.get(r.status, 9), r.number))
            groups.append(StepGroup(step, ordered[0].step_name, ordered))
        years.append(YearGroup(year, count_by_status(r for group in groups for r in group.rows), groups))
    return years


def _reason(status, household, members, summary, line, projected, year, settings, today) -> str:
    if status == "overdue":
        planned = household.planned_exit_year
        return _("计划{planned}年脱贫，已逾期{n}年").format(planned=planned, n=year - planned)
    if status != "at_risk":
        return ""
    if summary is None or summary.entries_count == 0:
        return _("本年度还没有记账")
    if line is not None and projected is not None and projected <= line.line_fen:
        return _("按目前收入到年底达不到贫困线")
    blockers = guarantee_blockers(household, members, household.planned_exit_year or year, settings, today)
    return blockers[0].message if blockers else ""


def deadline_rows(ctx, village_id: str = "", include_done: bool = False, *, progress=None) -> list[DeadlineRow]:
    """One row per household still to exit (all households with ``include_done``), in list order."""
    today, settings = ctx.clock.today(), ctx.settings
    year = accounting_year_of(today, settings)
    line = line_for_year(ctx.poverty_lines(), year)
    household_filter = HouseholdFilter(village_id=village_id)
    total = count_households(ctx, household_filter)
    rows = []
    for index, listed in enumerate(list_households(ctx, household_filter, limit=max(total, 1))):
        if progress and index % 50 == 0:
            progress(index, total)
        if listed.exit_status not in NOT_EXITED and not include_done:
            continue
        household, members = hh.load(ctx, listed.id)
        state = procedure_state(steps_of(ctx, listed.id))
        planned = household.planned_exit_year
        summary = year_summary(ctx, listed.id, year, members) if planned is not None and planned <= year + 1 else None
        status = deadline_status(household, state, summary, line, today, settings, members=members)
        projected = project_year_end(summary, today) if summary is not None and summary.entries_count else None
        rows.append(DeadlineRow(
            household_id=listed.id, head_name=listed.head_name, number=listed.number,
            village_group=listed.village_group, planned_exit_year=planned, step=state.last_step or "",
            step_name=_(step_name(state.last_step)) if state.last_step else _("未开始"), status=status,
            reason=_reason(status, household, members, summary, line, projected, year, settings, today),
            projected_fen=projected, line_fen=line.line_fen if line else None, next_action=_(next_action(state))))
    if progress:
        progress(total, total)
    return rows


def deadline_board(ctx, village_id: str = "", include_done: bool = False, *, progress=None) -> DeadlineBoard:
    """The whole board: the rows, grouped, and the counts by status."""
    rows = deadline_rows(ctx, village_id, include_done, progress=progress)
    return DeadlineBoard(rows=rows, years=group_board(rows), counts=count_by_status(rows))
