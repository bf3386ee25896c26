"""The 同步 page: status, import with preview and confirmation, conflicts listed and resolved."""

import pytest

from fupin_desktop.storage import tables as t
from tests.sync import world

pytest.importorskip("PySide6")


@pytest.fixture
def township_page(base, tmp_path, qtbot):
    from fupin_desktop.qt.pages import AppServices
    from fupin_desktop.qt.tasks import DatabaseThread, Ops
    from fupin_desktop.qt.views.page_sync import SyncPageView

    folder = world.copy_installation(base.township_synced, tmp_path / "township")
    thread = DatabaseThread(lambda: world.open_ctx(folder, "乡镇员"))
    thread.wait_ready(30)
    ops = Ops(thread)
    view = SyncPageView(AppServices(ops=ops, worker=thread))
    qtbot.addWidget(view)
    view.show()  # on screen, as when a clerk imports (a hidden page waits until it is shown to read again)
    qtbot.waitUntil(lambda: bool(view.state), timeout=10000)
    yield view, thread
    thread.stop()


def test_the_page_is_discovered():
    from fupin_desktop.qt.pages import discover_pages

    assert "sync" in [spec.key for spec in discover_pages()]


def test_status_preview_import_and_resolve(township_page, base, tmp_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    view, thread = township_page
    assert view.status_table.rowCount() == 1 and view.state["township"]
    village = world.open_ctx(world.copy_installation(base.village, tmp_path / "village"))
    hid = world.household_ids(village)[0]
    with village.write() as w:
        w.update(t.HOUSEHOLDS, hid, {"address": "村里的地址"})
    bundle = world.export_to(village, tmp_path / "stick").path
    village.close()

    def township_edit(ctx):
        with ctx.write() as w:
            w.update(t.HOUSEHOLDS, hid, {"address": "乡镇的地址"})

    thread.call(township_edit)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.preview([str(bundle)], key_passphrase=world.PASSPHRASE)
    qtbot.waitUntil(lambda: "已导入 1 个数据包" in view.last_message, timeout=20000)
    assert view.preview_table.rowCount() == 1 and view.preview_table.item(0, 5).text() == "1"
    qtbot.waitUntil(lambda: view.conflict_table.rowCount() == 1, timeout=10000)
    view.conflict_table.selectRow(0)
    view.reason_edit.setText("电话核实")
    view.resolve_selected()
    qtbot.waitUntil(lambda: view.conflict_table.rowCount() == 0, timeout=10000)
    assert "已处理" in view.last_message


def test_a_village_sees_its_own_exports_under_its_own_headings(base, tmp_path, qtbot):
    from fupin_desktop.qt.pages import AppServices
    from fupin_desktop.qt.tasks import DatabaseThread, Ops
    from fupin_desktop.qt.views.page_sync import SyncPageView

    folder = world.copy_installation(base.village, tmp_path / "village")
    thread = DatabaseThread(lambda: world.open_ctx(folder, "第一书记"))
    thread.wait_ready(30)
    try:
        view = SyncPageView(AppServices(ops=Ops(thread), worker=thread))
        qtbot.addWidget(view)
        qtbot.waitUntil(lambda: bool(view.state), timeout=10000)
        table = view.status_table
        headings = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        assert headings == ["序号", "内容", "导出时间", "乡镇是否已确认", "文件名"]
        row = [table.item(0, c).text() for c in range(table.columnCount())]
        assert row[0] == "1" and row[1] == "全部数据（第一次导出）" and row[3] == "未确认" and row[4].endswith(".fpb")
    finally:
        thread.stop()
