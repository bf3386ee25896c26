"""The full integrity check of a big data file, run in the background after it was opened with the light check.

A file bigger than ``storage.database.FULL_CHECK_MAX_BYTES`` opens after a light check (reading every page
takes minutes on a county). The rest is read here, on a low-priority thread of its own with its own read-only
connection (``services.background.deferred_integrity_check``): never the GUI thread, never the database
thread, so the person works meanwhile. When it finds damage the person is told once, in plain words, what to
do; the note it leaves beside the file makes the next opening check in full and offer a backup.
"""

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox

from fupin_desktop.i18n.translate import _

log = logging.getLogger(__name__)


def damage_message(problems: list[str]) -> str:
    """What the person reads when the background check found damage."""
    detail = "；".join(problems[:3])
    return _("后台完整性检查发现数据文件有损坏的地方（{detail}）。\n\n"
             "请马上保存正在填写的内容，然后关闭程序，在恢复之前不要再录入新的数据。"
             "下次打开时程序会完整检查数据文件，并提供从最近的备份恢复；"
             "也可以现在到“备份与恢复”页从备份恢复。").format(detail=detail)


class BackgroundIntegrityCheck(QObject):
    """Runs the deferred check once on a daemon thread; ``finished(problems)`` arrives on the GUI thread."""

    finished = Signal(list)  # problems found (empty: the file is sound), on the GUI thread
    _done = Signal(list)  # emitted on the check's thread, delivered queued to ``_deliver``

    def __init__(self, data_dir: Path, parent=None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.thread: threading.Thread | None = None
        self._cancelled = threading.Event()
        self.problems: list[str] | None = None  # set when finished
        self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        if self.thread is not None:
            return
        self.thread = threading.Thread(target=self._run, name="fupin-integrity-check", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        from fupin_desktop.services.background import deferred_integrity_check, lower_thread_priority

        lower_thread_priority()
        try:
            problems = deferred_integrity_check(self.data_dir, self._cancelled)
        except Exception as exc:  # the check itself failed (a note it could not write): not damage found
            log.warning("background integrity check did not finish: %s", exc)
            return
        if problems is None:  # stopped: the program is closing
            return
        try:
            self._done.emit(list(problems))
        except RuntimeError:  # the program is closing and took this object with it
            pass

    @Slot(list)
    def _deliver(self, problems: list) -> None:
        self.problems = problems
        self.finished.emit(problems)

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop a check still running and wait until its connection is closed (before the program closes its
        own, which then is the last one and leaves no write-ahead log beside the file)."""
        self._cancelled.set()
        if self.thread is not None:
            self.thread.join(timeout)


def show_damage(parent, problems: list[str]) -> QMessageBox:
    """The warning, without blocking (never a nested event loop)."""
    box = QMessageBox(QMessageBox.Icon.Critical, _("数据文件有损坏"), damage_message(problems),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("integrityWarning")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
