"""The compiled Designer forms are exactly what pyside6-uic makes of forms/*.ui today."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _build_forms():
    spec = importlib.util.spec_from_file_location("build_forms", ROOT / "packaging" / "build_forms.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_form_is_compiled_and_current():
    build = _build_forms()
    assert list((ROOT / "forms").glob("*.ui"))
    assert build.stale_forms() == [], "run: python packaging/build_forms.py"


def test_a_stale_form_is_caught(tmp_path):
    build = _build_forms()
    forms, target = tmp_path / "forms", tmp_path / "compiled"
    forms.mkdir()
    source = ROOT / "forms" / "households_page.ui"
    (forms / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    build.compile_forms(target, forms)
    assert build.stale_forms(forms, target) == []
    (forms / source.name).write_text(source.read_text(encoding="utf-8").replace("新建户档", "新建"),
                                     encoding="utf-8")
    assert build.stale_forms(forms, target) == ["ui_households_page.py"]
