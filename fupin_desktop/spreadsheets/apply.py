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
from fupin_desktop.spreadsheets.workbook import paused_gc
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
            f"SELECT household_id, max(seq) FROM {t.MEMBERS} WHERE household_id IN ({marks})"
            " GROUP BY household_id",
            chunk).fetchall())
    return found


def backup_before_import(ctx) -> Path:
    """The checked backup QUALITY.md R4 asks for before every import (thinned with the others)."""
    from fupin_desktop.services.backup import back_up_before

    return back_up_before(ctx, "import").path


class _Counter:
    def __init__(self):
        self.members_created = self.members_updated = 0
        self.households: list[str] = []
        self.rows: list[str] = []
        self.uncached: list[str] = []  # new households whose caches the preview did not compute


def _apply_updates(ctx, writer, households, count: _Counter) -> None:
    """Changed fields of matched households and members, one change-log row per field (this thread)."""
    for household in households:
        if household.changes:
            writer.update(t.HOUSEHOLDS, household.target_id, values_to_row(r.Household, household.changes),
                          reason=REASON_UPDATE)
        count.households.append(household.target_id)
        count.rows.append(household.target_id)
        for member in household.members:
            if member.target_id and member.changes:
                row = values_to_row(r.Member, member.changes)
                if "name" in member.changes:
                    row["name_initials"] = name_initials(member.changes["name"])
                writer.update(t.MEMBERS, member.target_id, row, reason=REASON_UPDATE)
                count.members_updated += 1
                count.rows.append(member.target_id)


def _new_rows(loader, plan, work, seqs, count: _Counter, progress, total) -> None:
    """New households and members for the bulk loader (runs on its producer thread: no database access)."""
    for done, household in enumerate(work):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, total)
        if household.action == CREATE:
            values = {**household.values, "id": new_id(), "village_id": plan.village_id}
            if household.derived is not None:  # kept out of the change log by the loader
                values.update(household.derived)
            household_id = loader.add(t.HOUSEHOLDS, _row(_HOUSEHOLD_ROW, values))
            if household.derived is None:
                count.uncached.append(household_id)
            count.households.append(household_id)
            count.rows.append(household_id)
            next_seq = 0
        else:
            household_id = household.target_id
            next_seq = seqs.get(household_id, -1) + 1
        for member in household.members:
            if member.target_id:
                continue
            values = {"seq": next_seq, **member.values, "id": new_id(), "household_id": household_id}
            row = _row(_MEMBER_ROW, values)
            row["name_initials"] = name_initials(row["name"])
            next_seq += 1
            count.rows.append(loader.add(t.MEMBERS, row))
            count.members_created += 1


def apply_plan(ctx, plan: ImportPlan, *, progress: Callable | None = None,
               backup: bool = True) -> ImportResult:
    """Import what the plan says. Refused when the database changed since the preview was made.

    ``progress(done, total)`` may raise to cancel: the whole import is rolled back."""
    with paused_gc():
        return _apply(ctx, plan, progress, backup)


def _apply(ctx, plan: ImportPlan, progress: Callable | None, backup: bool) -> ImportResult:
    if changelog_mark(ctx) != plan.db_mark:
        raise ValidationError("预览之后数据库已有改动，请重新预览后再导入。")
    work = [h for h in plan.households if h.action in (CREATE, UPDATE)]
    backup_path = backup_before_import(ctx) if backup and work else None
    updates = [h for h in work if h.action == UPDATE]
    seqs = _max_seqs(ctx, [h.target_id for h in updates])
    total = len(work) + len(updates) + sum(1 for h in work if h.action == CREATE and h.derived is None)
    count = _Counter()
    with ctx.write(source=plan.source) as writer:
        _apply_updates(ctx, writer, updates, count)
        with BulkLoader(ctx.db, ctx.hlc, writer.operator, writer.source, op_id=writer.op_id,
                        reason=REASON_NEW, flush_rows=20_000, cache_mb=64) as loader:
            _new_rows(loader, plan, work, seqs, count, progress, total)
        refresh = [h.target_id for h in updates] + count.uncached
        if refresh:
            derived.refresh(ctx, refresh, progress=None if progress is None else (
                lambda done, _n: progress(len(work) + done, total)))
        if progress is not None:
            progress(total, total)
    tables = frozenset()
    if work:
        members_written = count.members_created or count.members_updated
        tables = frozenset({t.HOUSEHOLDS} | ({t.MEMBERS} if members_written else set()))
    changes = Changes(op_id=writer.op_id, tables=tables, household_ids=frozenset(count.households),
                      row_ids=frozenset(count.rows))
    return ImportResult(
        created=plan.count(CREATE), updated=plan.count(UPDATE), unchanged=plan.count(UNCHANGED),
        skipped=plan.count(SKIP), members_created=count.members_created,
        members_updated=count.members_updated,
        changes=changes, backup=backup_path,
    )
