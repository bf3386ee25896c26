"""The lean .xlsx row reader gives exactly what openpyxl's read-only ``iter_rows(values_only=True)`` gives, and
the lean shared strings exactly what openpyxl reads."""

import datetime as dt
import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.reader.strings import read_string_table

from fupin_desktop.spreadsheets.bench import _PARTS, _STYLES, write_workbook
from fupin_desktop.spreadsheets.workbook import open_rows
from fupin_desktop.spreadsheets.xlsx_rows import load_read_only, shared_strings, sheet_values
from tests.spreadsheets.workbooks import realistic_roster, simple_roster

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _both(path):
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        ws = book.worksheets[0]
        expected = [tuple(row) for row in ws.iter_rows(values_only=True)]
        lean = sheet_values(ws)
        assert lean is not None, "the lean reader should be usable with this openpyxl"
        return expected, [tuple(row) for row in lean]
    finally:
        book.close()


def _same(path):
    expected, found = _both(path)
    assert found == expected
    assert [type(v) for row in found for v in row] == [type(v) for row in expected for v in row]
    book = load_read_only(path)  # the workbook opened with the lean shared strings reads the same
    assert book is not None, "the lean shared strings should be usable with this openpyxl"
    try:
        assert [tuple(row) for row in sheet_values(book.worksheets[0])] == expected
        assert [tuple(row) for row in book.worksheets[0].iter_rows(values_only=True)] == expected
    finally:
        book.close()
    return found


def test_the_realistic_roster(tmp_path):
    realistic_roster(tmp_path / "roster.xlsx")
    rows = _same(tmp_path / "roster.xlsx")
    assert any("张三丰" in row for row in rows)


def test_the_bench_workbook(tmp_path):
    write_workbook(tmp_path / "bench.xlsx", households=60)
    rows = _same(tmp_path / "bench.xlsx")
    assert rows[1][0] == "序号" and len(rows) > 60


def test_open_rows_reads_with_it(tmp_path, monkeypatch):
    simple_roster(tmp_path / "r.xlsx", [["6107020001", "张三", "户主"]])
    calls, opened = [], []
    import fupin_desktop.spreadsheets.workbook as workbook

    monkeypatch.setattr(workbook, "sheet_values", lambda ws: calls.append(ws) or sheet_values(ws))
    monkeypatch.setattr(workbook, "load_read_only", lambda path: opened.append(path) or load_read_only(path))
    with open_rows(tmp_path / "r.xlsx") as sheet:
        rows = [values for _n, values in sheet.rows]
    assert calls and opened and any("张三" in row for row in rows)


_SHARED = [
    "<si><t>甲</t></si>",
    '<si><t xml:space="preserve">  前后有空格  </t></si>',
    "<si><r><t>富</t></r><r><rPr><b/><sz val=\"11\"/></rPr><t>文本</t></r></si>",
    '<si><t>读音</t><rPh sb="0" eb="1"><t>ドク</t></rPh><phoneticPr fontId="1"/></si>',
    '<si><rPh sb="0" eb="1"><t>よみ</t></rPh><t>注音在前</t></si>',
    "<si><t/></si>", "<si></si>", "<si><t></t><r><t></t></r></si>",
    "<si><t>_x005F_x000D_换行转义</t></si>", "<si><t>x005F_x005F_两次</t></si>",
    "<si><t>a&amp;b&lt;c&gt;&#x4E2D;</t></si>", "<si><t><![CDATA[</si>]]></t></si>",
    "<si><t>一</t><r><t>二</t></r><r><t>三</t></r></si>",
    "<si><r><t>二</t></r><t>一在后</t></si>",
    "<si><t>先</t><t>后</t></si>", "<si><r><t>x</t><t>y</t></r><r><rPr/></r></si>",
    '<si><t>行1\n行2\r\n\t制表</t></si>',
    '<other:si xmlns:other="urn:other"><other:t>别的命名空间</other:t></other:si>',
    '<si><x:t xmlns:x="urn:other">子元素的命名空间</x:t></si>',
]


@pytest.mark.parametrize("prefix", ["", "x"])
def test_shared_strings_as_openpyxl_reads_them(prefix):
    body = "".join(_SHARED)
    if prefix:  # the same strings with the main namespace under a prefix
        body = body.replace("<si>", "<x:si>").replace("</si>", "</x:si>").replace("<t>", "<x:t>") \
            .replace("<t ", "<x:t ").replace("</t>", "</x:t>").replace("<t/>", "<x:t/>").replace("<r>", "<x:r>") \
            .replace("</r>", "</x:r>")
    declare = f'xmlns:x="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    tag = "x:sst" if prefix else "sst"
    xml = f'<?xml version="1.0" encoding="UTF-8"?><{tag} {declare}>{body}</{tag}>'.encode()
    expected = read_string_table(io.BytesIO(xml))
    assert len(expected) == len(_SHARED) - 1 and "富文本" in expected and "  前后有空格  " in expected
    assert shared_strings(io.BytesIO(xml)) == expected


