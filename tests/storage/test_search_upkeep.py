"""A big bulk flush keeps the search tables once for all its households and members (``storage.search_upkeep``):
the same household_search, search_grams and id_trigrams as the per-row triggers give, the same schema
afterwards, and nothing changed when the flush fails (or the process is killed) half-way."""

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fupin_desktop.domain.clock import FixedClock
from fupin_desktop.domain.idnumber import make_id_number
from fupin_desktop.domain.names import name_initials
from fupin_desktop.services.context import DB_FILE_NAME, open_context
from fupin_desktop.storage import search_upkeep
from fupin_desktop.storage import tables as t
from fupin_desktop.storage.bulk import BulkLoader
from fupin_desktop.storage.migrations_speed import HOUSEHOLD_TRIGGER, MEMBER_TRIGGER
from tests.storage.derived_tables import expected_household_search, missing_grams, stored_household_search

ROOT = Path(__file__).resolve().parents[2]
VILLAGE = {"id": "v-longjiang", "code": "610702101201", "name": "龙江村", "township": "龙江镇"}
LONG_NAMES = ("阿卜杜热合曼·买买提托合提·艾力江", "Muhammad Abdurrahman Tokhtiyev", "买买提明·阿不都热依木·吐尔逊江")
SHARED = ("王小明", "王小红", "王明", "小明", "Wang Xiaoming", "wang XIAOMING")  # the same pieces, any case
GIVEN = "德福贵发有全生才财明国建华忠林山海荣金春秀英兰桂芳凤珍莲玉翠梅"
NUMBERS = ("一组-12", "A12b", "龙江村一组第十二号困难户家庭档案编号甲", "6107021012010000099")  # odd numbers


def _context(path: Path):
    return open_context(path, operator="测试员", clock=FixedClock(dt.datetime(2020, 6, 15, 9, 30)))


def _name(i: int) -> str:
    if i % 13 == 5:
        return LONG_NAMES[i % len(LONG_NAMES)]
    if i % 4 == 1:
        return SHARED[i % len(SHARED)]
    return "张李"[i % 2] + GIVEN[i % len(GIVEN)] + GIVEN[(i * 7) % len(GIVEN)] * (i % 2)


def _member(i: int, household_id: str, seq: int, *, deleted: int = 0, short: bool = False) -> dict:
    name = _name(i)
    row = {"id": f"m{i:05d}", "household_id": household_id, "name": name,
           "name_initials": name_initials(name).upper() if i % 9 == 0 else name_initials(name),
           "id_number": make_id_number("610702", dt.date(1950 + i % 60, 1 + i % 12, 1 + i % 28), i % 1000)
           if i % 6 else "", "seq": seq}
    if not short:  # a second column tuple: the members of one flush come in two batches
        row["deleted"] = deleted
    return row


def _households(first: int, count: int) -> list[dict]:
    rows = []
    for i in range(first, first + count):
        number = NUMBERS[i % len(NUMBERS)] if i % 11 == 3 else f"61070210120100{i:05d}"
        rows.append({"id": f"h{i:04d}", "village_id": VILLAGE["id"], "number": number,
                     "village_group": "一组二组三组"[i % 3 * 2:i % 3 * 2 + 2], "deleted": int(i % 17 == 8)})
    return rows


def _load(ctx, households: list[dict], members: list[dict], defer: int) -> list[str]:
    """Rows through one BulkLoader flush; the SQL statements it ran."""
    seen: list[str] = []
    ctx.db.conn.set_trace_callback(seen.append)
    try:
        with BulkLoader(ctx.db, ctx.hlc, "测试员", "test", defer_search_rows=defer) as loader:
            for row in households:
                loader.add(t.HOUSEHOLDS, dict(row))
            for row in members:
                loader.add(t.MEMBERS, dict(row))
    finally:
        ctx.db.conn.set_trace_callback(None)
    return seen


