"""The daily book's fast paths against the rules they stand for.

- The column-wise check (``ledger_lines.columns``) never accepts a set of lines that ``ledger_lines.row``
  (the rule, line by line) refuses, gives the same rows, and the refusal names the same first bad line.
- Applying through the staging table: entries of a household that has not arrived wait and come out the
  same as in the other order; a re-import whose entries are partly there adds only the missing ones; the
  book's ``AFTER INSERT`` triggers fire exactly once per new entry (and the per-month sums they keep match
  the village's); a big bundle (temporary files in memory, larger caches) gives the same database as a
  small one and leaves the connection as it found it.
- Reading the next file while one is applied: a list imported in one go gives what the files imported one
  by one give, and a failed import leaves no reader thread behind.
"""

import datetime as dt
import json
import math
import uuid
from unittest import mock

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fupin_desktop.storage import tables as t
from fupin_desktop.sync import importer, ledger_lines, payload
from fupin_desktop.sync.errors import BundleRefused
from tests.sync import world

DEVICE = "dev01"
STAMP = "1592200000000.0001." + DEVICE


def _good(n: int) -> list:
    return ["l", f"e{n:04d}", f"h{n % 3}", "2020-05-0" + str(1 + n % 9), "11", 100 + n,
            None if n % 2 else 1.5, "斤", "记账", "村干部", "", f"15922000{n:05d}.0001.{DEVICE}", DEVICE, "op", ""]


# values the rule may or may not accept in a column, and changes of a line's shape
VALUES = (None, True, False, 0, -1, 2**53, -2**53, 2**53 - 1, 1 - 2**53, 1.5, math.nan, math.inf, -math.inf, -1e15,
          1e15 - 1, 1e15, "", "x" * 64, "x" * 65, "x" * 16, "x" * 17, "２０２０-０１-０１", "2020-1-1", "2020-01-01",
          [], {}, [1], "早", "e0001", "h1", "1.2.3", f"1592200000000.0001.{DEVICE}", "1592200000000.0001.other",
          "x" * 16384, "x" * 16385, 10**30, "\u0000", "\\", "1592200000000.0001.x." + DEVICE)
SHAPES = ("drop", "extra", "extra data", "nested", "object", "trailing space", "two")
SPOILS = [(column, value) for column in range(15) for value in VALUES] + [(-1, shape) for shape in SHAPES]


def _line(item) -> bytes:
    return json.dumps(item, ensure_ascii=False, separators=(",", ":")).encode()


def _spoil(item: list, change) -> bytes:
    column, value = change
    if column >= 0:
        item = list(item)
        item[column] = value
        return _line(item).replace(b"Infinity", b"1e999")
    line = _line(item)
    return {"drop": _line(item[:-1]), "extra": _line([*item, ""]), "extra data": line + b"]",
            "nested": _line([*item[:-1], [1]]), "object": _line([*item[:-1], {"a": 1}]),
            "trailing space": line + b" ", "two": line + b"," + line}[value]


def _rule(lines: list[bytes]):
    """What ``row`` says, line by line: ("ok", rows) or ("bad", index of the first bad line)."""
    rows = []
    for i, raw in enumerate(lines):
        try:
            rows.append(ledger_lines.row(json.loads(raw)))
        except (ledger_lines.BadLine, ValueError, RecursionError):
            return "bad", i
    return "ok", rows


def test_column_check_agrees_with_the_rule_for_every_single_fault():
    for spoil in SPOILS:
        _agree(3, [(1, spoil)])
        _agree(7, [(5, spoil)], slice_size=2)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(count=st.integers(1, 12), spoils=st.lists(st.tuples(st.integers(0, 11), st.sampled_from(SPOILS)), max_size=3),
       slice_size=st.integers(1, 5))
@example(count=3, spoils=[(1, (6, math.nan)), (2, (5, True))], slice_size=1)
@example(count=3, spoils=[(2, (-1, "trailing space")), (0, (-1, "two"))], slice_size=2)
def test_column_check_agrees_with_the_rule(count, spoils, slice_size):
    _agree(count, spoils, slice_size)


def _agree(count: int, spoils: list, slice_size: int = payload.SLICE) -> None:
    with mock.patch.object(payload, "SLICE", slice_size):
        _agree_in_slices(count, spoils)


