"""Preview an import: read the file, group it, compare it with the database; nothing is written.

Re-importing the same file updates instead of duplicating: a household in the file is the household of the
village with the same 户编号, else the one that holds its members' ID numbers; a member is the one with the
same ID number, else the one with the same name and no ID number. Blank cells never clear what the database
holds. An ID number already registered (to an active member) in another household is an error.
"""

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import cache
from pathlib import Path

from fupin_desktop.domain import records as r
from fupin_desktop.domain.colours import colour_of
from fupin_desktop.domain.records import LEAVING_CHANGES
from fupin_desktop.domain.rules import check_household
from fupin_desktop.services.errors import ValidationError
from fupin_desktop.spreadsheets.headers import SCAN_ROWS, ColumnMapping, detect_header
from fupin_desktop.spreadsheets.model import (
    CREATE,
    ERROR,
    UPDATE,
    WARNING,
    ImportPlan,
    ImportProblem,
    PlannedHousehold,
)
from fupin_desktop.spreadsheets.rows import RowReader, build_households, find_duplicates, group_rows
from fupin_desktop.spreadsheets.workbook import open_rows, paused_gc
from fupin_desktop.storage import repository as repo
from fupin_desktop.storage import tables as t
from fupin_desktop.storage.mapping import to_db_value

CHUNK = 900  # SQLite host parameters per IN (…)
_CODED_MEMBER_BLANKS = ("relation", "ethnicity", "political", "education", "schooling", "health", "labour",
                        "work_status", "disability_category", "disability_grade", "change_type")


def _chunks(items, size=CHUNK):
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i:i + size]


def default_village_id(ctx) -> str:
    row = ctx.db.execute(f"SELECT id FROM {t.VILLAGES} WHERE deleted = 0 ORDER BY rowid LIMIT 1").fetchone()
    if row is None:
        raise ValidationError("还没有建立村庄信息，请先完成初始设置（fupin init）后再导入。")
    return row[0]


def changelog_mark(ctx) -> int:
    return ctx.db.execute(f"SELECT coalesce(max(seq), 0) FROM {t.CHANGELOG}").fetchone()[0]


def build_plan(ctx, path: Path | str, *, sheet: str | None = None, mapping=None, village_id: str = "",
               progress: Callable | None = None, check_rules: bool = True) -> ImportPlan:
    """Read ``path`` and say what importing it would do. ``mapping`` is a :class:`ColumnMapping`, the path
    of a saved mapping (JSON), or None to use the recognised headers."""
    with paused_gc():
        return _build_plan(ctx, Path(path), sheet, mapping, village_id or default_village_id(ctx), progress,
                           check_rules)


def _build_plan(ctx, path: Path, sheet, mapping, village_id: str, progress, check_rules: bool) -> ImportPlan:
    problems: list[ImportProblem] = []
    with open_rows(path, sheet, progress=progress) as sheet_rows:
        head = []
        for item in sheet_rows.rows:
            head.append(item)
            if len(head) >= SCAN_ROWS:
                break
        layout = detect_header(head)
        if mapping is None:
            mapping = ColumnMapping.from_layout(layout)
        elif not isinstance(mapping, ColumnMapping):
            mapping = ColumnMapping.load(mapping, layout)
        mapping.validate()
        reader = RowReader(layout, mapping, ctx.clock.today(), problems)

        def all_rows():
            yield from head
            yield from sheet_rows.rows

        people = reader.read(all_rows())
    groups = group_rows(people, mapping, problems, mapping.header_of("household.number", layout))
    households = build_households(groups, problems)
    find_duplicates(households, {p.number: p for p in people}, problems,
                    mapping.header_of("member.id_number", layout))
    plan = ImportPlan(path, sheet_rows.name, layout, mapping, village_id, households, problems,
                      rows_read=reader.rows_read, blank_rows=len(reader.blank_rows),
                      db_mark=changelog_mark(ctx))
    owners = _match(ctx, plan, set(mapping.mapped().values()))
    if check_rules:
        plan.rule_summary = _rule_summary(ctx, plan, owners)
    plan.problems.sort(key=lambda p: (p.row, p.level != ERROR, p.column))
    return plan


# --- matching against the database -----------------------------------------------------------------------


def _owners(ctx, numbers) -> dict[str, list[tuple]]:
    """ID number → [(member id, household id, household number, head name, active)] of the database.

    Members of deleted households and members who left are listed too (not active): the derived caches
    count them as "elsewhere", as :func:`fupin_desktop.services.derived.refresh` does."""
    found = defaultdict(list)
    for chunk in _chunks(numbers):
        marks = ",".join("?" for _ in chunk)
        for mid, hid, number, hnumber, head, change, gone in ctx.db.execute(
                f"SELECT m.id, m.household_id, m.id_number, h.number, h.head_name, m.change_type, h.deleted"
                f" FROM {t.MEMBERS} m JOIN {t.HOUSEHOLDS} h ON h.id = m.household_id"
                f" WHERE m.id_number IN ({marks}) AND m.deleted = 0", chunk):
            found[number].append((mid, hid, hnumber, head, change not in LEAVING_CHANGES and not gone))
    return found