def _base(ctx) -> None:
    """A village and 30 households, 26 of them with members, written with the trigger at work."""
    with BulkLoader(ctx.db, ctx.hlc, "测试员", "test", defer_search_rows=0) as loader:
        loader.add(t.VILLAGES, dict(VILLAGE))
    households = _households(0, 30)
    members = [_member(i, f"h{i % 26:04d}", i // 26, deleted=int(i % 10 == 7)) for i in range(90)]
    _load(ctx, households, members, defer=0)


def _second_load(shape: str = "mixed") -> tuple[list[dict], list[dict]]:
    """New households with members, and more members for households that already have some (or none);
    or only new households (``households``), or only members of the households there (``members``)."""
    households = [] if shape == "members" else _households(30, 300 if shape == "households" else 60)
    members = []
    for i in range(1000, 1000 if shape == "households" else 1400):
        household = i % (30 if shape == "members" else 90)  # 0..29 there (26..29 without members), 30.. new
        members.append(_member(i, f"h{household:04d}", 10 + i, deleted=int(i % 10 == 7), short=i % 5 == 0))
    return households, members


def _schema(db) -> list[tuple]:
    return db.execute("SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master ORDER BY type, name").fetchall()


def _order_but_triggers(db) -> list[str]:
    """The objects in ``sqlite_master`` in their stored order, without the two triggers set aside (theirs moves)."""
    return [row[0] for row in db.execute("SELECT name FROM sqlite_master ORDER BY rowid")
            if row[0] not in (HOUSEHOLD_TRIGGER, MEMBER_TRIGGER)]


def _fragments(db) -> list[str]:
    """Pieces of three to eight characters of the stored numbers and ID numbers, some not found anywhere."""
    found = {"XYZ", "999999999", "一组-", "01201000"}
    for number, ids in db.execute(f"SELECT number, ids FROM {t.HOUSEHOLD_SEARCH} ORDER BY n"):
        for text in [number, *ids.split("\x1f")]:
            if len(text) >= 8:
                found |= {text[:3], text[2:8], text[-4:], text[5:9]}
    return sorted(found)


def _search_state(db, fragments: list[str]) -> dict:
    state = {
        "household_search": db.execute(f"SELECT * FROM {t.HOUSEHOLD_SEARCH} ORDER BY n").fetchall(),
        "search_grams": db.execute(f"SELECT gram, n FROM {t.SEARCH_GRAMS} ORDER BY gram, n").fetchall(),
        "members": db.execute(f"SELECT id, household_id, name FROM {t.MEMBERS} ORDER BY id").fetchall(),
        "matches": {f: db.execute(
            f"SELECT rowid FROM {t.ID_TRIGRAMS} WHERE {t.ID_TRIGRAMS} MATCH ? ORDER BY rowid",
            ['"' + f.replace('"', '""') + '"']).fetchall() for f in fragments},
    }
    # What the FTS index itself holds (not its external content): every term instance, deletes applied.
    db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.trigram_terms USING fts5vocab(main, {t.ID_TRIGRAMS},"
               " 'instance')")
    state["id_trigrams"] = db.execute("SELECT term, doc, col, offset FROM temp.trigram_terms"
                                      " ORDER BY term, doc, col, offset").fetchall()
    db.execute("DROP TABLE temp.trigram_terms")
    db.execute(f"INSERT INTO {t.ID_TRIGRAMS} ({t.ID_TRIGRAMS}) VALUES ('integrity-check')")
    return state


@pytest.fixture
def two(tmp_path):
    """Two databases with the same first load."""
    a, b = _context(tmp_path / "deferred"), _context(tmp_path / "by_row")
    for ctx in (a, b):
        _base(ctx)
    yield a, b
    a.close()
    b.close()


@pytest.mark.parametrize("shape", ["mixed", "members", "households"])
def test_deferred_upkeep_gives_what_the_trigger_gives(two, shape):
    deferred, by_row = two
    assert by_row.db.execute(f"SELECT count(*) FROM {t.MEMBERS}").fetchone()[0] == 90
    households, members = _second_load(shape)
    schema, order = _schema(deferred.db), _order_but_triggers(deferred.db)
    assert schema == _schema(by_row.db)

    seen_deferred = _load(deferred, households, members, defer=search_upkeep.DEFER_ROWS)
    seen_by_row = _load(by_row, households, members, defer=0)

    assert {f"DROP TRIGGER {HOUSEHOLD_TRIGGER}", f"DROP TRIGGER {MEMBER_TRIGGER}"} <= set(seen_deferred)
    assert not any(s.startswith("DROP TRIGGER") for s in seen_by_row)
    assert _schema(deferred.db) == schema == _schema(by_row.db)
    assert _order_but_triggers(deferred.db) == order
    fragments = _fragments(by_row.db)
    expected = _search_state(by_row.db, fragments)
    assert expected["search_grams"] and any(expected["matches"].values())
    assert _search_state(deferred.db, fragments) == expected
    # Both agree with the search tables recomputed from the rows (so neither is wrong the same way).
    for db in (deferred.db, by_row.db):
        assert stored_household_search(db) == expected_household_search(db)
        assert missing_grams(db) == []
    exact = dict(deferred.db.execute(f"SELECT household_id, exact FROM {t.HOUSEHOLD_SEARCH}").fetchall())
    assert exact["h0005"] == 0  # a long name among the first members
    assert 0 in (exact[f"h{i:04d}"] for i in range(30 if households else 6, 90 if households else 30))
    assert 1 in exact.values()
    for ctx in two:  # the triggers are at work again: a single household and member are kept by them
        _load(ctx, _households(900, 1), [_member(5000, "h0900", 0), _member(5001, "h0020", 99)],
              defer=search_upkeep.DEFER_ROWS)
    assert _search_state(deferred.db, fragments) == _search_state(by_row.db, fragments)


def test_small_flush_leaves_the_trigger_at_work(ctx):
    _base(ctx)
    households = _households(30, 5)
    members = [_member(2000 + k, f"h{k % 35:04d}", 50 + k) for k in range(search_upkeep.DEFER_ROWS - 6)]
    seen = _load(ctx, households, members, defer=search_upkeep.DEFER_ROWS)
    assert not any("TRIGGER" in s for s in seen)
    assert stored_household_search(ctx.db) == expected_household_search(ctx.db)
    assert missing_grams(ctx.db) == []


@pytest.mark.parametrize("where", ["upkeep", "later_table"])
def test_failure_mid_flush_rolls_back_rows_and_trigger(ctx, monkeypatch, where):
    _base(ctx)
    households, members = _second_load()
    fragments = _fragments(ctx.db)
    schema, before = _schema(ctx.db), _search_state(ctx.db, fragments)
    if where == "upkeep":  # fails after the recompute and the first pieces went in
        broken = list(search_upkeep._UPKEEP_SQL)
        broken.insert(2, "INSERT INTO no_such_table VALUES (1)")
        monkeypatch.setattr(search_upkeep, "_UPKEEP_SQL", broken)
    loader = BulkLoader(ctx.db, ctx.hlc, "测试员", "test")
    for row in households:
        loader.add(t.HOUSEHOLDS, dict(row))
    for row in members:
        loader.add(t.MEMBERS, dict(row))
    if where == "later_table":  # a visit of an unknown household fails after the members went in
        loader.add(t.VISITS, {"household_id": "no-such-household", "date": "2020-06-01"})
    with pytest.raises(sqlite3.Error):
        loader.flush()
    loader.close()
    assert not ctx.db.conn.in_transaction
    assert _schema(ctx.db) == schema
    assert _search_state(ctx.db, fragments) == before
    assert ctx.db.execute(f"SELECT count(*) FROM {t.MEMBERS}").fetchone()[0] == 90
    _load(ctx, [], [_member(5000, "h0001", 99)], defer=0)  # the trigger is back
    assert stored_household_search(ctx.db) == expected_household_search(ctx.db)
    assert missing_grams(ctx.db) == []


_KILLED_FLUSH = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, sys.argv[2])
    from fupin_desktop.storage import search_upkeep
    from tests.storage import test_search_upkeep as case

    class Killed:  # reached after the members went in and the trigger was dropped, before the upkeep
        def __iter__(self):
            os.kill(os.getpid(), signal.SIGKILL)

    search_upkeep._UPKEEP_SQL = Killed()
    ctx = case._context(sys.argv[1])
    households, members = case._second_load()
    case._load(ctx, households, members, defer=search_upkeep.DEFER_ROWS)
""")


def test_kill_mid_flush_leaves_the_database_as_before(tmp_path):
    data = tmp_path / "data"
    ctx = _context(data)
    _base(ctx)
    fragments = _fragments(ctx.db)
    schema, before = _schema(ctx.db), _search_state(ctx.db, fragments)
    ctx.close()
    done = subprocess.run([sys.executable, "-c", _KILLED_FLUSH, str(data), str(ROOT)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert os.path.exists(data / f"{DB_FILE_NAME}-wal")
    ctx = _context(data)
    try:
        assert _schema(ctx.db) == schema
        assert _search_state(ctx.db, fragments) == before
        _load(ctx, [], [_member(5000, "h0001", 99)], defer=0)  # the trigger is there
        assert stored_household_search(ctx.db) == expected_household_search(ctx.db)
        assert missing_grams(ctx.db) == []
    finally:
        ctx.close()
