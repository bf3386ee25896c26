"""Bootstrap of the Qt face: the application object, the shipped CJK font, translators, font size, start-up.

``launch(options)`` is what ``python -m fupin_desktop`` runs: it opens the data folder on the database
thread, asks the first-run wizard when the folder is empty, then shows the main window (or renders the
screenshots and leaves).
"""

import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from fupin_desktop.i18n.translate import _, normalise_locale, set_language
from fupin_desktop.resources import font_path, resource_path

FALLBACK_FONT_FILE = "BabelStoneHan-subset.ttf"  # the same file reports/fonts.py embeds in PDFs

APP_NAME = "fupin_desktop"
NORMAL_POINT_SIZE = 10
LARGE_POINT_SIZE = 13
FALLBACK_FAMILIES = ["Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "SimHei"]

# Tables and trees take their colours from the palette, not from the style sheet: a style-sheet rule on an item
# view makes every cell go through the style-sheet engine, which doubles the cost of repainting a grid.
TABLE_COLOURS = {"Base": "#ffffff", "AlternateBase": "#f7f9fc", "Highlight": "#cfe0fa", "HighlightedText": "#000000",
                 "Midlight": "#e3e8ee"}

STYLE_SHEET = """
QMainWindow, QDialog { background: #f4f6f9; }
QListWidget#navigationList { background: #1f3a5f; color: #e8eef6; border: none; outline: 0; }
QListWidget#navigationList::item { padding: 9px 14px; border-left: 4px solid transparent; }
QListWidget#navigationList::item:selected { background: #2d5283; color: white; border-left: 4px solid #f0b429; }
QListWidget#navigationList::item:hover:!selected { background: #284a75; }
QLabel#brandLabel { background: #16304f; color: white; padding: 12px 14px; font-weight: bold; }
QLabel#villageLabel { background: #16304f; color: #c9d6e8; padding: 0 14px 12px 14px; }
QLabel[role="title"] { font-size: 15pt; font-weight: bold; color: #1f3a5f; }
QFrame#figureCard { background: white; border: 1px solid #dde3ea; border-radius: 6px; }
QFrame#figureCard:hover { border: 1px solid #2f6fde; }
QLabel#figureValue { font-size: 20pt; font-weight: bold; color: #1f3a5f; }
QLabel#figureValue[alert="true"] { color: #d9363e; }
QLabel#figureCaption { color: #5b6776; }
QGroupBox { background: white; border: 1px solid #dde3ea; border-radius: 6px; margin-top: 14px; padding-top: 6px; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; color: #1f3a5f; font-weight: bold; }
QHeaderView::section { background: #eef2f7; border: none; border-right: 1px solid #dde3ea;
    border-bottom: 1px solid #dde3ea; padding: 4px 6px; color: #33414f; }
QLineEdit#searchEdit { padding: 5px 8px; border: 1px solid #b8c4d2; border-radius: 4px; background: white; }
QLineEdit#searchEdit:focus { border: 1px solid #2f6fde; }
QPushButton[role="primary"] { background: #2f6fde; color: white; border: none; border-radius: 4px; padding: 6px 16px; }
QPushButton[role="primary"]:hover { background: #255bc0; }
QPushButton[role="primary"]:disabled { background: #9fb7e0; }
QStatusBar { background: #e9edf2; }
"""


@dataclass
class LaunchOptions:
    data_dir: Path | None = None
    screenshots: Path | None = None
    operator: str = ""
    language: str = ""
    ready_marker: bool = False  # print "ready <seconds>" once the window is interactive, then quit (bench)


class GettextTranslator(QTranslator):
    """Qt's ``translate()`` (Designer forms, ``tr``) routed into the program's gettext catalog.

    The msgids are the Chinese source texts. ``None`` (a null string) means "not mine": Qt then asks the
    next translator (its own ``qtbase_*.qm``) and finally shows the source text.
    """

    def translate(self, context, source_text, disambiguation=None, n=-1):
        if not source_text:
            return None
        translated = _(source_text)
        return translated if translated != source_text else None


def configure_high_dpi() -> None:
    """Before the application object exists: exact fractional scaling (125 %, 150 % laptops)."""
    if QGuiApplication.instance() is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        configure_high_dpi()
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(_("脱贫攻坚作战室"))
    load_font(app)
    apply_palette(app)
    app.setStyleSheet(STYLE_SHEET)
    return app


def apply_palette(app: QApplication) -> None:
    palette = app.palette()
    for role, colour in TABLE_COLOURS.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    app.setPalette(palette)


def load_font(app: QApplication, *, large: bool = False) -> str:
    """Register the shipped CJK font once and make it the application font; returns the family used."""
    family = app.property("fupin_font_family")
    if not family:
        families: list[str] = []
        try:
            font_id = QFontDatabase.addApplicationFont(str(font_path()))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        except FileNotFoundError:
            pass
        family = families[0] if families else ""
        app.setProperty("fupin_font_family", family)
        app.setProperty("fupin_fallback_families", _load_fallback_font())
    apply_font_size(app, large=large)
    return family


def _load_fallback_font() -> list[str]:
    """The shipped fallback for rare characters (CJK Ext. A/B), the same file the PDFs embed."""
    try:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", FALLBACK_FONT_FILE)))
    except FileNotFoundError:
        return []
    return list(QFontDatabase.applicationFontFamilies(font_id)) if font_id >= 0 else []


def apply_font_size(app: QApplication, *, large: bool) -> None:
    family = app.property("fupin_font_family") or ""
    font = QFont(app.font())
    if family:
        font.setFamilies([family, *(app.property("fupin_fallback_families") or []), *FALLBACK_FAMILIES])
    font.setPointSize(LARGE_POINT_SIZE if large else NORMAL_POINT_SIZE)
    app.setFont(font)
    app.setProperty("fupin_large_font", bool(large))


def install_translators(app: QApplication, language: str) -> None:
    """Switch gettext and Qt to ``language`` (zh_CN, zh_TW, en); Qt's own dialogs follow."""
    language = normalise_locale(language or "zh_CN")
    set_language(language)
    for old in app.property("fupin_translators") or []:
        app.removeTranslator(old)
    installed = []
    qt_translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en" and qt_translator.load(f"qtbase_{language}", folder):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    ours = GettextTranslator(app)
    app.installTranslator(ours)  # installed last = asked first
    installed.append(ours)
    app.setProperty("fupin_translators", installed)
    QLocale.setDefault(QLocale(language))
    app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


class UiPreferences:
    """Per-installation display preferences (large font, window geometry) in ``<data dir>/ui.ini``.

    They are not settings of the battle room (those live in the database and travel in bundles).
    """

    def __init__(self, data_dir: Path | None):
        path = (Path(data_dir) if data_dir else Path.home()) / "ui.ini"
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def large_font(self) -> bool:
        return str(self._settings.value("large_font", "false")).lower() in ("true", "1")

    @large_font.setter
    def large_font(self, value: bool) -> None:
        self._settings.setValue("large_font", bool(value))
        self._settings.sync()

    def value(self, key: str, default=None):
        return self._settings.value(key, default)

    def set_value(self, key: str, value) -> None:
        self._settings.setValue(key, value)
        self._settings.sync()

    def geometry(self):
        return self._settings.value("main_window/geometry")

    def save_geometry(self, value) -> None:
        self._settings.setValue("main_window/geometry", value)
        self._settings.sync()


def language_name(locale: str) -> str:
    return {"zh_CN": _("简体中文"), "zh_TW": _("繁體中文"), "en": "English"}.get(locale, locale)


def launch(options: LaunchOptions) -> int:
    """Open the battle room; returns the process exit code."""
    import time

    started = time.perf_counter()
    from fupin_desktop.qt.startup import StartupController

    app = create_application()
    controller = StartupController(app, options, started=started)
    if not controller.start():  # screenshots, the bench's ready marker, a cancelled wizard or an error
        return controller.exit_code
    code = app.exec()
    controller.shutdown()
    return code
