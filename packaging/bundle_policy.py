"""What the PyInstaller bundle keeps and leaves out, as plain functions the spec calls (and tests can).

The rules follow the package's own source: a PySide6 module is bundled only when some module of
``fupin_desktop`` names it, Qt plugins are chosen per type by the lists below, pypdf only when it is a
runtime dependency in pyproject.toml. Pillow stays (``reportlab.lib.utils`` imports it unconditionally),
without its AVIF and WebP codecs.
"""

import importlib.util
import re
import tomllib
from pathlib import Path

ALWAYS_QT = {"QtCore", "QtGui", "QtWidgets"}

# Modules no program of ours imports at run time but that may be importable in the build environment.
ALWAYS_EXCLUDED = [
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "lib2to3", "pydoc_data", "test",
    "distutils", "setuptools", "pkg_resources", "pip", "wheel",
    "PyInstaller", "_pyinstaller_hooks_contrib",
    "pytest", "_pytest", "pytestqt", "hypothesis", "importlinter", "grimp", "ruff",
    "IPython", "numpy", "matplotlib",
    # Pillow's AVIF (libavif, 5 MB) and WebP codecs and its Tk bridge: no image here is AVIF or WebP. Their
    # plugins notice the missing codec and stay unregistered.
    "PIL._avif", "PIL._webp", "PIL._imagingtk", "PIL.ImageTk",
]

# Qt plugin types left out whole.
DROPPED_PLUGIN_TYPES = {
    "designer", "egldeviceintegrations", "generic", "networkinformation", "qmltooling", "sqldrivers", "tls",
    "vectorimageformats", "wayland-decoration-client", "wayland-graphics-integration-client",
    "wayland-graphics-integration-server", "wayland-shell-integration", "webview", "position", "multimedia",
    "sensors", "geoservices", "texttospeech", "renderers", "sceneparsers", "canbus", "scenegraph",
}

# Qt plugin types of which only these plugins are kept (names without "lib" prefix and file suffix).
# Other types (styles, printsupport, xcbglintegrations, accessible…) are kept whole.
KEPT_PLUGINS = {
    # X11 and the Windows/macOS desktops; offscreen for --self-test and screenshots.
    "platforms": {"qxcb", "qwindows", "qcocoa", "qoffscreen"},
    # Chinese input methods: ibus (and fcitx through its ibus front-end) and compose keys. Not the virtual
    # keyboard, which needs QtQuick.
    "platforminputcontexts": {"ibusplatforminputcontextplugin", "composeplatforminputcontextplugin",
                              "fcitx5platforminputcontextplugin", "fcitxplatforminputcontextplugin"},
    "imageformats": {"qgif", "qico", "qjpeg"},
    # Portal file dialogs; not GTK3, whose plugin would drag cairo, pango and GDK from the build machine
    # into the bundle (and clash with the desktop's own); Qt's Fusion style and dialogs stand in.
    "platformthemes": {"qxdgdesktopportal"},
    "iconengines": set(),
}
SVG_PLUGINS = {"imageformats": {"qsvg"}, "iconengines": {"qsvgicon"}}

QT_TRANSLATIONS = re.compile(r"^qt(base)?_zh_(CN|TW)\.qm$")
BABEL_LOCALES = re.compile(r"^(root|zh(_\w+)?|en|en_001|en_US(_\w+)?)\.dat$")


def package_sources(package_dir: Path) -> dict[str, str]:
    """Every ``.py`` file of the package, by path relative to the package's parent."""
    return {
        str(path.relative_to(package_dir.parent)): path.read_text("utf-8", errors="replace")
        for path in sorted(package_dir.rglob("*.py"))
        if "__pycache__" not in path.parts
    }


def qt_modules_used(sources: dict[str, str]) -> set[str]:
    """The PySide6 modules the package names (``PySide6.QtX`` or ``from PySide6 import QtX, QtY``)."""
    used = set(ALWAYS_QT)
    for text in sources.values():
        used.update(re.findall(r"\bPySide6\.(Qt\w+)", text))
        for names in re.findall(r"from\s+PySide6\s+import\s+(\([^)]*\)|[^\n]+)", text):
            used.update(re.findall(r"\b(Qt\w+)\b", names))
    return used


