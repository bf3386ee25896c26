"""A deterministic demo: villages of 陕西省汉中市汉台区 with households, books, helpers and exit progress.

``generate(db, size=…, seed=2020, today=…, hlc=…)`` fills a database with one of the data sizes of QUALITY.md
(``small`` for tests, ``village``, ``township``, ``county``). The same seed, reference date and clock give the
same rows. Everything goes through :class:`~fupin_desktop.storage.bulk.BulkLoader`, so every non-ledger row
has its change-log entry; daily-book rows are streamed a household at a time. A few deliberate 问题数据 are
planted (see ``demo_households.PROBLEMS``) so the check report has content.
"""

import datetime as dt
import json
import random
from collections.abc import Callable
from dataclasses import dataclass

from fupin_desktop.domain.records import (DEFAULT_POVERTY_LINES, ExitStep, Helper, Household, Measure, Member,
                                          Pairing, Settings, Village, Visit)
from fupin_desktop.services.demo_households import PROBLEMS, Draft, HouseholdMaker, draw_cause
from fupin_desktop.services.demo_ledger import FRUITS, BookProfile, BookWriter
from fupin_desktop.services.demo_names import IdNumbers, NameMaker, bank_account, initials, phone
from fupin_desktop.services.demo_places import (CITY, COUNTY, GROUPS, MEASURE_UNITS, POSITIONS, PROVINCE,
                                                REGION_NOW, REGION_OLD, helper_unit, paired_units,
                                                village_places)
from fupin_desktop.services.demo_progress import measure_plans, plan_exit, visit_dates, visit_text
from fupin_desktop.storage import tables as t
from fupin_desktop.storage.bulk import BulkLoader
from fupin_desktop.storage.mapping import to_row


@dataclass(frozen=True)
class SizeSpec:
    townships: int
    villages_per_township: int
    households: int  # per village
    helpers: int  # per village
    ledger_days: int
    daily: bool  # daily living-expense entries (else weekly: the sparser county book)


SIZES = {
    "small": SizeSpec(1, 1, 40, 10, 92, True),
    "village": SizeSpec(1, 1, 500, 40, 1096, True),
    "township": SizeSpec(1, 20, 500, 40, 365, True),
    "county": SizeSpec(10, 20, 500, 40, 365, False),
}
DEMO_SOURCE = "demo"
_TABLES = (t.VILLAGES, t.HELPERS, t.HOUSEHOLDS, t.MEMBERS, t.PAIRINGS, t.MEASURES, t.VISITS, t.EXIT_STEPS, t.LEDGER)
_dumps = json.JSONEncoder(ensure_ascii=False).encode
_HOUSEHOLD = {**to_row(Household(id="", village_id="")), "head_name": "", "people": 0}
_MEMBER = to_row(Member(id="", household_id="", name=""))
_MEMBER_KEYS = list(_MEMBER)
_MEMBER_KEYS.insert(_MEMBER_KEYS.index("name") + 1, "name_initials")
_MEMBER = {k: _MEMBER.get(k, "") for k in _MEMBER_KEYS}
_PAIRING = to_row(Pairing(id="", household_id="", helper_id="", start_date=dt.date(2000, 1, 1)))
_MEASURE = to_row(Measure(id="", household_id="", kind="plan", category="", title=""))
_VISIT = to_row(Visit(id="", household_id="", date=dt.date(2000, 1, 1), visitor=""))
_STEP = to_row(ExitStep(id="", household_id="", step="1", date=dt.date(2000, 1, 1), actor=""))


def _uuid_prefix(rng: random.Random) -> str:
    g = rng.getrandbits
    return f"{g(32):08x}-{g(16):04x}-4{g(12):03x}-{8 + g(2):x}{g(12):03x}-"


