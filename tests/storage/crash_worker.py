"""A fork server for the kill -9 trials of ``test_crash.py``.

``python tests/storage/crash_worker.py serve`` imports the program once, prints ``ready``, then reads one JSON
job per line on stdin. For each job it forks a child that does real work through the services (edits,
backups, restores, a migration) and appends what it has *finished* to the job's report file (``os.write``
after the commit returned), one line each: ``H <household id>``, ``L <ledger id>``, ``U <household id>
<phone>``, ``B <backup name>``, ``T <backup name>`` (announced before thinning deletes it), ``E <name>``,
``R <backup name>``, ``M done``. The server answers ``pid <pid>`` at once and ``exit <pid> <status>`` when
the child has ended. In between the test waits a random time and sends ``kill`` (the server SIGKILLs the
child, which cannot have been reaped yet, so the pid cannot belong to anyone else) or ``wait``. Forking a warm
interpreter makes a trial cost milliseconds instead of an interpreter start.
"""

import datetime as dt
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from fupin_desktop.domain.clock import FixedClock  # noqa: E402
from fupin_desktop.domain.idnumber import make_id_number  # noqa: E402
from fupin_desktop.services import households, ledger  # noqa: E402
from fupin_desktop.services.context import DB_FILE_NAME, open_context  # noqa: E402
from fupin_desktop.services.errors import ServiceError  # noqa: E402
from fupin_desktop.storage import backups, fpbak  # noqa: E402
from fupin_desktop.storage.backup_export import export_backup  # noqa: E402
from fupin_desktop.storage.database import open_database  # noqa: E402
from fupin_desktop.storage.migrations import MIGRATIONS  # noqa: E402
from fupin_desktop.storage.restore import finish_interrupted, restore_files  # noqa: E402
from tests.services.factories import household_values  # noqa: E402

TODAY = dt.datetime(2020, 6, 15, 9, 30)
PASSPHRASE = "村里的备份口令"
EXTRA_MIGRATION = "9001_crash_test"
fpbak.SCRYPT_LOG2_N = 12  # trials measure crashes, not key stretching


class Reporter:
    def __init__(self, path):
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def __call__(self, *words) -> None:
        os.write(self.fd, (" ".join(str(w) for w in words) + "\n").encode("utf-8"))


def members(rng: random.Random) -> list[dict]:
    def person(relation, name, labour):
        birth = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 70))
        return {"name": name, "id_number": make_id_number("610702", birth, rng.randrange(1000)),
                "relation": relation, "education": "02", "health": "01", "labour": labour}

    people = [person("01", "张三丰", "01"), person("02", "李秀英", "01"), person("03", "张小明", "04")]
    return people[: rng.randint(1, 3)]


def create_household(ctx, rng, report) -> str | None:
    try:
        household_id, _ = households.create_household(
            ctx, household_values(number=f"61{rng.randrange(10**8):08d}"), members(rng), accept_note="核实无误")
    except ServiceError:  # a random ID number met an earlier one: not what these trials are about
        return None
    report("H", household_id)
    return household_id


def edit_some(ctx, rng, report, count: int) -> None:
    for _ in range(count):
        household_id = create_household(ctx, rng, report)
        if household_id is None:
            continue
        for _ in range(rng.randint(0, 4)):
            entry_id, _ = ledger.add_entry(ctx, household_id, date=dt.date(2020, 6, rng.randint(1, 15)),
                                           category=rng.choice(["11", "21", "42", "61"]),
                                           amount_fen=rng.randint(100, 500_000))
            report("L", entry_id)
        if rng.random() < 0.3:
            phone = f"139{rng.randrange(10**8):08d}"
            report("u", household_id, phone)
            households.update_household(ctx, household_id, {"phone": phone}, reason="电话变了",
                                        accept_note="核实无误")
            report("U", household_id, phone)


def job_edit(job, rng, report) -> None:
    ctx = open_context(job["data_dir"], operator="测试员", clock=FixedClock(TODAY))
    edit_some(ctx, rng, report, job.get("operations", 2000))


