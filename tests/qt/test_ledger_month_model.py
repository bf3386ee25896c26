"""The 收支账本 month grid's model: the month's entries and the entry row, kept in Qt's own items."""

import datetime as dt
from types import SimpleNamespace

from PySide6.QtCore import QPersistentModelIndex, Qt

from fupin_desktop.qt.dialogs.ledger_month_model import AMOUNT, DATE, NOTE, RECORDER, LedgerMonthTableModel

TODAY = dt.date(2020, 6, 20)


def entry(n: int, **changes):
    values = dict(id=f"e{n}", date=dt.date(2020, 6, n), category="11", amount_fen=100 * n, quantity=None, unit="",
                  note=f"第{n}笔", recorded_by="测试员", reverses=None)
    return SimpleNamespace(**{**values, **changes})


def month(*entries, reversed_ids=frozenset(), month_no=6):
    return SimpleNamespace(year=2020, month=month_no, entries=list(entries), reversed_ids=frozenset(reversed_ids),
                           today=TODAY)


def texts(model, column=DATE):
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_saved_rows_are_read_only_and_the_entry_row_is_typed_into(qapp):
    model = LedgerMonthTableModel()
    model.set_month(month(entry(1), entry(3, amount_fen=-300, reverses="e2")))
    assert texts(model) == ["2020-06-01", "2020-06-03", ""]
    assert [str(model.headerData(row, Qt.Orientation.Vertical)) for row in range(3)] == ["1", "2", "＋"]
    assert model.headerData(AMOUNT, Qt.Orientation.Horizontal) == "金额（元）"
    assert not model.flags(model.index(0, NOTE)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(2, NOTE)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(2, RECORDER)) & Qt.ItemFlag.ItemIsEditable
    assert model.index(0, AMOUNT).data() == "1.00" and model.index(1, AMOUNT).data() == "-3.00"
    assert model.index(1, AMOUNT).data(Qt.ItemDataRole.ForegroundRole) is not None  # a reversal is red
    assert model.index(0, AMOUNT).data(Qt.ItemDataRole.ForegroundRole) is None


def test_a_recorded_entry_is_one_inserted_row_and_a_reversed_one_is_struck(qapp, qtbot):
    model = LedgerMonthTableModel()
    model.set_month(month(entry(1), entry(5)))
    model.set_draft("note", "还在输入")
    editing = QPersistentModelIndex(model.index(2, NOTE))  # the entry row, as the open editor holds it
    inserted = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    with qtbot.assertNotEmitted(model.modelReset):
        model.set_month(month(entry(1), entry(3), entry(5)))
        model.set_month(month(entry(1), entry(3), entry(5), entry(6, amount_fen=-100, reverses="e1"),
                              reversed_ids={"e1"}))
    assert inserted == [(1, 1), (3, 3)]
    assert texts(model) == ["2020-06-01", "2020-06-03", "2020-06-05", "2020-06-06", ""]
    assert editing.row() == 4 and model.index(4, NOTE).data() == "还在输入"
    assert model.headerData(4, Qt.Orientation.Vertical) == "＋"
    assert model.index(0, DATE).data(Qt.ItemDataRole.FontRole).strikeOut()


def test_assigning_the_entry_row_repaints_it(qapp, qtbot):
    model = LedgerMonthTableModel()
    model.set_month(month(entry(1)))
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.draft = {"date": dt.date(2020, 6, 2)}
    assert [changed.args[0].row(), changed.args[1].row()] == [1, 1]
    assert model.index(1, DATE).data() == "2020-06-02" and model.index(1, AMOUNT).data() == ""


def test_any_other_change_keeps_rows_in_place_and_a_new_month_starts_afresh(qapp, qtbot):
    model = LedgerMonthTableModel()
    model.set_month(month(entry(1), entry(2), entry(3)))
    model.set_draft("note", "还在输入")
    selected = QPersistentModelIndex(model.index(1, DATE))
    gone = QPersistentModelIndex(model.index(2, DATE))
    model.set_month(month(entry(1), entry(2, note="改过")))  # changed elsewhere: one fewer, one edited
    assert texts(model, NOTE) == ["第1笔", "改过", "还在输入"]
    assert selected.row() == 1 and gone.row() == 2  # a row whose place is gone goes to the entry row
    with qtbot.waitSignal(model.modelReset):
        model.set_month(month(entry(7, date=dt.date(2020, 5, 7)), month_no=5))
    assert texts(model) == ["2020-05-07", ""] and model.draft == {} and model.draft_row == 1
    assert model.headerData(1, Qt.Orientation.Vertical) == "＋"
