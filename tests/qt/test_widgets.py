"""The small input widgets, driven by keyboard and input-method commits."""

import datetime as dt

from PySide6.QtCore import Qt

from fupin_desktop.domain.codes import LEDGER_CATEGORY, POVERTY_CAUSE, RELATION
from fupin_desktop.domain.problems import Problem
from fupin_desktop.qt.widgets.code_combo import CodeCombo, CodeEdit
from fupin_desktop.qt.widgets.date_edit import DateEdit, parse_date
from fupin_desktop.qt.widgets.id_number_edit import IdNumberEdit
from fupin_desktop.qt.widgets.money_edit import MoneyEdit
from fupin_desktop.qt.widgets.problem_list import ProblemList
from tests.qt.ime import type_chinese


def test_id_number_counts_while_typing_and_fills_sex_and_birth(qtbot):
    edit = IdNumberEdit()
    qtbot.addWidget(edit)
    edit.set_today(dt.date(2020, 6, 15))
    got = []
    edit.parsed.connect(got.append)
    qtbot.keyClicks(edit.edit, "1101051949")
    assert edit.reason() == "" and "还差8位" in edit.reason_label.text()
    qtbot.keyClicks(edit.edit, "1231002x")
    assert edit.reason() == "" and edit.number() == "11010519491231002X"
    assert got and got[-1].sex == "2" and got[-1].birth_date == dt.date(1949, 12, 31)


def test_id_number_shows_the_reason_beside_the_field(qtbot):
    edit = IdNumberEdit()
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit.edit, "130402198207290622")
    assert "校验码" in edit.reason() and edit.reason_label.text() == edit.reason()
    edit.setText("1304")
    qtbot.keyClick(edit.edit, Qt.Key.Key_Tab)
    edit._finished()
    assert "18位" in edit.reason()
    edit.setText("")
    edit.show_problem("error", "公民身份号码已登记在其他贫困户中")
    assert edit.reason_label.text() == "公民身份号码已登记在其他贫困户中"


def test_money_edit_to_fen_and_refusals(qtbot):
    edit = MoneyEdit()
    qtbot.addWidget(edit)
    errors = []
    edit.errorChanged.connect(errors.append)
    qtbot.keyClicks(edit, "1,234.5")
    assert edit.fen() == 123450 and edit.error() == ""
    edit.clear()
    qtbot.keyClicks(edit, "12.345")
    assert edit.fen() is None and "两位小数" in edit.error() and errors[-1] == edit.error()
    edit.clear()
    qtbot.keyClicks(edit, "-5")
    assert "负数" in edit.error()
    edit.clear()
    type_chinese(qtbot, edit, "１２元")
    assert edit.fen() == 1200
    edit.setFen(250000)
    assert edit.text() == "2,500.00" and edit.fen() == 250000


def test_code_combo_accepts_code_and_pinyin_initials(qtbot):
    combo = CodeCombo(table=POVERTY_CAUSE)
    qtbot.addWidget(combo)
    combo.show()
    qtbot.keyClicks(combo.lineEdit(), "yb")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    combo.commit()
    assert combo.code() == "1" and "因病" in combo.currentText()
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), "10")
    combo.commit()
    assert combo.code() == "10"
    refused = []
    combo.refused.connect(refused.append)
    combo.lineEdit().setText("xyzq")
    combo.commit()
    assert combo.code() == "10" and refused


def test_code_combo_chinese_via_input_method(qtbot):
    combo = CodeCombo(table=RELATION)
    qtbot.addWidget(combo)
    combo.lineEdit().clear()
    type_chinese(qtbot, combo, "配偶")
    combo.commit()
    assert combo.code() == "02"


def test_code_edit_resolves_on_demand(qtbot):
    edit = CodeEdit(table=LEDGER_CATEGORY)
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, "wg")
    assert edit.resolve_text() == "11" and "务工收入" in edit.text()


def test_date_edit_and_parse():
    ref = dt.date(2020, 6, 15)
    assert parse_date("15", ref) == dt.date(2020, 6, 15)
    assert parse_date("6.3", ref) == dt.date(2020, 6, 3)
    assert parse_date("20200601", ref) == dt.date(2020, 6, 1)
    assert parse_date("2020年6月1日", ref) == dt.date(2020, 6, 1)
    for bad in ("2020-02-30", "abc", "123"):
        try:
            parse_date(bad, ref)
        except ValueError as exc:
            assert str(exc)
        else:
            raise AssertionError(bad)


def test_date_edit_widget(qtbot):
    edit = DateEdit()
    qtbot.addWidget(edit)
    edit.set_reference(dt.date(2020, 6, 15))
    qtbot.keyClicks(edit, "3")
    edit._finished()
    assert edit.date() == dt.date(2020, 6, 3) and edit.text() == "2020-06-03"
    edit.setText("6-31")
    assert edit.date() is None and "不存在" in edit.error()


def test_problem_list_orders_and_activates(qtbot):
    problems = ProblemList()
    qtbot.addWidget(problems)
    warning = Problem("warning", "household.main_cause", "x", "提醒一")
    error = Problem("error", "member.ethnicity", "y", "错误一", "m1")
    problems.set_problems([warning, error])
    assert problems.item(0).text().endswith("错误一")
    with qtbot.waitSignal(problems.problemActivated) as blocker:
        problems.itemClicked.emit(problems.item(1))
    assert blocker.args == [warning]
