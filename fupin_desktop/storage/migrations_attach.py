"""Migration ``0004_attachments``: photos of visits and the papers of exit-procedure steps (附件).

Two tables:

- ``attachment_blobs``: the files themselves, content-addressed: one row per distinct content, keyed by the
  SHA-256 (lower-case hex) of its bytes, with its size and type (``image/jpeg``, ``image/png`` or
  ``application/pdf``, sniffed from the content). A blob is written once and never changed or deleted; it is
  local to the installation and not in the change log (the link below is), and travels in USB bundles as a
  ``b`` line beside the link that needs it (``sync/payload.py``).
- ``attachments``: the syncable link from one visit (``visits``) or exit step (``exit_steps``) to one blob,
  with the file name the person chose. Written through the change log like every syncable table; removing
  an attachment is a tombstone with a reason. ``household_id`` is the parent (merge, village scope, views).

The link's ``sha256`` references the blob table, so a link can never point at content this installation
does not hold (the import checks this before writing, with a clear message; the key is the backstop).

The function is registered on ``MIGRATIONS`` by ``storage/migrations.py``.
"""

from fupin_desktop.storage import tables as t

ATTACH_SCHEMA = f"""
CREATE TABLE {t.ATTACHMENT_BLOBS} (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size INTEGER NOT NULL CHECK (size > 0),
    mime TEXT NOT NULL,
    data BLOB NOT NULL
);

CREATE TABLE {t.ATTACHMENTS} (
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES {t.HOUSEHOLDS}(id),
    owner_table TEXT NOT NULL CHECK (owner_table IN ('{t.VISITS}', '{t.EXIT_STEPS}')),
    owner_id TEXT NOT NULL,
    sha256 TEXT NOT NULL REFERENCES {t.ATTACHMENT_BLOBS}(sha256),
    file_name TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_hlc TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_attachments_owner ON {t.ATTACHMENTS}(owner_table, owner_id);
CREATE INDEX idx_attachments_household ON {t.ATTACHMENTS}(household_id);
CREATE INDEX idx_attachments_sha256 ON {t.ATTACHMENTS}(sha256)
"""


def m0004_attachments(db):
    for statement in ATTACH_SCHEMA.split(";\n"):
        if statement.strip():
            db.execute(statement)
