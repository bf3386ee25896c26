"""Print benchmark (QUALITY.md S6): a village's household packets against bare ReportLab drawing the same pages.

Both sides write one PDF of the same pages in the same run, to memory:

- **fupin**: ``batch.render_packets`` from ``PacketData`` (labels, formatting, font chain, 避头尾 breaking,
  footers with "第 N 页 共 M 页", one streamed document);
- **bare**: a plain ReportLab script (``_bare_story``/``_bare_build``: ``BaseDocTemplate``, ``Table`` with the
  same rows, widths and TableStyle commands, ``Paragraph`` with ``wordWrap="CJK"`` for wrapped text, the same
  TrueType font, a footer with the page number), fed the pages' content prepared before the clock starts.

The ratio fupin ÷ bare is the project's overhead; the goal is ≥ 300 pages/s and ≤ 1.5×.
"""

import gc
import io
import time
from collections.abc import Callable, Iterator
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph, Spacer, Table

from fupin_desktop.reports import fonts
from fupin_desktop.reports.batch import render_packets
from fupin_desktop.reports.layout import PartStart
from fupin_desktop.reports.packet import packet_story
from fupin_desktop.reports.sample import sample_packet
from fupin_desktop.reports.typesetting import TextBlock
from fupin_desktop.resources import font_path

GOAL_PAGES_PER_SECOND = 300
GOAL_RATIO = 1.5
BARE_FONT = "BareSans"
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


# -- the page content, as plain data (prepared before timing) ------------------------------------------


def _spec_of(flowable):
    if isinstance(flowable, TextBlock):
        s = flowable.style
        return ("p", flowable.text, s.size, s.leading, s.align, s.first_indent, s.space_before, s.space_after)
    if isinstance(flowable, Table):
        rows = [[_spec_of(c) if not isinstance(c, str) else c for c in row] for row in flowable._cellvalues]
        return ("t", rows, list(flowable._colWidths), flowable._argH, flowable.repeatRows,
                list(flowable.style_commands))
    if isinstance(flowable, PageBreak):
        return ("b",)
    if isinstance(flowable, Spacer):
        return ("s", flowable.height)
    if isinstance(flowable, PartStart):
        return ("part", flowable.place)
    return ("s", 0)  # boxes and swatches: not part of the comparison


def page_specs(data) -> list:
    return [_spec_of(f) for f in packet_story(data)]


# -- the bare ReportLab script ------------------------------------------------------------------------------


def _bare_font() -> str:
    if BARE_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(BARE_FONT, str(font_path()), subfontIndex=0))
    return BARE_FONT


def _bare_paragraph(spec, font: str, cache: dict) -> Paragraph:
    _, text, size, leading, align, indent, before, after = spec
    key = (size, leading, align, indent, before, after)
    style = cache.get(key)
    if style is None:
        style = cache[key] = ParagraphStyle(
            f"s{len(cache)}", fontName=font, fontSize=size, leading=leading, alignment=_ALIGN[align],
            firstLineIndent=indent * size, spaceBefore=before, spaceAfter=after, wordWrap="CJK")
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _bare_story(specs: list, font: str, cache: dict, first: bool) -> list:
    story = [] if first else [PageBreak()]
    for spec in specs:
        kind = spec[0]
        if kind == "p":
            story.append(_bare_paragraph(spec, font, cache))
        elif kind == "t":
            _, rows, widths, heights, repeat, commands = spec
            data = [[c if isinstance(c, str) else (_bare_paragraph(c, font, cache) if c[0] == "p" else "")
                     for c in row] for row in rows]
            commands = [(c[0], c[1], c[2], font, *c[4:]) if c[0] == "FONT" else c for c in commands]
            story.append(Table(data, colWidths=widths, rowHeights=heights, style=commands, repeatRows=repeat,
                               splitInRow=0, hAlign="LEFT"))
        elif kind == "b":
            story.append(PageBreak())
        elif kind == "s":
            story.append(Spacer(0, spec[1]))
    return story


class _Refill(list):
    def __init__(self, chunks: Iterator[list]) -> None:
        super().__init__()
        self._chunks = chunks

    def __len__(self):
        while list.__len__(self) < 16 and self._chunks is not None:
            chunk = next(self._chunks, None)
            if chunk is None:
                self._chunks = None
            else:
                self.extend(chunk)
        return list.__len__(self)


