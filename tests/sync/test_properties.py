"""Property tests (QUALITY.md R3): importing twice = once; bundles in any order give the same database and the
same conflicts. Two devices edit the same village concurrently (same fields, other fields, tombstones, new
members, book entries); the first device exports twice, so a later bundle can arrive before its parent."""

import itertools
import uuid

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fupin_desktop.storage import tables as t
from fupin_desktop.sync.importer import Secrets
from tests.sync import world

VALUES = st.sampled_from(["甲", "乙", "丙", ""])
HOUSEHOLD_FIELDS = st.sampled_from(["phone", "address", "bank", "village_group", "warnings_note"])
MEMBER_FIELDS = st.sampled_from(["phone", "education", "change_note"])

EDIT = st.one_of(
    st.tuples(st.just("household"), st.integers(0, 2), HOUSEHOLD_FIELDS, VALUES),
    st.tuples(st.just("member"), st.integers(0, 5), MEMBER_FIELDS, VALUES),
    st.tuples(st.just("tombstone"), st.integers(0, 5), st.just("deleted"), st.just(1)),
    st.tuples(st.just("restore"), st.integers(0, 5), st.just("deleted"), st.just(0)),
    st.tuples(st.just("new_member"), st.integers(0, 2), st.just("name"), VALUES),
    st.tuples(st.just("ledger"), st.integers(0, 2), st.just("amount_fen"), st.integers(1, 10_000)),
)
SCRIPT = st.lists(EDIT, max_size=6)


def _apply(ctx, script, created: list) -> None:
    households = world.household_ids(ctx)
    members = [r[0] for r in ctx.db.execute("SELECT id FROM members ORDER BY id_number, id")] + created
    for kind, index, field, value in script:
        with ctx.write() as w:
            if kind == "household":
                w.update(t.HOUSEHOLDS, households[index], {field: value})
            elif kind in ("member", "tombstone", "restore"):
                w.update(t.MEMBERS, members[index % len(members)], {field: value})
            elif kind == "new_member":
                created.append(w.insert(t.MEMBERS, {"id": str(uuid.uuid4()), "household_id": households[index],
                                                    "name": f"新{value}"}))
                members.append(created[-1])
            else:
                w.append_ledger({"household_id": households[index], "date": "2020-05-01", "category": "11",
                                 "amount_fen": value})


def _township(base, path):
    return world.open_ctx(world.copy_installation(base.township_synced, path))


@settings(max_examples=18, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=SCRIPT, second=SCRIPT, other=SCRIPT)
@example(first=[("household", 0, "phone", "甲")], second=[("household", 0, "phone", "乙")],
         other=[("household", 0, "phone", "丙"), ("household", 0, "bank", "丙")])
@example(first=[("new_member", 0, "name", "甲")], second=[("member", 6, "phone", "乙"), ("tombstone", 6, "deleted", 1)],
         other=[("tombstone", 0, "deleted", 1), ("member", 0, "phone", "丙")])
def test_bundles_in_any_order_give_the_same_database(base, tmp_path_factory, first, second, other):
    root = tmp_path_factory.mktemp("prop")
    secrets = Secrets(township=base.secrets.township)
    a = world.open_ctx(world.copy_installation(base.village, root / "a"))
    b = world.open_ctx(world.copy_installation(base.village, root / "b"))
    world.new_device(b)
    created: list = []
    _apply(a, first, created)
    a1 = world.export_to(a, root / "a1").path
    _apply(a, second, created)
    a2 = world.export_to(a, root / "a2").path
    _apply(b, other, [])
    b1 = world.export_to(b, root / "b1").path
    full = world.export_to(a, root / "full", full=True).path
    a.close()
    b.close()
    dumps = []
    for n, order in enumerate(itertools.islice(itertools.permutations((a1, a2, b1)), 0, 6, 2)):
        township = _township(base, root / f"t{n}")
        for path in order:
            [prepared] = world.import_into(township, [path], secrets=secrets)
            assert prepared.applied, prepared.error
        assert township.db.execute("PRAGMA foreign_key_check").fetchall() == []
        dumps.append(world.dump(township))
        if n == 0:
            again = world.import_into(township, [a1, a2, b1], secrets=secrets)
            assert all(p.already and not p.applied for p in again)
            [p] = world.import_into(township, [full], secrets=secrets)  # the same changes in a new bundle
            assert p.applied and p.report.new == p.report.updated == p.report.conflicts == 0
            assert world.dump(township) == dumps[0]
        township.close()
    assert dumps[1] == dumps[0]
    assert dumps[2] == dumps[0]


def test_a_later_bundle_first_gives_the_same_single_conflict(base, tmp_path):
    secrets = Secrets(township=base.secrets.township)
    a = world.open_ctx(world.copy_installation(base.village, tmp_path / "a"))
    b = world.open_ctx(world.copy_installation(base.village, tmp_path / "b"))
    world.new_device(b)
    hid = world.household_ids(a)[0]
    _apply(a, [("household", 0, "phone", "甲")], [])
    a1 = world.export_to(a, tmp_path / "a1").path
    _apply(a, [("household", 0, "phone", "乙")], [])
    a2 = world.export_to(a, tmp_path / "a2").path
    _apply(b, [("household", 0, "phone", "丙")], [])
    b1 = world.export_to(b, tmp_path / "b1").path
    for n, order in enumerate(((a1, a2, b1), (b1, a2, a1))):
        township = _township(base, tmp_path / f"t{n}")
        reports = [world.import_into(township, [p], secrets=secrets)[0].report for p in order]
        rows = township.db.execute("SELECT field, heads FROM sync_conflicts WHERE status = 'open'").fetchall()
        assert [r[0] for r in rows] == ["phone"]
        assert sorted(h["value"] for h in __import__("json").loads(rows[0][1])) == ["丙", "乙"]
        assert township.db.execute("SELECT phone FROM households WHERE id = ?", [hid]).fetchone()[0] in ("乙", "丙")
        if n == 1:
            assert reports[1].conflicts == 1  # a2 against b1 (and against the root, until a1 arrives)
        township.close()
    a.close()
    b.close()
