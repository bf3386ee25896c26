"""The household editor's 防返贫监测 risk types and manual colour: typed, checked beside the field, saved, undone."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from fupin_desktop.qt.dialogs.household_editor import ASSISTANCE, BASIC
from tests.qt.conftest import wait_idle
from tests.qt.editor_fixtures import close_editor, make_household, open_editor, pick_code, press_save
from tests.qt.ime import type_chinese


@pytest.fixture
def household(services):
    return make_household(services)


def _load(services, household_id):
    from fupin_desktop.services.households import load

    return services.worker.call(load, household_id)[0]


def _tick(qtbot, checks, code):
    """Reach the box from the keyboard and tick it with Space."""
    box = checks.boxes[code]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


def _saved_and_idle(qtbot, dialog):
    qtbot.waitUntil(lambda: not dialog.is_dirty() and "已保存" in dialog.status.text(), timeout=10_000)
    wait_idle(qtbot, dialog.services.ops)


def _undo(qtbot, dialog, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: dialog.undo_button.isEnabled(), timeout=10_000)
    dialog.undo_last_save()
    qtbot.waitUntil(lambda: "已撤销" in dialog.status.text(), timeout=10_000)
    wait_idle(qtbot, dialog.services.ops)


def test_risk_types_are_checked_beside_the_field_saved_and_undone(qtbot, services, household, monkeypatch):
    dialog = open_editor(qtbot, services, household)
    dialog.show_tab(ASSISTANCE)
    ui = dialog.assistance.causes_ui
    checks = ui.risk_types
    assert list(checks.boxes) == ["1", "2", "3", "4", "5", "6", "7", "8", "99"]
    assert checks.boxes["7"].text() == "因务工就业不稳"
    _tick(qtbot, checks, "1")
    assert dialog.is_dirty() and checks.codes() == ("1",)
    qtbot.waitUntil(lambda: ui.monitor_type_problem.isVisible(), timeout=2_000)
    assert "请先选择监测对象类型" in ui.monitor_type_problem.text()
    press_save(qtbot, dialog)
    assert "无法保存" in dialog.status.text()
    assert QApplication.focusWidget() in (ui.monitor_type, ui.monitor_type.lineEdit())
    pick_code(qtbot, ui.monitor_type, "tfyz")  # 突发严重困难户 by its pinyin initials
    for code in ("2", "3", "5", "7", "8"):
        _tick(qtbot, checks, code)
    qtbot.waitUntil(lambda: ui.risk_types_problem.isVisible(), timeout=2_000)
    assert "最多选5项" in ui.risk_types_problem.text()
    assert ui.monitor_type_problem.isHidden()
    _tick(qtbot, checks, "3")  # untick one: five left
    qtbot.waitUntil(lambda: ui.risk_types_problem.isHidden(), timeout=2_000)
    press_save(qtbot, dialog)
    _saved_and_idle(qtbot, dialog)
    saved = _load(services, household)
    assert (saved.monitor_type, saved.risk_types) == ("3", ("1", "2", "5", "7", "8"))
    assert checks.codes() == ("1", "2", "5", "7", "8")
    _undo(qtbot, dialog, monkeypatch)
    assert _load(services, household).risk_types == ()
    qtbot.waitUntil(lambda: checks.codes() == (), timeout=5_000)
    close_editor(qtbot, dialog)


def test_manual_colour_needs_a_reason_beside_it(qtbot, services, household, monkeypatch):
    dialog = open_editor(qtbot, services, household)
    dialog.show_tab(BASIC)
    ui = dialog.basic.ui
    assert "自动标为：红" in ui.colour_auto_label.text()
    assert not ui.colour_override_reason.isEnabled()
    pick_code(qtbot, ui.colour_override, "lv")  # 绿 (lǜ)
    assert ui.colour_override.code() == "green" and ui.colour_override_reason.isEnabled()
    qtbot.waitUntil(lambda: ui.colour_override_reason_problem.isVisible(), timeout=2_000)
    assert "必须填写原因" in ui.colour_override_reason_problem.text()
    press_save(qtbot, dialog)
    assert "无法保存" in dialog.status.text() and dialog.household_id == household
    assert _load(services, household).colour_override == ""
    type_chinese(qtbot, ui.colour_override_reason, "已纳入兜底保障")
    qtbot.waitUntil(lambda: ui.colour_override_reason_problem.isHidden(), timeout=2_000)
    press_save(qtbot, dialog)
    _saved_and_idle(qtbot, dialog)
    saved = _load(services, household)
    assert (saved.colour_override, saved.colour_override_reason) == ("green", "已纳入兜底保障")
    qtbot.waitUntil(lambda: "（绿）" in dialog.header.text(), timeout=5_000)
    _undo(qtbot, dialog, monkeypatch)
    assert _load(services, household).colour_override == ""
    qtbot.waitUntil(lambda: ui.colour_override.code() == "", timeout=5_000)
    close_editor(qtbot, dialog)


def test_every_tab_fits_a_1366x768_screen(qtbot, services, household):
    dialog = open_editor(qtbot, services, household)
    for index in range(dialog.tabs.count()):
        dialog.show_tab(index)
        hint = dialog.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 768 - 48, (index, hint)  # 48: title bar and taskbar
    close_editor(qtbot, dialog)