def _bare_build(all_specs: list, out, place: str) -> int:
    font = _bare_font()
    doc = BaseDocTemplate(out, pagesize=A4, leftMargin=25 * mm, rightMargin=15 * mm, topMargin=16 * mm,
                          bottomMargin=18 * mm, pageCompression=1)
    counter = {"pages": 0}

    def footer(canv, _doc):
        counter["pages"] += 1
        canv.setFont(font, 8)
        canv.line(25 * mm, 18 * mm, A4[0] - 15 * mm, 18 * mm)
        canv.drawString(25 * mm, 8 * mm, place)
        canv.drawCentredString(A4[0] / 2, 8 * mm, f"第 {canv.getPageNumber()} 页")
        canv.drawRightString(A4[0] - 15 * mm, 8 * mm, "打印日期：2020年6月20日")

    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("p", [frame], onPageEnd=footer)])
    cache: dict = {}
    doc.build(_Refill(_bare_story(s, font, cache, i == 0) for i, s in enumerate(all_specs)))
    return counter["pages"]


# -- the run ------------------------------------------------------------------------------------------------


def _timed(fn: Callable[[], int]) -> tuple[int, float, float]:
    """(pages, wall seconds, this process's CPU seconds): CPU time shows the work on a shared, busy machine."""
    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    pages = fn()
    return pages, time.perf_counter() - start, time.process_time() - cpu


def run_print_bench(n: int = 500, out: Callable[[str], None] = print, *, repeat: int = 1,
                    methods: bool = False, workers: int = 1) -> dict:
    """Print ``n`` synthetic households both ways; returns the figures (also written through ``out``)."""
    fonts.register_fonts()
    _bare_font()
    packets = [sample_packet(i) for i in range(n)]
    specs = [page_specs(p) for p in packets]
    place = packets[0].village.full_name if packets else ""
    best: dict[str, tuple[int, float, float]] = {}
    for _ in range(max(1, repeat)):
        for name, fn in (("fupin", lambda: render_packets(iter(packets), io.BytesIO())),
                         ("bare", lambda: _bare_build(specs, io.BytesIO(), place))):
            timing = _timed(fn)
            if name not in best or timing[1] < best[name][1]:
                best[name] = timing
    pages, seconds, cpu = best["fupin"]
    bare_pages, bare_seconds, bare_cpu = best["bare"]
    result = {
        "households": n, "pages": pages, "seconds": seconds, "pages_per_second": pages / seconds if seconds else 0.0,
        "cpu_seconds": cpu, "bare_pages": bare_pages, "bare_seconds": bare_seconds, "bare_cpu_seconds": bare_cpu,
        "bare_pages_per_second": bare_pages / bare_seconds if bare_seconds else 0.0,
        "ratio": seconds / bare_seconds if bare_seconds else 0.0,
        "cpu_ratio": cpu / bare_cpu if bare_cpu else 0.0,
    }
    out(f"打印基准：{n}户扶贫手册，{pages}页（每户平均{pages / max(n, 1):.1f}页），写入一个PDF")
    out(f"  fupin_desktop：{seconds:.2f} 秒，{result['pages_per_second']:.0f} 页/秒"
        f"（目标 ≥ {GOAL_PAGES_PER_SECOND} 页/秒；CPU {cpu:.2f} 秒，{pages / cpu if cpu else 0:.0f} 页/CPU秒）")
    out(f"  裸 ReportLab：{bare_seconds:.2f} 秒，{bare_pages} 页，{result['bare_pages_per_second']:.0f} 页/秒"
        f"（CPU {bare_cpu:.2f} 秒）")
    out(f"  比值：{result['ratio']:.2f}×（CPU {result['cpu_ratio']:.2f}×；目标 ≤ {GOAL_RATIO}×）")
    if workers > 1:
        pages_w, seconds_w, _ = _timed(lambda: render_packets(iter(packets), io.BytesIO(), workers=workers))
        result["parallel_pages_per_second"] = pages_w / seconds_w
        out(f"  {workers}个进程并行：{seconds_w:.2f} 秒，{pages_w / seconds_w:.0f} 页/秒")
    if methods:
        subset = packets[: max(1, min(n, 100))]
        for label, kwargs in (("单文件（流式）", {}), ("单文件（逐户生成后用 pypdf 合并）", {"method": "merge"})):
            pages_m, seconds_m, _ = _timed(lambda kw=kwargs: render_packets(iter(subset), io.BytesIO(), **kw))
            out(f"  {label}：{len(subset)}户 {pages_m}页 {seconds_m:.2f} 秒，{pages_m / seconds_m:.0f} 页/秒")
            result[f"method_{kwargs.get('method', 'stream')}"] = pages_m / seconds_m
    return result
