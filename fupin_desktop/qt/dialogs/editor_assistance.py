"""致贫原因与帮扶 tab: causes and monitoring (saved with the household), the helper with the pairing history,
the plan and the measures delivered (一户一策; saved at once, each through its service)."""

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from fupin_desktop.domain.codes import (
    HELPER_AFFILIATION,
    MEASURE_CATEGORY,
    MONITOR_TYPE,
    POVERTY_CAUSE,
    RISK_TYPE,
)
from fupin_desktop.i18n.formatting import format_money
from fupin_desktop.i18n.translate import N_, _
from fupin_desktop.qt.dialogs.form_fields import FormBinder
from fupin_desktop.qt.forms.ui_household_assistance import Ui_HouseholdAssistanceForm
from fupin_desktop.qt.forms.ui_household_causes import Ui_HouseholdCausesForm
from fupin_desktop.services.helpers import assign_helper
from fupin_desktop.services.measures import add_measure

CAUSE_KINDS = {
    "main_cause": "code",
    "other_cause_1": "code",
    "other_cause_2": "code",
    "monitor_type": "code",
    "risk_types": "codes",
    "risk_cleared_on": "date",
    "risk_clear_method": "text",
}
CAUSE_TITLES = {
    "main_cause": N_("主要致贫原因"),
    "other_cause_1": N_("其他致贫原因"),
    "other_cause_2": N_("其他致贫原因"),
    "monitor_type": N_("监测对象类型"),
    "risk_types": N_("风险类型"),
    "risk_cleared_on": N_("风险消除日期"),
    "risk_clear_method": N_("风险消除方式"),
}
MEASURE_KINDS = (("plan", N_("计划")), ("delivered", N_("已落实")))


def fill_table(table: QTableWidget, rows: list[tuple]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem("" if text is None else str(text)))
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)


