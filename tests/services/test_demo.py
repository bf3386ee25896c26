"""The demo generator (services/demo.py) and the bulk loader it writes through (storage/bulk.py)."""

import collections
import datetime as dt
import itertools
import json

import pytest

from fupin_desktop.domain.clock import HybridClock
from fupin_desktop.domain.codes import LEDGER_CATEGORY
from fupin_desktop.domain.exits import procedure_state
from fupin_desktop.domain.idnumber import parse_id_number
from fupin_desktop.domain.income import summarise
from fupin_desktop.domain.names import name_initials
from fupin_desktop.domain.records import LEAVING_CHANGES, ExitStep, Household, LedgerEntry, Member, Settings
from fupin_desktop.domain.rules import check_household
from fupin_desktop.services import demo
from fupin_desktop.storage import tables as t
from fupin_desktop.storage.bulk import BulkLoader
from fupin_desktop.storage.changelog import ChangeWriter
from fupin_desktop.storage.database import integrity_problems, open_database
from fupin_desktop.storage.mapping import from_row

TODAY = dt.date(2020, 6, 30)
DATA_TABLES = (t.POVERTY_LINES, t.VILLAGES, t.HELPERS, t.HOUSEHOLDS, t.MEMBERS, t.PAIRINGS, t.MEASURES,
               t.VISITS, t.EXIT_STEPS)
PLANTED_CODES = {
    "ill_all_healthy": "cause_illness_all_healthy",
    "no_ethnicity": "required_member_ethnicity",
    "idle_labour": "labour_none_working_age",
    "dibao_none": "dibao_household_no_member",
    "no_helper": "no_helper",
    "work_no_place": "work_months_without_place",
    "cause_repeated": "other_cause_repeats_main",
    "no_house_area": "required_household_house_area",
}


def fixed_hlc(device="demo-test"):
    """A clock whose wall time advances 1 ms per stamp: same stamps on every run."""
    return HybridClock(device, wall_ms=itertools.count(1_600_000_000_000).__next__)


def build(path, size="small", **kw):
    db = open_database(path)
    counts = demo.generate(db, size=size, today=TODAY, hlc=fixed_hlc(), **kw)
    return db, counts


