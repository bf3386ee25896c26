"""Search as you type finds exactly the households the plain SQL over households and members finds (the
meaning the list always had), by every path: candidates confirmed and sorted, households read in list order,
with and without the trigram index, exact and capped counts."""

import datetime as dt
import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fupin_desktop.domain.clock import HybridClock
from fupin_desktop.domain.idnumber import make_id_number
from fupin_desktop.domain.names import name_initials
from fupin_desktop.services import demo
from fupin_desktop.services import queries as q
from fupin_desktop.storage import tables as t
from tests.storage.derived_tables import (
    exact_households_with_stale_grams,
    expected_household_search,
    missing_grams,
    stored_household_search,
)

TODAY = dt.date(2020, 6, 30)


def reference(ctx, f: q.HouseholdFilter) -> list[str]:
    """The list's meaning, written plainly over households and members (ids in list order)."""
    clauses, params = ["h.deleted = 0"], []
    text = f.text.strip()
    if re.fullmatch(r"[0-9xX]+", text):
        clauses.append("(h.number LIKE ? OR h.id IN (SELECT household_id FROM members"
                       " WHERE id_number LIKE ? AND deleted = 0))")
        params += [f"%{text}%", f"%{text.upper()}%"]
    elif re.fullmatch(r"[A-Za-z]+", text):
        clauses.append("h.id IN (SELECT household_id FROM members WHERE name_initials LIKE ? AND deleted = 0)")
        params.append(f"{text.lower()}%")
    elif text:
        clauses.append("(h.number LIKE ? OR h.id IN (SELECT household_id FROM members WHERE name LIKE ?"
                       " AND deleted = 0))")
        params += [f"%{text}%", f"%{text}%"]
    for column in ("village_id", "village_group", "attribute", "main_cause", "colour"):
        if getattr(f, column):
            clauses.append(f"h.{column} = ?")
            params.append(getattr(f, column))
    if f.has_problems:
        clauses.append("(h.problem_errors > 0 OR h.problem_warnings > 0)")
    return [row[0] for row in ctx.db.execute(
        f"SELECT h.id FROM households h WHERE {' AND '.join(clauses)}"
        " ORDER BY h.village_id, h.number, h.id", params)]


def check(ctx, f: q.HouseholdFilter) -> None:
    wanted = reference(ctx, f)
    assert [r.id for r in q.list_households(ctx, f, limit=10**6)] == wanted, f
    assert [r.id for r in q.list_households(ctx, f, offset=2, limit=7)] == wanted[2:9], f
    assert q.count_households(ctx, f) == len(wanted), f
    if f.text.strip():
        assert q.count_households_upto(ctx, f, cap=5) == min(len(wanted), 6), f
        assert q.count_households_upto(ctx, f) == min(len(wanted), q.COUNT_CAP + 1), f
    else:  # without a text the list's count is exact
        assert q.count_households_upto(ctx, f, cap=5) == len(wanted), f


def _person(household_id: str, name: str, k: int) -> dict:
    return {"household_id": household_id, "name": name, "name_initials": name_initials(name), "relation": "01",
            "id_number": make_id_number("610702", dt.date(1970 + k % 40, 1 + k % 12, 2), 500 + k)}


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    """The small demo plus households made to catch the corner cases: long and mixed-case names, numbers
    that are not digits, members renamed, moved and deleted, a deleted household (written by the change
    writer, as sync and undo write them)."""
    from fupin_desktop.domain.clock import FixedClock
    from fupin_desktop.services.context import open_context

    ctx = open_context(tmp_path_factory.mktemp("search") / "data", operator="测试员",
                       clock=FixedClock(dt.datetime(2020, 6, 30, 9)))
    demo.generate(ctx.db, size="small", today=TODAY, hlc=HybridClock("search-test"), ledger_years=0)
    village = ctx.db.execute("SELECT id FROM villages").fetchone()[0]
    odd = [("阿卜杜热合曼·买买提艾力江·吐尔逊", "一组-甲3号-很长很长的户编号第十七"), ("Tom王Lee", "X-17"),
           ("王小明", "2组%5"), ("李_四", "6107029999"), ("赵䶮", "abc"), ("钱淼", "")]
    with ctx.write() as w:
        made = [w.insert(t.HOUSEHOLDS, {"village_id": village, "number": number, "village_group": "一组"})
                for _name, number in odd]
        members = [w.insert(t.MEMBERS, _person(h, name, k)) for k, (h, (name, _)) in enumerate(zip(made, odd, strict=True))]
        w.insert(t.MEMBERS, _person(made[1], "Jerry", 40))
        w.update(t.MEMBERS, members[1], {"name": "Jerry张", "name_initials": "jerryz"}, reason="改名")
        w.update(t.MEMBERS, members[2], {"id_number": make_id_number("610702", dt.date(1999, 9, 9), 77)})
        w.update(t.HOUSEHOLDS, made[4], {"number": "xyz"}, reason="改户号")
        w.update(t.HOUSEHOLDS, made[0], {"village_group": "二组"}, reason="调组")
        w.tombstone(t.HOUSEHOLDS, made[3], "重复建档")
        first, second = [row[0] for row in ctx.db.execute("SELECT id FROM households ORDER BY rowid LIMIT 2")]
        moved = ctx.db.execute("SELECT id FROM members WHERE household_id = ? LIMIT 1", [first]).fetchone()[0]
        w.update(t.MEMBERS, moved, {"household_id": second}, reason="并户")
        gone = ctx.db.execute("SELECT id FROM members WHERE household_id = ? LIMIT 1", [second]).fetchone()[0]
        w.tombstone(t.MEMBERS, gone, "重复")
        w.update(t.MEMBERS, gone, {"deleted": 0}, reason="撤销")
        w.tombstone(t.MEMBERS, members[5], "重复")
    yield ctx
    ctx.close()


