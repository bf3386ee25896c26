"""Save the household editor's form in one go: the household's fields and all its members, one operation.

The editor lets a person change the household and several members before pressing Ctrl+S. Saving them one
service call at a time would pass through states the rules refuse (two heads while relations are swapped)
and would make undo revert only a part. Here the final state is checked once (errors refused, new warnings
need a note, as in ``households.gate``) and written in one transaction, so one Ctrl+Z reverts the save.
"""

import dataclasses
import datetime as dt
from types import SimpleNamespace

from fupin_desktop.domain import records as r
from fupin_desktop.domain.exits import exit_blockers
from fupin_desktop.domain.income import accounting_year_of, line_for_year, project_year_end, summarise
from fupin_desktop.domain.names import name_initials
from fupin_desktop.services import derived, drafts, ledger, queries, undo, villages
from fupin_desktop.services import households as hh
from fupin_desktop.services.changes import Changes
from fupin_desktop.services.errors import ValidationError
from fupin_desktop.services.helpers import helpers
from fupin_desktop.storage import repository as repo
from fupin_desktop.storage import tables as t
from fupin_desktop.storage.changelog import new_id
from fupin_desktop.storage.mapping import to_row, values_to_row

EDITABLE_HOUSEHOLD = frozenset(r.field_names(r.Household)) - hh.HOUSEHOLD_READONLY - {"warnings_note"}
EDITABLE_MEMBER = frozenset(r.field_names(r.Member)) - hh.MEMBER_READONLY


def _member_values(values: dict) -> dict:
    return hh.normalise_member_values({k: v for k, v in values.items() if k in EDITABLE_MEMBER})


def save_household(
    ctx,
    household_id: str | None,
    values: dict,
    members: list[dict],
    *,
    helper_id: str = "",
    accept_note: str = "",
    reason: str = "",
) -> tuple[str, Changes]:
    """Create (``household_id`` None) or update a household with its members in one operation.

    ``members`` are dicts of member fields; a dict with an ``id`` of an existing member updates it, one
    without adds a member. Members are never deleted here: a member leaves by a dated 人员变更.
    Returns ``(household_id, Changes)``.
    """
    values = {k: v for k, v in values.items() if k in EDITABLE_HOUSEHOLD}
    if "colour_override" in values and not values["colour_override"]:
        values["colour_override_reason"] = ""  # no manual colour: no reason kept for one
    if household_id is None:
        return hh.create_household(
            ctx,
            values,
            [{k: v for k, v in m.items() if k != "id"} for m in members],
            helper_id=helper_id,
            accept_note=accept_note,
            reason=reason or "新建档案",
        )
    household, old_members = hh.load(ctx, household_id)
    by_id = {m.id: m for m in old_members}
    updated_members, inserts, updates = [], [], []
    seen = set()
    for seq, given in enumerate(members):
        member_id = given.get("id") or ""
        fields = _member_values(given)
        fields.setdefault("seq", seq)
        if not (fields.get("name") or "").strip():
            raise ValidationError(f"第 {seq + 1} 位家庭成员没有填写姓名。")
        if member_id in by_id:
            seen.add(member_id)
            record = dataclasses.replace(by_id[member_id], **fields)
            updates.append((member_id, fields, record))
        else:
            record = r.Member(id=new_id(), household_id=household_id, **fields)
            inserts.append(record)
        updated_members.append(record)
    updated_members += [m for m in old_members if m.id not in seen]  # not in the form: unchanged
    updated = dataclasses.replace(household, **values)
    before = hh.problems_for(ctx, household, old_members)
    hh.gate(before, hh.problems_for(ctx, updated, updated_members), accept_note)
    if accept_note.strip():
        values = {**values, "warnings_note": accept_note.strip()}
    reason = reason or _save_reason(household, values)
    with ctx.write() as w:
        w.update(t.HOUSEHOLDS, household_id, values_to_row(r.Household, values), reason=reason)
        for member_id, fields, record in updates:
            row = values_to_row(r.Member, fields)
            if "name" in fields:
                row["name_initials"] = name_initials(record.name)
            w.update(t.MEMBERS, member_id, row, reason=reason)
        for record in inserts:
            w.insert(t.MEMBERS, to_row(record) | {"name_initials": name_initials(record.name)}, reason=reason)
        derived.refresh(ctx, [household_id])
    return household_id, Changes.from_writer(w, [household_id])


def _save_reason(household: r.Household, values: dict) -> str:
    """The change log's reason: 修改档案, naming the manual colour's reason when the colour changes."""
    colour = values.get("colour_override", household.colour_override)
    if colour == household.colour_override:
        return "修改档案"
    if colour:
        return f"修改档案（人工标色：{values.get('colour_override_reason', '').strip()}）"
    return "修改档案（取消人工标色）"


