"""公民身份号码 (GB 11643-1999), DOMAIN.md §3.1.

18 characters: 6-digit address code, 8-digit birth date, 3-digit sequence (odd = male), check character.
Also accepted: a lower-case x, full-width digits, spaces anywhere, a legacy 15-digit number (upgraded to 18),
and a 20-digit 残疾人证号 (the 18-character ID, then 残疾类别 1–7 and 等级 1–4).
Every refusal is an :class:`IdNumberError` whose message says exactly what is wrong.
"""

import datetime
import unicodedata
from dataclasses import dataclass
from operator import mul

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"
EARLIEST_BIRTH_YEAR = 1800
# First two digits of GB/T 2260 address codes: provinces, plus 81–83 (港澳台居民居住证).
PROVINCE_CODES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83".split()
)


class IdNumberError(ValueError):
    """A number that is not a valid 公民身份号码; ``reason`` is a Chinese sentence for the person typing."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


@dataclass(frozen=True)
class IdInfo:
    number: str  # normalised 18 characters, X upper-case
    region: str  # 6-digit address code
    birth_date: datetime.date
    sex: str  # "1" male, "2" female (codes.SEX)
    upgraded_from_15: bool = False
    disability_category: str | None = None  # from a 20-digit 残疾人证号 (codes.DISABILITY_CATEGORY)
    disability_grade: str | None = None  # codes.DISABILITY_GRADE
    certificate: str | None = None  # the full 20-digit number when one was given


def check_character(first17: str) -> str:
    """The GB 11643 check character ("0"–"9" or "X") for the first 17 digits."""
    if len(first17) != 17 or not (first17.isascii() and first17.isdigit()):
        raise ValueError("check_character needs exactly 17 ASCII digits")
    return CHECK_CHARACTERS[sum(map(mul, map(int, first17), WEIGHTS)) % 11]


_ASCII_ID_CHARACTERS = frozenset("0123456789X")


def _clean(text: object) -> str:
    """Drop whitespace, turn full-width digits and letters into ASCII, upper-case x; refuse anything else."""
    if type(text) is str and text.isascii() and text.isalnum():
        # the common case (ASCII digits, perhaps an x) without a normalisation per character; anything
        # else, including the refusals and their exact reasons, goes through the loop below
        upper = text.replace("x", "X")
        if _ASCII_ID_CHARACTERS.issuperset(upper):
            return upper
    return _clean_each(text)


def _clean_each(text: object) -> str:
    """:func:`_clean` one character at a time: the reference and the path of every unusual input."""
    if text is None:
        raise IdNumberError("身份证号码不能为空")
    cleaned = []
    for original in str(text):
        if original.isspace():
            continue
        ch = unicodedata.normalize("NFKC", original)
        if ch in ("x", "X"):
            cleaned.append("X")
        elif len(ch) == 1 and ch.isascii() and ch.isdigit():
            cleaned.append(ch)
        else:
            raise IdNumberError(f"含有非法字符“{original}”")
    if not cleaned:
        raise IdNumberError("身份证号码不能为空")
    return "".join(cleaned)


def _birth_date(digits: str, today: datetime.date) -> datetime.date:
    """The date in YYYYMMDD ``digits`` (positions 7–14 of the 18-character number)."""
    try:
        born = datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise IdNumberError(f"第7-14位出生日期不存在：{digits}") from None
    if born.year < EARLIEST_BIRTH_YEAR:
        raise IdNumberError(f"第7-14位出生日期不合理：{digits}")
    if born > today:
        raise IdNumberError("出生日期晚于今天")
    return born


def _check_region(number: str) -> None:
    if number[:2] not in PROVINCE_CODES:
        raise IdNumberError(f"第1-2位省份代码不存在：{number[:2]}")


def _upgrade_15(number: str) -> str:
    """Legacy 15-digit number (YYMMDD, all born in the 1900s) → 18 characters."""
    if "X" in number:
        raise IdNumberError("15位旧号码只能由数字组成")
    try:
        datetime.date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))
    except ValueError:
        raise IdNumberError("15位旧号码的出生日期不存在") from None
    first17 = number[:6] + "19" + number[6:]
    return first17 + check_character(first17)


def parse_id_number(text: str, *, today: datetime.date | None = None) -> IdInfo:
    """Check ``text`` and tell what it says; raises :class:`IdNumberError` with the reason."""
    today = today or datetime.date.today()
    number = _clean(text)
    category = grade = certificate = None
    upgraded = False
    if len(number) == 15:
        number = _upgrade_15(number)
        upgraded = True
    elif len(number) == 20:
        certificate = number
        number, category, grade = number[:18], number[18], number[19]
    elif len(number) != 18:
        raise IdNumberError(f"身份证号码应为18位，现在是{len(number)}位")
    if "X" in number[:17]:
        position = number.index("X") + 1
        raise IdNumberError(f"第{position}位不能是X，只有最后一位校验码可以是X")
    _check_region(number)
    born = _birth_date(number[6:14], today)
    expected = check_character(number[:17])
    if number[17] != expected:
        raise IdNumberError(f"校验码错误：最后一位应为{expected}")
    if category is not None and not "1" <= category <= "7":
        raise IdNumberError(f"残疾人证号第19位残疾类别应为1-7，现在是“{category}”")
    if grade is not None and not "1" <= grade <= "4":
        raise IdNumberError(f"残疾人证号第20位残疾等级应为1-4，现在是“{grade}”")
    return IdInfo(
        number=number,
        region=number[:6],
        birth_date=born,
        sex="1" if int(number[16]) % 2 else "2",
        upgraded_from_15=upgraded,
        disability_category=category,
        disability_grade=grade,
        certificate=certificate,
    )


def normalise_id_number(text: str, *, today: datetime.date | None = None) -> str:
    """The stored form: 18 characters, X upper-case (a 15-digit number upgraded, a 证号's tail dropped)."""
    return parse_id_number(text, today=today).number


def is_valid_id_number(text: str, *, today: datetime.date | None = None) -> bool:
    try:
        parse_id_number(text, today=today)
    except IdNumberError:
        return False
    return True


def mask_id_number(number: str | None) -> str:
    """For posted lists: the first 4 and last 4 characters shown, the rest as * ("1101**********002X")."""
    if not number:
        return ""
    number = "".join(str(number).split())
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def make_id_number(region: str, birth: datetime.date, sequence: int) -> str:
    """A valid 18-character number (demo data and tests); an odd ``sequence`` makes a male."""
    if len(region) != 6 or not (region.isascii() and region.isdigit()):
        raise ValueError(f"region must be 6 digits, not {region!r}")
    if not 0 <= sequence <= 999:
        raise ValueError(f"sequence must be 0..999, not {sequence}")
    if not 1000 <= birth.year <= 9999:
        raise ValueError(f"birth year must have 4 digits, not {birth.year}")
    first17 = f"{region}{birth:%Y%m%d}{sequence:03d}"
    return first17 + check_character(first17)
