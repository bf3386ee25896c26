"""脱贫验收表 / 退出确认: the sign-off sheet of one household proposed to exit (DOMAIN.md §3.4, §3.5, §4).

The income computed line by line with 大写金额 beside every figure; the 两不愁三保障 and 饮水 checklist, pre-filled
from the record for the verifiers to confirm; the dates of 民主评议, 核实, 公示 and 乡镇审核; signature boxes for the
户主 (签字或按手印, with a thumbprint box), 帮扶责任人, 第一书记, 村支书 and 村主任; seal circles for 村委会 and 乡镇.
"""

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table

from fupin_desktop.domain import codes
from fupin_desktop.domain.exits import PUBLICITY_STEP, guarantee_blockers
from fupin_desktop.reports import fonts, layout
from fupin_desktop.reports import values as v
from fupin_desktop.reports.boxes import SealCircle, SignatureBox, ThumbprintBox
from fupin_desktop.reports.data import SignoffData, active_members, head_of
from fupin_desktop.reports.income_tables import comparison, income_lines
from fupin_desktop.reports.layout import DATE_LINE, PartStart, date_text, heading
from fupin_desktop.reports.tables import Fixed, form_table, kv_table
from fupin_desktop.reports.typesetting import BODY, NOTE, SUBTITLE, TITLE, TextBlock

WIDTH = 170 * mm
TITLE_TEXT = "贫困户脱贫退出验收确认表"

# (blocker code, item, standard)
CHECKLIST = (
    ("exit_food", "不愁吃", "主食和必要的蛋白质摄入有保障"),
    ("exit_clothing", "不愁穿", "四季有换季衣服、被褥"),
    ("exit_compulsory_education", "义务教育有保障", "6–15周岁适龄儿童少年无因贫失学辍学"),
    ("exit_medical_insurance", "基本医疗有保障", "家庭成员全部参加城乡居民基本医疗保险"),
    ("exit_housing", "住房安全有保障", "住房为A级或B级，或已交付易地搬迁安置房"),
    ("exit_water", "饮水安全有保障", "水量、水质、用水方便程度和供水保证率达标"),
)


def _step_dates(data: SignoffData) -> dict[str, dt.date]:
    found: dict[str, dt.date] = {}
    for step in sorted((s for s in data.exit_steps if not s.deleted and s.outcome == "done"),
                       key=lambda s: (s.round, s.date)):
        found[step.step] = step.date  # the latest round wins
    return found


def _identity(data: SignoffData) -> list:
    h, village = data.household, data.village
    head = head_of(data.members)
    rows = [
        [("乡（镇）", village.township), ("行政村", f"{village.name}{h.village_group}")],
        [("户主姓名", head.name if head else ""), ("身份证号", Fixed(head.id_number if head else ""))],
        [("户编号", Fixed(h.number)), ("家庭人口", f"{len(active_members(data.members))}人")],
        [("贫困户属性", v.label(codes.household_attribute_table(data.year), h.attribute)),
         ("主要致贫原因", v.label(codes.POVERTY_CAUSE, h.main_cause))],
        [("识别时间", v.day(h.identified_on)), ("计划脱贫年度", str(h.planned_exit_year or ""))],
    ]
    return [kv_table(rows, WIDTH)]


def _checklist(data: SignoffData) -> list:
    problems = guarantee_blockers(data.household, data.members, data.year, data.settings, data.printed_on)
    by_code: dict[str, list[str]] = {}
    for p in problems:
        by_code.setdefault(p.code, []).append(p.message)
    rows = [["序号", "核实项目", "标准", "是否达标", "情况说明"]]
    number = 0
    for code, item, standard in CHECKLIST:
        if code == "exit_water" and data.year < data.settings.water_rule_from_year:
            continue
        number += 1
        met = code not in by_code
        rows.append([str(number), item, standard, v.tick(met, "达标", "未达标"), "；".join(by_code.get(code, [])) or ""])
    widths = layout.columns(WIDTH, 8, 26, 52, 30, 54)
    return [form_table(rows, widths, align=["CENTER", "CENTER", "LEFT", "CENTER", "LEFT"])]


def _income(data: SignoffData) -> list:
    s, line = data.summary, data.line
    if s is None:
        return [TextBlock(f"{data.year}年度尚无收支记录，无法核算收入。", BODY)]
    reached = line is not None and s.per_capita_fen > line.line_fen
    return [
        TextBlock(f"核算期间：{v.day(s.start)}至{v.day(s.end)}（金额单位：元）", NOTE),
        income_lines(s, line, WIDTH),
        TextBlock(comparison(s, line) + f" 收入是否达标：{v.tick(reached, '是', '否')}", BODY.but(first_indent=0,
                                                                                            space_before=3)),
    ]


