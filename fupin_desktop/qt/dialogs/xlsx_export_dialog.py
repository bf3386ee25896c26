"""导出Excel: households, members, the daily book or the problems as .xlsx or .csv, of the list or of everything.

The export runs on the database thread with a progress dialog that can be cancelled. The file is written
under a temporary name and renamed into place only when it is complete (``spreadsheets.sheets``): a failure
or a cancel leaves nothing behind, and the reason is shown in Chinese. The dialog says where the file went.
"""

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QButtonGroup, QDialog, QFileDialog, QMessageBox

from fupin_desktop.i18n.translate import N_, _
from fupin_desktop.qt.forms.ui_xlsx_export_dialog import Ui_XlsxExportDialog
from fupin_desktop.qt.pages import AppServices
from fupin_desktop.qt.progress import ProgressJob
from fupin_desktop.qt.widgets.styles import label_style

WHATS = ("households", "members", "ledger", "problems")
WHAT_TITLES = {"households": N_("贫困户"), "members": N_("家庭成员"), "ledger": N_("收支台账"), "problems": N_("问题数据")}
SUFFIXES = (".xlsx", ".csv")


# --- database thread --------------------------------------------------------------------------------------

def count_listed(ctx, household_filter) -> int:
    from fupin_desktop.services.queries import count_households

    return count_households(ctx, household_filter)


def run_export(ctx, path: str, what: str, village_id: str, household_filter, *, progress=None):
    from fupin_desktop.spreadsheets.export import export_table

    return export_table(ctx, path, what, village_id=village_id, household_filter=household_filter,
                        progress=progress)


def _is_narrowed(household_filter) -> bool:
    """The filter leaves some households out (an empty filter lists them all)."""
    from fupin_desktop.services.queries import HouseholdFilter

    return household_filter is not None and household_filter != HouseholdFilter()


# --- the dialog -------------------------------------------------------------------------------------------

