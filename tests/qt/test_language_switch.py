"""The language changes at once, without a restart: the window and its pages speak the new language."""

import pytest
from PySide6.QtCore import Qt

from tests.qt.conftest import wait_idle


@pytest.fixture
def restore_language(qapp):
    yield
    from fupin_desktop.qt.app import install_translators

    install_translators(qapp, "zh_CN")


def _choose_language(qtbot, main_window, locale):
    page = main_window.show_page("settings")
    qtbot.waitUntil(lambda: page.settings is not None, timeout=10_000)
    combo = page.ui.languageCombo
    combo.setCurrentIndex(combo.findData(locale))
    qtbot.mouseClick(page.ui.saveButton, Qt.MouseButton.LeftButton)


def _texts(main_window):
    page = main_window.show_page("settings")
    return {
        "navigation": main_window.navigation.item(0).text(),
        "menu": main_window.menuBar().actions()[0].text(),
        "save": page.ui.saveButton.text(),
        "title": main_window.windowTitle(),
    }


def test_switching_to_english_and_back(qtbot, main_window, services, restore_language):
    from fupin_desktop.i18n.translate import current_language

    chinese = _texts(main_window)
    assert chinese["navigation"] == "作战图" and chinese["save"] == "保存设置"
    main_window.show_page("dashboard")
    main_window.show_page("households")  # a second page already built before the switch
    _choose_language(qtbot, main_window, "en")
    qtbot.waitUntil(lambda: main_window.navigation.item(0).text() == "Battle map", timeout=10_000)
    english = _texts(main_window)
    assert current_language() == "en"
    assert english["menu"] == "&File" and english["save"] == "Save settings"
    assert "Battle Room" in english["title"]
    assert services.worker.call(lambda ctx: ctx.settings.language) == "en"
    households = main_window.show_page("households")  # built anew, in English
    assert households is not None and "Household" in main_window.navigation.item(1).text()
    wait_idle(qtbot, services.ops)
    _choose_language(qtbot, main_window, "zh_CN")
    qtbot.waitUntil(lambda: main_window.navigation.item(0).text() == "作战图", timeout=10_000)
    assert _texts(main_window) == chinese
    wait_idle(qtbot, services.ops)


def test_pages_of_the_old_language_hear_nothing_after_the_switch(qtbot, main_window, services, restore_language):
    """A change after the switch reaches the new pages only (the old ones are gone: no errors from them)."""
    from fupin_desktop.services.helpers import create_helper

    for key in main_window.page_keys():
        main_window.show_page(key)
    wait_idle(qtbot, services.ops)
    old = dict(main_window._pages)
    main_window.set_language("en")
    assert not set(map(id, old.values())) & set(map(id, main_window._pages.values()))
    services.worker.call(lambda ctx: None)
    services.ops.run(create_helper, {"name": "周干部", "unit": "汉台区民政局"})
    wait_idle(qtbot, services.ops)
    qtbot.wait(800)  # the pages' debounced refreshes run
    wait_idle(qtbot, services.ops)
