"""作战图 figures: counts by colour, cause, group and exit year; 贫困发生率; incomes against the line."""

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from fupin_desktop.domain.codes import ledger_group
from fupin_desktop.domain.income import accounting_year_of, accounting_year_range, line_for_year
from fupin_desktop.storage import tables as t

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


def per_capita_by_household(ctx, year: int, village_id: str = "") -> dict[str, tuple[int, int]]:
    """household id → (net income fen, people) for the accounting year, aggregated in SQL."""
    start, end = accounting_year_range(year, ctx.settings)
    vclause, vparams = _village_clause(village_id)
    groups = defaultdict(int)
    cursor = ctx.db.execute(
        f"SELECT l.household_id, l.category, sum(l.amount_fen) FROM {t.LEDGER} l"
        f" WHERE l.date BETWEEN ? AND ? GROUP BY l.household_id, l.category",
        [start.isoformat(), end.isoformat()])
    for household_id, category, amount in cursor:
        group = ledger_group(category)
        if group in ("wage", "production", "property", "transfer"):
            groups[household_id] += amount
        elif group == "production_expense":
            groups[household_id] -= amount
    people = dict(ctx.db.execute(
        f"SELECT h.id, h.people FROM {t.HOUSEHOLDS} h WHERE h.deleted = 0{vclause}", vparams).fetchall())
    return {hid: (groups.get(hid, 0), n) for hid, n in people.items()}


def dashboard(ctx, village_id: str = "", *, today: dt.date | None = None) -> Dashboard:
    today = today or ctx.clock.today()
    settings = ctx.settings
    year = accounting_year_of(today, settings)
    vclause, vparams = _village_clause(village_id)
    db = ctx.db
    base = f"FROM {t.HOUSEHOLDS} h WHERE h.deleted = 0{vclause}"
    by_colour, households, people, poor_people = Counter(), 0, 0, 0
    for status, colour, n, persons in db.execute(
            f"SELECT h.exit_status, h.colour, count(*), sum(h.people) {base}"
            " GROUP BY h.exit_status, h.colour", vparams):
        by_colour[colour] += n
        households += n
        people += persons or 0
        if status in NOT_EXITED:
            poor_people += persons or 0

    def grouped(column):
        return {k if k is not None else "": n for k, n in db.execute(
            f"SELECT h.{column}, count(*) {base} GROUP BY h.{column} ORDER BY h.{column}", vparams)}

    rural = db.execute(
        f"SELECT coalesce(sum(rural_population), 0) FROM {t.VILLAGES} WHERE deleted = 0"
        + (" AND id = ?" if village_id else ""), vparams).fetchone()[0]
    line = line_for_year(ctx.poverty_lines(), year)
    below_h = below_p = 0
    if line is not None:
        # The year is projected at its current pace, as the deadline board does (domain.income.project_year_end).
        start, end = accounting_year_range(year, settings)
        scale = ((end - start).days + 1) / ((min(today, end) - start).days + 1)
        for net, n in per_capita_by_household(ctx, year, village_id).values():
            if n and net * scale / n <= line.line_fen:
                below_h += 1
                below_p += n
    behind = db.execute(
        f"SELECT count(*) {base} AND h.planned_exit_year < ? AND h.exit_status IN ('0', '3')",
        [*vparams, year]).fetchone()[0]
    problems = db.execute(f"SELECT count(*) {base} AND h.problem_errors + h.problem_warnings > 0",
                          vparams).fetchone()[0]
    cutoff = (today - dt.timedelta(days=settings.visit_overdue_days)).isoformat()
    idle = [row[0] for row in db.execute(
        f"SELECT DISTINCT e.name FROM {t.HELPERS} e JOIN {t.PAIRINGS} p ON p.helper_id = e.id"
        f" JOIN {t.HOUSEHOLDS} h ON h.id = p.household_id"
        f" WHERE p.end_date IS NULL AND p.deleted = 0 AND e.deleted = 0 AND h.deleted = 0{vclause}"
        f" AND NOT EXISTS (SELECT 1 FROM {t.VISITS} v WHERE v.helper_id = e.id AND v.date >= ?"
        " AND v.deleted = 0) ORDER BY e.name", [*vparams, cutoff])]
    return Dashboard(
        year=year, households=households, people=people, by_colour=dict(by_colour),
        by_cause=grouped("main_cause"), by_group=grouped("village_group"),
        by_exit_year={k: v for k, v in grouped("planned_exit_year").items() if k != ""},
        by_exit_step=grouped("exit_step"), poor_people=poor_people, rural_population=rural,
        line_fen=line.line_fen if line else None, below_line_households=below_h, below_line_people=below_p,
        behind_schedule=behind, helpers_without_recent_visit=idle, problem_households=problems,
    )
