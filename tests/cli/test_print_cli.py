"""``fupin print …``: every document from the command line, into one file or one file per household."""

import datetime as dt
import re

import pytest
from pypdf import PdfReader

from fupin_desktop.cli.main import main

TODAY = dt.datetime(2020, 6, 15, 9, 30)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    from fupin_desktop.domain.clock import FixedClock
    from fupin_desktop.services import demo
    from fupin_desktop.services.context import open_context
    from fupin_desktop.services.derived import refresh

    folder = tmp_path_factory.mktemp("print-cli")
    clock = FixedClock(TODAY)
    ctx = open_context(folder, operator="测试员", clock=clock)
    demo.generate(ctx.db, size="small", seed=7, today=clock.today(), hlc=ctx.hlc)
    with ctx.db.atomic():
        refresh(ctx)
    rows = ctx.db.execute("SELECT id, number, head_name FROM households WHERE deleted = 0 ORDER BY number"
                          " LIMIT 2").fetchall()
    ctx.close()
    return folder, rows


def fupin(data_dir, *args) -> int:
    return main(["--data-dir", str(data_dir), "print", *args])


def text_of(path) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in PdfReader(path).pages))


@pytest.mark.parametrize("doc", ["packet", "signoff", "card", "mingbai"])
def test_household_documents_by_number_and_by_name(data_dir, tmp_path, capsys, doc):
    folder, rows = data_dir
    (_id1, number1, _head1), (_id2, _number2, head2) = rows
    extra = ["--month", "2020-03"] if doc == "card" else []
    out = tmp_path / f"{doc}.pdf"
    assert fupin(folder, doc, "--households", number1, head2, "--out", str(out), *extra) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == str(out)
    assert "已打印" in captured.err and "2/2 户" in captured.err
    text = text_of(out)
    assert number1 in text and head2 in text


def test_one_file_per_household_into_a_folder(data_dir, tmp_path, capsys):
    folder, rows = data_dir
    out = tmp_path / "cards"
    assert fupin(folder, "card", "--households", *[r[0] for r in rows], "--month", "2020-05",
                 "--out-dir", str(out)) == 0
    written = capsys.readouterr().out.split()
    assert len(written) == 2 and all("card-2020-05-000" in name for name in written)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.rsplit("/", 1)[-1] for p in written)


@pytest.mark.parametrize("doc", ["roster", "notice", "dashboard"])
def test_village_documents(data_dir, tmp_path, capsys, doc):
    folder, _rows = data_dir
    out = tmp_path / f"{doc}.pdf"
    assert fupin(folder, doc, "--out", str(out)) == 0
    assert capsys.readouterr().out.strip() == str(out)
    text = text_of(out)
    assert text
    if doc in ("roster", "notice"):
        assert not re.search(r"(?<![0-9])[0-9]{17}[0-9X](?![0-9])", text)


def test_show_ids_prints_full_numbers_on_the_roster(data_dir, tmp_path):
    folder, _rows = data_dir
    out = tmp_path / "roster.pdf"
    assert fupin(folder, "roster", "--households", "all", "--show-ids", "--out", str(out)) == 0
    assert re.search(r"[0-9]{17}[0-9X]", text_of(out))


@pytest.mark.parametrize("args, message", [
    (["card", "--month", "2020-13", "--out", "x.pdf"], "月份"),
    (["packet", "--households", "没有这个人", "--out", "x.pdf"], "找不到"),
    (["packet", "--out", "x.txt"], ".pdf"),
    (["roster", "--month", "2020-01", "--out", "x.pdf"], "--month"),
    (["packet", "--households", "all", "王", "--out", "x.pdf"], "all"),
])
def test_errors_are_one_chinese_line(data_dir, tmp_path, capsys, args, message):
    folder, _rows = data_dir
    args = [a if a not in ("x.pdf", "x.txt") else str(tmp_path / a) for a in args]
    assert fupin(folder, *args) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("错误：") and message in err and "\n" not in err
    assert list(tmp_path.iterdir()) == []


def test_packets_on_two_processes_are_the_same_file(data_dir, tmp_path, capsys):
    folder, _ = data_dir
    one, two = tmp_path / "one.pdf", tmp_path / "two.pdf"
    assert fupin(folder, "packet", "--out", str(one)) == 0
    assert fupin(folder, "packet", "--out", str(two), "--workers", "2") == 0
    first, second = PdfReader(one), PdfReader(two)
    assert len(first.pages) == len(second.pages) > 40
    assert [p.extract_text() for p in first.pages] == [p.extract_text() for p in second.pages]
    assert fupin(folder, "packet", "--out", str(two), "--workers", "0") != 0
    assert "--workers" in capsys.readouterr().err
