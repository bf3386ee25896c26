"""A deterministic demo: villages of 陕西省汉中市汉台区 with households, books, helpers and exit progress.

``generate(db, size=…, seed=2020, today=…, hlc=…)`` fills a database with one of the data sizes of QUALITY.md
(``small`` for tests, ``village``, ``township``, ``county``). The same seed, reference date and clock give the
same rows. Everything goes through :class:`~fupin_desktop.storage.bulk.BulkLoader`, so every non-ledger row
has its change-log entry; daily-book rows are streamed a household at a time. A few deliberate 问题数据 are
planted (see ``demo_households.PROBLEMS``) so the check report has content. With ``workers=2`` the rows are
made on a second process (``demo_parallel``) while this one writes them.

The pieces: ``demo_places`` (area, villages, units), ``demo_names`` (names, ID numbers), ``demo_households``
(who lives together, schooling, health, work), ``demo_progress`` (exit deadlines and steps, measures, visits),
``demo_rows`` (ids and row writers), ``demo_ledger`` (the daily books).
"""

import datetime as dt
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from fupin_desktop.domain.records import DEFAULT_POVERTY_LINES, Helper, PovertyLine, Settings, Village
from fupin_desktop.services.demo_households import PROBLEMS, Draft, HouseholdMaker, draw_cause
from fupin_desktop.services.demo_ledger import FRUITS, BookProfile, BookWriter
from fupin_desktop.services.demo_names import IdNumbers, NameMaker, bank_account, phone
from fupin_desktop.services.demo_places import (
    CITY,
    COUNTY,
    GROUPS,
    POSITIONS,
    PROVINCE,
    REGION_NOW,
    REGION_OLD,
    helper_unit,
    paired_units,
    village_places,
)
from fupin_desktop.services.demo_progress import measure_plans, plan_exit
from fupin_desktop.services.demo_rows import HOUSEHOLD_TEMPLATE, Ids, RowWriter, dumps
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


class _Generator(RowWriter):
    def __init__(self, spec: SizeSpec, today: dt.date, loader: BulkLoader, ids: Ids, ledger_days: int,
                 rng: random.Random):
        self.spec, self.today, self.loader, self.ids, self.rng = spec, today, loader, ids, rng
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
        self._attendance(helpers)
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
                self.progress(self.done, self.total)

    def _attendance(self, helpers: list[dict]) -> None:
        """驻村 days of the work team for the last twelve months and this month so far. Drawn from a random
        source of their own (seeded by the helper's id), so the rest of the demo is what it was without them;
        now and then a month falls short of ATTENDANCE_MIN_DAYS, as it does in real rosters."""
        from fupin_desktop.domain.attendance import ATTENDANCE_MIN_DAYS, days_in_month

        first = self.today.replace(day=1)
        for helper in helpers:
            if not helper.get("is_work_team"):
                continue
            rng = random.Random(helper["id"])
            for back in range(12, -1, -1):
                year, month = divmod(first.year * 12 + first.month - 1 - back, 12)
                start = dt.date(year, month + 1, 1)
                length = days_in_month(f"{start:%Y-%m}")
                if back == 0:  # this month: the days so far
                    days = min(self.today.day, int(self.today.day * (0.75 + 0.2 * rng.random())))
                elif rng.random() < 0.08:
                    days = ATTENDANCE_MIN_DAYS - 1 - int(rng.random() * 6)
                else:
                    days = min(length, ATTENDANCE_MIN_DAYS + int(rng.random() * 7))
                self.loader.add(t.ATTENDANCE, {
                    "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"fupin-demo/attendance/{helper['id']}/{start:%Y-%m}")),
                    "helper_id": helper["id"], "month": f"{start:%Y-%m}", "days": days, "note": "", "deleted": 0})

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
        if problem == "dibao_none":
            attribute = "2"  # 低保贫困户 whose members are not marked as on 低保
        elif not labourers and size <= 2 and head.age >= 60 and r() < 0.6:
            attribute = "3"
        elif r() < (0.4 if draft.cause in ("1", "2", "8") else 0.15):
            attribute = "2"
        else:
            attribute = "1"
        # conditions
        rating = rng.choices("ABCD", cum_weights=(45, 85, 96, 100))[0]
        house_area = round(size * (18 + 17 * r()), 1) if r() > 0.02 else 0.0
        if house_area == 0:
            rating = ""  # no house
        relocate = house_area == 0 or (rating in ("C", "D") and r() < 0.4)
        unsafe = rating in ("C", "D") and not relocate
        if unsafe and (exited or r() < 0.2):
            rating = "B"  # renovated (危房改造)
        keys = relocate and (exited or r() < 0.5)
        if keys:  # moved into the relocation flat
            house_area, rating = round(20 * min(size, 5) + 5 * r(), 1), "A"
        water_safe = exited or r() > 0.08
        farmland = round(size * (0.6 + 0.9 * r()), 1)
        others = [c for c in ("7", "9", "8", "1", "3", "11") if c != draft.cause]
        other_causes = rng.sample(others, 0 if r() < 0.3 else 1 if r() < 0.75 else 2)
        if problem == "cause_repeated":
            other_causes = [draft.cause] + other_causes[:1]
        bank, account = bank_account(rng)
        kids = [p for p in draft.people if p.relation in ("03", "04")]
        row = dict(HOUSEHOLD_TEMPLATE)
        row.update(
            id=hid, village_id=village_id, number=f"{place.code}{index + 1:04d}", village_group=group,
            address=f"{PROVINCE}{CITY}{COUNTY}{place.township}{place.name}{group}", phone=phone(rng), bank=bank,
            bank_account=account, standard="1" if r() < 0.9 else "2", attribute=attribute, main_cause=draft.cause,
            other_causes=dumps(other_causes), identified_on=identified.isoformat(),
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
            head_name=head.name, people=size, exit_step=self._last_step(plan),
        )
        if relocate:
            row.update(relocation_mode="03", relocation_settlement="1", relocation_place="2" if r() < 0.7 else "5")
        if today.year >= 2021 and (plan.status == "3" or (exited and r() < 0.06)):
            row.update(monitor_type="1", risk_types=dumps(["1" if draft.cause == "1" else "7"]))
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


