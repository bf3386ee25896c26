import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fupin_desktop.domain import codes
from fupin_desktop.domain.income import (
    accounting_year_of,
    accounting_year_range,
    divide_half_up,
    format_yuan,
    household_size,
    line_for_year,
    project_year_end,
    summarise,
)
from fupin_desktop.domain.records import DEFAULT_POVERTY_LINES, PovertyLine, Settings
from tests.domain.factories import SETTINGS, entry, good_book, make_family

D = dt.date
JANUARY = Settings(accounting_year_start_month=1, accounting_year_start_day=1)


@pytest.mark.parametrize(
    ("day", "year"),
    [(D(2025, 10, 1), 2026), (D(2025, 9, 30), 2025), (D(2026, 9, 30), 2026), (D(2025, 12, 31), 2026)],
)
def test_accounting_year_is_named_by_the_year_it_ends(day, year):
    assert accounting_year_of(day, SETTINGS) == year


def test_accounting_year_range_default_and_calendar():
    assert accounting_year_range(2026, SETTINGS) == (D(2025, 10, 1), D(2026, 9, 30))
    assert accounting_year_range(2026, JANUARY) == (D(2026, 1, 1), D(2026, 12, 31))
    assert accounting_year_of(D(2026, 12, 31), JANUARY) == 2026
    assert accounting_year_of(D(2026, 1, 1), JANUARY) == 2026


@given(
    day=st.dates(D(1990, 1, 1), D(2090, 12, 31)),
    month=st.integers(1, 12),
    start_day=st.integers(1, 31),
)
def test_every_day_falls_in_the_range_of_its_year(day, month, start_day):
    settings = Settings(accounting_year_start_month=month, accounting_year_start_day=start_day)
    year = accounting_year_of(day, settings)
    start, end = accounting_year_range(year, settings)
    assert start <= day <= end
    assert accounting_year_range(year + 1, settings)[0] == end + dt.timedelta(days=1)
    assert 365 <= (end - start).days + 1 <= 366


def test_household_size_registered_and_resident():
    _, members = make_family()
    away = replace(members[0], work_status="04", work_months=10)
    left = replace(members[1], id="gone", change_type="02")
    assert household_size([*members, left], SETTINGS) == 3
    resident = Settings(income_divisor="resident")
    assert household_size([away, *members[1:]], resident) == 2
    assert household_size([away, *members[1:]], SETTINGS) == 3
    assert household_size([replace(away, work_months=5), *members[1:]], resident) == 3
    only_away = [away]
    assert household_size(only_away, resident) == 1  # falls back to the registered count
    assert household_size([replace(members[0], change_type="01")], SETTINGS) == 1
    assert household_size([], SETTINGS) == 0


def test_summary_of_a_book():
    _, members = make_family()
    outside = [entry(D(2025, 9, 30), "11", 999), entry(D(2026, 10, 1), "11", 999)]
    s = summarise([*good_book(), *outside], members, SETTINGS, 2026)
    assert (s.start, s.end, s.year) == (D(2025, 10, 1), D(2026, 9, 30), 2026)
    assert s.by_group == {"wage": 1_500_000, "production": 600_000, "property": 0, "transfer": 0}
    assert s.total_income_fen == 2_100_000
    assert s.production_expense_fen == 150_000
    assert s.living_expense_fen == 80_000
    assert s.net_income_fen == 1_950_000
    assert (s.people, s.per_capita_fen, s.entries_count) == (3, 650_000, 5)
    assert s.by_month[0] == (2025, 10, 500_000, 0)
    assert s.by_month[1] == (2025, 11, 600_000, 150_000)
    assert s.by_month[-1] == (2026, 9, 0, 0)
    assert [m[:2] for m in s.by_month][3] == (2026, 1)


def test_per_capita_rounds_half_up():
    _, members = make_family()
    s = summarise([entry(D(2026, 1, 1), "41", 0.05)], members[:2], SETTINGS, 2026)
    assert s.per_capita_fen == 3  # 2.5 fen → 3
    s = summarise([entry(D(2026, 1, 1), "41", 1)], members, SETTINGS, 2026)
    assert s.per_capita_fen == 33
    assert divide_half_up(-5, 2) == -3 and divide_half_up(7, 0) == 0 and divide_half_up(5, -2) == -3


