"""Chinese typesetting for the forms: text styles, line breaking with 避头尾, and the ``TextBlock`` flowable.

ReportLab's ``wordWrap='CJK'`` lets lines start with ，。、；：！？）》”’…— and end with （《“‘ (PRINTING.md). The
reports therefore break lines themselves (``break_lines``) and draw them with ``TextBlock``, which also
prints per-character font runs (fallback fonts for 生僻字) and marks characters no font can print.

Rules of ``break_lines``:

- a line may break between any two CJK characters, at a space, or between a CJK character and a Latin word;
- a run of printable ASCII (an ID number, a phone number, a bank account, an amount such as ``1,234.56``,
  a Latin word) never breaks, unless it is wider than a whole line;
- 避头尾: no line starts with a character of ``NO_LINE_START`` and none ends with one of ``NO_LINE_END``;
  the break moves back (推出) until both hold; when no break in the line allows it, up to two closing marks
  hang past the margin (悬挂); only text made of punctuation alone can still violate the rules.
"""

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from reportlab.platypus.flowables import Flowable

from fupin_desktop.reports import fonts
from fupin_desktop.reports.pdftext import TextWriter

NO_LINE_START = frozenset(
    "，。、；：！？）》」』】〕〉］｝”’…—‥·・〃々～％‰℃°"
    ",.;:!?)]}%"
)
NO_LINE_END = frozenset("（《「『【〔〈［｛“‘([{¥￥$")
MAX_HANGING = 2
_ATOM = re.compile(r"[!-~]+|\s|.", re.S)
_EPSILON = 0.01
BOLD_STROKE = 0.035  # stroke width of the heavier (bold) drawing, in em
ASCENT = 0.8  # baseline below the top of the glyph box, in em


@dataclass(frozen=True)
class TextStyle:
    name: str
    size: float
    leading: float
    bold: bool = False
    align: str = "left"  # left | center | right
    first_indent: float = 0.0  # first line of each paragraph, in em (正文首行缩进两字: 2)
    space_before: float = 0.0
    space_after: float = 0.0
    colour: str = "#000000"

    def but(self, **changes) -> "TextStyle":
        return replace(self, **changes)


TITLE = TextStyle("title", 20, 28, bold=True, align="center", space_after=6)
SUBTITLE = TextStyle("subtitle", 12, 18, align="center", space_after=4)
HEADING = TextStyle("heading", 13, 20, bold=True, space_before=6, space_after=4)
SUBHEADING = TextStyle("subheading", 11, 16, bold=True, space_before=4, space_after=2)
BODY = TextStyle("body", 10.5, 17, first_indent=2, space_after=3)
CELL = TextStyle("cell", 9, 12)
CELL_CENTER = CELL.but(name="cell_center", align="center")
CELL_RIGHT = CELL.but(name="cell_right", align="right")
HEADER_CELL = CELL.but(name="header_cell", bold=True, align="center")
SMALL = TextStyle("small", 8, 11)
NOTE = TextStyle("note", 8.5, 12, colour="#333333")


def line_violations(lines: list[str]) -> list[tuple[int, str]]:
    """(index, line) of every line breaking 避头尾: starting with NO_LINE_START or ending with NO_LINE_END."""
    bad = []
    for i, line in enumerate(lines):
        if not line:
            continue
        if (i > 0 and line[0] in NO_LINE_START) or (i < len(lines) - 1 and line[-1] in NO_LINE_END):
            bad.append((i, line))
    return bad


def _atoms(text: str, width: float, measure) -> tuple[list[str], list[float]]:
    atoms, widths = [], []
    for atom in _ATOM.findall(text):
        if atom.isspace() and atom != "\u3000":
            atom = " "
        w = measure(atom)
        if len(atom) > 1 and w > width:  # a Latin run wider than the line: its characters break
            for ch in atom:
                atoms.append(ch)
                widths.append(measure(ch))
            continue
        atoms.append(atom)
        widths.append(w)
    return atoms, widths


def _can_break(atoms: list[str], b: int) -> bool:
    """May a line end before ``atoms[b]``?"""
    return atoms[b][0] not in NO_LINE_START and atoms[b - 1][-1] not in NO_LINE_END


def _break_paragraph(text: str, width: float, first_width: float, measure) -> list[str]:
    atoms, widths = _atoms(text, width, measure)
    n = len(atoms)
    lines: list[str] = []
    start = 0
    while start < n:
        while start < n and atoms[start] == " ":
            start += 1
        if start >= n:
            break
        limit = (first_width if not lines else width) + _EPSILON
        x, i = 0.0, start
        while i < n and x + widths[i] <= limit:
            x += widths[i]
            i += 1
        if i >= n:
            lines.append("".join(atoms[start:n]).rstrip())
            break
        if i == start:  # one atom wider than the line: it stands alone
            i += 1
            while i < n and atoms[i][0] in NO_LINE_START and i - start <= MAX_HANGING:
                i += 1
            lines.append("".join(atoms[start:i]).rstrip())
            start = i
            continue
        b = next((k for k in range(i, start, -1) if atoms[k] == " " or _can_break(atoms, k)), None)
        if b is None:  # no legal break before the margin: hang closing marks past it (悬挂)
            j = i
            while j < n and j - i < MAX_HANGING and atoms[j][0] in NO_LINE_START:
                j += 1
            b = j if j > i and (j >= n or _can_break(atoms, j)) else i
        lines.append("".join(atoms[start:b]).rstrip())
        start = b
    return lines


