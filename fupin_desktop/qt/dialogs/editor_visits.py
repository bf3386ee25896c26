"""走访记录 tab: the visit log, newest first, the selected visit's photos (附件), and a form to add a visit
(saved at once)."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from fupin_desktop.i18n.translate import _
from fupin_desktop.qt.dialogs.editor_assistance import fill_table
from fupin_desktop.qt.forms.ui_visit_form import Ui_VisitForm
from fupin_desktop.qt.widgets.attachment_list import AttachmentList
from fupin_desktop.services.measures import add_visit
from fupin_desktop.storage.tables import VISITS


class VisitsPage(QWidget):
    message = Signal(str)

    def __init__(self, runner, parent=None, *, reader=None):
        super().__init__(parent)
        self._run = runner
        self.household_id: str | None = None
        self._helper_id = ""
        self._visits: list = []
        self._attachments: dict = {}
        self.ui = Ui_VisitForm()
        self.ui.setupUi(self)
        self.attachments = AttachmentList(VISITS, runner, reader, self)
        self.ui.visits_layout.insertWidget(1, self.attachments)
        self.attachments.message.connect(self.message)
        self.ui.add_visit_button.clicked.connect(self.add)
        self.ui.visits_table.itemSelectionChanged.connect(self._show_attachments)

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
        chosen = self._chosen_visit()
        self._visits = list(file.visits if file else [])
        self._attachments = data.attachments
        rows = [
            (v.date.isoformat(), v.visitor, v.findings, v.promises) for v in self._visits
        ]
        fill_table(self.ui.visits_table, rows)
        ids = [v.id for v in self._visits]
        if ids:
            self.ui.visits_table.selectRow(ids.index(chosen.id) if chosen and chosen.id in ids else 0)
        self._show_attachments()

    def _chosen_visit(self):
        rows = [index.row() for index in self.ui.visits_table.selectionModel().selectedRows()]
        return self._visits[rows[0]] if rows and rows[0] < len(self._visits) else None

    def _show_attachments(self) -> None:
        visit = self._chosen_visit()
        if visit is None:
            self.attachments.set_owner(None, [], "")
            return
        title = _("{date} {visitor}走访").format(date=visit.date.isoformat(), visitor=visit.visitor)
        self.attachments.set_owner(visit.id, self._attachments.get((VISITS, visit.id), []), title)

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
