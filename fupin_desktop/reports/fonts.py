"""Fonts of the printed forms: the shipped CJK TrueType font, its fallbacks for 生僻字, and glyph checks.

- ``MAIN`` is WenQuanYi Micro Hei (``resources/fonts/wqy-microhei.ttc``, subfont 0), embedded as a subset in
  every PDF; the screen uses the same file.
- ``BOLD`` is the same face under a second name: WenQuanYi Micro Hei has no bold. ReportLab maps a second
  registration of the same face onto the first font object, so the PDF embeds the face once. Where the
  reports draw text themselves (titles, headings, table headers: ``typesetting.TextBlock``) a bold style is
  drawn slightly heavier (fill + a thin stroke of the glyph outline); plain table cells set in ``BOLD`` look
  the same as ``MAIN``.
- Fallback fonts print characters the main font lacks (a rare character in a name, 生僻字): every string is
  checked against the main font's character map and split into per-font runs. The first fallback is the
  shipped ``resources/fonts/BabelStoneHan-subset.ttf`` (CJK Extension A and B and the compatibility
  ideographs, made by ``packaging/subset_fallback_font.py``), so the same names print the same everywhere;
  then, on first need, ``FUPIN_FALLBACK_FONTS`` (paths separated by ``os.pathsep``), the rest of
  ``resources/fonts`` and the system's font folders (SimSun-ExtB first on Windows); only TrueType-outline
  fonts can be embedded, the others are skipped.
- A character no font can print is never left blank: ``TextBlock`` draws a crossed box in its place and the
  character itself as invisible text in ``MISSING`` (a notdef-only copy of the main face), so the PDF's text
  still holds the real name. ``missing_glyphs`` lists such characters for data entry and print preview.
"""

import copy
import os
import re
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from fupin_desktop.resources import font_path, resource_path

MAIN = "FupinSans"
BOLD = "FupinSans-Bold"
MISSING = "FupinSans-Missing"
FALLBACK_PREFIX = "FupinFallback"
FALLBACK_ENV = "FUPIN_FALLBACK_FONTS"
SHIPPED_FALLBACK_FILE = "BabelStoneHan-subset.ttf"
FONT_SUFFIXES = (".ttf", ".ttc")
MAX_FALLBACK_FILES = 64
MAX_REMEMBERED_WIDTHS = 200_000

# Fonts known to cover CJK extensions, tried before any other font of a folder (lower-case file names).
PREFERRED_FALLBACKS = (
    "simsunb.ttf",  # SimSun-ExtB (Windows): CJK Extension B
    "simsun.ttc",
    "mingliub.ttc",
    "hanamina.ttf",  # 花園明朝 A: Extension A
    "hanaminb.ttf",  # 花園明朝 B: Extension B
    "msyh.ttc",
    "simhei.ttf",
    "uming.ttc",
    "ukai.ttc",
    "wqy-zenhei.ttc",
    "droidsansfallbackfull.ttf",
    "droidsansfallback.ttf",
)

_CJK_NAME = re.compile(r"cjk|han|ming|song|sun|kai|hei|wqy|droid|unifont|babelstone|fallback|arphic|jigmo")
_lock = threading.RLock()


def _to_unicode_cmap(fontname, subset) -> str:
    """ReportLab's ToUnicode CMap with characters beyond the BMP (CJK Extension B: 𠮷) written as UTF-16BE
    surrogate pairs; ReportLab writes ``<20BB7>``, which PDF readers reject, losing the text of such names."""
    text = _rl_to_unicode_cmap(fontname, subset)
    wide = {f"<{v:04X}>": "<" + chr(v).encode("utf-16-be").hex().upper() + ">" for v in subset if v > 0xFFFF}
    if not wide:
        return text
    return re.sub(r"<[0-9A-F]{5,6}>$", lambda m: wide.get(m.group(0), m.group(0)), text, flags=re.MULTILINE)


_rl_to_unicode_cmap = ttfonts.makeToUnicodeCMap
ttfonts.makeToUnicodeCMap = _to_unicode_cmap


class _AllCodes(dict):
    """A character map that claims every code and maps the unknown ones to glyph 0 (.notdef)."""

    def __contains__(self, code) -> bool:
        return True

    def __missing__(self, code) -> int:
        return 0


def _face_copy(font: TTFont, name: str, face_suffix: bytes, char_to_glyph: dict | None = None) -> TTFont:
    """A second font object over the same parsed face, embedded separately under ``face_suffix``."""
    clone = copy.copy(font)
    clone.fontName = name
    clone.face = copy.copy(font.face)
    clone.face.name = font.face.name + face_suffix
    if char_to_glyph is not None:
        clone.face.charToGlyph = char_to_glyph
    clone.state = type(font.state)()
    return clone


