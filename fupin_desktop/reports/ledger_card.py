"""收支记录卡: one household, one month ("一户一簿、一月一卡", DOMAIN.md §2.4 and §4).

The month's dated entries; totals by category for the month and for the accounting year up to the month's end
(the running year total); 大写金额 of the month's and the year's net income; four signature boxes (户主,
帮扶责任人, 第一书记, 村支书). Long months split across pages with the header repeated.
"""

import calendar
import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table

from fupin_desktop.domain import codes
from fupin_desktop.domain.income import INCOME_GROUPS, LIVING_EXPENSE, PRODUCTION_EXPENSE, accounting_year_of
from fupin_desktop.domain.income import accounting_year_range as year_range
from fupin_desktop.reports import fonts, layout
from fupin_desktop.reports import values as v
from fupin_desktop.reports.boxes import SignatureBox
from fupin_desktop.reports.data import LedgerCardData, active_members, head_of
from fupin_desktop.reports.layout import PartStart
from fupin_desktop.reports.tables import Fixed, form_table, kv_table
from fupin_desktop.reports.typesetting import CELL, NOTE, SUBHEADING, SUBTITLE, TITLE, TextBlock

WIDTH = 170 * mm
TITLE_TEXT = "贫困户收支记录卡"


def _group(category: str) -> str:
    try:
        return codes.ledger_group(category)
    except ValueError:
        return ""


def _totals(entries) -> dict[str, int]:
    totals = dict.fromkeys((*INCOME_GROUPS, PRODUCTION_EXPENSE, LIVING_EXPENSE), 0)
    for e in entries:
        group = _group(e.category)
        if group in totals:
            totals[group] += e.amount_fen
    return totals


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _entry_rows(entries, locale: str) -> list[list]:
    rows = [["日期", "收支类别", "摘要", "数量", "收入（元）", "支出（元）", "记录人"]]
    for e in entries:
        income = codes.is_income(e.category) if _group(e.category) else True
        quantity = f"{e.quantity:g}{e.unit}" if e.quantity is not None else ""
        note = e.note + ("（冲正）" if e.reverses else "")
        rows.append([v.short_day(e.date), v.label(codes.LEDGER_CATEGORY, e.category), note, quantity,
                     v.money(e.amount_fen, locale) if income else "", "" if income else v.money(e.amount_fen, locale),
                     e.recorded_by])
    if len(rows) == 1:
        rows.append(["", "（本月无收支记录）", "", "", "", "", ""])
    return rows


def _summary_rows(month: dict[str, int], year: dict[str, int], locale: str) -> list[list]:
    rows = [["类别", "本月（元）", "本年累计（元）"]]
    for group in INCOME_GROUPS:
        rows.append([codes.LEDGER_GROUP_TITLES[group], v.money(month[group], locale), v.money(year[group], locale)])
    month_income = sum(month[g] for g in INCOME_GROUPS)
    year_income = sum(year[g] for g in INCOME_GROUPS)
    rows.append(["收入合计", v.money(month_income, locale), v.money(year_income, locale)])
    rows.append(["生产经营性支出", v.money(month[PRODUCTION_EXPENSE], locale), v.money(year[PRODUCTION_EXPENSE], locale)])
    rows.append(["纯收入（收入合计－生产经营性支出）", v.money(month_income - month[PRODUCTION_EXPENSE], locale),
                 v.money(year_income - year[PRODUCTION_EXPENSE], locale)])
    rows.append(["生活消费支出（不扣除）", v.money(month[LIVING_EXPENSE], locale), v.money(year[LIVING_EXPENSE], locale)])
    return rows


def ledger_card_story(data: LedgerCardData, *, locale: str = "zh_CN") -> list:
    first, last = month_bounds(data.year, data.month)
    accounting_year = accounting_year_of(first, data.settings)
    year_start, _ = year_range(accounting_year, data.settings)
    month_entries = sorted((e for e in data.entries if first <= e.date <= last), key=lambda e: (e.date, e.id))
    to_date = [e for e in data.entries if year_start <= e.date <= last]
    month, year = _totals(month_entries), _totals(to_date)
    h = data.household
    head = head_of(data.members)
    helper = data.helper
    identity = kv_table([
        [("行政村", f"{data.village.name}{h.village_group}"), ("户编号", Fixed(h.number))],
        [("户主姓名", head.name if head else ""), ("家庭人口", f"{len(active_members(data.members))}人")],
        [("帮扶责任人", helper.name if helper else ""), ("联系电话", Fixed(helper.phone if helper else ""))],
    ], WIDTH)
    widths = layout.columns(WIDTH, 19, 24, 45, 14, 22, 22, 16)
    entries_table = form_table(_entry_rows(month_entries, locale), widths,
                               align=["CENTER", "CENTER", "LEFT", "CENTER", "RIGHT", "RIGHT", "CENTER"])
    summary = form_table(_summary_rows(month, year, locale), layout.columns(WIDTH, 70, 50, 50),
                         align=["LEFT", "RIGHT", "RIGHT"])
    month_net = sum(month[g] for g in INCOME_GROUPS) - month[PRODUCTION_EXPENSE]
    year_net = sum(year[g] for g in INCOME_GROUPS) - year[PRODUCTION_EXPENSE]
    words = TextBlock(f"本月纯收入（大写）：{v.capital(month_net)}\n"
                      f"本年累计纯收入（大写）：{v.capital(year_net)}（{accounting_year}年度，自{v.day(year_start)}起）",
                      CELL.but(size=10, leading=16, space_before=3))
    signatures = Table(
        [[SignatureBox("户主签字（或按手印）：", border=False), SignatureBox("帮扶责任人签字：", border=False)],
         [SignatureBox("驻村第一书记签字：", border=False), SignatureBox("村党支部书记签字：", border=False)]],
        colWidths=[WIDTH / 2] * 2, rowHeights=[20 * mm] * 2, hAlign="LEFT", splitInRow=0,
        style=[("GRID", (0, 0), (-1, -1), layout.GRID_WIDTH, layout.BLACK), ("FONT", (0, 0), (-1, -1), fonts.MAIN, 9),
               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
    return [
        PartStart(f"{TITLE_TEXT} · {data.year}年{data.month}月 · 户主 {head.name if head else ''}",
                  place=data.village.full_name or data.village.name, printed_on=data.printed_on),
        TextBlock(TITLE_TEXT, TITLE),
        TextBlock(f"（{data.year}年{data.month}月）", SUBTITLE),
        identity,
        TextBlock("一、本月收支明细", SUBHEADING.but(space_before=6)),
        entries_table,
        TextBlock("二、收支汇总", SUBHEADING.but(space_before=6)),
        KeepTogether([summary, words]),
        Spacer(0, 3 * mm),
        KeepTogether([TextBlock("三、签字确认", SUBHEADING), signatures,
                      TextBlock("本卡一式两份，一份张贴户内，一份存村档案；每月5日前报乡（镇）。", NOTE.but(space_before=3))]),
    ]


def render_ledger_card(data: LedgerCardData, out, *, locale: str = "zh_CN") -> int:
    """Write the monthly ledger card to ``out`` (path or binary file); returns the number of pages."""
    return layout.render_story(out, ledger_card_story(data, locale=locale), title=f"{TITLE_TEXT}（{data.year}年{data.month}月）",
                               place=data.village.full_name or data.village.name, printed_on=data.printed_on)
