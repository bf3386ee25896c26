"""Writes to syncable tables, each with its change-log rows in the same transaction.

The change log is the audit trail (who, when, which field, old → new, why), the source of USB export
deltas and the basis of undo. One entry per changed field; a new row is one entry with field ``*`` holding
the whole row as JSON; a deletion is a tombstone (``deleted`` 0 → 1) with its reason. Nothing is
hard-deleted. The daily book (``ledger``) is append-only and carries its own stamp, so it is not repeated here.
"""

import json
import os
import time
import uuid
from dataclasses import dataclass, field

from fupin_desktop.domain.clock import HybridClock
from fupin_desktop.storage import tables as t


def new_id() -> str:
    """A new record id: a time-ordered UUID (version 7, RFC 9562: 48 bits of Unix milliseconds, then 74 random
    bits). Ids made later sort later, so a primary-key index grows at its end instead of at random places, and a
    township merging a village's book inserts it in key order (one pass over the index, not a page read per
    line). Ids stay opaque: nothing reads the time back out of them."""
    millis = time.time_ns() // 1_000_000 & (1 << 48) - 1
    rand = int.from_bytes(os.urandom(10), "big")
    value = millis << 80 | 0x7 << 76 | (rand >> 68) << 64 | 0b10 << 62 | rand & (1 << 62) - 1
    return str(uuid.UUID(int=value))


def _json(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


@dataclass
class ChangeWriter:
    """All writes of one operation: they share an op id and stamps from one hybrid clock."""

    db: object  # sqlite_utils.Database
    hlc: HybridClock
    operator: str
    source: str = ""
    op_id: str = field(default_factory=new_id)
    log: list = field(default_factory=list)  # (table, row_id, field, old, new) of this operation

    @property
    def device(self) -> str:
        return self.hlc.device_id

    def _append(self, table, row_id, field_name, old, new, stamp, reason):
        self.db.execute(
            f"INSERT INTO {t.CHANGELOG} (op_id, tbl, row_id, field, old, new, hlc, device, operator, reason, source)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (self.op_id, table, row_id, field_name, _json(old), _json(new), stamp, self.device,
             self.operator, reason, self.source),
        )
        self.log.append((table, row_id, field_name, old, new))

    def insert(self, table: str, row: dict, *, reason: str = "") -> str:
        row = dict(row)
        row.setdefault("id", new_id())
        stamp = self.hlc.tick()
        row["updated_hlc"] = stamp
        columns = ", ".join(f'"{c}"' for c in row)
        marks = ", ".join("?" for _ in row)
        self.db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))
        logged = {k: v for k, v in row.items() if k != "updated_hlc"}
        self._append(table, row["id"], "*", None, logged, stamp, reason)
        return row["id"]

    def update(self, table: str, row_id: str, values: dict, *, reason: str = "") -> dict:
        """Change only the fields whose value differs; returns {field: (old, new)}."""
        current = self.db.execute(f"SELECT * FROM {table} WHERE id = ?", [row_id]).fetchone()
        if current is None:
            raise KeyError(f"{table} {row_id} not found")
        names = [d[0] for d in self.db.execute(f"SELECT * FROM {table} LIMIT 0").description]
        current = dict(zip(names, current, strict=True))
        changed = {k: (current[k], v) for k, v in values.items() if current.get(k) != v}
        if not changed:
            return {}
        stamp = self.hlc.tick()
        sets = ", ".join(f'"{k}" = ?' for k in changed)
        self.db.execute(
            f'UPDATE {table} SET {sets}, updated_hlc = ? WHERE id = ?',
            [new for _old, new in changed.values()] + [stamp, row_id],
        )
        for name, (old, new) in changed.items():
            self._append(table, row_id, name, old, new, stamp, reason)
        return changed

    def tombstone(self, table: str, row_id: str, reason: str) -> dict:
        values = {"deleted": 1}
        if table == t.HOUSEHOLDS:
            values["deleted_reason"] = reason
        return self.update(table, row_id, values, reason=reason)

    def append_ledger(self, row: dict, *, reason: str = "") -> str:
        row = dict(row)
        row.setdefault("id", new_id())
        row.update(hlc=self.hlc.tick(), device=self.device, operator=self.operator, reason=reason)
        columns = ", ".join(f'"{c}"' for c in row)
        marks = ", ".join("?" for _ in row)
        self.db.execute(f"INSERT INTO {t.LEDGER} ({columns}) VALUES ({marks})", list(row.values()))
        self.log.append((t.LEDGER, row["id"], "*", None, row))
        return row["id"]
