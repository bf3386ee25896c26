"""The household list's count on a big file: capped while typing ("1000+"), exact once the typing stops, and
scrolling that keeps fetching past the cap. The small village stands in for the county with a small cap
(its household numbers all start with the county code, so "610702" matches every one of its 40 households)."""

import threading

import pytest

from fupin_desktop.services.queries import HouseholdFilter
from tests.qt.conftest import wait_idle

MANY = "610702"  # matches every household of the small village
CAP = 15
WINDOW = 10


def _count(ctx, text):
    from fupin_desktop.services.queries import count_households

    return count_households(ctx, HouseholdFilter(text=text))


def _first_head_name(ctx) -> str:
    """A text matching a few households (fewer than the cap)."""
    from fupin_desktop.services.queries import list_households

    return list_households(ctx, limit=1)[0].head_name


@pytest.fixture
def model(ops, qtbot):
    from fupin_desktop.qt.models.households_table_model import HouseholdsTableModel

    return HouseholdsTableModel(ops, window=WINDOW, count_cap=CAP, exact_delay_ms=None)


def test_more_matches_than_the_cap_read_cap_plus_and_scrolling_fetches_past_it(model, ops, worker, qtbot):
    from fupin_desktop.qt.views.page_households import count_label

    total = worker.call(_count, MANY)
    assert total > 2 * CAP
    with qtbot.waitSignal(model.count_changed, timeout=5000):
        model.set_filter(HouseholdFilter(text=MANY))
    assert model.capped and model.total == CAP + 1
    assert model.count_text() == f"{CAP}+"
    assert count_label(model) == f"{CAP}+ 户"
    assert model.rowCount() == WINDOW
    while model.canFetchMore():
        model.fetchMore()
        wait_idle(qtbot, ops)
    assert model.rowCount() == total > CAP  # the list never stops at the cap
    assert len({row.id for row in model.loaded_rows()}) == total
    assert not model.capped and model.total == total  # every row is loaded: the count is exact now
    assert count_label(model) == f"共 {total} 户"


def test_fewer_matches_than_the_cap_read_exactly(model, worker, qtbot):
    from fupin_desktop.qt.views.page_households import count_label

    text = worker.call(_first_head_name)
    expected = worker.call(_count, text)
    assert 0 < expected <= CAP
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filter(HouseholdFilter(text=text))
    qtbot.waitUntil(lambda: model.total is not None, timeout=5000)
    assert not model.capped and model.total == expected and count_label(model) == f"共 {expected} 户"


def test_the_exact_count_follows_once_typing_stops(ops, worker, qtbot):
    from fupin_desktop.qt.models.households_table_model import HouseholdsTableModel
    from fupin_desktop.qt.views.page_households import count_label

    model = HouseholdsTableModel(ops, window=WINDOW, count_cap=CAP, exact_delay_ms=30)
    counts = []
    model.count_changed.connect(counts.append)
    model.set_filter(HouseholdFilter(text=MANY))
    qtbot.waitUntil(lambda: bool(counts), timeout=5000)
    assert counts[0] == CAP + 1 and count_label(model) == f"{CAP}+ 户（正在统计准确户数…）"
    qtbot.waitUntil(lambda: len(counts) == 2, timeout=5000)
    assert counts[1] == worker.call(_count, MANY) and not model.capped
    assert model.rowCount() == WINDOW  # the exact count loads no rows


def test_a_refresh_after_a_change_keeps_the_exact_count_shown(ops, worker, qtbot):
    from fupin_desktop.qt.models.households_table_model import HouseholdsTableModel
    from fupin_desktop.qt.views.page_households import count_label
    from fupin_desktop.services.changes import Changes

    model = HouseholdsTableModel(ops, window=WINDOW, count_cap=CAP, exact_delay_ms=30)
    counts = []
    model.count_changed.connect(counts.append)
    model.set_filter(HouseholdFilter(text=MANY))
    total = worker.call(_count, MANY)
    qtbot.waitUntil(lambda: counts == [CAP + 1, total], timeout=5000)
    shown = []
    model.count_changed.connect(lambda _n: shown.append(count_label(model)))
    model.on_changed(Changes(tables=frozenset({"households"})))
    qtbot.waitUntil(lambda: len(counts) == 3, timeout=5000)
    wait_idle(qtbot, ops)
    assert counts[2:] == [total] and shown == [f"共 {total} 户"]  # never back to "15+" in between
    assert count_label(model) == f"共 {total} 户"


