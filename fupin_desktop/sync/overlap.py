"""Reading the next bundle on a second core while SQLite writes the current one.

A township imports many large files one after the other. Reading one (decompressing, parsing and checking a
village's book) is Python work; applying one is mostly SQLite work, and SQLite releases Python's global lock
while it runs a statement. So while the importing thread waits in a long SQLite call (the book's
``INSERT … SELECT``, the ``COMMIT``, the backup), a reader thread may read the next file.

The reader runs only then: it calls ``Window.wait`` between slices of its work and goes on only while the
window is open. Outside the window the importing thread runs short SQLite statements by the thousand
(``executemany``); each gives the lock up and must take it back, and a busy reader would make every one of
them wait for the interpreter's switch interval.
"""

import threading
from contextlib import contextmanager


class Cancelled(Exception):
    """The import stopped; the reader gives up at its next pause."""


class Window:
    def __init__(self) -> None:
        self._open = threading.Event()
        self._cancelled = False

    def wait(self) -> None:
        """For the reader, between slices of its work."""
        self._open.wait()
        if self._cancelled:
            raise Cancelled

    def cancel(self) -> None:
        self._cancelled = True
        self._open.set()

    @contextmanager
    def opened(self):
        self._open.set()
        try:
            yield
        finally:
            if not self._cancelled:
                self._open.clear()


_active: Window | None = None  # the window of the import in progress (the importing thread only)


@contextmanager
def using(window: Window):
    """While a reader works for this import: ``busy`` opens its window."""
    global _active
    _active = window
    try:
        yield window
    finally:
        _active = None
        window.cancel()


@contextmanager
def busy():
    """Around a long SQLite call that releases the global lock: the reader, if any, may run."""
    if _active is None:
        yield
        return
    with _active.opened():
        yield
