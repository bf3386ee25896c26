import json
import sqlite3

import pytest

from fupin_desktop.storage import tables as t


def _log(ctx, row_id=None):
    sql = f"SELECT tbl, row_id, field, old, new, operator, reason, hlc, device FROM {t.CHANGELOG}"
    params = []
    if row_id:
        sql += " WHERE row_id = ?"
        params.append(row_id)
    return ctx.db.execute(sql + " ORDER BY seq", params).fetchall()


def test_insert_is_one_entry_with_the_whole_row(ctx, village):
    rows = _log(ctx, village)
    assert len(rows) == 1
    table, row_id, field, old, new, operator, reason, stamp, device = rows[0]
    assert (table, row_id, field, old) == (t.VILLAGES, village, "*", None)
    assert json.loads(new)["name"] == "龙江村"
    assert operator == "测试员" and reason == "建立村庄" and device == ctx.device_id
    assert stamp.endswith(ctx.device_id)


def test_update_logs_exactly_one_entry_per_changed_field(ctx, village):
    from fupin_desktop.services.villages import update_village

    before = len(_log(ctx))
    changed, changes = update_village(ctx, village, {"name": "龙江新村", "rural_population": 1300,
                                                     "county": "汉台区"}, reason="更名")
    assert set(changed) == {"name", "rural_population"}  # county unchanged: no entry
    entries = _log(ctx)[before:]
    assert [(e[2], json.loads(e[3]), json.loads(e[4]), e[6]) for e in entries] == [
        ("name", "龙江村", "龙江新村", "更名"), ("rural_population", 1200, 1300, "更名")]
    assert changes.tables == {t.VILLAGES}
    # the two fields share one stamp and one op
    assert entries[0][7] == entries[1][7]


def test_change_log_rolls_back_with_its_transaction(ctx, village):
    before_log = len(_log(ctx))
    with pytest.raises(RuntimeError):
        with ctx.write() as w:
            w.update(t.VILLAGES, village, {"name": "不会保存"}, reason="x")
            raise RuntimeError("boom")
    assert len(_log(ctx)) == before_log
    assert ctx.db.execute(f"SELECT name FROM {t.VILLAGES}").fetchone()[0] == "龙江村"


def test_stamps_increase_even_if_the_wall_clock_goes_back(ctx, village):
    times = iter([5_000, 4_000, 4_000, 3_000])
    ctx.hlc._wall_ms = lambda: next(times)
    stamps = [ctx.hlc.tick() for _ in range(4)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 4


def test_nothing_is_hard_deleted(ctx, village):
    from fupin_desktop.services.households import create_household, delete_household
    from tests.services.factories import household_values, members_values

    household_id, _ = create_household(ctx, household_values(), members_values(), accept_note="核实")
    delete_household(ctx, household_id, "重复建档")
    row = ctx.db.execute(f"SELECT deleted, deleted_reason FROM {t.HOUSEHOLDS} WHERE id = ?",
                         [household_id]).fetchone()
    assert row == (1, "重复建档")
    assert ctx.db.execute(f"SELECT count(*) FROM {t.MEMBERS} WHERE household_id = ?",
                          [household_id]).fetchone()[0] == 3


def test_schema_uses_text_uuid_keys_and_integer_money(ctx):
    for table in t.SYNCABLE:
        info = {row[1]: (row[2], row[5]) for row in ctx.db.execute(f"PRAGMA table_info({table})")}
        assert info["id"] == ("TEXT", 1), table
    assert ctx.db.execute(f"PRAGMA table_info({t.LEDGER})").fetchall()[4][1:3] == ("amount_fen", "INTEGER")


def test_foreign_keys_are_enforced(ctx):
    with pytest.raises(sqlite3.IntegrityError):
        ctx.db.execute(f"INSERT INTO {t.MEMBERS} (id, household_id, name) VALUES ('m', 'missing', '某')")
