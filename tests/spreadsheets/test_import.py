"""Importing a roster: preview with every problem, one transaction, the file as source, re-import updates."""

import datetime

import pytest

from fupin_desktop.services.errors import ValidationError
from fupin_desktop.spreadsheets.apply import apply_plan
from fupin_desktop.spreadsheets.model import CREATE, SKIP, UNCHANGED, UPDATE
from fupin_desktop.spreadsheets.plan import build_plan
from fupin_desktop.storage import tables as t
from tests.spreadsheets.workbooks import BAD_CHECK, IDS, UPGRADED_15, realistic_roster, simple_roster


@pytest.fixture
def roster(tmp_path):
    path = tmp_path / "龙江村花名册.xlsx"
    realistic_roster(path)
    return path


def _problems(plan, row):
    return [p for p in plan.problems if p.row == row]


def _one(plan, row, level, fragment):
    found = [p for p in _problems(plan, row) if p.level == level and fragment in p.message]
    assert found, f"row {row}: no {level} with “{fragment}” in {[p.text for p in _problems(plan, row)]}"
    return found[0]


def test_preview_finds_the_header_and_groups_households(ctx, village, roster):
    plan = build_plan(ctx, roster)
    assert plan.layout.rows == (3, 4)
    headers = {c.header: c.recognised for c in plan.layout.columns}
    assert headers["户主 / 姓名"] == "household.head_name"
    assert headers["户主 / 身份证号"] == "household.head_id_number"
    assert headers["家庭成员 / 证件号码"] == "member.id_number"
    assert headers["户编号"] == "household.number"
    assert [h.number for h in plan.households] == [f"610702000{n}" for n in range(1, 8)]
    assert [len(h.members) for h in plan.households] == [3, 2, 2, 2, 2, 1, 2]
    first = plan.households[0]
    assert first.values["village_group"] == "一组" and first.values["main_cause"] == "1"
    assert first.values["phone"] == "13800000001" and first.values["planned_exit_year"] == 2020
    assert [m.values["relation"] for m in first.members] == ["01", "02", "03"]


def test_preview_names_every_problem_with_its_row(ctx, village, roster):
    plan = build_plan(ctx, roster)
    _one(plan, 5, "info", "列序号行")
    _one(plan, 7, "info", "小写x")
    unrecoverable = _one(plan, 10, "error", "存成了数字")
    assert "1.10105E+17" in unrecoverable.message and "无法恢复" in unrecoverable.message
    assert unrecoverable.column == "家庭成员 / 证件号码"
    _one(plan, 11, "info", f"15位旧号码已升级为18位：{UPGRADED_15}")
    _one(plan, 12, "warning", "“研究生”不是文化程度的代码或名称")
    _one(plan, 13, "info", "空行")
    bad = _one(plan, 15, "error", BAD_CHECK)
    assert "校验码错误：最后一位应为4" in bad.message
    assert _one(plan, 17, "error", "另见第18行").column == "家庭成员 / 证件号码"
    _one(plan, 18, "error", "另见第17行")
    _one(plan, 21, "warning", "与第20行完全相同")
    _one(plan, 22, "info", "合计行")
    _one(plan, 24, "info", "不是人员行")
    assert not _problems(plan, 23)  # the blank row after the last person is formatting, not news
    assert [h.action for h in plan.households] == [CREATE, SKIP, CREATE, SKIP, SKIP, SKIP, CREATE]
    assert plan.counts["error"] == 4
    assert any("未填写" in example for _level, example, _n in plan.rule_summary)
    text = "\n".join(plan.summary_lines())
    assert "将新建 3 户" in text and "4 户因有错误不导入" in text


def test_import_writes_one_transaction_with_the_file_as_source(ctx, village, roster):
    plan = build_plan(ctx, roster)
    result = apply_plan(ctx, plan)
    assert (result.created, result.skipped, result.members_created) == (3, 4, 7)
    numbers = {row[0]: row[1] for row in ctx.db.execute(
        f"SELECT m.id_number, h.number FROM {t.MEMBERS} m JOIN {t.HOUSEHOLDS} h ON h.id = m.household_id")}
    assert numbers[IDS["li"]] == "6107020001"  # stored upper-case
    assert IDS["li"].endswith("X")
    assert numbers[UPGRADED_15] == "6107020003"
    assert IDS["zhao"] not in numbers and IDS["wang"] not in numbers
    sources = {row[0] for row in ctx.db.execute(f"SELECT DISTINCT source FROM {t.CHANGELOG} WHERE tbl != 'villages'")}
    assert sources == {"xlsx:龙江村花名册.xlsx"}
    ops = {row[0] for row in ctx.db.execute(f"SELECT DISTINCT op_id FROM {t.CHANGELOG} WHERE source != ''")}
    assert ops == {result.changes.op_id}
    liu = ctx.db.execute(f"SELECT education FROM {t.MEMBERS} WHERE name = '刘大娘'").fetchone()
    assert liu == ("",)  # the unknown label was left out, not guessed
    assert result.changes.household_ids and t.MEMBERS in result.changes.tables