def test_no_people_gives_zero_per_capita():
    s = summarise([entry(D(2026, 1, 1), "11", 100)], [], SETTINGS, 2026)
    assert (s.people, s.per_capita_fen, s.net_income_fen) == (0, 0, 10_000)


def test_unknown_category_counts_but_adds_nothing():
    _, members = make_family()
    s = summarise([entry(D(2026, 1, 1), "77", 100)], members, SETTINGS, 2026)
    assert s.entries_count == 1 and s.total_income_fen == 0


def test_months_of_a_calendar_year_book():
    _, members = make_family()
    s = summarise([entry(D(2026, 12, 31), "11", 1)], members, JANUARY, 2026)
    assert s.by_month[0][:2] == (2026, 1)
    assert s.by_month[-1] == (2026, 12, 100, 0)


def test_project_year_end():
    _, members = make_family()
    s = summarise([entry(D(2025, 10, 1), "11", 3000)], members, SETTINGS, 2026)
    assert s.per_capita_fen == 100_000
    half = s.start + dt.timedelta(days=(s.end - s.start).days // 2)
    assert project_year_end(s, half) == pytest.approx(200_000, rel=0.01)
    assert project_year_end(s, D(2025, 9, 1)) == 100_000
    assert project_year_end(s, s.end) == 100_000
    assert project_year_end(s, D(2027, 1, 1)) == 100_000
    assert project_year_end(s, s.start) == 100_000 * 365


def test_line_for_year():
    lines = [*DEFAULT_POVERTY_LINES, PovertyLine(2020, 400000, "省定")]
    assert line_for_year(lines, 2014).line_fen == 280000
    assert line_for_year(lines, 2018).year == 2016
    assert line_for_year(lines, 2026).year == 2020
    assert line_for_year(lines, 2010) is None
    assert line_for_year([], 2020) is None


def test_format_yuan():
    assert format_yuan(123456789) == "1,234,567.89"
    assert format_yuan(-5) == "-0.05"
    assert format_yuan(0) == "0.00"


# --- properties -----------------------------------------------------------------------------------------

_entry_lists = st.lists(
    st.builds(
        lambda d, c, fen: entry(d, c, fen / 100),
        st.dates(D(2025, 10, 1), D(2026, 9, 30)),
        st.sampled_from(codes.LEDGER_CATEGORY.codes()),
        st.integers(-(10**9), 10**9),
    ),
    max_size=30,
)


@given(entries=_entry_lists)
def test_sums_match(entries):
    _, members = make_family()
    s = summarise(entries, members, SETTINGS, 2026)
    incomes = [e.amount_fen for e in entries if codes.ledger_group(e.category) in s.by_group]
    production = [e.amount_fen for e in entries if codes.ledger_group(e.category) == "production_expense"]
    living = [e.amount_fen for e in entries if codes.ledger_group(e.category) == "living_expense"]
    assert s.total_income_fen == sum(incomes) == sum(s.by_group.values())
    assert s.production_expense_fen == sum(production)
    assert s.living_expense_fen == sum(living)
    assert s.net_income_fen == s.total_income_fen - s.production_expense_fen
    assert sum(m[2] for m in s.by_month) == s.total_income_fen
    assert sum(m[3] for m in s.by_month) == s.production_expense_fen + s.living_expense_fen
    assert s.entries_count == len(entries)
    assert abs(s.per_capita_fen * s.people - s.net_income_fen) <= s.people // 2 + 1


@given(entries=_entry_lists)
def test_reversing_every_entry_gives_zero(entries):
    _, members = make_family()
    reversed_ = [replace(e, id=e.id + "r", amount_fen=-e.amount_fen, reverses=e.id) for e in entries]
    s = summarise([*entries, *reversed_], members, SETTINGS, 2026)
    assert s.total_income_fen == s.production_expense_fen == s.living_expense_fen == 0
    assert s.per_capita_fen == 0 and all(v == 0 for v in s.by_group.values())
    assert all(m[2] == m[3] == 0 for m in s.by_month)


@given(entries=_entry_lists, data=st.data())
def test_order_does_not_matter(entries, data):
    _, members = make_family()
    shuffled = data.draw(st.permutations(entries))
    assert summarise(shuffled, members, SETTINGS, 2026) == summarise(entries, members, SETTINGS, 2026)
