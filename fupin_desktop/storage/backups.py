"""Backups that can be trusted: consistent, verified, atomically named, thinned, optionally encrypted.

A backup is taken through SQLite's backup API (never a file copy of a live database) into a temporary name,
checked (``integrity_check`` and ``foreign_key_check`` on the copy), synced, then renamed to
``fupin-<YYYYMMDD-HHMMSS>-<reason>.sqlite`` (``.fpbak`` when encrypted, see ``fpbak.py``). A temporary file
is never mistaken for a backup and is cleaned up once its writer is gone. Automatic backups are thinned like
Anki's: all of today, then one a day for a week, one a week for a month, one a month beyond.

A backup to a chosen folder (a USB stick) is first made and checked locally, then written to the stick under a
temporary name, synced, read back from the stick and compared, and only then renamed.
"""

import datetime as dt
import errno
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
_COPY = 1 << 20


class BackupError(StorageError):
    pass


class BackupCheckError(BackupError):
    """The copy did not pass the checks; no backup was kept."""


class TargetWriteError(BackupError):
    """Writing to the chosen folder failed (stick removed, full, read-only); no valid-looking file was left."""


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
def check_connection(conn: sqlite3.Connection) -> list[str]:
    """Problems of a copy: integrity, foreign keys, and whether this program can open it."""
    try:
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


def check_file(path: Path) -> list[str]:
    """``check_connection`` on a plain SQLite file, opened read-only."""
    try:
        conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [f"无法打开：{exc}"]
    try:
        return check_connection(conn)
    finally:
        conn.close()


def _temp_path(folder: Path) -> Path:
    return folder / f"{TEMP_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}{TEMP_SUFFIX}"


def _discard(path: Path | None) -> None:
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
    tmp = _temp_path(Path(scratch_dir or path.parent))
    try:
        with open(path, "rb") as src, open(tmp, "xb") as dst:
            fpbak.decrypt_stream(src, dst, passphrase or "")
        yield tmp
    finally:
        _discard(tmp)


def verify_backup(path: Path, passphrase: str | None = None, scratch_dir: Path | None = None) -> list[str]:
    """Problems that would stop this backup from being restored (empty: it restores and passes the checks)."""
    try:
        with plain_copy(path, passphrase, scratch_dir) as plain:
            return check_file(plain)
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


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


def snapshot(db, target: Path) -> str:
    """Copy ``db`` (a sqlite-utils Database) to ``target`` with the backup API, check and sync it.
    Returns the SHA-256 of the copy. Raises ``BackupCheckError`` and removes the copy when it is not sound."""
    if db.conn.in_transaction:
        raise BackupError("正在保存数据，暂时不能备份；请稍后再试。")
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
        problems = check_connection(dest)
    except BaseException:
        dest.close()
        _discard(target)
        raise
    dest.close()
    if problems:
        _discard(target)
        raise BackupCheckError("备份副本没有通过检查，没有保存：" + "；".join(problems[:3]))
    digest = hashlib.sha256()
    with open(target, "rb+") as f:
        for block in iter(lambda: f.read(_COPY), b""):
            digest.update(block)
        os.fsync(f.fileno())
    return digest.hexdigest()


def _free_name(folder: Path, created: dt.datetime, reason: str, encrypted: bool) -> Path:
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
    tmp = _temp_path(folder)
    tmp.write_text(json.dumps({"time": now.isoformat(), "marker": marker}), "utf-8")
    os.replace(tmp, folder / STATE_FILE)


