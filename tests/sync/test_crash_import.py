"""kill -9 at random instants during an import (SYNC.md §1.1, QUALITY.md R1).

Each trial forks a child that opens a copy of the township and imports a village bundle (backup, one
transaction), and SIGKILLs it after a random delay spread over the whole import. Afterwards the database
passes ``integrity_check`` and ``foreign_key_check``; the import is either entirely there (import log row and
every record, equal to a clean import) or entirely absent; importing again converges to the clean result.
``FUPIN_SYNC_CRASH_TRIALS`` sets the number of trials (default 100). A quarter as many trials (at least 20)
kill an import of two files in one go, the second read in a thread while the first is applied: the database
holds none, the first, or both, each exactly as a clean import leaves it. An eighth as many (at least 10)
kill the same import with the settings of big files (worker processes, staging files, month sums folded once,
rollback journal).
"""

import os
import random
import signal
import time

import pytest

from fupin_desktop.storage.database import integrity_problems
from fupin_desktop.sync.importer import Secrets
from tests.sync import world

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not hasattr(os, "fork"), reason="the trials fork")]

TRIALS = int(os.environ.get("FUPIN_SYNC_CRASH_TRIALS", "100"))
SEED = int(os.environ.get("FUPIN_CRASH_SEED", "20200615"))


def _import_in_child(folder, bundle, secrets) -> int:
    """``bundle``: one file, or a list imported in one go (the next file read while one is applied)."""
    pid = os.fork()
    if pid == 0:  # the child: import and leave without running the parent's cleanup
        code = 1
        try:
            ctx = world.open_ctx(folder)
            prepared = world.import_into(ctx, bundle if isinstance(bundle, list) else [bundle], secrets=secrets,
                                         make_backup=True)
            code = 0 if all(p.applied for p in prepared) else 2
        except BaseException:
            import traceback

            traceback.print_exc()
        finally:
            os._exit(code)
    return pid


def _killed_import(base, folder, bundle, secrets, delay: float, trial: int):
    """A fresh copy of the township at ``folder``, an import into it killed with SIGKILL after ``delay``
    seconds; returns the folder and the copy opened again, whose file passes the integrity checks."""
    folder = world.copy_installation(base.township, folder)
    pid = _import_in_child(folder, bundle, secrets)
    time.sleep(delay)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    ctx = world.open_ctx(folder)
    assert integrity_problems(ctx.db) == [], trial
    return folder, ctx


@pytest.fixture(scope="module")
def crash_world(base, tmp_path_factory):
    root = tmp_path_factory.mktemp("crash")
    village = world.make_village(root / "village", base.identity, code="610702101203", households=16, ledger=40,
                                 id_base="6107021990")
    bundle = world.export_to(village, root / "stick").path
    village.close()
    secrets = Secrets(township=base.secrets.township)
    reference = world.open_ctx(world.copy_installation(base.township, root / "reference"))
    [prepared] = world.import_into(reference, [bundle], secrets=secrets)
    assert prepared.applied, prepared.error
    expected = world.dump(reference)
    reference.close()
    durations = []
    for n in range(3):
        folder = world.copy_installation(base.township, root / f"timing{n}")
        start = time.perf_counter()
        pid = _import_in_child(folder, bundle, secrets)
        _, status = os.waitpid(pid, 0)
        durations.append(time.perf_counter() - start)
        assert os.waitstatus_to_exitcode(status) == 0
    return {"root": root, "bundle": bundle, "secrets": secrets, "expected": expected,
            "duration": sorted(durations)[1]}


def test_kill_9_during_import_never_half_applies(base, crash_world):
    rng = random.Random(SEED)
    root, bundle, secrets = crash_world["root"], crash_world["bundle"], crash_world["secrets"]
    outcomes = {"applied": 0, "absent": 0}
    for trial in range(TRIALS):
        folder, ctx = _killed_import(base, root / "trial", bundle, secrets,
                                     rng.uniform(0, crash_world["duration"] * 1.2), trial)
        logged = ctx.db.execute("SELECT count(*) FROM sync_imports WHERE file_name = ?", [bundle.name]).fetchone()[0]
        if logged:
            assert world.dump(ctx) == crash_world["expected"], trial
            outcomes["applied"] += 1
        else:
            assert ctx.db.execute("SELECT count(*) FROM households").fetchone()[0] == 0, trial
            assert ctx.db.execute("SELECT count(*) FROM ledger").fetchone()[0] == 0, trial
            assert ctx.db.execute("SELECT count(*) FROM sync_versions").fetchone()[0] == 0, trial
            outcomes["absent"] += 1
        [prepared] = world.import_into(ctx, [bundle], secrets=secrets)
        assert prepared.applied or prepared.already, (trial, prepared.error)
        assert world.dump(ctx) == crash_world["expected"], trial
        assert not list(folder.glob("*.part")), trial
        ctx.close()
    print(f"kill -9 trials: {outcomes}, import ≈ {crash_world['duration']:.2f} s")
    assert outcomes["applied"] > 0 and outcomes["absent"] > 0, outcomes


