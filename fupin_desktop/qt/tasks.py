"""One thread owns the database: every service call runs there; the GUI thread never waits on SQLite.

``DatabaseThread`` opens the ``AppContext`` on its own thread (sqlite-utils' file ``Database`` may only be
used on the thread that opened it) and runs submitted jobs one after another. Results come back to the GUI
thread through a queued signal.
"""

import itertools
import queue
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal, Slot


@dataclass
class Job:
    id: int
    fn: Callable
    args: tuple
    kwargs: dict
    done: threading.Event = field(default_factory=threading.Event)
    result: object = None
    error: BaseException | None = None
    trace: str = ""
    cancelled: threading.Event = field(default_factory=threading.Event)


class DatabaseThread(QObject):
    """A plain Python thread with a job queue; ``finished`` is emitted (queued) for every job."""

    finished = Signal(object)  # Job

    def __init__(self, open_context: Callable[[], object]):
        super().__init__()
        self._open_context = open_context
        self._queue: queue.Queue = queue.Queue()
        self._ids = itertools.count(1)
        self._ready = threading.Event()
        self._open_error: BaseException | None = None
        self.ctx = None
        self._thread = threading.Thread(target=self._loop, name="fupin-database", daemon=True)
        self._thread.start()

    def wait_ready(self, timeout: float | None = None) -> None:
        self._ready.wait(timeout)
        if self._open_error is not None:
            raise self._open_error

    def _loop(self) -> None:
        try:
            self.ctx = self._open_context()
        except BaseException as exc:  # reported to the GUI by wait_ready
            self._open_error = exc
            self._ready.set()
            return
        self._ready.set()
        while True:
            job = self._queue.get()
            if job is None:
                break
            if not job.cancelled.is_set():
                try:
                    job.result = job.fn(self.ctx, *job.args, **job.kwargs)
                except BaseException as exc:
                    from fupin_desktop.storage.recovery import explain  # not at import: keeps start-up light

                    job.error = explain(exc) or exc  # SQLite and disk errors reach the person in Chinese
                    job.trace = traceback.format_exc()
            job.done.set()
            self.finished.emit(job)
        if self.ctx is not None:
            self.ctx.close()

    def submit(self, fn, *args, **kwargs) -> Job:
        job = Job(next(self._ids), fn, args, kwargs)
        self._queue.put(job)
        return job

    def call(self, fn, *args, timeout: float | None = 60, **kwargs):
        """Run and wait (for start-up, tests and tiny reads only). Re-raises the job's error."""
        if threading.current_thread() is self._thread:
            return fn(self.ctx, *args, **kwargs)
        job = self.submit(fn, *args, **kwargs)
        if not job.done.wait(timeout):
            raise TimeoutError("数据库操作超时")
        if job.error is not None:
            raise job.error
        return job.result

    def stop(self) -> None:
        self._queue.put(None)
        self._thread.join(timeout=10)


class Ops(QObject):
    """Run services off the GUI thread; emit ``changed(Changes)`` after every mutation.

    ``run(fn, *args, on_done=..., on_error=...)`` calls ``fn(ctx, *args)`` on the database thread. When the
    result is a ``Changes`` or a tuple ending with one, ``changed`` is emitted once, after ``on_done``.
    Views refresh from ``changed`` alone; no view reaches into another.
    """

    changed = Signal(object)  # fupin_desktop.services.changes.Changes
    failed = Signal(str)  # a Chinese message for errors nobody handled
    busy = Signal(bool)

    def __init__(self, worker: DatabaseThread, parent=None):
        super().__init__(parent)
        self.worker = worker
        self._callbacks: dict[int, tuple] = {}
        worker.finished.connect(self._finished)

    def run(self, fn, *args, on_done=None, on_error=None, **kwargs):
        job = self.worker.submit(fn, *args, **kwargs)
        self._callbacks[job.id] = (on_done, on_error)
        if len(self._callbacks) == 1:
            self.busy.emit(True)
        return job

    def call(self, fn, *args, **kwargs):
        return self.worker.call(fn, *args, **kwargs)

    @Slot(object)
    def _finished(self, job: Job) -> None:
        from fupin_desktop.services.changes import Changes

        on_done, on_error = self._callbacks.pop(job.id, (None, None))
        if not self._callbacks:
            self.busy.emit(False)
        if job.cancelled.is_set():
            return
        if job.error is not None:
            if on_error is not None:
                on_error(job.error)
            else:
                self.failed.emit(str(job.error) or job.trace)
            return
        if on_done is not None:
            on_done(job.result)
        result = job.result
        changes = result if isinstance(result, Changes) else (
            result[-1] if isinstance(result, tuple) and result and isinstance(result[-1], Changes) else None)
        if changes is not None and not changes.empty:
            self.changed.emit(changes)
