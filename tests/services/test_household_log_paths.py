"""The household's change history and undo preview, read through the change log's (tbl, row_id) index, equal
what the former whole-log scans returned (kept here as the oracle) on a household with many kinds of edits."""

import datetime as dt
import json

import pytest

from fupin_desktop.services import households as hh
from fupin_desktop.services import ledger
from fupin_desktop.services.exits import record_step
from fupin_desktop.services.helpers import assign_helper, create_helper, update_helper
from fupin_desktop.services.household_log import logged_tables
from fupin_desktop.services.measures import add_measure, add_visit, update_measure
from fupin_desktop.services.queries import HistoryEntry, history
from fupin_desktop.services.undo import (
    UNDO_SOURCE,
    UndoEntry,
    UndoPreview,
    UndoRefusedError,
    last_operation,
    undo_last,
)
from fupin_desktop.storage import tables as t
from tests.services.factories import household_values, members_values

# --- the former implementations (the oracle) ----------------------------------------------------------------

CHILD_TABLES = (t.MEMBERS, t.PAIRINGS, t.MEASURES, t.VISITS, t.EXIT_STEPS)


def _old_ids(ctx, household_id):
    ids = [household_id]
    for table in CHILD_TABLES:
        ids += [row[0] for row in ctx.db.execute(f"SELECT id FROM {table} WHERE household_id = ?", [household_id])]
    return ids


def old_history(ctx, household_id, *, limit=2000):
    child_ids = _old_ids(ctx, household_id)
    marks = ",".join("?" for _ in child_ids)
    rows = ctx.db.execute(
        f"SELECT hlc, operator, tbl, row_id, field, old, new, reason, source FROM {t.CHANGELOG}"
        f" WHERE row_id IN ({marks})"
        f" UNION ALL SELECT hlc, operator, '{t.LEDGER}', id, '*', NULL,"
        " json_object('date', date, 'category', category, 'amount_fen', amount_fen, 'note', note), reason, ''"
        f" FROM {t.LEDGER} WHERE household_id = ? ORDER BY 1 DESC LIMIT ?",
        [*child_ids, household_id, limit]).fetchall()
    result = []
    for stamp, operator, table, row_id, field_name, old, new, reason, source in rows:
        when = dt.datetime.fromtimestamp(int(stamp.split(".")[0]) / 1000)
        result.append(HistoryEntry(stamp, when, operator, table, row_id, field_name, old, new, reason, source))
    return result


def _loads(text):
    return None if text is None else json.loads(text)


def _stamp_time(stamp):
    return dt.datetime.fromtimestamp(int(stamp.split(".")[0]) / 1000)


def old_last_operation(ctx, household_id):
    ids = _old_ids(ctx, household_id)
    marks = ",".join("?" for _ in ids)
    undone = {
        row[0][len(UNDO_SOURCE):]
        for row in ctx.db.execute(
            f"SELECT DISTINCT source FROM {t.CHANGELOG} WHERE source LIKE ? AND row_id IN ({marks})",
            [UNDO_SOURCE + "%", *ids],
        )
    }
    candidates = ctx.db.execute(
        f"SELECT op_id, max(hlc) AS stamp FROM {t.CHANGELOG} WHERE source = '' AND row_id IN ({marks})"
        " GROUP BY op_id ORDER BY stamp DESC",
        ids,
    ).fetchall()
    op = next(((op_id, stamp) for op_id, stamp in candidates if op_id not in undone), None)
    book = ctx.db.execute(
        f"SELECT max(hlc) FROM {t.LEDGER} WHERE household_id = ? AND device = ?", [household_id, ctx.device_id]
    ).fetchone()[0]
    if op is None:
        if book:
            return UndoPreview("", _stamp_time(book), "", "收支账本记账", (),
                               refused="收支账本的记录不能撤销，请在收支账本中用“冲销”更正。")
        return None
    op_id, stamp = op
    rows = ctx.db.execute(
        f"SELECT seq, tbl, row_id, field, old, new, operator, reason FROM {t.CHANGELOG} WHERE op_id = ?"
        " ORDER BY seq",
        [op_id],
    ).fetchall()
    entries = tuple(
        UndoEntry(seq, tbl, row_id, field, _loads(old), _loads(new))
        for seq, tbl, row_id, field, old, new, _op, _reason in rows
    )
    operator, reason = rows[0][6], rows[0][7]
    refused = ""
    if book and book > stamp:
        return UndoPreview("", _stamp_time(book), "", "收支账本记账", (),
                           refused="最近一次修改是收支账本记账：账本记录不能撤销，请在收支账本中用“冲销”更正。")
    if any(e.table == t.HOUSEHOLDS and e.field == "*" for e in entries):
        refused = "新建档案这一步不能撤销；如确需删除，请使用“删除档案”并填写原因。"
    elif any(e.table not in (t.HOUSEHOLDS, *CHILD_TABLES) for e in entries):
        refused = "这次修改涉及其他档案（如帮扶干部信息），不能在这里撤销。"
    return UndoPreview(op_id, _stamp_time(stamp), operator, reason, entries, refused)


