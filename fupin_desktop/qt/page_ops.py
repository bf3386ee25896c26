"""What the main window's pages use to reach the services, one generation of pages at a time.

When the language changes the window builds its pages anew. Pages connect to ``ops.changed`` (often with a
lambda that outlives nothing but the page's own widgets), and their answers may still be on their way; so each
generation of pages gets its own :class:`PageOps`: the same database thread and the same jobs as the window's
``Ops``, but signals that end with the generation (the connections die with this object) and answers that are
dropped once it is retired. :class:`PageServices` is the window's ``AppServices`` with this ``ops``; every
other field is read from (and written to) the window's own, so later updates (settings, village) reach it.
"""

from PySide6.QtCore import QObject, Signal


class PageOps(QObject):
    changed = Signal(object)  # fupin_desktop.services.changes.Changes
    failed = Signal(str)
    busy = Signal(bool)

    def __init__(self, ops, parent=None):
        super().__init__(parent)
        self._ops = ops
        self.retired = False
        ops.changed.connect(self.changed)  # signal to signal: the connection ends when this object does
        ops.failed.connect(self.failed)
        ops.busy.connect(self.busy)

    @property
    def worker(self):
        return self._ops.worker

    @property
    def _callbacks(self) -> dict:
        return self._ops._callbacks

    def _guard(self, callback):
        if callback is None:
            return None
        return lambda *args: None if self.retired else callback(*args)

    def run(self, fn, *args, on_done=None, on_error=None, **kwargs):
        if on_error is None:  # unhandled errors still reach the window (Ops.failed)
            return self._ops.run(fn, *args, on_done=self._guard(on_done), **kwargs)
        return self._ops.run(fn, *args, on_done=self._guard(on_done), on_error=self._guard(on_error), **kwargs)

    def call(self, fn, *args, **kwargs):
        return self._ops.call(fn, *args, **kwargs)

    def retire(self) -> None:
        """The pages of this generation are going: no signal and no answer reaches them any more."""
        self.retired = True
        for signal, own in ((self._ops.changed, self.changed), (self._ops.failed, self.failed),
                            (self._ops.busy, self.busy)):
            signal.disconnect(own)
        self.deleteLater()


class PageServices:
    """The window's ``AppServices`` seen by one generation of pages: ``ops`` is theirs, the rest is shared."""

    def __init__(self, services, ops: PageOps):
        object.__setattr__(self, "_services", services)
        object.__setattr__(self, "ops", ops)

    def __getattr__(self, name):
        return getattr(self._services, name)

    def __setattr__(self, name, value) -> None:
        setattr(self._services, name, value)
