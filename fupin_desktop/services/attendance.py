"""驻村 attendance: register the days a helper cadre spent in the village a month, and read them back.

One row per helper and month (``attendance``, migration 0007), written through the change log so USB bundles
carry it. Two rows for one month can only arrive by sync (a village and the township both registered it
before they met): readers take the one with the latest stamp, and the next registration of that month keeps
that one and tombstones the others.
"""

import datetime as dt
from dataclasses import dataclass

from fupin_desktop.domain import attendance as a
from fupin_desktop.domain import records as r
from fupin_desktop.services.changes import Changes
from fupin_desktop.services.errors import NotFoundError, ValidationError
from fupin_desktop.storage import repository as repo
from fupin_desktop.storage import tables as t

ATTENDANCE_MIN_DAYS = a.ATTENDANCE_MIN_DAYS

# the newest live row of each helper and month (the others, if sync brought two, are shadowed)
_LATEST = f"""
SELECT id, helper_id, month, days, note FROM (
    SELECT id, helper_id, month, days, note,
           row_number() OVER (PARTITION BY helper_id, month ORDER BY updated_hlc DESC, id DESC) AS rank
    FROM {t.ATTENDANCE} WHERE deleted = 0 AND {{where}}
) WHERE rank = 1
"""


@dataclass(frozen=True)
class AttendanceMonth:
    id: str
    helper_id: str
    month: str  # 'YYYY-MM'
    days: int
    note: str


@dataclass(frozen=True)
class HelperAttendance:
    """One helper's days for the helper list: this month, this calendar year, the previous month."""

    this_month: int = 0
    this_year: int = 0
    previous_month: int | None = None  # None: nothing registered
    short: bool = False  # 驻村天数不足: a work-team member below ATTENDANCE_MIN_DAYS in the previous month


def _rows(ctx, where: str, params) -> list[AttendanceMonth]:
    return [AttendanceMonth(*row) for row in ctx.db.execute(_LATEST.format(where=where) + " ORDER BY month",
                                                             list(params)).fetchall()]


def set_attendance(ctx, helper_id: str, month: str, days, note: str = "") -> tuple[str, Changes]:
    """Register ``days`` in the village for ``month`` ('YYYY-MM'): creates that month's row or changes it."""
    helper = repo.get(ctx.db, r.Helper, helper_id)
    if helper is None or helper.deleted:
        raise NotFoundError("找不到这位帮扶责任人。")
    try:
        month, days, note = a.check_attendance(month, days, note, today=ctx.clock.today())
    except a.AttendanceError as exc:
        raise ValidationError(str(exc)) from exc
    existing = ctx.db.execute(
        f"SELECT id FROM {t.ATTENDANCE} WHERE helper_id = ? AND month = ? AND deleted = 0"
        " ORDER BY updated_hlc DESC, id DESC", [helper_id, month]).fetchall()
    reason = f"登记驻村天数：{helper.name} {month} {days}天"
    with ctx.write() as w:
        if existing:
            row_id = existing[0][0]
            w.update(t.ATTENDANCE, row_id, {"days": days, "note": note}, reason=reason)
            for (duplicate,) in existing[1:]:
                w.tombstone(t.ATTENDANCE, duplicate, "同一月份的驻村天数重复，保留最新一条")
        else:
            row_id = w.insert(t.ATTENDANCE, {"helper_id": helper_id, "month": month, "days": days, "note": note},
                              reason=reason)
    return row_id, Changes.from_writer(w)


def attendance_of(ctx, helper_id: str, year: int) -> list[AttendanceMonth]:
    """The registered months of ``year`` of one helper, in month order."""
    return _rows(ctx, "helper_id = ? AND month >= ? AND month <= ?", [helper_id, f"{year:04d}-01", f"{year:04d}-12"])


def attendance_summary(ctx, today: dt.date | None = None) -> dict[str, HelperAttendance]:
    """Per helper id: the days of the current month and of the current calendar year, the previous month's
    days and whether a work-team member is 驻村天数不足. Every live helper is in it, with or without rows."""
    today = today or ctx.clock.today()
    this_month, previous = a.month_key(today), a.previous_month(today)
    first = min(f"{today.year:04d}-01", previous)
    sums: dict[str, list] = {}
    for row in _rows(ctx, "month >= ? AND month <= ?", [first, this_month]):
        entry = sums.setdefault(row.helper_id, [0, 0, None])
        if row.month == this_month:
            entry[0] = row.days
        if row.month.startswith(f"{today.year:04d}-"):
            entry[1] += row.days
        if row.month == previous:
            entry[2] = row.days
    result = {}
    for helper_id, work_team in ctx.db.execute(f"SELECT id, is_work_team FROM {t.HELPERS} WHERE deleted = 0"):
        month_days, year_days, previous_days = sums.get(helper_id, (0, 0, None))
        result[helper_id] = HelperAttendance(month_days, year_days, previous_days,
                                             a.is_short(work_team, previous_days))
    return result
