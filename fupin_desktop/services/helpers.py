"""Paired helper cadres (帮扶责任人): create, edit, assign to households with the history kept."""

import datetime as dt

from fupin_desktop.domain import records as r
from fupin_desktop.domain.idnumber import IdNumberError, parse_id_number
from fupin_desktop.services import derived
from fupin_desktop.services.changes import Changes
from fupin_desktop.services.errors import NotFoundError, ValidationError
from fupin_desktop.storage import repository as repo
from fupin_desktop.storage import tables as t
from fupin_desktop.storage.mapping import to_row, values_to_row

MAX_HOUSEHOLDS_PER_HELPER = 5


def _clean(values: dict) -> dict:
    values = dict(values)
    if values.get("id_number"):
        try:
            values["id_number"] = parse_id_number(values["id_number"]).number
        except IdNumberError as exc:
            raise ValidationError(f"帮扶责任人身份证号：{exc}") from exc
    if "name" in values and not (values["name"] or "").strip():
        raise ValidationError("请填写帮扶责任人姓名。")
    return values


def create_helper(ctx, values: dict, *, reason: str = "新增帮扶责任人") -> tuple[str, Changes]:
    values = _clean(values)
    if not values.get("name"):
        raise ValidationError("请填写帮扶责任人姓名。")
    helper = r.Helper(id="", **values)
    row = to_row(helper)
    del row["id"]
    with ctx.write() as w:
        helper_id = w.insert(t.HELPERS, row, reason=reason)
    return helper_id, Changes.from_writer(w)


def update_helper(ctx, helper_id: str, values: dict, *, reason: str = "") -> tuple[dict, Changes]:
    if repo.get(ctx.db, r.Helper, helper_id) is None:
        raise NotFoundError("找不到这位帮扶责任人。")
    values = _clean(values)
    with ctx.write() as w:
        changed = w.update(t.HELPERS, helper_id, values_to_row(r.Helper, values), reason=reason)
    return changed, Changes.from_writer(w)


def current_pairing(ctx, household_id: str) -> r.Pairing | None:
    found = repo.select(ctx.db, r.Pairing, "household_id = ? AND end_date IS NULL AND deleted = 0",
                        [household_id], order_by="start_date DESC")
    return found[0] if found else None


def pairing_history(ctx, household_id: str) -> list[r.Pairing]:
    return repo.select(ctx.db, r.Pairing, "household_id = ? AND deleted = 0", [household_id],
                       order_by="start_date, rowid")


def households_of(ctx, helper_id: str) -> list[str]:
    return [row[0] for row in ctx.db.execute(
        f"SELECT household_id FROM {t.PAIRINGS} WHERE helper_id = ? AND end_date IS NULL AND deleted = 0",
        [helper_id]).fetchall()]


def assign_helper(ctx, household_id: str, helper_id: str, *, start: dt.date | None = None,
                  reason: str = "") -> tuple[str, Changes]:
    """Pair a helper with a household; the previous pairing ends the same day (history kept)."""
    household = repo.get(ctx.db, r.Household, household_id)
    if household is None or household.deleted:
        raise NotFoundError("找不到这户档案。")
    helper = repo.get(ctx.db, r.Helper, helper_id)
    if helper is None or helper.deleted:
        raise NotFoundError("找不到这位帮扶责任人。")
    start = start or ctx.clock.today()
    previous = current_pairing(ctx, household_id)
    if previous is not None:
        if previous.helper_id == helper_id:
            raise ValidationError(f"{helper.name} 已经是这户的帮扶责任人。")
        if not reason.strip():
            raise ValidationError("更换帮扶责任人必须填写原因。")
        if start < previous.start_date:
            raise ValidationError("新的结对日期不能早于上一位帮扶责任人的开始日期。")
    if len(households_of(ctx, helper_id)) >= MAX_HOUSEHOLDS_PER_HELPER:
        raise ValidationError(f"{helper.name} 已结对 {MAX_HOUSEHOLDS_PER_HELPER} 户，一名干部最多帮扶 5 户。")
    with ctx.write() as w:
        if previous is not None:
            w.update(t.PAIRINGS, previous.id, {"end_date": start.isoformat()}, reason=reason)
        pairing_id = w.insert(t.PAIRINGS, {"household_id": household_id, "helper_id": helper_id,
                                           "start_date": start.isoformat(), "reason": reason.strip()},
                              reason=reason.strip() or "结对帮扶")
        derived.refresh(ctx, [household_id])
    return pairing_id, Changes.from_writer(w, [household_id])


def helpers(ctx) -> list[r.Helper]:
    return repo.select(ctx.db, r.Helper, "deleted = 0", order_by="name")
