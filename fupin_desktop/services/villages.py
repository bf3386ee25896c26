"""The installation's village(s): set up, edit. A township installation holds many villages."""

import re

from fupin_desktop.domain import records as r
from fupin_desktop.services.changes import Changes
from fupin_desktop.services.errors import NotFoundError, ValidationError
from fupin_desktop.storage import repository as repo
from fupin_desktop.storage import tables as t
from fupin_desktop.storage.changelog import new_id
from fupin_desktop.storage.mapping import to_row, values_to_row


def check_area_code(code: str, *, level: str = "village") -> str:
    """A 12-digit 统计用区划代码 (6 county + 3 township + 3 village). Returns it stripped or raises."""
    code = (code or "").strip()
    if not re.fullmatch(r"\d{12}", code):
        raise ValidationError(f"区划代码应为12位数字，现在是“{code}”（{len(code)}位）。")
    if code[:2] in {"00"} or code[2:6] == "0000":
        raise ValidationError("区划代码前6位应是县级代码（如 610702）。")
    township = int(code[6:9])
    if not 1 <= township <= 399:
        raise ValidationError("区划代码第7–9位是乡镇代码，应在 001–399 之间。")
    if level == "village" and not 1 <= int(code[9:]) <= 399:
        raise ValidationError("区划代码第10–12位是村代码，应在 001–399 之间。")
    return code


def create_village(ctx, values: dict, *, reason: str = "建立村庄") -> tuple[str, Changes]:
    values = dict(values)
    values["code"] = check_area_code(values.get("code", ""))
    if not (values.get("name") or "").strip():
        raise ValidationError("请填写村名。")
    if ctx.db.execute(f"SELECT 1 FROM {t.VILLAGES} WHERE code = ?", [values["code"]]).fetchone():
        raise ValidationError(f"区划代码 {values['code']} 的村已经存在。")
    values["groups"] = tuple(values.get("groups") or ())
    village = r.Village(id=values.pop("id", None) or new_id(), **values)
    with ctx.write() as w:
        w.insert(t.VILLAGES, to_row(village), reason=reason)
    return village.id, Changes.from_writer(w)


def update_village(ctx, village_id: str, values: dict, *, reason: str = "") -> tuple[dict, Changes]:
    if repo.get(ctx.db, r.Village, village_id) is None:
        raise NotFoundError("找不到这个村。")
    if "code" in values:
        values = {**values, "code": check_area_code(values["code"])}
    if "groups" in values:
        values = {**values, "groups": tuple(values["groups"])}
    with ctx.write() as w:
        changed = w.update(t.VILLAGES, village_id, values_to_row(r.Village, values), reason=reason)
    return changed, Changes.from_writer(w)


def villages(ctx) -> list[r.Village]:
    return repo.select(ctx.db, r.Village, "deleted = 0", order_by="code")
