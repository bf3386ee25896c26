"""Every released schema is kept as a fixture database (``tests/fixtures/schema_NNNN.sqlite``, written by
``make_schema_fixtures.py``); the program of today must open and upgrade each one with nothing lost, and back
it up before migrating. A released migration must never be edited: the fixture's schema shows it."""

import datetime as dt
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from fupin_desktop.domain.clock import FixedClock
from fupin_desktop.services.context import open_context
from fupin_desktop.storage.backups import check_file, list_backups
from fupin_desktop.storage.database import connect, integrity_problems
from fupin_desktop.storage.migrations import MIGRATIONS

FIXTURES_DIR = Path(__file__).resolve().parents[1] / "fixtures"
FIXTURES = sorted(FIXTURES_DIR.glob("schema_*.sqlite"))
DATA_TABLES = ("villages", "households", "members", "helpers", "pairings", "ledger", "visits")


def facts_of(fixture: Path) -> dict:
    return json.loads(fixture.with_suffix(".json").read_text("utf-8"))


def installed(fixture: Path, tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copyfile(fixture, data_dir / "fupin.sqlite")
    return data_dir


def test_the_newest_schema_has_its_fixture():
    newest = MIGRATIONS._migrations[-1].name
    stem = "schema_" + newest.split("_", 1)[0]
    assert (FIXTURES_DIR / f"{stem}.sqlite").exists(), (
        f"migration {newest} has no fixture: run .venv/bin/python tests/fixtures/make_schema_fixtures.py "
        "and commit tests/fixtures/" + stem + ".sqlite/.json")


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_fixture_upgrades_with_nothing_lost(fixture, tmp_path):
    facts = facts_of(fixture)
    data_dir = installed(fixture, tmp_path)
    pending = [m.name for m in MIGRATIONS._migrations if m.name not in facts["migrations"]]
    ctx = open_context(data_dir, operator="测试员", clock=FixedClock(dt.datetime(2020, 7, 1, 8, 0)))
    try:
        applied = [r[0] for r in ctx.db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
        assert applied == [m.name for m in MIGRATIONS._migrations]
        assert integrity_problems(ctx.db) == []
        for table in DATA_TABLES:
            assert ctx.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == facts["counts"][table], table
        assert ctx.db.execute("SELECT count(*) FROM changelog").fetchone()[0] >= facts["counts"]["changelog"]
        household = facts["household_id"]
        assert ctx.db.execute("SELECT phone FROM households WHERE id = ?", [household]).fetchone()[0] == facts["phone"]
        assert ctx.db.execute("SELECT sum(amount_fen) FROM ledger WHERE household_id = ?",
                              [household]).fetchone()[0] == facts["ledger_total_fen"]
        assert ctx.db.execute("SELECT change_type FROM members WHERE id = ?",
                              [facts["member_left"]]).fetchone()[0] == "08"
        assert ctx.db.execute("SELECT deleted FROM households WHERE id = ?", [facts["deleted"]]).fetchone()[0] == 1
        assert ctx.db.execute("SELECT count(*) FROM members WHERE name = ?", [facts["rare_name"]]).fetchone()[0] == 1
        _the_derived_tables_are_right(ctx)
        _the_attachment_is_there(ctx, facts)
        _the_services_still_work(ctx, household)
        _the_derived_tables_are_right(ctx)
    finally:
        ctx.close()
    made = [i for i in list_backups(data_dir / "backups") if i.reason == "before-migration"]
    if pending:
        assert made, "no backup was made before migrating"
        assert all(check_file(i.path) == [] for i in made)
        conn = sqlite3.connect(made[-1].path)  # the oldest one is the fixture as it was
        assert conn.execute("SELECT count(*) FROM households").fetchone()[0] == facts["counts"]["households"]
        conn.close()
    else:
        assert not made


def _the_derived_tables_are_right(ctx) -> None:
    """Migration 0003's tables, filled from the old rows or kept by its triggers, equal the real rows."""
    from fupin_desktop.services.queries import HouseholdFilter, count_households
    from tests.storage.derived_tables import (
        exact_households_with_stale_grams,
        expected_household_search,
        expected_ledger_months,
        missing_grams,
        stored_household_search,
        stored_ledger_months,
    )

    db = ctx.db
    assert stored_ledger_months(db) == expected_ledger_months(db)
    assert stored_household_search(db) == expected_household_search(db)
    assert missing_grams(db) == [] and exact_households_with_stale_grams(db) == []
    assert db.execute("SELECT count(*) FROM id_trigrams WHERE id_trigrams MATCH '\"6107\"'").fetchone()[0] > 0
    db.execute("INSERT INTO id_trigrams (id_trigrams) VALUES ('integrity-check')")  # raises when out of step
    assert count_households(ctx, HouseholdFilter(text="䶮")) == 1


def _the_attachment_is_there(ctx, facts: dict) -> None:
    """From schema 0004 on the fixture holds a photo on its visit: same bytes after the upgrade."""
    import hashlib

    from fupin_desktop.services.attachments import read_attachment

    if "attachment" not in facts:
        assert ctx.db.execute("SELECT count(*) FROM attachments").fetchone()[0] == 0
        return
    item, data = read_attachment(ctx, facts["attachment"]["id"])
    assert (item.sha256, item.size) == (facts["attachment"]["sha256"], facts["attachment"]["size"])
    assert hashlib.sha256(data).hexdigest() == item.sha256


def _the_services_still_work(ctx, household_id: str) -> None:
    from fupin_desktop.services.households import load
    from fupin_desktop.services.ledger import add_entry, year_summary

    household, members = load(ctx, household_id)
    assert household.phone and members
    add_entry(ctx, household_id, date=dt.date(2020, 7, 1), category="11", amount_fen=1_000)
    year_summary(ctx, household_id, 2020)


def _schema(conn) -> list[tuple]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
                        " ORDER BY type, name").fetchall()
    return [(kind, name, table, re.sub(r"\s+", " ", sql or "").strip()) for kind, name, table, sql in rows]


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_released_migrations_were_not_edited(fixture, tmp_path):
    facts = facts_of(fixture)
    later = [m.name for m in MIGRATIONS._migrations if m.name not in facts["migrations"]]
    fresh = connect(tmp_path / "fresh.sqlite")
    MIGRATIONS.apply(fresh, stop_before=later[0] if later else None)
    conn = sqlite3.connect(fixture)
    try:
        assert _schema(conn) == _schema(fresh.conn), (
            f"the schema made by {facts['migrations'][-1]} today differs from {fixture.name}: a released "
            "migration was edited. Undo that edit and add a new migration instead (if that schema was never "
            "released, regenerate the fixture: make_schema_fixtures.py --force).")
    finally:
        conn.close()
        fresh.close()


def test_a_later_migration_backs_up_first_and_keeps_the_data(tmp_path):
    fixture = FIXTURES[-1]
    facts = facts_of(fixture)
    data_dir = installed(fixture, tmp_path)

    @MIGRATIONS(name="9002_test_later")
    def _later(db):
        db.execute("ALTER TABLE households ADD COLUMN later_note TEXT NOT NULL DEFAULT ''")
        db.execute("UPDATE households SET later_note = 'n' || number")

    try:
        ctx = open_context(data_dir, operator="测试员", clock=FixedClock(dt.datetime(2020, 7, 1, 8, 0)))
        try:
            notes = {r[0] for r in ctx.db.execute("SELECT later_note FROM households")}
            assert notes and all(n.startswith("n") for n in notes)
            assert ctx.db.execute("SELECT count(*) FROM households").fetchone()[0] == facts["counts"]["households"]
        finally:
            ctx.close()
        made = [i for i in list_backups(data_dir / "backups") if i.detail == "9002_test_later"]
        assert len(made) == 1 and check_file(made[0].path) == []
        conn = sqlite3.connect(made[0].path)
        columns = {r[1] for r in conn.execute("PRAGMA table_info(households)")}
        assert "later_note" not in columns  # the backup is the database before the migration
        assert conn.execute("SELECT count(*) FROM ledger").fetchone()[0] == facts["counts"]["ledger"]
        conn.close()
    finally:
        MIGRATIONS._migrations.pop()
