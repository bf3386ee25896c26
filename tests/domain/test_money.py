from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fupin_desktop.domain.money import (
    MAX_FEN,
    MoneyError,
    decimal_to_fen,
    fen_to_decimal,
    parse_yuan,
    yuan_str,
)


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("12", 1200),
        ("12.3", 1230),
        ("12.34", 1234),
        ("0.05", 5),
        ("1,234.50", 123450),
        ("1,234,567", 123456700),
        ("￥12", 1200),
        ("¥ 12.5", 1250),
        ("１２．３４", 1234),
        ("１，２３４", 123400),
        ("12元", 1200),
        (" 12 ", 1200),
        (".5", 50),
        ("12.", 1200),
        ("-3.5", -350),
        ("￥-3.5", -350),
        ("-0", 0),
        ("RMB 100", 10000),
    ],
)
def test_parse_yuan(text, fen):
    assert parse_yuan(text) == fen


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "请填写金额"),
        ("   ", "请填写金额"),
        ("￥", "请填写金额"),
        ("12.345", "金额最多两位小数（到分）：12.345"),
        ("12a", "金额只能包含数字和小数点，不能有“a”"),
        ("1e5", "金额只能包含数字和小数点，不能有“e”"),
        ("12,34", "千位分隔符位置不对：12,34"),
        ("1,2345", "千位分隔符位置不对：1,2345"),
        ("1.2.3", "金额只能有一个小数点：1.2.3"),
        (".", "不是金额：."),
        ("1.234,5", "小数点后不能有逗号：1.234,5"),
        ("99999999999999", "金额过大：99999999999999"),
    ],
)
def test_parse_yuan_refusals(text, reason):
    with pytest.raises(MoneyError) as caught:
        parse_yuan(text)
    assert str(caught.value) == reason
    assert caught.value.reason == reason
    assert isinstance(caught.value, ValueError)


def test_negative_can_be_refused():
    with pytest.raises(MoneyError, match="负数"):
        parse_yuan("-1", allow_negative=False)
    assert parse_yuan("1", allow_negative=False) == 100


def test_fen_to_decimal_and_yuan_str():
    assert fen_to_decimal(123450) == Decimal("1234.50")
    assert str(fen_to_decimal(123450)) == "1234.50"
    assert str(fen_to_decimal(0)) == "0.00"
    assert str(fen_to_decimal(-5)) == "-0.05"
    assert yuan_str(123450) == "1234.50"
    assert yuan_str(5) == "0.05"
    assert yuan_str(0) == "0.00"
    assert yuan_str(-123456789) == "-1234567.89"


def test_decimal_to_fen():
    assert decimal_to_fen(Decimal("12.30")) == 1230
    assert decimal_to_fen(7) == 700
    assert decimal_to_fen("0.1") == 10
    for bad in ("0.001", "abc", "NaN", "Infinity"):
        with pytest.raises(MoneyError):
            decimal_to_fen(bad)


amounts = st.integers(min_value=-MAX_FEN, max_value=MAX_FEN)


@given(amounts)
def test_yuan_str_round_trips(fen):
    assert parse_yuan(yuan_str(fen)) == fen
    assert decimal_to_fen(fen_to_decimal(fen)) == fen
    assert Decimal(yuan_str(fen)) == fen_to_decimal(fen)


@given(st.integers(min_value=0, max_value=MAX_FEN))
def test_grouped_text_round_trips(fen):
    whole, cents = divmod(fen, 100)
    assert parse_yuan(f"￥{whole:,}.{cents:02d}") == fen


@given(st.text(max_size=30))
def test_arbitrary_text_only_raises_money_error(text):
    try:
        fen = parse_yuan(text)
    except MoneyError as error:
        assert str(error)
    else:
        assert isinstance(fen, int) and abs(fen) <= MAX_FEN
