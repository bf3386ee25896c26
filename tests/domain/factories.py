"""Build valid records for domain tests: a household of three that passes every rule and exit criterion."""

import datetime as dt
import itertools
from dataclasses import replace

from fupin_desktop.domain.idnumber import make_id_number
from fupin_desktop.domain.records import ExitStep, Household, LedgerEntry, Member, PovertyLine, Settings

TODAY = dt.date(2026, 3, 15)
SETTINGS = Settings()
REGION = "610702"  # 汉中市汉台区
LINE_2026 = PovertyLine(2026, 400000, "测试")

_ids = itertools.count(1)


def next_id(prefix: str = "id") -> str:
    return f"{prefix}-{next(_ids)}"


def id_number(birth: dt.date, male: bool, sequence: int = 10) -> str:
    """A valid number; ``sequence`` is made odd for a man and even for a woman."""
    sequence = sequence | 1 if male else sequence & ~1
    return make_id_number(REGION, birth, sequence)


def make_household(**changes) -> Household:
    base = Household(
        id="h1",
        village_id="v1",
        number="6107020001",
        village_group="一组",
        attribute="1",
        main_cause="7",  # 缺技术: no member-related cause rule applies
        identified_on=dt.date(2014, 6, 1),
        planned_exit_year=2026,
        exit_status="0",
        farmland_mu=6.0,
        house_area=80.0,
        house_rating="B",
        water_difficulty=False,
        water_safe=True,
        fuel="01",
        sanitary_toilet=True,
    )
    return replace(base, **changes)


def make_member(name: str, birth: dt.date, male: bool, **changes) -> Member:
    base = Member(
        id=next_id("m"),
        household_id="h1",
        name=name,
        id_number=id_number(birth, male),
        relation="99",
        sex="1" if male else "2",
        birth_date=birth,
        ethnicity="01",
        education="03",
        schooling="01",
        health="01",
        labour="01",
    )
    return replace(base, **changes)


def make_family(**household_changes) -> tuple[Household, list[Member]]:
    """户主 (man, 45, works 8 months in the township), 配偶 (woman, 43), 之子 (12, in 七年级)."""
    head = make_member(
        "张三", dt.date(1980, 5, 1), True, id="m-head", relation="01", work_status="01", work_months=8, seq=1
    )
    spouse = make_member(
        "李四", dt.date(1982, 7, 12), False, id="m-spouse", relation="02", education="02", seq=2
    )
    son = make_member(
        "张小明",
        dt.date(2013, 9, 1),
        True,
        id="m-son",
        relation="03",
        education="02",
        schooling="04",
        labour="04",
        seq=3,
    )
    return make_household(**household_changes), [head, spouse, son]


def change(members: list[Member], member_id: str, **changes) -> list[Member]:
    """A copy of ``members`` with one member changed."""
    return [replace(m, **changes) if m.id == member_id else m for m in members]


def entry(day: dt.date, category: str, yuan: float, **changes) -> LedgerEntry:
    return LedgerEntry(
        id=next_id("e"),
        household_id="h1",
        date=day,
        category=category,
        amount_fen=round(yuan * 100),
        **changes,
    )


def good_book() -> list[LedgerEntry]:
    """A year 2026 book: 15,000 wage + 6,000 crops − 1,500 production expense = 19,500 net, 6,500 per head."""
    return [
        entry(dt.date(2025, 10, 31), "11", 5000),
        entry(dt.date(2026, 1, 31), "11", 10000),
        entry(dt.date(2025, 11, 15), "21", 6000),
        entry(dt.date(2025, 11, 1), "52", 1500),
        entry(dt.date(2025, 12, 1), "61", 800),
    ]


def step(code: str, day: dt.date, outcome: str = "done", **changes) -> ExitStep:
    return ExitStep(
        id=next_id("s"), household_id="h1", step=code, date=day, actor="王书记", outcome=outcome, **changes
    )
