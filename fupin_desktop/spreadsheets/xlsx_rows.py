"""The rows of an .xlsx sheet as values, with less work per cell than openpyxl's read-only ``iter_rows``.

An import reads every cell of ~40,000 person rows once; besides parsing the XML, openpyxl's read-only reader
spends about a third of its work on each cell (an attribute dictionary, a regular expression for its
coordinate, a cell record). :func:`sheet_values` gives exactly what ``ws.iter_rows(values_only=True)`` gives for a
workbook opened with ``read_only=True, data_only=True``: the same rows, padded to the sheet's declared
dimension, with the same values. Shared strings, plain numbers and formula text results are read here; any
other cell (dates, booleans, errors, inline strings, a cell without a coordinate) is handed to openpyxl's own
cell parser, so those keep openpyxl's conversion. Everything comes from openpyxl's loaded workbook
(archive, shared strings, date styles, epoch); when an openpyxl version lacks one of those, or openpyxl parses
with defusedxml, :func:`sheet_values` returns None and the caller uses ``iter_rows``.

:func:`load_read_only` is ``load_workbook(path, read_only=True, data_only=True)`` with the shared strings
read by :func:`shared_strings`: the same list of texts without building openpyxl's text record for each (a
county's roster has ~100,000 of them; openpyxl spends four fifths of its opening time on those records).
``tests/spreadsheets/test_xlsx_rows.py`` compares both with openpyxl's own.
"""

from collections import deque
from collections.abc import Iterator
from xml.etree.ElementTree import XMLPullParser, iterparse

CHUNK_BYTES = 1 << 16
_DIGITS = "0123456789"


def sheet_values(ws) -> Iterator[tuple] | None:
    """The rows of a read-only worksheet (values only), or None when the lean reader cannot be used."""
    try:
        from openpyxl.utils.cell import coordinate_to_tuple
        from openpyxl.worksheet._reader import CELL_TAG, ROW_TAG, VALUE_TAG, WorkSheetParser
        from openpyxl.xml import DEFUSEDXML

        book = ws.parent
        if not book.read_only or not book.data_only or DEFUSEDXML:  # defusedxml's parser: openpyxl's own way
            return None
        archive, path, strings = book._archive, ws._worksheet_path, ws._shared_strings
        cell_parser = WorkSheetParser(None, strings, data_only=True, epoch=book.epoch,
                                      date_formats=book._date_formats,
                                      timedelta_formats=book._timedelta_formats)
        cell_parser.parse_cell  # noqa: B018 (present in this openpyxl)
    except (ImportError, AttributeError, TypeError):
        return None
    tags = (ROW_TAG, CELL_TAG, VALUE_TAG)
    return _values(archive.open(path), strings, cell_parser, coordinate_to_tuple, tags, ws.max_column,
                   ws.max_row)


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def shared_strings(source) -> list[str]:
    """openpyxl's ``read_string_table`` (rich text off): for each ``si`` of the main namespace its own ``t``,
    then the ``t`` of each run ``r`` (phonetic runs ``rPh`` are left out; of two ``t`` the last counts, as
    openpyxl reads them), with ``x005F_`` taken out of the text as openpyxl does."""
    from openpyxl.xml.constants import SHEET_MAIN_NS

    string_tag = f"{{{SHEET_MAIN_NS}}}si"
    strings = []
    for _event, node in iterparse(source):
        if node.tag != string_tag:
            continue
        plain, runs = None, []
        for child in node:
            tag = _local(child.tag)
            if tag == "t":
                plain = child.text
            elif tag == "r":
                text = None
                for part in child:
                    if _local(part.tag) == "t":
                        text = part.text
                if text is not None:
                    runs.append(text)
        if plain is not None:
            runs.insert(0, plain)
        node.clear()
        strings.append("".join(runs).replace("x005F_", ""))
    return strings


