"""Putting a backup back, and moving a database aside, so that a crash at any instant loses nothing.

The live database is never overwritten or deleted: it is moved, with its ``-wal``/``-shm`` files, into
``<data>/replaced/<stamp>/`` (after a restore) or ``<data>/damaged/<stamp>/`` (when it cannot be used). A
restore first writes the backup's content to a temporary file beside the database and checks it; then it
records its intent in ``.restore-intent.json``; then it moves the old files aside and renames the new file
into place; then it removes the intent. ``finish_interrupted`` (called before every open) completes whatever
a crash cut short, so the data folder always ends up with either the old database or the restored one.
After a restore, ``replaced/`` keeps its newest three sets and everything younger than 90 days; ``damaged/``
is never thinned.
"""

import datetime as dt
import json
import os
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

from fupin_desktop.storage import fpbak
from fupin_desktop.storage.backups import (
    BackupCheckError,
    backup_info,
    check_connection,
    fsync_dir,
)
from fupin_desktop.storage.database import NewerDatabaseError, StorageError

INTENT_FILE = ".restore-intent.json"
PREPARED_PREFIX = ".restore-"
REPLACED = "replaced"
DAMAGED = "damaged"
SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    db_path: Path
    moved_aside_to: Path | None  # the folder now holding the previous database (None: there was none)
    backup_created: dt.datetime | None = None


def database_files(db_path: Path) -> list[Path]:
    """The database and the side files that belong to it, those that exist."""
    candidates = [db_path] + [db_path.with_name(db_path.name + s) for s in SIDE_FILES]
    return [p for p in candidates if p.exists()]


def _unique_dir(parent: Path, now: dt.datetime) -> Path:
    base = f"{now:%Y%m%d-%H%M%S}"
    n = 1
    while (parent / (base if n == 1 else f"{base}-{n}")).exists():
        n += 1
    return parent / (base if n == 1 else f"{base}-{n}")


