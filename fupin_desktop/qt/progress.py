"""Long jobs on the database thread with a progress dialog that can be cancelled.

``ProgressJob(ops, parent, title, fn, *args, on_done=...)`` runs ``fn(ctx, *args, progress=report)`` on
the database thread. ``report(done, total)`` moves the bar and raises ``JobCancelled`` once the person has
pressed 取消, so the service's transaction rolls back. The dialog only appears when the job takes longer
than ``delay_ms`` (0.3 s), so quick jobs never flash a window.
"""

import threading

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog

from fupin_desktop.i18n.translate import _


class JobCancelled(Exception):
    """Raised inside a job when the person cancelled it."""


class ProgressJob(QObject):
    progressed = Signal(int, int)
    finished = Signal()

    def __init__(self, ops, parent, title: str, fn, *args, label: str = "", on_done=None, on_error=None,
                 on_cancel=None, delay_ms: int = 300, cancellable: bool = True, **kwargs):
        super().__init__(parent)
        self._ops = ops
        self._on_done, self._on_error, self._on_cancel = on_done, on_error, on_cancel
        self._cancel = threading.Event()
        self.dialog = QProgressDialog(label or title, _("取消") if cancellable else "", 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumDuration(0)
        self.dialog.setMinimumWidth(360)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.hide()
        self.dialog.canceled.connect(self.cancel)  # the 取消 button or closing the dialog
        self.dialog.rejected.connect(self.cancel)  # Esc
        self.progressed.connect(self._show_progress)
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self._reveal)
        self.done = False
        self.cancelled = False
        self.shown = False  # the dialog appeared (the job outlasted the delay)

        def work(ctx, *a, **kw):
            if self._cancel.is_set():  # cancelled before it started
                raise JobCancelled(_("已取消"))
            return fn(ctx, *a, progress=self._report, **kw)

        self.job = ops.run(work, *args, on_done=self._done, on_error=self._error, **kwargs)
        self._timer.start()

    # database thread ---------------------------------------------------------------------------
    def _report(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise JobCancelled(_("已取消"))
        self.progressed.emit(int(done), int(total))

    # GUI thread -----------------------------------------------------------------------------------
    @Slot()
    def _reveal(self) -> None:
        if not self.done:
            self.shown = True
            self.dialog.show()

    @Slot(int, int)
    def _show_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    @Slot()
    def cancel(self) -> None:
        if self.done:
            return
        self._cancel.set()  # the job raises at its next report (or at its start) and rolls back
        self.dialog.setLabelText(_("正在取消…"))

    def _close(self) -> None:
        self.done = True
        self._timer.stop()
        self.dialog.hide()
        self.dialog.deleteLater()
        self.finished.emit()

    def _done(self, result) -> None:
        self._close()
        if self._on_done is not None:
            self._on_done(result)

    def _error(self, error: BaseException) -> None:
        self._close()
        if isinstance(error, JobCancelled) or self._cancel.is_set():
            self.cancelled = True
            if self._on_cancel is not None:
                self._on_cancel()
            return
        if self._on_error is not None:
            self._on_error(error)
        else:
            self._ops.failed.emit(str(error))
