"""A small sync world for tests: a township with its key pair, villages that trust it, bundles between them."""

import datetime as dt
import hashlib
import shutil
import uuid
from pathlib import Path

from fupin_desktop.domain.clock import FixedClock
from fupin_desktop.services.context import open_context
from fupin_desktop.services.settings import set_setting
from fupin_desktop.services.villages import create_village
from fupin_desktop.storage import tables as t
from fupin_desktop.storage.migrations_sync import ensure_sync_schema
from fupin_desktop.sync import export, importer
from fupin_desktop.sync import keys as k

TOWNSHIP_CODE = "610702101"
VILLAGE_CODE = "610702101201"
PASSPHRASE = "township-secret-1"
TODAY = dt.datetime(2020, 6, 15, 9, 30)
DOMAIN_TABLES = (t.VILLAGES, t.HOUSEHOLDS, t.MEMBERS, t.HELPERS, t.PAIRINGS, t.LEDGER, t.MEASURES, t.VISITS,
                 t.EXIT_STEPS, t.SETTINGS, t.POVERTY_LINES, t.ATTACHMENTS, t.ATTACHMENT_BLOBS, t.ATTENDANCE)
SYNC_TABLES = {"sync_conflicts": "id, tbl, row_id, field, heads, provisional, status",
               "sync_duplicates": "id, id_number, member_a, member_b, status",
               "sync_held": "tbl, row_id, field, stamp, waiting_tbl, waiting_id",
               "sync_refused": "tbl, row_id, field, stamp, reason",
               "sync_versions": "tbl, row_id, field, stamp, bases, value, device, authority"}


def open_ctx(path: Path, operator: str = "测试员"):
    ctx = open_context(path, operator=operator, clock=FixedClock(TODAY))
    ensure_sync_schema(ctx.db)
    return ctx


def make_township(path: Path):
    ctx = open_ctx(path, "乡镇员")
    ctx.set_installation("org_code", TOWNSHIP_CODE)
    ctx.set_installation("org_name", "龙江镇")
    set_setting(ctx, "mode", "township")
    identity = k.create_township_key(ctx, PASSPHRASE, PASSPHRASE)
    return ctx, identity


def make_village(path: Path, identity=None, code: str = VILLAGE_CODE, households: int = 3, ledger: int = 5,
                 id_base: str = "6107021980"):
    """A village with ``households`` households of two members and ``ledger`` book entries each."""
    from fupin_desktop.storage.bulk import BulkLoader

    ctx = open_ctx(path, "村干部")
    village_id, _ = create_village(ctx, {"code": code, "name": f"村{code[-3:]}", "rural_population": 900,
                                         "groups": ("一组", "二组")})
    ctx.set_installation("org_code", code)
    ctx.set_installation("org_name", f"村{code[-3:]}")
    with BulkLoader(ctx.db, ctx.hlc, "村干部", "test") as loader:
        for i in range(households):
            hid = str(uuid.uuid4())
            loader.add(t.HOUSEHOLDS, {"id": hid, "village_id": village_id, "number": f"{code}{i:04d}",
                                      "village_group": "一组", "main_cause": "1", "planned_exit_year": 2020,
                                      "exit_status": "0", "phone": "13800000000"})
            for j, relation in enumerate(("01", "02")):
                number = f"{id_base}{i:02d}{j:02d}01{j}"[:17]
                loader.add(t.MEMBERS, {"id": str(uuid.uuid4()), "household_id": hid, "name": f"王{i}号{j}",
                                       "id_number": number + "X", "relation": relation, "seq": j})
            loader.add_ledger_rows([(str(uuid.uuid4()), hid, f"2020-0{1 + n % 5}-1{n % 9}", "11", 1000 + n, None,
                                     "", f"记账{n}", "村干部", "") for n in range(ledger)])
    from fupin_desktop.services.derived import refresh

    with ctx.db.atomic():
        refresh(ctx)
    if identity is not None:
        k.trust_township(ctx, identity)
    return ctx


def export_to(ctx, folder: Path, secrets=None, **kwargs):
    folder.mkdir(parents=True, exist_ok=True)
    if ctx.settings.mode == "township":
        return export.export_corrections(ctx, folder, secrets or importer.Secrets(key_passphrase=PASSPHRASE),
                                         **kwargs)
    return export.export_changes(ctx, folder, **kwargs)


def import_into(ctx, paths, *, secrets=None, **kwargs):
    secrets = secrets or importer.Secrets(key_passphrase=PASSPHRASE)
    kwargs.setdefault("make_backup", False)
    return importer.import_files(ctx, [Path(p) for p in paths], secrets, **kwargs)


def copy_installation(source: Path, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("backups"))
    return target


def new_device(ctx) -> None:
    """Make a copied village installation a different device (as if set up on a second laptop)."""
    from fupin_desktop.domain.clock import HybridClock

    device = uuid.uuid4().hex[:12]
    ctx.set_installation("device_id", device)
    ctx.db.execute("DELETE FROM installation WHERE key = ?", [k.DEVICE_KEY])
    ctx.db.execute("DELETE FROM sync_exports")
    ctx.hlc = HybridClock(device, last=ctx.hlc.tick())


def db_sha256(ctx) -> str:
    ctx.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return hashlib.sha256(ctx.db_path.read_bytes()).hexdigest()


def dump(ctx, *, sync: bool = True) -> dict:
    """Everything that must be equal between two installations that know the same changes."""
    data = {}
    for table in DOMAIN_TABLES:
        data[table] = sorted(map(tuple, ctx.db.execute(f"SELECT * FROM {table}").fetchall()), key=repr)
    if sync:
        for table, columns in SYNC_TABLES.items():
            data[table] = sorted(map(tuple, ctx.db.execute(f"SELECT {columns} FROM {table}").fetchall()), key=repr)
    return data


def household_ids(ctx) -> list[str]:
    return [r[0] for r in ctx.db.execute(f"SELECT id FROM {t.HOUSEHOLDS} ORDER BY number")]
