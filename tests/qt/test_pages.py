"""The pages driven as a person would, with results read back through the services."""

from PySide6.QtCore import Qt

from fupin_desktop.services.queries import HouseholdFilter
from tests.qt.conftest import wait_idle


def test_dashboard_shows_the_figures_and_every_chart_answers(services, ops, qtbot):
    from fupin_desktop.qt.views.page_dashboard import DashboardPageView

    page = DashboardPageView(services)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
    data = page.data
    assert page.cards["households"].value_label.text() == f"{data.households}户"
    page.cards["behind"].activated.emit()
    page.cards["problems"].activated.emit()
    page.cards["idle_helpers"].activated.emit()
    assert services.shown[-2:] == [HouseholdFilter(behind_schedule=True), HouseholdFilter(has_problems=True)]
    assert services.pages == ["helpers"]
    page.resize(1180, 700)
    page.show()
    for chart, field in ((page.year_chart, "planned_exit_year"), (page.cause_chart, "main_cause"),
                         (page.step_chart, "exit_step"), (page.group_chart, "village_group")):
        assert chart.items
        chart.setFocus()
        qtbot.keyClick(chart, Qt.Key.Key_Return)
        assert getattr(services.shown[-1], field) == chart.items[0].key


def test_below_line_card_lists_those_households(services, ops, qtbot):
    from fupin_desktop.qt.views.page_dashboard import DashboardPageView

    page = DashboardPageView(services)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
    page.cards["below_line"].activated.emit()
    wait_idle(qtbot, ops)
    ids = services.shown[-1].household_ids
    assert len([i for i in ids if i != "-"]) == page.data.below_line_households


def test_search_as_you_type_is_debounced_and_enter_opens(services, ops, worker, qtbot):
    from fupin_desktop.qt.views.page_households import HouseholdsPageView
    from fupin_desktop.services.queries import list_households

    page = HouseholdsPageView(services)
    qtbot.addWidget(page)
    wait_idle(qtbot, ops)
    target = worker.call(lambda ctx: list_households(ctx, limit=5))[4]
    qtbot.keyClicks(page.ui.searchEdit, target.number)
    assert page.model.filter.text != target.number  # still waiting for the typist to pause
    qtbot.waitUntil(lambda: page.model.filter.text == target.number, timeout=2000)
    wait_idle(qtbot, ops)
    assert [r.id for r in page.model.loaded_rows()] == [target.id]
    assert page.ui.countLabel.text() == "共 1 户"
    qtbot.keyClick(page.ui.searchEdit, Qt.Key.Key_Down)
    qtbot.keyClick(page.ui.tableView, Qt.Key.Key_Return)
    assert services.opened == [target.id]


def test_filter_combos_compose_the_filter(services, ops, qtbot):
    from fupin_desktop.qt.views.page_households import HouseholdsPageView

    page = HouseholdsPageView(services)
    qtbot.addWidget(page)
    wait_idle(qtbot, ops)
    ui = page.ui
    assert ui.groupCombo.count() > 1  # the village's groups arrived
    ui.colourCombo.setCurrentIndex(ui.colourCombo.findData("red"))
    ui.groupCombo.setCurrentIndex(1)
    ui.exitStepCombo.setCurrentIndex(ui.exitStepCombo.findData(""))
    ui.problemsCheck.setChecked(True)
    wanted = page.current_filter()
    assert (wanted.colour, wanted.village_group, wanted.exit_step, wanted.has_problems) == (
        "red", ui.groupCombo.itemData(1), "", True)
    wait_idle(qtbot, ops)
    assert page.model.filter == wanted
    page.clear_filters()
    assert page.current_filter() == HouseholdFilter()


def test_deadlines_board_groups_by_year_and_opens(services, ops, qtbot):
    from fupin_desktop.qt.views.page_deadlines import DeadlinesPageView

    page = DeadlinesPageView(services)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: bool(page.rows), timeout=10_000)
    tree = page.tree
    assert tree.topLevelItemCount() >= 1
    first_year = tree.topLevelItem(0)
    household = first_year.child(0).child(0)
    page._activated(household, 0)
    assert services.opened == [household.data(0, Qt.ItemDataRole.UserRole)]


def test_reassign_a_helper_with_a_reason(services, ops, worker, qtbot):
    from fupin_desktop.qt.views.page_helpers import HelpersPageView
    from fupin_desktop.services.helpers import current_pairing

    page = HelpersPageView(services)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: bool(page.rows), timeout=10_000)
    index = next(i for i, r in enumerate(page.rows) if r.households)
    page.helper_table.selectRow(index)
    household = page.current_household()
    dialog = page.reassign_current()
    qtbot.addWidget(dialog)
    new_helper = dialog.ui.helperCombo.currentData()
    dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Ok).click()
    assert "原因" in dialog.ui.errorLabel.text()  # refused without a reason
    dialog.ui.reasonEdit.insert("工作调动")  # Chinese arrives by an input method, not key clicks
    if "已满" in dialog.ui.helperCombo.currentText():
        for i in range(dialog.ui.helperCombo.count()):
            if "已满" not in dialog.ui.helperCombo.itemText(i):
                dialog.ui.helperCombo.setCurrentIndex(i)
                new_helper = dialog.ui.helperCombo.currentData()
                break
    dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.saved, timeout=5000)
    pairing = worker.call(current_pairing, household.household_id)
    assert pairing.helper_id == new_helper and pairing.reason == "工作调动"


def test_settings_are_saved_through_the_services(services, ops, worker, qtbot):
    from fupin_desktop.qt.views.page_settings import SettingsPageView

    page = SettingsPageView(services)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.settings is not None, timeout=5000)
    ui = page.ui
    ui.publicitySpin.setValue(10)
    page.colour_combos["3"].setCurrentIndex(page.colour_combos["3"].findData("yellow"))
    ui.saveButton.click()
    qtbot.waitUntil(lambda: "已保存" in ui.messageLabel.text(), timeout=5000)
    settings = worker.call(lambda ctx: ctx.settings)
    assert settings.publicity_days == 10 and settings.colour_mapping["3"] == "yellow"
    ui.yearSpin.setValue(2021)
    ui.amountEdit.setText("4,000")
    ui.saveLineButton.click()
    assert "依据" in ui.messageLabel.text()  # refused without its source
    ui.sourceEdit.setText("省扶贫办文件")
    ui.saveLineButton.click()
    qtbot.waitUntil(lambda: "2021年贫困线已保存" in ui.messageLabel.text(), timeout=5000)
    lines = {line.year: line for line in worker.call(lambda ctx: ctx.poverty_lines())}
    assert lines[2021].line_fen == 400_000 and lines[2021].source == "省扶贫办文件"
