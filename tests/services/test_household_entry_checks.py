"""防返贫监测 risk types and the manual colour: rules of the 问题数据 rule set, applied when saving and checking."""

import dataclasses
import datetime as dt

import pytest

from fupin_desktop.domain import records as r
from fupin_desktop.services import derived
from fupin_desktop.services import households as hh
from fupin_desktop.services.checks import check_all
from fupin_desktop.services.errors import ValidationError, WarningsNeedNoteError
from fupin_desktop.services.household_editing import save_household
from fupin_desktop.services.queries import history, household_file, list_households
from fupin_desktop.services.undo import undo_last
from fupin_desktop.storage import tables as t
from fupin_desktop.storage.mapping import values_to_row

TODAY = dt.date(2020, 6, 15)
ENTRY_CODES = frozenset({
    "risk_type_unknown", "risk_types_too_many", "monitor_type_missing", "risk_types_missing",
    "risk_cleared_in_future", "colour_unknown", "colour_override_reason_missing",
})  # fmt: skip


def _codes(problems):
    return sorted((p.field, p.code, p.level) for p in problems)


def _members(ctx, household_id):
    _household, members = hh.load(ctx, household_id)
    return [{"id": m.id, "name": m.name, "id_number": m.id_number, "relation": m.relation} for m in members]


def test_the_checks_are_the_rule_set_s_and_saving_sees_each_once(ctx, household):
    stored, members = hh.load(ctx, household)
    broken = dataclasses.replace(stored, risk_types=("1", "66"), colour_override="blue")
    found = [p for p in hh.problems_for(ctx, broken, members) if p.code in ENTRY_CODES]
    assert _codes(found) == [
        ("household.colour_override_reason", "colour_override_reason_missing", "error"),
        ("household.monitor_type", "monitor_type_missing", "error"),
        ("household.risk_types", "risk_type_unknown", "error"),
    ]


def test_check_and_the_lists_see_a_monitoring_problem_that_came_past_the_editor(ctx, household):
    """A row written without the gate (as a USB merge or an old file may hold) is flagged by ``fupin check`` and
    counted on the lists like any other problem."""
    before = next(row for row in list_households(ctx) if row.id == household)
    with ctx.write() as w:
        w.update(t.HOUSEHOLDS, household,
                 values_to_row(r.Household, {"monitor_type": "", "risk_types": ("1", "2", "3", "4", "5", "7")}),
                 reason="测试")
        derived.refresh(ctx, [household])
    report = check_all(ctx)
    assert {p.code for p in report[household]} >= {"risk_types_too_many", "monitor_type_missing"}
    message = next(p.message for p in report[household] if p.code == "risk_types_too_many")
    assert message == "风险类型最多选5项（现在选了6项）"
    after = next(row for row in list_households(ctx) if row.id == household)
    assert after.problem_errors == before.problem_errors + 2


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