_text = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=12)
_values = st.one_of(
    st.none(), _text, st.sampled_from(["", " ", "  张 三 ", "'610702", "1.10105E+17", "<&>\"'", "=A1"]),
    st.integers(-10**15, 10**15), st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.booleans(), st.dates(dt.date(1900, 3, 1), dt.date(2100, 1, 1)),
    st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(2100, 1, 1)).map(lambda d: d.replace(microsecond=0)),
)  # fmt: skip
_formats = st.sampled_from([None, "@", "yyyy-mm-dd", "0.00", "General", "[h]:mm:ss", "#,##0"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(st.tuples(st.integers(1, 4), st.lists(st.tuples(st.integers(1, 8), _values, _formats),
                                                           max_size=8)), max_size=8),
)
def test_any_workbook_openpyxl_writes(tmp_path, rows):
    book = Workbook()
    ws = book.active
    row = 0
    for gap, cells in rows:
        row += gap  # rows left out of the file in between
        for column, value, number_format in cells:
            cell = ws.cell(row, column, value)
            if number_format:
                cell.number_format = number_format
    path = tmp_path / "any.xlsx"
    book.save(path)
    _same(path)


def _sheet_xml(sheet_data: str, dimension: str | None = "A1:D5", prefix: str = "") -> str:
    p = f"{prefix}:" if prefix else ""
    declare = f'xmlns{":" + prefix if prefix else ""}="{MAIN}"'
    dim = f'<{p}dimension ref="{dimension}"/>' if dimension else ""
    return f'<?xml version="1.0" encoding="UTF-8"?><{p}worksheet {declare}>{dim}<{p}sheetData>{sheet_data}' \
           f"</{p}sheetData></{p}worksheet>"


def _handmade(path, sheet_xml: str, strings=("甲", "乙", "丙")) -> None:
    shared = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="{len(strings)}">'
              + "".join(f"<si><t>{s}</t></si>" for s in strings)
              + '<si><r><t>富</t></r><r><t>文本</t></r></si></sst>')  # a rich text: runs
    styles = _STYLES.replace('<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="49" applyNumberFormat="1"/>',
                             '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="49" applyNumberFormat="1"/>'
                             '<xf numFmtId="14" applyNumberFormat="1"/>')  # style 2: a date
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in {**_PARTS, "xl/styles.xml": styles, "xl/sharedStrings.xml": shared,
                           "xl/worksheets/sheet1.xml": sheet_xml}.items():
            archive.writestr(name, text)


HANDMADE = {
    "cells without coordinates": '<row r="1"><c t="s"><v>0</v></c><c><v>2</v></c><c t="s"><v>1</v></c></row>',
    "rows without numbers": '<row><c r="A1" t="s"><v>0</v></c></row><row><c r="B2"><v>3.5</v></c></row>',
    "a row number written as a float": '<row r="2.0"><c r="A2"><v>1</v></c></row>',
    "every cell type": (
        '<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="e"><v>#N/A</v></c>'
        '<c r="C1" t="str"><v>公式结果</v></c><c r="D1" t="inlineStr"><is><t>行内</t></is></c></row>'
        '<row r="2"><c r="A2" s="2"><v>43831</v></c><c r="B2" t="d"><v>2020-01-01T08:30:00</v></c>'
        '<c r="C2" s="1" t="s"><v>3</v></c><c r="D2" t="n"><v>1E+17</v></c></row>'),
    "empty cells and an empty row": '<row r="1"><c r="A1"/><c r="B1" t="s"/></row><row r="3"/>'
                                    '<row r="4"><c r="C4"><v></v></c></row>',
    "cells beyond the dimension": '<row r="1"><c r="A1"><v>1</v></c><c r="F1"><v>6</v></c></row>'
                                  '<row r="9"><c r="A9"><v>9</v></c></row>',
    "rows out of order": '<row r="3"><c r="A3"><v>3</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>',
    "lower-case coordinates": '<row r="1"><c r="b1"><v>1</v></c><c r="c1"><v>2</v></c><c r="D1"><v>3</v></c></row>',
    "entities and CDATA": '<row r="1"><c r="A1" t="str"><v>a&amp;b&lt;/row&gt;</v></c>'
                          '<c r="B1" t="inlineStr"><is><t><![CDATA[</row>]]></t></is></c></row>',
}


@pytest.mark.parametrize("dimension", ["A1:D5", None, "A1"])
@pytest.mark.parametrize("name", sorted(HANDMADE))
def test_handmade_sheets(tmp_path, name, dimension):
    _handmade(tmp_path / "h.xlsx", _sheet_xml(HANDMADE[name], dimension))
    _same(tmp_path / "h.xlsx")


def test_a_namespace_prefix(tmp_path):
    data = '<x:row r="1"><x:c r="A1" t="s"><x:v>1</x:v></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row>'
    _handmade(tmp_path / "p.xlsx", _sheet_xml(data, "A1:B1", prefix="x"))
    assert _same(tmp_path / "p.xlsx") == [("乙", 7)]


def test_a_broken_sheet_fails_as_openpyxl_fails(tmp_path):
    _handmade(tmp_path / "b.xlsx", _sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c>', "A1:A2"))
    book = load_workbook(tmp_path / "b.xlsx", read_only=True, data_only=True)
    ws = book.worksheets[0]
    with pytest.raises(Exception) as expected:
        list(ws.iter_rows(values_only=True))
    with pytest.raises(type(expected.value)):
        list(sheet_values(ws))
    book.close()


def test_not_used_for_a_workbook_with_formulas(tmp_path):
    simple_roster(tmp_path / "f.xlsx", [["6107020001", "张三", "户主"]])
    book = load_workbook(tmp_path / "f.xlsx", read_only=True, data_only=False)
    assert sheet_values(book.worksheets[0]) is None
    book.close()
