"""Read-side use cases: the household list with search and filters, one household's file, history."""

import datetime as dt
import re
import weakref
from dataclasses import dataclass, field

from fupin_desktop.domain import records as r
from fupin_desktop.domain.colours import colour_of
from fupin_desktop.domain.exits import ProcedureState, procedure_state
from fupin_desktop.domain.income import IncomeSummary, accounting_year_of, line_for_year
from fupin_desktop.domain.problems import Problem
from fupin_desktop.services import household_log
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


# Search as you type (QUALITY.md S2) reads ``household_search`` (migration 0003: one narrow row per household
# with its list order, its members' names, initials and ID numbers joined by char(31)). What a text means is
# the SQL in ``_text_match``; ``search_grams`` and ``id_trigrams`` only say which households to confirm. When
# at most ``_PROBE`` households match, they are all found that way and sorted here; when more match, the list
# reads households in list order and stops at its window (matches are then dense, so that is quick) and
# ``count_households_upto`` stops at COUNT_CAP + 1 ("more than COUNT_CAP").
COUNT_CAP = 1000
_PROBE = 2000
_SEP = "\x1f"  # storage.migrations_speed.SEPARATOR
# The list is in 户编号 order within each village, as the national rosters are (and not by the group's name:
# 一组, 七组, 三组 … is what ordering Chinese numerals as text gives).
_ORDER = "s.village_id, s.number, s.household_id"  # = village_id, number, id


@dataclass(frozen=True)
class _TextMatch:
    verify: str  # SQL on household_search s: what the text means
    params: list
    candidates: str = ""  # SQL of household_search.n values, a superset of the matches ("" = none: read in order)
    candidate_params: list = field(default_factory=list)
    confirm: str = ""  # SQL on s confirming a candidate (what `verify` says, cheaper); "" = `verify`
    confirm_params: list = field(default_factory=list)

    def confirmed(self) -> tuple[str, list]:
        return (self.confirm, self.confirm_params) if self.confirm else (self.verify, self.params)


def _has_trigrams(db) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [t.ID_TRIGRAMS]).fetchone() is not None


def _rarest_piece(db, text: str) -> str:
    """The one- or two-character piece of ``text`` (lower case as SQLite folds it) with the fewest households."""
    pieces = list(dict.fromkeys(text[i:i + 2] for i in range(len(text) - 1)))[:6] or [text]
    if len(pieces) == 1:
        return pieces[0]
    return min((db.execute(f"SELECT count(*) FROM (SELECT 1 FROM {t.SEARCH_GRAMS} WHERE gram = ? LIMIT 20000)",
                           [piece]).fetchone()[0], piece) for piece in pieces)[1]


def _text_match(db, text: str) -> _TextMatch | None:
    """What ``text`` means (the SQL in ``verify``) and how to find its households quickly.

    A household whose ``exact`` flag is set has exactly the pieces of its current names in search_grams,
    so a text of one or two characters found there needs no LIKE; the trigram index is always exact."""
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"[0-9xX]+", text):  # an ID fragment or a household number
        verify = ("(s.number LIKE ? OR s.ids LIKE ?)", [f"%{text}%", f"%{text.upper()}%"])
        if len(text) < 3 or not _has_trigrams(db):
            return _TextMatch(*verify)
        return _TextMatch(*verify, f"SELECT rowid AS n FROM {t.ID_TRIGRAMS} WHERE {t.ID_TRIGRAMS} MATCH ?",
                          [f'"{text}"'], "1")
    folded = "".join(c.lower() if c.isascii() else c for c in text)  # as SQLite's lower() and LIKE fold
    if re.fullmatch(r"[A-Za-z]+", text):  # pinyin initials: one member's start with them
        verify = ("(char(31) || s.initials) LIKE ?", [f"%{_SEP}{folded}%"])
        short = len(text) <= 2
        return _TextMatch(*verify, f"SELECT n FROM {t.SEARCH_GRAMS} WHERE gram = ?", [_SEP + folded[:2]],
                          f"(s.exact OR {verify[0]})" if short else "", verify[1] if short else [])
    if "%" in text or "_" in text or _SEP in text:  # LIKE wildcards may span names: ask the members
        return _TextMatch(f"(s.number LIKE ? OR EXISTS (SELECT 1 FROM {t.MEMBERS} m"
                          " WHERE m.household_id = s.household_id AND m.deleted = 0 AND m.name LIKE ?))",
                          [f"%{text}%", f"%{text}%"])
    verify = ("(s.number LIKE ? OR s.names LIKE ?)", [f"%{text}%", f"%{text}%"])
    short = len(text) <= 2
    return _TextMatch(*verify, f"SELECT n FROM {t.SEARCH_GRAMS} WHERE gram IN (?, '')", [_rarest_piece(db, folded)],
                      f"(s.exact OR {verify[0]})" if short else "", verify[1] if short else [])


