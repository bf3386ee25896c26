"""Turn the data rows of a roster into households: read each cell, group person rows, find duplicates.

Person rows are grouped by 户编号 when the sheet has one (a blank 户编号 continues the household above, as
merged cells read); else by the 户主 columns (户主身份证号, else 户主姓名 with 村民小组); else a row whose 与户主关系
is 户主 starts a household and the rows below it are its members. A sheet with 户主姓名 but no 姓名 column
holds one household per row, its head. Household fields are taken from the first row that fills them.
"""

import datetime as dt
from dataclasses import dataclass, field
from operator import itemgetter

from fupin_desktop.domain.idnumber import IdInfo
from fupin_desktop.services.errors import ValidationError
from fupin_desktop.spreadsheets.convert import reader_for
from fupin_desktop.spreadsheets.fields import BY_KEY
from fupin_desktop.spreadsheets.headers import ColumnMapping, HeaderLayout, is_numbering_row
from fupin_desktop.spreadsheets.model import (
    ERROR,
    INFO,
    WARNING,
    ImportProblem,
    PlannedHousehold,
    PlannedMember,
)

HEAD = "01"
TOTAL_WORDS = frozenset({"合计", "小计", "总计", "合计：", "总计："})
_HOUSEHOLD, _MEMBER, _HEAD_NAME, _HEAD_ID = range(4)
_TARGETS = {"head_name": _HEAD_NAME, "head_id_number": _HEAD_ID}
_UNIQUE_KINDS = frozenset({"id", "name", "digits"})  # values seldom repeat: not worth caching
# Fields whose different values inside one household are expected (a person's own number), not a warning.
_SOFT_CONFLICTS = frozenset({"phone", "address", "bank", "bank_account"})


@dataclass
class PersonRow:
    number: int
    household: dict = field(default_factory=dict)
    member: dict = field(default_factory=dict)
    head_name: str = ""
    head_id: str = ""
    error: bool = False
    fingerprint: tuple = ()  # the member's own cells, to recognise a row pasted twice


def _is_filled(value) -> bool:
    """A cell that holds something (a text of spaces only counts as blank)."""
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


