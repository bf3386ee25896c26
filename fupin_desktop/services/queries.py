"""Read-side use cases: the household list with search and filters, one household's file, history."""

import datetime as dt
import re
from dataclasses import dataclass, field

from fupin_desktop.domain import records as r
from fupin_desktop.domain.colours import colour_of
from fupin_desktop.domain.exits import ProcedureState, procedure_state
from fupin_desktop.domain.income import IncomeSummary, accounting_year_of, line_for_year
from fupin_desktop.domain.problems import Problem
from fupin_desktop.services import households as hh
from fupin_desktop.services.helpers import pairing_history
from fupin_desktop.services.ledger import entries_between, year_summary
from fupin_desktop.services.measures import measures_of, visits_of
from fupin_desktop.storage import repository as repo
from fupin_desktop.storage import tables as t

ROW_COLUMNS = ("id", "village_id", "number", "village_group", "head_name", "people", "attribute", "main_cause",
               "exit_status", "colour_override", "planned_exit_year", "exit_year", "exit_step",
               "problem_errors", "problem_warnings", "colour")


@dataclass(frozen=True)
class HouseholdRow:
    id: str
    village_id: str
    number: str
    village_group: str
    head_name: str
    people: int
    attribute: str
    main_cause: str
    exit_status: str
    colour_override: str
    planned_exit_year: int | None
    exit_year: int | None
    exit_step: str
    problem_errors: int
    problem_warnings: int
    colour: str


@dataclass(frozen=True)
class HouseholdFilter:
    text: str = ""  # name, pinyin initials ("zsf"), ID fragment or household number
    colour: str = ""
    village_id: str = ""
    village_group: str = ""
    attribute: str = ""
    main_cause: str = ""
    planned_exit_year: int | None = None
    exit_step: str | None = None  # "" = not started, "1".."6"
    has_problems: bool = False
    behind_schedule: bool = False
    household_ids: tuple[str, ...] = ()


def _where(ctx, f: HouseholdFilter) -> tuple[str, list]:
    clauses, params = ["h.deleted = 0"], []
    text = f.text.strip()
    if text:
        if re.fullmatch(r"[0-9xX]+", text):
            clauses.append(f"(h.number LIKE ? OR h.id IN (SELECT household_id FROM {t.MEMBERS}"
                           " WHERE id_number LIKE ? AND deleted = 0))")
            params += [f"%{text}%", f"%{text.upper()}%"]
        elif re.fullmatch(r"[A-Za-z]+", text):
            clauses.append(f"h.id IN (SELECT household_id FROM {t.MEMBERS} WHERE name_initials LIKE ?"
                           " AND deleted = 0)")
            params.append(f"{text.lower()}%")
        else:
            clauses.append(f"(h.number LIKE ? OR h.id IN (SELECT household_id FROM {t.MEMBERS}"
                           " WHERE name LIKE ? AND deleted = 0))")
            params += [f"%{text}%", f"%{text}%"]
    for column in ("village_id", "village_group", "attribute", "main_cause"):
        value = getattr(f, column)
        if value:
            clauses.append(f"h.{column} = ?")
            params.append(value)
    if f.planned_exit_year is not None:
        clauses.append("h.planned_exit_year = ?")
        params.append(f.planned_exit_year)
    if f.exit_step is not None:
        clauses.append("h.exit_step = ?")
        params.append(f.exit_step)
    if f.has_problems:
        clauses.append("(h.problem_errors > 0 OR h.problem_warnings > 0)")
    if f.behind_schedule:
        clauses.append("h.planned_exit_year < ? AND h.exit_status IN ('0', '3')")
        params.append(accounting_year_of(ctx.clock.today(), ctx.settings))
    if f.colour:
        clauses.append("h.colour = ?")
        params.append(f.colour)
    if f.household_ids:
        clauses.append("h.id IN ({})".format(",".join("?" for _ in f.household_ids)))
        params += list(f.household_ids)
    return " AND ".join(clauses), params


def count_households(ctx, f: HouseholdFilter = HouseholdFilter()) -> int:
    where, params = _where(ctx, f)
    return ctx.db.execute(f"SELECT count(*) FROM {t.HOUSEHOLDS} h WHERE {where}", params).fetchone()[0]


