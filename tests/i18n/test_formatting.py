import datetime
from decimal import Decimal

import pytest

from fupin_desktop.i18n.formatting import (
    format_date,
    format_decimal,
    format_money,
    format_number,
    format_percent,
)

DAY = datetime.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("fen", "currency", "locale", "expected"),
    [
        (123450, False, "zh_CN", "1,234.50"),
        (123450, True, "zh_CN", "¥1,234.50"),
        (5, False, "zh_CN", "0.05"),
        (0, True, "zh_CN", "¥0.00"),
        (-123450, False, "zh_CN", "-1,234.50"),
        (100000000, False, "en", "1,000,000.00"),
        (123450, True, "en", "CN¥1,234.50"),
        (123450, False, "zh-TW", "1,234.50"),
    ],
)
def test_format_money(fen, currency, locale, expected):
    assert format_money(fen, locale=locale, currency=currency) == expected


@pytest.mark.parametrize("locale", ["zh_CN", "zh_TW", "en", "de_DE", "fr_FR"])
def test_format_money_writes_what_babel_writes(locale):
    from babel import numbers

    for fen in (0, 1, -1, 99, 100, -150, 123456, 99999999, -100000000, 123456789012):
        expected = numbers.format_decimal(Decimal(fen).scaleb(-2), format="#,##0.00", locale=locale)
        assert format_money(fen, locale=locale) == expected, (locale, fen)


def test_format_money_default_locale():
    assert format_money(123450) == "1,234.50"


def test_format_number_and_decimal():
    assert format_number(12345) == "12,345"
    assert format_number(12345, "en") == "12,345"
    assert format_decimal(Decimal("3.14159"), places=2) == "3.14"
    assert format_decimal(Decimal("12.5"), places=0) == "12"
    assert format_decimal(2.5) == "2.5"


@pytest.mark.parametrize(
    ("locale", "style", "expected"),
    [
        ("zh_CN", "long", "2026年11月23日"),
        ("zh_CN", "medium", "2026年11月23日"),
        ("zh_CN", "short", "2026/11/23"),
        ("en", "long", "November 23, 2026"),
        ("en", "short", "11/23/26"),
    ],
)
def test_format_date(locale, style, expected):
    assert format_date(DAY, locale, style) == expected


def test_format_date_default_and_none():
    assert format_date(DAY) == "2026年11月23日"
    assert format_date(datetime.datetime(2026, 11, 23, 8, 30)) == "2026年11月23日"
    assert format_date(None) == ""


def test_format_percent():
    assert format_percent(0.25) == "25%"
    assert format_percent(Decimal("0.0215"), places=2) == "2.15%"
    assert format_percent(0.0215, "en", places=1) == "2.2%"
