"""Households of the demo: who lives together, their ages, schooling, health, work and the household's facts.

A household is drafted as a list of :class:`Person` (consistent relation, sex, age, ID number, schooling by
age, labour by age and health) around a main cause drawn with the weights of seed 001 (因病 ≈ 44 %, 因残 ≈
14 %), then turned into rows by :mod:`fupin_desktop.services.demo`.
"""

import datetime as dt
import random
from dataclasses import dataclass, field
from itertools import accumulate

from fupin_desktop.services.demo_names import IdNumbers, NameMaker
from fupin_desktop.services.demo_places import REGION_NEIGHBOURS, REGION_NOW, REGION_OLD

# 主要致贫原因 with weights (‰): 因病 and 因残 as in seed 001 (43.62 %, 14.19 %), the rest 缺技术, 缺资金, 缺劳力,
# 因学 and a tail.
CAUSES = ("1", "2", "7", "9", "8", "3", "11", "4", "5", "10", "6")
_CAUSE_CUM = tuple(accumulate((436, 142, 115, 90, 80, 70, 20, 20, 12, 10, 5)))
# 问题数据 deliberately planted so the check report has content (each in ~1 % of households, ≥ 1 per village).
PROBLEMS = ("ill_all_healthy", "no_ethnicity", "idle_labour", "dibao_none", "no_helper", "work_no_place",
            "cause_repeated", "no_house_area")

_WORK_PLACES = ("01", "02", "03", "04")
_WORK_CUM = (20, 45, 75, 100)
_DISABILITY_CUM = tuple(accumulate((12, 12, 3, 45, 10, 10, 8)))  # 视力 听力 言语 肢体 智力 精神 多重
_MINORITIES = ("03", "15", "33", "06")


@dataclass(slots=True)
class Person:
    relation: str
    male: bool
    birth: dt.date
    age: int
    name: str = ""
    id_number: str = ""
    education: str = ""
    schooling: str = "01"
    health: str = "01"
    disability_category: str = ""
    disability_grade: str = ""
    labour: str = ""
    work_status: str = ""
    work_months: int = 0
    ethnicity: str = "01"
    political: str = "13"
    change_type: str = ""
    change_date: dt.date | None = None

    @property
    def active(self) -> bool:
        return self.change_type not in ("01", "02", "03", "04", "08")

    @property
    def student(self) -> bool:
        return self.schooling != "01"


@dataclass
class Draft:
    cause: str
    people: list[Person] = field(default_factory=list)
    problem: str = ""

    @property
    def head(self) -> Person:
        return self.people[0]

    @property
    def active(self) -> list[Person]:
        return [p for p in self.people if p.active]


def draw_cause(rng: random.Random) -> str:
    return rng.choices(CAUSES, cum_weights=_CAUSE_CUM)[0]


def _age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


