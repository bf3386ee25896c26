"""The installation lock: two copies of the program never write one database.

``<data>/fupin.lock`` names who holds it (pid, computer, user, start time) and is held with an operating-system
lock (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows), which the system releases when the process
dies, so a lock left by a crash or a power cut is simply taken over. On a file system without locks the
holder's pid is checked instead. The second copy gets an ``AlreadyOpenError`` saying who has the data open.

A lock file that still names someone when it is taken means that program did not end cleanly (it empties the
file when it releases the lock): ``previous_exit_unclean`` tells ``storage.database`` to check the whole file
at the next opening, until ``forget_unclean_exit`` says that check passed.
"""

import datetime as dt
import getpass
import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from fupin_desktop.storage.database import StorageError

LOCK_FILE_NAME = "fupin.lock"
_WINDOWS_LOCK_OFFSET = 1 << 20  # Windows locks a byte range; lock one far past the text so others can read it
_UNCLEAN: set[Path] = set()  # data folders whose lock this process took over from a program that died


def _key(data_dir: Path | str) -> Path:
    return Path(os.path.abspath(data_dir))


def previous_exit_unclean(data_dir: Path | str) -> bool:
    """Whether this process took the lock of ``data_dir`` over from a program that did not end cleanly and
    no full check has passed since."""
    return _key(data_dir) in _UNCLEAN


def forget_unclean_exit(data_dir: Path | str) -> None:
    """A full check of the data passed: the unclean exit before this run has been dealt with."""
    _UNCLEAN.discard(_key(data_dir))


@dataclass(frozen=True)
class LockOwner:
    pid: int
    host: str = ""
    user: str = ""
    started: str = ""  # ISO local time
    program: str = ""

    def describe(self) -> str:
        when = self.started.replace("T", " ")[:16] if self.started else "不久前"
        who = f"{self.user} " if self.user else ""
        return f"{who}在电脑“{self.host or '未知'}”上于 {when} 打开了本程序（进程号 {self.pid}）"


class AlreadyOpenError(StorageError):
    def __init__(self, owner: LockOwner | None, path: Path):
        self.owner = owner
        who = owner.describe() if owner else "另一个程序"
        super().__init__(
            f"这份数据正在被使用：{who}。同一份数据不能由两个程序同时修改，请先关闭那边的程序再打开；"
            f"如果那边的程序已经退出，请稍等几秒再试。（锁文件：{path}）"
        )


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer (never signals it)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _this_owner() -> LockOwner:
    from fupin_desktop import __version__

    try:
        user = getpass.getuser()
    except Exception:  # no user name in some service environments
        user = ""
    return LockOwner(os.getpid(), socket.gethostname(), user, dt.datetime.now().isoformat(timespec="seconds"),
                     f"fupin_desktop {__version__}")


def _parse_owner(text: str) -> LockOwner | None:
    try:
        data = json.loads(text)
        return LockOwner(int(data["pid"]), str(data.get("host", "")), str(data.get("user", "")),
                         str(data.get("started", "")), str(data.get("program", "")))
    except (ValueError, KeyError, TypeError):
        return None


def read_owner(data_dir: Path | str) -> LockOwner | None:
    """Who last held (or holds) the lock, from the lock file; ``None`` when it is empty or unreadable."""
    try:
        with open(Path(data_dir) / LOCK_FILE_NAME, "rb") as f:
            return _parse_owner(f.read(4096).decode("utf-8", "replace").strip("\0 \n"))
    except OSError:
        return None


class _NoOsLocks(Exception):
    pass


def _os_lock(fd: int) -> None:
    """Take the OS lock without waiting: ``BlockingIOError`` when held, ``_NoOsLocks`` when unsupported."""
    import errno

    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if isinstance(exc, BlockingIOError) or exc.errno in (errno.EACCES, errno.EAGAIN, errno.EDEADLK):
            raise BlockingIOError(str(exc)) from exc
        if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL):
            raise _NoOsLocks(str(exc)) from exc
        raise


def _os_unlock(fd: int) -> None:
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
    except OSError:
        pass


class InstallationLock:
    """``with InstallationLock(data_dir):`` or ``acquire()`` … ``release()``. Not re-entrant."""

    def __init__(self, data_dir: Path | str):
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / LOCK_FILE_NAME
        self._fd: int | None = None
        self.taken_over: LockOwner | None = None  # a previous holder that had died without releasing

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> "InstallationLock":
        if self._fd is not None:
            return self
        self.data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
        try:
            previous = _parse_owner(os.read(fd, 4096).decode("utf-8", "replace").strip("\0 \n"))
            try:
                _os_lock(fd)
            except BlockingIOError:
                raise AlreadyOpenError(previous, self.path) from None
            except _NoOsLocks:
                if previous and previous.host == socket.gethostname() and previous.pid != os.getpid() \
                        and pid_alive(previous.pid):
                    raise AlreadyOpenError(previous, self.path) from None
            me = _this_owner()
            if previous is not None and previous.pid != me.pid:
                self.taken_over = previous
                _UNCLEAN.add(_key(self.data_dir))
            text = json.dumps(me.__dict__, ensure_ascii=False).encode("utf-8")
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, text)
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return self

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            os.ftruncate(fd, 0)
        except OSError:
            pass
        _os_unlock(fd)
        os.close(fd)

    def __enter__(self) -> "InstallationLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()
