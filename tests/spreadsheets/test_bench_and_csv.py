"""The benchmark runs end to end on a small workbook; CSV files in UTF-8 or GBK import like workbooks."""

from fupin_desktop.spreadsheets.apply import apply_plan
from fupin_desktop.spreadsheets.plan import build_plan
from tests.spreadsheets.workbooks import IDS


def test_bench_on_a_small_workbook(tmp_path, capsys):
    from fupin_desktop.spreadsheets.bench import run_xlsx_bench

    figures = run_xlsx_bench(tmp_path, households=40)
    assert figures["created"] == 40 and figures["members"] == figures["rows"] > 40
    assert figures["ratio"] > 0 and figures["ratio_cpu"] > 0
    out = capsys.readouterr().out
    assert "基准" in out and "比值" in out


def test_the_bench_workbook_reads_as_excel_writes_it(tmp_path):
    from openpyxl import load_workbook

    from fupin_desktop.spreadsheets.bench import HEADERS, write_workbook

    path = tmp_path / "b.xlsx"
    rows = write_workbook(path, 5)
    sheet = load_workbook(path).active
    assert [c.value for c in sheet[2]] == list(HEADERS)
    assert sheet.max_row == rows + 2
    id_cell = sheet.cell(3, HEADERS.index("证件号码") + 1)
    assert id_cell.data_type == "s" and id_cell.number_format == "@"


def test_csv_in_gbk_with_a_bom_less_header(ctx, village, tmp_path):
    path = tmp_path / "名单.csv"
    text = "户编号,户主姓名,姓名,身份证号,与户主关系,文化程度\n" \
           f"6107020001,张三丰,张三丰,{IDS['zhang']},户主,小学\n" \
           f"6107020001,张三丰,李秀英,{IDS['li'].lower()},配偶,初中\n"
    path.write_bytes(text.encode("gbk"))
    plan = build_plan(ctx, path)
    assert [len(h.members) for h in plan.households] == [2]
    assert apply_plan(ctx, plan).members_created == 2


def test_csv_with_semicolons_and_a_bom(ctx, village, tmp_path):
    path = tmp_path / "名单.csv"
    path.write_text(f"姓名;证件号码;与户主关系\n张三丰;{IDS['zhang']};户主\n", encoding="utf-8-sig")
    plan = build_plan(ctx, path)
    assert plan.households[0].members[0].values["id_number"] == IDS["zhang"]
