"""kill -9 at random instants during imports whose book goes in the fast way (``ledger_lines.apply_staged``
with the month sums added once while the trigger ``ledger_months_add`` is set aside): afterwards the database
passes the integrity checks, holds the import entirely or not at all, has the schema it had before (the
trigger there, same text) and month sums equal to its book; importing again converges. The trials are a
quarter of ``FUPIN_SYNC_CRASH_TRIALS`` (at least 20); the village and timing are those of
``test_crash_import``.
"""

import random

from fupin_desktop.sync import ledger_lines
from tests.storage.derived_tables import expected_ledger_months, stored_ledger_months
from tests.sync import test_crash_import as crash
from tests.sync import world

pytestmark = crash.pytestmark
crash_world = crash.crash_world  # the module's fixture, used here too


def _schema(ctx) -> list[tuple]:
    return sorted(ctx.db.execute("SELECT type, name, tbl_name, sql FROM main.sqlite_master").fetchall())


def test_kill_9_during_a_folded_book_import_never_half_applies(base, crash_world, monkeypatch):
    monkeypatch.setattr(ledger_lines, "FOLD_ROWS", 0)  # the forked children import with it
    rng = random.Random(crash.SEED + 2)
    root, bundle, secrets = crash_world["root"], crash_world["bundle"], crash_world["secrets"]
    township = world.open_ctx(world.copy_installation(base.township, root / "schema"))
    schema = _schema(township)
    township.close()
    assert any(name == ledger_lines.MONTHS_TRIGGER for _kind, name, _tbl, _sql in schema)
    outcomes = {"applied": 0, "absent": 0}
    for trial in range(max(20, crash.TRIALS // 4)):
        folder, ctx = crash._killed_import(base, root / "fold-trial", bundle, secrets,
                                           rng.uniform(0, crash_world["duration"] * 1.2), trial)
        assert _schema(ctx) == schema, trial
        assert stored_ledger_months(ctx.db) == expected_ledger_months(ctx.db), trial
        if ctx.db.execute("SELECT count(*) FROM sync_imports").fetchone()[0]:
            assert world.dump(ctx) == crash_world["expected"], trial
            outcomes["applied"] += 1
        else:
            assert ctx.db.execute("SELECT count(*) FROM ledger").fetchone()[0] == 0, trial
            assert ctx.db.execute("SELECT count(*) FROM ledger_months").fetchone()[0] == 0, trial
            outcomes["absent"] += 1
        [prepared] = world.import_into(ctx, [bundle], secrets=secrets)
        assert prepared.applied or prepared.already, (trial, prepared.error)
        assert world.dump(ctx) == crash_world["expected"], trial
        assert _schema(ctx) == schema, trial
        assert stored_ledger_months(ctx.db) == expected_ledger_months(ctx.db), trial
        assert stored_ledger_months(ctx.db), trial
        ctx.close()
    print(f"kill -9 trials (book folded): {outcomes}")
    assert outcomes["applied"] > 0 and outcomes["absent"] > 0, outcomes
