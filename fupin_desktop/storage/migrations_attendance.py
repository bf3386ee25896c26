"""Migration ``0007_attendance``: 驻村 attendance, the days a helper cadre spent in the village each month.

One syncable table, ``attendance``: one row per helper (``helpers``, the parent) and month (``'YYYY-MM'``)
with the number of days (0–31; the service checks it against the month's own length) and a note. Written
through the change log like every syncable table; a row is never removed, only tombstoned.

One row per helper and month among the rows not deleted is kept by the service (``services.attendance``), not
by a unique index: the sync merge inserts the rows another installation created with a plain ``INSERT``, and a
village and the township may both have registered the same month before they meet. Readers take the row with
the latest stamp when two arrive for one month. The index below serves those reads.

The function is registered on ``MIGRATIONS`` by ``storage/migrations.py``.
"""

from fupin_desktop.storage import tables as t

ATTENDANCE_SCHEMA = f"""
CREATE TABLE {t.ATTENDANCE} (
    id TEXT PRIMARY KEY,
    helper_id TEXT NOT NULL REFERENCES {t.HELPERS}(id),
    month TEXT NOT NULL CHECK (length(month) = 7 AND substr(month, 5, 1) = '-'),
    days INTEGER NOT NULL DEFAULT 0 CHECK (days BETWEEN 0 AND 31),
    note TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_hlc TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_attendance_helper_month ON {t.ATTENDANCE}(helper_id, month)
"""


def m0007_attendance(db):
    for statement in ATTENDANCE_SCHEMA.split(";\n"):  # one by one: executescript would commit the transaction
        if statement.strip():
            db.execute(statement)