class RowReader:
    """Reads data rows with the confirmed mapping; problems go to ``problems``."""

    def __init__(self, layout: HeaderLayout, mapping: ColumnMapping, today: dt.date, problems: list):
        self.layout = layout
        self.problems = problems
        headers = {c.index: c.header for c in layout.columns}
        self.columns = []
        for index, key in mapping.mapped().items():
            spec = BY_KEY[key]
            target = _TARGETS.get(spec.attr, 0 if spec.level == "household" else 1)
            # a column repeats a handful of values (labels, 是/否, years): read each once
            cache = None if spec.kind in _UNIQUE_KINDS else {}
            reader = reader_for(spec, today)
            self.columns.append((index, spec.attr, target, headers.get(index, ""), reader, cache))
        self.member_indexes = [index for index, _attr, target, *_ in self.columns if target == _MEMBER]
        self._last_member_index = max(self.member_indexes, default=-1)
        indexes = self.member_indexes
        self._member_cells = (lambda values: tuple(values[i] for i in indexes)) if len(indexes) < 2 \
            else itemgetter(*indexes)
        self.has_name = mapping.column_of("member.name") is not None
        self.blank_rows: list[int] = []
        self.rows_read = 0
        self._first = True

    def _problem(self, level, row, column, message):
        self.problems.append(ImportProblem(level, row, column, message))

    def read(self, rows) -> list[PersonRow]:
        result = []
        last = self.layout.last_row
        for number, values in rows:
            if number <= last:
                continue
            self.rows_read += 1
            person = self._row(number, values)
            if person is not None:
                result.append(person)
        # only blank rows with data below them are worth a word; trailing ones are formatting
        last_data = result[-1].number if result else 0
        inner = [n for n in self.blank_rows if n < last_data]
        for n in inner:
            self._problem(INFO, n, "", "空行，已跳过")
        self.blank_rows = inner
        return result

    def _row(self, number: int, values: tuple) -> PersonRow | None:
        leading = next(filter(_is_filled, values), None)  # the first filled cell
        if leading is None:
            self.blank_rows.append(number)
            return None
        first, self._first = self._first, False
        if first and is_numbering_row(values):
            self._problem(INFO, number, "", "列序号行，已跳过")
            return None
        if isinstance(leading, str) and leading.strip().replace(" ", "") in TOTAL_WORDS:
            self._problem(INFO, number, "", "合计行，已跳过")
            return None
        person = PersonRow(number)
        width = len(values)
        household, member = person.household, person.member
        for index, attr, target, header, reader, cache in self.columns:
            value = values[index] if index < width else None
            if value is None:
                continue
            if cache is None:
                got, issue = reader(value)
            else:
                found = cache.get(value)
                if found is None:
                    found = cache[value] = reader(value)
                got, issue = found
            if issue is not None:
                if target == _HEAD_ID and self.has_name:
                    # the members' own column carries the ID; the head's repeated number only groups rows
                    issue = None if issue[0] == INFO else (WARNING, issue[1] + "（该列仅用于分户）")
                if issue is not None:
                    self._problem(issue[0], number, header, issue[1])
                    person.error = person.error or issue[0] == ERROR
            if got is None:
                continue
            if target == _HOUSEHOLD:
                household[attr] = got
            elif target == _MEMBER:
                member[attr] = got
            elif target == _HEAD_NAME:
                person.head_name = got
            else:
                person.head_id = got.number
        if not self.has_name and person.head_name:
            person.member.setdefault("name", person.head_name)
            person.member["relation"] = HEAD
            if person.head_id and "id_number" not in person.member:
                person.member["id_number"] = _info_from(person.head_id)
        if not person.member.get("name"):
            filled = list(filter(_is_filled, values))
            if len(filled) == 1:
                self._problem(INFO, number, "", f"“{str(filled[0]).strip()[:20]}”不是人员行（说明或签字），已跳过")
                return None
            self._problem(ERROR, number, "", "没有姓名，这一行无法导入")
            person.error = True
        self._finish_member(person)
        person.fingerprint = (self._member_cells(values) if width > self._last_member_index
                              else tuple(values[i] if i < width else None for i in self.member_indexes))
        return person

    def _finish_member(self, person: PersonRow) -> None:
        """ID number → stored form; sex and birth date from it (the ID wins over a contradicting cell)."""
        member = person.member
        info = member.get("id_number")
        if not isinstance(info, IdInfo):
            return
        member["id_number"] = info.number
        for attr, value, title in (("sex", info.sex, "性别"), ("birth_date", info.birth_date, "出生日期")):
            given = member.get(attr)
            if given not in (None, "") and given != value:
                shown_given = {"1": "男", "2": "女"}.get(given, str(given))
                shown_id = {"1": "男", "2": "女"}.get(value, str(value))
                self._problem(WARNING, person.number, title,
                              f"{title}填为“{shown_given}”，证件号码显示为“{shown_id}”；已按证件号码导入")
            member[attr] = value
        if info.disability_category and not member.get("disability_category"):
            member["disability_category"] = info.disability_category
            member["disability_grade"] = info.disability_grade or ""
        if person.head_name and not member.get("relation") and (
                member.get("name") == person.head_name or info.number == person.head_id):
            member["relation"] = HEAD


def _info_from(number: str) -> IdInfo:
    from fupin_desktop.domain.idnumber import parse_id_number

    return parse_id_number(number, today=dt.date.max)


# --- grouping --------------------------------------------------------------------------------------------


def _grouping(mapping: ColumnMapping) -> str:
    if mapping.column_of("member.name") is None:
        return "row"
    if mapping.column_of("household.number") is not None:
        return "number"
    if any(mapping.column_of(k) is not None for k in ("household.head_id_number", "household.head_name")):
        return "head"
    if mapping.column_of("member.relation") is not None:
        return "relation"
    raise ValidationError("无法把人员分到户：请指定“户编号”、“户主姓名”或“与户主关系”中的至少一列。")


def _is_head(person: PersonRow) -> bool:
    return person.member.get("relation") == HEAD


