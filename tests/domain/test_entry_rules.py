"""防返贫监测 and the manual colour are rules of the 问题数据 rule set: ``check_household`` reports them.

So the editor's live problems, saving, ``fupin check``, the problem counts on the lists and the spreadsheet
import see them alike (they were once entry checks of the households service only).
"""

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fupin_desktop.domain import codes
from fupin_desktop.domain.rules import RISK_TYPES_MAX, check_household
from tests.domain.factories import SETTINGS, TODAY, make_family

H, MEMBERS = make_family()

# every field these rules speak of, and the Chinese words a message about it must contain
FIELD_WORDS = {
    "household.risk_types": "风险类型",
    "household.monitor_type": "监测对象类型",
    "household.risk_cleared_on": "风险消除日期",
    "household.colour_override": "颜色",
    "household.colour_override_reason": "原因",
}
ENTRY_CODES = frozenset({
    "risk_type_unknown", "risk_types_too_many", "monitor_type_missing", "risk_types_missing",
    "risk_cleared_in_future", "colour_unknown", "colour_override_reason_missing",
})  # fmt: skip


def _found(household, today=TODAY):
    return check_household(household, MEMBERS, today=today, settings=SETTINGS)


def _codes(problems):
    return sorted((p.field, p.code, p.level) for p in problems)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"risk_types": ("1",)}, [("household.monitor_type", "monitor_type_missing", "error")]),
        ({"monitor_type": "1"}, [("household.risk_types", "risk_types_missing", "warning")]),
        ({"monitor_type": "1", "risk_types": ("1", "2", "3", "4", "5", "6")},
         [("household.risk_types", "risk_types_too_many", "error")]),
        ({"monitor_type": "2", "risk_types": ("1", "2", "3", "4", "5")}, []),
        ({"monitor_type": "2", "risk_types": ("1", "1", "2", "3", "4", "5")}, []),  # five different ones
        ({"monitor_type": "2", "risk_types": ("1", "77")}, [("household.risk_types", "risk_type_unknown", "error")]),
        ({"monitor_type": "1", "risk_types": ("7",), "risk_cleared_on": TODAY + dt.timedelta(days=1)},
         [("household.risk_cleared_on", "risk_cleared_in_future", "error")]),
        ({"monitor_type": "1", "risk_types": ("7",), "risk_cleared_on": TODAY}, []),
        ({"colour_override": "blue"},
         [("household.colour_override_reason", "colour_override_reason_missing", "error")]),
        ({"colour_override": "blue", "colour_override_reason": "已享受兜底保障"}, []),
        ({"colour_override": "", "colour_override_reason": ""}, []),
        ({"colour_override": "purple", "colour_override_reason": "试试"},
         [("household.colour_override", "colour_unknown", "error")]),
    ],
)  # fmt: skip
def test_the_rule_set_checks_monitoring_and_the_manual_colour(changes, expected):
    # the family passes every other rule, so these are all the problems there are
    assert _codes(_found(replace(H, **changes))) == sorted(expected)


def test_messages_are_the_ones_saving_has_always_refused_with():
    messages = {p.code: p.message for p in _found(replace(H, risk_types=("1", "2", "3", "4", "5", "7", "66")))}
    assert messages["risk_type_unknown"] == "未知的风险类型：66"
    assert messages["risk_types_too_many"] == f"风险类型最多选{RISK_TYPES_MAX}项（现在选了7项）"
    assert messages["monitor_type_missing"] == "选了风险类型，请先选择监测对象类型"
    cleared = replace(H, monitor_type="1", risk_types=("7",), risk_cleared_on=TODAY + dt.timedelta(days=3))
    assert [p.message for p in _found(cleared)] == ["风险消除日期不能晚于今天"]
    assert [p.message for p in _found(replace(H, colour_override="red"))] == ["手动指定颜色时必须填写原因"]


def test_problems_are_reported_once():
    found = _found(replace(H, monitor_type="1", colour_override="green"))
    assert len(found) == len({(p.code, p.field, p.member_id) for p in found}) == 2


# --- properties: no crash, every refusal names its field in Chinese --------------------------------------

_text = st.text(max_size=6)
_entry_households = st.builds(
    replace,
    st.just(H),
    monitor_type=st.one_of(st.sampled_from(["", *codes.MONITOR_TYPE.codes()]), _text),
    risk_types=st.lists(st.one_of(st.sampled_from(codes.RISK_TYPE.codes()), _text), max_size=8).map(tuple),
    risk_cleared_on=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31))),
    colour_override=st.one_of(st.sampled_from(["", "red", "blue", "green", "yellow"]), _text),
    colour_override_reason=_text,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(household=_entry_households, today=st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)))
def test_any_monitoring_or_colour_input_is_judged_and_every_refusal_names_the_field(household, today):
    found = [p for p in _found(household, today) if p.code in ENTRY_CODES]
    for problem in found:
        assert problem.level in {"error", "warning"}
        assert FIELD_WORDS[problem.field] in problem.message
    codes_found = {p.code for p in found}
    risks = set(household.risk_types)
    # what is refused follows the input, and nothing else is
    assert ("risk_types_too_many" in codes_found) == (len(risks) > RISK_TYPES_MAX)
    assert ("risk_type_unknown" in codes_found) == any(code not in codes.RISK_TYPE for code in risks)
    assert ("monitor_type_missing" in codes_found) == (bool(risks) and not household.monitor_type)
    cleared = household.risk_cleared_on
    assert ("risk_cleared_in_future" in codes_found) == (cleared is not None and cleared > today)
    manual = household.colour_override
    assert ("colour_override_reason_missing" in codes_found) == bool(
        manual and not household.colour_override_reason.strip())
