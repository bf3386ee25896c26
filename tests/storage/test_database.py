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


# The check at opening: in full for small files and after an unclean exit, light otherwise, with the full
# check made later by ``deferred_check`` (see storage/database.py).

def _filled(path, rows=3000):
    """A migrated database with a table big enough to have pages no light check reads."""
    db = open_database(path)
    with db.atomic():
        db.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
        db.conn.executemany("INSERT INTO filler (text) VALUES (?)", [(f"{i:06d}" * 30,) for i in range(rows)])
    db.close()
    return path


def _damage_middle_page(path):
    import sqlite3 as raw

    conn = raw.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    first_filler = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'filler'").fetchone()[0]
    conn.close()
    middle = (first_filler + pages) // 2
    with open(path, "r+b") as f:
        f.seek((middle - 1) * page_size)
        f.write(b"\xff" * page_size)


@pytest.fixture
def big(monkeypatch):
    """Every file counts as big: the light check runs unless something calls for the full one."""
    from fupin_desktop.storage import database

    monkeypatch.setattr(database, "FULL_CHECK_MAX_BYTES", 0)


def test_a_small_file_with_a_damaged_page_is_refused_at_opening(tmp_path):
    path = _filled(tmp_path / "fupin.sqlite")
    _damage_middle_page(path)
    with pytest.raises(DatabaseDamagedError, match="数据文件已损坏"):
        open_database(path)


def test_a_big_file_opens_after_the_light_check_and_the_deferred_check_finds_the_damage(tmp_path, big):
    from fupin_desktop.storage.database import CHECK_FAILED_SUFFIX, deferred_check

    path = _filled(tmp_path / "fupin.sqlite")
    assert deferred_check(path) == []
    _damage_middle_page(path)
    open_database(path).close()  # the light check does not read the middle of a big table
    problems = deferred_check(path)
    assert problems and (tmp_path / ("fupin.sqlite" + CHECK_FAILED_SUFFIX)).exists()
    with pytest.raises(DatabaseDamagedError, match="数据文件已损坏"):
        open_database(path)  # the note asks for the full check at the next opening


def test_the_light_check_reads_no_whole_file(tmp_path, big):
    from fupin_desktop.storage.database import check_on_open, connect

    path = _filled(tmp_path / "fupin.sqlite")
    db = connect(path)
    statements = []
    db.conn.set_trace_callback(statements.append)
    try:
        assert check_on_open(db, path, wal_left=False) == []
    finally:
        db.close()
    assert not [s for s in statements if s.strip().upper() in ("PRAGMA QUICK_CHECK", "PRAGMA INTEGRITY_CHECK")]
    assert any("quick_check(\"villages\")" in s for s in statements)


def test_after_an_unclean_exit_a_big_file_is_checked_in_full(tmp_path, big):
    import json
    import subprocess
    import sys

    from fupin_desktop.storage.lock import InstallationLock, previous_exit_unclean

    path = _filled(tmp_path / "fupin.sqlite")
    _damage_middle_page(path)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp_path / "fupin.lock").write_text(json.dumps({"pid": dead.pid, "host": "别的电脑"}), "utf-8")
    lock = InstallationLock(tmp_path).acquire()  # taken over from a program that died
    try:
        assert previous_exit_unclean(tmp_path)
        with pytest.raises(DatabaseDamagedError, match="数据文件已损坏"):
            open_database(path)
    finally:
        lock.release()


def test_a_full_check_that_passes_forgets_the_unclean_exit(tmp_path, big):
    import json

    from fupin_desktop.storage.lock import InstallationLock, previous_exit_unclean

    path = _filled(tmp_path / "fupin.sqlite")
    (tmp_path / "fupin.lock").write_text(json.dumps({"pid": 999_999_999, "host": "别的电脑"}), "utf-8")
    with InstallationLock(tmp_path):
        assert previous_exit_unclean(tmp_path)
        open_database(path).close()
        assert not previous_exit_unclean(tmp_path)


def test_a_write_ahead_log_left_behind_means_a_full_check(tmp_path, big):
    path = _filled(tmp_path / "fupin.sqlite")
    _damage_middle_page(path)
    (tmp_path / "fupin.sqlite-wal").write_bytes(b"\0" * 4096)  # the last program did not close the file
    with pytest.raises(DatabaseDamagedError, match="数据文件已损坏"):
        open_database(path)


def test_an_empty_write_ahead_log_is_not_a_reason_for_the_full_check(tmp_path, big):
    """A read-only connection that closes last leaves an empty ``-wal``: nothing in it is missing from the
    database, so a big file still opens after the light check (minutes saved on a county file)."""
    path = _filled(tmp_path / "fupin.sqlite")
    _damage_middle_page(path)
    (tmp_path / "fupin.sqlite-wal").write_bytes(b"")
    open_database(path).close()  # the light check does not read the damaged middle


@pytest.mark.parametrize("damage", ["truncated", "header", "page size"])
def test_the_light_check_refuses_a_broken_header_or_length(tmp_path, big, damage):
    path = _filled(tmp_path / "fupin.sqlite")
    data = bytearray(path.read_bytes())
    if damage == "truncated":
        data = data[:-4096]
    elif damage == "header":
        data[:16] = b"not a database!!"
    else:
        data[16:18] = b"\x03\x00"  # 768: not a power of two
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamagedError, match="损坏"):
        open_database(path)


def test_the_light_check_reads_a_table_whose_name_has_a_double_quote(tmp_path, big):
    path = _filled(tmp_path / "fupin.sqlite")
    db = open_database(path)
    db.execute('CREATE TABLE "odd""name" (x)')
    db.execute('INSERT INTO "odd""name" VALUES (1)')
    db.conn.commit()
    db.close()
    open_database(path).close()  # a sound file, not refused as damaged