@cache
def register_fonts() -> TTFont:
    """Register ``MAIN``, ``BOLD`` and ``MISSING`` once per process; return the main font object."""
    with _lock:
        main = TTFont(MAIN, str(font_path()), subfontIndex=0)
        pdfmetrics.registerFont(main)
        alias = copy.copy(main)
        alias.fontName = BOLD
        pdfmetrics.registerFont(alias)  # same face name: ReportLab maps BOLD onto the main font object
        pdfmetrics.registerFontFamily(MAIN, normal=MAIN, bold=BOLD, italic=MAIN, boldItalic=BOLD)
        missing = _face_copy(main, MISSING, b"-Missing", _AllCodes(main.face.charToGlyph))
        pdfmetrics.registerFont(missing)
        return main


def _system_font_dirs() -> list[Path]:
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"),
                Path("/Library/Fonts"), home / "Library" / "Fonts"]
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".local" / "share" / "fonts",
            home / ".fonts"]


def _font_files(folder: Path, *, cjk_only: bool) -> list[Path]:
    """TrueType files of ``folder`` (recursively), the known CJK fallbacks first.

    In system folders only fonts whose file name suggests CJK coverage are taken: a Windows font folder holds
    hundreds of Latin fonts, and parsing each would stall the first print with a rare character.
    """
    try:
        found = [p for p in folder.rglob("*") if p.suffix.lower() in FONT_SUFFIXES and p.is_file()]
    except OSError:
        return []
    rank = {name: i for i, name in enumerate(PREFERRED_FALLBACKS)}
    if cjk_only:
        found = [p for p in found if p.name.lower() in rank or _CJK_NAME.search(p.name.lower())]
    return sorted(found, key=lambda p: (rank.get(p.name.lower(), len(rank)), str(p)))


def candidate_fallback_files() -> list[Path]:
    """Font files to try as fallbacks, in order: the shipped subset, the environment, ``resources/fonts``,
    the system."""
    shipped = resource_path("fonts", SHIPPED_FALLBACK_FILE)
    paths = [shipped] if shipped.is_file() else []
    paths += [Path(p) for p in os.environ.get(FALLBACK_ENV, "").split(os.pathsep) if p.strip()]
    paths += _font_files(resource_path("fonts"), cjk_only=False)
    for folder in _system_font_dirs():
        paths += _font_files(folder, cjk_only=True)
    main = font_path().resolve()
    seen: set[Path] = set()
    result = []
    for path in paths:
        resolved = path.resolve()
        if resolved == main or resolved in seen or path.name.lower() == main.name.lower():
            continue
        seen.add(resolved)
        result.append(path)
    return result[:MAX_FALLBACK_FILES]


def _load_fallbacks(paths: Iterable[Path]) -> Iterable[TTFont]:
    """Register each loadable TrueType-outline font; CFF/OpenType-PS and broken files are skipped."""
    for index, path in enumerate(paths):
        name = f"{FALLBACK_PREFIX}{index}"
        try:
            font = TTFont(name, str(path), subfontIndex=0)
        except Exception:  # noqa: BLE001 - any unreadable font is simply not a fallback
            continue
        pdfmetrics.registerFont(font)
        yield pdfmetrics.getFont(name)


