"""``ledger_months`` (migration 0003) always equals the daily book summed per household and month, whoever
wrote the book: the services, a raw change writer, the bulk loader, the sync merge's insert, a migration."""

import datetime as dt
import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fupin_desktop.domain.codes import LEDGER_CATEGORY, ledger_group
from fupin_desktop.services import ledger
from fupin_desktop.storage.bulk import BulkLoader
from fupin_desktop.storage.changelog import new_id
from fupin_desktop.storage.migrations_speed import LEDGER_NET_FEN_SQL, net_fen_sql
from tests.services.factories import household_values, members_values
from tests.storage.derived_tables import INCOME, expected_ledger_months, net_of, stored_ledger_months

ROOT = Path(__file__).resolve().parents[2]
# How the sync merge adds book lines from a bundle: an append-only set, a known id is left alone.
SYNC_INSERT = ("INSERT INTO ledger (id, household_id, date, category, amount_fen, quantity, unit, note, recorded_by,"
               " reverses, hlc, device, operator, reason) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
               " ON CONFLICT(id) DO NOTHING")
ODD_CATEGORIES = ["19", "70", "00", "1", "111", "ab", " 11", "21\u3000", "\t51\n", "1 1", "１１", "٣١", ""]


def people(i: int) -> list[dict]:
    """The factory's three members, with ID numbers of their own for household ``i``."""
    from fupin_desktop.domain.idnumber import make_id_number

    members = members_values()
    for k, member in enumerate(members):
        birth = dt.date.fromisoformat(f"{member['id_number'][6:10]}-{member['id_number'][10:12]}-"
                                      f"{member['id_number'][12:14]}")
        member["id_number"] = make_id_number("610702", birth, 100 + 3 * i + k)
    return members


def _households(ctx, village, n=3):
    from fupin_desktop.services.households import create_household

    return [create_household(ctx, household_values(number=f"61070200{i:02d}"), people(i),
                             accept_note="核实无误")[0] for i in range(n)]


@pytest.mark.parametrize("code", [f"{a}{b}" for a in "0123456789" for b in "0123456789"] + ODD_CATEGORIES)
def test_the_schema_reads_categories_as_the_code_table_does(code):
    """The sign written into the schema agrees with domain.codes.ledger_group for every code."""
    conn = sqlite3.connect(":memory:")
    for sql in (LEDGER_NET_FEN_SQL, net_fen_sql("c", "a")):
        value = conn.execute(f"SELECT {sql} FROM (SELECT ? AS category, ? AS c, 100 AS amount_fen, 100 AS a)",
                             [code, code]).fetchone()[0]
        assert value == net_of(code, 100), sql
    conn.close()


def test_every_category_of_the_code_table_counts_as_the_domain_says():
    groups = {ledger_group(code) for code, _label in LEDGER_CATEGORY.items}
    assert groups == {*INCOME, "production_expense", "living_expense"}
    assert {code: net_of(code, 1) for code, _ in LEDGER_CATEGORY.items} == {
        code: {"5": -1, "6": 0}.get(code[0], 1) for code, _ in LEDGER_CATEGORY.items}


def test_services_writes_and_reversals_keep_the_totals(ctx, village):
    first, second, _ = _households(ctx, village)
    entries = []
    for day, (category, fen) in enumerate([("11", 300_000), ("21", 85_050), ("42", 26_000), ("51", 9_900),
                                           ("61", 12_345)], 1):
        entry_id, _ = ledger.add_entry(ctx, first, date=dt.date(2020, 5, day * 5), category=category,
                                       amount_fen=fen)
        entries.append(entry_id)
    ledger.add_entry(ctx, second, date=dt.date(2019, 12, 31), category="32", amount_fen=1)
    ledger.reverse_entry(ctx, entries[1], "重复录入")  # dated today: another month
    ledger.reverse_entry(ctx, entries[3], "录错")
    assert stored_ledger_months(ctx.db) == expected_ledger_months(ctx.db)
    assert stored_ledger_months(ctx.db)[(first, "2020-06")] == -85_050 + 9_900  # the two reversals


