import datetime as dt
import json

import pytest

from fupin_desktop.services import households as hh
from fupin_desktop.services.errors import NotFoundError, ValidationError, WarningsNeedNoteError
from fupin_desktop.storage import tables as t
from tests.services.factories import household_values, members_values


def _count(ctx, table):
    return ctx.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_create_fills_sex_and_birth_from_the_id_and_returns_changes(ctx, village, helper):
    household_id, changes = hh.create_household(ctx, household_values(), members_values(), helper_id=helper)
    assert changes.tables == {t.HOUSEHOLDS, t.MEMBERS, t.PAIRINGS}
    assert changes.household_ids == {household_id}
    _household, members = hh.load(ctx, household_id)
    head = members[0]
    assert (head.sex, head.birth_date) == ("1", dt.date(1965, 3, 12))
    assert members[1].sex == "2"
    row = ctx.db.execute(f"SELECT head_name, people FROM {t.HOUSEHOLDS}").fetchone()
    assert row == ("张三丰", 3)


def test_a_wrong_id_number_is_refused_with_its_reason_and_nothing_is_written(ctx, village, helper):
    members = members_values()
    members[0]["id_number"] = "610702196503120017"
    before = (_count(ctx, t.HOUSEHOLDS), _count(ctx, t.MEMBERS), _count(ctx, t.CHANGELOG))
    with pytest.raises(ValidationError, match="校验码") as info:
        hh.create_household(ctx, household_values(), members, helper_id=helper)
    assert info.value.problems[0].field == "member.id_number"
    assert (_count(ctx, t.HOUSEHOLDS), _count(ctx, t.MEMBERS), _count(ctx, t.CHANGELOG)) == before


def test_lower_case_x_and_15_digit_numbers_are_normalised(ctx, village, helper):
    members = members_values()
    members[1]["id_number"] = "11010519491231002x"
    members[1]["name"] = "李秀英"
    values = household_values()
    household_id, _ = hh.create_household(ctx, values, members[:2], helper_id=helper, accept_note="核实")
    _h, stored = hh.load(ctx, household_id)
    assert stored[1].id_number == "11010519491231002X"


def test_warnings_need_a_note(ctx, village, helper):
    values = household_values(main_cause="3")  # 因学 but nobody studies
    members = [m for m in members_values() if m["relation"] != "03"]
    with pytest.raises(WarningsNeedNoteError):
        hh.create_household(ctx, values, members, helper_id=helper)
    household_id, _ = hh.create_household(ctx, values, members, helper_id=helper, accept_note="孩子已毕业")
    household, _ = hh.load(ctx, household_id)
    assert household.warnings_note == "孩子已毕业"


def test_the_same_id_in_two_households_is_refused(ctx, household, helper):
    values = household_values(number="6107020002")
    with pytest.raises(ValidationError, match="已登记在其他贫困户"):
        hh.create_household(ctx, values, members_values()[:1], helper_id=helper, accept_note="x")


def test_update_logs_only_changed_fields_and_keeps_the_reason(ctx, household):
    changed, changes = hh.update_household(ctx, household, {"phone": "13700000000", "house_rating": "B"},
                                           reason="电话变更")
    assert set(changed) == {"phone"}
    entries = ctx.db.execute(f"SELECT field, old, new, reason FROM {t.CHANGELOG} WHERE row_id = ? AND field != '*'",
                             [household]).fetchall()
    assert entries == [("phone", json.dumps("13800000000"), json.dumps("13700000000"), "电话变更")]
    assert changes.household_ids == {household}


def test_update_refuses_new_errors_but_not_old_ones(ctx, household):
    with pytest.raises(ValidationError):
        hh.update_household(ctx, household, {"main_cause": ""})
    assert hh.load(ctx, household)[0].main_cause == "1"


def test_a_member_leaves_by_a_dated_change_not_by_deletion(ctx, household):
    _h, members = hh.load(ctx, household)
    child = members[2]
    hh.record_member_change(ctx, child.id, "08", dt.date(2020, 5, 1), "外出落户")
    _h, after = hh.load(ctx, household)
    assert len(after) == 3 and not after[2].active and after[2].change_date == dt.date(2020, 5, 1)
    assert ctx.db.execute(f"SELECT people FROM {t.HOUSEHOLDS}").fetchone()[0] == 2
    with pytest.raises(ValidationError):
        hh.record_member_change(ctx, child.id, "08", dt.date(2030, 1, 1))


def test_colour_override_needs_a_reason(ctx, household):
    with pytest.raises(ValidationError):
        hh.set_colour_override(ctx, household, "green", "")
    hh.set_colour_override(ctx, household, "green", "等待政策衔接")
    from fupin_desktop.services.queries import household_file

    assert household_file(ctx, household).colour == "green"


def test_deleted_households_are_not_found(ctx, household):
    hh.delete_household(ctx, household, "重复")
    with pytest.raises(NotFoundError):
        hh.load(ctx, household)
    with pytest.raises(ValidationError):
        hh.delete_household(ctx, household, " ")
