import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fupin_desktop.domain import codes
from fupin_desktop.domain.income import summarise
from fupin_desktop.domain.problems import Problem, errors, has_errors, warnings
from fupin_desktop.domain.records import Helper, Household, Member
from fupin_desktop.domain.rules import check_helper, check_household, check_member, duplicate_id_numbers
from tests.domain.factories import (
    SETTINGS,
    TODAY,
    change,
    entry,
    good_book,
    id_number,
    make_family,
    make_member,
)

D = dt.date


def run(household=None, members=None, **kwargs) -> list[Problem]:
    base_household, base_members = make_family()
    household = household or base_household
    members = base_members if members is None else members
    kwargs.setdefault("today", TODAY)
    kwargs.setdefault("settings", SETTINGS)
    return check_household(household, members, **kwargs)


def codes_of(problems) -> set[str]:
    return {p.code for p in problems}


def level_of(problems, code) -> str:
    return next(p.level for p in problems if p.code == code)


def book(*entries):
    _, members = make_family()
    return summarise(list(entries), members, SETTINGS, 2026)


H, MEMBERS = make_family()
OCT = D(2025, 10, 20)

# (rule code, level, broken arguments, corrected arguments): the broken household triggers the rule, the
# corrected one, otherwise the same, does not.
CASES = [
    ("id_number_invalid", "error",
     dict(members=change(MEMBERS, "m-head", id_number="130402198207290622")),
     {}),
    ("id_number_missing", "warning", dict(members=change(MEMBERS, "m-son", id_number="")), {}),
    ("sex_contradicts_id", "error", dict(members=change(MEMBERS, "m-head", sex="2")), {}),
    ("birth_date_contradicts_id", "error",
     dict(members=change(MEMBERS, "m-head", birth_date=D(1980, 5, 2))), {}),
    ("disability_contradicts_certificate", "error",
     dict(members=change(MEMBERS, "m-spouse", id_number=id_number(D(1982, 7, 12), False) + "42",
                         disability_category="1", health="04")),
     dict(members=change(MEMBERS, "m-spouse", id_number=id_number(D(1982, 7, 12), False) + "42",
                         disability_category="4", health="04"))),
    ("cause_illness_all_healthy", "warning", dict(household=replace(H, main_cause="1")),
     dict(household=replace(H, main_cause="1"), members=change(MEMBERS, "m-spouse", health="03"))),
    ("cause_study_no_student", "warning",
     dict(household=replace(H, main_cause="3"), members=MEMBERS[:2]),
     dict(household=replace(H, main_cause="3"))),
    ("cause_disability_nobody_disabled", "warning", dict(household=replace(H, main_cause="2")),
     dict(household=replace(H, main_cause="2"), members=change(MEMBERS, "m-spouse", health="04"))),
    ("other_cause_repeats_main", "error", dict(household=replace(H, other_causes=("7",))),
     dict(household=replace(H, other_causes=("9",)))),
    ("too_many_other_causes", "error", dict(household=replace(H, other_causes=("4", "5", "9"))),
     dict(household=replace(H, other_causes=("4", "5")))),
    ("other_cause_repeated", "error", dict(household=replace(H, other_causes=("4", "4"))),
     dict(household=replace(H, other_causes=("4",)))),
    ("dibao_household_no_member", "warning", dict(household=replace(H, attribute="2")),
     dict(household=replace(H, attribute="2"), members=change(MEMBERS, "m-spouse", dibao=True))),
    ("tekun_household_no_member", "warning", dict(household=replace(H, attribute="3")),
     dict(household=replace(H, attribute="3"), members=change(MEMBERS, "m-spouse", tekun=True))),
    ("labour_none_working_age", "warning", dict(members=change(MEMBERS, "m-spouse", labour="04")),
     dict(members=change(MEMBERS, "m-spouse", labour="04", health="03"))),
    ("work_months_out_of_range", "error", dict(members=change(MEMBERS, "m-head", work_months=13)),
     dict(members=change(MEMBERS, "m-head", work_months=12))),
    ("work_months_without_place", "warning", dict(members=change(MEMBERS, "m-head", work_status="")), {}),
    ("work_place_without_months", "warning", dict(members=change(MEMBERS, "m-head", work_months=0)), {}),
    ("wage_income_nobody_working", "warning",
     dict(members=change(MEMBERS, "m-head", work_status="", work_months=0), summary=book(entry(OCT, "12", 900))),
     dict(summary=book(entry(OCT, "12", 900)))),
    ("production_income_without_expense", "warning", dict(summary=book(entry(OCT, "22", 3000))),
     dict(summary=book(entry(OCT, "22", 3000), entry(OCT, "53", 500)))),
    ("per_capita_not_positive", "warning", dict(summary=book(entry(OCT, "11", 100), entry(OCT, "51", 200))),
     dict(summary=book(entry(OCT, "11", 300), entry(OCT, "51", 200)))),
    ("per_capita_too_high", "warning", dict(summary=book(entry(OCT, "11", 300_003))),
     dict(summary=book(entry(OCT, "11", 300_000)))),
    ("no_head", "error", dict(members=change(MEMBERS, "m-head", relation="99")), {}),
    ("two_heads", "error", dict(members=change(MEMBERS, "m-spouse", relation="01")), {}),
    ("head_spouse_same_sex", "warning",
     dict(members=change(MEMBERS, "m-spouse", id_number=id_number(D(1982, 7, 12), True), sex="1")), {}),
    ("relation_contradicts_sex", "warning",
     dict(members=change(MEMBERS, "m-son", id_number=id_number(D(2013, 9, 1), False), sex="2")),
     dict(members=change(MEMBERS, "m-son", id_number=id_number(D(2013, 9, 1), False), sex="2",
                         relation="04"))),
    ("child_in_high_school", "warning", dict(members=change(MEMBERS, "m-son", schooling="07")),
     dict(members=change(MEMBERS, "m-son", schooling="06"))),
    ("adult_in_primary_school", "warning", dict(members=change(MEMBERS, "m-spouse", schooling="03")),
     dict(members=change(MEMBERS, "m-spouse", schooling="13"))),
    ("farmland_per_capita_too_high", "warning", dict(household=replace(H, farmland_mu=150.5)),
     dict(household=replace(H, farmland_mu=150.0))),
    ("no_helper", "warning", dict(has_current_helper=False), {}),
    ("id_number_duplicate", "error",
     dict(members=change(MEMBERS, "m-son", id_number=MEMBERS[0].id_number)), {}),
    ("id_number_in_other_household", "error",
     dict(member_id_numbers_elsewhere=frozenset({" " + MEMBERS[1].id_number + "12"})),
     dict(member_id_numbers_elsewhere=frozenset({id_number(D(1990, 1, 1), True)}))),
    ("required_member_ethnicity", "error", dict(members=change(MEMBERS, "m-head", ethnicity="")), {}),
    ("required_member_education", "error", dict(members=change(MEMBERS, "m-head", education="")),
     dict(members=change(MEMBERS, "m-son", education=""))),
    ("required_member_schooling", "error", dict(members=change(MEMBERS, "m-son", schooling="")),
     dict(members=change(MEMBERS, "m-son", schooling="", birth_date=D(2021, 1, 1),
                         id_number=id_number(D(2021, 1, 1), True)))),
    ("required_member_health", "error", dict(members=change(MEMBERS, "m-spouse", health="")), {}),
    ("required_member_labour", "error", dict(members=change(MEMBERS, "m-spouse", labour="")),
     dict(members=change(MEMBERS, "m-son", labour=""))),
    ("required_household_main_cause", "error", dict(household=replace(H, main_cause="")), {}),
    ("required_household_house_area", "error", dict(household=replace(H, house_area=None)),
     dict(household=replace(H, house_area=0.0))),
    ("required_household_water_safe", "error", dict(household=replace(H, water_safe=None)),
     dict(household=replace(H, water_safe=False))),
    ("required_household_fuel", "error", dict(household=replace(H, fuel="")), {}),
    ("required_household_sanitary_toilet", "error", dict(household=replace(H, sanitary_toilet=None)),
     dict(household=replace(H, sanitary_toilet=False))),
    ("risk_type_unknown", "error", dict(household=replace(H, monitor_type="1", risk_types=("1", "77"))),
     dict(household=replace(H, monitor_type="1", risk_types=("1", "7")))),
    ("risk_types_too_many", "error",
     dict(household=replace(H, monitor_type="1", risk_types=("1", "2", "3", "4", "5", "7"))),
     dict(household=replace(H, monitor_type="1", risk_types=("1", "2", "3", "4", "5")))),
    ("monitor_type_missing", "error", dict(household=replace(H, risk_types=("1",))),
     dict(household=replace(H, risk_types=("1",), monitor_type="2"))),
    ("risk_types_missing", "warning", dict(household=replace(H, monitor_type="3")),
     dict(household=replace(H, monitor_type="3", risk_types=("2",)))),
    ("risk_cleared_in_future", "error",
     dict(household=replace(H, monitor_type="1", risk_types=("7",), risk_cleared_on=D(2026, 3, 16))),
     dict(household=replace(H, monitor_type="1", risk_types=("7",), risk_cleared_on=D(2026, 3, 15)))),
    ("colour_unknown", "error", dict(household=replace(H, colour_override="purple", colour_override_reason="试")),
     dict(household=replace(H, colour_override="yellow", colour_override_reason="试"))),
    ("colour_override_reason_missing", "error", dict(household=replace(H, colour_override="blue")),
     dict(household=replace(H, colour_override="blue", colour_override_reason="已享受兜底保障"))),
]  # fmt: skip