def load_read_only(path):
    """``load_workbook(path, read_only=True, data_only=True)``, its shared strings read by
    :func:`shared_strings`; None when this openpyxl lacks what that needs (the caller then uses
    ``load_workbook``)."""
    try:
        from openpyxl.reader.excel import ExcelReader
        from openpyxl.xml import DEFUSEDXML
        from openpyxl.xml.constants import SHARED_STRINGS

        ExcelReader.read_strings  # noqa: B018 (present in this openpyxl)
    except (ImportError, AttributeError):
        return None
    if DEFUSEDXML:  # defusedxml's parser: openpyxl's own way
        return None

    class Reader(ExcelReader):
        def read_strings(self):
            found = self.package.find(SHARED_STRINGS)
            if found is not None:
                with self.archive.open(found.PartName[1:]) as source:
                    self.shared_strings = shared_strings(source)

    reader = Reader(path, read_only=True, data_only=True)
    reader.read()
    return reader.wb


def _elements(source, row_tag) -> Iterator:
    """Each finished ``row`` element of the sheet XML, read in chunks."""
    parser = XMLPullParser(events=("end",))
    queue = getattr(parser, "_events_queue", None)
    if not isinstance(queue, deque):  # a Python without the queue: the documented, slower way
        queue = None
    with source:
        while True:
            chunk = source.read(CHUNK_BYTES)
            if chunk:
                parser.feed(chunk)
            else:
                parser.close()
            events = queue if queue is not None else deque(parser.read_events())
            failure = events.pop() if events and isinstance(events[-1], BaseException) else None
            for _event, element in events:
                if element.tag == row_tag:
                    yield element
                    element.clear()
            events.clear()
            if failure is not None:
                raise failure
            if not chunk:
                return


def _row_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        value = float(text)
        if value.is_integer():
            return int(value)
        raise ValueError(f"{text} is not a valid row number") from None


def _values(source, strings, cell_parser, coordinate_to_tuple, tags, max_col, max_row) -> Iterator[tuple]:
    """``ReadOnlyWorksheet._cells_by_row(1, 1, max_col, max_row, values_only=True)``, cell by cell."""
    row_tag, cell_tag, value_tag = tags
    date_styles = cell_parser.date_formats
    fast_style: dict[str | None, bool] = {}  # the ``s`` attribute → not a date style
    columns: dict[str, int] = {}  # the letters of a coordinate → column number
    empty_row = (None,) * max_col if max_col is not None else ()
    counter = idx = 1
    row_counter = 0
    for element in _elements(source, row_tag):
        number = element.get("r")
        row_counter = row_counter + 1 if number is None else _row_number(number)
        idx = row_counter
        if max_row is not None and idx > max_row:
            break
        column = 0
        found = []  # (column, value) of the cells that hold a value
        children = False
        for cell in element:
            children = True
            ref, kind = cell.get("r"), cell.get("t", "n")
            if cell.tag == cell_tag and ref and (kind == "s" or kind == "n" or kind == "str"):
                letters = ref.rstrip(_DIGITS)
                column = columns.get(letters, 0) if letters != ref else 0
                if not column:
                    column = coordinate_to_tuple(ref)[1]
                    columns[letters] = column
                style = cell.get("s")
                plain = fast_style.get(style)
                if plain is None:
                    plain = fast_style[style] = (int(style) if style else 0) not in date_styles
                if plain:
                    value = cell.findtext(value_tag)
                    if value:
                        if kind == "s":
                            value = strings[int(value)]
                        elif kind == "n":
                            value = float(value) if "." in value or "E" in value or "e" in value else int(value)
                        found.append((column, value))
                    continue
            cell_parser.row_counter, cell_parser.col_counter = row_counter, column
            value = cell_parser.parse_cell(cell)["value"]
            column = cell_parser.col_counter
            if value is not None:
                found.append((column, value))
        for _ in range(counter, idx):  # rows the file leaves out
            counter += 1
            yield empty_row
        if counter <= idx:
            if not children and not max_col:
                yield ()
            else:
                width = max_col or column
                values = [None] * width
                for at, value in found:
                    if 1 <= at <= width:
                        values[at - 1] = value
                yield tuple(values)
            counter += 1
    if max_row is not None and max_row < idx:
        for _ in range(counter, max_row + 1):
            yield empty_row