def rows(db, table, where="", params=()):
    cursor = db.execute(f"SELECT * FROM {table} {where}", params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    db, counts = build(tmp_path_factory.mktemp("small") / "t.db")
    yield db, counts
    db.close()


@pytest.fixture(scope="module")
def village(tmp_path_factory):
    db, counts = build(tmp_path_factory.mktemp("village") / "t.db", size="village", ledger_years=0)
    yield db, counts
    db.close()


def test_same_seed_gives_identical_tables(small, tmp_path):
    db, _ = small
    again, _ = build(tmp_path / "again.db")
    try:
        for table in (*DATA_TABLES, t.LEDGER, t.CHANGELOG):
            ordered = f"SELECT * FROM {table} ORDER BY rowid"
            assert db.execute(ordered).fetchall() == again.execute(ordered).fetchall(), table
    finally:
        again.close()


def test_a_second_process_makes_the_same_rows(small, tmp_path):
    db, counts = small
    hlc = fixed_hlc()
    other = open_database(tmp_path / "workers.db")
    try:
        calls = []
        assert demo.generate(other, size="small", today=TODAY, hlc=hlc, workers=2,
                             progress=lambda done, total: calls.append(done)) == counts
        assert calls[-1] == 40
        for table, stamp in ((t.HOUSEHOLDS, "updated_hlc"), (t.MEMBERS, "updated_hlc"), (t.LEDGER, "hlc")):
            columns = ", ".join(c[1] for c in db.execute(f"PRAGMA table_info({table})") if c[1] != stamp)
            ordered = f"SELECT {columns} FROM {table} ORDER BY rowid"
            assert db.execute(ordered).fetchall() == other.execute(ordered).fetchall(), table
        logged = f"SELECT op_id, tbl, row_id, field, new FROM {t.CHANGELOG} ORDER BY seq"
        assert db.execute(logged).fetchall() == other.execute(logged).fetchall()
        newest = other.execute(f"SELECT max(hlc) FROM {t.LEDGER}").fetchone()[0]
        assert hlc.tick() > newest  # the caller's clock moved past the child's stamps
        assert integrity_problems(other) == []
    finally:
        other.close()


def test_another_seed_gives_other_people(small, tmp_path):
    other, _ = build(tmp_path / "other.db", seed=7, ledger_years=0)
    try:
        names = {r[0] for r in small[0].execute("SELECT name FROM members")}
        assert names != {r[0] for r in other.execute("SELECT name FROM members")}
    finally:
        other.close()


def test_counts_match_the_tables(small):
    db, counts = small
    assert counts["village_code"] == "610702100201"
    for table in (*DATA_TABLES, t.LEDGER, t.CHANGELOG):
        assert counts[table] == db.execute(f"SELECT count(*) FROM {table}").fetchone()[0], table
    assert counts[t.HOUSEHOLDS] == 40 and counts[t.HELPERS] == 10
    assert 3 * 40 <= counts[t.MEMBERS] <= 5 * 40
    assert 40 * 85 * 1.5 <= counts[t.LEDGER] <= 40 * 95 * 2.2  # about 3 months of daily books


def test_id_numbers_are_valid_unique_and_match_sex_and_birth(small):
    db, _ = small
    members = rows(db, t.MEMBERS)
    for m in members:
        info = parse_id_number(m["id_number"], today=TODAY)
        assert info.number == m["id_number"]
        assert info.sex == m["sex"], m["name"]
        assert info.birth_date.isoformat() == m["birth_date"], m["name"]
    helpers = [h["id_number"] for h in rows(db, t.HELPERS)]
    numbers = [m["id_number"] for m in members] + helpers
    assert len(set(numbers)) == len(numbers)


def test_every_household_has_one_active_head_and_consistent_relations(small):
    db, _ = small
    heads = collections.Counter()
    male_only, female_only = {"03", "06", "07", "09", "11", "13", "15", "17", "19"}, {"04", "05", "08", "10",
                                                                                        "12", "14", "16", "18", "20"}
    for m in rows(db, t.MEMBERS):
        if m["relation"] == "01" and m["change_type"] not in LEAVING_CHANGES:
            heads[m["household_id"]] += 1
        assert not (m["relation"] in male_only and m["sex"] != "1"), m["name"]
        assert not (m["relation"] in female_only and m["sex"] != "2"), m["name"]
    households = [h["id"] for h in rows(db, t.HOUSEHOLDS)]
    assert all(heads[h] == 1 for h in households)


def test_integrity_and_foreign_keys_are_clean(small):
    assert integrity_problems(small[0]) == []


def test_change_log_has_one_whole_row_entry_per_non_ledger_row(small):
    db, _ = small
    logged = collections.Counter(r[0] for r in db.execute(f"SELECT tbl FROM {t.CHANGELOG} WHERE field = '*'"))
    assert db.execute(f"SELECT count(*) FROM {t.CHANGELOG} WHERE field != '*'").fetchone()[0] == 0
    for table in DATA_TABLES:
        assert logged[table] == db.execute(f"SELECT count(*) FROM {table}").fetchone()[0], table
    assert logged[t.LEDGER] == 0
    distinct = db.execute(f"SELECT count(DISTINCT tbl || row_id), count(*) FROM {t.CHANGELOG}").fetchone()
    assert distinct[0] == distinct[1]
    assert db.execute(f"SELECT count(DISTINCT op_id) FROM {t.CHANGELOG}").fetchone()[0] == 1
    household = rows(db, t.HOUSEHOLDS, "LIMIT 1")[0]
    entry = rows(db, t.CHANGELOG, "WHERE row_id = ?", (household["id"],))[0]
    assert entry["hlc"] == household["updated_hlc"] and entry["source"] == demo.DEMO_SOURCE
    expected = {k: v for k, v in household.items() if k not in (*t.HOUSEHOLD_DERIVED, "updated_hlc")}
    assert json.loads(entry["new"]) == expected
    member = rows(db, t.MEMBERS, "LIMIT 1")[0]
    logged_member = json.loads(db.execute(f"SELECT new FROM {t.CHANGELOG} WHERE row_id = ?",
                                          (member["id"],)).fetchone()[0])
    assert logged_member == {k: v for k, v in member.items() if k != "updated_hlc"}
    stamps = db.execute(f"SELECT count(*) FROM {t.LEDGER} WHERE hlc = '' OR device = '' OR operator = ''")
    assert stamps.fetchone()[0] == 0


def test_derived_columns_are_filled(small):
    db, _ = small
    members = collections.defaultdict(list)
    for m in rows(db, t.MEMBERS):
        assert m["name_initials"] == name_initials(m["name"]) and m["name_initials"].isalpha()
        members[m["household_id"]].append(m)
    for h in rows(db, t.HOUSEHOLDS):
        active = [m for m in members[h["id"]] if m["change_type"] not in LEAVING_CHANGES]
        assert h["people"] == len(active)
        assert h["head_name"] == next(m["name"] for m in active if m["relation"] == "01")


def test_main_causes_follow_the_seed_weights(village):
    db, _ = village
    causes = collections.Counter(r[0] for r in db.execute("SELECT main_cause FROM households"))
    total = sum(causes.values())
    assert total == 500
    assert 0.35 <= causes["1"] / total <= 0.55
    assert 0.08 <= causes["2"] / total <= 0.22
    assert {"3", "7", "8", "9"} <= set(causes)


def test_village_size_matches_quality(village):
    db, counts = village
    assert counts[t.HELPERS] == 40 and t.LEDGER not in counts
    assert 1800 <= counts[t.MEMBERS] <= 2200
    people = db.execute("SELECT sum(people) FROM households").fetchone()[0]
    rural = db.execute("SELECT rural_population FROM villages").fetchone()[0]
    assert 0.15 <= people / rural <= 0.4  # 贫困发生率 at identification


def test_households_sit_at_every_exit_state(village):
    db, _ = village
    steps = collections.defaultdict(list)
    for s in rows(db, t.EXIT_STEPS):
        steps[s["household_id"]].append(from_row(ExitStep, s))
    statuses, last_steps, objected, behind = collections.Counter(), collections.Counter(), 0, 0
    for h in rows(db, t.HOUSEHOLDS):
        state = procedure_state(steps[h["id"]])
        statuses[h["exit_status"]] += 1
        last_steps[state.last_step] += 1
        objected += state.round > 1 or state.objected
        assert h["exit_step"] == (state.last_step or "")
        if h["exit_status"] in ("1", "3", "4"):
            assert state.finished and h["exit_year"] == max(s.date for s in steps[h["id"]]).year
            assert int(h["identified_on"][:4]) < h["exit_year"]
        else:
            assert not state.finished and h["exit_year"] is None
            behind += h["planned_exit_year"] < TODAY.year
        for s in steps[h["id"]]:
            assert s.date <= TODAY
    assert {"0", "1", "3", "4"} <= set(statuses)
    assert {"1", "2", "3", "4", "5", "6", None} <= set(last_steps)
    assert objected > 0 and behind > 0


def test_planted_problems_show_in_the_check(small):
    db, _ = small
    members = collections.defaultdict(list)
    for m in rows(db, t.MEMBERS):
        members[m["household_id"]].append(from_row(Member, m))
    helped = {r[0] for r in db.execute("SELECT household_id FROM pairings WHERE end_date IS NULL")}
    found, with_problems = collections.Counter(), 0
    for h in rows(db, t.HOUSEHOLDS):
        household = from_row(Household, h)
        problems = check_household(household, members[h["id"]], today=TODAY, settings=Settings(),
                                   has_current_helper=h["id"] in helped)
        with_problems += bool(problems)
        found.update(p.code for p in problems)
    assert set(PLANTED_CODES.values()) <= set(found)
    assert with_problems <= len(PLANTED_CODES) + 2


def test_books_show_exited_households_above_the_line(tmp_path):
    years = 1.75
    first = (TODAY - dt.timedelta(days=round(years * 365.25) - 1)).isoformat()
    assert first <= "2018-10-01"  # the book covers accounting year 2019
    db, _ = build(tmp_path / "books.db", ledger_years=years)
    try:
        ids = set()
        for e in rows(db, t.LEDGER, "ORDER BY rowid"):
            assert e["category"] in LEDGER_CATEGORY and isinstance(e["amount_fen"], int)
            assert e["amount_fen"] > 0 or e["reverses"] in ids
            assert first <= e["date"] <= TODAY.isoformat()
            ids.add(e["id"])
        net = dict(db.execute(
            "SELECT household_id, sum(CASE WHEN category < '50' THEN amount_fen"
            " WHEN category < '60' THEN -amount_fen ELSE 0 END) FROM ledger"
            " WHERE date BETWEEN '2018-10-01' AND '2019-09-30' GROUP BY household_id").fetchall())
        below = []
        for h in rows(db, t.HOUSEHOLDS):
            per_capita = net[h["id"]] / h["people"]
            if h["exit_status"] in ("1", "4"):
                assert per_capita > 295200, h["number"]
            else:
                below.append(per_capita <= 295200)
        assert any(below)
        members = [from_row(Member, m) for m in rows(db, t.MEMBERS, "WHERE household_id = ?", (h["id"],))]
        entries = [LedgerEntry(e["id"], h["id"], dt.date.fromisoformat(e["date"]), e["category"], e["amount_fen"])
                   for e in rows(db, t.LEDGER, "WHERE household_id = ?", (h["id"],))]
        assert summarise(entries, members, Settings(), 2019).per_capita_fen == round(net[h["id"]] / h["people"])
    finally:
        db.close()


def test_poverty_lines_are_added_once_and_a_second_run_is_refused(small):
    db, _ = small
    assert db.execute("SELECT count(*) FROM poverty_lines").fetchone()[0] == 6
    assert db.execute("SELECT line_fen FROM poverty_lines WHERE id = '2016'").fetchone()[0] == 295200
    with pytest.raises(ValueError, match="已有村代码"):
        demo.generate(db, size="small", today=TODAY, hlc=fixed_hlc())
    with pytest.raises(ValueError):
        demo.generate(db, size="huge", today=TODAY, hlc=fixed_hlc())


def test_progress_reaches_the_total(tmp_path):
    calls = []
    db, _ = build(tmp_path / "p.db", ledger_years=0, progress=lambda done, total: calls.append((done, total)))
    db.close()
    assert calls[-1] == (40, 40)
    assert [c[0] for c in calls] == sorted(c[0] for c in calls)


# -- the bulk loader --------------------------------------------------------------------------------------


def test_bulk_loader_logs_what_change_writer_logs(tmp_path):
    db = open_database(tmp_path / "b.db")
    row = {"code": "610702100201", "name": "王观村", "groups": '["一组"]', "rural_population": 900}
    ChangeWriter(db, fixed_hlc("a"), "甲").insert(t.VILLAGES, {"id": "v1", **row})
    with BulkLoader(db, fixed_hlc("b"), "乙", "xlsx:test.xlsx") as loader:
        loader.add(t.VILLAGES, {"id": "v2", **row, "code": "610702100202"})
    a, b = rows(db, t.CHANGELOG, "ORDER BY seq")
    assert json.loads(a["new"]) | {"id": "v2", "code": "610702100202"} == json.loads(b["new"])
    assert (b["field"], b["operator"], b["source"], b["old"]) == ("*", "乙", "xlsx:test.xlsx", None)
    assert rows(db, t.VILLAGES, "WHERE id = 'v2'")[0]["updated_hlc"] == b["hlc"]
    db.close()


def test_bulk_loader_flushes_parents_first_and_stamps_ledger_rows(tmp_path):
    db = open_database(tmp_path / "b.db")
    with BulkLoader(db, fixed_hlc(), "乙", flush_rows=3) as loader:
        loader.add_ledger_rows([])
        loader.add(t.VILLAGES, {"id": "v", "code": "610702100201", "name": "村"})
        loader.add(t.HOUSEHOLDS, {"id": "h", "village_id": "v", "head_name": "张三"})
        loader.add(t.LEDGER, {"household_id": "h", "date": "2020-01-01", "category": "11", "amount_fen": 100})
        loader.add_ledger_rows([(f"l{i}", "h", "2020-01-02", "61", 50, None, "", "", "", "") for i in range(5)])
    assert loader.counts[t.LEDGER] == 6 and loader.counts[t.CHANGELOG] == 2
    stamps = [r[0] for r in db.execute("SELECT hlc FROM ledger ORDER BY rowid")]
    assert stamps == sorted(stamps) and len(set(stamps)) == 6
    assert "head_name" not in db.execute("SELECT new FROM changelog WHERE tbl = 'households'").fetchone()[0]
    assert integrity_problems(db) == []
    db.close()


def test_a_sink_loader_hands_its_batches_over(tmp_path):
    handed = []
    maker = BulkLoader(None, fixed_hlc(), "乙", "demo", op_id="op", sink=lambda b, c: handed.append((b, c)))
    maker.add(t.VILLAGES, {"id": "v", "code": "610702100201", "name": "村"})
    maker.add(t.HOUSEHOLDS, {"id": "h", "village_id": "v"})
    maker.add_ledger_rows([("l1", "h", "2020-01-02", "61", 50, None, "", "", "", "")])
    maker.flush()
    assert len(handed) == 1
    db = open_database(tmp_path / "s.db")
    writer = BulkLoader(db, fixed_hlc(), "乙", "demo", op_id="op")
    writer.write_batches(*handed[0])
    writer.close()
    assert writer.counts == {t.VILLAGES: 1, t.HOUSEHOLDS: 1, t.LEDGER: 1, t.CHANGELOG: 2}
    assert integrity_problems(db) == []
    db.close()
