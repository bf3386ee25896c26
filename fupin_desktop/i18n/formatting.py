"""Numbers, money, dates and percentages for people to read, always with an explicit locale.

Thin wrappers over ``babel.numbers`` and ``babel.dates``. Money arrives as integer fen (see
``fupin_desktop.domain.money``) and is shown with two decimals; files and CSV use ``yuan_str`` instead.
"""

import datetime
import functools
from decimal import Decimal

import babel
from babel import dates as babel_dates
from babel import numbers as babel_numbers

DEFAULT_LOCALE = "zh_CN"
CURRENCY = "CNY"
_MONEY_PATTERN = "#,##0.00"


@functools.lru_cache(maxsize=16)
def _locale(locale: str | None):
    """The parsed ``babel.Locale`` (parsing costs ~2 ms; a table view formats thousands of cells)."""
    return babel.Locale.parse((locale or DEFAULT_LOCALE).replace("-", "_"))


def _yuan(fen: int) -> Decimal:
    return Decimal(int(fen)).scaleb(-2)


@functools.lru_cache(maxsize=16)
def _money_symbols(locale: str | None) -> tuple[str, str, str]:
    """(group, decimal, minus) of the locale, as Babel would write them with ``_MONEY_PATTERN``."""
    parsed = _locale(locale)
    return (babel_numbers.get_group_symbol(parsed), babel_numbers.get_decimal_symbol(parsed),
            babel_numbers.get_minus_sign_symbol(parsed))


def format_money(fen: int, locale: str = DEFAULT_LOCALE, currency: bool = False) -> str:
    """Integer fen → "1,234.50", or with ``currency`` "¥1,234.50" (zh_CN) / "CN¥1,234.50" (en).

    Without the currency the pattern is fixed (groups of three, two decimals), so the text is put together
    from the locale's symbols: a grid repaint formats hundreds of amounts, at a twentieth of Babel's cost.
    """
    if currency:
        return babel_numbers.format_currency(_yuan(fen), CURRENCY, locale=_locale(locale))
    group, decimal, minus = _money_symbols(locale)
    fen = int(fen)
    yuan, cents = divmod(abs(fen), 100)
    whole = f"{yuan:,}" if group == "," else f"{yuan:,}".replace(",", group)
    return f"{minus if fen < 0 else ''}{whole}{decimal}{cents:02d}"


def format_number(value: int | float | Decimal, locale: str = DEFAULT_LOCALE) -> str:
    """A count or measure with the locale's grouping: 12345 → "12,345"."""
    return babel_numbers.format_decimal(value, locale=_locale(locale))


def format_decimal(
    value: int | float | Decimal, locale: str = DEFAULT_LOCALE, places: int | None = None
) -> str:
    """A decimal number; ``places`` fixes the number of decimals (area in 亩 with 1, distance with 2)."""
    if places is None:
        return babel_numbers.format_decimal(value, locale=_locale(locale))
    pattern = "#,##0" + ("." + "0" * places if places > 0 else "")
    return babel_numbers.format_decimal(value, format=pattern, locale=_locale(locale))


def format_date(
    value: datetime.date | datetime.datetime | None, locale: str = DEFAULT_LOCALE, format: str = "long"
) -> str:
    """A date: zh_CN "long"/"medium" → 2026年11月23日, "short" → 2026/11/23. None → ""."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    return babel_dates.format_date(value, format=format, locale=_locale(locale))


def format_percent(value: float | Decimal, locale: str = DEFAULT_LOCALE, places: int = 0) -> str:
    """A ratio as a percentage: 0.0215 → "2%" (``places=2`` → "2.15%"; 贫困发生率 uses 2 places)."""
    pattern = "#,##0" + ("." + "0" * places if places > 0 else "") + "%"
    return babel_numbers.format_percent(value, format=pattern, locale=_locale(locale))
