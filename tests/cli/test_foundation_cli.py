"""The foundation's command line, used as a script or a township clerk would."""

import json
import sqlite3

import pytest

from fupin_desktop.cli.main import main
from fupin_desktop.domain.idnumber import parse_id_number


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    data = tmp_path_factory.mktemp("demo")
    assert main(["--data-dir", str(data), "demo", "--size", "small"]) == 0
    return data


def _json(capsys, argv):
    capsys.readouterr()
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_summary_json_adds_up(demo_dir, capsys):
    s = _json(capsys, ["--data-dir", str(demo_dir), "summary", "--json"])
    assert s["households"] == 40
    for key in ("by_colour", "by_cause", "by_exit_year", "by_group"):
        assert sum(s[key].values()) == s["households"], key
    assert 0 < s["incidence_percent"] < 100
    assert s["poor_people"] <= s["people"]


def test_check_json_groups_problems_by_household(demo_dir, capsys):
    report = _json(capsys, ["--data-dir", str(demo_dir), "check", "--json"])
    assert report["households_with_problems"] == len(report["households"]) > 0
    for household in report["households"]:
        assert household["number"] and household["problems"]
        for p in household["problems"]:
            assert p["level"] in ("error", "warning") and p["message"]


def test_every_id_number_is_valid_and_matches_its_member(demo_dir):
    conn = sqlite3.connect(demo_dir / "fupin.sqlite")
    rows = conn.execute("SELECT id_number, sex, birth_date FROM members").fetchall()
    conn.close()
    assert len(rows) > 100
    for number, sex, birth in rows:
        info = parse_id_number(number)
        assert info.number == number and info.sex == sex and info.birth_date.isoformat() == birth


def test_history_shows_the_change_log(demo_dir, capsys):
    conn = sqlite3.connect(demo_dir / "fupin.sqlite")
    number = conn.execute("SELECT number FROM households LIMIT 1").fetchone()[0]
    conn.close()
    entries = _json(capsys, ["--data-dir", str(demo_dir), "history", number, "--json"])
    assert entries and all(e["operator"] for e in entries)


def test_errors_are_one_chinese_line_and_a_non_zero_exit(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "init", "--code", "12345", "--name", "某村"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("错误：") and "12位" in err and "\n" not in err
    assert main(["--data-dir", str(tmp_path), "history", "不存在的户"]) == 1
    assert "找不到" in capsys.readouterr().err


def test_init_then_refuses_a_second_init(tmp_path, capsys):
    argv = ["--data-dir", str(tmp_path), "init", "--code", "610702101201", "--name", "龙江村", "--groups", "一组,二组"]
    assert main(argv) == 0
    assert main(argv) == 1
    assert "已经初始化" in capsys.readouterr().err
