"""A backup to a chosen folder (a USB stick) that can be trusted even when the stick is pulled out.

The copy is made and checked locally (``backups.snapshot``), then written to the stick under a temporary name,
synced, read back from the device (bypassing the cache) and compared with the local copy's SHA-256, and only then
renamed to its final name. A stick removed or full in the middle leaves at most a temporary ``.part`` file,
which never looks like a backup and is removed by the next backup to that folder.
"""

import datetime as dt
import errno
import hashlib
import os
from pathlib import Path

from fupin_desktop.storage import fpbak
from fupin_desktop.storage.backups import (
    BackupError,
    BackupInfo,
    backup_info,
    clean_stale_temp,
    discard,
    encrypt_file,
    free_name,
    fsync_dir,
    snapshot,
    temp_path,
)
from fupin_desktop.storage.database import StorageError

CHUNK = 1 << 20


class TargetWriteError(BackupError):
    """Writing to the chosen folder failed (stick removed, full, read-only); no valid-looking file was left."""


def _read_back(path: Path, passphrase: str | None) -> str:
    """SHA-256 of what is really on the device (of the plaintext, for an encrypted file)."""
    with open(path, "rb") as f:
        if hasattr(os, "posix_fadvise"):
            os.posix_fadvise(f.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)  # read the device, not the cache
        if passphrase:
            return fpbak.decrypt_stream(f, None, passphrase)
        digest = hashlib.sha256()
        for block in iter(lambda: f.read(CHUNK), b""):
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
    plain, part = temp_path(scratch_dir), temp_path(target_dir)
    try:
        expected = snapshot(db, plain)
        try:
            if passphrase:
                encrypt_file(plain, part, passphrase, now, "export", progress)
            else:
                _copy_synced(plain, part, progress)
            try:
                read_back = _read_back(part, passphrase)
            except StorageError:
                read_back = ""
            if read_back != expected:
                raise TargetWriteError(
                    f"写到 {target_dir} 的备份读回来和原来的不一致（U盘可能有问题），没有保存。请换一个U盘再试。")
            final = free_name(target_dir, now, "export", bool(passphrase))
            os.replace(part, final)
            fsync_dir(target_dir)
        except OSError as exc:
            raise TargetWriteError(_target_message(exc, target_dir)) from exc
        info = backup_info(final)
        if info is None or info.size == 0:
            raise TargetWriteError(f"写到 {target_dir} 的备份不见了（U盘可能被拔出）。请插好U盘后重新备份。")
        return info
    finally:
        discard(plain)
        discard(part)


def _copy_synced(src_path: Path, dst_path: Path, progress) -> None:
    total, done = src_path.stat().st_size, 0
    with open(src_path, "rb") as src, open(dst_path, "xb") as dst:
        for block in iter(lambda: src.read(CHUNK), b""):
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
