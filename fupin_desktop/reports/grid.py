"""``Grid``: the ruled form table, laid out and drawn directly on the canvas.

It places cells exactly as ReportLab's ``Table`` does for the commands the forms use (same row heights,
paddings, alignment, backgrounds, grid lines, single-row spans, header rows repeated when it splits across
pages, rows never split), without ``Table``'s general machinery: styles are resolved once per kind of table
into per-row lists (``cellstyles``), all cell text goes into one PDF text object (``pdftext.TextWriter``),
and each line command is one stroked path. ``cellstyles.supports`` tells which tables it can draw;
``tables.form_table`` falls back to ReportLab's ``Table`` for the others.
"""

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.textobject import fp_str
from reportlab.platypus.flowables import Flowable

from fupin_desktop.reports import fonts
from fupin_desktop.reports.cellstyles import LINE_OPS, norm, resolve
from fupin_desktop.reports.pdftext import TextWriter, colour_ops
from fupin_desktop.reports.typesetting import BOLD_STROKE, TextBlock, draw_lines

BLACK = "#000000"
_MAIN_FACE = frozenset((fonts.MAIN, fonts.BOLD))  # the same face under two names: the same widths


class Fixed(str):
    """A value that never wraps (ID number, phone, account, amount): its font shrinks when it is too wide."""


class HeaderText(str):
    """A header cell's one-line text, drawn heavier (see ``typesetting.BOLD_STROKE``)."""


_ONE_LINE = frozenset((str, Fixed, HeaderText))


class _Table:
    """What the parts of one table share: cells, columns, row heights, resolved styles, spans, commands."""

    __slots__ = ("cells", "widths", "cols", "heights", "given", "props", "spans", "covered", "commands")

    def __init__(self, cells, col_widths, row_heights, commands) -> None:
        nrows, ncols = len(cells), len(col_widths)
        self.cells, self.widths, self.commands = cells, list(col_widths), list(commands)
        self.cols = [0]  # column boundaries, added up as Table does
        for w in self.widths:
            self.cols.append(self.cols[-1] + w)
        self.given = list(row_heights) if row_heights is not None else [None] * nrows
        self.heights = list(self.given)  # completed by Grid._measure
        self.props = resolve(self.commands, nrows, ncols)
        self.spans: dict[tuple[int, int], int] = {}  # (row, first column) → last column
        self.covered: set[tuple[int, int]] = set()
        for cmd in self.commands:
            if cmd[0] == "SPAN":
                sc, ec = sorted((norm(cmd[1][0], ncols), norm(cmd[2][0], ncols)))
                r = norm(cmd[1][1], nrows)
                self.spans[(r, sc)] = ec
                self.covered.update((r, c) for c in range(sc + 1, ec + 1))

    def width(self, r: int, c: int) -> float:
        last = self.spans.get((r, c))
        return self.widths[c] if last is None else self.cols[last + 1] - self.cols[c]


