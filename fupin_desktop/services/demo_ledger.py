"""The demo's 收支账本: seasonal incomes, spring production costs and daily living expenses, in integer fen.

Each household's book is built one accounting year (1 October – 30 September) at a time around a target
per-capita net income for that year (it grows year by year): fixed transfers (低保 quarterly, pensions monthly,
subsidies yearly) keep their real amounts; wages (monthly, for the months a member works), harvest sales,
livestock sales, dividends and rents are scaled so that 总收入 − 生产经营性支出 hits the target. Living expenses
(recorded, not deducted) fill the days: one or more entries a day in the daily book, one a week in the sparse
book used for the county size. Rows are plain tuples in :data:`~fupin_desktop.storage.bulk.LEDGER_ROW_COLUMNS`
order, handed to the loader one household at a time.
"""

import datetime as dt
import random
from dataclasses import dataclass

from fupin_desktop.domain.income import accounting_year_of, accounting_year_range
from fupin_desktop.domain.records import Settings

_WAGE = {"01": 2100, "02": 2600, "03": 3300, "04": 4200, "": 2400}
_PLACE = {"01": "乡镇内", "02": "县内", "03": "省内", "04": "省外", "": "零工"}
_DAILY_NOTES = ("买菜", "米面油", "肉蛋", "日用品", "调料", "买菜", "煤气", "衣物鞋帽", "零食水果", "买菜")
_WEEKLY_NOTES = ("本周生活消费", "本周买菜及日用品", "本周米面油肉")
_POSTS = ("护林员", "护路员", "护水员", "护洁员", "光伏电站管护员")
FRUITS = ("茶叶", "猕猴桃", "柑橘")
_MAX_SCALE = 1.6  # most that harvest, sales and wages are stretched to reach a household's income target
# Mean number of living-expense entries per day in the daily book (the rest of the book adds ≈ 0.3 a day).
DAILY_EXTRA = (0.42, 0.07)  # P(2nd entry), P(3rd entry)


@dataclass(slots=True)
class BookProfile:
    household_id: str
    people: int
    target_yuan: float  # per-capita net income of the current accounting year
    growth: float  # yearly income growth (earlier years are lower)
    head: str
    helper: str
    workers: tuple[tuple[str, int], ...] = ()  # (务工状况, months)
    public_post: bool = False
    farmland: float = 0.0
    fruit_mu: float = 0.0
    fruit: str = ""
    pigs: int = 0
    poultry: bool = False
    returned_mu: float = 0.0
    forest_mu: float = 0.0
    transferred_mu: float = 0.0
    dividend: bool = False
    dibao_people: int = 0
    tekun: bool = False
    pensioners: int = 0
    disabled: int = 0
    family_planning: int = 0
    vocational: int = 0  # 中职/高职 students (雨露计划)
    students: int = 0
    ill: int = 0


