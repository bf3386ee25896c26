"""Where each demo household stands: exit deadline and procedure steps, measures (一户一策), visits.

Fates are drawn so that the deadline board shows every state: households exited long ago (steps 1–6 done,
status 1 or 4), some that fell back (返贫), households mid-procedure at every step, a few whose 公示 drew an
objection (sent back to 民主评议 in round 2), and households behind their 计划脱贫年度.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from fupin_desktop.domain.records import Settings

_PLANNED_YEARS = (2016, 2017, 2018, 2019, 2020)
_PLANNED_CUM = (10, 30, 55, 80, 100)
_STEP_NOTES = {
    "1": "村民代表会议民主评议通过",
    "2": "入户核实家庭收入及两不愁三保障情况，填写脱贫验收表",
    "3": "户主签字确认",
    "4": "在村务公开栏公示",
    "5": "乡镇审核通过并公告",
    "6": "系统标注脱贫",
}


@dataclass
class ExitPlan:
    planned_year: int
    status: str = "0"
    exit_year: int | None = None
    steps: list[tuple] = field(default_factory=list)  # (step, date, note, outcome, round)
    in_procedure: bool = False


def _d(day: dt.date, days: float) -> dt.date:
    return day + dt.timedelta(days=int(days))


def _schedule(rng: random.Random, year: int, publicity_days: int) -> list[tuple[str, dt.date]]:
    r = rng.random
    s1 = _d(dt.date(year, 9, 1), r() * 50)
    s2 = _d(s1, 3 + r() * 10)
    s3 = _d(s2, 1 + r() * 5)
    s4 = _d(s3, 1 + r() * 3)
    s5 = _d(s4, publicity_days + r() * 9)
    s6 = _d(s5, 3 + r() * 13)
    return list(zip("123456", (s1, s2, s3, s4, s5, s6), strict=True))


def _backwards(rng: random.Random, last: dt.date, count: int, publicity_days: int) -> list[tuple[str, dt.date]]:
    """Steps 1…count done, the last one on ``last``."""
    dates = [last]
    for step in range(count, 1, -1):
        gap = publicity_days + rng.random() * 6 if step == 5 else 1 + rng.random() * 8
        dates.append(_d(dates[-1], -gap))
    return list(zip("123456", reversed(dates), strict=False))


def plan_exit(rng: random.Random, identified: dt.date, today: dt.date, settings: Settings) -> ExitPlan:
    r = rng.random
    planned = max(rng.choices(_PLANNED_YEARS, cum_weights=_PLANNED_CUM)[0], identified.year + 1)
    plan = ExitPlan(min(planned, 2020))
    cy = today.year
    days = settings.publicity_days
    x = r()
    if plan.planned_year < cy:
        fate = ("exited" if x < 0.84 else "returned" if x < 0.86 else "progress" if x < 0.92
                else "objection" if x < 0.94 else "waiting")
    elif plan.planned_year == cy:
        fate = "exited" if x < 0.55 else "progress" if x < 0.75 else "objection" if x < 0.78 else "waiting"
    else:
        fate = "waiting" if x < 0.85 else "progress" if x < 0.95 else "early"
    if fate == "early":
        fate = "exited" if cy - 1 > identified.year else "waiting"
        year = cy - 1
    else:
        year = plan.planned_year + (1 if fate == "exited" and r() < 0.08 and plan.planned_year + 1 < cy else 0)
    if fate in ("exited", "returned"):
        steps = [(s, d) for s, d in _schedule(rng, year, days) if d <= today]
        plan.steps = [(s, d, _STEP_NOTES[s], "done", 1) for s, d in steps]
        if len(steps) == 6:
            plan.exit_year = year
            if fate == "returned":
                plan.status = "3"
            else:
                plan.status = "4" if cy > year and r() < (0.4 if year <= 2017 else 0.1) else "1"
        else:
            plan.in_procedure = bool(steps)
    elif fate == "progress":
        count = 1 + int(r() * 5)
        plan.steps = [(s, d, _STEP_NOTES[s], "done", 1)
                      for s, d in _backwards(rng, _d(today, -1 - r() * 30), count, days)]
        plan.in_procedure = True
    elif fate == "objection":
        round_two = r() < 0.5
        objection = _d(today, -(25 + r() * 20) if round_two else -(5 + r() * 60))
        steps = _backwards(rng, _d(objection, -2 - r() * 4), 4, days)
        plan.steps = [(s, d, _STEP_NOTES[s], "done", 1) for s, d in steps]
        plan.steps.append(("4", objection, "公示期间群众反映家庭收入核算不实，退回重新评议", "objection", 1))
        if round_two:
            plan.steps.append(("1", _d(objection, 10 + r() * 10), "重新核算收入后再次民主评议", "done", 2))
        plan.in_procedure = True
    return plan


# -- measures (一户一策) --------------------------------------------------------------------------------------

_INDUSTRY = (("发展生猪养殖", "3头", 1500), ("种植茶叶", "2亩", 2000), ("种植猕猴桃", "1亩", 2400),
             ("养殖土鸡", "50只", 1000), ("种植食用菌", "2000袋", 3000), ("种植中药材", "2亩", 1600))
_TRAINING = ("电工", "厨师", "家政服务", "挖掘机操作", "电商运营", "茶叶加工")


def measure_plans(rng: random.Random, cause: str, facts: dict) -> list[tuple]:
    """(category, title, scale, funds yuan) of the household's plan."""
    r = rng.random
    plans = []
    if cause == "1" or facts["ill"]:
        plans.append(("06", "健康扶贫：医保个人缴费代缴、大病保险、家庭医生签约", f"{facts['people']}人",
                      280 * facts["people"]))
    if cause == "2" or facts["disabled"]:
        plans.append(("10", "社会保障兜底：残疾人生活补贴和重度残疾人护理补贴", f"{max(1, facts['disabled'])}人", 1560))
    if cause == "3" or facts["students"]:
        plans.append(("05", "教育扶贫：两免一补、高中助学金、雨露计划", f"{max(1, facts['students'])}人",
                      1500 * max(1, facts["students"])))
    if cause == "7":
        plans.append(("02", f"就业扶贫：{_TRAINING[int(r() * len(_TRAINING))]}技能培训并推荐就业", "1人", 0))
    if cause == "9" or r() < 0.12:
        loan = 10000 * (1 + int(r() * 5))
        plans.append(("08", f"扶贫小额信贷{loan // 10000}万元（三年期，财政贴息）", f"{loan // 10000}万元", loan))
    if cause == "8" or (facts["idle"] and r() < 0.3):
        plans.append(("03", "公益岗位：生态护林员", "1人", 7200))
    if facts["unsafe_house"]:
        plans.append(("07", "危房改造", "1户", 15000 + 1000 * int(r() * 11)))
    if facts["relocate"]:
        plans.append(("04", "易地扶贫搬迁（集中安置）", f"{facts['people']}人", 20000 * facts["people"]))
    if r() < 0.7:
        title, scale, funds = _INDUSTRY[int(r() * len(_INDUSTRY))]
        plans.append(("01", f"产业扶持：{title}", scale, funds))
    if r() < 0.3:
        plans.append(("11", "光伏扶贫电站收益分配", "1户", 500))
    if not plans:
        plans.append(("99", "帮助制定增收计划并跟踪落实", "1户", 0))
    return plans


