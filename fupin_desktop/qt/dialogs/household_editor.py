"""The household editor: one window, eight tabs, problems beside their fields, Ctrl+S, Ctrl+Z and drafts.

Tabs: 基本情况 · 家庭成员 · 生产生活条件 · 致贫原因与帮扶 · 收支账本 · 脱贫进度 · 走访记录 · 变更记录. The household's
fields and its members are edited in memory and saved together by Ctrl+S (one operation, so one Ctrl+Z undoes
it); the book, the exit steps, visits, measures and the helper pairing are recorded at once through their own
services. The rule set runs on the form as it is (debounced, in-process): errors block saving with the reason,
new warnings are accepted with a note. Unsaved edits are written to a draft every few seconds and on close,
and offered back when the household is opened again. Every service call goes through ``services.ops``.
"""

import dataclasses

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox

from fupin_desktop.domain import records as r
from fupin_desktop.i18n.translate import _
from fupin_desktop.qt.dialogs.editor_drafts import EditorDrafts
from fupin_desktop.qt.dialogs.editor_header import header_html, undo_text, window_title
from fupin_desktop.qt.dialogs.editor_layout import build_editor
from fupin_desktop.qt.dialogs.editor_problems import (  # noqa: F401  (tab numbers are part of the API)
    ASSISTANCE,
    BASIC,
    CONDITIONS,
    EXIT,
    HISTORY,
    LEDGER,
    MEMBERS,
    TAB_TITLES,
    VISITS,
    household_fields,
    problem_key,
    rule_problems,
    tab_levels,
    tab_of,
)
from fupin_desktop.qt.dialogs.print_dialog import PrintDialog
from fupin_desktop.qt.dialogs.warnings_note_dialog import WarningsNoteDialog
from fupin_desktop.qt.widgets.code_combo import CodeCombo
from fupin_desktop.qt.widgets.problem_list import level_icon
from fupin_desktop.qt.widgets.styles import label_style
from fupin_desktop.services.errors import WarningsNeedNoteError
from fupin_desktop.services.household_editing import editor_data, save_household
from fupin_desktop.services.undo import undo_last

CHECK_DELAY_MS = 250  # the rule set runs this long after the last keystroke
LEDGER_RELOAD_MS = 1500  # after the last book entry, the rest of the editor (problems, blockers, history) follows


