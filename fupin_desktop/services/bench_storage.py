"""Storage benchmark: build a data size with the demo generator and compare against raw SQLite.

Figure (a), 批量载入: the whole ``demo.generate`` run (row generation, BulkLoader stamps and change log,
writes) against an anchor measured in the same run: a raw ``sqlite3`` ``executemany`` of exactly the same rows
(every table, change log included, read back from the generated file in chunks so memory stays small; only
the ``executemany`` and ``COMMIT`` calls are timed) into a fresh database with the same schema and pragmas.
Goal: ≤ 1.5× the anchor. Further figures (search, open household, dashboard) come from :func:`extra_figures`.
"""

import datetime as dt
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from fupin_desktop.domain.clock import HybridClock
from fupin_desktop.services import demo
from fupin_desktop.storage import tables as t
from fupin_desktop.storage.bulk import FLUSH_ORDER, insert_sql
from fupin_desktop.storage.database import open_database

BENCH_TODAY = dt.date(2020, 6, 30)
LOAD_RATIO_GOAL = 1.5
_CHUNK = 100_000
_CACHE_MB = 256  # the BulkLoader's page cache, given to the anchor too


def extra_figures(db) -> list[tuple[str, float, float]]:
    """Hook for more figures on the built database: ``[(name, seconds, goal seconds), …]``.

    Filled by the queries benchmarks (search as you type, open a household, dashboard); empty by default.
    """
    return []


def _fresh(path: Path):
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return open_database(path)


def _raw_copy(source: Path, target: Path) -> tuple[float, int]:
    """Seconds spent in raw executemany + COMMIT inserting every row of ``source`` into ``target``."""
    _fresh(target).close()
    read = sqlite3.connect(str(source))
    write = sqlite3.connect(str(target), isolation_level=None)
    write.execute("PRAGMA foreign_keys = ON")
    write.execute("PRAGMA journal_mode = WAL")
    write.execute("PRAGMA synchronous = FULL")
    write.execute(f"PRAGMA cache_size = {-1024 * _CACHE_MB}")
    seconds, rows_done = 0.0, 0
    try:
        for table in (*FLUSH_ORDER, t.CHANGELOG):
            cursor = read.execute(f"SELECT * FROM {table} ORDER BY rowid")
            sql = insert_sql(table, tuple(d[0] for d in cursor.description))
            while chunk := cursor.fetchmany(_CHUNK):
                began = time.perf_counter()
                write.execute("BEGIN")
                write.executemany(sql, chunk)
                write.execute("COMMIT")
                seconds += time.perf_counter() - began
                rows_done += len(chunk)
    finally:
        read.close()
        write.close()
    return seconds, rows_done


def _size_mb(path: Path) -> float:
    return sum(Path(str(path) + s).stat().st_size for s in ("", "-wal") if Path(str(path) + s).exists()) / 2**20


def run_storage_bench(work_dir: Path, size: str = "county", out: Callable[[str], object] = print,
                      *, seed: int = 2020) -> list[dict]:
    """Build ``size`` in ``work_dir`` and print each figure with its anchor; returns the figures."""
    work_dir = Path(work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    path = work_dir / f"bench-{size}.sqlite"
    db = _fresh(path)
    stats: dict = {}
    began = time.perf_counter()
    counts = demo.generate(db, size=size, seed=seed, today=BENCH_TODAY, hlc=HybridClock("bench"), stats=stats)
    load = time.perf_counter() - began
    db.close()
    out(f"规模 {size}：" + "，".join(f"{k} {v:,}" for k, v in counts.items()) + f"；文件 {_size_mb(path):,.0f} MB")
    anchor, copied = _raw_copy(path, work_dir / f"bench-{size}-raw.sqlite")
    figures = [
        {"name": "批量载入（生成+写入+变更日志）", "seconds": load, "anchor": anchor, "goal": LOAD_RATIO_GOAL},
        {"name": "  其中写入（executemany+提交）", "seconds": stats.get("write_seconds", 0.0), "anchor": anchor,
         "goal": None},
    ]
    db = open_database(path)
    try:
        for name, seconds, goal in extra_figures(db):
            figures.append({"name": name, "seconds": seconds, "anchor": None, "goal": goal})
    finally:
        db.close()
    out(f"锚点：原生 sqlite3 executemany 同样的 {copied:,} 行")
    out(f"{'项目':<24}{'时间(s)':>10}{'锚点(s)':>10}{'比值':>8}{'目标':>10}  结果")
    for f in figures:
        ratio = f["seconds"] / f["anchor"] if f["anchor"] else None
        if f["goal"] is None:
            verdict, goal = "—", "—"
        elif ratio is not None:
            verdict, goal = ("PASS" if ratio <= f["goal"] else "MISS"), f"≤{f['goal']}×"
        else:
            verdict, goal = ("PASS" if f["seconds"] <= f["goal"] else "MISS"), f"≤{f['goal']}s"
        f["ratio"], f["verdict"] = ratio, verdict
        anchor_text = f"{f['anchor']:.2f}" if f["anchor"] else "—"
        ratio_text = f"{ratio:.2f}×" if ratio is not None else "—"
        out(f"{f['name']:<24}{f['seconds']:>10.2f}{anchor_text:>10}{ratio_text:>8}{goal:>10}  {verdict}")
    return figures
