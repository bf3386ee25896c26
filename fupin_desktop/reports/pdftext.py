"""Text straight into a page's content stream: one PDF text object for many strings, encodings remembered.

ReportLab's ``PDFTextObject.textOut`` measures the string, splits it into font subsets and escapes it on every
call, through several layers of Python. Forms repeat the same labels, dates and amounts on every household's
pages, so ``TextWriter`` keeps, per document and font, each string's encoded form (subset font name and
escaped bytes: the subset codes ReportLab assigns never change within a document) and writes the operators
itself. The PDF is the same as ReportLab's (same fonts, subsets, ToUnicode maps, positions); only the
grouping of strings into text objects differs.
"""

from weakref import WeakKeyDictionary

from reportlab.lib.colors import Color, toColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import unicode2T1
from reportlab.pdfgen.textobject import fp_str

_encoded: "WeakKeyDictionary[object, dict]" = WeakKeyDictionary()  # document → {font: {text: ops}}
_colour_ops: dict[object, str] = {}
_numbers: dict[float, str] = {}  # coordinate → its PDF text: forms put text at the same places page after page
MAX_REMEMBERED = 100_000


def number(value: float) -> str:
    """``fp_str(value)``, remembered (ReportLab's formatter takes about a microsecond a number)."""
    text = _numbers.get(value)
    if text is None:
        if len(_numbers) > MAX_REMEMBERED:
            _numbers.clear()
        text = _numbers[value] = fp_str(value)
    return text


def colour_ops(colour, operator: str = "rg") -> str:
    """``r g b rg`` (fill) or ``RG`` (stroke) for a colour, a colour name or ``#rrggbb``."""
    key = (colour, operator)
    ops = _colour_ops.get(key)
    if ops is None:
        c = colour if isinstance(colour, Color) else toColor(colour)
        ops = _colour_ops[key] = f"{fp_str(c.red, c.green, c.blue)} {operator}"
    return ops


class TextWriter:
    """Collects strings at absolute positions into one ``BT … ET`` text object of ``canv``'s current page.

    ``font(name, size)``, ``mode(render_mode)``, ``fill(colour)`` and ``line_width(w)`` set the state;
    ``show(x, y, text)`` puts ``text`` with its baseline starting at (x, y) in the canvas's current
    coordinates; ``close()`` writes the text object to the page, wrapped in ``q … Q`` so that its state does
    not leak into the page.
    """

    __slots__ = ("canv", "_ops", "_cache", "_by_font", "_font", "_size", "_size_text", "_name", "_name_size",
                 "_mode", "_fill", "_stroke")

    def __init__(self, canv) -> None:
        self.canv = canv
        self._ops: list[str] = []
        doc = canv._doc
        cache = _encoded.get(doc)
        if cache is None or sum(map(len, cache.values())) > MAX_REMEMBERED:
            cache = _encoded[doc] = {}
        self._cache: dict[str, dict] = cache  # font name → {text: encoded runs}
        self._by_font: dict = {}
        self._font: str | None = None
        self._size = self._size_text = None
        self._name: str | None = None  # the PDF font (subset) and size last selected with Tf
        self._name_size = None
        self._mode = 0
        self._fill = self._stroke = None

    def font(self, name: str, size: float) -> None:
        if name != self._font:
            self._font = name
            by_font = self._cache.get(name)
            if by_font is None:
                by_font = self._cache[name] = {}
            self._by_font = by_font
        if size != self._size:
            self._size, self._size_text = size, number(size)

    def mode(self, render_mode: int) -> None:
        if render_mode != self._mode:
            self._mode = render_mode
            self._ops.append(f"{render_mode} Tr")

    def fill(self, colour) -> None:
        """Fill and stroke colour (the stroke draws the heavier bold) of the strings that follow."""
        if colour != self._fill:
            self._fill = colour
            self._ops.append(colour_ops(colour, "rg"))
            self._ops.append(colour_ops(colour, "RG"))

    def line_width(self, width: float) -> None:
        if width != self._stroke:
            self._stroke = width
            self._ops.append(f"{number(width)} w")

    def _encode(self, text: str) -> tuple:
        """``text`` in the current font as ReportLab encodes it: (PDF font name, ``(…) Tj``) when it uses one
        font subset, else a tuple of such pairs."""
        font = pdfmetrics.getFont(self._font)
        canv = self.canv
        doc = canv._doc
        if font._dynamicFont:
            runs = tuple((font.getSubsetInternalName(subset, doc), f"({canv._escape(chunk)}) Tj")
                         for subset, chunk in font.splitString(text, doc))
        else:  # a standard Type 1 font
            runs = tuple((doc.getInternalFontName(f.fontName), f"({canv._escape(chunk)}) Tj")
                         for f, chunk in unicode2T1(text, [font, *font.substitutionFonts]))
        encoded = runs[0] if len(runs) == 1 else runs
        self._by_font[text] = encoded
        return encoded

    def show(self, x: float, y: float, text: str) -> None:
        encoded = self._by_font.get(text)
        if encoded is None:
            if not text:
                return
            encoded = self._encode(text)
        at = f"1 0 0 1 {_numbers.get(x) or number(x)} {_numbers.get(y) or number(y)} Tm"
        name = encoded[0]
        if name.__class__ is str:  # one subset: the common case
            if name == self._name and self._size == self._name_size:
                self._ops.append(f"{at} {encoded[1]}")
            else:
                self._name, self._name_size = name, self._size
                self._ops.append(f"{at} {name} {self._size_text} Tf {encoded[1]}")
            return
        ops = self._ops
        ops.append(at)
        for name, shown in encoded:
            if name != self._name or self._size != self._name_size:
                self._name, self._name_size = name, self._size
                ops.append(f"{name} {self._size_text} Tf")
            ops.append(shown)

    def close(self) -> None:
        """Write the collected strings to the page (nothing when there were none)."""
        if self._ops:
            self.canv._code.append("q BT " + " ".join(self._ops) + " ET Q")
            self._ops = []
        self._name = self._name_size = None
        self._mode = 0
        self._fill = self._stroke = None
