"""The full integrity check after a big file was opened with the light check: it runs in the background on a
thread of its own (not the database thread), and damage it finds is told once, in Chinese.

"Big" is forced by lowering ``storage.database.FULL_CHECK_MAX_BYTES``; the damage is a page in the middle of
a table big enough that the light check never reads it."""

import sqlite3
import threading

import pytest

FILLER_ROWS = 3000


def _add_filler(path) -> None:
    """A table with pages the light check does not read (it reads a table's first and last rows only)."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
        conn.executemany("INSERT INTO filler (text) VALUES (?)", [(f"{i:06d}" * 30,) for i in range(FILLER_ROWS)])
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _damage_middle_page(path) -> None:
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    first = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'filler'").fetchone()[0]
    conn.close()
    with open(path, "r+b") as f:
        f.seek(((first + pages) // 2 - 1) * page_size)
        f.write(b"\xff" * page_size)


@pytest.fixture
def big(monkeypatch):
    from fupin_desktop.storage import database

    monkeypatch.setattr(database, "FULL_CHECK_MAX_BYTES", 0)


@pytest.fixture
def check_threads(monkeypatch):
    """Names of the threads the deferred check ran on."""
    from fupin_desktop.services import background

    names = []
    original = background.deferred_integrity_check

    def recording(data_dir, cancelled=None):
        names.append(threading.current_thread().name)
        return original(data_dir, cancelled)

    monkeypatch.setattr(background, "deferred_integrity_check", recording)
    return names


def _start(qapp, data_dir):
    from fupin_desktop.qt.app import LaunchOptions
    from fupin_desktop.qt.startup import StartupController

    controller = StartupController(qapp, LaunchOptions(data_dir=data_dir))
    assert controller.start()
    return controller


def _warnings(window):
    from PySide6.QtWidgets import QMessageBox

    return [box for box in window.findChildren(QMessageBox, "integrityWarning") if box.isVisible()]


def test_the_light_check_is_foreseen_from_the_size_and_the_files_beside(data_dir, big):
    from fupin_desktop.services.background import light_check_at_open
    from fupin_desktop.storage.database import CHECK_FAILED_SUFFIX

    db = data_dir / "fupin.sqlite"
    assert light_check_at_open(data_dir)
    note = db.with_name(db.name + CHECK_FAILED_SUFFIX)
    note.write_text("damage", "utf-8")  # a failed background check asks for the full check
    assert not light_check_at_open(data_dir)
    note.unlink()
    wal = db.with_name(db.name + "-wal")
    wal.write_bytes(b"")  # so does a write-ahead log left by an unclean exit
    assert not light_check_at_open(data_dir)
    wal.unlink()
    assert not light_check_at_open(data_dir / "missing")


def test_a_small_file_has_had_its_full_check_at_opening(data_dir):
    from fupin_desktop.services.background import light_check_at_open

    assert not light_check_at_open(data_dir)


def test_damage_in_a_big_file_is_found_in_the_background_and_told_once(qapp, qtbot, data_dir, big, check_threads):
    from fupin_desktop.storage.database import CHECK_FAILED_SUFFIX

    db = data_dir / "fupin.sqlite"
    _add_filler(db)
    _damage_middle_page(db)
    controller = _start(qapp, data_dir)  # opens: the light check does not see the damage
    try:
        check = controller.integrity_check
        assert controller.light_checked and check is not None
        qtbot.waitUntil(lambda: check.problems is not None, timeout=30_000)
        assert check.problems
        assert check_threads == ["fupin-integrity-check"]  # neither the GUI's thread nor the database's
        assert db.with_name(db.name + CHECK_FAILED_SUFFIX).exists()  # the next opening checks in full
        qtbot.waitUntil(lambda: bool(_warnings(controller.window)), timeout=5000)
        [box] = _warnings(controller.window)
        assert "保存" in box.text() and "备份" in box.text() and "损坏" in box.text()
        controller._start_integrity_check()  # asked again: nothing new starts, nothing more is shown
        assert controller.integrity_check is check
        qtbot.wait(50)
        assert len(_warnings(controller.window)) == 1
        assert controller.worker.call(lambda ctx: ctx.db.execute("SELECT 1").fetchone()[0]) == 1  # still usable
    finally:
        controller.shutdown()


def test_a_sound_big_file_is_checked_quietly(qapp, qtbot, data_dir, big, check_threads):
    _add_filler(data_dir / "fupin.sqlite")
    controller = _start(qapp, data_dir)
    try:
        check = controller.integrity_check
        assert check is not None
        qtbot.waitUntil(lambda: check.problems is not None, timeout=30_000)
        assert check.problems == [] and check_threads == ["fupin-integrity-check"]
        qtbot.wait(50)
        assert not _warnings(controller.window)
    finally:
        controller.shutdown()


def test_a_small_file_starts_no_background_check(qapp, data_dir, check_threads):
    controller = _start(qapp, data_dir)
    try:
        assert not controller.light_checked and controller.integrity_check is None
    finally:
        controller.shutdown()
    assert check_threads == []


def test_a_stopped_check_is_not_damage_and_writes_no_note(data_dir, big):
    from fupin_desktop.services.background import deferred_integrity_check
    from fupin_desktop.storage.database import CHECK_FAILED_SUFFIX

    db = data_dir / "fupin.sqlite"
    _add_filler(db)
    _damage_middle_page(db)
    stopped = threading.Event()
    stopped.set()
    assert deferred_integrity_check(data_dir, stopped) is None  # interrupted inside SQLite: nothing known
    assert not db.with_name(db.name + CHECK_FAILED_SUFFIX).exists()
    assert deferred_integrity_check(data_dir, threading.Event())  # not stopped: the damage is found


def test_closing_the_program_stops_a_running_check_first(qapp, qtbot, data_dir, big, monkeypatch):
    import time

    from fupin_desktop.services import background
    from fupin_desktop.storage.database import CHECK_FAILED_SUFFIX

    original = background.deferred_integrity_check
    running = threading.Event()

    def long_check(folder, cancelled=None):  # a county's check takes minutes: still running at closing
        running.set()
        cancelled.wait(20)
        return original(folder, cancelled)

    monkeypatch.setattr(background, "deferred_integrity_check", long_check)
    db = data_dir / "fupin.sqlite"
    _add_filler(db)
    _damage_middle_page(db)
    controller = _start(qapp, data_dir)
    check = controller.integrity_check
    qtbot.waitUntil(running.is_set, timeout=5000)
    started = time.perf_counter()
    controller.shutdown()
    assert time.perf_counter() - started < 10
    assert not check.running  # its connection closed before the database thread closed the last one
    assert check.problems is None and not db.with_name(db.name + CHECK_FAILED_SUFFIX).exists()
    assert not db.with_name(db.name + "-wal").exists()  # so the next opening has no reason for the full check
