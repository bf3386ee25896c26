"""收支 tables shared by the packet, the sign-off sheet and the 明白卡: the year line by line, the months."""

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from fupin_desktop.domain.codes import INCOME_GROUP
from fupin_desktop.domain.income import INCOME_GROUPS, IncomeSummary
from fupin_desktop.domain.records import PovertyLine
from fupin_desktop.reports import fonts, layout
from fupin_desktop.reports import values as v
from fupin_desktop.reports.tables import Fixed, form_table
from fupin_desktop.reports.typesetting import BODY, CELL, SUBHEADING, TextBlock

BOLD_ROW = CELL.but(bold=True)


def comparison(summary: IncomeSummary | None, line: PovertyLine | None) -> str:
    """人均纯收入 against the line, in one sentence."""
    if summary is None:
        return "本年度尚无收支记录，无法核算人均纯收入。"
    text = f"人均纯收入{v.yuan(summary.per_capita_fen)}（{v.capital(summary.per_capita_fen)}）"
    if line is None:
        return text + "；未录入本年度贫困线。"
    gap = summary.per_capita_fen - line.line_fen
    if gap > 0:
        return text + f"，高于{line.year}年度贫困线{v.yuan(line.line_fen)}，高出{v.yuan(gap)}。"
    return text + f"，未高于{line.year}年度贫困线{v.yuan(line.line_fen)}，相差{v.yuan(-gap)}。"


def income_lines(summary: IncomeSummary, line: PovertyLine | None, width: float, *, locale: str = "zh_CN",
                 capital: bool = True):
    """The year's computation line by line: four categories, 总收入, − 生产经营性支出, 纯收入, ÷ 人口, 人均."""
    rows = [["序号", "项目", "计算", "金额（元）"] + (["大写金额"] if capital else [])]

    def add(no: str, name: str, how: str, fen: int | None, bold: bool = False):
        row = [no, name, how, v.money(fen, locale)]
        if capital:
            row.append(v.capital(fen) if fen is not None else "")
        rows.append(row)
        if bold:
            bold_rows.append(len(rows) - 1)

    bold_rows: list[int] = []
    for i, group in enumerate(INCOME_GROUPS, 1):
        add(str(i), INCOME_GROUP.label(group), "", summary.by_group.get(group, 0))
    add("5", "家庭总收入", "1+2+3+4", summary.total_income_fen, True)
    add("6", "生产经营性支出", "", summary.production_expense_fen)
    add("7", "家庭纯收入", "5−6", summary.net_income_fen, True)
    rows.append(["8", "家庭人口", "", Fixed(f"{summary.people}人")] + ([""] if capital else []))
    add("9", "人均纯收入", "7÷8", summary.per_capita_fen, True)
    if line is not None:
        add("10", f"{line.year}年度贫困线", "", line.line_fen)
    add("", "生活消费支出（不扣除）", "", summary.living_expense_fen)
    weights = (8, 38, 14, 26, 60) if capital else (10, 50, 20, 40)
    widths = layout.columns(width, *weights)
    style = [("FONT", (0, r), (-1, r), fonts.BOLD, CELL.size, CELL.leading) for r in bold_rows]
    style += [("BACKGROUND", (0, r), (-1, r), layout.SHADE) for r in bold_rows]
    align = ["CENTER", "LEFT", "CENTER", "RIGHT"] + (["LEFT"] if capital else [])
    return form_table(rows, widths, align=align, style=style)


def month_table(summary: IncomeSummary, width: float, *, locale: str = "zh_CN"):
    """Income and expense of each month of the accounting year, two half-years side by side."""
    months = list(summary.by_month)
    rows = [["月份", "收入（元）", "支出（元）", "月份", "收入（元）", "支出（元）"]]
    for i in range(6):
        row = []
        for year, month, income, expense in (months[i], months[i + 6]) if len(months) == 12 else ():
            row += [Fixed(f"{year}年{month}月"), v.money(income, locale), v.money(expense, locale)]
        rows.append(row)
    total_in = sum(m[2] for m in months)
    total_out = sum(m[3] for m in months)
    rows.append(["全年合计", v.money(total_in, locale), v.money(total_out, locale), "收支差额",
                 v.money(total_in - total_out, locale), ""])
    widths = layout.columns(width, 18, 22, 22, 18, 22, 22)
    align = ["CENTER", "RIGHT", "RIGHT"] * 2
    return form_table(rows, widths, align=align, style=[("LINEAFTER", (2, 0), (2, -1), 1.4, layout.BLACK)])


def income_section(summary: IncomeSummary | None, line: PovertyLine | None, year: int, width: float,
                   locale: str = "zh_CN") -> list:
    if summary is None:
        return [TextBlock(f"{year}年度尚无收支记录。", BODY)]
    period = f"{v.day(summary.start, locale)}至{v.day(summary.end, locale)}"
    return [
        TextBlock(f"（一）{year}年度收支核算（{period}）", SUBHEADING),
        income_lines(summary, line, width, locale=locale),
        Spacer(0, 3 * mm),
        TextBlock("（二）分月收支", SUBHEADING),
        month_table(summary, width, locale=locale),
        Spacer(0, 3 * mm),
        TextBlock("（三）人均纯收入与贫困线比较", SUBHEADING),
        TextBlock(comparison(summary, line), BODY),
    ]
