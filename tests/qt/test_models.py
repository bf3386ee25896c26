"""Qt models and page data without windows: the lazy household table, the deadline board, chart items."""

import pytest

from fupin_desktop.services.queries import HouseholdFilter
from tests.qt.conftest import wait_idle


def _all_rows(ctx):
    from fupin_desktop.services.queries import list_households

    return list_households(ctx, limit=10_000)


@pytest.fixture
def model(ops, qtbot):
    from fupin_desktop.qt.models.households_table_model import HouseholdsTableModel

    return HouseholdsTableModel(ops, window=10)


def test_first_window_then_more_as_the_view_scrolls(model, ops, worker, qtbot):
    total = len(worker.call(_all_rows))
    assert total > 20
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filter(HouseholdFilter())
    assert model.rowCount() == 10
    qtbot.waitUntil(lambda: model.total == total, timeout=5000)
    assert model.canFetchMore()
    model.fetchMore()
    assert not model.canFetchMore()  # one window at a time
    qtbot.waitUntil(lambda: model.rowCount() == 20, timeout=5000)
    while model.canFetchMore():
        model.fetchMore()
        wait_idle(qtbot, ops)
    assert model.rowCount() == total
    assert len({row.id for row in model.loaded_rows()}) == total


def test_cells_show_labels_colour_and_problems(model, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor

    from fupin_desktop.domain.colours import colour_hex
    from fupin_desktop.qt.models.households_table_model import COLUMN_KEYS

    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filter(HouseholdFilter())
    row = model.row_at(0)
    colour = model.data(model.index(0, COLUMN_KEYS.index("colour")), Qt.ItemDataRole.DecorationRole)
    assert isinstance(colour, QColor) and colour.name() == colour_hex(row.colour)
    assert model.data(model.index(0, COLUMN_KEYS.index("head_name"))) == row.head_name
    cause = model.data(model.index(0, COLUMN_KEYS.index("main_cause")))
    assert cause and not cause.isdigit()  # a label, not the code
    assert model.headerData(1, Qt.Orientation.Horizontal) == "户编号"
    assert model.household_id(model.index(0, 0)) == row.id


def test_search_by_pinyin_initials_id_fragment_and_number(model, worker, qtbot):
    from fupin_desktop.domain.names import name_initials

    first = worker.call(_all_rows)[3]
    for text in (name_initials(first.head_name), first.number[-6:], first.head_name):
        with qtbot.waitSignal(model.loaded, timeout=5000):
            model.set_filter(HouseholdFilter(text=text))
        ids = {r.id for r in model.loaded_rows()}
        while model.canFetchMore():
            model.fetchMore()
            qtbot.waitUntil(lambda: not model._fetching, timeout=5000)
            ids = {r.id for r in model.loaded_rows()}
        assert first.id in ids, text


def test_typing_fast_keeps_only_the_last_answer(model, ops, qtbot):
    for text in ("z", "zh", "zha", "zhang", "王"):
        model.set_filter(HouseholdFilter(text=text))
    wait_idle(qtbot, ops)
    assert model.filter.text == "王"
    assert all("王" in r.head_name or r.id for r in model.loaded_rows())


def test_filters_narrow_the_list(model, worker, qtbot):
    rows = worker.call(_all_rows)
    red = [r for r in rows if r.colour == "red"]
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filter(HouseholdFilter(colour="red"))
    qtbot.waitUntil(lambda: model.total is not None, timeout=5000)
    assert model.total == len(red)
    assert all(r.colour == "red" for r in model.loaded_rows())


def test_refresh_after_a_change_keeps_the_rows(model, ops, worker, qtbot):
    from fupin_desktop.services.changes import Changes

    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filter(HouseholdFilter())
    before = [r.id for r in model.loaded_rows()]
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.on_changed(Changes(tables=frozenset({"households"})))
    assert [r.id for r in model.loaded_rows()] == before


def test_helper_board_lists_households_and_visits(worker):
    from fupin_desktop.qt.views.page_helpers import load_helpers

    rows = worker.call(load_helpers)
    assert rows and any(r.households for r in rows)
    assert all(len(r.households) <= 5 for r in rows)


def test_wizard_parsers():
    from fupin_desktop.qt.first_run_wizard import parse_team, split_groups

    assert split_groups("一组、二组，三组 四组") == ("一组", "二组", "三组", "四组")
    team = parse_team("王建军 汉台区财政局 13900000000\n\n李四", "汉中市农业农村局")
    assert [m["name"] for m in team] == ["王建军", "李四"]
    assert team[0]["phone"] == "13900000000" and team[1]["unit"] == "汉中市农业农村局"


def test_a_long_job_shows_progress_and_can_be_cancelled(ops, qtbot):
    import threading

    from fupin_desktop.qt.progress import ProgressJob

    started = threading.Event()

    def slow(_ctx, *, progress):
        for i in range(2000):
            progress(i, 2000)
            started.set()
            threading.Event().wait(0.005)
        return "finished"

    outcome = []
    job = ProgressJob(ops, None, "测试", slow, on_done=outcome.append, on_cancel=lambda: outcome.append("cancelled"),
                      delay_ms=50)
    qtbot.waitUntil(lambda: job.shown, timeout=5000)  # shown once the job outlasts the delay
    assert started.wait(5)
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    qtbot.mouseClick(job.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: job.done, timeout=5000)
    assert outcome == ["cancelled"] and job.cancelled


def test_a_quick_job_never_shows_a_dialog(ops, qtbot):
    from fupin_desktop.qt.progress import ProgressJob

    outcome = []
    job = ProgressJob(ops, None, "测试", lambda _ctx, *, progress: 42, on_done=outcome.append)
    qtbot.waitUntil(lambda: job.done, timeout=5000)
    assert outcome == [42] and not job.shown
