"""Find the header row(s) of a roster sheet and recognise what each column holds.

Real sheets start with a title row ("XX村建档立卡贫困户花名册"), may have a two-row header whose upper row
groups columns under a merged cell ("家庭成员信息" over 姓名 · 证件号码 · 与户主关系; "户主" over 姓名 · 身份证号),
and sometimes a row of column numbers (1 2 3 …) under the header. In read-only mode a merged cell's text sits
in its first cell only, so a group title is carried to the right over the columns that have a lower header.

A :class:`ColumnMapping` (column → field key) is what the person confirms; it is saved and loaded as JSON
keyed by header text, so it applies to next month's file with the same headers.
"""

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from fupin_desktop.services.errors import ValidationError
from fupin_desktop.spreadsheets.fields import ALL_FIELDS, BY_KEY, IGNORE, IGNORED_HEADERS

SCAN_ROWS = 30  # the header must be within the first rows
MAPPING_FORMAT = "fupin-xlsx-mapping"

_BRACKETS = re.compile(r"[（(【\[［<《][^）)】\]］>》]*[）)】\]］>》]")
_NOISE = re.compile(r"[\s*＊:：/／\\、_\-—.·,，;；'\"“”‘’?？!！]")


def fold_header(text) -> str:
    """Comparable header text: NFKC, no spaces, stars or punctuation, lower case."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", str(text)).strip().lower()
    return _NOISE.sub("", text)


def _without_notes(text: str) -> str:
    """"耕地面积（亩）" → "耕地面积"; "身份证号(必填)" → "身份证号"."""
    text = unicodedata.normalize("NFKC", str(text))
    return fold_header(_BRACKETS.sub("", text))


def _build_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for spec in ALL_FIELDS:
        for header in spec.headers:
            index.setdefault(fold_header(header), spec.key)
    return index


_INDEX = _build_index()
_IGNORED = frozenset(fold_header(h) for h in IGNORED_HEADERS)


def recognise(text) -> str | None:
    """The field key a header names, ``IGNORE`` for a known column that is never imported, None if unknown."""
    for candidate in (fold_header(text), _without_notes(text or "")):
        if not candidate:
            continue
        if candidate in _INDEX:
            return _INDEX[candidate]
        if candidate in _IGNORED:
            return IGNORE
        if candidate.startswith("是否") and candidate[2:] in _INDEX:
            return _INDEX[candidate[2:]]
        if not candidate.startswith("是否") and "是否" + candidate in _INDEX:
            return _INDEX["是否" + candidate]
    return None


@dataclass(frozen=True)
class Column:
    index: int  # 0-based
    header: str  # the header text as shown ("户主 / 姓名" for a two-row header)
    recognised: str | None  # field key, IGNORE, or None when unknown

    @property
    def letter(self) -> str:
        from openpyxl.utils import get_column_letter

        return get_column_letter(self.index + 1)


@dataclass(frozen=True)
class HeaderLayout:
    rows: tuple[int, ...]  # 1-based sheet rows forming the header (one or two)
    columns: tuple[Column, ...]

    @property
    def last_row(self) -> int:
        return self.rows[-1] if self.rows else 0


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _row_score(values) -> float:
    score = 0.0
    for value in values:
        found = recognise(value) if isinstance(value, str) else None
        if found:
            score += 1
        elif found == IGNORE:
            score += 0.5
    return score


def _two_row_headers(upper, lower) -> list[tuple[str, str | None]]:
    """Header text and recognised field of each column of a two-row header."""
    width = max(len(upper), len(lower))
    upper = [_text(v) for v in upper] + [""] * (width - len(upper))
    lower = [_text(v) for v in lower] + [""] * (width - len(lower))
    result, group = [], ""
    for i in range(width):
        if upper[i]:
            # A title over columns that have lower headers is a group; a title whose own lower cell is
            # empty was merged vertically and names its column alone.
            group = upper[i] if lower[i] else ""
            parent = upper[i]
        else:
            parent = group if lower[i] else ""
        child = lower[i]
        if child and parent:
            combined = recognise(parent + child)
            found = combined if combined is not None else recognise(child)
            result.append((f"{parent} / {child}", found))
        elif child:
            result.append((child, recognise(child)))
        else:
            result.append((parent, recognise(parent) if parent else None))
    return result


def _single_row_headers(values) -> list[tuple[str, str | None]]:
    return [(_text(v), recognise(_text(v)) if _text(v) else None) for v in values]


def _score(headers) -> float:
    return sum(1 if found else 0.5 for _text_, found in headers if found is not None)


def detect_header(rows: list[tuple[int, tuple]]) -> HeaderLayout:
    """The header of a sheet from its first rows ``[(row number, values), …]``.

    The single row naming the most known fields wins; the row above or below joins it when the two read
    together name more fields (a two-row header). Raises ``ValidationError`` when no row names two fields.
    """
    rows = [(n, v) for n, v in rows[:SCAN_ROWS]]
    if not rows:
        raise ValidationError("工作表是空的，没有找到表头。")
    scores = [_row_score(values) for _n, values in rows]
    best = max(range(len(rows)), key=lambda i: (scores[i], -i))
    if scores[best] < 2:
        raise ValidationError("没有找到表头：前30行中没有一行包含“姓名”“证件号码”“户编号”等列名。")
    choice = (best,)
    headers = _single_row_headers(rows[best][1])
    top = _score(headers)
    for pair in ((best - 1, best), (best, best + 1)):
        if pair[0] < 0 or pair[1] >= len(rows):
            continue
        if rows[pair[1]][0] != rows[pair[0]][0] + 1:
            continue
        combined = _two_row_headers(rows[pair[0]][1], rows[pair[1]][1])
        if _score(combined) > top and _row_score(rows[pair[1]][1]) >= 1:
            choice, headers, top = pair, combined, _score(combined)
    columns, seen = [], set()
    for index, (text, found) in enumerate(headers):
        if found and found in seen:  # the same field twice: the first column wins
            found = None
        if found:
            seen.add(found)
        columns.append(Column(index, text, found))
    while columns and not columns[-1].header:
        columns.pop()
    return HeaderLayout(tuple(rows[i][0] for i in choice), tuple(columns))


def is_numbering_row(values) -> bool:
    """A row of column numbers (1 2 3 …) printed under the header of many official forms."""
    numbers = []
    for value in values:
        text = _text(value)
        if not text:
            continue
        if not text.isdigit():
            return False
        numbers.append(int(text))
    return len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


@dataclass
class ColumnMapping:
    """Which field each column holds (column index → field key; missing or ``IGNORE`` = not imported).

    The JSON form maps header text to a field key ("member.id_number") or its title ("证件号码"); "" skips."""

    fields: dict[int, str] = field(default_factory=dict)

    @classmethod
    def from_layout(cls, layout: HeaderLayout) -> "ColumnMapping":
        return cls({c.index: c.recognised for c in layout.columns if c.recognised})

    def key(self, index: int) -> str:
        return self.fields.get(index, IGNORE)

    def column_of(self, key: str) -> int | None:
        return next((i for i, k in sorted(self.fields.items()) if k == key), None)

    def header_of(self, key: str, layout: HeaderLayout) -> str:
        """The sheet's header of the column holding ``key`` (the field's own title when none does)."""
        index = self.column_of(key)
        found = next((c.header for c in layout.columns if c.index == index), "") if index is not None else ""
        return found or BY_KEY[key].title

    def mapped(self) -> dict[int, str]:
        return {i: k for i, k in sorted(self.fields.items()) if k}

    def validate(self) -> None:
        """Refuse unknown keys and a field mapped from two columns."""
        seen: dict[str, int] = {}
        for index, key in self.mapped().items():
            if key not in BY_KEY:
                raise ValidationError(f"未知的字段：{key}")
            if key in seen:
                title = BY_KEY[key].title
                raise ValidationError(f"“{title}”同时对应了两列（第{seen[key] + 1}列和第{index + 1}列），请只保留一列。")
            seen[key] = index
        if "member.name" not in seen and "household.head_name" not in seen:
            raise ValidationError("请指定“姓名”列（或“户主姓名”列）。")

    # JSON: keyed by header text, so a mapping applies to another file with the same headers -------------
    def to_json(self, layout: HeaderLayout) -> dict:
        columns = {}
        for column in layout.columns:
            if column.header:
                columns.setdefault(column.header, self.key(column.index))
        return {"format": MAPPING_FORMAT, "version": 1, "columns": columns}

    def save(self, path: Path | str, layout: HeaderLayout) -> None:
        text = json.dumps(self.to_json(layout), ensure_ascii=False, indent=2)
        Path(path).write_text(text + "\n", encoding="utf-8")

    @classmethod
    def from_json(cls, data: dict, layout: HeaderLayout) -> "ColumnMapping":
        if not isinstance(data, dict) or data.get("format") != MAPPING_FORMAT:
            raise ValidationError("这不是本程序保存的列对应关系文件。")
        titles = {spec.title: key for key, spec in BY_KEY.items()}
        columns = (data.get("columns") or {}).items()
        saved = {fold_header(h): titles.get(k, k) if k else IGNORE for h, k in columns}
        unknown = sorted({k for k in saved.values() if k and k not in BY_KEY})
        if unknown:
            raise ValidationError("列对应关系文件中有未知的字段：" + "、".join(unknown))
        fields = {}
        for column in layout.columns:
            key = saved.get(fold_header(column.header), column.recognised)
            if key:
                fields[column.index] = key
        return cls(fields)

    @classmethod
    def load(cls, path: Path | str, layout: HeaderLayout) -> "ColumnMapping":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
        except (OSError, ValueError) as exc:
            raise ValidationError(f"无法读取列对应关系文件 {Path(path).name}：{exc}") from exc
        return cls.from_json(data, layout)