def _by_number(ctx, village_id: str, numbers) -> dict[str, list[str]]:
    found = defaultdict(list)
    for chunk in _chunks(numbers):
        marks = ",".join("?" for _ in chunk)
        for hid, number in ctx.db.execute(
                f"SELECT id, number FROM {t.HOUSEHOLDS}"
                f" WHERE village_id = ? AND deleted = 0 AND number IN ({marks})"
                " ORDER BY rowid", [village_id, *chunk]):
            found[number].append(hid)
    return found


def _where(owner) -> str:
    _mid, _hid, number, head, _active = owner
    return f"户编号 {number or '（无）'}，户主 {head or '（未填）'}"


def _target(ctx, plan, household: PlannedHousehold, numbers, owners) -> str:
    number = household.number
    number_header = plan.mapping.header_of("household.number", plan.layout)
    ids = [m.values["id_number"] for m in household.members if m.values.get("id_number")]
    held = {o[1]: o for n in ids for o in owners.get(n, ()) if o[4]}
    candidates = numbers.get(number, []) if number else []
    if len(candidates) > 1:
        plan.problems.append(ImportProblem(ERROR, household.rows[0], number_header,
                                           f"数据库中有{len(candidates)}户的户编号都是 {number}，无法确定更新哪一户"))
        household.blocked = True
        return ""
    target = candidates[0] if candidates else ""
    if number and not target:  # a numbered household only matches by ID a household without a number yet
        held = {hid: owner for hid, owner in held.items() if not owner[2]}
    if not target and len(held) == 1:
        target = next(iter(held))
        if number:
            plan.problems.append(ImportProblem(WARNING, household.rows[0], number_header,
                                               f"数据库中该户还没有户编号，将填为 {number}"))
    elif not target and len(held) > 1:
        where = "；".join(_where(o) for o in held.values())
        plan.problems.append(ImportProblem(ERROR, household.rows[0], "", f"本户成员的证件号码分属数据库中的多户（{where}）"))
        household.blocked = True
        return ""
    id_header = plan.mapping.header_of("member.id_number", plan.layout)
    for member in household.members:
        for owner in owners.get(member.values.get("id_number", ""), ()):
            if owner[4] and owner[1] != target:
                text = f"证件号码 {member.values['id_number']} 已登记在其他户（{_where(owner)}）"
                plan.problems.append(ImportProblem(ERROR, member.row, id_header, text))
                household.blocked = True
    return target


def _load(ctx, record_type, column: str, ids) -> dict[str, list]:
    found = defaultdict(list)
    for chunk in _chunks(ids):
        marks = ",".join("?" for _ in chunk)
        for record in repo.select(ctx.db, record_type, f"{column} IN ({marks}) AND deleted = 0", chunk,
                                  order_by="seq, rowid" if record_type is r.Member else ""):
            found[getattr(record, column)].append(record)
    return found


def _diff(record, values: dict) -> dict:
    return {k: v for k, v in values.items() if to_db_value(getattr(record, k)) != to_db_value(v)}


def _match(ctx, plan: ImportPlan, mapped: set[str]) -> dict[str, list[tuple]]:
    numbers = _by_number(ctx, plan.village_id, {h.number for h in plan.households if h.number})
    owners = _owners(ctx, {m.values["id_number"] for h in plan.households for m in h.members
                           if m.values.get("id_number")})
    for household in plan.households:
        household.target_id = _target(ctx, plan, household, numbers, owners)
    targets = [h.target_id for h in plan.households if h.target_id]
    if not targets:
        for household in plan.households:
            _blank_codes(household, mapped)
        return owners
    db_households = {k: v[0] for k, v in _load(ctx, r.Household, "id", targets).items()}
    db_members = _load(ctx, r.Member, "household_id", targets)
    for household in plan.households:
        if not household.target_id:
            _blank_codes(household, mapped)
            continue
        household.changes = _diff(db_households[household.target_id], household.values)
        existing = db_members.get(household.target_id, [])
        by_id = {m.id_number: m for m in existing if m.id_number}
        by_name = defaultdict(list)
        for m in existing:
            by_name[m.name].append(m)
        taken = set()
        for member in household.members:
            number, name = member.values.get("id_number", ""), member.values.get("name", "")
            found = by_id.get(number) if number else None
            if found is None:
                found = next((m for m in by_name.get(name, ()) if m.id not in taken
                              and (not m.id_number or not number)), None)
            if found is None or found.id in taken:
                _blank_member_codes(member.values, mapped)
                continue
            taken.add(found.id)
            member.target_id = found.id
            member.changes = _diff(found, member.values)
    return owners


def _blank_member_codes(values: dict, mapped: set[str]) -> None:
    """A new member: a coded column left blank means "not known" (""), not the program's default."""
    for attr in _CODED_MEMBER_BLANKS:
        if f"member.{attr}" in mapped:
            values.setdefault(attr, "")


def _blank_codes(household: PlannedHousehold, mapped: set[str]) -> None:
    for member in household.members:
        _blank_member_codes(member.values, mapped)


# --- what the 问题数据 rules will say after the import ----------------------------------------------------