def available_qt_modules() -> set[str]:
    """The PySide6 binding modules installed in the build environment (without importing Qt)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return set()
    folder = Path(next(iter(spec.submodule_search_locations)))
    return {path.name.split(".")[0] for path in folder.iterdir()
            if path.name.startswith("Qt") and path.suffix in (".so", ".pyd")}


def pypdf_is_runtime_dependency(pyproject: Path | None = None) -> bool:
    pyproject = pyproject or Path(__file__).resolve().parent.parent / "pyproject.toml"
    with pyproject.open("rb") as handle:
        dependencies = tomllib.load(handle).get("project", {}).get("dependencies", [])
    return any(re.match(r"\s*pypdf\b", dependency) for dependency in dependencies)


def excluded_modules(qt_used: set[str]) -> list[str]:
    excluded = [f"PySide6.{name}" for name in sorted(available_qt_modules() - qt_used)]
    excluded += ALWAYS_EXCLUDED
    if not pypdf_is_runtime_dependency():
        excluded.append("pypdf")
    return excluded


def plugin_name(file_name: str) -> str:
    """``libqxcb.so`` → ``qxcb``; ``qwindows.dll`` → ``qwindows``."""
    stem = file_name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def plugin_wanted(plugin_type: str, file_name: str, qt_used: set[str]) -> bool:
    if plugin_type in DROPPED_PLUGIN_TYPES:
        return False
    if plugin_type not in KEPT_PLUGINS:
        return True
    kept = set(KEPT_PLUGINS[plugin_type])
    if "QtSvg" in qt_used:
        kept |= SVG_PLUGINS.get(plugin_type, set())
    return plugin_name(file_name) in kept


def restrict_qt_plugins(qt_used: set[str]) -> None:
    """Make PyInstaller's Qt hooks collect only the plugins we want.

    Filtering the finished Analysis would leave the Qt libraries those plugins pulled in (QtNetwork for the
    VNC platform, QtQuick for the virtual keyboard, the Wayland client libraries…), so the filter goes in
    front of the hooks' plugin collection instead. PyInstaller 6 runs its hooks in this process.
    """
    from PyInstaller.utils.hooks import qt as qt_hooks

    original = qt_hooks.QtLibraryInfo.collect_plugins
    if getattr(original, "fupin_restricted", False):
        return

    def collect_plugins(self, plugin_type):
        return [(source, destination) for source, destination in original(self, plugin_type)
                if plugin_wanted(plugin_type, Path(source).name, qt_used)]

    collect_plugins.fupin_restricted = True
    qt_hooks.QtLibraryInfo.collect_plugins = collect_plugins


def _parts(destination: str) -> list[str]:
    return destination.replace("\\", "/").split("/")


def data_wanted(destination: str) -> bool:
    parts = _parts(destination)
    name = parts[-1]
    # PySide6/Qt/translations on Linux and macOS, PySide6/translations on Windows
    if len(parts) >= 2 and parts[-2] == "translations" and "PySide6" in parts and name.endswith(".qm"):
        return bool(QT_TRANSLATIONS.match(name))
    if len(parts) >= 2 and parts[-2] == "locale-data" and "babel" in parts:
        return bool(BABEL_LOCALES.match(name))
    return True


# Windows: Qt's software OpenGL (Mesa llvmpipe, ~20 MB) and the Direct3D shader compiler serve OpenGL/Quick
# rendering only; widgets paint with the raster engine.
OPENGL_ONLY_DLLS = re.compile(r"^(opengl32sw|d3dcompiler_\d+)\.dll$", re.IGNORECASE)
OPENGL_QT = {"QtOpenGL", "QtOpenGLWidgets", "QtQuick", "QtQuickWidgets", "Qt3DCore"}


def binary_wanted(destination: str, qt_used: set[str] | None = None) -> bool:
    parts = _parts(destination)
    qt_used = qt_used or ALWAYS_QT
    if OPENGL_ONLY_DLLS.match(parts[-1]):
        return bool(qt_used & OPENGL_QT)
    if "plugins" in parts and "PySide6" in parts:  # PySide6/Qt/plugins, or PySide6/plugins on Windows
        index = len(parts) - 1 - parts[::-1].index("plugins")
        if index + 3 == len(parts):  # …/plugins/<type>/<file>
            return plugin_wanted(parts[index + 1], parts[-1], qt_used)
    return True


def filter_datas(datas):
    """Drop Qt translations other than Chinese and Babel locales the program never uses."""
    return [entry for entry in datas if data_wanted(entry[0])]


def filter_binaries(binaries, qt_used: set[str] | None = None):
    """Drop OpenGL-only DLLs (Windows), and, as a safety net behind ``restrict_qt_plugins``, unwanted plugins
    that arrived some other way."""
    return [entry for entry in binaries if binary_wanted(entry[0], qt_used)]


def resource_files(resources: Path) -> list[Path]:
    """Files of ``resources/`` to ship (compiled catalogs included; dotfiles and caches not)."""
    return sorted(path for path in resources.rglob("*")
                  if path.is_file() and not path.name.startswith(".") and "__pycache__" not in path.parts)


def windows_version_info(version: str):
    """The Windows version resource (file properties → 详细信息) of both programs."""
    from PyInstaller.utils.win32 import versioninfo as vi

    numbers = tuple(([int(part) for part in re.findall(r"\d+", version)] + [0, 0, 0, 0])[:4])
    strings = [
        vi.StringStruct("CompanyName", "fupin_desktop"),
        vi.StringStruct("FileDescription", "村级脱贫攻坚作战室"),
        vi.StringStruct("FileVersion", version),
        vi.StringStruct("InternalName", "fupin-desktop"),
        vi.StringStruct("LegalCopyright", "Apache-2.0"),
        vi.StringStruct("OriginalFilename", "fupin-desktop.exe"),
        vi.StringStruct("ProductName", "扶贫作战室"),
        vi.StringStruct("ProductVersion", version),
    ]
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers, mask=0x3F, flags=0x0, OS=0x40004,
                             fileType=0x1, subtype=0x0, date=(0, 0)),
        kids=[
            vi.StringFileInfo([vi.StringTable("080404B0", strings)]),  # zh-CN, Unicode
            vi.VarFileInfo([vi.VarStruct("Translation", [0x0804, 1200])]),
        ],
    )
