"""Print benchmark (QUALITY.md S6): a village's household packets against bare ReportLab drawing the same pages.

Both sides print the same pages in the same run, to memory:

- **fupin**: ``batch.render_packets`` from ``PacketData`` (labels, formatting, font chain, 避头尾 breaking,
  footers with "第 N 页 共 M 页", one streamed document; with ``workers`` > 1 chunks laid out on several
  processes and joined into the one file);
- **bare**: a plain ReportLab script (``bench_bare``) fed the pages' content prepared before the clock starts;
  on several processes each writes its share to a file of its own (nothing joined).

Measured twice: on one process (the project's own overhead, like for like) and on ``workers`` processes (the
speed a village sees, S6: ≥ 300 pages/s). The ratio fupin ÷ bare must stay ≤ 1.5× in both. The machine's
load average is printed with the figures: on a shared machine wall time depends on the other work, CPU time
and the ratio much less.
"""

import gc
import io
import os
import time
from collections.abc import Callable

from fupin_desktop.reports import fonts
from fupin_desktop.reports.batch import render_packets
from fupin_desktop.reports.bench_bare import bare_build, bare_font, bare_parallel, page_specs
from fupin_desktop.reports.sample import sample_packet

GOAL_PAGES_PER_SECOND = 300
GOAL_RATIO = 1.5


def _timed(fn: Callable[[], int]) -> tuple[int, float, float]:
    """(pages, wall seconds, this process's CPU seconds): CPU time shows the work on a shared, busy machine."""
    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    pages = fn()
    return pages, time.perf_counter() - start, time.process_time() - cpu


def load_text() -> str:
    try:
        return "负载 " + " ".join(f"{x:.2f}" for x in os.getloadavg())
    except (AttributeError, OSError):  # Windows has no load average
        return "负载 未知"


def _best(runs: dict[str, Callable[[], int]], repeat: int) -> dict[str, tuple[int, float, float]]:
    best: dict[str, tuple[int, float, float]] = {}
    for _ in range(max(1, repeat)):
        for name, fn in runs.items():
            timing = _timed(fn)
            if name not in best or timing[1] < best[name][1]:
                best[name] = timing
    return best


def _figures(prefix: str, fupin: tuple[int, float, float], bare: tuple[int, float, float]) -> dict:
    (pages, seconds, cpu), (bare_pages, bare_seconds, bare_cpu) = fupin, bare
    return {
        f"{prefix}pages": pages, f"{prefix}seconds": seconds, f"{prefix}cpu_seconds": cpu,
        f"{prefix}pages_per_second": pages / seconds if seconds else 0.0,
        f"{prefix}bare_pages": bare_pages, f"{prefix}bare_seconds": bare_seconds,
        f"{prefix}bare_cpu_seconds": bare_cpu,
        f"{prefix}bare_pages_per_second": bare_pages / bare_seconds if bare_seconds else 0.0,
        f"{prefix}ratio": seconds / bare_seconds if bare_seconds else 0.0,
        f"{prefix}cpu_ratio": cpu / bare_cpu if bare_cpu else 0.0,
    }


def run_print_bench(n: int = 500, out: Callable[[str], None] = print, *, repeat: int = 1,
                    methods: bool = False, workers: int = 1) -> dict:
    """Print ``n`` synthetic households both ways; returns the figures (also written through ``out``)."""
    fonts.register_fonts()
    bare_font()
    packets = [sample_packet(i) for i in range(n)]
    specs = [page_specs(p) for p in packets]
    place = packets[0].village.full_name if packets else ""
    one = _best({"fupin": lambda: render_packets(iter(packets), io.BytesIO()),
                 "bare": lambda: bare_build(specs, io.BytesIO(), place)}, repeat)
    result = {"households": n, **_figures("", one["fupin"], one["bare"])}
    pages = result["pages"]
    out(f"打印基准：{n}户扶贫手册，{pages}页（每户平均{pages / max(n, 1):.1f}页），写入一个PDF"
        f"（本机 {os.cpu_count()} 核，{load_text()}）")
    out(f"  单进程 fupin_desktop：{result['seconds']:.2f} 秒，{result['pages_per_second']:.0f} 页/秒"
        f"（CPU {result['cpu_seconds']:.2f} 秒，{pages / result['cpu_seconds']:.0f} 页/CPU秒）")
    out(f"  单进程 裸 ReportLab：{result['bare_seconds']:.2f} 秒，{result['bare_pages']} 页，"
        f"{result['bare_pages_per_second']:.0f} 页/秒（CPU {result['bare_cpu_seconds']:.2f} 秒）")
    out(f"  单进程比值：{result['ratio']:.2f}×（CPU {result['cpu_ratio']:.2f}×；目标 ≤ {GOAL_RATIO}×）")
    figures = [("单进程", result["pages_per_second"], result["ratio"])]
    if workers > 1:
        many = _best({"fupin": lambda: render_packets(iter(packets), io.BytesIO(), workers=workers),
                      "bare": lambda: bare_parallel(specs, place, workers)}, repeat)
        result.update(_figures("parallel_", many["fupin"], many["bare"]))
        figures.append((f"{workers}个进程", result["parallel_pages_per_second"], result["parallel_ratio"]))
        out(f"  {workers}个进程 fupin_desktop（合并为一个PDF）：{result['parallel_seconds']:.2f} 秒，"
            f"{result['parallel_pages_per_second']:.0f} 页/秒（{load_text()}）")
        out(f"  {workers}个进程 裸 ReportLab（各写一个文件，不合并）：{result['parallel_bare_seconds']:.2f} 秒，"
            f"{result['parallel_bare_pages_per_second']:.0f} 页/秒")
        out(f"  {workers}个进程比值：{result['parallel_ratio']:.2f}×（目标 ≤ {GOAL_RATIO}×）")
    mode, speed, _ = max(figures, key=lambda f: f[1])
    result["goal_met"] = speed >= GOAL_PAGES_PER_SECOND and all(r <= GOAL_RATIO for _, _, r in figures)
    out(f"  结果：{mode} {speed:.0f} 页/秒（目标 ≥ {GOAL_PAGES_PER_SECOND} 页/秒，比值 ≤ {GOAL_RATIO}×）："
        + ("达到" if result["goal_met"] else "未达到（墙钟时间受本机其他负载影响，见负载与 CPU 时间）"))
    if methods:
        subset = packets[: max(1, min(n, 100))]
        for label, kwargs in (("单文件（流式）", {}), ("单文件（逐户生成后用 pypdf 合并）", {"method": "merge"})):
            pages_m, seconds_m, _ = _timed(lambda kw=kwargs: render_packets(iter(subset), io.BytesIO(), **kw))
            out(f"  {label}：{len(subset)}户 {pages_m}页 {seconds_m:.2f} 秒，{pages_m / seconds_m:.0f} 页/秒")
            result[f"method_{kwargs.get('method', 'stream')}"] = pages_m / seconds_m
    return result
