"""Smoke test: the main window opens on the demo village and every page can be visited."""

from PySide6.QtCore import Qt

from fupin_desktop.services.queries import HouseholdFilter
from tests.qt.conftest import wait_idle


def test_every_page_opens(main_window, ops, qtbot):
    keys = main_window.page_keys()
    assert keys[:2] == ["dashboard", "households"]
    assert {"deadlines", "helpers", "settings"} <= set(keys)
    for key in keys:
        page = main_window.show_page(key)
        wait_idle(qtbot, ops)
        assert page is not None and main_window.stack.currentWidget() is page
        assert main_window.current_key() == key
    assert main_window.width() <= 1366 and main_window.minimumWidth() <= 1366


def test_dashboard_figure_opens_the_filtered_list(main_window, ops, qtbot):
    dashboard = main_window.show_page("dashboard")
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=10_000)
    chart = dashboard.colour_chart
    assert chart.items
    first = chart.items[0]
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.item_centre(0).toPoint())
    households = main_window._pages["households"]
    assert main_window.current_key() == "households"
    assert households.current_filter().colour == first.key
    wait_idle(qtbot, ops)
    assert households.model.rowCount() == min(first.value, 200)


def test_ctrl_f_focuses_search_and_enter_opens(main_window, ops, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(main_window.services, "open_household", opened.append)
    qtbot.keyClick(main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    page = main_window._pages["households"]
    assert main_window.current_key() == "households"
    assert page.ui.searchEdit.hasFocus() or main_window.focusWidget() is page.ui.searchEdit
    wait_idle(qtbot, ops)
    page.ui.tableView.setFocus()
    qtbot.keyClick(page.ui.tableView, Qt.Key.Key_Return)
    assert opened == [page.model.row_at(0).id]


def test_show_households_with_ids(main_window, ops, worker, qtbot):
    from fupin_desktop.services.queries import list_households

    rows = worker.call(lambda ctx: list_households(ctx, limit=3))
    main_window.show_households(HouseholdFilter(household_ids=tuple(r.id for r in rows)))
    page = main_window._pages["households"]
    wait_idle(qtbot, ops)
    assert {r.id for r in page.model.loaded_rows()} == {r.id for r in rows}
    page.clear_filters()
    wait_idle(qtbot, ops)
    assert page.model.rowCount() > 3


def test_settings_change_refreshes_the_snapshot(main_window, ops, qtbot):
    from fupin_desktop.services.settings import set_setting

    ops.run(set_setting, "publicity_days", 9)
    qtbot.waitUntil(lambda: main_window.services.settings.publicity_days == 9, timeout=5000)


def test_large_font_mode_switches_the_application_font(main_window, qapp):
    normal = qapp.font().pointSize()
    main_window.toggle_large_font(True)
    assert qapp.font().pointSize() > normal
    assert main_window.preferences.large_font
    main_window.toggle_large_font(False)
    assert qapp.font().pointSize() == normal


def test_open_household_uses_the_editor_when_installed(main_window, ops, worker, qtbot):
    import importlib.util

    from fupin_desktop.services.queries import list_households

    if importlib.util.find_spec("fupin_desktop.qt.dialogs.household_editor") is None:
        return
    household_id = worker.call(lambda ctx: list_households(ctx, limit=1))[0].id
    main_window.open_household(household_id)
    editor = main_window._editors[household_id]
    wait_idle(qtbot, ops)
    assert editor.isVisible()
    main_window.open_household(household_id)  # a second open raises the same window
    assert main_window._editors[household_id] is editor
    editor.close()
    wait_idle(qtbot, ops)
