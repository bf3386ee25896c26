"""Migration ``0005_import_speed``: an index of the daily book that only writers paid for.

``idx_ledger_date`` (date, household, category, amount) is dropped. It let the dashboard sum the whole book
by date before migration 0003 kept those sums per household and month (``ledger_months``). Since then no
query reads the book by date alone: every one goes by household (``idx_ledger_household_date``: a
household's entries, its year, the partial months of an accounting year, the spreadsheet export), by stamp
(``idx_ledger_hlc``: exports, sync status, the clock) or by id. Yet every book line written paid for an entry
in it, and for a township that imports whole village books (millions of lines) that entry lands in the
middle of the index (dates interleave across households and villages).
``tests/storage/test_migration_import_speed.py`` checks the queries' plans without it.
"""

from fupin_desktop.storage import tables as t

DROPPED_INDEX = "idx_ledger_date"


def m0005_import_speed(db):
    found = db.execute("SELECT tbl_name FROM sqlite_master WHERE type = 'index' AND name = ?",
                       [DROPPED_INDEX]).fetchone()
    if found and found[0] == t.LEDGER:
        db.execute(f"DROP INDEX {DROPPED_INDEX}")