def _write_intent(data_dir: Path, intent: dict) -> None:
    tmp = data_dir / (INTENT_FILE + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(intent, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, data_dir / INTENT_FILE)
    fsync_dir(data_dir)


def finish_interrupted(db_path: Path | str) -> str | None:
    """Complete a restore or a move-aside cut short by a crash; returns what was done (Chinese) or None."""
    db_path = Path(db_path)
    data_dir = db_path.parent
    intent_path = data_dir / INTENT_FILE
    _discard(data_dir / (INTENT_FILE + ".tmp"))
    if not intent_path.exists():
        for stray in data_dir.glob(f"{PREPARED_PREFIX}*.part*"):  # a restore that stopped before its intent
            _discard(stray)
        return None
    try:
        intent = json.loads(intent_path.read_text("utf-8"))
        prepared = data_dir / intent["prepared"] if intent.get("prepared") else None
        aside = data_dir / intent["aside"] if intent.get("aside") else None
    except (ValueError, KeyError, TypeError) as exc:
        raise StorageError(f"上次恢复备份的记录文件 {intent_path} 已损坏，请联系技术人员处理（不要删除任何文件）。") from exc
    done = "上次恢复备份时程序中断，已完成恢复。" if prepared else "上次移走数据文件时程序中断，已完成。"
    if prepared is None or prepared.exists():
        if aside is not None:
            _move_files(db_path, aside)
        if prepared is not None:
            os.replace(prepared, db_path)
        fsync_dir(data_dir)
    for stray in data_dir.glob(f"{PREPARED_PREFIX}*.part*"):
        if stray != prepared:
            _discard(stray)
    intent_path.unlink()
    fsync_dir(data_dir)
    return done


def _move_files(db_path: Path, aside: Path) -> None:
    files = database_files(db_path)
    if not files:
        return
    aside.mkdir(parents=True, exist_ok=True)
    for path in files:  # the database first: a -wal left behind alone is moved on the next call
        os.replace(path, aside / path.name)
    fsync_dir(aside)
    fsync_dir(aside.parent)


def _discard(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def move_aside(db_path: Path | str, area: str, now: dt.datetime) -> Path | None:
    """Move the database and its side files into ``<data>/<area>/<stamp>/``; returns that folder."""
    db_path = Path(db_path)
    finish_interrupted(db_path)
    if not database_files(db_path):
        return None
    aside = _unique_dir(db_path.parent / area, now)
    _write_intent(db_path.parent, {"prepared": "", "aside": str(aside.relative_to(db_path.parent))})
    finish_interrupted(db_path)
    return aside


def checkpoint_quietly(db_path: Path) -> None:
    """Fold a healthy database's write-ahead log into it so that it moves as one file (errors ignored)."""
    if not db_path.exists():
        return
    try:
        conn = sqlite3.connect(str(db_path), timeout=2)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.Error:
        pass


@dataclass(frozen=True)
class PreparedRestore:
    """A checked copy of a backup beside the database, ready to be put in place by ``commit_restore``."""

    source: Path
    prepared: Path
    db_path: Path
    backup_created: dt.datetime | None


def prepare_restore(db_path: Path | str, backup: Path | str, *, passphrase: str | None = None) -> PreparedRestore:
    """Copy (or decrypt) the backup beside the database and check it. The live database is not touched."""
    db_path, backup = Path(db_path), Path(backup)
    if not backup.is_file():
        raise StorageError(f"找不到备份文件 {backup}。")
    finish_interrupted(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    prepared = db_path.parent / f"{PREPARED_PREFIX}{uuid.uuid4().hex[:12]}.part"
    try:
        if fpbak.is_encrypted(backup):
            with open(backup, "rb") as src, open(prepared, "xb") as dst:
                fpbak.decrypt_stream(src, dst, passphrase or "")
        else:
            _copy_database(backup, prepared)
        conn = sqlite3.connect(str(prepared))
        try:
            conn.execute("PRAGMA journal_mode = DELETE")
            problems = check_connection(conn)
        finally:
            conn.close()
        newer = [p for p in problems if "更新版本" in p]
        if newer:
            raise NewerDatabaseError("这个备份" + newer[0] + "，不能用现在的程序恢复。")
        if problems:
            raise BackupCheckError("这个备份没有通过检查，不能恢复：" + "；".join(problems[:3])
                                   + "。请换一个备份。现在的数据没有任何改动。")
        with open(prepared, "rb+") as f:
            os.fsync(f.fileno())
    except BaseException:
        _discard(prepared)
        raise
    info = backup_info(backup)
    created = info.created if info else None
    if created is None and fpbak.is_encrypted(backup):
        created = dt.datetime.fromisoformat(fpbak.read_meta(backup)["created"])
    return PreparedRestore(backup, prepared, db_path, created)


def _copy_database(source: Path, target: Path) -> None:
    """Copy a SQLite file through the backup API (so that its ``-wal``, if any, is included)."""
    if source.with_name(source.name + "-wal").exists():
        src = sqlite3.connect(str(source))
    else:
        src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.DatabaseError as exc:
        raise BackupCheckError(f"这个备份文件已损坏或不是数据库，不能恢复：{exc}。现在的数据没有任何改动。") from exc
    finally:
        src.close()


def commit_restore(prepared: PreparedRestore, *, now: dt.datetime, area: str = REPLACED) -> RestoreResult:
    """Move the current database aside (into ``area``) and put the prepared copy in its place.
    The database must be closed."""
    db_path = prepared.db_path
    if not prepared.prepared.is_file():
        raise StorageError("准备好的恢复文件不见了，没有恢复；现在的数据没有改动。请重新恢复。")
    if area != DAMAGED:
        checkpoint_quietly(db_path)
    aside = _unique_dir(db_path.parent / area, now) if database_files(db_path) else None
    _write_intent(db_path.parent, {
        "prepared": prepared.prepared.name,
        "aside": str(aside.relative_to(db_path.parent)) if aside else "",
    })
    finish_interrupted(db_path)
    thin_replaced(db_path.parent, now)
    return RestoreResult(prepared.source, db_path, aside, prepared.backup_created)


REPLACED_KEEP_NEWEST = 3
REPLACED_KEEP_DAYS = 90


def plan_replaced_thinning(data_dir: Path, now: dt.datetime, *, keep_newest: int = REPLACED_KEEP_NEWEST,
                           keep_days: int = REPLACED_KEEP_DAYS) -> list[Path]:
    """Folders of ``replaced/`` to delete: those older than ``keep_days`` beyond the newest ``keep_newest``.

    A replaced database is one the person chose to put aside by restoring a backup; each can be as large
    as the database itself, so they do not pile up for ever. ``damaged/`` is never thinned: a damaged file
    may still hold records that only a specialist can get back."""
    folder = Path(data_dir) / REPLACED
    try:
        sets = sorted((p for p in folder.iterdir() if p.is_dir()), key=lambda p: p.name, reverse=True)
    except (FileNotFoundError, NotADirectoryError):
        return []
    cutoff = f"{now - dt.timedelta(days=keep_days):%Y%m%d-%H%M%S}"
    return [p for p in sets[keep_newest:] if p.name[:15] < cutoff]


def thin_replaced(data_dir: Path, now: dt.datetime) -> list[Path]:
    """Delete what :func:`plan_replaced_thinning` names; a file that cannot be removed is left for next time."""
    removed = []
    for aside in plan_replaced_thinning(data_dir, now):
        try:
            for path in aside.iterdir():
                path.unlink()
            aside.rmdir()
        except OSError:
            continue
        removed.append(aside)
    return removed


def restore_files(db_path: Path | str, backup: Path | str, *, now: dt.datetime,
                  passphrase: str | None = None) -> RestoreResult:
    """Restore ``backup`` as the database at ``db_path`` (which must be closed)."""
    return commit_restore(prepare_restore(db_path, backup, passphrase=passphrase), now=now)
