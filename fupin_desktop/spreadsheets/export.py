"""Export households, members (person rows), the daily book or the problem list as a typed table.

The members export is one row per person with the household's fields repeated, the shape of the national
system's exports, under the titles the importer recognises: exporting it and importing the file into an empty
data folder gives back the same households, members and ID numbers.

``household_filter`` (a ``services.queries.HouseholdFilter``) exports only the households of the list as the
person has narrowed it, in the list's order; without it every household (of ``village_id``) is exported.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fupin_desktop.domain import records as r
from fupin_desktop.domain.codes import COLOUR, LEDGER_CATEGORY, LEDGER_GROUP_TITLES, ledger_group
from fupin_desktop.domain.colours import colour_of
from fupin_desktop.services.errors import ValidationError
from fupin_desktop.spreadsheets.fields import BY_KEY, HOUSEHOLD_FIELDS, MEMBER_FIELDS, FieldSpec
from fupin_desktop.spreadsheets.sheets import Col, write_table
from fupin_desktop.spreadsheets.workbook import paused_gc
from fupin_desktop.storage import repository as repo
from fupin_desktop.storage import tables as t

WHATS = {"households": "贫困户", "members": "家庭成员", "ledger": "收支台账", "problems": "问题数据"}
CHUNK = 500
_NOT_EXPORTED = {"household.head_name", "household.head_id_number"}
_FIRST = ("household.number", "household.village_group")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    what: str
    rows: int

    def summary(self) -> str:
        return f"已导出{WHATS[self.what]} {self.rows} 行：{self.path}"


def _col(spec: FieldSpec) -> Col:
    kind = "text" if spec.kind == "name" else spec.kind
    return Col(spec.title, kind, spec.table)


def _household_specs() -> list[FieldSpec]:
    specs = [BY_KEY[k] for k in _FIRST]
    return specs + [s for s in HOUSEHOLD_FIELDS if s.key not in _NOT_EXPORTED and s.key not in _FIRST]


class _Scope:
    """Which households an export covers: those of ``village_id`` (all when ""), or exactly ``ids``."""

    def __init__(self, village_id: str = "", ids: list[str] | None = None):
        self.village_id, self.ids = village_id, ids


def filtered_household_ids(ctx, household_filter, page: int = 5000) -> list[str]:
    """The ids of the households the list shows for ``household_filter``, in the list's order."""
    from fupin_desktop.services.queries import list_households

    ids: list[str] = []
    while True:
        rows = list_households(ctx, household_filter, offset=len(ids), limit=page)
        ids += [row.id for row in rows]
        if len(rows) < page:
            return ids


def _households(ctx, scope: _Scope) -> list[r.Household]:
    if scope.ids is None:
        village_id = scope.village_id
        where = "deleted = 0" + (" AND village_id = ?" if village_id else "")
        return repo.select(ctx.db, r.Household, where, [village_id] if village_id else [],
                           order_by="village_id, number, rowid")
    found = {}
    for chunk in _chunked(scope.ids):
        marks = ",".join("?" for _ in chunk)
        found.update((h.id, h) for h in repo.select(ctx.db, r.Household, f"deleted = 0 AND id IN ({marks})", chunk))
    return [found[i] for i in scope.ids if i in found]


def _chunked(items, size=CHUNK):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _members_by_household(ctx, households) -> dict[str, list[r.Member]]:
    ids = [h.id for h in households]
    marks = ",".join("?" for _ in ids)
    found = defaultdict(list)
    for m in repo.select(ctx.db, r.Member, f"household_id IN ({marks}) AND deleted = 0", ids, "seq, rowid"):
        found[m.household_id].append(m)
    for members in found.values():
        members.sort(key=lambda m: m.relation != "01")  # the head first: his row starts the household
    return found


def _derived(ctx, household_ids) -> dict[str, tuple]:
    marks = ",".join("?" for _ in household_ids)
    return {row[0]: row[1:] for row in ctx.db.execute(
        f"SELECT id, head_name, people, problem_errors, problem_warnings FROM {t.HOUSEHOLDS}"
        f" WHERE id IN ({marks})", list(household_ids))}


def _helpers(ctx) -> dict[str, tuple[str, str]]:
    return {hid: (name, phone) for hid, name, phone in ctx.db.execute(
        f"SELECT p.household_id, h.name, h.phone FROM {t.PAIRINGS} p JOIN {t.HELPERS} h ON h.id = p.helper_id"
        " WHERE p.end_date IS NULL AND p.deleted = 0 ORDER BY p.start_date")}


def _household_table(ctx, scope: _Scope):
    specs = _household_specs()
    columns = [_col(s) for s in specs[:2]] + [
        Col("户主姓名"), Col("户主身份证号", "id"), Col("人口数", "int"), Col("三色状态", "code", COLOUR),
    ] + [_col(s) for s in specs[2:]] + [
        Col("帮扶责任人"), Col("帮扶责任人电话", "digits"), Col("问题数据（错误）", "int"), Col("问题数据（提醒）", "int"),
    ]
    households = _households(ctx, scope)
    helpers, settings = _helpers(ctx), ctx.settings

    def rows():
        for chunk in _chunked(households):
            members = _members_by_household(ctx, chunk)
            derived = _derived(ctx, [h.id for h in chunk])
            for h in chunk:
                head = next((m for m in members.get(h.id, ()) if m.relation == "01" and m.active), None)
                head_name, people, errors, warnings = derived[h.id]
                helper = helpers.get(h.id, ("", ""))
                values = [getattr(h, s.attr) for s in specs]
                yield (*values[:2], head_name, head.id_number if head else "", people,
                       colour_of(h, settings), *values[2:], *helper, errors, warnings)

    return columns, rows(), len(households)