class XlsxExportDialog(QDialog):
    """``XlsxExportDialog(services, parent, household_filter=…)``: the filter is the households list's own
    (``HouseholdsPageView.current_filter()``); without it only 全部户 can be chosen."""

    def __init__(self, services: AppServices, parent=None, *, household_filter=None, folder: Path | None = None):
        super().__init__(parent)
        self.services = services
        self.household_filter = household_filter
        self.ui = ui = Ui_XlsxExportDialog()
        ui.setupUi(self)
        self.folder = Path(folder) if folder else _default_folder()
        self.exported = None  # the ExportResult of the last export (not ``result``: QDialog.result())
        self.error = ""
        self.job = None
        self._chosen = False  # the person picked the file: switching what keeps the name
        self.what_buttons = QButtonGroup(self)
        for index, radio in enumerate((ui.householdsRadio, ui.membersRadio, ui.ledgerRadio, ui.problemsRadio)):
            self.what_buttons.addButton(radio, index)
        self.format_buttons = QButtonGroup(self)
        self.format_buttons.addButton(ui.xlsxRadio, 0)
        self.format_buttons.addButton(ui.csvRadio, 1)
        ui.scopeLabel.setStyleSheet(label_style("hint"))
        ui.openFolderButton.hide()
        narrowed = _is_narrowed(household_filter)
        ui.filteredRadio.setEnabled(narrowed)
        (ui.filteredRadio if narrowed else ui.allRadio).setChecked(True)
        if narrowed:
            ui.scopeLabel.setText(_("正在统计…"))
            services.ops.run(count_listed, household_filter, on_done=self._counted,
                             on_error=lambda _error: ui.scopeLabel.clear())
        else:
            ui.scopeLabel.setText(_("户档列表没有筛选，导出全部户。"))
        self.what_buttons.idToggled.connect(lambda _id, on: on and self._suggest_name())
        self.format_buttons.idToggled.connect(lambda _id, on: on and self._suggest_name())
        ui.pathEdit.textEdited.connect(self._typed)
        ui.browseButton.clicked.connect(self.browse)
        ui.exportButton.clicked.connect(self.export)
        ui.closeButton.clicked.connect(self.reject)
        ui.openFolderButton.clicked.connect(self.open_folder)
        self._suggest_name()
        ui.householdsRadio.setFocus()

    # choices ---------------------------------------------------------------------------------------------
    @property
    def what(self) -> str:
        return WHATS[max(0, self.what_buttons.checkedId())]

    @property
    def suffix(self) -> str:
        return SUFFIXES[max(0, self.format_buttons.checkedId())]

    @property
    def filtered(self) -> bool:
        return self.ui.filteredRadio.isEnabled() and self.ui.filteredRadio.isChecked()

    def path(self) -> Path | None:
        text = self.ui.pathEdit.text().strip()
        return Path(text).expanduser() if text else None

    def set_path(self, path: str | Path) -> None:
        """Choose the file (what the file dialog does; tests call it directly)."""
        path = Path(path)
        if path.suffix.lower() in SUFFIXES:
            self.format_buttons.button(SUFFIXES.index(path.suffix.lower())).setChecked(True)
        self._chosen = True
        self.ui.pathEdit.setText(str(path.with_suffix(self.suffix)))

    def _typed(self, _text: str) -> None:
        self._chosen = True

    def _suggest_name(self) -> None:
        current = self.path()
        if self._chosen and current is not None:
            self.ui.pathEdit.setText(str(current.with_suffix(self.suffix)))
            return
        folder = current.parent if current is not None else self.folder
        name = _("{what}_{day}").format(what=_(WHAT_TITLES[self.what]), day=self.services.clock.today().strftime("%Y%m%d"))
        self.ui.pathEdit.setText(str(folder / f"{name}{self.suffix}"))

    def _counted(self, count: int) -> None:
        self.ui.scopeLabel.setText(_("当前列表共 {n} 户。").format(n=count))

    def browse(self) -> None:
        current = self.path() or self.folder
        patterns = _("Excel 表格 (*.xlsx)") if self.suffix == ".xlsx" else _("CSV 文本 (*.csv)")
        chosen, _filter = QFileDialog.getSaveFileName(self, _("导出到"), str(current), patterns)
        if chosen:
            self.set_path(chosen if Path(chosen).suffix.lower() in SUFFIXES else chosen + self.suffix)

    # exporting -------------------------------------------------------------------------------------------
    def export(self) -> None:
        path = self.path()
        if path is None:
            self._say(_("请先选择保存位置。"), error=True)
            return
        path = path.with_suffix(self.suffix)
        self.ui.pathEdit.setText(str(path))
        if path.exists() and not self._confirm_replace(path):
            return
        self.exported, self.error = None, ""
        self.ui.openFolderButton.hide()
        self.ui.exportButton.setEnabled(False)
        self._say(_("正在导出…"))
        what_title = _(WHAT_TITLES[self.what])
        self.job = ProgressJob(self.services.ops, self, _("导出{what}").format(what=what_title), run_export,
                               str(path), self.what, self.services.village_id,
                               self.household_filter if self.filtered else None,
                               on_done=self._exported, on_error=self._failed, on_cancel=self._cancelled)

    def _confirm_replace(self, path: Path) -> bool:
        answer = QMessageBox.question(self, _("文件已存在"), _("{name} 已经存在，要替换它吗？").format(name=path.name),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _exported(self, result) -> None:
        self.exported = result
        self.ui.exportButton.setEnabled(True)
        text = _("已导出{what} {rows} 行，文件保存在：\n{path}").format(
            what=_(WHAT_TITLES[result.what]), rows=result.rows, path=result.path)
        self._say(text, level="ok")
        self.ui.openFolderButton.show()
        self.services.notify(text.replace("\n", ""))

    def _failed(self, error) -> None:
        self.error = str(error)
        self.ui.exportButton.setEnabled(True)
        self._say(_("导出失败：{reason}").format(reason=error), error=True)

    def _cancelled(self) -> None:
        self.ui.exportButton.setEnabled(True)
        self._say(_("已取消导出，没有留下文件。"))

    def _say(self, text: str, *, error: bool = False, level: str = "hint") -> None:
        self.ui.statusLabel.setStyleSheet(label_style("error" if error else level))
        self.ui.statusLabel.setText(text)

    def open_folder(self) -> None:
        if self.exported is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.exported.path).parent)))


def _default_folder() -> Path:
    from PySide6.QtCore import QStandardPaths

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()
