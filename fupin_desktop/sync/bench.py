"""``fupin bench sync``: USB sync speed (QUALITY.md S7, S8), each figure next to its goal.

1. Full village export (S7, goal ≤ 5 s): the demo ``village`` (500 households, 3 years of books), first export.
2. A day's incremental export (S7, goal ≤ 1 s): after a day of typing (household and member edits, book
   entries), the next export.
3. Township import of 20 village bundles (S8, goal ≤ 60 s) against an anchor measured in the same run: a raw
   ``executemany`` of the same rows into a fresh database with the same schema (triggers included) and the
   pragmas the import of a large bundle runs with (256 MB page cache, temporary files in memory), one
   transaction per village (goal ≤ 3×). For reference, the floor: the same rows through a temporary table
   and one ``INSERT … SELECT`` per table, as the import applies the daily book (month sums added once per
   book, ``ledger_lines.apply_staged``). The 20 bundles are cut from
   the demo ``township`` (20 villages, 1 year of books), one device key per village. The import reads the
   villages' books in worker processes (``reader_process``) while it applies the previous file; the anchor
   and the floor run in this process only, with the rows already read.
"""

import datetime as dt
import shutil
import sqlite3
import time
from pathlib import Path

from fupin_desktop.domain.clock import FixedClock
from fupin_desktop.storage import tables as t

BENCH_TODAY = dt.datetime(2020, 6, 30, 18, 0)
PASSPHRASE = "bench-township-key"
GOALS = {"full": 5.0, "incremental": 1.0, "township": 60.0, "ratio": 3.0}


def _load() -> str:
    """The machine's load average: on a shared machine, wall time is only comparable next to it."""
    import os

    try:
        return f"负载 {os.getloadavg()[0]:.1f}"
    except (AttributeError, OSError):
        return "负载未知"


