"""Fast bulk loading for generators and importers: buffered ``executemany`` with the change log kept.

A :class:`BulkLoader` writes exactly what :class:`~fupin_desktop.storage.changelog.ChangeWriter` would write
for new rows, only in batches: every row of a syncable table (except the daily book) gets ``updated_hlc`` and
one change-log entry with field ``*`` holding the row as JSON (without ``updated_hlc`` and without the
households' local derived caches ``tables.HOUSEHOLD_DERIVED``); all entries of one loader share an op id. Daily-book (``ledger``) rows are self-logging: they get ``hlc``, ``device``,
``operator`` and ``reason`` filled and no change-log entry.

Rows are buffered per table and written on :meth:`BulkLoader.flush` (or automatically once
``flush_rows`` rows are pending) inside one ``db.atomic()`` transaction, parents before children, so a flush
never breaks a foreign key. Use the loader as a context manager to flush on success::

    with BulkLoader(db, hlc, operator="演示数据", source="demo") as loader:
        loader.add("villages", {...})
        loader.add_ledger_rows([(id, household_id, date, category, amount_fen, None, "", "", "", ""), ...])
"""

import json
import time
from collections.abc import Callable, Iterable

from fupin_desktop.domain.clock import HybridClock
from fupin_desktop.storage import tables as t
from fupin_desktop.storage.changelog import new_id
from fupin_desktop.storage.search_upkeep import DEFER_ROWS, search_deferred

# Parents before children; tables not named here are written after these, in the order first seen.
FLUSH_ORDER = (
    t.POVERTY_LINES,
    t.SETTINGS,
    t.VILLAGES,
    t.HELPERS,
    t.HOUSEHOLDS,
    t.MEMBERS,
    t.PAIRINGS,
    t.MEASURES,
    t.VISITS,
    t.EXIT_STEPS,
    t.LEDGER,
)
# Column order of the tuples given to :meth:`BulkLoader.add_ledger_rows`.
LEDGER_ROW_COLUMNS = ("id", "household_id", "date", "category", "amount_fen", "quantity", "unit", "note",
                      "recorded_by", "reverses")
_LEDGER_STAMP_COLUMNS = ("hlc", "device", "operator", "reason")
_CHANGELOG_SQL = (
    f"INSERT INTO {t.CHANGELOG} (op_id, tbl, row_id, field, old, new, hlc, device, operator, reason, source)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?)"
)
# Columns written with the row but kept out of its change-log entry (local derived caches).
_NOT_LOGGED = {t.HOUSEHOLDS: frozenset(t.HOUSEHOLD_DERIVED)}
# The same text as ``json.dumps(value, ensure_ascii=False)`` (ChangeWriter's format), without a new encoder per row.
_encode = json.JSONEncoder(ensure_ascii=False).encode


