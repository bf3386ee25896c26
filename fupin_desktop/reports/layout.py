"""A4 form layout: the document template with footer and page numbers, grid tables, signature boxes, seals.

- Margins leave 25 mm on the left for binding (装订); the footer carries the village, "第 N 页 共 M 页" and the
  print date; pages after the first of a part carry a small running header (document · household).
- One PDF may hold several parts (households of a batch): ``PartStart`` begins a part on a fresh page, and
  page numbers count within the part. "共 M 页" is a form XObject per part, defined when the file is saved,
  so pages are numbered in one pass without holding pages back.
- ``form_table`` makes a grid whose header rows repeat on every page and whose rows never split across pages
  (``splitInRow=0``); cells that fit on one line stay plain strings (fast), the others become ``TextBlock``.
"""

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Table
from reportlab.platypus.flowables import Flowable

from fupin_desktop.reports import fonts
from fupin_desktop.reports.typesetting import CELL, HEADER_CELL, HEADING, SMALL, TextBlock, TextStyle

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
    """Defines the page-count forms of every part just before the file is written."""

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
        _draw_text(canv, self.chain, LEFT_MARGIN, y, place, FOOTER_SIZE)
        canv.setFont(fonts.MAIN, FOOTER_SIZE)
        canv.drawRightString(right, y, f"打印日期：{date_text(printed_on)}")
        canv.drawRightString(width / 2 - 3, y, f"第 {page - start + 1} 页")
        canv.doForm(f"pagecount{max(part, 0)}")
        if header and page > start:
            top = self.pagesize[1] - TOP_MARGIN + 5 * mm
            w = self.chain.string_width(header, FOOTER_SIZE)
            _draw_text(canv, self.chain, right - w, top, header, FOOTER_SIZE)
            canv.line(LEFT_MARGIN, top - 3, right, top - 3)
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


def _draw_text(canv, chain, x: float, y: float, text: str, size: float) -> None:
    """One line at a baseline, through the font chain (fallback fonts for rare characters)."""
    if chain.all_main(text):
        canv.setFont(fonts.MAIN, size)
        canv.drawString(x, y, text)
        return
    from fupin_desktop.reports.typesetting import draw_lines

    style = TextStyle("inline", size, size)
    canv.saveState()
    canv.translate(x, y - size + size * 0.8)
    draw_lines(canv, [(text, 0.0)], style, chain.string_width(text, size), size, chain)
    canv.restoreState()


# -- tables -----------------------------------------------------------------------------------------------


class Fixed(str):
    """A value that never wraps (ID number, phone, account, amount): its font shrinks when it is too wide."""


class HeaderText(str):
    """A header cell's one-line text, drawn heavier (see ``typesetting.BOLD_STROKE``)."""


_ONE_LINE = (str, Fixed, HeaderText)


class FormTable(Table):
    """A ``Table`` that draws all its one-line text cells in a single PDF text object.

    ReportLab draws each string cell with its own ``drawString`` (a text object each); forms are mostly
    short cells, and gathering them roughly halves the time a table takes to draw. Positions follow
    ``Table._drawCell`` exactly (padding, ALIGN, VALIGN); other cells (flowables) are drawn by ReportLab.
    """

    _texts: list | None = None

    def draw(self):
        self._texts = []
        try:
            super().draw()
            texts = self._texts
        finally:
            self._texts = None
        if texts:
            _draw_cell_texts(self.canv, texts)

    def _drawCell(self, cellval, cellstyle, pos, size):
        texts = self._texts
        if texts is None or type(cellval) not in _ONE_LINE or "\n" in cellval:
            return super()._drawCell(cellval, cellstyle, pos, size)
        if cellval:
            colpos, rowpos = pos
            colwidth, rowheight = size
            fontsize, valign = cellstyle.fontsize, cellstyle.valign
            if valign == "TOP":
                y = rowpos + rowheight - cellstyle.topPadding - fontsize
            elif valign == "BOTTOM":
                y = rowpos + cellstyle.bottomPadding + cellstyle.leading - fontsize
            else:
                y = rowpos + (cellstyle.bottomPadding + rowheight - cellstyle.topPadding + cellstyle.leading) / 2 - fontsize
            just = cellstyle.alignment
            if just == "LEFT":
                x = colpos + cellstyle.leftPadding
            elif just == "RIGHT":
                x = colpos + colwidth - cellstyle.rightPadding
            else:
                x = colpos + (colwidth + cellstyle.leftPadding - cellstyle.rightPadding) * 0.5
            texts.append((x, y, cellval, cellstyle.fontname, fontsize, just, type(cellval) is HeaderText,
                          cellstyle.color))