def break_lines(text: str, width: float, size: float, *, first_indent: float = 0.0,
                chain: fonts.FontChain | None = None) -> list[str]:
    """``text`` broken into lines no wider than ``width`` points at font ``size``, keeping 避头尾.

    A newline starts a new paragraph; ``first_indent`` (em) indents each paragraph's first line.
    """
    chain = chain or fonts.chain()
    cache: dict[str, float] = {}

    def measure(atom: str) -> float:
        w = cache.get(atom)
        if w is None:
            w = cache[atom] = chain.string_width(atom, size)
        return w

    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        lines += _break_paragraph(paragraph, width, width - first_indent * size, measure) or [""]
    return lines


class TextBlock(Flowable):
    """Wrapped Chinese text in one style: 避头尾 line breaking, fallback fonts, heavier bold, splits across pages."""

    def __init__(self, text: str, style: TextStyle = BODY, *, chain: fonts.FontChain | None = None,
                 _lines: list[tuple[str, float]] | None = None) -> None:
        super().__init__()
        self.text = "" if text is None else str(text)
        self.style = style
        self.chain = chain or fonts.chain()
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        self._fixed = _lines is not None
        self._lines = _lines
        self._for_width: float | None = None
        self.width = self.height = 0.0

    def _layout(self, width: float) -> list[tuple[str, float]]:
        if self._fixed:
            return self._lines
        if self._lines is None or self._for_width != width:
            style = self.style
            indent = style.first_indent * style.size
            out: list[tuple[str, float]] = []
            for paragraph in self.text.replace("\r\n", "\n").split("\n"):
                broken = _paragraph_lines(paragraph, width, indent, style.size, self.chain)
                out += [(line, indent if k == 0 else 0.0) for k, line in enumerate(broken)]
            self._lines, self._for_width = out, width
        return self._lines

    def wrap(self, availWidth, availHeight):
        lines = self._layout(availWidth)
        self.width = availWidth
        self.height = len(lines) * self.style.leading
        return self.width, self.height

    def minWidth(self):
        return max((self.chain.string_width(line, self.style.size) + x for line, x in self._lines or []),
                   default=self.style.size)

    def split(self, availWidth, availHeight):
        lines = self._layout(availWidth)
        fit = int((availHeight + _EPSILON) // self.style.leading)
        if fit <= 0:
            return []
        if fit >= len(lines):
            return [self]
        first = TextBlock(self.text, self.style.but(space_after=0), chain=self.chain, _lines=lines[:fit])
        rest = TextBlock(self.text, self.style.but(space_before=0), chain=self.chain, _lines=lines[fit:])
        return [first, rest]

    def draw(self):
        draw_lines(self.canv, self._layout(self.width), self.style, self.width, self.height, self.chain)

    def drawOn(self, canvas, x, y, _sW=0):
        """Drawn in place, without the graphics state and translation every flowable otherwise costs."""
        x = self._hAlignAdjust(x, _sW)
        draw_lines(canvas, self._layout(self.width), self.style, self.width, self.height, self.chain, x0=x, y0=y)


@lru_cache(maxsize=8192)
def _paragraph_lines(paragraph: str, width: float, indent: float, size: float, chain) -> tuple[str, ...]:
    """The lines of one paragraph; remembered, as forms break the same labels and notes in the same columns."""
    if not paragraph:
        return ("",)
    fits = chain.main_width(paragraph, size)
    if not indent and fits is not None and fits <= width:
        return (paragraph,)  # the common short cell: nothing to break
    return tuple(break_lines(paragraph, width, size, first_indent=indent / size, chain=chain) or [""])


def draw_lines(canv, lines: list[tuple[str, float]], style: TextStyle, width: float, height: float,
               chain: fonts.FontChain, *, writer: TextWriter | None = None, x0: float = 0.0, y0: float = 0.0) -> None:
    """Draw laid-out lines (text, indent) top-down in a box ``width`` × ``height`` with its lower left corner at
    (``x0``, ``y0``); the text goes to ``writer`` (one text object shared by a table's cells) or its own."""
    size, leading = style.size, style.leading
    own = writer is None
    if own:
        writer = TextWriter(canv)
    mode = 2 if style.bold else 0
    writer.fill(style.colour)
    if style.bold:
        writer.line_width(size * BOLD_STROKE)
    boxes: list[tuple[float, float]] = []
    align = style.align
    y = y0 + height - (leading - size) / 2 - ASCENT * size
    for line, indent in lines:
        if line:
            if align == "left":
                x = x0 + indent
            else:
                line_width = chain.string_width(line, size)
                x = x0 + (width - line_width if align == "right" else (width - line_width) / 2)
            runs = chain.runs(line)
            for n, (font, chunk) in enumerate(runs, 1):
                if font is None:  # nothing prints it: invisible text (the real character stays) in a crossed box
                    writer.font(fonts.MISSING, size)
                    writer.mode(3)
                    for k, ch in enumerate(chunk):
                        writer.show(x + k * size, y, ch)
                        boxes.append((x + k * size, y))
                    x += len(chunk) * size
                    continue
                writer.font(font, size)
                writer.mode(mode)
                writer.show(x, y, chunk)
                if n < len(runs):  # another font's run follows
                    x += chain.string_width(chunk, size)
        y -= leading
    if own:
        writer.close()
    if boxes:
        canv.saveState()
        if style.colour != "#000000":
            canv.setStrokeColor(style.colour)
        canv.setLineWidth(0.5)
        for x, base in boxes:
            left, bottom, side = x + 0.08 * size, base - 0.12 * size, 0.84 * size
            canv.rect(left, bottom, side, side, stroke=1, fill=0)
            canv.line(left, bottom, left + side, bottom + side)
            canv.line(left, bottom + side, left + side, bottom)
        canv.restoreState()
