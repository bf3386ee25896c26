"""Possible duplicates: one ID number under two member ids. Never merged automatically; a person decides.

Keeping one record tombstones the other member through the change log (with the reason), so the decision
travels to the villages like any edit; "not a duplicate" only closes the task here.
"""

from fupin_desktop.services.changes import Changes
from fupin_desktop.services.errors import NotFoundError, ValidationError
from fupin_desktop.storage import tables as t


def open_duplicates(db, *, include_closed: bool = False) -> list[dict]:
    where = "" if include_closed else " WHERE d.status = 'open'"
    rows = db.execute(
        "SELECT d.id, d.id_number, d.member_a, d.member_b, d.status, d.resolution,"
        " ma.name, ha.number, va.name, mb.name, hb.number, vb.name FROM sync_duplicates d"
        f" LEFT JOIN {t.MEMBERS} ma ON ma.id = d.member_a LEFT JOIN {t.HOUSEHOLDS} ha ON ha.id = ma.household_id"
        f" LEFT JOIN {t.VILLAGES} va ON va.id = ha.village_id"
        f" LEFT JOIN {t.MEMBERS} mb ON mb.id = d.member_b LEFT JOIN {t.HOUSEHOLDS} hb ON hb.id = mb.household_id"
        f" LEFT JOIN {t.VILLAGES} vb ON vb.id = hb.village_id{where} ORDER BY d.id_number").fetchall()
    return [{"id": r[0], "id_number": r[1], "member_a": r[2], "member_b": r[3], "status": r[4], "resolution": r[5],
             "a": {"name": r[6] or "", "household": r[7] or "", "village": r[8] or ""},
             "b": {"name": r[9] or "", "household": r[10] or "", "village": r[11] or ""}} for r in rows]


def resolve_duplicate(ctx, duplicate_id: str, *, keep: str, reason: str) -> Changes:
    """``keep`` is ``a`` or ``b`` (the other member is tombstoned) or ``both`` (not a duplicate)."""
    if not reason.strip():
        raise ValidationError("处理重复身份证号必须填写原因。")
    row = ctx.db.execute("SELECT member_a, member_b, status FROM sync_duplicates WHERE id = ?",
                         [duplicate_id]).fetchone()
    if row is None:
        raise NotFoundError("找不到这条重复记录。")
    if row[2] != "open":
        raise ValidationError("这条重复记录已经处理过了。")
    if keep not in ("a", "b", "both"):
        raise ValidationError("请选择保留哪一条（a / b），或确认不是重复（both）。")
    note = f"{ctx.operator or '未署名'}：{reason.strip()}"
    if keep == "both":
        with ctx.db.atomic():
            ctx.db.execute("UPDATE sync_duplicates SET status = 'dismissed', resolution = ? WHERE id = ?",
                           [note, duplicate_id])
        return Changes()
    drop = row[1] if keep == "a" else row[0]
    household = ctx.db.execute(f"SELECT household_id FROM {t.MEMBERS} WHERE id = ?", [drop]).fetchone()
    with ctx.write() as w:
        w.tombstone(t.MEMBERS, drop, f"重复身份证号，保留另一条：{reason.strip()}")
        ctx.db.execute("UPDATE sync_duplicates SET status = 'resolved', resolution = ? WHERE id = ?",
                       [f"保留 {keep}；{note}", duplicate_id])
        if household:
            from fupin_desktop.services import derived

            derived.refresh(ctx, [household[0]])
    return Changes.from_writer(w, [household[0]] if household else [])