class Grid(Flowable):
    """Rows of cells (strings, ``HeaderText``, flowables) in columns of fixed widths; see the module notes."""

    def __init__(self, cells, col_widths, row_heights=None, *, commands=(), header_rows: int = 1,
                 _table: _Table | None = None, _rows: list[int] | None = None) -> None:
        super().__init__()
        self.hAlign = "LEFT"
        self.spaceBefore = self.spaceAfter = 0
        self._t = t = _table or _Table(cells, col_widths, row_heights, commands)
        self._rows = _rows if _rows is not None else list(range(len(t.cells)))
        self.header_rows = header_rows
        self._measured = False
        # the table as given (the benchmark's bare-ReportLab replay reads these)
        self.cells, self.col_widths, self.row_heights, self.style_commands = t.cells, t.widths, t.given, t.commands

    # -- layout -----------------------------------------------------------------------------------------

    def _measure(self) -> None:
        """Heights of the rows given as None, as ``Table._calc_height`` computes them (once per table)."""
        t = self._t
        heights = t.heights
        font, size, leading, _, _, lp, rp, tp, bp = t.props
        for r in self._rows:
            if heights[r] is not None:
                continue
            h = 0.0
            for c, value in enumerate(t.cells[r]):
                if isinstance(value, Flowable):
                    if (r, c) in t.covered:
                        continue
                    w = value.wrap(t.width(r, c) - lp[r][c] - rp[r][c], 72000 - tp[r][c] - bp[r][c])[1]
                else:
                    lines = str(value).count("\n") + 1 if value else 1
                    w = (leading[r][c] or 1.2 * size[r][c]) * lines
                w += bp[r][c] + tp[r][c]
                if w > h:
                    h = w
            heights[r] = h
        self._measured = True

    def _row_heights(self) -> list[float]:
        if not self._measured:
            self._measure()
        heights = self._t.heights
        return [heights[r] for r in self._rows]

    def _tops(self, heights: list[float]) -> list[float]:
        """Row boundaries from the top (``tops[i + 1]`` is the bottom of row i), summed from the bottom with
        compensation exactly as ``Table`` does, so lines fall on the same points."""
        tops = []
        height = c = 0
        for h in reversed(heights):
            tops.append(height)
            y = h - c
            t = height + y
            c = (t - height) - y
            height = t
        tops.append(height)
        tops.reverse()
        return tops

    def wrap(self, availWidth, availHeight):
        self.width, self.height = self._t.cols[-1], self._tops(self._row_heights())[0]
        return self.width, self.height

    def split(self, availWidth, availHeight):
        heights = self._row_heights()
        h, n = 0.0, 0
        for rh in heights:
            if h + rh > availHeight:
                break
            h += rh
            n += 1
        if n <= self.header_rows:
            return []
        if n == len(heights):
            return [self]
        rows = self._rows
        return [self._part(rows[:n]), self._part(rows[:self.header_rows] + rows[n:])]

    def _part(self, rows: list[int]) -> "Grid":
        part = Grid(None, None, header_rows=self.header_rows, _table=self._t, _rows=rows)
        part.hAlign = self.hAlign
        part._measured = self._measured
        return part

    # -- drawing ----------------------------------------------------------------------------------------

    def _range(self, start, end) -> tuple[int, int, int, int] | None:
        """A command's cell range in this part: (first col, first part row, last col, last part row)."""
        nrows, ncols = len(self._t.cells), len(self._t.widths)
        sc, ec = norm(start[0], ncols), norm(end[0], ncols)
        sr, er = norm(start[1], nrows), norm(end[1], nrows)
        inside = [i for i, r in enumerate(self._rows) if sr <= r <= er]
        return (sc, inside[0], ec, inside[-1]) if inside else None

    def draw(self):
        canv, t = self.canv, self._t
        cells, cols, props, spans, covered = t.cells, t.cols, t.props, t.spans, t.covered
        heights = self._row_heights()
        tops = self._tops(heights)
        fill = None
        for cmd in t.commands:
            if cmd[0] != "BACKGROUND":
                continue
            area = self._range(cmd[1], cmd[2])
            if area is None:
                continue
            sc, sr, ec, er = area
            if fill != cmd[3]:
                fill = cmd[3]
                canv.setFillColor(fill)
            canv.rect(cols[sc], tops[sr], cols[ec + 1] - cols[sc], tops[er + 1] - tops[sr], stroke=0, fill=1)
        writer = TextWriter(canv)
        writer.fill(BLACK)
        show, width_of = writer.show, fonts.chain().main_width
        current = None  # (font, size, bold) last set on the writer by this loop
        for i, r in enumerate(self._rows):
            bottom, height = tops[i + 1], heights[i]
            font, size, leading, align, valign, lp, rp, tp, bp = (p[r] for p in props)
            for c, value in enumerate(cells[r]):
                kind = value.__class__
                if kind not in _ONE_LINE or "\n" in value:
                    if value is not None and value != "" and (r, c) not in covered:
                        self._draw_cell(writer, value, [p[r][c] for p in props], cols[c], bottom, t.width(r, c),
                                        height)
                        current = None
                    continue
                if not value or covered and (r, c) in covered:
                    continue
                # one line of text, placed as Table._drawCell places it
                f, z, a, v = font[c], size[c], align[c], valign[c]
                if v == "MIDDLE":
                    y = bottom + (bp[c] + height - tp[c] + leading[c]) / 2.0 - z
                elif v == "TOP":
                    y = bottom + height - tp[c] - z
                else:
                    y = bottom + bp[c] + leading[c] - z
                state = (f, z, kind is HeaderText)
                if state != current:
                    current = state
                    writer.font(f, z)
                    writer.mode(2 if state[2] else 0)
                    if state[2]:
                        writer.line_width(z * BOLD_STROKE)
                if a == "LEFT":
                    show(cols[c] + lp[c], y, value)
                    continue
                width = t.width(r, c) if spans else t.widths[c]
                w = width_of(value, z) if f in _MAIN_FACE else None
                if w is None:
                    w = pdfmetrics.stringWidth(value, f, z)
                if a == "RIGHT":
                    show(cols[c] + width - rp[c] - w, y, value)
                else:
                    show(cols[c] + (width + lp[c] - rp[c]) * 0.5 - w / 2, y, value)
        writer.close()
        self._draw_lines(canv, cols, tops, spans)

    def _draw_cell(self, writer, value, style, x, bottom, width, height) -> None:
        """A flowable, or text of several lines, in its cell (``Table._drawCell``'s placement)."""
        font, size, leading, align, valign, lp, rp, tp, bp = style
        if isinstance(value, Flowable):
            inner = width - lp - rp
            if isinstance(value, TextBlock):
                lines = value._layout(inner)
                w, h = inner, len(lines) * value.style.leading
            else:
                w, h = value.wrapOn(self.canv, inner, height - tp - bp)
            if valign == "TOP":
                y = bottom + height - tp - h
            elif valign == "BOTTOM":
                y = bottom + bp
            else:
                y = bottom + (height + bp - tp + h) / 2.0 - h
            if align == "RIGHT":
                x += width - rp - w
            elif align == "CENTER":
                x += (width + lp - rp - w) / 2.0
            else:
                x += lp
            if isinstance(value, TextBlock):
                draw_lines(self.canv, lines, value.style, w, h, value.chain, writer=writer, x0=x, y0=y)
            else:
                value.drawOn(self.canv, x, y)
            return
        parts = str(value).split("\n")
        n = len(parts)
        if valign == "TOP":
            y = bottom + height - tp - size
        elif valign == "BOTTOM":
            y = bottom + bp + n * leading - size
        else:
            y = bottom + (bp + height - tp + n * leading) / 2.0 - size
        if align == "LEFT":
            x += lp
        elif align == "RIGHT":
            x += width - rp
        else:
            x += (width + lp - rp) * 0.5
        writer.font(font, size)
        bold = type(value) is HeaderText
        writer.mode(2 if bold else 0)
        if bold:
            writer.line_width(size * BOLD_STROKE)
        for part in parts:
            w = 0.0 if align == "LEFT" else _width(part, font, size)
            writer.show(x - w if align == "RIGHT" else x - w / 2, y, part)
            y -= leading

    def _draw_lines(self, canv, cols, tops, spans) -> None:
        blocked: dict[int, list[tuple[int, int]]] = {}  # column boundary → part rows it must not cross
        for i, r in enumerate(self._rows):
            for (row, first), last in spans.items():
                if row == r:
                    for k in range(first + 1, last + 1):
                        blocked.setdefault(k, []).append(i)
        colour = width = xs = ys = None
        code = canv._code
        code.append("1 J 1 j")  # round caps and joins: Table's default for its line commands
        for cmd in self.style_commands:
            op = cmd[0]
            if op not in LINE_OPS:
                continue
            area = self._range(cmd[1], cmd[2])
            if area is None:
                continue
            sc, sr, ec, er = area
            if op in ("GRID", "BOX", "OUTLINE"):
                across, down = [sr, er + 1], [sc, ec + 1]
                if op == "GRID":
                    across, down = list(range(sr, er + 2)), list(range(sc, ec + 2))
            elif op == "INNERGRID":
                across, down = list(range(sr + 1, er + 1)), list(range(sc + 1, ec + 1))
            else:
                across = [sr] if op == "LINEABOVE" else [er + 1] if op == "LINEBELOW" else []
                down = [sc] if op == "LINEBEFORE" else [ec + 1] if op == "LINEAFTER" else []
            if xs is None:  # the numbers, formatted once for all the lines of the table
                xs, ys = [fp_str(x) for x in cols], [fp_str(y) for y in tops]
            path = [f"{xs[sc]} {ys[k]} m {xs[ec + 1]} {ys[k]} l" for k in across]
            for k in down:
                gaps = blocked.get(k, ())
                start = sr
                for row in range(sr, er + 2):
                    if row == er + 1 or row in gaps:
                        if row > start:
                            path.append(f"{xs[k]} {ys[row]} m {xs[k]} {ys[start]} l")
                        start = row + 1
            if not path:
                continue
            weight, stroke = cmd[3], cmd[4]
            if stroke is not None and stroke != colour:
                colour = stroke
                code.append(colour_ops(stroke, "RG"))
            if weight and weight != width:
                width = weight
                code.append(f"{fp_str(weight)} w")
            code.append(" ".join(path) + " S")


def _width(text: str, font: str, size: float) -> float:
    if font in _MAIN_FACE:
        w = fonts.chain().main_width(text, size)
        if w is not None:
            return w
    return pdfmetrics.stringWidth(text, font, size)
