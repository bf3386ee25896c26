"""``--screenshots``: every page (and the editor's tabs when installed) rendered to PNG, offscreen, then exit."""

import os
import subprocess
import sys

from PySide6.QtGui import QImage


def test_the_command_renders_every_page_and_exits(data_dir, tmp_path, qapp):
    from fupin_desktop.qt.pages import discover_pages

    out = tmp_path / "out"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "fupin_desktop", "--data-dir", str(data_dir),
                             "--screenshots", str(out)], env=env, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.glob("*.png"))
    for number, spec in enumerate(discover_pages(), start=1):
        assert f"{number:02d}_{spec.key}.png" in names
    assert any("households_search" in name for name in names)
    for name in names:
        image = QImage(str(out / name))
        assert not image.isNull() and image.height() > 300
        assert image.width() == 1366 or "editor" in name
