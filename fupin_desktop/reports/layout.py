"""A4 form layout: the document template with its footer, page numbers per part, and streaming stories.

- Margins leave 25 mm on the left for binding (装订); the footer carries the village, "第 N 页 共 M 页" and the
  print date; pages after the first of a part carry a small running header (document · household).
- One PDF may hold several parts (households of a batch): ``PartStart`` begins a part on a fresh page, and
  page numbers count within the part. "共 M 页" is a form XObject per part, defined when the file is saved,
  so pages are numbered in one pass without holding pages back.
- Grids live in ``reports.tables``, boxes to sign and stamp in ``reports.boxes``.
"""

import datetime as dt
from collections.abc import Iterator

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFStream, PDFZCompress
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.flowables import Flowable

from fupin_desktop.reports import fonts
from fupin_desktop.reports.pdftext import TextWriter
from fupin_desktop.reports.typesetting import ASCENT, HEADING, TextBlock, TextStyle, draw_lines

LEFT_MARGIN = 25 * mm  # binding edge
RIGHT_MARGIN = 15 * mm
TOP_MARGIN = 16 * mm
BOTTOM_MARGIN = 18 * mm
FOOTER_SIZE = 8
GRID_WIDTH = 0.6
LABEL_BACKGROUND = colors.HexColor("#eeeeee")
SHADE = colors.HexColor("#f6f6f6")
BLACK = colors.black
CELL_PADDING = 3
DATE_LINE = "____年__月__日"


def date_text(day: dt.date | None, blank: str = DATE_LINE) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else blank


class PartStart(Flowable):
    """Starts a part (one household's document) on the current page: page numbers restart here."""

    def __init__(self, header: str = "", *, place: str | None = None, printed_on: dt.date | None = None) -> None:
        super().__init__()
        self.header, self.place, self.printed_on = header, place, printed_on
        self.width = self.height = 0

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self):
        pass


class _FormCanvas(Canvas):
    """Defines the page-count forms of every part just before the file is written; page contents are stored
    deflated without ReportLab's default ASCII85 layer on top (the same PDF, 15 % smaller, written faster)."""

    def showPage(self):
        super().showPage()
        page = self._doc.Pages.pages[-1]
        if page.compression and not page.Contents:
            page.Contents = PDFStream(content=page.stream, filters=[PDFZCompress])

    def save(self):
        doc = getattr(self, "_form_document", None)
        if doc is not None:
            doc.define_page_counts(self)
        super().save()


