"""Ruled grids for forms: header rows repeated on every page, rows never split, fast one-line cells.

``form_table`` turns rows of values into a ``grid.Grid`` (or, for style commands ``Grid`` does not draw, a
``FormTable``): strings that fit on one line stay plain strings (drawn together in one text object per
table), longer ones become wrapped ``TextBlock``s (避头尾), values marked ``Fixed`` (ID numbers, phones,
accounts, amounts) never wrap: their font shrinks to fit instead.
"""

from collections.abc import Iterable, Sequence
from functools import lru_cache

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Table
from reportlab.platypus.flowables import Flowable

from fupin_desktop.reports import fonts
from fupin_desktop.reports.cellstyles import supports
from fupin_desktop.reports.grid import Fixed, Grid, HeaderText
from fupin_desktop.reports.layout import BLACK, CELL_PADDING, GRID_WIDTH, LABEL_BACKGROUND
from fupin_desktop.reports.typesetting import BOLD_STROKE, CELL, HEADER_CELL, TextBlock, TextStyle

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
    widths = fonts.chain().string_width
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
            width = widths(value, size) if font == fonts.MAIN else pdfmetrics.stringWidth(value, font, size)
            x -= width if just == "RIGHT" else width / 2
        text.setTextOrigin(x, y)
        text.textOut(value)
    canv.saveState()
    if bold_size:
        canv.setLineWidth(bold_size * BOLD_STROKE)
    canv.drawText(text)
    canv.restoreState()


def fit_text(text: str, width: float, style: TextStyle = CELL, chain: fonts.FontChain | None = None) -> Flowable | str:
    """One line, never broken: a plain string when it fits, else a ``TextBlock`` set smaller until it fits."""
    chain = chain or fonts.chain()
    size = style.size
    while size > 5 and chain.string_width(text, size) > width:
        size -= 0.5
    if size == style.size and chain.all_main(text):
        return text
    return TextBlock(text, style.but(size=size, leading=max(size * 1.3, style.leading * size / style.size)),
                     chain=chain)


@lru_cache(maxsize=256)
def _aligned(style: TextStyle, align: str, header: bool) -> TextStyle:
    if header:
        return HEADER_CELL.but(size=style.size, leading=style.leading)
    return style.but(align=align.lower())


def _cells(rows: Sequence[Sequence], col_widths: Sequence[float], align: list[str], header_rows: int,
           style: TextStyle, chain: fonts.FontChain) -> list[list]:
    """Table cells: plain strings when they fit on one line (the fast path), ``HeaderText`` in header rows,
    ``Fixed`` values set to fit, anything longer a wrapped ``TextBlock``; flowables stay as they are."""
    size = style.size
    width_of = chain.main_width
    inner = [w - 2 * CELL_PADDING for w in col_widths]
    styles: dict[tuple[int, bool], TextStyle] = {}

    def style_for(c: int, header: bool) -> TextStyle:
        s = styles.get((c, header))
        if s is None:
            s = styles[(c, header)] = _aligned(style, align[c], header)
        return s

    data = []
    for r, row in enumerate(rows):
        header = r < header_rows
        out = []
        for c, value in enumerate(row):
            if value is None:
                value = ""
            elif value and isinstance(value, str):
                if header or type(value) is not Fixed:
                    w = width_of(value, size)
                    if w is not None and w <= inner[c] and "\n" not in value:
                        if header:
                            value = HeaderText(value)
                    else:
                        value = TextBlock(value, style_for(c, header), chain=chain)
                else:
                    value = fit_text(value, inner[c], style_for(c, False), chain)
            out.append(value)
        data.append(out)
    return data


def form_table(rows: Sequence[Sequence], col_widths: Sequence[float], *, header_rows: int = 1,
               align: Sequence[str] | None = None, style: Iterable = (), cell_style: TextStyle = CELL,
               row_heights=None, label_cols: Sequence[int] = (), valign: str = "MIDDLE") -> Flowable:
    """A ruled grid: header rows repeated on every page, rows never split, long cells wrapped (避头尾).

    ``align`` gives each column's alignment (LEFT, CENTER, RIGHT); ``label_cols`` are shaded label columns
    (key–value forms); ``style`` adds TableStyle commands (spans, backgrounds).
    """
    align = list(align or ["CENTER"] * len(col_widths))
    data = _cells(rows, col_widths, align, header_rows, cell_style, fonts.chain())
    commands = [
        ("FONT", (0, 0), (-1, -1), fonts.MAIN, cell_style.size, cell_style.leading),
        ("GRID", (0, 0), (-1, -1), GRID_WIDTH, BLACK),
        ("VALIGN", (0, 0), (-1, -1), valign),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    start = 0
    for c in range(1, len(align) + 1):  # one command per run of columns aligned alike
        if c == len(align) or align[c] != align[start]:
            commands.append(("ALIGN", (start, header_rows), (c - 1, -1), align[start]))
            start = c
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), LABEL_BACKGROUND))
        commands.append(("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"))
    for c in label_cols:
        commands.append(("BACKGROUND", (c, 0), (c, -1), LABEL_BACKGROUND))
        commands.append(("ALIGN", (c, 0), (c, -1), "CENTER"))
    commands += list(style)
    if supports(commands, data):
        return Grid(data, list(col_widths), row_heights, commands=commands, header_rows=header_rows)
    table = FormTable(data, colWidths=list(col_widths), rowHeights=row_heights, style=commands,
                      repeatRows=header_rows, splitInRow=0, splitByRow=1, hAlign="LEFT")
    table.style_commands = commands  # kept for the benchmark's bare-ReportLab replay
    return table


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs of sorted numbers as (first, last): [0, 1, 2, 5] → [(0, 2), (5, 5)]."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def kv_table(rows: Sequence[Sequence[tuple[str, object]]], width: float, *, pairs: int = 2,
             label_width: float = 24 * mm, cell_style: TextStyle = CELL, label_widths=None) -> Table:
    """Label–value grid, ``pairs`` pairs a row; a row with fewer pairs lets its last value span the rest."""
    label_widths = list(label_widths or [label_width] * pairs)
    value_width = (width - sum(label_widths)) / pairs
    col_widths = []
    for lw in label_widths:
        col_widths += [lw, value_width]
    data, commands = [], []
    shaded: list[list[int]] = [[] for _ in range(pairs)]  # rows where label column c holds a label
    for r, row in enumerate(rows):
        cells: list = []
        for c, (lab, value) in enumerate(row):
            cells += [lab, value]
            shaded[c].append(r)
        if len(row) < pairs:
            commands.append(("SPAN", (len(cells) - 1, r), (2 * pairs - 1, r)))
            cells += [""] * (2 * pairs - len(cells))
        data.append(cells)
    for c, label_rows in enumerate(shaded):
        for first, last in _runs(label_rows):
            commands.append(("BACKGROUND", (2 * c, first), (2 * c, last), LABEL_BACKGROUND))
    align = ["CENTER", "LEFT"] * pairs
    return form_table(data, col_widths, header_rows=0, align=align, style=commands, cell_style=cell_style)
