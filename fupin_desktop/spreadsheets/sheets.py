"""Write one typed table to .xlsx (openpyxl write-only, streamed) or .csv (UTF-8 with BOM).

Cells are typed by their column: ID, phone and account numbers are text cells formatted "@" (Excel and WPS
never turn them into 1.10105E+17); dates are dates; money is a number with two decimals; codes are written as
their labels; yes/no as 是/否. The header row is bold and frozen; column widths fit Chinese text (a CJK
character counts twice). The file is written under a temporary name, checked, then renamed into place; a
failure (a folder that cannot be written, a full disk, a file held open by Excel) removes the temporary file
and raises :class:`ExportError` saying in Chinese what happened, so no half-written file is ever left.
"""

import csv
import errno
import os
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from fupin_desktop.domain.codes import CodeTable
from fupin_desktop.domain.money import fen_to_decimal, yuan_str
from fupin_desktop.i18n.translate import _
from fupin_desktop.services.errors import ValidationError

TEXT_FORMAT = "@"
DATE_FORMAT = "yyyy-mm-dd"
MONEY_FORMAT = "#,##0.00"
WIDTH_SAMPLE = 1000
MIN_WIDTH, MAX_WIDTH = 6, 50
PROGRESS_EVERY = 1000
_TEXT_KINDS = frozenset({"id", "digits"})


class ExportError(ValidationError):
    """The file could not be written; ``str()`` says why in Chinese. Nothing was left behind."""


def file_error(exc: OSError, path: Path, *, replacing: bool = False) -> str:
    """What a file-system failure while exporting ``path`` means for the person, in Chinese."""
    code, name, folder = exc.errno, path.name, path.parent
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return _("磁盘空间不足，{name} 没有导出（未写完的文件已删除）。请换一个有空间的位置，或删除不需要的文件后重试。"
                 ).format(name=name)
    if replacing and isinstance(exc, PermissionError) and path.exists():
        return _("无法替换 {path}：这个文件可能正在 Excel 或 WPS 中打开。请关闭它后重试，或换一个文件名。").format(path=path)
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _("不能写入文件夹 {folder}（只读，或没有写入权限），没有导出。请换一个位置，例如“文档”或U盘。").format(
            folder=folder)
    if code in (errno.ENOENT, errno.ENOTDIR, errno.EEXIST):
        return _("找不到文件夹 {folder}，没有导出。请重新选择保存位置。").format(folder=folder)
    if code == errno.EIO:
        return _("读写磁盘出错（U盘可能被拔出），{name} 没有导出。请检查磁盘后重试。").format(name=name)
    return _("无法写入 {path}：{reason}。没有导出，请换一个位置重试。").format(path=path, reason=exc.strerror or exc)


@dataclass(frozen=True)
class Col:
    title: str
    kind: str = "text"  # text id digits name code codes date year int float money bool
    table: CodeTable | None = None


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def plain(col: Col, value):
    """The value as it goes into a cell (labels for codes, 是/否, Decimal yuan); None stays None."""
    if value is None or (isinstance(value, str | tuple) and not value):
        return None
    kind = col.kind
    if kind == "code":
        return col.table.label(value, str(value)) if col.table else str(value)
    if kind == "codes":
        return "、".join(col.table.label(v, str(v)) for v in value) or None
    if kind == "bool":
        return "是" if value else "否"
    if kind == "money":
        return fen_to_decimal(value)
    if kind in _TEXT_KINDS:
        return str(value)
    return value


def text_of(col: Col, value) -> str:
    """The value as CSV text (and for measuring widths)."""
    shown = plain(col, value)
    if shown is None:
        return ""
    if col.kind == "money":
        return yuan_str(value)
    if hasattr(shown, "isoformat"):
        return shown.isoformat()
    if isinstance(shown, float) and shown.is_integer():
        return str(int(shown))
    return str(shown)


def _widths(columns: list[Col], sample: list[tuple]) -> list[float]:
    widths = []
    for i, col in enumerate(columns):
        longest = max([display_width(col.title)] + [display_width(text_of(col, row[i])) for row in sample])
        if col.kind == "date":
            longest = max(longest, 10)
        if col.kind == "money":
            longest = max(longest, 12)
        widths.append(min(max(longest + 2, MIN_WIDTH), MAX_WIDTH))
    return widths


def _temporary(path: Path) -> Path:
    return path.with_name(f".~{path.stem}.part{path.suffix}")


def _place(tmp: Path, path: Path) -> None:
    with open(tmp, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def write_table(path: Path | str, title: str, columns: list[Col], rows: Iterable[tuple], *,
                progress: Callable | None = None, total: int = 0) -> int:
    """Write ``rows`` (raw values: codes, fen, dates, bools) under ``columns``; returns the rows written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValidationError(f"导出文件名应以 .xlsx 或 .csv 结尾：{path.name}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(file_error(exc, path)) from exc
    tmp = _temporary(path)
    rows = iter(rows)
    sample = list(islice(rows, WIDTH_SAMPLE))
    replacing = False
    try:
        if suffix == ".csv":
            count = _write_csv(tmp, columns, sample, rows, progress, total)
        else:
            count = _write_xlsx(tmp, title, columns, sample, rows, progress, total)
            with zipfile.ZipFile(tmp) as check:
                if check.testzip() is not None:
                    raise ExportError(_("写入 {name} 后校验失败，请换一个位置重试。").format(name=path.name))
        if progress is not None:  # the last report, and the last chance to cancel: nothing is in place yet
            progress(count, max(total, count))
        replacing = True
        _place(tmp, path)
    except OSError as exc:
        raise ExportError(file_error(exc, path, replacing=replacing)) from exc
    finally:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass  # the folder itself went away (a stick pulled out): nothing is left to remove
    return count


def _report(progress, count, total):
    if progress is not None and count % PROGRESS_EVERY == 0:
        progress(count, total)


def _write_csv(tmp: Path, columns, sample, rest, progress, total) -> int:
    count = 0
    with open(tmp, "w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow([c.title for c in columns])
        for batch in (sample, rest):
            for row in batch:
                out.writerow([text_of(c, v) for c, v in zip(columns, row, strict=True)])
                count += 1
                _report(progress, count, total)
    return count


def _write_xlsx(tmp: Path, title, columns, sample, rest, progress, total) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    for i, width in enumerate(_widths(columns, sample), start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    header = []
    for col in columns:
        cell = WriteOnlyCell(sheet, col.title)
        cell.font, cell.fill, cell.alignment = bold, fill, centre
        header.append(cell)
    sheet.append(header)
    formats = [TEXT_FORMAT if c.kind in _TEXT_KINDS else DATE_FORMAT if c.kind == "date"
               else MONEY_FORMAT if c.kind == "money" else None for c in columns]
    count = 0
    for batch in (sample, rest):
        for row in batch:
            cells = []
            for col, fmt, value in zip(columns, formats, row, strict=True):
                value = plain(col, value)
                if fmt is not None and value is not None:
                    value = WriteOnlyCell(sheet, value)
                    value.number_format = fmt
                cells.append(value)
            sheet.append(cells)
            count += 1
            _report(progress, count, total)
    book.save(tmp)
    return count
