"""The frozen bundle: built and self-tested when ``FUPIN_BUILD_BUNDLE=1`` (CI sets it); the bundle policy's rules
always.

    FUPIN_BUILD_BUNDLE=1 ./test tests/packaging/test_bundle.py -s    # shows the build's size report
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import bundle_policy as policy  # noqa: E402

BUILD = os.environ.get("FUPIN_BUILD_BUNDLE") == "1"
BUNDLE = ROOT / "build" / "dist" / "fupin-desktop"
STEP_LINE = re.compile(r"^\[( OK |FAIL)\] (\d+)\. ")


def executable(name: str) -> Path:
    return BUNDLE / (f"{name}.exe" if sys.platform == "win32" else name)


@pytest.fixture(scope="module")
def bundle():
    if not BUILD:
        pytest.skip("构建程序包需要几分钟：设置环境变量 FUPIN_BUILD_BUNDLE=1 时才构建并自检")
    pytest.importorskip("PyInstaller", reason="没有安装 PyInstaller（pip install 'pyinstaller>=6,<7'）")
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "build_bundle.py")], cwd=ROOT,
                            capture_output=True, text=True, timeout=3600)
    print(result.stdout)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert executable("fupin-desktop").is_file()
    return BUNDLE


def test_bundle_self_test_passes_offscreen(bundle, tmp_path):
    from fupin_desktop.selftest import SelfTest

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FUPIN_DATA_DIR=str(tmp_path / "never-used"))
    result = subprocess.run([str(executable("fupin-desktop")), "--self-test"], env=env, cwd=tmp_path,
                            capture_output=True, text=True, timeout=900)
    print(result.stdout)
    steps = [line for line in result.stdout.splitlines() if STEP_LINE.match(line)]
    assert len(steps) == len(SelfTest.STEPS), result.stdout + result.stderr[-3000:]
    failed = [line for line in steps if not line.startswith("[ OK ]")]
    assert not failed, "\n".join(failed)
    assert result.returncode == 0, result.stderr[-3000:]
    assert not (tmp_path / "never-used").exists()  # the self-test worked in its own temporary folder


def test_bundle_command_line_runs(bundle, tmp_path):
    from fupin_desktop import __version__

    result = subprocess.run([str(executable("fupin")), "--version"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert __version__ in result.stdout
    result = subprocess.run([str(executable("fupin")), "--data-dir", str(tmp_path / "data"), "init", "--code",
                             "610702100201", "--name", "龙江村"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_bundle_leaves_out_unused_qt(bundle):
    internal = bundle / "_internal"
    pyside = internal / "PySide6"
    assert not list(pyside.glob("QtQuick*")) and not list(pyside.glob("QtQml*")) and not list(pyside.glob("QtNetwork*"))
    qt = pyside / "Qt" if (pyside / "Qt").is_dir() else pyside  # PySide6/Qt/… except on Windows
    plugins = {path.parent.name + "/" + policy.plugin_name(path.name) for path in (qt / "plugins").rglob("*")
               if path.is_file()}
    assert "platforms/qoffscreen" in plugins
    assert not any(name.split("/")[0] in policy.DROPPED_PLUGIN_TYPES for name in plugins), plugins
    translations = sorted(path.name for path in (qt / "translations").glob("*.qm"))
    assert "qtbase_zh_CN.qm" in translations and all("_zh_" in name for name in translations)


# the policy's rules (no build needed) ---------------------------------------------------------------------------
def test_qt_modules_are_read_from_the_source():
    sources = {"a.py": "from PySide6.QtCore import Qt\nfrom PySide6 import QtSvg, QtPrintSupport\n",
               "b.py": "from PySide6 import (\n    QtGui,\n    QtNetwork,\n)\nimport PySide6.QtSql\n"}
    assert policy.qt_modules_used(sources) == {"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport",
                                                "QtNetwork", "QtSql"}


def test_pillow_stays_for_reportlab():
    """reportlab.lib.utils imports PIL unconditionally: leaving Pillow out broke printing in the bundle."""
    excluded = policy.excluded_modules({"QtCore", "QtGui", "QtWidgets"})
    assert "PIL" not in excluded and "reportlab" not in excluded
    assert "PySide6.QtQml" in excluded or "QtQml" not in policy.available_qt_modules()


def test_the_package_names_no_unused_heavy_qt_module():
    used = policy.qt_modules_used(policy.package_sources(ROOT / "fupin_desktop"))
    assert not used & {"QtQml", "QtQuick", "QtWebEngineCore", "Qt3DCore", "QtMultimedia"}, used


def test_plugins_kept_and_dropped():
    qt = {"QtCore", "QtGui", "QtWidgets"}
    assert policy.plugin_wanted("platforms", "libqxcb.so", qt)
    assert policy.plugin_wanted("platforms", "qwindows.dll", qt)
    assert policy.plugin_wanted("platforms", "libqoffscreen.so", qt)
    assert not policy.plugin_wanted("platforms", "libqvnc.so", qt)
    assert not policy.plugin_wanted("platforms", "libqeglfs.so", qt)
    assert policy.plugin_wanted("platforminputcontexts", "libibusplatforminputcontextplugin.so", qt)
    assert not policy.plugin_wanted("platforminputcontexts", "libqtvirtualkeyboardplugin.so", qt)
    assert not policy.plugin_wanted("imageformats", "libqsvg.so", qt)
    assert policy.plugin_wanted("imageformats", "libqsvg.so", qt | {"QtSvg"})
    assert not policy.plugin_wanted("imageformats", "libqtiff.so", qt)
    assert policy.plugin_wanted("styles", "qmodernwindowsstyle.dll", qt)
    assert policy.plugin_wanted("printsupport", "libcupsprintersupport.so", qt)
    assert not policy.plugin_wanted("tls", "libqopensslbackend.so", qt)
    assert not policy.plugin_wanted("sqldrivers", "qsqlite.dll", qt)


def test_opengl_only_dlls_go_unless_opengl_is_used():
    qt = {"QtCore", "QtGui", "QtWidgets"}
    assert not policy.binary_wanted("opengl32sw.dll", qt)
    assert not policy.binary_wanted("PySide6/d3dcompiler_47.dll", qt)
    assert policy.binary_wanted("opengl32sw.dll", qt | {"QtOpenGLWidgets"})
    assert policy.binary_wanted("PySide6/Qt6Gui.dll", qt)
    assert not policy.binary_wanted("PySide6/plugins/platforms/qminimal.dll", qt)
    assert not policy.binary_wanted("PySide6/Qt/plugins/platforms/libqvnc.so", qt)
    assert policy.binary_wanted("PySide6/plugins/platforms/qwindows.dll", qt)


def test_data_filters():
    assert policy.data_wanted("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert policy.data_wanted("PySide6\\Qt\\translations\\qt_zh_TW.qm")
    assert not policy.data_wanted("PySide6/Qt/translations/qtbase_de.qm")
    assert not policy.data_wanted("PySide6/Qt/translations/designer_zh_CN.qm")
    assert policy.data_wanted("PySide6/translations/qtbase_zh_CN.qm")  # Windows layout
    assert not policy.data_wanted("PySide6/translations/qtbase_ja.qm")
    for kept in ("root", "zh", "zh_Hans", "zh_Hans_CN", "zh_Hant_TW", "en", "en_US", "en_001"):
        assert policy.data_wanted(f"babel/locale-data/{kept}.dat"), kept
    assert not policy.data_wanted("babel/locale-data/fr_FR.dat")
    assert not policy.data_wanted("babel/locale-data/en_AU.dat")
    assert policy.data_wanted("babel/global.dat")
    assert policy.data_wanted("resources/fonts/wqy-microhei.ttc")


def test_babel_formats_with_the_kept_locales_only(tmp_path):
    """The locales the bundle keeps are enough for every language the program offers."""
    import babel

    source = Path(babel.__file__).parent / "locale-data"
    kept = [path for path in source.iterdir() if policy.data_wanted(f"babel/locale-data/{path.name}")]
    script = (
        "import babel.localedata as d, sys; d._dirname = sys.argv[1]; d._cache.clear()\n"
        "from fupin_desktop.i18n.formatting import format_money, format_date\n"
        "import datetime\n"
        "for loc in ('zh_CN', 'zh_TW', 'en'):\n"
        "    print(format_money(123456, loc, currency=True), format_date(datetime.date(2020, 6, 15), loc))\n"
    )
    folder = tmp_path / "locale-data"
    folder.mkdir()
    for path in kept:
        (folder / path.name).write_bytes(path.read_bytes())
    result = subprocess.run([sys.executable, "-c", script, str(folder)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "1,234.56" in result.stdout


def test_pypdf_goes_in_only_as_a_runtime_dependency(tmp_path):
    toml = tmp_path / "pyproject.toml"
    toml.write_text('[project]\ndependencies = ["reportlab>=4"]\n[project.optional-dependencies]\ntest = ["pypdf>=4"]\n')
    assert not policy.pypdf_is_runtime_dependency(toml)
    toml.write_text('[project]\ndependencies = ["reportlab>=4", "pypdf>=4,<8"]\n')
    assert policy.pypdf_is_runtime_dependency(toml)
