"""The import pipeline, the same on both sides (SYNC.md §3).

1. pre-checks without writing (``verify.check``), including idempotency: a bundle id already in the import
   log, or a sequence number already applied for that device, is refused as 已导入过;
2. a dry run: the merge computed in a transaction that is rolled back, so the person sees new / updated /
   unchanged / conflicts / refused per village before saying yes;
3. a backup of the live database;
4. the merge applied in one ``BEGIN IMMEDIATE`` transaction that also writes the import log row, pins the
   device key and records any sequence gap.
"""

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from fupin_desktop.sync import keys as k
from fupin_desktop.sync import verify
from fupin_desktop.sync import versions as vs
from fupin_desktop.sync.errors import AlreadyImported, BundleRefused, KeyProblem, PassphraseNeeded
from fupin_desktop.sync.merge import MergeReport, merge

KEEP_IMPORT_BACKUPS = 10
BIG_BUNDLE_LINES = 50_000
CACHE_MB = 256


@dataclass
class Secrets:
    """Passphrases typed by the person for this session (never stored)."""

    key_passphrase: str | None = None  # the township's private key
    bundle_passphrase: str | None = None  # a passphrase-encrypted bundle
    township: k.TownshipSecrets | None = None  # already unlocked


@dataclass
class Prepared:
    """One file after the pre-checks: ready to merge, or refused with a Chinese reason."""

    path: Path
    bundle: verify.VerifiedBundle | None = None
    error: str = ""
    already: bool = False
    gap: tuple | None = None
    report: MergeReport | None = None
    applied: bool = False

    @property
    def ok(self) -> bool:
        return self.bundle is not None and not self.error


def mode_and_org(ctx) -> tuple[str, str]:
    mode = ctx.settings.mode
    org = ctx.installation("org_code", "") or ""
    if not org and mode == "village":
        codes = [r[0] for r in ctx.db.execute("SELECT code FROM villages WHERE deleted = 0").fetchall()]
        if len(codes) == 1:  # set up by ``fupin demo`` (or an older init) without the installation's code
            org = codes[0]
            ctx.set_installation("org_code", org)
    if not org:
        raise KeyProblem("还没有完成初始设置（区划代码），请先运行 fupin init。")
    return mode, org


def keyring_for(ctx, secrets: Secrets) -> verify.Keyring:
    mode, org = mode_and_org(ctx)
    ring = verify.Keyring(mode=mode, org_code=org, device_id=ctx.device_id, passphrase=secrets.bundle_passphrase)
    if mode == "township":
        unlocked = secrets.township
        if unlocked is None and secrets.key_passphrase:
            unlocked = secrets.township = k.unlock_township(ctx, secrets.key_passphrase)
        if unlocked is not None:
            ring.recipients[verify.recipient_id(unlocked.identity.box)] = unlocked.box_private
        elif (identity := k.township_identity(ctx)) is not None:
            ring.locked.add(verify.recipient_id(identity.box))
        ring.pinned = lambda device: k.pinned_key(ctx.db, device)
        ring.repin_reason = lambda device: k.repin_reason(ctx.db, device)
    else:
        device = k.device_keys(ctx)
        ring.recipients[verify.recipient_id(device.box_public)] = device.box_private
        ring.trusted_township = k.trusted_township(ctx)
    return ring


def _already(db, file_name: str):
    def check(m: dict) -> None:
        row = db.execute("SELECT imported_at FROM sync_imports WHERE bundle_id = ?", [m["bundle_id"]]).fetchone()
        if row is None:
            row = db.execute("SELECT imported_at FROM sync_imports WHERE source_device = ? AND seq = ?",
                             [m["source"]["device"], m["seq"]]).fetchone()
        if row is not None:
            raise AlreadyImported(f"已导入过：{file_name or '这个文件'}（{m['source']['org']} 第 {m['seq']} 号数据包，"
                                  f"{row[0][:16].replace('T', ' ')} 已导入），本次没有任何改动。")
    return check


