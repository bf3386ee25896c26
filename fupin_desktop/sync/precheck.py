"""Pre-checks of bundle files against this installation (SYNC.md §3.1–3.2), without writing anything.

``prepare`` runs every check of one file: ``verify`` (container, manifest, addressing, signature and pinned
key, already imported, decryption, every line: each attachment's content against its SHA-256 and size), then
that a village bundle only holds its own village's records, that every attachment link has its content (in
the bundle or here) and every content in the bundle a link, and any gap in the device's sequence numbers.

``prepared_in_turn`` prepares a list of files for an import that applies them one by one: while the caller
applies a file, the next ones are read, a big one by a worker process (``reader_process``), any other in a
thread (``overlap``). The checks that depend on this database run
in the importing thread, once before the read and again just before the file is handed over (the file
before it may have been applied meanwhile: pinned a device key, or been the same bundle).
"""

from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from fupin_desktop.storage import tables as t
from fupin_desktop.sync import keys as k
from fupin_desktop.sync import overlap, verify
from fupin_desktop.sync.errors import AlreadyImported, BundleRefused, KeyProblem, PassphraseNeeded


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
    report: object = None  # merge.MergeReport, after a dry run or the import
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
        _finish(ctx, result, verify.check(data, ring, verify.table_columns(ctx.db), file_name=path.name,
                                          already=_already(ctx.db, path.name)))
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
    """A village bundle may create only its own village and households in it, and add records and book
    entries only to those households (reads only)."""
    code, village_id = bundle.source["org"], source_village_id(db, bundle)
    for change in bundle.payload.changes:
        if change.field != "*":
            continue
        if change.tbl == "villages" and (change.value.get("code") != code or change.row_id != village_id):
            raise BundleRefused(f"数据包里有其他村的村庄信息（来源村 {code}），已拒绝整个文件。")
        if change.tbl == "households" and change.value.get("village_id") != village_id:
            raise BundleRefused(f"数据包里有不属于来源村 {code} 的贫困户，已拒绝整个文件。")
    own = {c.row_id for c in bundle.payload.changes if c.tbl == "households" and c.field == "*"}
    linked = {c.value.get("household_id") for c in bundle.payload.changes if c.field == "*"
              and isinstance(c.value.get("household_id"), str)}
    others = sorted((linked | bundle.payload.ledger_households) - own)
    for i in range(0, len(others), 500):
        chunk = others[i:i + 500]
        found = db.execute(f"SELECT village_id FROM households WHERE id IN ({','.join('?' * len(chunk))})"
                           " AND village_id != ?", [*chunk, village_id or ""]).fetchone()
        if found is not None:
            raise BundleRefused(f"数据包里有属于其他村贫困户的记录（来源村 {code}），已拒绝整个文件。")
    _check_own_helpers(db, bundle, village_id)


def _check_own_helpers(db, bundle, village_id: str | None) -> None:
    """New records of a helper (驻村 attendance) only for the village's own helpers: created in this bundle, or
    paired with one of the village's households (in this bundle or here)."""
    code = bundle.source["org"]
    children = {tbl: column for tbl, (column, parent) in t.PARENTS.items() if parent == t.HELPERS}
    wanted = {c.value.get(children[c.tbl]) for c in bundle.payload.changes
              if c.field == "*" and c.tbl in children}
    if not wanted:
        return
    own = {c.row_id for c in bundle.payload.changes if c.tbl == t.HELPERS and c.field == "*"}
    own |= {c.value.get("helper_id") for c in bundle.payload.changes if c.tbl == t.PAIRINGS and c.field == "*"}
    rest = sorted(h for h in wanted - own if isinstance(h, str))
    for i in range(0, len(rest), 500):
        chunk = rest[i:i + 500]
        own |= {r[0] for r in db.execute(
            f"SELECT DISTINCT p.helper_id FROM {t.PAIRINGS} p JOIN {t.HOUSEHOLDS} h ON h.id = p.household_id"
            f" WHERE p.helper_id IN ({','.join('?' * len(chunk))}) AND h.village_id = ?", [*chunk, village_id or ""])}
    if wanted - own:
        raise BundleRefused(f"数据包里有不属于来源村 {code} 的帮扶干部的驻村记录，已拒绝整个文件。")


def _check_attachment_blobs(db, bundle) -> None:
    """Every attachment link the bundle writes names content that is in the bundle or already here, the bundle
    carries no content that none of its links names, and the manifest counted the contents (reads only)."""
    from fupin_desktop.storage import blobs
    from fupin_desktop.sync.manifest import HEX64_RE
    from fupin_desktop.sync.payload import BLOB_COUNT

    carried = bundle.payload.blobs
    if bundle.manifest["counts"].get(BLOB_COUNT, 0) != len(carried):
        raise BundleRefused("数据包里的附件个数与说明不符，已拒绝整个文件。")
    needed: dict[str, str] = {}  # sha256 -> a file name that needs it
    for change in bundle.payload.changes:
        if change.tbl != t.ATTACHMENTS or change.field not in ("*", "sha256"):
            continue
        sha = change.value.get("sha256") if change.field == "*" else change.value
        if not isinstance(sha, str) or not HEX64_RE.fullmatch(sha):
            raise BundleRefused("数据包里有附件记录的校验值格式不对，已拒绝整个文件。")
        name = change.value.get("file_name") if change.field == "*" else ""
        needed.setdefault(sha, name if isinstance(name, str) else "")
    if set(carried) - set(needed):
        raise BundleRefused("数据包里有不属于任何附件记录的文件内容，已拒绝整个文件。")
    missing = set(needed) - set(carried)
    missing -= blobs.present(db, missing)
    if missing:
        sha = min(missing)
        raise BundleRefused(f"数据包里的附件“{needed[sha] or sha[:12]}”缺少文件内容（本机也没有），已拒绝整个文件。")


