"""Make the shipped fallback font for 生僻字: a subset of BabelStone Han (TrueType, Arphic Public License).

WenQuanYi Micro Hei (the main font) covers the CJK Unified Ideographs block but not its extensions, so a
name such as 王䶮 (U+4DAE, Extension A) or 𠮷 (U+20BB7, Extension B) would print as a box. BabelStone Han
covers them, but the whole font is 51 MB; this script keeps only what the main font lacks and names need:

- CJK Unified Ideographs Extension A (U+3400–U+4DBF),
- CJK Compatibility Ideographs (U+F900–U+FAFF) and their Supplement (U+2F800–U+2FA1F),
- Extension B (U+20000–U+2A6DF) when the whole block keeps the file under ``--max-mb``; otherwise only the
  Extension B characters known from Chinese personal and place names (``NAME_CHARACTERS_EXT_B``).

Outlines stay TrueType (``glyf``) so ReportLab can embed them; hinting, layout tables and glyph names are
dropped (print and screen rasterise well without them). The family is renamed so the subset never passes
for the full font installed on a machine. Reproducible: the same input font gives the same bytes.

Usage (a development tool; fontTools is not a runtime dependency)::

    .venv/bin/pip install fonttools
    .venv/bin/python packaging/subset_fallback_font.py \\
        /usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf resources/fonts/BabelStoneHan-subset.ttf

The source font is the Debian package ``fonts-babelstone-han`` (``apt-get download fonts-babelstone-han``,
then ``dpkg-deb -x``); its copyright file is ``resources/fonts/LICENSE-babelstone-han.txt``.
"""

import argparse
import io
import sys
from pathlib import Path

EXT_A = (0x3400, 0x4DBF)
EXT_B = (0x20000, 0x2A6DF)
COMPAT = (0xF900, 0xFAFF)
COMPAT_SUPPLEMENT = (0x2F800, 0x2FA1F)

# Extension B characters met in Chinese personal and place names (household registers, ID cards, news of
# people whose names "the computer cannot type"). Used only when the whole block would make the file too big.
NAME_CHARACTERS_EXT_B = (
    "𠮷"  # U+20BB7, the 吉 with 土 on top: the best-known case of a surname "the computer cannot type"
    "𡈼𨚕𠇔𡒄𣲗𣲘𤧛𥖨𦍑𧿹𨭉𨱇𩽾𩾌𪚥𠀾𠁆𠆆"  # a short list of further name characters: extend it when a village reports one
)

FAMILY = "BabelStone Han Fupin Subset"
POSTSCRIPT = "BabelStoneHan-FupinSubset"
DEFAULT_MAX_MB = 25.0


def block(lo: int, hi: int) -> set[int]:
    return set(range(lo, hi + 1))


def subset(source: Path, codepoints: set[int]) -> tuple[bytes, int]:
    """(TrueType bytes, glyph count) of ``source`` cut down to ``codepoints``."""
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    options = ft_subset.Options()
    options.layout_features = []  # no GSUB/GPOS features: ideographs need none
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "DSIG", "meta", "vhea", "vmtx"]
    options.hinting = False  # drops fpgm, prep, cvt and glyph instructions
    options.glyph_names = False
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False  # reproducible bytes
    options.recalc_bounds = True
    font = TTFont(str(source), recalcTimestamp=False)
    cmap = font.getBestCmap()
    wanted = sorted(c for c in codepoints if c in cmap)
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    _rename(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue(), len(font.getGlyphOrder())


def _rename(font) -> None:
    """A family name of its own: the subset must never stand in for the full BabelStone Han."""
    name = font["name"]
    for record in list(name.names):
        if record.nameID in (1, 4, 16):
            record.string = FAMILY
        elif record.nameID == 3:
            record.string = f"{FAMILY}: {record.toUnicode().split(':')[-1].strip()}"
        elif record.nameID == 6:
            record.string = POSTSCRIPT
    name.names = [r for r in name.names if r.nameID != 16 and r.nameID != 17]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="BabelStoneHan.ttf (the full font)")
    parser.add_argument("target", type=Path, help="where to write the subset (.ttf)")
    parser.add_argument("--max-mb", type=float, default=DEFAULT_MAX_MB,
                        help="keep the whole Extension B block only if the file stays below this size")
    parser.add_argument("--no-ext-b", action="store_true", help="leave the whole Extension B block out")
    args = parser.parse_args(argv)

    base = block(*EXT_A) | block(*COMPAT) | block(*COMPAT_SUPPLEMENT)
    names = {ord(ch) for ch in NAME_CHARACTERS_EXT_B}
    data, glyphs = b"", 0
    if not args.no_ext_b:
        data, glyphs = subset(args.source, base | block(*EXT_B))
        size_mb = len(data) / 1e6
        print(f"Extension A + B + compatibility: {glyphs} glyphs, {size_mb:.1f} MB", file=sys.stderr)
        if size_mb > args.max_mb:
            data = b""
    if not data:
        data, glyphs = subset(args.source, base | names)
        print(f"Extension A + compatibility + {len(names)} name characters of Extension B: {glyphs} glyphs,"
              f" {len(data) / 1e6:.1f} MB", file=sys.stderr)
    args.target.parent.mkdir(parents=True, exist_ok=True)
    args.target.write_bytes(data)
    print(f"wrote {args.target} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
