"""Small hand-made households for the report tests (Chinese names, a 12-member household, 王䶮)."""

import datetime as dt

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
from fupin_desktop.reports.data import (
    BehindRow,
    DashboardData,
    LedgerCardData,
    MingbaiData,
    NoticeData,
    NoticeRow,
    PacketData,
    RosterData,
    RosterRow,
    SignoffData,
)

TODAY = dt.date(2020, 6, 20)
YEAR = 2020
SETTINGS = Settings()
LINE = PovertyLine(2020, 400000, "测试贫困线")
HEAD = "王䶮"  # 䶮 (U+4DAE, CJK Extension A) is not in WenQuanYi Micro Hei
HEAD_ID = make_id_number("610702", dt.date(1968, 3, 12), 13)
HEAD_PHONE = "13912345678"
ACCOUNT = "6221910571343382"

VILLAGE = Village(id="v1", code="610702103201", name="石堰村", province="陕西省", city="汉中市", county="汉台区",
                  township="武乡镇", groups=("一组", "二组", "三组"), rural_population=1200,
                  first_secretary="周明远", first_secretary_phone="13909160000")

# name, relation, sex, birth, extra fields
PEOPLE = [
    (HEAD, "01", "1", dt.date(1968, 3, 12), {"health": "02", "labour": "01", "work_status": "01", "work_months": 6}),
    ("李秀英", "02", "2", dt.date(1970, 5, 2), {"health": "01", "labour": "01", "dibao": True}),
    ("王小军", "03", "1", dt.date(1992, 7, 9), {"work_status": "04", "work_months": 10, "labour": "02"}),
    ("王小红", "04", "2", dt.date(2008, 9, 1), {"schooling": "05", "education": "03"}),
    ("王德福", "11", "1", dt.date(1940, 1, 20), {"health": "04", "disability_category": "4", "disability_grade": "2",
                                               "labour": "04"}),
    ("张桂兰", "12", "2", dt.date(1942, 11, 3), {"health": "03", "labour": "04"}),
    ("陈海燕", "05", "2", dt.date(1994, 2, 14), {"labour": "01"}),
    ("王子涵", "07", "1", dt.date(2015, 4, 4), {"schooling": "03", "education": "02"}),
    ("王子萱", "08", "2", dt.date(2017, 6, 6), {"schooling": "02", "education": "06"}),
    ("王小燕", "04", "2", dt.date(1996, 8, 8), {"labour": "01", "work_status": "03", "work_months": 8}),
    ("刘志强", "06", "1", dt.date(1995, 10, 10), {"labour": "02"}),
    ("刘一诺", "09", "1", dt.date(2019, 1, 1), {"schooling": "01", "education": "06"}),
]

LONG_NOTE = ("户主王䶮患慢性病（高血压、糖尿病），需长期服药；妻子李秀英在村公益岗位（护林员）务工，月收入800元。"
             "长子王小军在浙江务工（电话13800138000），年收入约2.4万元！“两不愁三保障”已落实——医保代缴、大病保险均已办理……"
             "下一步：一是发展生猪养殖（购仔猪5头）；二是申请扶贫小额信贷50,000元；三是落实家庭医生签约服务。")


def members(count: int = 4, household_id: str = "h1") -> tuple[Member, ...]:
    result = []
    for i, (name, relation, sex, birth, extra) in enumerate(PEOPLE[:count]):
        number = HEAD_ID if i == 0 else make_id_number("610702", birth, 20 + 2 * i + (1 if sex == "1" else 0))
        fields = {"education": "03", "labour": "01", **extra}
        result.append(Member(id=f"{household_id}-m{i}", household_id=household_id, name=name, id_number=number,
                             relation=relation, sex=sex, birth_date=birth, seq=i,
                             phone=HEAD_PHONE if i == 0 else f"1370000{i:04d}", **fields))
    return tuple(result)


