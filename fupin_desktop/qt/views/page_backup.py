"""备份与恢复: the list of backups, back up now, back up to a folder (a USB stick), restore with a confirmation
that says what will be replaced and lost, check the data file. The page also runs the automatic backup:
every few minutes it asks the database thread whether one is due (one per 30 minutes of work).

Restoring runs ``services.backup.restore_in_place`` on the database thread: it closes, swaps and reopens the
context there, and returns a ``Changes`` naming every table, so every view refreshes by itself.
"""

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fupin_desktop.i18n.translate import N_, _
from fupin_desktop.qt.pages import AppServices, PageSpec
from fupin_desktop.qt.progress import ProgressJob

AUTO_CHECK_MS = 5 * 60 * 1000  # ask every five minutes; the service decides (30 minutes of work)
COLUMNS = (N_("时间"), N_("原因"), N_("大小"), N_("加密"), N_("文件名"))


def list_rows(ctx):
    from fupin_desktop.services.backup import backup_rows

    return backup_rows(ctx)


def back_up_now(ctx, *, progress=None):
    from fupin_desktop.services.backup import back_up_now as run

    return run(ctx, progress=progress)


def back_up_to_folder(ctx, folder: str, passphrase: str | None, *, progress=None):
    from fupin_desktop.services.backup import back_up_to_folder as run

    return run(ctx, folder, passphrase=passphrase, progress=progress)


def plan_restore(ctx, path: str, passphrase: str | None):
    from fupin_desktop.services.backup import restore_plan

    return restore_plan(ctx, path, passphrase=passphrase)


def restore(ctx, path: str, passphrase: str | None):
    from fupin_desktop.services.backup import restore_in_place

    return restore_in_place(ctx, path, passphrase=passphrase)


def check(ctx):
    from fupin_desktop.services.backup import check_database

    return check_database(ctx.data_dir)


def periodic(ctx):
    from fupin_desktop.services.backup import maybe_periodic_backup

    return maybe_periodic_backup(ctx)


