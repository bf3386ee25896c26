import datetime as dt
from dataclasses import replace

import pytest

from fupin_desktop.domain.exits import (
    ProcedureState,
    check_next_step,
    deadline_status,
    exit_blockers,
    next_action,
    procedure_state,
)
from fupin_desktop.domain.income import summarise
from fupin_desktop.domain.records import PovertyLine, Settings
from tests.domain.factories import (
    LINE_2026,
    SETTINGS,
    TODAY,
    change,
    entry,
    good_book,
    make_family,
    make_member,
    step,
)

D = dt.date


def first_three():
    return [step("1", D(2026, 6, 1)), step("2", D(2026, 6, 3)), step("3", D(2026, 6, 5))]


# --- procedure state ------------------------------------------------------------------------------------


def test_empty_procedure():
    state = procedure_state([])
    assert state == ProcedureState(1, (), None, "1", False)
    assert not state.started and not state.finished
    assert next_action(state) == "组织民主评议"


def test_steps_in_order_and_deleted_ignored():
    steps = [*first_three(), step("4", D(2026, 6, 6), deleted=True)]
    state = procedure_state(steps)
    assert state.done == ("1", "2", "3")
    assert (state.last_step, state.last_date, state.next_step) == ("3", D(2026, 6, 5), "4")
    assert next_action(state) == "在村内公示"


def test_objection_on_publicity_starts_a_new_round():
    steps = [*first_three(), step("4", D(2026, 6, 6)), step("4", D(2026, 6, 9), "objection")]
    state = procedure_state(steps)
    assert (state.round, state.done, state.next_step, state.objected) == (2, (), "1", True)
    assert next_action(state) == "公示有异议，重新组织民主评议"
    state = procedure_state([*steps, step("1", D(2026, 7, 1), round=2)])
    assert (state.round, state.done, state.objected) == (2, ("1",), False)


def test_finished_procedure():
    steps = [*first_three(), step("4", D(2026, 6, 6)), step("5", D(2026, 6, 13)), step("6", D(2026, 6, 20))]
    state = procedure_state(steps)
    assert state.finished and state.next_step is None
    assert "销号" in next_action(state)


# --- check_next_step ------------------------------------------------------------------------------------


def test_next_step_in_order_is_allowed():
    assert check_next_step([], "1", D(2026, 6, 1), SETTINGS) == []
    assert check_next_step(first_three(), "4", D(2026, 6, 5), SETTINGS) == []


def test_step_out_of_order_is_refused():
    assert check_next_step([], "3", D(2026, 6, 1), SETTINGS) == ["请先完成第1步：民主评议"]
    assert check_next_step(first_three(), "5", D(2026, 6, 20), SETTINGS) == ["请先完成第4步：村内公示"]


def test_step_already_done_is_refused():
    assert "已经完成" in check_next_step(first_three(), "2", D(2026, 6, 20), SETTINGS)[0]


def test_date_before_the_previous_step_is_refused():
    reasons = check_next_step(first_three(), "4", D(2026, 6, 4), SETTINGS)
    assert reasons == ["日期早于上一步“户认可”的日期（2026-06-05）"]


def test_township_review_waits_for_the_publicity_days():
    steps = [*first_three(), step("4", D(2026, 6, 6))]
    reasons = check_next_step(steps, "5", D(2026, 6, 12), SETTINGS)
    assert len(reasons) == 1 and "7天" in reasons[0] and "2026-06-13" in reasons[0]
    assert check_next_step(steps, "5", D(2026, 6, 13), SETTINGS) == []
    assert check_next_step(steps, "5", D(2026, 6, 9), Settings(publicity_days=3)) == []


def test_objection_only_on_publicity():
    steps = [*first_three(), step("4", D(2026, 6, 6))]
    assert check_next_step(steps, "2", D(2026, 6, 8), SETTINGS, outcome="objection") == [
        "只有村内公示（第4步）可以记录异议"
    ]
    assert check_next_step(steps, "4", D(2026, 6, 8), SETTINGS, outcome="objection") == []
    assert check_next_step(first_three(), "4", D(2026, 6, 8), SETTINGS, outcome="objection") == []
    assert check_next_step(steps, "4", D(2026, 6, 5), SETTINGS, outcome="objection") != []
    assert check_next_step(steps[:2], "4", D(2026, 6, 8), SETTINGS, outcome="objection") == [
        "请先完成第3步：户认可"
    ]
    reviewed = [*steps, step("5", D(2026, 6, 14))]
    assert check_next_step(reviewed, "4", D(2026, 6, 15), SETTINGS, outcome="objection") != []


def test_nothing_after_the_last_step_and_unknown_codes():
    steps = [*first_three(), step("4", D(2026, 6, 6)), step("5", D(2026, 6, 13)), step("6", D(2026, 6, 20))]
    assert "已销号" in check_next_step(steps, "1", D(2026, 7, 1), SETTINGS)[0]
    assert check_next_step([], "7", D(2026, 7, 1), SETTINGS) == ["未知的退出步骤“7”"]
    assert check_next_step([], "1", D(2026, 7, 1), SETTINGS, outcome="maybe") != []


def test_after_an_objection_the_new_round_starts_at_appraisal():
    steps = [*first_three(), step("4", D(2026, 6, 6)), step("4", D(2026, 6, 8), "objection")]
    assert check_next_step(steps, "1", D(2026, 7, 1), SETTINGS) == []
    assert check_next_step(steps, "5", D(2026, 7, 1), SETTINGS) == ["请先完成第1步：民主评议"]


