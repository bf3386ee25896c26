"""Faults handled with a clear message and nothing lost: a full disk, a read-only folder, a stick removed
during a backup, a file locked by another program.

Injected faults run everywhere. Real ones use a small tmpfs, mounted only where ``mount`` works (root on
Linux); elsewhere they are skipped.
"""

import contextlib
import datetime as dt
import errno
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid

import pytest

from fupin_desktop.domain.idnumber import make_id_number
from fupin_desktop.services import backup as service
from fupin_desktop.services.households import create_household
from fupin_desktop.storage import backup_export as bx
from fupin_desktop.storage import backups as b
from fupin_desktop.storage import recovery
from tests.services.factories import household_values, members_values


def content_digest(db_path) -> str:
    """The database's logical content (SQL dump), whatever the pages look like."""
    conn = sqlite3.connect(db_path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode("utf-8")).hexdigest()
    finally:
        conn.close()


def big_household(n: int = 2):
    """A household whose saving needs many new pages (a very long address)."""
    member = dict(members_values()[0], name="大户", id_number=make_id_number("610702", dt.date(1980, 1, 1), n))
    return household_values(number=f"61070200{n:02d}", address="很长的地址" * 40_000), [member]


@pytest.fixture
def household(ctx, village):
    household_id, _ = create_household(ctx, household_values(), members_values(), accept_note="核实无误")
    return household_id


# injected ------------------------------------------------------------------------------------------------
def test_full_disk_during_an_edit_leaves_the_database_as_it_was(ctx, household):
    ctx.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = content_digest(ctx.db_path)
    pages = ctx.db.execute("PRAGMA page_count").fetchone()[0]
    ctx.db.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own SQLITE_FULL path
    values, members = big_household()
    with pytest.raises(recovery.DiskFullError, match="磁盘空间已满.*腾出空间"):
        with recovery.translated("保存", ctx.data_dir):
            create_household(ctx, values, members, accept_note="核实无误")
    assert not ctx.db.conn.in_transaction
    assert content_digest(ctx.db_path) == before
    ctx.db.execute("PRAGMA max_page_count = 1073741823")
    create_household(ctx, values, members, accept_note="核实无误")  # space again: it works
    assert content_digest(ctx.db_path) != before


def test_file_locked_by_another_program_during_an_edit(ctx, household):
    before = content_digest(ctx.db_path)
    other = sqlite3.connect(ctx.db_path)
    other.execute("BEGIN EXCLUSIVE")  # another program writing and not letting go
    ctx.db.execute("PRAGMA busy_timeout = 100")
    try:
        values, members = big_household()
        with pytest.raises(recovery.FileBusyError, match="另一个程序占用"), recovery.translated("保存"):
            create_household(ctx, values, members, accept_note="核实无误")
    finally:
        other.rollback()
        other.close()
    assert content_digest(ctx.db_path) == before


def test_full_stick_leaves_no_file(ctx, household, tmp_path, monkeypatch):
    stick = tmp_path / "stick"
    stick.mkdir()

    def full(done, total):
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(bx.TargetWriteError, match="空间不够"):
        service.back_up_to_folder(ctx, stick, progress=full)
    assert list(stick.iterdir()) == []


@pytest.mark.parametrize("encrypted", [False, True])
def test_stick_removed_mid_write_leaves_no_valid_looking_file(ctx, household, tmp_path, monkeypatch, encrypted):
    from fupin_desktop.storage import fpbak

    monkeypatch.setattr(fpbak, "SCRYPT_LOG2_N", 12)
    monkeypatch.setattr(fpbak, "CHUNK", 16 * 1024)
    monkeypatch.setattr(bx, "CHUNK", 16 * 1024)
    stick = tmp_path / "stick"
    stick.mkdir()
    calls = []

    def pull_out(done, total):
        calls.append(done)
        if len(calls) == 3:
            shutil.rmtree(stick)  # the folder is gone in the middle of the writing

    with pytest.raises(bx.TargetWriteError, match="U盘"):
        service.back_up_to_folder(ctx, stick, passphrase="pw" if encrypted else None, progress=pull_out)
    assert len(calls) >= 3
    stick.mkdir()  # the stick is plugged in again
    assert list(stick.iterdir()) == []
    assert not [p for p in ctx.backups_dir.glob(f"{b.TEMP_PREFIX}*")]  # the local scratch copy is gone too


