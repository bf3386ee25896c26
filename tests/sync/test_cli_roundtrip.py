"""The command line round trip: demo village → export → township init → import → the same summary."""

import json

import pytest

from fupin_desktop.cli.main import main

PASS = "cli-township-secret"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def trip(tmp_path_factory):
    """Runs the whole trip once; tests look at its steps."""
    import contextlib
    import io
    import os

    root = tmp_path_factory.mktemp("cli-trip")
    os.environ["FUPIN_KEY_PASSPHRASE"] = PASS
    steps = {}

    def call(*argv):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([str(a) for a in argv])
        return code, out.getvalue(), err.getvalue()

    v, t, keys, stick = root / "v", root / "t", root / "keys", root / "stick"
    stick.mkdir()
    steps["demo"] = call("--data-dir", v, "demo", "--size", "small")
    code = json.loads(call("--data-dir", v, "summary", "--json")[1])
    steps["village_summary"] = code
    village_code = __import__("sqlite3").connect(v / "fupin.sqlite").execute("SELECT code FROM villages").fetchone()[0]
    steps["code"] = village_code
    steps["init"] = call("--data-dir", t, "init", "--mode", "township", "--code", village_code[:9] + "000",
                         "--name", "测试镇")
    steps["keys"] = call("--data-dir", t, "keys", "init-township", "--out", keys)
    fingerprint = json.loads(call("--data-dir", t, "keys", "show", "--json")[1])["township_key"]
    steps["trust"] = call("--data-dir", v, "keys", "trust", keys / "township.pub", "--fingerprint", fingerprint)
    steps["export"] = call("--data-dir", v, "export", "--out", stick)
    steps["bundle"] = next(stick.glob("*.fpb"))
    steps["dry"] = call("--data-dir", t, "import", steps["bundle"], "--dry-run")
    steps["import"] = call("--data-dir", t, "import", steps["bundle"], "--yes")
    steps["township_summary"] = json.loads(call("--data-dir", t, "summary", "--json", "--village", village_code)[1])
    steps["again"] = call("--data-dir", t, "import", steps["bundle"], "--yes", "--json")
    steps["after_again"] = json.loads(call("--data-dir", t, "summary", "--json", "--village", village_code)[1])
    steps["status"] = call("--data-dir", t, "sync", "status", "--json", "--rollup")
    steps.update(root=root, v=v, t=t, stick=stick, call=call)
    yield steps
    os.environ.pop("FUPIN_KEY_PASSPHRASE", None)


def test_every_step_succeeds(trip):
    for name in ("demo", "init", "keys", "trust", "export", "dry", "import"):
        assert trip[name][0] == 0, (name, trip[name])
    assert "可以安全拔出U盘" in trip["export"][1]
    assert "预览" in trip["dry"][1] and "导入结果" in trip["import"][1]


def test_township_summary_for_the_village_equals_the_villages(trip):
    assert trip["village_summary"]["households"] > 0
    assert trip["township_summary"] == trip["village_summary"]


def test_importing_again_says_already_imported_and_changes_nothing(trip):
    code, out, _err = trip["again"]
    assert code == 0
    report = json.loads(out)[0]
    assert report["already"] and not report["applied"] and "已导入过" in report["error"]
    assert trip["after_again"] == trip["township_summary"]


def test_status_lists_the_village(trip):
    data = json.loads(trip["status"][1])
    [village] = data["villages"]
    assert village["code"] == trip["code"] and village["bundles"] == 1 and village["gaps"] == {}
    assert data["rollup"]["total"]["households"] == trip["village_summary"]["households"]


def test_edits_of_different_fields_both_survive_and_same_field_is_kept_both_ways(trip, tmp_path):
    """Village edits phone and address; township edits address and bank: after corrections travel back and
    the next village bundle arrives, phone and bank agree on both sides and address is a reported conflict."""
    from fupin_desktop.services.context import open_context
    from fupin_desktop.sync import conflicts

    call, v, t = trip["call"], trip["v"], trip["t"]
    vctx = open_context(v, operator="村干部")
    hid = vctx.db.execute("SELECT id FROM households WHERE deleted = 0 ORDER BY number LIMIT 1").fetchone()[0]
    from fupin_desktop.storage import tables as tb

    with vctx.write() as w:
        w.update(tb.HOUSEHOLDS, hid, {"phone": "13900000001", "address": "村里写的地址"}, reason="村里核实")
    vctx.close()
    tctx = open_context(t, operator="乡镇员")
    with tctx.write() as w:
        w.update(tb.HOUSEHOLDS, hid, {"bank": "乡镇核对的银行", "address": "乡镇写的地址"}, reason="乡镇核对")
    tctx.close()
    down, up = tmp_path / "down", tmp_path / "up"
    down.mkdir()
    up.mkdir()
    assert call("--data-dir", t, "export", "--out", down)[0] == 0
    code, out, err = call("--data-dir", v, "import", *down.glob("*.fpb"), "--yes")
    assert code == 0, out + err
    assert call("--data-dir", v, "export", "--out", up)[0] == 0
    code, out, err = call("--data-dir", t, "import", *up.glob("*.fpb"), "--yes")
    assert code == 0, out + err
    for folder in (v, t):
        ctx = open_context(folder)
        phone, bank, address = ctx.db.execute("SELECT phone, bank, address FROM households WHERE id = ?",
                                              [hid]).fetchone()
        assert (phone, bank) == ("13900000001", "乡镇核对的银行"), folder
        assert address == "乡镇写的地址", folder  # provisional: the township's authority
        [conflict] = [c for c in conflicts.open_conflicts(ctx.db) if c["row_id"] == hid]
        assert conflict["field"] == "address"
        assert {h["value"] for h in conflict["heads"]} == {"村里写的地址", "乡镇写的地址"}
        ctx.close()
    code, out, _ = call("--data-dir", t, "conflicts")
    assert code == 0 and "需核实" in out and "村里写的地址" in out and "乡镇写的地址" in out


def test_bundle_bytes_hold_no_names_or_id_numbers(trip):
    import sqlite3

    data = trip["bundle"].read_bytes()
    con = sqlite3.connect(trip["v"] / "fupin.sqlite")
    people = con.execute("SELECT name, id_number, phone FROM members WHERE id_number != ''").fetchall()
    assert len(people) > 50
    for name, id_number, _phone in people:
        assert name.encode("utf-8") not in data
        assert id_number.encode("ascii") not in data
        assert id_number[-8:].encode("ascii") not in data
    for (account,) in con.execute("SELECT bank_account FROM households WHERE bank_account != ''"):
        assert account.encode() not in data
    con.close()


def test_conflict_report_and_village_status(trip, tmp_path):
    call = trip["call"]
    pdf = tmp_path / "report.pdf"
    code, out, err = call("--data-dir", trip["t"], "conflicts", "--pdf", pdf)
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF") and "已生成冲突报告" in out
    code, out, err = call("--data-dir", trip["v"], "sync", "status")
    assert code == 0 and "乡镇公钥" in out and "待发送" in out, err


def test_import_without_yes_and_without_a_terminal_asks_for_confirmation(trip, tmp_path):
    import sys

    call = trip["call"]
    stick = tmp_path / "again"
    stick.mkdir()
    code, out, err = call("--data-dir", trip["v"], "export", "--out", stick, "--full")
    assert code == 0, err
    stdin, sys.stdin = sys.stdin, None
    try:
        code, out, err = call("--data-dir", trip["t"], "import", *stick.glob("*.fpb"))
    finally:
        sys.stdin = stdin
    assert code == 1 and "--yes" in err and "预览" in out
