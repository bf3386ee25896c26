"""Read one cell as the value of a field, saying exactly what was wrong or corrected.

Every reader returns ``(value, issue)``: ``value`` is None when the cell is blank or could not be read;
``issue`` is None or ``(level, message)`` with level ``error`` (the household is not imported), ``warning``
(the value is left out, the rest is imported) or ``info`` (the value was corrected and imported).

Excel turns long digit strings into numbers: an 18-digit ID number keeps only 15 significant digits
(1.10105E+17), so the last digits are gone for good. Such cells are refused as unrecoverable. A 15-digit old
ID number, an 11-digit phone number and numbers written exactly by a program (an ``int`` whose tail is not
the zeros Excel pads with) survive and are read as text.
"""

import datetime as dt
import re
import unicodedata
from operator import mul

from fupin_desktop.domain.idnumber import (
    CHECK_CHARACTERS,
    EARLIEST_BIRTH_YEAR,
    PROVINCE_CODES,
    WEIGHTS,
    IdInfo,
    IdNumberError,
    parse_id_number,
)
from fupin_desktop.spreadsheets.fields import VALUE_SYNONYMS, FieldSpec

ERROR, WARNING, INFO = "error", "warning", "info"
EXCEL_DIGITS = 15  # significant digits Excel keeps in a number

_SCIENTIFIC = re.compile(r"^[+-]?\d+(\.\d+)?[eE][+-]?\d+$")
_SEPARATORS = re.compile(r"[、,，;；/／\s]+")
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
    re.compile(r"^(\d{4})[-/.年](\d{1,2})月?$"),
)
_UNITS = ("平方米", "㎡", "m2", "亩", "公里", "千米", "km", "个月", "月", "年", "元")
_YES = frozenset("是 有 √ ✓ ✔ y yes true 1 参加 已参加 享受 已享受 通 已通 安全 对".split())
_NO = frozenset("否 无 × ✗ ✘ n no false 0 未参加 不参加 未享受 不享受 没有 未通 不通 不安全 不".split())


def _as_text(value) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _number_text(value)
    return str(value)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().lower()


def _number_text(value) -> str:
    """A number cell as the digits a person typed ("13800000000", "3", "2.5")."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _shown(value) -> str:
    """How Excel shows a big number: 1.10105E+17."""
    if isinstance(value, int | float) and abs(value) >= 10**11:
        mantissa, exponent = f"{float(value):.5E}".split("E")
        return f"{mantissa.rstrip('0').rstrip('.')}E+{int(exponent)}"
    return _number_text(value)


def _lost_digits(value) -> bool:
    """A number cell too long for Excel: a float, or an int padded with zeros after 15 digits."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    digits = str(int(value)) if float(value).is_integer() else str(value)
    if len(digits) <= EXCEL_DIGITS:
        return False
    return isinstance(value, float) or set(digits[EXCEL_DIGITS:]) == {"0"}


def read_text(value):
    if type(value) is str:
        value = value.strip()
        return (value or None), None
    if value is None:
        return None, None
    if isinstance(value, dt.datetime | dt.date):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat(), None
    text = _as_text(value).strip()
    return (text or None), None


def read_name(value):
    text, _ = read_text(value)
    if text is None:
        return None, None
    squeezed = "".join(text.split())
    if squeezed != text and not any(ch.isascii() and ch.isalpha() for ch in squeezed):
        text = squeezed  # "张　三": two-character names padded for alignment
    return text, None


