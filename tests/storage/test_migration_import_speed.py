"""Migration 0005_import_speed: ``idx_ledger_date`` goes, the book and its other indexes stay, and every query
that reads the book by date still finds its rows through an index (by household or by stamp), not a scan."""

import datetime as dt
import sqlite3

import pytest

from fupin_desktop.domain.clock import FixedClock
from fupin_desktop.services.context import open_context
from fupin_desktop.storage.database import connect, integrity_problems
from fupin_desktop.storage.migrations import MIGRATIONS
from fupin_desktop.storage.migrations_import import DROPPED_INDEX
from fupin_desktop.storage.migrations_speed import LEDGER_NET_FEN_SQL
from tests.storage.test_migrations_fixture import FIXTURES, facts_of, installed

NAME = "0005_import_speed"
BEFORE = [f for f in FIXTURES if NAME not in facts_of(f)["migrations"]]
KEPT = ("idx_ledger_household_date", "idx_ledger_hlc", "sqlite_autoindex_ledger_1")

# The program's reads of the book, with the index each must use (services, sync, spreadsheets).
QUERIES = {
    "a household's history": ("SELECT hlc, id FROM ledger WHERE household_id = ? ORDER BY 1 DESC LIMIT 50",
                              "idx_ledger_household_date"),
    "a household's year": ("SELECT date, category, amount_fen FROM ledger WHERE household_id = ?"
                           " AND date BETWEEN ? AND ?", "idx_ledger_household_date"),
    "partial months of the dashboard": (
        f"SELECT h.id, (SELECT sum({LEDGER_NET_FEN_SQL}) FROM ledger WHERE household_id = h.id"
        " AND date BETWEEN ? AND ?) FROM households h WHERE h.deleted = 0", "idx_ledger_household_date"),
    "undo's last stamp": ("SELECT max(hlc) FROM ledger WHERE household_id = ? AND device = ?",
                          "idx_ledger_household_date"),
    "the spreadsheet of a village": (
        "SELECT h.number, e.date FROM ledger e JOIN households h ON h.id = e.household_id WHERE h.village_id = ?"
        " ORDER BY h.village_group, h.number, e.date, e.hlc", "idx_ledger_household_date"),
    "an incremental export": ("SELECT hlc FROM ledger WHERE device = ? AND hlc > ? ORDER BY hlc", "idx_ledger_hlc"),
    "the clock": ("SELECT max(hlc) FROM ledger", "idx_ledger_hlc"),
}


def _ledger_indexes(db) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ledger'")}


@pytest.mark.parametrize("fixture", BEFORE, ids=lambda p: p.stem)
def test_the_upgrade_drops_only_the_date_index(fixture, tmp_path):
    facts = facts_of(fixture)
    conn = sqlite3.connect(fixture)
    assert DROPPED_INDEX in {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    book = sorted(conn.execute("SELECT * FROM ledger").fetchall())
    conn.close()
    ctx = open_context(installed(fixture, tmp_path), operator="测试员", clock=FixedClock(dt.datetime(2020, 7, 1, 8)))
    try:
        assert NAME in [r[0] for r in ctx.db.execute("SELECT name FROM _sqlite_migrations")]
        assert _ledger_indexes(ctx.db) == set(KEPT)
        assert sorted(ctx.db.execute("SELECT * FROM ledger").fetchall()) == book
        assert len(book) == facts["counts"]["ledger"]
        assert integrity_problems(ctx.db) == []
    finally:
        ctx.close()


@pytest.mark.parametrize("what", QUERIES)
def test_the_book_is_still_read_through_an_index(what, tmp_path):
    db = connect(tmp_path / "fresh.sqlite")
    MIGRATIONS.apply(db)
    try:
        assert DROPPED_INDEX not in _ledger_indexes(db)
        sql, index = QUERIES[what]
        plan = " | ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + sql, ["x"] * sql.count("?")))
        assert index in plan and "SCAN ledger" not in plan and "SCAN e" not in plan, plan
    finally:
        db.close()
