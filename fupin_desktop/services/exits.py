"""The exit procedure (厅字〔2016〕16号): record one step at a time, in order, with date and who."""

import datetime as dt

from fupin_desktop.domain import records as r
from fupin_desktop.domain.exits import check_next_step, exit_blockers, procedure_state, step_name
from fupin_desktop.domain.income import accounting_year_of, line_for_year
from fupin_desktop.services import derived
from fupin_desktop.services import households as hh
from fupin_desktop.services.changes import Changes
from fupin_desktop.services.errors import ValidationError
from fupin_desktop.services.ledger import year_summary
from fupin_desktop.storage import repository as repo
from fupin_desktop.storage import tables as t
from fupin_desktop.storage.mapping import to_row

FINAL_STEP = "6"
VERIFY_STEP = "2"


def steps_of(ctx, household_id: str) -> list[r.ExitStep]:
    return repo.select(ctx.db, r.ExitStep, "household_id = ?", [household_id], order_by="round, date, step")


def blockers(ctx, household_id: str, year: int | None = None):
    """Reasons the household may not exit yet (empty list = eligible)."""
    household, members = hh.load(ctx, household_id)
    year = year or accounting_year_of(ctx.clock.today(), ctx.settings)
    summary = year_summary(ctx, household_id, year, members)
    line = line_for_year(ctx.poverty_lines(), year)
    return exit_blockers(household, members, summary, line, year, ctx.settings, ctx.clock.today())


def record_step(ctx, household_id: str, step: str, *, date: dt.date, actor: str, note: str = "",
                outcome: str = "done") -> tuple[str, Changes]:
    """Record step ``step``; refused when out of order, dated wrongly, or (核实/销号) while blockers remain.

    An objection during 公示 (step 4, outcome "objection") sends the household back to step 1.
    销号 marks the household exited (脱贫状态 1, 脱贫年度 = the accounting year).
    """
    household, _members = hh.load(ctx, household_id)
    if not actor.strip():
        raise ValidationError("请填写办理人。")
    if date > ctx.clock.today():
        raise ValidationError("办理日期不能晚于今天。")
    steps = steps_of(ctx, household_id)
    reasons = check_next_step(steps, step, date, ctx.settings, outcome)
    if reasons:
        raise ValidationError("不能记录“" + step_name(step) + "”：" + "；".join(reasons))
    if outcome == "done" and step in (VERIFY_STEP, FINAL_STEP):
        found = [p for p in blockers(ctx, household_id) if p.level == "error"]
        if found:
            raise ValidationError("还不符合退出条件：" + "；".join(p.message for p in found), found)
    state = procedure_state(steps)
    record = r.ExitStep(id="", household_id=household_id, step=step, date=date, actor=actor.strip(),
                        note=note.strip(), outcome=outcome, round=state.round)
    row = to_row(record)
    del row["id"]
    reason = f"退出程序：{step_name(step)}" + ("（公示有异议，退回重新评议）" if outcome == "objection" else "")
    with ctx.write() as w:
        step_id = w.insert(t.EXIT_STEPS, row, reason=reason)
        if step == FINAL_STEP and outcome == "done":
            w.update(t.HOUSEHOLDS, household_id, {
                "exit_status": "1" if household.exit_status in ("0", "3", "") else household.exit_status,
                "exit_year": accounting_year_of(date, ctx.settings),
            }, reason=reason)
        derived.refresh(ctx, [household_id])
    return step_id, Changes.from_writer(w, [household_id])
