"""打印本户: the household documents (扶贫手册, 验收表, 收支记录卡, 明白卡) of the households given, with preview,
printer and PDF; opened from the household editor."""

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from fupin_desktop.i18n.translate import _
from fupin_desktop.qt.widgets.print_panel import PER_HOUSEHOLD, PrintPanel


class PrintDialog(QDialog):
    def __init__(self, services, household_ids: Sequence[str], parent=None, *, document: str = "packet"):
        super().__init__(parent)
        self.household_ids = list(household_ids)
        self.setWindowTitle(_("打印本户") if len(self.household_ids) == 1 else
                            _("打印 {n} 户").format(n=len(self.household_ids)))
        self.resize(900, 760)
        layout = QVBoxLayout(self)
        self.panel = PrintPanel(services, lambda: list(self.household_ids), documents=PER_HOUSEHOLD, parent=self)
        self.panel.select_document(document)
        layout.addWidget(self.panel, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
