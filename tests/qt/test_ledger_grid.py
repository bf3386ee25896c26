"""The 收支账本 month grid: entered entirely from the keyboard, corrected by reversing entries."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from tests.qt.conftest import wait_idle
from tests.qt.editor_fixtures import HEAD_ID, SPOUSE_ID
from tests.qt.ime import type_chinese


def focused_editor(qtbot, grid):
    """The cell editor that has the keyboard (the grid opens the next one after each Enter)."""
    qtbot.waitUntil(
        lambda: grid.current_editor() is not None and grid.current_editor().hasFocus(), timeout=5_000
    )
    return grid.current_editor()


def enter_entry(qtbot, grid, day: str, direction: str, category: str, amount: str, note: str,
                quantity: str = "", unit: str = "") -> None:
    """One line of the book: 日期 ⏎ 收/支 ⏎ 类别 ⏎ 金额 ⏎ 数量 ⏎ [单位 ⏎] 摘要 ⏎ (Chinese through the input method);
    an empty 数量 skips 单位."""
    before = len(grid.model.entries)
    if grid.current_editor() is None or not grid.current_editor().hasFocus():
        grid.start_entry()
    for typed in (day, direction, category, amount, quantity, *((unit,) if quantity else ())):
        editor = focused_editor(qtbot, grid)
        editor.selectAll()
        if typed and typed.isascii():
            qtbot.keyClicks(editor, typed)
        elif typed:  # 收 / 支 come from the input method, like every Chinese character
            type_chinese(qtbot, editor, typed)
        else:
            editor.clear()
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    editor = focused_editor(qtbot, grid)
    if note:
        type_chinese(qtbot, editor, note)
    qtbot.keyClick(editor, Qt.Key.Key_Return)

    def recorded():
        assert len(grid.model.entries) == before + 1, grid.status.text()

    qtbot.waitUntil(recorded, timeout=10_000)
    qtbot.waitUntil(lambda: grid.current_editor() is not None, timeout=5_000)


@pytest.fixture
def household(services):
    from fupin_desktop.services.households import create_household

    values = {
        "number": "6107021082019960",
        "village_group": "一组",
        "main_cause": "9",
        "attribute": "1",
        "identified_on": dt.date(2016, 3, 1),
        "planned_exit_year": 2021,
        "house_area": 70.0,
        "house_rating": "A",
        "water_safe": True,
        "fuel": "04",
        "sanitary_toilet": True,
    }
    members = [
        {
            "name": "吴长青",
            "id_number": HEAD_ID,
            "relation": "01",
            "education": "03",
            "health": "01",
            "labour": "01",
            "work_status": "02",
            "work_months": 10,
        },
        {
            "name": "郑海燕",
            "id_number": SPOUSE_ID,
            "relation": "02",
            "education": "03",
            "health": "01",
            "labour": "01",
        },
    ]
    household_id, _changes = services.worker.call(create_household, values, members, accept_note="测试")
    return household_id


@pytest.fixture
def grid(qtbot, services, household):
    from fupin_desktop.qt.dialogs.ledger_grid import LedgerGridDialog

    dialog = LedgerGridDialog(services, household)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.grid.view_data is not None, timeout=10_000)
    yield dialog.grid
    dialog.close()
    wait_idle(qtbot, services.ops)


def test_enter_a_month_from_the_keyboard(qtbot, services, household, grid):
    from fupin_desktop.services.ledger import month_entries, year_summary

    assert grid.month_label.text() == "2020年6月" and grid.model.rowCount() == 1
    enter_entry(qtbot, grid, "1", "收", "wg", "2,800", "镇上砖厂务工")
    enter_entry(qtbot, grid, "3", "s", "yz", "1500", "卖猪两头")  # 养殖业 by pinyin initials
    enter_entry(qtbot, grid, "03", "z", "sl", "320.50", "饲料")  # 饲料兽药
    enter_entry(qtbot, grid, "10", "s", "42", "310", "低保金")
    enter_entry(qtbot, grid, "6-15", "支", "sh", "96", "")  # 生活消费
    entries = services.worker.call(month_entries, household, 2020, 6)
    assert [(e.date, e.category, e.amount_fen, e.note) for e in entries] == [
        (dt.date(2020, 6, 1), "11", 280000, "镇上砖厂务工"),
        (dt.date(2020, 6, 3), "22", 150000, "卖猪两头"),
        (dt.date(2020, 6, 3), "53", 32050, "饲料"),
        (dt.date(2020, 6, 10), "42", 31000, "低保金"),
        (dt.date(2020, 6, 15), "61", 9600, ""),
    ]
    assert all(e.recorded_by == "测试员" for e in entries)
    labels = grid.month_labels
    assert (
        labels["wage"].text(),
        labels["production"].text(),
        labels["transfer"].text(),
        labels["production_expense"].text(),
        labels["living_expense"].text(),
    ) == ("2,800.00", "1,500.00", "310.00", "320.50", "96.00")
    summary = services.worker.call(year_summary, household)
    assert summary.net_income_fen == 280000 + 150000 + 31000 - 32050
    assert grid.year_labels["per_capita"].text() == "2,144.75"
    assert "还差" in grid.verdict.text()


def test_bad_cells_are_refused_with_a_reason(qtbot, grid, services, household):
    from fupin_desktop.services.ledger import month_entries

    def cell(text: str, refused: str = ""):
        editor = focused_editor(qtbot, grid)
        editor.selectAll()
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        if refused:
            assert refused in grid.status.text() and grid.current_editor() is editor

    grid.start_entry()
    cell("31", refused="不存在")  # 6月31日
    cell("20", refused="晚于今天")
    cell("7")
    cell("x", refused="收")
    cell("s")
    cell("hf", refused="类别")  # 化肥农药 is an expense, not among the income categories
    cell("11")
    cell("-5", refused="负数")
    cell("12.345", refused="两位小数")
    assert services.worker.call(month_entries, household, 2020, 6) == []


def test_a_correction_is_a_reversing_entry(qtbot, grid, services, household, monkeypatch):
    from fupin_desktop.services.ledger import month_entries

    enter_entry(qtbot, grid, "5", "s", "wg", "900", "")
    grid.table.setFocus()
    grid.table.setCurrentIndex(grid.model.index(0, 0))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("多记了一个0", True))
    qtbot.keyClick(grid.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(grid.model.entries) == 2, timeout=10_000)
    entries = services.worker.call(month_entries, household, 2020, 6)
    assert [e.amount_fen for e in entries] == [90000, -90000] and entries[1].reverses == entries[0].id
    assert entries[0].id in grid.model.reversed_ids
    assert grid.month_labels["wage"].text() == "0.00"


def test_months_are_turned_with_the_keyboard(qtbot, grid):
    assert not grid.next_button.isEnabled()
    grid.table.setFocus()  # the shortcut works while the book has the keyboard, as after a click into it
    qtbot.waitUntil(lambda: grid.isAncestorOf(QApplication.focusWidget()), timeout=5_000)
    # the key goes where the keyboard is: the table or the cell editor of its entry row
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: grid.month_label.text() == "2020年5月", timeout=5_000)
    assert grid.next_button.isEnabled()


def test_quantity_and_unit_are_typed_in_their_own_columns(qtbot, grid, services, household):
    from fupin_desktop.qt.dialogs.ledger_month_model import QUANTITY, UNIT
    from fupin_desktop.services.ledger import month_entries

    assert [grid.model.headerData(c, Qt.Orientation.Horizontal) for c in (QUANTITY, UNIT)] == ["数量", "单位"]
    enter_entry(qtbot, grid, "3", "s", "yz", "4500", "卖猪", quantity="3", unit="头")
    enter_entry(qtbot, grid, "4", "s", "zz", "120", "卖菜籽", quantity="２.5", unit="斤")  # full-width digit
    enter_entry(qtbot, grid, "5", "s", "wg", "300", "打零工")  # no quantity: 单位 is skipped
    entries = services.worker.call(month_entries, household, 2020, 6)
    assert [(e.category, e.quantity, e.unit, e.note) for e in entries] == [
        ("22", 3.0, "头", "卖猪"),
        ("21", 2.5, "斤", "卖菜籽"),
        ("11", None, "", "打零工"),
    ]
    shown = [[grid.model.index(row, c).data() for c in (QUANTITY, UNIT)] for row in range(3)]
    assert shown == [["3", "头"], ["2.5", "斤"], ["", ""]]


def test_a_bad_quantity_is_refused_in_its_cell(qtbot, grid, services, household):
    from fupin_desktop.qt.dialogs.ledger_month_model import QUANTITY

    grid.start_entry()
    for typed in ("7", "s", "wg", "100"):
        editor = focused_editor(qtbot, grid)
        editor.selectAll()
        qtbot.keyClicks(editor, typed)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    for typed, reason in (("san", "数量请填数字"), ("-2", "数量必须大于0"), ("0", "数量必须大于0")):
        editor = focused_editor(qtbot, grid)
        assert editor.objectName() == f"ledger_editor_{QUANTITY}"
        editor.selectAll()
        qtbot.keyClicks(editor, typed)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        assert reason in grid.status.text() and grid.current_editor() is editor
    assert "quantity" not in grid.model.draft
