"""脱贫进度 tab: the exit procedure one step at a time, with date and who; an objection during 公示; the papers
of the selected step (附件)."""

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QInputDialog, QLineEdit, QTableWidgetItem, QWidget

from fupin_desktop.domain.codes import EXIT_STEP
from fupin_desktop.domain.exits import PUBLICITY_STEP, REVIEW_STEP, STEP_CODES, next_action
from fupin_desktop.i18n.translate import _
from fupin_desktop.qt.dialogs.editor_assistance import fill_table
from fupin_desktop.qt.forms.ui_exit_progress import Ui_ExitProgressForm
from fupin_desktop.qt.widgets.attachment_list import AttachmentList
from fupin_desktop.qt.widgets.styles import ERROR_COLOUR, OK_COLOUR
from fupin_desktop.services.exits import record_step
from fupin_desktop.storage.tables import EXIT_STEPS


def step_text(code: str) -> str:
    return _("第{n}步 {name}").format(n=code, name=EXIT_STEP.label(code))


class ExitProgressPage(QWidget):
    message = Signal(str)  # a refusal to show in the editor's status line

    def __init__(self, runner, parent=None, *, reader=None):
        super().__init__(parent)
        self._run = runner
        self.household_id: str | None = None
        self.state = None
        self._row_steps: list = []  # the recorded step shown on each row of the table (None: still to do)
        self._attachments: dict = {}
        self.ui = Ui_ExitProgressForm()
        self.ui.setupUi(self)
        self.attachments = AttachmentList(EXIT_STEPS, runner, reader, self)
        self.ui.steps_layout.insertWidget(2, self.attachments)
        self.attachments.message.connect(self.message)
        self.ui.steps_table.itemSelectionChanged.connect(self._show_attachments)
        self.ui.record_step_button.clicked.connect(self.record_next)
        self.ui.objection_button.clicked.connect(self.record_objection)
        self.ui.step_note.returnPressed.connect(self.record_next)

    def set_data(self, data) -> None:
        file = data.file
        self.household_id = file.household.id if file else None
        self.ui.step_date.set_reference(data.today)
        if not self.ui.step_date.text():
            self.ui.step_date.setDate(data.today)
        if not self.ui.step_actor.text():
            self.ui.step_actor.setText(data.operator)
        chosen = self._chosen_step()
        self._attachments = data.attachments
        if file is None:
            self.state = None
            self.ui.procedure_title.setText(_("保存档案后才能办理退出程序。"))
            self._row_steps = []
            fill_table(self.ui.steps_table, [])
            self._show_attachments()
            self.ui.next_group.setEnabled(False)
            self.ui.blockers_label.clear()
            return
        state = self.state = file.procedure
        done_count = len(state.done)
        self.ui.procedure_title.setText(
            _("<b>退出程序</b>（厅字〔2016〕16号）· 第{round}轮 · 已完成{done}/6步").format(
                round=state.round, done=done_count
            )
        )
        rows, marks, self._row_steps = [], [], []
        for step in sorted(
            (s for s in file.exit_steps if not s.deleted), key=lambda s: (s.round, s.date, s.step)
        ):
            status = _("有异议，退回重新评议") if step.outcome == "objection" else _("完成")
            if step.round < state.round and step.outcome != "objection":
                status = _("完成（第{round}轮）").format(round=step.round)
            rows.append((step_text(step.step), status, step.date.isoformat(), step.actor, step.note))
            marks.append("objection" if step.outcome == "objection" else "done")
            self._row_steps.append(step)
        for code in STEP_CODES:
            if code not in state.done:
                rows.append(
                    (step_text(code), _("下一步") if code == state.next_step else _("待办理"), "", "", "")
                )
                marks.append("next" if code == state.next_step else "pending")
                self._row_steps.append(None)
        fill_table(self.ui.steps_table, rows)
        self._select_step(chosen)
        for row, mark in enumerate(marks):
            for column in range(self.ui.steps_table.columnCount()):
                item = self.ui.steps_table.item(row, column) or QTableWidgetItem()
                if mark == "objection":
                    item.setForeground(QBrush(QColor(ERROR_COLOUR)))
                elif mark == "pending":
                    item.setForeground(QBrush(QColor("#888888")))
                elif mark == "next":
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
        errors = [p for p in data.blockers if p.level == "error"]
        if state.finished:
            self.ui.blockers_label.setText(_("已销号。"))
        elif errors:
            self.ui.blockers_label.setText(
                f"<span style='color:{ERROR_COLOUR}'>"
                + _("尚不符合退出条件：")
                + "<br>· "
                + "<br>· ".join(p.message for p in errors)
                + "</span>"
            )
        else:
            self.ui.blockers_label.setText(
                f"<span style='color:{OK_COLOUR}'>" + _("符合退出条件（收入与两不愁三保障）。") + "</span>"
            )
        self.ui.next_group.setEnabled(not state.finished)
        self.ui.next_step_label.setText(
            f"<b>{step_text(state.next_step)}</b>" if state.next_step else _("（已全部完成）")
        )
        in_publicity = (
            state.next_step == REVIEW_STEP or state.next_step == PUBLICITY_STEP and "3" in state.done
        )
        self.ui.objection_button.setEnabled(bool(in_publicity))
        self.ui.next_action_label.setText(_("下一步要做：{action}").format(action=next_action(state)))

    def _select_step(self, chosen) -> None:
        """Keep the step that was selected; else the last one recorded."""
        ids = [s.id if s else None for s in self._row_steps]
        recorded = [row for row, step_id in enumerate(ids) if step_id]
        if chosen is not None and chosen.id in ids:
            self.ui.steps_table.selectRow(ids.index(chosen.id))
        elif recorded:
            self.ui.steps_table.selectRow(recorded[-1])
        else:
            self.ui.steps_table.clearSelection()
        self._show_attachments()

    def _chosen_step(self):
        rows = [index.row() for index in self.ui.steps_table.selectionModel().selectedRows()]
        return self._row_steps[rows[0]] if rows and rows[0] < len(self._row_steps) else None

    def _show_attachments(self) -> None:
        step = self._chosen_step()
        if step is None:
            self.attachments.set_owner(None, [], "")
            return
        title = _("{date} {step}").format(step=step_text(step.step), date=step.date.isoformat())
        self.attachments.set_owner(step.id, self._attachments.get((EXIT_STEPS, step.id), []), title)

    def _date(self):
        day = self.ui.step_date.date()
        if day is None:
            self.message.emit(self.ui.step_date.error() or _("请填写办理日期。"))
            self.ui.step_date.setFocus()
        return day

    def record_next(self) -> None:
        if not self.household_id or self.state is None or self.state.next_step is None:
            return
        if self._date() is None:
            return
        self._run(
            record_step,
            self.household_id,
            self.state.next_step,
            date=self.ui.step_date.date(),
            actor=self.ui.step_actor.text().strip(),
            note=self.ui.step_note.text().strip(),
            done=lambda _result: self.ui.step_note.clear(),
        )

    def record_objection(self) -> None:
        if not self.household_id:
            return
        if self._date() is None:
            return
        note = self.ui.step_note.text().strip()
        if not note:
            note, ok = QInputDialog.getText(
                self, _("公示有异议"), _("异议内容（将退回重新民主评议）："), QLineEdit.EchoMode.Normal, ""
            )
            if not ok or not note.strip():
                return
        self._run(
            record_step,
            self.household_id,
            PUBLICITY_STEP,
            date=self.ui.step_date.date(),
            actor=self.ui.step_actor.text().strip(),
            note=note.strip(),
            outcome="objection",
            done=lambda _result: self.ui.step_note.clear(),
        )