def household(household_id: str = "h1", **changes) -> Household:
    fields = dict(id=household_id, village_id="v1", number="610702103201000123", village_group="二组",
                  address="陕西省汉中市汉台区武乡镇石堰村二组18号", phone=HEAD_PHONE, bank="汉中市农村信用合作联社",
                  bank_account=ACCOUNT, main_cause="1", other_causes=("8", "9"), identified_on=dt.date(2014, 8, 1),
                  planned_exit_year=2020, exit_status="0", farmland_mu=3.5, irrigated_mu=1.2, forest_mu=5.0,
                  road_distance_km=0.8, road_type="03", house_area=96.0, house_rating="B", water_difficulty=False,
                  water_safe=True, fuel="01", sanitary_toilet=True)
    fields.update(changes)
    return Household(**fields)


def entries(household_id: str = "h1") -> tuple[LedgerEntry, ...]:
    rows = [
        (dt.date(2019, 10, 15), "11", 300000, "务工工资"),
        (dt.date(2019, 11, 5), "22", 450000, "出售生猪3头"),
        (dt.date(2019, 11, 20), "53", 80000, "购买饲料"),
        (dt.date(2020, 1, 10), "42", 120000, "低保金"),
        (dt.date(2020, 3, 3), "12", 240000, "护林员工资"),
        (dt.date(2020, 6, 1), "11", 1000000, "长子务工汇款"),
        (dt.date(2020, 6, 8), "21", 123450, "出售茶叶"),
        (dt.date(2020, 6, 12), "52", 30005, "化肥农药"),
        (dt.date(2020, 6, 18), "61", 50000, "生活消费"),
        (dt.date(2020, 8, 30), "31", 60000, "资产收益扶贫分红"),
    ]
    return tuple(LedgerEntry(id=f"{household_id}-e{i}", household_id=household_id, date=d, category=c, amount_fen=a,
                             note=n, recorded_by="谢建国") for i, (d, c, a, n) in enumerate(rows))


HELPERS = {
    "hp1": Helper(id="hp1", name="李淑芬", unit="汉台区农业农村局", affiliation="04", phone="13790733910"),
    "hp2": Helper(id="hp2", name="谢建国", unit="汉台区教育局", affiliation="04", phone="13784284618"),
}
PAIRINGS = (Pairing("p1", "h1", "hp1", dt.date(2016, 3, 1), dt.date(2018, 2, 28), "工作调动"),
            Pairing("p2", "h1", "hp2", dt.date(2018, 3, 1)))


def measures(household_id: str = "h1") -> tuple[Measure, ...]:
    return (
        Measure("pl1", household_id, "plan", "01", "发展生猪养殖", "5头", 500000, due_date=dt.date(2020, 12, 31),
                unit="武乡镇政府"),
        Measure("pl2", household_id, "plan", "08", "扶贫小额信贷", "5万元", 5000000, due_date=dt.date(2020, 9, 30),
                unit="汉中市农村信用合作联社"),
        Measure("ms1", household_id, "delivered", "01", "发放仔猪补贴", funds_fen=250000, date=dt.date(2019, 11, 2),
                unit="汉台区扶贫办", signed=True),
        Measure("ms2", household_id, "delivered", "06", "医保个人缴费代缴", funds_fen=125000, date=dt.date(2020, 1, 5),
                unit="汉台区医保局", signed=True, note="全家4人"),
        Measure("ms3", household_id, "delivered", "03", "护林员公益岗位", funds_fen=0, date=dt.date(2020, 3, 1),
                unit="武乡镇政府"),
    )


def packet(count: int = 4, **household_changes) -> PacketData:
    people = members(count)
    book = entries()
    return PacketData(
        village=VILLAGE, household=household(**household_changes), members=people, year=YEAR, printed_on=TODAY,
        summary=summarise(book, people, SETTINGS, YEAR), line=LINE, pairings=PAIRINGS, helpers=HELPERS,
        measures=measures(),
        visits=(Visit("v1", "h1", dt.date(2020, 3, 5), "谢建国", findings=LONG_NOTE, promises="协调小额信贷；联系家庭医生。"),
                Visit("v2", "h1", dt.date(2020, 5, 20), "谢建国", findings="仔猪长势良好，户主按时服药。", promises="")),
        exit_steps=(ExitStep("s1", "h1", "1", dt.date(2020, 6, 1), "村两委", "民主评议通过"),
                    ExitStep("s2", "h1", "2", dt.date(2020, 6, 5), "驻村工作队", "入户核实")),
        colour="red", settings=SETTINGS,
    )


