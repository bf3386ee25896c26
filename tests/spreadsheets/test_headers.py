"""Header recognition, header-row detection and saved column mappings."""

import json

import pytest

from fupin_desktop.services.errors import ValidationError
from fupin_desktop.spreadsheets.fields import ALL_FIELDS, IGNORE
from fupin_desktop.spreadsheets.headers import ColumnMapping, detect_header, is_numbering_row, recognise


@pytest.mark.parametrize("header, key", [
    ("户编号", "household.number"), ("户主姓名", "household.head_name"), ("姓名", "member.name"),
    ("证件号码", "member.id_number"), ("身份证号", "member.id_number"), ("公民身份号码", "member.id_number"),
    ("身份证号码（必填）", "member.id_number"), ("* 姓 名", "member.name"), ("与户主关系", "member.relation"),
    ("性别", "member.sex"), ("民族", "member.ethnicity"), ("文化程度", "member.education"),
    ("在校生状况", "member.schooling"), ("健康状况", "member.health"), ("劳动技能", "member.labour"),
    ("务工状况", "member.work_status"), ("务工时间（月）", "member.work_months"),
    ("贫困户属性", "household.attribute"), ("主要致贫原因", "household.main_cause"),
    ("计划脱贫年度", "household.planned_exit_year"), ("联系电话", "household.phone"),
    ("村民小组", "household.village_group"), ("耕地面积(亩)", "household.farmland_mu"),
    ("是否享受低保", "member.dibao"), ("享受低保", "member.dibao"), ("是否军烈属", "household.military_family"),
    ("军烈属", "household.military_family"), ("ＩＤ", None), ("序号", IGNORE), ("备注", IGNORE),
])
def test_common_headers_are_recognised(header, key):
    assert recognise(header) == key


def test_every_title_recognises_its_own_field():
    for spec in ALL_FIELDS:
        assert recognise(spec.title) == spec.key, spec.title
        for synonym in spec.synonyms:
            assert recognise(synonym) == spec.key, synonym


def _rows(*rows):
    return [(n, tuple(values)) for n, values in enumerate(rows, start=1)]


def test_title_row_and_single_header():
    layout = detect_header(_rows(["某村花名册"], [], ["序号", "姓名", "身份证号", "与户主关系"], [1, "张三", "x", "户主"]))
    assert layout.rows == (3,)
    assert [c.recognised for c in layout.columns] == [IGNORE, "member.name", "member.id_number", "member.relation"]


def test_two_row_header_with_groups_and_vertically_merged_titles():
    layout = detect_header(_rows(
        ["户编号", "户主", None, "家庭成员", None, None, "致贫原因"],
        [None, "姓名", "身份证号", "姓名", "证件号码", "关系", None],
    ))
    assert layout.rows == (1, 2)
    assert [c.header for c in layout.columns] == [
        "户编号", "户主 / 姓名", "户主 / 身份证号", "家庭成员 / 姓名", "家庭成员 / 证件号码", "家庭成员 / 关系", "致贫原因"]
    assert [c.recognised for c in layout.columns] == [
        "household.number", "household.head_name", "household.head_id_number", "member.name", "member.id_number",
        "member.relation", "household.main_cause"]


def test_the_lower_row_alone_is_found_with_its_group_row():
    layout = detect_header(_rows(
        ["标题"], ["基本情况", None, None, "生产生活条件", None],
        ["户编号", "姓名", "证件号码", "耕地面积", "住房面积"], ["1", "张三", "x", 2, 80],
    ))
    assert layout.rows == (3,)  # the group row names nothing more: a single-row header


def test_a_field_named_twice_keeps_the_first_column():
    layout = detect_header(_rows(["姓名", "身份证号", "姓名"]))
    assert [c.recognised for c in layout.columns] == ["member.name", "member.id_number", None]


def test_no_header_found():
    with pytest.raises(ValidationError, match="没有找到表头"):
        detect_header(_rows(["a", "b"], [1, 2]))


def test_numbering_rows():
    assert is_numbering_row([1, 2, 3, 4, None])
    assert is_numbering_row(["1", "2", "3"])
    assert not is_numbering_row([1, 3, 4])
    assert not is_numbering_row(["张三", 2, 3])


def test_mapping_saved_and_loaded_by_header_text(tmp_path):
    layout = detect_header(_rows(["姓名", "身份证", "备用列", "关系"]))
    mapping = ColumnMapping.from_layout(layout)
    mapping.fields[2] = "member.phone"
    path = tmp_path / "m.json"
    mapping.save(path, layout)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["columns"]["备用列"] == "member.phone"
    other = detect_header(_rows(["关系", "备用列", "姓名", "身份证"]))  # same headers, another order
    loaded = ColumnMapping.load(path, other)
    assert loaded.mapped() == {0: "member.relation", 1: "member.phone", 2: "member.name", 3: "member.id_number"}


def test_mapping_accepts_titles_and_refuses_unknown_fields(tmp_path):
    layout = detect_header(_rows(["姓名", "号码", "关系"]))
    mapping = ColumnMapping.from_json({"format": "fupin-xlsx-mapping", "columns": {"号码": "证件号码"}}, layout)
    assert mapping.key(1) == "member.id_number"
    with pytest.raises(ValidationError, match="未知的字段"):
        ColumnMapping.from_json({"format": "fupin-xlsx-mapping", "columns": {"号码": "member.shoe_size"}}, layout)
    with pytest.raises(ValidationError, match="不是本程序"):
        ColumnMapping.from_json({"columns": {}}, layout)


def test_mapping_validation():
    with pytest.raises(ValidationError, match="同时对应了两列"):
        ColumnMapping({0: "member.name", 1: "member.name"}).validate()
    with pytest.raises(ValidationError, match="姓名"):
        ColumnMapping({0: "member.id_number"}).validate()


def test_every_field_is_a_field_of_its_record():
    from dataclasses import fields

    from fupin_desktop.domain import records as r

    names = {"household": {f.name for f in fields(r.Household)} | {"head_name", "head_id_number"},
             "member": {f.name for f in fields(r.Member)}}
    for spec in ALL_FIELDS:
        assert spec.attr in names[spec.level], spec.key


def test_fast_records_equal_constructed_ones():
    import datetime as dt

    from fupin_desktop.domain import records as r
    from fupin_desktop.spreadsheets.plan import fast_record

    values = {"id": "m1", "household_id": "h1", "name": "张三", "birth_date": dt.date(1965, 3, 12), "seq": 2}
    assert fast_record(r.Member, values) == r.Member(**values)
    assert fast_record(r.Household, {"id": "h", "village_id": "v", "other_causes": ("3",)}) == r.Household(
        id="h", village_id="v", other_causes=("3",))