def test_import_caches_equal_a_refresh(ctx, village, roster):
    from fupin_desktop.services import derived

    apply_plan(ctx, build_plan(ctx, roster))
    columns = ", ".join(t.HOUSEHOLD_DERIVED)
    before = ctx.db.execute(f"SELECT id, {columns} FROM {t.HOUSEHOLDS} ORDER BY id").fetchall()
    with ctx.db.atomic():
        derived.refresh(ctx)
    assert ctx.db.execute(f"SELECT id, {columns} FROM {t.HOUSEHOLDS} ORDER BY id").fetchall() == before


def test_reimport_updates_instead_of_duplicating(ctx, village, roster, tmp_path):
    apply_plan(ctx, build_plan(ctx, roster))
    again = build_plan(ctx, roster)
    assert [h.action for h in again.households if h.action != SKIP] == [UNCHANGED] * 3
    assert apply_plan(ctx, again).created == 0
    assert ctx.db.execute(f"SELECT count(*) FROM {t.HOUSEHOLDS}").fetchone()[0] == 3

    from openpyxl import load_workbook

    book = load_workbook(roster)
    book.active["M6"] = "因残"  # 主要致贫原因 of the first household
    book.active["L8"] = "残疾"  # 健康状况 of 张小明
    book.save(roster)
    plan = build_plan(ctx, roster)
    first = plan.households[0]
    assert first.action == UPDATE and first.changes == {"main_cause": "2"}
    assert [m.changes for m in first.members] == [{}, {}, {"health": "04"}]
    result = apply_plan(ctx, plan)
    assert (result.created, result.updated, result.members_updated) == (0, 1, 1)
    assert ctx.db.execute(f"SELECT count(*) FROM {t.MEMBERS}").fetchone()[0] == 7
    logged = ctx.db.execute(f"SELECT field, new, reason FROM {t.CHANGELOG} WHERE op_id = ?",
                            [result.changes.op_id]).fetchall()
    assert sorted(logged) == [("health", '"04"', "从表格导入更新"), ("main_cause", '"2"', "从表格导入更新")]


def test_match_by_id_number_when_the_file_has_no_household_number(ctx, village, tmp_path):
    first = tmp_path / "a.xlsx"
    simple_roster(first, [["6107020009", "张三丰", "张三丰", IDS["zhang"], "户主", "小学", "健康", "因病", "一组"]])
    apply_plan(ctx, build_plan(ctx, first))
    second = tmp_path / "b.xlsx"
    simple_roster(second, [["张三丰", "张三丰", IDS["zhang"], "户主", "初中", "健康", "因病"],
                           ["张三丰", "李秀英", IDS["li"], "配偶", "小学", "健康", "因病"]],
                  headers=["户主姓名", "姓名", "证件号码", "与户主关系", "文化程度", "健康状况", "主要致贫原因"])
    plan = build_plan(ctx, second)
    household = plan.households[0]
    assert household.action == UPDATE and household.target_id
    assert household.members[0].changes == {"education": "03"}
    assert not household.members[1].target_id  # a new member of the same household
    apply_plan(ctx, plan)
    assert ctx.db.execute(f"SELECT count(*) FROM {t.HOUSEHOLDS}").fetchone()[0] == 1
    assert ctx.db.execute(f"SELECT count(*) FROM {t.MEMBERS}").fetchone()[0] == 2


def test_an_id_registered_in_another_household_is_an_error(ctx, village, tmp_path):
    path = tmp_path / "a.xlsx"
    simple_roster(path, [["6107020001", "张三丰", "张三丰", IDS["zhang"], "户主", "小学", "健康", "因病", "一组"]])
    apply_plan(ctx, build_plan(ctx, path))
    other = tmp_path / "b.xlsx"
    simple_roster(other, [["6107020099", "王五", "王五", IDS["wang"], "户主", "小学", "健康", "因病", "一组"],
                          ["6107020099", "王五", "张三丰", IDS["zhang"], "之父", "小学", "健康", "因病", "一组"]])
    plan = build_plan(ctx, other)
    problem = _one(plan, 3, "error", "已登记在其他户")
    assert "6107020001" in problem.message and "张三丰" in problem.message
    assert plan.households[0].action == SKIP


def test_cancelling_writes_nothing(ctx, village, roster):
    plan = build_plan(ctx, roster)

    class Stop(Exception):
        pass

    def progress(done, total):
        raise Stop

    with pytest.raises(Stop):
        apply_plan(ctx, plan, progress=progress)
    assert ctx.db.execute(f"SELECT count(*) FROM {t.HOUSEHOLDS}").fetchone()[0] == 0
    assert ctx.db.execute(f"SELECT count(*) FROM {t.CHANGELOG} WHERE source != ''").fetchone()[0] == 0