def test_the_search_tables_follow_every_write(town):
    assert stored_household_search(town.db) == expected_household_search(town.db)
    assert missing_grams(town.db) == []
    assert exact_households_with_stale_grams(town.db) == []
    assert town.db.execute("SELECT count(*) FROM household_search WHERE exact = 0").fetchone()[0] >= 3
    town.db.execute("INSERT INTO id_trigrams (id_trigrams) VALUES ('integrity-check')")  # raises when out of step


def _texts(ctx, rng: random.Random) -> list[str]:
    names = [r[0] for r in ctx.db.execute("SELECT name FROM members")]
    initials = [r[0] for r in ctx.db.execute("SELECT name_initials FROM members")]
    codes = [r[0] for r in ctx.db.execute("SELECT id_number FROM members UNION ALL SELECT number FROM households")]
    texts = {"%", "_", "王%", "x", "X", "12x", "zz", "李_", "一组", "6107%02", "·", "tom", "TOM", "Jerry", "e张"}
    for name in rng.sample(names, 25) + names[-8:]:
        texts |= {name[i:j] for i in range(len(name)) for j in range(i + 1, min(len(name), i + 4) + 1)}
    for word in rng.sample(initials, 15):
        texts |= {word[:k] for k in range(1, len(word) + 1)} | {word[:2].upper()}
    for code in rng.sample(codes, 25) + codes[-6:]:
        for _ in range(4):
            i = rng.randrange(len(code))
            texts.add(code[i:rng.randrange(i + 1, len(code) + 1)])
        texts.add(code[:rng.randrange(1, len(code) + 1)])
    return sorted(texts)


@pytest.mark.parametrize("probe", [q._PROBE, 3])
@pytest.mark.parametrize("trigrams", [True, False])
def test_every_text_finds_what_it_always_found(town, monkeypatch, probe, trigrams):
    monkeypatch.setattr(q, "_PROBE", probe)  # 3: even a few matches are read in list order
    if not trigrams:
        monkeypatch.setattr(q, "_has_trigrams", lambda db: False)
    village = town.db.execute("SELECT id FROM villages").fetchone()[0]
    for text in _texts(town, random.Random(5)):
        check(town, q.HouseholdFilter(text=text))
        check(town, q.HouseholdFilter(text=text, village_id=village))
        check(town, q.HouseholdFilter(text=text, colour="red", has_problems=True))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet="王李张小明阿买提0123456789xXabcdhlmwyz%_ -·䶮", min_size=1, max_size=6),
       probe=st.sampled_from([1, 4, 2000]))
def test_any_text_finds_what_it_always_found(town, monkeypatch, text, probe):
    monkeypatch.setattr(q, "_PROBE", probe)
    check(town, q.HouseholdFilter(text=text))


def test_the_count_after_a_window_is_answered_again_only_after_a_write(town):
    f = q.HouseholdFilter(text="王")
    wanted = reference(town, f)
    assert q.count_households(town, f) == len(wanted)
    village = town.db.execute("SELECT id FROM villages").fetchone()[0]
    with town.write() as w:
        household = w.insert(t.HOUSEHOLDS, {"village_id": village, "number": "6107028888"})
        w.insert(t.MEMBERS, _person(household, "王新来", 90))
    assert q.count_households(town, f) == len(wanted) + 1 == len(reference(town, f))
