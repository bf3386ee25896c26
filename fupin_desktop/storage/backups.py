"""Backups that can be trusted: consistent, verified, atomically named, thinned, optionally encrypted.

A backup is taken through SQLite's backup API (never a file copy of a live database) into a temporary name,
checked (``integrity_check`` and ``foreign_key_check`` on the copy), synced, then renamed to
``fupin-<YYYYMMDD-HHMMSS>-<reason>.sqlite`` (``.fpbak`` when encrypted, see ``fpbak.py``). A temporary file
is never mistaken for a backup and is cleaned up once its writer is gone. Automatic backups are thinned like
Anki's: all of today, then one a day for a week, one a week for a month, one a month beyond.

A backup to a chosen folder (a USB stick) is in ``backup_export.py``.
"""

import datetime as dt
import hashlib
import json
import os
import re
import sqlite3
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from fupin_desktop.storage import fpbak
from fupin_desktop.storage.database import StorageError, integrity_problems, known_migrations
from fupin_desktop.storage.lock import pid_alive

PERIOD = dt.timedelta(minutes=30)
PLAIN_SUFFIX = ".sqlite"
TEMP_PREFIX = ".fupin-tmp-"
TEMP_SUFFIX = ".part"
STATE_FILE = ".backup-state.json"
STALE_AFTER = dt.timedelta(hours=12)
REASONS = {
    "auto": "自动备份", "manual": "手动备份", "before-migration": "升级前备份", "before-import": "导入前备份",
    "before-restore": "恢复前备份", "export": "备份到文件夹", "start": "启动时备份",
}
KEEP_ALWAYS = {"before-migration"}  # the only way back to an older program version
_NAME = re.compile(r"^fupin-(\d{8})-(\d{6})-([a-z]+(?:-[a-z]+)*)(?:-(\d+))?\.(sqlite|fpbak)$")
_FOUNDATION_NAME = re.compile(r"^before-migration-(.+)-(\d{8})-(\d{6})\.sqlite$")  # database.open_database
COPY_CHUNK = 1 << 20


class BackupError(StorageError):
    pass


class BackupCheckError(BackupError):
    """The copy did not pass the checks; no backup was kept."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime
    reason: str
    size: int
    encrypted: bool = False
    detail: str = ""

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def label(self) -> str:
        return REASONS.get(self.reason, self.reason)


def backup_name(created: dt.datetime, reason: str, *, encrypted: bool = False, n: int = 1) -> str:
    suffix = fpbak.SUFFIX if encrypted else PLAIN_SUFFIX
    return f"fupin-{created:%Y%m%d-%H%M%S}-{reason}" + (f"-{n}" if n > 1 else "") + suffix


def parse_name(name: str) -> tuple[dt.datetime, str, bool, str] | None:
    """(created, reason, encrypted, detail) from a backup's file name, ``None`` for any other file."""
    m = _NAME.match(name)
    try:
        if m:
            return dt.datetime.strptime(m[1] + m[2], "%Y%m%d%H%M%S"), m[3], m[5] == "fpbak", ""
        m = _FOUNDATION_NAME.match(name)
        if m:
            return dt.datetime.strptime(m[2] + m[3], "%Y%m%d%H%M%S"), "before-migration", False, m[1]
    except ValueError:
        return None
    return None


def backup_info(path: Path) -> BackupInfo | None:
    parsed = parse_name(path.name)
    if parsed is None:
        return None
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return BackupInfo(path, parsed[0], parsed[1], size, parsed[2], parsed[3])


