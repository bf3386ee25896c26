"""附件 area of one record (a visit or an exit step): its files with name and size, 添加附件… · 打开 · 删除.

Everything goes through the services on the database thread: adding and removing through the editor's
runner (which reloads the editor, so the list comes back with the editor's data), opening through a plain
read that returns the path of a read-only copy, handed to the system's viewer.
"""

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from fupin_desktop.i18n.translate import _
from fupin_desktop.services.attachments import add_attachment, open_copy, remove_attachment

FILE_FILTER = "*.jpg *.jpeg *.png *.pdf *.JPG *.JPEG *.PNG *.PDF"


class AttachmentList(QGroupBox):
    message = Signal(str)  # a refusal or failure, for the editor's status line

    def __init__(self, owner_table: str, runner, reader, parent=None):
        """``runner(fn, *args, done=…)``: a mutation through the editor; ``reader(fn, *args, on_done=…,
        on_error=…)``: a read on the database thread (``Ops.run``)."""
        super().__init__(_("附件"), parent)
        self.setObjectName(f"attachments_{owner_table}")
        self.owner_table = owner_table
        self.owner_id: str | None = None
        self.items: list = []
        self._run = runner
        self._read = reader
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("attachments_table")
        self.table.setHorizontalHeaderLabels([_("文件名"), _("大小")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(64)  # the editor must still fit a 1366×768 screen
        self.table.setMaximumHeight(140)
        self.add_button = QPushButton(_("添加附件…"), self)
        self.open_button = QPushButton(_("打开"), self)
        self.remove_button = QPushButton(_("删除"), self)
        for button in (self.add_button, self.open_button, self.remove_button):
            button.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.open_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self.add_button.clicked.connect(self.add)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.set_owner(None, [], "")

    # --- showing -------------------------------------------------------------------------------------------
    def set_owner(self, owner_id: str | None, items: list, title: str) -> None:
        """Show the attachments of one record (``owner_id`` None: none chosen, nothing can be added)."""
        selected = self.selected()
        self.owner_id = owner_id
        self.items = list(items)
        if owner_id is None:
            self.hint.setText(_("在上面的表格里选中一条记录，就能查看和添加它的附件（照片或 PDF，每个不超过 10 MB）。"))
        else:
            self.hint.setText(_("{record}的附件（JPG、PNG 照片或 PDF，每个不超过 10 MB）：").format(record=title))
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            self.table.setItem(row, 0, QTableWidgetItem(item.file_name))
            size = QTableWidgetItem(item.size_text)
            self.table.setItem(row, 1, size)
        keep = next((row for row, item in enumerate(self.items) if selected and item.id == selected.id), None)
        if keep is not None:
            self.table.selectRow(keep)
        self._update_buttons()

    def selected(self):
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        row = min(rows) if rows else -1
        return self.items[row] if 0 <= row < len(self.items) else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.add_button.setEnabled(self.owner_id is not None)
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # --- actions -------------------------------------------------------------------------------------------
    def add(self) -> None:
        if self.owner_id is None:
            return
        path, _chosen = QFileDialog.getOpenFileName(
            self, _("添加附件"), "", _("照片或 PDF 文件") + f" ({FILE_FILTER})"
        )
        if path:
            self._run(add_attachment, self.owner_table, self.owner_id, path)

    def open_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        self._read(open_copy, item.id, on_done=self._show_copy, on_error=lambda exc: self.message.emit(str(exc)))

    def _show_copy(self, path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.message.emit(_("没有找到能打开这个文件的程序；文件副本在：{path}").format(path=path))

    def remove_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            _("删除附件"),
            _("删除“{name}”的原因（会记入变更记录）：").format(name=item.file_name),
            QLineEdit.EchoMode.Normal,
            "",
        )
        if not ok:
            return
        if not reason.strip():
            self.message.emit(_("请填写删除附件的原因。"))
            return
        self._run(remove_attachment, item.id, reason.strip())
