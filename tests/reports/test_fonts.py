"""The shipped font, the fallback chain for 生僻字, and the warning for characters nothing can print."""

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from fupin_desktop.reports import fonts
from fupin_desktop.reports.packet import render_packet
from tests.reports import factory
from tests.reports.pdf_checks import pdffonts_rows

UNPRINTABLE = "\U0010fffd"  # private use, plane 16: no font ships a glyph for it
FALLBACK = "FupinTestFallback"


@pytest.fixture
def fake_fallback_chain():
    """The main font 'lacks' 王; a second embedded copy of the face stands in for a fallback font."""
    main = fonts.register_fonts()
    chain = fonts.FontChain(main, [fonts.register_face_copy(FALLBACK)], main_lacks="王")
    previous = fonts.use_chain(chain)
    yield chain
    fonts.use_chain(previous)


def test_main_font_is_registered_once_with_a_bold_alias():
    from reportlab.pdfbase import pdfmetrics

    main = fonts.register_fonts()
    assert fonts.register_fonts() is main
    assert pdfmetrics.getFont(fonts.BOLD) is main  # the same face: embedded once
    assert main.face.name == b"WenQuanYiMicroHei"


def test_missing_glyphs_lists_what_no_font_prints():
    assert fonts.missing_glyphs("张三，李四") == []
    assert fonts.missing_glyphs(f"王{UNPRINTABLE}明{UNPRINTABLE}") == [UNPRINTABLE]
    assert fonts.can_print("王秀英")
    # with no fallback at all, 䶮 (CJK Extension A) is beyond WenQuanYi Micro Hei
    alone = fonts.FontChain(fonts.register_fonts(), [])
    assert alone.missing("王䶮") == ["䶮"]
    assert alone.runs("王䶮张") == [(fonts.MAIN, "王"), (None, "䶮"), (fonts.MAIN, "张")]


def test_runs_use_the_fallback_font_for_characters_the_main_font_lacks(fake_fallback_chain):
    chain = fake_fallback_chain
    assert chain.runs("王䶮张王") == [(FALLBACK, "王"), (None, "䶮"), (fonts.MAIN, "张"), (FALLBACK, "王")]
    assert chain.missing("王䶮") == ["䶮"]
    assert chain.markup("王&张") == f'<font name="{FALLBACK}">王</font>&amp;张'


def test_fallback_markup_renders_in_a_reportlab_paragraph(fake_fallback_chain):
    buffer = io.BytesIO()
    style = ParagraphStyle("p", fontName=fonts.MAIN, fontSize=12, leading=16, wordWrap="CJK")
    SimpleDocTemplate(buffer).build([Paragraph(fake_fallback_chain.markup("户主：王秀英"), style)])
    assert "王秀英" in PdfReader(buffer).pages[0].extract_text()


def test_packet_prints_rare_characters_from_the_fallback_and_marks_the_unprintable(fake_fallback_chain, tmp_path):
    path = tmp_path / "packet.pdf"
    render_packet(factory.packet(), path)
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert factory.HEAD in text  # 王 from the fallback, 䶮 kept as invisible text over the drawn box
    rows = pdffonts_rows(path)
    if rows is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    names = [row["name"] for row in rows]
    assert any(FALLBACK in name for name in names), names
    assert any("Missing" in name for name in names), names
    assert all(row["emb"] == "yes" for row in rows), rows


def test_print_preview_lists_names_no_font_can_print():
    from fupin_desktop.reports.checks import unprintable, warning_lines

    alone = fonts.FontChain(fonts.register_fonts(), [])
    previous = fonts.use_chain(alone)
    try:
        found = unprintable(factory.packet())
        lines = warning_lines(factory.signoff())
    finally:
        fonts.use_chain(previous)
    assert ("members[0].name", factory.HEAD, ["䶮"]) in found
    assert all(chars == ["䶮"] for _, _, chars in found)
    assert lines and "王䶮" in lines[0] and "方框" in lines[0]


RARE = "王䶮𠮷㛃"  # 䶮 U+4DAE and 㛃 U+36C3 (Extension A), 𠮷 U+20BB7 (Extension B)


@pytest.fixture
def default_chain():
    """The process's real chain: the shipped font, then the shipped BabelStone Han subset first of all fallbacks."""
    previous = fonts.use_chain(None)
    yield fonts.chain()
    fonts.use_chain(previous)


def test_the_shipped_fallback_is_the_first_fallback_and_is_truetype():
    from fupin_desktop.resources import resource_path

    shipped = resource_path("fonts", fonts.SHIPPED_FALLBACK_FILE)
    assert shipped.is_file()
    assert (resource_path("fonts") / "LICENSE-babelstone-han.txt").is_file()
    assert fonts.candidate_fallback_files()[0] == shipped
    assert shipped.read_bytes()[:4] == b"\x00\x01\x00\x00"  # TrueType outlines (glyf), embeddable by ReportLab


def test_rare_characters_print_from_the_shipped_fallback(default_chain, tmp_path):
    assert fonts.missing_glyphs(RARE) == []
    assert [font for font, _chunk in default_chain.runs(RARE)][0] == fonts.MAIN
    assert all(font and font.startswith(fonts.FALLBACK_PREFIX) for font, _chunk in default_chain.runs(RARE)[1:])
    import dataclasses

    data = factory.packet()
    spouse = "李𠮷㛃"  # Extension B beyond the BMP: its text must survive too (ToUnicode as UTF-16)
    data = dataclasses.replace(data, members=tuple(dataclasses.replace(m, name=spouse) if m.relation == "02" else m
                                                   for m in data.members))
    path = tmp_path / "packet.pdf"
    render_packet(data, path)
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert factory.HEAD in text and spouse in text.replace(" ", "")
    from fupin_desktop.reports.checks import warning_lines

    assert warning_lines(data) == []  # nothing left to warn about: 䶮 really prints
    rows = pdffonts_rows(path)
    if rows is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    names = [row["name"] for row in rows]
    assert any("WenQuanYiMicroHei" in name for name in names), names
    assert any("BabelStoneHan" in name for name in names), names
    assert not any("Missing" in name for name in names), names  # no crossed box: a real glyph
    assert all(row["emb"] == "yes" for row in rows), rows
