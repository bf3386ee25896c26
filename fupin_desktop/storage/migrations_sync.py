"""Migration ``0002_sync``: the tables of USB sync (SYNC.md), local to each installation.

None of these tables travels in a bundle. They hold:

- ``sync_state``: cursors (how far the change log has been versioned, what was last exported).
- ``sync_versions``: every known version of every synced field: the change's clock stamp, the stamps it
  replaced (its bases), its value, its device and its authority (1 = township). Field ``*`` is a whole-row
  creation (its values are in the change log). The merge engine computes heads and conflicts from it.
- ``sync_imports``: the import log (one row per applied bundle, unique per device and sequence number).
- ``sync_exports``: bundles this installation wrote (sequence, cursors, acknowledgement by the township).
- ``sync_device_keys`` / ``sync_repins``: village device keys pinned by the township, and re-pin requests.
- ``sync_conflicts``: same-field conflicts, both values kept, provisional value shown, marked 需核实.
- ``sync_duplicates``: one ID number under two row ids, for a person to review (never merged).
- ``sync_held``: changes whose parent row has not arrived yet.
- ``sync_refused``: changes refused by the merge rules (township-owned fields from a village), for reports
  and the acknowledgement sent back.
- ``sync_acks``: on a village, which of its bundles the township has acknowledged.

The function is registered on ``MIGRATIONS`` by ``storage/migrations.py``. Its statements are idempotent
(``IF NOT EXISTS``) because ``ensure_sync_schema`` may have created the tables before registration.
"""

SYNC_SCHEMA = """
CREATE TABLE IF NOT EXISTS sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS sync_versions (
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    stamp TEXT NOT NULL,
    bases TEXT NOT NULL DEFAULT '',       -- stamps this version replaced, comma-separated ('' = the original)
    value TEXT,                           -- JSON; NULL for '*' (the row is in the change log)
    device TEXT NOT NULL,
    authority INTEGER NOT NULL DEFAULT 0, -- 1 = written by a township
    PRIMARY KEY (tbl, row_id, field, stamp)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS idx_sync_versions_device ON sync_versions(device, stamp);

CREATE TABLE IF NOT EXISTS sync_imports (
    bundle_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    source_org TEXT NOT NULL,
    source_device TEXT NOT NULL,
    seq INTEGER NOT NULL,
    prev_seq INTEGER NOT NULL,
    gap_from INTEGER,
    gap_to INTEGER,
    file_name TEXT NOT NULL DEFAULT '',
    file_sha256 TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    operator TEXT NOT NULL DEFAULT '',
    max_stamp TEXT NOT NULL DEFAULT '',
    report TEXT NOT NULL DEFAULT '{}',
    UNIQUE (source_device, seq)
);

CREATE TABLE IF NOT EXISTS sync_exports (
    bundle_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    target_org TEXT NOT NULL,
    created_at TEXT NOT NULL,
    file_name TEXT NOT NULL DEFAULT '',
    version_cursor TEXT NOT NULL DEFAULT '',
    ledger_cursor TEXT NOT NULL DEFAULT '',
    counts TEXT NOT NULL DEFAULT '{}',
    acked_at TEXT,
    UNIQUE (target_org, seq)
);

CREATE TABLE IF NOT EXISTS sync_device_keys (
    device_id TEXT NOT NULL,
    org_code TEXT NOT NULL,
    public_key TEXT NOT NULL,             -- Ed25519, signs the device's bundles
    box_key TEXT NOT NULL DEFAULT '',     -- X25519, receives corrections
    fingerprint TEXT NOT NULL,
    pinned_at TEXT NOT NULL,
    operator TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (device_id, public_key)
);

CREATE TABLE IF NOT EXISTS sync_repins (
    device_id TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    operator TEXT NOT NULL DEFAULT '',
    requested_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS sync_conflicts (
    id TEXT PRIMARY KEY,                  -- tbl/row_id/field
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    heads TEXT NOT NULL,                  -- JSON list of {stamp, value, device, authority}
    provisional TEXT NOT NULL,            -- stamp of the provisional value
    status TEXT NOT NULL DEFAULT 'open',  -- open | resolved
    resolution TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS idx_sync_conflicts_status ON sync_conflicts(status);

CREATE TABLE IF NOT EXISTS sync_duplicates (
    id TEXT PRIMARY KEY,                  -- member_a/member_b (sorted)
    id_number TEXT NOT NULL,
    member_a TEXT NOT NULL,
    member_b TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',  -- open | resolved | dismissed
    resolution TEXT NOT NULL DEFAULT ''
);

CREATE TABLE IF NOT EXISTS sync_held (
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    stamp TEXT NOT NULL,
    waiting_tbl TEXT NOT NULL,
    waiting_id TEXT NOT NULL,
    change TEXT NOT NULL,                 -- the change line, JSON
    authority INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tbl, row_id, field, stamp)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS idx_sync_held_waiting ON sync_held(waiting_tbl, waiting_id);

CREATE TABLE IF NOT EXISTS sync_refused (
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    stamp TEXT NOT NULL,
    device TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (tbl, row_id, field, stamp)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS sync_acks (
    bundle_id TEXT PRIMARY KEY,           -- one of this installation's exported bundles
    acked_in TEXT NOT NULL,               -- the corrections bundle that acknowledged it
    refused INTEGER NOT NULL DEFAULT 0,
    conflicts INTEGER NOT NULL DEFAULT 0
);
"""


def m0002_sync(db):
    for statement in SYNC_SCHEMA.split(";\n"):
        if statement.strip():
            db.execute(statement)


def ensure_sync_schema(db) -> None:
    """Create the sync tables when migration ``0002_sync`` is not registered yet (until the lead does).

    Idempotent; runs in the caller's connection. Once ``0002_sync`` is on ``MIGRATIONS`` this finds the
    tables present and does nothing.
    """
    if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_versions'").fetchone():
        return
    with db.atomic():
        m0002_sync(db)