# --- a household with many edits --------------------------------------------------------------------------


def _edits(ctx, first, second):
    """Steps of every kind, the other household's edits interleaved; yields after each step."""
    helper_a, _ = create_helper(ctx, {"name": "王干部", "unit": "区农业局"})
    helper_b, _ = create_helper(ctx, {"name": "赵干部", "unit": "区教育局"})
    yield
    assign_helper(ctx, first, helper_a)
    assign_helper(ctx, second, helper_b)
    yield
    for i in range(4):  # several fields in one save share one stamp
        hh.update_household(ctx, first, {"phone": f"1390000000{i}", "village_group": "二组" if i % 2 else "三组",
                                         "house_area": 90.0 + i}, reason=f"第{i}次核实")
        hh.update_household(ctx, second, {"phone": f"1370000000{i}"}, reason="核实")
        yield
    member_id, _ = hh.add_member(ctx, first, {"name": "张小红", "id_number": "610702201203040025", "relation": "04",
                                              "schooling": "03", "health": "01"}, accept_note="新生")
    yield
    hh.update_member(ctx, member_id, {"health": "02", "schooling": "04"}, reason="体检", accept_note="核实")
    yield
    measure_id, _ = add_measure(ctx, first, {"kind": "plan", "category": "01", "title": "种植魔芋",
                                             "funds_fen": 200000})
    update_measure(ctx, measure_id, {"funds_fen": 300000}, reason="追加")
    yield
    add_visit(ctx, first, date=dt.date(2020, 6, 10), visitor="王干部", findings="住房已改造")
    record_step(ctx, first, "1", date=dt.date(2020, 6, 1), actor="村两委")
    yield
    undo_last(ctx, first)
    yield
    undo_last(ctx, first)
    yield
    for day in range(1, 13):
        ledger.add_entry(ctx, first, date=dt.date(2020, 5, day), category="11", amount_fen=1000 * day)
        if day % 4 == 0:
            hh.update_household(ctx, first, {"phone": f"1380000{day:04d}"}, reason="改电话")
            yield
    with ctx.write(source="import:bundle") as w:  # a field changed again by an import
        w.update(t.HOUSEHOLDS, first, {"phone": "13911111111"}, reason="乡镇更正")
    yield
    hh.update_household(ctx, first, {"phone": "13922222222"}, reason="再改")
    yield
    with ctx.write() as w:  # one operation over a helper and the household: refused, entries of both tables
        assert w.update(t.HELPERS, helper_a, {"phone": "13500000000"}, reason="一并修改")
        w.update(t.HOUSEHOLDS, first, {"phone": "13933333333"}, reason="一并修改")
    yield
    with ctx.write() as w:  # one operation over both households
        w.update(t.HOUSEHOLDS, first, {"phone": "13944444444"}, reason="两户一起")
        w.update(t.HOUSEHOLDS, second, {"phone": "13944444445"}, reason="两户一起")
    yield
    update_helper(ctx, helper_a, {"unit": "区财政局"})
    yield
    # a log row of some other table whose row id happens to be the household's: the former filter matched it
    ctx.db.execute(
        f"INSERT INTO {t.CHANGELOG} (op_id, tbl, row_id, field, old, new, hlc, device, operator, reason, source)"
        " VALUES ('x-op', 'zz_notes', ?, 'text', NULL, '\"备注\"', ?, ?, '测试员', '备注', '')",
        [first, ctx.hlc.tick(), ctx.device_id])
    yield


