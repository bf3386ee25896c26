"""中文大写金额: money in Chinese capital numerals for sign-off sheets and receipts.

Follows the bank rules of 《支付结算办法》 (附件一 正确填写票据和结算凭证的基本规定):

- digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿, then 元角分; ten is 壹拾, never bare 拾;
- zeros inside the number read 零 once, however many there are (6007.14 → 陆仟零柒元壹角肆分);
- a zero that closes a 万 or 亿 section before a full next section is not read
  (107000.53 → 壹拾万柒仟元零伍角叁分; the rules allow either form, this one is the spoken one);
- 元 followed by a zero 角 and a non-zero 分 writes 零 (325.04 → 叁佰贰拾伍元零肆分); when the 元 digit
  is zero and 角 is not, 零 is written too (1680.32 → 壹仟陆佰捌拾元零叁角贰分);
- an amount that ends in 元 or 角 gets 整; one that ends in 分 does not;
- less than one yuan starts at its first non-zero place (0.05 → 伍分); nothing at all is 零元整;
- negative amounts are prefixed 负.
"""

DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SECTION_UNITS = ("仟", "佰", "拾", "")
_BIG_UNITS = ((10**8, "亿"), (10**4, "万"))
MAX_FEN = 10**18 - 1  # below 一亿亿元


def _section(n: int) -> str:
    """0 < n < 10 000, read without a leading 零."""
    text = []
    pending_zero = False
    for digit, unit in zip(f"{n:04d}", _SECTION_UNITS, strict=True):
        if digit == "0":
            pending_zero = bool(text)
            continue
        if pending_zero:
            text.append("零")
            pending_zero = False
        text.append(DIGITS[int(digit)] + unit)
    return "".join(text)


def _integer(n: int) -> str:
    """A positive whole number of yuan, in capital numerals (without 元)."""
    for value, unit in _BIG_UNITS:
        if n >= value:
            high, low = divmod(n, value)
            text = _integer(high) + unit
            if low:
                if low < value // 10:  # the lower part starts with zeros: read them as one 零
                    text += "零"
                text += _integer(low)
            return text
    return _section(n)


def capital_amount(fen: int) -> str:
    """Integer fen → 大写金额 (123450 → "壹仟贰佰叁拾肆元伍角整")."""
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError("capital_amount takes integer fen")
    if fen < 0:
        return "负" + capital_amount(-fen)
    if fen > MAX_FEN:
        raise ValueError("金额过大，无法写成大写金额")
    yuan, cents = divmod(fen, 100)
    jiao, fen_digit = divmod(cents, 10)
    if yuan == 0 and cents == 0:
        return "零元整"
    parts = []
    if yuan:
        parts.append(_integer(yuan) + "元")
    if jiao:
        if yuan and yuan % 10 == 0:
            parts.append("零")
        parts.append(DIGITS[jiao] + "角")
    elif yuan and fen_digit:
        parts.append("零")
    if fen_digit:
        parts.append(DIGITS[fen_digit] + "分")
    else:
        parts.append("整")
    return "".join(parts)
