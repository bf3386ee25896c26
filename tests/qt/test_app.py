"""Bootstrap: the shipped font, Qt's translate() routed into our catalog, Qt's own dialogs in Chinese."""

import sys

from PySide6.QtCore import QCoreApplication


def test_the_shipped_cjk_font_is_the_application_font(qapp):
    family = qapp.property("fupin_font_family")
    assert family and "WenQuanYi" in family
    assert family in qapp.font().families()


def test_qt_translate_goes_through_our_catalog(qapp):
    from fupin_desktop.qt.app import install_translators

    try:
        install_translators(qapp, "en")
        assert QCoreApplication.translate("HouseholdsPage", "清除筛选") != ""
        install_translators(qapp, "zh_TW")
        assert QCoreApplication.translate("HouseholdsPage", "清除筛选") == "清除篩選"
        assert QCoreApplication.translate("X", "没有这条译文的文字") == "没有这条译文的文字"
        install_translators(qapp, "zh_CN")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's own qtbase_zh_CN
        assert QCoreApplication.translate("HouseholdsPage", "清除筛选") == "清除筛选"
    finally:
        install_translators(qapp, "zh_CN")


def test_singletons_survive_pyside_refcount_bug(qapp):
    from PySide6.QtWidgets import QComboBox

    combo = QComboBox()
    combo.addItem("无数据")
    before = sys.getrefcount(None)
    for _ in range(2000):
        combo.currentData()
    assert sys.getrefcount(None) > 10_000 or sys.version_info >= (3, 12)
    assert before - sys.getrefcount(None) <= 2000


def test_main_parses_the_command_line():
    from fupin_desktop.__main__ import build_parser

    args = build_parser().parse_args(["--data-dir", "x", "--screenshots", "out", "--language", "en"])
    assert str(args.data_dir) == "x" and str(args.screenshots) == "out" and args.language == "en"


def test_page_registry_finds_the_pages():
    from fupin_desktop.qt.pages import discover_pages

    specs = discover_pages()
    orders = [spec.order for spec in specs]
    assert orders == sorted(orders)
    assert {"dashboard", "households", "deadlines", "helpers", "settings"} <= {s.key for s in specs}


def test_data_dir_resolution_matches_the_services(tmp_path, monkeypatch):
    from fupin_desktop.qt.startup import resolve_data_dir
    from fupin_desktop.services.context import default_data_dir

    assert resolve_data_dir(tmp_path) == tmp_path
    assert resolve_data_dir(None) == default_data_dir()  # the conftest sets FUPIN_DATA_DIR
    monkeypatch.delenv("FUPIN_DATA_DIR")
    assert resolve_data_dir(None) == default_data_dir()


def test_second_start_shows_the_window_before_the_database_answers(data_dir, clock):
    import os
    import subprocess

    from fupin_desktop.qt.app import UiPreferences
    from fupin_desktop.qt.startup import CACHE_KEY, StartupState, startup_state
    from fupin_desktop.services.context import open_context

    ctx = open_context(data_dir, clock=clock)  # what the first start leaves behind: the start-up cache
    try:
        UiPreferences(data_dir).set_value(CACHE_KEY, startup_state(ctx).to_cache())
    finally:
        ctx.close()
    cached = StartupState.from_cache(UiPreferences(data_dir).value(CACHE_KEY))
    assert cached is not None and cached.village_name and not cached.needs_setup
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "fupin_desktop", "--data-dir", str(data_dir), "--ready-marker"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    marks = {line.split()[0]: line.split()[1] for line in result.stdout.splitlines()
             if line.split()[:1] in (["ready"], ["filled"])}
    assert float(marks["ready"]) <= float(marks["filled"])
