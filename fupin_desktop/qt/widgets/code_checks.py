"""A field holding several codes of one table (风险类型: up to five): one check box per code, in a grid.

Keyboard: Tab and Shift+Tab walk the boxes, Space ticks one; focusing the field focuses its first box.
:meth:`codes` gives the ticked codes in table order, :meth:`setCodes` ticks them, ``codesChanged`` follows
every tick. Codes outside the table are kept (and given back) so a record is never silently changed.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from fupin_desktop.domain.codes import CodeTable


class CodeChecks(QWidget):
    codesChanged = Signal(tuple)

    def __init__(self, parent=None, table: CodeTable | None = None, *, columns: int = 5):
        super().__init__(parent)
        self.columns = columns
        self.table: CodeTable | None = None
        self.boxes: dict[str, QCheckBox] = {}
        self._unknown: tuple[str, ...] = ()
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(14)
        self._grid.setVerticalSpacing(4)
        if table is not None:
            self.set_table(table)

    def set_table(self, table: CodeTable) -> None:
        keep = self.codes()
        for box in self.boxes.values():
            self._grid.removeWidget(box)
            box.deleteLater()
        self.table = table
        self.boxes = {}
        for index, code in enumerate(table.codes()):
            box = QCheckBox(table.label(code), self)
            box.setObjectName(f"{self.objectName() or 'code'}_{code}")
            box.toggled.connect(self._toggled)
            self._grid.addWidget(box, index // self.columns, index % self.columns)
            self.boxes[code] = box
        first = next(iter(self.boxes.values()), None)
        self.setFocusProxy(first)
        self.setCodes(keep)

    def codes(self) -> tuple[str, ...]:
        ticked = tuple(code for code, box in self.boxes.items() if box.isChecked())
        return ticked + self._unknown

    def setCodes(self, codes) -> None:  # noqa: N802 (Qt-style name, like CodeCombo.setCode)
        wanted = tuple(codes or ())
        before = self.codes()
        self._unknown = tuple(c for c in wanted if c not in self.boxes)
        for code, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(code in wanted)
            box.blockSignals(False)
        if self.codes() != before:
            self.codesChanged.emit(self.codes())

    def _toggled(self, _checked: bool) -> None:
        self.codesChanged.emit(self.codes())