class FontChain:
    """The main font, then fallback fonts in order of preference, with per-character lookups.

    ``fallbacks`` is a sequence of registered font objects or a callable producing them (called once, on the
    first character the main font lacks). ``main_lacks`` names characters to treat as absent from the main
    font (a test hook that exercises the fallback path on a machine with one CJK font).
    """

    def __init__(self, main: TTFont, fallbacks: Sequence[TTFont] | Callable[[], Iterable[TTFont]] = (),
                 *, main_lacks: Iterable[str] = ()) -> None:
        self.main = main
        codes = main.face.charToGlyph
        self._main_chars = (frozenset(map(chr, codes)) - frozenset(main_lacks)) | {" ", "\n", "\t"}
        self._widths = main.face.charWidths
        self._default_width = main.face.defaultWidth
        self._fallback_source = fallbacks
        self._fallbacks: list[TTFont] = []
        self._pending: Iterator[TTFont] | None = None
        self._started = False
        self._font_of: dict[str, str | None] = {}
        self._main_widths: dict[tuple[str, float], float | None] = {}

    # -- lookups -------------------------------------------------------------------------------------

    def all_main(self, text: str) -> bool:
        """True when the main font prints every character of ``text`` (the common, fast case)."""
        return self._main_chars.issuperset(text)

    def _iter_fallbacks(self) -> Iterator[TTFont]:
        """Loaded fallbacks first, then the others, loaded one at a time as they are needed."""
        yield from list(self._fallbacks)
        with _lock:
            if not self._started:
                source = self._fallback_source
                self._pending = iter(source() if callable(source) else source)
                self._started = True
        while self._pending is not None:
            with _lock:
                font = next(self._pending, None) if self._pending is not None else None
                if font is None:
                    self._pending = None
                    return
                self._fallbacks.append(font)
            yield font

    def fallbacks(self) -> list[TTFont]:
        """Every fallback font (loading them all)."""
        for _ in self._iter_fallbacks():
            pass
        return list(self._fallbacks)

    def font_for(self, ch: str) -> str | None:
        """The name of the first font that prints ``ch``; None when no font can."""
        if ch in self._main_chars:
            return MAIN
        try:
            return self._font_of[ch]
        except KeyError:
            pass
        found = None
        if not ch.isspace() and ord(ch) >= 32:
            code = ord(ch)
            found = next((f.fontName for f in self._iter_fallbacks() if code in f.face.charToGlyph), None)
        else:
            found = MAIN
        self._font_of[ch] = found
        return found

    def runs(self, text: str) -> list[tuple[str | None, str]]:
        """``text`` split into (font name, chunk) runs; the font is None for characters nothing prints."""
        if self.all_main(text):
            return [(MAIN, text)] if text else []
        runs: list[tuple[str | None, str]] = []
        for ch in text:
            font = self.font_for(ch)
            if runs and runs[-1][0] == font:
                runs[-1] = (font, runs[-1][1] + ch)
            else:
                runs.append((font, ch))
        return runs

    def missing(self, text: str) -> list[str]:
        """Characters of ``text`` (each once, in order) that no available font can print."""
        if self.all_main(text):
            return []
        return list(dict.fromkeys(ch for ch in text if self.font_for(ch) is None))

    def char_width(self, ch: str) -> float:
        """Advance width of ``ch`` in 1/1000 em: from its font, or one em for an unprintable character."""
        if ch in self._main_chars:
            return self._widths.get(ord(ch), self._default_width)
        name = self.font_for(ch)
        if name is None:
            return 1000.0
        face = pdfmetrics.getFont(name).face
        return face.charWidths.get(ord(ch), face.defaultWidth)

    def main_width(self, text: str, size: float) -> float | None:
        """Width of ``text`` in the main font, or None when the main font lacks one of its characters.

        Remembered per (text, size): forms repeat the same labels and values on every household's pages.
        """
        key = (text, size)
        try:
            return self._main_widths[key]
        except KeyError:
            pass
        if len(self._main_widths) > MAX_REMEMBERED_WIDTHS:
            self._main_widths.clear()
        width = self.main.stringWidth(text, size) if self._main_chars.issuperset(text) else None
        self._main_widths[key] = width
        return width

    def string_width(self, text: str, size: float) -> float:
        width = self.main_width(text, size)
        if width is not None:
            return width
        return sum(self.char_width(ch) for ch in text) * size / 1000.0

    def markup(self, text: str) -> str:
        """Paragraph markup of ``text``: escaped, with ``<font name=...>`` runs for fallback characters."""
        parts = []
        for font, chunk in self.runs(text):
            if font in (MAIN, None):
                parts.append(escape(chunk))
            else:
                parts.append(f'<font name="{font}">{escape(chunk)}</font>')
        return "".join(parts)


_active: FontChain | None = None


def chain() -> FontChain:
    """The process's font chain: the shipped font, then fallbacks found on first need."""
    global _active
    with _lock:
        if _active is None:
            _active = FontChain(register_fonts(), lambda: _load_fallbacks(candidate_fallback_files()))
        return _active


def use_chain(new: FontChain | None) -> FontChain | None:
    """Replace the process's chain (None restores the default); returns the previous one."""
    global _active
    with _lock:
        previous, _active = _active, new
        return previous


def register_face_copy(name: str) -> TTFont:
    """A registered copy of the main face embedded under its own name, to stand in for a fallback font."""
    main = register_fonts()
    with _lock:
        try:
            return pdfmetrics.getFont(name)
        except KeyError:
            clone = _face_copy(main, name, b"-" + name.encode("ascii"))
            pdfmetrics.registerFont(clone)
            return clone


def missing_glyphs(text: str) -> list[str]:
    """Characters of ``text`` that no available font can print (warn at data entry and in preview)."""
    return chain().missing(text or "")


def can_print(text: str) -> bool:
    return not missing_glyphs(text)
