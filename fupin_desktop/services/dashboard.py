"""作战图 figures: counts by colour, cause, group and exit year; 贫困发生率; incomes against the line.

Incomes come from ``ledger_months`` (migration 0003: the daily book summed per household and month by a
trigger), so the dashboard reads twelve small rows per household instead of its whole book. An accounting
year that does not start on the 1st of a month has two partial months; those are summed from the book.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from fupin_desktop.domain.income import accounting_year_of, accounting_year_range, line_for_year
from fupin_desktop.storage import tables as t
from fupin_desktop.storage.migrations_speed import LEDGER_NET_FEN_SQL

NOT_EXITED = ("0", "3")


@dataclass(frozen=True)
class Dashboard:
    year: int
    households: int
    people: int
    by_colour: dict[str, int]
    by_cause: dict[str, int]
    by_group: dict[str, int]
    by_exit_year: dict[int, int]
    by_exit_step: dict[str, int]
    poor_people: int
    rural_population: int
    line_fen: int | None
    below_line_households: int  # per-capita net income projected to the year's end at or below the line
    below_line_people: int
    behind_schedule: int
    helpers_without_recent_visit: list[str] = field(default_factory=list)
    problem_households: int = 0

    @property
    def incidence(self) -> float | None:
        """贫困发生率: poor population ÷ rural population."""
        return self.poor_people / self.rural_population if self.rural_population else None


def _village_clause(village_id: str, alias: str = "h") -> tuple[str, list]:
    return (f" AND {alias}.village_id = ?", [village_id]) if village_id else ("", [])


def _month_after(day: dt.date) -> dt.date:
    return dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def net_income_sql(ctx, year: int, household: str = "h.id") -> tuple[str, list]:
    """SQL of one household's 家庭纯收入 (fen) in accounting year ``year``, correlated on ``household``:
    whole months from ledger_months, the partial months of a year not starting on the 1st from the book."""
    start, end = accounting_year_range(year, ctx.settings)
    first = start if start.day == 1 else _month_after(start)  # the first whole month
    stop = _month_after(end) if _month_after(end) - dt.timedelta(days=1) == end else end.replace(day=1)
    if first >= stop:
        whole, partial = [], [(start, end)]
    else:
        whole = [(first.isoformat()[:7], stop.isoformat()[:7])]
        partial = [(low, high) for low, high in ((start, first - dt.timedelta(days=1)), (stop, end)) if low <= high]
    parts, params = [], []
    for low, high in whole:
        parts.append(f"(SELECT sum(net_fen) FROM {t.LEDGER_MONTHS} WHERE household_id = {household}"
                     " AND month >= ? AND month < ?)")
        params += [low, high]
    for low, high in partial:
        parts.append(f"(SELECT sum({LEDGER_NET_FEN_SQL}) FROM {t.LEDGER} WHERE household_id = {household}"
                     " AND date BETWEEN ? AND ?)")
        params += [low.isoformat(), high.isoformat()]
    return " + ".join(f"coalesce({part}, 0)" for part in parts), params


def per_capita_by_household(ctx, year: int, village_id: str = "") -> dict[str, tuple[int, int]]:
    """household id → (net income fen, people) for the accounting year, for every household not deleted."""
    vclause, vparams = _village_clause(village_id)
    net, params = net_income_sql(ctx, year)
    return {hid: (fen, people) for hid, people, fen in ctx.db.execute(
        f"SELECT h.id, h.people, {net} FROM {t.HOUSEHOLDS} h WHERE h.deleted = 0{vclause}", [*params, *vparams])}


def _below_line(ctx, village_id: str, year: int, today: dt.date, select: str):
    """Run ``select`` (over ``b.id``, ``b.people``) on the households whose per-capita net income, projected
    to the year's end at the pace so far, is at or below the year's line (None: no line for the year)."""
    line = line_for_year(ctx.poverty_lines(), year)
    if line is None:
        return None
    start, end = accounting_year_range(year, ctx.settings)
    total, elapsed = (end - start).days + 1, (min(today, end) - start).days + 1
    vclause, vparams = _village_clause(village_id)
    net, params = net_income_sql(ctx, year)
    # net × total ÷ elapsed ÷ people ≤ line, in integers
    return ctx.db.execute(
        f"SELECT {select} FROM (SELECT h.id AS id, h.people AS people, {net} AS net FROM {t.HOUSEHOLDS} h"
        f" WHERE h.deleted = 0 AND h.people > 0{vclause}) AS b WHERE b.net * ? <= ? * b.people * ?",
        [*params, *vparams, total, line.line_fen, max(elapsed, 1)])


def below_line_ids(ctx, village_id: str, year: int, *, today: dt.date | None = None) -> tuple[str, ...]:
    """The households the dashboard counts as below the line (its card lists exactly these)."""
    cursor = _below_line(ctx, village_id, year, today or ctx.clock.today(), "b.id")
    return tuple(row[0] for row in cursor) if cursor is not None else ()


def _idle_helpers(db, village_id: str, cutoff: str) -> list[str]:
    """Names of the helpers paired now (with a household not deleted) and without a visit since ``cutoff``."""
    recent = (f"NOT EXISTS (SELECT 1 FROM {t.VISITS} v WHERE v.helper_id = e.id AND v.date >= ? AND v.deleted = 0)")
    if village_id:  # from the village's households: a village never reads the county's pairings
        return [row[0] for row in db.execute(
            f"SELECT DISTINCT e.name FROM {t.HOUSEHOLDS} h JOIN {t.PAIRINGS} p ON p.household_id = h.id"
            f" JOIN {t.HELPERS} e ON e.id = p.helper_id WHERE h.village_id = ? AND h.deleted = 0"
            f" AND p.end_date IS NULL AND p.deleted = 0 AND e.deleted = 0 AND {recent} ORDER BY e.name",
            [village_id, cutoff])]
    return [row[0] for row in db.execute(
        f"SELECT DISTINCT e.name FROM {t.HELPERS} e WHERE e.deleted = 0 AND {recent}"
        f" AND EXISTS (SELECT 1 FROM {t.PAIRINGS} p JOIN {t.HOUSEHOLDS} h ON h.id = p.household_id"
        " WHERE p.helper_id = e.id AND p.end_date IS NULL AND p.deleted = 0 AND h.deleted = 0) ORDER BY e.name",
        [cutoff])]


def dashboard(ctx, village_id: str = "", *, today: dt.date | None = None) -> Dashboard:
    today = today or ctx.clock.today()
    settings = ctx.settings
    year = accounting_year_of(today, settings)
    vclause, vparams = _village_clause(village_id)
    db = ctx.db
    line = line_for_year(ctx.poverty_lines(), year)
    net, net_params = net_income_sql(ctx, year) if line is not None else ("0", [])
    start, end = accounting_year_range(year, settings)
    total, elapsed = (end - start).days + 1, max((min(today, end) - start).days + 1, 1)
    # One pass over the households (the counts are made here: a GROUP BY of 100,000 rows sorts them all).
    rows = db.execute(
        f"SELECT h.exit_status, h.colour, h.main_cause, h.village_group, h.planned_exit_year, h.exit_step,"
        f" h.problem_errors + h.problem_warnings > 0, h.people, {net} FROM {t.HOUSEHOLDS} h"
        f" WHERE h.deleted = 0{vclause}", [*net_params, *vparams]).fetchall()
    combos = Counter(row[:7] for row in rows)
    people = sum(row[7] for row in rows)
    poor_people = sum(row[7] for row in rows if row[0] in NOT_EXITED)
    below_h = below_p = 0
    if line is not None:  # per-capita net income projected to the year's end ≤ the line, in integers
        below = [n for *_, n, fen in rows if n > 0 and fen * total <= line.line_fen * n * elapsed]
        below_h, below_p = len(below), sum(below)
    counts = {name: Counter() for name in ("colour", "cause", "group", "exit_year", "exit_step")}
    behind = problems = 0
    for (status, colour, cause, group, exit_year, step, problem), n in combos.items():
        for name, key in (("colour", colour), ("cause", cause), ("group", group), ("exit_year", exit_year),
                          ("exit_step", step)):
            counts[name][key] += n
        behind += n if exit_year is not None and exit_year < year and status in NOT_EXITED else 0
        problems += n if problem else 0
    rural = db.execute(
        f"SELECT coalesce(sum(rural_population), 0) FROM {t.VILLAGES} WHERE deleted = 0"
        + (" AND id = ?" if village_id else ""), vparams).fetchone()[0]
    cutoff = (today - dt.timedelta(days=settings.visit_overdue_days)).isoformat()

    def ordered(counter):  # as ORDER BY the column: NULL first, shown as ""
        return {k if k is not None else "": n for k, n in sorted(counter.items(),
                                                                 key=lambda item: (item[0] is not None, item[0]))}

    return Dashboard(
        year=year, households=len(rows), people=people, by_colour=ordered(counts["colour"]),
        by_cause=ordered(counts["cause"]), by_group=ordered(counts["group"]),
        by_exit_year={k: v for k, v in ordered(counts["exit_year"]).items() if k != ""},
        by_exit_step=ordered(counts["exit_step"]), poor_people=poor_people, rural_population=rural,
        line_fen=line.line_fen if line else None, below_line_households=below_h, below_line_people=below_p,
        behind_schedule=behind, helpers_without_recent_visit=_idle_helpers(db, village_id, cutoff),
        problem_households=problems,
    )
