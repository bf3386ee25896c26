"""Storage benchmark: build a data size with the demo generator and compare against raw SQLite.

Figure (a), 批量载入: the whole ``demo.generate`` run (row generation, BulkLoader stamps and change log,
writes) against an anchor measured in the same run: a raw ``sqlite3`` ``executemany`` of exactly the same rows
(every table, change log included, read back from the generated file in chunks so memory stays small; only
the ``executemany`` and ``COMMIT`` calls are timed) into a fresh database with the same schema and pragmas.
Goal: ≤ 1.5× the anchor. The demo is made with ``workers=2`` (a second process makes the rows while this one
writes them), as on the 2-core machine of QUALITY.md. The anchor's database is made by the same migrations, so
it has the same indexes and the same triggers (``ledger_months``, ``household_search``, ``search_grams`` and
``id_trigrams`` of migration 0003): the derived tables cost both sides the same SQLite work, and the ratio
still measures only what the program adds to raw inserts.

Then :func:`extra_figures` opens the built file as the program does (its check and any pending migration) and
measures search as you type, opening a household and the dashboard (S2, S3, S5 of QUALITY.md). ``reuse=True``
measures an existing ``bench-<size>.sqlite`` again without building it (no load figure then).
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


SEARCH_GOAL_S = 0.050  # S2, p95 per keystroke
OPEN_GOAL_S = 0.030  # S3
DASHBOARD_GOALS_S = {"village": 0.200, "county": 2.0}  # S5


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def _timed(fn, *args, **kwargs) -> float:
    began = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - began


def extra_figures(db, work_dir: Path, out: Callable[[str], object] = print, *,
                  refresh: bool = True) -> list[tuple[str, float, float]]:
    """Search as you type, open a household and the dashboard on the built database (p95 where repeated).

    Each search keystroke runs what the household list runs: the first window (200 rows and one more, to
    know whether more follow) and the count as the list shows it (``count_households_upto``: "1000+").
    """
    import random

    from fupin_desktop.domain.clock import FixedClock
    from fupin_desktop.services import derived
    from fupin_desktop.services.context import AppContext
    from fupin_desktop.services.dashboard import dashboard
    from fupin_desktop.services.queries import (
        HouseholdFilter,
        count_households_upto,
        household_file,
        list_households,
    )

    ctx = AppContext(db=db, data_dir=work_dir, clock=FixedClock(dt.datetime.combine(BENCH_TODAY, dt.time(9))),
                     operator="bench", hlc=HybridClock("bench"))
    if refresh:
        began = time.perf_counter()
        with db.atomic():
            derived.refresh(ctx)
        out(f"（派生缓存：户主、人口、颜色、问题数 {time.perf_counter() - began:.1f} 秒，生成后一次）")
    rng = random.Random(7)
    names = [r[0] for r in db.execute(f"SELECT name FROM {t.MEMBERS} ORDER BY random() LIMIT 40")]
    initials = [r[0] for r in db.execute(f"SELECT name_initials FROM {t.MEMBERS} ORDER BY random() LIMIT 40")]
    numbers = [r[0] for r in db.execute(f"SELECT id_number FROM {t.MEMBERS} WHERE id_number != ''"
                                        " ORDER BY random() LIMIT 40")]

    def keystrokes(words, cut):
        samples = []
        for word in words:
            for n in cut(word):
                f = HouseholdFilter(text=word[:n])
                samples.append(_timed(lambda f=f: (list_households(ctx, f, limit=201),
                                                   count_households_upto(ctx, f))))
        return samples

    figures = [
        ("搜索·姓名（每次按键 p95）", _p95(keystrokes(names, lambda w: range(1, len(w) + 1))), SEARCH_GOAL_S),
        ("搜索·拼音首字母 如 zsf", _p95(keystrokes(initials, lambda w: range(1, len(w) + 1))), SEARCH_GOAL_S),
        ("搜索·身份证号片段", _p95(keystrokes(numbers, lambda w: (4, 6, 8, 10, 12)))
         , SEARCH_GOAL_S),
    ]
    ids = [r[0] for r in db.execute(f"SELECT id FROM {t.HOUSEHOLDS} WHERE deleted = 0")]
    opened = [_timed(household_file, ctx, hid) for hid in rng.sample(ids, min(50, len(ids)))]
    figures.append(("打开一户（成员、账本汇总、问题）p95", _p95(opened), OPEN_GOAL_S))
    villages = [r[0] for r in db.execute(f"SELECT id FROM {t.VILLAGES}")]
    village_runs = [_timed(dashboard, ctx, v) for v in rng.sample(villages, min(5, len(villages)))]
    figures.append(("作战图·一个村", max(village_runs), DASHBOARD_GOALS_S["village"]))
    if len(villages) > 1:
        figures.append(("作战图·全部（县）", max(_timed(dashboard, ctx) for _ in range(2)),
                        DASHBOARD_GOALS_S["county"]))
    return figures


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


def _generate(path: Path, size: str, seed: int, workers: int, out) -> tuple[float, float]:
    """Generate ``size`` into ``path``: (seconds in all, seconds writing)."""
    db = _fresh(path)
    stats: dict = {}
    began = time.perf_counter()
    counts = demo.generate(db, size=size, seed=seed, today=BENCH_TODAY, hlc=HybridClock("bench"), stats=stats,
                           workers=workers)  # rows made on a second process while this one writes
    load = time.perf_counter() - began
    db.close()
    out(f"规模 {size}：" + "，".join(f"{k} {v:,}" if isinstance(v, int) else f"{k} {v}" for k, v in counts.items())
        + f"；文件 {_size_mb(path):,.0f} MB")
    return load, stats.get("write_seconds", 0.0)


def _anchor(path: Path) -> tuple[float, int]:
    """The raw copy of every row of ``path`` into a twin with the same schema: (seconds, rows)."""
    raw = path.with_name(f"{path.stem}-raw.sqlite")
    try:
        return _raw_copy(path, raw)
    finally:
        for suffix in ("", "-wal", "-shm"):  # the twin is as big as the file: do not keep it
            Path(str(raw) + suffix).unlink(missing_ok=True)


def _size_mb(path: Path) -> float:
    return sum(Path(str(path) + s).stat().st_size for s in ("", "-wal") if Path(str(path) + s).exists()) / 2**20


def run_storage_bench(work_dir: Path, size: str = "county", out: Callable[[str], object] = print,
                      *, seed: int = 2020, workers: int = 2, reuse: bool = False) -> list[dict]:
    """Build ``size`` in ``work_dir`` (``reuse``: measure the file built there before) and print each figure
    with its anchor; returns the figures. The reading figures come before the anchor's raw copy (long on a
    county), which copies the file as the reading figures leave it (the households' caches refreshed)."""
    work_dir = Path(work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    path = work_dir / f"bench-{size}.sqlite"
    built = not (reuse and path.exists())
    if built:
        load, writing = _generate(path, size, seed, workers, out)
        out(f"  生成并写入：{load:.1f} 秒（其中写入 {writing:.1f} 秒）")
    else:
        out(f"规模 {size}：沿用已生成的 {path}（{_size_mb(path):,.0f} MB），不测批量载入")
    began = time.perf_counter()
    db = open_database(path)
    figures = [{"name": "打开数据文件（检查、迁移）", "seconds": time.perf_counter() - began, "anchor": None,
                "goal": None}]
    out(f"  打开数据文件：{figures[0]['seconds']:.2f} 秒")
    try:
        for name, seconds, goal in extra_figures(db, work_dir, out, refresh=built):
            figures.append({"name": name, "seconds": seconds, "anchor": None, "goal": goal})
            out(f"  {name}：{seconds:.3f} 秒（目标 ≤ {goal} 秒）")
    finally:
        db.close()
    if built:
        anchor, copied = _anchor(path)
        out(f"锚点：原生 sqlite3 executemany 同样的 {copied:,} 行")
        figures[:0] = [
            {"name": "批量载入（生成+写入+变更日志）", "seconds": load, "anchor": anchor, "goal": LOAD_RATIO_GOAL},
            {"name": "  其中写入（executemany+提交）", "seconds": writing, "anchor": anchor, "goal": None},
        ]
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
