"""扶贫手册 / 一户一档: the household packet (DOMAIN.md §4), one household, several pages.

Cover; 一 家庭基本情况; 二 生产生活条件; 三 致贫原因; 四 家庭成员; 五 帮扶责任人 (with history); 六 帮扶计划;
七 帮扶措施 (each row with a box for the household's signature); 八 收支情况 (the year by the four income
categories, the months, 人均纯收入 against the poverty line); 九 走访记录 and 帮扶成效; 十 脱贫退出进度.
"""

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from fupin_desktop.domain import codes
from fupin_desktop.domain.exits import next_action, procedure_state, step_name
from fupin_desktop.reports import layout
from fupin_desktop.reports import values as v
from fupin_desktop.reports.data import PacketData, active_members, head_of
from fupin_desktop.reports.income_tables import income_section
from fupin_desktop.reports.layout import PartStart, heading
from fupin_desktop.reports.tables import Fixed, form_table, kv_table
from fupin_desktop.reports.typesetting import BODY, CELL, NOTE, SUBTITLE, TITLE, TextBlock

WIDTH = 170 * mm
TITLE_TEXT = "扶贫手册"


def _place(data: PacketData) -> str:
    return data.village.full_name or data.village.name


def header_text(data: PacketData) -> str:
    head = head_of(data.members)
    return f"{TITLE_TEXT} · {data.village.name} · 户编号 {data.household.number} · 户主 {head.name if head else ''}"


def _cover(data: PacketData, locale: str) -> list:
    h, village = data.household, data.village
    head = head_of(data.members)
    helper = _current_helper(data)
    colour = v.colour_name(data.colour)
    rows = [
        [("省（区、市）", village.province), ("市（州）", village.city)],
        [("县（市、区）", village.county), ("乡（镇）", village.township)],
        [("行政村", village.name), ("村民小组", h.village_group)],
        [("户编号", Fixed(h.number)), ("户主姓名", head.name if head else "")],
        [("家庭人口", f"{len(active_members(data.members))}人"), ("贫困户属性", v.label(codes.HOUSEHOLD_ATTRIBUTE, h.attribute))],
        [("主要致贫原因", v.label(codes.POVERTY_CAUSE, h.main_cause)), ("三色状态", colour)],
        [("帮扶责任人", helper.name if helper else ""), ("计划脱贫年度", f"{h.planned_exit_year or ''}")],
    ]
    grid = kv_table(rows, 150 * mm, label_width=28 * mm, cell_style=CELL.but(size=11, leading=16))
    grid.hAlign = "CENTER"
    return [
        PartStart(header_text(data), place=_place(data), printed_on=data.printed_on),
        Spacer(0, 40 * mm),
        TextBlock("建档立卡贫困户", SUBTITLE.but(size=16, leading=24)),
        TextBlock(TITLE_TEXT, TITLE.but(size=36, leading=48)),
        TextBlock(f"（{data.year}年度）", SUBTITLE),
        Spacer(0, 30 * mm),
        grid,
        Spacer(0, 40 * mm),
        TextBlock(f"{village.county}脱贫攻坚领导小组办公室 制", SUBTITLE),
        TextBlock(f"打印日期：{v.day(data.printed_on, locale)}", SUBTITLE.but(size=10)),
        PageBreak(),
    ]


def _current_helper(data: PacketData):
    current = [p for p in data.pairings if p.end_date is None]
    return data.helpers.get(current[-1].helper_id) if current else None


def _basic(data: PacketData, locale: str) -> list:
    h = data.household
    head = head_of(data.members)
    flags = "；".join(f"{name}：{v.yes_no(flag)}" for name, flag in (
        ("军烈属", h.military_family), ("独生子女户", h.only_child), ("双女户", h.two_daughters)))
    rows = [
        [("户主姓名", head.name if head else ""), ("身份证号", Fixed(head.id_number if head else ""))],
        [("联系电话", Fixed(h.phone)), ("村民小组", h.village_group)],
        [("开户银行", h.bank), ("银行账号", Fixed(h.bank_account))],
        [("家庭住址", h.address or _place(data))],
        [("识别标准", v.label(codes.RECOGNITION_STANDARD, h.standard)),
         ("贫困户属性", v.label(codes.household_attribute_table(data.year), h.attribute))],
        [("首次识别时间", v.day(h.identified_on, locale)), ("计划脱贫年度", str(h.planned_exit_year or ""))],
        [("脱贫状态", v.label(codes.EXIT_STATUS, h.exit_status)), ("脱贫年度", str(h.exit_year or ""))],
        [("其他情况", flags)],
    ]
    return [heading("一、家庭基本情况"), kv_table(rows, WIDTH)]


