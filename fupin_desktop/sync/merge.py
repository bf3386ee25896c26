"""The merge engine (SYNC.md §4), run inside the caller's transaction.

| situation | rule here |
|---|---|
| new row id | insert (plain ``INSERT``; never ``INSERT OR REPLACE``, which would cascade) |
| change already known (same table, row, field, stamp) | skip |
| field change | recorded as a version; the field is settled from its heads (``conflicts.settle``) |
| different fields changed on both sides | both apply; counted as a parallel update |
| same field changed on both sides | both kept in ``sync_conflicts``; provisional value by authority, else later stamp |
| township-owned field changed by a village | refused, listed (and acknowledged back) |
| ledger entries | an append-only set: ``INSERT … ON CONFLICT(id) DO NOTHING`` |
| ``deleted`` | a tombstone wins over concurrent values unless a later change restores it explicitly |
| update to an exited household | applied, the household is not reopened (脱贫状态 is township-owned), flagged |
| same ID number under two member ids | both kept; a possible-duplicate task is listed |
| child whose parent has not arrived | held in ``sync_held``, released when the parent arrives |
"""

import json
from collections import Counter
from dataclasses import dataclass, field

from fupin_desktop.storage import tables as t
from fupin_desktop.sync import versions as vs
from fupin_desktop.sync.conflicts import settle
from fupin_desktop.sync.payload import LEDGER_COLUMNS, NOT_SYNCED, Change, Payload

TABLE_ORDER = (t.VILLAGES, t.HELPERS, t.HOUSEHOLDS, t.MEMBERS, t.PAIRINGS, t.MEASURES, t.VISITS, t.EXIT_STEPS,
               t.POVERTY_LINES, t.SETTINGS)
TOWNSHIP_OWNED = {t.HOUSEHOLDS: frozenset({"number", "exit_status", "exit_year"})}
TOWNSHIP_ONLY_TABLES = frozenset({t.SETTINGS, t.POVERTY_LINES})  # policy comes from the township
EXITED = ("1", "4")
EXTRA_PARENTS = {t.PAIRINGS: (("helper_id", t.HELPERS),)}
REFUSE_OWNED = "乡镇负责的字段，村里的修改不予采用"
REFUSE_POLICY = "全局设置和贫困线由乡镇统一设定"
REFUSE_OTHER_VILLAGE = "不属于来源村的记录，村里不能修改"


@dataclass
class MergeReport:
    org: str = ""
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    refused: int = 0
    held: int = 0
    released: int = 0
    parallel: int = 0
    flagged: int = 0
    duplicates: int = 0
    ledger_new: int = 0
    ledger_unchanged: int = 0
    by_table: dict = field(default_factory=dict)
    conflict_fields: list = field(default_factory=list)  # (table, row_id, field)
    refusals: list = field(default_factory=list)  # (table, row_id, field, stamp, reason)
    flags: list = field(default_factory=list)  # (table, row_id, note)
    household_ids: set = field(default_factory=set)

    def count(self, tbl: str, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)
        self.by_table.setdefault(tbl, Counter())[outcome] += 1

    def to_json(self) -> dict:
        data = {k: getattr(self, k) for k in ("org", "new", "updated", "unchanged", "conflicts", "refused", "held",
                                               "released", "parallel", "flagged", "duplicates", "ledger_new",
                                               "ledger_unchanged")}
        data["by_table"] = {k: dict(v) for k, v in self.by_table.items()}
        data["conflict_fields"] = [list(c) for c in self.conflict_fields[:500]]
        data["refusals"] = [list(r) for r in self.refusals[:500]]
        data["flags"] = [list(f) for f in self.flags[:500]]
        return data


_jsonv = json.JSONEncoder(ensure_ascii=False).encode


