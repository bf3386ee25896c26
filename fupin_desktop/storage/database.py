"""Open the battle room's SQLite file safely.

``open_database`` turns on foreign keys, WAL and ``synchronous=FULL``, checks the file (``check_on_open``),
backs it up before applying pending migrations, and refuses a file written by a newer program.

The check at opening: ``PRAGMA quick_check`` reads every page, about 5 seconds per gigabyte on the laptops
this runs on and far more on a busy disk (141 s for an 8 GB county file). It runs in full at opening when

- the file is small (``FULL_CHECK_MAX_BYTES``, about a village's first year: well under a second), or
- the program did not end cleanly last time: a ``-wal`` file holding pages was left beside the database (an
  empty one holds nothing the database lacks), or the installation
  lock was taken over from a program that died (``storage.lock.previous_exit_unclean``), or
- the last full check made in the background found a problem (the ``.check-failed`` note beside the file).

Otherwise a light check runs: the file header (SQLite's signature, a valid page size, a length that is a
whole number of pages and, when no write-ahead log is pending, exactly the page count the header states),
the schema read back, the free-page count, ``quick_check`` of the small tables the program needs to start,
and the first and last row of every table (their b-tree roots and edges). Pages inside the big tables are
then checked by ``deferred_check``, which the program runs on a second, read-only connection while the
person works; it leaves the ``.check-failed`` note when it finds damage, so the next start checks in full and
refuses the file with the usual message (and offers a backup).
"""

import datetime as dt
import os
import sqlite3
import struct
from pathlib import Path

import sqlite_utils

from fupin_desktop.storage.migrations import MIGRATIONS

CACHE_MB = 64  # page cache per connection: a county's search and list tables stay in memory
FULL_CHECK_MAX_BYTES = 128 * 2**20  # files up to this size get the full quick_check at every opening
CHECK_FAILED_SUFFIX = ".check-failed"  # note left beside the database by a background check that found damage
# Small tables the program reads at start, checked in full by the light check (those that exist).
_START_TABLES = ("installation", "settings", "poverty_lines", "villages", "helpers", "_sqlite_migrations",
                 "sync_state", "sync_exports", "sync_imports", "sync_device_keys")


class StorageError(Exception):
    """A database problem the person can act on; ``str()`` is a Chinese sentence."""


class DatabaseDamagedError(StorageError):
    pass


class NewerDatabaseError(StorageError):
    pass


