"""Code fields: choose from a code table by its code, its label, or the pinyin initials of the label.

``CodeCombo`` is an editable combo box over a :class:`~fupin_desktop.domain.codes.CodeTable`: typing "yb"
shows 因病 in the completer and Enter (or leaving the field) selects it; "1" or "01" select by code.
``CodeEdit`` is the same thing as a bare line edit, for grid cells. Both keep the code: :meth:`code` and
:meth:`setCode`; text that fits no code is refused (the previous choice comes back) with ``refused(message)``.
"""

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit

from fupin_desktop.domain.codes import CodeTable
from fupin_desktop.i18n.translate import _

EMPTY_TEXT = ""


def display_text(table: CodeTable, code: str) -> str:
    """What the field shows for ``code``: the label, with the code in front when it is a number."""
    label = table.label(code)
    if not label:
        return ""
    return f"{code} {label}" if code.isdigit() and len(table) > 3 else label


def resolve(table: CodeTable, text: str) -> str | None:
    """The code meant by ``text``: a display text, an exact code or label, else the best match."""
    text = (text or "").strip()
    if not text:
        return ""
    for code in table.codes():
        if display_text(table, code) == text:
            return code
    found = table.parse(text)
    if found is not None:
        return found
    matches = table.matches(text)
    return matches[0] if matches else None


class _Completion:
    """A completer whose list is the table's matches for what was typed (pinyin initials included)."""

    def __init__(self, line_edit: QLineEdit, on_chosen):
        self.table: CodeTable | None = None
        self.model = QStringListModel(line_edit)
        self.completer = QCompleter(self.model, line_edit)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(12)
        self.completer.activated.connect(on_chosen)
        self._line_edit = line_edit

    def update(self, text: str) -> None:
        if self.table is None:
            return
        text = text.strip()
        if not text or any(display_text(self.table, c) == text for c in self.table.codes()):
            self.completer.popup().hide()
            return
        codes = self.table.matches(text)[:30]
        self.model.setStringList([display_text(self.table, c) for c in codes])
        if codes:
            self.completer.complete()
        else:
            self.completer.popup().hide()


class CodeCombo(QComboBox):
    codeChanged = Signal(str)
    refused = Signal(str)

    def __init__(self, parent=None, table: CodeTable | None = None, *, allow_empty: bool = True):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(16)
        self.allow_empty = allow_empty
        self.table: CodeTable | None = None
        self._code = ""
        self._completion = _Completion(self.lineEdit(), self._chosen)
        self.setCompleter(self._completion.completer)
        self.lineEdit().textEdited.connect(self._completion.update)
        self.lineEdit().editingFinished.connect(self.commit)
        self.activated.connect(self._activated)
        if table is not None:
            self.set_table(table)

    def set_table(self, table: CodeTable, *, allow_empty: bool | None = None) -> None:
        if allow_empty is not None:
            self.allow_empty = allow_empty
        self.table = table
        self._completion.table = table
        self.blockSignals(True)
        self.clear()
        if self.allow_empty:
            self.addItem(EMPTY_TEXT, "")
        for code in table.codes():
            self.addItem(display_text(table, code), code)
        self.blockSignals(False)
        self._show(self._code if self._code in table else "")

    def code(self) -> str:
        return self._code

    def setCode(self, code: str | None) -> None:
        code = "" if code is None else str(code)
        if self.table is not None and code and code not in self.table:
            code = resolve(self.table, code) or ""
        self._show(code)

    def commit(self) -> None:
        """Turn what was typed into a code (called when editing ends)."""
        if self.table is None:
            return
        text = self.lineEdit().text()
        code = resolve(self.table, text)
        if code is None or (code == "" and not self.allow_empty):
            if text.strip():
                self.refused.emit(
                    _("“{text}”不在“{title}”的选项中").format(text=text.strip(), title=self.table.title)
                )
            self._show(self._code)
            return
        self._show(code)

    def _chosen(self, text: str) -> None:
        if self.table is not None:
            code = resolve(self.table, text)
            if code is not None:
                self._show(code)

    def _activated(self, index: int) -> None:
        self._show(self.itemData(index) or "")

    def _show(self, code: str) -> None:
        changed = code != self._code
        self._code = code
        index = self.findData(code) if (code or self.allow_empty) else -1
        self.blockSignals(True)
        if index >= 0:
            self.setCurrentIndex(index)
        self.setEditText(display_text(self.table, code) if self.table and code else "")
        self.blockSignals(False)
        if changed:
            self.codeChanged.emit(code)


class CodeEdit(QLineEdit):
    """A line edit over a code table (grid cells): the same matching as CodeCombo, no drop-down button."""

    codeChanged = Signal(str)
    refused = Signal(str)

    def __init__(self, parent=None, table: CodeTable | None = None, *, popup: bool = True):
        """``popup=False``: no completer pop-up (a grid shows :meth:`candidates` in its own hint line)."""
        super().__init__(parent)
        self.table: CodeTable | None = None
        self._code = ""
        self._completion = _Completion(self, self._chosen)
        if popup:
            self.setCompleter(self._completion.completer)
            self.textEdited.connect(self._completion.update)
        if table is not None:
            self.set_table(table)

    def set_table(self, table: CodeTable) -> None:
        self.table = table
        self._completion.table = table
        if self._code and self._code not in table:
            self._code = ""
            self.setText("")

    def code(self) -> str:
        return self._code

    def setCode(self, code: str) -> None:
        self._code = code or ""
        self.setText(display_text(self.table, self._code) if self.table and self._code else "")

    def resolve_text(self) -> str | None:
        """The code meant by the text now (None: refused); also stores it."""
        if self.table is None:
            return None
        code = resolve(self.table, self.text())
        if code is None:
            if self.text().strip():
                self.refused.emit(
                    _("“{text}”不在“{title}”的选项中").format(
                        text=self.text().strip(), title=self.table.title
                    )
                )
            return None
        if code != self._code:
            self._code = code
            self.codeChanged.emit(code)
        self.setText(display_text(self.table, code) if code else "")
        return code

    def candidates(self, limit: int = 8) -> list[str]:
        """Display texts of the codes that fit what is typed now, best first."""
        if self.table is None or not self.text().strip():
            return []
        return [display_text(self.table, c) for c in self.table.matches(self.text())[:limit]]

    def _chosen(self, text: str) -> None:
        if self.table is not None:
            code = resolve(self.table, text)
            if code is not None:
                self._code = code
                self.codeChanged.emit(code)
