"""The household editor, driven through the real dialog as a person would (keyboard and input method)."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from fupin_desktop.qt.dialogs.household_editor import (
    ASSISTANCE,
    BASIC,
    CONDITIONS,
    EXIT,
    HISTORY,
    LEDGER,
    MEMBERS,
)
from tests.qt.conftest import wait_idle
from tests.qt.editor_fixtures import (
    BAD_ID,
    CHILD_ID,
    HEAD_ID,
    SPOUSE_ID,
    add_member,
    close_editor,
    fill_household,
    make_household,
    new_helper,
    open_editor,
    press_save,
    retype,
)
from tests.qt.ime import type_chinese
from tests.qt.test_ledger_grid import enter_entry


def _call(services, fn, *args, **kwargs):
    return services.worker.call(fn, *args, **kwargs)


@pytest.fixture
def household(services):
    """A household made through the services (no book, no exit steps) for the editing tests."""
    return make_household(services)


def test_tabs(qtbot, services, household):
    dialog = open_editor(qtbot, services, household)
    assert dialog.tab_names() == [
        "基本情况",
        "家庭成员",
        "生产生活条件",
        "致贫原因与帮扶",
        "收支账本",
        "脱贫进度",
        "走访记录",
        "变更记录",
    ]
    for index in range(len(dialog.tab_names())):
        dialog.show_tab(index)
        assert dialog.tabs.currentIndex() == index
    assert dialog.problems == [] and not dialog.is_dirty()
    close_editor(qtbot, dialog)


def test_create_household_enter_a_month_and_advance_to_publicity(qtbot, services):
    from fupin_desktop.services.exits import steps_of
    from fupin_desktop.services.ledger import month_entries
    from fupin_desktop.services.queries import household_file

    helper = new_helper(services)
    dialog = open_editor(qtbot, services, None)
    for index in (LEDGER, EXIT):
        assert not dialog.tabs.isTabEnabled(index)
    choice = dialog.assistance.ui.helper_choice
    choice.setCurrentIndex(choice.findData(helper))
    fill_household(qtbot, dialog)
    dialog.show_tab(MEMBERS)
    add_member(
        qtbot,
        dialog,
        name="赵德明",
        id_number=HEAD_ID,
        relation="01",
        education="02",
        health="02",
        labour="01",
        work_status="01",
        work_months="8",
    )
    assert dialog.members.ui.sex.code() == "1" and dialog.members.ui.birth_date.date() == dt.date(1968, 4, 2)
    add_member(qtbot, dialog, name="李秀英", id_number=SPOUSE_ID, relation="po", education="xx", labour="pt")
    add_member(qtbot, dialog, name="赵小龙", id_number=CHILD_ID, relation="03", schooling="03")
    assert [m["name"] for m in dialog.members.members] == ["赵德明", "李秀英", "赵小龙"]
    dialog.check_now()
    assert dialog.blocking_errors() == [], dialog.problems
    press_save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.household_id is not None and not dialog.is_dirty(), timeout=10_000)
    wait_idle(qtbot, services.ops)
    household_id = dialog.household_id
    file = _call(services, household_file, household_id)
    assert [(m.name, m.relation, m.sex) for m in file.members] == [
        ("赵德明", "01", "1"),
        ("李秀英", "02", "2"),
        ("赵小龙", "03", "1"),
    ]
    assert file.members[0].id_number == HEAD_ID and file.household.main_cause == "1"
    assert file.household.number == "6107021082019901" and file.household.fuel == "01"
    assert file.current_helper.id == helper
    assert dialog.tabs.isTabEnabled(LEDGER)

    # a month of the book, from the keyboard
    dialog.show_tab(LEDGER)
    grid = dialog.ledger
    qtbot.waitUntil(lambda: grid.view_data is not None, timeout=10_000)
    enter_entry(qtbot, grid, "2", "s", "wg", "6000", "县城建筑工地务工")
    enter_entry(qtbot, grid, "5", "s", "21", "3200", "卖玉米")
    enter_entry(qtbot, grid, "8", "s", "gy", "1200", "护林员工资")
    enter_entry(qtbot, grid, "", "z", "hf", "450", "买化肥")  # empty date: the day before is kept
    enter_entry(qtbot, grid, "12", "z", "61", "380.5", "")
    entries = _call(services, month_entries, household_id, 2020, 6)
    assert [(e.date.day, e.category, e.amount_fen) for e in entries] == [
        (2, "11", 600000),
        (5, "21", 320000),
        (8, "12", 120000),
        (8, "52", 45000),
        (12, "61", 38050),
    ]
    assert entries[0].note == "县城建筑工地务工"
    assert grid.month_labels["wage"].text() == "7,200.00"
    assert "高于贫困线" in grid.verdict.text()

    # the exit procedure, one step at a time, up to 村内公示
    dialog.show_tab(EXIT)
    page = dialog.exit_page
    for step, actor in (("1", "村两委"), ("2", "村两委、驻村工作队"), ("3", "户主赵德明"), ("4", "村委会")):
        assert page.state.next_step == step
        retype(qtbot, page.ui.step_actor, "")
        page.ui.step_actor.clear()
        type_chinese(qtbot, page.ui.step_actor, actor)
        type_chinese(qtbot, page.ui.step_note, "按程序办理")
        qtbot.mouseClick(page.ui.record_step_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda s=step: page.state is not None and s in page.state.done, timeout=10_000)
    steps = _call(services, steps_of, household_id)
    assert [(s.step, s.actor, s.outcome) for s in steps] == [
        ("1", "村两委", "done"),
        ("2", "村两委、驻村工作队", "done"),
        ("3", "户主赵德明", "done"),
        ("4", "村委会", "done"),
    ]
    assert page.state.next_step == "5" and page.ui.objection_button.isEnabled()
    close_editor(qtbot, dialog)


def test_bad_id_number_shows_its_reason_and_nothing_is_saved(qtbot, services):
    from fupin_desktop.services.queries import count_households

    before = _call(services, count_households)
    dialog = open_editor(qtbot, services, None)
    fill_household(qtbot, dialog)
    dialog.show_tab(MEMBERS)
    add_member(qtbot, dialog, name="周建国", id_number=BAD_ID, relation="01", education="02", labour="01")
    reason = dialog.members.ui.id_number.reason_label
    assert reason.isVisible() and "校验码错误：最后一位应为4" in reason.text()
    press_save(qtbot, dialog)
    wait_idle(qtbot, services.ops)
    assert "无法保存" in dialog.status.text() and "校验码" in dialog.status.text()
    assert dialog.household_id is None
    assert dialog.tabs.currentIndex() == MEMBERS
    assert QApplication.focusWidget() is dialog.members.ui.id_number.edit
    assert _call(services, count_households) == before
    close_editor(qtbot, dialog)


def test_problems_show_beside_their_fields_live(qtbot, services, household):
    dialog = open_editor(qtbot, services, household)
    dialog.show_tab(CONDITIONS)
    ui = dialog.conditions.ui
    ui.fuel.setCode("")
    qtbot.waitUntil(lambda: ui.fuel_problem.isVisible(), timeout=2_000)
    assert "未填写主要燃料类型" in ui.fuel_problem.text()
    assert any(p.code == "required_household_fuel" for p in dialog.blocking_errors())
    item = dialog.problem_list.item(0)
    dialog.show_tab(BASIC)
    dialog.problem_list.itemClicked.emit(item)
    assert dialog.tabs.currentIndex() == CONDITIONS
    close_editor(qtbot, dialog)


def test_warnings_are_accepted_with_a_note(qtbot, services, household):
    from fupin_desktop.services.households import load

    dialog = open_editor(qtbot, services, household)
    dialog.show_tab(CONDITIONS)
    spin = dialog.conditions.ui.farmland_mu
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "300")
    qtbot.waitUntil(lambda: dialog.conditions.ui.farmland_mu_problem.isVisible(), timeout=2_000)
    press_save(qtbot, dialog)
    qtbot.waitUntil(
        lambda: dialog.warnings_dialog is not None and dialog.warnings_dialog.isVisible(), timeout=10_000
    )
    note_dialog = dialog.warnings_dialog
    assert not note_dialog.ok_button.isEnabled()
    type_chinese(qtbot, note_dialog.note, "山区荒坡地，已入户核实")
    qtbot.mouseClick(note_dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_dirty() and "已保存" in dialog.status.text(), timeout=10_000)
    wait_idle(qtbot, services.ops)
    saved, _members = _call(services, load, household)
    assert saved.farmland_mu == 300.0 and saved.warnings_note == "山区荒坡地，已入户核实"
    close_editor(qtbot, dialog)


def test_ctrl_z_undoes_the_last_saved_change(qtbot, services, household, monkeypatch):
    from fupin_desktop.services.households import load

    dialog = open_editor(qtbot, services, household)
    phone = dialog.basic.ui.phone
    retype(qtbot, phone, "13900001111")
    dialog.show_tab(ASSISTANCE)
    type_chinese(qtbot, dialog.assistance.causes_ui.risk_clear_method, "产业帮扶")
    press_save(qtbot, dialog)
    qtbot.waitUntil(
        lambda: not dialog.is_dirty() and dialog.data.undo is not None and not dialog.data.undo.refused,
        timeout=10_000,
    )
    assert _call(services, load, household)[0].phone == "13900001111"
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kw: asked.append(args) or QMessageBox.StandardButton.Yes
    )
    dialog.show_tab(BASIC)
    phone.setFocus()  # nothing typed here since the save: Ctrl+Z goes to the last save
    qtbot.keyClick(phone, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert asked
    qtbot.waitUntil(lambda: phone.text() == "13811112222", timeout=10_000)
    wait_idle(qtbot, services.ops)
    saved = _call(services, load, household)[0]
    assert saved.phone == "13811112222" and saved.risk_clear_method == ""
    dialog.show_tab(HISTORY)
    table = dialog.history.table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert ["本户", "联系电话", "13900001111", "13811112222", "撤销"] in [row[2:] for row in rows]
    assert ["本户", "联系电话", "13811112222", "13900001111", "修改档案"] in [row[2:] for row in rows]
    close_editor(qtbot, dialog)


def test_unsaved_edits_come_back_as_a_draft(qtbot, services, household):
    dialog = open_editor(qtbot, services, household)
    type_chinese(qtbot, dialog.basic.ui.address, "龙江村二组18号")
    dialog.show_tab(MEMBERS)
    type_chinese(qtbot, dialog.members.ui.change_note, "外出务工")
    close_editor(qtbot, dialog)  # closing keeps the draft
    again = open_editor(qtbot, services, household)
    qtbot.waitUntil(lambda: again.drafts.box is not None and again.drafts.box.isVisible(), timeout=5_000)
    restore = next(b for b in again.drafts.box.buttons() if b.text() == "恢复草稿")
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    assert again.basic.ui.address.text() == "龙江村二组18号" and again.is_dirty()
    assert again.members.members[0]["change_note"] == "外出务工"
    close_editor(qtbot, again)


def test_enter_moves_to_the_next_field(qtbot, services, household):
    dialog = open_editor(qtbot, services, household)
    number = dialog.basic.ui.number
    number.setFocus()
    qtbot.keyClick(number, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.basic.ui.village_group
    qtbot.keyClick(dialog.basic.ui.village_group, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.basic.ui.address
    close_editor(qtbot, dialog)


def test_an_objection_during_publicity_sends_the_household_back(qtbot, services, household, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from fupin_desktop.services.exits import record_step, steps_of
    from fupin_desktop.services.ledger import add_entry

    _call(services, add_entry, household, date=dt.date(2020, 5, 20), category="11", amount_fen=900_000)
    for step in ("1", "2", "3", "4"):
        _call(services, record_step, household, step, date=dt.date(2020, 6, 1), actor="村两委")
    dialog = open_editor(qtbot, services, household)
    dialog.show_tab(EXIT)
    page = dialog.exit_page
    assert page.state.next_step == "5" and page.ui.objection_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("有村民反映家中另有收入", True))
    qtbot.mouseClick(page.ui.objection_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.state.round == 2, timeout=10_000)
    assert page.state.next_step == "1" and "重新组织民主评议" in page.ui.next_action_label.text()
    last = _call(services, steps_of, household)[-1]
    assert (last.step, last.outcome, last.note) == ("4", "objection", "有村民反映家中另有收入")
    close_editor(qtbot, dialog)
