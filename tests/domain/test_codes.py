import pytest

from fupin_desktop.domain import codes
from fupin_desktop.domain.codes import (
    ALL_TABLES,
    DISABILITY_CATEGORY,
    ETHNICITY,
    EXIT_STATUS,
    HOUSE_RATING,
    HOUSEHOLD_ATTRIBUTE,
    HOUSEHOLD_ATTRIBUTE_2014,
    HOUSEHOLD_TABLES,
    LEDGER_CATEGORY,
    MEMBER_TABLES,
    POLITICAL,
    POVERTY_CAUSE,
    RELATION,
    SCHOOLING,
    SEX,
    WORK_STATUS,
    CodeTable,
    household_attribute_table,
    is_income,
    ledger_group,
)


def test_label_lookup_and_defaults():
    assert RELATION.label("03") == "之子"
    assert RELATION.label("3") == "之子"  # leading zero lost in a spreadsheet
    assert RELATION.label(None) == ""
    assert RELATION.label("77", "?") == "?"
    assert POVERTY_CAUSE.label("99") == "其他"
    assert EXIT_STATUS.label("4") == "已脱贫(不再享受政策)"


def test_table_protocol():
    assert "01" in RELATION
    assert "1" not in RELATION  # membership is exact: stored codes keep their zeros
    assert 1 not in RELATION
    assert list(SEX) == [("1", "男"), ("2", "女")]
    assert SEX.codes() == ("1", "2")
    assert len(POVERTY_CAUSE) == 14
    assert POVERTY_CAUSE.codes()[-1] == "99"


def test_national_codes():
    assert len(ETHNICITY) == 57
    assert ETHNICITY.items[0] == ("01", "汉族")
    assert ETHNICITY.label("05") == "维吾尔族"
    assert ETHNICITY.label("37") == "仡佬族"
    assert ETHNICITY.label("56") == "基诺族"
    assert ETHNICITY.label("97") == "其他"
    assert POLITICAL.label("13") == "群众" and POLITICAL.label("10") == "九三学社社员"
    assert SCHOOLING.label("10") == "中职一年级" and SCHOOLING.label("15") == "高职三年级"
    assert SCHOOLING.codes() == tuple(f"{n:02d}" for n in range(1, 17))
    assert RELATION.codes() == tuple(f"{n:02d}" for n in range(1, 21)) + ("99",)
    assert EXIT_STATUS.codes() == ("0", "1", "3", "4")
    assert HOUSE_RATING.codes() == ("A", "B", "C", "D")


def test_household_attribute_by_year():
    assert household_attribute_table(2014) is HOUSEHOLD_ATTRIBUTE_2014
    assert household_attribute_table(2016).label("3") == "五保户"
    assert household_attribute_table(2017) is HOUSEHOLD_ATTRIBUTE
    assert HOUSEHOLD_ATTRIBUTE.label("3") == "特困供养贫困户"


@pytest.mark.parametrize(
    ("table", "text", "expected"),
    [
        (POVERTY_CAUSE, "yb", ["1"]),
        (POVERTY_CAUSE, "YB", ["1"]),
        (RELATION, "zz", ["03", "17", "18"]),
        (RELATION, "之子", ["03"]),
        (RELATION, "03", ["03"]),
        (RELATION, "之外", ["09", "10", "19", "20"]),
        (DISABILITY_CATEGORY, "dc", ["7"]),  # 多重: the heteronym 重 is read both ways
        (DISABILITY_CATEGORY, "dz", ["7"]),
        (EXIT_STATUS, "已脱贫", ["1", "4"]),
        (POVERTY_CAUSE, "缺", ["5", "6", "7", "8", "9"]),
        (POVERTY_CAUSE, "qzj", ["9"]),
        (POVERTY_CAUSE, "yinbing", ["1"]),
        (POVERTY_CAUSE, "nothing", []),
    ],
)
def test_matches(table, text, expected):
    assert table.matches(text) == expected


def test_matches_puts_exact_first():
    table = CodeTable("t", "测试", (("1", "其他原因"), ("2", "其他")))
    assert table.matches("其他") == ["2", "1"]
    assert table.matches("") == ["1", "2"]


@pytest.mark.parametrize(
    ("table", "text", "expected"),
    [
        (RELATION, "01", "01"),
        (RELATION, "1", "01"),
        (RELATION, " 户主 ", "01"),
        (RELATION, "zz", None),  # ambiguous
        (RELATION, "之子", "03"),
        (POVERTY_CAUSE, "yb", "1"),
        (POVERTY_CAUSE, "因病", "1"),
        (POVERTY_CAUSE, "自身", "11"),
        (POVERTY_CAUSE, "因", None),
        (POVERTY_CAUSE, "", None),
        (POVERTY_CAUSE, None, None),
        (HOUSE_RATING, "c", "C"),
        (HOUSE_RATING, "D级", "D"),
        (WORK_STATUS, "乡(镇)内", "01"),  # ASCII brackets find the full-width label
        (EXIT_STATUS, "已脱贫（享受政策）", "1"),
        (SEX, "女", "2"),
        (ETHNICITY, "仡佬族", "37"),
    ],
)
def test_parse(table, text, expected):
    assert table.parse(text) == expected


def test_every_label_parses_back_to_its_code():
    for table in ALL_TABLES.values():
        for code, label in table:
            assert table.parse(label) == code, (table.name, label)
            assert table.parse(code) == code, (table.name, code)
            assert table.matches(label)[0] == code


def test_tables_are_well_formed():
    for name, table in ALL_TABLES.items():
        assert name == table.name
        assert table.title
        assert table.items
        assert len(set(table.labels())) == len(table.labels()), name
    assert set(HOUSEHOLD_TABLES.values()) <= set(ALL_TABLES.values())
    assert set(MEMBER_TABLES.values()) <= set(ALL_TABLES.values())
    assert MEMBER_TABLES["change_type"] is codes.MEMBER_CHANGE
    assert HOUSEHOLD_TABLES["attribute"] is HOUSEHOLD_ATTRIBUTE


def test_repeated_codes_are_refused():
    with pytest.raises(ValueError):
        CodeTable("bad", "坏", (("1", "甲"), ("1", "乙")))


def test_program_tables():
    assert codes.EXIT_STEP.codes() == ("1", "2", "3", "4", "5", "6")
    assert codes.EXIT_STEP.label("6") == "销号"
    assert codes.COLOUR.label("blue") == "蓝"
    assert codes.INCOME_GROUP.codes() == ("wage", "production", "property", "transfer")


@pytest.mark.parametrize(
    ("code", "group", "income"),
    [
        ("11", "wage", True),
        ("12", "wage", True),
        ("23", "production", True),
        ("31", "property", True),
        ("49", "transfer", True),
        ("52", "production_expense", False),
        ("69", "living_expense", False),
    ],
)
def test_ledger_groups(code, group, income):
    assert ledger_group(code) == group
    assert is_income(code) is income


def test_every_ledger_category_has_a_group():
    for code in LEDGER_CATEGORY.codes():
        assert ledger_group(code) in codes.LEDGER_GROUP_TITLES


@pytest.mark.parametrize("code", ["", "7", "71", "1", "111", "ab", None])
def test_unknown_ledger_code(code):
    with pytest.raises(ValueError):
        ledger_group(code)
