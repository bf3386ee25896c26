"""Households and their members: create, edit, record member changes, tombstone, colour override.

Every function validates first (the 问题数据 rule set), then writes in one transaction through the change
log and returns ``(result, Changes)``. Errors are refused; new warnings are accepted only with a note.
"""

import dataclasses
import datetime as dt

from fupin_desktop.domain import records as r
from fupin_desktop.domain.colours import validate_override
from fupin_desktop.domain.idnumber import IdNumberError, parse_id_number
from fupin_desktop.domain.names import name_initials
from fupin_desktop.domain.problems import Problem
from fupin_desktop.domain.rules import check_household
from fupin_desktop.services import derived
from fupin_desktop.services.changes import Changes
from fupin_desktop.services.errors import NotFoundError, ValidationError, WarningsNeedNoteError
from fupin_desktop.storage import repository as repo
from fupin_desktop.storage import tables as t
from fupin_desktop.storage.changelog import new_id
from fupin_desktop.storage.mapping import to_row, values_to_row

HOUSEHOLD_READONLY = {"id", "village_id", "deleted", "deleted_reason"}
MEMBER_READONLY = {"id", "household_id", "deleted"}


def normalise_member_values(values: dict) -> dict:
    """Normalise the ID number and fill sex and birth date from it when they are empty."""
    values = dict(values)
    text = (values.get("id_number") or "").strip()
    if text:
        try:
            info = parse_id_number(text)
        except IdNumberError:
            values["id_number"] = text.upper()
        else:
            values["id_number"] = info.number
            if not values.get("sex"):
                values["sex"] = info.sex
            if not values.get("birth_date"):
                values["birth_date"] = info.birth_date
            if info.disability_category and not values.get("disability_category"):
                values["disability_category"] = info.disability_category
                values["disability_grade"] = info.disability_grade or ""
    if "name" in values:
        values["name"] = (values["name"] or "").strip()
    return values


def _problem_key(p: Problem):
    return (p.code, p.field, p.member_id)


def gate(before: list[Problem], after: list[Problem], accept_note: str) -> list[Problem]:
    """Refuse new errors; new warnings need a note. Returns the new warnings accepted."""
    known = {_problem_key(p) for p in before}
    new = [p for p in after if _problem_key(p) not in known]
    errors = [p for p in new if p.level == "error"]
    if errors:
        raise ValidationError("无法保存：" + "；".join(p.message for p in errors[:5]), errors)
    warnings = [p for p in new if p.level == "warning"]
    if warnings and not accept_note.strip():
        raise WarningsNeedNoteError(
            "请核实以下提醒，确认无误需填写说明后保存：" + "；".join(p.message for p in warnings[:5]), warnings
        )
    return warnings


def _ids_elsewhere(db, household_id: str, members) -> frozenset[str]:
    numbers = [m.id_number for m in members if m.id_number]
    if not numbers:
        return frozenset()
    marks = ",".join("?" for _ in numbers)
    found = db.execute(
        f"SELECT m.id_number FROM {t.MEMBERS} m JOIN {t.HOUSEHOLDS} h ON h.id = m.household_id"
        f" WHERE m.id_number IN ({marks}) AND m.household_id != ? AND m.deleted = 0 AND h.deleted = 0"
        " AND m.change_type NOT IN ('01','02','03','04','08')",
        [*numbers, household_id],
    ).fetchall()
    return frozenset(row[0] for row in found)


def has_current_helper(db, household_id: str) -> bool:
    return bool(db.execute(
        f"SELECT 1 FROM {t.PAIRINGS} WHERE household_id = ? AND end_date IS NULL AND deleted = 0",
        [household_id],
    ).fetchone())


def problems_for(ctx, household: r.Household, members: list[r.Member], *, summary=None,
                 helper: bool | None = None) -> list[Problem]:
    if helper is None:
        helper = has_current_helper(ctx.db, household.id)
    today = ctx.clock.today()
    return check_household(
        household, members, today=today, settings=ctx.settings, summary=summary,
        has_current_helper=helper, member_id_numbers_elsewhere=_ids_elsewhere(ctx.db, household.id, members),
    )


def _default_village_id(db) -> str:
    row = db.execute(f"SELECT id FROM {t.VILLAGES} WHERE deleted = 0 ORDER BY rowid LIMIT 1").fetchone()
    if row is None:
        raise ValidationError("还没有建立村庄信息，请先完成初始设置（fupin init）。")
    return row[0]


def create_household(ctx, values: dict, members: list[dict], *, helper_id: str = "",
                     accept_note: str = "", reason: str = "新建档案") -> tuple[str, Changes]:
    values = {k: v for k, v in values.items() if k not in {"id", "deleted", "deleted_reason"}}
    values.setdefault("village_id", _default_village_id(ctx.db))
    household = r.Household(id=new_id(), **values)
    member_records = []
    for seq, m in enumerate(members):
        m = normalise_member_values({k: v for k, v in m.items() if k not in MEMBER_READONLY})
        m.setdefault("seq", seq)
        if not m.get("name"):
            raise ValidationError(f"第 {seq + 1} 位家庭成员没有填写姓名。")
        member_records.append(r.Member(id=new_id(), household_id=household.id, **m))
    after = problems_for(ctx, household, member_records, helper=bool(helper_id))
    gate([], after, accept_note)
    if accept_note.strip():
        household = dataclasses.replace(household, warnings_note=accept_note.strip())
    with ctx.write() as w:
        w.insert(t.HOUSEHOLDS, to_row(household), reason=reason)
        for member in member_records:
            w.insert(t.MEMBERS, to_row(member) | {"name_initials": name_initials(member.name)}, reason=reason)
        if helper_id:
            w.insert(t.PAIRINGS, {"household_id": household.id, "helper_id": helper_id,
                                  "start_date": ctx.clock.today().isoformat(), "reason": reason}, reason=reason)
        derived.refresh(ctx, [household.id])
    return household.id, Changes.from_writer(w, [household.id])


