"""From the database to the documents' data: one function per document, reading only through services.

``packet_data``, ``signoff_data``, ``ledger_card_data`` and ``mingbai_data`` take one household;
``roster_data`` streams its rows from a ``HouseholdFilter`` (a chunk of households at a time);
``notice_data`` lists the households given, or those whose last exit step is 村内公示 (公告: 乡镇审核公告);
``dashboard_data`` is the village's 作战图. Every document is dated ``ctx.clock.today()``.

Why this lives in ``reports`` and not in ``services``: the report dataclasses are defined here, and the layers
contract (ARCHITECTURE.md §2, pyproject's import-linter) lets ``reports`` import ``services``, never the reverse.
Like ``spreadsheets``, it reads the database only through service queries and the repository.
"""

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

from fupin_desktop.domain import records as r
from fupin_desktop.domain.colours import colour_of
from fupin_desktop.domain.exits import (
    EXITED_STATUSES,
    PUBLICITY_STEP,
    REVIEW_STEP,
    deadline_status,
    next_action,
    procedure_state,
)
from fupin_desktop.domain.income import accounting_year_of, divide_half_up, household_size, line_for_year
from fupin_desktop.reports.data import (
    BehindRow,
    DashboardData,
    LedgerCardData,
    MingbaiData,
    NoticeData,
    NoticeRow,
    PacketData,
    RosterData,
    RosterRow,
    SignoffData,
    head_of,
)
from fupin_desktop.services.errors import NotFoundError, ValidationError
from fupin_desktop.services.queries import HouseholdFile, HouseholdFilter, household_file, list_households
from fupin_desktop.services.villages import villages
from fupin_desktop.storage import repository as repo

CHUNK = 200  # households read at a time when streaming a roster or a batch
NOTICE_REASON = "人均纯收入稳定超过贫困线，“两不愁三保障”和饮水安全有保障"
NOTICE_STEPS = {"公示": PUBLICITY_STEP, "公告": REVIEW_STEP}


def _village(file: HouseholdFile) -> r.Village:
    return file.village or r.Village(id="", code="", name="")


def _file(ctx, household_id: str, year: int | None, *, with_entries: bool = False) -> HouseholdFile:
    return household_file(ctx, household_id, year=year, with_entries=with_entries)


def current_year(ctx) -> int:
    """The accounting year of today (the year every document defaults to)."""
    return accounting_year_of(ctx.clock.today(), ctx.settings)


def packet_data(ctx, household_id: str, year: int | None = None) -> PacketData:
    f = _file(ctx, household_id, year)
    return PacketData(
        village=_village(f), household=f.household, members=tuple(f.members), year=f.year,
        printed_on=ctx.clock.today(), summary=f.summary, line=f.line, pairings=tuple(f.pairings),
        helpers=dict(f.helpers), measures=tuple(f.measures), visits=tuple(f.visits),
        exit_steps=tuple(f.exit_steps), colour=f.colour, settings=ctx.settings,
    )


def signoff_data(ctx, household_id: str, year: int | None = None) -> SignoffData:
    """脱贫验收表 of ``year`` (default: this accounting year). The village secretary and director are not in
    the village record: their lines are left to sign by hand."""
    f = _file(ctx, household_id, year)
    return SignoffData(
        village=_village(f), household=f.household, members=tuple(f.members), year=f.year,
        printed_on=ctx.clock.today(), summary=f.summary, line=f.line, helper=f.current_helper,
        exit_steps=tuple(f.exit_steps), settings=ctx.settings,
    )


def ledger_card_data(ctx, household_id: str, year: int | None = None, month: int | None = None) -> LedgerCardData:
    """收支记录卡 of calendar month ``year``-``month`` (default: the current month)."""
    today = ctx.clock.today()
    year, month = year or today.year, month or today.month
    if not 1 <= month <= 12:
        raise ValidationError(f"月份“{month}”不对，应为1到12。")
    f = _file(ctx, household_id, accounting_year_of(dt.date(year, month, 1), ctx.settings), with_entries=True)
    return LedgerCardData(
        village=_village(f), household=f.household, members=tuple(f.members), year=year, month=month,
        printed_on=today, entries=tuple(f.entries), helper=f.current_helper, settings=ctx.settings,
    )


def mingbai_data(ctx, household_id: str, year: int | None = None) -> MingbaiData:
    f = _file(ctx, household_id, year)
    return MingbaiData(
        village=_village(f), household=f.household, members=tuple(f.members), year=f.year,
        printed_on=ctx.clock.today(), summary=f.summary, line=f.line, helper=f.current_helper,
        measures=tuple(f.measures), colour=f.colour, settings=ctx.settings,
    )


# -- many households ----------------------------------------------------------------------------------------

