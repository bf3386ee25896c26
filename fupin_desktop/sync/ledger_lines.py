"""Daily-book lines (``["l", …14 columns]``): parsed and checked fast, inserted with ``executemany``.

A village's full bundle carries about a million book entries, so this check is written for speed: one
``json.loads`` per line, then one comparison of the tuple of item types against the allowed shapes, size
limits, and three anchored patterns (date, stamp, device). (Letting SQLite's ``json_extract`` pull the
columns out at insert time measured about twice as slow as this.)
"""

import re

from fupin_desktop.storage import tables as t
from fupin_desktop.sync.errors import BundleRefused
from fupin_desktop.sync.payload import LEDGER_COLUMNS, MAX_TEXT

PREFIX = b'["l",'
_S, _I = str, int
# item types: "l", id, household, date, category, amount, quantity, unit, note, by, reverses, hlc, device, op, reason
SHAPES = frozenset((_S, _S, _S, _S, _S, _I, quantity, _S, _S, _S, _S, _S, _S, _S, _S)
                   for quantity in (type(None), int, float))
_DATE_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}\|\d{13}\.\d{4,6}\.[0-9A-Za-z_-]{1,64}")
INSERT = (f"INSERT INTO {t.LEDGER} ({', '.join(LEDGER_COLUMNS)}) VALUES ({', '.join('?' * len(LEDGER_COLUMNS))})"
          " ON CONFLICT(id) DO NOTHING")


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


def check(lines: list[bytes], numbers: list[int]) -> tuple[list[list], set[str]]:
    """Parse every book line; refuse the bundle at the first bad one. Returns (rows, household ids)."""
    import json

    loads = json.loads
    rows = []
    try:
        for raw in lines:
            rows.append(row(loads(raw)))
    except (BadLine, ValueError, RecursionError) as exc:
        raise BundleRefused(f"数据包第 {numbers[len(rows)]} 行格式不对，已拒绝整个文件。") from exc
    return rows, {r[1] for r in rows}
