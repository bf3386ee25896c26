"""``Grid`` draws the forms' tables where ReportLab's ``Table`` would: same heights, page breaks, words, pixels."""

import io

import pytest
from reportlab.lib.units import mm
from reportlab.platypus import Table

from fupin_desktop.reports import tables
from fupin_desktop.reports.cellstyles import supports
from fupin_desktop.reports.grid import Grid, HeaderText
from fupin_desktop.reports.packet import render_packet
from fupin_desktop.reports.tables import FormTable, form_table, kv_table
from fupin_desktop.reports.typesetting import TextBlock
from tests.reports import factory
from tests.reports.pdf_checks import gray_pages, page_texts, pixels_apart, word_boxes
from tests.reports.test_documents import DOCUMENTS

MEMBERS = [["序号", "姓名", "与户主关系", "公民身份号码", "健康状况", "备注"]] + [
    [str(i), f"王{i}号", "之子", "61070219680312013X", "长期慢性病（高血压）", "在外务工，每月寄回生活费" * (i % 3)]
    for i in range(1, 40)
]
WIDTHS = [10 * mm, 20 * mm, 20 * mm, 40 * mm, 30 * mm, 50 * mm]


def _both(build):
    """The same table built as a ``Grid`` and, with ``Grid`` refused, as ReportLab's ``Table``."""
    grid = build()
    original = tables.supports
    tables.supports = lambda commands, cells: False
    try:
        table = build()
    finally:
        tables.supports = original
    assert isinstance(grid, Grid) and isinstance(table, FormTable)
    return grid, table


BUILDS = {
    "members": lambda: form_table(MEMBERS, WIDTHS, align=["CENTER", "CENTER", "CENTER", "CENTER", "LEFT", "LEFT"]),
    "fixed_rows": lambda: form_table(MEMBERS[:8], WIDTHS, row_heights=[None] + [13 * mm] * 7),
    "kv_spans": lambda: kv_table([[("户主姓名", "王䶮"), ("身份证号", tables.Fixed("61070219680312013X"))],
                                  [("家庭住址", "陕西省汉中市汉台区武乡镇石堰村二组18号，靠近村委会，门前有一棵大槐树")],
                                  [("耕地", "3.5亩"), ("林地", "2亩")]], 170 * mm),
    "styled": lambda: form_table([["项目", "金额", "说明"], ["总收入", "12,345.00", ""], ["纯收入", "9,000.00", "扣除"]],
                                 [40 * mm, 40 * mm, 90 * mm], align=["LEFT", "RIGHT", "LEFT"],
                                 style=[("FONT", (0, 1), (-1, 1), "FupinSans-Bold", 9, 12),
                                        ("LINEAFTER", (1, 0), (1, -1), 1.4, "#000000"),
                                        ("BACKGROUND", (0, 2), (-1, 2), "#f6f6f6"),
                                        ("SPAN", (1, -1), (2, -1))]),
}


@pytest.mark.parametrize("name", sorted(BUILDS))
def test_heights_and_page_breaks_match_reportlab(name):
    grid, table = _both(BUILDS[name])
    assert grid.wrap(170 * mm, 800) == pytest.approx(table.wrap(170 * mm, 800), abs=1e-9)
    for height in (30, 55.5, 120, 200, 333.3, 700):
        ours, theirs = grid.split(170 * mm, height), table.split(170 * mm, height)
        assert len(ours) == len(theirs)
        if len(ours) == 2:
            assert [len(p._rows) for p in ours] == [len(p._cellvalues) for p in theirs]
            assert ours[1].wrap(170 * mm, 800)[1] == pytest.approx(theirs[1].wrap(170 * mm, 800)[1], abs=1e-9)


def test_a_long_table_repeats_its_header_and_keeps_rows_whole():
    grid = BUILDS["members"]()
    first, rest = grid.split(170 * mm, 200)
    assert first._rows[0] == rest._rows[0] == 0  # the header row starts both parts
    assert first._rows[-1] + 1 == rest._rows[1]  # no row lost, none cut
    assert grid.split(170 * mm, 10) == []  # not even the header and one row: move to the next page


def test_cells_keep_their_kinds():
    grid = BUILDS["members"]()
    header, row = grid.cells[0], grid.cells[2]
    assert all(type(c) is HeaderText for c in header)
    assert row[0] == "2" and isinstance(row[5], TextBlock)  # the long note wraps (避头尾)


def test_commands_grid_cannot_draw_fall_back_to_reportlab():
    assert not supports([("ROWBACKGROUNDS", (0, 0), (-1, -1), ["#ffffff", "#eeeeee"])], [["a"]])
    assert not supports([("SPAN", (0, 0), (0, 1))], [["a"], ["b"]])  # spans rows
    assert not supports([("GRID", (0, 0), (-1, -1), 1, "#000000", 0, [2, 2])], [["a"]])  # dashed
    table = form_table([["甲", "乙"], ["1", "2"]], [30 * mm, 30 * mm],
                       style=[("ROWBACKGROUNDS", (0, 1), (-1, -1), ["#ffffff", "#eeeeee"])])
    assert isinstance(table, Table)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_documents_print_the_same_words_and_pixels_as_with_reportlab_tables(name, tmp_path, monkeypatch):
    render, make = DOCUMENTS[name]
    ours, theirs = tmp_path / "grid.pdf", tmp_path / "table.pdf"
    render(make(), ours)
    monkeypatch.setattr(tables, "supports", lambda commands, cells: False)
    render(make(), theirs)
    assert page_texts(ours) and len(page_texts(ours)) == len(page_texts(theirs))
    boxes = word_boxes(ours)
    if boxes is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    assert boxes == word_boxes(theirs)
    a, b = gray_pages(ours, tmp_path / "a"), gray_pages(theirs, tmp_path / "b")
    assert [(w, h) for w, h, _ in a] == [(w, h) for w, h, _ in b]
    for (_, _, pa), (_, _, pb) in zip(a, b, strict=True):
        assert pixels_apart(pa, pb) == 0  # only anti-aliasing where lines cross may differ


def test_a_twelve_member_packet_breaks_pages_where_reportlab_does(monkeypatch):
    data = factory.packet(12)
    ours, theirs = io.BytesIO(), io.BytesIO()
    pages = render_packet(data, ours)
    monkeypatch.setattr(tables, "supports", lambda commands, cells: False)
    assert render_packet(data, theirs) == pages
    assert [set(t.split()) for t in page_texts(ours)] == [set(t.split()) for t in page_texts(theirs)]

