"""kill -9 at random instants during edits, backups, restores and a migration (QUALITY.md R1, R4).

Each trial forks a worker from a warm server (``crash_worker.py``), lets it work through the services for a
random time and SIGKILLs it. Then: the database passes ``integrity_check`` and ``foreign_key_check``; every
change the worker reported saved is there; no household is without its members or its change-log entry;
every kept backup passes the checks and restores; no temporary file is left looking like a backup.
Default: 210 trials. ``FUPIN_LONG_CRASH=1``: five times as many (over 1,000).
"""

import datetime as dt
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from fupin_desktop.storage import backups, fpbak
from fupin_desktop.storage.restore import INTENT_FILE, PREPARED_PREFIX, restore_files
from tests.storage.crash_worker import EXTRA_MIGRATION, PASSPHRASE, TODAY

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not hasattr(os, "fork"), reason="the trials fork a server")]

WORKER = Path(__file__).with_name("crash_worker.py")
ROOT = Path(__file__).resolve().parents[2]
SCALE = 5 if os.environ.get("FUPIN_LONG_CRASH") == "1" else 1
TRIALS = {"edit": 70 * SCALE, "backup": 50 * SCALE, "restore": 50 * SCALE, "migrate": 40 * SCALE}
SEED = int(os.environ.get("FUPIN_CRASH_SEED", "20200615"))