def insert_sql(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({marks})"


class BulkLoader:
    """Buffered inserts of new rows into syncable tables, with their change-log entries.

    ``cache_mb`` enlarges SQLite's page cache of the connection while the loader is open (restored by
    :meth:`close` or on leaving the ``with`` block); 0 leaves it alone. With a ``sink`` (and ``db=None``) the
    loader writes nothing: each flush hands ``sink(batches, changelog)`` the prepared rows, which another loader
    (say in the process that owns the database) writes with :meth:`write_batches`.

    A flush of at least ``defer_search_rows`` household and member rows keeps the search tables up to date
    once for all of them rather than row by row (``storage.search_upkeep``, same result); 0 leaves it to the
    triggers.
    """

    def __init__(
        self,
        db,
        hlc: HybridClock,
        operator: str,
        source: str = "",
        *,
        op_id: str | None = None,
        reason: str = "",
        flush_rows: int = 100_000,
        cache_mb: int = 256,
        sink: Callable[[list, list], object] | None = None,
        defer_search_rows: int = DEFER_ROWS,
    ):
        self.db = db
        self.hlc = hlc
        self.operator = operator
        self.source = source
        self.reason = reason
        self.op_id = op_id or new_id()
        self.device = hlc.device_id
        self.flush_rows = flush_rows
        self.sink = sink
        self.defer_search_rows = defer_search_rows
        self._buffers: dict[str, dict[tuple[str, ...], list[tuple]]] = {}
        self._ledger: list[tuple] = []
        self._changelog: list[tuple] = []
        self._pending = 0
        self.counts: dict[str, int] = {}
        self.flush_seconds = 0.0  # time spent writing (executemany + commit)
        self._old_cache = None
        if cache_mb and db is not None:
            self._old_cache = db.execute("PRAGMA cache_size").fetchone()[0]
            db.execute(f"PRAGMA cache_size = {-1024 * int(cache_mb)}")

    # -- adding -------------------------------------------------------------------------------------------

    def add(self, table: str, row: dict) -> str:
        """Buffer one new row (the dict is completed in place: ``id``, ``updated_hlc`` or the ledger stamps)."""
        if "id" not in row:
            row["id"] = new_id()
        if table == t.LEDGER:
            row["hlc"] = self.hlc.tick()
            row["device"] = self.device
            row["operator"] = self.operator
            row.setdefault("reason", self.reason)
        else:
            stamp = self.hlc.tick()
            row.pop("updated_hlc", None)
            local = _NOT_LOGGED.get(table)
            logged = {k: v for k, v in row.items() if k not in local} if local else row
            self._changelog.append(
                (self.op_id, table, row["id"], "*", None, _encode(logged), stamp, self.device, self.operator,
                 self.reason, self.source)
            )
            row["updated_hlc"] = stamp
        by_columns = self._buffers.get(table)
        if by_columns is None:
            by_columns = self._buffers[table] = {}
        columns = tuple(row)
        rows = by_columns.get(columns)
        if rows is None:
            rows = by_columns[columns] = []
        rows.append(tuple(row.values()))
        self._pending += 1
        if self._pending >= self.flush_rows:
            self.flush()
        return row["id"]

    def add_ledger_rows(self, rows: Iterable[tuple]) -> int:
        """Fast path for the daily book: tuples in :data:`LEDGER_ROW_COLUMNS` order; stamps are appended here."""
        tick = self.hlc.tick
        tail = (self.device, self.operator, self.reason)
        buffer = self._ledger
        before = len(buffer)
        for row in rows:
            buffer.append(row + (tick(), *tail))
        added = len(buffer) - before
        self._pending += added
        if self._pending >= self.flush_rows:
            self.flush()
        return added

    # -- writing ------------------------------------------------------------------------------------------

    def _batches(self):
        order = list(FLUSH_ORDER) + [name for name in self._buffers if name not in FLUSH_ORDER]
        for table in order:
            for columns, rows in self._buffers.get(table, {}).items():
                if rows:
                    yield table, insert_sql(table, columns), rows
            if table == t.LEDGER and self._ledger:
                yield table, insert_sql(t.LEDGER, LEDGER_ROW_COLUMNS + _LEDGER_STAMP_COLUMNS), self._ledger

    def flush(self) -> None:
        """Write everything buffered in one transaction, parents first (or hand it to the sink)."""
        if not self._pending:
            return
        batches, changelog = list(self._batches()), self._changelog
        self._buffers = {}
        self._ledger = []
        self._changelog = []
        self._pending = 0
        if self.sink is not None:
            self.sink(batches, changelog)
        else:
            self.write_batches(batches, changelog)

    def write_batches(self, batches: list[tuple[str, str, list[tuple]]], changelog: list[tuple]) -> None:
        """Write prepared ``(table, insert sql, rows)`` batches and change-log rows in one transaction."""
        began = time.perf_counter()
        conn = self.db.conn
        searched = sum(len(rows) for table, _sql, rows in batches if table in (t.HOUSEHOLDS, t.MEMBERS))
        with self.db.atomic(), search_deferred(conn, 0 < self.defer_search_rows <= searched):
            for table, sql, rows in batches:
                conn.executemany(sql, rows)
                self.counts[table] = self.counts.get(table, 0) + len(rows)
            if changelog:
                conn.executemany(_CHANGELOG_SQL, changelog)
                self.counts[t.CHANGELOG] = self.counts.get(t.CHANGELOG, 0) + len(changelog)
        self.flush_seconds += time.perf_counter() - began

    def close(self) -> None:
        """Restore the page cache size (does not flush)."""
        if self._old_cache is not None:
            self.db.execute(f"PRAGMA cache_size = {int(self._old_cache)}")
            self._old_cache = None

    def __enter__(self) -> "BulkLoader":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                self.flush()
        finally:
            self.close()