def _draw_cell_texts(canv, texts) -> None:
    from fupin_desktop.reports.typesetting import BOLD_STROKE

    text = canv.beginText()
    current = mode = colour = None
    bold_size = 0.0
    for x, y, value, font, size, just, bold, fill in texts:
        if (font, size) != current:
            text.setFont(font, size)
            current = (font, size)
        if bold != mode:
            text.setTextRenderMode(2 if bold else 0)
            mode = bold
        if fill != colour:
            text.setFillColor(fill)
            colour = fill
        if bold:
            bold_size = max(bold_size, size)
        if just != "LEFT":
            width = pdfmetrics.stringWidth(value, font, size)
            x -= width if just == "RIGHT" else width / 2
        text.setTextOrigin(x, y)
        text.textOut(value)
    canv.saveState()
    if bold_size:
        canv.setLineWidth(bold_size * BOLD_STROKE)
    canv.drawText(text)
    canv.restoreState()


def fit_text(text: str, width: float, style: TextStyle = CELL) -> Flowable | str:
    """One line, never broken: a plain string when it fits, else a ``TextBlock`` set smaller until it fits."""
    chain = fonts.chain()
    size = style.size
    while size > 5 and chain.string_width(text, size) > width:
        size -= 0.5
    if size == style.size and chain.all_main(text):
        return text
    return TextBlock(text, style.but(size=size, leading=max(size * 1.3, style.leading * size / style.size)))


@lru_cache(maxsize=256)
def _aligned(style: TextStyle, align: str, header: bool) -> TextStyle:
    if header:
        return HEADER_CELL.but(size=style.size, leading=style.leading)
    return style.but(align=align.lower())


def _cell(value, width: float, align: str, header: bool, style: TextStyle, chain: fonts.FontChain):
    """A table cell: plain strings when they fit on one line (fast path), else a wrapped ``TextBlock``."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    inner = width - 2 * CELL_PADDING
    if header:
        if "\n" not in value and chain.all_main(value) and chain.main.stringWidth(value, style.size) <= inner:
            return HeaderText(value)
        return TextBlock(value, _aligned(style, align, True), chain=chain)
    if isinstance(value, Fixed):
        return fit_text(value, inner, _aligned(style, align, False))
    if "\n" not in value and chain.all_main(value) and chain.main.stringWidth(value, style.size) <= inner:
        return value
    return TextBlock(value, _aligned(style, align, False), chain=chain)


def form_table(rows: Sequence[Sequence], col_widths: Sequence[float], *, header_rows: int = 1,
               align: Sequence[str] | None = None, style: Iterable = (), cell_style: TextStyle = CELL,
               row_heights=None, label_cols: Sequence[int] = (), valign: str = "MIDDLE") -> Table:
    """A ruled grid: header rows repeated on every page, rows never split, long cells wrapped (避头尾).

    ``align`` gives each column's alignment (LEFT, CENTER, RIGHT); ``label_cols`` are shaded label columns
    (key–value forms); ``style`` adds TableStyle commands (spans, backgrounds).
    """
    align = list(align or ["CENTER"] * len(col_widths))
    chain = fonts.chain()
    data = []
    for r, row in enumerate(rows):
        is_header = r < header_rows
        data.append([_cell(v, col_widths[c], align[c], is_header, cell_style, chain) for c, v in enumerate(row)])
    commands = [
        ("FONT", (0, 0), (-1, -1), fonts.MAIN, cell_style.size, cell_style.leading),
        ("GRID", (0, 0), (-1, -1), GRID_WIDTH, BLACK),
        ("VALIGN", (0, 0), (-1, -1), valign),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for c, a in enumerate(align):
        commands.append(("ALIGN", (c, header_rows), (c, -1), a))
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), LABEL_BACKGROUND))
        commands.append(("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"))
    for c in label_cols:
        commands.append(("BACKGROUND", (c, 0), (c, -1), LABEL_BACKGROUND))
        commands.append(("ALIGN", (c, 0), (c, -1), "CENTER"))
    commands += list(style)
    table = FormTable(data, colWidths=list(col_widths), rowHeights=row_heights, style=commands,
                      repeatRows=header_rows, splitInRow=0, splitByRow=1, hAlign="LEFT")
    table.style_commands = commands  # kept for the benchmark's bare-ReportLab replay
    return table


def heading(text: str, style: TextStyle = HEADING) -> TextBlock:
    return TextBlock(text, style)


def columns(total: float, *weights: float) -> list[float]:
    """Column widths proportional to ``weights`` that add up to ``total``."""
    s = sum(weights)
    return [total * w / s for w in weights]


# -- boxes for signing and stamping -------------------------------------------------------------------------


class SignatureBox(Flowable):
    """A ruled box to sign by hand (≥ 15 mm tall): label at the top left, ``____年__月__日`` at the bottom right."""

    def __init__(self, label: str, *, width: float | None = None, height: float = 20 * mm,
                 date_line: bool = True, border: bool = True) -> None:
        super().__init__()
        self.label, self._width, self.height = label, width, max(height, 15 * mm)
        self.date_line, self.border = date_line, border

    def wrap(self, availWidth, availHeight):
        self.width = self._width or availWidth
        return self.width, self.height

    def draw(self):
        canv, chain = self.canv, fonts.chain()
        canv.saveState()
        canv.setLineWidth(GRID_WIDTH)
        if self.border:
            canv.rect(0, 0, self.width, self.height)
        _draw_text(canv, chain, 4, self.height - 12, self.label, 9)
        if self.date_line:
            canv.setFont(fonts.MAIN, 9)
            canv.drawRightString(self.width - 6, 5, DATE_LINE)
        canv.restoreState()


class ThumbprintBox(Flowable):
    """A square for the household head's thumbprint (按手印)."""

    def __init__(self, size: float = 22 * mm, label: str = "按手印处") -> None:
        super().__init__()
        self.width = self.height = size
        self.label = label

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def draw(self):
        canv = self.canv
        canv.saveState()
        canv.setLineWidth(GRID_WIDTH)
        canv.setDash(2, 2)
        canv.rect(0, 0, self.width, self.height)
        canv.setFillColor("#888888")
        canv.setFont(fonts.MAIN, SMALL.size)
        canv.drawCentredString(self.width / 2, 4, self.label)
        canv.restoreState()


