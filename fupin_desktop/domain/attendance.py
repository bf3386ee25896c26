"""驻村 attendance: the days a helper cadre (above all a member of the 驻村工作队) spent in the village a month.

Pure rules: which month and number of days may be registered, and when a work-team member's previous month
counts as 驻村天数不足. Every refusal is a ``AttendanceError`` whose message names the field in Chinese.
"""

import calendar
import datetime as dt
import re

ATTENDANCE_MIN_DAYS = 20  # a work-team member below this in the previous month: 驻村天数不足
MAX_NOTE = 200  # characters of a note
FIELD_MONTH = "驻村月份"
FIELD_DAYS = "驻村天数"
FIELD_NOTE = "备注"
SHORT_LABEL = "驻村天数不足"

_MONTH_RE = re.compile(r"(\d{4})-(\d{2})")


class AttendanceError(ValueError):
    """A month, number of days or note that cannot be registered; the message is for the person."""


def month_key(day: dt.date) -> str:
    """The ``'YYYY-MM'`` of a date."""
    return f"{day.year:04d}-{day.month:02d}"


def previous_month(day: dt.date) -> str:
    """The ``'YYYY-MM'`` of the month before the one ``day`` is in."""
    first = day.replace(day=1)
    return month_key(first - dt.timedelta(days=1))


def parse_month(month) -> tuple[int, int]:
    """(year, month) of a ``'YYYY-MM'`` text; refused with a message naming 驻村月份 otherwise."""
    if not isinstance(month, str) or _MONTH_RE.fullmatch(month) is None:
        raise AttendanceError(f"{FIELD_MONTH}：请按“年-月”填写，例如 2026-02。")
    year, number = int(month[:4]), int(month[5:])
    if not 1 <= number <= 12:
        raise AttendanceError(f"{FIELD_MONTH}：没有第{number}个月。")
    if year < 1900:
        raise AttendanceError(f"{FIELD_MONTH}：{year}年太早了。")
    return year, number


def days_in_month(month: str) -> int:
    year, number = parse_month(month)
    return calendar.monthrange(year, number)[1]


def check_attendance(month, days, note="", *, today: dt.date) -> tuple[str, int, str]:
    """The month, days and note to store, checked: the month not after ``today``'s, the days a whole number
    from 0 to the month's length. Raises ``AttendanceError`` naming the field."""
    year, number = parse_month(month)
    if (year, number) > (today.year, today.month):
        raise AttendanceError(f"{FIELD_MONTH}：{year}年{number}月还没有到，不能登记。")
    if isinstance(days, bool) or not isinstance(days, int):
        if isinstance(days, str) and days.strip().isascii() and days.strip().isdigit():
            days = int(days.strip())
        else:
            raise AttendanceError(f"{FIELD_DAYS}：请填写整数天数。")
    if days < 0:
        raise AttendanceError(f"{FIELD_DAYS}：不能小于0天。")
    length = calendar.monthrange(year, number)[1]
    if days > length:
        raise AttendanceError(f"{FIELD_DAYS}：{year}年{number}月只有{length}天。")
    if not isinstance(note, str):
        raise AttendanceError(f"{FIELD_NOTE}：请填写文字。")
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise AttendanceError(f"{FIELD_NOTE}：最多{MAX_NOTE}个字。")
    return f"{year:04d}-{number:02d}", days, note


def is_short(is_work_team: bool, previous_month_days: int | None) -> bool:
    """驻村天数不足: a work-team member with fewer than ``ATTENDANCE_MIN_DAYS`` days (or none registered) in
    the previous month."""
    return bool(is_work_team) and (previous_month_days or 0) < ATTENDANCE_MIN_DAYS
