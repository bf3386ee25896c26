"""The print centre's working part, shared by the 打印 page and the "print this household" dialog.

Choose the document, the year (and month for the ledger card, 公示 or 公告 for the notice, masked or full ID
numbers for the roster), then preview, print or save. Which households is asked of the owner through
``households()`` (ids, a ``HouseholdFilter`` or None for all). Every job runs on the database thread
(``ProgressJob``: a progress dialog with 取消); the preview and the printer get page images of the very PDF
that a save writes (``widgets.print_preview``).
"""

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fupin_desktop.domain.income import accounting_year_of
from fupin_desktop.i18n.translate import N_, _
from fupin_desktop.qt.progress import ProgressJob
from fupin_desktop.qt.widgets.print_preview import (
    PREVIEW_PAGES,
    PrintPreview,
    page_count,
    page_images,
    print_pdf,
)

DOCUMENTS = (
    ("packet", N_("扶贫手册（一户一档）")),
    ("signoff", N_("脱贫验收表")),
    ("card", N_("收支记录卡（按月）")),
    ("mingbai", N_("明白卡")),
    ("roster", N_("花名册")),
    ("notice", N_("公示/公告名单")),
    ("dashboard", N_("作战图")),
)
PER_HOUSEHOLD = ("packet", "signoff", "card", "mingbai")
FIRST_YEAR = 2014


@dataclass(frozen=True)
class PrintRequest:
    doc: str
    households: object  # Sequence[str] | HouseholdFilter | None
    year: int | None = None
    month: int | None = None
    mask_ids: bool = True
    kind: str = "公示"

    def options(self) -> dict:
        return {"year": self.year, "month": self.month, "mask_ids": self.mask_ids, "kind": self.kind}


# -- database thread ---------------------------------------------------------------------------------------

def preview_job(ctx, request: PrintRequest, *, progress=None):
    """(page images, warnings, households, pages of the preview PDF)."""
    from fupin_desktop.reports.print_jobs import preview_pdf

    data, warnings, count = preview_pdf(ctx, request.doc, request.households, progress=progress,
                                        **request.options())
    return page_images(data, count=PREVIEW_PAGES), warnings, count, page_count(data)


def save_job(ctx, request: PrintRequest, out: str, one_file: bool, *, progress=None):
    from fupin_desktop.reports.print_jobs import print_documents

    return print_documents(ctx, request.doc, request.households, out, one_file=one_file, progress=progress,
                           **request.options())


def printer_job(ctx, request: PrintRequest, printer, *, progress=None):
    """Print to a temporary PDF, then send its pages to ``printer`` as images; returns the pages printed."""
    from fupin_desktop.reports.print_jobs import print_documents

    with tempfile.TemporaryDirectory(prefix="fupin-print-") as folder:
        path = Path(folder) / "print.pdf"
        print_documents(ctx, request.doc, request.households, path, one_file=True, progress=progress,
                        **request.options())
        return print_pdf(printer, str(path), progress=progress)


# -- GUI thread --------------------------------------------------------------------------------------------

