"""Find shipped resources (fonts, icons, catalogs, stylesheets).

One function serves the source tree, an installed wheel and a frozen (PyInstaller) bundle:
``resources/`` lives beside the package in the source tree, is copied to ``fupin_desktop/_resources``
in a wheel, and to ``<bundle>/resources`` in a frozen build.
"""

import os
import sys
from functools import cache
from pathlib import Path

MAIN_FONT_FILE = "wqy-microhei.ttc"


@cache
def resources_root() -> Path:
    """The folder that holds ``fonts/``, ``icons/``, ``translations/`` and ``qss/``."""
    override = os.environ.get("FUPIN_RESOURCES")
    candidates = []
    if override:
        candidates.append(Path(override))
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    package_dir = Path(__file__).resolve().parent
    candidates.append(package_dir / "_resources")
    candidates.append(package_dir.parent / "resources")
    for candidate in candidates:
        if (candidate / "fonts").is_dir():
            return candidate
    raise FileNotFoundError("找不到程序资源文件夹（resources），请重新安装程序。")


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)


def font_path() -> Path:
    """The main CJK TrueType font, used both on screen and in PDFs."""
    return resource_path("fonts", MAIN_FONT_FILE)


def translations_dir() -> Path:
    return resource_path("translations")
