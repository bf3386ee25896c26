from dataclasses import replace

import pytest

from fupin_desktop.domain import codes
from fupin_desktop.domain.colours import COLOUR_HEX, colour_hex, colour_of, validate_override
from fupin_desktop.domain.records import Settings
from tests.domain.factories import SETTINGS, make_household


@pytest.mark.parametrize(("status", "colour"), [("0", "red"), ("3", "red"), ("1", "blue"), ("4", "blue")])
def test_default_mapping(status, colour):
    assert colour_of(make_household(exit_status=status), SETTINGS) == colour


@pytest.mark.parametrize(("attribute", "status", "colour"), [
    ("2", "0", "green"), ("3", "3", "green"), ("2", "1", "blue"), ("1", "0", "red")])
def test_safety_net_households_awaiting_hand_over_are_green(attribute, status, colour):
    household = make_household(attribute=attribute, exit_status=status)
    assert colour_of(household, SETTINGS) == colour
    without = Settings(colour_mapping={"0": "red", "3": "red", "1": "blue", "4": "blue"})
    assert colour_of(household, without) == ("blue" if status == "1" else "red")


def test_unknown_status_is_red():
    assert colour_of(make_household(exit_status="9"), SETTINGS) == "red"


def test_configured_mapping():
    national = Settings(colour_mapping={"0": "red", "1": "green", "4": "green", "3": "yellow"})
    assert colour_of(make_household(exit_status="3"), national) == "yellow"


def test_override_wins():
    household = make_household(
        exit_status="4", colour_override="yellow", colour_override_reason="等待低保衔接"
    )
    assert colour_of(household, SETTINGS) == "yellow"
    assert colour_of(replace(household, colour_override=""), SETTINGS) == "blue"


def test_hex_table():
    assert COLOUR_HEX == {"red": "#d9363e", "blue": "#2f6fde", "green": "#2e9d57", "yellow": "#e0a800"}
    assert set(COLOUR_HEX) == set(codes.COLOUR.codes())
    assert colour_hex("purple") == "#d9363e"


def test_validate_override():
    assert validate_override("green", "等待政策衔接") == []
    assert validate_override("", "") == []  # clearing the override
    found = validate_override("purple", " ")
    assert [p.code for p in found] == ["colour_unknown", "colour_override_reason_missing"]
    assert all(p.level == "error" and p.message for p in found)
    assert [p.field for p in validate_override("red", "")] == ["household.colour_override_reason"]
