"""Reading big bundles in a second process, so that a township's many village books go in at the speed of
SQLite rather than of one Python interpreter.

Reading a village's whole book (decompressing, parsing and checking a third of a million lines) and putting
its rows into SQLite from Python are both work that holds Python's global lock; a reader thread
(``precheck.prepared_in_turn``) can only run while the importing thread waits in SQLite, so on a 2-core
laptop the two threads share one core for most of an import. A file of ``PROCESS_LINES`` lines or more is
therefore read by a worker process (``spawn``, one for the whole import): it decompresses and checks every
line exactly as a reader thread does (``verify.read_payload``), writes the checked book rows into a
staging database file of its own (``stage_book``), and sends back the rest of the payload, which is small.
The importing process then attaches that file (``attached``) and copies the rows into the book with one
``INSERT … SELECT`` (``ledger_lines.insert_staged``).

Everything that needs the keys or this installation's database (container, signature, pinned keys,
decryption, already imported, own village) stays in the importing process; the worker sees only the
decrypted payload, the manifest and the allow-list of columns, and writes nothing but its staging file,
which is deleted as soon as the bundle's payload is let go. Staging files live in the installation's
``import-staging`` folder, removed when an import starts (a killed import leaves its files there) and
when it ends. A worker ends with the importing process, even when that is killed (``_behind_the_importer``).
"""

import multiprocessing
import shutil
import sqlite3
import sys
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from fupin_desktop.sync.payload import LEDGER_COLUMNS

PROCESS_LINES = 50_000  # a file of at least this many lines is read by a worker process
WORKER_NICENESS = 10
_BELOW_NORMAL_PRIORITY_CLASS = 0x00004000
WORKERS = 2  # worker processes: reading a village's book costs more than applying it, so two read ahead
FOLDER = "import-staging"
STAGE_SCHEMA = "sync_stage"  # the name the staging file is attached under
STAGE_TABLE = "book"
SUMS_TABLE = "month_sums"  # the staged rows' sums per household and month, as the book's trigger adds them
_CREATE = f"CREATE TABLE {STAGE_TABLE} ({', '.join(LEDGER_COLUMNS)})"


def clear_staging(data_dir: Path) -> None:
    """Remove the installation's staging folder (files left there belong to an import that was killed)."""
    shutil.rmtree(Path(data_dir) / FOLDER, ignore_errors=True)


def pool() -> ProcessPoolExecutor:
    """``WORKERS`` worker processes, started fresh (``spawn``: never a copy of a process with open databases
    and threads). A frozen build calls ``multiprocessing.freeze_support()`` in its entry points."""
    return ProcessPoolExecutor(max_workers=WORKERS, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_behind_the_importer)


def _behind_the_importer() -> None:
    """In a worker, first: a lower priority than the importing process (the workers read ahead of it and
    would otherwise take two thirds of a 2-core machine from it, and it is the importer that everything
    waits for); and an end with the importing process. A worker holds both ends of its own task queue, so
    when the importer is killed (``kill -9``, the task manager) nothing would ever tell it: a thread waits on
    the parent's sentinel and ends the worker then."""
    import os
    import threading
    from multiprocessing.connection import wait

    if hasattr(os, "nice"):
        try:
            os.nice(WORKER_NICENESS)
        except OSError:
            pass
    elif sys.platform == "win32":  # no nice(): the process's priority class, below normal
        try:
            import ctypes

            kernel32 = ctypes.windll.kernel32
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), _BELOW_NORMAL_PRIORITY_CLASS)
        except (AttributeError, OSError):
            pass
    parent = multiprocessing.parent_process()
    if parent is not None:
        def watch() -> None:
            wait([parent.sentinel])
            os._exit(0)

        threading.Thread(target=watch, name="fupin-importer-watch", daemon=True).start()


def stage_book(rows: list, path: Path) -> None:
    """Checked book rows into a new staging database file (no journal, no fsync: a scratch file)."""
    from fupin_desktop.sync.ledger_lines import stage_rows

    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("BEGIN")
        conn.execute(_CREATE)
        stage_rows(conn, STAGE_TABLE, len(LEDGER_COLUMNS), rows)
        conn.execute("COMMIT")
        _sum_months(conn)
    finally:
        conn.close()


def _sum_months(conn) -> None:
    """The month sums of the staged rows, by the very SQL expression of the book's trigger, so that the
    importing process adds them in one statement when every staged row turns out new. A sum beyond SQLite's
    integers leaves no table: the import then sums in the book itself, and refuses the bundle there."""
    from fupin_desktop.storage.migrations_speed import LEDGER_NET_FEN_SQL

    try:
        conn.execute(f"CREATE TABLE {SUMS_TABLE} AS SELECT household_id, substr(date, 1, 7) AS month,"
                     f" sum({LEDGER_NET_FEN_SQL}) AS net_fen FROM {STAGE_TABLE} GROUP BY household_id, substr(date, 1, 7)")
    except sqlite3.DatabaseError:
        conn.execute(f"DROP TABLE IF EXISTS {SUMS_TABLE}")
    finally:
        conn.close()


def read_in_worker(opened, columns: dict, path: str):
    """In the worker: ``verify.read_payload`` of a decrypted bundle; its book rows go to the staging file
    ``path`` instead of back to the importing process. Returns the ``VerifiedBundle``."""
    from fupin_desktop.sync import verify

    bundle = verify.read_payload(opened, columns)
    book = bundle.payload
    if book.ledger:
        stage_book(book.ledger, Path(path))
        book.ledger_file, book.ledger_count, book.ledger = path, len(book.ledger), []
    return bundle


def release(bundle) -> None:
    """The bundle's payload is let go: its staging file too."""
    payload = getattr(bundle, "payload", None)
    if payload is not None and payload.ledger_file:
        Path(payload.ledger_file).unlink(missing_ok=True)
    if bundle is not None:
        bundle.payload = None


@contextmanager
def attached(db, payload):
    """While a bundle is merged: its staging file attached (outside any transaction, as SQLite requires)."""
    if payload is None or not payload.ledger_file:
        yield
        return
    db.execute(f"ATTACH DATABASE ? AS {STAGE_SCHEMA}", [payload.ledger_file])
    try:
        yield
    finally:
        db.execute(f"DETACH DATABASE {STAGE_SCHEMA}")
