"""At start: is the data sound, and if not, what can be done and what would be lost.

``check_at_start`` completes an interrupted restore, then opens the database read-only enough to run a quick
integrity check. A damaged database is offered the newest backup that passes the checks, with what would be
lost stated plainly; ``recover_damaged`` moves the damaged files aside (never deletes them) and restores.
``explain`` turns the operating system's and SQLite's failures (disk full, read-only folder, file locked by
another program, I/O errors) into one Chinese sentence that says what happened and what to do.
"""

import datetime as dt
import errno
import shutil
import sqlite3
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from fupin_desktop.storage.backups import BackupInfo, list_backups, plain_copy, verify_backup
from fupin_desktop.storage.database import (
    DatabaseDamagedError,
    StorageError,
    check_on_open,
    known_migrations,
    wal_has_frames,
)
from fupin_desktop.storage.restore import (
    DAMAGED,
    RestoreResult,
    commit_restore,
    database_files,
    finish_interrupted,
    move_aside,
    prepare_restore,
)


class DiskFullError(StorageError):
    pass


class ReadOnlyError(StorageError):
    pass


class FileBusyError(StorageError):
    pass


class DiskIOError(StorageError):
    pass


_BUSY = {"SQLITE_BUSY", "SQLITE_LOCKED"}
_WINDOWS_BUSY = {32, 33}  # sharing violation, lock violation


def explain(exc: BaseException, *, action: str = "保存", path: Path | str | None = None) -> StorageError | None:
    """A ``StorageError`` with a Chinese sentence for a failure the person can act on, else ``None``."""
    if isinstance(exc, StorageError):
        return exc
    where = f"（{path}）" if path else ""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    code = getattr(exc, "errno", None)
    if name == "SQLITE_FULL" or code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)) or "disk is full" in text:
        return DiskFullError(f"磁盘空间已满{where}，{action}没有完成，数据保持在{action}之前的样子。"
                             "请删除不需要的文件、清空回收站，腾出空间后再试。")
    if name.startswith("SQLITE_READONLY") or name == "SQLITE_PERM" or "readonly" in text \
            or code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnlyError(f"数据文件夹不能写入{where}（只读，或没有写入权限），{action}没有完成。"
                             "请把数据文件夹放在可以写入的位置，或请管理员开放写入权限；数据没有改动。")
    if name in _BUSY or "database is locked" in text or getattr(exc, "winerror", None) in _WINDOWS_BUSY \
            or code == errno.EBUSY:
        return FileBusyError(f"数据文件正被另一个程序占用{where}（可能是另一个打开的本程序、杀毒软件或网盘同步），"
                             f"{action}没有完成。请关闭那个程序后再试；数据没有改动。")
    if name.startswith("SQLITE_IOERR") or code == errno.EIO or "disk i/o error" in text:
        return DiskIOError(f"读写磁盘出错{where}，{action}没有完成。磁盘可能有故障，或者U盘被拔出；"
                           "请检查磁盘后再试，并尽快把数据备份到另一个U盘。")
    if name == "SQLITE_CANTOPEN" or "unable to open database" in text:
        return ReadOnlyError(f"打不开数据文件{where}：文件夹可能不存在、不能写入，或者被别的程序占用。"
                             "请检查数据文件夹后再试。")
    if name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or "malformed" in text or "not a database" in text:
        return DatabaseDamagedError(f"数据文件已损坏{where}。请关闭程序后重新打开，程序会提供从备份恢复。")
    return None