def _second_head(person: PersonRow, group: list[PersonRow]) -> bool:
    """A head row under a household that has another head (not the same row pasted twice) starts a new one."""
    return _is_head(person) and any(_is_head(p) and p.fingerprint != person.fingerprint for p in group)


def group_rows(people: list[PersonRow], mapping: ColumnMapping, problems: list,
               number_header: str = "户编号") -> list[list[PersonRow]]:
    mode = _grouping(mapping)
    groups: list[list[PersonRow]] = []
    if mode == "row":
        return [[p] for p in people]
    by_key: dict[str, list[PersonRow]] = {}
    current: list[PersonRow] | None = None
    current_key = None
    for person in people:
        if mode == "number":
            key = person.household.get("number")
        elif mode == "head":
            group_name = person.household.get("village_group", "")
            key = person.head_id or (person.head_name and f"{group_name}|{person.head_name}")
        else:
            key = None
        if key:
            if mode == "number" or person.head_id:
                group = by_key.get(key)
                if group is None:
                    group = by_key[key] = []
                    groups.append(group)
            elif key != current_key or current is None:
                group = []
                groups.append(group)
            else:
                group = current
            current, current_key = group, key
        elif mode == "relation" and _is_head(person):
            current, current_key = [], None
            groups.append(current)
            group = current
        elif current is not None and not (mode == "number" and _second_head(person, current)):
            group = current  # a blank household cell continues the household above (merged cells)
        elif mode == "relation" or (mode == "head" and current is None):
            problems.append(ImportProblem(ERROR, person.number, "", "前面没有户主行，无法确定属于哪一户"))
            person.error = True
            group = [person]
            groups.append(group)
            continue
        else:
            current, current_key = [], None
            groups.append(current)
            group = current
            problems.append(ImportProblem(WARNING, person.number, number_header, "没有户编号，按新的一户导入"))
        group.append(person)
    return groups


def _shown(key: str, value) -> str:
    spec = BY_KEY[key]
    if spec.table is not None and isinstance(value, str):
        return spec.table.label(value, value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, tuple):
        return "、".join(_shown(key, v) for v in value)
    return str(value)


def build_households(groups: list[list[PersonRow]], problems: list) -> list[PlannedHousehold]:
    households = []
    for group in groups:
        values, first_row = {}, {}
        for person in group:
            for attr, value in person.household.items():
                if attr not in values:
                    values[attr], first_row[attr] = value, person.number
                elif values[attr] != value:
                    key = f"household.{attr}"
                    level = INFO if attr in _SOFT_CONFLICTS else WARNING
                    problems.append(ImportProblem(
                        level, person.number, BY_KEY[key].title,
                        f"同一户中“{_shown(key, value)}”与第{first_row[attr]}行的“{_shown(key, values[attr])}”不同，"
                        f"采用第{first_row[attr]}行的值"))
        members = [PlannedMember(p.number, p.member) for p in group]
        households.append(PlannedHousehold([p.number for p in group], values, members,
                                           blocked=any(p.error for p in group)))
    return households


def find_duplicates(households: list[PlannedHousehold], rows: dict[int, PersonRow], problems: list,
                    id_header: str = "证件号码") -> None:
    """The same ID number twice in the file: an identical repeated row is dropped, else it is an error."""
    seen: dict[str, tuple[int, PlannedHousehold]] = {}
    for household in households:
        kept = []
        for member in household.members:
            number = member.values.get("id_number")
            if not number:
                kept.append(member)
                continue
            if number not in seen:
                seen[number] = (member.row, household)
                kept.append(member)
                continue
            first_row, first_household = seen[number]
            if first_household is household and rows[first_row].fingerprint == rows[member.row].fingerprint:
                problems.append(ImportProblem(WARNING, member.row, "", f"与第{first_row}行完全相同，重复的行已跳过"))
                continue
            kept.append(member)
            for row, other in ((member.row, first_row), (first_row, member.row)):
                problems.append(ImportProblem(ERROR, row, id_header, f"证件号码 {number} 在表格中重复（另见第{other}行）"))
            household.blocked = True
            first_household.blocked = True
        household.members = kept
