"""The installation lock: a second copy is refused and told who has the data open; a dead holder's lock is
taken over."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fupin_desktop.storage.lock import AlreadyOpenError, InstallationLock, pid_alive, read_owner

ROOT = Path(__file__).resolve().parents[2]


def test_second_lock_is_refused_with_who_has_it(tmp_path):
    with InstallationLock(tmp_path) as first:
        assert first.held
        owner = read_owner(tmp_path)
        assert owner.pid == os.getpid() and owner.host and owner.started
        with pytest.raises(AlreadyOpenError) as caught:
            InstallationLock(tmp_path).acquire()
        message = str(caught.value)
        assert "正在被使用" in message and str(os.getpid()) in message and owner.host in message
        assert caught.value.owner == owner
    assert not first.held
    assert read_owner(tmp_path) is None  # released: the file no longer names anyone
    with InstallationLock(tmp_path):  # and it can be taken again
        pass


def test_release_is_idempotent_and_acquire_reentrant_on_one_object(tmp_path):
    lock = InstallationLock(tmp_path)
    assert lock.acquire() is lock.acquire()
    lock.release()
    lock.release()


HOLDER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    from fupin_desktop.storage.lock import InstallationLock
    lock = InstallationLock({folder!r}).acquire()
    print("locked", flush=True)
    time.sleep(60)
""")


def _holder(folder: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER.format(root=str(ROOT), folder=str(folder))],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_another_process_holds_it_until_it_dies(tmp_path):
    proc = _holder(tmp_path)
    try:
        with pytest.raises(AlreadyOpenError, match=str(proc.pid)):
            InstallationLock(tmp_path).acquire()
    finally:
        os.kill(proc.pid, signal.SIGKILL)  # a crash or a power cut: nobody released the lock
        proc.wait()
    assert not pid_alive(proc.pid)
    assert read_owner(tmp_path).pid == proc.pid  # the file still names the dead holder
    lock = InstallationLock(tmp_path).acquire()  # … but the OS lock went with the process
    try:
        assert lock.taken_over is not None and lock.taken_over.pid == proc.pid
        assert read_owner(tmp_path).pid == os.getpid()
    finally:
        lock.release()


def test_without_os_locks_a_live_holder_is_still_respected(tmp_path, monkeypatch):
    from fupin_desktop.storage import lock as lock_module

    def no_locks(fd):
        raise lock_module._NoOsLocks("no locks on this file system")

    monkeypatch.setattr(lock_module, "_os_lock", no_locks)
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (tmp_path / lock_module.LOCK_FILE_NAME).write_text(
            f'{{"pid": {proc.pid}, "host": "{lock_module.socket.gethostname()}", "user": "王书记",'
            ' "started": "2020-06-15T09:30:00"}', "utf-8")
        with pytest.raises(AlreadyOpenError, match="王书记"):
            InstallationLock(tmp_path).acquire()
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    with InstallationLock(tmp_path) as lock:  # the holder died: taken over
        assert lock.taken_over.user == "王书记"


def test_pid_alive():
    assert pid_alive(os.getpid())
    assert not pid_alive(0) and not pid_alive(-1)


def test_a_lock_left_by_a_dead_program_asks_for_a_full_check_until_one_passes(tmp_path):
    from fupin_desktop.storage.lock import forget_unclean_exit, previous_exit_unclean

    with InstallationLock(tmp_path):
        pass
    with InstallationLock(tmp_path):
        assert not previous_exit_unclean(tmp_path)  # the last holder released it: a clean exit
    proc = _holder(tmp_path)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with InstallationLock(tmp_path):
        assert previous_exit_unclean(tmp_path) and previous_exit_unclean(str(tmp_path) + "/.")
        forget_unclean_exit(tmp_path)
        assert not previous_exit_unclean(tmp_path)
