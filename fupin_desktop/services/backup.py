"""Backup and restore use cases for both faces: back up now, to a folder, automatically; plan and do a
restore; check the data; and open a session (installation lock, start-up check, context) safely.

Everything that needs the database runs where the context lives (the database thread in the window).
``restore_in_place`` closes the context's database, restores and reopens it in the same ``AppContext``, so the
window needs no special support: it gets a ``Changes`` naming every table and refreshes.
"""

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from fupin_desktop.domain.clock import Clock, SystemClock
from fupin_desktop.services.changes import Changes
from fupin_desktop.services.context import DB_FILE_NAME, default_data_dir, open_context
from fupin_desktop.storage import backup_export as bx
from fupin_desktop.storage import backups as b
from fupin_desktop.storage import tables as t
from fupin_desktop.storage.database import DatabaseDamagedError, NewerDatabaseError, StorageError
from fupin_desktop.storage.lock import InstallationLock
from fupin_desktop.storage.recovery import (
    Loss,
    StartupReport,
    backup_stamp,
    check_at_start,
    count_newer,
    loss_since,
    recover_damaged,
    translated,
)
from fupin_desktop.storage.restore import (
    DAMAGED,
    REPLACED,
    RestoreResult,
    commit_restore,
    finish_interrupted,
    prepare_restore,
)

maybe_periodic_backup = b.maybe_periodic_backup  # the hook for the window's timer, saves and exit
EVERYTHING = frozenset(t.SYNCABLE) | {t.INSTALLATION}


