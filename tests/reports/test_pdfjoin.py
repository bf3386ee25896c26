"""Joining chunk PDFs, and the text writer: the joined or directly written file reads as ReportLab's own."""

import io
import re

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from fupin_desktop.reports import fonts
from fupin_desktop.reports.batch import PrintCancelled, render_packets
from fupin_desktop.reports.pdfjoin import join_pdfs
from fupin_desktop.reports.pdftext import TextWriter
from fupin_desktop.reports.sample import sample_packet
from tests.reports.pdf_checks import page_texts, pdffonts_rows, word_boxes

# More than 256 distinct characters: ReportLab spreads them over several font subsets.
MANY = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 600, 2))


def _chunk(first: int, count: int) -> bytes:
    buffer = io.BytesIO()
    render_packets(iter([sample_packet(i) for i in range(first, first + count)]), buffer)
    return buffer.getvalue()


def test_joined_chunks_read_as_one_document(tmp_path):
    target = tmp_path / "joined.pdf"
    with open(target, "wb") as handle:
        pages = join_pdfs([_chunk(0, 2), _chunk(2, 1), _chunk(3, 2)], handle)
    whole = io.BytesIO()
    assert render_packets(iter([sample_packet(i) for i in range(5)]), whole) == pages
    reader = PdfReader(target, strict=True)
    assert len(reader.pages) == pages and reader.metadata.title == "扶贫手册"
    assert page_texts(target) == page_texts(whole)
    rows = pdffonts_rows(target)
    if rows is not None:
        assert rows and all(row["emb"] == "yes" for row in rows)
        tags = [row["name"].split("+")[0] for row in rows]
        assert len(tags) == len(set(tags)), "each embedded subset needs a tag of its own"


def test_joining_something_else_is_refused():
    with pytest.raises(ValueError):
        join_pdfs([b"%PDF-1.4\nnot really\n"], io.BytesIO())
    with pytest.raises(ValueError):
        join_pdfs([], io.BytesIO())


def test_worker_processes_make_the_same_file_as_one_process(tmp_path):
    packets = [sample_packet(i) for i in range(5)]
    one, many = tmp_path / "one.pdf", tmp_path / "many.pdf"
    seen = []
    assert render_packets(iter(packets), one) == render_packets(
        iter(packets), many, workers=2, chunk=2, progress=lambda h, p: seen.append((h, p)))
    assert page_texts(many) == page_texts(one)
    assert [h for h, _ in seen] == [2, 4, 5]  # progress in household order, chunk by chunk
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many.pdf", "one.pdf"]  # no temporary file left


def test_worker_processes_write_one_file_per_household(tmp_path):
    packets = [sample_packet(i) for i in range(3)]
    pages = render_packets(iter(packets), tmp_path / "out", one_file=False, workers=2, chunk=1)
    files = sorted((tmp_path / "out").iterdir())
    assert [f.name[:12] for f in files] == ["packet-0001-", "packet-0002-", "packet-0003-"]
    assert pages == sum(len(PdfReader(f).pages) for f in files)


def test_cancelling_worker_processes_leaves_no_file(tmp_path):
    target = tmp_path / "village.pdf"
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(PrintCancelled):
        render_packets(iter([sample_packet(i) for i in range(12)]), target, workers=2, chunk=2, cancelled=cancelled)
    assert list(tmp_path.iterdir()) == []


def _canvas_pdf(draw) -> io.BytesIO:
    fonts.register_fonts()
    buffer = io.BytesIO()
    canv = Canvas(buffer)
    draw(canv)
    canv.showPage()
    canv.save()
    return buffer


def test_text_writer_puts_words_where_reportlab_does(tmp_path):
    lines = [(40, 800, "户主：王秀英（61070219680312013X）"), (40, 780, MANY[:40]), (60, 760, MANY[40:])]

    def with_writer(canv):
        writer = TextWriter(canv)
        writer.font(fonts.MAIN, 9)
        for x, y, text in lines:
            writer.show(x, y, text)
        writer.close()

    def with_reportlab(canv):
        canv.setFont(fonts.MAIN, 9)
        for x, y, text in lines:
            canv.drawString(x, y, text)

    ours, theirs = tmp_path / "writer.pdf", tmp_path / "canvas.pdf"
    ours.write_bytes(_canvas_pdf(with_writer).getvalue())
    theirs.write_bytes(_canvas_pdf(with_reportlab).getvalue())
    assert [t.strip() for t in page_texts(ours)] == [t.strip() for t in page_texts(theirs)]
    assert MANY[100:140] in re.sub(r"\s", "", page_texts(ours)[0])
    boxes = word_boxes(ours)
    if boxes is not None:
        assert boxes == word_boxes(theirs)