def _agree_in_slices(count: int, spoils: list) -> None:
    lines = [_line(_good(n)) for n in range(count)]
    for index, change in spoils:
        if index < count:
            lines[index] = _spoil(_good(index), change)
    lines = [raw for raw in lines if raw.startswith(ledger_lines.PREFIX)]
    numbers = [n * 10 for n in range(1, len(lines) + 1)]
    verdict, found = _rule(lines)
    if ledger_lines.columns(lines) is not None:
        assert verdict == "ok", (lines, found)
    if verdict == "ok":
        rows, households = ledger_lines.check(lines, numbers)
        assert [list(r) for r in rows] == [list(r) for r in found]
        assert households == {r[1] for r in found}
    else:
        with pytest.raises(BundleRefused, match=f"第 {numbers[found]} 行"):
            ledger_lines.check(lines, numbers)


def test_the_column_check_takes_the_usual_lines():
    lines = [_line(_good(n)) for n in range(50)]
    assert ledger_lines.columns(lines) is not None
    assert ledger_lines.check([], []) == ([], set())


# --- applying -----------------------------------------------------------------------------------------------------

def _watch_book(ctx) -> None:
    """Count every row the book's AFTER INSERT triggers see (a temporary trigger of this connection)."""
    ctx.db.execute("CREATE TEMP TABLE IF NOT EXISTS seen (id TEXT)")
    ctx.db.execute("CREATE TEMP TRIGGER IF NOT EXISTS watch_book AFTER INSERT ON main.ledger"
                   " BEGIN INSERT INTO seen VALUES (NEW.id); END")


def _seen(ctx) -> list[str]:
    return sorted(r[0] for r in ctx.db.execute("SELECT id FROM temp.seen"))


def _book(ctx) -> list[tuple]:
    return sorted(map(tuple, ctx.db.execute(f"SELECT * FROM {t.LEDGER}").fetchall()))


def _per_month(ctx) -> list[tuple]:
    """The per-month sums the book's trigger keeps (whatever their columns), where the schema has them."""
    if not ctx.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'ledger_months'").fetchone():
        return []
    return sorted(map(tuple, ctx.db.execute("SELECT * FROM ledger_months").fetchall()))


def _entries(village, household_id: str, count: int, day: str = "2020-05-02") -> None:
    with village.write() as w:
        for n in range(count):
            w.append_ledger({"household_id": household_id, "date": day, "category": "11", "amount_fen": 700 + n})


def _import(ctx, path, base):
    [prepared] = world.import_into(ctx, [path], secrets=base.secrets)
    assert prepared.applied, prepared.error
    return prepared.report


def test_book_entries_before_their_household_wait_and_match_the_other_order(base, copies, tmp_path):
    village = copies("village")
    village_id = village.db.execute("SELECT id FROM villages").fetchone()[0]
    known = world.household_ids(village)[0]
    new = str(uuid.uuid4())
    with village.write() as w:
        w.insert(t.HOUSEHOLDS, {"id": new, "village_id": village_id, "number": "N1"})
    first = world.export_to(village, tmp_path / "one").path
    _entries(village, new, 4)
    _entries(village, known, 3)
    second = world.export_to(village, tmp_path / "two").path
    late, early = copies("township_synced", "late"), copies("township_synced", "early")
    for ctx in (late, early):
        _watch_book(ctx)
    report = _import(late, second, base)
    assert (report.held, report.ledger_new, report.ledger_unchanged) == (4, 3, 0)
    assert late.db.execute("SELECT count(*) FROM sync_held WHERE tbl = 'ledger'").fetchone()[0] == 4
    assert len(_seen(late)) == 3
    report = _import(late, first, base)
    assert report.released == 4 and report.ledger_new == 4
    _import(early, first, base)
    report = _import(early, second, base)
    assert (report.held, report.ledger_new) == (0, 7)
    assert world.dump(late) == world.dump(early)
    assert _book(late) == _book(village)
    for ctx in (late, early):
        assert _seen(ctx) == sorted(r[0] for r in ctx.db.execute(
            f"SELECT id FROM {t.LEDGER} WHERE household_id = ? OR date = '2020-05-02'", [new]))
        assert _per_month(ctx) == _per_month(village)
        assert ctx.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_reimport_with_book_entries_partly_there_adds_only_the_missing(base, copies, tmp_path):
    village, township = copies("village"), copies("township_synced")
    households = world.household_ids(village)
    _entries(village, households[0], 3)
    report = _import(township, world.export_to(village, tmp_path / "two").path, base)
    assert (report.ledger_new, report.ledger_unchanged) == (3, 0)
    _entries(village, households[1], 2, day="2020-05-03")
    _watch_book(township)
    before = _book(township)
    full = world.export_to(village, tmp_path / "full", full=True)
    assert full.kind == "full_snapshot"
    report = _import(township, full.path, base)
    assert (report.ledger_new, report.ledger_unchanged) == (2, len(before))
    assert report.new == 0 and report.conflicts == 0
    assert _book(township) == _book(village)
    assert _seen(township) == sorted(r[0] for r in township.db.execute(
        f"SELECT id FROM {t.LEDGER} WHERE date = '2020-05-03'"))
    assert _per_month(township) == _per_month(village)
    [again] = world.import_into(township, [full.path], secrets=base.secrets)
    assert again.already and _book(township) == _book(village)


