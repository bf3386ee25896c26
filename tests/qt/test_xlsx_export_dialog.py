"""导出Excel… from the households page: choose what, the filtered list or everything, the format and the file;
the export runs on the database thread, says where the file went, and a failure leaves no file behind."""

import threading

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from tests.qt.conftest import wait_idle


@pytest.fixture
def page(qtbot, services, ops):
    from fupin_desktop.qt.views.page_households import HouseholdsPageView

    view = HouseholdsPageView(services)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    wait_idle(qtbot, ops)
    return view


def _open_dialog(qtbot, page, monkeypatch):
    """Press 导出Excel… and get the dialog (shown instead of run modally, so the test can use it)."""
    from fupin_desktop.qt.dialogs.xlsx_export_dialog import XlsxExportDialog

    opened = []
    monkeypatch.setattr(XlsxExportDialog, "exec", lambda dialog: (opened.append(dialog), dialog.show()))
    assert page.exportButton.text() == "导出Excel…"
    layout = page.ui.headerLayout
    assert layout.indexOf(page.exportButton) == layout.indexOf(page.ui.importButton) + 1  # beside 从Excel导入
    qtbot.mouseClick(page.exportButton, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    qtbot.addWidget(opened[0])
    return opened[0]


def _listed(worker, household_filter):
    from fupin_desktop.services.queries import list_households

    return worker.call(lambda ctx: list_households(ctx, household_filter, limit=1000))


def test_export_the_filtered_members_to_xlsx(qtbot, page, ops, worker, services, monkeypatch, tmp_path):
    ui = page.ui
    ui.groupCombo.setCurrentIndex(1)  # one villager group only
    wait_idle(qtbot, ops)
    wanted = _listed(worker, page.current_filter())
    everyone = _listed(worker, type(page.current_filter())())
    assert 0 < len(wanted) < len(everyone)

    dialog = _open_dialog(qtbot, page, monkeypatch)
    d = dialog.ui
    assert d.filteredRadio.isEnabled() and d.filteredRadio.isChecked()
    qtbot.waitUntil(lambda: f"共 {len(wanted)} 户" in d.scopeLabel.text(), timeout=10_000)
    qtbot.mouseClick(d.membersRadio, Qt.MouseButton.LeftButton)
    assert dialog.what == "members" and d.pathEdit.text().endswith(".xlsx") and "家庭成员" in d.pathEdit.text()
    target = tmp_path / "导出" / "成员名单.xlsx"
    dialog.set_path(target)  # what the file dialog does
    qtbot.mouseClick(d.exportButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.exported is not None or bool(dialog.error), timeout=30_000)
    assert dialog.error == ""
    assert "已导出家庭成员" in d.statusLabel.text() and str(target) in d.statusLabel.text()
    assert d.openFolderButton.isVisible()

    sheet = load_workbook(target).active
    titles = [c.value for c in sheet[1]]
    numbers = {sheet.cell(row, titles.index("户编号") + 1).value for row in range(2, sheet.max_row + 1)}
    assert numbers == {row.number for row in wanted}  # the filtered households, all of them, only them
    id_cell = sheet.cell(2, titles.index("证件号码") + 1)
    assert id_cell.data_type == "s" and isinstance(id_cell.value, str) and len(id_cell.value) == 18
    assert id_cell.number_format == "@"
    assert not [p for p in target.parent.iterdir() if p.name != target.name]  # no temporary file left


def test_everything_as_csv(qtbot, page, ops, worker, monkeypatch, tmp_path):
    dialog = _open_dialog(qtbot, page, monkeypatch)
    d = dialog.ui
    assert not d.filteredRadio.isEnabled() and d.allRadio.isChecked()  # nothing filtered: everything
    qtbot.mouseClick(d.csvRadio, Qt.MouseButton.LeftButton)
    assert d.pathEdit.text().endswith(".csv")
    dialog.set_path(tmp_path / "户.csv")
    qtbot.mouseClick(d.exportButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.exported is not None or bool(dialog.error), timeout=30_000)
    data = (tmp_path / "户.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert len(lines) - 1 == dialog.exported.rows == len(_listed(worker, type(page.current_filter())()))


def test_an_unwritable_place_says_why_and_leaves_nothing(qtbot, page, monkeypatch, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    blocker = out / "不是文件夹"
    blocker.write_text("一个文件")
    dialog = _open_dialog(qtbot, page, monkeypatch)
    dialog.set_path(blocker / "户.xlsx")
    qtbot.mouseClick(dialog.ui.exportButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.error), timeout=30_000)
    text = dialog.ui.statusLabel.text()
    assert text.startswith("导出失败") and "没有导出" in text
    assert sorted(p.name for p in out.iterdir()) == ["不是文件夹"]
    assert dialog.ui.exportButton.isEnabled()


def test_cancel_leaves_nothing(qtbot, page, worker, monkeypatch, tmp_path):
    dialog = _open_dialog(qtbot, page, monkeypatch)
    release = threading.Event()
    worker.submit(lambda _ctx: release.wait(10))  # the database thread is busy: the export waits its turn
    out = tmp_path / "out"
    out.mkdir()
    dialog.set_path(out / "户.xlsx")
    qtbot.mouseClick(dialog.ui.exportButton, Qt.MouseButton.LeftButton)
    dialog.job.cancel()  # 取消 in the progress dialog
    release.set()
    qtbot.waitUntil(lambda: dialog.job.done, timeout=30_000)
    assert dialog.job.cancelled and dialog.exported is None
    assert "已取消导出" in dialog.ui.statusLabel.text()
    assert list(out.iterdir()) == []
    dialog.ui.closeButton.click()
    assert dialog.result() == QDialog.DialogCode.Rejected  # QDialog's own result() is not shadowed


def test_the_dialog_fits_a_small_screen(qtbot, page, monkeypatch):
    dialog = _open_dialog(qtbot, page, monkeypatch)
    hint = dialog.sizeHint()
    assert hint.width() <= 1366 and hint.height() <= 700
    assert dialog.width() <= 1366 and dialog.height() <= 700
