"""Where the household editor's problems go: which tab a problem belongs to, the panel under the tabs.

The rule set (``domain.rules.check_household``) runs in-process on the form's values; this module places each
problem: beside its field (through the pages), as a coloured dot on its tab, and in the list under the tabs
(a click leads to the field).
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from fupin_desktop.domain.rules import check_household
from fupin_desktop.i18n.translate import N_, _
from fupin_desktop.qt.dialogs.editor_assistance import CAUSE_KINDS
from fupin_desktop.qt.dialogs.editor_forms import BASIC_KINDS, CONDITION_KINDS
from fupin_desktop.qt.widgets.problem_list import ProblemList, summary_text
from fupin_desktop.qt.widgets.styles import label_style

TAB_TITLES = (
    N_("基本情况"),
    N_("家庭成员"),
    N_("生产生活条件"),
    N_("致贫原因与帮扶"),
    N_("收支账本"),
    N_("脱贫进度"),
    N_("走访记录"),
    N_("变更记录"),
)
BASIC, MEMBERS, CONDITIONS, ASSISTANCE, LEDGER, EXIT, VISITS, HISTORY = range(8)
FIELD_TABS = {
    **dict.fromkeys(BASIC_KINDS, BASIC),
    **dict.fromkeys(CONDITION_KINDS, CONDITIONS),
    **dict.fromkeys(CAUSE_KINDS, ASSISTANCE),
    "other_causes": ASSISTANCE,
    "helper": ASSISTANCE,
}


def problem_key(p) -> tuple:
    """Problems are the same problem when rule, field and member agree (as ``households.gate`` sees them)."""
    return (p.code, p.field, p.member_id)


def tab_of(problem) -> int:
    if problem.field.startswith("member."):
        return MEMBERS
    if problem.field == "ledger":
        return LEDGER
    return FIELD_TABS.get(problem.field.split(".", 1)[-1], BASIC)


def tab_levels(problems) -> dict[int, str]:
    """The worst level of each tab that has problems."""
    levels: dict[int, str] = {}
    for p in problems:
        tab = tab_of(p)
        if levels.get(tab) != "error":
            levels[tab] = p.level
    return levels


def household_fields(problems) -> dict[str, list]:
    """Problems of household fields, by attribute name."""
    by_field: dict[str, list] = {}
    for p in problems:
        if p.field.startswith("household."):
            by_field.setdefault(p.field.split(".", 1)[1], []).append(p)
    return by_field


def rule_problems(data, household, members, *, helper_chosen: bool) -> list:
    """The rule set on the form's household and members, with what the editor loaded (summary, clock …), and
    the entry checks saving applies too (防返贫监测, manual colour)."""
    file = data.file
    found = check_household(
        household,
        members,
        today=data.today,
        settings=data.settings,
        summary=file.summary if file else None,
        has_current_helper=(file.current_helper is not None) if file else helper_chosen,
        member_id_numbers_elsewhere=data.id_numbers_elsewhere,
    )
    return found


class ProblemPanel(QWidget):
    """A one-line summary and, when there are problems, the list of them."""

    problemActivated = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.summary = QLabel(self)
        self.list = ProblemList(self)
        self.list.setObjectName("editor_problems")
        self.list.setMaximumHeight(74)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        self.list.problemActivated.connect(self.problemActivated)

    def show_problems(self, problems) -> None:
        self.list.set_problems(problems)
        self.list.setVisible(bool(problems))
        hint = _("（点击一条可定位到该项）") if problems else ""
        self.summary.setText(summary_text(problems) + hint)
        worst = "error" if any(p.level == "error" for p in problems) else "warning" if problems else "ok"
        self.summary.setStyleSheet(label_style(worst))