def create_backup(db, folder: Path | str, *, reason: str = "manual", now: dt.datetime,
                  passphrase: str | None = None, progress=None) -> BackupInfo:
    """A checked backup of ``db`` in ``folder`` (the installation's ``backups/``)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    clean_stale_temp(folder)
    marker = work_marker(db)
    plain = _temp_path(folder)
    sealed = None
    try:
        snapshot(db, plain)
        final = _free_name(folder, now, reason, bool(passphrase))
        if passphrase:
            sealed = _temp_path(folder)
            _encrypt(plain, sealed, passphrase, now, reason, progress)
            os.replace(sealed, final)
        else:
            os.replace(plain, final)
        fsync_dir(folder)
    finally:
        _discard(plain)
        _discard(sealed)
    _write_state(folder, now, marker)
    return backup_info(final)


def _encrypt(plain: Path, target: Path, passphrase: str, now, reason, progress) -> None:
    meta = {"created": now.isoformat(timespec="seconds"), "reason": reason, "plain_size": plain.stat().st_size}
    with open(plain, "rb") as src, open(target, "xb") as dst:
        fpbak.encrypt_stream(src, dst, passphrase, meta, progress=progress)
        dst.flush()
        os.fsync(dst.fileno())


def _read_back(path: Path, passphrase: str | None) -> str:
    """SHA-256 of what is really on the device (of the plaintext, for an encrypted file)."""
    with open(path, "rb") as f:
        if hasattr(os, "posix_fadvise"):
            os.posix_fadvise(f.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)  # read the device, not the cache
        if passphrase:
            return fpbak.decrypt_stream(f, None, passphrase)
        digest = hashlib.sha256()
        for block in iter(lambda: f.read(_COPY), b""):
            digest.update(block)
        return digest.hexdigest()


def export_backup(db, target_dir: Path | str, *, scratch_dir: Path, now: dt.datetime,
                  passphrase: str | None = None, progress=None) -> BackupInfo:
    """A checked backup written to a chosen folder (a USB stick) and verified by reading it back."""
    target_dir = Path(target_dir)
    if not target_dir.is_dir():
        raise TargetWriteError(f"找不到文件夹 {target_dir}。如果是U盘，请确认已经插好，再重新选择文件夹。")
    clean_stale_temp(target_dir, include_own=True)
    scratch_dir.mkdir(parents=True, exist_ok=True)
    plain, part = _temp_path(scratch_dir), _temp_path(target_dir)
    try:
        expected = snapshot(db, plain)
        try:
            if passphrase:
                _encrypt(plain, part, passphrase, now, "export", progress)
            else:
                _copy_synced(plain, part, progress)
            try:
                read_back = _read_back(part, passphrase)
            except StorageError:
                read_back = ""
            if read_back != expected:
                raise TargetWriteError(
                    f"写到 {target_dir} 的备份读回来和原来的不一致（U盘可能有问题），没有保存。请换一个U盘再试。")
            final = _free_name(target_dir, now, "export", bool(passphrase))
            os.replace(part, final)
            fsync_dir(target_dir)
        except OSError as exc:
            raise TargetWriteError(_target_message(exc, target_dir)) from exc
        info = backup_info(final)
        if info is None or info.size == 0:
            raise TargetWriteError(f"写到 {target_dir} 的备份不见了（U盘可能被拔出）。请插好U盘后重新备份。")
        return info
    finally:
        _discard(plain)
        _discard(part)


def _copy_synced(src_path: Path, dst_path: Path, progress) -> None:
    total, done = src_path.stat().st_size, 0
    with open(src_path, "rb") as src, open(dst_path, "xb") as dst:
        for block in iter(lambda: src.read(_COPY), b""):
            dst.write(block)
            done += len(block)
            if progress is not None:
                progress(done, total)
        dst.flush()
        os.fsync(dst.fileno())


def _target_message(exc: OSError, folder: Path) -> str:
    if exc.errno == errno.ENOSPC:
        return f"{folder} 空间不够，备份没有写完，也没有留下不完整的文件。请腾出空间或换一个U盘再试。"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"{folder} 不能写入（只读或没有权限），备份没有保存。请检查U盘的写保护开关，或换一个文件夹。"
    return (f"写入 {folder} 时出错（{exc.strerror or exc}），U盘可能被拔出。备份没有保存，也没有留下"
            "看起来完整的文件；请插好U盘后重新备份。")


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
            _discard(path)
            removed.append(path)
    return removed


def maybe_periodic_backup(ctx, *, every: dt.timedelta = PERIOD, passphrase: str | None = None) -> BackupInfo | None:
    """The automatic backup: taken when there were changes and the last one is ``every`` old. Call it from
    the window's timer, after saves, and at exit; it costs two indexed reads when nothing is due."""
    folder, now = Path(ctx.backups_dir), ctx.clock.now()
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
    info = create_backup(ctx.db, folder, reason="auto", now=now, passphrase=passphrase)
    thin_backups(folder, now)
    return info
