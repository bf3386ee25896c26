"""Big bundles read by worker processes (``sync.reader_process``): the same database as when read in this
process, book rows held for missing households, month sums right when some rows were already there, a
refused file among read ones, and no staging file left behind."""

import json
import sqlite3

import pytest

from fupin_desktop.storage import tables as t
from fupin_desktop.storage.migrations_speed import LEDGER_NET_FEN_SQL
from fupin_desktop.sync import crypto, ledger_lines, precheck
from fupin_desktop.sync import keys as k
from fupin_desktop.sync import reader_process as rp
from fupin_desktop.sync.merge import Merger, MergeReport
from fupin_desktop.sync.payload import LEDGER_COLUMNS, Payload
from tests.sync import world
from tests.sync.hostile_kit import craft

_SUBMIT = precheck._submit


def _months(ctx) -> list:
    return ctx.db.execute(f"SELECT household_id, month, net_fen FROM {t.LEDGER_MONTHS} ORDER BY 1, 2").fetchall()


def _months_from_book(ctx) -> list:
    return ctx.db.execute(f"SELECT household_id, substr(date, 1, 7), sum({LEDGER_NET_FEN_SQL}) FROM {t.LEDGER}"
                          " GROUP BY 1, 2 ORDER BY 1, 2").fetchall()


def _search(ctx) -> list:
    return ctx.db.execute(f"SELECT * FROM {t.HOUSEHOLD_SEARCH} ORDER BY 1").fetchall()


@pytest.fixture(scope="module")
def villages(base, tmp_path_factory):
    """Three villages' full bundles, the first village also from a second laptop (its book entries)."""
    root = tmp_path_factory.mktemp("reader-process")
    files = []
    for n, code in enumerate(("610702101205", "610702101206", "610702101207")):
        village = world.make_village(root / f"v{n}", base.identity, code=code, households=4 + n, ledger=12,
                                     id_base=f"61070219{70 + n}")
        files.append(world.export_to(village, root / "stick" / code).path)
        if n == 0:  # the same village on a second laptop
            world.new_device(village)
            hid = world.household_ids(village)[0]
            with village.write() as w:
                for day in range(3):
                    w.append_ledger({"household_id": hid, "date": f"2020-06-1{day}", "category": "21",
                                     "amount_fen": 700 + day, "note": "补记"})
            files.append(world.export_to(village, root / "stick" / "again").path)
        village.close()
    return root, files


def _import(base, root, name, files, monkeypatch, *, lines: int):
    monkeypatch.setattr(rp, "PROCESS_LINES", lines)
    monkeypatch.setattr(ledger_lines, "FOLD_ROWS", 1)  # the month sums added once per file, as for a big book
    submitted = []
    real = _SUBMIT

    def spy(*args):
        future = real(*args)
        submitted.append(future)
        return future

    monkeypatch.setattr(precheck, "_submit", spy)
    ctx = world.open_ctx(world.copy_installation(base.township, root / name))
    prepared = world.import_into(ctx, files, secrets=base.secrets)
    return ctx, prepared, submitted


def test_worker_processes_give_the_database_the_reading_thread_gives(base, villages, monkeypatch):
    root, files = villages
    here, in_thread, none = _import(base, root, "thread", files, monkeypatch, lines=10**9)
    there, in_worker, submitted = _import(base, root, "worker", files, monkeypatch, lines=1)
    try:
        assert not none and len(submitted) == len(files) - 1  # the first file is read by the thread
        assert all(f is not None and f.done() for f in submitted)
        assert [p.applied for p in in_worker] == [True] * len(files), [p.error for p in in_worker]
        assert [p.applied for p in in_thread] == [True] * len(files)
        assert [p.report.to_json() for p in in_worker] == [p.report.to_json() for p in in_thread]
        assert world.dump(there) == world.dump(here)
        assert _months(there) == _months(here) == _months_from_book(there)
        assert _search(there) == _search(here)
        assert in_worker[1].report.ledger_new == 3
        assert not (there.data_dir / rp.FOLDER).exists()
    finally:
        here.close()
        there.close()


def _book_line(hid: str, n: int, device: str) -> bytes:
    stamp = f"15922000000{n:02d}.0001.{device}"
    return json.dumps(["l", f"again-{n}", hid, f"2020-06-{1 + n:02d}", "11", 100 + n, None, "", "", "", "", stamp,
                       device, "村干部", ""], ensure_ascii=False, separators=(",", ":")).encode()


def test_a_book_partly_here_already_gets_the_month_sums_of_its_new_rows_only(base, monkeypatch, tmp_path):
    """Two bundles of one laptop whose books overlap: the second one's first rows are there already."""
    donor = world.open_ctx(world.copy_installation(base.village, tmp_path / "village"))
    device, hid = k.device_keys(donor), world.household_ids(donor)[0]
    donor.close()
    common = {"org": world.VILLAGE_CODE, "target": world.TOWNSHIP_CODE, "box_public": base.identity.box}
    paths = []
    for seq, numbers in ((7, range(0, 5)), (8, range(2, 9))):
        path = tmp_path / f"b{seq}.fpb"
        path.write_bytes(craft(device, lines=[_book_line(hid, n, device.device_id) for n in numbers], seq=seq, **common))
        paths.append(path)
    results = []
    monkeypatch.setattr(ledger_lines, "FOLD_ROWS", 1)
    for name, lines in (("thread", 10**9), ("worker", 1)):
        monkeypatch.setattr(rp, "PROCESS_LINES", lines)
        ctx = world.open_ctx(world.copy_installation(base.township_synced, tmp_path / name))
        prepared = world.import_into(ctx, paths, secrets=base.secrets)
        assert [p.applied for p in prepared] == [True, True], [p.error for p in prepared]
        assert (prepared[1].report.ledger_new, prepared[1].report.ledger_unchanged) == (4, 3)
        assert _months(ctx) == _months_from_book(ctx)
        results.append((world.dump(ctx), _months(ctx)))
        ctx.close()
    assert results[0] == results[1]