def _fresh_dir(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def _context(path: Path, operator: str):
    from fupin_desktop.services.context import open_context
    from fupin_desktop.storage.migrations_sync import ensure_sync_schema

    ctx = open_context(_fresh_dir(path), operator=operator, clock=FixedClock(BENCH_TODAY))
    ensure_sync_schema(ctx.db)
    return ctx


def _township(path: Path, org_code: str):
    from fupin_desktop.services.settings import set_setting
    from fupin_desktop.sync import keys as k

    ctx = _context(path, "乡镇员")
    ctx.set_installation("org_code", org_code)
    set_setting(ctx, "mode", "township")
    identity = k.create_township_key(ctx, PASSPHRASE, PASSPHRASE)
    return ctx, identity, k.unlock_township(ctx, PASSPHRASE)


def _demo(ctx, size: str, ledger_years=None) -> None:
    from fupin_desktop.services import demo
    from fupin_desktop.services.derived import refresh

    demo.generate(ctx.db, size=size, seed=2020, today=BENCH_TODAY.date(), hlc=ctx.hlc, ledger_years=ledger_years)
    with ctx.db.atomic():
        refresh(ctx)


def _a_day_of_work(ctx) -> None:
    """Roughly what one village types in a day: 20 household edits, 20 member edits, 200 book entries."""
    households = [r[0] for r in ctx.db.execute(f"SELECT id FROM {t.HOUSEHOLDS} ORDER BY id LIMIT 20")]
    members = [r[0] for r in ctx.db.execute(f"SELECT id FROM {t.MEMBERS} ORDER BY id LIMIT 20")]
    with ctx.write() as w:
        for n, hid in enumerate(households):
            w.update(t.HOUSEHOLDS, hid, {"phone": f"1390000{n:04d}", "warnings_note": "走访核实"})
        for n, mid in enumerate(members):
            w.update(t.MEMBERS, mid, {"work_months": n % 12})
        for n in range(200):
            w.append_ledger({"household_id": households[n % len(households)], "date": "2020-06-30",
                             "category": "11", "amount_fen": 1000 + n, "note": "日结工资"})


def _village_figures(work: Path, out) -> dict:
    from fupin_desktop.sync import export
    from fupin_desktop.sync import keys as k

    out("生成演示村（500户、3年账本）……")
    township, identity, _ = _township(work / "v-township", "610702100")
    village = _context(work / "village", "村干部")
    _demo(village, "village")
    code = village.db.execute(f"SELECT code FROM {t.VILLAGES}").fetchone()[0]
    village.set_installation("org_code", code)
    k.trust_township(village, identity)
    stick = _fresh_dir(work / "stick")
    ledger = village.db.execute(f"SELECT count(*) FROM {t.LEDGER}").fetchone()[0]
    start, cpu = time.perf_counter(), time.process_time()
    full = export.export_changes(village, stick)
    full_seconds, full_cpu = time.perf_counter() - start, time.process_time() - cpu
    out(f"  全村首次导出：{full_seconds:.2f} 秒（目标 ≤ {GOALS['full']:.0f} 秒；本进程CPU {full_cpu:.2f} 秒，{_load()}）；"
        f"{full.lines} 行，其中账目 {ledger}，{full.size / 1024 / 1024:.1f} MB")
    _a_day_of_work(village)
    start, cpu = time.perf_counter(), time.process_time()
    day = export.export_changes(village, stick)
    day_seconds, day_cpu = time.perf_counter() - start, time.process_time() - cpu
    out(f"  一天的增量导出：{day_seconds:.3f} 秒（目标 ≤ {GOALS['incremental']:.0f} 秒）；{day.lines} 行")
    village.close()
    township.close()
    return {"full_export_s": full_seconds, "full_export_cpu_s": full_cpu, "full_lines": full.lines,
            "full_mb": full.size / 1024 / 1024, "incremental_export_s": day_seconds, "incremental_cpu_s": day_cpu,
            "incremental_lines": day.lines}


def _cut_bundles(source, identity, folder: Path) -> tuple[list[Path], dict]:
    """One bundle per demo village, each signed by its own (new) device key; rows for the anchor."""
    from fupin_desktop.sync import crypto
    from fupin_desktop.sync import versions as vs
    from fupin_desktop.sync.export import _ledger_body, _version_lines, _village_scope
    from fupin_desktop.sync.verify import recipient_id
    from fupin_desktop.sync.writer import Recipient, seal, write_to_stick

    db = source.db
    with db.atomic():
        vs.catch_up(db, 0)
    paths, villages = [], db.execute(f"SELECT id, code FROM {t.VILLAGES} ORDER BY code").fetchall()
    for n, (village_id, code) in enumerate(villages, 1):
        keep, _households = _village_scope(db, village_id)
        lines, counts, stamps = _version_lines(
            db, source.device_id, "",
            lambda tbl, row_id, keep=keep: tbl not in (t.SETTINGS, t.POVERTY_LINES) and keep(tbl, row_id))
        ledger, ledger_count, ledger_stamps = _ledger_body(db, source.device_id, "", village_id)
        counts[t.LEDGER] = ledger_count
        sign_private, _ = crypto.ed25519_generate()
        _, box_public = crypto.x25519_generate()
        device = f"bench{n:02d}"
        body = lines + ledger
        sealed = seal(b"\n".join(body), line_total=len(lines) + ledger_count, kind="full_snapshot", target_org=identity.org_code, seq=1, prev_seq=0,
                      source={"org": code, "role": "village", "device": device, "box_key": crypto.b64(box_public)},
                      counts=counts, clock=(min(stamps + ledger_stamps), max(stamps + ledger_stamps)),
                      recipients=[Recipient(recipient_id(identity.box), identity.box)], passphrase=None,
                      signing_private=sign_private, scope="full")
        paths.append(write_to_stick(folder, f"up_{code}_{device}_1.fpb", sealed))
    return paths, {}


def _anchor(source_path: Path, target: Path, villages: list[str], *, staged: bool = False) -> tuple[float, int]:
    """Seconds of raw executemany + COMMIT of the bundles' rows (one transaction per village), into the same
    schema (migrations, triggers included) with the pragmas the import of a big bundle runs with.

    ``staged``: the floor instead: each table's rows go into a temporary table by ``executemany`` and into
    the real one by a single ``INSERT … SELECT``, as the import does with the daily book (whose month sums
    it also adds once for the village's book, as the import does, instead of by the trigger row by row)."""
    from fupin_desktop.storage.database import open_database
    from fupin_desktop.sync import ledger_lines
    from fupin_desktop.sync.importer import BIG_PRAGMAS

    _fresh_dir(target.parent)
    open_database(target).close()
    read = sqlite3.connect(str(source_path))
    write = sqlite3.connect(str(target), isolation_level=None)
    for pragma in ("foreign_keys = ON", "journal_mode = WAL", "synchronous = FULL",
                   *(f"{name} = {value}" for name, value in BIG_PRAGMAS.items())):
        write.execute(f"PRAGMA {pragma}")
    seconds, rows = 0.0, 0
    scopes = {
        t.VILLAGES: "id = ?", t.HOUSEHOLDS: "village_id = ?",
        t.HELPERS: f"id IN (SELECT helper_id FROM {t.PAIRINGS} p JOIN {t.HOUSEHOLDS} h ON h.id = p.household_id"
                   " WHERE h.village_id = ?)",
    }
    for table in (t.MEMBERS, t.PAIRINGS, t.MEASURES, t.VISITS, t.EXIT_STEPS, t.LEDGER):
        scopes[table] = f"household_id IN (SELECT id FROM {t.HOUSEHOLDS} WHERE village_id = ?)"
    order = (t.VILLAGES, t.HELPERS, t.HOUSEHOLDS, t.MEMBERS, t.PAIRINGS, t.MEASURES, t.VISITS, t.EXIT_STEPS, t.LEDGER)
    try:
        for village_id in villages:
            batches = []
            for table in order:
                cursor = read.execute(f"SELECT * FROM {table} WHERE {scopes[table]}", [village_id])
                names = ", ".join(d[0] for d in cursor.description)
                marks = ", ".join("?" * len(cursor.description))
                into = f"temp.anchor_{table}" if staged else table
                sql = f"INSERT INTO {into} ({names}) VALUES ({marks})" + ("" if staged else " ON CONFLICT(id) DO NOTHING")
                batches.append((table, names, sql, cursor.fetchall()))
            began = time.perf_counter()
            write.execute("BEGIN")
            for table, names, sql, chunk in batches:
                if staged:
                    write.execute(f"CREATE TEMP TABLE anchor_{table} ({names})")
                write.executemany(sql, chunk)
                if staged:
                    move = (f"INSERT INTO {table} ({names}) SELECT {names} FROM temp.anchor_{table}"
                            " WHERE true ORDER BY rowid ON CONFLICT(id) DO NOTHING")
                    if table == t.LEDGER:  # as the import: the month sums once, not by the trigger
                        ledger_lines.apply_staged(write, move, fold=len(chunk) >= ledger_lines.FOLD_ROWS)
                    else:
                        write.execute(move)
                    write.execute(f"DROP TABLE temp.anchor_{table}")
                rows += len(chunk)
            write.execute("COMMIT")
            seconds += time.perf_counter() - began
    finally:
        read.close()
        write.close()
        shutil.rmtree(target.parent, ignore_errors=True)  # only its time matters: give the disk back (gigabytes)
    return seconds, rows


def _township_figures(work: Path, out, ledger_years=None, *, reuse: bool = False) -> dict:
    """``reuse``: take the source, bundles and township key of an earlier run in ``work`` (development aid)."""
    from fupin_desktop.sync import keys as k
    from fupin_desktop.sync.importer import Secrets, import_files

    if reuse and (work / "bundles").is_dir() and len(list((work / "bundles").glob("*.fpb"))) == 20:
        from fupin_desktop.services.context import open_context

        source = open_context(work / "source", clock=FixedClock(BENCH_TODAY))
        old = open_context(work / "township")
        stored, org = old.installation(k.TOWNSHIP_KEY), old.installation("org_code")
        old.close()
        township = _context(work / "township-again", "乡镇员")
        township.set_installation("org_code", org)
        township.set_installation(k.TOWNSHIP_KEY, stored)
        from fupin_desktop.services.settings import set_setting

        set_setting(township, "mode", "township")
        unlocked = k.unlock_township(township, PASSPHRASE)
        paths = sorted((work / "bundles").glob("*.fpb"))
    else:
        out("生成演示乡镇（20个村，各500户、1年账本）……")
        source = _context(work / "source", "演示数据")
        _demo(source, "township", ledger_years)
        org = source.db.execute(f"SELECT substr(code, 1, 9) FROM {t.VILLAGES} LIMIT 1").fetchone()[0]
        township, identity, unlocked = _township(work / "township", org)
        out("切分为20个村的数据包……")
        paths, _ = _cut_bundles(source, identity, _fresh_dir(work / "bundles"))
    villages = [r[0] for r in source.db.execute(f"SELECT id FROM {t.VILLAGES} ORDER BY code")]
    source.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    source_path = source.db_path
    source.close()
    size = sum(p.stat().st_size for p in paths) / 1024 / 1024
    start, cpu = time.perf_counter(), time.process_time()
    prepared = import_files(township, paths, Secrets(township=unlocked))
    seconds, import_cpu = time.perf_counter() - start, time.process_time() - cpu
    failed = [p for p in prepared if not p.applied]
    if failed:
        raise RuntimeError(f"bench import failed: {failed[0].error}")
    ledger = township.db.execute(f"SELECT count(*) FROM {t.LEDGER}").fetchone()[0]
    township.close()
    out(f"  乡镇导入20个村的数据包：{seconds:.1f} 秒（目标 ≤ {GOALS['township']:.0f} 秒；本进程CPU {import_cpu:.1f} 秒，"
        f"{_load()}）；{size:.0f} MB，账目 {ledger} 笔")
    anchor, rows = _anchor(source_path, work / "anchor" / "anchor.sqlite", villages)
    ratio = seconds / anchor if anchor else float("inf")
    out(f"  基准（同样 {rows} 行的原始 executemany）：{anchor:.1f} 秒（{_load()}）；倍数 {ratio:.2f}×"
        f"（目标 ≤ {GOALS['ratio']:.0f}×）")
    floor, _ = _anchor(source_path, work / "anchor" / "floor.sqlite", villages, staged=True)
    out(f"  参考（同样的行先进临时表、再一条 INSERT … SELECT，即 SQLite 写入这些行的下限）：{floor:.1f} 秒（{_load()}）；"
        f"导入是它的 {seconds / floor if floor else float('inf'):.2f} 倍")
    return {"township_import_s": seconds, "township_import_cpu_s": import_cpu, "anchor_s": anchor, "ratio": ratio,
            "floor_s": floor, "rows": rows, "bundles_mb": size}


def run_sync_bench(work_dir, *, out=print, township: bool = True, ledger_years=None) -> dict:
    work = Path(work_dir) / "sync-bench"
    work.mkdir(parents=True, exist_ok=True)
    out("同步性能测试（QUALITY.md S7、S8）")
    figures = _village_figures(work, out)
    if township:
        figures.update(_township_figures(work, out, ledger_years))
    return figures
