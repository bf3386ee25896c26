"""Work the window does in the background while the person works: an exact count that gives way to the next
keystroke, and the full integrity check of a big file that was opened after the light check.

- ``count_households_exact(ctx, f, cancelled)`` runs on the database thread like every query; it stops as
  soon as ``cancelled`` is set (SQLite's progress handler), so a long count never holds up the next search.
- ``light_check_at_open(data_dir)`` is asked before the folder is opened; ``deferred_integrity_check`` then
  runs ``storage.database.deferred_check`` on its own read-only connection, on a thread that is neither the
  GUI's nor the database's, after ``lower_thread_priority``.
"""

import os
import sqlite3
import sys
import threading
from pathlib import Path

from fupin_desktop.services.context import DB_FILE_NAME

PROGRESS_STEPS = 20_000  # SQLite virtual-machine steps between two looks at ``cancelled`` (well under 1 ms)


def count_households_exact(ctx, f, cancelled: threading.Event) -> int | None:
    """The exact number of households matching the ``queries.HouseholdFilter`` ``f``
    (``queries.count_households``), or None when ``cancelled`` was set before or while counting."""
    from fupin_desktop.services.queries import count_households

    if cancelled.is_set():
        return None
    conn = ctx.db.conn
    conn.set_progress_handler(lambda: 1 if cancelled.is_set() else 0, PROGRESS_STEPS)
    try:
        return count_households(ctx, f)
    except sqlite3.OperationalError:
        if cancelled.is_set():  # "interrupted": the count gave way
            return None
        raise
    finally:
        conn.set_progress_handler(None, 0)


def light_check_at_open(data_dir: Path | str) -> bool:
    """Asked before the data folder is opened: whether the check at opening will be the light one (a file
    bigger than ``FULL_CHECK_MAX_BYTES``, no write-ahead log left over, no note of a failed background check).
    An unclean exit found when the lock is taken also calls for the full check: the caller knows that after
    opening (``Session.lock.taken_over``)."""
    from fupin_desktop.storage import database

    path = Path(data_dir) / DB_FILE_NAME
    try:
        size = path.stat().st_size
    except OSError:
        return False
    return (size > database.FULL_CHECK_MAX_BYTES and not Path(str(path) + "-wal").exists()
            and not Path(str(path) + database.CHECK_FAILED_SUFFIX).exists())


def deferred_integrity_check(data_dir: Path | str, cancelled: threading.Event | None = None) -> list[str] | None:
    """The full check of the folder's database on a read-only connection of its own (never the database
    thread's); problems found (empty: sound). Damage leaves the note that makes the next opening check in full.
    Setting ``cancelled`` stops it part way and closes its connection (None: nothing known, nothing written),
    so a program closing meanwhile leaves no write-ahead log behind for want of the last connection."""
    from fupin_desktop.storage.database import deferred_check

    return deferred_check(Path(data_dir) / DB_FILE_NAME, cancelled=cancelled)


def lower_thread_priority() -> None:
    """Make the calling thread yield to everything else, processor and disk (best effort, never fails)."""
    try:
        if sys.platform == "win32":
            import ctypes

            kernel32 = ctypes.windll.kernel32
            handle = kernel32.GetCurrentThread()
            kernel32.SetThreadPriority(handle, 0x00010000)  # THREAD_MODE_BACKGROUND_BEGIN: low CPU and I/O
        elif sys.platform.startswith("linux"):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)  # this thread only on Linux
    except (OSError, AttributeError, ValueError):
        pass
