"""Helpers for the household editor's tests: open the real dialog, type into it as a person would."""

import datetime as dt

from PySide6.QtCore import Qt

from fupin_desktop.domain.idnumber import make_id_number
from tests.qt.conftest import wait_idle
from tests.qt.ime import type_chinese

REGION = "610728"  # not used by the demo village: no clash with its ID numbers
HEAD_ID = make_id_number(REGION, dt.date(1968, 4, 2), 811)
SPOUSE_ID = make_id_number(REGION, dt.date(1970, 9, 17), 822)
CHILD_ID = make_id_number(REGION, dt.date(2008, 1, 25), 833)
BAD_ID = "130402198207290622"  # check character should be 4


def open_editor(qtbot, services, household_id):
    from fupin_desktop.qt.dialogs.household_editor import HouseholdEditorDialog

    dialog = HouseholdEditorDialog(services, household_id)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.is_loaded, timeout=10_000)
    wait_idle(qtbot, services.ops)
    return dialog


def close_editor(qtbot, dialog):
    dialog.close()
    wait_idle(qtbot, dialog.services.ops)


def new_helper(services, name="孙帮扶"):
    from fupin_desktop.services.helpers import create_helper

    helper_id, _changes = services.worker.call(create_helper, {"name": name, "unit": "汉台区农业农村局"})
    return helper_id


def make_household(services):
    """A household made through the services (no book, no exit steps) for the editing tests."""
    from fupin_desktop.services.households import create_household

    helper = new_helper(services, "钱帮扶")
    values = {
        "number": "6107021082019950",
        "village_group": "二组",
        "main_cause": "7",
        "attribute": "1",
        "identified_on": dt.date(2015, 3, 1),
        "planned_exit_year": 2020,
        "house_area": 70.0,
        "house_rating": "B",
        "water_safe": True,
        "fuel": "01",
        "sanitary_toilet": True,
        "phone": "13811112222",
    }
    members = [
        {
            "name": "钱德明",
            "id_number": HEAD_ID,
            "relation": "01",
            "education": "02",
            "health": "01",
            "labour": "01",
            "work_status": "01",
            "work_months": 8,
        },
        {
            "name": "孙桂兰",
            "id_number": SPOUSE_ID,
            "relation": "02",
            "education": "02",
            "health": "01",
            "labour": "01",
        },
    ]
    household_id, _changes = services.worker.call(create_household, values, members, helper_id=helper)
    return household_id


def pick_code(qtbot, combo, typed: str) -> None:
    """Type a code or pinyin initials into a CodeCombo and leave it with Tab, as a person does."""
    combo.setFocus()
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), typed)
    combo.commit()


def retype(qtbot, line_edit, text: str) -> None:
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClicks(line_edit, text)
    qtbot.keyClick(line_edit, Qt.Key.Key_Tab)


def add_member(qtbot, dialog, *, name, id_number, relation, **codes) -> None:
    """添加成员 (Ctrl+N), the name through an input-method commit, the rest from the keyboard."""
    page = dialog.members
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    ui = page.ui
    type_chinese(qtbot, ui.name, name, pre_edit="x")
    ui.id_number.edit.setFocus()
    qtbot.keyClicks(ui.id_number.edit, id_number)
    pick_code(qtbot, ui.relation, relation)
    for field, typed in codes.items():
        widget = getattr(ui, field)
        if hasattr(widget, "commit"):
            pick_code(qtbot, widget, typed)
        else:
            retype(qtbot, widget, typed)


def fill_household(qtbot, dialog, *, number="6107021082019901", cause="yb") -> None:
    basic, conditions, causes = dialog.basic.ui, dialog.conditions.ui, dialog.assistance.causes_ui
    retype(qtbot, basic.number, number)
    basic.identified_on.setFocus()
    qtbot.keyClicks(basic.identified_on, "2015-03-01")
    retype(qtbot, basic.planned_exit_year, "2020")
    pick_code(qtbot, causes.main_cause, cause)
    retype(qtbot, conditions.house_area, "86")
    pick_code(qtbot, conditions.house_rating, "B")
    pick_code(qtbot, conditions.water_safe, "s")  # 是 (shi)
    pick_code(qtbot, conditions.fuel, "cc")  # 柴草
    pick_code(qtbot, conditions.sanitary_toilet, "1")


def press_save(qtbot, dialog) -> None:
    qtbot.keyClick(dialog.tabs, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