def _filters(ctx, f: HouseholdFilter, alias: str = "h") -> tuple[list[str], list]:
    """Every condition but the text, on households ``alias``."""
    clauses, params = [f"{alias}.deleted = 0"], []
    for column in ("village_id", "village_group", "attribute", "main_cause"):
        value = getattr(f, column)
        if value:
            clauses.append(f"{alias}.{column} = ?")
            params.append(value)
    if f.planned_exit_year is not None:
        clauses.append(f"{alias}.planned_exit_year = ?")
        params.append(f.planned_exit_year)
    if f.exit_step is not None:
        clauses.append(f"{alias}.exit_step = ?")
        params.append(f.exit_step)
    if f.has_problems:
        clauses.append(f"({alias}.problem_errors > 0 OR {alias}.problem_warnings > 0)")
    if f.behind_schedule:
        clauses.append(f"{alias}.planned_exit_year < ? AND {alias}.exit_status IN ('0', '3')")
        params.append(accounting_year_of(ctx.clock.today(), ctx.settings))
    if f.colour:
        clauses.append(f"{alias}.colour = ?")
        params.append(f.colour)
    if f.household_ids:
        clauses.append("{}.id IN ({})".format(alias, ",".join("?" for _ in f.household_ids)))
        params += list(f.household_ids)
    return clauses, params


def _searched(ctx, f: HouseholdFilter, match: _TextMatch, *, confirm: bool = False) -> tuple[str, str, list]:
    """(households join, where, params) for a search over household_search ``s`` (``confirm``: of candidates)."""
    text, text_params = match.confirmed() if confirm else (match.verify, match.params)
    only_village = HouseholdFilter(text=f.text, village_id=f.village_id)
    if f == only_village:  # household_search alone knows these
        clauses, params = _filters(ctx, f, "s")
        return "", " AND ".join([clauses[0], text, *clauses[1:]]), [*text_params, *params]
    clauses, params = _filters(ctx, f)
    join = f" CROSS JOIN {t.HOUSEHOLDS} h ON h.id = s.household_id"
    return join, " AND ".join(["s.deleted = 0", text, *clauses]), [*text_params, *params]


# The last probe per database, for the count that follows a list window: (key, found).
_LAST_PROBE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _probe(ctx, f: HouseholdFilter, match: _TextMatch | None) -> list[tuple] | None:
    """(id, village_id, village_group, number) of the matching households found through the text's
    candidates, at most ``_PROBE + 1`` of them; None when the text has no candidates. The last answer is
    kept until anything is written (by this connection or another)."""
    if match is None or not match.candidates:
        return None
    join, where, params = _searched(ctx, f, match, confirm=True)
    sql = (f"SELECT DISTINCT s.household_id, s.village_id, s.village_group, s.number FROM ({match.candidates}) AS c"
           f" CROSS JOIN {t.HOUSEHOLD_SEARCH} s ON s.n = c.n{join} WHERE {where} LIMIT ?")
    params = (*match.candidate_params, *params, _PROBE + 1)
    key = (sql, params, ctx.db.conn.total_changes, ctx.db.execute("PRAGMA data_version").fetchone()[0])
    last = _LAST_PROBE.get(ctx.db)
    if last is not None and last[0] == key:
        return list(last[1])
    found = ctx.db.execute(sql, params).fetchall()
    _LAST_PROBE[ctx.db] = (key, tuple(found))
    return found


def count_households(ctx, f: HouseholdFilter = HouseholdFilter()) -> int:
    """The exact number of matching households (search as you type: ``count_households_upto``)."""
    match = _text_match(ctx.db, f.text)
    if match is None:
        clauses, params = _filters(ctx, f)
        return ctx.db.execute(f"SELECT count(*) FROM {t.HOUSEHOLDS} h WHERE {' AND '.join(clauses)}",
                              params).fetchone()[0]
    found = _probe(ctx, f, match)
    if found is not None and len(found) <= _PROBE:
        return len(found)
    if found is not None:  # many: confirm every candidate (never more than reading every household)
        join, where, params = _searched(ctx, f, match, confirm=True)
        return ctx.db.execute(
            f"SELECT count(DISTINCT s.n) FROM ({match.candidates}) AS c CROSS JOIN {t.HOUSEHOLD_SEARCH} s"
            f" ON s.n = c.n{join} WHERE {where}", [*match.candidate_params, *params]).fetchone()[0]
    join, where, params = _searched(ctx, f, match)
    return ctx.db.execute(f"SELECT count(*) FROM {t.HOUSEHOLD_SEARCH} s{join} WHERE {where}", params).fetchone()[0]


