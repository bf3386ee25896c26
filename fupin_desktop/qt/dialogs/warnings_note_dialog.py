"""A small dialog to accept warnings: the person reads them and writes why the record is right anyway."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

from fupin_desktop.i18n.translate import _
from fupin_desktop.qt.widgets.problem_list import ProblemList


class WarningsNoteDialog(QDialog):
    def __init__(self, warnings, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("保存前请核实以下提醒"))
        self.setMinimumWidth(520)
        intro = QLabel(
            _("这些情况可能有误。若核实无误，请写明说明（如“已入户核实”），说明会记入变更记录。"), self
        )
        intro.setWordWrap(True)
        self.problems = ProblemList(self)
        self.problems.set_problems(list(warnings))
        self.problems.setMaximumHeight(24 * min(max(len(warnings), 2), 6) + 8)
        self.note = QLineEdit(self)
        self.note.setObjectName("warnings_note")
        self.note.setPlaceholderText(_("说明（必填），如：已入户核实，情况属实"))
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(_("确认无误并保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(_("返回修改"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.problems)
        layout.addWidget(QLabel(_("说明："), self))
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.note.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self.note.returnPressed.connect(self._enter)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.note.setFocus()

    def note_text(self) -> str:
        return self.note.text().strip()

    def _enter(self) -> None:
        if self.note_text():
            self.accept()
