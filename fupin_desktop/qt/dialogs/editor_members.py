"""家庭成员 tab of the household editor: the members table above, the selected member's form below.

Members are edited in memory (dicts of ``Member`` fields, each with a ``key``: the member id, or ``new-N`` for
one not saved yet) and saved with the household by Ctrl+S. A member never disappears: one who leaves gets a
dated 人员变更; only a member added since the last save can be removed again.
"""

import dataclasses
import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fupin_desktop.domain import records as r
from fupin_desktop.domain.codes import (
    DISABILITY_CATEGORY,
    DISABILITY_GRADE,
    MEMBER_TABLES,
    RELATION,
    SEX,
)
from fupin_desktop.domain.problems import Problem
from fupin_desktop.i18n.translate import N_, _
from fupin_desktop.qt.dialogs.form_fields import FormBinder
from fupin_desktop.qt.forms.ui_member_form import Ui_MemberForm
from fupin_desktop.qt.widgets.styles import ERROR_COLOUR, WARNING_COLOUR, label_style

MEMBER_KINDS = {
    "name": "text",
    "id_number": "idnumber",
    "relation": "code",
    "sex": "code",
    "birth_date": "date",
    "ethnicity": "code",
    "political": "code",
    "phone": "text",
    "education": "code",
    "schooling": "code",
    "health": "code",
    "disability_category": "code",
    "disability_grade": "code",
    "labour": "code",
    "work_status": "code",
    "work_months": "int",
    "medical_insurance": "bool",
    "serious_illness_insurance": "bool",
    "pension_insurance": "bool",
    "commercial_insurance": "bool",
    "dibao": "bool",
    "tekun": "bool",
    "change_type": "code",
    "change_date": "date",
    "change_note": "text",
}
MEMBER_TITLES = {
    "name": N_("姓名"),
    "id_number": N_("公民身份号码"),
    "relation": N_("与户主关系"),
    "sex": N_("性别"),
    "birth_date": N_("出生日期"),
    "ethnicity": N_("民族"),
    "political": N_("政治面貌"),
    "phone": N_("联系电话"),
    "education": N_("文化程度"),
    "schooling": N_("在校生状况"),
    "health": N_("健康状况"),
    "disability_category": N_("残疾类别"),
    "disability_grade": N_("残疾等级"),
    "labour": N_("劳动技能"),
    "work_status": N_("务工状况"),
    "work_months": N_("务工时间"),
    "change_type": N_("人员变更"),
    "change_date": N_("变更日期"),
    "change_note": N_("变更说明"),
}
COLUMNS = (
    N_("序号"),
    N_("姓名"),
    N_("公民身份号码"),
    N_("与户主关系"),
    N_("性别"),
    N_("出生日期"),
    N_("健康状况"),
    N_("劳动技能"),
    N_("在校生状况"),
    N_("状态"),
    N_("问题"),
)
_SKIP = {"id", "household_id", "deleted", "seq"}


def member_dict(member: r.Member) -> dict:
    values = {f.name: getattr(member, f.name) for f in dataclasses.fields(member) if f.name not in _SKIP}
    return {"key": member.id, **values}