def _gap(db, m: dict) -> tuple | None:
    seqs = {r[0] for r in db.execute("SELECT seq FROM sync_imports WHERE source_device = ?", [m["source"]["device"]])}
    missing = [s for s in range(1, m["seq"]) if s not in seqs]
    if m["kind"] == "full_snapshot" or not missing:
        return None
    return (missing[0], missing[-1])


def prepare(ctx, path: Path, secrets: Secrets, *, data: bytes | None = None, ring=None) -> Prepared:
    """All pre-checks for one file; never writes. Errors become ``Prepared.error``."""
    path = Path(path)
    result = Prepared(path)
    try:
        if data is None:
            from fupin_desktop.sync.container import read_file

            data, _ = read_file(path)
        ring = ring or keyring_for(ctx, secrets)
        bundle = verify.check(data, ring, verify.table_columns(ctx.db), file_name=path.name,
                              already=_already(ctx.db, path.name))
        if bundle.kind != "township_corrections":
            _check_own_village(ctx.db, bundle)
        result.bundle = bundle
        result.gap = _gap(ctx.db, bundle.manifest)
    except AlreadyImported as exc:
        result.error, result.already = str(exc), True
    except PassphraseNeeded:
        raise
    except BundleRefused as exc:
        result.error = str(exc)
    return result


def source_village_id(db, bundle) -> str | None:
    """The id of the village a village bundle comes from: from its own ``villages`` row, else this database."""
    code = bundle.source["org"]
    for change in bundle.payload.changes:
        if change.tbl == "villages" and change.field == "*" and change.value.get("code") == code:
            return change.row_id
    row = db.execute("SELECT id FROM villages WHERE code = ?", [code]).fetchone()
    return row[0] if row else None


def _check_own_village(db, bundle) -> None:
    """A village bundle may create only its own village and households in it (reads only)."""
    code, village_id = bundle.source["org"], source_village_id(db, bundle)
    for change in bundle.payload.changes:
        if change.field != "*":
            continue
        if change.tbl == "villages" and (change.value.get("code") != code or change.row_id != village_id):
            raise BundleRefused(f"数据包里有其他村的村庄信息（来源村 {code}），已拒绝整个文件。")
        if change.tbl == "households" and change.value.get("village_id") != village_id:
            raise BundleRefused(f"数据包里有不属于来源村 {code} 的贫困户，已拒绝整个文件。")
    own = {c.row_id for c in bundle.payload.changes if c.tbl == "households" and c.field == "*"}
    others = sorted({c.value.get("household_id") for c in bundle.payload.changes if c.field == "*"
                     and isinstance(c.value.get("household_id"), str)} - own)
    for i in range(0, len(others), 500):
        chunk = others[i:i + 500]
        found = db.execute(f"SELECT village_id FROM households WHERE id IN ({','.join('?' * len(chunk))})"
                           " AND village_id != ?", [*chunk, village_id or ""]).fetchone()
        if found is not None:
            raise BundleRefused(f"数据包里有属于其他村贫困户的记录（来源村 {code}），已拒绝整个文件。")


def _authority(bundle: verify.VerifiedBundle) -> int:
    return 1 if bundle.kind == "township_corrections" else 0


def _merge(ctx, prepared: Prepared) -> MergeReport:
    bundle = prepared.bundle
    mode = ctx.settings.mode
    vs.catch_up(ctx.db, 1 if mode == "township" else 0)
    corrections = bundle.kind == "township_corrections"
    return merge(ctx, bundle.payload, authority=_authority(bundle), source=f"{vs.IMPORT_SOURCE}{bundle.bundle_id}",
                 org=bundle.manifest["target"]["org"] if corrections else bundle.source["org"],
                 village_id=None if corrections else source_village_id(ctx.db, bundle))


def _content_error(exc: Exception) -> BundleRefused:
    return BundleRefused(f"数据包内容与本机数据不相容，已整体拒绝，没有写入任何内容（{exc}）。")


def dry_run(ctx, prepared: Prepared) -> MergeReport:
    """The merge computed in a transaction that is rolled back: what the import would do."""
    db = ctx.db
    db.execute("BEGIN IMMEDIATE")
    try:
        prepared.report = _merge(ctx, prepared)
    except sqlite3.DatabaseError as exc:
        raise _content_error(exc) from exc
    finally:
        db.execute("ROLLBACK")
        ctx._settings = None
    return prepared.report