def test_the_valid_family_has_no_problem():
    _, members = make_family()
    assert run(summary=summarise(good_book(), members, SETTINGS, 2026)) == []


@pytest.mark.parametrize(("code", "level", "broken", "corrected"), CASES, ids=[c[0] for c in CASES])
def test_rule_triggers_and_correction_clears_it(code, level, broken, corrected):
    found = run(**broken)
    assert code in codes_of(found)
    assert level_of(found, code) == level
    assert code not in codes_of(run(**corrected))


def test_invalid_id_number_gives_the_reason_and_names_the_member():
    found = run(members=change(MEMBERS, "m-head", id_number="130402198207290622"))
    problem = next(p for p in found if p.code == "id_number_invalid")
    assert problem.message.startswith("张三：")
    assert "校验码" in problem.message and problem.member_id == "m-head"
    assert problem.field == "member.id_number"


def test_work_months_below_zero_is_an_error():
    found = run(members=change(MEMBERS, "m-head", work_months=-1))
    assert level_of(found, "work_months_out_of_range") == "error"


def test_relation_sex_from_the_sex_field_when_there_is_no_id_number():
    found = run(members=change(MEMBERS, "m-son", id_number="", sex="2"))
    assert "relation_contradicts_sex" in codes_of(found)


def test_members_who_left_take_no_part():
    _, members = make_family()
    gone = make_member("张老汉", D(1950, 1, 1), True, relation="01", change_type="01", labour="")
    deleted = replace(members[1], id="m-x", relation="01", deleted=True)
    assert run(members=[*members, gone, deleted]) == []


