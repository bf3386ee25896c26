"""打印中心 page and the 打印本户 dialog: preview, save, print to a (PDF) printer, cancel, warnings."""

import pytest
from pypdf import PdfReader

from tests.qt.conftest import wait_idle


@pytest.fixture
def page(services, ops, qtbot):
    from fupin_desktop.qt.views.page_print import PrintPageView

    view = PrintPageView(services)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    wait_idle(qtbot, ops)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10_000)
    return view


def wait_message(qtbot, panel, text, timeout=30_000):
    qtbot.waitUntil(lambda: text in panel.last_message, timeout=timeout)


def head_names(worker, ids):
    return [worker.call(lambda ctx, i=i: ctx.db.execute("SELECT head_name FROM households WHERE id = ?", [i])
                        .fetchone()[0]) for i in ids]


def test_the_page_is_discovered():
    from fupin_desktop.qt.pages import discover_pages

    assert "print" in [spec.key for spec in discover_pages()]


def test_selecting_rows_prints_those_households_and_the_preview_shows_pages(page, qtbot, tmp_path):
    page.table.selectRow(0)
    assert page.scope_combo.currentData() == "selected"
    ids = page.households()
    assert len(ids) == 1
    page.panel.select_document("signoff")
    page.panel.show_preview()
    wait_message(qtbot, page.panel, "预览已生成")
    assert page.panel.preview.page_labels and not page.panel.preview.warnings_label.isVisible()
    assert page.grab().save(str(tmp_path / "print-page.png"))


def test_filter_scope_and_save_one_pdf(page, qtbot, tmp_path, monkeypatch, worker):
    page.colour_combo.setCurrentIndex(page.colour_combo.findData("red"))
    assert page.scope_combo.currentData() == "filter"
    assert page.households().colour == "red"
    page.panel.select_document("roster")
    assert not page.panel.per_household_radio.isEnabled() and page.panel.mask_check.isEnabled()
    target = tmp_path / "roster.pdf"
    monkeypatch.setattr(page.panel, "ask_save_path", lambda suggestion: str(target))
    page.panel.save_pdf()
    wait_message(qtbot, page.panel, "已保存")
    assert target.is_file() and "花名册" in PdfReader(target).pages[0].extract_text()


def test_one_pdf_per_selected_household_into_a_folder(page, qtbot, tmp_path, monkeypatch, worker):
    from PySide6.QtCore import QItemSelectionModel

    selection = page.table.selectionModel()
    for row in (0, 2):
        selection.select(page.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    ids = page.households()
    assert len(ids) == 2
    page.panel.select_document("card")
    assert page.panel.month_spin.isVisibleTo(page.panel)
    page.panel.per_household_radio.setChecked(True)
    monkeypatch.setattr(page.panel, "ask_folder", lambda: str(tmp_path / "cards"))
    page.panel.save_pdf()
    wait_message(qtbot, page.panel, "已保存 2 个PDF文件")
    files = sorted((tmp_path / "cards").iterdir())
    assert [f.name.split("-")[:3] for f in files] == [["card", "2020", "06"]] * 2
    names = head_names(worker, ids)
    assert names[0] in PdfReader(files[0]).pages[0].extract_text().replace(" ", "")


def test_print_sends_page_images_to_the_printer(page, qtbot, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter

    page.table.selectRow(1)
    page.panel.select_document("mingbai")
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    printer.setFullPage(True)
    monkeypatch.setattr(page.panel, "ask_printer", lambda: printer)
    page.panel.print_to_printer()
    wait_message(qtbot, page.panel, "已送往打印机")
    pages = page.panel.last_result
    assert pages >= 1 and len(PdfReader(tmp_path / "printer.pdf").pages) == pages


def test_cancelling_a_batch_leaves_no_file(page, qtbot, tmp_path, monkeypatch):
    page.panel.select_document("packet")
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(page.panel, "ask_save_path", lambda suggestion: str(out / "all.pdf"))
    page.panel.save_pdf()
    job = page.panel.job
    job.progressed.connect(lambda done, total: job.cancel())
    wait_message(qtbot, page.panel, "已取消", timeout=60_000)
    assert job.cancelled and list(out.iterdir()) == []


def test_preview_warns_about_characters_no_font_prints(page, qtbot, worker):
    from fupin_desktop.reports import fonts
    from fupin_desktop.services.households import update_member

    page.table.selectRow(0)
    household_id = page.households()[0]

    def rename(ctx):
        member_id = ctx.db.execute("SELECT id FROM members WHERE household_id = ? AND relation = '01'"
                                   " AND deleted = 0", [household_id]).fetchone()[0]
        return update_member(ctx, member_id, {"name": "王䶮"}, reason="测试", accept_note="测试")

    worker.call(rename)
    previous = fonts.use_chain(fonts.FontChain(fonts.register_fonts(), []))  # as on a machine with no fallback
    try:
        page.panel.select_document("packet")
        page.panel.show_preview()
        wait_message(qtbot, page.panel, "预览已生成")
    finally:
        fonts.use_chain(previous)
    assert page.panel.preview.warnings_label.isVisible() or page.panel.preview.warnings
    assert any("䶮" in line for line in page.panel.preview.warnings)
    assert "打印不出来" in page.panel.last_message


def test_print_dialog_for_one_household(services, ops, qtbot, worker, tmp_path, monkeypatch):
    from fupin_desktop.qt.dialogs.print_dialog import PrintDialog

    household_id = worker.call(lambda ctx: ctx.db.execute("SELECT id FROM households WHERE deleted = 0"
                                                          " ORDER BY number LIMIT 1").fetchone()[0])
    dialog = PrintDialog(services, [household_id])
    qtbot.addWidget(dialog)
    panel = dialog.panel
    assert dialog.windowTitle() == "打印本户"
    assert [panel.document_combo.itemData(i) for i in range(panel.document_combo.count())] == [
        "packet", "signoff", "card", "mingbai"]
    monkeypatch.setattr(panel, "ask_save_path", lambda suggestion: str(tmp_path / "packet.pdf"))
    panel.save_pdf()
    wait_message(qtbot, panel, "已保存 1 个PDF文件")
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "packet.pdf").pages).replace(" ", "")
    assert head_names(worker, [household_id])[0] in text
    wait_idle(qtbot, ops)
