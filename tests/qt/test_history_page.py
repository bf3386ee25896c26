"""The 变更记录 tab makes its rows only when it is on screen, and always from the newest data."""

import datetime as dt
from types import SimpleNamespace

from PySide6.QtWidgets import QTabWidget, QWidget

from fupin_desktop.qt.dialogs.editor_history import HistoryPage


def _data(*phones):
    entries = [SimpleNamespace(table="households", row_id="h1", field="phone", old='"1"', new=f'"{phone}"',
                               reason="", operator="张书记", when=dt.datetime(2026, 11, 24, 9, i))
               for i, phone in enumerate(phones)]
    return SimpleNamespace(file=SimpleNamespace(members=()), helpers={}, history=entries)


def test_rows_are_made_when_the_tab_is_shown(qtbot):
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QWidget(), "基本情况")
    page = HistoryPage()
    tabs.addTab(page, "变更记录")
    tabs.show()
    page.set_data(_data("13900001111"))
    page.set_data(_data("13900001111", "13811112222"))
    assert page.table.rowCount() == 0  # hidden: nothing made yet
    tabs.setCurrentWidget(page)
    assert page.table.rowCount() == 2 and page.table.item(1, 5).text() == "13811112222"
    page.set_data(_data("1", "2", "3"))  # on screen: at once
    assert page.table.rowCount() == 3
