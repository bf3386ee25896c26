"""Settling a field from its heads, the conflict table (需核实), and resolutions that travel.

``settle`` is the one place a synced field's value is decided: it computes the heads, writes the provisional
value into the row when it differs, and keeps ``sync_conflicts`` in step (a conflict row exists exactly while
a field has heads with different values; one a person resolved stays as ``resolved``). A clerk's resolution
is itself a version that replaces every head, written to the change log and exported like any local edit.
"""

import json

from fupin_desktop.storage import tables as t
from fupin_desktop.sync import versions as vs

STATUS_LABELS = {"open": "需核实", "resolved": "已处理"}


def conflict_id(tbl: str, row_id: str, field: str) -> str:
    return f"{tbl}/{row_id}/{field}"


def _current(db, tbl: str, row_id: str, field: str):
    row = db.execute(f'SELECT "{field}" FROM {tbl} WHERE id = ?', [row_id]).fetchone()
    return row[0] if row else None


def _same(a, b) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b if not (a is None or b is None) else a is b
    return a == b and (a is None) == (b is None)


def settle(db, tbl: str, row_id: str, field: str, *, stamp: str = "") -> tuple[str, object, object]:
    """Decide the field from its heads. Returns (outcome, old, new), outcome in updated|same|conflict."""
    current = _current(db, tbl, row_id, field)
    found = vs.heads(vs.versions_of(db, tbl, row_id, field))
    values = [vs.value_of(db, tbl, row_id, field, v, current) for v in found]
    best = vs.winner(field, found, values)
    new = values[best]
    outcome = "same"
    if not _same(new, current):
        sets = f'"{field}" = ?'
        params = [new]
        if stamp:
            sets += ", updated_hlc = max(updated_hlc, ?)"
            params.append(stamp)
        db.execute(f"UPDATE {tbl} SET {sets} WHERE id = ?", [*params, row_id])
        outcome = "updated"
    elif stamp:
        db.execute(f"UPDATE {tbl} SET updated_hlc = max(updated_hlc, ?) WHERE id = ?", [stamp, row_id])
    distinct = {json.dumps(v, sort_keys=True) for v in values}
    cid = conflict_id(tbl, row_id, field)
    if len(distinct) > 1:
        heads_json = json.dumps(sorted(
            ({"stamp": v.stamp, "value": value, "device": v.device, "authority": v.authority}
             for v, value in zip(found, values, strict=True)), key=lambda h: h["stamp"]), ensure_ascii=False)
        db.execute(
            "INSERT INTO sync_conflicts (id, tbl, row_id, field, heads, provisional, status) VALUES (?,?,?,?,?,?,'open')"
            " ON CONFLICT(id) DO UPDATE SET heads = excluded.heads, provisional = excluded.provisional,"
            " status = 'open', resolution = ''",
            [cid, tbl, row_id, field, heads_json, found[best].stamp])
        outcome = "conflict"
    else:
        db.execute("DELETE FROM sync_conflicts WHERE id = ? AND status = 'open'", [cid])
    return outcome, current, new


def refresh_conflict(db, tbl: str, row_id: str, field: str, *, resolved_by: str) -> None:
    """After a local edit replaced every head: the open conflict becomes resolved (kept for the record)."""
    cid = conflict_id(tbl, row_id, field)
    db.execute("UPDATE sync_conflicts SET status = 'resolved', resolution = ? WHERE id = ? AND status = 'open'",
               [resolved_by, cid])


def open_conflicts(db, *, include_resolved: bool = False) -> list[dict]:
    where = "" if include_resolved else " WHERE status = 'open'"
    rows = db.execute(f"SELECT id, tbl, row_id, field, heads, provisional, status, resolution FROM sync_conflicts{where}"
                      " ORDER BY tbl, row_id, field").fetchall()
    return [{"id": r[0], "table": r[1], "row_id": r[2], "field": r[3], "heads": json.loads(r[4]),
             "provisional": r[5], "status": r[6], "status_label": STATUS_LABELS.get(r[6], r[6]),
             "resolution": r[7]} for r in rows]