# -- visits -------------------------------------------------------------------------------------------------

_FINDINGS = {
    "1": ("{sick}慢性病病情稳定，按时服药", "{sick}住院治疗后恢复良好，已办理慢病卡"),
    "2": ("{disabled}残疾人两项补贴已按时发放", "{disabled}生活能够自理，家人照顾到位"),
    "3": ("{student}在校学习情况良好，资助已到位", "了解{student}学费及生活费情况"),
}
_GENERAL = ("家中种植水稻{farmland}亩，长势良好", "户主在外务工，收入稳定", "住房安全，饮水正常",
            "收支账本记录完整", "家庭成员身体状况良好", "生猪存栏正常，已联系收购商", "了解家庭收入情况，核对账本")
_PROMISES = ("协助办理医疗救助", "联系企业提供务工岗位", "落实产业奖补资金", "帮助联系销售农产品", "督促按时记账",
             "协调解决饮水问题", "下次走访时核对收支记录", "宣讲扶贫政策")


def visit_dates(rng: random.Random, start: dt.date, today: dt.date, overdue: bool) -> list[dt.date]:
    """About monthly for the last quarter, quarterly before, back to ``start``."""
    last = _d(today, -(35 + rng.random() * 60) if overdue else -(rng.random() * 25))
    dates = [last]
    while True:
        gap = 25 + rng.random() * 15 if (today - dates[-1]).days < 100 else 75 + rng.random() * 30
        nxt = _d(dates[-1], -gap)
        if nxt < start:
            break
        dates.append(nxt)
    return list(reversed(dates))


def visit_text(rng: random.Random, cause: str, names: dict) -> tuple[str, str]:
    r = rng.random
    options = _FINDINGS.get(cause)
    parts = []
    if options and r() < 0.6:
        parts.append(options[int(r() * len(options))])
    parts.append(_GENERAL[int(r() * len(_GENERAL))])
    findings = "；".join(parts).format(**names)
    return findings, _PROMISES[int(r() * len(_PROMISES))]
