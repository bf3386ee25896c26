"""From "the program was started" to "the main window is on screen": open the data, wizard, window.

``startup_state`` runs on the database thread; everything else here runs on the GUI thread.
"""

import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from fupin_desktop.i18n.translate import _
from fupin_desktop.qt.app import LaunchOptions, UiPreferences, apply_font_size, install_translators
from fupin_desktop.qt.tasks import DatabaseThread, Ops


@dataclass(frozen=True)
class StartupState:
    settings: object
    villages: list = field(default_factory=list)
    org_name: str = ""
    org_code: str = ""
    operator: str = ""

    @property
    def needs_setup(self) -> bool:
        return not self.villages and self.settings.mode == "village" and not self.org_code

    @property
    def village_id(self) -> str:
        return self.villages[0].id if self.settings.mode == "village" and self.villages else ""

    @property
    def village_name(self) -> str:
        if self.settings.mode == "village" and self.villages:
            return self.villages[0].name
        return self.org_name


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

    def start(self) -> bool:
        """True when the event loop should run; otherwise ``exit_code`` says how it ended."""
        from fupin_desktop.services.context import default_data_dir, open_context

        options = self.options
        data_dir = Path(options.data_dir) if options.data_dir else default_data_dir()
        self.worker = DatabaseThread(lambda: open_context(data_dir, operator=options.operator))
        try:
            self.worker.wait_ready(timeout=120)
        except Exception as exc:
            QMessageBox.critical(None, _("无法打开数据"), _("数据文件打不开：{error}").format(error=exc))
            self.exit_code = 1
            self.shutdown()
            return False
        self.ops = Ops(self.worker)
        state = self.worker.call(startup_state)
        install_translators(self.app, options.language or state.settings.language)
        preferences = UiPreferences(data_dir)
        apply_font_size(self.app, large=preferences.large_font)
        if state.needs_setup and options.screenshots is None and not options.ready_marker:
            from fupin_desktop.qt.first_run_wizard import FirstRunWizard

            wizard = FirstRunWizard(self.ops, operator=state.operator)
            if not wizard.exec():
                self.shutdown()
                return False
            state = self.worker.call(startup_state)
        from fupin_desktop.qt.main_window import MainWindow

        self.window = MainWindow(
            self.ops, self.worker, settings=state.settings, clock=self.worker.call(lambda ctx: ctx.clock),
            village_id=state.village_id, village_name=state.village_name, data_dir=data_dir,
            operator=state.operator, preferences=preferences,
        )
        self.window.show()
        if options.screenshots is not None:
            from fupin_desktop.qt.screenshots import take_screenshots

            paths = take_screenshots(self.window, Path(options.screenshots))
            print(_("已保存 {count} 张截图到 {folder}").format(count=len(paths), folder=options.screenshots))
            self.shutdown()
            return False
        if options.ready_marker:
            QTimer.singleShot(0, self._report_ready)
            self.app.exec()
            self.shutdown()
            return False
        return True

    def _report_ready(self) -> None:
        """Bench: the window is shown and the event loop answers; print the time and leave."""
        print(f"ready {time.perf_counter() - self.started:.4f}", flush=True)
        self.app.quit()

    def shutdown(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        if self.worker is not None:
            self.worker.stop()
            self.worker = None
