"""From "the program was started" to "the main window is on screen": open the data, wizard, window.

The usual start is the fast one: the window is built from a small cache of the last start (language,
village, settings snapshot in ``ui.ini``) and shown at once; the database thread opens and checks the data
meanwhile (it waits for the first paint, so the two do not fight over the interpreter), and the pages fill
in when it answers. When there is no cache (the first start, a new data folder), or for screenshots, the
start waits for the database and asks the first-run wizard when the folder is empty.

``startup_state`` runs on the database thread; everything else here runs on the GUI thread.
"""

import dataclasses
import json
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from fupin_desktop.domain.clock import SystemClock
from fupin_desktop.domain.records import Settings
from fupin_desktop.i18n.translate import _
from fupin_desktop.qt.app import LaunchOptions, UiPreferences, apply_font_size, install_translators
from fupin_desktop.qt.tasks import DatabaseThread, Ops

ENV_DATA_DIR = "FUPIN_DATA_DIR"  # fupin_desktop.services.context.ENV_DATA_DIR
CACHE_KEY = "startup/cache"
OPEN_AFTER_PAINT_TIMEOUT = 3.0  # seconds the database thread waits for the first paint at most


def resolve_data_dir(option: Path | None) -> Path:
    """Same answer as ``services.context.default_data_dir`` without importing the storage layer (a test
    checks they agree): the option, else $FUPIN_DATA_DIR, else the platform's user data folder."""
    if option:
        return Path(option)
    if os.environ.get(ENV_DATA_DIR):
        return Path(os.environ[ENV_DATA_DIR])
    import platformdirs

    return Path(platformdirs.user_data_dir("fupin_desktop", appauthor=False))


@dataclass(frozen=True)
class StartupState:
    settings: Settings
    villages: list = field(default_factory=list)
    org_name: str = ""
    org_code: str = ""
    operator: str = ""
    village_id_cached: str = ""

    @property
    def needs_setup(self) -> bool:
        return not self.villages and self.settings.mode == "village" and not self.org_code

    @property
    def village_id(self) -> str:
        if self.villages:
            return self.villages[0].id if self.settings.mode == "village" else ""
        return self.village_id_cached

    @property
    def village_name(self) -> str:
        if self.settings.mode == "village" and self.villages:
            return self.villages[0].name
        return self.org_name

    def to_cache(self) -> str:
        return json.dumps({"settings": dataclasses.asdict(self.settings), "village_id": self.village_id,
                           "village_name": self.village_name, "operator": self.operator}, ensure_ascii=False)

    @classmethod
    def from_cache(cls, text) -> "StartupState | None":
        """The cached state, or None when there is none or it does not fit this version."""
        try:
            data = json.loads(text)
            settings = Settings(**data["settings"])
            return cls(settings=settings, org_name=data["village_name"], operator=data.get("operator", ""),
                       org_code="cached", village_id_cached=data["village_id"])
        except (TypeError, ValueError, KeyError):
            return None


def backup_on_exit(ctx) -> None:
    from fupin_desktop.services.backup import maybe_periodic_backup

    maybe_periodic_backup(ctx)


def startup_state(ctx) -> StartupState:
    from fupin_desktop.services.villages import villages

    return StartupState(
        settings=ctx.settings, villages=villages(ctx), org_name=ctx.installation("org_name", "") or "",
        org_code=ctx.installation("org_code", "") or "", operator=ctx.operator,
    )


