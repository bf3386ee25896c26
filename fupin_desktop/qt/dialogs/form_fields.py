"""Bind a compiled Designer form to record fields: read and write values, show problems beside each field.

A form's widgets are named after the record attributes (``main_cause``, ``house_area`` …); a QLabel named
``<attribute>_problem`` beside a widget shows that field's problems. :class:`FormBinder` knows each field's
kind (text, code, yes/no/unknown, number …), turns widget state into record values and back, emits
``changed(name)`` on every edit, and reports text it cannot read (a bad date) as input problems.
"""

import datetime as dt

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLabel, QLineEdit, QSpinBox, QWidget

from fupin_desktop.domain.codes import CodeTable
from fupin_desktop.domain.problems import Problem
from fupin_desktop.i18n.translate import _
from fupin_desktop.qt.widgets.code_checks import CodeChecks
from fupin_desktop.qt.widgets.code_combo import CodeCombo
from fupin_desktop.qt.widgets.date_edit import DateEdit
from fupin_desktop.qt.widgets.id_number_edit import IdNumberEdit
from fupin_desktop.qt.widgets.styles import INVALID_STYLE, WARNING_STYLE, label_style

TINTS = {"error": "#ffe3e3", "warning": "#fff2d6"}
YES_NO = CodeTable("yes_no", "是否", (("1", "是"), ("0", "否")))

# kinds: text · code · codes (several of one table) · bool · tribool (yes / no / not filled) · float · optfloat · int · optint · date · idnumber


def _problem_text(problem: Problem) -> str:
    """Beside a member's field the member's name is not repeated."""
    head, sep, rest = problem.message.partition("：")
    return rest if problem.member_id and sep and rest else problem.message


def _set_style(widget, style: str) -> None:
    """A style sheet is applied only when it changes: each application re-polishes the widget, and the problems
    are shown again for every field after each save (each book entry too)."""
    if widget.styleSheet() != style:
        widget.setStyleSheet(style)


def _set_tooltip(widget, text: str) -> None:
    if widget.toolTip() != text:
        widget.setToolTip(text)


