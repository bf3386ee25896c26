"""走访记录 tab: the visit log, newest first, and a form to add a visit (saved at once)."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from fupin_desktop.i18n.translate import _
from fupin_desktop.qt.dialogs.editor_assistance import fill_table
from fupin_desktop.qt.forms.ui_visit_form import Ui_VisitForm
from fupin_desktop.services.measures import add_visit


class VisitsPage(QWidget):
    message = Signal(str)

    def __init__(self, runner, parent=None):
        super().__init__(parent)
        self._run = runner
        self.household_id: str | None = None
        self._helper_id = ""
        self.ui = Ui_VisitForm()
        self.ui.setupUi(self)
        self.ui.add_visit_button.clicked.connect(self.add)

    def set_data(self, data) -> None:
        file = data.file
        self.household_id = file.household.id if file else None
        self.ui.visit_date.set_reference(data.today)
        if not self.ui.visit_date.text():
            self.ui.visit_date.setDate(data.today)
        helper = file.current_helper if file else None
        self._helper_id = helper.id if helper else ""
        if not self.ui.visitor.text():
            self.ui.visitor.setText(helper.name if helper else data.operator)
        self.ui.new_visit_group.setEnabled(file is not None)
        rows = [
            (v.date.isoformat(), v.visitor, v.findings, v.promises) for v in (file.visits if file else [])
        ]
        fill_table(self.ui.visits_table, rows)

    def add(self) -> None:
        if not self.household_id:
            return
        day = self.ui.visit_date.date()
        if day is None:
            self.message.emit(self.ui.visit_date.error() or _("请填写走访日期。"))
            return
        self._run(
            add_visit,
            self.household_id,
            date=day,
            visitor=self.ui.visitor.text().strip(),
            findings=self.ui.findings.toPlainText().strip(),
            promises=self.ui.promises.toPlainText().strip(),
            helper_id=self._helper_id,
            done=lambda _result: self._clear(),
        )

    def _clear(self) -> None:
        self.ui.findings.clear()
        self.ui.promises.clear()
