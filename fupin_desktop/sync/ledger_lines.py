"""Daily-book lines (``["l", …14 columns]``): parsed and checked fast, applied in one ``INSERT … SELECT``.

A village's full bundle carries about a million book entries, so the check is written for speed and done
column by column: every line is parsed by the C JSON scanner (one call per line, the line must be exactly
one JSON value), the rows are turned into 15 columns, and each rule of ``row`` is applied to a whole column
with built-ins (types, lengths, ranges, the date-and-stamp pattern, the stamp's device). When any rule fails
anywhere, ``row`` runs line by line to name the first bad line; ``row`` is the rule, the column check only
a faster way of saying "all lines pass" (``tests/sync/test_ledger_fast_path.py`` holds the two together).

Applying: the rows go into a temporary table (``stage_rows``: multi-row ``INSERT … VALUES``, about half the
cost of ``executemany``) and then into the book with one ``INSERT … SELECT … ON CONFLICT(id) DO NOTHING``;
a big file read by a worker process arrives with its rows already in a staging file (``reader_process``),
attached and copied the same way (``insert_staged``), with its month sums made by the worker from the same
SQL expression and added in one statement when every staged row turned out new. Each row is still a plain
``INSERT`` (the book's ``AFTER INSERT`` triggers fire for every new entry, and for no entry already there; a
big book sets one aside, below), but SQLite journals the pages the statement changes once per statement: a million one-row
statements inside the import transaction each copied every page they touched (book, its indexes, the
trigger's table) into the statement journal.

A big book (``FOLD_ROWS`` entries or more) goes in without the per-month trigger ``ledger_months_add``
(migration 0003): inside a savepoint of the import transaction the trigger is dropped, the rows inserted, the
new entries' month sums added to ``ledger_months`` by one ``INSERT … SELECT … GROUP BY … ON CONFLICT DO
UPDATE`` over the rowids above the largest one before (exactly the entries just inserted), and the trigger
created again from its text saved out of ``sqlite_master``. Dropping and creating a trigger is transactional:
a failure rolls back to the savepoint (rows, sums and trigger together), a kill before the commit leaves the
database as it was, and what is committed has the same schema text as before (the trigger's row moves to the
end of ``sqlite_master``; it is the book's only trigger, so no firing order changes). The sums are those the
trigger gives: the same SQL expression (``migrations_speed.net_fen_sql``), added per household and month
(one difference: a household-month whose new entries sum beyond SQLite's 64-bit integers makes ``sum`` fail,
and the bundle is refused whole, where the trigger's running addition would have turned the sum into a
float; each entry is below 2**53 fen, so that takes over a thousand absurd entries in one month).
"""

import json
import re
from itertools import repeat
from operator import itemgetter

from fupin_desktop.storage import tables as t
from fupin_desktop.storage.migrations_speed import LEDGER_NET_FEN_SQL
from fupin_desktop.sync import overlap
from fupin_desktop.sync.errors import BundleRefused
from fupin_desktop.sync.payload import LEDGER_COLUMNS, MAX_TEXT

PREFIX = b'["l",'
_S, _I = str, int
# item types: "l", id, household, date, category, amount, quantity, unit, note, by, reverses, hlc, device, op, reason
SHAPES = frozenset((_S, _S, _S, _S, _S, _I, quantity, _S, _S, _S, _S, _S, _S, _S, _S)
                   for quantity in (type(None), int, float))
_DATE_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}\|\d{13}\.\d{4,6}\.[0-9A-Za-z_-]{1,64}")
# the two halves of _DATE_STAMP (a date has no "|", so the pattern splits there)
_DATE, _STAMP = re.compile(r"\d{4}-\d{2}-\d{2}"), re.compile(r"\d{13}\.\d{4,6}\.[0-9A-Za-z_-]{1,64}")
STAGING = "temp.sync_ledger_in"
_STAGE_CREATE = f"CREATE TABLE IF NOT EXISTS {STAGING} ({', '.join(LEDGER_COLUMNS)})"
_STAGE_INSERT = f"INSERT INTO {STAGING} VALUES ({', '.join('?' * len(LEDGER_COLUMNS))})"
_FROM_STAGE = (f"INSERT INTO {t.LEDGER} ({', '.join(LEDGER_COLUMNS)}) SELECT {', '.join(LEDGER_COLUMNS)}"
               f" FROM {STAGING} WHERE true ORDER BY rowid ON CONFLICT(id) DO NOTHING")
_STR_COLUMNS = (0, 1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 13, 14)
_MAX_LENGTHS = ((1, 64), (2, 64), (4, 16), (7, MAX_TEXT), (8, MAX_TEXT), (9, MAX_TEXT), (10, 64), (13, MAX_TEXT),
                (14, MAX_TEXT))