def describe_row(db, tbl: str, row_id: str) -> dict:
    """Where a conflicting row belongs: village, household number and head name (for reports)."""
    household_id = row_id if tbl == t.HOUSEHOLDS else None
    if tbl in t.PARENTS and t.PARENTS[tbl][1] == t.HOUSEHOLDS:
        found = db.execute(f"SELECT household_id FROM {tbl} WHERE id = ?", [row_id]).fetchone()
        household_id = found[0] if found else None
    if not household_id:
        return {"village": "", "number": "", "head": ""}
    found = db.execute(f"SELECT h.number, h.head_name, v.name FROM {t.HOUSEHOLDS} h LEFT JOIN {t.VILLAGES} v"
                       " ON v.id = h.village_id WHERE h.id = ?", [household_id]).fetchone()
    return {"village": found[2] or "", "number": found[0], "head": found[1]} if found else \
        {"village": "", "number": "", "head": ""}


def resolve(ctx, cid: str, *, choice: str, reason: str, value=None):
    """Resolve a conflict: ``choice`` is a head's stamp, ``provisional`` or ``value`` (with ``value``).

    The chosen value becomes a new version replacing every head, logged and exported like a local edit.
    """
    from fupin_desktop.services.changes import Changes
    from fupin_desktop.services.errors import NotFoundError, ValidationError
    from fupin_desktop.storage.changelog import new_id

    if not reason.strip():
        raise ValidationError("处理冲突必须填写原因（如：已电话核实）。")
    row = ctx.db.execute("SELECT tbl, row_id, field, heads, provisional, status FROM sync_conflicts WHERE id = ?",
                         [cid]).fetchone()
    if row is None:
        raise NotFoundError("找不到这条冲突记录。")
    tbl, row_id, field, heads_json, provisional, status = row
    if status != "open":
        raise ValidationError("这条冲突已经处理过了。")
    heads = json.loads(heads_json)
    if choice == "value":
        chosen = value
    else:
        stamp = provisional if choice == "provisional" else choice
        match = [h for h in heads if h["stamp"] == stamp]
        if not match:
            raise ValidationError("请选择冲突中的一个值，或填写新值。")
        chosen = match[0]["value"]
    authority = 1 if ctx.settings.mode == "township" else 0
    with ctx.db.atomic():
        vs.catch_up(ctx.db, authority)
        current = vs.heads(vs.versions_of(ctx.db, tbl, row_id, field))
        stamp = ctx.hlc.tick()
        old = _current(ctx.db, tbl, row_id, field)
        vs.record(ctx.db, tbl, row_id, field, stamp, tuple(v.stamp for v in current),
                  json.dumps(chosen, ensure_ascii=False), ctx.device_id, authority)
        ctx.db.execute(
            f"INSERT INTO {t.CHANGELOG} (op_id, tbl, row_id, field, old, new, hlc, device, operator, reason, source)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [new_id(), tbl, row_id, field, json.dumps(old, ensure_ascii=False), json.dumps(chosen, ensure_ascii=False),
             stamp, ctx.device_id, ctx.operator, f"处理冲突：{reason.strip()}", f"{vs.SYNC_SOURCE}resolve"])
        ctx.db.execute("UPDATE sync_conflicts SET status = 'resolved', resolution = ? WHERE id = ?",
                       [f"{ctx.operator or '未署名'}：{reason.strip()}", cid])
        settle(ctx.db, tbl, row_id, field, stamp=stamp)
    household_ids = [row_id] if tbl == t.HOUSEHOLDS else []
    return Changes(op_id=stamp, tables=frozenset({tbl}), household_ids=frozenset(household_ids),
                   row_ids=frozenset({row_id}), fields=((tbl, row_id, field, old, chosen),))