def test_io_error_mid_write_leaves_only_a_temporary_file_that_is_cleaned_later(ctx, household, tmp_path,
                                                                               monkeypatch):
    monkeypatch.setattr(bx, "CHUNK", 16 * 1024)
    stick = tmp_path / "stick"
    stick.mkdir()
    real_discard = bx.discard

    def cannot_delete(path):  # the stick went away: not even the temporary file can be removed
        if path is not None and path.parent == stick:
            return
        real_discard(path)

    monkeypatch.setattr(bx, "discard", cannot_delete)

    def io_error(done, total):
        if done > 32 * 1024:
            raise OSError(errno.EIO, "Input/output error")

    with pytest.raises(bx.TargetWriteError, match="U盘可能被拔出"):
        service.back_up_to_folder(ctx, stick, progress=io_error)
    left = list(stick.iterdir())
    assert left and all(p.name.startswith(b.TEMP_PREFIX) and b.TEMP_SUFFIX in p.name for p in left)
    assert b.list_backups(stick) == []  # nothing there looks like a backup
    monkeypatch.setattr(bx, "discard", real_discard)
    info = service.back_up_to_folder(ctx, stick).info  # the next backup to the stick cleans it up
    assert [p.name for p in stick.iterdir()] == [info.name]


# real: a small tmpfs ---------------------------------------------------------------------------------------
def _mount_works() -> bool:
    if not sys.platform.startswith("linux") or os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    probe = f"/tmp/fupin-mount-probe-{uuid.uuid4().hex[:8]}"
    os.makedirs(probe)
    try:
        ok = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", probe],
                            capture_output=True).returncode == 0
        if ok:
            subprocess.run(["umount", probe], check=True)
        return ok
    finally:
        os.rmdir(probe)


MOUNT = _mount_works()
needs_mount = pytest.mark.skipif(not MOUNT, reason="mounting a tmpfs needs root on Linux")


@contextlib.contextmanager
def tmpfs(path, size="4m"):
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], check=True)
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def fill(folder):
    filler = folder / "filler.bin"
    with open(filler, "wb") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


def installation(data_dir):
    from fupin_desktop.domain.clock import FixedClock
    from fupin_desktop.services.context import open_context
    from fupin_desktop.services.villages import create_village

    ctx = open_context(data_dir, operator="测试员", clock=FixedClock(dt.datetime(2020, 6, 15, 9, 30)))
    create_village(ctx, {"code": "610702101201", "name": "龙江村", "groups": ("一组",)})
    create_household(ctx, household_values(), members_values(), accept_note="核实无误")
    return ctx


@needs_mount
def test_real_full_disk_edit_and_backup_leave_the_database_as_it_was(tmp_path):
    with tmpfs(tmp_path / "small") as small:
        ctx = installation(small / "data")
        ctx.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before = content_digest(ctx.db_path)
        filler = fill(small)
        values, members = big_household()
        with pytest.raises(recovery.DiskFullError), recovery.translated("保存", small):
            create_household(ctx, values, members, accept_note="核实无误")
        with pytest.raises(recovery.DiskFullError):
            service.back_up_now(ctx)
        assert b.list_backups(ctx.backups_dir) == []
        assert not list(ctx.backups_dir.glob(f"{b.TEMP_PREFIX}*"))
        ctx.close()
        filler.unlink()
        assert content_digest(small / "data" / "fupin.sqlite") == before
        assert recovery.check_at_start(small / "data" / "fupin.sqlite", small / "data" / "backups").state == "ok"


@needs_mount
def test_real_read_only_folder(tmp_path):
    with tmpfs(tmp_path / "ro") as ro:
        installation(ro / "data").close()
        subprocess.run(["mount", "-o", "remount,ro", str(ro)], check=True)
        start = recovery.check_at_start(ro / "data" / "fupin.sqlite", ro / "data" / "backups")
        assert start.state == "readonly" and "不能写入" in start.message
        with pytest.raises(recovery.StorageError, match="不能写入"):
            service.open_session(ro / "data")


@needs_mount
def test_real_read_only_stick(ctx, household, tmp_path):
    with tmpfs(tmp_path / "stick") as stick:
        subprocess.run(["mount", "-o", "remount,ro", str(stick)], check=True)
        with pytest.raises(bx.TargetWriteError, match="不能写入"):
            service.back_up_to_folder(ctx, stick)


@needs_mount
def test_real_stick_unmounted_mid_write(ctx, household, tmp_path, monkeypatch):
    monkeypatch.setattr(bx, "CHUNK", 16 * 1024)
    stick = tmp_path / "stick"
    calls = []
    with tmpfs(stick):
        def pull_out(done, total):
            calls.append(done)
            if len(calls) == 2:
                subprocess.run(["umount", "-l", str(stick)], check=True)

        with pytest.raises(bx.TargetWriteError):
            service.back_up_to_folder(ctx, stick, progress=pull_out)
    assert list(stick.iterdir()) == []
    with tmpfs(stick):  # whatever reached the stick before it went: no valid-looking file
        assert b.list_backups(stick) == []
