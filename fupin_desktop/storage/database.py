"""Open the battle room's SQLite file safely.

``open_database`` turns on foreign keys, WAL and ``synchronous=FULL``, runs a quick integrity check, backs the
file up before applying pending migrations, and refuses a file written by a newer program.
"""

import datetime as dt
import os
import sqlite3
from pathlib import Path

import sqlite_utils

from fupin_desktop.storage.migrations import MIGRATIONS


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
    return db


def quick_check(db: sqlite_utils.Database) -> list[str]:
    """Problems found by ``PRAGMA quick_check`` (empty when the file is sound)."""
    try:
        rows = [r[0] for r in db.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


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
    """Open (creating if needed), check and migrate the database at ``path``."""
    path = Path(path) if str(path) != ":memory:" else path
    is_new = str(path) == ":memory:" or not Path(path).exists() or Path(path).stat().st_size == 0
    try:
        db = connect(path)
        problems = [] if is_new else quick_check(db)
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
