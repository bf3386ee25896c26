import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fupin_desktop.domain.idnumber import (
    IdNumberError,
    check_character,
    is_valid_id_number,
    make_id_number,
    mask_id_number,
    normalise_id_number,
    parse_id_number,
)

TODAY = datetime.date(2026, 11, 23)


@pytest.mark.parametrize("number", ["11010519491231002X", "440524188001010014", "120223198902021249"])
def test_published_valid_numbers(number):
    assert is_valid_id_number(number)
    assert parse_id_number(number, today=TODAY).number == number


def test_published_invalid_number():
    with pytest.raises(IdNumberError) as caught:
        parse_id_number("130402198207290622", today=TODAY)
    assert caught.value.reason == "校验码错误：最后一位应为4"
    assert str(caught.value) == caught.value.reason
    assert isinstance(caught.value, ValueError)
    assert is_valid_id_number("130402198207290624")


def test_check_character():
    assert check_character("11010519491231002") == "X"
    assert check_character("44052418800101001") == "4"
    with pytest.raises(ValueError):
        check_character("123")


def test_what_the_number_says():
    info = parse_id_number("11010519491231002X", today=TODAY)
    assert info.region == "110105"
    assert info.birth_date == datetime.date(1949, 12, 31)
    assert info.sex == "2"
    assert not info.upgraded_from_15
    assert info.disability_category is None and info.disability_grade is None and info.certificate is None
    assert parse_id_number("440524188001010014", today=TODAY).sex == "1"


def test_lower_case_x_spaces_and_full_width():
    assert normalise_id_number("11010519491231002x") == "11010519491231002X"
    assert normalise_id_number(" 110105 19491231 002x ") == "11010519491231002X"
    assert normalise_id_number("１１０１０５１９４９１２３１００２ｘ") == "11010519491231002X"


def test_fifteen_digit_upgrade():
    info = parse_id_number("110105491231002", today=TODAY)
    assert info.number == "11010519491231002X"
    assert info.upgraded_from_15
    assert info.birth_date == datetime.date(1949, 12, 31)


def test_twenty_digit_disability_certificate():
    info = parse_id_number("11010519491231002X43", today=TODAY)
    assert info.number == "11010519491231002X"
    assert info.disability_category == "4"
    assert info.disability_grade == "3"
    assert info.certificate == "11010519491231002X43"
    assert parse_id_number("11010519491231002x43", today=TODAY).certificate == "11010519491231002X43"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "身份证号码不能为空"),
        ("   ", "身份证号码不能为空"),
        (None, "身份证号码不能为空"),
        ("11010519491231002", "身份证号码应为18位，现在是17位"),
        ("11010519491231002X1", "身份证号码应为18位，现在是19位"),
        ("11010519490231002X", "第7-14位出生日期不存在：19490231"),
        ("11010520991231002X", "出生日期晚于今天"),
        ("130402198207290622", "校验码错误：最后一位应为4"),
        ("11010519491231002？", "含有非法字符“？”"),
        ("1101051949123100a2", "含有非法字符“a”"),
        ("110105490231002", "15位旧号码的出生日期不存在"),
        ("11010549123100X", "15位旧号码只能由数字组成"),
        ("1101051949X231002X", "第11位不能是X，只有最后一位校验码可以是X"),
        ("00010519491231002X", "第1-2位省份代码不存在：00"),
        ("11010517491231002X", "第7-14位出生日期不合理：17491231"),
        ("11010519491231002X83", "残疾人证号第19位残疾类别应为1-7，现在是“8”"),
        ("11010519491231002X45", "残疾人证号第20位残疾等级应为1-4，现在是“5”"),
        ("13040219820729062243", "校验码错误：最后一位应为4"),
    ],
)
def test_every_reason(text, reason):
    with pytest.raises(IdNumberError) as caught:
        parse_id_number(text, today=TODAY)
    assert caught.value.reason == reason
    assert str(caught.value) == reason


def test_born_today_is_fine():
    number = make_id_number("110105", TODAY, 1)
    assert parse_id_number(number, today=TODAY).birth_date == TODAY
    with pytest.raises(IdNumberError):
        parse_id_number(number, today=TODAY - datetime.timedelta(days=1))


def test_mask():
    assert mask_id_number("11010519491231002X") == "1101**********002X"
    assert mask_id_number("11010519491231002X43") == "1101" + "*" * 12 + "2X43"
    assert mask_id_number("") == ""
    assert mask_id_number(None) == ""
    assert mask_id_number("1234") == "****"


def test_make_id_number_refuses_bad_input():
    with pytest.raises(ValueError):
        make_id_number("11010", TODAY, 1)
    with pytest.raises(ValueError):
        make_id_number("110105", TODAY, 1000)


regions = st.sampled_from(["110105", "440524", "120223", "610702", "522701", "652101", "130402"])
births = st.dates(min_value=datetime.date(1900, 1, 1), max_value=TODAY)
sequences = st.integers(min_value=0, max_value=999)


@given(regions, births, sequences)
def test_made_numbers_are_valid(region, birth, sequence):
    number = make_id_number(region, birth, sequence)
    info = parse_id_number(number, today=TODAY)
    assert info.number == number
    assert info.region == region
    assert info.birth_date == birth
    assert info.sex == ("1" if sequence % 2 else "2")


@given(regions, births, sequences, st.integers(min_value=0, max_value=17), st.sampled_from("0123456789X?a -"))
def test_single_character_change_is_caught(region, birth, sequence, position, replacement):
    number = make_id_number(region, birth, sequence)
    if number[position] == replacement:
        return
    changed = number[:position] + replacement + number[position + 1 :]
    try:
        parse_id_number(changed, today=TODAY)
    except IdNumberError as error:
        assert error.reason
    else:
        pytest.fail(f"{changed} (from {number}) was accepted")


@given(st.text())
def test_arbitrary_text_only_raises_id_number_error(text):
    try:
        info = parse_id_number(text, today=TODAY)
    except IdNumberError as error:
        assert error.reason and str(error) == error.reason
    else:
        assert len(info.number) == 18


@given(st.text(alphabet="0123456789Xx ", max_size=22))
def test_digit_soup_only_raises_id_number_error(text):
    assert is_valid_id_number(text) in (True, False)