class FormDocument(BaseDocTemplate):
    """A4 (or landscape A4) form with the battle room's footer; ``build`` returns the number of pages."""

    def __init__(self, out, *, title: str, place: str = "", printed_on: dt.date | None = None, header: str = "",
                 landscape_pages: bool = False, subject: str = "") -> None:
        pagesize = landscape(A4) if landscape_pages else A4
        super().__init__(
            out, pagesize=pagesize, leftMargin=LEFT_MARGIN, rightMargin=RIGHT_MARGIN, topMargin=TOP_MARGIN,
            bottomMargin=BOTTOM_MARGIN, title=title, author="fupin_desktop", creator="fupin_desktop",
            subject=subject or title, lang="zh-CN", initialFontName=fonts.MAIN, pageCompression=1,
        )
        fonts.register_fonts()
        self.chain = fonts.chain()
        self.place = place
        self.printed_on = printed_on
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("form", [frame], onPageEnd=self._decorate, pagesize=pagesize)])
        self._parts: list[int] = []  # first page of each part
        self._headers: list[PartStart] = []
        self._default_header = header
        self.pages_done = 0

    # -- parts and page numbers -----------------------------------------------------------------------

    def afterFlowable(self, flowable):
        if isinstance(flowable, PartStart):
            page = self.canv.getPageNumber()
            if self._parts and self._parts[-1] == page:
                self._headers[-1] = flowable
            else:
                self._parts.append(page)
                self._headers.append(flowable)

    def define_page_counts(self, canv) -> None:
        last = self.pages_done
        starts = self._parts or [1]
        for index, start in enumerate(starts):
            end = starts[index + 1] - 1 if index + 1 < len(starts) else last
            canv.beginForm(f"pagecount{index}")
            canv.setFont(fonts.MAIN, FOOTER_SIZE)
            canv.drawString(self.pagesize[0] / 2 + 3, BOTTOM_MARGIN - 10 * mm, f"共 {end - start + 1} 页")
            canv.endForm()

    def _decorate(self, canv, doc) -> None:
        self.pages_done += 1
        page = canv.getPageNumber()
        part = len(self._parts) - 1
        start = self._parts[part] if part >= 0 else 1
        marker = self._headers[part] if part >= 0 else None
        header = marker.header if marker else self._default_header
        place = marker.place if marker and marker.place is not None else self.place
        printed_on = marker.printed_on if marker and marker.printed_on else self.printed_on
        width = self.pagesize[0]
        right = width - RIGHT_MARGIN
        y = BOTTOM_MARGIN - 10 * mm
        canv.saveState()
        canv.setLineWidth(0.4)
        canv.line(LEFT_MARGIN, y + 10, right, y + 10)
        if header and page > start:
            top = self.pagesize[1] - TOP_MARGIN + 5 * mm
            canv.line(LEFT_MARGIN, top - 3, right, top - 3)
        writer = TextWriter(canv)
        writer.fill("#000000")
        draw_text(canv, self.chain, LEFT_MARGIN, y, place, FOOTER_SIZE, writer)
        writer.font(fonts.MAIN, FOOTER_SIZE)
        writer.mode(0)
        for text, x in ((f"打印日期：{date_text(printed_on)}", right), (f"第 {page - start + 1} 页", width / 2 - 3)):
            writer.show(x - self.chain.string_width(text, FOOTER_SIZE), y, text)
        if header and page > start:
            w = self.chain.string_width(header, FOOTER_SIZE)
            draw_text(canv, self.chain, right - w, top, header, FOOTER_SIZE, writer)
        writer.close()
        canv.doForm(f"pagecount{max(part, 0)}")
        canv.restoreState()

    def build(self, flowables) -> int:
        """Lay out ``flowables`` (a list, consumed) and write the file; returns the number of pages."""
        document = self

        def make_canvas(*args, **kwargs):
            canv = _FormCanvas(*args, **kwargs)
            canv._form_document = document
            return canv

        super().build(flowables, canvasmaker=make_canvas)
        return self.pages_done


def draw_text(canv, chain, x: float, y: float, text: str, size: float, writer: TextWriter | None = None) -> None:
    """One line at a baseline, through the font chain (fallback fonts for rare characters)."""
    if writer is None and chain.all_main(text):
        canv.setFont(fonts.MAIN, size)
        canv.drawString(x, y, text)
        return
    style = TextStyle("inline", size, size)
    draw_lines(canv, [(text, 0.0)], style, chain.string_width(text, size), size, chain, writer=writer,
               x0=x, y0=y - size + size * ASCENT)


def heading(text: str, style: TextStyle = HEADING) -> TextBlock:
    return TextBlock(text, style)


def columns(total: float, *weights: float) -> list[float]:
    """Column widths proportional to ``weights`` that add up to ``total``."""
    s = sum(weights)
    return [total * w / s for w in weights]


class StoryStream(list):
    """Flowables that refill themselves from an iterator of story chunks as ReportLab consumes them.

    ``BaseDocTemplate.build`` takes a list and deletes from its front; this list pulls the next chunk
    whenever fewer than ``REFILL_BELOW`` flowables are left (keepWithNext looks a few ahead), so a long
    job never holds more than the chunk being laid out.
    """

    REFILL_BELOW = 16

    def __init__(self, chunks: Iterator[list]) -> None:
        super().__init__()
        self._chunks: Iterator[list] | None = iter(chunks)

    def __len__(self) -> int:
        n = list.__len__(self)
        while n < self.REFILL_BELOW and self._chunks is not None:
            chunk = next(self._chunks, None)
            if chunk is None:
                self._chunks = None
                break
            self.extend(chunk)
            n = list.__len__(self)
        return n


def render_story(out, story, *, title: str, place: str, printed_on: dt.date, header: str = "",
                 landscape_pages: bool = False) -> int:
    """Write ``story`` (a list, or a ``StoryStream``) to ``out`` (a path or a binary file); returns the page count."""
    doc = FormDocument(out if isinstance(out, str) or hasattr(out, "write") else str(out), title=title,
                       place=place, printed_on=printed_on, header=header, landscape_pages=landscape_pages)
    return doc.build(story)
