"""The import pipeline, the same on both sides (SYNC.md §3).

1. pre-checks without writing (``precheck``, ``verify``), including idempotency: a bundle id already in the
   import log, or a sequence number already applied for that device, is refused as 已导入过; with several
   files, the next one is read while the current one is applied, and its checks against this database run
   again before it is applied;
2. a dry run: the merge computed in a transaction that is rolled back, so the person sees new / updated /
   unchanged / conflicts / refused per village before saying yes;
3. a backup of the live database;
4. the merge applied in one ``BEGIN IMMEDIATE`` transaction that also writes the import log row, pins the
   device key and records any sequence gap. A big file (a village's whole book) runs with a larger page
   cache and temporary files in memory (``BIG_PRAGMAS``), restored afterwards.
"""

import datetime as dt
import sqlite3
from contextlib import closing, contextmanager, nullcontext
from pathlib import Path

from fupin_desktop.sync import keys as k
from fupin_desktop.sync import overlap, reader_process, verify
from fupin_desktop.sync import versions as vs
from fupin_desktop.sync.errors import AlreadyImported, BundleRefused
from fupin_desktop.sync.merge import MergeReport, merge
from fupin_desktop.sync.payload import no_cycle_collection
from fupin_desktop.sync.precheck import (  # noqa: F401  (the import API: callers import these from here)
    Prepared,
    Secrets,
    _already,
    _gap,
    keyring_for,
    mode_and_org,
    prepare,
    prepared_in_turn,
    source_village_id,
)

KEEP_IMPORT_BACKUPS = 10
BIG_BUNDLE_LINES = 50_000
CACHE_MB = 256
# the pragmas of a big import (set outside the transaction; temp_store cannot change inside one)
BIG_PRAGMAS = {"cache_size": -1024 * CACHE_MB, "temp_store": 2, "temp.cache_size": -1024 * CACHE_MB}


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
    with _cache_for(db, prepared.bundle), reader_process.attached(db, prepared.bundle.payload):
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
    with overlap.busy():
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
    with _cache_for(db, bundle, journal=True), reader_process.attached(db, bundle.payload), no_cycle_collection():
        report, gap = _apply_in_transaction(ctx, prepared)
    ctx._settings = None
    stamp = m["clock"]["max"]
    if stamp:
        ctx.hlc.observe(stamp)
    prepared.report, prepared.applied, prepared.gap = report, True, gap
    return report


@contextmanager
def _cache_for(db, bundle, *, journal: bool = False):
    """For a village's whole book: the indexes being filled stay in memory, and so do the temporary files
    (the book's staging table, the statement journal), which would otherwise be written to disk and back.

    ``journal``: the file is also written with a rollback journal instead of the WAL (``_rollback_journal``)."""
    if bundle.payload.book_lines + len(bundle.payload.changes) <= BIG_BUNDLE_LINES:
        yield
        return
    old = [db.execute(f"PRAGMA {name}").fetchone()[0] for name in BIG_PRAGMAS]
    for name, value in BIG_PRAGMAS.items():
        db.execute(f"PRAGMA {name} = {value}")
    try:
        with _rollback_journal(db) if journal else nullcontext():
            yield
    finally:
        for name, value in zip(BIG_PRAGMAS, old, strict=True):
            db.execute(f"PRAGMA {name} = {value}")


@contextmanager
def _rollback_journal(db):
    """A village's whole book is mostly new pages at the end of the file. With the WAL each page is written
    twice (into the WAL at the commit, into the file at the checkpoint); with a rollback journal a new page
    is written once, and only the pages the import changes are copied into the journal first. Just as safe
    (``synchronous = FULL``: a kill or a power cut rolls the journal back at the next opening), it saves about
    a third of the import's commit. Only when no other connection has the file open (the switch needs it
    alone; otherwise the import stays in the WAL); every opening puts the file back in WAL mode anyway."""
    try:
        mode = db.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.OperationalError:
        mode = "wal"
    try:
        yield
    finally:
        if mode == "delete":
            db.execute("PRAGMA journal_mode = WAL")


def _apply_in_transaction(ctx, prepared: Prepared):
    bundle = prepared.bundle
    m = bundle.manifest
    db = ctx.db
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
        with overlap.busy():
            db.execute("COMMIT")
    except BaseException as exc:
        db.rollback()
        ctx._settings = None
        if isinstance(exc, sqlite3.DatabaseError):
            raise _content_error(exc) from exc
        raise
    return report, gap


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


def _apply_one(ctx, p: Prepared, fresh: Prepared | None = None) -> None:
    """Apply one file (``fresh``: its pre-checks run again, when its payload was let go after the preview)."""
    if fresh is not None:
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
        reader_process.release(p.bundle)  # a village's book is large: let it go as soon as it is applied


def import_files(ctx, paths, secrets: Secrets, *, dry: bool = False, confirm=None, progress=None,
                 make_backup: bool = True) -> list[Prepared]:
    """Check every file, (dry-run,) ask ``confirm(prepared list)``, back up once, apply each in its own transaction.

    ``confirm`` returns True to go on; None means go on without asking (``--yes``): then each file is checked
    and applied in turn. Refused and already-imported files are reported and skipped; the others are applied
    one by one, each all or nothing. The next file is read while one is applied (``precheck.prepared_in_turn``):
    at most two files' payloads are held in memory at a time.
    """
    from fupin_desktop.storage.migrations_sync import ensure_sync_schema

    ensure_sync_schema(ctx.db)
    ring = keyring_for(ctx, secrets)
    prepared, backed_up = [], not make_backup
    paths = [Path(path) for path in paths]
    stage = "apply" if not dry and confirm is None else "dry-run"
    with closing(prepared_in_turn(ctx, paths, secrets, ring=ring)) as checked:
        for i, p in enumerate(checked):
            prepared.append(p)
            if p.ok and stage == "apply":
                if not backed_up:
                    backup(ctx)
                    backed_up = True
                _apply_one(ctx, p)
            elif p.ok:
                dry_run(ctx, p)
                reader_process.release(p.bundle)
            if progress:
                progress(stage, i + 1, len(paths), p.path.name)
    if stage == "apply" or dry or not any(p.ok for p in prepared) or not confirm(prepared):
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
    with closing(prepared_in_turn(ctx, [p.path for p in ready], secrets, ring=ring)) as checked:
        for i, (p, fresh) in enumerate(zip(ready, checked, strict=True)):
            _apply_one(ctx, p, fresh)
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