def job_backup(job, rng, report) -> None:
    clock = FixedClock(dt.datetime.fromisoformat(job["now"]))
    ctx = open_context(job["data_dir"], operator="测试员", clock=clock)
    stick = Path(job["stick"])
    for _ in range(job.get("operations", 50)):
        edit_some(ctx, rng, report, rng.randint(0, 2))
        clock.advance(hours=rng.choice([1, 5, 20, 30, 24 * 6]))
        choice = rng.random()
        if choice < 0.2:
            info = export_backup(ctx.db, stick, scratch_dir=ctx.backups_dir, now=clock.now(),
                                         passphrase=PASSPHRASE if rng.random() < 0.5 else None)
            report("E", info.name)
            continue
        info = backups.create_backup(ctx.db, ctx.backups_dir, reason="auto", now=clock.now(),
                                     passphrase=PASSPHRASE if choice > 0.9 else None)
        report("B", info.name)
        backups.thin_backups(ctx.backups_dir, clock.now(), before_remove=lambda i: report("T", i.name))


def job_restore(job, rng, report) -> None:
    data_dir = Path(job["data_dir"])
    sources = [Path(p) for p in job["sources"]]
    clock = FixedClock(TODAY)
    finish_interrupted(data_dir / DB_FILE_NAME)
    for _ in range(job.get("operations", 50)):
        ctx = open_context(data_dir, operator="测试员", clock=clock)
        edit_some(ctx, rng, report, rng.randint(0, 2))
        ctx.close()
        clock.advance(minutes=1)
        source = rng.choice(sources)
        restore_files(data_dir / DB_FILE_NAME, source, now=clock.now(),
                      passphrase=PASSPHRASE if source.suffix == fpbak.SUFFIX else None)
        report("R", source.name)


def job_migrate(job, rng, report) -> None:
    @MIGRATIONS(name=EXTRA_MIGRATION)
    def _heavy(db):
        db.execute("ALTER TABLE ledger ADD COLUMN crash_copy INTEGER")
        db.execute("UPDATE ledger SET crash_copy = amount_fen")
        db.execute("CREATE TABLE crash_test AS SELECT id, household_id, amount_fen FROM ledger")
        db.execute("CREATE INDEX idx_crash_test ON crash_test(household_id, amount_fen)")

    db = open_database(job["db_path"], backup_dir=job["backup_dir"])
    db.close()
    report("M", "done")


JOBS = {"edit": job_edit, "backup": job_backup, "restore": job_restore, "migrate": job_migrate}


def run_child(job) -> None:
    log = os.open(job["report"] + ".log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(log, 1)
    os.dup2(log, 2)
    code = 0
    try:
        JOBS[job["mode"]](job, random.Random(job["seed"]), Reporter(job["report"]))
    except BaseException:
        import traceback

        traceback.print_exc()
        code = 3
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def warm_up() -> None:
    """Load everything the services import lazily (pypinyin's tables take most of a second), so that a
    forked child starts working at once. Every connection is closed before the first fork."""
    import shutil
    import tempfile

    from fupin_desktop.services.villages import create_village

    folder = tempfile.mkdtemp(prefix="fupin-warm-")
    try:
        ctx = open_context(folder, operator="测试员", clock=FixedClock(TODAY))
        create_village(ctx, {"code": "610702101201", "name": "龙江村", "groups": ("一组",)})
        edit_some(ctx, random.Random(0), lambda *words: None, 2)
        backups.create_backup(ctx.db, ctx.backups_dir, reason="auto", now=TODAY)
        ctx.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def serve() -> None:
    warm_up()
    print("ready", flush=True)
    while True:
        line = sys.stdin.readline()
        if not line:
            return
        if not line.strip():
            continue
        job = json.loads(line)
        pid = os.fork()
        if pid == 0:
            run_child(job)
        print(f"pid {pid}", flush=True)
        if sys.stdin.readline().strip() == "kill":
            os.kill(pid, 9)
        _, status = os.waitpid(pid, 0)
        print(f"exit {pid} {status}", flush=True)


if __name__ == "__main__":
    serve()