def format_size(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return ""


@dataclass(frozen=True)
class BackupRow:
    info: b.BackupInfo
    when: str
    reason: str
    size: str
    encrypted: bool


def backup_rows(ctx_or_dir) -> list[BackupRow]:
    folder = getattr(ctx_or_dir, "backups_dir", None) or Path(ctx_or_dir) / "backups"
    return [BackupRow(i, f"{i.created:%Y-%m-%d %H:%M:%S}", i.label + (f"（{i.detail}）" if i.detail else ""),
                      format_size(i.size), i.encrypted) for i in b.list_backups(folder)]


@dataclass(frozen=True)
class BackupOutcome:
    info: b.BackupInfo
    thinned: tuple = ()

    @property
    def message(self) -> str:
        lock = "（已加密）" if self.info.encrypted else ""
        return f"已备份{lock}：{self.info.path}（{format_size(self.info.size)}），检查通过。"


def back_up_now(ctx, *, reason: str = "manual", passphrase: str | None = None, progress=None) -> BackupOutcome:
    """A checked backup in the installation's ``backups/`` folder, then thinning."""
    now = ctx.clock.now()
    with translated("备份", ctx.backups_dir):
        info = b.create_backup(ctx.db, ctx.backups_dir, reason=reason, now=now, passphrase=passphrase,
                               progress=progress)
        thinned = b.thin_backups(ctx.backups_dir, now)
    return BackupOutcome(info, tuple(thinned))


def back_up_before(ctx, what: str = "import") -> b.BackupInfo:
    """Call before every import (``what="import"``): the way back if the import was a mistake."""
    return back_up_now(ctx, reason=f"before-{what}").info


def back_up_to_folder(ctx, folder: Path | str, *, passphrase: str | None = None, progress=None) -> BackupOutcome:
    """A checked backup written to ``folder`` (a USB stick), read back and compared before it gets its name."""
    with translated("备份", ctx.backups_dir):
        return BackupOutcome(bx.export_backup(ctx.db, folder, scratch_dir=ctx.backups_dir, now=ctx.clock.now(),
                                             passphrase=passphrase, progress=progress))


def resolve_backup(data_dir: Path | str, text: str) -> Path:
    """A backup named by path, by file name in ``backups/``, or by its number in ``fupin backups`` (1 = newest)."""
    infos = b.list_backups(Path(data_dir) / "backups")
    if text.isdigit() and 1 <= int(text) <= len(infos) and not Path(text).exists():
        return infos[int(text) - 1].path
    for candidate in (Path(text), Path(data_dir) / "backups" / text):
        if candidate.is_file():
            return candidate
    raise StorageError(f"找不到备份“{text}”。请用 fupin backups 查看备份列表，写序号、文件名或完整路径。")


# restore ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RestorePlan:
    backup: Path
    created: dt.datetime | None
    db_path: Path
    loss: Loss

    @property
    def message(self) -> str:
        when = f"{self.created:%Y-%m-%d %H:%M}" if self.created else "（时间不明）"
        return (f"将用 {when} 的备份替换现在的数据。现在的数据文件会移到 {self.db_path.parent / REPLACED} "
                f"保存，不会删除。{self.loss.describe()}")


def _created(backup: Path) -> dt.datetime | None:
    info = b.backup_info(backup)
    if info is not None:
        return info.created
    from fupin_desktop.storage import fpbak

    if fpbak.is_encrypted(backup):
        return dt.datetime.fromisoformat(fpbak.read_meta(backup)["created"])
    return None


def _checked_stamp(backup: Path, passphrase: str | None, scratch_dir: Path) -> str:
    """The backup's newest change stamp, after it passed every check (else ``BackupCheckError``)."""
    with b.plain_copy(backup, passphrase, scratch_dir) as plain:
        problems = b.check_file(plain, quick=True)  # the restore itself runs the full check first
        if problems:
            raise b.BackupCheckError("这个备份没有通过检查，不能恢复：" + "；".join(problems[:3])
                                     + "。请换一个备份；现在的数据没有改动。")
        return backup_stamp(plain)


def restore_plan(ctx, backup: Path | str, *, passphrase: str | None = None) -> RestorePlan:
    """What a restore would replace and lose; refuses a backup that does not pass the checks."""
    backup = Path(backup)
    stamp = _checked_stamp(backup, passphrase, ctx.data_dir)
    return RestorePlan(backup, _created(backup), ctx.db_path, count_newer(ctx.db.conn, stamp))


def _reopen(ctx) -> None:
    finish_interrupted(ctx.db_path)
    fresh = open_context(ctx.data_dir, operator=ctx.operator, clock=ctx.clock,
                         wall_ms=getattr(ctx.hlc, "_wall_ms", None))
    ctx.db, ctx.hlc, ctx._settings = fresh.db, fresh.hlc, None


def restore_in_place(ctx, backup: Path | str, *, passphrase: str | None = None) -> tuple[RestoreResult, Changes]:
    """Restore on the context's own thread: check the backup, close, swap the files, reopen the context."""
    with translated("恢复备份", ctx.data_dir):
        prepared = prepare_restore(ctx.db_path, backup, passphrase=passphrase)
        ctx.db.close()
        try:
            result = commit_restore(prepared, now=ctx.clock.now())
        finally:
            _reopen(ctx)
    return result, Changes(op_id="restore", tables=EVERYTHING)


def restore_offline(data_dir: Path | str | None, backup: Path | str, *, passphrase: str | None = None,
                    clock: Clock | None = None) -> RestoreResult:
    """Restore with no context open (command line, start-up): takes the installation lock itself."""
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    with translated("恢复备份", data_dir), InstallationLock(data_dir):
        return _restore_files(data_dir, backup, passphrase=passphrase, now=(clock or SystemClock()).now())


def _restore_files(data_dir: Path, backup: Path | str, *, passphrase: str | None, now: dt.datetime) -> RestoreResult:
    db_path = data_dir / DB_FILE_NAME
    damaged = check_at_start(db_path, data_dir / "backups", offer=False).state == "damaged"
    prepared = prepare_restore(db_path, backup, passphrase=passphrase)
    return commit_restore(prepared, now=now, area=DAMAGED if damaged else REPLACED)  # damaged: left untouched


def offline_plan(data_dir: Path | str | None, backup: Path | str, *, passphrase: str | None = None) -> RestorePlan:
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    db_path = data_dir / DB_FILE_NAME
    _checked_stamp(Path(backup), passphrase, data_dir)
    loss = loss_since(db_path, Path(backup), passphrase=passphrase) if db_path.exists() else Loss(True)
    return RestorePlan(Path(backup), _created(Path(backup)), db_path, loss)


# checks -------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CheckReport:
    db_path: Path
    state: str
    problems: tuple = ()
    message: str = ""
    backups: tuple = ()  # (BackupInfo, problems) for each backup checked

    @property
    def ok(self) -> bool:
        return self.state in ("ok", "new") and not self.problems


def check_database(data_dir: Path | str | None = None, *, all_backups: bool = False,
                   passphrase: str | None = None) -> CheckReport:
    """A full check of the data file (integrity and foreign keys) and of the newest (or every) backup."""
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    db_path = data_dir / DB_FILE_NAME
    start = check_at_start(db_path, data_dir / "backups")
    problems: list[str] = []
    if start.state == "ok":
        conn = sqlite3.connect(str(db_path), timeout=10)
        try:
            problems = b.check_connection(conn)
        finally:
            conn.close()
    infos = b.list_backups(data_dir / "backups")
    checked = [(i, tuple(b.verify_backup(i.path, passphrase, data_dir)))
               for i in (infos if all_backups else infos[:1]) if passphrase or not i.encrypted]
    message = start.message or ("数据文件检查通过。" if not problems else "数据文件有问题：" + "；".join(problems[:5]))
    return CheckReport(db_path, start.state, tuple(problems), message, tuple(checked))


# a session: lock, start-up check, context -------------------------------------------------------------------
@dataclass(frozen=True)
class Decision:
    """The person's answer to a damaged or missing database: restore ``backup`` or (``None``) start empty."""

    backup: Path | None
    passphrase: str | None = None


@dataclass
class Session:
    ctx: object
    lock: InstallationLock
    report: StartupReport
    recovered: object = None
    notes: list = field(default_factory=list)

    def close(self) -> None:
        try:
            self.ctx.close()
        finally:
            self.lock.release()


def open_session(data_dir: Path | str | None = None, *, operator: str = "", clock: Clock | None = None,
                 decide=None) -> Session:
    """Lock the data folder, check the database, recover if the person decides so, open the context.

    ``decide(report) -> Decision | None`` is asked when the database is damaged or missing (None: give up).
    Raises ``AlreadyOpenError``, ``NewerDatabaseError``, ``DatabaseDamagedError`` or another ``StorageError``.
    """
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    clock = clock or SystemClock()
    with translated("打开数据", data_dir):
        lock = InstallationLock(data_dir).acquire()
    try:
        report = check_at_start(data_dir / DB_FILE_NAME, data_dir / "backups")
        recovered = None
        if report.state in ("damaged", "missing"):
            decision = decide(report) if decide is not None else None
            if decision is None:
                raise DatabaseDamagedError(report.message + " 可以运行 fupin check-db 查看，用 fupin restore 恢复备份。")
            recovered = recover_damaged(report.db_path, decision.backup, now=clock.now(),
                                        passphrase=decision.passphrase)
        elif report.state == "newer":
            raise NewerDatabaseError(report.message)
        elif not report.can_open:
            raise StorageError(report.message)
        with translated("打开数据", data_dir):
            ctx = open_context(data_dir, operator=operator, clock=clock)
    except BaseException:
        lock.release()
        raise
    session = Session(ctx, lock, report, recovered)
    if lock.taken_over is not None:
        session.notes.append("上次程序没有正常退出；数据已检查，可以继续使用。")
    if report.note:
        session.notes.append(report.note)
    return session