def test_2014_attribute_low_income_household():
    household = replace(H, attribute="4")  # 2014: 低保贫困户
    assert "dibao_household_no_member" in codes_of(run(household, today=D(2015, 3, 1)))


def test_field_names_use_record_attributes():
    found = run(household=replace(H, fuel=""), members=change(MEMBERS, "m-spouse", health=""))
    fields = {p.field for p in found}
    assert {"household.fuel", "member.health"} <= fields


def test_error_and_warning_filters():
    found = run(household=replace(H, fuel="", main_cause="1"))
    assert [p.code for p in errors(found)] == ["required_household_fuel"]
    assert [p.code for p in warnings(found)] == ["cause_illness_all_healthy"]
    assert has_errors(found) and not has_errors(warnings(found))


def test_check_member_alone():
    head = MEMBERS[0]
    assert check_member(head, H, TODAY) == []
    assert codes_of(check_member(replace(head, sex="2"), H, TODAY)) == {"sex_contradicts_id"}


def test_duplicate_id_numbers_names_both_members():
    twin = replace(MEMBERS[2], id="m-twin", name="张小亮")
    found = duplicate_id_numbers([*MEMBERS, twin])
    assert [p.code for p in found] == ["id_number_duplicate"]
    assert "张小亮" in found[0].message and "张小明" in found[0].message


def test_helper_who_is_a_poor_member():
    helper = Helper(id="p1", name="赵干部", id_number=MEMBERS[0].id_number)
    found = check_helper(helper, frozenset({MEMBERS[0].id_number}))
    assert [p.code for p in found] == ["helper_is_poor_member"]
    assert found[0].message.startswith("赵干部：")
    assert check_helper(helper, frozenset({MEMBERS[1].id_number})) == []
    assert check_helper(replace(helper, id_number=""), frozenset({""})) == []