class _Ids:
    """UUID-shaped ids, deterministic for the seed and increasing in insertion order (cheap B-tree appends)."""

    def __init__(self, rng: random.Random):
        self.prefix = {table: _uuid_prefix(rng) for table in _TABLES}
        self.op_id = _uuid_prefix(rng) + f"{rng.getrandbits(48):012x}"
        self.count = dict.fromkeys(_TABLES, 0)

    def new(self, table: str) -> str:
        self.count[table] += 1
        return f"{self.prefix[table]}{self.count[table]:012x}"


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


class _Generator:
    def __init__(self, db, spec: SizeSpec, seed: int, today: dt.date, loader: BulkLoader, ids: _Ids,
                 ledger_days: int, rng: random.Random):
        self.db, self.spec, self.today, self.loader, self.ids, self.rng = db, spec, today, loader, ids, rng
        self.settings = Settings()
        self.names = NameMaker(rng)
        self.id_numbers = IdNumbers(rng)
        self.households = HouseholdMaker(rng, self.names, self.id_numbers, today)
        self.books = None
        self.done, self.total, self.progress = 0, 0, None
        self.book_start = today - dt.timedelta(days=max(ledger_days, 365) - 1)
        if ledger_days > 0:
            start = today - dt.timedelta(days=ledger_days - 1)
            self.books = BookWriter(rng, loader, ids.prefix[t.LEDGER], start, today, spec.daily)

    # -- one village ----------------------------------------------------------------------------------------

    def village(self, place) -> None:
        rng, ids, add = self.rng, self.ids, self.loader.add
        self.names.start_village()
        n = self.spec.households
        drafts = [self.households.draft(draw_cause(rng)) for _ in range(n)]
        planted = self._plant(drafts)
        people = sum(len(d.active) for d in drafts)
        helpers = self._helpers(place)
        village_id = ids.new(t.VILLAGES)
        add(t.VILLAGES, to_row(Village(
            id=village_id, code=place.code, name=place.name, province=PROVINCE, city=CITY, county=COUNTY,
            township=place.township, groups=GROUPS, rural_population=int(people / (0.22 + 0.1 * rng.random())),
            is_poor_village=True, planned_exit_year=2019, first_secretary=helpers[0]["name"],
            first_secretary_phone=helpers[0]["phone"])))
        for helper in helpers:
            add(t.HELPERS, helper)
        order = list(range(n))
        rng.shuffle(order)
        helper_of = {h: helpers[i % len(helpers)] for i, h in enumerate(order)}
        profiles = []
        for i, draft in enumerate(drafts):
            group = GROUPS[i * len(GROUPS) // n]
            profiles.append(self._household(place, village_id, i, draft, group, helper_of[i], helpers,
                                            planted.get(i, "")))
        for profile in profiles:
            if self.books is not None:
                self.books.write(profile)
            self.done += 1
            if self.progress is not None and (self.done % 25 == 0 or self.done == self.total):
                self.loader.notify(self.progress, self.done, self.total)

    def _plant(self, drafts: list[Draft]) -> dict[int, str]:
        """Household index → deliberate problem (each problem in ≥ 1 household, about 1 %)."""
        rng, n = self.rng, len(drafts)
        each = max(1, n // 100)
        planted: dict[int, str] = {}
        for problem in PROBLEMS:
            for _ in range(each):
                for _attempt in range(20):
                    i = int(rng.random() * n)
                    if i not in planted and self.households.plant(drafts[i], problem):
                        planted[i] = problem
                        break
        return planted

    def _helpers(self, place) -> list[dict]:
        rng, names = self.rng, self.names
        units = paired_units(rng)
        helpers = []
        for k in range(self.spec.helpers):
            male = rng.random() < 0.7
            age = 25 + int(rng.random() * 33)
            birth = self.today - dt.timedelta(days=int((age + rng.random()) * 365.2425))
            unit, affiliation = (units[0], "04") if k < 3 else helper_unit(rng, units, place.township)
            position = "第一书记" if k == 0 else "驻村工作队员" if k < 3 else POSITIONS[int(rng.random() * len(POSITIONS))]
            mark = "黄" if rng.random() < 0.03 else "红" if rng.random() < 0.01 else ""
            helpers.append(to_row(Helper(
                id=self.ids.new(t.HELPERS), name=names.full(names.surname(False), male, birth.year), unit=unit,
                affiliation=affiliation, phone=phone(rng), position=position, is_work_team=k < 3,
                id_number=self.id_numbers.make(REGION_NOW if rng.random() < 0.5 else REGION_OLD, birth, male),
                accountability_mark=mark)))
        return helpers

    # -- one household --------------------------------------------------------------------------------------

    def _household(self, place, village_id, index, draft, group, helper, helpers, problem) -> BookProfile:
        rng, today, ids, add = self.rng, self.today, self.ids, self.loader.add
        r = rng.random
        hid = ids.new(t.HOUSEHOLDS)
        active = draft.active
        head = draft.head
        size = len(active)
        year = 2014 if r() < 0.7 else 2015 if r() < 0.5 else 2016
        identified = dt.date(year, 3, 1) + dt.timedelta(days=int(r() * 240))
        plan = plan_exit(rng, identified, today, self.settings)
        exited = plan.status in ("1", "4")
        labourers = [p for p in active if p.labour in ("01", "02")]
        workers = [p for p in active if p.work_months > 0]
        if not labourers and size <= 2 and head.age >= 60 and r() < 0.6:
            attribute = "3"
        elif r() < (0.4 if draft.cause in ("1", "2", "8") else 0.15):
            attribute = "2"
        else:
            attribute = "1"
        # conditions
        rating = rng.choices("ABCD", cum_weights=(45, 85, 96, 100))[0]
        house_area = round(size * (18 + 17 * r()), 1) if r() > 0.02 else 0.0
        relocate = house_area == 0 or (rating in "CD" and r() < 0.5)
        unsafe = rating in "CD" and not relocate
        if unsafe and (exited or r() < 0.5):
            rating = "B"  # renovated (危房改造)
        keys = relocate and (exited or r() < 0.5)
        if relocate:
            house_area, rating = round(20 * min(size, 5) + 5 * r(), 1), ("" if not keys else "A")
        water_safe = exited or r() > 0.08
        farmland = round(size * (0.6 + 0.9 * r()), 1)
        others = [c for c in ("7", "9", "8", "1", "3", "11") if c != draft.cause]
        other_causes = rng.sample(others, 0 if r() < 0.3 else 1 if r() < 0.75 else 2)
        if problem == "cause_repeated":
            other_causes = [draft.cause] + other_causes[:1]
        bank, account = bank_account(rng)
        kids = [p for p in draft.people if p.relation in ("03", "04")]
        row = dict(_HOUSEHOLD)
        row.update(
            id=hid, village_id=village_id, number=f"{place.code}{index + 1:04d}", village_group=group,
            address=f"{PROVINCE}{CITY}{COUNTY}{place.township}{place.name}{group}", phone=phone(rng), bank=bank,
            bank_account=account, standard="1" if r() < 0.9 else "2", attribute=attribute, main_cause=draft.cause,
            other_causes=_dumps(other_causes), identified_on=identified.isoformat(),
            planned_exit_year=plan.planned_year, exit_year=plan.exit_year, exit_status=plan.status,
            military_family=int(r() < 0.01), only_child=int(len(kids) == 1 and head.age < 60),
            two_daughters=int(len(kids) == 2 and all(k.relation == "04" for k in kids)),
            farmland_mu=farmland, irrigated_mu=round(farmland * (0.3 + 0.6 * r()), 1),
            forest_mu=round(10 * r(), 1) if r() < 0.5 else 0.0,
            returned_farmland_mu=round(0.5 + 1.5 * r(), 1) if r() < 0.2 else 0.0,
            fruit_mu=round(0.5 + 2.5 * r(), 1) if r() < 0.35 else 0.0,
            water_surface_mu=round(0.5 + 1.5 * r(), 1) if r() < 0.03 else 0.0,
            road_distance_km=round(0.1 + 4.9 * r() ** 2, 1),
            road_type=rng.choices(("03", "02", "01", "04"), cum_weights=(60, 85, 95, 100))[0],
            house_area=None if problem == "no_house_area" else house_area, house_rating=rating,
            relocation_keys_handed=int(keys), power_living=int(r() > 0.005), power_production=int(r() < 0.6),
            broadcast_tv=int(r() < 0.95), water_difficulty=int(not water_safe), water_safe=int(water_safe),
            fuel=rng.choices(("01", "03", "04", "05"), cum_weights=(45, 55, 95, 100))[0],
            sanitary_toilet=int(r() < (0.85 if exited else 0.6)), cooperative=int(r() < 0.3),
            food_secure=int(exited or r() > 0.01), clothing_secure=int(exited or r() > 0.01),
            head_name=head.name, people=size,
        )
        if relocate:
            row.update(relocation_mode="03", relocation_settlement="1", relocation_place="2" if r() < 0.7 else "5")
        if today.year >= 2021 and (plan.status == "3" or (exited and r() < 0.06)):
            row.update(monitor_type="1", risk_types=_dumps(["1" if draft.cause == "1" else "7"]))
            if plan.status != "3" and r() < 0.4:
                row.update(risk_cleared_on=(today - dt.timedelta(days=10 + int(r() * 300))).isoformat(),
                           risk_clear_method="产业帮扶、稳定就业")
        if exited and r() < 0.005:
            row.update(colour_override="yellow", colour_override_reason="收入来源单一，重点关注")
        add(t.HOUSEHOLDS, row)
        self._members(hid, draft, attribute, exited, problem)
        self._pairings(hid, identified, helper, helpers, problem)
        ill = sum(p.health in ("02", "03") for p in active)
        disabled = sum(p.health == "04" for p in active)
        students = [p for p in active if p.schooling >= "07"]
        facts = {"people": size, "ill": ill, "disabled": disabled, "students": len(students),
                 "idle": bool(labourers) and not workers, "unsafe_house": unsafe, "relocate": relocate}
        plans = measure_plans(rng, draft.cause, facts)
        self._measures(hid, identified, plan.planned_year, plans)
        self._visits(hid, draft, helper, identified, row)
        self._steps(hid, plan, place, head.name)
        # the book's profile
        if exited:
            target = 4300 + 5200 * r()
        elif plan.status == "3":
            target = 1800 + 1000 * r()
        elif plan.in_procedure:
            target = 3100 + 2100 * r() if r() < 0.85 else 2000 + 900 * r()
        else:
            target = 1400 + 1450 * r() if r() < (0.45 if workers else 0.75) else 3000 + 1500 * r()
        transferred = round(min(farmland * 0.5, 0.5 + 1.5 * r()), 1) if r() < 0.15 else 0.0
        return BookProfile(
            household_id=hid, people=size, target_yuan=target, growth=0.05 + 0.08 * r(), head=head.name,
            helper=helper["name"] if problem != "no_helper" else "",
            workers=tuple((p.work_status, p.work_months) for p in workers),
            public_post=any(c == "03" for c, *_ in plans), farmland=round(farmland - transferred, 1),
            fruit_mu=row["fruit_mu"], fruit=FRUITS[int(r() * len(FRUITS))],
            pigs=1 + int(r() * 4) if r() < 0.4 else 0, poultry=r() < 0.5,
            returned_mu=row["returned_farmland_mu"], forest_mu=row["forest_mu"], transferred_mu=transferred,
            dividend=r() < 0.6 or any(c == "11" for c, *_ in plans),
            dibao_people=sum(1 for p in active if attribute == "2" and problem != "dibao_none"),
            tekun=attribute == "3", pensioners=sum(p.age >= 60 for p in active), disabled=disabled,
            family_planning=(2 if size > 1 else 1) if head.age >= 60 and (row["only_child"] or row["two_daughters"]) else 0,
            vocational=sum("10" <= p.schooling <= "15" for p in active), students=len(students), ill=ill,
        )

    def _members(self, hid, draft, attribute, exited, problem) -> None:
        rng, add, new = self.rng, self.loader.add, self.ids.new
        for seq, p in enumerate(draft.people, start=1):
            row = dict(_MEMBER)
            row.update(
                id=new(t.MEMBERS), household_id=hid, name=p.name, name_initials=initials(p.name),
                id_number=p.id_number, relation=p.relation, sex="1" if p.male else "2", birth_date=p.birth.isoformat(),
                ethnicity=p.ethnicity, political=p.political, education=p.education, schooling=p.schooling,
                health=p.health, disability_category=p.disability_category, disability_grade=p.disability_grade,
                labour=p.labour, work_status=p.work_status, work_months=p.work_months,
                medical_insurance=int(exited or rng.random() > 0.01),
                pension_insurance=int(p.age >= 16 and not p.student and rng.random() < 0.9),
                commercial_insurance=int(rng.random() < 0.15),
                dibao=int(attribute == "2" and problem != "dibao_none" and p.active),
                tekun=int(attribute == "3" and p.relation in ("01", "02")),
                phone=phone(rng) if p.relation == "01" or (16 <= p.age <= 60 and rng.random() < 0.5) else "",
                change_type=p.change_type, change_date=_iso(p.change_date), seq=seq,
            )
            row["serious_illness_insurance"] = row["medical_insurance"]
            add(t.MEMBERS, row)

    def _pairings(self, hid, identified, helper, helpers, problem) -> None:
        rng, add, new, today = self.rng, self.loader.add, self.ids.new, self.today
        start = min(identified + dt.timedelta(days=5 + int(rng.random() * 55)), today)
        if problem == "no_helper" or rng.random() < 0.05:
            first = helpers[int(rng.random() * len(helpers))]
            end = min(start + dt.timedelta(days=200 + int(rng.random() * 700)), today - dt.timedelta(days=30))
            reason = "帮扶干部退休" if problem == "no_helper" else "工作调动，更换帮扶责任人"
            add(t.PAIRINGS, {**_PAIRING, "id": new(t.PAIRINGS), "household_id": hid, "helper_id": first["id"],
                             "start_date": start.isoformat(), "end_date": end.isoformat(), "reason": reason})
            if problem == "no_helper":
                return
            start = end + dt.timedelta(days=1)
        add(t.PAIRINGS, {**_PAIRING, "id": new(t.PAIRINGS), "household_id": hid, "helper_id": helper["id"],
                         "start_date": start.isoformat(), "reason": "结对帮扶"})

    def _measures(self, hid, identified, planned_year, plans) -> None:
        rng, add, new, today = self.rng, self.loader.add, self.ids.new, self.today
        for category, title, scale, funds in plans:
            due_year = identified.year + 1 + int(rng.random() * max(1, planned_year - identified.year))
            due = min(dt.date(due_year, 12, 31), dt.date(2020, 12, 31))
            unit = MEASURE_UNITS.get(category, "")
            add(t.MEASURES, {**_MEASURE, "id": new(t.MEASURES), "household_id": hid, "kind": "plan",
                             "category": category, "title": title, "scale": scale, "funds_fen": funds * 100,
                             "due_date": due.isoformat(), "unit": unit})
            if due <= today or rng.random() < 0.5:
                span = max(1, (min(due, today) - identified).days - 30)
                day = identified + dt.timedelta(days=30 + int(rng.random() * span))
                signed = rng.random() < 0.95
                add(t.MEASURES, {**_MEASURE, "id": new(t.MEASURES), "household_id": hid, "kind": "delivered",
                                 "category": category, "title": title, "scale": scale, "funds_fen": funds * 100,
                                 "date": min(day, today).isoformat(), "unit": unit, "signed": int(signed),
                                 "note": "户已签字确认" if signed else "待户签字"})

    def _visits(self, hid, draft, helper, identified, household) -> None:
        rng, add, new, today = self.rng, self.loader.add, self.ids.new, self.today
        active = draft.active
        names = {
            "sick": next((p.name for p in active if p.health in ("02", "03")), draft.head.name),
            "disabled": next((p.name for p in active if p.health == "04"), draft.head.name),
            "student": next((p.name for p in active if p.student), draft.head.name),
            "farmland": household["farmland_mu"],
        }
        start = max(self.book_start, identified)
        for day in visit_dates(rng, start, today, overdue=rng.random() < 0.1):
            findings, promises = visit_text(rng, draft.cause, names)
            add(t.VISITS, {**_VISIT, "id": new(t.VISITS), "household_id": hid, "date": day.isoformat(),
                           "visitor": helper["name"], "helper_id": helper["id"], "findings": findings,
                           "promises": promises})

    def _steps(self, hid, plan, place, head_name) -> None:
        add, new = self.loader.add, self.ids.new
        actors = {"1": f"{place.name}两委", "2": f"{place.name}两委、驻村工作队", "3": f"户主{head_name}",
                  "4": f"{place.name}委会", "5": f"{place.township}人民政府", "6": f"{place.township}扶贫工作站"}
        for step, day, note, outcome, round_no in plan.steps:
            add(t.EXIT_STEPS, {**_STEP, "id": new(t.EXIT_STEPS), "household_id": hid, "step": step,
                               "date": day.isoformat(), "actor": actors[step], "note": note, "outcome": outcome,
                               "round": round_no})


def _poverty_lines(db, loader: BulkLoader) -> None:
    years = {row[0] for row in db.execute(f"SELECT year FROM {t.POVERTY_LINES}").fetchall()}
    ids = {row[0] for row in db.execute(f"SELECT id FROM {t.POVERTY_LINES}").fetchall()}
    for line in DEFAULT_POVERTY_LINES:
        if line.year not in years and str(line.year) not in ids:
            loader.add(t.POVERTY_LINES, {"id": str(line.year), "year": line.year, "line_fen": line.line_fen,
                                         "source": line.source, "deleted": 0})


def generate(db, *, size: str = "village", seed: int = 2020, today: dt.date, hlc, operator: str = "演示数据",
             progress: Callable[[int, int], object] | None = None, ledger_years: float | None = None,
             stats: dict | None = None) -> dict:
    """Fill ``db`` with demo data of ``size``; returns the number of rows written per table.

    ``ledger_years`` overrides the size's book length (0: no daily book; 0.25 ≈ 3 months). ``progress`` is
    called as ``progress(households_done, households_total)`` now and then, on the calling thread, once those
    households are written. ``today`` must be 2017 or later. Rows are made on a worker thread while the calling
    thread (which owns ``db``) writes them.
    ``stats``, when given, receives ``write_seconds`` (time spent in SQLite writes) for benchmarks.
    """
    if size not in SIZES:
        raise ValueError(f"未知的演示数据规模“{size}”，可选：{'、'.join(SIZES)}")
    if today < dt.date(2017, 1, 1):
        raise ValueError("演示数据的参考日期须在2017年1月1日之后")
    spec = SIZES[size]
    days = spec.ledger_days if ledger_years is None else int(round(ledger_years * 365.25))
    rng = random.Random(seed)
    ids = _Ids(rng)
    places = village_places(rng, spec.townships, spec.villages_per_township)
    codes = [p.code for p in places]
    marks = ",".join("?" for _ in codes)
    taken = db.execute(f"SELECT code FROM {t.VILLAGES} WHERE code IN ({marks})", codes).fetchall()
    if taken:
        raise ValueError(f"数据库中已有村代码 {taken[0][0]}，演示数据不能重复生成")
    total = len(places) * spec.households
    with BulkLoader(db, hlc, operator, DEMO_SOURCE, op_id=ids.op_id) as loader:
        gen = _Generator(db, spec, seed, today, loader, ids, days, rng)
        _poverty_lines(db, loader)
        gen.total, gen.progress = total, progress

        def produce() -> None:
            for place in places:
                gen.village(place)

        loader.run_pipelined(produce)
    if stats is not None:
        stats["write_seconds"] = loader.flush_seconds
    return dict(loader.counts)
