import sqlite3

import pytest

from fupin_desktop.storage.database import (
    DatabaseDamagedError,
    NewerDatabaseError,
    integrity_problems,
    open_database,
)


def test_pragmas_and_migrations(tmp_path):
    db = open_database(tmp_path / "a.sqlite")
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert "households" in db.table_names()
    assert integrity_problems(db) == []
    db.close()


def test_refuses_a_file_from_a_newer_program(tmp_path):
    path = tmp_path / "a.sqlite"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES"
                 " ('fupin_desktop', '9999_future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(NewerDatabaseError, match="更新版本"):
        open_database(path)


def test_refuses_a_damaged_file(tmp_path):
    path = tmp_path / "a.sqlite"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(DatabaseDamagedError, match="损坏"):
        open_database(path)


def test_backup_before_pending_migrations(tmp_path, monkeypatch):
    from fupin_desktop.storage import migrations as m

    path = tmp_path / "a.sqlite"
    open_database(path).close()

    @m.MIGRATIONS(name="0099_test_only")
    def _extra(db):
        db.execute("CREATE TABLE test_only (x)")

    try:
        db = open_database(path, backup_dir=tmp_path / "backups")
        assert "test_only" in db.table_names()
        db.close()
        backups = list((tmp_path / "backups").glob("before-migration-0099_test_only-*.sqlite"))
        assert len(backups) == 1
        check = sqlite3.connect(backups[0])
        assert "test_only" not in {r[0] for r in check.execute("SELECT name FROM sqlite_master")}
        check.close()
    finally:
        m.MIGRATIONS._migrations = [x for x in m.MIGRATIONS._migrations if x.name != "0099_test_only"]
