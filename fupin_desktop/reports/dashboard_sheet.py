"""作战图 dashboard sheet: the battle room's wall figures on one A4 page (DOMAIN.md §4).

Key figures and 贫困发生率; bar charts of households by colour, main cause, planned exit year and villager
group (reportlab.graphics); the households behind schedule.
"""

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table

from fupin_desktop.domain import codes
from fupin_desktop.domain.colours import COLOUR_NAMES, colour_hex
from fupin_desktop.domain.exits import step_name
from fupin_desktop.i18n.formatting import format_percent
from fupin_desktop.reports import fonts, layout
from fupin_desktop.reports.data import DashboardData
from fupin_desktop.reports.layout import PartStart
from fupin_desktop.reports.tables import Fixed, form_table
from fupin_desktop.reports.typesetting import CELL, NOTE, SUBHEADING, SUBTITLE, TITLE, TextBlock

WIDTH = 170 * mm
CHART_HEIGHT = 62 * mm
BAR = colors.HexColor("#4a6fa5")
STATUS = {"overdue": "已逾期", "at_risk": "有风险"}


def bar_chart(title: str, items: list[tuple[str, int, object]], width: float, height: float = CHART_HEIGHT) -> Drawing:
    """Vertical bars with the value above each bar and the label below; ``items`` are (label, value, colour)."""
    d = Drawing(width, height)
    d.initialFontName = fonts.MAIN  # else the renderer's first state selects Helvetica (not embedded)
    d.add(String(4, height - 12, title, fontName=fonts.MAIN, fontSize=10))
    top, bottom, left = height - 30, 22, 8
    d.add(Line(left, bottom, width - 4, bottom, strokeWidth=0.6))
    if not items:
        d.add(String(width / 2, height / 2, "（无数据）", fontName=fonts.MAIN, fontSize=9, textAnchor="middle"))
        return d
    biggest = max(value for _, value, _ in items) or 1
    slot = (width - left - 8) / len(items)
    bar = min(slot * 0.6, 14 * mm)
    size = 8 if slot > 30 else 6.5
    for i, (label, value, colour) in enumerate(items):
        x = left + i * slot + (slot - bar) / 2
        h = (top - bottom) * value / biggest
        d.add(Rect(x, bottom, bar, h, fillColor=colour, strokeColor=colors.black, strokeWidth=0.3))
        d.add(String(x + bar / 2, bottom + h + 3, str(value), fontName=fonts.MAIN, fontSize=size, textAnchor="middle"))
        d.add(String(x + bar / 2, bottom - 11, label, fontName=fonts.MAIN, fontSize=size, textAnchor="middle"))
    return d


def dashboard_story(data: DashboardData, *, locale: str = "zh_CN") -> list:
    rural = data.rural_population or data.village.rural_population
    rate = data.remaining_people / rural if rural else None
    rate_text = format_percent(rate, locale, 2) if rate is not None else "（未录入农村人口）"
    figures = [
        ["建档立卡贫困户", "贫困人口", "已脱贫户", "未脱贫户", "农村人口", "贫困发生率"],
        [f"{data.households}户", f"{data.people}人", f"{data.exited}户", f"{data.households - data.exited}户",
         f"{rural}人" if rural else "", rate_text],
    ]
    key = form_table(figures, [WIDTH / 6] * 6, cell_style=CELL.but(size=11, leading=15))
    half = WIDTH / 2 - 2 * mm
    colour_items = [(f"{COLOUR_NAMES.get(c, c)}色", n, colors.HexColor(colour_hex(c))) for c, n in data.by_colour.items()]
    cause_items = sorted(((codes.POVERTY_CAUSE.label(c, c), n, BAR) for c, n in data.by_cause.items()),
                         key=lambda item: -item[1])
    year_items = [(f"{y}年", n, BAR) for y, n in sorted(data.by_exit_year.items())]
    group_items = [(g, n, BAR) for g, n in data.by_group.items()]
    charts = Table([[bar_chart("按三色状态（户）", colour_items, half), bar_chart("按主要致贫原因（户）", cause_items, half)],
                    [bar_chart("按计划脱贫年度（户）", year_items, half), bar_chart("按村民小组（户）", group_items, half)]],
                   colWidths=[WIDTH / 2] * 2, hAlign="LEFT",
                   style=[("BOX", (0, 0), (-1, -1), layout.GRID_WIDTH, layout.BLACK),
                          ("INNERGRID", (0, 0), (-1, -1), 0.3, colors.grey), ("FONT", (0, 0), (-1, -1), fonts.MAIN, 9),
                          ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)])
    rows = [["户编号", "村民小组", "户主姓名", "计划脱贫", "状态", "当前进度", "下一步"]]
    for b in data.behind:
        rows.append([Fixed(b.number), b.village_group, b.head_name, str(b.planned_exit_year or ""),
                     STATUS.get(b.status, b.status), step_name(b.step) if b.step else "未启动", b.next_action])
    if len(rows) == 1:
        rows.append(["", "", "（无进度滞后户）", "", "", "", ""])
    behind = form_table(rows, layout.columns(WIDTH, 33, 13, 15, 12, 11, 16, 42),
                        align=["CENTER"] * 6 + ["LEFT"])
    return [
        PartStart(f"脱贫攻坚作战图 · {data.year}年度", place=data.village.full_name or data.village.name,
                  printed_on=data.printed_on),
        TextBlock(f"{data.village.name}脱贫攻坚作战图", TITLE),
        TextBlock(f"（{data.year}年度）", SUBTITLE),
        key,
        TextBlock("贫困发生率＝未脱贫人口÷农村人口；贫困村退出须低于2%（西部地区低于3%）。", NOTE.but(space_before=2)),
        Spacer(0, 3 * mm),
        charts,
        TextBlock(f"进度滞后户（{len(data.behind)}户）", SUBHEADING.but(space_before=6)),
        behind,
    ]


def render_dashboard(data: DashboardData, out, *, locale: str = "zh_CN") -> int:
    """Write the dashboard sheet to ``out`` (path or binary file); returns the number of pages."""
    return layout.render_story(out, dashboard_story(data, locale=locale), title=f"{data.village.name}脱贫攻坚作战图",
                               place=data.village.full_name or data.village.name, printed_on=data.printed_on)