# --- what the editor needs to open ------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class EditorData:
    """Everything the household editor shows, read in one job on the database thread."""

    today: dt.date  # of the injected clock
    settings: r.Settings
    operator: str
    village: r.Village | None
    helpers: list[r.Helper]
    file: object = None  # queries.HouseholdFile, None for a new household
    history: list = dataclasses.field(default_factory=list)  # queries.HistoryEntry, newest first
    id_numbers_elsewhere: frozenset[str] = frozenset()
    blockers: list = dataclasses.field(default_factory=list)  # exit blockers (Problem)
    undo: object = None  # undo.UndoPreview or None
    draft: dict | None = None  # drafts.load_draft(...)
    attachments: dict = dataclasses.field(default_factory=dict)  # (owner table, owner id) -> [attachments.Attachment]


def id_numbers_elsewhere(ctx, household_id: str | None, numbers) -> frozenset[str]:
    """Which of ``numbers`` belong to a member of another household (still living there)."""
    members = [SimpleNamespace(id_number=n) for n in numbers if n]
    return hh._ids_elsewhere(ctx.db, household_id or "", members)


def editor_data(ctx, household_id: str | None, *, with_draft: bool = False) -> EditorData:
    village = None
    file = None
    history, blockers, elsewhere, preview = [], [], frozenset(), None
    if household_id:
        file = queries.household_file(ctx, household_id, with_entries=False)
        village = file.village
        history = queries.history(ctx, household_id, limit=500)
        blockers = exit_blockers(
            file.household, file.members, file.summary, file.line, file.year, ctx.settings, ctx.clock.today()
        )
        elsewhere = id_numbers_elsewhere(ctx, household_id, [m.id_number for m in file.members])
        preview = undo.last_operation(ctx, household_id)
    else:
        found = villages.villages(ctx)
        village = found[0] if found else None
    draft = drafts.load_draft(ctx, household_id) if with_draft else None
    return EditorData(
        today=ctx.clock.today(),
        settings=ctx.settings,
        operator=ctx.operator,
        village=village,
        helpers=helpers(ctx),
        file=file,
        history=history,
        id_numbers_elsewhere=elsewhere,
        blockers=blockers,
        undo=preview,
        draft=draft,
        attachments=_attachments(ctx, household_id),
    )


def _attachments(ctx, household_id: str | None) -> dict:
    from fupin_desktop.services.attachments import attachments_of_household

    return attachments_of_household(ctx, household_id) if household_id else {}


# --- the daily book, one month ----------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class LedgerMonth:
    household_id: str
    year: int
    month: int
    today: dt.date
    entries: list[r.LedgerEntry]  # the month's entries, in date order
    reversed_ids: frozenset[str]  # entries of the month that a later entry reverses
    month_totals: object  # domain.income.IncomeSummary of the month's entries alone
    summary: object  # IncomeSummary of the accounting year containing the month
    line: r.PovertyLine | None
    projected_fen: int  # per-capita net income projected to the year's end at the pace so far


def ledger_month_view(ctx, household_id: str, year: int, month: int) -> LedgerMonth:
    start = dt.date(year, month, 1)
    end = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    later = ledger.entries_between(ctx, household_id, start, dt.date.max)
    entries = [e for e in later if e.date <= end]
    reversed_ids = frozenset(e.reverses for e in later if e.reverses)
    account_year = accounting_year_of(start, ctx.settings)
    members = repo.members_of(ctx.db, household_id)
    summary = ledger.year_summary(ctx, household_id, account_year, members)
    month_totals = summarise(entries, members, ctx.settings, account_year)
    today = ctx.clock.today()
    return LedgerMonth(
        household_id,
        year,
        month,
        today,
        entries,
        reversed_ids,
        month_totals,
        summary,
        line_for_year(ctx.poverty_lines(), account_year),
        project_year_end(summary, today),
    )


def record_entry(ctx, household_id: str, *, month: tuple[int, int], **entry) -> tuple[str, LedgerMonth, Changes]:
    """Append an entry (``ledger.add_entry``) and read back the month on show, in one job: the book's grid
    refreshes from the answer without asking again. Returns ``(entry id, LedgerMonth, Changes)``."""
    entry_id, changes = ledger.add_entry(ctx, household_id, **entry)
    return entry_id, ledger_month_view(ctx, household_id, *month), changes


def reverse_entry(ctx, entry_id: str, reason: str, *, month: tuple[int, int]) -> tuple[str, LedgerMonth, Changes]:
    """Reverse an entry (``ledger.reverse_entry``) and read back the month on show, in one job."""
    new_id, changes = ledger.reverse_entry(ctx, entry_id, reason)
    household_id = next(iter(changes.household_ids))
    return new_id, ledger_month_view(ctx, household_id, *month), changes