# --- exit blockers --------------------------------------------------------------------------------------


def eligible():
    household, members = make_family()
    summary = summarise(good_book(), members, SETTINGS, 2026)
    return household, members, summary


def blockers(household=None, members=None, summary="default", line=LINE_2026, year=2026, settings=SETTINGS):
    h, m, s = eligible()
    summary = s if summary == "default" else summary
    return exit_blockers(
        household or h, m if members is None else members, summary, line, year, settings, TODAY
    )


def codes_of(problems):
    return [p.code for p in problems]


def test_eligible_household_has_no_blocker():
    assert blockers() == []


def test_income_blockers():
    h, members, _ = eligible()
    assert codes_of(blockers(summary=None)) == ["exit_no_book"]
    assert codes_of(blockers(line=None)) == ["exit_no_line"]
    low = summarise([entry(D(2026, 1, 1), "11", 9000)], members, SETTINGS, 2026)  # 3,000 per head
    found = blockers(summary=low)
    assert codes_of(found) == ["exit_income_below_line"]
    assert "3,000.00元" in found[0].message and "4,000.00元" in found[0].message
    assert "差1,000.00元" in found[0].message
    equal = summarise([entry(D(2026, 1, 1), "11", 12000)], members, SETTINGS, 2026)
    assert codes_of(blockers(summary=equal)) == ["exit_income_below_line"]


def test_two_assurances():
    h, _, _ = eligible()
    assert codes_of(blockers(replace(h, food_secure=False))) == ["exit_food"]
    assert codes_of(blockers(replace(h, clothing_secure=False))) == ["exit_clothing"]


def test_compulsory_education():
    _, members, _ = eligible()
    out = change(members, "m-son", schooling="01")
    found = blockers(members=out)
    assert codes_of(found) == ["exit_compulsory_education"]
    assert found[0].member_id == "m-son" and found[0].message.startswith("张小明：")
    assert blockers(members=change(members, "m-son", schooling="01", health="04")) == []
    grown = make_member("张大明", D(2009, 1, 1), True, schooling="01")  # 17: past compulsory schooling
    assert blockers(members=[*members, grown]) == []


def test_medical_insurance():
    _, members, _ = eligible()
    found = blockers(members=change(members, "m-spouse", medical_insurance=False))
    assert codes_of(found) == ["exit_medical_insurance"] and "李四" in found[0].message
    gone = change(members, "m-spouse", medical_insurance=False, change_type="01")
    assert blockers(members=gone) == []


@pytest.mark.parametrize("rating", ["C", "D", ""])
def test_housing(rating):
    h, _, _ = eligible()
    assert codes_of(blockers(replace(h, house_rating=rating))) == ["exit_housing"]
    assert blockers(replace(h, house_rating=rating, relocation_keys_handed=True)) == []


def test_water_from_2019():
    h, members, _ = eligible()
    assert codes_of(blockers(replace(h, water_safe=False))) == ["exit_water"]
    assert codes_of(blockers(replace(h, water_safe=None))) == ["exit_water"]
    s2018 = summarise([entry(D(2018, 1, 1), "11", 30000)], members, SETTINGS, 2018)
    line = PovertyLine(2018, 300000)
    assert blockers(replace(h, water_safe=False), summary=s2018, line=line, year=2018) == []


def test_identified_this_year():
    h, _, _ = eligible()
    new = replace(h, identified_on=D(2026, 2, 1))
    assert codes_of(blockers(new)) == ["exit_identified_this_year"]
    assert blockers(new, settings=Settings(no_exit_in_identification_year=False)) == []


def test_blockers_are_errors_in_chinese():
    h, members, _ = eligible()
    found = blockers(replace(h, food_secure=False, house_rating="D"), summary=None)
    assert len(found) == 3 and all(p.level == "error" for p in found)


# --- deadline board -------------------------------------------------------------------------------------


def status(household, summary="default", line=LINE_2026, steps=(), today=TODAY, **kw):
    h, members, s = eligible()
    summary = s if summary == "default" else summary
    return deadline_status(household, procedure_state(list(steps)), summary, line, today, SETTINGS, **kw)


def test_deadline_done_and_overdue():
    h, _, _ = eligible()
    assert status(replace(h, exit_status="1")) == "done"
    assert status(replace(h, exit_status="4", planned_exit_year=2020)) == "done"
    finished = [
        *first_three(),
        step("4", D(2026, 6, 6)),
        step("5", D(2026, 6, 13)),
        step("6", D(2026, 6, 20)),
    ]
    assert status(h, steps=finished) == "done"
    assert status(replace(h, planned_exit_year=2025)) == "overdue"
    assert status(replace(h, planned_exit_year=2025, exit_status="3")) == "overdue"


def test_deadline_at_risk_and_on_track():
    h, members, s = eligible()
    assert status(h) == "on_track"  # 6,500 per head so far, projected above 4,000
    assert status(replace(h, planned_exit_year=None)) == "on_track"
    assert status(replace(h, planned_exit_year=2029), summary=None) == "on_track"
    assert status(h, summary=None) == "at_risk"
    low = summarise([entry(D(2025, 10, 2), "11", 3000)], members, SETTINGS, 2026)
    assert status(h, summary=low) == "at_risk"  # 1,000 per head in 5.5 months: about 2,200 by year end
    assert status(replace(h, planned_exit_year=2027), summary=low) == "at_risk"
    assert status(replace(h, house_rating="D")) == "at_risk"
    assert status(h, members=change(members, "m-son", schooling="01")) == "at_risk"
    assert status(h, members=members) == "on_track"
