"""Exit (脱贫退出) of a household: the procedure of 厅字〔2016〕16号, the exit criteria, the deadline board.

DOMAIN.md §3.4 (收入稳定超过贫困线 and 两不愁三保障, 饮水安全 from 2019, no exit in the identification year) and
§3.5 (民主评议 → 核实 → 户认可 → 村内公示 → 乡镇审核公告 → 销号; an objection during 公示 sends the household
back to 民主评议 in a new round).
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fupin_desktop.domain.codes import EXIT_STEP
from fupin_desktop.domain.income import IncomeSummary, accounting_year_of, format_yuan, project_year_end
from fupin_desktop.domain.problems import ERROR, Problem
from fupin_desktop.domain.records import ExitStep, Household, Member, PovertyLine, Settings

STEP_CODES = ("1", "2", "3", "4", "5", "6")
PUBLICITY_STEP = "4"
REVIEW_STEP = "5"
FINAL_STEP = "6"
OUTCOMES = ("done", "objection")
EXITED_STATUSES = frozenset({"1", "4"})
SAFE_HOUSE_RATINGS = frozenset({"A", "B"})


def step_name(code: str) -> str:
    return EXIT_STEP.label(code, code)


def _step_order(code: str) -> int:
    return STEP_CODES.index(code) if code in STEP_CODES else len(STEP_CODES)


@dataclass(frozen=True)
class ProcedureState:
    round: int  # 1, 2 … (an objection during 公示 starts a new round)
    done: tuple[str, ...]  # step codes done in the current round, in order
    last_step: str | None  # code of the last step done in the current round (None at the start of a round)
    next_step: str | None  # the step to record next; None once 销号 is done
    objected: bool  # the last thing recorded is an objection: the household was sent back
    last_date: dt.date | None = None  # date of ``last_step``

    @property
    def started(self) -> bool:
        return self.round > 1 or bool(self.done)

    @property
    def finished(self) -> bool:
        return self.next_step is None


def _ordered(steps: Iterable[ExitStep]) -> list[ExitStep]:
    live = [s for s in steps if not s.deleted]
    return sorted(live, key=lambda s: (s.round, s.date, _step_order(s.step), s.outcome == "objection"))


def procedure_state(steps: Sequence[ExitStep]) -> ProcedureState:
    """Where the household stands in the exit procedure; deleted steps are ignored.

    Rounds are derived from the steps themselves: an objection on 村内公示 closes the round it belongs to.
    A step recorded twice in a round counts once; the next step is the first one of 1…6 not yet done.
    """
    round_no = 1
    done: list[str] = []
    last: ExitStep | None = None
    objected = False
    for step in _ordered(steps):
        if step.outcome == "objection":
            if step.step == PUBLICITY_STEP:
                round_no += 1
                done, last, objected = [], None, True
            continue
        if step.step not in STEP_CODES or step.step in done:
            continue
        done.append(step.step)
        last, objected = step, False
    next_step = next((code for code in STEP_CODES if code not in done), None)
    return ProcedureState(
        round_no,
        tuple(done),
        last.step if last else None,
        next_step,
        objected,
        last.date if last else None,
    )


def _current_round_steps(steps: Sequence[ExitStep]) -> dict[str, ExitStep]:
    """Step code → the step recorded for it in the current round."""
    found: dict[str, ExitStep] = {}
    for step in _ordered(steps):
        if step.outcome == "objection" and step.step == PUBLICITY_STEP:
            found = {}
        elif step.outcome == "done" and step.step in STEP_CODES and step.step not in found:
            found[step.step] = step
    return found


def check_next_step(
    steps: Sequence[ExitStep], step_code: str, day: dt.date, settings: Settings, outcome: str = "done"
) -> list[str]:
    """Chinese reasons why recording ``step_code`` (with ``outcome``) on ``day`` is refused; empty = allowed.

    An objection (``outcome="objection"``) may only be recorded on 村内公示, once the publicity has started
    (or in place of it) and before 乡镇审核公告.
    """
    reasons: list[str] = []
    if step_code not in STEP_CODES:
        return [f"未知的退出步骤“{step_code}”"]
    if outcome not in OUTCOMES:
        return [f"未知的结果“{outcome}”：只能是完成或有异议"]
    state = procedure_state(steps)
    recorded = _current_round_steps(steps)
    number = _step_order(step_code) + 1
    if state.finished:
        return ["退出程序已全部完成（已销号），不能再记录步骤"]
    if outcome == "objection":
        if step_code != PUBLICITY_STEP:
            return ["只有村内公示（第4步）可以记录异议"]
        if _step_order(state.next_step) < _step_order(PUBLICITY_STEP):
            reasons.append(f"请先完成第{_step_order(state.next_step) + 1}步：{step_name(state.next_step)}")
        elif _step_order(state.next_step) > _step_order(REVIEW_STEP):
            reasons.append("乡镇审核公告之后不能再记录公示异议")
        else:
            publicity = recorded.get(PUBLICITY_STEP)
            previous = publicity or recorded.get("3")
            if previous is not None and day < previous.date:
                reasons.append(f"日期早于“{step_name(previous.step)}”的日期（{previous.date.isoformat()}）")
        return reasons
    if step_code in state.done:
        return [f"第{number}步“{step_name(step_code)}”在本轮已经完成"]
    if step_code != state.next_step:
        reasons.append(f"请先完成第{_step_order(state.next_step) + 1}步：{step_name(state.next_step)}")
        return reasons
    if state.last_step is not None and state.last_date is not None and day < state.last_date:
        reasons.append(f"日期早于上一步“{step_name(state.last_step)}”的日期（{state.last_date.isoformat()}）")
    if step_code == REVIEW_STEP and PUBLICITY_STEP in recorded:
        began = recorded[PUBLICITY_STEP].date
        earliest = began + dt.timedelta(days=settings.publicity_days)
        if day < earliest:
            reasons.append(
                f"村内公示须满{settings.publicity_days}天：公示自{began.isoformat()}开始，"
                f"最早可于{earliest.isoformat()}报乡镇审核"
            )
    return reasons


def _income_blockers(summary: IncomeSummary | None, line: PovertyLine | None, year: int) -> list[Problem]:
    if summary is None or summary.entries_count == 0:
        return [Problem(ERROR, "ledger", "exit_no_book", f"没有{year}年度的收支账本记录，无法核算人均纯收入")]
    if line is None:
        return [Problem(ERROR, "ledger", "exit_no_line", f"未录入{year}年度的贫困线，无法判断收入是否达标")]
    if summary.per_capita_fen <= line.line_fen:
        gap = line.line_fen - summary.per_capita_fen
        return [
            Problem(
                ERROR,
                "ledger",
                "exit_income_below_line",
                f"人均纯收入{format_yuan(summary.per_capita_fen)}元，未高于{line.year}年度贫困线"
                f"{format_yuan(line.line_fen)}元（差{format_yuan(gap)}元，须高于贫困线）",
            )
        ]
    return []


def guarantee_blockers(
    household: Household, members: Iterable[Member], year: int, settings: Settings, today: dt.date
) -> list[Problem]:
    """两不愁三保障 and 饮水安全 blockers (no income, no identification-year rule)."""
    problems: list[Problem] = []
    if not household.food_secure:
        problems.append(Problem(ERROR, "household.food_secure", "exit_food", "尚未做到不愁吃"))
    if not household.clothing_secure:
        problems.append(Problem(ERROR, "household.clothing_secure", "exit_clothing", "尚未做到不愁穿"))
    for member in members:
        if not member.active:
            continue
        age = member.age_on(today)
        if age is not None and 6 <= age <= 15 and member.schooling == "01" and member.health == "01":
            problems.append(
                Problem(
                    ERROR,
                    "member.schooling",
                    "exit_compulsory_education",
                    f"{member.name}：{age}岁，身体健康却未在校，义务教育没有保障",
                    member.id,
                )
            )
        if not member.medical_insurance:
            problems.append(
                Problem(
                    ERROR,
                    "member.medical_insurance",
                    "exit_medical_insurance",
                    f"{member.name}：未参加城乡居民基本医疗保险，基本医疗没有保障",
                    member.id,
                )
            )
    if household.house_rating not in SAFE_HOUSE_RATINGS and not household.relocation_keys_handed:
        if household.house_rating:
            text = f"住房为{household.house_rating}级危房，且未交付易地搬迁安置房钥匙，住房安全没有保障"
        else:
            text = "未评定住房安全等级（须为A级或B级，或已交付易地搬迁安置房钥匙）"
        problems.append(Problem(ERROR, "household.house_rating", "exit_housing", text))
    if year >= settings.water_rule_from_year and household.water_safe is not True:
        text = "饮水安全未达标" if household.water_safe is False else "未填写饮水安全情况"
        problems.append(
            Problem(
                ERROR,
                "household.water_safe",
                "exit_water",
                f"{text}（{settings.water_rule_from_year}年起为退出条件）",
            )
        )
    return problems


def exit_blockers(
    household: Household,
    members: Iterable[Member],
    summary: IncomeSummary | None,
    line: PovertyLine | None,
    year: int,
    settings: Settings,
    today: dt.date,
) -> list[Problem]:
    """Reasons the household may not exit in accounting year ``year`` (DOMAIN.md §3.4); empty = eligible."""
    problems = _income_blockers(summary, line, year)
    problems += guarantee_blockers(household, members, year, settings, today)
    if (
        settings.no_exit_in_identification_year
        and household.identified_on is not None
        and household.identified_on.year == year
    ):
        problems.append(
            Problem(
                ERROR,
                "household.identified_on",
                "exit_identified_this_year",
                f"{year}年新识别的贫困户，当年不能脱贫退出",
            )
        )
    return problems


def is_exited(household: Household, state: ProcedureState | None = None) -> bool:
    return household.exit_status in EXITED_STATUSES or (state is not None and FINAL_STEP in state.done)


def deadline_status(
    household: Household,
    state: ProcedureState,
    summary: IncomeSummary | None,
    line: PovertyLine | None,
    today: dt.date,
    settings: Settings,
    *,
    members: Iterable[Member] = (),
) -> str:
    """The household's mark on the deadline board: ``done``, ``overdue``, ``at_risk`` or ``on_track``.

    ``at_risk``: planned to exit this accounting year or the next, and either the per-capita net income
    projected to this year's end is not above the line (no book at all counts as not above), or a
    两不愁三保障/饮水 blocker is open (member blockers only when ``members`` are given). No planned year: on track.
    """
    if is_exited(household, state):
        return "done"
    planned = household.planned_exit_year
    current = accounting_year_of(today, settings)
    if planned is None:
        return "on_track"
    if planned < current:
        return "overdue"
    if planned > current + 1:
        return "on_track"
    if summary is None or summary.entries_count == 0:
        return "at_risk"
    if line is not None and project_year_end(summary, today) <= line.line_fen:
        return "at_risk"
    if guarantee_blockers(household, members, planned, settings, today):
        return "at_risk"
    return "on_track"


_NEXT_ACTIONS = {
    "1": "组织民主评议",
    "2": "入户核实收入和两不愁三保障，填写验收表",
    "3": "请户主签字（或按手印）认可",
    "4": "在村内公示",
    "5": "公示期满后报乡镇审核",
    "6": "乡镇公告后销号",
}


def next_action(state: ProcedureState) -> str:
    """What to do next, in Chinese, for the deadline board."""
    if state.next_step is None:
        return "已销号，继续跟踪帮扶（脱贫不脱政策）"
    if state.objected:
        return "公示有异议，重新组织民主评议"
    return _NEXT_ACTIONS[state.next_step]