MONTHS_TRIGGER = f"{t.LEDGER_MONTHS}_add"  # the book's AFTER INSERT trigger (migration 0003)
BATCH_ROWS = 500  # rows per staging statement (``stage_rows``)
FOLD_ROWS = 20_000  # a book insert of at least this many entries adds their month sums once, not row by row
# New rows get rowids above the largest one unless that is the largest SQLite allows (then any free rowid):
# far below it, "rowid > the largest before" is exactly the entries inserted since.
_ROWID_ROOM = 2**62
_FOLD = (f"INSERT INTO {t.LEDGER_MONTHS} (household_id, month, net_fen)"
         f" SELECT household_id, substr(date, 1, 7), sum({LEDGER_NET_FEN_SQL}) FROM {t.LEDGER} WHERE rowid > ?"
         " GROUP BY household_id, substr(date, 1, 7)"
         " ON CONFLICT (household_id, month) DO UPDATE SET net_fen = net_fen + excluded.net_fen")
_FOLD_SUMS = (f"INSERT INTO {t.LEDGER_MONTHS} (household_id, month, net_fen) SELECT household_id, month, net_fen"
              " FROM {sums} WHERE true ON CONFLICT (household_id, month) DO UPDATE SET net_fen = net_fen + excluded.net_fen")
_QUANTITY_TYPES = frozenset((type(None), int, float))
_SCAN = json.JSONDecoder().scan_once


class BadLine(Exception):
    pass


def row(item) -> list:
    """The 14 column values of a parsed line, or ``BadLine``."""
    if type(item) is not list or len(item) != 15 or tuple(map(type, item)) not in SHAPES:
        raise BadLine
    _, entry_id, household_id, date, category, amount, quantity, unit, note, by, reverses, hlc, device, op, reason \
        = item
    if (not 0 < len(entry_id) <= 64 or not 0 < len(household_id) <= 64 or len(category) > 16
            or len(reverses) > 64 or len(unit) > MAX_TEXT or len(note) > MAX_TEXT or len(by) > MAX_TEXT
            or len(op) > MAX_TEXT or len(reason) > MAX_TEXT or abs(amount) >= 2**53
            or (quantity is not None and not -1e15 < quantity < 1e15)
            or not _DATE_STAMP.fullmatch(f"{date}|{hlc}") or not hlc.endswith("." + device)):
        raise BadLine
    return item[1:]


def _items(lines: list[bytes]) -> list | None:
    """Every line parsed by the C scanner, each exactly one JSON value; None if any line is not."""
    texts = list(map(bytes.decode, lines))  # UTF-8
    try:
        pairs = list(map(_SCAN, texts, repeat(0, len(texts))))
    except (ValueError, RecursionError, StopIteration):
        return None
    # a value the scanner cannot read ends ``map`` early (StopIteration): the lengths tell
    if len(pairs) != len(texts) or list(map(itemgetter(1), pairs)) != list(map(len, texts)):
        return None
    return list(map(itemgetter(0), pairs))


def columns(lines: list[bytes]) -> list[tuple] | None:
    """The 15 columns of the lines when every line passes ``row``; None when some line may not."""
    items = _items(lines)
    if items is None or set(map(type, items)) != {list} or set(map(len, items)) != {15}:
        return None
    cols = list(zip(*items, strict=True))
    del items
    if any(set(map(type, cols[i])) != {str} for i in _STR_COLUMNS):
        return None
    if set(map(type, cols[5])) != {int} or not set(map(type, cols[6])) <= _QUANTITY_TYPES:
        return None
    if min(map(len, cols[1])) < 1 or min(map(len, cols[2])) < 1:
        return None
    if any(max(map(len, cols[i])) > most for i, most in _MAX_LENGTHS):
        return None
    if not -2**53 < min(cols[5]) or not max(cols[5]) < 2**53:
        return None
    if not all(q is None or -1e15 < q < 1e15 for q in set(cols[6])):  # a few distinct quantities; NaN ≠ NaN
        return None
    if not all(map(_DATE.fullmatch, set(cols[3]))) or not all(map(_STAMP.fullmatch, cols[11])):
        return None
    if not all(map(str.endswith, cols[11], map(".".__add__, cols[12]))):
        return None
    return cols


def check(lines: list[bytes], numbers: list[int], pause=None) -> tuple[list, set[str]]:
    """Parse every book line; refuse the bundle at the first bad one. Returns (rows, household ids).

    Slice by slice (``pause`` is called between them); a slice the column check does not pass is read
    line by line, which names the first bad line or, when ``row`` accepts them all, gives the rows."""
    from fupin_desktop.sync.payload import SLICE

    rows, households = [], set()
    for start in range(0, len(lines), SLICE):
        if pause is not None:
            pause()
        part = lines[start:start + SLICE]
        cols = columns(part)
        if cols is not None:
            rows += zip(*cols[1:], strict=True)
            households.update(cols[2])
            continue
        loads = json.loads
        for number, raw in zip(numbers[start:start + SLICE], part, strict=True):
            try:
                rows.append(item := row(loads(raw)))
            except (BadLine, ValueError, RecursionError) as exc:
                raise BundleRefused(f"数据包第 {number} 行格式不对，已拒绝整个文件。") from exc
            households.add(item[1])
    return rows, households


