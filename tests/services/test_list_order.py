"""The households list is in 户编号 order within a village, as the national rosters are: ordering by the group's
name would put 三组 before 二组 (Chinese numerals compared as text)."""

import datetime as dt

from fupin_desktop.domain.idnumber import make_id_number
from fupin_desktop.services.households import create_household
from fupin_desktop.services.queries import HouseholdFilter, list_households
from tests.services.factories import household_values


def test_the_list_follows_the_household_numbers_not_the_group_names(ctx, village):
    for k, (number, group) in enumerate((("6107020003", "三组"), ("6107020001", "一组"), ("6107020002", "二组"))):
        head = {"name": f"户主{k}", "relation": "01", "education": "02", "health": "01", "labour": "01",
                "id_number": make_id_number("610702", dt.date(1960 + k, 1, 2), 100 + k)}
        create_household(ctx, household_values(number=number, village_group=group), [head], accept_note="测试")
    for text in ("", "户主", "610702"):  # every path: plain, candidates sorted here, read in list order
        rows = list_households(ctx, HouseholdFilter(text=text))
        assert [(r.number, r.village_group) for r in rows] == [
            ("6107020001", "一组"), ("6107020002", "二组"), ("6107020003", "三组")], text


def test_the_list_order_is_read_from_an_index_not_sorted(ctx, village):
    """A window of the county's list must not sort every household: both list paths walk an index."""
    from fupin_desktop.services import queries as q

    statements = []
    ctx.db.conn.set_trace_callback(statements.append)
    try:
        list_households(ctx, HouseholdFilter(village_id=village), limit=20)
    finally:
        ctx.db.conn.set_trace_callback(None)
    [plain] = [s for s in statements if "ORDER BY" in s and "LIMIT" in s]
    searched = (f"SELECT s.household_id FROM household_search s WHERE s.deleted = 0 AND s.village_id = 'v'"
                f" ORDER BY {q._ORDER} LIMIT 20")
    for sql in (plain, searched):
        plan = " / ".join(row[3] for row in ctx.db.execute("EXPLAIN QUERY PLAN " + sql))
        assert "TEMP B-TREE" not in plan, plan
