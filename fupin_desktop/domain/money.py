"""Money as integer fen (分): parsing what a person typed, and the plain form used for storage and CSV.

Amounts are yuan with at most two decimals; the program keeps them as ``int`` fen and formats them only at
the edges (``fupin_desktop.i18n.formatting`` for screens and print, :func:`yuan_str` for files).
"""

import re
import unicodedata
from decimal import Decimal, InvalidOperation

MAX_FEN = (
    999_999_999_999_99  # just under one trillion yuan: far beyond any village, far inside SQLite INTEGER
)

_CURRENCY_MARKS = ("￥", "¥", "RMB", "CNY")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")


class MoneyError(ValueError):
    """Text that is not an amount of money; ``reason`` (and ``str()``) says why, in Chinese."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


def _normalise(text: str) -> str:
    """Full-width digits, points and commas → ASCII; 。 as a decimal point; no spaces around."""
    text = text.replace("￥", "¥").replace("。", ".")
    return unicodedata.normalize("NFKC", text).strip()


def parse_yuan(text: str, *, allow_negative: bool = True) -> int:
    """Yuan as typed ("12", "12.3", "1,234.50", "￥12", "１２．３", "12元") → integer fen.

    Refuses an empty field, more than two decimals, letters and misplaced thousands separators with a
    :class:`MoneyError` naming the problem.
    """
    if text is None:
        raise MoneyError("请填写金额")
    original = str(text).strip()
    cleaned = _normalise(original)
    negative = False
    if cleaned[:1] in ("-", "+"):
        negative = cleaned[0] == "-"
        cleaned = cleaned[1:].strip()
    for mark in _CURRENCY_MARKS:
        if cleaned.upper().startswith(mark):
            cleaned = cleaned[len(mark) :].strip()
            break
    if cleaned.endswith("元"):
        cleaned = cleaned[:-1].strip()
    if cleaned[:1] == "-" and not negative:
        negative = True
        cleaned = cleaned[1:].strip()
    if not cleaned:
        raise MoneyError("请填写金额")
    for ch in cleaned:
        if not (ch.isascii() and (ch.isdigit() or ch in ".,")):
            raise MoneyError(f"金额只能包含数字和小数点，不能有“{ch}”")
    if cleaned.count(".") > 1:
        raise MoneyError(f"金额只能有一个小数点：{original}")
    whole_text, _, fraction = cleaned.partition(".")
    if "," in fraction:
        raise MoneyError(f"小数点后不能有逗号：{original}")
    if "," in whole_text:
        if not _GROUPED.fullmatch(whole_text):
            raise MoneyError(f"千位分隔符位置不对：{original}")
        whole_text = whole_text.replace(",", "")
    if not whole_text and not fraction:
        raise MoneyError(f"不是金额：{original}")
    if len(fraction) > 2:
        raise MoneyError(f"金额最多两位小数（到分）：{original}")
    fen = int(whole_text or "0") * 100 + int((fraction + "00")[:2])
    if fen > MAX_FEN:
        raise MoneyError(f"金额过大：{original}")
    if negative and fen:
        if not allow_negative:
            raise MoneyError(f"金额不能为负数：{original}")
        fen = -fen
    return fen


def fen_to_decimal(fen: int) -> Decimal:
    """Integer fen → yuan as a ``Decimal`` with exactly two places (123450 → Decimal("1234.50"))."""
    return Decimal(int(fen)).scaleb(-2)


def decimal_to_fen(value: Decimal | int | str) -> int:
    """Yuan as a ``Decimal`` (or int, or plain numeric text) → integer fen; more than two decimals is refused."""
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise MoneyError(f"不是金额：{value}") from None
    if not amount.is_finite():
        raise MoneyError(f"不是金额：{value}")
    fen = amount.scaleb(2)
    if fen != fen.to_integral_value():
        raise MoneyError(f"金额最多两位小数（到分）：{value}")
    if abs(fen) > MAX_FEN:
        raise MoneyError(f"金额过大：{value}")
    return int(fen)


def yuan_str(fen: int) -> str:
    """Plain yuan text for storage and CSV: "1234.50", "-0.05"; no grouping, always two decimals."""
    fen = int(fen)
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole}.{cents:02d}"
