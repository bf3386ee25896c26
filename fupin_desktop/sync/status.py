"""What the sync page and ``fupin sync status`` show.

On a township: per village, the last bundle, sequence gaps, open conflicts and duplicates, held records and
问题数据 counts, plus the township roll-up. On a village: exports, whether the township key is known,
what the township has acknowledged (accepted) or refused, and what is waiting to be sent.
"""

import json
from collections import defaultdict

from fupin_desktop.storage import tables as t
from fupin_desktop.sync import keys as k
from fupin_desktop.sync import versions as vs


def _missing(seqs: set[int]) -> list[int]:
    return [s for s in range(1, max(seqs, default=0)) if s not in seqs] if seqs else []


def _village_of_rows(db) -> dict[str, str]:
    """household id -> village id."""
    return dict(db.execute(f"SELECT id, village_id FROM {t.HOUSEHOLDS}").fetchall())


def township_status(ctx) -> list[dict]:
    from fupin_desktop.storage.migrations_sync import ensure_sync_schema

    ensure_sync_schema(ctx.db)
    db = ctx.db
    imports = defaultdict(list)
    for org, device, seq, at, kind, report in db.execute(
            "SELECT source_org, source_device, seq, imported_at, kind, report FROM sync_imports ORDER BY imported_at"):
        imports[org].append((device, seq, at, kind, json.loads(report or "{}")))
    household_village = _village_of_rows(db)
    conflicts, held = defaultdict(int), defaultdict(int)
    for tbl, row_id in db.execute("SELECT tbl, row_id FROM sync_conflicts WHERE status = 'open'"):
        conflicts[_owner(db, tbl, row_id, household_village)] += 1
    for waiting_tbl, waiting_id in db.execute("SELECT waiting_tbl, waiting_id FROM sync_held"):
        held[waiting_id if waiting_tbl == t.VILLAGES else _owner(db, waiting_tbl, waiting_id, household_village)] += 1
    duplicates = defaultdict(int)
    for (member,) in db.execute("SELECT member_a FROM sync_duplicates WHERE status = 'open'"):
        duplicates[_owner(db, t.MEMBERS, member, household_village)] += 1
    result = []
    for village_id, code, name in db.execute(f"SELECT id, code, name FROM {t.VILLAGES} WHERE deleted = 0 ORDER BY code"):
        households, problems = db.execute(
            f"SELECT count(*), coalesce(sum(problem_errors + problem_warnings > 0), 0) FROM {t.HOUSEHOLDS}"
            " WHERE village_id = ? AND deleted = 0", [village_id]).fetchone()
        found = imports.get(code, [])
        by_device = defaultdict(set)
        for device, seq, *_ in found:
            by_device[device].add(seq)
        gaps = {device: _missing(seqs) for device, seqs in by_device.items() if _missing(seqs)}
        last = found[-1] if found else None
        result.append({
            "village_id": village_id, "code": code, "name": name, "households": households,
            "problem_households": problems, "bundles": len(found),
            "last_seq": last[1] if last else None, "last_import": last[2] if last else "",
            "gaps": gaps, "conflicts": conflicts.get(village_id, 0), "duplicates": duplicates.get(village_id, 0),
            "held": held.get(village_id, 0),
        })
    return result


def _owner(db, tbl: str, row_id: str, household_village: dict) -> str:
    if tbl == t.VILLAGES:
        return row_id
    if tbl == t.HOUSEHOLDS:
        return household_village.get(row_id, "")
    if tbl in t.PARENTS and t.PARENTS[tbl][1] == t.HOUSEHOLDS:
        row = db.execute(f"SELECT household_id FROM {tbl} WHERE id = ?", [row_id]).fetchone()
        return household_village.get(row[0], "") if row else ""
    return ""


