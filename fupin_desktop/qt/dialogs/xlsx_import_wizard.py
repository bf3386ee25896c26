"""表格导入向导: pick a file and sheet → confirm which column is which → preview every problem → import.

Everything that reads the file or the database runs on the database thread (``services.ops``); the preview
and the import show a progress dialog that can be cancelled. Nothing is written before the person presses
导入 on the preview page; the import is one transaction and ``ops.changed`` refreshes every view.
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from fupin_desktop.i18n.translate import N_, _
from fupin_desktop.qt.pages import AppServices
from fupin_desktop.qt.progress import ProgressJob

FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE, IMPORT_PAGE = range(4)
ERROR_STYLE = "color: #c62828;"
LEVEL_COLOURS = {"error": "#c62828", "warning": "#ef6c00", "info": "#546e7a"}
SAMPLE_VALUES = 3


# --- database thread --------------------------------------------------------------------------------------

def inspect_file(_ctx, path: str, sheet: str | None):
    from fupin_desktop.spreadsheets.plan import inspect_sheet

    return inspect_sheet(path, sheet)


def make_plan(ctx, path: str, sheet: str, mapping, village_id: str, *, progress=None):
    from fupin_desktop.spreadsheets.plan import build_plan

    return build_plan(ctx, path, sheet=sheet, mapping=mapping, village_id=village_id, progress=progress)


def run_import(ctx, plan, *, progress=None):
    from fupin_desktop.spreadsheets.apply import apply_plan

    result = apply_plan(ctx, plan, progress=progress)
    return result, result.changes


def _field_choices():
    from fupin_desktop.spreadsheets.fields import HOUSEHOLD_FIELDS, MEMBER_FIELDS

    return ([("", _("（不导入）"))] + [(s.key, _("户·") + s.title) for s in HOUSEHOLD_FIELDS]
            + [(s.key, _("人·") + s.title) for s in MEMBER_FIELDS])


# --- pages ------------------------------------------------------------------------------------------------

class FilePage(QWizardPage):
    def __init__(self, wizard: "XlsxImportWizard"):
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(_("选择表格文件"))
        self.setSubTitle(_("支持 .xlsx 和 .csv。旧版 .xls 请先在 Excel 或 WPS 中另存为 .xlsx。"))
        self.path = QLineEdit(self)
        self.path.setReadOnly(True)
        browse = QPushButton(_("选择文件(&B)…"), self)
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.sheet = QComboBox(self)
        self.sheet.activated.connect(lambda _index: self.load(self.path.text(), self.sheet.currentText()))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(_("文件(&F)："), row)
        form.addRow(_("工作表(&S)："), self.sheet)
        form.addRow(self.status)
        self.preview = None
        self._token = None

    def browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, _("选择要导入的表格"), str(self.wiz.start_dir),
                                                      _("表格文件 (*.xlsx *.xlsm *.csv);;所有文件 (*)"))
        if chosen:
            self.load(chosen, None)

    def load(self, path: str, sheet: str | None) -> None:
        self.path.setText(path)
        self.preview = None
        self.status.setStyleSheet("")
        self.status.setText(_("正在读取…"))
        self.completeChanged.emit()
        token = self._token = object()  # only the answer to the latest request counts
        self.wiz.services.ops.run(inspect_file, path, sheet,
                                  on_done=lambda found: self._loaded(found) if self._token is token else None,
                                  on_error=lambda error: self._failed(error) if self._token is token else None)

    def _loaded(self, preview) -> None:
        self.preview = preview
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(preview.sheets)
        self.sheet.setCurrentText(preview.sheet)
        self.sheet.blockSignals(False)
        known = sum(1 for c in preview.layout.columns if c.recognised)
        self.status.setText(_("表头在第{rows}行，共{count}列，自动识别了{known}列。").format(
            rows="、".join(map(str, preview.layout.rows)), count=len(preview.layout.columns), known=known))
        self.completeChanged.emit()

    def _failed(self, error) -> None:
        self.preview = None
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(str(error))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return self.preview is not None


class MappingPage(QWizardPage):
    COLUMNS = (N_("列"), N_("表头"), N_("示例"), N_("导入为"))

    def __init__(self, wizard: "XlsxImportWizard"):
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(_("核对各列的内容"))
        self.setSubTitle(_("已按表头自动识别；识别不了或不对的列，请在“导入为”里选择。"))
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels([_(title) for title in self.COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        load = QPushButton(_("载入对应关系(&L)…"), self)
        save = QPushButton(_("保存对应关系(&S)…"), self)
        load.clicked.connect(self.load_mapping)
        save.clicked.connect(self.save_mapping)
        buttons = QHBoxLayout()
        buttons.addWidget(load)
        buttons.addWidget(save)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        from fupin_desktop.spreadsheets.headers import ColumnMapping

        preview = self.wiz.file_page.preview
        self.show_mapping(ColumnMapping.from_layout(preview.layout))

    def show_mapping(self, mapping) -> None:
        preview = self.wiz.file_page.preview
        choices = _field_choices()
        self.table.setRowCount(len(preview.layout.columns))
        self.combos = []
        for row, column in enumerate(preview.layout.columns):
            cells = [values[column.index] for _n, values in preview.sample if column.index < len(values)]
            samples = [str(value) for value in cells if value not in (None, "")][:SAMPLE_VALUES]
            for col, text in enumerate((column.letter, column.header, "；".join(samples))):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, col, item)
            combo = QComboBox(self.table)
            for key, title in choices:
                combo.addItem(title, key)
            combo.setCurrentIndex(max(0, combo.findData(mapping.key(column.index))))
            combo.currentIndexChanged.connect(lambda _i: self.message.clear())
            self.table.setCellWidget(row, 3, combo)
            self.combos.append(combo)
        self.table.resizeColumnsToContents()

    def mapping(self):
        from fupin_desktop.spreadsheets.headers import ColumnMapping

        columns = self.wiz.file_page.preview.layout.columns
        pairs = zip(columns, self.combos, strict=True)
        return ColumnMapping({c.index: combo.currentData() for c, combo in pairs if combo.currentData()})

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        from fupin_desktop.services.errors import ValidationError

        try:
            self.mapping().validate()
        except ValidationError as exc:
            self.message.setText(str(exc))
            return False
        return True

    def load_mapping(self) -> None:
        from fupin_desktop.services.errors import ValidationError
        from fupin_desktop.spreadsheets.headers import ColumnMapping

        chosen, _filter = QFileDialog.getOpenFileName(self, _("载入列对应关系"), str(self.wiz.start_dir),
                                                      _("列对应关系 (*.json)"))
        if chosen:
            try:
                self.show_mapping(ColumnMapping.load(chosen, self.wiz.file_page.preview.layout))
            except ValidationError as exc:
                self.message.setText(str(exc))

    def save_mapping(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(self, _("保存列对应关系"), str(self.wiz.start_dir),
                                                      _("列对应关系 (*.json)"))
        if chosen:
            self.mapping().save(chosen, self.wiz.file_page.preview.layout)


class PreviewPage(QWizardPage):
    COLUMNS = (N_("级别"), N_("行"), N_("列"), N_("说明"))

    def __init__(self, wizard: "XlsxImportWizard"):
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(_("导入前预览"))
        self.setSubTitle(_("请核对下列问题。有错误的户不会导入；改好表格后可以再次导入，已导入的户只会更新。"))
        self.summary = QPlainTextEdit(self)
        self.summary.setReadOnly(True)
        self.summary.setMaximumHeight(150)
        self.level = QComboBox(self)
        for key, title in (("", _("全部问题")), ("error", _("错误")), ("warning", _("提醒")), ("info", _("说明"))):
            self.level.addItem(title, key)
        self.level.currentIndexChanged.connect(self.show_problems)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels([_(title) for title in self.COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.level)
        layout.addWidget(self.table, 1)
        self.plan = None
        self.job = None
        self._token = None

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        self.plan = None
        self.summary.setPlainText(_("正在检查…"))
        self.table.setRowCount(0)
        file_page = self.wiz.file_page
        token = self._token = object()  # going back and forth: only the latest check counts

        def latest(handler):
            return lambda *args: handler(*args) if self._token is token else None

        self.job = ProgressJob(self.wiz.services.ops, self, _("检查表格"), make_plan, file_page.path.text(),
                               file_page.preview.sheet, self.wiz.mapping_page.mapping(),
                               self.wiz.services.village_id, on_done=latest(self._planned),
                               on_error=latest(self._failed), on_cancel=latest(self._cancelled))

    def _planned(self, plan) -> None:
        self.plan = plan
        self.summary.setPlainText("\n".join(plan.summary_lines()))
        self.show_problems()
        self.wiz.setButtonText(QWizard.WizardButton.NextButton, _("导入(&I)"))
        self.completeChanged.emit()

    def _failed(self, error) -> None:
        self.summary.setPlainText(str(error))

    def _cancelled(self) -> None:
        self.summary.setPlainText(_("已取消检查。"))

    def show_problems(self) -> None:
        if self.plan is None:
            return
        wanted = self.level.currentData()
        problems = [p for p in self.plan.problems if not wanted or p.level == wanted]
        self.table.setRowCount(len(problems))
        for row, problem in enumerate(problems):
            row_text = str(problem.row) if problem.row else ""
            values = (problem.level_title, row_text, problem.column, problem.message)
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setForeground(QColor(LEVEL_COLOURS.get(problem.level, "#000000")))
                self.table.setItem(row, col, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.resizeColumnToContents(2)

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return self.plan is not None and self.plan.importable

    def cleanupPage(self) -> None:  # noqa: N802 (Qt's name)
        self.wiz.setButtonText(QWizard.WizardButton.NextButton, self.wiz.next_text)


class ImportPage(QWizardPage):
    def __init__(self, wizard: "XlsxImportWizard"):
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(_("导入"))
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)
        self.result = None
        self.finished = False
        self.job = None

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        self.result, self.finished = None, False
        self.text.setText(_("正在导入…"))
        self.wiz.button(QWizard.WizardButton.CancelButton).setEnabled(False)  # cancel in the progress dialog
        self.job = ProgressJob(self.wiz.services.ops, self, _("导入表格"), run_import, self.wiz.preview_page.plan,
                               on_done=self._imported, on_error=self._failed, on_cancel=self._cancelled)

    def _imported(self, answer) -> None:
        self.result = answer[0]
        lines = [self.result.summary()]
        if self.result.backup:
            lines.append(_("导入前已备份：{name}").format(name=Path(self.result.backup).name))
        self.wiz.services.notify(self.result.summary())
        self._finish("\n".join(lines))

    def _failed(self, error) -> None:
        self._finish(_("导入失败，没有写入任何数据：{reason}").format(reason=error), error=True)

    def _cancelled(self) -> None:
        self._finish(_("已取消导入，没有写入任何数据。"))

    def _finish(self, text: str, *, error: bool = False) -> None:
        self.finished = True
        self.text.setStyleSheet(ERROR_STYLE if error else "")
        self.text.setText(text)
        self.wiz.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return self.finished


class XlsxImportWizard(QWizard):
    """``XlsxImportWizard(services, parent, path=...)``; ``path`` opens a file without the file dialog."""

    def __init__(self, services: AppServices, parent=None, *, path: str | Path | None = None):
        super().__init__(parent)
        self.services = services
        self.start_dir = Path(path).parent if path else (services.data_dir or Path.home())
        self.setWindowTitle(_("从表格导入贫困户"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.next_text = _("下一步(&N) >")
        self.setButtonText(QWizard.WizardButton.NextButton, self.next_text)
        self.setButtonText(QWizard.WizardButton.BackButton, _("< 上一步(&B)"))
        self.setButtonText(QWizard.WizardButton.FinishButton, _("完成(&F)"))
        self.setButtonText(QWizard.WizardButton.CancelButton, _("取消"))
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.import_page = ImportPage(self)
        pages = (self.file_page, self.mapping_page, self.preview_page, self.import_page)
        for page_id, page in enumerate(pages):
            self.setPage(page_id, page)
        self.resize(900, 620)
        if path:
            self.file_page.load(str(path), None)