class AssistancePage(QWidget):
    changed = Signal()  # a household field (cause, monitoring, risk types) was edited
    helperChosen = Signal()  # the helper choice changed (a new household is paired when saved)

    def __init__(self, runner, parent=None):
        super().__init__(parent)
        self._run = runner  # runner(fn, *args, done=callable, **kwargs): a service call through Ops
        self.household_id: str | None = None
        self._current_helper_id = ""
        self.causes = QWidget(self)
        self.causes_ui = Ui_HouseholdCausesForm()
        self.causes_ui.setupUi(self.causes)
        tables = {
            "main_cause": POVERTY_CAUSE,
            "other_cause_1": POVERTY_CAUSE,
            "other_cause_2": POVERTY_CAUSE,
            "monitor_type": MONITOR_TYPE,
            "risk_types": RISK_TYPE,
        }
        self.binder = FormBinder(self.causes, CAUSE_KINDS, tables, CAUSE_TITLES, parent=self)
        self.binder.changed.connect(lambda _name: self.changed.emit())
        self.body = QWidget(self)
        self.ui = Ui_HouseholdAssistanceForm()
        self.ui.setupUi(self.body)
        self.ui.measure_category.set_table(MEASURE_CATEGORY)
        for code, label in MEASURE_KINDS:
            self.ui.measure_kind.addItem(_(label), code)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.causes)
        layout.addWidget(self.body, 1)
        self.ui.assign_button.clicked.connect(self._assign)
        self.ui.add_measure_button.clicked.connect(self._add_measure)
        self.ui.helper_choice.currentIndexChanged.connect(lambda _i: self.helperChosen.emit())

    # --- household fields ----------------------------------------------------------------------------------
    def set_values(self, household) -> None:
        others = list(household.other_causes) + ["", ""]
        self.binder.set_values(
            {
                "main_cause": household.main_cause,
                "other_cause_1": others[0],
                "other_cause_2": others[1],
                "monitor_type": household.monitor_type,
                "risk_types": household.risk_types,
                "risk_cleared_on": household.risk_cleared_on,
                "risk_clear_method": household.risk_clear_method,
            }
        )

    def values(self) -> dict:
        v = self.binder.values()
        others = tuple(c for c in (v.pop("other_cause_1"), v.pop("other_cause_2")) if c)
        return {**v, "other_causes": others}

    def set_form_values(self, values: dict) -> None:
        """From a draft: the household values dict (other causes as a tuple)."""
        others = list(values.get("other_causes") or ()) + ["", ""]
        self.binder.set_values(
            {
                **{k: v for k, v in values.items() if k in CAUSE_KINDS},
                "other_cause_1": others[0],
                "other_cause_2": others[1],
            }
        )

    def show_problems(self, by_field: dict) -> None:
        by_field = dict(by_field)
        if "other_causes" in by_field:
            by_field["other_cause_1"] = by_field.pop("other_causes")
        self.binder.show_problems(by_field)
        helper = by_field.get("helper", [])
        text = "；".join(p.message for p in helper)
        self.ui.helper_choice.setToolTip(text)
        if text:
            self.ui.current_helper_label.setText(
                f"<span style='color:#b26a00'>{text}</span>"
                if not self._current_helper_id
                else self.ui.current_helper_label.text()
            )

    def focus_field(self, name: str) -> None:
        if name == "helper":
            self.ui.helper_choice.setFocus()
        else:
            self.binder.focus("other_cause_1" if name == "other_causes" else name)

    # --- helper and measures -------------------------------------------------------------------------------
    def chosen_helper_id(self) -> str:
        return self.ui.helper_choice.currentData() or ""

    def set_data(self, data) -> None:
        """Fill the helper and measure parts from the editor's ``EditorData``."""
        file = data.file
        self.household_id = file.household.id if file else None
        for name in ("measure_date",):
            getattr(self.ui, name).set_reference(data.today)
        self.causes_ui.risk_cleared_on.set_reference(data.today)
        current = file.current_helper if file else None
        self._current_helper_id = current.id if current else ""
        choice = self.ui.helper_choice
        keep = self.chosen_helper_id()
        choice.blockSignals(True)
        choice.clear()
        choice.addItem(_("（未选择）"), "")
        for helper in data.helpers:
            choice.addItem(f"{helper.name}（{helper.unit}）" if helper.unit else helper.name, helper.id)
        index = choice.findData(keep if keep and not file else self._current_helper_id)
        choice.setCurrentIndex(max(index, 0))
        choice.blockSignals(False)
        if current is not None:
            affiliation = HELPER_AFFILIATION.label(current.affiliation)
            unit = "，".join(x for x in (current.unit, affiliation, current.phone) if x)
            self.ui.current_helper_label.setText(
                _("现任帮扶责任人：<b>{name}</b>（{unit}）").format(
                    name=current.name, unit=unit or _("未填单位")
                )
            )
        elif file is None:
            self.ui.current_helper_label.setText(_("新建档案：选择结对干部后，保存档案时一并结对。"))
        else:
            self.ui.current_helper_label.setText(_("尚未落实帮扶责任人。"))
        saved = file is not None
        self.ui.assign_button.setEnabled(saved)
        self.ui.helper_reason.setEnabled(saved)
        self.ui.measures_group.setEnabled(saved)
        rows = []
        for p in file.pairings if file else []:
            helper = file.helpers.get(p.helper_id)
            rows.append(
                (
                    helper.name if helper else "?",
                    helper.unit if helper else "",
                    helper.phone if helper else "",
                    p.start_date.isoformat(),
                    p.end_date.isoformat() if p.end_date else _("至今"),
                    p.reason,
                )
            )
        fill_table(self.ui.pairings_table, rows)
        measure_rows = []
        for m in file.measures if file else []:
            when = m.date if m.kind == "delivered" else m.due_date
            measure_rows.append(
                (
                    _(dict(MEASURE_KINDS)[m.kind]),
                    MEASURE_CATEGORY.label(m.category),
                    m.title,
                    format_money(m.funds_fen) if m.funds_fen else "",
                    when.isoformat() if when else "",
                    _("已签字") if m.signed else "",
                )
            )
        fill_table(self.ui.measures_table, measure_rows)

    def _assign(self) -> None:
        helper_id = self.chosen_helper_id()
        if not self.household_id or not helper_id or helper_id == self._current_helper_id:
            return
        self._run(
            assign_helper,
            self.household_id,
            helper_id,
            reason=self.ui.helper_reason.text().strip(),
            done=lambda _result: self.ui.helper_reason.clear(),
        )

    def _add_measure(self) -> None:
        if not self.household_id:
            return
        kind = self.ui.measure_kind.currentData()
        day: dt.date | None = self.ui.measure_date.date()
        values = {
            "kind": kind,
            "category": self.ui.measure_category.code(),
            "title": self.ui.measure_title.text().strip(),
            "funds_fen": self.ui.measure_funds.fen() or 0,
            "signed": self.ui.measure_signed.isChecked(),
            ("date" if kind == "delivered" else "due_date"): day,
        }
        self._run(add_measure, self.household_id, values, done=lambda _result: self._clear_measure())

    def _clear_measure(self) -> None:
        for name in ("measure_title", "measure_funds", "measure_date"):
            getattr(self.ui, name).clear()
        self.ui.measure_signed.setChecked(False)