def backup(ctx, label: str = "import") -> Path:
    from fupin_desktop.storage.database import backup_to

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_to(ctx.db, ctx.backups_dir / f"before-{label}-{stamp}.sqlite")
    old = sorted(ctx.backups_dir.glob(f"before-{label}-*.sqlite"))[:-KEEP_IMPORT_BACKUPS]
    for path in old:
        path.unlink(missing_ok=True)
    return target


def apply(ctx, prepared: Prepared) -> MergeReport:
    """Merge one checked bundle in one ``BEGIN IMMEDIATE`` transaction together with its import log row."""
    bundle = prepared.bundle
    m = bundle.manifest
    db = ctx.db
    big = len(bundle.payload.ledger) + len(bundle.payload.changes) > BIG_BUNDLE_LINES
    old_cache = db.execute("PRAGMA cache_size").fetchone()[0]
    if big:  # a village's whole book: keep the indexes being filled in memory (as the bulk loader does)
        db.execute(f"PRAGMA cache_size = {-1024 * CACHE_MB}")
    db.execute("BEGIN IMMEDIATE")
    try:
        _already(db, prepared.path.name)(m)  # another window may have imported it meanwhile
        gap = _gap(db, m)
        if ctx.settings.mode == "township":
            source = m["source"]
            k.pin(db, source["device"], source["org"], source["signing_key"], ctx.operator, source.get("box_key", ""))
        report = _merge(ctx, prepared)
        if bundle.kind == "township_corrections":
            _record_acks(db, bundle)
        _log_import(ctx, bundle, report, gap)
        db.execute("COMMIT")
    except BaseException as exc:
        db.rollback()
        ctx._settings = None
        if isinstance(exc, sqlite3.DatabaseError):
            raise _content_error(exc) from exc
        raise
    finally:
        if big:
            db.execute(f"PRAGMA cache_size = {old_cache}")
    ctx._settings = None
    stamp = m["clock"]["max"]
    if stamp:
        ctx.hlc.observe(stamp)
    prepared.report, prepared.applied, prepared.gap = report, True, gap
    return report


def _log_import(ctx, bundle, report: MergeReport, gap) -> None:
    import json

    m = bundle.manifest
    ctx.db.execute(
        "INSERT INTO sync_imports (bundle_id, kind, source_org, source_device, seq, prev_seq, gap_from, gap_to,"
        " file_name, file_sha256, imported_at, operator, max_stamp, report) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [m["bundle_id"], m["kind"], m["source"]["org"], m["source"]["device"], m["seq"], m["prev_seq"],
         gap[0] if gap else None, gap[1] if gap else None, bundle.file_name, bundle.file_sha256,
         dt.datetime.now().isoformat(timespec="seconds"), ctx.operator, m["clock"]["max"],
         json.dumps(report.to_json(), ensure_ascii=False)])


def _record_acks(db, bundle) -> None:
    for bundle_id, _device, _seq, refused, conflicts in bundle.payload.acks:
        db.execute("INSERT INTO sync_acks (bundle_id, acked_in, refused, conflicts) VALUES (?,?,?,?)"
                   " ON CONFLICT(bundle_id) DO UPDATE SET refused = excluded.refused, conflicts = excluded.conflicts",
                   [bundle_id, bundle.bundle_id, refused, conflicts])
        db.execute("UPDATE sync_exports SET acked_at = coalesce(acked_at, ?) WHERE bundle_id = ?",
                   [dt.datetime.now().isoformat(timespec="seconds"), bundle_id])
    for tbl, row_id, name, stamp, reason in bundle.payload.refusals:
        db.execute("INSERT INTO sync_refused (tbl, row_id, field, stamp, device, reason) VALUES (?,?,?,?,?,?)"
                   " ON CONFLICT DO NOTHING", [tbl, row_id, name, stamp, stamp.split(".", 2)[2], reason])