@contextmanager
def translated(action: str = "保存", path: Path | str | None = None):
    """Re-raise SQLite and file-system failures as ``StorageError`` with a Chinese message."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        better = explain(exc, action=action, path=path)
        if better is None or better is exc:
            raise
        raise better from exc


# what would be lost ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Loss:
    readable: bool
    changes: int = 0  # saved operations (one save of a household form is one, however many fields)
    ledger_rows: int = 0
    households: int = 0

    @property
    def nothing(self) -> bool:
        return self.readable and not (self.changes or self.ledger_rows)

    def describe(self) -> str:
        if not self.readable:
            return "最后一次备份之后的修改无法恢复。"
        if self.nothing:
            return "备份之后没有新的修改，不会丢失数据。"
        parts = []
        if self.changes:
            parts.append(f"{self.changes} 次修改" + (f"（其中新建 {self.households} 户）" if self.households else ""))
        if self.ledger_rows:
            parts.append(f"{self.ledger_rows} 笔收支记录")
        return "备份之后又有 " + "和 ".join(parts) + "，这些不在备份里，恢复后将看不到它们。"


def newest_stamp(conn) -> str:
    row = conn.execute(
        "SELECT max(h) FROM (SELECT max(hlc) AS h FROM changelog UNION ALL SELECT max(hlc) FROM ledger)"
    ).fetchone()
    return row[0] or ""


def count_newer(conn, stamp: str, schema: str = "main") -> Loss:
    """What ``conn``'s database holds that is newer than the stamp (the backup's newest change)."""
    changes, households = conn.execute(
        f"SELECT count(DISTINCT op_id), count(DISTINCT CASE WHEN tbl = 'households' AND field = '*' THEN row_id END)"
        f" FROM {schema}.changelog WHERE hlc > ?", [stamp]).fetchone()
    ledger = conn.execute(f"SELECT count(*) FROM {schema}.ledger WHERE hlc > ?", [stamp]).fetchone()[0]
    return Loss(True, changes, ledger, households)


def backup_stamp(backup: Path, passphrase: str | None = None, scratch_dir: Path | None = None) -> str:
    with plain_copy(backup, passphrase, scratch_dir) as plain:
        conn = sqlite3.connect(Path(plain).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            return newest_stamp(conn)
        finally:
            conn.close()


def loss_since(db_path: Path, backup: Path, *, passphrase: str | None = None) -> Loss:
    """What restoring ``backup`` would lose, read from a copy of the (possibly damaged) database's files."""
    try:
        stamp = backup_stamp(backup, passphrase, db_path.parent)
    except (sqlite3.Error, StorageError, OSError):
        return Loss(False)
    try:  # in place, read-only (works for a closed database without a write-ahead log) …
        conn = sqlite3.connect(db_path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            return count_newer(conn, stamp)
        finally:
            conn.close()
    except (sqlite3.Error, OSError):
        pass
    try:  # … else on a copy of its files, so that nothing touches the original
        with tempfile.TemporaryDirectory(dir=db_path.parent, prefix=".loss-") as tmp:
            for path in database_files(db_path):
                if not path.name.endswith("-shm"):
                    shutil.copyfile(path, Path(tmp) / path.name)
            conn = sqlite3.connect(str(Path(tmp) / db_path.name))
            try:
                return count_newer(conn, stamp)
            finally:
                conn.close()
    except (sqlite3.Error, OSError):
        return Loss(False)


@dataclass(frozen=True)
class Offer:
    backup: BackupInfo
    loss: Loss

    def describe(self) -> str:
        return (f"可以恢复最新的完好备份：{self.backup.created:%Y-%m-%d %H:%M}（{self.backup.label}）。"
                + self.loss.describe())


def find_offer(db_path: Path, backups_dir: Path, *, passphrase: str | None = None) -> Offer | None:
    """The newest backup that passes every check (encrypted ones only with the passphrase), with the loss."""
    for info in list_backups(backups_dir):
        if info.encrypted and not passphrase:
            continue
        if not verify_backup(info.path, passphrase, db_path.parent, quick=True):  # a restore checks fully
            return Offer(info, loss_since(db_path, info.path, passphrase=passphrase))
    return None


# the start -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StartupReport:
    state: str  # ok | new | missing | damaged | newer | busy | readonly | diskfull
    message: str
    db_path: Path
    offer: Offer | None = None
    note: str = ""  # e.g. an interrupted restore that was completed

    @property
    def can_open(self) -> bool:
        return self.state in ("ok", "new")


def _probe_folder(folder: Path) -> OSError | None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-"):
            pass
    except OSError as exc:
        return exc
    return None


def _probe_database(db_path: Path) -> None:
    """The check at opening (``database.check_on_open``: the full quick check on small files and after an
    unclean exit, the light one otherwise), and whether the file is newer than this program."""
    wal_left = wal_has_frames(db_path)
    conn = sqlite3.connect(str(db_path), timeout=2)
    try:
        conn.execute("PRAGMA busy_timeout = 2000")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # locked or unreadable: ``explain`` says
        problems = check_on_open(conn, db_path, wal_left=wal_left)
        if problems:
            raise DatabaseDamagedError("快速检查发现问题：" + "；".join(problems[:3]))
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_sqlite_migrations'").fetchone():
            applied = {r[0] for r in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = 'fupin_desktop'")}
            newer = applied - known_migrations()
            if newer:
                raise _Newer("、".join(sorted(newer)))
    finally:
        conn.close()


class _Newer(Exception):
    pass


def check_at_start(db_path: Path | str, backups_dir: Path | str, *, offer: bool = True) -> StartupReport:
    """What the program should do with the data folder before it opens the database.
    ``offer=False``: do not look for a backup to offer (that checks backups, which takes a while)."""
    db_path, backups_dir = Path(db_path), Path(backups_dir)
    folder_problem = _probe_folder(db_path.parent)
    try:
        note = finish_interrupted(db_path) or ""
    except OSError as exc:
        folder_problem = folder_problem or exc
        note = ""
    if folder_problem is not None:
        error = explain(folder_problem, action="打开数据", path=db_path.parent)
        state = "diskfull" if isinstance(error, DiskFullError) else "readonly"
        return StartupReport(state, str(error or folder_problem), db_path, note=note)
    if not db_path.exists():
        found = find_offer(db_path, backups_dir) if offer else None
        if found is None:
            return StartupReport("new", "", db_path, note=note)
        return StartupReport("missing", f"数据文件夹里没有数据文件，但有备份。{found.describe()}", db_path, found, note)
    try:
        _probe_database(db_path)
    except _Newer as exc:
        return StartupReport("newer", f"这个数据文件由更新版本的程序写入（{exc}）。请先安装新版本的程序再打开；"
                                      "数据没有任何改动。", db_path, note=note)
    except (sqlite3.Error, StorageError, OSError) as exc:
        error = explain(exc, action="打开数据", path=db_path)
        if isinstance(error, DiskFullError | FileBusyError | ReadOnlyError):
            state = {DiskFullError: "diskfull", FileBusyError: "busy"}.get(type(error), "readonly")
            return StartupReport(state, str(error), db_path, note=note)
        found = find_offer(db_path, backups_dir) if offer else None
        message = (f"数据文件已损坏（{exc}）。损坏的文件会移到 {db_path.parent / DAMAGED} 保存，不会删除。"
                   + (found.describe() if found else _no_offer(backups_dir)))
        return StartupReport("damaged", message, db_path, found, note)
    return StartupReport("ok", "", db_path, note=note)


def _no_offer(backups_dir: Path) -> str:
    if any(i.encrypted for i in list_backups(backups_dir)):
        return "只找到加密的备份：请用它的口令恢复（fupin restore 备份序号 --passphrase-file 口令文件）。"
    return "没有找到可用的备份，只能从空白数据重新开始；损坏的文件请交给技术人员尝试修复。"


@dataclass(frozen=True)
class RecoveryResult:
    moved_to: Path | None
    restored: RestoreResult | None


def recover_damaged(db_path: Path | str, backup: Path | str | None, *, now: dt.datetime,
                    passphrase: str | None = None) -> RecoveryResult:
    """Move the damaged database aside into ``damaged/`` and restore ``backup`` (``None``: start empty)."""
    db_path = Path(db_path)
    if backup is None:
        return RecoveryResult(move_aside(db_path, DAMAGED, now), None)
    prepared = prepare_restore(db_path, backup, passphrase=passphrase)
    result = commit_restore(prepared, now=now, area=DAMAGED)
    return RecoveryResult(result.moved_aside_to, result)