def test_a_duplicate_from_a_bundle_is_not_counted_twice(ctx, village):
    household = _households(ctx, village, 1)[0]
    row = [new_id(), household, "2020-03-02", "11", 5_000, None, "", "", "", "", "1583020800000.0000.dev", "dev",
           "", ""]
    with ctx.db.atomic():
        ctx.db.conn.executemany(SYNC_INSERT, [row, row])
    with ctx.db.atomic():
        ctx.db.conn.execute(SYNC_INSERT, row)
    assert stored_ledger_months(ctx.db) == expected_ledger_months(ctx.db)
    assert stored_ledger_months(ctx.db)[(household, "2020-03")] == 5_000


entry = st.tuples(
    st.sampled_from(["service", "writer", "bulk", "sync"]),
    st.integers(0, 2),
    st.dates(dt.date(2018, 1, 1), dt.date(2020, 6, 15)),
    st.sampled_from([code for code, _ in LEDGER_CATEGORY.items] + ODD_CATEGORIES),
    st.integers(-10**9, 10**9),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=st.lists(entry, max_size=40), reverse=st.integers(0, 5))
def test_totals_equal_the_book_whoever_writes_it(ctx, village, batch, reverse):
    households = [row[0] for row in ctx.db.execute("SELECT id FROM households ORDER BY number")]
    if not households:
        households = _households(ctx, village)
    with BulkLoader(ctx.db, ctx.hlc, operator="测试", source="test") as loader:
        for how, who, day, category, fen in batch:
            household = households[who]
            if how == "service" and category in LEDGER_CATEGORY and 0 < fen <= ledger.MAX_ENTRY_FEN:
                ledger.add_entry(ctx, household, date=day, category=category, amount_fen=fen)
            elif how == "bulk":
                loader.add_ledger_rows([(new_id(), household, day.isoformat(), category, fen, None, "", "", "", "")])
            elif how == "sync":
                with ctx.db.atomic():
                    ctx.db.conn.execute(SYNC_INSERT, [new_id(), household, day.isoformat(), category, fen, None,
                                                      "", "", "", "", ctx.hlc.tick(), ctx.hlc.device_id, "", ""])
            else:
                with ctx.write() as w:
                    w.append_ledger({"household_id": household, "date": day.isoformat(), "category": category,
                                     "amount_fen": fen})
    reversible = [row[0] for row in ctx.db.execute(
        "SELECT l.id FROM ledger l WHERE l.reverses = '' AND l.category IN ('11', '21', '51', '61')"
        " AND NOT EXISTS (SELECT 1 FROM ledger r WHERE r.reverses = l.id) ORDER BY l.hlc LIMIT ?", [reverse])]
    for entry_id in reversible:
        ledger.reverse_entry(ctx, entry_id, "更正")
    assert stored_ledger_months(ctx.db) == expected_ledger_months(ctx.db)


def test_nothing_updates_or_deletes_ledger_rows():
    """The insert trigger is enough only while the daily book stays append-only."""
    pattern = re.compile(r"(UPDATE|DELETE\s+FROM|REPLACE\s+INTO|INSERT\s+OR\s+REPLACE\s+INTO)\s+"
                         r"(\{t\.LEDGER\}|\"?ledger\"?\b)", re.IGNORECASE)
    offenders = [f"{path.relative_to(ROOT)}: {match.group(0)}"
                 for path in sorted((ROOT / "fupin_desktop").rglob("*.py"))
                 for match in pattern.finditer(path.read_text("utf-8"))]
    assert offenders == []


def test_the_blanks_stripped_by_the_schema_are_pythons():
    from fupin_desktop.storage import migrations_speed

    listed = {chr(int(n)) for n in re.findall(r"\d+", migrations_speed._BLANKS)}
    assert listed == {chr(i) for i in range(0x110000) if chr(i).isspace()}