def rollup(ctx) -> dict:
    """Township roll-up: the summary over all villages and one line per village."""
    from fupin_desktop.services.dashboard import dashboard

    villages = ctx.db.execute(f"SELECT id, code, name FROM {t.VILLAGES} WHERE deleted = 0 ORDER BY code").fetchall()
    rows = []
    for village_id, code, name in villages:
        d = dashboard(ctx, village_id)
        rows.append({"code": code, "name": name, "households": d.households, "people": d.people,
                     "poor_people": d.poor_people, "rural_population": d.rural_population,
                     "incidence_percent": round(d.incidence * 100, 2) if d.incidence is not None else None,
                     "below_line_households": d.below_line_households, "problem_households": d.problem_households,
                     "behind_schedule": d.behind_schedule})
    total = dashboard(ctx, "")
    return {"villages": rows, "total": {
        "households": total.households, "people": total.people, "poor_people": total.poor_people,
        "rural_population": total.rural_population,
        "incidence_percent": round(total.incidence * 100, 2) if total.incidence is not None else None,
        "below_line_households": total.below_line_households, "problem_households": total.problem_households}}


def village_status(ctx) -> dict:
    from fupin_desktop.storage.migrations_sync import ensure_sync_schema

    ensure_sync_schema(ctx.db)
    db = ctx.db
    trusted = k.trusted_township(ctx)
    exports = [{"seq": r[0], "kind": r[1], "created_at": r[2], "file_name": r[3], "acked": r[4] is not None,
                "counts": json.loads(r[5] or "{}")} for r in db.execute(
        "SELECT seq, kind, created_at, file_name, acked_at, counts FROM sync_exports ORDER BY seq")]
    last = db.execute("SELECT version_cursor, ledger_cursor FROM sync_exports ORDER BY seq DESC LIMIT 1").fetchone()
    pending_changelog = db.execute(
        f"SELECT count(*) FROM {t.CHANGELOG} WHERE seq > ? AND source NOT LIKE 'import:%'",
        [int(vs.state_get(db, vs.STATE_VERSIONED, "0") or 0)]).fetchone()[0]
    pending_versions = db.execute("SELECT count(*) FROM sync_versions WHERE device = ? AND stamp > ?",
                                  [ctx.device_id, last[0] if last else ""]).fetchone()[0]
    pending_ledger = db.execute(f"SELECT count(*) FROM {t.LEDGER} WHERE device = ? AND hlc > ?",
                                [ctx.device_id, last[1] if last else ""]).fetchone()[0]
    acked = db.execute("SELECT max(version_cursor) FROM sync_exports WHERE acked_at IS NOT NULL").fetchone()[0] or ""
    accepted = db.execute("SELECT count(*) FROM sync_versions v WHERE device = ? AND stamp <= ? AND NOT EXISTS"
                          " (SELECT 1 FROM sync_refused r WHERE r.tbl = v.tbl AND r.row_id = v.row_id"
                          " AND r.field = v.field AND r.stamp = v.stamp)", [ctx.device_id, acked]).fetchone()[0]
    refused = [{"table": r[0], "row_id": r[1], "field": r[2], "reason": r[3]} for r in db.execute(
        "SELECT tbl, row_id, field, reason FROM sync_refused WHERE device = ? ORDER BY tbl, row_id", [ctx.device_id])]
    corrections = db.execute("SELECT count(*), max(imported_at) FROM sync_imports WHERE kind = 'township_corrections'"
                             ).fetchone()
    return {"township_key": trusted.fingerprint if trusted else "", "township_org": trusted.org_code if trusted else "",
            "exports": exports, "pending_changes": pending_versions + pending_changelog, "pending_ledger": pending_ledger,
            "accepted_changes": accepted, "refused": refused, "corrections_imported": corrections[0],
            "last_correction": corrections[1] or "",
            "open_conflicts": db.execute("SELECT count(*) FROM sync_conflicts WHERE status = 'open'").fetchone()[0]}


def record_state(db, tbl: str, row_id: str, device: str) -> str:
    """accepted | refused | pending: where this installation's latest change to a record stands at the township."""
    acked = db.execute("SELECT max(version_cursor) FROM sync_exports WHERE acked_at IS NOT NULL").fetchone()[0] or ""
    stamps = db.execute("SELECT stamp, field FROM sync_versions WHERE tbl = ? AND row_id = ? AND device = ?",
                        [tbl, row_id, device]).fetchall()
    if not stamps:
        return "accepted"
    if db.execute("SELECT 1 FROM sync_refused WHERE tbl = ? AND row_id = ? AND device = ?", [tbl, row_id, device]
                  ).fetchone():
        return "refused"
    return "accepted" if max(s for s, _f in stamps) <= acked else "pending"
