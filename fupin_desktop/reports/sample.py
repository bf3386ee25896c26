"""Deterministic synthetic households for the print benchmark and for looking at documents.

``python -m fupin_desktop.reports.sample OUT_DIR`` writes one of every document there.
"""

import datetime as dt
import random
from pathlib import Path

from fupin_desktop.domain.idnumber import make_id_number
from fupin_desktop.domain.income import summarise
from fupin_desktop.domain.records import (
    ExitStep,
    Helper,
    Household,
    LedgerEntry,
    Measure,
    Member,
    Pairing,
    PovertyLine,
    Settings,
    Village,
    Visit,
)
from fupin_desktop.reports.data import PacketData

PRINTED_ON = dt.date(2020, 6, 20)
YEAR = 2020
LINE = PovertyLine(2020, 400000, "省定标准（示例）")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "建国秀英小军明华桂兰志强海燕红梅春生德福玉珍永红文杰丽娟国庆淑芬金山翠花俊峰晓东"
GROUPS = ("一组", "二组", "三组", "四组", "五组", "六组")
NOTES = (
    "户主患慢性病（高血压、糖尿病），需长期服药；已落实家庭医生签约服务，医药费按政策报销。",
    "妻子在村公益岗位（护林员）务工，每月收入800元；长子在县城务工，年收入约2.4万元。",
    "家中养猪5头、鸡30只，计划扩大养殖规模；已申请扶贫小额信贷50,000元，用于购买仔猪和饲料。",
    "住房经鉴定为B级，安全有保障；已通自来水，饮水安全达标；孩子在镇中心小学就读，享受“两免一补”。",
)

VILLAGE = Village(
    id="v-1", code="610702103201", name="石堰村", province="陕西省", city="汉中市", county="汉台区",
    township="武乡镇", groups=GROUPS, rural_population=1860, first_secretary="周明远",
    first_secretary_phone="13909161234",
)


def _name(rng: random.Random, surname: str | None = None) -> str:
    given = rng.randrange(0, len(GIVEN) - 1, 2)
    return (surname or rng.choice(SURNAMES)) + GIVEN[given:given + 2]


def sample_members(rng: random.Random, household_id: str, count: int) -> tuple[Member, ...]:
    surname = rng.choice(SURNAMES)
    relations = ["01", "02", "03", "04", "11", "12", "07", "08", "05", "06", "09", "10"]
    members = []
    for i in range(count):
        relation = relations[i % len(relations)]
        male = relation in ("01", "03", "07", "09", "11")
        birth = dt.date(1950 + rng.randrange(60), rng.randrange(1, 13), rng.randrange(1, 28))
        seq = rng.randrange(1, 499) * 2 + (1 if male else 0)
        members.append(Member(
            id=f"{household_id}-m{i}", household_id=household_id,
            name=_name(rng, surname if relation in ("01", "03", "04", "07", "08") else None),
            id_number=make_id_number("610702", birth, seq), relation=relation, sex="1" if male else "2",
            birth_date=birth, education=rng.choice(["02", "03", "04"]), health=rng.choice(["01", "01", "02", "04"]),
            labour=rng.choice(["01", "02", "04"]), work_status=rng.choice(["", "01", "04"]),
            work_months=rng.randrange(0, 12), dibao=rng.random() < 0.2, seq=i, phone=f"139{rng.randrange(10**8):08d}",
        ))
    return tuple(members)


def sample_entries(rng: random.Random, household_id: str, settings: Settings, count: int = 60):
    start = dt.date(YEAR - 1, settings.accounting_year_start_month, 1)
    categories = ["11", "12", "21", "22", "31", "42", "44", "51", "52", "61", "63"]
    return tuple(
        LedgerEntry(id=f"{household_id}-e{i}", household_id=household_id,
                    date=start + dt.timedelta(days=rng.randrange(365)), category=rng.choice(categories),
                    amount_fen=rng.randrange(2000, 300000), note=rng.choice(["", "出售生猪", "务工工资", "购买化肥"]))
        for i in range(count)
    )


