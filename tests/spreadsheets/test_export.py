"""Typed exports, and the round trip: export, import into an empty data folder, get the same records back."""

import csv
import datetime as dt

import pytest

from fupin_desktop.domain import records as r
from fupin_desktop.domain.idnumber import check_character, make_id_number
from fupin_desktop.spreadsheets.apply import apply_plan
from fupin_desktop.spreadsheets.export import export_table
from fupin_desktop.spreadsheets.fields import HOUSEHOLD_FIELDS, MEMBER_FIELDS
from fupin_desktop.spreadsheets.plan import build_plan
from fupin_desktop.storage import repository as repo

TEXT_COLUMNS = ("证件号码", "联系电话", "银行账号", "成员联系电话", "户主身份证号")


def female_id_ending_in_x(born: dt.date) -> str:
    for sequence in range(0, 1000, 2):
        first17 = f"610702{born:%Y%m%d}{sequence:03d}"
        if check_character(first17) == "X":
            return first17 + "X"
    raise AssertionError("none")


@pytest.fixture
def filled(ctx, village, helper):
    """Two households with most fields set; one ID ends in X; a rare character; a member who married out."""
    from fupin_desktop.services.households import create_household, record_member_change
    from fupin_desktop.services.ledger import add_entry

    first, _ = create_household(ctx, {
        "number": "6107020001", "village_group": "一组", "main_cause": "1", "other_causes": ("3", "7"),
        "attribute": "2", "identified_on": dt.date(2015, 3, 1), "planned_exit_year": 2020, "house_area": 80.0,
        "house_rating": "B", "water_safe": True, "fuel": "01", "sanitary_toilet": True, "phone": "13800000000",
        "bank": "汉中农村商业银行", "bank_account": "6213920001234567890", "farmland_mu": 6.5, "road_type": "03",
        "military_family": True, "address": "龙江镇龙江村一组12号",
    }, [
        {"name": "张三丰", "id_number": make_id_number("610702", dt.date(1965, 3, 12), 15), "relation": "01",
         "education": "02", "health": "02", "labour": "01", "work_status": "04", "work_months": 6, "dibao": True,
         "phone": "13900000001"},
        {"name": "李㛃", "id_number": female_id_ending_in_x(dt.date(1967, 8, 23)), "relation": "02",
         "education": "02", "health": "01", "labour": "01", "ethnicity": "06"},
        {"name": "张小明", "id_number": make_id_number("610702", dt.date(2009, 9, 1), 19), "relation": "03",
         "schooling": "05", "education": "", "health": "01", "labour": "04"},
        {"name": "张小红", "id_number": make_id_number("610702", dt.date(1995, 1, 2), 20), "relation": "04",
         "education": "04", "health": "01", "labour": "01"},
    ], helper_id=helper, accept_note="测试数据")
    second, _ = create_household(ctx, {
        "number": "6107020002", "village_group": "二组", "main_cause": "7", "attribute": "1",
        "planned_exit_year": 2019, "house_area": 0.0, "water_safe": False, "water_difficulty": True,
        "fuel": "04", "sanitary_toilet": False, "exit_status": "1", "exit_year": 2019,
    }, [
        {"name": "王五", "id_number": make_id_number("610702", dt.date(1958, 6, 1), 31), "relation": "01",
         "education": "01", "health": "04", "labour": "03", "disability_category": "4", "disability_grade": "2"},
    ], accept_note="测试数据")
    girl = next(m for m in repo.members_of(ctx.db, first) if m.name == "张小红")
    record_member_change(ctx, girl.id, "02", dt.date(2019, 10, 1), note="嫁到邻村")
    add_entry(ctx, first, date=dt.date(2020, 5, 3), category="11", amount_fen=123456, note="务工")
    add_entry(ctx, first, date=dt.date(2020, 5, 4), category="52", amount_fen=8000, quantity=2.0, unit="袋")
    return first, second


def _snapshot(ctx):
    """The spreadsheet fields of every household and member, keyed by 户编号 and ID number."""
    households = {}
    for h in repo.select(ctx.db, r.Household, "deleted = 0"):
        values = {s.attr: getattr(h, s.attr) for s in HOUSEHOLD_FIELDS if hasattr(h, s.attr)}
        members = {m.id_number: {s.attr: getattr(m, s.attr) for s in MEMBER_FIELDS} | {"birth": m.birth_date}
                   for m in repo.members_of(ctx.db, h.id)}
        households[h.number] = (values, members)
    return households