def household_rows(ctx, households: HouseholdFilter | Sequence[str] | None = None) -> Iterator:
    """``HouseholdRow``s of a filter, of a list of ids (in the list's order) or of every household, read a
    chunk at a time."""
    if households is None or isinstance(households, HouseholdFilter):
        f = households or HouseholdFilter()
        offset = 0
        while True:
            rows = list_households(ctx, f, offset=offset, limit=CHUNK)
            yield from rows
            if len(rows) < CHUNK:
                return
            offset += CHUNK
    ids = list(households)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        found = {row.id: row for row in list_households(ctx, HouseholdFilter(household_ids=tuple(chunk)),
                                                       limit=len(chunk))}
        yield from (found[i] for i in chunk if i in found)


def household_ids(ctx, households: HouseholdFilter | Sequence[str] | None = None) -> list[str]:
    """The ids of ``households`` (a filter, ids, or None for all), checked to exist, in print order."""
    return [row.id for row in household_rows(ctx, households)]


def _marks(ids: Sequence[str]) -> str:
    return ",".join("?" for _ in ids) or "NULL"


def _in_chunk(ctx, rows) -> Iterator[tuple]:
    """(household, active members, current helper, net income of the year) for a chunk of rows."""
    ids = [row.id for row in rows]
    marks = _marks(ids)
    households = {h.id: h for h in repo.select(ctx.db, r.Household, f"id IN ({marks})", ids)}
    members: dict[str, list[r.Member]] = {i: [] for i in ids}
    for m in repo.select(ctx.db, r.Member, f"household_id IN ({marks}) AND deleted = 0", ids, "seq, rowid"):
        members[m.household_id].append(m)
    pairings = repo.select(ctx.db, r.Pairing, f"household_id IN ({marks}) AND end_date IS NULL AND deleted = 0",
                           ids, "start_date")
    current = {p.household_id: p.helper_id for p in pairings}
    helper_ids = sorted(set(current.values()))
    helpers = {h.id: h for h in repo.select(ctx.db, r.Helper, f"id IN ({_marks(helper_ids)})", helper_ids)}
    for row in rows:
        household = households.get(row.id)
        if household is not None:
            yield household, members[row.id], helpers.get(current.get(row.id, "")), row


def _roster_rows(ctx, households, year: int) -> Iterator[RosterRow]:
    from fupin_desktop.services.dashboard import per_capita_by_household

    net = {hid: fen for hid, (fen, _people) in per_capita_by_household(ctx, year).items()}
    settings = ctx.settings
    pending = []
    for row in household_rows(ctx, households):
        pending.append(row)
        if len(pending) < CHUNK:
            continue
        yield from _roster_chunk(ctx, pending, net, settings)
        pending = []
    if pending:
        yield from _roster_chunk(ctx, pending, net, settings)


def _roster_chunk(ctx, rows, net: dict[str, int], settings: r.Settings) -> Iterator[RosterRow]:
    for household, members, helper, row in _in_chunk(ctx, rows):
        people = household_size(members, settings)
        yield RosterRow(
            household=household, head=head_of(members), people=sum(1 for m in members if m.active),
            colour=row.colour or colour_of(household, settings), helper_name=helper.name if helper else "",
            helper_phone=helper.phone if helper else "",
            per_capita_fen=divide_half_up(net.get(household.id, 0), people) if people else None,
            exit_step=row.exit_step or "",
        )


def report_village(ctx, village_id: str = "") -> r.Village:
    """The village named by ``village_id``; else the installation's only village; else the township as a whole
    (township mode: several villages on one roster)."""
    found = villages(ctx)
    if village_id:
        for village in found:
            if village.id == village_id:
                return village
        raise NotFoundError("找不到这个村。")
    if len(found) == 1:
        return found[0]
    if not found:
        return r.Village(id="", code="", name="")
    first = found[0]
    return r.Village(id="", code=first.code[:9], name=first.township or "全乡（镇）", province=first.province,
                     city=first.city, county=first.county, township="",
                     rural_population=sum(v.rural_population for v in found))


def roster_data(ctx, households: HouseholdFilter | Sequence[str] | None = None, show_private: bool = False, *,
                year: int | None = None, title: str = "") -> RosterData:
    """花名册; ``rows`` is a generator reading a chunk of households at a time (never the whole village)."""
    year = year or current_year(ctx)
    village_id = households.village_id if isinstance(households, HouseholdFilter) else ""
    extra = {"title": title} if title else {}
    return RosterData(village=report_village(ctx, village_id), rows=_roster_rows(ctx, households, year),
                      printed_on=ctx.clock.today(), year=year, show_private=show_private, **extra)


