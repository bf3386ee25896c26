"""Open a roster file and stream its rows: .xlsx/.xlsm through openpyxl's read-only mode, or .csv.

Rows come as ``(row number, values)`` with 1-based sheet row numbers, so every problem can name the row the
person sees in Excel or WPS. ``progress(done, total)`` is called every few hundred rows (``total`` is 0 when
the file does not say how many rows it has); a ``progress`` that raises cancels the read.
"""

import csv
import gc
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from fupin_desktop.services.errors import ValidationError
from fupin_desktop.spreadsheets.xlsx_rows import load_read_only, sheet_values

PROGRESS_EVERY = 500
XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")
_CSV_ENCODINGS = ("utf-8-sig", "gb18030")


class SpreadsheetError(ValidationError):
    """A file that cannot be read as a roster; ``str()`` says why, in Chinese."""


@contextmanager
def paused_gc():
    """Hold Python's cycle collector during a bulk read or write: with ~100,000 new live objects its full
    passes would rescan them all again and again (a third of the preview's time) while they hold no cycles."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass(frozen=True)
class SheetRows:
    name: str
    total: int  # rows the file declares (0 = unknown)
    rows: Iterator[tuple[int, tuple]]


def _check_suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise SpreadsheetError(f"{path.name} 是旧版 .xls 格式，请在 Excel 或 WPS 中“另存为” .xlsx 后再导入。")
    if suffix == ".et":
        raise SpreadsheetError(f"{path.name} 是 WPS 表格格式，请在 WPS 中“另存为” .xlsx 后再导入。")
    if suffix not in XLSX_SUFFIXES + CSV_SUFFIXES:
        raise SpreadsheetError(f"不支持的文件类型：{path.name}（请使用 .xlsx 或 .csv）。")
    if not path.exists():
        raise SpreadsheetError(f"找不到文件：{path}")
    return suffix


def _open_xlsx(path: Path):
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_read_only(path)  # openpyxl's reader with leaner shared strings, when it can be used
        return load_workbook(path, read_only=True, data_only=True) if book is None else book
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise SpreadsheetError(f"无法打开 {path.name}：文件已损坏或不是 .xlsx 表格（{exc}）。") from exc


def sheet_names(path: Path | str) -> list[str]:
    path = Path(path)
    if _check_suffix(path) in CSV_SUFFIXES:
        return [path.stem]
    book = _open_xlsx(path)
    try:
        return [ws.title for ws in book.worksheets]
    finally:
        book.close()


def _decode_csv(path: Path) -> str:
    data = path.read_bytes()
    for encoding in _CSV_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SpreadsheetError(f"无法识别 {path.name} 的文字编码（请保存为 UTF-8 或 GBK）。")


def _csv_rows(text: str) -> Iterator[tuple[int, tuple]]:
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    for number, values in enumerate(csv.reader(io.StringIO(text, newline=""), dialect), start=1):
        yield number, tuple(v if v != "" else None for v in values)


def _with_progress(rows, total: int, progress: Callable | None) -> Iterator[tuple[int, tuple]]:
    done = 0
    for item in rows:
        yield item
        done += 1
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, total)
    if progress is not None:
        progress(done, max(total, done))


@contextmanager
def open_rows(path: Path | str, sheet: str | None = None, *, progress: Callable | None = None):
    """Stream the rows of one sheet (the first when ``sheet`` is None) as a :class:`SheetRows`."""
    path = Path(path)
    if _check_suffix(path) in CSV_SUFFIXES:
        text = _decode_csv(path)
        total = text.count("\n") + 1
        yield SheetRows(path.stem, total, _with_progress(_csv_rows(text), total, progress))
        return
    book = _open_xlsx(path)
    try:
        if sheet is None:
            ws = book.worksheets[0]
        elif sheet in book.sheetnames:
            ws = book[sheet]
        else:
            raise SpreadsheetError(f"{path.name} 中没有名为“{sheet}”的工作表（有：{'、'.join(book.sheetnames)}）。")
        if not hasattr(ws, "iter_rows"):
            raise SpreadsheetError(f"“{ws.title}”是图表页，不是数据表。")
        total = ws.max_row or 0

        def rows():  # read-only sheets yield every row from row 1, empty ones included
            values = sheet_values(ws)  # the lean reader; openpyxl's own when it cannot be used
            yield from enumerate(ws.iter_rows(values_only=True) if values is None else values, start=1)

        yield SheetRows(ws.title, total, _with_progress(rows(), total, progress))
    finally:
        book.close()


def first_rows(path: Path | str, sheet: str | None = None,
               count: int = 30) -> tuple[str, list[tuple[int, tuple]]]:
    """The sheet's name and its first ``count`` rows (for header detection and the wizard's sample)."""
    with open_rows(path, sheet) as sheet_rows:
        found = []
        for item in sheet_rows.rows:
            found.append(item)
            if len(found) >= count:
                break
        return sheet_rows.name, found