def test_a_fresh_keystroke_stops_the_running_exact_count_and_drops_stale_answers(ops, worker, qtbot, monkeypatch):
    from fupin_desktop.qt.models.households_table_model import HouseholdsTableModel
    from fupin_desktop.services import background

    started, stopped = threading.Event(), []

    def slow_exact(ctx, household_filter, cancelled):  # an exact count that takes long on the county
        started.set()
        stopped.append(cancelled.wait(5))
        return 99_999  # what a stale answer would say

    monkeypatch.setattr(background, "count_households_exact", slow_exact)
    model = HouseholdsTableModel(ops, window=WINDOW, count_cap=CAP, exact_delay_ms=0)
    counts = []
    model.count_changed.connect(counts.append)
    few = worker.call(_first_head_name)
    model.set_filter(HouseholdFilter(text=MANY))
    qtbot.waitUntil(started.is_set, timeout=5000)
    model.set_filter(HouseholdFilter(text=few))  # the next keystroke
    wait_idle(qtbot, ops)
    assert stopped == [True]  # the running count gave way at once
    expected = worker.call(_count, few)
    assert model.filter.text == few and model.total == expected and not model.capped
    assert 99_999 not in counts and counts[-1] == expected


def test_stale_capped_counts_are_ignored(model, ops, worker, qtbot):
    few = worker.call(_first_head_name)
    counts = []
    model.count_changed.connect(counts.append)
    for text in ("6", "61", "610", MANY, few):
        model.set_filter(HouseholdFilter(text=text))
    wait_idle(qtbot, ops)
    assert counts == [worker.call(_count, few)] and not model.capped


def test_the_exact_count_stops_inside_sqlite_when_cancelled(worker, monkeypatch):
    from fupin_desktop.services import background
    from fupin_desktop.services.queries import count_households

    class SetOnceAsked(threading.Event):  # not set when the count starts, set as soon as SQLite asks
        def __init__(self):
            super().__init__()
            self.asked = 0

        def is_set(self):
            self.asked += 1
            return self.asked > 1

    monkeypatch.setattr(background, "PROGRESS_STEPS", 1)
    cancelled = SetOnceAsked()
    assert worker.call(background.count_households_exact, HouseholdFilter(text=MANY), cancelled) is None
    assert cancelled.asked > 1  # SQLite's progress handler asked and the statement was interrupted
    exact = worker.call(background.count_households_exact, HouseholdFilter(text=MANY), threading.Event())
    assert exact == worker.call(count_households, HouseholdFilter(text=MANY))  # the handler is gone afterwards


def test_the_households_page_shows_cap_plus_then_the_exact_count(services, worker, qtbot, monkeypatch):
    from fupin_desktop.qt.models import households_table_model
    from fupin_desktop.qt.views.page_households import HouseholdsPageView
    from fupin_desktop.services import queries

    monkeypatch.setattr(queries, "COUNT_CAP", CAP)
    monkeypatch.setattr(households_table_model, "EXACT_COUNT_DELAY_MS", 200)
    monkeypatch.setattr(households_table_model, "WINDOW", WINDOW)
    page = HouseholdsPageView(services)
    qtbot.addWidget(page)
    total = worker.call(_count, MANY)
    label = page.ui.countLabel
    qtbot.waitUntil(lambda: label.text() == f"共 {total} 户", timeout=5000)  # no text: exact at once (no cap)
    qtbot.keyClicks(page.ui.searchEdit, MANY)
    qtbot.waitUntil(lambda: label.text() == f"{CAP}+ 户（正在统计准确户数…）", timeout=5000)
    qtbot.waitUntil(lambda: label.text() == f"共 {total} 户", timeout=5000)
    assert page.model.filter.text == MANY and page.model.rowCount() < total
