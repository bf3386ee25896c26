"""The anchor of the print benchmark: a bare ReportLab script drawing the same pages as the packets.

``page_specs`` reduces a packet's story to plain data before the clock starts (texts with their size,
leading, alignment and spacing; tables with their rows, column widths, row heights, header rows and the
very TableStyle commands the forms use). ``bare_build`` then draws them the way a plain ReportLab script
would: ``BaseDocTemplate``, ``Table``, ``Paragraph`` with ``wordWrap="CJK"``, the same TrueType font, a
footer with the page number. ``bare_parallel`` runs it on several processes, each writing its own share of
the pages to its own file (nothing joined: a generous anchor).
"""

import io
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph, Spacer, Table

from fupin_desktop.reports.grid import Grid
from fupin_desktop.reports.layout import PartStart
from fupin_desktop.reports.packet import packet_story
from fupin_desktop.reports.typesetting import TextBlock
from fupin_desktop.resources import font_path

BARE_FONT = "BareSans"
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


# -- the page content, as plain data (prepared before timing) ------------------------------------------


def _spec_of(flowable):
    if isinstance(flowable, TextBlock):
        s = flowable.style
        return ("p", flowable.text, s.size, s.leading, s.align, s.first_indent, s.space_before, s.space_after)
    if isinstance(flowable, Grid):
        rows = [[_spec_of(c) if not isinstance(c, str) else c for c in row] for row in flowable.cells]
        return ("t", rows, list(flowable.col_widths), list(flowable.row_heights), flowable.header_rows,
                list(flowable.style_commands))
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


def bare_font() -> str:
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


def bare_build(all_specs: list, out, place: str) -> int:
    font = bare_font()
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



def _bare_share(all_specs: list, place: str) -> int:
    bare_font()
    return bare_build(all_specs, io.BytesIO(), place)


def bare_parallel(all_specs: list, place: str, workers: int) -> int:
    """The bare script on ``workers`` processes (this one included), one contiguous share of households each."""
    step = -(-len(all_specs) // workers)
    shares = [all_specs[k:k + step] for k in range(0, len(all_specs), step)]
    with ProcessPoolExecutor(max_workers=max(1, len(shares) - 1)) as pool:
        futures = [pool.submit(_bare_share, share, place) for share in shares[1:]]
        pages = _bare_share(shares[0], place) if shares else 0
        return pages + sum(f.result() for f in futures)
