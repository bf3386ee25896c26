"""帮扶干部: 驻村 days in the helpers table, registered through 登记驻村天数… on the database thread."""

from PySide6.QtCore import QDate

from tests.qt.conftest import wait_idle

# the qt clock stands on 2020-06-15


def _page_with_work_team_helper(services, worker, qtbot):
    from fupin_desktop.qt.views.page_helpers import HelpersPageView
    from fupin_desktop.services.helpers import helpers, update_helper

    helper = next(h for h in worker.call(helpers) if not h.is_work_team)  # the demo's work team has days already
    worker.call(update_helper, helper.id, {"is_work_team": True})
    page = HelpersPageView(services)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    qtbot.waitUntil(lambda: bool(page.rows), timeout=10_000)
    page.select_helper(helper.id)
    return page, helper.id


def _days_cells(page):
    from fupin_desktop.qt.views.page_helpers import MONTH_DAYS_COLUMN, YEAR_DAYS_COLUMN

    row = page.helper_table.currentRow()
    return page.helper_table.item(row, MONTH_DAYS_COLUMN), page.helper_table.item(row, YEAR_DAYS_COLUMN)


def _saved_rows(worker, helper_id):
    from fupin_desktop.services.attendance import attendance_of

    return [(m.month, m.days, m.note) for m in worker.call(attendance_of, helper_id, 2020)]


def test_register_22_days_for_a_work_team_helper_and_see_the_columns(services, ops, worker, qtbot):
    from fupin_desktop.qt.views.page_helpers import SHORT_RED

    page, helper_id = _page_with_work_team_helper(services, worker, qtbot)
    month, year = _days_cells(page)
    assert (month.text(), year.text()) == ("0", "0")
    assert month.foreground().color().name() == SHORT_RED  # nothing registered for May: 驻村天数不足
    assert "驻村天数不足" in month.toolTip()

    dialog = page.register_attendance()
    qtbot.addWidget(dialog)
    # until the year's registered months arrive, nothing can be typed (it would be overwritten by them)
    assert not dialog.days_spin.isEnabled() and not dialog.buttons.isEnabled()
    wait_idle(qtbot, ops)
    qtbot.waitUntil(dialog.days_spin.isEnabled, timeout=5000)
    assert dialog.month() == "2020-06" and dialog.days_spin.maximum() == 30
    dialog.days_spin.setValue(22)
    dialog.note_edit.insert("六月在村")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.saved, timeout=5000)
    assert _saved_rows(worker, helper_id) == [("2020-06", 22, "六月在村")]
    qtbot.waitUntil(lambda: _days_cells(page)[0].text() == "22", timeout=5000)
    assert _days_cells(page)[1].text() == "22"
    assert _days_cells(page)[0].foreground().color().name() == SHORT_RED  # May is still missing

    dialog = page.register_attendance()  # May: 22 days, no longer short
    qtbot.addWidget(dialog)
    dialog.month_edit.setDate(QDate(2020, 5, 1))
    wait_idle(qtbot, ops)
    dialog.days_spin.setValue(22)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.saved, timeout=5000)
    qtbot.waitUntil(lambda: _days_cells(page)[1].text() == "44", timeout=5000)
    month, _year = _days_cells(page)
    assert month.text() == "22" and month.foreground().color().name() != SHORT_RED and not month.toolTip()


def test_impossible_days_cannot_be_entered_and_a_refusal_saves_nothing(services, ops, worker, qtbot):
    from fupin_desktop.qt.widgets.styles import label_style

    page, helper_id = _page_with_work_team_helper(services, worker, qtbot)
    dialog = page.register_attendance()
    qtbot.addWidget(dialog)
    dialog.days_spin.setValue(32)
    assert dialog.days_spin.value() == 30  # June has 30 days: the spin box stops there
    dialog.month_edit.setDate(QDate(2020, 7, 1))
    assert dialog.month() == "2020-06"  # a month still to come cannot be chosen
    dialog.month_edit.setDate(QDate(2020, 2, 1))
    wait_idle(qtbot, ops)
    assert dialog.days_spin.maximum() == 29

    # were the limit out of date (the spin box lifted), the service still refuses, in Chinese, and saves nothing
    dialog.days_spin.setMaximum(31)
    dialog.days_spin.setValue(30)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: bool(dialog.error_label.text()), timeout=5000)
    assert dialog.error_label.text() == "驻村天数：2020年2月只有29天。"
    assert dialog.error_label.styleSheet() == label_style("error")  # the program's own error colour
    assert not dialog.saved and dialog.buttons.isEnabled()
    assert _saved_rows(worker, helper_id) == []