@cache
def _defaults(record_type) -> tuple[dict, tuple]:
    plain, factories = {}, []
    for f in dataclasses.fields(record_type):
        if f.default is not dataclasses.MISSING:
            plain[f.name] = f.default
        elif f.default_factory is not dataclasses.MISSING:
            factories.append((f.name, f.default_factory))
    return plain, tuple(factories)


def fast_record(record_type, values: dict):
    """``record_type(**values)`` without the generated ``__init__`` of a frozen dataclass (one ``setattr``
    per field: 50 µs for a household, 10,000 times in a preview). The record types have no
    ``__post_init__`` and no slots; ``values`` only names their fields (the field catalogue is tested)."""
    if hasattr(record_type, "__post_init__") or hasattr(record_type, "__slots__"):
        return record_type(**values)
    plain, factories = _defaults(record_type)
    record = object.__new__(record_type)
    state = record.__dict__
    state.update(plain)
    for name, factory in factories:
        state[name] = factory()
    state.update(values)
    return record


def planned_records(plan: ImportPlan, household: PlannedHousehold, db_household=None, db_members=()):
    """The household and members as they will be after the import (new ids for new rows)."""
    if db_household is not None:
        record = dataclasses.replace(db_household, **household.values)
    else:
        record = fast_record(r.Household, {**household.values, "id": "new", "village_id": plan.village_id})
    members = {m.id: m for m in db_members}
    for seq, planned in enumerate(household.members):
        if planned.target_id and planned.target_id in members:
            members[planned.target_id] = dataclasses.replace(members[planned.target_id], **planned.values)
        else:
            key = f"row{planned.row}"
            values = {"seq": seq, **planned.values, "id": key, "household_id": record.id}
            members[key] = fast_record(r.Member, values)
    return record, list(members.values())


def _derived_of(record, members, problems, settings) -> dict | None:
    """A new household's caches, as :func:`fupin_desktop.services.derived.refresh` computes them (a new
    household has no exit step yet), so the import need not run the rules twice. None when the schema has a
    cache this function does not know: the import then refreshes those households the usual way."""
    active = [m for m in members if m.active]
    errors = sum(1 for p in problems if p.level == ERROR)
    caches = {
        "head_name": next((m.name for m in active if m.relation == "01"), ""), "people": len(active),
        "exit_step": "", "colour": colour_of(record, settings), "problem_errors": errors,
        "problem_warnings": len(problems) - errors,
    }
    if not set(t.HOUSEHOLD_DERIVED) <= set(caches):
        return None
    return {name: caches[name] for name in t.HOUSEHOLD_DERIVED}


def _rule_summary(ctx, plan: ImportPlan, owners) -> list[tuple[str, str, int]]:
    active = [h for h in plan.households if h.action in (CREATE, UPDATE)]
    targets = [h.target_id for h in active if h.target_id]
    db_households = {k: v[0] for k, v in _load(ctx, r.Household, "id", targets).items()} if targets else {}
    db_members = _load(ctx, r.Member, "household_id", targets) if targets else {}
    helped = set()
    for chunk in _chunks(targets):
        marks = ",".join("?" for _ in chunk)
        helped |= {row[0] for row in ctx.db.execute(
            f"SELECT household_id FROM {t.PAIRINGS} WHERE end_date IS NULL AND deleted = 0"
            f" AND household_id IN ({marks})", chunk)}
    today, settings = ctx.clock.today(), ctx.settings
    counts: Counter = Counter()
    examples: dict[tuple[str, str], str] = {}
    for household in active:
        record, members = planned_records(plan, household, db_households.get(household.target_id),
                                          db_members.get(household.target_id, ()))
        elsewhere = frozenset(m.id_number for m in members if m.id_number and any(
            o[1] != household.target_id for o in owners.get(m.id_number, ())))
        problems = check_household(record, members, today=today, settings=settings,
                                   has_current_helper=household.target_id in helped,
                                   member_id_numbers_elsewhere=elsewhere)
        if not household.target_id:
            household.derived = _derived_of(record, members, problems, settings)
        for problem in problems:
            key = (problem.level, problem.code)
            counts[key] += 1
            examples.setdefault(key, problem.message)
    ordered = sorted(counts.items(), key=lambda item: (item[0][0] != ERROR, -item[1]))
    return [(level, examples[(level, code)], count) for (level, code), count in ordered]



@dataclasses.dataclass(frozen=True)
class SheetPreview:
    """What the wizard shows before the mapping is confirmed: sheets, the header found, the first rows."""

    sheets: list[str]
    sheet: str
    layout: object  # HeaderLayout
    sample: list[tuple[int, tuple]]


def inspect_sheet(path: Path | str, sheet: str | None = None, *, sample_rows: int = 8) -> SheetPreview:
    from fupin_desktop.spreadsheets.workbook import first_rows, sheet_names

    sheets = sheet_names(path)
    name, head = first_rows(path, sheet, SCAN_ROWS + sample_rows)
    layout = detect_header(head)
    sample = [(n, v) for n, v in head if n > layout.last_row and any(x is not None for x in v)][:sample_rows]
    return SheetPreview(sheets, name, layout, sample)