class BackupPageView(QWidget):
    def __init__(self, services: AppServices, parent=None):
        super().__init__(parent)
        self.services = services
        self.rows = []
        self.last_message = ""
        self._build()
        self.auto_timer = QTimer(self, interval=AUTO_CHECK_MS)
        self.auto_timer.timeout.connect(self.auto_backup)
        self.auto_timer.start()
        self.refresh()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        header = QHBoxLayout()
        title = QLabel(_("备份与恢复"), self)
        title.setProperty("role", "title")
        header.addWidget(title)
        header.addStretch(1)
        layout.addLayout(header)
        self.explain_label = QLabel(_("有修改时每30分钟自动备份一次，备份放在数据文件夹的 backups 里，按“当天全留、"
                                      "一周每天一份、一月每周一份、更早每月一份”保留。请经常备份到U盘，另外保存。"), self)
        self.explain_label.setWordWrap(True)
        layout.addWidget(self.explain_label)
        buttons = QHBoxLayout()
        self.now_button = QPushButton(_("立即备份"), self)
        self.folder_button = QPushButton(_("备份到U盘或文件夹…"), self)
        self.restore_button = QPushButton(_("从所选备份恢复…"), self)
        self.check_button = QPushButton(_("检查数据文件"), self)
        self.open_button = QPushButton(_("打开备份文件夹"), self)
        for button in (self.now_button, self.folder_button, self.restore_button, self.check_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout.addLayout(buttons)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.status_label = QLabel("", self)
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.now_button.clicked.connect(self.back_up_now)
        self.folder_button.clicked.connect(self.back_up_to_folder)
        self.restore_button.clicked.connect(self.restore_selected)
        self.check_button.clicked.connect(self.check)
        self.open_button.clicked.connect(self.open_folder)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self._selection_changed()

    # list ------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.services.ops.run(list_rows, on_done=self.show_rows, on_error=self._failed)

    def show_rows(self, rows) -> None:
        self.rows = list(rows)
        self.table.setRowCount(len(self.rows))
        for n, row in enumerate(self.rows):
            values = (row.when, row.reason, row.size, _("是") if row.encrypted else "", row.info.name)
            for column, value in enumerate(values):
                self.table.setItem(n, column, QTableWidgetItem(value))
        if not self.rows:
            self.status_label.setText(_("还没有备份。点“立即备份”做第一份。"))
        self._selection_changed()

    def selected_row(self):
        index = self.table.currentRow()
        if not self.table.selectedItems() or not 0 <= index < len(self.rows):
            return None
        return self.rows[index]

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected_row() is not None)

    def _say(self, text: str) -> None:
        self.last_message = text
        self.status_label.setText(text)
        self.services.notify(text)

    def _failed(self, error) -> None:
        self._say(str(error))
        QMessageBox.warning(self, _("备份与恢复"), str(error))

    # actions -----------------------------------------------------------------------------------------
    def back_up_now(self) -> None:
        self._say(_("正在备份…"))
        self.job = ProgressJob(self.services.ops, self, _("立即备份"), back_up_now, on_done=self._backed_up,
                               on_error=self._failed, label=_("正在复制并检查数据文件…"))

    def _backed_up(self, outcome) -> None:
        self._say(outcome.message)
        self.refresh()

    def ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self, _("选择备份到哪个文件夹（如U盘）"))

    def ask_passphrase(self, title: str, label: str) -> tuple[str, bool]:
        return QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Password)

    def back_up_to_folder(self) -> None:
        folder = self.ask_folder()
        if not folder:
            return
        passphrase, ok = self.ask_passphrase(_("加密备份"), _("设置一个口令加密这份备份（留空则不加密）："))
        if not ok:
            return
        if passphrase:
            again, ok = self.ask_passphrase(_("加密备份"), _("请再输入一次口令（忘记口令就无法恢复）："))
            if not ok:
                return
            if again != passphrase:
                self._failed(_("两次输入的口令不一样，没有备份。请重新操作。"))
                return
        self._say(_("正在备份到 {folder}…").format(folder=folder))
        self.job = ProgressJob(self.services.ops, self, _("备份到文件夹"), back_up_to_folder, folder,
                               passphrase or None, on_done=self._backed_up, on_error=self._failed)

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, _("从备份恢复"), text, QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        passphrase = None
        if row.encrypted:
            passphrase, ok = self.ask_passphrase(_("从备份恢复"), _("这个备份是加密的，请输入口令："))
            if not ok:
                return
        path = str(row.info.path)
        self.services.ops.run(plan_restore, path, passphrase,
                              on_done=lambda plan: self._confirm_restore(plan, path, passphrase),
                              on_error=self._failed)

    def _confirm_restore(self, plan, path: str, passphrase) -> None:
        if not self.confirm(plan.message + "\n\n" + _("确定要恢复吗？")):
            self._say(_("已取消恢复，数据没有改动。"))
            return
        self._say(_("正在恢复…"))
        self.services.ops.run(restore, path, passphrase, on_done=self._restored, on_error=self._failed)

    def _restored(self, result) -> None:
        restored, _changes = result
        aside = _("原来的数据文件在 {folder}。").format(folder=restored.moved_aside_to) \
            if restored.moved_aside_to else ""
        self._say(_("已从备份恢复：{name}。").format(name=restored.restored_from.name) + aside)
        self.refresh()

    def check(self) -> None:
        self._say(_("正在检查数据文件…"))
        self.services.ops.run(check, on_done=self._checked, on_error=self._failed)

    def _checked(self, report) -> None:
        lines = [report.message]
        for info, problems in report.backups:
            verdict = _("检查通过") if not problems else "；".join(problems[:3])
            lines.append(_("最新备份 {name}：{verdict}").format(name=info.name, verdict=verdict))
        self._say("\n".join(lines))

    def auto_backup(self) -> None:
        self.services.ops.run(periodic, on_done=self._auto_done, on_error=lambda error: self._say(str(error)))

    def _auto_done(self, info) -> None:
        if info is not None:
            self._say(_("已自动备份：{name}").format(name=info.name))
            self.refresh()

    def open_folder(self) -> None:
        if self.services.data_dir is not None:
            folder = self.services.data_dir / "backups"
            folder.mkdir(parents=True, exist_ok=True)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


PAGE = PageSpec(order=80, key="backup", title=N_("备份与恢复"), factory=BackupPageView)
