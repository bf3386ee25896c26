"""``fupin summary``, ``fupin check`` and ``fupin history``: read the battle room from the terminal."""

from fupin_desktop.cli.output import print_json, print_table


def register(sub):
    p = sub.add_parser("summary", help="作战图汇总：按颜色、致贫原因、脱贫年度、村民小组统计")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--village", default="", help="只统计这个村（区划代码）")
    p.set_defaults(handler=run_summary)

    p = sub.add_parser("check", help="问题数据检查：列出每户的问题")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_check)

    p = sub.add_parser("history", help="一户的变更记录（谁、何时、哪个字段、旧值→新值、原因）")
    p.add_argument("household", help="户编号、户主姓名或档案 id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_history)


def _village_id(ctx, code: str) -> str:
    from fupin_desktop.services.errors import NotFoundError
    from fupin_desktop.services.villages import villages

    if not code:
        return ""
    for v in villages(ctx):
        if v.code == code:
            return v.id
    raise NotFoundError(f"没有区划代码为 {code} 的村。")


def summary_dict(ctx, village_id: str = "") -> dict:
    from fupin_desktop.domain.codes import COLOUR, EXIT_STEP, POVERTY_CAUSE
    from fupin_desktop.services.dashboard import dashboard

    d = dashboard(ctx, village_id)
    return {
        "accounting_year": d.year,
        "households": d.households,
        "people": d.people,
        "by_colour": {COLOUR.label(k, k): v for k, v in sorted(d.by_colour.items())},
        "by_cause": {POVERTY_CAUSE.label(k, k or "未填"): v for k, v in d.by_cause.items()},
        "by_exit_year": {str(k): v for k, v in sorted(d.by_exit_year.items())},
        "by_group": {k or "未填": v for k, v in d.by_group.items()},
        "by_exit_step": {(EXIT_STEP.label(k, k) if k else "未启动"): v for k, v in d.by_exit_step.items()},
        "poor_people": d.poor_people,
        "rural_population": d.rural_population,
        "incidence_percent": round(d.incidence * 100, 2) if d.incidence is not None else None,
        "poverty_line_yuan": d.line_fen / 100 if d.line_fen else None,
        "below_line_households": d.below_line_households,
        "below_line_people": d.below_line_people,
        "behind_schedule_households": d.behind_schedule,
        "problem_households": d.problem_households,
        "helpers_without_recent_visit": d.helpers_without_recent_visit,
    }


def print_summary(s: dict) -> None:
    print(f"账本年度 {s['accounting_year']}：{s['households']} 户 {s['people']} 人；"
          f"未脱贫 {s['poor_people']} 人，农村人口 {s['rural_population']} 人，"
          f"贫困发生率 {s['incidence_percent'] if s['incidence_percent'] is not None else '—'}%")
    line = s["poverty_line_yuan"]
    print(f"贫困线 {line if line else '未设置'} 元/人·年；低于贫困线 {s['below_line_households']} 户"
          f" {s['below_line_people']} 人；超过计划脱贫年度仍未脱贫 {s['behind_schedule_households']} 户；"
          f"有问题数据 {s['problem_households']} 户")
    for title, key in (("按颜色", "by_colour"), ("按主要致贫原因", "by_cause"), ("按计划脱贫年度", "by_exit_year"),
                       ("按村民小组", "by_group"), ("按退出程序", "by_exit_step")):
        print(f"\n{title}：")
        print_table(["项目", "户数"], list(s[key].items()))
    if s["helpers_without_recent_visit"]:
        print("\n近期未走访的帮扶干部：" + "、".join(s["helpers_without_recent_visit"]))


def run_summary(make_ctx, args) -> int:
    ctx = make_ctx()
    s = summary_dict(ctx, _village_id(ctx, args.village))
    if args.json:
        print_json(s)
    else:
        print_summary(s)
    return 0


def run_check(make_ctx, args) -> int:
    from fupin_desktop.services.checks import check_all
    from fupin_desktop.services.queries import HouseholdFilter, list_households

    ctx = make_ctx()
    report = check_all(ctx)
    rows = {r.id: r for r in list_households(ctx, HouseholdFilter(household_ids=tuple(report)), limit=len(report) + 1)}
    result = []
    for household_id, problems in report.items():
        row = rows.get(household_id)
        result.append({
            "household_id": household_id, "number": row.number if row else "", "head": row.head_name if row else "",
            "problems": [{"level": p.level, "field": p.field, "code": p.code, "message": p.message}
                         for p in problems],
        })
    if args.json:
        print_json({"households_with_problems": len(result),
                    "errors": sum(1 for h in result for p in h["problems"] if p["level"] == "error"),
                    "warnings": sum(1 for h in result for p in h["problems"] if p["level"] == "warning"),
                    "households": result})
        return 0
    if not result:
        print("没有发现问题数据。")
        return 0
    for h in result:
        print(f"\n{h['number']} {h['head']}")
        for p in h["problems"]:
            print(f"  [{'错误' if p['level'] == 'error' else '提醒'}] {p['message']}")
    print(f"\n共 {len(result)} 户有问题数据。")
    return 0


def find_household(ctx, text: str) -> str:
    from fupin_desktop.services.errors import NotFoundError
    from fupin_desktop.services.queries import HouseholdFilter, list_households
    from fupin_desktop.storage import tables as t

    if ctx.db.execute(f"SELECT 1 FROM {t.HOUSEHOLDS} WHERE id = ?", [text]).fetchone():
        return text
    found = [r for r in list_households(ctx, HouseholdFilter(text=text), limit=20)
             if text in (r.number, r.head_name) or r.number.endswith(text)]
    if len(found) == 1:
        return found[0].id
    if not found:
        raise NotFoundError(f"找不到“{text}”对应的档案（可用户编号、户主姓名或档案 id）。")
    raise NotFoundError(f"“{text}”对应多户：" + "、".join(f"{r.number} {r.head_name}" for r in found[:5]))


def run_history(make_ctx, args) -> int:
    from fupin_desktop.services.queries import history

    ctx = make_ctx()
    entries = history(ctx, find_household(ctx, args.household))
    if args.json:
        print_json(entries)
        return 0
    print_table(["时间", "操作人", "表", "字段", "旧值", "新值", "原因"], [
        (e.when.strftime("%Y-%m-%d %H:%M"), e.operator, e.table, e.field, _short(e.old), _short(e.new), e.reason)
        for e in entries])
    return 0


def _short(value, size=40):
    if value is None:
        return ""
    return value if len(value) <= size else value[: size - 1] + "…"