# --- properties -----------------------------------------------------------------------------------------


def _code_or_text(table):
    return st.one_of(st.sampled_from(table.codes()), st.text(max_size=6))


_dates = st.one_of(st.none(), st.dates(min_value=D(1900, 1, 1), max_value=D(2030, 12, 31)))
_id_numbers = st.one_of(
    st.text(max_size=22),
    st.builds(lambda d, male, seq: id_number(d, male, seq), st.dates(D(1920, 1, 1), D(2025, 1, 1)),
              st.booleans(), st.integers(0, 999)),
)  # fmt: skip

members_strategy = st.builds(
    Member,
    id=st.text(max_size=4),
    household_id=st.just("h1"),
    name=st.text(max_size=6),
    id_number=_id_numbers,
    relation=_code_or_text(codes.RELATION),
    sex=_code_or_text(codes.SEX),
    birth_date=_dates,
    ethnicity=_code_or_text(codes.ETHNICITY),
    education=_code_or_text(codes.EDUCATION),
    schooling=_code_or_text(codes.SCHOOLING),
    health=_code_or_text(codes.HEALTH),
    disability_category=_code_or_text(codes.DISABILITY_CATEGORY),
    labour=_code_or_text(codes.LABOUR),
    work_status=_code_or_text(codes.WORK_STATUS),
    work_months=st.integers(-100, 100),
    dibao=st.booleans(),
    tekun=st.booleans(),
    change_type=_code_or_text(codes.MEMBER_CHANGE),
    deleted=st.booleans(),
)

household_strategy = st.builds(
    Household,
    id=st.just("h1"),
    village_id=st.just("v1"),
    attribute=_code_or_text(codes.HOUSEHOLD_ATTRIBUTE_2014),
    main_cause=_code_or_text(codes.POVERTY_CAUSE),
    other_causes=st.lists(_code_or_text(codes.POVERTY_CAUSE), max_size=4).map(tuple),
    farmland_mu=st.floats(allow_nan=True, allow_infinity=True),
    house_area=st.one_of(st.none(), st.floats(0, 1000)),
    water_safe=st.one_of(st.none(), st.booleans()),
    fuel=_code_or_text(codes.FUEL),
    sanitary_toilet=st.one_of(st.none(), st.booleans()),
    monitor_type=_code_or_text(codes.MONITOR_TYPE),
    risk_types=st.lists(_code_or_text(codes.RISK_TYPE), max_size=7).map(tuple),
    risk_cleared_on=_dates,
    colour_override=st.one_of(st.sampled_from(["", "red", "blue", "green", "yellow"]), st.text(max_size=6)),
    colour_override_reason=st.text(max_size=6),
)

_categories = st.sampled_from(codes.LEDGER_CATEGORY.codes())
_entries = st.lists(
    st.builds(lambda d, c, a: entry(d, c, a / 100), st.dates(D(2025, 10, 1), D(2026, 9, 30)), _categories,
              st.integers(-10**9, 10**9)),
    max_size=6,
)  # fmt: skip


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    household=household_strategy,
    members=st.lists(members_strategy, max_size=6),
    today=st.dates(D(2000, 1, 1), D(2030, 12, 31)),
    entries=st.one_of(st.none(), _entries),
    has_helper=st.booleans(),
    elsewhere=st.frozensets(_id_numbers, max_size=3),
)
def test_check_household_never_raises_and_problems_are_well_formed(
    household, members, today, entries, has_helper, elsewhere
):
    summary = None if entries is None else summarise(entries, members, SETTINGS, 2026)
    found = check_household(
        household,
        members,
        today=today,
        settings=SETTINGS,
        summary=summary,
        has_current_helper=has_helper,
        member_id_numbers_elsewhere=elsewhere,
    )
    for problem in found:
        assert problem.level in {"error", "warning"}
        assert problem.message.strip() and _has_chinese(problem.message)
        assert problem.code and problem.field


@given(helper_number=_id_numbers, poor=st.frozensets(_id_numbers, max_size=3))
def test_check_helper_never_raises(helper_number, poor):
    for problem in check_helper(Helper(id="p", name="某", id_number=helper_number), poor):
        assert problem.level == "warning" and _has_chinese(problem.message)