def connect(path: Path | str) -> sqlite_utils.Database:
    """A connection with this program's pragmas, no checks, no migrations."""
    try:
        conn = sqlite3.connect(str(path), timeout=10)
    except sqlite3.OperationalError as exc:
        raise StorageError(f"无法打开数据文件 {path}：{exc}") from exc
    db = sqlite_utils.Database(conn, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 10000")
    if str(path) != ":memory:":
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute(f"PRAGMA cache_size = {-1024 * CACHE_MB}")
    return db


def quick_check(db: sqlite_utils.Database) -> list[str]:
    """Problems found by ``PRAGMA quick_check`` (empty when the file is sound)."""
    try:
        rows = [r[0] for r in db.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def _header_problems(path: Path) -> list[str]:
    """What is wrong with the file's 100-byte header and its length (empty when nothing)."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            header = f.read(100)
    except OSError as exc:
        return [f"无法读取文件：{exc}"]
    if len(header) < 100 or header[:16] != b"SQLite format 3\x00":
        return ["文件头不是 SQLite 数据库"]
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return [f"文件头中的页大小无效（{page_size}）"]
    if size % page_size:
        return [f"文件长度 {size} 不是页大小 {page_size} 的整数倍（文件可能被截断）"]
    pages, counter, valid_for = (struct.unpack(">I", header[i:i + 4])[0] for i in (28, 24, 92))
    wal = Path(str(path) + "-wal")
    if pages and counter == valid_for and not (wal.exists() and wal.stat().st_size) and pages * page_size != size:
        return [f"文件长度与文件头记录的 {pages} 页不符（文件可能被截断）"]
    return []


def _light_problems(db, path: Path) -> list[str]:
    """The light check of a big file (see the module's docstring)."""
    problems = _header_problems(path)
    if problems:
        return problems
    try:
        db.execute("PRAGMA schema_version").fetchone()
        tables = db.execute(
            "SELECT name, sql LIKE '%WITHOUT ROWID%' FROM sqlite_master WHERE type = 'table'"
            " AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%'").fetchall()
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        if db.execute("PRAGMA freelist_count").fetchone()[0] > pages:
            return ["空闲页数大于总页数"]
        for table, without_rowid in tables:
            quoted = '"' + table.replace('"', '""') + '"'  # a name read from the file itself
            if table in _START_TABLES:
                rows = [r[0] for r in db.execute(f"PRAGMA quick_check({quoted})")]
                problems += [] if rows == ["ok"] else rows
            db.execute(f"SELECT * FROM {quoted} LIMIT 1").fetchall()  # the b-tree's root and first leaf
            if not without_rowid:  # … and its last leaf
                db.execute(f"SELECT * FROM {quoted} ORDER BY rowid DESC LIMIT 1").fetchall()
    except sqlite3.DatabaseError as exc:
        problems.append(str(exc))
    return problems


WAL_HEADER_BYTES = 32  # a write-ahead log no longer than its header holds no page


def wal_has_frames(path: Path | str) -> bool:
    """Whether a ``-wal`` beside ``path`` holds pages not yet in the database (a program stopped with work in
    it). An empty one (left by a read-only connection that closed last, or truncated at a checkpoint) does not:
    everything it held is already in the database."""
    try:
        return Path(str(path) + "-wal").stat().st_size > WAL_HEADER_BYTES
    except OSError:
        return False


def _full_check_needed(path: Path, wal_left: bool) -> bool:
    from fupin_desktop.storage.lock import previous_exit_unclean  # lock.py imports this module

    return (path.stat().st_size <= FULL_CHECK_MAX_BYTES or wal_left or previous_exit_unclean(path.parent)
            or Path(str(path) + CHECK_FAILED_SUFFIX).exists())


def check_on_open(db, path: Path | str, *, wal_left: bool | None = None) -> list[str]:
    """Problems found by the check at opening (empty: the file may be opened): the full ``quick_check`` or
    the light check, as the module's docstring says. ``db`` is a sqlite3 or sqlite-utils connection to it;
    ``wal_left``: whether a ``-wal`` file with pages was beside the database before the connection was made."""
    from fupin_desktop.storage.lock import forget_unclean_exit

    path = Path(path)
    if wal_left is None:
        wal_left = wal_has_frames(path)
    if not _full_check_needed(path, wal_left):
        return _light_problems(db, path)
    problems = quick_check(db)
    if not problems:
        forget_unclean_exit(path.parent)
        Path(str(path) + CHECK_FAILED_SUFFIX).unlink(missing_ok=True)
    return problems


def deferred_check(path: Path | str, *, cancelled=None) -> list[str] | None:
    """The full ``quick_check`` on a read-only connection of its own (run it off the thread that owns the
    database while the person works). Damage found leaves the ``.check-failed`` note, so the next opening
    checks in full and refuses the file; a sound file removes an old note. ``cancelled`` (a
    ``threading.Event``) stops the check part way (the program is closing): None, nothing written."""
    path = Path(path)
    note = Path(str(path) + CHECK_FAILED_SUFFIX)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as exc:
        return [f"无法打开数据文件：{exc}"]
    try:
        conn.execute("PRAGMA busy_timeout = 10000")
        if cancelled is not None:
            conn.set_progress_handler(lambda: 1 if cancelled.is_set() else 0, 100_000)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
        except sqlite3.DatabaseError as exc:
            if cancelled is not None and cancelled.is_set():
                return None
            rows = [str(exc)]
    finally:
        conn.close()
    problems = [] if rows == ["ok"] else rows
    if problems:
        note.write_text("\n".join(problems[:20]) + "\n", "utf-8")
    else:
        note.unlink(missing_ok=True)
    return problems


def integrity_problems(db: sqlite_utils.Database) -> list[str]:
    """Full ``integrity_check`` plus ``foreign_key_check``, as readable lines."""
    problems = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"]
    for table, rowid, parent, _fk in db.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"{table} 第 {rowid} 行引用的 {parent} 不存在")
    return problems


def backup_to(db: sqlite_utils.Database, target: Path) -> Path:
    """A consistent copy through SQLite's backup API (never a file copy of a live database)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    if tmp.exists():
        tmp.unlink()
    dest = sqlite3.connect(str(tmp))
    try:
        db.conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    _fsync(tmp)
    tmp.replace(target)
    _fsync(target.parent)
    return target


def _fsync(path: Path) -> None:
    """Flush a file (or a folder's entries, where the platform allows) to the disk."""
    try:
        fd = os.open(str(path), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def known_migrations() -> set[str]:
    return {m.name for m in MIGRATIONS._migrations}


def open_database(path: Path | str, *, backup_dir: Path | None = None, migrate: bool = True):
    """Open (creating if needed), check (``check_on_open``) and migrate the database at ``path``."""
    path = Path(path) if str(path) != ":memory:" else path
    is_new = str(path) == ":memory:" or not Path(path).exists() or Path(path).stat().st_size == 0
    wal_left = not is_new and wal_has_frames(path)
    try:
        db = connect(path)
        problems = [] if is_new else check_on_open(db, path, wal_left=wal_left)
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamagedError(f"数据文件已损坏，无法读取：{exc}") from exc
    if problems:
        db.close()
        raise DatabaseDamagedError("数据文件已损坏：" + "；".join(problems[:3]))
    try:
        applied = {m.name for m in MIGRATIONS.applied(db)}
    except sqlite3.DatabaseError as exc:
        db.close()
        raise DatabaseDamagedError(f"数据文件已损坏或不是本程序的数据：{exc}") from exc
    unknown = applied - known_migrations()
    if unknown:
        db.close()
        raise NewerDatabaseError(
            "这个数据文件由更新版本的程序写入（" + "、".join(sorted(unknown)) + "），请先升级程序再打开。"
        )
    if migrate:
        pending = MIGRATIONS.pending(db)
        if pending and not is_new and backup_dir is not None:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            backup_to(db, Path(backup_dir) / f"before-migration-{pending[0].name}-{stamp}.sqlite")
        MIGRATIONS.apply(db)
    return db
