"""Local derived caches on households (head name, people, exit step, colour, problem counts).

They make lists, filters and the dashboard fast on a county-sized file. They are recomputed here, inside
the caller's transaction, never synced and never written to the change log.
"""

from collections import defaultdict

from fupin_desktop.domain import records as r
from fupin_desktop.domain.colours import colour_of
from fupin_desktop.domain.exits import procedure_state
from fupin_desktop.domain.rules import check_household
from fupin_desktop.storage import repository as repo
from fupin_desktop.storage import tables as t

BATCH = 500


def _chunks(ids, size=BATCH):
    ids = list(ids)
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def refresh(ctx, household_ids=None, *, progress=None) -> int:
    """Recompute the caches of the given households (all when None). Returns how many were refreshed."""
    db = ctx.db
    if household_ids is None:
        household_ids = [row[0] for row in db.execute(f"SELECT id FROM {t.HOUSEHOLDS} WHERE deleted = 0")]
    household_ids = list(household_ids)
    today, settings = ctx.clock.today(), ctx.settings
    done = 0
    for chunk in _chunks(household_ids):
        marks = ",".join("?" for _ in chunk)
        helped = {row[0] for row in db.execute(  # only the chunk: one household's save never scans every pairing
            f"SELECT DISTINCT household_id FROM {t.PAIRINGS} WHERE household_id IN ({marks})"
            " AND end_date IS NULL AND deleted = 0", chunk)}
        households = repo.select(db, r.Household, f"id IN ({marks})", chunk)
        members = defaultdict(list)
        for m in repo.select(db, r.Member, f"household_id IN ({marks}) AND deleted = 0", chunk, "seq, rowid"):
            members[m.household_id].append(m)
        steps = defaultdict(list)
        for s in repo.select(db, r.ExitStep, f"household_id IN ({marks})", chunk):
            steps[s.household_id].append(s)
        numbers = defaultdict(set)
        rows = db.execute(
            f"SELECT m.id_number, m.household_id FROM {t.MEMBERS} m JOIN {t.MEMBERS} me ON me.id_number = m.id_number"
            f" WHERE me.household_id IN ({marks}) AND m.household_id != me.household_id AND m.id_number != ''"
            " AND m.deleted = 0", chunk).fetchall()
        for number, _other in rows:
            numbers[number].add(_other)
        updates = []
        for h in households:
            ms = members[h.id]
            active = [m for m in ms if m.active]
            head = next((m.name for m in active if m.relation == "01"), "")
            state = procedure_state(steps[h.id])
            elsewhere = frozenset(m.id_number for m in ms if m.id_number in numbers)
            problems = check_household(h, ms, today=today, settings=settings, has_current_helper=h.id in helped,
                                       member_id_numbers_elsewhere=elsewhere)
            errors = sum(1 for p in problems if p.level == "error")
            updates.append((head, len(active), state.last_step or "", colour_of(h, settings), errors,
                            len(problems) - errors, h.id))
        db.conn.executemany(
            f"UPDATE {t.HOUSEHOLDS} SET head_name = ?, people = ?, exit_step = ?, colour = ?, problem_errors = ?,"
            " problem_warnings = ? WHERE id = ?", updates)
        done += len(updates)
        if progress:
            progress(done, len(household_ids))
    return done