def notice_data(ctx, households: HouseholdFilter | Sequence[str] | None = None, kind: str = "公示", *,
                year: int | None = None, reason: str = NOTICE_REASON, contact: str = "",
                contact_phone: str = "") -> NoticeData:
    """公示 (default: households whose last exit step is 村内公示) or 公告 (乡镇审核公告). The posting period
    runs from the latest date of that step among them for ``settings.publicity_days`` days (today when none
    is recorded). Only the fields a public list may carry are read into the rows."""
    if kind not in NOTICE_STEPS:
        raise ValidationError(f"公示名单的种类“{kind}”不对，应为“公示”或“公告”。")
    step = NOTICE_STEPS[kind]
    if households is None:
        households = HouseholdFilter(exit_step=step)
    rows, starts = [], []
    for household, members, _helper, _row in household_records(ctx, households):
        head = head_of(members)
        rows.append(NoticeRow(household=_public(household), head=_public_member(head) if head else None,
                              people=sum(1 for m in members if m.active), reason=reason))
        steps = repo.select(ctx.db, r.ExitStep, "household_id = ? AND step = ? AND outcome = 'done' AND deleted = 0",
                            [household.id, step], "date DESC")
        if steps:
            starts.append(steps[0].date)
    posted_from = max(starts) if starts else ctx.clock.today()
    posted_to = posted_from + dt.timedelta(days=max(ctx.settings.publicity_days, 1) - 1)
    first = _village_of_rows(ctx, households)
    return NoticeData(village=first, rows=tuple(rows), printed_on=ctx.clock.today(), year=year or current_year(ctx),
                      kind=kind, posted_from=posted_from, posted_to=posted_to,
                      contact=contact or "村民委员会、驻村工作队", contact_phone=contact_phone)


def household_records(ctx, households: HouseholdFilter | Sequence[str] | None) -> Iterator[tuple]:
    """(household, members, current helper, list row) of ``households``, read a chunk at a time."""
    pending = []
    for row in household_rows(ctx, households):
        pending.append(row)
        if len(pending) == CHUNK:
            yield from _in_chunk(ctx, pending)
            pending = []
    if pending:
        yield from _in_chunk(ctx, pending)


def _village_of_rows(ctx, households) -> r.Village:
    village_id = households.village_id if isinstance(households, HouseholdFilter) else ""
    return report_village(ctx, village_id)


def _public(household: r.Household) -> r.Household:
    """Only what a public list may show: group and number (no phone, account, address or health)."""
    return r.Household(id=household.id, village_id=household.village_id, number=household.number,
                       village_group=household.village_group, attribute=household.attribute,
                       planned_exit_year=household.planned_exit_year, exit_status=household.exit_status)


def _public_member(member: r.Member) -> r.Member:
    return r.Member(id=member.id, household_id=member.household_id, name=member.name, id_number=member.id_number,
                    relation=member.relation, sex=member.sex)


def dashboard_data(ctx, village_id: str = "", *, behind_limit: int = 300) -> DashboardData:
    """作战图 from ``services.dashboard`` plus the households that will miss their 计划脱贫年度."""
    from fupin_desktop.services.dashboard import dashboard

    d = dashboard(ctx, village_id)
    village = report_village(ctx, village_id)
    exited, behind = 0, []
    f = HouseholdFilter(village_id=village_id)
    for row in household_rows(ctx, f):
        if row.exit_status in EXITED_STATUSES:
            exited += 1
            continue
        if row.planned_exit_year is None or row.planned_exit_year > d.year + 1 or len(behind) >= behind_limit:
            continue
        status, state = _deadline(ctx, row.id)
        if status in ("overdue", "at_risk"):
            behind.append(BehindRow(number=row.number, village_group=row.village_group, head_name=row.head_name,
                                    planned_exit_year=row.planned_exit_year, status=status,
                                    step=state.last_step or "", next_action=next_action(state)))
    behind.sort(key=lambda b: (b.status != "overdue", b.planned_exit_year or 0, b.number))
    return DashboardData(
        village=village, printed_on=ctx.clock.today(), year=d.year, households=d.households, people=d.people,
        rural_population=d.rural_population, by_colour=dict(d.by_colour), by_cause=dict(d.by_cause),
        by_exit_year=dict(d.by_exit_year), by_group=dict(d.by_group), exited=exited,
        remaining_people=d.poor_people, behind=tuple(behind), settings=ctx.settings,
    )


def _deadline(ctx, household_id: str):
    from fupin_desktop.services import households as hh
    from fupin_desktop.services.exits import steps_of
    from fupin_desktop.services.ledger import year_summary

    today, settings = ctx.clock.today(), ctx.settings
    year = accounting_year_of(today, settings)
    household, members = hh.load(ctx, household_id)
    state = procedure_state(steps_of(ctx, household_id))
    summary = year_summary(ctx, household_id, year, members)
    line = line_for_year(ctx.poverty_lines(), year)
    return deadline_status(household, state, summary, line, today, settings, members=members), state


def warning_lines_for(datas: Iterable) -> list[str]:
    """Print-preview warnings (``reports.checks``) of several documents' data, each line once."""
    from fupin_desktop.reports.checks import warning_lines

    seen: dict[str, None] = {}
    for data in datas:
        for line in warning_lines(data):
            seen.setdefault(line, None)
    return list(seen)