class Merger:
    def __init__(self, ctx, *, source: str, report: MergeReport):
        self.ctx = ctx
        self.db = ctx.db
        self.source = source
        self.report = report
        self.members: set[str] = set()
        self.village_id: str | None = None
        self.touched: set[tuple[str, str]] = set()

    # --- helpers ---------------------------------------------------------------------------------------------
    def _exists(self, tbl: str, row_id: str) -> bool:
        return self.db.execute(f"SELECT 1 FROM {tbl} WHERE id = ?", [row_id]).fetchone() is not None

    def _missing_parent(self, tbl: str, row: dict):
        links = ([t.PARENTS[tbl]] if tbl in t.PARENTS else []) + list(EXTRA_PARENTS.get(tbl, ()))
        for column, parent in links:
            parent_id = row.get(column)
            if parent_id and not self._exists(parent, parent_id):
                return parent, parent_id
        return None

    def _hold(self, change: Change, waiting_tbl: str, waiting_id: str, authority: int) -> None:
        self.db.execute(
            "INSERT INTO sync_held (tbl, row_id, field, stamp, waiting_tbl, waiting_id, change, authority)"
            " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            [change.tbl, change.row_id, change.field, change.stamp, waiting_tbl, waiting_id,
             _jsonv(change.line()), authority])
        self.report.count(change.tbl, "held")

    def _refuse(self, change: Change, reason: str) -> None:
        self.db.execute("INSERT INTO sync_refused (tbl, row_id, field, stamp, device, reason) VALUES (?,?,?,?,?,?)"
                        " ON CONFLICT DO NOTHING",
                        [change.tbl, change.row_id, change.field, change.stamp, change.device, reason])
        self.report.count(change.tbl, "refused")
        self.report.refusals.append((change.tbl, change.row_id, change.field, change.stamp, reason))

    def _log(self, change: Change, old, new_json: str) -> None:
        self.db.execute(
            f"INSERT INTO {t.CHANGELOG} (op_id, tbl, row_id, field, old, new, hlc, device, operator, reason, source)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [change.op_id or self.source, change.tbl, change.row_id, change.field,
             None if old is None else _jsonv(old), new_json, change.stamp, change.device, change.author,
             change.reason, self.source])

    # --- one change ------------------------------------------------------------------------------------------
    def change(self, change: Change, authority: int) -> None:
        tbl, row_id = change.tbl, change.row_id
        from_village = authority == 0
        if not vs.syncs(tbl, row_id):
            self._refuse(change, "本机设置，不同步")
            return
        if from_village and tbl in TOWNSHIP_ONLY_TABLES:
            self._refuse(change, REFUSE_POLICY)
            return
        if vs.known(self.db, tbl, row_id, change.field, change.stamp):
            self.report.count(tbl, "unchanged")
            return
        if change.field == "*":
            self._create(change, authority)
        else:
            self._update(change, authority, from_village)

    def _create(self, change: Change, authority: int) -> None:
        tbl, row_id, row = change.tbl, change.row_id, change.value
        parent = self._missing_parent(tbl, row)
        if parent is not None:
            self._hold(change, *parent, authority)
            return
        row_json = _jsonv(row)
        if not self._exists(tbl, row_id):
            columns = [c for c in row if c not in NOT_SYNCED]
            names = ", ".join(f'"{c}"' for c in columns)
            self.db.execute(f"INSERT INTO {tbl} ({names}, updated_hlc) VALUES ({', '.join('?' * len(columns))}, ?)",
                            [row[c] for c in columns] + [change.stamp])
            vs.record(self.db, tbl, row_id, "*", change.stamp, (), None, change.device, authority)
            self._log(change, None, row_json)
            self.report.count(tbl, "new")
            self.touched.add((tbl, row_id))
            if tbl == t.MEMBERS:
                self.members.add(row_id)
            return
        # the same row id created elsewhere too: each field becomes a concurrent version
        vs.record(self.db, tbl, row_id, "*", change.stamp, (), None, change.device, authority)
        self._log(change, None, row_json)
        outcomes = Counter()
        for name in row:
            if name != "id" and name not in NOT_SYNCED:
                outcomes[self._settle(tbl, row_id, name, change.stamp)] += 1
        self.report.count(tbl, "conflicts" if outcomes["conflict"] else "updated" if outcomes["updated"] else "unchanged")
        self.touched.add((tbl, row_id))

    def _settle(self, tbl, row_id, name, stamp) -> str:
        outcome, _old, _new = settle(self.db, tbl, row_id, name, stamp=stamp)
        if outcome == "conflict":
            self.report.conflict_fields.append((tbl, row_id, name))
        return outcome

    def _update(self, change: Change, authority: int, from_village: bool) -> None:
        tbl, row_id, name = change.tbl, change.row_id, change.field
        if from_village and name in TOWNSHIP_OWNED.get(tbl, ()):
            self._refuse(change, REFUSE_OWNED)
            return
        current = self.db.execute(f'SELECT "{name}" FROM {tbl} WHERE id = ?', [row_id]).fetchone()
        if current is None:
            self._hold(change, tbl, row_id, authority)
            return
        if from_village and self.village_id and self._village_of(tbl, row_id) not in (None, self.village_id):
            self._refuse(change, REFUSE_OTHER_VILLAGE)
            return
        value_json = _jsonv(change.value)
        vs.record(self.db, tbl, row_id, name, change.stamp, change.bases, value_json, change.device, authority)
        self._log(change, current[0], value_json)
        outcome = self._settle(tbl, row_id, name, change.stamp)
        self.report.count(tbl, {"updated": "updated", "conflict": "conflicts"}.get(outcome, "unchanged"))
        self.touched.add((tbl, row_id))
        if outcome == "updated" and self._parallel(change):
            self.report.parallel += 1
        if tbl == t.MEMBERS and name in ("id_number", "deleted"):
            self.members.add(row_id)
        household_id = row_id if tbl == t.HOUSEHOLDS else None
        if tbl in t.PARENTS and t.PARENTS[tbl][1] == t.HOUSEHOLDS:
            found = self.db.execute(f"SELECT household_id FROM {tbl} WHERE id = ?", [row_id]).fetchone()
            household_id = found[0] if found else None
        if from_village and self._household_exited(household_id):
            self._flag(tbl, row_id, f"已脱贫户的“{name}”有更新（已采用，未重新打开）")

    def _village_of(self, tbl: str, row_id: str) -> str | None:
        if tbl == t.VILLAGES:
            return row_id
        if tbl == t.HOUSEHOLDS:
            household_id = row_id
        elif tbl in t.PARENTS and t.PARENTS[tbl][1] == t.HOUSEHOLDS:
            found = self.db.execute(f"SELECT household_id FROM {tbl} WHERE id = ?", [row_id]).fetchone()
            household_id = found[0] if found else None
        else:
            return None
        found = self.db.execute(f"SELECT village_id FROM {t.HOUSEHOLDS} WHERE id = ?", [household_id]).fetchone()
        return found[0] if found else None

    def _parallel(self, change: Change) -> bool:
        since = min(change.bases) if change.bases else ""
        return self.db.execute(
            "SELECT 1 FROM sync_versions WHERE tbl = ? AND row_id = ? AND field NOT IN (?, '*') AND device != ?"
            " AND stamp > ? LIMIT 1", [change.tbl, change.row_id, change.field, change.device, since]).fetchone() is not None

    def _household_exited(self, household_id) -> bool:
        if not household_id:
            return False
        row = self.db.execute(f"SELECT exit_status FROM {t.HOUSEHOLDS} WHERE id = ?", [household_id]).fetchone()
        return bool(row and row[0] in EXITED)

    def _flag(self, tbl: str, row_id: str, note: str) -> None:
        self.report.flagged += 1
        self.report.flags.append((tbl, row_id, note))

    # --- the daily book ------------------------------------------------------------------------------------------
    def ledger(self, rows: list, households: set[str], authority: int, staged: int = 0) -> None:
        """Book rows (checked) into the append-only set; entries of households not here yet wait.

        ``staged``: the rows are not in ``rows`` but in the attached staging file of a bundle read by the
        worker process (``reader_process``), this many of them."""
        from fupin_desktop.sync import ledger_lines

        if not rows and not staged:
            return
        missing = set(households)
        ids = list(missing)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            missing -= {r[0] for r in self.db.execute(
                f"SELECT id FROM {t.HOUSEHOLDS} WHERE id IN ({','.join('?' * len(chunk))})", chunk)}
        held = 0
        if missing:
            for row in ledger_lines.staged_rows_of(self.db, missing) if staged else rows:
                if row[1] in missing:
                    change = Change(t.LEDGER, row[0], "*", row[10], (), dict(zip(LEDGER_COLUMNS, row, strict=True)))
                    self._hold(change, t.HOUSEHOLDS, row[1], authority)
                    held += 1
            rows = [row for row in rows if row[1] not in missing]
        if staged:
            count = staged - held
            added = ledger_lines.insert_staged(self.db, count, missing) if count else 0
        else:
            added, count = ledger_lines.insert(self.db, rows), len(rows)
        self.report.ledger_new += added
        self.report.ledger_unchanged += count - added

    # --- new rows in bulk --------------------------------------------------------------------------------------------
    def create_many(self, creations: list[Change], authority: int) -> list[Change]:
        """Insert the new rows of a bundle table by table with ``executemany``; returns the creations that need
        the one-by-one path (row exists already, local-only or refused tables)."""
        from_village = authority == 0
        known = {(r[0], r[1], r[2]) for r in self.db.execute(
            "SELECT tbl, row_id, stamp FROM sync_versions WHERE field = '*' AND device IN"
            f" ({','.join('?' * len({c.device for c in creations}))})", sorted({c.device for c in creations}))}
        by_table: dict[str, list[Change]] = {}
        rest = []
        for c in creations:
            if (c.tbl, c.row_id, c.stamp) in known:
                self.report.count(c.tbl, "unchanged")
            elif not vs.syncs(c.tbl, c.row_id) or (from_village and c.tbl in TOWNSHIP_ONLY_TABLES):
                rest.append(c)
            else:
                by_table.setdefault(c.tbl, []).append(c)
        available: dict[str, set] = {}

        def present(tbl: str, ids) -> set:
            ids = [i for i in set(ids) if i not in available.setdefault(tbl, set())]
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                available[tbl].update(r[0] for r in self.db.execute(
                    f"SELECT id FROM {tbl} WHERE id IN ({','.join('?' * len(chunk))})", chunk))
            return available[tbl]

        from fupin_desktop.storage.search_upkeep import DEFER_ROWS, search_deferred

        # a village's households and members: their search rows made once at the end, not row by row
        people = len(by_table.get(t.HOUSEHOLDS, ())) + len(by_table.get(t.MEMBERS, ()))
        with search_deferred(self.db.conn, people >= DEFER_ROWS):
            for tbl in sorted(by_table, key=lambda name: TABLE_ORDER.index(name) if name in TABLE_ORDER else 99):
                items = sorted(by_table[tbl], key=lambda c: c.stamp)
                existing = set(present(tbl, [c.row_id for c in items]))
                links = ([t.PARENTS[tbl]] if tbl in t.PARENTS else []) + list(EXTRA_PARENTS.get(tbl, ()))
                for column, parent in links:
                    present(parent, [c.value.get(column) for c in items if c.value.get(column)])
                rows, versions, logs = {}, [], []
                for c in items:
                    if c.row_id in existing or c.row_id in available[tbl]:
                        rest.append(c)
                        continue
                    waiting = next(((parent, c.value[column]) for column, parent in links
                                    if c.value.get(column) and c.value[column] not in available[parent]), None)
                    if waiting is not None:
                        self._hold(c, *waiting, authority)
                        continue
                    columns = tuple(name for name in c.value if name not in NOT_SYNCED)
                    rows.setdefault(columns, []).append([c.value[name] for name in columns] + [c.stamp])
                    versions.append((tbl, c.row_id, "*", c.stamp, "", None, c.device, authority))
                    logs.append((c.op_id or self.source, tbl, c.row_id, "*", None, _jsonv(c.value), c.stamp, c.device,
                                 c.author, c.reason, self.source))
                    available[tbl].add(c.row_id)
                    self.report.count(tbl, "new")
                    self.touched.add((tbl, c.row_id))
                    if tbl == t.MEMBERS:
                        self.members.add(c.row_id)
                for columns, values in rows.items():
                    names = ", ".join(f'"{name}"' for name in columns)
                    self.db.conn.executemany(
                        f"INSERT INTO {tbl} ({names}, updated_hlc) VALUES ({', '.join('?' * (len(columns) + 1))})", values)
                self.db.conn.executemany("INSERT INTO sync_versions (tbl, row_id, field, stamp, bases, value, device,"
                                         " authority) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING", versions)
                self.db.conn.executemany(
                    f"INSERT INTO {t.CHANGELOG} (op_id, tbl, row_id, field, old, new, hlc, device, operator, reason, source)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?)", logs)
        return rest

    # --- held children ----------------------------------------------------------------------------------------------
    def release_held(self) -> None:
        while True:
            ready = []
            for waiting in {row[0] for row in self.db.execute("SELECT DISTINCT waiting_tbl FROM sync_held")}:
                if waiting not in t.SYNCABLE:
                    continue
                ready += self.db.execute(
                    f"SELECT tbl, row_id, field, stamp, change, authority FROM sync_held h WHERE waiting_tbl = ?"
                    f" AND EXISTS (SELECT 1 FROM {waiting} x WHERE x.id = h.waiting_id)", [waiting]).fetchall()
            if not ready:
                return
            ready.sort(key=lambda r: (TABLE_ORDER.index(r[0]) if r[0] in TABLE_ORDER else 99, r[3]))
            for tbl, row_id, name, stamp, line, authority in ready:
                self.db.execute("DELETE FROM sync_held WHERE tbl = ? AND row_id = ? AND field = ? AND stamp = ?",
                                [tbl, row_id, name, stamp])
                self.report.released += 1
                item = json.loads(line)
                if tbl == t.LEDGER:
                    row = item[6]
                    self.ledger([[row[c] for c in LEDGER_COLUMNS]], {row["household_id"]}, authority)
                else:
                    self.change(Change(*item[1:5], tuple(item[5]), *item[6:]), authority)

    # --- after the changes --------------------------------------------------------------------------------------------
    def find_duplicates(self) -> None:
        """A possible-duplicate task for every new or changed member whose ID number another household holds."""
        members = sorted(self.members)
        for i in range(0, len(members), 500):
            chunk = members[i:i + 500]
            pairs = self.db.execute(
                f"SELECT m.id, o.id, m.id_number FROM {t.MEMBERS} m JOIN {t.MEMBERS} o ON o.id_number = m.id_number"
                f" AND o.id != m.id AND o.household_id != m.household_id AND o.deleted = 0"
                f" JOIN {t.HOUSEHOLDS} h ON h.id = o.household_id AND h.deleted = 0"
                f" WHERE m.id IN ({','.join('?' * len(chunk))}) AND m.id_number != '' AND m.deleted = 0", chunk).fetchall()
            self.report.duplicates += self.db.conn.executemany(
                "INSERT INTO sync_duplicates (id, id_number, member_a, member_b) VALUES (?,?,?,?) ON CONFLICT(id) DO NOTHING",
                [(f"{min(a, b)}/{max(a, b)}", number, min(a, b), max(a, b)) for a, b, number in pairs]).rowcount

    def affected_households(self) -> set[str]:
        ids = set(self.report.household_ids)
        by_table: dict[str, list] = {}
        for tbl, row_id in self.touched:
            by_table.setdefault(tbl, []).append(row_id)
        ids.update(by_table.get(t.HOUSEHOLDS, ()))
        for tbl, row_ids in by_table.items():
            if tbl in t.PARENTS and t.PARENTS[tbl][1] == t.HOUSEHOLDS:
                for i in range(0, len(row_ids), 500):
                    chunk = row_ids[i:i + 500]
                    ids.update(r[0] for r in self.db.execute(
                        f"SELECT household_id FROM {tbl} WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        return ids


def store_blobs(db, payload: Payload, report: MergeReport) -> int:
    """Store the attachments' contents this installation lacks (each already checked against its SHA-256 and
    size by ``payload.parse_lines``; their links are checked by ``precheck``). Returns how many were new."""
    from fupin_desktop.storage import blobs

    added = sum(blobs.put(db, sha, mime, data) for sha, (mime, data) in payload.blobs.items())
    if added:
        report.by_table.setdefault(t.ATTACHMENT_BLOBS, Counter())["new"] += added
    return added


def merge(ctx, payload: Payload, *, authority: int, source: str, org: str = "",
          village_id: str | None = None) -> MergeReport:
    """Apply a verified payload inside the caller's transaction; returns what happened.

    ``village_id``: for a village bundle, its own village; changes to another village's records are refused.
    """
    from fupin_desktop.services import derived

    report = MergeReport(org=org)
    merger = Merger(ctx, source=source, report=report)
    merger.village_id = village_id
    order = {name: i for i, name in enumerate(TABLE_ORDER)}
    store_blobs(ctx.db, payload, report)
    creations = [c for c in payload.changes if c.field == "*"]
    others = merger.create_many(creations, authority) if creations else []
    others += [c for c in payload.changes if c.field != "*"]
    for change in sorted(others, key=lambda c: (order.get(c.tbl, 99), c.stamp, c.row_id, c.field)):
        merger.change(change, authority)
    merger.ledger(payload.ledger, payload.ledger_households, authority,
                  staged=payload.ledger_count if payload.ledger_file else 0)
    merger.release_held()
    merger.find_duplicates()
    households = merger.affected_households()
    report.household_ids = households
    if households:
        ctx._settings = None
        derived.refresh(ctx, sorted(households))
    return report