def read_id(value, today: dt.date):
    """(IdInfo or None, issue)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    note = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _lost_digits(value):
            return None, (ERROR, f"证件号码被Excel存成了数字（显示为{_shown(value)}），后几位已丢失，无法恢复；"
                                 "请按身份证重新录入，并先把该列设为“文本”格式")
        text = _number_text(value)
        note = f"证件号码以数字形式存储（{_shown(value)}），已按文本“{text}”读取"
    else:
        text = str(value).strip().lstrip("'‘`")
        info = _quick_id(text, today)  # 18 clean characters: nothing to note (a lower-case x is not clean)
        if info is not None:
            return info, None
        if _SCIENTIFIC.match(text.replace(" ", "")):
            return None, (ERROR, f"证件号码“{text}”是Excel的科学计数法，后几位已丢失，无法恢复；请按身份证重新录入")
        if text.endswith("x"):
            note = "末位小写x已改为大写X"
    info = _quick_id(text, today)
    if info is not None:
        return info, ((INFO, note) if note else None)
    try:
        info = parse_id_number(text, today=today)
    except IdNumberError as exc:
        return None, (ERROR, f"证件号码“{text}”有误：{exc.reason}")
    if info.upgraded_from_15:
        note = (note + "；" if note else "") + f"15位旧号码已升级为18位：{info.number}"
    return info, ((INFO, note) if note else None)


def _quick_id(text: str, today: dt.date) -> IdInfo | None:
    """The common case without the general parser: 18 clean characters that pass every check of
    :func:`parse_id_number` (province, birth date, check character). None means "ask the parser", which
    also gives the exact reason of a refusal."""
    if len(text) != 18 or not text.isascii() or not text[:17].isdigit():
        return None
    last = text[17]
    if not (last.isdigit() or last == "X") or text[:2] not in PROVINCE_CODES:
        return None
    try:
        born = dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return None
    if born.year < EARLIEST_BIRTH_YEAR or born > today:
        return None
    if CHECK_CHARACTERS[sum(map(mul, map(int, text[:17]), WEIGHTS)) % 11] != last:
        return None
    return IdInfo(number=text, region=text[:6], birth_date=born, sex="1" if int(text[16]) % 2 else "2")


def read_digits(value, title: str):
    """Phone and account numbers: always text; a number too long for Excel is refused."""
    if value is None:
        return None, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _lost_digits(value):
            return None, (WARNING, f"{title}被Excel存成了数字（显示为{_shown(value)}），后几位已丢失，未导入")
        return _number_text(value), None
    text = "".join(str(value).split()).lstrip("'‘`")
    if _SCIENTIFIC.match(text):
        return None, (WARNING, f"{title}“{text}”是Excel的科学计数法，后几位已丢失，未导入")
    return (text or None), None


class CodeReader:
    """Codes from a code, a label, pinyin initials, or words seen in real sheets; results cached."""

    def __init__(self, spec: FieldSpec):
        self.spec = spec
        self.table = spec.table
        self.synonyms = {_fold(k): v for k, v in VALUE_SYNONYMS.get(spec.key, {}).items()}
        self._labels = sorted(((_fold(label), code) for code, label in self.table.items),
                              key=lambda item: -len(item[0]))
        self._by_label = {label: code for label, code in self._labels}
        self._cache: dict[str, str | None] = {}
        self._read_cache: dict = {}  # cell value → (code, issue): a column repeats a handful of values

    def code(self, text: str) -> str | None:
        """The code, "" for a word meaning "none", None when unknown."""
        folded = _fold(text)
        if folded in self._cache:
            return self._cache[folded]
        found = self._lookup(folded)
        self._cache[folded] = found
        return found

    def _lookup(self, folded: str) -> str | None:
        if folded in self.synonyms:
            return self.synonyms[folded]
        found = self.table.parse(folded)
        if found is not None:
            return found
        contained = [(label, code) for label, code in self._labels if label in folded]
        if contained and (len(contained) == 1 or len(contained[0][0]) > len(contained[1][0])):
            return contained[0][1]
        for extra in ("之" + folded, folded + "族"):  # "子" → 之子, "汉" → 汉族
            if extra in self._by_label:
                return self._by_label[extra]
        return None

    def read(self, value):
        found = self._read_cache.get(value)
        if found is None:
            found = self._read_cache[value] = self._read(value)
        return found

    def _read(self, value):
        if value is None:
            return None, None
        text = _as_text(value)
        if not text.strip():
            return None, None
        found = self.code(text)
        if found is None:
            return None, (WARNING, f"“{text.strip()}”不是{self.table.title}的代码或名称，该项未导入")
        return found, None

    def read_many(self, value):
        text, _ = read_text(value)
        if text is None:
            return None, None
        codes, unknown = [], []
        for part in _SEPARATORS.split(text):
            if not part:
                continue
            found = self.code(part)
            if found is None:
                unknown.append(part)
            elif found and found not in codes:
                codes.append(found)
        issue = None
        if unknown:
            issue = (WARNING, f"“{'、'.join(unknown)}”不是{self.table.title}的代码或名称，未导入")
        return tuple(codes), issue


def read_date(value):
    if value is None:
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 19000101 <= value <= 21001231:
            value = str(int(value))
        elif 1 <= value < 100000:
            from openpyxl.utils.datetime import from_excel

            return from_excel(value).date(), None
    text = str(value).strip()
    if not text:
        return None, None
    normal = unicodedata.normalize("NFKC", text).replace(" ", "")
    for pattern in _DATE_PATTERNS:
        match = pattern.match(normal)
        if match:
            parts = [int(p) for p in match.groups()] + [1]
            try:
                return dt.date(parts[0], parts[1], parts[2]), None
            except ValueError:
                break
    return None, (WARNING, f"“{text}”不是有效日期，未导入")


def _strip_units(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).strip().replace(",", "")
    for unit in _UNITS:
        if text.endswith(unit):
            return text[: -len(unit)].strip()
    return text


def read_float(value, title: str):
    if value is None:
        return None, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value), None
    text = _strip_units(str(value))
    if not text:
        return None, None
    try:
        return float(text), None
    except ValueError:
        return None, (WARNING, f"{title}“{str(value).strip()}”不是数字，未导入")


def read_int(value, title: str):
    number, issue = read_float(value, title)
    if number is None:
        return None, issue
    if not number.is_integer():
        return None, (WARNING, f"{title}“{_number_text(value)}”应为整数，未导入")
    return int(number), None


def read_year(value, title: str):
    if isinstance(value, dt.date | dt.datetime):
        return value.year, None
    number, issue = read_int(value, title)
    if number is None:
        return None, issue
    if not 1949 <= number <= 2100:
        return None, (WARNING, f"{title}“{number}”不是有效年份，未导入")
    return number, None


def read_bool(value, title: str):
    if value is None:
        return None, None
    if isinstance(value, bool):
        return value, None
    text = _fold(_number_text(value) if isinstance(value, int | float) else str(value))
    if not text:
        return None, None
    if text in _YES:
        return True, None
    if text in _NO:
        return False, None
    return None, (WARNING, f"{title}“{str(value).strip()}”应为“是”或“否”，未导入")


def reader_for(spec: FieldSpec, today: dt.date):
    """A function value → (value, issue) for one field."""
    kind, title = spec.kind, spec.title
    if kind == "code":
        return CodeReader(spec).read
    if kind == "codes":
        return CodeReader(spec).read_many
    if kind == "id":
        return lambda value: read_id(value, today)
    if kind == "digits":
        return lambda value: read_digits(value, title)
    if kind == "name":
        return read_name
    if kind == "date":
        return read_date
    if kind == "year":
        return lambda value: read_year(value, title)
    if kind == "int":
        return lambda value: read_int(value, title)
    if kind == "float":
        return lambda value: read_float(value, title)
    if kind == "bool":
        return lambda value: read_bool(value, title)
    return read_text
