"""The spreadsheet import wizard: file → mapping → preview with every problem → import on the database thread."""

import pytest
from PySide6.QtWidgets import QWizard

from tests.qt.conftest import wait_idle
from tests.spreadsheets.workbooks import realistic_roster


@pytest.fixture
def roster(tmp_path):
    path = tmp_path / "龙江村花名册.xlsx"
    realistic_roster(path)
    return path


def _count(worker, sql, params=()):
    return worker.call(lambda ctx: ctx.db.execute(sql, list(params)).fetchone()[0])


def _wizard(qtbot, services, roster):
    from fupin_desktop.qt.dialogs.xlsx_import_wizard import XlsxImportWizard

    wizard = XlsxImportWizard(services, path=roster)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.file_page.isComplete(), timeout=15_000)
    return wizard


def test_import_through_the_wizard(qtbot, services, worker, ops, roster):
    wizard = _wizard(qtbot, services, roster)
    assert wizard.file_page.sheet.currentText() == "贫困人口"
    assert "第3、4行" in wizard.file_page.status.text()

    wizard.next()
    page = wizard.mapping_page
    headers = [page.table.item(row, 1).text() for row in range(page.table.rowCount())]
    id_row = headers.index("家庭成员 / 证件号码")
    assert page.combos[id_row].currentData() == "member.id_number"
    assert "610702" in page.table.item(id_row, 2).text()  # sample values shown
    health = headers.index("家庭成员 / 健康状况")
    page.combos[health].setCurrentIndex(page.combos[health].findData(""))  # not imported

    wizard.next()
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.plan is not None, timeout=30_000)
    assert "将新建 3 户" in preview.summary.toPlainText()
    texts = [preview.table.item(row, 3).text() for row in range(preview.table.rowCount())]
    assert any("无法恢复" in text for text in texts)
    preview.level.setCurrentIndex(preview.level.findData("error"))
    assert preview.table.rowCount() == 4
    assert wizard.button(QWizard.WizardButton.NextButton).text().startswith("导入")
    assert _count(worker, "SELECT count(*) FROM households WHERE number LIKE '610702000_'") == 0

    with qtbot.waitSignal(ops.changed, timeout=30_000) as changed:
        wizard.next()
    qtbot.waitUntil(lambda: wizard.import_page.finished, timeout=30_000)
    assert "新建 3 户" in wizard.import_page.text.text()
    assert len(changed.args[0].household_ids) == 3
    assert _count(worker, "SELECT count(*) FROM households WHERE number LIKE '610702000_'") == 3
    assert _count(worker, "SELECT count(*) FROM changelog WHERE source = ?", ["xlsx:龙江村花名册.xlsx"]) > 0
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wait_idle(qtbot, ops)


def test_a_mapping_without_names_is_refused(qtbot, services, roster):
    wizard = _wizard(qtbot, services, roster)
    wizard.next()
    page = wizard.mapping_page
    for combo in page.combos:
        if combo.currentData() in ("member.name", "household.head_name"):
            combo.setCurrentIndex(combo.findData(""))
    wizard.next()
    assert wizard.currentId() == 1
    assert "姓名" in page.message.text()


def test_an_unreadable_file_says_why(qtbot, services, tmp_path):
    from fupin_desktop.qt.dialogs.xlsx_import_wizard import XlsxImportWizard

    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"not a zip")
    wizard = XlsxImportWizard(services, path=bad)
    qtbot.addWidget(wizard)
    qtbot.waitUntil(lambda: "无法打开" in wizard.file_page.status.text(), timeout=15_000)
    assert not wizard.file_page.isComplete()


def test_back_to_the_mapping_and_a_new_preview(qtbot, services, roster):
    wizard = _wizard(qtbot, services, roster)
    wizard.next()
    wizard.next()
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.plan is not None, timeout=30_000)
    wizard.back()
    assert wizard.button(QWizard.WizardButton.NextButton).text() == wizard.next_text
    page = wizard.mapping_page
    headers = [page.table.item(row, 1).text() for row in range(page.table.rowCount())]
    ids = headers.index("家庭成员 / 证件号码")
    page.combos[ids].setCurrentIndex(page.combos[ids].findData(""))  # IDs not imported: no ID problems left
    wizard.next()
    qtbot.waitUntil(lambda: preview.plan is not None, timeout=30_000)
    assert not [p for p in preview.plan.problems if "证件号码" in p.message and p.level == "error"]