class Server:
    def __init__(self):
        self.proc = subprocess.Popen([sys.executable, str(WORKER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True, cwd=ROOT)
        assert self.proc.stdout.readline().strip() == "ready"

    def trial(self, job: dict, delay: float) -> int:
        """Run ``job`` in a fresh child, SIGKILL it after ``delay`` seconds; returns the wait status."""
        self.proc.stdin.write(json.dumps(job) + "\n")
        self.proc.stdin.flush()
        pid = int(self.proc.stdout.readline().split()[1])
        import time

        time.sleep(delay)
        self.proc.stdin.write("kill\n")
        self.proc.stdin.flush()
        words = self.proc.stdout.readline().split()
        assert words[:2] == ["exit", str(pid)]
        return int(words[2])

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


@pytest.fixture
def server():
    s = Server()
    yield s
    s.close()


def reports(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    lines = path.read_text("utf-8").splitlines()
    return [line.split() for line in lines if line.strip()]


def assert_worker_did_not_fail(report: Path) -> None:
    log = Path(str(report) + ".log")
    text = log.read_text("utf-8") if log.exists() else ""
    assert "Traceback" not in text, text


def open_checked(db_path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(db_path))
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], db_path
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == [], db_path
    return conn


def assert_whole(conn) -> None:
    """No half-written household: each has members, and each row has its change-log entry."""
    assert conn.execute("SELECT count(*) FROM households h WHERE NOT EXISTS "
                        "(SELECT 1 FROM members m WHERE m.household_id = h.id)").fetchone()[0] == 0
    for table in ("households", "members", "villages"):
        orphan = conn.execute(f"SELECT count(*) FROM {table} WHERE id NOT IN "
                              f"(SELECT row_id FROM changelog WHERE tbl = '{table}' AND field = '*')").fetchone()[0]
        assert orphan == 0, table


def assert_saved(conn, lines, original_phone="13800000000") -> None:
    households = {r[0] for r in conn.execute("SELECT id FROM households")}
    entries = {r[0] for r in conn.execute("SELECT id FROM ledger")}
    phones: dict[str, list[str]] = {}
    for words in lines:
        if words[0] == "H":
            assert words[1] in households, f"household {words[1]} was reported saved but is missing"
        elif words[0] == "L":
            assert words[1] in entries, f"ledger entry {words[1]} was reported saved but is missing"
        elif words[0] == "U":
            phones[words[1]] = [words[2]]
        elif words[0] == "u":
            phones.setdefault(words[1], [original_phone]).append(words[2])
    for household_id, allowed in phones.items():
        phone = conn.execute("SELECT phone FROM households WHERE id = ?", [household_id]).fetchone()[0]
        assert phone in allowed, (household_id, phone, allowed)


def new_installation(data_dir: Path) -> None:
    from fupin_desktop.domain.clock import FixedClock
    from fupin_desktop.services.context import open_context
    from fupin_desktop.services.villages import create_village

    ctx = open_context(data_dir, operator="测试员", clock=FixedClock(TODAY))
    create_village(ctx, {"code": "610702101201", "name": "龙江村", "groups": ("一组", "二组")})
    ctx.close()


def killed_by_signal(statuses) -> int:
    return sum(1 for s in statuses if os.WIFSIGNALED(s))


# edits ---------------------------------------------------------------------------------------------------
def test_kill_during_edits(server, tmp_path):
    rng = random.Random(SEED)
    data_dir = tmp_path / "data"
    new_installation(data_dir)
    statuses, all_lines = [], []
    for n in range(TRIALS["edit"]):
        report = tmp_path / f"edit-{n}.txt"
        statuses.append(server.trial({"mode": "edit", "data_dir": str(data_dir), "report": str(report),
                                      "seed": rng.randrange(10**9)}, rng.uniform(0.0, 0.3)))
        assert_worker_did_not_fail(report)
        all_lines += reports(report)
        conn = open_checked(data_dir / "fupin.sqlite")
        assert_whole(conn)
        assert_saved(conn, all_lines)
        conn.close()
    assert killed_by_signal(statuses) >= 0.9 * len(statuses)
    assert sum(1 for w in all_lines if w[0] == "H") > TRIALS["edit"]


# backups -------------------------------------------------------------------------------------------------
class BackupChecker:
    """Checks each backup file once (they never change once named)."""

    def __init__(self):
        self.seen: dict[tuple, list[str]] = {}

    def check(self, path: Path) -> list[str]:
        st = path.stat()
        key = (str(path), st.st_size, st.st_mtime_ns)
        if key not in self.seen:
            self.seen[key] = backups.verify_backup(path, PASSPHRASE if path.suffix == fpbak.SUFFIX else None)
        return self.seen[key]


def assert_no_temp_left(folder: Path) -> None:
    backups.clean_stale_temp(folder)
    left = [p.name for p in folder.iterdir() if p.name.startswith(backups.TEMP_PREFIX)]
    assert left == []


def restore_and_check(source: Path, scratch: Path) -> None:
    from fupin_desktop.storage.database import integrity_problems, open_database

    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir()
    result = restore_files(scratch / "fupin.sqlite", source, now=TODAY,
                           passphrase=PASSPHRASE if source.suffix == fpbak.SUFFIX else None)
    db = open_database(result.db_path)
    assert integrity_problems(db) == []
    db.close()


def test_kill_during_backups(server, tmp_path, monkeypatch):
    monkeypatch.setattr(fpbak, "SCRYPT_LOG2_N", 12)
    rng = random.Random(SEED + 1)
    data_dir, stick = tmp_path / "data", tmp_path / "stick"
    stick.mkdir()
    new_installation(data_dir)
    checker = BackupChecker()
    statuses, all_lines = [], []
    now = TODAY
    for n in range(TRIALS["backup"]):
        report = tmp_path / f"backup-{n}.txt"
        now += dt.timedelta(days=rng.randint(0, 3))
        statuses.append(server.trial({"mode": "backup", "data_dir": str(data_dir), "stick": str(stick),
                                      "now": now.isoformat(), "report": str(report),
                                      "seed": rng.randrange(10**9)}, rng.uniform(0.0, 0.4)))
        assert_worker_did_not_fail(report)
        lines = reports(report)
        all_lines += lines
        now += dt.timedelta(days=len(lines))  # the worker's clock ran ahead; stay after it
        conn = open_checked(data_dir / "fupin.sqlite")
        assert_whole(conn)
        assert_saved(conn, all_lines)
        conn.close()
        thinned = {w[1] for w in all_lines if w[0] == "T"}
        kept = {w[1] for w in all_lines if w[0] == "B"} - thinned
        names = {i.name for i in backups.list_backups(data_dir / "backups")}
        assert kept <= names, kept - names
        assert {w[1] for w in all_lines if w[0] == "E"} <= {p.name for p in stick.iterdir()}
        for folder in (data_dir / "backups", stick):
            for info in backups.list_backups(folder):
                assert checker.check(info.path) == [], info.name
            assert_no_temp_left(folder)
    assert killed_by_signal(statuses) >= 0.8 * len(statuses)
    assert sum(1 for w in all_lines if w[0] in ("B", "E")) >= TRIALS["backup"] // 3  # the kills hit backups
    for info in backups.list_backups(data_dir / "backups") + backups.list_backups(stick):
        restore_and_check(info.path, tmp_path / "scratch")  # every kept backup restores


# restores ------------------------------------------------------------------------------------------------
def make_sources(tmp_path: Path) -> list[Path]:
    from fupin_desktop.domain.clock import FixedClock
    from fupin_desktop.services.context import open_context
    from tests.storage.crash_worker import edit_some

    data_dir, folder = tmp_path / "source-data", tmp_path / "sources"
    new_installation(data_dir)
    ctx = open_context(data_dir, operator="测试员", clock=FixedClock(TODAY))
    made, rng = [], random.Random(SEED + 2)
    for n in range(3):
        edit_some(ctx, rng, lambda *w: None, 3)
        made.append(backups.create_backup(ctx.db, folder, reason="manual", now=TODAY + dt.timedelta(hours=n),
                                          passphrase=PASSPHRASE if n == 2 else None).path)
    ctx.close()
    return made


def test_kill_during_restores(server, tmp_path, monkeypatch):
    from fupin_desktop.storage.recovery import check_at_start

    monkeypatch.setattr(fpbak, "SCRYPT_LOG2_N", 12)
    sources = make_sources(tmp_path)
    rng = random.Random(SEED + 3)
    statuses, kills = [], 0
    data_dir = None
    for n in range(TRIALS["restore"]):
        if n % 25 == 0:  # a fresh installation now and then keeps the replaced/ folder small
            data_dir = tmp_path / f"data-{n}"
            new_installation(data_dir)
            all_lines, replaced_ids, checked_sets = [], set(), set()
        report = tmp_path / f"restore-{n}.txt"
        statuses.append(server.trial({"mode": "restore", "data_dir": str(data_dir), "report": str(report),
                                      "sources": [str(p) for p in sources], "seed": rng.randrange(10**9)},
                                     rng.uniform(0.0, 0.4)))
        assert_worker_did_not_fail(report)
        all_lines += reports(report)
        start = check_at_start(data_dir / "fupin.sqlite", data_dir / "backups")
        assert start.state == "ok", start.message
        assert not (data_dir / INTENT_FILE).exists()
        assert not list(data_dir.glob(f"{PREPARED_PREFIX}*"))
        for folder in sorted((data_dir / "replaced").glob("*")) if (data_dir / "replaced").exists() else []:
            if folder.name in checked_sets:
                continue
            conn = open_checked(folder / "fupin.sqlite")
            assert_whole(conn)
            replaced_ids |= {r[0] for r in conn.execute("SELECT id FROM households")}
            conn.close()
            checked_sets.add(folder.name)
        conn = open_checked(data_dir / "fupin.sqlite")
        assert_whole(conn)
        live = {r[0] for r in conn.execute("SELECT id FROM households")}
        conn.close()
        missing = {w[1] for w in all_lines if w[0] == "H"} - live - replaced_ids
        assert not missing, "a household reported saved is neither in the data nor in replaced/"
        kills += sum(1 for w in all_lines if w[0] == "R")
    assert killed_by_signal(statuses) >= 0.8 * len(statuses)
    assert kills > TRIALS["restore"] // 2


# migration -----------------------------------------------------------------------------------------------
def make_template(path: Path) -> dict:
    from fupin_desktop.domain.clock import FixedClock
    from fupin_desktop.services.context import open_context
    from fupin_desktop.storage import tables as t
    from tests.storage.crash_worker import edit_some

    data_dir = path.parent / "template-data"
    new_installation(data_dir)
    ctx = open_context(data_dir, operator="测试员", clock=FixedClock(TODAY))
    edit_some(ctx, random.Random(SEED + 4), lambda *w: None, 10)
    ids = [r[0] for r in ctx.db.execute(f"SELECT id FROM {t.HOUSEHOLDS}")]
    with ctx.write() as w:
        for n in range(12_000):
            w.append_ledger({"household_id": ids[n % len(ids)], "date": "2020-06-01", "category": "11",
                             "amount_fen": 100 + n})
    counts = {name: ctx.db.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
              for name in (t.HOUSEHOLDS, t.MEMBERS, t.LEDGER, t.CHANGELOG)}
    ctx.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ctx.close()
    shutil.copyfile(data_dir / "fupin.sqlite", path)
    return counts


def test_kill_during_migration(server, tmp_path):
    template = tmp_path / "template.sqlite"
    counts = make_template(template)
    rng = random.Random(SEED + 5)
    statuses, applied = [], 0
    window = 0.55  # kill delays are drawn from [0, window]; it adapts to this machine's speed so that kills
    for n in range(TRIALS["migrate"]):  # land before, during and after the migration's commit
        trial = tmp_path / f"m-{n}"
        trial.mkdir()
        db_path = trial / "fupin.sqlite"
        shutil.copyfile(template, db_path)
        report = trial / "report.txt"
        statuses.append(server.trial({"mode": "migrate", "db_path": str(db_path), "backup_dir": str(trial / "b"),
                                      "report": str(report), "seed": n}, rng.uniform(0.0, window)))
        window = window * 1.1 if os.WIFSIGNALED(statuses[-1]) else max(0.02, window * 0.75)
        assert_worker_did_not_fail(report)
        conn = open_checked(db_path)
        for name, count in counts.items():
            assert conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == count, name
        done = conn.execute("SELECT count(*) FROM _sqlite_migrations WHERE name = ?", [EXTRA_MIGRATION]).fetchone()[0]
        columns = {r[1] for r in conn.execute("PRAGMA table_info(ledger)")}
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if done:
            applied += 1
            assert "crash_copy" in columns and "crash_test" in tables
            assert conn.execute("SELECT count(*) FROM ledger WHERE crash_copy IS NOT amount_fen").fetchone()[0] == 0
            assert conn.execute("SELECT count(*) FROM crash_test").fetchone()[0] == counts["ledger"]
        else:
            assert "crash_copy" not in columns and "crash_test" not in tables
            assert ["M", "done"] not in reports(report)
        conn.close()
        for kept in (trial / "b").glob("before-migration-*.sqlite") if (trial / "b").exists() else []:
            conn = open_checked(kept)
            assert conn.execute("SELECT count(*) FROM ledger").fetchone()[0] == counts["ledger"]
            conn.close()
        shutil.rmtree(trial)
    assert killed_by_signal(statuses) >= 0.4 * len(statuses)
    assert 0 < applied < len(statuses), "the kills should fall both before and after the migration's commit"