def _conditions(data: PacketData, locale: str) -> list:
    h = data.household
    house = "无住房" if h.house_area == 0 else (f"{v.area(h.house_area, 1, locale)}㎡" if h.house_area else "")
    rows = [
        [("耕地面积", f"{v.area(h.farmland_mu)}亩"), ("有效灌溉", f"{v.area(h.irrigated_mu)}亩"),
         ("林地面积", f"{v.area(h.forest_mu)}亩")],
        [("退耕还林", f"{v.area(h.returned_farmland_mu)}亩"), ("林果面积", f"{v.area(h.fruit_mu)}亩"),
         ("牧草地", f"{v.area(h.pasture_mu)}亩")],
        [("水面面积", f"{v.area(h.water_surface_mu)}亩"), ("距主干路", f"{v.area(h.road_distance_km, 2)}公里"),
         ("入户路", v.label(codes.ROAD_TYPE, h.road_type))],
        [("住房面积", house), ("危房等级", v.label(codes.HOUSE_RATING, h.house_rating)),
         ("主要燃料", v.label(codes.FUEL, h.fuel))],
        [("生活用电", v.yes_no(h.power_living)), ("生产用电", v.yes_no(h.power_production)),
         ("广播电视", v.yes_no(h.broadcast_tv))],
        [("饮水困难", v.yes_no(h.water_difficulty)), ("饮水安全", v.yes_no(h.water_safe)),
         ("卫生厕所", v.yes_no(h.sanitary_toilet))],
        [("专业合作社", v.yes_no(h.cooperative)), ("不愁吃", v.yes_no(h.food_secure)),
         ("不愁穿", v.yes_no(h.clothing_secure))],
    ]
    story = [heading("二、生产生活条件"), kv_table(rows, WIDTH, pairs=3, label_width=20 * mm)]
    if h.relocation_mode:
        story += [Spacer(0, 2 * mm), kv_table([[
            ("易地搬迁", v.label(codes.RELOCATION_MODE, h.relocation_mode)),
            ("安置方式", v.label(codes.RELOCATION_SETTLEMENT, h.relocation_settlement)),
            ("安置地", v.label(codes.RELOCATION_PLACE, h.relocation_place))]], WIDTH, pairs=3, label_width=20 * mm)]
    return story


MEMBER_HEADER = ("序号", "姓名", "与户主关系", "性别", "公民身份号码", "民族", "政治面貌", "文化程度", "在校生状况",
                 "健康状况", "劳动技能", "务工状况", "参保情况", "低保特困")
MEMBER_WIDTHS = [6, 14, 10, 6, 29, 8, 9, 12, 12, 12, 12, 17, 14, 8]
MEMBER_ROW_HEIGHT = 13 * mm


def member_rows(members, *, masked: bool = False) -> list[list]:
    rows = []
    for i, m in enumerate(active_members(members), 1):
        rows.append([
            str(i), m.name, v.label(codes.RELATION, m.relation), v.label(codes.SEX, m.sex),
            v.id_text(m.id_number, masked), v.label(codes.ETHNICITY, m.ethnicity), v.label(codes.POLITICAL, m.political),
            v.label(codes.EDUCATION, m.education), v.label(codes.SCHOOLING, m.schooling), v.health(m),
            v.label(codes.LABOUR, m.labour), v.work(m), v.insurance(m), v.support(m),
        ])
    return rows


