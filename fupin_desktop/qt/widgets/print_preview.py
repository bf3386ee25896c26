"""Page images of a PDF for the print preview and for printers, and the preview widget.

The PDF is the one the print job writes (ReportLab, fonts embedded); pypdfium2 (PDFium, a small wheel)
turns its pages into images, so the preview and the paper show exactly the file that is saved. QtPdf would do
the same but comes only with the large PySide6 add-ons. Rendering and painting on a ``QPrinter`` may run on
the database thread (QImage and QPrinter are thread-safe paint devices); only the widget is GUI-thread.
"""

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from fupin_desktop.i18n.translate import _

PREVIEW_DPI = 80
PRINT_DPI = 300
PREVIEW_PAGES = 8


def page_images(pdf, *, dpi: float = PREVIEW_DPI, first: int = 0, count: int | None = None) -> list[QImage]:
    """Pages ``first``… of ``pdf`` (bytes or a path) as images at ``dpi``."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        last = len(document) if count is None else min(len(document), first + count)
        return [_image(document[index], dpi) for index in range(first, last)]
    finally:
        document.close()


def page_count(pdf) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def _image(page, dpi: float) -> QImage:
    bitmap = page.render(scale=dpi / 72.0, rev_byteorder=True)
    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
    result = image.copy()  # own the pixels: the bitmap's buffer goes away with it
    page.close()
    return result


def print_pdf(printer: QPrinter, pdf, *, progress: Callable[[int, int], None] | None = None,
              dpi: float = PRINT_DPI) -> int:
    """Print every page of ``pdf`` on ``printer`` as an image fitted to the page; returns the pages printed.

    ``progress(done, total)`` is called before each page (an exception raised there stops the job; pages
    already sent stay sent, the rest are discarded by ending the painter)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    painter = QPainter()
    try:
        total = len(document)
        printer.setDocName(_("扶贫文书"))
        if not painter.begin(printer):
            raise RuntimeError(_("打印机无法开始打印，请检查打印机是否连接、是否有纸。"))
        for index in range(total):
            if progress:
                progress(index, total)
            if index:
                printer.newPage()
            image = _image(document[index], dpi)
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x() + (area.width() - size.width()) // 2,
                           area.y() + (area.height() - size.height()) // 2, size.width(), size.height())
            painter.drawImage(target, image)
        if progress:
            progress(total, total)
        return total
    finally:
        if painter.isActive():
            painter.end()
        document.close()


class PrintPreview(QWidget):
    """Warnings (characters no font prints) above the page images, in a scroll area."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.note_label = QLabel(_("选好文书和户，点“预览”查看打印效果。"), self)
        self.note_label.setWordWrap(True)
        layout.addWidget(self.note_label)
        self.warnings_label = QLabel("", self)
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet("QLabel { color: #b3261e; background: #fdecea; padding: 6px; }")
        self.warnings_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings_label.hide()
        layout.addWidget(self.warnings_label)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.pages_widget = QWidget(self.scroll)
        self.pages_widget.setStyleSheet("background: #8a939e;")
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.pages_layout.setSpacing(12)
        self.scroll.setWidget(self.pages_widget)
        layout.addWidget(self.scroll, 1)
        self.page_labels: list[QLabel] = []
        self.warnings: list[str] = []

    def clear(self) -> None:
        for label in self.page_labels:
            self.pages_layout.removeWidget(label)
            label.deleteLater()
        self.page_labels = []

    def show_pages(self, images: list[QImage], note: str) -> None:
        self.clear()
        self.note_label.setText(note)
        room = max(self.scroll.viewport().width() - 40, 200)
        for image in images:
            label = QLabel(self.pages_widget)
            if image.width() > room:  # landscape pages (the roster) fit the width
                image = image.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(QPixmap.fromImage(image))
            label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            label.setStyleSheet("background: white; border: 1px solid #5b6776;")
            self.pages_layout.addWidget(label)
            self.page_labels.append(label)

    def show_warnings(self, lines: list[str]) -> None:
        self.warnings = list(lines)
        if not lines:
            self.warnings_label.hide()
            return
        shown = lines[:8] + ([_("……另有 {n} 条").format(n=len(lines) - 8)] if len(lines) > 8 else [])
        self.warnings_label.setText(_("注意：有些字没有可用字体，打印后请手工补写：") + "\n" + "\n".join(shown))
        self.warnings_label.show()

    def show_message(self, text: str) -> None:
        self.note_label.setText(text)