def test_cancelling_the_read_stops_the_preview(ctx, village, roster):
    class Stop(Exception):
        pass

    def progress(done, total):
        raise Stop

    with pytest.raises(Stop):
        build_plan(ctx, roster, progress=progress)


def test_a_plan_is_refused_after_the_database_changed(ctx, village, roster, tmp_path):
    plan = build_plan(ctx, roster)
    other = tmp_path / "b.xlsx"
    simple_roster(other, [["6107020100", "孙六", "孙六", IDS["sun"], "户主", "小学", "健康", "因病", "一组"]])
    apply_plan(ctx, build_plan(ctx, other))
    with pytest.raises(ValidationError, match="重新预览"):
        apply_plan(ctx, plan)


def test_grouping_by_head_rows_without_household_numbers(ctx, village, tmp_path):
    path = tmp_path / "a.xlsx"
    simple_roster(path, [
        ["张三丰", IDS["zhang"], "户主", "小学"],
        ["李秀英", IDS["li"], "配偶", "小学"],
        ["王五", IDS["wang"], "户主", "初中"],
        ["孤儿", IDS["sun"], "之子", "初中"],
    ], headers=["姓名", "身份证号码", "与户主关系", "文化程度"])
    plan = build_plan(ctx, path)
    assert [[m.values["name"] for m in h.members] for h in plan.households] == [["张三丰", "李秀英"], ["王五", "孤儿"]]


def test_rows_before_any_head_cannot_be_placed(ctx, village, tmp_path):
    path = tmp_path / "a.xlsx"
    simple_roster(path, [["李秀英", IDS["li"], "配偶"], ["张三丰", IDS["zhang"], "户主"]],
                  headers=["姓名", "公民身份号码", "与户主关系"])
    plan = build_plan(ctx, path)
    _one(plan, 2, "error", "前面没有户主行")
    assert [h.action for h in plan.households] == [SKIP, CREATE]


def test_a_household_level_sheet_imports_one_head_per_row(ctx, village, tmp_path):
    path = tmp_path / "a.xlsx"
    simple_roster(path, [["6107020001", "张三丰", IDS["zhang"], "因病"], ["6107020002", "王五", IDS["wang"], "缺技术"]],
                  headers=["户编号", "户主姓名", "户主身份证号码", "致贫原因"])
    result = apply_plan(ctx, build_plan(ctx, path))
    assert (result.created, result.members_created) == (2, 2)
    heads = ctx.db.execute(f"SELECT name, relation, id_number FROM {t.MEMBERS} ORDER BY name").fetchall()
    assert heads == [("张三丰", "01", IDS["zhang"]), ("王五", "01", IDS["wang"])]


def test_a_sheet_without_a_header_is_refused(ctx, village, tmp_path):
    path = tmp_path / "a.xlsx"
    simple_roster(path, [["a", "b"]], headers=["甲", "乙"])
    with pytest.raises(ValidationError, match="没有找到表头"):
        build_plan(ctx, path)


def test_old_xls_files_are_refused_with_advice(ctx, village, tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ValidationError, match="另存为"):
        build_plan(ctx, path)


def test_a_member_who_married_out_may_appear_in_another_household(ctx, village, tmp_path):
    from fupin_desktop.domain import records as r
    from fupin_desktop.services.households import record_member_change
    from fupin_desktop.storage import repository as repo

    first = tmp_path / "a.xlsx"
    simple_roster(first, [["6107020001", "张三丰", "张三丰", IDS["zhang"], "户主", "小学", "健康", "因病", "一组"],
                          ["6107020001", "张三丰", "李秀英", IDS["li"], "之女", "小学", "健康", "因病", "一组"]])
    apply_plan(ctx, build_plan(ctx, first))
    daughter = next(m for m in repo.select(ctx.db, r.Member, "name = ?", ["李秀英"]))
    record_member_change(ctx, daughter.id, "02", datetime.date(2020, 1, 1), accept_note="嫁出")
    second = tmp_path / "b.xlsx"
    simple_roster(second, [["6107020002", "王五", "王五", IDS["wang"], "户主", "小学", "健康", "因病", "一组"],
                           ["6107020002", "王五", "李秀英", IDS["li"], "配偶", "小学", "健康", "因病", "一组"]])
    plan = build_plan(ctx, second)
    assert [h.action for h in plan.households] == [CREATE]
    assert not [p for p in plan.problems if p.level == "error"]


def test_a_head_row_pasted_twice_under_merged_household_cells(ctx, village, tmp_path):
    path = tmp_path / "a.xlsx"
    simple_roster(path, [["6107020001", "张三丰", "张三丰", IDS["zhang"], "户主", "小学", "健康", "因病", "一组"],
                         [None, None, "张三丰", IDS["zhang"], "户主", "小学", "健康", None, None]])
    plan = build_plan(ctx, path)
    _one(plan, 3, "warning", "与第2行完全相同")
    assert [h.action for h in plan.households] == [CREATE]
