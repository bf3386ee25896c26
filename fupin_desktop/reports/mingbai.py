"""明白卡: one page for the household's wall (DOMAIN.md §4), updated monthly.

Head, people, attributes; the measures received this accounting year; income by the four categories with
the per-capita net income against the line (大写金额 too); the helper and the first secretary with their
phones (the card hangs in the household's own home); the 两不愁三保障 status.
"""

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from fupin_desktop.domain import codes
from fupin_desktop.domain.exits import guarantee_blockers
from fupin_desktop.domain.income import INCOME_GROUPS
from fupin_desktop.reports import layout, tables
from fupin_desktop.reports import values as v
from fupin_desktop.reports.boxes import Swatch
from fupin_desktop.reports.data import MingbaiData, active_members, head_of
from fupin_desktop.reports.income_tables import comparison
from fupin_desktop.reports.layout import PartStart
from fupin_desktop.reports.tables import Fixed, form_table, kv_table
from fupin_desktop.reports.typesetting import BODY, CELL, NOTE, SUBHEADING, SUBTITLE, TITLE, TextBlock

WIDTH = 170 * mm
TITLE_TEXT = "精准扶贫明白卡"
MAX_MEASURES = 8
BIG_CELL = CELL.but(size=10.5, leading=14)
GUARANTEES = (("exit_food", "不愁吃"), ("exit_clothing", "不愁穿"), ("exit_compulsory_education", "义务教育"),
              ("exit_medical_insurance", "基本医疗"), ("exit_housing", "住房安全"), ("exit_water", "饮水安全"))


def mingbai_story(data: MingbaiData, *, locale: str = "zh_CN") -> list:
    h = data.household
    head = head_of(data.members)
    helper = data.helper
    s = data.summary
    colour = v.colour_name(data.colour)
    identity = kv_table([
        [("户主姓名", head.name if head else ""), ("家庭人口", f"{len(active_members(data.members))}人")],
        [("村民小组", f"{data.village.name}{h.village_group}"), ("户编号", Fixed(h.number))],
        [("贫困户属性", v.label(codes.household_attribute_table(data.year), h.attribute)),
         ("致贫原因", "、".join(filter(None, [v.label(codes.POVERTY_CAUSE, h.main_cause),
                                             v.labels(codes.POVERTY_CAUSE, h.other_causes)])))],
        [("脱贫状态", v.label(codes.EXIT_STATUS, h.exit_status)), ("三色标识", colour)],
        [("帮扶责任人", f"{helper.name}（{helper.unit}）" if helper else ""), ("联系电话", Fixed(helper.phone if helper else ""))],
        [("驻村第一书记", data.village.first_secretary), ("联系电话", Fixed(data.village.first_secretary_phone))],
    ], WIDTH, label_width=26 * mm, cell_style=BIG_CELL)

    start, end = (s.start, s.end) if s else (None, None)
    received = sorted((m for m in data.measures if m.kind == "delivered" and not m.deleted and m.date
                       and (start is None or start <= m.date <= end)), key=lambda m: m.date)
    rows = [["日期", "帮扶措施", "内容", "资金（元）"]]
    rows += [[v.short_day(m.date), v.label(codes.MEASURE_CATEGORY, m.category), m.title, v.money(m.funds_fen, locale)]
             for m in received[:MAX_MEASURES]]
    if len(received) > MAX_MEASURES:
        rows.append(["", f"另有{len(received) - MAX_MEASURES}项，详见扶贫手册", "", ""])
    if len(rows) == 1:
        rows.append(["", "（本年度暂无）", "", ""])
    measures = form_table(rows, layout.columns(WIDTH, 20, 24, 60, 22), align=["CENTER", "CENTER", "LEFT", "RIGHT"],
                          cell_style=BIG_CELL)

    story = [
        PartStart(f"{TITLE_TEXT} · 户主 {head.name if head else ''}", place=data.village.full_name or data.village.name,
                  printed_on=data.printed_on),
        TextBlock(TITLE_TEXT, TITLE),
        TextBlock(f"（{data.year}年度 · {v.day(data.printed_on, locale)}更新）", SUBTITLE),
        identity,
        TextBlock("一、本年度享受的帮扶措施", SUBHEADING.but(space_before=6)),
        measures,
        TextBlock("二、家庭收入", SUBHEADING.but(space_before=6)),
    ]
    if s is not None:
        income = [["工资性", "生产经营性", "财产性", "转移性", "生产经营性支出", "家庭纯收入"],
                  [*(v.money(s.by_group.get(g, 0), locale) for g in INCOME_GROUPS),
                   v.money(s.production_expense_fen, locale), v.money(s.net_income_fen, locale)]]
        story += [form_table(income, [WIDTH / 6] * 6, align=["RIGHT"] * 6, cell_style=BIG_CELL),
                  TextBlock(f"家庭纯收入{v.yuan(s.net_income_fen)}（{v.capital(s.net_income_fen)}）；"
                            + comparison(s, data.line), BODY.but(space_before=3))]
    else:
        story.append(TextBlock("本年度尚无收支记录。", BODY))
    blockers = {p.code for p in guarantee_blockers(h, data.members, data.year, data.settings, data.printed_on)}
    items = [(label, code not in blockers) for code, label in GUARANTEES
             if code != "exit_water" or data.year >= data.settings.water_rule_from_year]
    status = [[label for label, _ in items], [v.tick(ok, "有保障", "无") for _, ok in items]]
    story += [
        TextBlock("三、“两不愁三保障”情况", SUBHEADING.but(space_before=6)),
        form_table(status, [WIDTH / len(items)] * len(items), cell_style=BIG_CELL),
        Spacer(0, 4 * mm),
        tables.form_table([[Swatch(v.colour_of_name(data.colour), 5 * mm),
                            f"三色标识：{colour}（红：落实帮扶措施中；绿：等待政策衔接、兜底保障；蓝：成功脱贫）"]],
                          [10 * mm, WIDTH - 10 * mm], header_rows=0, align=["CENTER", "LEFT"],
                          style=[("GRID", (0, 0), (-1, -1), 0, colors.white)]),
        TextBlock("对帮扶工作有意见或建议，请联系帮扶责任人或驻村第一书记。本卡每月更新一次，请妥善张贴保管。",
                  NOTE.but(space_before=4)),
    ]
    return story


def render_mingbai(data: MingbaiData, out, *, locale: str = "zh_CN") -> int:
    """Write the 明白卡 to ``out`` (path or binary file); returns the number of pages (1)."""
    return layout.render_story(out, mingbai_story(data, locale=locale), title=TITLE_TEXT,
                               place=data.village.full_name or data.village.name, printed_on=data.printed_on)
