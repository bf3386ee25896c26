"""The first-run wizard: a village typed in, or the demo village built in the background."""

import pytest
from PySide6.QtWidgets import QWizard

from tests.qt.conftest import wait_idle


@pytest.fixture
def empty_ops(tmp_path, clock, qapp):
    from fupin_desktop.qt.tasks import DatabaseThread, Ops
    from fupin_desktop.services.context import open_context

    worker = DatabaseThread(lambda: open_context(tmp_path / "empty", clock=clock))
    worker.wait_ready(30)
    yield Ops(worker)
    worker.stop()


def _state(ops):
    from fupin_desktop.qt.startup import startup_state

    return ops.call(startup_state)


def test_a_new_village_with_its_work_team(empty_ops, qtbot):
    from fupin_desktop.qt.first_run_wizard import VILLAGE_PAGE, FirstRunWizard
    from fupin_desktop.services.helpers import helpers

    assert _state(empty_ops).needs_setup
    wizard = FirstRunWizard(empty_ops)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentId() == VILLAGE_PAGE
    page = wizard.village_page
    assert not page.isComplete()
    page.ui.codeEdit.setText("61070210820")
    assert "12位" in page.ui.codeMessage.text()
    page.ui.codeEdit.setText("610702108201")
    page.ui.nameEdit.setText("龙江村")
    page.ui.groupsEdit.setText("一组、二组、三组")
    page.ui.populationSpin.setValue(1200)
    assert page.isComplete()
    wizard.next()
    team = wizard.team_page
    team.secretary.setText("李书记")
    team.unit.setText("汉台区财政局")
    team.team.setPlainText("王建军 13900000000\n刘红")
    team.operator.setText("李书记")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted, timeout=5000)
    state = _state(empty_ops)
    assert not state.needs_setup
    assert state.village_name == "龙江村" and state.villages[0].groups == ("一组", "二组", "三组")
    assert state.operator == "李书记" and state.villages[0].first_secretary == "李书记"
    names = {h.name: h for h in empty_ops.call(helpers)}
    assert set(names) == {"李书记", "王建军", "刘红"}
    assert names["王建军"].unit == "汉台区财政局" and names["王建军"].is_work_team


def test_the_demo_village_is_built_in_the_background(empty_ops, qtbot):
    from fupin_desktop.qt.first_run_wizard import DEMO_PAGE, FirstRunWizard

    wizard = FirstRunWizard(empty_ops)
    qtbot.addWidget(wizard)
    wizard.demo_page.size = "small"
    wizard.show()
    wizard.mode_page.demo.setChecked(True)
    wizard.next()
    assert wizard.currentId() == DEMO_PAGE
    assert not wizard.demo_page.isComplete()
    qtbot.waitUntil(lambda: wizard.demo_page.done, timeout=60_000)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    state = _state(empty_ops)
    assert state.village_name and not state.needs_setup


def test_cancelling_the_demo_leaves_the_folder_empty(empty_ops, qtbot):
    import threading

    from fupin_desktop.qt.first_run_wizard import FirstRunWizard

    wizard = FirstRunWizard(empty_ops)
    qtbot.addWidget(wizard)
    wizard.demo_page.size = "small"
    wizard.show()
    release = threading.Event()
    empty_ops.run(lambda _ctx: release.wait(30))  # the database thread is busy: the demo waits in the queue
    wizard.mode_page.demo.setChecked(True)
    wizard.next()
    wizard.reject()
    release.set()
    wait_idle(qtbot, empty_ops, timeout=30_000)
    assert "已取消" in wizard.demo_page.status.text()
    assert _state(empty_ops).needs_setup