def _finish(ctx, result: Prepared, bundle: verify.VerifiedBundle) -> None:
    if bundle.kind != "township_corrections":
        _check_own_village(ctx.db, bundle)
    _check_attachment_blobs(ctx.db, bundle)
    result.bundle = bundle
    result.gap = _gap(ctx.db, bundle.manifest)


def prepared_in_turn(ctx, paths, secrets: Secrets, *, ring=None):
    """``prepare`` of each file, in order, as a generator; from the second file on, each file is read while
    the caller works on the one before (two files' payloads are in memory at a time): a big one
    (``reader_process.PROCESS_LINES`` lines or more) by a worker process, whose book rows wait in a staging
    file, any other in a thread."""
    from fupin_desktop.sync import reader_process as rp

    paths = [Path(p) for p in paths]
    ring = ring or keyring_for(ctx, secrets)
    folder = ctx.data_dir / rp.FOLDER
    rp.clear_staging(ctx.data_dir)  # staging files left by an import that was killed
    if len(paths) < 2:
        for path in paths:
            yield prepare(ctx, path, secrets, ring=ring)
        return
    columns = verify.table_columns(ctx.db)
    workers: list = []  # the worker processes, started for the first big file
    with ThreadPoolExecutor(1, thread_name_prefix="fupin-read") as reader, overlap.using(overlap.Window()) as window:
        def start(n: int, path: Path, *, process: bool = True):
            result = Prepared(path)
            try:
                from fupin_desktop.sync.container import read_file

                data, _ = read_file(path)
                opened = verify.open_bundle(data, ring, file_name=path.name, already=_already(ctx.db, path.name))
            except AlreadyImported as exc:
                result.error, result.already = str(exc), True
            except BundleRefused as exc:
                result.error = str(exc)
            else:
                if process and opened.manifest["profile"]["lines"] >= rp.PROCESS_LINES:
                    future = _submit(workers, ctx.data_dir, opened, columns, folder / f"{n}.sqlite")
                    if future is not None:
                        return result, opened, future, True
                return result, opened, reader.submit(verify.read_payload, opened, columns, pause=window.wait), False
            return result, None, None, False

        def finish(result: Prepared, opened, future, in_process: bool) -> Prepared:
            if future is None:
                return result
            try:
                if in_process:
                    bundle = _from_worker(future)
                    if bundle is None:  # the worker process broke off: this file is read here instead
                        bundle = verify.read_payload(opened, columns)
                else:
                    with window.opened():
                        bundle = future.result()
                verify.recheck(opened, ring, _already(ctx.db, result.path.name))
                bundle.pin = opened.pin
                _finish(ctx, result, bundle)
            except AlreadyImported as exc:
                result.error, result.already = str(exc), True
            except BundleRefused as exc:
                result.error = str(exc)
            if result.error and result.bundle is None and in_process:
                _forget(future)
            return result

        # The first file is read by the thread (a worker process is still starting) while a worker reads the
        # second; once the first is handed over, as many files are read ahead as there are workers (on two
        # cores, a third reader at the start would only slow down the first file, which everything waits for).
        pending = deque([start(0, paths[0], process=False), start(1, paths[1])])
        following = 2
        try:
            for _ in range(len(paths)):
                current = finish(*pending.popleft())
                while len(pending) < rp.WORKERS and following < len(paths):
                    pending.append(start(following, paths[following]))
                    following += 1
                yield current
        finally:
            for _result, _opened, future, in_process in pending:
                if future is not None and in_process:
                    future.cancel()
                    _forget(future)
            for worker in workers:
                worker.shutdown(wait=True, cancel_futures=True)
            if workers:
                rp.clear_staging(ctx.data_dir)


def _submit(workers: list, data_dir: Path, opened, columns: dict, path: Path):
    """Hand a decrypted big file to the worker process (started on first use); None if it cannot take it."""
    from concurrent.futures.process import BrokenProcessPool

    from fupin_desktop.sync import reader_process as rp

    if not workers:
        (data_dir / rp.FOLDER).mkdir(parents=True, exist_ok=True)
        workers.append(rp.pool())
    light = verify.Opened(opened.manifest, None, opened.plaintext, opened.file_sha256, opened.file_name, opened.pin)
    try:
        return workers[0].submit(rp.read_in_worker, light, columns, str(path))
    except (BrokenProcessPool, RuntimeError, OSError):
        return None


def _from_worker(future):
    """The worker's ``VerifiedBundle``; None when the worker failed for a reason of its own (its process
    broke off, its staging file could not be written: a full disk, …): then the caller reads the file in this
    process. A refusal of the file (``BundleRefused``) is raised as it is."""
    try:
        return future.result()
    except BundleRefused:
        raise
    except Exception:  # noqa: BLE001 (whatever stopped the worker, this process can still read the file)
        return None


def _forget(future) -> None:
    """The staging file of a bundle read by the worker but not handed over (refused, or the import stopped)."""
    from fupin_desktop.sync import reader_process as rp

    if future.done() and not future.cancelled() and future.exception() is None:
        rp.release(future.result())