class BookWriter:
    """Writes daily books for the period ``start``…``end`` (inclusive) through a :class:`BulkLoader`."""

    def __init__(self, rng: random.Random, loader, id_prefix: str, start: dt.date, end: dt.date, daily: bool):
        self.rng, self.loader, self.prefix, self.daily = rng, loader, id_prefix, daily
        self.start, self.end = start.toordinal(), end.toordinal()
        self.base = self.start - 400
        self.dates = [dt.date.fromordinal(o).isoformat() for o in range(self.base, self.end + 1)]
        self.counter = 0
        settings = Settings()
        self.years = []
        for year in range(accounting_year_of(start, settings), accounting_year_of(end, settings) + 1):
            first, last = accounting_year_range(year, settings)
            months = []
            for i in range(12):
                m = (first.month - 1 + i) % 12 + 1
                y = first.year + (first.month - 1 + i) // 12
                nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
                months.append((dt.date(y, m, 1).toordinal(), (nxt - dt.date(y, m, 1)).days))
            self.years.append((year, first.toordinal(), last.toordinal(), months))
        self.current_year = self.years[-1][0]
        self.rows_written = 0

    def _id(self) -> str:
        self.counter += 1
        return f"{self.prefix}{self.counter:012x}"

    def write(self, prof: BookProfile) -> int:
        rows: list[tuple] = []
        for year, first, last, months in self.years:
            lo, hi = max(first, self.start), min(last, self.end)
            if lo > hi:
                continue
            target = prof.target_yuan / (1 + prof.growth) ** (self.current_year - year) * prof.people
            self._year(prof, rows, lo, hi, first, last, months, target)
        self.loader.add_ledger_rows(rows)
        self.rows_written += len(rows)
        return len(rows)

    def _year(self, prof, rows, lo, hi, first, last, months, target) -> None:
        rng = self.rng
        rnd = rng.random
        fixed: list[tuple] = []  # (ordinal, category, yuan, quantity, unit, note)
        flex: list[tuple] = []  # (ordinal, category, raw yuan, quantity, unit, note, rounding yuan)
        costs: list[tuple] = []
        living: list[tuple] = []

        def day(month: int, lo_day: int = 1, hi_day: int = 28) -> int:
            start, length = months[month]
            return start + min(lo_day - 1 + int(rnd() * (hi_day - lo_day + 1)), length - 1)

        for status, n in prof.workers:
            m0 = int(rnd() * (12 - n + 1))
            base = _WAGE.get(status, 2400) * (0.85 + 0.3 * rnd())
            for k in range(n):
                start, length = months[m0 + k]
                flex.append((start + length - 1, "11", base, None, "", f"务工工资（{_PLACE.get(status, '')}）", 10))
        if prof.public_post:
            post = _POSTS[int(rnd() * len(_POSTS))]
            for m in range(12):
                fixed.append((day(m, 10, 12), "12", 600, None, "", f"公益岗位工资（{post}）"))
        if prof.farmland:
            qty = round(prof.farmland * (450 + 350 * rnd()), -1)
            flex.append((day(0, 1, 25), "21", qty * 1.3, qty, "斤", "出售稻谷{q}斤", 1))
            qty = round(prof.farmland * (120 + 120 * rnd()), -1)
            flex.append((day(8, 1, 25), "21", qty * 2.6, qty, "斤", "出售油菜籽{q}斤", 1))
            for m in range(12 if self.daily else 0):  # small sales only in the daily book
                if rnd() < 0.5:
                    flex.append((day(m), "21", 30 + 60 * rnd(), None, "", "出售蔬菜", 1))
            costs.append((day(5, 1, 20), "51", prof.farmland * 90, None, "", "购买稻种、育秧"))
            costs.append((day(11, 5, 25), "51", prof.farmland * 40, None, "", "购买油菜种子"))
            costs.append((day(6, 1, 28), "52", prof.farmland * 160, None, "", "购买化肥"))
            costs.append((day(9, 1, 28), "52", prof.farmland * 60, None, "", "购买农药"))
            costs.append((day(6, 10, 28), "59", prof.farmland * 80, None, "", "机耕费"))
            if rnd() < 0.05:
                costs.append((day(5), "54", 800 + 1500 * rnd(), 1, "台", "购买微耕机"))
        if prof.fruit_mu:
            if prof.fruit == "茶叶":
                for _ in range(4 + int(rnd() * 4)):
                    q = 10 + int(rnd() * 30)
                    flex.append((day(6 + int(rnd() * 2)), "23", q * 30.0, q, "斤", "出售茶叶鲜叶{q}斤", 1))
            else:
                month = 11 if prof.fruit == "猕猴桃" else 2
                for _ in range(2 + int(rnd() * 2)):
                    q = round(prof.fruit_mu * (150 + 250 * rnd()), -1)
                    flex.append((day(month), "23", q * 2.5, q, "斤", "出售" + prof.fruit + "{q}斤", 1))
            costs.append((day(5), "52", prof.fruit_mu * 120, None, "", f"{prof.fruit}园施肥"))
        if prof.pigs:
            n = prof.pigs
            flex.append((day(3, 1, 28), "22", n * 2000.0, n, "头", "出售生猪{q}头", 10))
            costs.append((day(6), "53", n * 500, n, "头", f"购买仔猪{n}头"))
            for m in range(12):
                costs.append((day(m), "53", n * 120, None, "", "购买饲料"))
        if prof.poultry:
            for m in range(12 if self.daily else 2):
                if rnd() < 0.6:
                    flex.append((day(m), "22", 40 + 80 * rnd(), None, "", "出售土鸡蛋", 1))
            costs.append((day(6), "53", 150, None, "", "购买鸡苗"))
        if prof.dividend:
            flex.append((day(2, 15, 28), "31", 400 + 600 * rnd(), None, "", "产业扶贫资产收益分红", 10))
        if prof.transferred_mu:
            mu = prof.transferred_mu
            fixed.append((day(1), "32", round(mu * 600), mu, "亩", f"土地流转租金{mu:g}亩"))
        if prof.family_planning:
            fixed.append((day(5), "41", 960 * prof.family_planning, None, "", "计划生育奖励扶助金"))
        for quarter_end in (2, 5, 8, 11):
            start, length = months[quarter_end]
            if prof.dibao_people:
                fixed.append((start + 19, "42", 150 * 3 * prof.dibao_people, None, "", "低保金（季度）"))
            if prof.tekun:
                fixed.append((start + 19, "43", 1650, None, "", "特困人员供养金（季度）"))
            if prof.disabled:
                fixed.append((start + 24, "49", 130 * 3 * prof.disabled, None, "", "残疾人两项补贴"))
        if prof.pensioners:
            for m in range(12):
                fixed.append((months[m][0] + 14, "44", 136 * prof.pensioners, None, "", "城乡居民基础养老金"))
        if prof.returned_mu or prof.forest_mu:
            amount = round(prof.returned_mu * 160 + prof.forest_mu * 15)
            if amount >= 30:
                fixed.append((day(1), "45", amount, None, "", "退耕还林及生态公益林补偿"))
        if prof.farmland:
            fixed.append((day(7), "49", round(prof.farmland * 85), None, "", "耕地地力保护补贴"))
        if prof.vocational:
            for m in (0, 5):
                fixed.append((day(m), "49", 1500 * prof.vocational, None, "", "雨露计划补助"))
        if prof.ill and rnd() < 0.7:
            flex.append((day(int(rnd() * 12)), "49", 500 + 2500 * rnd(), None, "", "医疗救助", 10))
        if not flex:
            flex.append((day(3), "49", 300.0, None, "", "临时救助", 1))
        for m in range(12):
            start = months[m][0]
            if self.daily:  # the weekly book folds bills into the week's living expenses
                living.append((start + 4, "61", 30 + 60 * rnd(), None, "", "水电费"))
                living.append((start + 9, "61", 30 + 20 * rnd(), None, "", "话费"))
            if rnd() < (0.6 if self.daily else 0.3):
                living.append((day(m), "69", 100 + 100 * int(rnd() * 5), None, "", "人情往来"))
            if prof.ill:
                living.append((day(m), "63", prof.ill * (80 + 200 * rnd()), None, "", "买药"))
            if prof.students and m in (0, 5):
                living.append((start + 1, "62", prof.students * (300 + 900 * rnd()), None, "", "学杂费及书本费"))
        # Scale: fixed transfers as they are, flexible incomes fill the target net income.
        costs_target = target * (0.1 + 0.1 * rnd()) if costs else 0.0
        fixed_sum = sum(e[2] for e in fixed)
        flex_sum = sum(e[2] for e in flex)
        wanted = max(target + costs_target - fixed_sum, 0.15 * flex_sum, 200.0)
        scale = wanted / flex_sum
        if scale > _MAX_SCALE:  # a farm cannot sell 5× its harvest: relatives' support makes up the rest
            support = (wanted - flex_sum * _MAX_SCALE) / 4
            note = "子女赡养费" if prof.pensioners else "亲友资助"
            for quarter in (1, 4, 7, 10):
                fixed.append((day(quarter), "49", round(support), None, "", note))
            scale = _MAX_SCALE
        costs_scale = costs_target / (sum(e[2] for e in costs) or 1.0)
        income = fixed_sum + wanted
        scheduled: dict[int, list[tuple]] = {}
        recorder = prof.helper or prof.head

        def put(ordinal, category, fen, quantity, unit, note, who) -> None:
            if lo <= ordinal <= hi:
                scheduled.setdefault(ordinal, []).append((category, max(fen, 100), quantity, unit, note, who, ""))

        for o, cat, yuan, q, unit, note in fixed:
            put(o, cat, int(yuan * 100), q, unit, note, recorder)
        for o, cat, yuan, q, unit, note, step in flex:
            if q is not None:  # sold less (or more) than the raw guess: the quantity follows the amount
                q = max(1, round(q * scale)) if unit == "头" else max(5, round(q * scale / 5) * 5)
                note = note.format(q=q)
            put(o, cat, int(yuan * scale / step + 0.5) * step * 100, q, unit, note, recorder)
        for o, cat, yuan, q, unit, note in costs:
            put(o, cat, int(yuan * costs_scale + 0.5) * 100, q, unit, note, recorder)
        living_fixed = 0.0
        for o, cat, yuan, q, unit, note in living:
            living_fixed += yuan
            put(o, cat, int(yuan + 0.5) * 100, q, unit, note, prof.head)
        # Living expenses per entry: the rest of a living budget of 55–90 % of income.
        days = last - first + 1
        per_day = 1 + DAILY_EXTRA[0] + DAILY_EXTRA[1] if self.daily else 1 / 7
        budget = max(income * (0.55 + 0.35 * rnd()) - living_fixed, income * 0.25)
        mean = budget / (days * per_day) * 2  # in half-yuan units
        self._emit(prof, rows, lo, hi, scheduled, mean)

    def _emit(self, prof, rows, lo, hi, scheduled, mean) -> None:
        rnd = self.rng.random
        prefix, hid, dates, base, head = self.prefix, prof.household_id, self.dates, self.base, prof.head
        c = self.counter
        p2, p3 = DAILY_EXTRA
        daily = self.daily
        notes = _DAILY_NOTES if daily else _WEEKLY_NOTES
        k = len(notes)
        weekday = int(rnd() * 7)
        correction = rnd() < 0.05
        if daily:
            days = range(lo, hi + 1)
        else:  # only the days with an entry: the weekly day and the scheduled ones
            days = sorted(set(scheduled).union(range(lo + (-(lo + weekday)) % 7, hi + 1, 7)))
        for o in days:
            ds = dates[o - base]
            events = scheduled.get(o)
            if events:
                for e in events:
                    c += 1
                    rows.append((f"{prefix}{c:012x}", hid, ds, *e))
                    if correction and e[0] < "50":
                        correction = False
                        wrong = rows[-1]
                        c += 1
                        rows.append((f"{prefix}{c:012x}", hid, ds, e[0], -e[1], e[2], e[3], f"冲正：{e[4]}金额录入有误",
                                     e[5], wrong[0]))
                        c += 1
                        rows.append((f"{prefix}{c:012x}", hid, ds, e[0], e[1] * 9 // 1000 * 100 or 100, e[2], e[3],
                                     f"{e[4]}（更正）", e[5], ""))
            if daily:
                r = rnd()
                n = 3 if r < p3 else 2 if r < p2 + p3 else 1
            elif (o + weekday) % 7:
                continue
            else:
                n = 1
            for _ in range(n):
                c += 1
                rows.append((f"{prefix}{c:012x}", hid, ds, "61", (int(mean * (0.4 + 1.2 * rnd())) or 2) * 50, None, "",
                             notes[int(rnd() * k)], head, ""))
        self.counter = c