class FormBinder(QObject):
    changed = Signal(str)

    def __init__(
        self,
        root: QWidget,
        kinds: dict[str, str],
        tables: dict[str, CodeTable] | None = None,
        titles: dict[str, str] | None = None,
        parent=None,
    ):
        super().__init__(parent or root)
        self.root = root
        self.kinds = dict(kinds)
        self.titles = titles or {}
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self._loading = False
        tables = tables or {}
        for name, kind in self.kinds.items():
            widget = root.findChild(QWidget, name)
            if widget is None:
                raise LookupError(f"form {root.objectName()} has no widget {name}")
            self.widgets[name] = widget
            label = root.findChild(QLabel, f"{name}_problem")
            if label is not None:
                label.hide()
                self.labels[name] = label
            if isinstance(widget, CodeCombo):
                widget.set_table(YES_NO if kind == "tribool" else tables[name])
            elif isinstance(widget, CodeChecks):
                widget.set_table(tables[name])
            self._connect(name, widget)

    def _connect(self, name: str, widget: QWidget) -> None:
        def emit(*_args):
            if not self._loading:
                self.changed.emit(name)

        if isinstance(widget, CodeCombo):
            widget.codeChanged.connect(emit)
        elif isinstance(widget, CodeChecks):
            widget.codesChanged.connect(emit)
        elif isinstance(widget, IdNumberEdit):
            widget.textChanged.connect(emit)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(emit)
        elif isinstance(widget, QSpinBox | QDoubleSpinBox):
            widget.valueChanged.connect(emit)
        elif isinstance(widget, QComboBox):
            widget.currentTextChanged.connect(emit)
        elif isinstance(widget, QLineEdit):
            widget.textChanged.connect(emit)

    @property
    def loading(self) -> bool:
        """True while :meth:`set_values` fills the widgets (their signals are not edits)."""
        return self._loading

    # --- values --------------------------------------------------------------------------------------------
    def value(self, name: str):
        widget, kind = self.widgets[name], self.kinds[name]
        if isinstance(widget, CodeCombo):
            code = widget.code()
            return {"1": True, "0": False}.get(code) if kind == "tribool" else code
        if isinstance(widget, CodeChecks):
            return widget.codes()
        if isinstance(widget, IdNumberEdit):
            return widget.number()
        if isinstance(widget, DateEdit):
            return widget.date()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QDoubleSpinBox):
            return float(widget.value())
        if isinstance(widget, QComboBox):
            return widget.currentText().strip()
        text = widget.text().strip()
        if kind in ("optfloat", "float"):
            try:
                return float(text) if text else (None if kind == "optfloat" else 0.0)
            except ValueError:
                return None
        if kind in ("optint", "int"):
            return int(text) if text.isdigit() else (None if kind == "optint" else 0)
        return text

    def values(self) -> dict:
        return {name: self.value(name) for name in self.kinds}

    def set_values(self, values: dict) -> None:
        self._loading = True
        try:
            for name, value in values.items():
                if name in self.widgets:
                    self._set(self.widgets[name], self.kinds[name], value)
        finally:
            self._loading = False

    @staticmethod
    def _set(widget: QWidget, kind: str, value) -> None:
        if isinstance(widget, CodeCombo):
            if kind == "tribool":
                value = "" if value is None else ("1" if value else "0")
            widget.setCode(value or "")
        elif isinstance(widget, CodeChecks):
            widget.setCodes(value or ())
        elif isinstance(widget, IdNumberEdit):
            widget.setText(value or "")
        elif isinstance(widget, DateEdit):
            widget.setDate(value if isinstance(value, dt.date) else None)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value or 0))
        elif isinstance(widget, QDoubleSpinBox):
            widget.setValue(float(value or 0))
        elif isinstance(widget, QComboBox):
            widget.setCurrentText(value or "")
        elif isinstance(widget, QLineEdit):
            if value is None:
                widget.setText("")
            elif kind in ("optfloat", "float") and isinstance(value, float):
                widget.setText(f"{value:g}")
            else:
                widget.setText(str(value))

    # --- problems ------------------------------------------------------------------------------------------
    def input_problems(self, prefix: str, member_id: str = "", who: str = "") -> list[Problem]:
        """Text a field cannot read (a bad date, a number with letters) as errors for ``prefix.<name>``."""
        found = []
        for name, widget in self.widgets.items():
            message = ""
            if isinstance(widget, DateEdit) and widget.error():
                message = widget.error()
            elif isinstance(widget, QLineEdit) and self.kinds[name] in ("optfloat", "optint", "float", "int"):
                text = widget.text().strip()
                if text and self.value(name) is None:
                    message = _("请填写数字")
            if message:
                title = self.titles.get(name, name)
                text = f"{who}：{title}：{message}" if who else f"{title}：{message}"
                found.append(Problem("error", f"{prefix}.{name}", "input_invalid", text, member_id))
        return found

    def show_problems(self, by_field: dict[str, list[Problem]]) -> None:
        """Show each field's problems beside it (red frame for errors, amber for warnings)."""
        for name, widget in self.widgets.items():
            problems = by_field.get(name, [])
            level = "error" if any(p.level == "error" for p in problems) else ("warning" if problems else "")
            text = "；".join(dict.fromkeys(_problem_text(p) for p in problems))
            if isinstance(widget, IdNumberEdit):
                widget.show_problem(level, text)
                continue
            label = self.labels.get(name)
            if label is not None:
                label.setText(text)
                _set_tooltip(label, text)
                _set_style(label, label_style(level))
                label.setVisible(bool(text))
            _set_tooltip(widget, text)
            if isinstance(widget, QLineEdit):
                if getattr(widget, "error", None) and widget.error():
                    continue  # the widget's own refusal frame stays
                frame = INVALID_STYLE if level == "error" else WARNING_STYLE if level else ""
                _set_style(widget, f"#{widget.objectName()} {{{frame}}}" if frame else "")
            else:  # combo boxes, spin boxes, check boxes keep their native look: only the colour changes
                palette = QPalette()
                if level:
                    tint = QColor(TINTS[level])
                    for role in (
                        QPalette.ColorRole.Base,
                        QPalette.ColorRole.Button,
                        QPalette.ColorRole.Window,
                    ):
                        palette.setColor(role, tint)
                widget.setPalette(palette)
                widget.setAutoFillBackground(bool(level) and isinstance(widget, QCheckBox | CodeChecks))

    def focus(self, name: str) -> bool:
        widget = self.widgets.get(name)
        if widget is None:
            return False
        widget.setFocus()
        return True