def list_households(ctx, f: HouseholdFilter = HouseholdFilter(), *, offset: int = 0,
                    limit: int = 200) -> list[HouseholdRow]:
    where, params = _where(ctx, f)
    cols = ", ".join(f"h.{c}" for c in ROW_COLUMNS)
    cursor = ctx.db.execute(
        f"SELECT {cols} FROM {t.HOUSEHOLDS} h WHERE {where}"
        " ORDER BY h.village_id, h.village_group, h.number LIMIT ? OFFSET ?", [*params, limit, offset])
    return [HouseholdRow(*row) for row in cursor.fetchall()]


@dataclass(frozen=True)
class HouseholdFile:
    """Everything about one household, as the editor and the printed packet need it."""

    household: r.Household
    village: r.Village | None
    members: list[r.Member]
    pairings: list[r.Pairing]
    helpers: dict[str, r.Helper]
    measures: list[r.Measure]
    visits: list[r.Visit]
    exit_steps: list[r.ExitStep]
    procedure: ProcedureState
    year: int
    summary: IncomeSummary
    line: r.PovertyLine | None
    problems: list[Problem]
    colour: str
    entries: list[r.LedgerEntry] = field(default_factory=list)

    @property
    def current_helper(self) -> r.Helper | None:
        current = [p for p in self.pairings if p.end_date is None]
        return self.helpers.get(current[-1].helper_id) if current else None

    @property
    def head(self) -> r.Member | None:
        return next((m for m in self.members if m.active and m.relation == "01"), None)


def household_file(ctx, household_id: str, *, year: int | None = None, with_entries: bool = False) -> HouseholdFile:
    household, members = hh.load(ctx, household_id)
    year = year or accounting_year_of(ctx.clock.today(), ctx.settings)
    summary = year_summary(ctx, household_id, year, members)
    pairings = pairing_history(ctx, household_id)
    helper_ids = {p.helper_id for p in pairings}
    helpers = {h.id: h for h in repo.select(ctx.db, r.Helper, "id IN ({})".format(
        ",".join("?" for _ in helper_ids) or "NULL"), list(helper_ids))}
    steps = repo.select(ctx.db, r.ExitStep, "household_id = ? AND deleted = 0", [household_id],
                        order_by="round, date, step")
    entries = []
    if with_entries:
        entries = entries_between(ctx, household_id, summary.start, summary.end)
    return HouseholdFile(
        household=household,
        village=repo.get(ctx.db, r.Village, household.village_id),
        members=members,
        pairings=pairings,
        helpers=helpers,
        measures=measures_of(ctx, household_id),
        visits=visits_of(ctx, household_id),
        exit_steps=steps,
        procedure=procedure_state(steps),
        year=year,
        summary=summary,
        line=line_for_year(ctx.poverty_lines(), year),
        problems=hh.problems_for(ctx, household, members, summary=summary,
                                 helper=any(p.end_date is None for p in pairings)),
        colour=colour_of(household, ctx.settings),
        entries=entries,
    )


@dataclass(frozen=True)
class HistoryEntry:
    hlc: str
    when: dt.datetime
    operator: str
    table: str
    row_id: str
    field: str
    old: str | None
    new: str | None
    reason: str
    source: str


def history(ctx, household_id: str, *, limit: int = 2000) -> list[HistoryEntry]:
    """The household's change log, its members' and children's included, newest first."""
    child_ids = [household_id]
    for table in (t.MEMBERS, t.PAIRINGS, t.MEASURES, t.VISITS, t.EXIT_STEPS):
        child_ids += [row[0] for row in ctx.db.execute(
            f"SELECT id FROM {table} WHERE household_id = ?", [household_id])]
    marks = ",".join("?" for _ in child_ids)
    rows = ctx.db.execute(
        f"SELECT hlc, operator, tbl, row_id, field, old, new, reason, source FROM {t.CHANGELOG}"
        f" WHERE row_id IN ({marks})"
        f" UNION ALL SELECT hlc, operator, '{t.LEDGER}', id, '*', NULL,"
        " json_object('date', date, 'category', category, 'amount_fen', amount_fen, 'note', note), reason, ''"
        f" FROM {t.LEDGER} WHERE household_id = ? ORDER BY 1 DESC LIMIT ?",
        [*child_ids, household_id, limit]).fetchall()
    result = []
    for stamp, operator, table, row_id, field_name, old, new, reason, source in rows:
        when = dt.datetime.fromtimestamp(int(stamp.split(".")[0]) / 1000)
        result.append(HistoryEntry(stamp, when, operator, table, row_id, field_name, old, new, reason, source))
    return result
