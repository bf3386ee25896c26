"""What the household editor reads and writes through services.household_editing."""

import datetime as dt

import pytest

from fupin_desktop.services import households as hh
from fupin_desktop.services.drafts import save_draft
from fupin_desktop.services.errors import ValidationError, WarningsNeedNoteError
from fupin_desktop.services.household_editing import (
    editor_data,
    id_numbers_elsewhere,
    ledger_month_view,
    save_household,
)
from fupin_desktop.services.ledger import add_entry, reverse_entry
from fupin_desktop.services.queries import history
from tests.services.factories import household_values, members_values


def _form_members(members):
    return [
        {
            "id": m.id,
            "name": m.name,
            "id_number": m.id_number,
            "relation": m.relation,
            "education": m.education,
            "schooling": m.schooling,
            "health": m.health,
            "labour": m.labour,
            "work_status": m.work_status,
            "work_months": m.work_months,
        }
        for m in members
    ]


def test_create_through_save_household(ctx, village, helper):
    household_id, changes = save_household(ctx, None, household_values(), members_values(), helper_id=helper)
    household, members = hh.load(ctx, household_id)
    assert [m.name for m in members] == ["张三丰", "李秀英", "张小明"] and household.main_cause == "1"
    assert household_id in changes.household_ids


def test_one_save_is_one_operation_and_adds_members(ctx, household):
    _household, members = hh.load(ctx, household)
    form = _form_members(members)
    form[2]["schooling"] = "06"
    form.append(
        {
            "name": "张小红",
            "id_number": "610702201203040025",
            "relation": "04",
            "schooling": "03",
            "health": "01",
        }
    )
    _id, changes = save_household(ctx, household, {"phone": "13911112222"}, form)
    assert len({entry[0] for entry in changes.fields}) == 2  # households and members, one op id
    _household, after = hh.load(ctx, household)
    assert [m.name for m in after][-1] == "张小红" and after[2].schooling == "06"
    ops = {
        e.reason for e in history(ctx, household) if e.table in ("households", "members") and e.field != "*"
    }
    assert ops == {"修改档案"}


def test_new_errors_are_refused_and_warnings_need_a_note(ctx, household):
    _household, members = hh.load(ctx, household)
    form = _form_members(members)
    form[0]["relation"] = "03"  # no head any more
    with pytest.raises(ValidationError, match="户主"):
        save_household(ctx, household, {}, form)
    with pytest.raises(WarningsNeedNoteError):
        save_household(ctx, household, {"farmland_mu": 400.0}, _form_members(members))
    save_household(ctx, household, {"farmland_mu": 400.0}, _form_members(members), accept_note="荒坡地")
    saved, _members = hh.load(ctx, household)
    assert saved.farmland_mu == 400.0 and saved.warnings_note == "荒坡地"


def test_members_cannot_be_saved_without_a_name(ctx, household):
    _household, members = hh.load(ctx, household)
    form = _form_members(members) + [{"name": " ", "relation": "03"}]
    with pytest.raises(ValidationError, match="姓名"):
        save_household(ctx, household, {}, form)


def test_editor_data_for_an_existing_and_a_new_household(ctx, household):
    save_draft(ctx, household, {"values": {"phone": "1"}})
    data = editor_data(ctx, household, with_draft=True)
    assert data.file.household.id == household and data.today == dt.date(2020, 6, 15)
    assert data.village.name == "龙江村" and [h.name for h in data.helpers] == ["王干部"]
    assert data.draft["payload"] == {"values": {"phone": "1"}}
    assert data.history and data.undo is not None and data.undo.refused  # only the creation so far
    new = editor_data(ctx, None)
    assert new.file is None and new.village is not None and new.draft is None


def test_id_numbers_elsewhere(ctx, household):
    assert id_numbers_elsewhere(ctx, None, ["610702196503120015", ""]) == {"610702196503120015"}
    assert id_numbers_elsewhere(ctx, household, ["610702196503120015"]) == frozenset()


def test_ledger_month_view(ctx, household):
    first, _ = add_entry(ctx, household, date=dt.date(2020, 6, 1), category="11", amount_fen=300000)
    add_entry(ctx, household, date=dt.date(2020, 6, 2), category="52", amount_fen=20000)
    add_entry(ctx, household, date=dt.date(2020, 5, 2), category="21", amount_fen=50000)
    reverse_entry(ctx, first, "记错了")
    view = ledger_month_view(ctx, household, 2020, 6)
    assert [e.amount_fen for e in view.entries] == [300000, 20000, -300000]
    assert view.reversed_ids == {first}
    assert view.month_totals.by_group["wage"] == 0 and view.month_totals.production_expense_fen == 20000
    assert view.summary.year == 2020 and view.summary.total_income_fen == 50000
    assert view.line.year == 2016 and view.today == dt.date(2020, 6, 15)