def _members(data: PacketData) -> list:
    widths = [w * mm for w in MEMBER_WIDTHS]
    small = CELL.but(size=8, leading=10.5)
    rows = member_rows(data.members)
    table = form_table([MEMBER_HEADER, *rows], widths, cell_style=small,
                       row_heights=[None] + [MEMBER_ROW_HEIGHT] * len(rows))  # room to correct by hand
    story = [heading(f"四、家庭成员（{len(active_members(data.members))}人）"), table]
    left = [m for m in data.members if not m.deleted and not m.active]
    if left:
        rows = [["姓名", "变更类型", "变更日期", "说明"]]
        rows += [[m.name, v.label(codes.MEMBER_CHANGE, m.change_type), v.short_day(m.change_date), m.change_note]
                 for m in left]
        story += [TextBlock("已减少成员", NOTE.but(space_before=4)),
                  form_table(rows, [30 * mm, 30 * mm, 30 * mm, 80 * mm], align=["CENTER"] * 3 + ["LEFT"])]
    return story


def _causes(data: PacketData) -> list:
    h = data.household
    rows = [[("主要致贫原因", v.label(codes.POVERTY_CAUSE, h.main_cause))],
            [("其他致贫原因", v.labels(codes.POVERTY_CAUSE, h.other_causes) or "无")]]
    if h.monitor_type:
        rows.append([("监测对象", v.label(codes.MONITOR_TYPE, h.monitor_type))])
        rows.append([("风险类型", v.labels(codes.RISK_TYPE, h.risk_types))])
    return [heading("三、致贫原因"), kv_table(rows, WIDTH, pairs=1, label_width=30 * mm)]


def _helpers(data: PacketData) -> list:
    rows = [["姓名", "工作单位", "隶属关系", "联系电话", "帮扶起始", "帮扶结束", "状态"]]
    for p in sorted(data.pairings, key=lambda p: (p.start_date, p.end_date is None)):
        helper = data.helpers.get(p.helper_id)
        rows.append([
            helper.name if helper else "", helper.unit if helper else "",
            v.label(codes.HELPER_AFFILIATION, helper.affiliation) if helper else "",
            Fixed(helper.phone if helper else ""), v.short_day(p.start_date), v.short_day(p.end_date),
            "现任" if p.end_date is None else (p.reason or "已调整"),
        ])
    if len(rows) == 1:
        rows.append(["（尚未结对帮扶责任人）", "", "", "", "", "", ""])
    widths = layout.columns(WIDTH, 14, 34, 10, 20, 17, 17, 18)
    return [heading("五、帮扶责任人"), form_table(rows, widths, align=["CENTER", "LEFT"] + ["CENTER"] * 5)]


def _plans(data: PacketData) -> list:
    rows = [["序号", "项目类别", "项目名称", "规模", "扶持资金（元）", "完成时限", "责任单位"]]
    plans = [m for m in data.measures if m.kind == "plan" and not m.deleted]
    for i, m in enumerate(plans, 1):
        rows.append([str(i), v.label(codes.MEASURE_CATEGORY, m.category), m.title, m.scale, v.money(m.funds_fen),
                     v.short_day(m.due_date), m.unit])
    if not plans:
        rows.append(["", "（暂无帮扶计划）", "", "", "", "", ""])
    widths = layout.columns(WIDTH, 8, 18, 44, 16, 20, 18, 26)
    return [heading("六、帮扶计划（一户一策）"),
            form_table(rows, widths, align=["CENTER", "CENTER", "LEFT", "CENTER", "RIGHT", "CENTER", "LEFT"])]


def _measures(data: PacketData) -> list:
    rows = [["日期", "类别", "帮扶内容", "资金（元）", "实施单位", "户主签字"]]
    delivered = sorted((m for m in data.measures if m.kind == "delivered" and not m.deleted),
                       key=lambda m: (m.date is None, m.date))
    for m in delivered:
        content = m.title + (f"（{m.note}）" if m.note else "")
        rows.append([v.short_day(m.date), v.label(codes.MEASURE_CATEGORY, m.category), content,
                     v.money(m.funds_fen), m.unit, "已签" if m.signed else ""])
    for _ in range(max(0, 3 - len(delivered))):
        rows.append(["", "", "", "", "", ""])  # blank lines to fill in by hand
    widths = layout.columns(WIDTH, 19, 17, 52, 18, 26, 24)
    table = form_table(rows, widths, align=["CENTER", "CENTER", "LEFT", "RIGHT", "LEFT", "CENTER"],
                       row_heights=[None] + [16 * mm] * (len(rows) - 1))
    total = sum(m.funds_fen for m in delivered)
    return [heading("七、帮扶措施落实情况"), table,
            TextBlock(f"已落实帮扶措施{len(delivered)}项，扶持资金合计{v.yuan(total)}（{v.capital(total)}）。"
                      "每项措施由户主在“户主签字”栏签字或按手印确认。", NOTE.but(space_before=3))]


