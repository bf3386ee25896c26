"""``ledger.year_summary`` sums the book in SQL (per accounting month and category) and gives exactly what the
Python walk over every line of the year gave before: that walk is kept here as the oracle."""

import dataclasses
import datetime as dt
import random
from typing import NamedTuple

import pytest

from fupin_desktop.domain.codes import LEDGER_CATEGORY
from fupin_desktop.domain.income import accounting_month_starts, accounting_year_range, summarise
from fupin_desktop.domain.records import Settings
from fupin_desktop.services.households import create_household
from fupin_desktop.services.ledger import year_summary
from fupin_desktop.services.settings import set_setting
from fupin_desktop.storage import repository as repo
from fupin_desktop.storage import tables as t
from tests.services.factories import household_values

# (start month, start day) of the accounting year: calendar years, the default 1 October, a mid-month start,
# the last start day settings allow, and 31 (clamped to each month's end: only a record from elsewhere has it)
YEAR_STARTS = [(1, 1), (10, 1), (3, 15), (2, 28), (12, 28), (8, 31)]
YEARS = (2018, 2019, 2020, 2021)
ODD_CATEGORIES = (" 11", "53 ", "77", "", "6")  # blanks around a code, unknown codes: counted, in no total


class _Amount(NamedTuple):
    date: dt.date
    category: str
    amount_fen: int


def old_year_summary(ctx, household_id, year, members):
    """The computation before sums in SQL: every line of the year read into Python and walked."""
    start, end = accounting_year_range(year, ctx.settings)
    rows = ctx.db.execute(
        f"SELECT date, category, amount_fen FROM {t.LEDGER} WHERE household_id = ? AND date BETWEEN ? AND ?",
        [household_id, start.isoformat(), end.isoformat()],
    ).fetchall()
    parse = dt.date.fromisoformat
    return summarise([_Amount(parse(day), category, amount) for day, category, amount in rows], members,
                     ctx.settings, year)


def _boundary_days():
    """Every accounting month's first day, and the day before, for every year start and year tested."""
    days = set()
    for month, day in YEAR_STARTS:
        settings = Settings(accounting_year_start_month=month, accounting_year_start_day=day)
        for year in (*YEARS, YEARS[-1] + 1):
            for first in accounting_month_starts(year, settings):
                days |= {first, first - dt.timedelta(days=1)}
    return sorted(days)


def _use_year_start(ctx, month, day):
    if day <= 28:
        set_setting(ctx, "accounting_year_start_month", month)
        set_setting(ctx, "accounting_year_start_day", day)
    else:  # beyond what the settings page accepts; the domain clamps it, so the sums must too
        ctx._settings = dataclasses.replace(ctx.settings, accounting_year_start_month=month,
                                            accounting_year_start_day=day)


@pytest.fixture
def books(ctx, village, household):
    """Four households with books over four years: random lines, reversals, odd categories, and lines on
    both sides of every accounting month's first day."""
    ids = [household]
    for n in range(3):
        people = [{"name": f"成员{k}", "relation": "01" if k == 0 else "99", "education": "02", "health": "01",
                   "labour": "01"} for k in range(n + 1)]
        hid, _ = create_household(ctx, household_values(number=f"610702000{n + 2}"), people,
                                  accept_note="测试")
        ids.append(hid)
    rng = random.Random(20200615)
    categories = [*LEDGER_CATEGORY.codes(), *ODD_CATEGORIES]
    first, last = dt.date(2017, 1, 1), dt.date(2021, 12, 31)
    days = [*_boundary_days(), *(first + dt.timedelta(days=rng.randrange((last - first).days)) for _ in range(600))]
    with ctx.write() as w:
        for i, day in enumerate(days):
            hid = ids[i % len(ids)] if i % 5 else ids[0]
            amount = rng.choice([1, 99, 100_00, rng.randrange(1, 5_000_00)]) * (-1 if rng.random() < 0.1 else 1)
            w.append_ledger({"household_id": hid, "date": day.isoformat(), "category": rng.choice(categories),
                             "amount_fen": amount, "recorded_by": "测试"})
    return ids


@pytest.mark.parametrize(("month", "day"), YEAR_STARTS)
def test_year_summary_is_the_walk_over_every_line(ctx, books, month, day):
    _use_year_start(ctx, month, day)
    compared = 0
    for household_id in books:
        members = repo.members_of(ctx.db, household_id)
        for year in YEARS:
            expected = old_year_summary(ctx, household_id, year, members)
            assert year_summary(ctx, household_id, year, members) == expected, (household_id, year)
            assert year_summary(ctx, household_id, year) == expected  # members read by the service
            compared += expected.entries_count
    assert compared > 600  # the years hold the lines (not a comparison of empty books)


def test_the_current_year_and_a_household_without_lines(ctx, books):
    members = repo.members_of(ctx.db, books[1])
    year = 2020  # the clock's date 2020-06-15 lies in accounting year 2020 (from 1 October 2019)
    assert year_summary(ctx, books[1]) == old_year_summary(ctx, books[1], year, members)
    empty, _ = create_household(ctx, household_values(number="6107020009"),
                                [{"name": "王五", "relation": "01", "education": "02", "health": "01",
                                  "labour": "01"}], accept_note="测试")
    summary = year_summary(ctx, empty)
    assert summary == old_year_summary(ctx, empty, year, repo.members_of(ctx.db, empty))
    assert (summary.entries_count, summary.net_income_fen, len(summary.by_month)) == (0, 0, 12)
