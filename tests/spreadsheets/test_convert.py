"""Reading single cells: ID numbers mangled by Excel, codes as labels or pinyin, dates, yes/no."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fupin_desktop.domain.idnumber import IdNumberError, parse_id_number
from fupin_desktop.spreadsheets.convert import (
    CodeReader,
    _quick_id,
    read_bool,
    read_date,
    read_digits,
    read_id,
    read_int,
    read_year,
)
from fupin_desktop.spreadsheets.fields import BY_KEY

TODAY = dt.date(2020, 6, 15)


def test_a_valid_id_as_text():
    info, issue = read_id(" 11010519491231002X ", TODAY)
    assert info.number == "11010519491231002X" and issue is None


def test_lower_case_x_is_upper_cased_and_said():
    info, issue = read_id("11010519491231002x", TODAY)
    assert info.number == "11010519491231002X"
    assert issue == ("info", "末位小写x已改为大写X")


def test_an_id_turned_into_a_float_is_unrecoverable():
    info, (level, message) = read_id(1.10105194912310e17, TODAY)
    assert info is None and level == "error"
    assert "1.10105E+17" in message and "无法恢复" in message


def test_an_id_as_scientific_text_is_unrecoverable():
    info, (level, message) = read_id("1.10105E+17", TODAY)
    assert info is None and level == "error" and "科学计数法" in message


def test_an_int_padded_with_zeros_by_excel_is_unrecoverable():
    assert read_id(110105194912310000, TODAY)[1][0] == "error"


def test_an_exact_int_written_by_a_program_is_read_as_text():
    info, (level, message) = read_id(440524188001010014, TODAY)
    assert info.number == "440524188001010014" and level == "info" and "数字形式" in message


def test_a_15_digit_number_cell_survives_and_is_upgraded():
    info, (level, message) = read_id(610702530101001, TODAY)
    assert info.number == "610702195301010016" and info.upgraded_from_15
    assert level == "info" and "15位旧号码已升级为18位：610702195301010016" in message


def test_a_bad_id_gives_the_parsers_reason():
    info, (level, message) = read_id("130402198207290622", TODAY)
    assert info is None and level == "error" and message.endswith("校验码错误：最后一位应为4")
    assert read_id("1234", TODAY)[1][1].endswith("身份证号码应为18位，现在是4位")


ID_TEXT = st.one_of(
    st.text(alphabet="0123456789Xx", min_size=17, max_size=19),
    st.builds(lambda p, d, s: f"{p}0102{d}{s}", st.sampled_from(["11", "44", "61", "99"]),
              st.dates(dt.date(1790, 1, 1), dt.date(2030, 12, 31)).map(lambda d: d.strftime("%Y%m%d")),
              st.text(alphabet="0123456789X", min_size=4, max_size=4)),
)


@settings(max_examples=400, deadline=None)
@given(ID_TEXT)
def test_the_quick_path_agrees_with_the_parser(text):
    quick = _quick_id(text, TODAY)
    try:
        parsed = parse_id_number(text, today=TODAY)
    except IdNumberError:
        assert quick is None
        return
    if quick is not None:
        assert quick == parsed


@settings(max_examples=300, deadline=None)
@given(ID_TEXT, st.sampled_from(["", " ", "'", "‘"]))
def test_reading_an_id_says_what_the_parser_says(text, decoration):
    """The cell reader tries the quick path first: the answer is the parser's, with a note only for an x."""
    info, issue = read_id(decoration + text + (" " if decoration == " " else ""), TODAY)  # 'text marker
    try:
        parsed = parse_id_number(text, today=TODAY)
    except IdNumberError as exc:
        assert info is None and issue[0] == "error" and exc.reason in issue[1]
        return
    assert info == parsed
    assert (issue is None) == (not text.endswith("x") and not parsed.upgraded_from_15)


def test_digits_stay_text():
    assert read_digits(13800000000, "联系电话") == ("13800000000", None)
    assert read_digits(13800000000.0, "联系电话") == ("13800000000", None)
    assert read_digits(" 6217 0000 1234 ", "银行账号") == ("621700001234", None)
    value, (level, message) = read_digits(6.21799e18, "银行账号")
    assert value is None and level == "warning" and "后几位已丢失" in message


@pytest.mark.parametrize("key, text, code", [
    ("member.education", "小学", "02"), ("member.education", "2", "02"), ("member.education", 2, "02"),
    ("member.education", "xx", "02"), ("member.relation", "户主", "01"), ("member.relation", "子", "03"),
    ("member.relation", "之女", "04"), ("member.ethnicity", "汉", "01"), ("member.ethnicity", "苗族", "06"),
    ("member.work_status", "省外务工", "04"), ("member.work_status", "乡（镇）外县内务工", "02"),
    ("member.work_status", "无", ""), ("household.attribute", "低保户", "2"), ("household.attribute", "五保户", "3"),
    ("household.main_cause", "因病", "1"), ("household.main_cause", "10", "10"), ("member.sex", "男", "1"),
    ("member.health", "长期慢性病", "02"), ("member.schooling", "非在校生", "01"), ("member.labour", "ptldl", "01"),
])
def test_codes_from_labels_codes_and_pinyin(key, text, code):
    assert CodeReader(BY_KEY[key]).read(text) == (code, None)


def test_an_unknown_label_is_left_out_with_a_warning():
    value, (level, message) = CodeReader(BY_KEY["member.education"]).read("研究生")
    assert value is None and level == "warning" and message == "“研究生”不是文化程度的代码或名称，该项未导入"


def test_several_codes_in_one_cell():
    reader = CodeReader(BY_KEY["household.other_causes"])
    assert reader.read_many("因学、缺技术") == (("3", "7"), None)
    codes, (level, message) = reader.read_many("因学,打麻将")
    assert codes == ("3",) and "打麻将" in message


@pytest.mark.parametrize("value, day", [
    (dt.datetime(2015, 3, 1, 0, 0), dt.date(2015, 3, 1)), ("2015-03-01", dt.date(2015, 3, 1)),
    ("2015/3/1", dt.date(2015, 3, 1)), ("2015年3月1日", dt.date(2015, 3, 1)), ("20150301", dt.date(2015, 3, 1)),
    (20150301, dt.date(2015, 3, 1)), (42064, dt.date(2015, 3, 1)), ("2015.03", dt.date(2015, 3, 1)),
])
def test_dates(value, day):
    assert read_date(value) == (day, None)


def test_bad_dates_numbers_and_years():
    assert read_date("去年")[1][0] == "warning"
    assert read_int("六", "务工时间")[1][0] == "warning"
    assert read_int("6个月", "务工时间") == (6, None)
    assert read_year("2019年", "计划脱贫年度") == (2019, None)
    assert read_year(2019.0, "计划脱贫年度") == (2019, None)
    assert read_year(1200, "计划脱贫年度")[1][0] == "warning"


@pytest.mark.parametrize("value, answer", [("是", True), ("否", False), ("√", True), (1, True), (0, False),
                                           ("有", True), ("无", False), (True, True)])
def test_yes_and_no(value, answer):
    assert read_bool(value, "x") == (answer, None)


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(1800, 1, 1), TODAY), st.integers(0, 999), st.sampled_from(["610702", "110105", "440524"]))
def test_the_quick_path_takes_every_valid_number(born, sequence, region):
    from fupin_desktop.domain.idnumber import make_id_number

    number = make_id_number(region, born, sequence)
    assert _quick_id(number, TODAY) == parse_id_number(number, today=TODAY)