def insert(db, rows) -> int:
    """Put checked book rows into the book (entries already there are left alone); returns how many were new.

    Runs inside the caller's transaction; the temporary table lives in this connection's temp schema only."""
    conn = db.conn
    conn.execute(_STAGE_CREATE)
    conn.execute(f"DELETE FROM {STAGING}")
    stage_rows(conn, STAGING, len(LEDGER_COLUMNS), rows)
    with overlap.busy():  # the long statements: a reader thread may read the next file meanwhile
        added = apply_staged(conn, _FROM_STAGE, fold=len(rows) >= FOLD_ROWS)
    conn.execute(f"DELETE FROM {STAGING}")
    return added


def insert_staged(db, count: int, leave_out: set[str]) -> int:
    """Put the book rows of an attached staging file (``reader_process``: checked by the worker, ``count``
    of them) into the book, except those of the households ``leave_out`` (they wait for their household).
    Returns how many were new; inside the caller's transaction."""
    from fupin_desktop.sync.reader_process import STAGE_SCHEMA, STAGE_TABLE, SUMS_TABLE

    names = ", ".join(LEDGER_COLUMNS)
    sql = (f"INSERT INTO {t.LEDGER} ({names}) SELECT {names} FROM {STAGE_SCHEMA}.{STAGE_TABLE}"
           f" WHERE household_id NOT IN (SELECT value FROM json_each(?)) ORDER BY rowid ON CONFLICT(id) DO NOTHING")
    summed = None
    if not leave_out and db.conn.execute(f"SELECT 1 FROM {STAGE_SCHEMA}.sqlite_master WHERE name = ?",
                                         [SUMS_TABLE]).fetchone():
        summed = (_FOLD_SUMS.format(sums=f"{STAGE_SCHEMA}.{SUMS_TABLE}"), count)
    with overlap.busy():
        return apply_staged(db.conn, sql, fold=count >= FOLD_ROWS, params=[json.dumps(sorted(leave_out))],
                            summed=summed)


def staged_rows_of(db, households: set[str]) -> list:
    """The rows of an attached staging file that belong to ``households`` (in file order)."""
    from fupin_desktop.sync.reader_process import STAGE_SCHEMA, STAGE_TABLE

    return db.conn.execute(f"SELECT {', '.join(LEDGER_COLUMNS)} FROM {STAGE_SCHEMA}.{STAGE_TABLE}"
                           " WHERE household_id IN (SELECT value FROM json_each(?)) ORDER BY rowid",
                           [json.dumps(sorted(households))]).fetchall()


def stage_rows(conn, table: str, width: int, rows) -> None:
    """``rows`` into ``table`` (``width`` columns) by multi-row ``INSERT … VALUES``, ``BATCH_ROWS`` rows a
    statement: each parameter is still bound from Python, but per row this costs about half of
    ``executemany`` (one statement step per few hundred rows instead of one per row)."""
    import sqlite3
    from itertools import chain

    batch = max(1, min(BATCH_ROWS, conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width))
    one = f"({', '.join('?' * width)})"
    whole = len(rows) - len(rows) % batch
    if whole:
        sql = f"INSERT INTO {table} VALUES {', '.join([one] * batch)}"
        flat = chain.from_iterable
        for start in range(0, whole, batch):
            conn.execute(sql, list(flat(rows[start:start + batch])))
    if whole < len(rows):
        conn.executemany(f"INSERT INTO {table} VALUES {one}", rows[whole:])


def apply_staged(conn, sql: str, *, fold: bool, params=(), summed: tuple[str, int] | None = None) -> int:
    """Run ``sql``, the ``INSERT … SELECT`` of staged rows into the book; with ``fold`` (and the trigger there,
    rowids far from their end) the month sums are added once for all new entries instead of by the trigger.
    Returns how many entries were new. Inside the caller's transaction.

    ``summed``: (the upsert of sums made beforehand from the staged rows, how many rows they cover): used
    instead of summing the new entries in the book when exactly that many entries were new, that is when
    every staged row was new."""
    trigger = after = None
    if fold:
        found = conn.execute("SELECT sql FROM main.sqlite_master WHERE type = 'trigger' AND name = ?",
                             [MONTHS_TRIGGER]).fetchone()
        after = conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {t.LEDGER}").fetchone()[0]
        trigger = found[0] if found and after < _ROWID_ROOM else None
    if trigger is None:
        return conn.execute(sql, params).rowcount
    if not conn.in_transaction:
        raise RuntimeError("the book's month sums are folded only inside a transaction")
    conn.execute("SAVEPOINT ledger_fold")
    try:
        conn.execute(f"DROP TRIGGER main.{MONTHS_TRIGGER}")
        added = conn.execute(sql, params).rowcount
        if summed is not None and added == summed[1]:
            conn.execute(summed[0])
        elif added:
            conn.execute(_FOLD, [after])
        conn.execute(trigger)
    except BaseException:
        if conn.in_transaction:  # an I/O error may have rolled back the whole transaction already
            conn.execute("ROLLBACK TO ledger_fold")
            conn.execute("RELEASE ledger_fold")
        raise
    conn.execute("RELEASE ledger_fold")
    return added