class MembersPage(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.members: list[dict] = []
        self.saved_keys: set[str] = set()
        self._current = -1
        self._problems: list[Problem] = []
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("members_table")
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setMinimumHeight(120)
        self.add_button = QPushButton(_("添加成员（Ctrl+N）"), self)
        self.add_button.setObjectName("add_member_button")
        self.remove_button = QPushButton(_("移除未保存的成员"), self)
        self.remove_button.setObjectName("remove_member_button")
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        self.banner = QLabel(self)
        self.banner.setObjectName("members_banner")
        self.banner.setWordWrap(True)
        self.form = QWidget(self)
        self.ui = Ui_MemberForm()
        self.ui.setupUi(self.form)
        tables = {
            **MEMBER_TABLES,
            "disability_category": DISABILITY_CATEGORY,
            "disability_grade": DISABILITY_GRADE,
        }
        self.binder = FormBinder(self.form, MEMBER_KINDS, tables, MEMBER_TITLES, parent=self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.banner, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.form)
        self.table.currentCellChanged.connect(lambda row, *_a: self.select(row))
        self.add_button.clicked.connect(self.add_member)
        self.remove_button.clicked.connect(self.remove_current)
        self.binder.changed.connect(self._field_changed)
        self.ui.id_number.parsed.connect(self._id_parsed)
        self._enable_form()

    # --- data ----------------------------------------------------------------------------------------------
    def set_today(self, today) -> None:
        self.ui.id_number.set_today(today)
        for name in ("birth_date", "change_date"):
            getattr(self.ui, name).set_reference(today)

    def set_members(self, members: list[r.Member]) -> None:
        self.members = [member_dict(m) for m in members]
        self.saved_keys = {m.id for m in members}
        self._current = -1
        self._fill_table()
        self.select(0 if self.members else -1)

    def set_member_dicts(self, members: list[dict]) -> None:
        """Restore members from a draft (their keys kept)."""
        self.members = [dict(m) for m in members]
        self._current = -1
        self._fill_table()
        self.select(0 if self.members else -1)

    def records(self, household_id: str) -> list[r.Member]:
        names = {f.name for f in dataclasses.fields(r.Member)}
        return [
            r.Member(
                id=m["key"],
                household_id=household_id,
                seq=i,
                **{k: v for k, v in m.items() if k in names and k not in _SKIP},
            )
            for i, m in enumerate(self.members)
        ]

    def values_for_saving(self) -> list[dict]:
        out = []
        for m in self.members:
            values = {k: v for k, v in m.items() if k != "key"}
            if m["key"] in self.saved_keys:
                values["id"] = m["key"]
            out.append(values)
        return out

    def add_member(self) -> None:
        has_head = any(m.get("relation") == "01" and not m.get("change_type") for m in self.members)
        defaults = {
            f.name: f.default
            for f in dataclasses.fields(r.Member)
            if f.name not in _SKIP and f.default is not dataclasses.MISSING
        }
        self.members.append(
            {
                "key": f"new-{uuid.uuid4().hex[:12]}",
                "name": "",
                **defaults,
                "relation": "" if has_head else "01",
            }
        )
        self._fill_table()
        self.select(len(self.members) - 1)
        self.ui.name.setFocus()
        self.changed.emit()

    def remove_current(self) -> None:
        if (
            0 <= self._current < len(self.members)
            and self.members[self._current]["key"] not in self.saved_keys
        ):
            del self.members[self._current]
            self._current = -1
            self._fill_table()
            self.select(min(len(self.members) - 1, self.table.rowCount() - 1))
            self.changed.emit()

    def select(self, row: int) -> None:
        if row == self._current and row >= 0:
            return
        self._current = row if 0 <= row < len(self.members) else -1
        if self._current >= 0:
            self.binder.set_values(self.members[self._current])
            self.table.blockSignals(True)
            self.table.selectRow(self._current)
            self.table.blockSignals(False)
        self._enable_form()
        self._show_current_problems()

    def current_key(self) -> str:
        return self.members[self._current]["key"] if self._current >= 0 else ""

    def input_problems(self) -> list[Problem]:
        if self._current < 0:
            return []
        member = self.members[self._current]
        return self.binder.input_problems("member", member["key"], member.get("name") or _("（未填姓名）"))

    # --- problems ------------------------------------------------------------------------------------------
    def show_problems(self, problems: list[Problem]) -> None:
        self._problems = [p for p in problems if p.field.startswith("member.")]
        general = [p for p in self._problems if not p.member_id]
        self.banner.setText("；".join(p.message for p in general))
        self.banner.setStyleSheet(
            label_style("error" if any(p.level == "error" for p in general) else "warning")
        )
        for row, member in enumerate(self.members):
            mine = [p for p in self._problems if p.member_id == member["key"]]
            self._set_problem_cell(row, mine)
        self._show_current_problems()

    def focus_problem(self, problem: Problem) -> None:
        keys = [m["key"] for m in self.members]
        if problem.member_id in keys:
            self.select(keys.index(problem.member_id))
        elif self._current < 0 and self.members:
            self.select(0)
        self.binder.focus(problem.field.split(".", 1)[1])

    def _show_current_problems(self) -> None:
        key = self.current_key()
        by_field: dict[str, list[Problem]] = {}
        for p in self._problems:
            if p.member_id == key and key:
                by_field.setdefault(p.field.split(".", 1)[1], []).append(p)
        self.binder.show_problems(by_field)

    def _set_problem_cell(self, row: int, problems: list[Problem]) -> None:
        errors = sum(1 for p in problems if p.level == "error")
        warnings = len(problems) - errors
        parts = ([_("{n}错").format(n=errors)] if errors else []) + (
            [_("{n}提醒").format(n=warnings)] if warnings else []
        )
        item = QTableWidgetItem(" ".join(parts))
        item.setForeground(QBrush(QColor(ERROR_COLOUR if errors else WARNING_COLOUR)))
        item.setToolTip("\n".join(p.message for p in problems))
        self.table.setItem(row, len(COLUMNS) - 1, item)

    # --- internals -----------------------------------------------------------------------------------------
    def _enable_form(self) -> None:
        self.form.setEnabled(self._current >= 0)
        self.remove_button.setEnabled(self._current >= 0 and self.current_key() not in self.saved_keys)

    def _fill_table(self) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.members))
        for row in range(len(self.members)):
            self._fill_row(row)
        self.table.blockSignals(False)

    def _fill_row(self, row: int) -> None:
        m = self.members[row]
        birth = m.get("birth_date")
        state = MEMBER_TABLES["change_type"].label(m.get("change_type")) or _("在户")
        cells = (
            str(row + 1),
            m.get("name") or _("（未填姓名）"),
            m.get("id_number") or "",
            RELATION.label(m.get("relation")),
            SEX.label(m.get("sex")),
            birth.isoformat() if birth else "",
            MEMBER_TABLES["health"].label(m.get("health")),
            MEMBER_TABLES["labour"].label(m.get("labour")),
            MEMBER_TABLES["schooling"].label(m.get("schooling")),
            state,
        )
        for column, text in enumerate(cells):
            item = self.table.item(row, column)
            if item is None:
                item = QTableWidgetItem()
                self.table.setItem(row, column, item)
            item.setText(text)
            if column == 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)

    def _field_changed(self, name: str) -> None:
        if self._current < 0:
            return
        self.members[self._current][name] = self.binder.value(name)
        self.table.blockSignals(True)
        self._fill_row(self._current)
        self.table.blockSignals(False)
        self._enable_form()
        self.changed.emit()

    def _id_parsed(self, info) -> None:
        """A valid ID number fills sex and birth date (they must agree with it anyway)."""
        if self._current < 0 or self.binder.loading:
            return
        self.ui.sex.setCode(info.sex)
        self.ui.birth_date.setDate(info.birth_date)
        if info.disability_category:
            self.ui.disability_category.setCode(info.disability_category)
            self.ui.disability_grade.setCode(info.disability_grade or "")
            self.ui.health.setCode("04")
