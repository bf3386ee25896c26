"""Undo of the last saved change of one household, built on the change log.

The household's most recent local operation (one ``op_id`` of the change log, over the household's row and its
members, pairings, measures, visits and exit steps) is reverted by writing the old values back through the
change writer, so the undo is itself logged (reason "撤销", source ``undo:<op id>``) and travels like any edit.
A row the operation created is tombstoned. Refused: the daily book (a correction there is a reversing entry),
the creation of the household itself, and an operation whose fields were changed again since (by an import).
Pressing undo again reverts the next older operation that has not been undone yet.
"""

import datetime as dt
import json
from dataclasses import dataclass

from fupin_desktop.services import derived, household_log
from fupin_desktop.services.changes import Changes
from fupin_desktop.services.errors import ServiceError
from fupin_desktop.storage import tables as t

UNDO_REASON = "撤销"
UNDO_SOURCE = "undo:"
CHILD_TABLES = household_log.CHILD_TABLES


class NothingToUndoError(ServiceError):
    pass


class UndoRefusedError(ServiceError):
    pass


@dataclass(frozen=True)
class UndoEntry:
    seq: int
    table: str
    row_id: str
    field: str
    old: object
    new: object


@dataclass(frozen=True)
class UndoPreview:
    """The operation Ctrl+Z would revert, for a confirmation question."""

    op_id: str
    when: dt.datetime
    operator: str
    reason: str
    entries: tuple[UndoEntry, ...]
    refused: str = ""  # a Chinese reason when it cannot be undone


def _loads(text):
    return None if text is None else json.loads(text)


def _stamp_time(stamp: str) -> dt.datetime:
    return dt.datetime.fromtimestamp(int(stamp.split(".")[0]) / 1000)


def last_operation(ctx, household_id: str) -> UndoPreview | None:
    """The operation undo would revert now (with ``refused`` set when it may not), or None."""
    where, params = household_log.rows_filter(ctx, household_log.row_ids(ctx, household_id))
    undone = {
        row[0][len(UNDO_SOURCE) :]
        for row in ctx.db.execute(
            f"SELECT DISTINCT source FROM {t.CHANGELOG} WHERE source LIKE ? AND {where}",
            [UNDO_SOURCE + "%", *params],
        )
    }
    candidates = ctx.db.execute(
        f"SELECT op_id, max(hlc) AS stamp FROM {t.CHANGELOG} WHERE source = '' AND {where}"
        " GROUP BY op_id ORDER BY stamp DESC",
        params,
    ).fetchall()
    op = next(((op_id, stamp) for op_id, stamp in candidates if op_id not in undone), None)
    ledger = ctx.db.execute(
        f"SELECT max(hlc) FROM {t.LEDGER} WHERE household_id = ? AND device = ?",
        [household_id, ctx.device_id],
    ).fetchone()[0]
    if op is None:
        if ledger:
            return UndoPreview(
                "",
                _stamp_time(ledger),
                "",
                "收支账本记账",
                (),
                refused="收支账本的记录不能撤销，请在收支账本中用“冲销”更正。",
            )
        return None
    op_id, stamp = op
    if ledger and ledger > stamp:
        return UndoPreview(
            "",
            _stamp_time(ledger),
            "",
            "收支账本记账",
            (),
            refused="最近一次修改是收支账本记账：账本记录不能撤销，请在收支账本中用“冲销”更正。",
        )
    # idx_changelog_op (migration 0006) leads to the operation's rows.
    rows = ctx.db.execute(
        f"SELECT seq, tbl, row_id, field, old, new, operator, reason FROM {t.CHANGELOG} WHERE op_id = ?"
        " ORDER BY seq",
        [op_id],
    ).fetchall()
    entries = tuple(
        UndoEntry(seq, tbl, row_id, field, _loads(old), _loads(new))
        for seq, tbl, row_id, field, old, new, _op, _reason in rows
    )
    operator, reason = rows[0][6], rows[0][7]
    refused = ""
    if any(e.table == t.HOUSEHOLDS and e.field == "*" for e in entries):
        refused = "新建档案这一步不能撤销；如确需删除，请使用“删除档案”并填写原因。"
    elif any(e.table not in (t.HOUSEHOLDS, *CHILD_TABLES) for e in entries):
        refused = "这次修改涉及其他档案（如帮扶干部信息），不能在这里撤销。"
    return UndoPreview(op_id, _stamp_time(stamp), operator, reason, entries, refused)


def _current(ctx, table: str, row_id: str) -> dict:
    cursor = ctx.db.execute(f"SELECT * FROM {table} WHERE id = ?", [row_id])
    row = cursor.fetchone()
    if row is None:
        raise UndoRefusedError("要撤销的记录已不存在，无法撤销。")
    return dict(zip([d[0] for d in cursor.description], row, strict=True))


def undo_last(ctx, household_id: str) -> Changes:
    """Revert the household's most recent local operation; returns what the undo changed."""
    preview = last_operation(ctx, household_id)
    if preview is None:
        raise NothingToUndoError("没有可以撤销的修改。")
    if preview.refused:
        raise UndoRefusedError(preview.refused)
    with ctx.write(source=UNDO_SOURCE + preview.op_id) as w:
        for entry in sorted(preview.entries, key=lambda e: e.seq, reverse=True):
            current = _current(ctx, entry.table, entry.row_id)
            if entry.field == "*":
                if current.get("deleted"):
                    raise UndoRefusedError("这条记录后来已被删除，无法撤销。")
                w.update(entry.table, entry.row_id, {"deleted": 1}, reason=UNDO_REASON)
                continue
            if current.get(entry.field) != entry.new:
                raise UndoRefusedError(
                    "这次修改之后数据又被改动过（例如导入了乡镇的数据），为免覆盖，不能撤销。"
                )
            w.update(entry.table, entry.row_id, {entry.field: entry.old}, reason=UNDO_REASON)
        derived.refresh(ctx, [household_id])
    return Changes.from_writer(w, [household_id])
