"""How record values read on paper: money, dates, yes/no, code labels, ticks and member facts."""

import datetime as dt
from functools import cache, lru_cache

from babel.numbers import get_decimal_symbol, get_group_symbol

from fupin_desktop.domain import codes
from fupin_desktop.domain.colours import COLOUR_NAMES, colour_hex
from fupin_desktop.domain.idnumber import mask_id_number
from fupin_desktop.domain.records import Member
from fupin_desktop.i18n.capital import capital_amount
from fupin_desktop.i18n.formatting import format_date
from fupin_desktop.reports.tables import Fixed

TICKED, UNTICKED = "■", "□"


@cache
def _symbols(locale: str) -> tuple[str, str]:
    locale = (locale or "zh_CN").replace("-", "_")
    return get_group_symbol(locale), get_decimal_symbol(locale)


def format_money(fen: int, locale: str = "zh_CN") -> str:
    """Same text as ``i18n.formatting.format_money`` ("#,##0.00" with the locale's symbols), without asking
    Babel for every figure: a 500-household batch prints hundreds of thousands of amounts."""
    group, decimal = _symbols(locale)
    yuan_part, cents = divmod(abs(int(fen)), 100)
    text = f"{yuan_part:,}".replace(",", group) + f"{decimal}{cents:02d}"
    return "-" + text if fen < 0 else text


def money(fen: int | None, locale: str = "zh_CN") -> Fixed:
    """``123456`` → ``1,234.56`` (never broken across lines); None → empty."""
    return Fixed("" if fen is None else format_money(fen, locale))


def yuan(fen: int | None, locale: str = "zh_CN") -> str:
    return "" if fen is None else f"{format_money(fen, locale)}元"


def capital(fen: int | None) -> str:
    """大写金额 (``123450`` → ``壹仟贰佰叁拾肆元伍角整``)."""
    return "" if fen is None else capital_amount(fen)


@lru_cache(maxsize=8192)
def day(value: dt.date | None, locale: str = "zh_CN") -> str:
    return format_date(value, locale) if value else ""


def short_day(value: dt.date | None) -> Fixed:
    return Fixed(f"{value:%Y-%m-%d}" if value else "")


def yes_no(value: bool | None) -> str:
    return "" if value is None else ("是" if value else "否")


def tick(value: bool | None, yes: str = "是", no: str = "否") -> str:
    """``■是 □否`` with the recorded answer filled in; both empty when nothing was recorded."""
    return f"{TICKED if value is True else UNTICKED}{yes}  {TICKED if value is False else UNTICKED}{no}"


def label(table: codes.CodeTable, code: str | None) -> str:
    return table.label(code, code or "")


def labels(table: codes.CodeTable, code_list) -> str:
    return "、".join(label(table, c) for c in code_list if c)


def area(value: float | None, places: int = 1, locale: str = "zh_CN") -> str:
    """An area or a distance with fixed decimals and the locale's symbols (12.5 亩, 2.07 公里)."""
    if value is None:
        return ""
    group, decimal = _symbols(locale)
    return f"{value:,.{places}f}".replace(",", "\0").replace(".", decimal).replace("\0", group)


def colour_name(colour: str) -> str:
    return COLOUR_NAMES.get(colour, colour or "")


def colour_of_name(colour: str) -> str:
    return colour_hex(colour or "red")


def id_text(number: str, masked: bool) -> Fixed:
    return Fixed(mask_id_number(number) if masked else (number or ""))


def insurance(member: Member) -> str:
    """Insurance held, by short names: 医保 大病 养老 商业."""
    held = [name for name, flag in (("医保", member.medical_insurance), ("大病", member.serious_illness_insurance),
                                    ("养老", member.pension_insurance), ("商保", member.commercial_insurance)) if flag]
    return "、".join(held) or "无"


def work(member: Member) -> str:
    if not member.work_status:
        return ""
    place = label(codes.WORK_STATUS, member.work_status)
    return f"{place}{member.work_months}个月" if member.work_months else place


def health(member: Member) -> str:
    text = label(codes.HEALTH, member.health)
    if member.health == "04" and member.disability_category:
        grade = label(codes.DISABILITY_GRADE, member.disability_grade)
        text += f"（{label(codes.DISABILITY_CATEGORY, member.disability_category)}{grade}）"
    return text


def support(member: Member) -> str:
    return "、".join(name for name, flag in (("低保", member.dibao), ("特困", member.tekun)) if flag)
