"""Search upkeep of a big bulk flush: once for all its new households and members instead of once per row.

The triggers of migration 0003 keep the search tables row by row: ``household_search_household`` adds a new
household's search row (and so its ``id_trigrams`` entry) and the pieces of an odd household number;
``household_search_member`` recomputes the household's row for every member inserted (its members' joined
names, initials and ID numbers, which also rewrites the household's ``id_trigrams`` entry) and adds the
pieces of the new name to ``search_grams``: a household of five people has its row rebuilt five times.

:func:`search_deferred` sets those two triggers aside while a flush inserts many rows, then does the same
work once, with the same SQL pieces (``migrations_speed.household_upkeep_sql`` and ``member_upkeep_sql``),
for the households and members inserted meanwhile (rowid ranges of their tables), and creates the triggers
again from the text saved out of ``sqlite_master``. The result is the same rows in ``household_search``
(the same ``n`` too), ``search_grams`` and ``id_trigrams`` as the triggers give.

It runs inside the caller's transaction: dropping and creating a trigger is transactional in SQLite, so a
failure (or a kill) before the commit rolls back the rows and the triggers together, and what is committed
has the same schema text as before. The two triggers' rows move to the end of ``sqlite_master``; each is
the only ``AFTER INSERT`` trigger of its table, so no firing order changes.
"""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from fupin_desktop.storage import tables as t
from fupin_desktop.storage.migrations_speed import (
    HOUSEHOLD_TRIGGER,
    MEMBER_TRIGGER,
    household_upkeep_sql,
    member_upkeep_sql,
)

DEFER_ROWS = 200  # a flush with at least this many household and member rows does the search upkeep once
# New rows get rowids above the largest one unless it is the largest SQLite allows (then any free rowid):
# far below that, "rowid > the largest before" is exactly the rows inserted since.
_ROWID_ROOM = 2**62
_TABLES = {"households": t.HOUSEHOLDS, "members": t.MEMBERS}  # parameter → table whose rowids it bounds
_UPKEEP_SQL = (household_upkeep_sql("h.rowid > :households", "m.rowid > :members")
               + member_upkeep_sql("m.rowid > :members"))


def _trigger_sql(conn: sqlite3.Connection, name: str) -> str | None:
    found = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)).fetchone()
    return found[0] if found else None


@contextmanager
def search_deferred(conn: sqlite3.Connection, defer: bool = True) -> Iterator[bool]:
    """Within an open transaction: households and members inserted in the block get their search upkeep
    when it ends. Rows of those tables may only be inserted in the block, not updated or deleted.

    Yields whether the upkeep is deferred (``defer`` false, a database without the triggers, or rowids near
    their end leave the triggers at work). On an exception nothing is done here: the caller's rollback (of
    the transaction or of its savepoint) puts the triggers back with the rows."""
    if not defer:
        yield False
        return
    if not conn.in_transaction:
        raise RuntimeError("search upkeep can only be deferred inside a transaction")
    triggers = {name: _trigger_sql(conn, name) for name in (HOUSEHOLD_TRIGGER, MEMBER_TRIGGER)}
    last = {key: conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0]
            for key, table in _TABLES.items()}
    if None in triggers.values() or max(last.values()) >= _ROWID_ROOM:
        yield False
        return
    for name in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    yield True
    for statement in _UPKEEP_SQL:
        conn.execute(statement, last)
    for sql in triggers.values():  # in their order of creation
        conn.execute(sql)
