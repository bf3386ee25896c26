"""Carry out a confirmed import plan: one transaction, every row in the change log with the file as source.

New households and members go through the bulk loader (batched inserts with their ``*`` change-log rows);
updates go through the change writer, one change-log row per changed field. The derived caches of every
touched household are refreshed inside the same transaction. The database is backed up first.
"""

from collections.abc import Callable
from pathlib import Path

from fupin_desktop.domain import records as r
from fupin_desktop.domain.names import name_initials
from fupin_desktop.services import derived
from fupin_desktop.services.changes import Changes
from fupin_desktop.services.errors import ValidationError
from fupin_desktop.spreadsheets.model import CREATE, SKIP, UNCHANGED, UPDATE, ImportPlan, ImportResult
from fupin_desktop.spreadsheets.plan import changelog_mark
from fupin_desktop.storage import tables as t
from fupin_desktop.storage.bulk import BulkLoader
from fupin_desktop.storage.changelog import new_id
from fupin_desktop.storage.mapping import to_db_value, to_row, values_to_row

REASON_NEW = "从表格导入"
REASON_UPDATE = "从表格导入更新"
PROGRESS_EVERY = 200


_HOUSEHOLD_ROW = to_row(r.Household(id="", village_id=""))
_MEMBER_ROW = to_row(r.Member(id="", household_id="", name=""))


def _row(template: dict, values: dict) -> dict:
    """A full new row: the record's defaults, then the values read (in their column form)."""
    row = dict(template)
    for key, value in values.items():
        row[key] = value if type(value) is str or type(value) is int else to_db_value(value)
    return row


def _max_seqs(ctx, household_ids) -> dict[str, int]:
    found = {}
    ids = list(household_ids)
    for i in range(0, len(ids), 900):
        chunk = ids[i:i + 900]
        marks = ",".join("?" for _ in chunk)
        found.update(ctx.db.execute(
            f"SELECT household_id, max(seq) FROM {t.MEMBERS} WHERE household_id IN ({marks}) GROUP BY household_id",
            chunk).fetchall())
    return found


def backup_before_import(ctx) -> Path | None:
    """A copy of the database before an import (skipped while it holds no household yet)."""
    from fupin_desktop.storage.database import backup_to

    if not ctx.db.execute(f"SELECT 1 FROM {t.HOUSEHOLDS} LIMIT 1").fetchone():
        return None
    stamp = ctx.clock.now().strftime("%Y%m%d-%H%M%S")
    return backup_to(ctx.db, ctx.backups_dir / f"before-xlsx-import-{stamp}.sqlite")


def apply_plan(ctx, plan: ImportPlan, *, progress: Callable | None = None, backup: bool = True) -> ImportResult:
    """Import what the plan says. Refused when the database changed since the preview was made."""
    if changelog_mark(ctx) != plan.db_mark:
        raise ValidationError("预览之后数据库已有改动，请重新预览后再导入。")
    work = [h for h in plan.households if h.action in (CREATE, UPDATE)]
    backup_path = backup_before_import(ctx) if backup and work else None
    total = len(work) * 2
    seqs = _max_seqs(ctx, [h.target_id for h in work if h.action == UPDATE])
    touched, row_ids = [], []
    members_created = members_updated = 0
    with ctx.write(source=plan.source) as writer:
        with BulkLoader(ctx.db, ctx.hlc, writer.operator, writer.source, op_id=writer.op_id,
                        reason=REASON_NEW, cache_mb=64) as loader:
            for done, household in enumerate(work):
                if progress is not None and done % PROGRESS_EVERY == 0:
                    progress(done, total)
                if household.action == CREATE:
                    household_id = loader.add(t.HOUSEHOLDS, _row(_HOUSEHOLD_ROW, {
                        **household.values, "id": new_id(), "village_id": plan.village_id}))
                    next_seq = 0
                else:
                    household_id = household.target_id
                    if household.changes:
                        writer.update(t.HOUSEHOLDS, household_id, values_to_row(r.Household, household.changes),
                                      reason=REASON_UPDATE)
                    next_seq = seqs.get(household_id, -1) + 1
                touched.append(household_id)
                row_ids.append(household_id)
                for member in household.members:
                    if member.target_id:
                        if member.changes:
                            row = values_to_row(r.Member, member.changes)
                            if "name" in member.changes:
                                row["name_initials"] = name_initials(member.changes["name"])
                            writer.update(t.MEMBERS, member.target_id, row, reason=REASON_UPDATE)
                            members_updated += 1
                            row_ids.append(member.target_id)
                        continue
                    values = {"seq": next_seq, **member.values, "id": new_id(), "household_id": household_id}
                    next_seq += 1
                    row = _row(_MEMBER_ROW, values)
                    row["name_initials"] = name_initials(row["name"])
                    row_ids.append(loader.add(t.MEMBERS, row))
                    members_created += 1
        known = [(*h.derived, hid) for h, hid in zip(work, touched, strict=True) if h.derived is not None]
        ctx.db.conn.executemany(
            f"UPDATE {t.HOUSEHOLDS} SET head_name = ?, people = ?, exit_step = ?, problem_errors = ?,"
            " problem_warnings = ? WHERE id = ?", known)
        others = [hid for h, hid in zip(work, touched, strict=True) if h.derived is None]
        half = len(work) + len(known)

        def refresh_progress(done, _count):
            if progress is not None:
                progress(half + done, total)

        if others:
            derived.refresh(ctx, others, progress=refresh_progress)
        elif progress is not None:
            progress(total, total)
    tables = frozenset({t.HOUSEHOLDS} | ({t.MEMBERS} if members_created or members_updated else set())) \
        if work else frozenset()
    changes = Changes(op_id=writer.op_id, tables=tables, household_ids=frozenset(touched),
                      row_ids=frozenset(row_ids))
    return ImportResult(
        created=plan.count(CREATE), updated=plan.count(UPDATE), unchanged=plan.count(UNCHANGED),
        skipped=plan.count(SKIP), members_created=members_created, members_updated=members_updated,
        changes=changes, backup=backup_path,
    )
