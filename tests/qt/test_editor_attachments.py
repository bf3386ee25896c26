"""附件 in the household editor: a photo added to a visit through the file dialog is listed with its size,
opened as a copy, removed with a reason; an exit step's papers likewise."""

import datetime as dt
import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from fupin_desktop.qt.dialogs.household_editor import EXIT, VISITS
from fupin_desktop.services import attachments as att
from fupin_desktop.storage import tables as t
from tests.qt.conftest import wait_idle
from tests.qt.editor_fixtures import close_editor, make_household, open_editor
from tests.services.sample_files import PDF, png_bytes


def _call(services, fn, *args, **kwargs):
    return services.worker.call(fn, *args, **kwargs)


@pytest.fixture
def household(services):
    return make_household(services)


def _click(qtbot, button):
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_photo_added_to_a_visit_is_listed_opened_and_removed(qtbot, services, household, tmp_path, monkeypatch):
    from fupin_desktop.services.measures import add_visit

    older, _ = _call(services, add_visit, household, date=dt.date(2020, 5, 2), visitor="王干部", findings="查看住房")
    newer, _ = _call(services, add_visit, household, date=dt.date(2020, 6, 9), visitor="王干部", findings="核对收入")
    photo = tmp_path / "入户照片.png"
    data = png_bytes(width=40, height=30, seed=6)
    photo.write_bytes(data)
    dialog = open_editor(qtbot, services, household)
    dialog.show_tab(VISITS)
    area = dialog.visits.attachments
    assert area.owner_id == newer and area.table.rowCount() == 0  # the newest visit is chosen
    dialog.visits.ui.visits_table.selectRow(1)
    assert area.owner_id == older

    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args, **kwargs: (asked.append(args) or str(photo), "照片或 PDF 文件"))
    _click(qtbot, area.add_button)
    qtbot.waitUntil(lambda: area.table.rowCount() == 1, timeout=10_000)
    assert asked and area.owner_id == older  # the chosen visit stays chosen after the reload
    assert area.table.item(0, 0).text() == "入户照片.png"
    assert area.table.item(0, 1).text() == f"{len(data)} B"
    [stored] = _call(services, att.attachments_of, t.VISITS, older)
    assert stored.file_name == "入户照片.png" and _call(services, att.read_attachment, stored.id)[1] == data
    dialog.visits.ui.visits_table.selectRow(0)
    assert area.owner_id == newer and area.table.rowCount() == 0
    dialog.visits.ui.visits_table.selectRow(1)

    opened = []
    monkeypatch.setattr("fupin_desktop.qt.widgets.attachment_list.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    area.table.selectRow(0)
    _click(qtbot, area.open_button)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    with open(opened[0], "rb") as handle:
        assert handle.read() == data
    assert not os.stat(opened[0]).st_mode & 0o222  # read-only (checked on the mode: root may write anyway)

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("照片拍错了户", True))
    area.table.selectRow(0)
    _click(qtbot, area.remove_button)
    qtbot.waitUntil(lambda: area.table.rowCount() == 0, timeout=10_000)
    assert _call(services, att.attachments_of, t.VISITS, older) == []
    close_editor(qtbot, dialog)


def test_a_wrong_file_is_refused_with_its_reason(qtbot, services, household, tmp_path, monkeypatch):
    from fupin_desktop.services.measures import add_visit

    _call(services, add_visit, household, date=dt.date(2020, 6, 9), visitor="王干部", findings="核对收入")
    fake = tmp_path / "不是照片.png"
    fake.write_bytes(b"MZ this is a program")
    dialog = open_editor(qtbot, services, household)
    dialog.show_tab(VISITS)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(fake), ""))
    _click(qtbot, dialog.visits.attachments.add_button)
    qtbot.waitUntil(lambda: "内容不是" in dialog.status.text(), timeout=10_000)
    assert dialog.visits.attachments.table.rowCount() == 0
    close_editor(qtbot, dialog)


def test_an_exit_step_paper_is_listed_under_the_step(qtbot, services, household, tmp_path, monkeypatch):
    from fupin_desktop.services.exits import record_step
    from fupin_desktop.services.ledger import add_entry

    _call(services, add_entry, household, date=dt.date(2020, 5, 20), category="11", amount_fen=900_000)
    step_id, _ = _call(services, record_step, household, "1", date=dt.date(2020, 6, 1), actor="村两委")
    paper = tmp_path / "民主评议记录.pdf"
    paper.write_bytes(PDF)
    dialog = open_editor(qtbot, services, household)
    dialog.show_tab(EXIT)
    area = dialog.exit_page.attachments
    assert area.owner_id == step_id and "第1步" in area.hint.text()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(paper), ""))
    _click(qtbot, area.add_button)
    qtbot.waitUntil(lambda: area.table.rowCount() == 1, timeout=10_000)
    assert area.table.item(0, 0).text() == "民主评议记录.pdf"
    dialog.exit_page.ui.steps_table.selectRow(3)  # a step still to do: nothing to attach to yet
    assert area.owner_id is None and not area.add_button.isEnabled()
    wait_idle(qtbot, services.ops)
    close_editor(qtbot, dialog)
