"""Entry checks beyond the 问题数据 rule set: 防返贫监测 risk types and the manual colour, saved by the editor."""

import dataclasses
import datetime as dt

import pytest

from fupin_desktop.domain import records as r
from fupin_desktop.services import households as hh
from fupin_desktop.services.errors import ValidationError, WarningsNeedNoteError
from fupin_desktop.services.household_editing import save_household
from fupin_desktop.services.queries import history, household_file, list_households
from fupin_desktop.services.undo import undo_last

TODAY = dt.date(2020, 6, 15)


def _codes(problems):
    return sorted((p.field, p.code, p.level) for p in problems)


def _members(ctx, household_id):
    _household, members = hh.load(ctx, household_id)
    return [{"id": m.id, "name": m.name, "id_number": m.id_number, "relation": m.relation} for m in members]


def test_a_plain_household_has_no_entry_problems():
    assert hh.entry_problems(r.Household(id="h", village_id="v"), TODAY) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"risk_types": ("1",)}, [("household.monitor_type", "monitor_type_missing", "error")]),
        ({"monitor_type": "1"}, [("household.risk_types", "risk_types_missing", "warning")]),
        ({"monitor_type": "1", "risk_types": ("1", "2", "3", "4", "5", "6")},
         [("household.risk_types", "risk_types_too_many", "error")]),
        ({"monitor_type": "2", "risk_types": ("1", "2", "3", "4", "5")}, []),
        ({"monitor_type": "2", "risk_types": ("1", "77")}, [("household.risk_types", "risk_type_unknown", "error")]),
        ({"monitor_type": "1", "risk_types": ("7",), "risk_cleared_on": TODAY + dt.timedelta(days=1)},
         [("household.risk_cleared_on", "risk_cleared_in_future", "error")]),
        ({"colour_override": "blue"},
         [("household.colour_override_reason", "colour_override_reason_missing", "error")]),
        ({"colour_override": "blue", "colour_override_reason": "已享受兜底保障"}, []),
        ({"colour_override": "purple", "colour_override_reason": "试试"},
         [("household.colour_override", "colour_unknown", "error")]),
    ],
)
def test_entry_problems(changes, expected):
    household = dataclasses.replace(r.Household(id="h", village_id="v"), **changes)
    assert _codes(hh.entry_problems(household, TODAY)) == sorted(expected)


def test_saving_refuses_risk_types_without_a_monitor_type_and_nothing_is_written(ctx, household):
    with pytest.raises(ValidationError, match="监测对象类型"):
        save_household(ctx, household, {"risk_types": ("1",)}, _members(ctx, household))
    assert hh.load(ctx, household)[0].risk_types == ()


def test_risk_types_are_saved_and_one_undo_reverts_them(ctx, household):
    members = _members(ctx, household)
    with pytest.raises(ValidationError, match="最多选5项"):
        save_household(ctx, household, {"monitor_type": "1", "risk_types": ("1", "2", "3", "4", "5", "7")}, members)
    save_household(ctx, household, {"monitor_type": "1", "risk_types": ("1", "7")}, members)
    saved = hh.load(ctx, household)[0]
    assert (saved.monitor_type, saved.risk_types) == ("1", ("1", "7"))
    undo_last(ctx, household)
    saved = hh.load(ctx, household)[0]
    assert (saved.monitor_type, saved.risk_types) == ("", ())


def test_a_monitor_type_without_risk_types_needs_a_note(ctx, household):
    with pytest.raises(WarningsNeedNoteError):
        save_household(ctx, household, {"monitor_type": "2"}, _members(ctx, household))
    save_household(ctx, household, {"monitor_type": "2"}, _members(ctx, household), accept_note="风险待核实")
    assert hh.load(ctx, household)[0].monitor_type == "2"


def test_manual_colour_needs_a_reason_then_colours_lists_and_is_logged(ctx, household):
    members = _members(ctx, household)
    with pytest.raises(ValidationError, match="原因"):
        save_household(ctx, household, {"colour_override": "green", "colour_override_reason": " "}, members)
    save_household(ctx, household, {"colour_override": "green", "colour_override_reason": "已纳入兜底保障"}, members)
    assert household_file(ctx, household).colour == "green"
    assert next(row for row in list_households(ctx) if row.id == household).colour == "green"
    reasons = {entry.reason for entry in history(ctx, household) if entry.field == "colour_override"}
    assert reasons == {"修改档案（人工标色：已纳入兜底保障）"}
    # clearing the colour drops its reason too
    save_household(ctx, household, {"colour_override": "", "colour_override_reason": "已纳入兜底保障"}, members)
    saved = hh.load(ctx, household)[0]
    assert (saved.colour_override, saved.colour_override_reason) == ("", "")
    assert next(row for row in list_households(ctx) if row.id == household).colour == "red"
    undo_last(ctx, household)
    assert hh.load(ctx, household)[0].colour_override == "green"