def test_a_big_bundle_gives_the_same_database_and_leaves_the_connection_as_it_was(base, copies, monkeypatch):
    township = copies("township")
    settings_before = [township.db.execute(f"PRAGMA {name}").fetchone()[0] for name in importer.BIG_PRAGMAS]
    monkeypatch.setattr(importer, "BIG_BUNDLE_LINES", 0)
    [prepared] = world.import_into(township, [base.bundle], secrets=base.secrets, dry=True)
    assert prepared.report.ledger_new == 15
    [prepared] = world.import_into(township, [base.bundle], secrets=base.secrets)
    assert prepared.applied and prepared.report.ledger_new == 15
    assert [township.db.execute(f"PRAGMA {name}").fetchone()[0] for name in importer.BIG_PRAGMAS] == settings_before
    staged = township.db.execute("SELECT 1 FROM sqlite_temp_master WHERE name = 'sync_ledger_in'").fetchone()
    assert staged is None or township.db.execute(f"SELECT count(*) FROM {ledger_lines.STAGING}").fetchone()[0] == 0
    synced = copies("township_synced")
    assert world.dump(township) == world.dump(synced)
    assert _per_month(township) == _per_month(synced)


# --- reading the next file while one is applied ---------------------------------------------------------------------

def test_files_read_ahead_get_the_checks_of_the_database_they_meet(base, copies, tmp_path):
    """A list imported in one go gives what the files imported one by one give, although each file after the
    first is opened before the one before it is applied: a forged key for a device the first file pins, and
    the first file again, are both refused."""
    from fupin_desktop.sync import crypto
    from fupin_desktop.sync import keys as k
    from tests.sync.hostile_kit import change_line, craft

    village = copies("village")
    device = k.device_keys(village)
    forged_keys = k.DeviceKeys(device.device_id, *crypto.ed25519_generate(), device.box_private, device.box_public)
    line = change_line("households", world.household_ids(village)[0], "phone", "13900000001", village.hlc.tick())
    forged = tmp_path / "forged.fpb"
    forged.write_bytes(craft(forged_keys, org=world.VILLAGE_CODE, target=world.TOWNSHIP_CODE,
                             box_public=base.identity.box, lines=[line]))
    _entries(village, world.household_ids(village)[1], 2)
    later = world.export_to(village, tmp_path / "later").path
    files = [base.bundle, forged, base.bundle, later]
    together, apart = copies("township", "together"), copies("township", "apart")
    in_one_go = world.import_into(together, files, secrets=base.secrets)
    one_by_one = [world.import_into(apart, [path], secrets=base.secrets)[0] for path in files]
    for p in (in_one_go, one_by_one):
        assert [(x.applied, x.already) for x in p] == [(True, False), (False, False), (False, True), (True, False)]
        assert "密钥" in p[1].error and "已导入过" in p[2].error
        assert p[3].report.ledger_new == 2
    assert world.dump(together) == world.dump(apart)


def test_a_failed_import_leaves_no_reader_behind(base, copies, monkeypatch):
    import threading

    township = copies("township")

    def fail(*_args, **_kwargs):
        raise RuntimeError("stop")

    monkeypatch.setattr(importer, "apply", fail)
    with pytest.raises(RuntimeError) as caught:
        world.import_into(township, [base.bundle, base.bundle, base.bundle], secrets=base.secrets)
    # at once, not after a grace period, and while the error (and with it the import's frames) is still held,
    # as a window that shows it does: the import stopped its reader before it let the error through
    assert caught.value.__traceback__ is not None
    assert not [thread for thread in threading.enumerate() if thread.name.startswith("fupin-read")]
    assert township.db.execute("SELECT count(*) FROM sync_imports").fetchone()[0] == 0