class PrintPanel(QWidget):
    """Options, buttons and preview. ``households()`` says what to print; ``message`` reports outcomes."""

    message = Signal(str)

    def __init__(self, services, households: Callable[[], object], *, documents: Sequence[str] | None = None,
                 parent=None):
        super().__init__(parent)
        self.services = services
        self.households = households
        self.job = None
        self.last_message = ""
        self.last_result = None
        self._build([key for key, _title in DOCUMENTS if documents is None or key in documents])
        self._document_changed()

    def _build(self, keys: list[str]) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = self.form = QFormLayout()
        self.document_combo = QComboBox(self)
        titles = dict(DOCUMENTS)
        for key in keys:
            self.document_combo.addItem(_(titles[key]), key)
        form.addRow(_("文书(&D)："), self.document_combo)
        today = self.services.clock.today()
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(FIRST_YEAR, today.year + 2)
        self.year_spin.setValue(accounting_year_of(today, self.services.settings))
        self.year_spin.setSuffix(_(" 年"))
        self.month_spin = QSpinBox(self)
        self.month_spin.setRange(1, 12)
        self.month_spin.setValue(today.month)
        self.month_spin.setSuffix(_(" 月"))
        when = QHBoxLayout()
        when.addWidget(self.year_spin)
        when.addWidget(self.month_spin)
        when.addStretch(1)
        form.addRow(_("年度(&Y)："), when)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(_("村内公示（村委会）"), "公示")
        self.kind_combo.addItem(_("乡镇公告"), "公告")
        form.addRow(_("名单种类："), self.kind_combo)
        self.mask_check = QCheckBox(_("隐去身份证号中间部分，不印电话（张贴、外送用）"), self)
        self.mask_check.setChecked(True)
        form.addRow(_("个人信息："), self.mask_check)
        self.one_file_radio = QRadioButton(_("合成一个PDF文件"), self)
        self.per_household_radio = QRadioButton(_("每户一个PDF（存到文件夹）"), self)
        self.one_file_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.one_file_radio)
        group.addButton(self.per_household_radio)
        output = QHBoxLayout()
        output.addWidget(self.one_file_radio)
        output.addWidget(self.per_household_radio)
        output.addStretch(1)
        form.addRow(_("保存方式："), output)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.preview_button = QPushButton(_("预览(&V)"), self)
        self.print_button = QPushButton(_("打印(&P)…"), self)
        self.print_button.setProperty("role", "primary")
        self.save_button = QPushButton(_("保存为PDF(&S)…"), self)
        for button in (self.preview_button, self.print_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.status_label = QLabel("", self)
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.preview = PrintPreview(self)
        layout.addWidget(self.preview, 1)
        self.document_combo.currentIndexChanged.connect(self._document_changed)
        self.preview_button.clicked.connect(self.show_preview)
        self.print_button.clicked.connect(self.print_to_printer)
        self.save_button.clicked.connect(self.save_pdf)

    # options -------------------------------------------------------------------------------------------
    @property
    def doc(self) -> str:
        return self.document_combo.currentData()

    def select_document(self, key: str) -> None:
        index = self.document_combo.findData(key)
        if index >= 0:
            self.document_combo.setCurrentIndex(index)

    def _document_changed(self, *_args) -> None:
        doc = self.doc
        self.month_spin.setVisible(doc == "card")
        self.year_spin.setEnabled(doc != "dashboard")
        self.kind_combo.setEnabled(doc == "notice")
        self.mask_check.setEnabled(doc == "roster")
        self.per_household_radio.setEnabled(doc in PER_HOUSEHOLD)
        self.form.setRowVisible(self.kind_combo, doc == "notice")
        self.form.setRowVisible(self.mask_check, doc == "roster")
        if doc not in PER_HOUSEHOLD:
            self.one_file_radio.setChecked(True)

    def request(self) -> PrintRequest:
        doc = self.doc
        return PrintRequest(doc=doc, households=self.households(), year=self.year_spin.value(),
                            month=self.month_spin.value() if doc == "card" else None,
                            mask_ids=self.mask_check.isChecked() or doc != "roster",
                            kind=self.kind_combo.currentData())

    def _say(self, text: str) -> None:
        self.last_message = text
        self.status_label.setText(text)
        self.message.emit(text)
        self.services.notify(text)

    def _failed(self, error) -> None:
        self._say(str(error))
        QMessageBox.warning(self, _("打印"), str(error))

    def _cancelled(self) -> None:
        self._say(_("已取消，没有留下未完成的文件。"))

    def _run(self, title: str, fn, *args, on_done) -> None:
        self.job = ProgressJob(self.services.ops, self, title, fn, *args, on_done=on_done, on_error=self._failed,
                               on_cancel=self._cancelled, label=title)

    # preview ---------------------------------------------------------------------------------------------
    def show_preview(self) -> None:
        self._say(_("正在生成预览…"))
        self._run(_("生成预览"), preview_job, self.request(), on_done=self._previewed)

    def _previewed(self, result) -> None:
        images, warnings, count, pages = result
        self.last_result = result
        if self.doc in PER_HOUSEHOLD:
            note = _("预览：共 {count} 户，下面是前 {shown} 户的 {pages} 页中的前 {n} 页。").format(
                count=count, shown=min(count, 2), pages=pages, n=len(images))
        else:
            note = _("预览：共 {pages} 页，下面是前 {n} 页。").format(pages=pages, n=len(images))
        self.preview.show_pages(images, note)
        self.preview.show_warnings(warnings)
        self._say(_("预览已生成。") if not warnings else
                  _("预览已生成；有 {n} 处字打印不出来，见预览上方的提示。").format(n=len(warnings)))

    # save ------------------------------------------------------------------------------------------------
    def ask_save_path(self, suggestion: str) -> str:
        path, _selected = QFileDialog.getSaveFileName(self, _("保存为PDF"), suggestion, _("PDF 文件 (*.pdf)"))
        return path

    def ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self, _("选择保存到哪个文件夹（每户一个PDF）"))

    def save_pdf(self) -> None:
        request = self.request()
        one_file = self.one_file_radio.isChecked() or request.doc not in PER_HOUSEHOLD
        if one_file:
            folder = self.services.data_dir or Path.home()
            out = self.ask_save_path(str(Path(folder) / f"{request.doc}.pdf"))
            if out and not out.lower().endswith(".pdf"):
                out += ".pdf"
        else:
            out = self.ask_folder()
        if not out:
            return
        self._say(_("正在保存…"))
        self._run(_("保存为PDF"), save_job, request, out, one_file, on_done=self._saved)

    def _saved(self, result) -> None:
        files, pages = result
        self.last_result = result
        where = str(files[0]) if len(files) == 1 else str(Path(files[0]).parent)
        self._say(_("已保存 {files} 个PDF文件，共 {pages} 页：{where}").format(files=len(files), pages=pages,
                                                                              where=where))

    # printer ---------------------------------------------------------------------------------------------
    def ask_printer(self):
        """The printer chosen in Qt's print dialog, or None when the person closed it."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFullPage(True)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("打印"))
        return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None

    def print_to_printer(self) -> None:
        printer = self.ask_printer()
        if printer is None:
            return
        self.printer = printer  # kept alive while the job paints on it
        self._say(_("正在打印…"))
        self._run(_("打印"), printer_job, self.request(), printer, on_done=self._printed)

    def _printed(self, pages) -> None:
        self.last_result = pages
        self._say(_("已送往打印机：{pages} 页。").format(pages=pages))