@pytest.fixture(scope="module")
def two_files(base, crash_world, tmp_path_factory):
    """A second village's bundle, and the clean database after none, one and both files."""
    root = tmp_path_factory.mktemp("crash-two")
    village = world.make_village(root / "village", base.identity, code="610702101204", households=16, ledger=40,
                                 id_base="6107021991")
    files = [crash_world["bundle"], world.export_to(village, root / "stick").path]
    village.close()
    reference = world.open_ctx(world.copy_installation(base.township, root / "reference"))
    states = [world.dump(reference)]
    for path in files:
        [prepared] = world.import_into(reference, [path], secrets=crash_world["secrets"])
        assert prepared.applied, prepared.error
        states.append(world.dump(reference))
    reference.close()
    return {"root": root, "files": files, "states": states}


def _two_file_trials(base, folder, two_files, secrets, trials: int, delays) -> dict:
    """Imports of the two files killed after each of ``delays`` seconds: the database holds none, the first
    or both files, each exactly as a clean import leaves it, in WAL mode, with no staging file left over, and
    importing again converges. Returns how many trials ended with 0, 1 and 2 files imported."""
    from fupin_desktop.sync import reader_process as rp

    files, states = two_files["files"], two_files["states"]
    seen = {0: 0, 1: 0, 2: 0}
    for trial in range(trials):
        _, ctx = _killed_import(base, folder, files, secrets, delays(), trial)
        logged = [r[0] for r in ctx.db.execute("SELECT file_name FROM sync_imports ORDER BY rowid")]
        assert logged == [path.name for path in files[:len(logged)]], trial
        assert world.dump(ctx) == states[len(logged)], trial
        assert ctx.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal", trial
        seen[len(logged)] += 1
        prepared = world.import_into(ctx, files, secrets=secrets)
        assert all(p.applied or p.already for p in prepared), (trial, [p.error for p in prepared])
        assert world.dump(ctx) == states[2], trial
        assert not (ctx.data_dir / rp.FOLDER).exists(), trial
        ctx.close()
    assert seen[0] + seen[1] > 0 and seen[2] > 0, seen
    return seen


def test_kill_9_while_the_next_file_is_read_never_half_applies(base, crash_world, two_files):
    """Two files in one import: the second is read in a thread while the first is applied."""
    rng = random.Random(SEED + 1)
    seen = _two_file_trials(base, two_files["root"] / "trial", two_files, crash_world["secrets"],
                            max(20, TRIALS // 4), lambda: rng.uniform(0, crash_world["duration"] * 2.4))
    print(f"kill -9 trials with two files: {seen}")


def test_kill_9_with_big_files_read_by_workers_never_half_applies(base, crash_world, two_files, monkeypatch):
    """The same two files imported as big ones: each read by a worker process into a staging file, the book's
    month sums folded once, the file written with a rollback journal instead of the WAL."""
    from fupin_desktop.sync import importer, ledger_lines
    from fupin_desktop.sync import reader_process as rp

    monkeypatch.setattr(rp, "PROCESS_LINES", 1)
    monkeypatch.setattr(importer, "BIG_BUNDLE_LINES", 1)
    monkeypatch.setattr(ledger_lines, "FOLD_ROWS", 1)
    rng = random.Random(SEED + 2)
    folder = world.copy_installation(base.township, two_files["root"] / "big-timing")
    start = time.perf_counter()
    _, status = os.waitpid(_import_in_child(folder, two_files["files"], crash_world["secrets"]), 0)
    duration = time.perf_counter() - start
    assert os.waitstatus_to_exitcode(status) == 0
    timed = world.open_ctx(folder)
    assert world.dump(timed) == two_files["states"][2]
    timed.close()
    seen = _two_file_trials(base, two_files["root"] / "big-trial", two_files, crash_world["secrets"],
                            max(10, TRIALS // 8), lambda: rng.uniform(0, duration * 1.2))
    print(f"kill -9 trials with two big files: {seen}, import ≈ {duration:.2f} s")
