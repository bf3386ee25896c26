import datetime as dt

import pytest

from fupin_desktop.services import exits, ledger
from fupin_desktop.services.errors import ValidationError
from fupin_desktop.storage import tables as t


def test_entries_sum_into_the_year_and_reversals_cancel(ctx, household):
    ledger.add_entry(ctx, household, date=dt.date(2019, 11, 3), category="21", amount_fen=1_200_000)
    wage_id, changes = ledger.add_entry(ctx, household, date=dt.date(2020, 3, 1), category="11",
                                        amount_fen=900_000)
    ledger.add_entry(ctx, household, date=dt.date(2020, 4, 1), category="52", amount_fen=150_000)
    assert changes.tables == {t.LEDGER}
    summary = ledger.year_summary(ctx, household, 2020)
    assert summary.total_income_fen == 2_100_000
    assert summary.net_income_fen == 1_950_000
    assert summary.per_capita_fen == 650_000
    ledger.reverse_entry(ctx, wage_id, "重复记账")
    summary = ledger.year_summary(ctx, household, 2020)
    assert summary.total_income_fen == 1_200_000
    assert ctx.db.execute(f"SELECT count(*) FROM {t.LEDGER}").fetchone()[0] == 4  # the original stays
    with pytest.raises(ValidationError, match="已经冲销"):
        ledger.reverse_entry(ctx, wage_id, "再来一次")


@pytest.mark.parametrize("kwargs, message", [
    ({"category": "11", "amount_fen": 0}, "大于0"),
    ({"category": "11", "amount_fen": -5}, "冲销"),
    ({"category": "77", "amount_fen": 100}, "类别"),
    ({"category": "11", "amount_fen": 10**9}, "100万"),
])
def test_bad_entries_are_refused(ctx, household, kwargs, message):
    with pytest.raises(ValidationError, match=message):
        ledger.add_entry(ctx, household, date=dt.date(2020, 1, 1), **kwargs)
    assert ctx.db.execute(f"SELECT count(*) FROM {t.LEDGER}").fetchone()[0] == 0


def test_exit_procedure_in_order_with_objection(ctx, household, clock):
    ledger.add_entry(ctx, household, date=dt.date(2020, 1, 5), category="11", amount_fen=1_500_000)
    day = dt.date(2020, 5, 1)
    with pytest.raises(ValidationError, match="请先完成第1步"):
        exits.record_step(ctx, household, "2", date=day, actor="村两委")
    exits.record_step(ctx, household, "1", date=day, actor="村两委")
    exits.record_step(ctx, household, "2", date=day, actor="驻村工作队")
    exits.record_step(ctx, household, "3", date=day, actor="户主")
    exits.record_step(ctx, household, "4", date=dt.date(2020, 5, 2), actor="村委会")
    with pytest.raises(ValidationError, match="公示须满"):
        exits.record_step(ctx, household, "5", date=dt.date(2020, 5, 5), actor="乡镇")
    exits.record_step(ctx, household, "4", date=dt.date(2020, 5, 6), actor="村委会", outcome="objection",
                      note="群众反映收入不实")
    assert exits.procedure_state(exits.steps_of(ctx, household)).next_step == "1"
    assert ctx.db.execute(f"SELECT exit_step FROM {t.HOUSEHOLDS}").fetchone()[0] == ""


def test_exit_to_the_end_marks_the_household_exited(ctx, household):
    ledger.add_entry(ctx, household, date=dt.date(2020, 1, 5), category="11", amount_fen=1_500_000)
    for step, day in zip("123456", (1, 2, 3, 4, 12, 13), strict=True):
        exits.record_step(ctx, household, step, date=dt.date(2020, 5, day), actor="村两委")
    row = ctx.db.execute(f"SELECT exit_status, exit_year, exit_step FROM {t.HOUSEHOLDS}").fetchone()
    assert row == ("1", 2020, "6")


def test_verification_is_refused_while_blockers_remain(ctx, household):
    exits.record_step(ctx, household, "1", date=dt.date(2020, 5, 1), actor="村两委")
    with pytest.raises(ValidationError, match="不符合退出条件"):
        exits.record_step(ctx, household, "2", date=dt.date(2020, 5, 2), actor="工作队")
