"""备份与恢复 page: back up now, to a folder (encrypted), restore after a confirmation that states the loss."""

import pytest

from tests.qt.conftest import wait_idle


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch):
    from fupin_desktop.storage import fpbak

    monkeypatch.setattr(fpbak, "SCRYPT_LOG2_N", 12)


@pytest.fixture
def page(services, ops, qtbot):
    from fupin_desktop.qt.views.page_backup import BackupPageView

    view = BackupPageView(services)
    qtbot.addWidget(view)
    wait_idle(qtbot, ops)
    return view


def test_the_page_is_discovered():
    from fupin_desktop.qt.pages import discover_pages

    assert "backup" in [spec.key for spec in discover_pages()]


def test_back_up_now_lists_the_backup(page, ops, qtbot):
    assert page.rows == [] and not page.restore_button.isEnabled()
    page.back_up_now()
    wait_idle(qtbot, ops)
    qtbot.waitUntil(lambda: len(page.rows) == 1, timeout=5000)
    assert "检查通过" in page.last_message
    assert page.table.item(0, 1).text() == "手动备份"


def test_back_up_to_a_folder_with_a_passphrase(page, ops, qtbot, tmp_path, monkeypatch):
    stick = tmp_path / "stick"
    stick.mkdir()
    answers = iter([("口令", True), ("口令", True)])
    monkeypatch.setattr(page, "ask_folder", lambda: str(stick))
    monkeypatch.setattr(page, "ask_passphrase", lambda title, label: next(answers))
    page.back_up_to_folder()
    qtbot.waitUntil(lambda: "已备份" in page.last_message, timeout=10_000)
    assert [p.suffix for p in stick.iterdir()] == [".fpbak"]


def test_mismatched_passphrases_refuse(page, tmp_path, monkeypatch):
    stick = tmp_path / "stick"
    stick.mkdir()
    answers = iter([("一", True), ("二", True)])
    monkeypatch.setattr(page, "ask_folder", lambda: str(stick))
    monkeypatch.setattr(page, "ask_passphrase", lambda title, label: next(answers))
    monkeypatch.setattr("fupin_desktop.qt.views.page_backup.QMessageBox.warning", lambda *a: None)
    page.back_up_to_folder()
    assert "不一样" in page.last_message and list(stick.iterdir()) == []


def test_restore_states_what_is_replaced_then_swaps_the_data(page, services, ops, worker, qtbot, monkeypatch):
    page.back_up_now()
    qtbot.waitUntil(lambda: len(page.rows) == 1, timeout=5000)
    count = worker.call(lambda ctx: ctx.db.execute("SELECT count(*) FROM households").fetchone()[0])

    def delete_one(ctx):
        from fupin_desktop.services.households import delete_household

        first = ctx.db.execute("SELECT id FROM households WHERE deleted = 0 LIMIT 1").fetchone()[0]
        return delete_household(ctx, first, "测试删除")

    worker.call(delete_one)
    asked, changed = [], []
    ops.changed.connect(changed.append)
    monkeypatch.setattr(page, "confirm", lambda text: asked.append(text) or True)
    page.table.selectRow(0)
    assert page.restore_button.isEnabled()
    page.restore_selected()
    qtbot.waitUntil(lambda: "已从备份恢复" in page.last_message, timeout=10_000)
    assert "replaced" in asked[0] and "不会删除" in asked[0] and "1 次修改" in asked[0]
    assert changed and "households" in changed[-1].tables
    deleted = worker.call(lambda ctx: ctx.db.execute("SELECT count(*) FROM households WHERE deleted = 1")
                          .fetchone()[0])
    total = worker.call(lambda ctx: ctx.db.execute("SELECT count(*) FROM households").fetchone()[0])
    assert total == count and deleted < count
    assert (services.data_dir / "replaced").is_dir()


def test_declined_restore_changes_nothing(page, ops, qtbot, monkeypatch, services):
    page.back_up_now()
    qtbot.waitUntil(lambda: len(page.rows) == 1, timeout=5000)
    monkeypatch.setattr(page, "confirm", lambda text: False)
    page.table.selectRow(0)
    page.restore_selected()
    qtbot.waitUntil(lambda: "已取消" in page.last_message, timeout=10_000)
    assert not (services.data_dir / "replaced").exists()


def test_check_and_automatic_backup(page, ops, qtbot):
    page.check()
    qtbot.waitUntil(lambda: "检查通过" in page.last_message, timeout=10_000)
    page.auto_backup()
    qtbot.waitUntil(lambda: "已自动备份" in page.last_message, timeout=10_000)
    wait_idle(qtbot, ops)
    qtbot.waitUntil(lambda: len(page.rows) == 1, timeout=5000)
    assert page.rows[0].info.reason == "auto"
