"""Migration ``0006_list_order``: the households list in 户编号 order, and undo's lookup by operation.

- The list was ordered by village, *group name*, number. Group names are Chinese numerals (一组, 二组 … 十二组),
  which compare as text in the order 一组, 七组, 三组, 九组, 二组 …; the national rosters go by 户编号, and so does
  the list now (``services.queries``). The two indexes that served the old order give way to two that serve
  the new one: ``household_search`` (search as you type, migration 0003) and ``households`` (the list without
  a search text). (0001's ``idx_households_order``, village, group, number, already gave way to
  ``idx_households_list`` in 0003.)
- ``idx_changelog_op``: undo reads the rows of one operation by its op id; without an index that read the
  whole change log, which grows with every save.
"""

from fupin_desktop.storage import tables as t

ORDER_SQL = f"""
DROP INDEX IF EXISTS idx_household_search_list;
CREATE INDEX idx_household_search_number ON {t.HOUSEHOLD_SEARCH}(village_id, number, household_id, deleted);
DROP INDEX IF EXISTS idx_households_list;
CREATE INDEX idx_households_village_number ON {t.HOUSEHOLDS}(village_id, number, id, deleted);
CREATE INDEX idx_changelog_op ON {t.CHANGELOG}(op_id);
"""


def m0006_list_order(db):
    for statement in ORDER_SQL.split(";\n"):  # one by one: executescript would commit the migration's transaction
        if statement.strip():
            db.execute(statement)
