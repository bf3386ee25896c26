"""The village-wide check report (问题数据): every problem, grouped by household."""

from collections import defaultdict

from fupin_desktop.domain import records as r
from fupin_desktop.domain.rules import check_helper, check_household
from fupin_desktop.services import derived
from fupin_desktop.storage import repository as repo
from fupin_desktop.storage import tables as t


def check_all(ctx, *, village_id: str = "", progress=None) -> dict[str, list]:
    """household id → its problems (households without problems are left out). Refreshes the caches."""
    db = ctx.db
    where = "deleted = 0" + (" AND village_id = ?" if village_id else "")
    households = repo.select(db, r.Household, where, [village_id] if village_id else [],
                             order_by="village_id, number, id")
    members = defaultdict(list)
    for m in repo.select(db, r.Member, "deleted = 0", order_by="seq, rowid"):
        members[m.household_id].append(m)
    helped = {row[0] for row in db.execute(
        f"SELECT DISTINCT household_id FROM {t.PAIRINGS} WHERE end_date IS NULL AND deleted = 0")}
    owners = defaultdict(set)
    for hid, ms in members.items():
        for m in ms:
            if m.id_number and m.active:
                owners[m.id_number].add(hid)
    today, settings = ctx.clock.today(), ctx.settings
    report = {}
    for i, h in enumerate(households):
        ms = members[h.id]
        elsewhere = frozenset(m.id_number for m in ms if len(owners.get(m.id_number, ())) > 1)
        problems = check_household(h, ms, today=today, settings=settings, has_current_helper=h.id in helped,
                                   member_id_numbers_elsewhere=elsewhere)
        if problems:
            report[h.id] = problems
        if progress and i % 200 == 0:
            progress(i, len(households))
    with db.atomic():
        derived.refresh(ctx, [h.id for h in households])
    return report


def helper_problems(ctx) -> dict[str, list]:
    poor = frozenset(row[0] for row in ctx.db.execute(
        f"SELECT m.id_number FROM {t.MEMBERS} m JOIN {t.HOUSEHOLDS} h ON h.id = m.household_id"
        " WHERE m.deleted = 0 AND h.deleted = 0 AND m.id_number != ''"))
    report = {}
    for helper in repo.select(ctx.db, r.Helper, "deleted = 0"):
        problems = check_helper(helper, poor)
        if problems:
            report[helper.id] = problems
    return report