def test_book_rows_of_a_missing_household_wait_and_the_rest_go_in(base, tmp_path):
    ctx = world.open_ctx(world.copy_installation(base.township_synced, tmp_path / "township"))
    present = world.household_ids(ctx)[0]
    rows = [(f"l-{n}", present if n % 3 else "h-not-yet", f"2020-06-{10 + n:02d}", "11", 100 * n, None, "", "",
             "", "", f"15922000000{n:02d}.0001.abcdef123456", "abcdef123456", "村干部", "") for n in range(12)]
    rp.stage_book(rows, tmp_path / "book.sqlite")
    staged = Payload(ledger_file=str(tmp_path / "book.sqlite"), ledger_count=len(rows))
    before = _months(ctx)
    with rp.attached(ctx.db, staged):
        ctx.db.execute("BEGIN IMMEDIATE")
        report = MergeReport()
        Merger(ctx, source="import:test", report=report).ledger([], {present, "h-not-yet"}, 0, staged=len(rows))
        ctx.db.execute("COMMIT")
    try:
        held = [json.loads(r[0]) for r in ctx.db.execute("SELECT change FROM sync_held WHERE waiting_id = 'h-not-yet'")]
        assert sorted(h[2] for h in held) == ["l-0", "l-3", "l-6", "l-9"]
        assert report.ledger_new == 8
        got = ctx.db.execute(f"SELECT {', '.join(LEDGER_COLUMNS)} FROM {t.LEDGER} WHERE id LIKE 'l-%' ORDER BY id")
        assert sorted(map(tuple, got)) == sorted(r for r in rows if r[1] == present)
        assert _months(ctx) != before and _months(ctx) == _months_from_book(ctx)
    finally:
        ctx.close()


def test_a_bad_book_line_read_by_a_worker_refuses_that_file_only(base, villages, monkeypatch, tmp_path):
    root, files = villages
    donor = world.open_ctx(world.copy_installation(base.village, tmp_path / "village"))
    device, hid, stamp = k.device_keys(donor), world.household_ids(donor)[0], donor.hlc.tick()
    donor.close()
    good = json.dumps(["l", "x-1", hid, "2020-06-01", "11", 100, None, "", "", "", "", stamp, stamp.split(".")[2],
                       "村干部", ""], ensure_ascii=False, separators=(",", ":")).encode()
    bad = good.replace(b'"2020-06-01"', b'"2020-06-0x"')
    bundle = craft(device, org=world.VILLAGE_CODE, target=world.TOWNSHIP_CODE, lines=[good, bad],
                   box_public=base.identity.box, seq=7)
    path = tmp_path / "bad.fpb"
    path.write_bytes(bundle)
    ctx, prepared, submitted = _import(base, root, "with-bad", [files[2], path, files[3]], monkeypatch, lines=1)
    try:
        assert len(submitted) == 2
        assert [p.applied for p in prepared] == [True, False, True]
        assert "第 2 行格式不对" in prepared[1].error
        assert ctx.db.execute(f"SELECT count(*) FROM {t.LEDGER} WHERE id = 'x-1'").fetchone()[0] == 0
        assert not (ctx.data_dir / rp.FOLDER).exists()
    finally:
        ctx.close()


def test_staging_files_of_a_killed_import_are_removed(tmp_path):
    folder = tmp_path / rp.FOLDER
    folder.mkdir()
    (folder / "3.sqlite").write_bytes(crypto.random_bytes())
    rp.clear_staging(tmp_path)
    assert not folder.exists()


def test_a_worker_that_cannot_write_its_staging_file_leaves_the_file_to_this_process(base, villages, monkeypatch):
    """The worker fails for a reason of its own (here: its staging file's folder is gone): the file is read in
    the importing process instead, and the import ends as it would have."""
    root, files = villages
    here, in_thread, _ = _import(base, root, "thread-again", files, monkeypatch, lines=10**9)
    outcomes = []

    def unwritable(workers, data_dir, opened, columns, path):
        future = _SUBMIT(workers, data_dir, opened, columns, path.parent / "gone" / path.name)
        outcomes.append(future)
        return future

    monkeypatch.setattr(rp, "PROCESS_LINES", 1)
    monkeypatch.setattr(precheck, "_submit", unwritable)
    there = world.open_ctx(world.copy_installation(base.township, root / "unwritable"))
    prepared = world.import_into(there, files, secrets=base.secrets)
    try:
        assert len(outcomes) == len(files) - 1
        assert all(isinstance(f.exception(), sqlite3.OperationalError) for f in outcomes)
        assert [p.applied for p in prepared] == [True] * len(files), [p.error for p in prepared]
        assert world.dump(there) == world.dump(here)
        assert _months(there) == _months(here)
    finally:
        here.close()
        there.close()