class SealCircle(Flowable):
    """A dashed circle (42 mm, the size of an official seal) where the 村委会 or 乡镇 stamps."""

    def __init__(self, label: str, diameter: float = 42 * mm) -> None:
        super().__init__()
        self.label = label
        self.width = self.height = diameter

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def draw(self):
        canv, r = self.canv, self.width / 2
        canv.saveState()
        canv.setStrokeColor("#999999")
        canv.setLineWidth(0.6)
        canv.setDash(3, 3)
        canv.circle(r, r, r - 1)
        canv.setFillColor("#777777")
        canv.setFont(fonts.MAIN, 8)
        canv.drawCentredString(r, r - 3, self.label)
        canv.setFont(fonts.MAIN, 7)
        canv.drawCentredString(r, r - 14, "（盖章）")
        canv.restoreState()


class Swatch(Flowable):
    """A small filled square in a household's colour, for rosters and the dashboard."""

    def __init__(self, hex_colour: str, size: float = 3.2 * mm) -> None:
        super().__init__()
        self.colour = hex_colour
        self.width = self.height = size

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def draw(self):
        self.canv.saveState()
        self.canv.setFillColor(self.colour)
        self.canv.setLineWidth(0.3)
        self.canv.rect(0, 0, self.width, self.height, stroke=1, fill=1)
        self.canv.restoreState()


def kv_table(rows: Sequence[Sequence[tuple[str, object]]], width: float, *, pairs: int = 2,
             label_width: float = 24 * mm, cell_style: TextStyle = CELL, label_widths=None) -> Table:
    """Label–value grid, ``pairs`` pairs a row; a row with fewer pairs lets its last value span the rest."""
    label_widths = list(label_widths or [label_width] * pairs)
    value_width = (width - sum(label_widths)) / pairs
    col_widths = []
    for lw in label_widths:
        col_widths += [lw, value_width]
    data, commands = [], []
    for r, row in enumerate(rows):
        cells: list = []
        for c, (lab, value) in enumerate(row):
            cells += [lab, value]
            commands.append(("BACKGROUND", (2 * c, r), (2 * c, r), LABEL_BACKGROUND))
            commands.append(("ALIGN", (2 * c, r), (2 * c, r), "CENTER"))
        if len(row) < pairs:
            commands.append(("SPAN", (len(cells) - 1, r), (2 * pairs - 1, r)))
            cells += [""] * (2 * pairs - len(cells))
        data.append(cells)
    align = ["CENTER", "LEFT"] * pairs
    return form_table(data, col_widths, header_rows=0, align=align, style=commands, cell_style=cell_style)


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