def sample_packet(index: int, *, members: int | None = None, village: Village = VILLAGE) -> PacketData:
    """Household ``index`` of the synthetic village: 1–6 members, helpers with history, a year of books."""
    rng = random.Random(index)
    settings = Settings()
    hid = f"h-{index:04d}"
    people = sample_members(rng, hid, members or rng.randrange(1, 7))
    household = Household(
        id=hid, village_id=village.id, number=f"61070210320100{index:04d}", village_group=rng.choice(GROUPS),
        address=f"{village.full_name}{rng.choice(GROUPS)}{rng.randrange(1, 99)}号", phone=people[0].phone,
        bank="汉中市农村信用合作联社", bank_account=f"62219{rng.randrange(10**13):013d}",
        main_cause=rng.choice(["1", "2", "3", "7", "8", "9"]), other_causes=("9",),
        identified_on=dt.date(2014, 8, 1), planned_exit_year=rng.choice([2018, 2019, 2020]),
        exit_status=rng.choice(["0", "1", "1"]), farmland_mu=round(rng.uniform(0.5, 6), 1),
        irrigated_mu=1.2, forest_mu=3.0, road_distance_km=round(rng.uniform(0.1, 3), 2), road_type="03",
        house_area=round(rng.uniform(40, 160), 1), house_rating=rng.choice("ABBC"), water_difficulty=False,
        water_safe=True, fuel="01", sanitary_toilet=True,
    )
    helpers = {f"hp{k}": Helper(id=f"hp{k}", name=_name(rng), unit=rng.choice(["汉台区农业农村局", "汉台区教育局"]),
                                affiliation="04", phone=f"137{rng.randrange(10**8):08d}") for k in (1, 2)}
    pairings = (Pairing("p1", hid, "hp1", dt.date(2016, 3, 1), dt.date(2018, 2, 28), "工作调动"),
                Pairing("p2", hid, "hp2", dt.date(2018, 3, 1)))
    measures = tuple(
        [Measure(f"{hid}-pl{k}", hid, "plan", rng.choice(["01", "02", "05", "08"]), t, "1户", rng.randrange(1, 50) * 100000,
                 due_date=dt.date(2020, 12, 31), unit="武乡镇政府")
         for k, t in enumerate(("发展生猪养殖", "落实公益岗位", "申请扶贫小额信贷"))]
        + [Measure(f"{hid}-ms{k}", hid, "delivered", rng.choice(["01", "03", "06", "07"]), t, funds_fen=rng.randrange(1, 80) * 10000,
                   date=dt.date(2019, 1 + 2 * k, 15), unit="汉台区扶贫办", signed=k % 2 == 0)
           for k, t in enumerate(("发放仔猪补贴", "护林员公益岗位", "医保个人缴费代缴", "危房改造补助"))]
    )
    visits = tuple(Visit(f"{hid}-v{k}", hid, dt.date(2019, 2 + 3 * k, 10), helpers["hp2"].name,
                         findings=NOTES[k % 4], promises=NOTES[(k + 2) % 4][:30]) for k in range(3))
    steps = tuple(ExitStep(f"{hid}-s{k}", hid, str(k), dt.date(2019, 10, 5 * k), "村两委")
                  for k in range(1, 1 + rng.randrange(0, 5)))
    entries = sample_entries(rng, hid, settings)
    summary = summarise(entries, people, settings, YEAR)
    return PacketData(
        village=village, household=household, members=people, year=YEAR, printed_on=PRINTED_ON, summary=summary,
        line=LINE, pairings=pairings, helpers=helpers, measures=measures, visits=visits, exit_steps=steps,
        colour=settings.colour_mapping.get(household.exit_status, "red"), settings=settings,
    )


def sample_packets(count: int):
    """A generator of ``count`` households (never all in memory)."""
    for index in range(count):
        yield sample_packet(index)


def _current_helper(data: PacketData):
    current = [p for p in data.pairings if p.end_date is None]
    return data.helpers.get(current[-1].helper_id) if current else None


def write_samples(folder) -> dict[str, int]:
    """One of every document, from synthetic households, into ``folder``; returns pages per document."""
    from fupin_desktop.reports.dashboard_sheet import render_dashboard
    from fupin_desktop.reports.data import (
        DashboardData,
        LedgerCardData,
        MingbaiData,
        NoticeData,
        NoticeRow,
        RosterData,
        RosterRow,
        SignoffData,
        head_of,
    )
    from fupin_desktop.reports.ledger_card import render_ledger_card
    from fupin_desktop.reports.mingbai import render_mingbai
    from fupin_desktop.reports.notice import render_notice
    from fupin_desktop.reports.packet import render_packet
    from fupin_desktop.reports.roster import render_roster
    from fupin_desktop.reports.signoff import render_signoff

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    p = sample_packet(7, members=5)
    helper = _current_helper(p)
    entries = sample_entries(random.Random(7), p.household.id, p.settings)
    common = dict(village=p.village, household=p.household, members=p.members, printed_on=p.printed_on,
                  settings=p.settings)
    households = [sample_packet(i) for i in range(60)]
    rows = [RosterRow(d.household, head_of(d.members), len(d.members), d.colour, helper.name, helper.phone,
                      d.summary.per_capita_fen) for d in households]
    pages = {
        "packet": render_packet(p, folder / "packet.pdf"),
        "signoff": render_signoff(SignoffData(**common, year=p.year, summary=p.summary, line=p.line, helper=helper,
                                              exit_steps=p.exit_steps), folder / "signoff.pdf"),
        "ledger_card": render_ledger_card(LedgerCardData(**common, year=2020, month=3, entries=entries,
                                                         helper=helper), folder / "ledger_card.pdf"),
        "mingbai": render_mingbai(MingbaiData(**common, year=p.year, summary=p.summary, line=p.line, helper=helper,
                                              measures=p.measures, colour=p.colour), folder / "mingbai.pdf"),
        "roster": render_roster(RosterData(p.village, iter(rows), p.printed_on, year=p.year), folder / "roster.pdf"),
        "notice": render_notice(NoticeData(p.village, tuple(NoticeRow(r.household, r.head, r.people,
                                                                       "人均纯收入稳定超过贫困线，“两不愁三保障”已落实")
                                                             for r in rows[:12]), p.printed_on, p.year,
                                           posted_from=dt.date(2020, 6, 10), posted_to=dt.date(2020, 6, 16),
                                           contact="村民委员会、驻村工作队"), folder / "notice.pdf"),
        "dashboard": render_dashboard(DashboardData(p.village, p.printed_on, p.year, len(rows),
                                                    sum(r.people for r in rows), by_colour={"red": 20, "green": 25,
                                                                                            "blue": 15},
                                                    by_cause={"1": 20, "2": 10, "8": 18, "9": 12},
                                                    by_exit_year={2018: 20, 2019: 22, 2020: 18},
                                                    by_group={g: 10 for g in GROUPS}, exited=40,
                                                    remaining_people=70), folder / "dashboard.pdf"),
    }
    return pages


if __name__ == "__main__":
    import sys

    for name, count in write_samples(sys.argv[1] if len(sys.argv) > 1 else "samples").items():
        print(f"{name}: {count} 页")