class StartupController:
    def __init__(self, app: QApplication, options: LaunchOptions, *, started: float | None = None):
        self.app = app
        self.options = options
        self.started = started if started is not None else time.perf_counter()
        self.exit_code = 0
        self.worker: DatabaseThread | None = None
        self.ops: Ops | None = None
        self.window = None
        self.preferences: UiPreferences | None = None
        self.session = None  # fupin_desktop.services.backup.Session, set on the database thread
        self.light_checked = False  # the data was opened after the light check only (set on the database thread)
        self.integrity_check = None  # fupin_desktop.qt.integrity_check.BackgroundIntegrityCheck, once started
        self._painted = threading.Event()

    # start ---------------------------------------------------------------------------------------------
    def start(self) -> bool:
        """True when the event loop should run; otherwise ``exit_code`` says how it ended."""
        options = self.options
        data_dir = resolve_data_dir(options.data_dir)
        self.data_dir = data_dir
        self.preferences = UiPreferences(data_dir)
        cached = StartupState.from_cache(self.preferences.value(CACHE_KEY)) if options.screenshots is None else None
        painted = self._painted

        def open_after_paint():
            """Lock the folder, check the database, open it (the CLI's session), once the window is painted."""
            painted.wait(OPEN_AFTER_PAINT_TIMEOUT)
            from fupin_desktop.services.background import light_check_at_open
            from fupin_desktop.services.backup import open_session

            light = light_check_at_open(data_dir)
            self.session = open_session(data_dir, operator=options.operator)
            # an unclean exit found when taking the lock made the check at opening the full one
            self.light_checked = light and self.session.lock.taken_over is None
            return self.session.ctx

        self.worker = DatabaseThread(open_after_paint)
        self.ops = Ops(self.worker)
        if cached is not None:
            return self._start_fast(cached)
        painted.set()
        return self._start_waiting()

    def _start_fast(self, state: StartupState) -> bool:
        install_translators(self.app, self.options.language or state.settings.language)
        apply_font_size(self.app, large=self.preferences.large_font)
        self._show(state)
        QTimer.singleShot(0, self._painted.set)
        self._watch = QTimer(self.app, interval=20)
        self._watch.timeout.connect(self._check_opened)
        self._watch.start()
        self.ops.run(startup_state, on_done=self._confirm)
        return self._after_show()

    def _start_waiting(self) -> bool:
        if not self._wait_for_database():
            return False
        state = self.worker.call(startup_state)
        install_translators(self.app, self.options.language or state.settings.language)
        apply_font_size(self.app, large=self.preferences.large_font)
        if state.needs_setup and self.options.screenshots is None and not self.options.ready_marker:
            from fupin_desktop.qt.first_run_wizard import FirstRunWizard

            wizard = FirstRunWizard(self.ops, operator=state.operator)
            if not wizard.exec():
                self.shutdown()
                return False
            state = self.worker.call(startup_state)
        self._show(state)
        self._remember(state)
        self._tell_notes()
        self._start_integrity_check()
        if self.options.screenshots is not None:
            from fupin_desktop.qt.screenshots import take_screenshots

            paths = take_screenshots(self.window, Path(self.options.screenshots))
            print(_("已保存 {count} 张截图到 {folder}").format(count=len(paths), folder=self.options.screenshots))
            self.shutdown()
            return False
        return self._after_show()

    def _after_show(self) -> bool:
        if self.options.ready_marker:
            QTimer.singleShot(0, self._report_ready)
            self.app.exec()
            self.shutdown()
            return False
        return True

    def _wait_for_database(self) -> bool:
        try:
            self.worker.wait_ready(timeout=300)
        except Exception as exc:
            self._fail(exc)
            return False
        return True

    def _fail(self, error) -> None:
        QMessageBox.critical(None, _("无法打开数据"), _("数据文件打不开：{error}").format(error=error))
        self.exit_code = 1
        self.shutdown()

    def _show(self, state: StartupState) -> None:
        from fupin_desktop.qt.main_window import MainWindow

        self.window = MainWindow(
            self.ops, self.worker, settings=state.settings, clock=SystemClock(), village_id=state.village_id,
            village_name=state.village_name, data_dir=self.data_dir, operator=state.operator,
            preferences=self.preferences,
        )
        self.window.show()
        self.ops.changed.connect(self._data_changed)

    def _data_changed(self, changes) -> None:
        if changes.tables & {"settings", "villages"}:
            self.ops.run(startup_state, on_done=self._remember)

    # the fast start's second half ------------------------------------------------------------------------
    def _check_opened(self) -> None:
        error = getattr(self.worker, "_open_error", None) if self.worker is not None else None
        if error is not None:
            self._watch.stop()
            self._fail(error)
            self.app.exit(1)
        elif self.worker is None or self.worker.ctx is not None:
            self._watch.stop()

    def _confirm(self, state: StartupState) -> None:
        """The database answered: adopt its settings; start over when the folder needs setting up."""
        if state.needs_setup:
            self.preferences.set_value(CACHE_KEY, "")
            self.window.close()
            self.window.deleteLater()
            self.window = None
            if not self._start_waiting():
                self.app.quit()
            return
        self.window.services.settings = state.settings
        self.window.set_village(state.village_id, state.village_name)
        self._remember(state)
        self._tell_notes()
        self._start_integrity_check()

    def _tell_notes(self) -> None:
        notes = list(getattr(self.session, "notes", None) or [])
        if notes and self.window is not None:
            self.window.notify("；".join(notes), 15000)

    def _start_integrity_check(self) -> None:
        """After a big file was opened with the light check: the full check in the background, once."""
        if (not self.light_checked or self.integrity_check is not None or self.options.screenshots is not None
                or self.options.ready_marker):
            return
        from fupin_desktop.qt.integrity_check import BackgroundIntegrityCheck

        self.integrity_check = BackgroundIntegrityCheck(self.data_dir, self.app)
        self.integrity_check.finished.connect(self._integrity_checked)
        self.integrity_check.start()

    def _integrity_checked(self, problems: list) -> None:
        if not problems:
            return
        from fupin_desktop.qt.integrity_check import damage_message, show_damage

        if self.window is None:
            print(damage_message(problems), file=sys.stderr)
            return
        show_damage(self.window, problems)
        self.window.notify(_("数据文件有损坏：请保存工作后关闭程序，从备份恢复"), 0)

    def _remember(self, state: StartupState) -> None:
        if not state.needs_setup:
            self.preferences.set_value(CACHE_KEY, state.to_cache())

    # bench -------------------------------------------------------------------------------------------
    def _report_ready(self) -> None:
        """Bench: the window is shown and the event loop answers; then wait for the first page's data."""
        print(f"ready {time.perf_counter() - self.started:.4f} cpu {time.process_time():.4f}", flush=True)
        self._poll = QTimer(self.app, interval=2)
        self._poll.timeout.connect(self._report_filled)
        self._poll.start()

    def _report_filled(self) -> None:
        if getattr(self.ops, "_callbacks", None):
            return
        self._poll.stop()
        print(f"filled {time.perf_counter() - self.started:.4f} cpu {time.process_time():.4f}", flush=True)
        self.app.quit()

    def shutdown(self) -> None:
        self._painted.set()
        if self.integrity_check is not None:  # a check still running stops before the database closes
            self.integrity_check.finished.disconnect(self._integrity_checked)
            self.integrity_check.stop()
            self.integrity_check.deleteLater()
            self.integrity_check = None
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        if self.worker is not None:
            if self.worker.ctx is not None and self.options.screenshots is None and not self.options.ready_marker:
                try:  # the periodic backup also runs on the way out (services.backup decides whether it is due)
                    self.worker.call(backup_on_exit, timeout=600)
                except Exception as exc:
                    print(_("提醒：自动备份没有完成：{error}").format(error=exc), file=sys.stderr)
            self.worker.stop()  # closes the database on its own thread
            self.worker = None
        if self.session is not None:
            self.session.lock.release()
            self.session = None
