"""``fupin xlsx import|export|headers`` from the command line."""

import json

import pytest

from fupin_desktop.cli.main import main
from tests.spreadsheets.workbooks import realistic_roster


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "init", "--code", "610702101201", "--name", "龙江村"]) == 0
    return folder


@pytest.fixture
def roster(tmp_path):
    path = tmp_path / "花名册.xlsx"
    realistic_roster(path)
    return path


def test_dry_run_lists_problems_and_writes_nothing(data_dir, roster, capsys):
    assert main(["--data-dir", str(data_dir), "xlsx", "import", str(roster), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "将新建 3 户" in out and "[错误] 第10行［家庭成员 / 证件号码］：证件号码被Excel存成了数字" in out
    assert "没有写入" in out
    assert main(["--data-dir", str(data_dir), "xlsx", "import", str(roster), "--dry-run"]) == 0
    assert "将新建 3 户" in capsys.readouterr().out


def test_import_needs_confirmation_then_imports(data_dir, roster, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    assert main(["--data-dir", str(data_dir), "xlsx", "import", str(roster)]) == 1
    assert "--yes" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "xlsx", "import", str(roster), "--yes"]) == 0
    assert "已导入：新建 3 户" in capsys.readouterr().out
    assert main(["--data-dir", str(data_dir), "xlsx", "import", str(roster), "--yes"]) == 0
    assert "3 户与数据库相同" in capsys.readouterr().out


def test_headers_and_a_saved_mapping(data_dir, roster, tmp_path, capsys):
    mapping = tmp_path / "对应.json"
    assert main(["xlsx", "headers", str(roster), "--save-mapping", str(mapping)]) == 0
    out = capsys.readouterr().out
    assert "表头：第3、4行" in out and "户主 / 身份证号  →  户主身份证号" in out
    data = json.loads(mapping.read_text(encoding="utf-8"))
    data["columns"]["家庭成员 / 健康状况"] = ""  # do not import this column
    mapping.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["--data-dir", str(data_dir), "xlsx", "import", str(roster), "--mapping", str(mapping),
                 "--yes"]) == 0
    capsys.readouterr()


def test_export_by_suffix(data_dir, roster, tmp_path, capsys):
    main(["--data-dir", str(data_dir), "xlsx", "import", str(roster), "--yes"])
    for name, what in (("户.xlsx", "households"), ("人.csv", "members"), ("账.xlsx", "ledger"), ("问题.csv", "problems")):
        assert main(["--data-dir", str(data_dir), "xlsx", "export", "--out", str(tmp_path / name), "--what", what]) == 0
        assert (tmp_path / name).exists()
    assert "已导出家庭成员 7 行" in capsys.readouterr().out


def test_errors_are_one_chinese_line(data_dir, tmp_path, capsys):
    assert main(["--data-dir", str(data_dir), "xlsx", "import", str(tmp_path / "无.xlsx")]) == 1
    assert capsys.readouterr().err.strip().startswith("错误：找不到文件")
    assert main(["--data-dir", str(data_dir), "xlsx", "export", "--out", str(tmp_path / "a.doc")]) == 1
    assert "错误：导出文件名应以 .xlsx 或 .csv 结尾" in capsys.readouterr().err


def test_export_only_the_households_the_options_choose(tmp_path, capsys):
    import csv

    from fupin_desktop.domain import codes
    from fupin_desktop.services.context import open_context
    from fupin_desktop.services.queries import HouseholdFilter, count_households, list_households

    folder = tmp_path / "demo"
    assert main(["--data-dir", str(folder), "demo", "--size", "small"]) == 0
    ctx = open_context(folder)
    cause = codes.POVERTY_CAUSE.parse("因病")
    chosen = HouseholdFilter(colour="red", main_cause=cause)
    expected = sorted(r.number for r in list_households(ctx, chosen, limit=10_000))
    everyone = count_households(ctx)
    ctx.close()
    assert 0 < len(expected) < everyone
    out = tmp_path / "红_因病.csv"
    assert main(["--data-dir", str(folder), "xlsx", "export", "--out", str(out), "--colour", "红",
                 "--cause", "yb"]) == 0
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert sorted(row["户编号"] for row in rows) == expected
    capsys.readouterr()

    wrong = tmp_path / "错.csv"
    assert main(["--data-dir", str(folder), "xlsx", "export", "--out", str(wrong), "--colour", "紫"]) == 1
    err = capsys.readouterr().err
    assert "--colour “紫” 不是三色状态中的一项" in err and "红" in err
    assert not wrong.exists()
