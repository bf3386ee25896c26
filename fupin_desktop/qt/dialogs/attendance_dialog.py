"""登记驻村天数: the days a helper cadre spent in the village in one month, saved on the database thread."""


from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from fupin_desktop.domain.attendance import MAX_NOTE, days_in_month
from fupin_desktop.i18n.translate import _
from fupin_desktop.qt.widgets.styles import label_style

FIRST_MONTH = QDate(2010, 1, 1)


def save_attendance(ctx, helper_id: str, month: str, days: int, note: str):
    from fupin_desktop.services.attendance import set_attendance

    return set_attendance(ctx, helper_id, month, days, note)


def registered_months(ctx, helper_id: str, year: int) -> dict:
    """{'YYYY-MM': (days, note)} of one helper's registered months of ``year`` (database thread)."""
    from fupin_desktop.services.attendance import attendance_of

    return {m.month: (m.days, m.note) for m in attendance_of(ctx, helper_id, year)}


class AttendanceDialog(QDialog):
    """Month (the current one by default), days (0 to the month's length) and a note for one helper."""

    def __init__(self, services, helper, parent=None):
        super().__init__(parent)
        self.services = services
        self.helper = helper
        self.saved = False
        self._known: dict[int, dict] = {}  # year → {'YYYY-MM': (days, note)} already registered
        self._loading: set[int] = set()  # years whose months are being read
        self.setWindowTitle(_("登记驻村天数"))
        self.setMinimumWidth(380)
        today = services.clock.today()
        this_month = QDate(today.year, today.month, 1)
        name = helper.name + (_("（驻村工作队）") if helper.is_work_team else "")
        self.month_edit = QDateEdit(this_month, self)
        self.month_edit.setObjectName("attendanceMonth")
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setDateRange(FIRST_MONTH, this_month)
        self.days_spin = QSpinBox(self)
        self.days_spin.setObjectName("attendanceDays")
        self.days_spin.setSuffix(_(" 天"))
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("attendanceNote")
        self.note_edit.setMaxLength(MAX_NOTE)
        self.note_edit.setPlaceholderText(_("如：外出培训3天"))
        self.error_label = QLabel("", self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet(label_style("error"))
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("取消"))
        form = QFormLayout()
        form.addRow(_("帮扶干部："), QLabel(name, self))
        form.addRow(_("驻村月份："), self.month_edit)
        form.addRow(_("驻村天数："), self.days_spin)
        form.addRow(_("备注："), self.note_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.month_edit.dateChanged.connect(self._month_changed)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._month_changed(self.month_edit.date())
        self.days_spin.setFocus()
        self.days_spin.selectAll()

    def month(self) -> str:
        date = self.month_edit.date()
        return f"{date.year():04d}-{date.month():02d}"

    def _month_changed(self, date: QDate) -> None:
        self.days_spin.setRange(0, days_in_month(f"{date.year():04d}-{date.month():02d}"))
        self.error_label.clear()
        year = date.year()
        if year in self._known:
            self._show_known()
            return
        self._entry_enabled(False)  # what is typed before the year's months arrive would be overwritten
        if year not in self._loading:
            self._loading.add(year)
            self.services.ops.run(registered_months, self.helper.id, year,
                                  on_done=lambda months, year=year: self._loaded(year, months))

    def _entry_enabled(self, on: bool) -> None:
        for widget in (self.days_spin, self.note_edit, self.buttons):
            widget.setEnabled(on)

    def _loaded(self, year: int, months: dict) -> None:
        self._loading.discard(year)
        self._known[year] = months
        if self.month_edit.date().year() == year:
            self._show_known()
            self._entry_enabled(True)
            self.days_spin.setFocus()
            self.days_spin.selectAll()

    def _show_known(self) -> None:
        days, note = self._known.get(self.month_edit.date().year(), {}).get(self.month(), (0, ""))
        self.days_spin.setValue(days)
        self.note_edit.setText(note)

    def save(self) -> None:
        self.error_label.clear()
        self.buttons.setEnabled(False)
        self.services.ops.run(save_attendance, self.helper.id, self.month(), self.days_spin.value(),
                              self.note_edit.text().strip(), on_done=self._saved, on_error=self._failed)

    def _saved(self, _result) -> None:
        self.saved = True
        self.services.notify(_("已登记驻村天数"))
        self.accept()

    def _failed(self, error) -> None:
        self.buttons.setEnabled(True)
        self.error_label.setText(str(error))
