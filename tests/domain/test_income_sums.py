"""``summarise_sums`` (the year from the book's sums per accounting month and category, as SQL gives them) is
``summarise`` over the lines themselves."""

import datetime as dt
from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from fupin_desktop.domain import codes
from fupin_desktop.domain.income import (
    accounting_month_starts,
    accounting_year_range,
    summarise,
    summarise_sums,
)
from fupin_desktop.domain.records import Settings
from tests.domain.factories import SETTINGS, entry, good_book, make_family

D = dt.date
_, MEMBERS = make_family()


def _sums(entries, year, year_settings):
    """What the GROUP BY of ``ledger.year_summary`` gives: lines inside the year, summed per month and category."""
    start, end = accounting_year_range(year, year_settings)
    firsts = accounting_month_starts(year, year_settings)
    grouped = defaultdict(lambda: [0, 0])
    for e in entries:
        if start <= e.date <= end:
            month = max(i for i, first in enumerate(firsts) if e.date >= first)  # firsts[0] is start
            grouped[month, e.category][0] += e.amount_fen
            grouped[month, e.category][1] += 1
    return [(month, category, total, count) for (month, category), (total, count) in grouped.items()]


def test_month_starts_follow_the_start_day_clamped_to_the_month():
    starts = accounting_month_starts(2026, Settings(accounting_year_start_month=10, accounting_year_start_day=31))
    assert starts[:6] == [D(2025, 10, 31), D(2025, 11, 30), D(2025, 12, 31), D(2026, 1, 31), D(2026, 2, 28),
                          D(2026, 3, 31)]
    assert accounting_month_starts(2026, SETTINGS)[0] == D(2025, 10, 1)
    assert len(accounting_month_starts(2026, SETTINGS)) == 12


def test_the_good_book():
    assert summarise_sums(_sums(good_book(), 2026, SETTINGS), MEMBERS, SETTINGS, 2026) == summarise(
        good_book(), MEMBERS, SETTINGS, 2026)


_categories = st.one_of(st.sampled_from(codes.LEDGER_CATEGORY.codes()), st.sampled_from([" 11", "77", "", "5"]))
_entries = st.lists(
    st.builds(lambda d, c, a: entry(d, c, a / 100), st.dates(D(2024, 6, 1), D(2027, 6, 30)), _categories,
              st.integers(-10**9, 10**9)),
    max_size=40,
)  # fmt: skip


@settings(max_examples=300)
@given(entries=_entries, month=st.integers(1, 12), day=st.integers(1, 31), year=st.integers(2025, 2027),
       divisor=st.sampled_from(["registered", "resident"]))
def test_sums_give_what_the_lines_give(entries, month, day, year, divisor):
    year_settings = Settings(accounting_year_start_month=month, accounting_year_start_day=day,
                             income_divisor=divisor)
    assert summarise_sums(_sums(entries, year, year_settings), MEMBERS, year_settings, year) == summarise(
        entries, MEMBERS, year_settings, year)
