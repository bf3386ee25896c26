"""驻村 attendance travels in USB bundles: registered in the village, it arrives at the township equal."""

from fupin_desktop.services import attendance as att
from fupin_desktop.services.helpers import create_helper
from fupin_desktop.storage import tables as t
from tests.sync import world


def _rows(ctx):
    return sorted(ctx.db.execute(f"SELECT id, helper_id, month, days, note, deleted FROM {t.ATTENDANCE}").fetchall())


def test_attendance_set_in_the_village_arrives_at_the_township_equal(base, copies, tmp_path):
    village, township = copies("village"), copies("township_synced")
    helper_id, _ = create_helper(village, {"name": "李队员", "unit": "区农业局", "is_work_team": True})
    att.set_attendance(village, helper_id, "2020-05", 22, "五月在村")
    att.set_attendance(village, helper_id, "2020-06", 9)
    result = world.export_to(village, tmp_path / "up")
    assert result.counts[t.ATTENDANCE] == 2

    [p] = world.import_into(township, [result.path], secrets=base.secrets)
    assert p.applied, p.error
    assert p.report.by_table[t.ATTENDANCE]["new"] == 2
    assert _rows(township) == _rows(village) and len(_rows(township)) == 2
    assert att.attendance_summary(township)[helper_id] == att.attendance_summary(village)[helper_id] == \
        att.HelperAttendance(this_month=9, this_year=31, previous_month=22, short=False)

    # a change of the month travels as a field change on the same row
    att.set_attendance(village, helper_id, "2020-05", 18)
    later = world.export_to(village, tmp_path / "up2")
    [p2] = world.import_into(township, [later.path], secrets=base.secrets)
    assert p2.applied, p2.error
    assert _rows(township) == _rows(village)
    assert att.attendance_summary(township)[helper_id].short is True


def _paired_helper_at_the_township(base, copies, tmp_path):
    """A village and a township that imported its work-team helper, paired with one of its households."""
    from fupin_desktop.services.helpers import assign_helper

    village, township = copies("village"), copies("township_synced")
    helper_id, _ = create_helper(village, {"name": "赵队员", "unit": "区农业局", "is_work_team": True})
    household = village.db.execute(f"SELECT id FROM {t.HOUSEHOLDS} ORDER BY number LIMIT 1").fetchone()[0]
    assign_helper(village, household, helper_id)
    [up] = world.import_into(township, [world.export_to(village, tmp_path / "up").path], secrets=base.secrets)
    assert up.applied, up.error
    return village, township, helper_id


def test_township_corrections_carry_the_attendance_of_the_village_s_helpers(base, copies, tmp_path):
    village, township, helper_id = _paired_helper_at_the_township(base, copies, tmp_path)
    att.set_attendance(township, helper_id, "2020-05", 21, "乡镇核对考勤表")
    [down] = world.export_to(township, tmp_path / "down", base.secrets)
    assert down.counts.get(t.ATTENDANCE) == 1
    [back] = world.import_into(village, [down.path], secrets=base.secrets)
    assert back.applied, back.error
    assert _rows(village) == _rows(township) and len(_rows(village)) == 1


def test_a_later_month_of_a_helper_the_township_already_has_is_accepted(base, copies, tmp_path):
    """The own-village check lets through the days of a helper paired with the village's households earlier."""
    village, township, helper_id = _paired_helper_at_the_township(base, copies, tmp_path)
    att.set_attendance(village, helper_id, "2020-06", 23)  # a new row; the helper and pairing are not in this bundle
    [later] = world.import_into(township, [world.export_to(village, tmp_path / "up2").path], secrets=base.secrets)
    assert later.applied, later.error
    assert _rows(township) == _rows(village)