def count_households_upto(ctx, f: HouseholdFilter = HouseholdFilter(), cap: int = COUNT_CAP) -> int:
    """The number of matching households, but ``cap + 1`` when a text matches more than ``cap`` of them
    (show it as "{cap}+"). Without a text the count is exact: the list index alone answers it."""
    match = _text_match(ctx.db, f.text)
    if match is None:
        return count_households(ctx, f)
    found = _probe(ctx, f, match)
    if found is not None and (len(found) <= _PROBE or cap < _PROBE):
        return min(len(found), cap + 1)
    join, where, params = _searched(ctx, f, match)
    return ctx.db.execute(f"SELECT count(*) FROM (SELECT 1 FROM {t.HOUSEHOLD_SEARCH} s{join} WHERE {where}"
                          " LIMIT ?)", [*params, cap + 1]).fetchone()[0]


def _rows(ctx, ids: list[str]) -> list[HouseholdRow]:
    cols = ", ".join(f"h.{c}" for c in ROW_COLUMNS)
    by_id = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for row in ctx.db.execute(f"SELECT {cols} FROM {t.HOUSEHOLDS} h WHERE h.id IN"
                                  f" ({','.join('?' for _ in chunk)})", chunk):
            by_id[row[0]] = HouseholdRow(*row)
    return [by_id[i] for i in ids if i in by_id]


def list_households(ctx, f: HouseholdFilter = HouseholdFilter(), *, offset: int = 0,
                    limit: int = 200) -> list[HouseholdRow]:
    """One window of the list, in order of village and household number (and id)."""
    match = _text_match(ctx.db, f.text)
    if match is None:
        clauses, params = _filters(ctx, f)
        cols = ", ".join(f"h.{c}" for c in ROW_COLUMNS)
        cursor = ctx.db.execute(
            f"SELECT {cols} FROM {t.HOUSEHOLDS} h WHERE {' AND '.join(clauses)}"
            " ORDER BY h.village_id, h.number, h.id LIMIT ? OFFSET ?", [*params, limit, offset])
        return [HouseholdRow(*row) for row in cursor.fetchall()]
    found = _probe(ctx, f, match)
    if found is not None and len(found) <= _PROBE:
        found.sort(key=lambda row: (row[1], row[3], row[0]))
        return _rows(ctx, [row[0] for row in found[offset:offset + limit]])
    join, where, params = _searched(ctx, f, match)
    ids = [row[0] for row in ctx.db.execute(
        f"SELECT s.household_id FROM {t.HOUSEHOLD_SEARCH} s{join} WHERE {where} ORDER BY {_ORDER} LIMIT ? OFFSET ?",
        [*params, limit, offset])]
    return _rows(ctx, ids)


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
    """The household's change log, its members' and children's included, newest first.

    The log rows are found through the ``(tbl, row_id)`` index (see ``household_log``); of the daily book only
    the newest ``limit`` lines are read in full (an older line could not be among the ``limit`` newest anyway).
    Rows with the same stamp (the fields of one save) come last-logged first, as they always have.
    """
    where, params = household_log.rows_filter(ctx, household_log.row_ids(ctx, household_id))
    rows = ctx.db.execute(
        f"SELECT hlc, operator, tbl, row_id, field, old, new, reason, source, seq FROM {t.CHANGELOG}"
        f" WHERE {where}"
        f" UNION ALL SELECT hlc, operator, '{t.LEDGER}', id, '*', NULL,"
        " json_object('date', date, 'category', category, 'amount_fen', amount_fen, 'note', note), reason, '', 0"
        f" FROM {t.LEDGER} WHERE rowid IN (SELECT rowid FROM {t.LEDGER} WHERE household_id = ?"
        " ORDER BY hlc DESC LIMIT ?)"
        " ORDER BY 1 DESC, 10 DESC LIMIT ?",
        [*params, household_id, limit, limit]).fetchall()
    fromtimestamp = dt.datetime.fromtimestamp
    return [
        HistoryEntry(stamp, fromtimestamp(int(stamp.split(".")[0]) / 1000), operator, table, row_id, field_name,
                     old, new, reason, source)
        for stamp, operator, table, row_id, field_name, old, new, reason, source, _seq in rows
    ]
