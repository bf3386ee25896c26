"""驻村 attendance: one row per helper and month through the change log, read back per year and for the list."""

import datetime as dt

import pytest

from fupin_desktop.services import attendance as att
from fupin_desktop.services.errors import NotFoundError, ValidationError
from fupin_desktop.services.helpers import create_helper
from fupin_desktop.storage import tables as t

# the shared clock stands on 2020-06-15


@pytest.fixture
def cadre(ctx):
    helper_id, _ = create_helper(ctx, {"name": "李队员", "unit": "区农业局", "is_work_team": True})
    return helper_id


def _live_rows(ctx, helper_id):
    return ctx.db.execute(f"SELECT month, days, note FROM {t.ATTENDANCE} WHERE helper_id = ? AND deleted = 0"
                          " ORDER BY month", [helper_id]).fetchall()


def test_a_month_is_created_once_then_changed_through_the_change_log(ctx, cadre):
    row_id, changes = att.set_attendance(ctx, cadre, "2020-05", 22, "  五月在村  ")
    assert changes.tables == {t.ATTENDANCE} and row_id in changes.row_ids
    assert _live_rows(ctx, cadre) == [("2020-05", 22, "五月在村")]
    logged = ctx.db.execute(f"SELECT field, reason FROM {t.CHANGELOG} WHERE tbl = ? AND row_id = ?",
                            [t.ATTENDANCE, row_id]).fetchall()
    assert logged == [("*", "登记驻村天数：李队员 2020-05 22天")]

    same_id, changes = att.set_attendance(ctx, cadre, "2020-05", 25)
    assert same_id == row_id
    assert {(f[2], f[3], f[4]) for f in changes.fields} == {("days", 22, 25), ("note", "五月在村", "")}
    assert _live_rows(ctx, cadre) == [("2020-05", 25, "")]
    _, nothing = att.set_attendance(ctx, cadre, "2020-05", 25)
    assert nothing.empty


def test_attendance_of_a_year_and_the_list_summary(ctx, cadre):
    other, _ = create_helper(ctx, {"name": "周干部", "unit": "区教育局"})  # not in the work team
    for month, days in (("2019-12", 30), ("2020-01", 21), ("2020-05", 19), ("2020-06", 10)):
        att.set_attendance(ctx, cadre, month, days)
    att.set_attendance(ctx, other, "2020-05", 3)
    assert [(m.month, m.days) for m in att.attendance_of(ctx, cadre, 2020)] == [
        ("2020-01", 21), ("2020-05", 19), ("2020-06", 10)]
    assert [m.month for m in att.attendance_of(ctx, cadre, 2019)] == ["2019-12"]

    summary = att.attendance_summary(ctx)
    assert summary[cadre] == att.HelperAttendance(this_month=10, this_year=50, previous_month=19, short=True)
    assert summary[other] == att.HelperAttendance(0, 3, 3, short=False)  # not in the work team: never short
    att.set_attendance(ctx, cadre, "2020-05", att.ATTENDANCE_MIN_DAYS)
    assert att.attendance_summary(ctx)[cadre].short is False


def test_a_work_team_member_without_last_month_registered_is_short(ctx, cadre):
    assert att.attendance_summary(ctx)[cadre] == att.HelperAttendance(0, 0, None, short=True)


def test_january_looks_back_to_last_december(ctx, cadre, clock):
    att.set_attendance(ctx, cadre, "2020-01", 5)
    summary = att.attendance_summary(ctx, today=dt.date(2021, 1, 10))
    assert summary[cadre] == att.HelperAttendance(0, 0, None, short=True)
    att.set_attendance(ctx, cadre, "2019-12", 25)
    summary = att.attendance_summary(ctx, today=dt.date(2020, 1, 10))
    assert summary[cadre] == att.HelperAttendance(this_month=5, this_year=5, previous_month=25, short=False)


@pytest.mark.parametrize(("month", "days", "message"), [
    ("2020-02", 30, "驻村天数：2020年2月只有29天"),
    ("2019-02", 29, "驻村天数：2019年2月只有28天"),
    ("2020-04", 31, "驻村天数：2020年4月只有30天"),
    ("2020-05", 32, "驻村天数：2020年5月只有31天"),
    ("2020-05", -1, "驻村天数：不能小于0天"),
    ("2020-05", "很多", "驻村天数：请填写整数天数"),
    ("2020-07", 3, "驻村月份：2020年7月还没有到"),
    ("2020-13", 3, "驻村月份：没有第13个月"),
    ("2020/05", 3, "驻村月份：请按“年-月”填写"),
])
def test_a_wrong_value_is_refused_naming_the_field_and_nothing_is_saved(ctx, cadre, month, days, message):
    before = ctx.db.execute(f"SELECT count(*) FROM {t.CHANGELOG}").fetchone()[0]
    with pytest.raises(ValidationError, match=message):
        att.set_attendance(ctx, cadre, month, days)
    assert _live_rows(ctx, cadre) == []
    assert ctx.db.execute(f"SELECT count(*) FROM {t.CHANGELOG}").fetchone()[0] == before


def test_an_unknown_helper_is_refused(ctx):
    with pytest.raises(NotFoundError, match="帮扶责任人"):
        att.set_attendance(ctx, "no-such-helper", "2020-05", 3)


def test_two_rows_of_one_month_from_sync_read_as_the_newest_and_the_next_save_keeps_one(ctx, cadre):
    """A village and the township may both register a month before they meet: the merge inserts both."""
    first, _ = att.set_attendance(ctx, cadre, "2020-05", 12)
    with ctx.write() as w:  # as the merge would: a second row for the same month, with a later stamp
        second = w.insert(t.ATTENDANCE, {"helper_id": cadre, "month": "2020-05", "days": 23, "note": "乡镇登记"})
    assert [(m.id, m.days) for m in att.attendance_of(ctx, cadre, 2020)] == [(second, 23)]
    assert att.attendance_summary(ctx)[cadre].previous_month == 23

    kept, changes = att.set_attendance(ctx, cadre, "2020-05", 24)
    assert kept == second
    assert (t.ATTENDANCE, first, "deleted", 0, 1) in changes.fields
    assert _live_rows(ctx, cadre) == [("2020-05", 24, "")]
