"""The change-log rows of one household (its own row and its members', pairings', measures', visits' and exit
steps'), found through the change log's ``(tbl, row_id)`` index.

A bare ``row_id IN (…)`` cannot use that index (its first column is ``tbl``), so SQLite scanned the whole log —
every field of every household ever changed — on each opening of a household. Naming the tables as well turns
the filter into one index seek per (table, row). The tables named are all those the log holds (walked along
the same index, one seek per name), so a row is found exactly when the bare filter would have found it.
"""

from fupin_desktop.storage import tables as t

CHILD_TABLES = (t.MEMBERS, t.PAIRINGS, t.MEASURES, t.VISITS, t.EXIT_STEPS, t.ATTACHMENTS)

_LOGGED_TABLES_SQL = (
    "WITH RECURSIVE names(tbl) AS ("
    f" SELECT min(tbl) FROM {t.CHANGELOG}"
    f" UNION ALL SELECT (SELECT min(c.tbl) FROM {t.CHANGELOG} c WHERE c.tbl > names.tbl)"
    " FROM names WHERE names.tbl IS NOT NULL"
    ") SELECT tbl FROM names WHERE tbl IS NOT NULL"
)


def row_ids(ctx, household_id: str) -> list[str]:
    """The household's id, then the ids of its child rows (deleted ones included), table by table."""
    ids = [household_id]
    for table in CHILD_TABLES:
        ids += [row[0] for row in ctx.db.execute(f"SELECT id FROM {table} WHERE household_id = ?", [household_id])]
    return ids


def logged_tables(db) -> list[str]:
    """Every distinct ``tbl`` of the change log, by a loose walk of its ``(tbl, row_id)`` index."""
    return [row[0] for row in db.execute(_LOGGED_TABLES_SQL)]


def rows_filter(ctx, ids: list[str]) -> tuple[str, list]:
    """A WHERE condition on the change log (and its parameters) equal to ``row_id IN (ids)``, but indexed."""
    tables = logged_tables(ctx.db) or [""]
    return (
        f"tbl IN ({','.join('?' for _ in tables)}) AND row_id IN ({','.join('?' for _ in ids)})",
        [*tables, *ids],
    )