def list_backups(folder: Path | str) -> list[BackupInfo]:
    """Backups in ``folder``, newest first (temporary and unknown files are ignored)."""
    try:
        entries = list(Path(folder).iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    infos = [i for i in (backup_info(p) for p in entries if p.is_file()) if i is not None]
    return sorted(infos, key=_order, reverse=True)


def _order(info: BackupInfo) -> tuple:
    """Oldest first: by time, then by the ``-2``, ``-3`` … of backups made in the same second."""
    m = _NAME.match(info.name)
    return info.created, int(m[4] or 1) if m else 0, info.name


# thinning ------------------------------------------------------------------------------------------
def plan_thinning(infos: list[BackupInfo], now: dt.datetime) -> list[BackupInfo]:
    """The backups to delete: keep all of today, the newest of each day for a week, of each week for a
    month, of each month beyond; pre-migration backups are always kept."""
    today = now.date()
    seen, remove = set(), []
    for info in sorted(infos, key=_order, reverse=True):
        day = info.created.date()
        age = (today - day).days
        if age <= 0 or info.reason in KEEP_ALWAYS:
            continue
        if age <= 7:
            bucket = ("day", day)
        elif age <= 31:
            bucket = ("week", *day.isocalendar()[:2])
        else:
            bucket = ("month", day.year, day.month)
        if bucket in seen:
            remove.append(info)
        seen.add(bucket)
    return remove


def thin_backups(folder: Path | str, now: dt.datetime, *, before_remove=None) -> list[BackupInfo]:
    removed = []
    for info in plan_thinning(list_backups(folder), now):
        if before_remove is not None:
            before_remove(info)
        try:
            info.path.unlink()
        except FileNotFoundError:
            pass
        removed.append(info)
    return removed


# checks ---------------------------------------------------------------------------------------------
def check_connection(conn: sqlite3.Connection, *, quick: bool = False) -> list[str]:
    """Problems of a copy: integrity, foreign keys, and whether this program can open it. ``quick`` runs
    ``quick_check`` instead of ``integrity_check`` (it skips matching indexes to tables: ten times faster)."""
    try:
        if quick:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
            problems = [] if rows == ["ok"] else rows
            problems += [f"{t} 第 {rowid} 行引用的 {parent} 不存在"
                         for t, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchall()]
        else:
            problems = integrity_problems(SimpleNamespace(execute=conn.execute))
        rows = conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = 'fupin_desktop'").fetchall()
    except sqlite3.DatabaseError as exc:
        return [f"无法读取：{exc}"]
    if not rows:
        return problems + ["不是本程序的数据文件"]
    newer = {r[0] for r in rows} - known_migrations()
    if newer:
        problems.append("由更新版本的程序写入（" + "、".join(sorted(newer)) + "），请先升级程序")
    return problems


def check_file(path: Path, *, quick: bool = False) -> list[str]:
    """``check_connection`` on a plain SQLite file, opened read-only."""
    try:
        conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [f"无法打开：{exc}"]
    try:
        return check_connection(conn, quick=quick)
    finally:
        conn.close()


def temp_path(folder: Path) -> Path:
    return folder / f"{TEMP_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}{TEMP_SUFFIX}"


def discard(path: Path | None) -> None:
    if path is None:
        return
    try:
        path.unlink()
    except OSError:
        pass


@contextmanager
def plain_copy(path: Path, passphrase: str | None = None, scratch_dir: Path | None = None):
    """Yield a plain SQLite path for a backup: the file itself, or a decrypted temporary copy."""
    path = Path(path)
    if not fpbak.is_encrypted(path):
        yield path
        return
    tmp = temp_path(Path(scratch_dir or path.parent))
    try:
        with open(path, "rb") as src, open(tmp, "xb") as dst:
            fpbak.decrypt_stream(src, dst, passphrase or "")
        yield tmp
    finally:
        discard(tmp)


def verify_backup(path: Path, passphrase: str | None = None, scratch_dir: Path | None = None, *,
                  quick: bool = False) -> list[str]:
    """Problems that would stop this backup from being restored (empty: it restores and passes the checks)."""
    try:
        with plain_copy(path, passphrase, scratch_dir) as plain:
            return check_file(plain, quick=quick)
    except StorageError as exc:
        return [str(exc)]
    except OSError as exc:
        return [f"无法读取备份文件：{exc.strerror or exc}"]


# writing --------------------------------------------------------------------------------------------
def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def snapshot(db, target: Path, *, quick: bool = False, progress=None) -> str:
    """Copy ``db`` (a sqlite-utils Database) to ``target`` with the backup API, check and sync it.
    Returns the SHA-256 of the copy. Raises ``BackupCheckError`` and removes the copy when it is not sound.
    ``progress(done_pages, total_pages)`` is called as the copy goes."""
    if db.conn.in_transaction:
        raise BackupError("正在保存数据，暂时不能备份；请稍后再试。")
    dest = sqlite3.connect(str(target))
    try:
        if progress is None:
            db.conn.backup(dest)
        else:
            db.conn.backup(dest, pages=4096, progress=lambda _s, left, total: progress(total - left, total))
        dest.execute("PRAGMA journal_mode = DELETE")
        problems = check_connection(dest, quick=quick)
    except BaseException:
        dest.close()
        discard(target)
        raise
    dest.close()
    if problems:
        discard(target)
        raise BackupCheckError("备份副本没有通过检查，没有保存：" + "；".join(problems[:3]))
    digest = hashlib.sha256()
    with open(target, "rb+") as f:
        for block in iter(lambda: f.read(COPY_CHUNK), b""):
            digest.update(block)
        os.fsync(f.fileno())
    return digest.hexdigest()


def free_name(folder: Path, created: dt.datetime, reason: str, encrypted: bool) -> Path:
    n = 1
    while (folder / backup_name(created, reason, encrypted=encrypted, n=n)).exists():
        n += 1
    return folder / backup_name(created, reason, encrypted=encrypted, n=n)


def work_marker(db) -> list[int]:
    """Changes since the last backup show as a different marker (newest change-log seq, ledger rowid)."""
    row = db.execute(
        "SELECT (SELECT coalesce(max(seq), 0) FROM changelog), (SELECT coalesce(max(rowid), 0) FROM ledger)"
    ).fetchone()
    return [int(row[0]), int(row[1])]


def _read_state(folder: Path) -> dict:
    try:
        return json.loads((folder / STATE_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def _write_state(folder: Path, now: dt.datetime, marker: list[int]) -> None:
    """Remember when the last backup was taken and of what (only saves work; a failure costs a backup)."""
    tmp = temp_path(folder)
    try:
        tmp.write_text(json.dumps({"time": now.isoformat(), "marker": marker}), "utf-8")
        os.replace(tmp, folder / STATE_FILE)
    except OSError:
        discard(tmp)


def create_backup(db, folder: Path | str, *, reason: str = "manual", now: dt.datetime,
                  passphrase: str | None = None, progress=None, quick: bool = False) -> BackupInfo:
    """A checked backup of ``db`` in ``folder`` (the installation's ``backups/``). ``quick``: check the copy
    with ``quick_check`` (automatic backups: a restore runs the full check before it touches anything)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    clean_stale_temp(folder)
    marker = work_marker(db)
    plain = temp_path(folder)
    sealed = None
    try:
        snapshot(db, plain, quick=quick, progress=None if passphrase else progress)
        final = free_name(folder, now, reason, bool(passphrase))
        if passphrase:
            sealed = temp_path(folder)
            encrypt_file(plain, sealed, passphrase, now, reason, progress)
            os.replace(sealed, final)
        else:
            os.replace(plain, final)
        fsync_dir(folder)
    finally:
        discard(plain)
        discard(sealed)
    _write_state(folder, now, marker)
    return backup_info(final)


def encrypt_file(plain: Path, target: Path, passphrase: str, now, reason, progress) -> None:
    meta = {"created": now.isoformat(timespec="seconds"), "reason": reason, "plain_size": plain.stat().st_size}
    with open(plain, "rb") as src, open(target, "xb") as dst:
        fpbak.encrypt_stream(src, dst, passphrase, meta, progress=progress)
        dst.flush()
        os.fsync(dst.fileno())


def clean_stale_temp(folder: Path | str, *, now: dt.datetime | None = None, include_own: bool = False) -> list[Path]:
    """Remove temporary files whose writer is gone (its process ended, or older than ``STALE_AFTER``).
    ``include_own``: also this process's (a folder only this process's one-at-a-time exports write to)."""
    removed, now_ts = [], (now or dt.datetime.now()).timestamp()
    try:
        entries = [p for p in Path(folder).glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}*")  # with -journal, -wal …
                   if p.name.endswith(TEMP_SUFFIX) or "-" in p.name.rsplit(TEMP_SUFFIX, 1)[1][:1]]
    except OSError:
        return removed
    for path in entries:
        try:
            pid = int(path.name[len(TEMP_PREFIX):].split("-", 1)[0])
            age = now_ts - path.stat().st_mtime
        except (ValueError, OSError):
            continue
        mine = pid == os.getpid()
        if (include_own if mine else not pid_alive(pid)) or age > STALE_AFTER.total_seconds():
            discard(path)
            removed.append(path)
    return removed


def maybe_periodic_backup(ctx, *, every: dt.timedelta = PERIOD, passphrase: str | None = None) -> BackupInfo | None:
    """The automatic backup: taken when there were changes and the last one is ``every`` old. Call it from
    the window's timer, after saves, and at exit; it costs two indexed reads when nothing is due."""
    folder, now = Path(ctx.backups_dir), ctx.clock.now()
    if ctx.db.conn.in_transaction:  # called in the middle of a save: the next call will do it
        return None
    state = _read_state(folder)
    if state.get("marker") == work_marker(ctx.db):
        return None
    last = None
    if state.get("time"):
        last = dt.datetime.fromisoformat(state["time"])
    else:
        infos = list_backups(folder)
        last = infos[0].created if infos else None
    if last is not None and dt.timedelta(0) <= now - last < every:
        return None
    info = create_backup(ctx.db, folder, reason="auto", now=now, passphrase=passphrase, quick=True)
    thin_backups(folder, now)
    return info
