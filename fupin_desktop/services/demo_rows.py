"""Row writers of the demo: deterministic ids, full-row templates from the records, and the rows around a
household (members, pairings, measures, visits, exit steps), all handed to the BulkLoader."""

import datetime as dt
import json
import random

from fupin_desktop.domain.names import name_initials
from fupin_desktop.domain.records import ExitStep, Household, Measure, Member, Pairing, Visit
from fupin_desktop.services.demo_names import phone
from fupin_desktop.services.demo_places import MEASURE_UNITS
from fupin_desktop.services.demo_progress import visit_dates, visit_text
from fupin_desktop.storage import tables as t
from fupin_desktop.storage.mapping import to_row

_TABLES = (t.VILLAGES, t.HELPERS, t.HOUSEHOLDS, t.MEMBERS, t.PAIRINGS, t.MEASURES, t.VISITS, t.EXIT_STEPS, t.LEDGER)
dumps = json.JSONEncoder(ensure_ascii=False).encode
HOUSEHOLD_TEMPLATE = {**to_row(Household(id="", village_id="")), "head_name": "", "people": 0, "exit_step": ""}
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


class Ids:
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


class RowWriter:
    """Writes the rows that hang off one household; ``rng``, ``loader``, ``ids`` and ``today`` come from the
    generator that owns it."""

    rng: random.Random
    loader: object
    ids: Ids
    today: dt.date
    book_start: dt.date

    @staticmethod
    def _last_step(plan) -> str:
        """The last step done in the current round (what ``procedure_state`` reports), from the plan's steps."""
        last = ""
        for step, _day, _note, outcome, _round in plan.steps:  # in date order
            last = "" if outcome == "objection" else step
        return last

    def _members(self, hid, draft, attribute, exited, problem) -> None:
        rng, add, new = self.rng, self.loader.add, self.ids.new
        for seq, p in enumerate(draft.people, start=1):
            row = dict(_MEMBER)
            row.update(
                id=new(t.MEMBERS), household_id=hid, name=p.name, name_initials=name_initials(p.name),
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
