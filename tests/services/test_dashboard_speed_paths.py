"""The dashboard read from ``ledger_months`` gives the figures the dashboard always gave from the daily book:
whole months, the partial months of an accounting year that starts in the middle of a month, projections to
the year's end, and the households the "below the line" card lists."""

import dataclasses
import datetime as dt
from collections import Counter, defaultdict

import pytest

from fupin_desktop.domain.clock import FixedClock, HybridClock
from fupin_desktop.domain.codes import ledger_group
from fupin_desktop.domain.income import accounting_year_of, accounting_year_range, line_for_year
from fupin_desktop.domain.records import Settings
from fupin_desktop.services import dashboard as d
from fupin_desktop.services import demo
from fupin_desktop.services.context import AppContext
from fupin_desktop.storage.changelog import new_id

STARTS = [(10, 1), (1, 1), (10, 15), (3, 31), (2, 29), (12, 31)]
TODAYS = [dt.date(2020, 6, 30), dt.date(2019, 10, 14), dt.date(2020, 2, 29), dt.date(2019, 12, 31)]


def reference_net(ctx, year: int) -> dict[str, tuple[int, int]]:
    """The book summed entry by entry with domain.codes.ledger_group (the dashboard's old way)."""
    start, end = accounting_year_range(year, ctx.settings)
    net = defaultdict(int)
    for household_id, category, amount in ctx.db.execute(
            "SELECT household_id, category, amount_fen FROM ledger WHERE date BETWEEN ? AND ?",
            [start.isoformat(), end.isoformat()]):
        try:
            group = ledger_group(category)
        except ValueError:
            continue
        if group in ("wage", "production", "property", "transfer"):
            net[household_id] += amount
        elif group == "production_expense":
            net[household_id] -= amount
    return {hid: (net.get(hid, 0), people) for hid, people in ctx.db.execute(
        "SELECT id, people FROM households WHERE deleted = 0")}


def reference_below(ctx, today: dt.date) -> list[str]:
    year = accounting_year_of(today, ctx.settings)
    line = line_for_year(ctx.poverty_lines(), year)
    start, end = accounting_year_range(year, ctx.settings)
    scale = ((end - start).days + 1) / ((min(today, end) - start).days + 1)
    return sorted(hid for hid, (net, n) in reference_net(ctx, year).items() if n and net * scale / n <= line.line_fen)


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    """The small demo with a year and a half of books, plus entries on the edges of months and odd codes."""
    from fupin_desktop.services.context import open_context

    ctx = open_context(tmp_path_factory.mktemp("dash") / "data", operator="测试员",
                       clock=FixedClock(dt.datetime(2020, 6, 30, 9)))
    demo.generate(ctx.db, size="small", today=dt.date(2020, 6, 30), hlc=HybridClock("dash-test"), ledger_years=1.6)
    households = [row[0] for row in ctx.db.execute("SELECT id FROM households ORDER BY number")]
    edges = ["2019-09-30", "2019-10-01", "2019-10-14", "2019-10-15", "2020-02-28", "2020-02-29", "2020-03-01",
             "2020-03-30", "2020-03-31", "2019-12-31", "2020-01-01", "2019-11-30"]
    with ctx.write() as w:
        for k, day in enumerate(edges * 3):
            w.append_ledger({"household_id": households[k % len(households)], "date": day,
                             "category": ["11", "21", "51", "61", "42", " 31", "79"][k % 7],
                             "amount_fen": (k + 1) * 123_457 * (-1 if k % 5 == 0 else 1)})
        w.tombstone("households", households[-1], "重复建档")
    yield ctx
    ctx.close()


def _at(ctx, today: dt.date, start: tuple[int, int]) -> AppContext:
    other = dataclasses.replace(ctx, clock=FixedClock(dt.datetime.combine(today, dt.time(9))))
    other._settings = Settings(accounting_year_start_month=start[0], accounting_year_start_day=start[1])
    return other


@pytest.mark.parametrize("start", STARTS)
@pytest.mark.parametrize("today", TODAYS)
def test_incomes_and_the_households_below_the_line(book, start, today):
    ctx = _at(book, today, start)
    year = accounting_year_of(today, ctx.settings)
    assert d.per_capita_by_household(ctx, year) == reference_net(ctx, year)
    below = reference_below(ctx, today)
    figures = d.dashboard(ctx)
    assert sorted(d.below_line_ids(ctx, "", year)) == below
    assert figures.below_line_households == len(below)
    people = dict(book.db.execute("SELECT id, people FROM households").fetchall())
    assert figures.below_line_people == sum(people[hid] for hid in below)


def test_the_other_figures_are_those_of_plain_counts(book):
    ctx = _at(book, dt.date(2020, 6, 30), (10, 1))
    figures = d.dashboard(ctx)
    rows = book.db.execute("SELECT exit_status, colour, main_cause, village_group, planned_exit_year, exit_step,"
                           " people, problem_errors + problem_warnings FROM households WHERE deleted = 0").fetchall()
    assert figures.households == len(rows)
    assert figures.people == sum(r[6] for r in rows)
    assert figures.poor_people == sum(r[6] for r in rows if r[0] in ("0", "3"))
    assert figures.by_colour == dict(Counter(r[1] for r in rows))
    assert figures.by_cause == dict(sorted(Counter(r[2] for r in rows).items()))
    assert list(figures.by_group) == sorted({r[3] for r in rows})
    assert figures.by_exit_year == dict(sorted(Counter(r[4] for r in rows if r[4] is not None).items()))
    assert figures.behind_schedule == sum(1 for r in rows if r[4] is not None and r[4] < 2020 and r[0] in ("0", "3"))
    assert figures.problem_households == sum(1 for r in rows if r[7] > 0)


def test_helpers_without_a_recent_visit(book):
    ctx = _at(book, dt.date(2020, 6, 30), (10, 1))
    cutoff = (dt.date(2020, 6, 30) - dt.timedelta(days=ctx.settings.visit_overdue_days)).isoformat()
    visited = {row[0] for row in book.db.execute("SELECT helper_id FROM visits WHERE date >= ? AND deleted = 0",
                                                  [cutoff])}
    paired = {row[0]: row[1] for row in book.db.execute(
        "SELECT DISTINCT e.id, e.name FROM helpers e JOIN pairings p ON p.helper_id = e.id"
        " JOIN households h ON h.id = p.household_id WHERE p.end_date IS NULL AND p.deleted = 0"
        " AND e.deleted = 0 AND h.deleted = 0")}
    assert d.dashboard(ctx).helpers_without_recent_visit == sorted(
        {name for helper, name in paired.items() if helper not in visited})
    with book.write() as w:
        helper = next(iter(paired))
        w.insert("visits", {"id": new_id(), "household_id": book.db.execute(
            "SELECT household_id FROM pairings WHERE helper_id = ?", [helper]).fetchone()[0],
            "date": "2020-06-29", "helper_id": helper})
    assert paired[helper] not in d.dashboard(ctx).helpers_without_recent_visit or sum(
        1 for name in paired.values() if name == paired[helper]) > 1