@pytest.fixture
def two(ctx, village):
    first, _ = hh.create_household(ctx, household_values(), members_values(), accept_note="核实无误")
    second, _ = hh.create_household(ctx, household_values(number="6107020002"), [
        {"name": "刘大海", "id_number": "610702195001010014", "relation": "01", "education": "02",
         "health": "01", "labour": "01"},
    ], accept_note="核实无误")
    return first, second


def test_history_and_undo_preview_equal_the_former_ones_after_every_step(ctx, two):
    first, second = two
    steps = 0
    for _ in _edits(ctx, first, second):
        steps += 1
        for household in (first, second, "nope"):
            full = old_history(ctx, household)
            assert history(ctx, household) == full
            for limit in (1, 3, 7, 15, 500):
                assert history(ctx, household, limit=limit) == old_history(ctx, household, limit=limit)
            assert last_operation(ctx, household) == old_last_operation(ctx, household)
    assert steps > 15
    assert any(e.table == "zz_notes" for e in history(ctx, first))  # found through the named tables
    assert len([e for e in history(ctx, first) if e.table == t.LEDGER]) == 12


def test_undo_walks_back_as_before_with_the_new_lookups(ctx, two):
    first, second = two
    for _ in _edits(ctx, first, second):
        pass
    while True:
        expected = old_last_operation(ctx, first)
        assert last_operation(ctx, first) == expected
        if expected is None or expected.refused:
            break
        undo_last(ctx, first)
    with pytest.raises(UndoRefusedError):
        undo_last(ctx, first)


def _plans(ctx, run) -> list[str]:
    statements = []
    ctx.db.conn.set_trace_callback(statements.append)
    try:
        run()
    finally:
        ctx.db.conn.set_trace_callback(None)
    plans = []
    for sql in statements:
        if t.CHANGELOG in sql and sql.lstrip().upper().startswith(("SELECT", "WITH")):
            detail = " | ".join(row[3] for row in ctx.db.execute("EXPLAIN QUERY PLAN " + sql))
            plans.append((sql, detail))
    return plans


def test_the_log_is_read_through_its_row_index_not_scanned(ctx, two):
    first, second = two
    for _ in _edits(ctx, first, second):
        pass
    hh.update_household(ctx, first, {"phone": "13955555555"}, reason="最后一次")
    ledger.add_entry(ctx, first, date=dt.date(2020, 6, 1), category="11", amount_fen=100)  # book is newest
    assert last_operation(ctx, first).refused  # refused before the operation's rows are read
    plans = _plans(ctx, lambda: (history(ctx, first, limit=500), last_operation(ctx, first)))
    assert len(plans) >= 3
    for sql, detail in plans:
        assert "SCAN changelog" not in detail, (sql, detail)
        assert "idx_changelog_row" in detail, (sql, detail)


def test_logged_tables_lists_every_table_of_the_log(ctx, two):
    expected = sorted({row[0] for row in ctx.db.execute(f"SELECT DISTINCT tbl FROM {t.CHANGELOG}")})
    assert logged_tables(ctx.db) == expected and t.HOUSEHOLDS in expected