def signoff(count: int = 4) -> SignoffData:
    p = packet(count)
    return SignoffData(village=VILLAGE, household=p.household, members=p.members, year=YEAR, printed_on=TODAY,
                       summary=p.summary, line=LINE, helper=HELPERS["hp2"], exit_steps=p.exit_steps + (
                           ExitStep("s4", "h1", "4", dt.date(2020, 6, 10), "村委会"),),
                       village_secretary="赵德胜", village_director="钱永红", settings=SETTINGS)


def ledger_card(count: int = 4, month: int = 6) -> LedgerCardData:
    return LedgerCardData(village=VILLAGE, household=household(), members=members(count), year=2020, month=month,
                          printed_on=TODAY, entries=entries(), helper=HELPERS["hp2"], settings=SETTINGS)


def mingbai(count: int = 4) -> MingbaiData:
    p = packet(count)
    return MingbaiData(village=VILLAGE, household=p.household, members=p.members, year=YEAR, printed_on=TODAY,
                       summary=p.summary, line=LINE, helper=HELPERS["hp2"], measures=p.measures, colour="red",
                       settings=SETTINGS)


def _other_households(n: int):
    surnames = "张李赵刘陈杨黄周吴徐孙胡朱高林何郭马罗梁"
    for i in range(n):
        hid = f"x{i}"
        head = Member(id=f"{hid}-m0", household_id=hid, name=f"{surnames[i % len(surnames)]}建{'国华明军'[i % 4]}",
                      id_number=make_id_number("610702", dt.date(1960 + i % 30, 1 + i % 12, 1 + i % 27), 2 * i + 1),
                      relation="01", sex="1", phone=f"1350000{i:04d}")
        h = household(hid, number=f"6107021032010009{i:02d}", village_group=("一组", "二组", "三组")[i % 3],
                      phone=head.phone, main_cause=("1", "2", "3", "8")[i % 4], exit_status=("0", "1", "4")[i % 3])
        yield h, head


def roster(show_private: bool = False, extra: int = 40) -> RosterData:
    first = RosterRow(household(), members(4)[0], 4, "red", "谢建国", "13784284618", 512345, "2")

    def rows():
        yield first
        for h, head in _other_households(extra):
            yield RosterRow(h, head, 1 + len(head.name) % 5, SETTINGS.colour_mapping.get(h.exit_status, "red"),
                            "李淑芬", "13790733910", 450000, "")

    return RosterData(village=VILLAGE, rows=rows(), printed_on=TODAY, year=YEAR, show_private=show_private)


def notice(extra: int = 8) -> NoticeData:
    rows = [NoticeRow(household(), members(4)[0], 4, "人均纯收入超过贫困线，“两不愁三保障”已落实")]
    rows += [NoticeRow(h, head, 3, "人均纯收入超过贫困线，“两不愁三保障”已落实") for h, head in _other_households(extra)]
    return NoticeData(village=VILLAGE, rows=tuple(rows), printed_on=TODAY, year=YEAR,
                      posted_from=dt.date(2020, 6, 10), posted_to=dt.date(2020, 6, 16),
                      contact="石堰村村民委员会、驻村工作队", contact_phone="0916-2345678")


def dashboard() -> DashboardData:
    return DashboardData(
        village=VILLAGE, printed_on=TODAY, year=YEAR, households=126, people=412, rural_population=1200,
        by_colour={"red": 48, "green": 30, "blue": 48}, by_cause={"1": 40, "2": 22, "3": 15, "8": 30, "9": 19},
        by_exit_year={2017: 20, 2018: 28, 2019: 30, 2020: 48}, by_group={"一组": 40, "二组": 46, "三组": 40},
        exited=78, remaining_people=150,
        behind=(BehindRow("610702103201000123", "二组", HEAD, 2019, "overdue", "2", "请户主签字（或按手印）认可"),
                BehindRow("610702103201000124", "一组", "张建国", 2020, "at_risk", "", "组织民主评议")),
        settings=SETTINGS,
    )