class HouseholdMaker:
    def __init__(self, rng: random.Random, names: NameMaker, ids: IdNumbers, today: dt.date):
        self.rng, self.names, self.ids, self.today = rng, names, ids, today
        year = today.year if (today.month, today.day) >= (9, 1) else today.year - 1
        self.school_day = dt.date(year, 9, 1)  # ages for schooling are taken at the school year's start

    # -- people -------------------------------------------------------------------------------------------

    def _person(self, relation: str, male: bool, age: int, surname: str, outsider: bool = False) -> Person:
        rng, today = self.rng, self.today
        age = max(0, min(age, 98))
        birth = today - dt.timedelta(days=int((age + rng.random()) * 365.2425))
        person = Person(relation, male, birth, _age_on(birth, today))
        person.name = self.names.full(surname, male, birth.year)
        if outsider and rng.random() < 0.5:
            region = REGION_NEIGHBOURS[int(rng.random() * len(REGION_NEIGHBOURS))]
        elif birth.year < 1997 and rng.random() < 0.8:
            region = REGION_OLD
        else:
            region = REGION_NOW
        person.id_number = self.ids.make(region, birth, male)
        return person

    def _children(self, draft, head_surname, n, oldest, youngest=0):
        rng = self.rng
        age = oldest
        for _ in range(n):
            if age < youngest:
                break
            male = rng.random() < 0.52
            draft.people.append(self._person("03" if male else "04", male, age, head_surname))
            age -= 1 + int(rng.random() * 5)

    def draft(self, cause: str) -> Draft:
        """A household whose make-up fits its main cause."""
        rng = self.rng
        draft = Draft(cause)
        r = rng.random()
        if cause == "8":  # 缺劳力: mostly old people
            kind = "old" if r < 0.75 else "middle"
        elif cause == "3":  # 因学: children of school age
            kind = "young" if r < 0.45 else "middle"
        else:
            kind = "young" if r < 0.35 else "middle" if r < 0.75 else "old"
        getattr(self, f"_{kind}")(draft)
        self._fill(draft)
        self._fit_cause(draft)
        return draft

    def _young(self, draft: Draft) -> None:
        rng, names = self.rng, self.names
        head_age = 28 + int(rng.random() * 18)
        male = rng.random() < 0.92
        surname = names.surname()
        head = self._person("01", male, head_age, surname)
        draft.people.append(head)
        family = surname
        if male and rng.random() < 0.92:
            draft.people.append(self._person("02", False, head_age - int(rng.random() * 5), names.surname(False), True))
        elif not male:
            family = names.surname()
        n = 1 if rng.random() < 0.25 else 2 if rng.random() < 0.72 else 3
        oldest = min(head_age - 21, 22)
        if draft.cause == "3":  # 因学: the eldest child is of high-school or college age when the parents allow
            oldest = min(head_age - 20, 15 + int(rng.random() * 6))
        else:
            oldest = int(rng.random() * (oldest + 1))
        self._children(draft, family, n, oldest)
        if rng.random() < 0.55:
            parent_age = head_age + 23 + int(rng.random() * 10)
            if rng.random() < 0.6:
                draft.people.append(self._person("11", True, parent_age, surname))
            if rng.random() < 0.8:
                draft.people.append(self._person("12", False, parent_age - int(rng.random() * 4), names.surname(False)))

    def _middle(self, draft: Draft) -> None:
        rng, names = self.rng, self.names
        head_age = 46 + int(rng.random() * 17)
        male = rng.random() < 0.88
        surname = names.surname()
        draft.people.append(self._person("01", male, head_age, surname))
        family = surname
        if male and rng.random() < 0.85:
            draft.people.append(self._person("02", False, head_age - int(rng.random() * 5), names.surname(False), True))
        elif not male:
            family = names.surname()
        n = 1 if rng.random() < 0.35 else 2 if rng.random() < 0.8 else 3
        oldest = min(38, max(12, head_age - 20 - int(rng.random() * 10)))
        if draft.cause == "3":
            oldest = min(oldest, 15 + int(rng.random() * 6))
        self._children(draft, family, n, oldest, 0)
        son = next((p for p in draft.people if p.relation == "03" and p.age >= 24), None)
        if son is not None and rng.random() < 0.6:
            wife = self._person("05", False, son.age - 3 + int(rng.random() * 5), names.surname(False), True)
            if rng.random() < 0.25:
                wife.change_type = "05"  # 嫁入
                wife.change_date = self.today - dt.timedelta(days=int(rng.random() * 900))
            draft.people.append(wife)
            kids = 1 if rng.random() < 0.6 else 2
            age = min(12, son.age - 21)
            for _ in range(kids):
                if age < 0:
                    break
                boy = rng.random() < 0.52
                draft.people.append(self._person("07" if boy else "08", boy, age, family))
                age -= 2 + int(rng.random() * 4)
        if rng.random() < 0.3:
            mother_age = min(95, head_age + 20 + int(rng.random() * 10))
            relation = "12" if male else "16"
            draft.people.append(self._person(relation, False, mother_age, names.surname(False)))

    def _old(self, draft: Draft) -> None:
        rng, names = self.rng, self.names
        head_age = 63 + int(rng.random() * 23)
        male = rng.random() < 0.75
        surname = names.surname()
        draft.people.append(self._person("01", male, head_age, surname))
        family = surname if male else names.surname()
        if rng.random() < 0.6:
            draft.people.append(self._person("02", not male, head_age - 3 + int(rng.random() * 7),
                                             names.surname(False), True))
        if rng.random() < 0.45:
            draft.people.append(self._person("03", True, 30 + int(rng.random() * 23), family))
        if rng.random() < 0.3:
            age = 4 + int(rng.random() * 12)
            for _ in range(1 if rng.random() < 0.6 else 2):
                boy = rng.random() < 0.5
                draft.people.append(self._person("07" if boy else "08", boy, age, family))
                age = max(4, age - 2)

    # -- attributes ---------------------------------------------------------------------------------------

    def _school(self, p: Person) -> None:
        rng = self.rng
        a = _age_on(p.birth, self.school_day)
        born = p.birth.year
        if a < 3:
            p.schooling, p.education = "01", "06"
        elif a <= 5:
            p.schooling, p.education = ("02" if a == 5 or rng.random() < 0.75 else "01"), "06"
        elif a <= 11:
            p.schooling, p.education = "03", "02"
        elif a <= 14:
            p.schooling, p.education = ("04", "05", "06")[a - 12], "03"
        elif a <= 17:
            r = rng.random()
            step = a - 15
            if r < 0.6 or (a == 15 and r < 0.78):
                p.schooling, p.education = f"{7 + step:02d}", "04"
            elif r < 0.82 or a == 15:
                p.schooling, p.education = f"{10 + step:02d}", "04"
            else:
                p.schooling, p.education = "01", "03"
        elif a <= 20:
            r = rng.random()
            if r < 0.2:
                p.schooling, p.education = f"{13 + a - 18:02d}", "05"
            elif r < 0.35:
                p.schooling, p.education = "16", "05"
            else:
                p.schooling, p.education = "01", "04" if rng.random() < 0.5 else "03"
        elif a <= 22 and rng.random() < 0.15:
            p.schooling, p.education = "16", "05"
        else:
            r = rng.random()
            table = ((0.4, 0.85, 1.0, 1.0), (0.15, 0.6, 0.95, 1.0), (0.0, 0.25, 0.8, 0.95), (0.0, 0.05, 0.55, 0.85))
            cut = table[0 if born < 1955 else 1 if born < 1970 else 2 if born < 1985 else 3]
            p.education = next((f"{i + 1:02d}" for i, c in enumerate(cut) if r < c), "05")

    def _health(self, p: Person) -> None:
        rng = self.rng
        a = p.age
        chronic, serious, disabled = (0.02, 0.01, 0.02) if a < 40 else (0.1, 0.03, 0.05) if a < 60 else (0.28, 0.06, 0.09)
        r = rng.random()
        if r < disabled:
            self._disable(p)
        elif r < disabled + serious:
            p.health = "03"
        elif r < disabled + serious + chronic:
            p.health = "02"

    def _disable(self, p: Person) -> None:
        rng = self.rng
        p.health = "04"
        p.disability_category = str(rng.choices(range(1, 8), cum_weights=_DISABILITY_CUM)[0])
        p.disability_grade = str(1 + int(rng.random() * 4))

    def _labour(self, p: Person) -> None:
        rng = self.rng
        a = p.age
        weak = p.health == "03" or (p.health == "04" and p.disability_grade in ("1", "2"))
        p.work_status, p.work_months = "", 0
        if a < 16 or p.student:
            p.labour = "04"
        elif a <= 65:
            p.labour = "03" if weak else ("02" if rng.random() < 0.2 else "01")
        else:
            p.labour = "03" if weak else ("01" if p.health == "01" and a <= 72 and rng.random() < 0.4 else "04")
        if p.labour in ("01", "02") and a <= 60 and rng.random() < 0.5:
            p.work_status = rng.choices(_WORK_PLACES, cum_weights=_WORK_CUM)[0]
            p.work_months = 3 + int(rng.random() * 10)

    def _fill(self, draft: Draft) -> None:
        rng = self.rng
        for p in draft.people:
            self._school(p)
            self._health(p)
            if rng.random() < 0.025:
                p.ethnicity = _MINORITIES[int(rng.random() * len(_MINORITIES))]
            if p.age >= 18 and rng.random() < (0.06 if p.male and p.age >= 40 else 0.02):
                p.political = "01"
            elif 14 <= p.age <= 27 and rng.random() < 0.3:
                p.political = "03"
        head = draft.head
        for p in draft.people[1:]:
            if p.relation in ("11", "12", "16") and p.age >= 75 and rng.random() < 0.06:
                p.change_type, p.change_date = "01", self.today - dt.timedelta(days=10 + int(rng.random() * 700))
            elif p.relation == "04" and p.age >= 22 and rng.random() < 0.1:
                p.change_type, p.change_date = "02", self.today - dt.timedelta(days=10 + int(rng.random() * 700))
            elif p.age == 0 and head.age < 60 and rng.random() < 0.5:
                p.change_type, p.change_date = "06", p.birth

    def _fit_cause(self, draft: Draft) -> None:
        rng, cause = self.rng, draft.cause
        people = [p for p in draft.active]
        adults = [p for p in people if p.age >= 18] or people
        if cause == "1" and not any(p.health in ("02", "03") for p in people):
            sick = adults[int(rng.random() * len(adults))]
            sick.health = "03" if rng.random() < 0.4 else "02"
            sick.disability_category = sick.disability_grade = ""
        elif cause == "2" and not any(p.health == "04" for p in people):
            self._disable(people[int(rng.random() * len(people))])
        elif cause == "3" and not any(p.schooling >= "07" for p in people):
            young = [p for p in people if 15 <= _age_on(p.birth, self.school_day) <= 20]
            if young:
                p = young[0]
                a = _age_on(p.birth, self.school_day)
                p.schooling, p.education = (f"{7 + a - 15:02d}", "04") if a <= 17 else (f"{13 + a - 18:02d}", "05")
        for p in draft.people:
            self._labour(p)

    def plant(self, draft: Draft, problem: str) -> bool:
        """Make the household carry one deliberate 问题数据 (see PROBLEMS); False when it does not fit here."""
        rng = self.rng
        people = draft.active
        if problem == "ill_all_healthy":
            draft.cause = "1"
            for p in draft.people:
                p.health, p.disability_category, p.disability_grade = "01", "", ""
                self._labour(p)
        elif problem == "no_ethnicity":
            people[int(rng.random() * len(people))].ethnicity = ""
        elif problem == "idle_labour":
            grown = [p for p in people if 16 <= p.age <= 65 and not p.student and p.health == "01"]
            if not grown:
                return False
            p = grown[0]
            p.health, p.disability_category, p.disability_grade = "01", "", ""
            p.labour, p.work_status, p.work_months = "04", "", 0
        elif problem == "work_no_place":
            grown = [p for p in people if 16 <= p.age <= 60 and p.labour in ("01", "02")]
            if not grown:
                return False
            grown[0].work_status, grown[0].work_months = "", 4 + int(rng.random() * 6)
        draft.problem = problem
        return True