def _apply_one(ctx, p: Prepared, secrets: Secrets, ring, *, recheck: bool) -> None:
    """Apply one file (re-running the pre-checks on it first when its payload was let go after the preview)."""
    if recheck:
        fresh = prepare(ctx, p.path, secrets, ring=ring)
        if not fresh.ok:
            p.error, p.already = fresh.error, fresh.already
            return
        p.bundle = fresh.bundle
    try:
        apply(ctx, p)
    except AlreadyImported as exc:
        p.error, p.already = str(exc), True
    except BundleRefused as exc:
        p.error = str(exc)
    finally:
        if p.bundle is not None:
            p.bundle.payload = None  # a village's book is large: keep one file's payload in memory at a time


def import_files(ctx, paths, secrets: Secrets, *, dry: bool = False, confirm=None, progress=None,
                 make_backup: bool = True) -> list[Prepared]:
    """Check every file, (dry-run,) ask ``confirm(prepared list)``, back up once, apply each in its own transaction.

    ``confirm`` returns True to go on; None means go on without asking (``--yes``): then each file is checked
    and applied in turn. Refused and already-imported files are reported and skipped; the others are applied
    one by one, each all or nothing. Only one file's payload is held in memory at a time.
    """
    from fupin_desktop.storage.migrations_sync import ensure_sync_schema

    ensure_sync_schema(ctx.db)
    ring = keyring_for(ctx, secrets)
    prepared, backed_up = [], not make_backup
    if not dry and confirm is None:
        for i, path in enumerate(paths):
            p = prepare(ctx, Path(path), secrets, ring=ring)
            prepared.append(p)
            if p.ok:
                if not backed_up:
                    backup(ctx)
                    backed_up = True
                _apply_one(ctx, p, secrets, ring, recheck=False)
            if progress:
                progress("apply", i + 1, len(paths), Path(path).name)
        return prepared
    for i, path in enumerate(paths):
        p = prepare(ctx, Path(path), secrets, ring=ring)
        prepared.append(p)
        if p.ok:
            dry_run(ctx, p)
            p.bundle.payload = None
        if progress:
            progress("dry-run", i + 1, len(paths), Path(path).name)
    if dry or not any(p.ok for p in prepared) or not confirm(prepared):
        return prepared
    apply_checked(ctx, prepared, secrets, ring=ring, make_backup=make_backup, progress=progress)
    return prepared


def apply_checked(ctx, prepared: list[Prepared], secrets: Secrets, *, ring=None, make_backup: bool = True,
                  progress=None) -> set[str]:
    """After the person confirmed the preview: back up once, re-check and apply each file. Returns households."""
    ring = ring or keyring_for(ctx, secrets)
    ready = [p for p in prepared if p.ok]
    if ready and make_backup:
        backup(ctx)
    households: set[str] = set()
    for i, p in enumerate(ready):
        _apply_one(ctx, p, secrets, ring, recheck=True)
        if p.applied:
            households |= p.report.household_ids
        if progress:
            progress("apply", i + 1, len(ready), p.path.name)
    return households


def preview_files(ctx, paths, secrets: Secrets, *, progress=None) -> list[Prepared]:
    """For the window: every pre-check and the dry run of each file; nothing is written."""
    return import_files(ctx, paths, secrets, dry=True,
                        progress=(lambda _stage, done, total, _name: progress(done, total)) if progress else None)


def apply_prepared(ctx, prepared: list[Prepared], secrets: Secrets, *, progress=None):
    """For the window, after the person confirmed the preview. Returns (prepared, Changes) so the views refresh
    from the one ``changed`` signal."""
    from fupin_desktop.services.changes import Changes
    from fupin_desktop.storage import tables as t

    households = apply_checked(ctx, prepared, secrets,
                               progress=(lambda _stage, done, total, _name: progress(done, total)) if progress else None)
    applied = [p for p in prepared if p.applied]
    return prepared, Changes(op_id=applied[0].bundle.bundle_id if applied else "",
                             tables=frozenset(t.SYNCABLE) if applied else frozenset(),
                             household_ids=frozenset(households))
