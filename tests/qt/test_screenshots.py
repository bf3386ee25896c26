"""``--screenshots``: every page (and the editor's tabs when installed) rendered to PNG, offscreen."""

import os
import subprocess
import sys

from PySide6.QtGui import QImage


def test_every_page_is_rendered(main_window, tmp_path):
    from fupin_desktop.qt.screenshots import take_screenshots

    paths = take_screenshots(main_window, tmp_path / "shots")
    names = [p.name for p in paths]
    for number, key in enumerate(main_window.page_keys(), start=1):
        assert f"{number:02d}_{key}.png" in names
    for path in paths:
        image = QImage(str(path))
        assert image.width() == 1366 or "editor" in path.name
        assert not image.isNull() and image.height() > 300


def test_the_command_renders_and_exits(data_dir, tmp_path):
    out = tmp_path / "out"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "fupin_desktop", "--data-dir", str(data_dir),
                             "--screenshots", str(out)], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (out / "01_dashboard.png").is_file()
    assert len(list(out.glob("*.png"))) >= 6
