"""Read rows back as domain records."""

from fupin_desktop.domain import records as r
from fupin_desktop.storage import tables as t
from fupin_desktop.storage.mapping import from_row

RECORD_TABLES = {
    r.Village: t.VILLAGES,
    r.Household: t.HOUSEHOLDS,
    r.Member: t.MEMBERS,
    r.Helper: t.HELPERS,
    r.Pairing: t.PAIRINGS,
    r.LedgerEntry: t.LEDGER,
    r.Measure: t.MEASURES,
    r.Visit: t.VISITS,
    r.ExitStep: t.EXIT_STEPS,
}


def rows(db, sql: str, params=()) -> list[dict]:
    cursor = db.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def get(db, record_type, row_id: str):
    found = rows(db, f"SELECT * FROM {RECORD_TABLES[record_type]} WHERE id = ?", [row_id])
    return from_row(record_type, found[0]) if found else None


def select(db, record_type, where: str = "1", params=(), order_by: str = "") -> list:
    sql = f"SELECT * FROM {RECORD_TABLES[record_type]} WHERE {where}"
    if order_by:
        sql += f" ORDER BY {order_by}"
    return [from_row(record_type, row) for row in rows(db, sql, params)]


def members_of(db, household_id: str, *, include_deleted: bool = False) -> list[r.Member]:
    where = "household_id = ?" + ("" if include_deleted else " AND deleted = 0")
    return select(db, r.Member, where, [household_id], order_by="seq, rowid")
