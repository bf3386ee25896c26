"""三色销号管理: the colour of a household on every list, the dashboard and printed rosters (DOMAIN.md §3.3).

The colour follows the 脱贫状态 through ``Settings.colour_mapping`` (configurable; the shipped default is the
brief's 红 = 落实帮扶措施中, 绿 = 等待政策衔接/兜底保障, 蓝 = 成功脱贫). A cadre may override the colour of one
household, always with a reason; the override wins while it is set.
"""

from fupin_desktop.domain.problems import ERROR, Problem
from fupin_desktop.domain.records import Household, Settings

DEFAULT_COLOUR = "red"

# Mapping key for households under the safety net (兜底保障): 低保/五保/特困 households not yet exited.
SAFETY_NET = "safety_net"
SAFETY_NET_ATTRIBUTES = frozenset({"2", "3", "4"})  # 2014: 低保户 五保户 低保贫困户; 2017: 低保贫困户 特困供养贫困户
NOT_EXITED = frozenset({"0", "3", ""})

COLOUR_HEX = {
    "red": "#d9363e",
    "blue": "#2f6fde",
    "green": "#2e9d57",
    "yellow": "#e0a800",
}

COLOUR_NAMES = {"red": "红", "blue": "蓝", "green": "绿", "yellow": "黄"}


def colour_of(household: Household, settings: Settings) -> str:
    """The override when one is set; a safety-net household not yet exited takes the ``safety_net`` colour
    when the mapping has one; else the mapped colour of the 脱贫状态, else red."""
    if household.colour_override:
        return household.colour_override
    mapping = settings.colour_mapping
    if (SAFETY_NET in mapping and household.exit_status in NOT_EXITED
            and household.attribute in SAFETY_NET_ATTRIBUTES):
        return mapping[SAFETY_NET]
    return settings.colour_mapping.get(household.exit_status, DEFAULT_COLOUR) or DEFAULT_COLOUR


def colour_hex(colour: str) -> str:
    """The display colour; an unknown name falls back to red so a list never shows an empty swatch."""
    return COLOUR_HEX.get(colour, COLOUR_HEX[DEFAULT_COLOUR])


def validate_override(colour: str, reason: str) -> list[Problem]:
    """Problems with setting ``colour`` as the override; an empty colour clears the override and is always allowed."""
    problems: list[Problem] = []
    if not colour:
        return problems
    if colour not in COLOUR_HEX:
        known = "、".join(f"{COLOUR_NAMES[c]}（{c}）" for c in COLOUR_HEX)
        problems.append(
            Problem(
                ERROR, "household.colour_override", "colour_unknown", f"未知的颜色“{colour}”，可选：{known}"
            )
        )
    if not reason.strip():
        problems.append(
            Problem(
                ERROR,
                "household.colour_override_reason",
                "colour_override_reason_missing",
                "手动指定颜色时必须填写原因",
            )
        )
    return problems