# --- a big book: the month sums added once instead of by the trigger ------------------------------------------------

def _schema(ctx) -> list[tuple]:
    return sorted(ctx.db.execute("SELECT type, name, tbl_name, sql FROM main.sqlite_master").fetchall())


def _months_right(ctx) -> None:
    from tests.storage.derived_tables import expected_ledger_months, stored_ledger_months

    assert stored_ledger_months(ctx.db) == expected_ledger_months(ctx.db)


def _odd_entries(village, households: list[str]) -> None:
    """Book lines of every kind the month sums treat apart: income, production expense, living expense, codes
    with blanks and unknown codes, reversing entries, several months and a household-month already summed."""
    categories = ("11", "21", "31", "41", "51", "61", " 52", "\u300013", "99", "x", "")
    with village.write() as w:
        for n in range(44):
            w.append_ledger({"household_id": households[n % len(households)], "date": f"2020-0{1 + n % 6}-0{1 + n % 9}",
                             "category": categories[n % len(categories)], "amount_fen": (-1) ** n * (300 + 7 * n)})


@pytest.mark.parametrize("fold_rows", [0, 10**9], ids=["folded", "by trigger"])
def test_a_big_book_gets_the_month_sums_of_its_entries(base, copies, tmp_path, monkeypatch, fold_rows):
    """The folded sums equal those computed from the book, on top of sums already there; the schema, the
    trigger included, is the same after the import (dry run and real one) and keeps the sums afterwards."""
    from fupin_desktop.services.ledger import add_entry

    monkeypatch.setattr(ledger_lines, "FOLD_ROWS", fold_rows)
    village, township = copies("village"), copies("township_synced")
    households = world.household_ids(village)
    _odd_entries(village, households)
    bundle = world.export_to(village, tmp_path / "full", full=True).path
    schema = _schema(township)
    assert any(name == ledger_lines.MONTHS_TRIGGER for _kind, name, _tbl, _sql in schema)
    _watch_book(township)
    before = _per_month(township)
    [dry] = world.import_into(township, [bundle], secrets=base.secrets, dry=True)
    assert dry.report.ledger_new == 44
    assert _schema(township) == schema and _per_month(township) == before
    report = _import(township, bundle, base)
    assert report.ledger_new == 44
    assert _schema(township) == schema
    assert len(_seen(township)) == 44  # other AFTER INSERT triggers still see every new entry once
    _months_right(township)
    assert _per_month(township) == _per_month(village)
    add_entry(township, households[0], date=dt.date(2020, 3, 3), category="11", amount_fen=5)
    _months_right(township)  # the trigger is back at work
    assert township.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_failed_fold_leaves_book_sums_and_trigger_as_they_were(base, copies, tmp_path, monkeypatch):
    village, township = copies("village"), copies("township_synced")
    _odd_entries(village, world.household_ids(village))
    bundle = world.export_to(village, tmp_path / "full", full=True).path
    monkeypatch.setattr(ledger_lines, "FOLD_ROWS", 0)
    monkeypatch.setattr(ledger_lines, "_FOLD", ledger_lines._FOLD.replace("sum(", "no_such_function("))
    schema, book, months = _schema(township), _book(township), _per_month(township)
    [prepared] = world.import_into(township, [bundle], secrets=base.secrets)
    assert not prepared.applied and "整体拒绝" in prepared.error
    assert (_schema(township), _book(township), _per_month(township)) == (schema, book, months)
    # in a transaction that goes on after the failure, the savepoint has already put everything back
    township.db.execute("BEGIN IMMEDIATE")
    with pytest.raises(Exception, match="no_such_function"):
        ledger_lines.insert(township.db, [("fold-x", world.household_ids(township)[0], "2020-01-01", "11", 5, None, "",
                                          "", "", "", STAMP, DEVICE, "", "")])
    assert _schema(township) == schema and _book(township) == book
    township.db.execute("COMMIT")
    assert (_schema(township), _book(township), _per_month(township)) == (schema, book, months)
