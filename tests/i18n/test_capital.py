import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fupin_desktop.i18n.capital import MAX_FEN, capital_amount

# Every expected value hand-checked against the rules of 《支付结算办法》 (examples marked "bank" are its own).
CASES = [
    (123450, "壹仟贰佰叁拾肆元伍角整"),  # DOMAIN.md §4
    (5, "伍分"),
    (1, "壹分"),
    (10, "壹角整"),
    (55, "伍角伍分"),
    (0, "零元整"),
    (100, "壹元整"),
    (1000, "壹拾元整"),
    (1001, "壹拾元零壹分"),
    (1010, "壹拾元零壹角整"),
    (1500, "壹拾伍元整"),
    (101010, "壹仟零壹拾元零壹角整"),
    (10000400, "壹拾万零肆元整"),
    (100000010, "壹佰万元零壹角整"),
    (6003600, "陆万零叁拾陆元整"),
    (10000000000, "壹亿元整"),
    (140950, "壹仟肆佰零玖元伍角整"),  # bank: 壹仟肆佰零玖元伍角 (整 after 角 is optional)
    (600714, "陆仟零柒元壹角肆分"),  # bank
    (168032, "壹仟陆佰捌拾元零叁角贰分"),  # bank
    (10700053, "壹拾万柒仟元零伍角叁分"),  # bank (first of its two allowed forms)
    (1640902, "壹万陆仟肆佰零玖元零贰分"),  # bank
    (32504, "叁佰贰拾伍元零肆分"),  # bank
    (10000100, "壹拾万零壹元整"),
    (10010000, "壹拾万零壹佰元整"),
    (100000100, "壹佰万零壹元整"),
    (10000000100, "壹亿零壹元整"),
    (10001000000, "壹亿零壹万元整"),
    (10100000000, "壹亿零壹佰万元整"),
    (11000000000, "壹亿壹仟万元整"),
    (12345678901, "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元零壹分"),
    (100000000000000, "壹万亿元整"),
    (-123450, "负壹仟贰佰叁拾肆元伍角整"),
    (-5, "负伍分"),
]


@pytest.mark.parametrize(("fen", "expected"), CASES)
def test_hand_checked(fen, expected):
    assert capital_amount(fen) == expected


def test_refuses_non_integers_and_huge_amounts():
    with pytest.raises(TypeError):
        capital_amount(12.5)
    with pytest.raises(TypeError):
        capital_amount(True)
    with pytest.raises(ValueError):
        capital_amount(MAX_FEN + 1)


ALLOWED = set("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整负")


@given(st.integers(min_value=-MAX_FEN, max_value=MAX_FEN))
def test_shape(fen):
    text = capital_amount(fen)
    assert set(text) <= ALLOWED
    assert "零零" not in text
    body = text.removeprefix("负")
    assert "负" not in body
    if fen == 0:
        assert text == "零元整"
        return
    assert not body.startswith("零")
    assert not re.search("零[元万亿角整拾佰仟]", body)
    assert body.endswith("分") != body.endswith("整")
    if abs(fen) % 10:
        assert body.endswith("分")
    else:
        assert body.endswith("整")
    if abs(fen) >= 100:
        assert "元" in body
    else:
        assert "元" not in body


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_read_back(fen):
    """Reading the capital digits back (ignoring 零) gives the non-zero digits of the amount in order."""
    digits = "壹贰叁肆伍陆柒捌玖"
    text = capital_amount(fen)
    read = "".join(str(digits.index(ch) + 1) for ch in text if ch in digits)
    assert read == str(fen).replace("0", "")
