"""The deadline board (脱贫时限) worked out by services.deadlines, without any window."""

import datetime as dt

import pytest

from fupin_desktop.services import deadlines
from fupin_desktop.services.deadlines import DeadlineRow, deadline_board, group_board
from fupin_desktop.services.exits import record_step
from fupin_desktop.services.households import create_household
from fupin_desktop.services.ledger import add_entry
from tests.services.factories import household_values


def _head(number: str) -> list[dict]:
    from fupin_desktop.domain.idnumber import make_id_number

    seq = int(number[-3:]) % 500 * 2 + 1
    return [{"name": f"户主{number[-2:]}", "id_number": make_id_number("610702", dt.date(1965, 3, 12), seq),
             "relation": "01", "education": "02", "health": "01", "labour": "01"}]


def _household(ctx, helper, number: str, **values) -> str:
    household_id, _ = create_household(ctx, household_values(number=number, **values), _head(number),
                                       helper_id=helper, accept_note="测试")
    return household_id


@pytest.fixture
def board_households(ctx, village, helper):
    made = {
        "overdue": _household(ctx, helper, "610702000101", planned_exit_year=2018),
        "no_book": _household(ctx, helper, "610702000102", planned_exit_year=2020),
        "low_income": _household(ctx, helper, "610702000103", planned_exit_year=2020),
        "later": _household(ctx, helper, "610702000104", planned_exit_year=2023),
        "unplanned": _household(ctx, helper, "610702000105", planned_exit_year=None),
        "exited": _household(ctx, helper, "610702000106", planned_exit_year=2019, exit_status="1",
                             exit_year=2019),
        "publicity": _household(ctx, helper, "610702000107", planned_exit_year=2023),
    }
    add_entry(ctx, made["low_income"], date=dt.date(2020, 5, 2), category="11", amount_fen=10_000)
    add_entry(ctx, made["publicity"], date=dt.date(2020, 5, 2), category="11", amount_fen=2_000_000)
    for step in ("1", "2", "3"):
        record_step(ctx, made["publicity"], step, date=dt.date(2020, 6, 1), actor="村两委")
    return made


def test_every_household_still_to_exit_gets_its_status_reason_and_next_step(ctx, board_households):
    board = deadline_board(ctx)
    by_id = {row.household_id: row for row in board.rows}
    ids = {value: key for key, value in board_households.items()}
    assert board_households["exited"] not in by_id
    status = {ids[hid]: (row.status, row.reason) for hid, row in by_id.items() if hid in ids}
    assert status["overdue"] == ("overdue", "计划2018年脱贫，已逾期2年")
    assert status["no_book"] == ("at_risk", "本年度还没有记账")
    assert status["low_income"] == ("at_risk", "按目前收入到年底达不到贫困线")
    assert status["later"] == ("on_track", "")
    assert status["unplanned"] == ("on_track", "")
    low = by_id[board_households["low_income"]]
    assert low.below_line and low.projected_fen is not None and low.line_fen is not None
    publicity = by_id[board_households["publicity"]]
    assert (publicity.step, publicity.step_name, publicity.next_action) == ("3", "户认可", "在村内公示")
    assert by_id[board_households["later"]].next_action == "组织民主评议"
    assert board.counts == {"overdue": 1, "at_risk": 2, "on_track": 3, "done": 0}
    assert [year.year for year in board.years] == [2018, 2020, 2023, None]


def test_exited_households_are_shown_on_request(ctx, board_households):
    board = deadline_board(ctx, include_done=True)
    exited = next(r for r in board.rows if r.household_id == board_households["exited"])
    assert exited.status == "done" and board.counts["done"] == 1


def test_progress_is_reported_to_the_end(ctx, board_households):
    seen = []
    deadlines.deadline_rows(ctx, progress=lambda done, total: seen.append((done, total)))
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] == len(board_households)


def _row(hid, year, step, status):
    return DeadlineRow(hid, hid, hid, "一组", year, step, step or "未开始", status, "", None, None, "")


def test_groups_years_then_furthest_steps_then_overdue_and_at_risk_first():
    rows = [_row("a", 2020, "", "on_track"), _row("b", 2020, "", "overdue"), _row("c", 2019, "3", "at_risk"),
            _row("d", 2020, "4", "at_risk"), _row("e", None, "", "on_track")]
    years = group_board(rows)
    assert [y.year for y in years] == [2019, 2020, None]
    assert [g.step for g in years[1].steps] == ["4", ""]
    assert [r.household_id for r in years[1].steps[1].rows] == ["b", "a"]
    assert years[1].counts == {"overdue": 1, "at_risk": 1, "on_track": 1, "done": 0} and years[1].size == 3
    assert deadlines.count_by_status(rows) == {"overdue": 1, "at_risk": 2, "on_track": 2, "done": 0}
