"""The sync page reads the sync state after every save only while it is shown; hidden, it reads it when shown."""

from fupin_desktop.services.changes import Changes

LEDGER_SAVE = Changes(op_id="op-ledger", tables=frozenset({"ledger"}), household_ids=frozenset({"h1"}))


def test_a_hidden_sync_page_reads_the_state_when_shown(qtbot, services):
    from fupin_desktop.qt.views.page_sync import SyncPageView

    page = SyncPageView(services)
    qtbot.addWidget(page)
    reads = []
    page.refresh = lambda: reads.append("read")  # what the page would ask the database thread for
    services.ops.changed.emit(LEDGER_SAVE)
    services.ops.changed.emit(LEDGER_SAVE)
    assert reads == []  # hidden: nobody would see the state
    page.show()
    qtbot.waitExposed(page)
    assert reads == ["read"]  # once, however many saves were made meanwhile
    services.ops.changed.emit(LEDGER_SAVE)
    assert reads == ["read", "read"]  # shown: at once
    page.hide()
    page.show()
    assert reads == ["read", "read"]  # nothing changed while hidden