def _procedure(data: SignoffData) -> list:
    dates = _step_dates(data)
    publicity = dates.get(PUBLICITY_STEP)
    until = publicity + dt.timedelta(days=data.settings.publicity_days - 1) if publicity else None
    publicity_text = (f"{date_text(publicity)}至{date_text(until)}（{data.settings.publicity_days}天）" if publicity
                      else f"{DATE_LINE}至{DATE_LINE}")
    rows = [
        [("民主评议", date_text(dates.get("1"))), ("入户核实", date_text(dates.get("2")))],
        [("户认可", date_text(dates.get("3"))), ("乡镇审核公告", date_text(dates.get("5")))],
        [("村内公示", publicity_text)],
        [("公示结果", "□无异议  □有异议（异议情况：______________________________）")],
    ]
    return [kv_table(rows, WIDTH)]


def _signatures(data: SignoffData) -> list:
    helper = data.helper
    boxes = [
        [SignatureBox("户主意见：同意脱贫退出。户主签字（或按手印）：", border=False), ThumbprintBox()],
        [SignatureBox(f"帮扶责任人签字：{helper.name + '（' + helper.unit + '）' if helper else ''}", border=False), ""],
        [SignatureBox(f"驻村第一书记签字：{data.village.first_secretary}", border=False), ""],
        [SignatureBox(f"村党支部书记签字：{data.village_secretary}", border=False), ""],
        [SignatureBox(f"村委会主任签字：{data.village_director}", border=False), ""],
    ]
    table = Table(boxes, colWidths=[WIDTH - 30 * mm, 30 * mm], rowHeights=[26 * mm] + [20 * mm] * 4,
                  style=[("GRID", (0, 0), (-1, -1), layout.GRID_WIDTH, layout.BLACK),
                         ("FONT", (0, 0), (-1, -1), fonts.MAIN, 9),
                         ("SPAN", (0, 1), (1, 1)), ("SPAN", (0, 2), (1, 2)), ("SPAN", (0, 3), (1, 3)),
                         ("SPAN", (0, 4), (1, 4)), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                         ("ALIGN", (1, 0), (1, 0), "CENTER"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                         ("RIGHTPADDING", (0, 0), (0, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                         ("BOTTOMPADDING", (0, 0), (-1, -1), 0)],
                  splitInRow=0, hAlign="LEFT")
    seals = Table(
        [[TextBlock("村民委员会意见：", BODY.but(first_indent=0)), TextBlock("乡（镇）人民政府审核意见：",
                                                                       BODY.but(first_indent=0))],
         [SealCircle("村民委员会"), SealCircle(f"{data.village.township or '乡（镇）'}人民政府")],
         [DATE_LINE, DATE_LINE]],
        colWidths=[WIDTH / 2, WIDTH / 2],
        style=[("BOX", (0, 0), (0, -1), layout.GRID_WIDTH, layout.BLACK),
               ("BOX", (1, 0), (1, -1), layout.GRID_WIDTH, layout.BLACK),
               ("ALIGN", (0, 1), (-1, -1), "RIGHT"), ("FONT", (0, 0), (-1, -1), fonts.MAIN, 9),
               ("RIGHTPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, -1), (-1, -1), 6)],
        splitInRow=0, hAlign="LEFT")
    return [table, Spacer(0, 3 * mm), KeepTogether([seals])]


def signoff_story(data: SignoffData, *, locale: str = "zh_CN") -> list:
    head = head_of(data.members)
    place = data.village.full_name or data.village.name
    return [
        PartStart(f"{TITLE_TEXT} · 户主 {head.name if head else ''}", place=place, printed_on=data.printed_on),
        TextBlock(TITLE_TEXT, TITLE),
        TextBlock(f"（{data.year}年度）", SUBTITLE),
        *_identity(data),
        heading("一、家庭收入核算"), *_income(data),
        heading("二、“两不愁三保障”及饮水安全核实"), *_checklist(data),
        heading("三、退出程序"), *_procedure(data),
        KeepTogether([heading("四、签字确认"), *_signatures(data)]),
        TextBlock("说明：本表一式三份，户、村、乡（镇）各存一份。户主不会签字的，由户主按手印确认。", NOTE.but(space_before=4)),
    ]


def render_signoff(data: SignoffData, out, *, locale: str = "zh_CN") -> int:
    """Write the sign-off sheet to ``out`` (path or binary file); returns the number of pages."""
    return layout.render_story(out, signoff_story(data, locale=locale), title=TITLE_TEXT,
                               place=data.village.full_name or data.village.name, printed_on=data.printed_on)