def _visits(data: PacketData) -> list:
    rows = [["日期", "走访人", "了解的情况", "承诺解决的事项"]]
    visits = sorted((x for x in data.visits if not x.deleted), key=lambda x: x.date)
    rows += [[v.short_day(x.date), x.visitor, x.findings, x.promises] for x in visits]
    if not visits:
        rows.append(["", "", "（暂无走访记录）", ""])
    widths = layout.columns(WIDTH, 19, 16, 70, 55)
    return [heading("九、走访记录"), form_table(rows, widths, align=["CENTER", "CENTER", "LEFT", "LEFT"])]


def _effect(data: PacketData) -> list:
    delivered = [m for m in data.measures if m.kind == "delivered" and not m.deleted]
    s, line = data.summary, data.line
    text = f"本年度落实帮扶措施{len(delivered)}项，扶持资金{v.yuan(sum(m.funds_fen for m in delivered))}。"
    if s is not None:
        text += f"家庭纯收入{v.yuan(s.net_income_fen)}，人均纯收入{v.yuan(s.per_capita_fen)}"
        if line is not None:
            gap = s.per_capita_fen - line.line_fen
            text += (f"，高于{line.year}年贫困线{v.yuan(line.line_fen)}（高出{v.yuan(gap)}）。" if gap > 0 else
                     f"，未高于{line.year}年贫困线{v.yuan(line.line_fen)}（差{v.yuan(-gap)}）。")
        else:
            text += "。"
    return [heading("十、帮扶成效"), TextBlock(text, BODY)]


def _exit(data: PacketData) -> list:
    state = procedure_state(list(data.exit_steps))
    done = {s.step: s for s in data.exit_steps if not s.deleted and s.outcome == "done" and s.round == state.round}
    rows = [["步骤", "名称", "日期", "经办人", "说明"]]
    for code in ("1", "2", "3", "4", "5", "6"):
        step = done.get(code)
        rows.append([code, step_name(code), v.short_day(step.date) if step else "", step.actor if step else "",
                     step.note if step else ""])
    objections = [s for s in data.exit_steps if not s.deleted and s.outcome == "objection"]
    note = f"当前：第{state.round}轮；下一步：{next_action(state)}。"
    if objections:
        note += "公示异议：" + "；".join(f"{s.date:%Y-%m-%d} {s.note}" for s in objections) + "。"
    widths = layout.columns(WIDTH, 8, 24, 20, 22, 70)
    return [heading("十一、脱贫退出进度"),
            form_table(rows, widths, align=["CENTER", "CENTER", "CENTER", "CENTER", "LEFT"]),
            TextBlock(note, NOTE.but(space_before=3))]


def packet_story(data: PacketData, *, locale: str = "zh_CN") -> list:
    """The packet's flowables, starting with its ``PartStart`` (so batches can put many in one PDF)."""
    story = _cover(data, locale)
    story += _basic(data, locale) + [Spacer(0, 3 * mm)] + _conditions(data, locale)
    story += [Spacer(0, 3 * mm)] + _causes(data) + [Spacer(0, 3 * mm)] + _members(data)
    story += [Spacer(0, 3 * mm)] + _helpers(data)
    story += [PageBreak()] + _plans(data) + [Spacer(0, 3 * mm)] + _measures(data)
    story += [PageBreak(), heading("八、收支情况")] + income_section(data.summary, data.line, data.year, WIDTH, locale)
    story += [PageBreak()] + _visits(data) + [Spacer(0, 3 * mm)] + _effect(data) + [Spacer(0, 3 * mm)] + _exit(data)
    return story


def render_packet(data: PacketData, out, *, locale: str = "zh_CN") -> int:
    """Write the household packet to ``out`` (path or binary file); returns the number of pages."""
    return layout.render_story(out, packet_story(data, locale=locale), title=f"{TITLE_TEXT}（{data.household.number}）",
                               place=_place(data), printed_on=data.printed_on)

