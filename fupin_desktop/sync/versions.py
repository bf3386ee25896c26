"""Field versions: what the merge engine knows about every synced field, and how local edits join it.

A version is one change of one field (or ``*``, a row's creation) with its stamp, the stamps it replaced
(bases), its value, device and authority. The current value of a field is decided by its *heads*: the
versions no other known version replaced. One head: no conflict. Several heads with different values: a
conflict; the provisional value is the head with the highest authority, else the latest stamp (a tombstone
``deleted = 1`` wins first). Because heads depend only on the set of known versions, importing bundles in
any order gives the same values and the same conflicts.

Local edits are written by ``ChangeWriter`` to the change log only; ``catch_up`` turns the change log rows
written since the last call into versions (a local edit replaces every current head: the person saw the
provisional value and changed it).
"""

import json
from dataclasses import dataclass

from fupin_desktop.storage import tables as t
from fupin_desktop.sync.payload import NOT_SYNCED, VERSIONED_TABLES

LOCAL_SETTINGS = frozenset({"mode", "language"})  # settings that never travel
STATE_VERSIONED = "versioned_seq"
IMPORT_SOURCE = "import:"
SYNC_SOURCE = "sync:"  # resolutions written by this package straight into versions


@dataclass(slots=True)
class Version:
    stamp: str
    bases: tuple
    value: object  # python value; _UNLOADED for a root whose row values live in the change log
    device: str
    authority: int
    root: bool = False


_UNLOADED = object()


def state_get(db, key: str, default: str = "") -> str:
    row = db.execute("SELECT value FROM sync_state WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def state_set(db, key: str, value) -> None:
    db.execute("INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
               [key, str(value)])


def syncs(tbl: str, row_id: str) -> bool:
    return tbl in VERSIONED_TABLES and not (tbl == t.SETTINGS and row_id in LOCAL_SETTINGS)


def record(db, tbl, row_id, field, stamp, bases, value_json, device, authority) -> None:
    db.execute(
        "INSERT INTO sync_versions (tbl, row_id, field, stamp, bases, value, device, authority)"
        " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
        [tbl, row_id, field, stamp, ",".join(bases), value_json, device, authority])


def known(db, tbl, row_id, field, stamp) -> bool:
    return db.execute("SELECT 1 FROM sync_versions WHERE tbl = ? AND row_id = ? AND field = ? AND stamp = ?",
                      [tbl, row_id, field, stamp]).fetchone() is not None


def versions_of(db, tbl: str, row_id: str, field: str) -> list[Version]:
    """The field's versions plus the row's creations (roots); a virtual root '' when none is known."""
    found = []
    for stamp, bases, value, device, authority, name in db.execute(
            "SELECT stamp, bases, value, device, authority, field FROM sync_versions"
            " WHERE tbl = ? AND row_id = ? AND field IN (?, '*')", [tbl, row_id, field]):
        if name == "*":
            found.append(Version(stamp, (), _UNLOADED, device, authority, root=True))
        else:
            found.append(Version(stamp, tuple(bases.split(",")) if bases else ("",), json.loads(value),
                                 device, authority))
    if not any(v.root for v in found):
        found.append(Version("", (), _UNLOADED, "", 0, root=True))
    return found


def heads(versions: list[Version]) -> list[Version]:
    replaced = {base for v in versions for base in v.bases}
    return [v for v in versions if v.stamp not in replaced]


def value_of(db, tbl: str, row_id: str, field: str, version: Version, current):
    """A head's value; roots are read from the change log ('*' row with that stamp)."""
    if version.value is not _UNLOADED:
        return version.value
    if version.stamp:
        row = db.execute(f"SELECT new FROM {t.CHANGELOG} WHERE tbl = ? AND row_id = ? AND field = '*' AND hlc = ?",
                         [tbl, row_id, version.stamp]).fetchone()
        if row and row[0]:
            values = json.loads(row[0])
            if field in values:
                version.value = values[field]
                return version.value
    version.value = current
    return current


def winner(field: str, candidates: list[Version], values: list) -> int:
    """Index of the provisional value: a tombstone first, then authority, then the later stamp."""
    def key(i):
        v = candidates[i]
        first = bool(values[i]) if field == "deleted" else False
        return (first, v.authority, v.stamp)

    return max(range(len(candidates)), key=key)


def catch_up(db, authority: int) -> int:
    """Turn change log rows written locally since the last call into versions. Returns how many."""
    from fupin_desktop.sync.conflicts import refresh_conflict

    last = int(state_get(db, STATE_VERSIONED, "0") or 0)
    rows = db.execute(
        f"SELECT seq, tbl, row_id, field, new, hlc, device FROM {t.CHANGELOG} WHERE seq > ?"
        " AND source NOT LIKE 'import:%' AND source NOT LIKE 'sync:%' ORDER BY seq", [last]).fetchall()
    done, creations = 0, []

    def flush() -> None:  # new rows are recorded in bulk, always before a field change is based on them
        db.conn.executemany("INSERT INTO sync_versions (tbl, row_id, field, stamp, bases, value, device, authority)"
                            " VALUES (?,?,'*',?,'',NULL,?,?) ON CONFLICT DO NOTHING", creations)
        creations.clear()

    for seq, tbl, row_id, field, new, stamp, device in rows:
        last = seq
        if not syncs(tbl, row_id) or field in NOT_SYNCED:
            continue
        if field == "*":
            creations.append((tbl, row_id, stamp, device, authority))
        else:
            flush()
            current = heads(versions_of(db, tbl, row_id, field))
            record(db, tbl, row_id, field, stamp, tuple(v.stamp for v in current), new or "null", device, authority)
            if len(current) > 1:
                refresh_conflict(db, tbl, row_id, field, resolved_by="本地修改")
        done += 1
    flush()
    # past imported rows too (they never become local versions), so the next call does not read them again
    last = max(last, db.execute(f"SELECT coalesce(max(seq), 0) FROM {t.CHANGELOG}").fetchone()[0])
    if last != int(state_get(db, STATE_VERSIONED, "0") or 0):
        state_set(db, STATE_VERSIONED, last)
    return done


def local_versions(db, device: str, after: str = "") -> list[tuple]:
    """Versions written by ``device`` with a stamp after ``after``, oldest first (for export)."""
    return db.execute(
        "SELECT tbl, row_id, field, stamp, bases, value FROM sync_versions WHERE device = ? AND stamp > ?"
        " ORDER BY stamp, tbl, row_id, field", [device, after]).fetchall()