class HouseholdEditorDialog(QDialog):
    saved = Signal(str)  # household id, after a save
    loaded = Signal()  # the household's data is shown (after opening and after each reload)

    def __init__(self, services, household_id: str | None, parent=None):
        super().__init__(parent)
        self.services = services
        self.household_id = household_id
        self.data = None
        self.problems: list = []
        self._baseline: set = set()
        self._dirty = False
        self._busy = False
        self._own_ops: set[str] = set()
        self._closing = False
        self.warnings_dialog = None
        self._focus_before = None
        self.setWindowTitle(_("贫困户档案"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1280, 720)
        build_editor(self)
        self.drafts = EditorDrafts(self)
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS, timeout=self.check_now)
        self._ledger_timer = QTimer(self, singleShot=True, interval=LEDGER_RELOAD_MS, timeout=self._load)
        services.ops.changed.connect(self._changed_elsewhere)
        self._load(first=True)

    # --- public API ----------------------------------------------------------------------------------------
    def print_household(self) -> None:
        """打印本户: the household's packet, sign-off sheet, ledger card or 明白卡, from the saved record."""
        if self.household_id:
            PrintDialog(self.services, [self.household_id], self).exec()

    def tab_names(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    def show_tab(self, index: int) -> None:
        if self.tabs.isTabEnabled(index):
            self.tabs.setCurrentIndex(index)

    def add_member(self) -> None:
        """Ctrl+N anywhere in the editor: a new member on the 家庭成员 tab, the cursor in the name."""
        self.show_tab(MEMBERS)
        self.members.add_member()

    def is_loaded(self) -> bool:
        return self.data is not None

    def is_dirty(self) -> bool:
        return self._dirty

    def run_op(self, fn, *args, done=None, **kwargs) -> None:
        """Run a service through Ops; reload afterwards; refusals are shown in the status line."""

        def finished(result):
            changes = result[-1] if isinstance(result, tuple) else result
            self._own_ops.add(getattr(changes, "op_id", ""))
            self.say(_("已保存。"))
            if done is not None:
                done(result)
            self._load()

        self.services.ops.run(
            fn, *args, on_done=self._guard(finished), on_error=self._guard(self._failed), **kwargs
        )

    def _guard(self, fn):
        """A callback that does nothing once this window has been deleted."""
        return lambda *args: fn(*args) if shiboken6.isValid(self) else None

    # --- loading -------------------------------------------------------------------------------------------
    def _load(self, first: bool = False) -> None:
        self.services.ops.run(
            editor_data,
            self.household_id,
            with_draft=first,
            on_done=self._guard(lambda data: self._loaded(data, first)),
            on_error=self._guard(self._failed),
        )

    def _loaded(self, data, first: bool) -> None:
        self.data = data
        file = data.file
        if first:
            self.members.set_today(data.today)
            self.basic.set_today(data.today)
        self.basic.set_groups(data.village.groups if data.village else ())
        if not self._dirty:
            self._fill_forms(
                file.household if file else r.Household(id="", village_id=""), file.members if file else []
            )
        self.assistance.set_data(data)
        self.exit_page.set_data(data)
        self.visits.set_data(data)
        self.history.set_data(data)
        saved = file is not None
        for index in (LEDGER, EXIT, VISITS, HISTORY):
            self.tabs.setTabEnabled(index, saved)
            self.tabs.setTabToolTip(index, "" if saved else _("保存档案后可用"))
        if saved and self.ledger.household_id != self.household_id:
            self.ledger.set_household(self.household_id, data.today)
        self._baseline = {problem_key(p) for p in file.problems} if file else set()
        self.undo_button.setEnabled(bool(data.undo and not data.undo.refused))
        self.undo_button.setToolTip(undo_text(data.undo))
        self._set_busy(False)
        self.check_now()
        if first and data.draft:
            self.drafts.offer(data.draft)
        self.loaded.emit()

    def _fill_forms(self, household: r.Household, members: list[r.Member]) -> None:
        for page in (self.basic, self.conditions, self.assistance):
            page.set_values(household)
        if not household.id and self.data.village and self.data.village.groups:
            self.basic.ui.village_group.setCurrentText(self.data.village.groups[0])
        self.members.set_members(members)
        self._dirty = False
        self._update_title()

    def _changed_elsewhere(self, changes) -> None:
        if changes.op_id in self._own_ops or not self.household_id:
            return
        if self.household_id in changes.household_ids:
            if changes.tables <= {"ledger"}:
                self._ledger_timer.start()
            else:
                self._load()

    # --- values and problems -------------------------------------------------------------------------------
    def household_values(self) -> dict:
        return {**self.basic.values(), **self.conditions.values(), **self.assistance.values()}

    def current_records(self) -> tuple[r.Household, list[r.Member]]:
        data = self.data
        village_id = data.village.id if data and data.village else ""
        base = data.file.household if data and data.file else r.Household(id="new", village_id=village_id)
        household = dataclasses.replace(base, **self.household_values())
        return household, self.members.records(household.id)

    def ledger_recorded(self) -> None:
        """An entry was recorded (the grid has already shown it): the summary-based rules, exit blockers and
        history follow once the person pauses, so typing a month of entries never waits for them."""
        self._ledger_timer.start()

    def mark_edited(self) -> None:
        self._dirty = True
        self.drafts.touch()
        self._update_title()
        self._check_timer.start()

    def helper_chosen(self) -> None:
        if self.household_id is None:
            self._check_timer.start()

    def check_now(self) -> list:
        """Run the rule set on the form as it is and show every problem beside its field."""
        if self.data is None:
            return []
        household, members = self.current_records()
        chosen = bool(self.assistance.chosen_helper_id())
        problems = rule_problems(self.data, household, members, helper_chosen=chosen)
        for binder in (self.basic.binder, self.conditions.binder, self.assistance.binder):
            problems += binder.input_problems("household")
        problems += self.members.input_problems()
        self.problems = problems
        by_field = household_fields(problems)
        self.basic.binder.show_problems(by_field)
        self.conditions.binder.show_problems(by_field)
        self.assistance.show_problems(by_field)
        self.members.show_problems(problems)
        self.problem_panel.show_problems(problems)
        levels = tab_levels(problems)
        for index in range(self.tabs.count()):
            self.tabs.setTabIcon(index, level_icon(levels[index]) if index in levels else QIcon())
        self._update_title()
        return problems

    def blocking_errors(self) -> list:
        return [p for p in self.problems if p.level == "error" and problem_key(p) not in self._baseline]

    def focus_problem(self, problem) -> None:
        tab = tab_of(problem)
        self.show_tab(tab)
        name = problem.field.split(".", 1)[-1]
        if tab == MEMBERS:
            self.members.focus_problem(problem)
        elif tab == ASSISTANCE:
            self.assistance.focus_field(name)
        elif tab in (BASIC, CONDITIONS):
            (self.basic if tab == BASIC else self.conditions).binder.focus(name)

    # --- saving --------------------------------------------------------------------------------------------
    def save(self, accept_note: str = "") -> bool:
        """Ctrl+S: refuse with the reason when errors remain, else save through Ops. True when submitted."""
        if self.data is None or self._busy:
            return False
        self._commit_focused_field()
        self.check_now()
        errors = self.blocking_errors()
        if errors:
            self.say(_("无法保存：") + "；".join(p.message for p in errors[:3]), error=True)
            self.focus_problem(errors[0])
            return False
        self._set_busy(True)
        self.say(_("正在保存…"))
        self.services.ops.run(
            save_household,
            self.household_id,
            self.household_values(),
            self.members.values_for_saving(),
            helper_id=self.assistance.chosen_helper_id() if self.household_id is None else "",
            accept_note=accept_note,
            on_done=self._guard(self._saved),
            on_error=self._guard(self._save_failed),
        )
        return True

    def _commit_focused_field(self) -> None:
        widget = self.focusWidget()
        combo = widget.parent() if isinstance(widget, QLineEdit) else None
        if isinstance(combo, CodeCombo):
            combo.commit()

    def _saved(self, result) -> None:
        household_id, changes = result
        self._own_ops.add(changes.op_id)
        was_new = self.household_id is None
        self.household_id = household_id
        self._dirty = False
        self.drafts.discard(None if was_new else household_id)
        self.say(_("已保存。") if not changes.empty else _("没有修改需要保存。"))
        self.saved.emit(household_id)
        self._load()

    def _save_failed(self, exc) -> None:
        self._set_busy(False)
        if isinstance(exc, WarningsNeedNoteError):
            self.say(str(exc), error=False)
            self.warnings_dialog = WarningsNoteDialog(exc.problems, self)
            self.warnings_dialog.accepted.connect(lambda: self.save(self.warnings_dialog.note_text()))
            self.warnings_dialog.open()
            return
        self._failed(exc)

    def _failed(self, exc) -> None:
        self._set_busy(False)
        self.say(str(exc) or _("操作失败"), error=True)

    # --- undo ----------------------------------------------------------------------------------------------
    def undo_last_save(self) -> None:
        """Ctrl+Z: revert the last saved change of this household (asks first)."""
        if self.data is None or self._busy or not self.household_id:
            return
        if self._dirty:
            self.say(_("有尚未保存的修改：请先保存（Ctrl+S），再撤销上一次保存。"), error=True)
            return
        preview = self.data.undo
        if preview is None or preview.refused:
            self.say(undo_text(preview), error=True)
            return
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        if QMessageBox.question(self, _("撤销"), undo_text(preview) + "？", yes | no) != yes:
            return
        self._set_busy(True)
        self.run_op(undo_last, self.household_id, done=lambda _changes: self.say(_("已撤销。")))

    # --- small things --------------------------------------------------------------------------------------
    def say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(label_style("error" if error else "hint"))

    def _set_busy(self, busy: bool) -> None:
        """While a save runs the forms are locked; the cursor comes back to where it was."""
        if busy and not self._busy:
            self._focus_before = self.focusWidget()
        self._busy = busy
        self.save_button.setEnabled(not busy)
        self.tabs.setEnabled(not busy)
        if not busy and self._focus_before is not None and shiboken6.isValid(self._focus_before):
            self._focus_before.setFocus()
            self._focus_before = None

    def _update_title(self) -> None:
        if self.data is None:
            return
        household, members = self.current_records()
        head = next((m.name for m in members if m.relation == "01" and m.active), "")
        self.setWindowTitle(window_title(head, self.household_id is None, self._dirty))
        colour = self.data.file.colour if self.data.file else ""
        self.basic.show_colour(household, self.data.settings)
        self.header.setText(
            header_html(household, members, colour=colour, new=self.household_id is None, dirty=self._dirty)
        )

    def reject(self) -> None:
        """Esc or closing the window: unsaved edits are kept as a draft and offered back next time."""
        if not self._closing:
            self._closing = True
            self._check_timer.stop()
            self._ledger_timer.stop()
            self.drafts.flush(final=True)
        super().reject()
