"""One function, ``fupin_desktop.resources.resources_root``, finds the shipped resources in the source tree, an
installed wheel and a frozen (PyInstaller) bundle.

Each case runs in a fresh interpreter, because ``resources_root`` caches its answer and the three layouts
must not see each other.
"""

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FONT = Path("fonts") / "wqy-microhei.ttc"
BUNDLE_INTERNAL = ROOT / "build" / "dist" / "fupin-desktop" / "_internal"

PROBE = """
import json, sys
{setup}
import fupin_desktop
from fupin_desktop.resources import font_path, resources_root, translations_dir
print(json.dumps({{"root": str(resources_root()), "font": str(font_path()), "package": fupin_desktop.__file__,
                  "translations": str(translations_dir())}}))
"""


def probe(setup: str = "", cwd: Path | None = None) -> dict:
    env = {key: value for key, value in os.environ.items() if key != "FUPIN_RESOURCES"}
    result = subprocess.run([sys.executable, "-c", PROBE.format(setup=setup)], cwd=cwd or ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_source_tree():
    found = probe()
    assert Path(found["package"]).resolve().parent == ROOT / "fupin_desktop"
    assert Path(found["root"]) == ROOT / "resources"
    assert Path(found["font"]).is_file()
    assert Path(found["font"]) == ROOT / "resources" / FONT


def test_override_by_environment(tmp_path):
    (tmp_path / "fonts").mkdir()
    env = dict(os.environ, FUPIN_RESOURCES=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", "from fupin_desktop.resources import resources_root as r; print(r())"],
                            env=env, capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.stdout.strip() == str(tmp_path)


def test_installed_wheel(tmp_path):
    """``pip wheel`` (non-editable, as ``pip install .`` builds it) carries ``resources/`` as
    ``fupin_desktop/_resources``, with compiled catalogs, and the installed package finds it there."""
    # From a copy: setuptools builds in <source>/build/, and stale files there would leak into later wheels.
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "out", "__pycache__", "*.egg-info", ".*_cache", ".hypothesis", "*.mo"))
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(wheels), str(source)],
        capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stdout + build.stderr
    [wheel] = wheels.glob("fupin_desktop-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "fupin_desktop/_resources/fonts/wqy-microhei.ttc" in names
    assert "fupin_desktop/_resources/fonts/LICENSE-wqy-microhei.txt" in names
    assert "fupin_desktop/_resources/icons/fupin-desktop.ico" in names
    assert "fupin_desktop/_resources/translations/zh_CN/LC_MESSAGES/fupin.mo" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    found = probe(f"sys.path.insert(0, {str(site)!r})", cwd=tmp_path)
    assert Path(found["package"]).parent == site / "fupin_desktop"
    assert Path(found["root"]) == site / "fupin_desktop" / "_resources"
    assert Path(found["font"]).is_file()
    assert (Path(found["translations"]) / "en" / "LC_MESSAGES" / "fupin.mo").is_file()


def _frozen_setup(internal: Path) -> str:
    # What PyInstaller's bootloader sets up: sys.frozen and sys._MEIPASS (the bundle's _internal folder).
    return f"sys.frozen = True; sys._MEIPASS = {str(internal)!r}"


def test_frozen_bundle_layout(tmp_path):
    """The frozen branch, on the layout the spec writes (``_internal/resources/…``)."""
    internal = tmp_path / "fupin-desktop" / "_internal"
    (internal / "resources" / "fonts").mkdir(parents=True)
    (internal / "resources" / FONT).write_bytes(b"font")
    found = probe(_frozen_setup(internal), cwd=tmp_path)
    assert Path(found["root"]) == internal / "resources"
    assert Path(found["font"]) == internal / "resources" / FONT


def test_frozen_bundle_built():
    """The real bundle: its resources are where the frozen program looks (its self-test draws with the font)."""
    if not (BUNDLE_INTERNAL / "resources").is_dir():  # checked now: test_bundle.py may have just built it
        pytest.skip("没有构建好的程序包（build/dist/fupin-desktop）：FUPIN_BUILD_BUNDLE=1 时会构建")
    found = probe(_frozen_setup(BUNDLE_INTERNAL))
    assert Path(found["root"]) == BUNDLE_INTERNAL / "resources"
    assert Path(found["font"]).is_file()
    assert (BUNDLE_INTERNAL / "resources" / "translations" / "zh_CN" / "LC_MESSAGES" / "fupin.mo").is_file()
    assert (BUNDLE_INTERNAL / "resources" / "icons" / "fupin-desktop-256.png").is_file()
