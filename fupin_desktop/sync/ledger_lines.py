"""Daily-book lines (``["l", …14 columns]``): checked and inserted by SQLite's own JSON parser.

A village's full bundle carries about a million book entries; parsing and checking each in Python would
dominate an import. Instead every line is checked strictly in a private in-memory SQLite database (valid
JSON, an array of exactly 15 items, every item's type, size and shape), before anything is written, and the
apply step inserts straight from the JSON text (``json_extract`` per column, one bound value per row).
"""

import sqlite3

from fupin_desktop.storage import tables as t
from fupin_desktop.sync.errors import BundleRefused
from fupin_desktop.sync.payload import LEDGER_COLUMNS, MAX_TEXT

PREFIX = b'["l",'
_ID = "'*[^0-9A-Za-z_.:-]*'"
_TEXT = [f"json_type(j, '$[{i}]') = 'text' AND length(json_extract(j, '$[{i}]')) <= {MAX_TEXT}" for i in (7, 8, 9, 13, 14)]
_CHECK = " AND ".join([
    "json_valid(j)", "json_type(j) = 'array'", "json_array_length(j) = 15", "json_extract(j, '$[0]') = 'l'",
    *[f"json_type(j, '$[{i}]') = 'text' AND length(json_extract(j, '$[{i}]')) BETWEEN 1 AND 64"
      f" AND json_extract(j, '$[{i}]') NOT GLOB {_ID}" for i in (1, 2)],
    "json_type(j, '$[3]') = 'text' AND json_extract(j, '$[3]') GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'",
    "json_type(j, '$[4]') = 'text' AND length(json_extract(j, '$[4]')) <= 16",
    "json_type(j, '$[5]') = 'integer' AND abs(json_extract(j, '$[5]')) < 9007199254740992",
    "json_type(j, '$[6]') IN ('null', 'integer', 'real')",
    *_TEXT,
    "json_type(j, '$[10]') = 'text' AND (json_extract(j, '$[10]') = '' OR (length(json_extract(j, '$[10]')) <= 64"
    f" AND json_extract(j, '$[10]') NOT GLOB {_ID}))",
    "json_type(j, '$[11]') = 'text' AND length(json_extract(j, '$[11]')) <= 140"
    " AND json_extract(j, '$[11]') GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9].[0-9][0-9][0-9][0-9]*.?*'",
    "json_type(j, '$[12]') = 'text' AND length(json_extract(j, '$[12]')) BETWEEN 1 AND 64"
    " AND json_extract(j, '$[12]') NOT GLOB '*[^0-9A-Za-z_-]*'",
])
INSERT = (f"INSERT INTO {t.LEDGER} ({', '.join(LEDGER_COLUMNS)}) SELECT "
          + ", ".join(f"json_extract(j, '$[{i}]')" for i in range(1, 15))
          + " FROM (SELECT ? AS j) WHERE true ON CONFLICT(id) DO NOTHING")


def check(lines: list[str], numbers: list[int]) -> set[str]:
    """Refuse the bundle at the first bad line; returns the household ids the lines refer to."""
    if not lines:
        return set()
    con = sqlite3.connect(":memory:")
    try:
        con.execute("CREATE TABLE incoming (j TEXT)")
        con.executemany("INSERT INTO incoming (j) VALUES (?)", ((line,) for line in lines))
        bad = con.execute(f"SELECT rowid FROM incoming WHERE NOT ({_CHECK}) ORDER BY rowid LIMIT 1").fetchone()
        if bad is not None:
            raise BundleRefused(f"数据包第 {numbers[bad[0] - 1]} 行格式不对，已拒绝整个文件。")
        return {row[0] for row in con.execute("SELECT DISTINCT json_extract(j, '$[2]') FROM incoming")}
    except sqlite3.Error as exc:
        raise BundleRefused("数据包的账目行格式不对，已拒绝整个文件。") from exc
    finally:
        con.close()