def _fresh(tmp_path, clock, name):
    from fupin_desktop.services.context import open_context
    from fupin_desktop.services.villages import create_village

    fresh = open_context(tmp_path / name, operator="另一台电脑", clock=clock)
    create_village(fresh, {"code": "610702101201", "name": "龙江村"})
    return fresh


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_round_trip_into_a_fresh_data_folder(ctx, filled, tmp_path, clock, suffix):
    path = tmp_path / f"成员.{suffix}"
    assert export_table(ctx, path, "members").rows == 5
    fresh = _fresh(tmp_path, clock, f"fresh-{suffix}")
    try:
        plan = build_plan(fresh, path)
        assert [p for p in plan.problems if p.level != "info"] == []
        result = apply_plan(fresh, plan)
        assert (result.created, result.members_created) == (2, 5)
        assert _snapshot(fresh) == _snapshot(ctx)
        again = build_plan(fresh, path)
        assert [h.action for h in again.households] == ["unchanged", "unchanged"]
    finally:
        fresh.close()


def test_every_id_phone_and_account_cell_is_text(ctx, filled, tmp_path):
    from openpyxl import load_workbook

    for what in ("members", "households"):
        path = tmp_path / f"{what}.xlsx"
        export_table(ctx, path, what)
        sheet = load_workbook(path).active
        titles = [c.value for c in sheet[1]]
        checked = 0
        for title in TEXT_COLUMNS:
            if title not in titles:
                continue
            column = titles.index(title) + 1
            for row in range(2, sheet.max_row + 1):
                cell = sheet.cell(row, column)
                if cell.value is None:
                    continue
                assert cell.data_type == "s" and isinstance(cell.value, str), (what, title, cell.value)
                assert cell.number_format == "@"
                checked += 1
        assert checked >= 3
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
    ids = [c.value for c in load_workbook(tmp_path / "members.xlsx").active["E"]]
    assert any(value.endswith("X") for value in ids[1:])


def test_members_workbook_types_and_widths(ctx, filled, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "m.xlsx"
    export_table(ctx, path, "members")
    sheet = load_workbook(path).active
    titles = [c.value for c in sheet[1]]
    row = {title: sheet.cell(2, i + 1) for i, title in enumerate(titles)}
    assert row["出生日期"].is_date and row["出生日期"].number_format == "yyyy-mm-dd"
    assert row["与户主关系"].value == "户主" and row["文化程度"].value == "小学"  # labels, not codes
    assert row["其他致贫原因"].value == "因学、缺技术"
    assert row["计划脱贫年度"].value == 2020 and row["耕地面积"].value == 6.5
    assert row["是否享受低保"].value == "是"
    widths = {title: sheet.column_dimensions[cell.column_letter].width for title, cell in row.items()}
    assert widths["证件号码"] >= 20
    assert widths["是否参加城乡居民基本医疗保险"] >= 2 * len("是否参加城乡居民基本医疗保险")


def test_ledger_workbook_has_dates_and_money(ctx, filled, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "ledger.xlsx"
    assert export_table(ctx, path, "ledger").rows == 2
    sheet = load_workbook(path).active
    titles = [c.value for c in sheet[1]]
    first = {title: sheet.cell(2, i + 1) for i, title in enumerate(titles)}
    assert first["日期"].is_date and first["日期"].value.date() == dt.date(2020, 5, 3)
    assert first["金额"].data_type == "n" and float(first["金额"].value) == 1234.56
    assert first["金额"].number_format == "#,##0.00"
    assert first["类别"].value == "务工收入" and first["收支"].value == "收入"
    second = {title: sheet.cell(3, i + 1).value for i, title in enumerate(titles)}
    assert second["收支"] == "支出" and second["数量"] == 2 and second["单位"] == "袋"


def test_csv_has_a_bom_and_opens(ctx, filled, tmp_path):
    path = tmp_path / "ledger.csv"
    export_table(ctx, path, "ledger")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:4] == ["户编号", "村民小组", "户主姓名", "日期"]
    assert rows[1][3] == "2020-05-03" and rows[1][rows[0].index("金额")] == "1234.56"


def test_problems_export(ctx, filled, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "problems.xlsx"
    result = export_table(ctx, path, "problems")
    sheet = load_workbook(path).active
    assert result.rows == sheet.max_row - 1 >= 1
    levels = {sheet.cell(row, 4).value for row in range(2, sheet.max_row + 1)}
    assert levels <= {"错误", "提醒"}


def test_export_refuses_other_suffixes(ctx, village, tmp_path):
    from fupin_desktop.services.errors import ValidationError

    with pytest.raises(ValidationError, match=".xlsx 或 .csv"):
        export_table(ctx, tmp_path / "a.pdf", "households")
    assert not list(tmp_path.glob(".~*"))
