"""Undo of the last saved change (services.undo) over the change log."""

import datetime as dt

import pytest

from fupin_desktop.services import households as hh
from fupin_desktop.services import ledger
from fupin_desktop.services.exits import record_step, steps_of
from fupin_desktop.services.helpers import assign_helper, create_helper, current_pairing
from fupin_desktop.services.household_editing import save_household
from fupin_desktop.services.queries import history
from fupin_desktop.services.undo import (
    UNDO_REASON,
    NothingToUndoError,
    UndoRefusedError,
    last_operation,
    undo_last,
)
from tests.services.factories import household_values, members_values


@pytest.fixture
def household(ctx, village):
    household_id, _ = hh.create_household(ctx, household_values(), members_values(), accept_note="核实无误")
    return household_id


def test_creating_the_household_cannot_be_undone(ctx, household):
    preview = last_operation(ctx, household)
    assert preview is not None and preview.refused
    with pytest.raises(UndoRefusedError):
        undo_last(ctx, household)


def test_undo_writes_the_old_values_back_and_is_logged(ctx, household):
    hh.update_household(ctx, household, {"phone": "13900000000", "village_group": "二组"}, reason="电话变了")
    preview = last_operation(ctx, household)
    assert preview.reason == "电话变了" and not preview.refused
    assert {e.field for e in preview.entries} == {"phone", "village_group"}
    changes = undo_last(ctx, household)
    assert household in changes.household_ids
    restored, _ = hh.load(ctx, household)
    assert restored.phone == "13800000000" and restored.village_group == "一组"
    logged = [e for e in history(ctx, household) if e.reason == UNDO_REASON]
    assert {e.field for e in logged} == {"phone", "village_group"}


def test_repeated_undo_walks_back_one_operation_at_a_time(ctx, household):
    hh.update_household(ctx, household, {"phone": "1"}, reason="一")
    hh.update_household(ctx, household, {"phone": "2"}, reason="二")
    undo_last(ctx, household)
    assert hh.load(ctx, household)[0].phone == "1"
    undo_last(ctx, household)
    assert hh.load(ctx, household)[0].phone == "13800000000"
    with pytest.raises(UndoRefusedError):  # next is the creation
        undo_last(ctx, household)


def test_an_added_member_is_tombstoned(ctx, household):
    member_id, _ = hh.add_member(
        ctx,
        household,
        {
            "name": "张小红",
            "id_number": "610702201203040025",
            "relation": "04",
            "schooling": "03",
            "health": "01",
        },
        accept_note="新生",
    )
    undo_last(ctx, household)
    names = [m.name for m in hh.load(ctx, household)[1]]
    assert "张小红" not in names and len(names) == 3


def test_a_whole_editor_save_is_one_operation(ctx, household):
    _, members = hh.load(ctx, household)
    edited = [
        {
            "id": m.id,
            "name": m.name,
            "id_number": m.id_number,
            "relation": m.relation,
            "education": m.education,
            "schooling": m.schooling,
            "health": m.health,
            "labour": m.labour,
        }
        for m in members
    ]
    edited[0]["relation"], edited[1]["relation"] = "02", "01"  # the spouse becomes head: never two heads
    edited[1]["name"] = "李秀英"
    save_household(ctx, household, {"phone": "13700000000"}, edited, accept_note="户主变更")
    _, after = hh.load(ctx, household)
    assert [m.relation for m in after] == ["02", "01", "03"]
    undo_last(ctx, household)
    restored, back = hh.load(ctx, household)
    assert [m.relation for m in back] == ["01", "02", "03"] and restored.phone == "13800000000"


def test_a_helper_pairing_is_undone_and_the_previous_one_reopened(ctx, household):
    first, _ = create_helper(ctx, {"name": "王干部", "unit": "区农业局"})
    second, _ = create_helper(ctx, {"name": "赵干部", "unit": "区教育局"})
    assign_helper(ctx, household, first)
    assign_helper(ctx, household, second, reason="工作调动")
    undo_last(ctx, household)
    assert current_pairing(ctx, household).helper_id == first


def test_an_exit_step_is_undone(ctx, household):
    record_step(ctx, household, "1", date=dt.date(2020, 6, 1), actor="村两委")
    undo_last(ctx, household)
    assert all(s.deleted for s in steps_of(ctx, household))


def test_the_daily_book_is_refused(ctx, household):
    hh.update_household(ctx, household, {"phone": "1"}, reason="一")
    ledger.add_entry(ctx, household, date=dt.date(2020, 6, 1), category="11", amount_fen=10000)
    with pytest.raises(UndoRefusedError, match="冲销"):
        undo_last(ctx, household)
    assert hh.load(ctx, household)[0].phone == "1"


def test_a_field_changed_again_by_an_import_is_not_overwritten(ctx, household):
    hh.update_household(ctx, household, {"phone": "1"}, reason="一")
    with ctx.write(source="import:bundle") as w:
        w.update("households", household, {"phone": "9"}, reason="乡镇更正")
    with pytest.raises(UndoRefusedError):
        undo_last(ctx, household)
    assert hh.load(ctx, household)[0].phone == "9"


def test_nothing_to_undo_for_an_unknown_household(ctx, village):
    assert last_operation(ctx, "nope") is None
    with pytest.raises(NothingToUndoError):
        undo_last(ctx, "nope")
