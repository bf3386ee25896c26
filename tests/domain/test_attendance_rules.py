"""驻村 attendance rules: the month and days that may be registered, and 驻村天数不足."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fupin_desktop.domain import attendance as a

TODAY = dt.date(2026, 3, 10)
FIELD_WORDS = (a.FIELD_MONTH, a.FIELD_DAYS, a.FIELD_NOTE)


@pytest.mark.parametrize(("month", "days", "expected"), [
    ("2026-02", 28, ("2026-02", 28, "")),
    ("2024-02", 29, ("2024-02", 29, "")),
    ("2026-03", 31, ("2026-03", 31, "")),  # the current month: its own length, not the days gone so far
    ("2025-12", 0, ("2025-12", 0, "")),
    ("2026-01", "20", ("2026-01", 20, "")),
])
def test_accepted(month, days, expected):
    assert a.check_attendance(month, days, today=TODAY) == expected


@pytest.mark.parametrize(("month", "days", "message"), [
    ("2026-02", 29, "驻村天数：2026年2月只有28天。"),
    ("2100-02", 29, "驻村月份：2100年2月还没有到，不能登记。"),
    ("2026-04", 1, "驻村月份：2026年4月还没有到，不能登记。"),
    ("2026-00", 1, "驻村月份：没有第0个月。"),
    ("26-2", 1, "驻村月份：请按“年-月”填写，例如 2026-02。"),
    ("2026-01", True, "驻村天数：请填写整数天数。"),
    ("2026-01", 2.5, "驻村天数：请填写整数天数。"),
    ("2026-01", "²", "驻村天数：请填写整数天数。"),  # a digit to str.isdigit, not to int()
])
def test_refused_with_the_field_named(month, days, message):
    with pytest.raises(a.AttendanceError) as caught:
        a.check_attendance(month, days, today=TODAY)
    assert str(caught.value) == message


def test_short_only_for_the_work_team():
    assert a.is_short(True, None) and a.is_short(True, a.ATTENDANCE_MIN_DAYS - 1)
    assert not a.is_short(True, a.ATTENDANCE_MIN_DAYS) and not a.is_short(False, 0)
    assert a.previous_month(dt.date(2026, 1, 31)) == "2025-12" and a.month_key(TODAY) == "2026-03"


_months = st.one_of(
    st.builds(lambda y, m: f"{y:04d}-{m:02d}", st.integers(0, 9999), st.integers(0, 99)),
    st.text(max_size=12), st.integers(), st.none())
_days = st.one_of(st.integers(-100, 100), st.text(max_size=6), st.floats(allow_nan=True), st.booleans(), st.none())
_notes = st.one_of(st.text(max_size=260), st.integers(), st.none())


@given(_months, _days, _notes, st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31)))
def test_any_input_is_accepted_within_the_month_or_refused_naming_the_field(month, days, note, today):
    try:
        stored_month, stored_days, stored_note = a.check_attendance(month, days, note, today=today)
    except a.AttendanceError as exc:
        message = str(exc)
        assert any(message.startswith(word + "：") for word in FIELD_WORDS), message
        return
    assert stored_month <= a.month_key(today)
    assert 0 <= stored_days <= a.days_in_month(stored_month)
    assert isinstance(stored_note, str) and len(stored_note) <= a.MAX_NOTE
