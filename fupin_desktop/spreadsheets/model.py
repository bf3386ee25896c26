"""What an import will do, shown to the person before anything is written: the plan and its problems."""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from fupin_desktop.services.changes import Changes
from fupin_desktop.spreadsheets.headers import ColumnMapping, HeaderLayout

ERROR, WARNING, INFO = "error", "warning", "info"
LEVEL_TITLES = {ERROR: "错误", WARNING: "提醒", INFO: "说明"}
CREATE, UPDATE, UNCHANGED, SKIP = "create", "update", "unchanged", "skip"
ACTION_TITLES = {CREATE: "新建", UPDATE: "更新", UNCHANGED: "无变化", SKIP: "不导入"}


@dataclass(frozen=True)
class ImportProblem:
    """One thing found in the file: ``row`` is the sheet row (0 = the file as a whole)."""

    level: str  # error: the household is not imported · warning: a value is left out · info: corrected
    row: int
    column: str  # header text of the column concerned, or ""
    message: str

    @property
    def level_title(self) -> str:
        return LEVEL_TITLES[self.level]

    @property
    def text(self) -> str:
        where = f"第{self.row}行" if self.row else "表格"
        column = f"［{self.column}］" if self.column else ""
        return f"{where}{column}：{self.message}"


@dataclass
class PlannedMember:
    row: int
    values: dict  # member attributes read from the row (blank cells left out)
    target_id: str = ""  # the member in the database this row updates
    changes: dict = field(default_factory=dict)  # for an update: attribute → new value


@dataclass
class PlannedHousehold:
    rows: list[int]
    values: dict  # household attributes read from the rows
    members: list[PlannedMember]
    blocked: bool = False  # an error in one of its rows: not imported
    target_id: str = ""  # the household in the database this group updates
    changes: dict = field(default_factory=dict)
    # a new household's derived caches (column → value), found by the preview's rule check
    derived: dict | None = None

    @property
    def number(self) -> str:
        return self.values.get("number", "")

    @property
    def head_name(self) -> str:
        head = next((m for m in self.members if m.values.get("relation") == "01"), None)
        head = head or (self.members[0] if self.members else None)
        return head.values.get("name", "") if head else ""

    @property
    def label(self) -> str:
        return f"{self.number or '（无户编号）'} {self.head_name}".strip()

    @property
    def action(self) -> str:
        if self.blocked:
            return SKIP
        if not self.target_id:
            return CREATE
        if self.changes or any(not m.target_id or m.changes for m in self.members):
            return UPDATE
        return UNCHANGED


@dataclass
class ImportPlan:
    path: Path
    sheet: str
    layout: HeaderLayout
    mapping: ColumnMapping
    village_id: str
    households: list[PlannedHousehold]
    problems: list[ImportProblem]
    rows_read: int = 0
    blank_rows: int = 0
    rule_summary: list[tuple[str, str, int]] = field(default_factory=list)  # (level, example, count)
    db_mark: int = 0  # the change log's last entry when the plan was made

    @property
    def file_name(self) -> str:
        return self.path.name

    @property
    def source(self) -> str:
        return f"xlsx:{self.file_name}"

    def count(self, action: str) -> int:
        return sum(1 for h in self.households if h.action == action)

    @property
    def counts(self) -> dict[str, int]:
        actions = Counter(h.action for h in self.households)
        levels = Counter(p.level for p in self.problems)
        return {
            "rows": self.rows_read, "blank_rows": self.blank_rows, "households": len(self.households),
            "people": sum(len(h.members) for h in self.households),
            **{action: actions[action] for action in (CREATE, UPDATE, UNCHANGED, SKIP)},
            ERROR: levels[ERROR], WARNING: levels[WARNING], INFO: levels[INFO],
        }

    @property
    def importable(self) -> bool:
        return any(h.action in (CREATE, UPDATE) for h in self.households)

    def problems_of(self, level: str) -> list[ImportProblem]:
        return [p for p in self.problems if p.level == level]

    def summary_lines(self) -> list[str]:
        c = self.counts
        lines = [
            f"文件：{self.file_name}　工作表：{self.sheet}　表头：第{'、'.join(map(str, self.layout.rows))}行",
            f"读取 {c['rows']} 行（空行 {c['blank_rows']} 行已跳过），共 {c['households']} 户 {c['people']} 人。",
            f"将新建 {c[CREATE]} 户，更新 {c[UPDATE]} 户；{c[UNCHANGED]} 户与数据库相同；"
            f"{c[SKIP]} 户因有错误不导入。",
            f"发现错误 {c[ERROR]} 处，提醒 {c[WARNING]} 处，说明 {c[INFO]} 处。",
        ]
        if self.rule_summary:
            lines.append("导入后仍需补充或核实的问题数据：")
            lines += [f"  {LEVEL_TITLES[level]}：{example}（共{count}处）"
                      for level, example, count in self.rule_summary]
        return lines


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    skipped: int
    members_created: int
    members_updated: int
    changes: Changes
    backup: Path | None = None

    def summary(self) -> str:
        return (f"已导入：新建 {self.created} 户，更新 {self.updated} 户（新增成员 {self.members_created} 人，"
                f"修改成员 {self.members_updated} 人）；{self.unchanged} 户无变化；{self.skipped} 户未导入。")
