"""公示 / 公告: the list of households proposed to exit, posted on the village wall (DOMAIN.md §3.5, §4).

序号, 村民小组, 户主姓名, 身份证号 (masked: first 4 and last 4), 人口数, reason; the posting dates and who
takes objections. Built only from the fields listed here: phone numbers, bank accounts and health details of
households are never read, so they cannot be printed.
"""

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table

from fupin_desktop.reports import fonts, layout
from fupin_desktop.reports import values as v
from fupin_desktop.reports.boxes import SealCircle
from fupin_desktop.reports.data import NoticeData
from fupin_desktop.reports.layout import DATE_LINE, PartStart, date_text
from fupin_desktop.reports.tables import Fixed, form_table
from fupin_desktop.reports.typesetting import BODY, CELL, NOTE, TITLE, TextBlock

WIDTH = 170 * mm


def notice_title(data: NoticeData) -> str:
    if data.title:
        return data.title
    if data.kind == "公告":
        return f"{data.village.township}{data.year}年贫困户脱贫退出公告"
    return f"{data.village.name}{data.year}年拟退出贫困户名单公示"


def notice_story(data: NoticeData, *, locale: str = "zh_CN") -> list:
    title = notice_title(data)
    issuer = data.issuer or (f"{data.village.township}人民政府" if data.kind == "公告" else f"{data.village.name}村民委员会")
    households = len(data.rows)
    people = sum(r.people for r in data.rows)
    period = f"{date_text(data.posted_from)}至{date_text(data.posted_to)}"
    if data.kind == "公告":
        intro = (f"经村级民主评议、入户核实、村内公示和乡（镇）审核，{data.village.name}以下{households}户{people}人"
                 f"符合{data.year}年脱贫退出标准，现予公告。公告期：{period}。")
    else:
        intro = (f"经村两委和驻村工作队民主评议、入户核实，并经户主本人认可，以下{households}户{people}人"
                 f"拟于{data.year}年脱贫退出，现予公示。公示期：{period}。")
    objection = "公示期内，如对名单有异议，请以书面或口头形式向" + (data.contact or issuer) + "反映"
    objection += f"，监督电话：{data.contact_phone}。" if data.contact_phone else "。"
    rows = [["序号", "村民小组", "户主姓名", "身份证号码", "家庭人口", "拟退出理由"]]
    for i, row in enumerate(data.rows, 1):
        head = row.head
        rows.append([str(i), row.household.village_group, Fixed(head.name if head else ""),
                     v.id_text(head.id_number if head else "", masked=True), f"{row.people}人", row.reason])
    rows.append(["合计", "", f"{households}户", "", f"{people}人", ""])
    table = form_table(rows, layout.columns(WIDTH, 8, 14, 17, 32, 12, 67), cell_style=CELL.but(size=10, leading=14),
                       align=["CENTER", "CENTER", "CENTER", "CENTER", "CENTER", "LEFT"],
                       style=[("SPAN", (0, -1), (1, -1))])
    seal = Table([["", SealCircle(issuer[:12])], ["", issuer], ["", date_text(data.printed_on, DATE_LINE)]],
                 colWidths=[WIDTH - 60 * mm, 60 * mm], hAlign="LEFT",
                 style=[("ALIGN", (1, 0), (1, -1), "CENTER"), ("FONT", (0, 0), (-1, -1), fonts.MAIN, 11)])
    return [
        PartStart(title, place=data.village.full_name or data.village.name, printed_on=data.printed_on),
        TextBlock(title, TITLE.but(size=22, leading=32, space_after=8)),
        TextBlock(intro, BODY.but(size=12, leading=20)),
        TextBlock(objection, BODY.but(size=12, leading=20, space_after=6)),
        table,
        TextBlock("注：为保护个人信息，身份证号码只显示前4位和后4位。", NOTE.but(space_before=3)),
        Spacer(0, 4 * mm),
        KeepTogether([seal]),
    ]


def render_notice(data: NoticeData, out, *, locale: str = "zh_CN") -> int:
    """Write the 公示/公告 list to ``out`` (path or binary file); returns the number of pages."""
    return layout.render_story(out, notice_story(data, locale=locale), title=notice_title(data),
                               place=data.village.full_name or data.village.name, printed_on=data.printed_on)
