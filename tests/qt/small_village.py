"""The small village the Qt tests run on.

``services.demo.generate(size="small")`` when the demo generator is present; otherwise a hand-built village
of 36 households through the ordinary services (so the Qt tests never wait on another module).
"""

import datetime as dt
import random


def build_small_village(folder, clock) -> None:
    from fupin_desktop.services.context import open_context

    ctx = open_context(folder, operator="测试员", clock=clock)
    try:
        try:
            from fupin_desktop.services import demo
        except ImportError:
            demo = None
        if demo is not None and hasattr(demo, "generate"):
            from fupin_desktop.services.derived import refresh

            counts = demo.generate(ctx.db, size="small", seed=2020, today=clock.today(), hlc=ctx.hlc)
            if counts.get("village_code"):
                ctx.set_installation("org_code", counts["village_code"])
            with ctx.db.atomic():
                refresh(ctx)
        else:
            _hand_built(ctx, clock.today())
    finally:
        ctx.close()


SURNAMES = "张王李赵刘陈杨黄周吴"
GIVEN = ("建国", "秀英", "德明", "桂兰", "志强", "玉梅", "春生", "小明", "海燕", "国华", "三丰", "长青")


def _hand_built(ctx, today: dt.date) -> None:
    from fupin_desktop.domain.idnumber import make_id_number
    from fupin_desktop.services.exits import record_step
    from fupin_desktop.services.helpers import create_helper
    from fupin_desktop.services.households import create_household
    from fupin_desktop.services.ledger import add_entry
    from fupin_desktop.services.measures import add_visit
    from fupin_desktop.services.villages import create_village

    rng = random.Random(2020)
    create_village(ctx, {
        "code": "610702108201", "name": "龙江村", "province": "陕西省", "city": "汉中市", "county": "汉台区",
        "township": "龙江镇", "groups": ("一组", "二组", "三组"), "rural_population": 420,
        "first_secretary": "李书记",
    })
    ctx.set_installation("org_code", "610702108201")
    ctx.set_installation("org_name", "龙江村")
    helpers = [create_helper(ctx, {"name": name, "unit": "汉台区财政局", "phone": "13900000000"})[0]
               for name in ("王干部", "刘干部", "陈干部", "周干部", "赵干部", "孙干部", "吴干部", "郑干部")]
    sequence = 1
    for number in range(36):
        surname = SURNAMES[number % len(SURNAMES)]
        names = [surname + GIVEN[number % len(GIVEN)], "李" + GIVEN[(number + 3) % len(GIVEN)],
                 surname + GIVEN[(number + 7) % len(GIVEN)]]
        births = [dt.date(1960 + number % 20, 3, 12), dt.date(1962 + number % 20, 8, 23),
                  dt.date(2006 - number % 4, 9, 1)]
        members = []
        for i, (name, birth) in enumerate(zip(names, births, strict=True)):
            sex_seq = sequence * 2 + (1 if i != 1 else 0)
            sequence += 1
            members.append({
                "name": name, "id_number": make_id_number("610702", birth, sex_seq % 1000),
                "relation": ("01", "02", "03")[i], "education": "02" if i < 2 else "",
                "schooling": "01" if i < 2 else "05", "health": "01", "labour": "01" if i < 2 else "04",
                "work_status": "01" if i == 0 else "", "work_months": 6 if i == 0 else 0,
            })
        household_id, _ = create_household(ctx, {
            "number": f"61070210820100{number:02d}", "village_group": ("一组", "二组", "三组")[number % 3],
            "main_cause": ("1", "2", "7", "9", "8", "3")[number % 6], "attribute": ("1", "2", "3")[number % 3],
            "identified_on": dt.date(2015, 3, 1), "planned_exit_year": 2017 + number % 5,
            "house_area": 80.0, "house_rating": "B", "water_safe": True, "fuel": "01",
            "sanitary_toilet": True, "phone": "13800000000",
        }, members, helper_id=helpers[number % len(helpers)], accept_note="演示数据")
        for month in range(1, 6):
            add_entry(ctx, household_id, date=dt.date(2020, month, 10), category="11",
                      amount_fen=rng.randint(80_000, 200_000), note="务工收入")
        if number % 4 == 0:
            add_visit(ctx, household_id, date=today - dt.timedelta(days=number), visitor="王干部",
                      findings="家中情况稳定", helper_id=helpers[number % len(helpers)])
        if number % 3 == 0:
            record_step(ctx, household_id, "1", date=dt.date(2020, 5, 20), actor="村委会")