def missing_poverty_lines(db) -> tuple[PovertyLine, ...]:
    """The shipped poverty lines the database does not have yet (by year or by id)."""
    years = {row[0] for row in db.execute(f"SELECT year FROM {t.POVERTY_LINES}").fetchall()}
    ids = {row[0] for row in db.execute(f"SELECT id FROM {t.POVERTY_LINES}").fetchall()}
    return tuple(line for line in DEFAULT_POVERTY_LINES if line.year not in years and str(line.year) not in ids)


def start(size: str, seed: int):
    """The size's spec, the seeded random stream, the id maker and the villages: the same for a seed."""
    if size not in SIZES:
        raise ValueError(f"未知的演示数据规模“{size}”，可选：{'、'.join(SIZES)}")
    spec = SIZES[size]
    rng = random.Random(seed)
    ids = Ids(rng)
    return spec, rng, ids, village_places(rng, spec.townships, spec.villages_per_township)


def produce(loader: BulkLoader, size: str, seed: int, today: dt.date, days: int,
            lines: tuple[PovertyLine, ...], progress: Callable[[int, int], object] | None) -> None:
    """Add every row of the demo to ``loader`` (which writes them, or hands them to another process)."""
    spec, rng, ids, places = start(size, seed)
    for line in lines:
        loader.add(t.POVERTY_LINES, {"id": str(line.year), "year": line.year, "line_fen": line.line_fen,
                                     "source": line.source, "deleted": 0})
    gen = _Generator(spec, today, loader, ids, days, rng)
    gen.total, gen.progress = len(places) * spec.households, progress
    for place in places:
        gen.village(place)
    loader.flush()


def generate(db, *, size: str = "village", seed: int = 2020, today: dt.date, hlc, operator: str = "演示数据",
             progress: Callable[[int, int], object] | None = None, ledger_years: float | None = None,
             stats: dict | None = None, workers: int = 1) -> dict:
    """Fill ``db`` with demo data of ``size``; returns the number of rows written per table (plus
    ``village_code`` when the size has one village). The derived problem counts are left for
    ``services.derived.refresh``; ``head_name``, ``people`` and ``exit_step`` are filled here.

    ``ledger_years`` overrides the size's book length (0: no daily book; 0.25 ≈ 3 months). ``progress`` is
    called as ``progress(households_done, households_total)`` now and then (an exception raised there stops
    the run; rows written so far stay unless the caller wraps the call in a transaction). ``today`` must be
    2017 or later. ``workers=2`` makes the rows in a second process while this one writes them (same rows,
    but the stamps then come from the real time, whatever clock ``hlc`` reads; a frozen Windows build needs
    ``multiprocessing.freeze_support()`` in its entry point). ``stats``, when given, receives
    ``write_seconds`` (time spent in SQLite writes) for benchmarks.
    """
    if today < dt.date(2017, 1, 1):
        raise ValueError("演示数据的参考日期须在2017年1月1日之后")
    spec, _rng, ids, places = start(size, seed)
    days = spec.ledger_days if ledger_years is None else int(round(ledger_years * 365.25))
    codes = [p.code for p in places]
    marks = ",".join("?" for _ in codes)
    taken = db.execute(f"SELECT code FROM {t.VILLAGES} WHERE code IN ({marks})", codes).fetchall()
    if taken:
        raise ValueError(f"数据库中已有村代码 {taken[0][0]}，演示数据不能重复生成")
    lines = missing_poverty_lines(db)
    if workers > 1:
        from fupin_desktop.services.demo_parallel import run_in_worker

        loader = run_in_worker(db, hlc, operator, DEMO_SOURCE, ids.op_id, (size, seed, today, days, lines),
                               progress)
    else:
        with BulkLoader(db, hlc, operator, DEMO_SOURCE, op_id=ids.op_id) as loader:
            produce(loader, size, seed, today, days, lines, progress)
    if stats is not None:
        stats["write_seconds"] = loader.flush_seconds
    counts: dict = dict(loader.counts)
    if len(places) == 1:
        counts["village_code"] = places[0].code
    return counts