def load(ctx, household_id: str) -> tuple[r.Household, list[r.Member]]:
    household = repo.get(ctx.db, r.Household, household_id)
    if household is None or household.deleted:
        raise NotFoundError("找不到这户档案（可能已被删除）。")
    return household, repo.members_of(ctx.db, household_id)


def update_household(ctx, household_id: str, values: dict, *, reason: str = "",
                     accept_note: str = "") -> tuple[dict, Changes]:
    bad = set(values) & HOUSEHOLD_READONLY
    if bad:
        raise ValidationError("这些字段不能直接修改：" + "、".join(sorted(bad)))
    household, members = load(ctx, household_id)
    before = problems_for(ctx, household, members)
    updated = dataclasses.replace(household, **values)
    gate(before, problems_for(ctx, updated, members), accept_note)
    if accept_note.strip():
        values = {**values, "warnings_note": accept_note.strip()}
    with ctx.write() as w:
        changed = w.update(t.HOUSEHOLDS, household_id, values_to_row(r.Household, values), reason=reason)
        derived.refresh(ctx, [household_id])
    return changed, Changes.from_writer(w, [household_id])


def add_member(ctx, household_id: str, values: dict, *, reason: str = "新增成员",
               accept_note: str = "") -> tuple[str, Changes]:
    household, members = load(ctx, household_id)
    values = normalise_member_values({k: v for k, v in values.items() if k not in MEMBER_READONLY})
    if not values.get("name"):
        raise ValidationError("请填写成员姓名。")
    values.setdefault("seq", max((m.seq for m in members), default=-1) + 1)
    member = r.Member(id=new_id(), household_id=household_id, **values)
    before = problems_for(ctx, household, members)
    gate(before, problems_for(ctx, household, [*members, member]), accept_note)
    with ctx.write() as w:
        w.insert(t.MEMBERS, to_row(member) | {"name_initials": name_initials(member.name)}, reason=reason)
        derived.refresh(ctx, [household_id])
    return member.id, Changes.from_writer(w, [household_id])


def update_member(ctx, member_id: str, values: dict, *, reason: str = "",
                  accept_note: str = "") -> tuple[dict, Changes]:
    member = repo.get(ctx.db, r.Member, member_id)
    if member is None or member.deleted:
        raise NotFoundError("找不到这位家庭成员。")
    bad = set(values) & MEMBER_READONLY
    if bad:
        raise ValidationError("这些字段不能直接修改：" + "、".join(sorted(bad)))
    if "id_number" in values:
        values = normalise_member_values(values)
    household, members = load(ctx, member.household_id)
    updated = dataclasses.replace(member, **values)
    after_members = [updated if m.id == member_id else m for m in members]
    gate(problems_for(ctx, household, members), problems_for(ctx, household, after_members), accept_note)
    row = values_to_row(r.Member, values)
    if "name" in values:
        row["name_initials"] = name_initials(updated.name)
    with ctx.write() as w:
        changed = w.update(t.MEMBERS, member_id, row, reason=reason)
        derived.refresh(ctx, [member.household_id])
    return changed, Changes.from_writer(w, [member.household_id])


def record_member_change(ctx, member_id: str, change_type: str, date: dt.date, note: str = "",
                         accept_note: str = "") -> tuple[dict, Changes]:
    """人员变更: a member leaves (or joins) by a dated change, never by deletion."""
    from fupin_desktop.domain.codes import MEMBER_CHANGE

    if change_type not in MEMBER_CHANGE:
        raise ValidationError(f"未知的人员变更类型：{change_type}")
    if date > ctx.clock.today():
        raise ValidationError("人员变更日期不能晚于今天。")
    reason = f"人员变更：{MEMBER_CHANGE.label(change_type)}" + (f"（{note}）" if note else "")
    return update_member(ctx, member_id, {"change_type": change_type, "change_date": date, "change_note": note},
                         reason=reason, accept_note=accept_note or reason)


def delete_household(ctx, household_id: str, reason: str) -> Changes:
    if not reason.strip():
        raise ValidationError("删除档案必须填写原因。")
    load(ctx, household_id)
    with ctx.write() as w:
        w.tombstone(t.HOUSEHOLDS, household_id, reason.strip())
    return Changes.from_writer(w, [household_id])


def set_colour_override(ctx, household_id: str, colour: str, reason: str) -> Changes:
    """A manual colour that overrides the mapping; clearing it (colour "") also needs a reason."""
    if colour:
        problems = validate_override(colour, reason)
        if problems:
            raise ValidationError(problems[0].message, problems)
    elif not reason.strip():
        raise ValidationError("取消人工标色需要填写原因。")
    load(ctx, household_id)
    with ctx.write() as w:
        w.update(t.HOUSEHOLDS, household_id,
                 {"colour_override": colour, "colour_override_reason": reason.strip() if colour else ""},
                 reason=reason.strip())
    return Changes.from_writer(w, [household_id])
