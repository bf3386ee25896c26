"""花名册: all households (or a filter), one line each with its colour, on landscape A4 (DOMAIN.md §4).

Rows are streamed from ``RosterData.rows`` (a generator is fine) one page at a time: every row is one line
of fixed height (long values shrink instead of wrapping), so each page gets its own table with the header
row, and no table ever grows past a page (ReportLab's table layout slows down past a few thousand rows).

ID numbers are masked and phones left out unless ``show_private`` is set (internal use, chosen explicitly in
the print dialog).
"""

from collections.abc import Iterator
from itertools import islice

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak

from fupin_desktop.domain import codes
from fupin_desktop.domain.exits import step_name
from fupin_desktop.reports import layout
from fupin_desktop.reports import values as v
from fupin_desktop.reports.boxes import Swatch
from fupin_desktop.reports.data import RosterData, RosterRow
from fupin_desktop.reports.layout import PartStart
from fupin_desktop.reports.tables import Fixed, form_table
from fupin_desktop.reports.typesetting import CELL, NOTE, SUBTITLE, TITLE, TextBlock

WIDTH = landscape(A4)[0] - layout.LEFT_MARGIN - layout.RIGHT_MARGIN
HEIGHT = landscape(A4)[1] - layout.TOP_MARGIN - layout.BOTTOM_MARGIN
ROW_HEIGHT = 6.5 * mm
HEADER_HEIGHT = 9 * mm
TITLE_HEIGHT = 24 * mm  # title, subtitle and their spacing on the first page
ROW_STYLE = CELL.but(size=8.5, leading=11)

# (header, width weight, alignment, private)
COLUMNS = (
    ("序号", 7, "CENTER", False), ("色", 5, "CENTER", False), ("村民小组", 12, "CENTER", False),
    ("户编号", 29, "CENTER", False), ("户主姓名", 15, "CENTER", False), ("公民身份号码", 33, "CENTER", False),
    ("联系电话", 22, "CENTER", True), ("人口", 7, "CENTER", False), ("贫困户属性", 18, "CENTER", False),
    ("主要致贫原因", 18, "CENTER", False), ("计划脱贫", 11, "CENTER", False), ("脱贫状态", 25, "CENTER", False),
    ("退出进度", 15, "CENTER", False), ("帮扶责任人", 15, "CENTER", False), ("责任人电话", 22, "CENTER", True),
    ("人均纯收入", 18, "RIGHT", False),
)


def _columns(show_private: bool):
    return [c for c in COLUMNS if show_private or not c[3]]


def _row(index: int, row: RosterRow, show_private: bool, year: int | None) -> list:
    h, head = row.household, row.head
    cells = {
        "序号": str(index), "色": Swatch(v.colour_of_name(row.colour)), "村民小组": h.village_group,
        "户编号": Fixed(h.number), "户主姓名": Fixed(head.name if head else ""),
        "公民身份号码": v.id_text(head.id_number if head else "", masked=not show_private),
        "联系电话": Fixed(h.phone or (head.phone if head else "")), "人口": str(row.people),
        "贫困户属性": Fixed(v.label(codes.household_attribute_table(year or 2020), h.attribute)),
        "主要致贫原因": Fixed(v.label(codes.POVERTY_CAUSE, h.main_cause)),
        "计划脱贫": str(h.planned_exit_year or ""), "脱贫状态": Fixed(v.label(codes.EXIT_STATUS, h.exit_status)),
        "退出进度": Fixed(step_name(row.exit_step) if row.exit_step else "未启动"),
        "帮扶责任人": Fixed(row.helper_name), "责任人电话": Fixed(row.helper_phone),
        "人均纯收入": v.money(row.per_capita_fen) if row.per_capita_fen is not None else "",
    }
    return [cells[c[0]] for c in _columns(show_private)]


def _page_table(rows: list[list], columns) -> object:
    widths = layout.columns(WIDTH, *(c[1] for c in columns))
    return form_table([[c[0] for c in columns], *rows], widths, align=[c[2] for c in columns], cell_style=ROW_STYLE,
                      row_heights=[HEADER_HEIGHT] + [ROW_HEIGHT] * len(rows),
                      style=[("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)])


def roster_chunks(data: RosterData) -> Iterator[list]:
    """The roster's flowables, one page at a time."""
    columns = _columns(data.show_private)
    mode = "内部使用：显示完整身份证号和电话" if data.show_private else "身份证号已隐去中间部分，不含电话号码"
    title = data.title + (f"（{data.year}年度）" if data.year else "")
    yield [PartStart(title, place=data.village.full_name or data.village.name, printed_on=data.printed_on),
           TextBlock(f"{data.village.name}{title}", TITLE.but(size=18, leading=24, space_after=2)),
           TextBlock(f"{data.village.full_name}　打印日期：{v.day(data.printed_on)}　{mode}", SUBTITLE.but(size=9,
                                                                                                   leading=14))]
    first_page = int((HEIGHT - TITLE_HEIGHT - HEADER_HEIGHT - 2) // ROW_HEIGHT)
    per_page = int((HEIGHT - HEADER_HEIGHT - 2) // ROW_HEIGHT)
    rows = iter(data.rows)
    index = households = people = 0
    by_colour: dict[str, int] = {}
    capacity = first_page
    while True:
        page = list(islice(rows, capacity))
        if not page:
            break
        cells = []
        for row in page:
            index += 1
            households += 1
            people += row.people
            by_colour[row.colour] = by_colour.get(row.colour, 0) + 1
            cells.append(_row(index, row, data.show_private, data.year))
        yield ([PageBreak()] if capacity == per_page else []) + [_page_table(cells, columns)]
        capacity = per_page
    colours = "，".join(f"{v.colour_name(c)}色{n}户" for c, n in sorted(by_colour.items()))
    yield [TextBlock(f"合计：{households}户，{people}人" + (f"（{colours}）" if colours else "")
                     + "。色标：红＝落实帮扶措施中，绿＝等待政策衔接、兜底保障，蓝＝成功脱贫。", NOTE.but(space_before=4))]


def render_roster(data: RosterData, out, *, locale: str = "zh_CN") -> int:
    """Write the roster to ``out`` (path or binary file); returns the number of pages."""
    doc = layout.FormDocument(out if isinstance(out, str) or hasattr(out, "write") else str(out), title=data.title,
                              place=data.village.full_name or data.village.name, printed_on=data.printed_on,
                              landscape_pages=True)
    return doc.build(layout.StoryStream(roster_chunks(data)))
