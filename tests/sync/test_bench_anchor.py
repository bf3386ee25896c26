"""The sync bench's anchor and floor (``sync.bench._anchor``) write the same rows into the program's own
schema, so the import's ratio to them is an honest one: both end with the village's rows, the schema a fresh
database of the program has (triggers included, nothing left over), and month sums equal to the book."""

import sqlite3

import pytest

from fupin_desktop.storage.database import open_database
from fupin_desktop.sync import bench, ledger_lines
from tests.storage.derived_tables import expected_ledger_months, stored_ledger_months
from tests.sync import world

TABLES = ("villages", "households", "members", "ledger")


def _schema(conn) -> list[tuple]:
    return sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall())


@pytest.mark.parametrize("staged", [False, True], ids=["anchor", "floor"])
def test_the_anchor_writes_the_same_rows_into_the_programs_schema(tmp_path, monkeypatch, staged):
    village = world.make_village(tmp_path / "village", households=4, ledger=6)
    village_id = village.db.execute("SELECT id FROM villages").fetchone()[0]
    source = {name: sorted(village.db.execute(f"SELECT * FROM {name}").fetchall()) for name in TABLES}
    village.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = village.db_path
    village.close()
    monkeypatch.setattr(ledger_lines, "FOLD_ROWS", 0)  # the floor adds the month sums as a big import does
    monkeypatch.setattr(bench.shutil, "rmtree", lambda *_args, **_kwargs: None)  # keep the anchor to look at
    target = tmp_path / "anchor" / "anchor.sqlite"
    seconds, rows = bench._anchor(path, target, [village_id], staged=staged)
    assert seconds > 0 and rows >= sum(len(source[name]) for name in TABLES)
    fresh = tmp_path / "fresh" / "fresh.sqlite"
    fresh.parent.mkdir()
    open_database(fresh).close()
    conn, program = sqlite3.connect(target), sqlite3.connect(fresh)
    try:
        assert _schema(conn) == _schema(program)
        for name in TABLES:
            assert sorted(conn.execute(f"SELECT * FROM {name}").fetchall()) == source[name], name
        assert stored_ledger_months(conn) == expected_ledger_months(conn) != {}
    finally:
        conn.close()
        program.close()
