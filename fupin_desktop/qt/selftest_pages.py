"""The self-test's window step: render every main page offscreen and look at the pictures.

It runs the window program's own ``--screenshots`` start (``fupin_desktop.qt.app.launch``) on the self-test's
data folder, then checks that every page module imported, that every page has a picture and that no picture is
blank, that the shipped CJK font was registered, and that Qt's own Chinese translation (``qtbase_zh_CN``) loads.
A dialog that pops up during the run (an error box, say) is closed and reported: nothing waits for a person.
"""

import contextlib
import importlib
import io
import os
import pkgutil
from dataclasses import dataclass, field
from pathlib import Path

QT_CHINESE = "qtbase_zh_CN"
WATCH_MS = 200


class PagesNotAvailable(Exception):
    """The window's screenshot machinery is not there (yet)."""


@dataclass
class PagesReport:
    pictures: list[Path] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    font: str = ""

    @property
    def summary(self) -> str:
        return (f"{len(self.pages)} 个页面共 {len(self.pictures)} 张截图，均非空白；"
                f"界面字体 {self.font}，Qt 中文翻译已加载")


def _application():
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is None:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"  # the self-test never shows a window
    from fupin_desktop.qt.app import create_application

    return create_application()


def blank(path: Path) -> bool:
    """True when the picture cannot be read or is one flat colour."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    if image.isNull() or image.width() < 8 or image.height() < 8:
        return True
    colours = {image.pixel(image.width() * x // 17, image.height() * y // 13) for x in range(1, 17) for y in range(1, 13)}
    return len(colours) < 2


def page_modules() -> list[str]:
    import fupin_desktop.qt.views as views
    from fupin_desktop.qt.pages import PAGE_PREFIX

    return sorted(m.name for m in pkgutil.iter_modules(views.__path__) if m.name.startswith(PAGE_PREFIX))


def qt_chinese_loads() -> bool:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    return QTranslator().load(QT_CHINESE, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


class ModalCloser:
    """Closes any modal dialog that would wait for a person while the pages are drawn (an error box, say), and
    remembers what it said. Progress dialogs of long jobs are left alone: they close themselves."""

    def __init__(self, app):
        from PySide6.QtCore import QTimer

        self.app = app
        self.seen: list[str] = []
        self.timer = QTimer(app, interval=WATCH_MS)
        self.timer.timeout.connect(self.check)

    def check(self) -> None:
        from PySide6.QtWidgets import QProgressDialog

        widget = self.app.activeModalWidget()
        if widget is not None and not isinstance(widget, QProgressDialog):
            text = getattr(widget, "text", lambda: "")() or widget.windowTitle()
            self.seen.append(f"弹出了对话框“{text}”")
            widget.close()

    def __enter__(self):
        self.timer.start()
        return self

    def __exit__(self, *exc):
        self.timer.stop()


def render_pages(data_dir: Path, out: Path) -> PagesReport:
    try:
        from fupin_desktop.qt.app import LaunchOptions, launch
        from fupin_desktop.qt.pages import discover_pages
        from fupin_desktop.qt.screenshots import take_screenshots  # noqa: F401  (the machinery itself)
    except ImportError as exc:
        raise PagesNotAvailable(f"界面截图功能还不存在（{exc}）") from exc
    out = Path(out)
    report = PagesReport()
    app = _application()
    specs = discover_pages()
    modules = page_modules()
    for name in modules:  # discovery reads the specs from source; importing each page is checked here
        try:
            importlib.import_module(f"fupin_desktop.qt.views.{name}")
        except Exception as exc:
            report.problems.append(f"页面模块 {name} 导入失败：{exc}")
    if len(specs) < len(modules):
        found = {spec.key for spec in specs}
        report.problems.append(f"有页面模块导入失败：{len(modules)} 个模块只得到 {len(specs)} 个页面（已有 {sorted(found)}）")
    if not specs:
        report.problems.append("没有找到任何页面（fupin_desktop/qt/views/page_*.py）")
    with ModalCloser(app) as closer, contextlib.redirect_stdout(io.StringIO()):  # not its "saved N pictures"
        code = launch(LaunchOptions(data_dir=Path(data_dir), screenshots=out))
    report.problems += closer.seen
    if code != 0:
        report.problems.append(f"截图启动的退出码是 {code}")
    report.pictures = sorted(out.glob("*.png"))
    report.pages = [spec.key for spec in specs]
    for key in report.pages:
        if not any(path.stem.split("_", 1)[-1] == key for path in report.pictures):
            report.problems.append(f"页面“{key}”没有截图")
    empty = [path.name for path in report.pictures if blank(path)]
    if empty:
        report.problems.append(f"空白截图：{'、'.join(empty)}")
    report.font = app.property("fupin_font_family") or ""
    if not report.font:
        report.problems.append("没有加载程序自带的中文字体（resources/fonts）")
    if not qt_chinese_loads():
        report.problems.append(f"找不到 Qt 自带的中文翻译 {QT_CHINESE}.qm")
    return report