def _member_count(ctx, households) -> int:
    total = 0
    for chunk in _chunked([h.id for h in households]):
        marks = ",".join("?" for _ in chunk)
        total += ctx.db.execute(f"SELECT count(*) FROM {t.MEMBERS} WHERE deleted = 0 AND household_id IN ({marks})",
                                chunk).fetchone()[0]
    return total


def _member_table(ctx, scope: _Scope):
    household_specs = _household_specs()
    member_specs = list(MEMBER_FIELDS)
    columns = ([_col(s) for s in household_specs[:2]] + [Col("户主姓名")] + [_col(s) for s in member_specs]
               + [_col(s) for s in household_specs[2:]])
    households = _households(ctx, scope)
    total = (ctx.db.execute(f"SELECT count(*) FROM {t.MEMBERS} WHERE deleted = 0").fetchone()[0]
             if scope.ids is None else _member_count(ctx, households))

    def rows():
        for chunk in _chunked(households):
            members = _members_by_household(ctx, chunk)
            derived = _derived(ctx, [h.id for h in chunk])
            for h in chunk:
                values = [getattr(h, s.attr) for s in household_specs]
                for m in members.get(h.id, ()):
                    own = (getattr(m, s.attr) for s in member_specs)
                    yield (*values[:2], derived[h.id][0], *own, *values[2:])

    return columns, rows(), total


def _ledger_parts(ctx, scope: _Scope) -> list[tuple[str, list]]:
    """(WHERE clause, parameters) of each part of the daily book to export, in order."""
    if scope.ids is None:
        where = "h.deleted = 0" + (" AND h.village_id = ?" if scope.village_id else "")
        return [(where, [scope.village_id] if scope.village_id else [])]
    ids = [h.id for h in _households(ctx, scope)]
    return [(f"h.deleted = 0 AND h.id IN ({','.join('?' for _ in chunk)})", chunk) for chunk in _chunked(ids)]


def _ledger_table(ctx, scope: _Scope):
    columns = [Col("户编号"), Col("村民小组"), Col("户主姓名"), Col("日期", "date"), Col("收支"), Col("类别组"),
               Col("类别", "code", LEDGER_CATEGORY), Col("金额", "money"), Col("数量", "float"), Col("单位"),
               Col("备注"), Col("记账人"), Col("冲销记录")]
    parts = _ledger_parts(ctx, scope)
    total = sum(ctx.db.execute(f"SELECT count(*) FROM {t.LEDGER} e JOIN {t.HOUSEHOLDS} h ON h.id = e.household_id"
                               f" WHERE {where}", params).fetchone()[0] for where, params in parts)

    def entries():
        for where, params in parts:
            yield from ctx.db.execute(
                "SELECT h.number, h.village_group, h.head_name, e.date, e.category, e.amount_fen, e.quantity,"
                f" e.unit, e.note, e.recorded_by, e.reverses FROM {t.LEDGER} e"
                f" JOIN {t.HOUSEHOLDS} h ON h.id = e.household_id"
                f" WHERE {where} ORDER BY h.number, e.date, e.hlc", params)

    def rows():
        import datetime as dt

        for number, group, head, day, category, fen, quantity, unit, note, who, reverses in entries():
            kind = ledger_group(category)
            direction = "支出" if kind.endswith("expense") else "收入"
            yield (number, group, head, dt.date.fromisoformat(day), direction, LEDGER_GROUP_TITLES[kind],
                   category, fen, quantity, unit, note, who, "是" if reverses else "")

    return columns, rows(), total


def _problem_table(ctx, scope: _Scope):
    from fupin_desktop.services.checks import check_all

    columns = [Col("户编号"), Col("村民小组"), Col("户主姓名"), Col("级别"), Col("成员"), Col("证件号码", "id"),
               Col("项目"), Col("问题")]
    report = check_all(ctx, village_id=scope.village_id)
    households = [h for h in _households(ctx, scope) if h.id in report]

    def rows():
        for chunk in _chunked(households):
            members = {m.id: m for ms in _members_by_household(ctx, chunk).values() for m in ms}
            derived = _derived(ctx, [h.id for h in chunk])
            for h in chunk:
                for p in report[h.id]:
                    member = members.get(p.member_id)
                    spec = BY_KEY.get(p.field)
                    yield (h.number, h.village_group, derived[h.id][0], "错误" if p.is_error else "提醒",
                           member.name if member else "", member.id_number if member else "",
                           spec.title if spec else "", p.message)

    return columns, rows(), sum(len(report[h.id]) for h in households)


_TABLES = {"households": _household_table, "members": _member_table, "ledger": _ledger_table,
           "problems": _problem_table}


def export_table(ctx, path: Path | str, what: str = "households", *, village_id: str = "",
                 household_filter=None, progress: Callable | None = None) -> ExportResult:
    """Write ``what`` (households | members | ledger | problems) to ``path`` (.xlsx or .csv by its suffix):
    of the households ``household_filter`` lists, or of every household (of ``village_id``)."""
    if what not in _TABLES:
        raise ValidationError(f"不能导出“{what}”：可选 " + "、".join(WHATS))
    ids = None if household_filter is None else filtered_household_ids(ctx, household_filter)
    with paused_gc():
        columns, rows, total = _TABLES[what](ctx, _Scope(village_id, ids))
        count = write_table(path, WHATS[what], columns, rows, progress=progress, total=total)
    return ExportResult(Path(path), what, count)
