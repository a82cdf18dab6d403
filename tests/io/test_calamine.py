"""XLSX through python-calamine and through openpyxl: identical check reports, workbook by workbook.

The calamine reader (``io/_calamine.py``) is used only when it reads a workbook
as openpyxl would; these tests run each workbook through both readers (the
environment variable ``CREDIT_DISCLOSURE_XLSX_READER=openpyxl`` forces openpyxl)
and compare the JSON reports byte for byte, and the raw rows value for value.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest

from credit_disclosure.io import check_file, open_table, write_xlsx
from credit_disclosure.io._calamine import ENGINE_VARIABLE, open_sheet
from credit_disclosure.samples import default_faults, generate_records
from credit_disclosure.standard import RecordKind

openpyxl = pytest.importorskip("openpyxl")
pytest.importorskip("python_calamine")

AS_OF = date(2026, 1, 1)
_DATE_FIELDS = {"CF_JDRQ", "CF_YXQ", "CF_GSJZQ", "XK_JDRQ", "XK_YXQZ", "XK_YXQZI"}
_CHINESE_DATE = 'yyyy"年"m"月"d"日"'


def _records(kind: RecordKind, n: int = 120) -> list[dict[str, str]]:
    """The first ``n`` of 120 records with every planted fault of ``kind`` (two of each)."""
    records = generate_records(kind, 120, seed=18, faults=default_faults(kind))
    return [dict(r.values) for r in records][:n]


def _typed(value: str, code: str) -> object:
    """A cell as a clerk's spreadsheet holds it: dates as dates, amounts as numbers."""
    if code in _DATE_FIELDS:
        m = re.fullmatch(r"(\d{4})[/-](\d{1,2})[/-](\d{1,2})", value)
        if m:
            try:
                return datetime(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return value
    if code == "CF_NR_FK" and re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value) if "." in value else int(value)
    return value


def _typed_workbook(path: Path, kind: RecordKind) -> None:
    records = _records(kind)
    headers = list(records[0])
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(headers)
    for i, rec in enumerate(records):
        ws.append([_typed(rec.get(h, ""), h) or None for h in headers])
        for col in range(1, len(headers) + 1):
            cell = ws.cell(row=i + 2, column=col)
            if isinstance(cell.value, datetime):
                cell.number_format = _CHINESE_DATE if i % 2 else "yyyy/m/d"
    wb.save(path)


def _text_workbook(path: Path, kind: RecordKind) -> None:
    write_xlsx(_records(kind), path, kind)


def _edges_workbook(path: Path, kind: RecordKind) -> None:
    """Leading blank rows and column, gaps, extra cells, short rows, odd types."""
    records = _records(kind, 30)
    headers = list(records[0])
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "数据"
    base = 3  # header on sheet row 3, from column B
    for col, h in enumerate(headers, start=2):
        ws.cell(row=base, column=col, value=h)
    ws.cell(row=base, column=len(headers) + 3, value=None)
    for i, rec in enumerate(records):
        r = base + 1 + i + (i // 10)  # a blank row every ten
        for col, h in enumerate(headers, start=2):
            ws.cell(row=r, column=col, value=_typed(rec.get(h, ""), h) or None)
        if i == 3:
            ws.cell(row=r, column=len(headers) + 4, value="多出的格子")  # beyond the header
        if i == 4:
            for col in range(6, len(headers) + 2):  # a short row
                ws.cell(row=r, column=col, value=None)
        if i == 5:
            ws.cell(row=r, column=3, value=True)
            ws.cell(row=r, column=4, value=time(8, 30))
            ws.cell(row=r, column=5, value=1e20)
            ws.cell(row=r, column=6, value=-0.0)
            ws.cell(row=r, column=7, value=3.25)
            ws.cell(row=r, column=8, value=date(2024, 2, 29))
            ws.cell(row=r, column=9, value="  前后空格 ")
    ws.cell(row=base + 60, column=2, value="孤立的一行")  # far below, after blank rows
    wb.create_sheet("其他").append(["不读"])
    wb.save(path)


def _blank_header_workbook(path: Path, kind: RecordKind) -> None:
    records = _records(kind, 10)
    headers = list(records[0])
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([*headers[:3], None, *headers[3:]])
    for rec in records:
        values = [rec.get(h) or None for h in headers]
        ws.append([*values[:3], "备注", *values[3:]])
    wb.save(path)


def _empty_workbook(path: Path, kind: RecordKind) -> None:
    openpyxl.Workbook().save(path)


def _header_only_workbook(path: Path, kind: RecordKind) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(list(_records(kind, 1)[0]))
    wb.save(path)


def _with_formulas(path: Path, kind: RecordKind) -> None:
    records = _records(kind, 20)
    headers = list(records[0])
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(headers)
    for i, rec in enumerate(records):
        values: list[Any] = [rec.get(h) or None for h in headers]
        if i % 5 == 0:
            values[0] = '="某某"&"公司"'  # no cached value: io reports row.formula
        ws.append(values)
    wb.save(path)


def _with_cached_formula(path: Path, kind: RecordKind) -> None:
    _with_formulas(path, kind)
    cached = "某公司".encode()
    _rewrite(
        path,
        lambda xml: re.sub(
            rb'<c r="A2"><f>(.*?)</f><v ?/></c>',
            rb'<c r="A2" t="str"><f>\1</f><v>' + cached + rb"</v></c>",
            xml,
            count=1,
        ),
    )


def _with_error_cell(path: Path, kind: RecordKind) -> None:
    _text_workbook(path, kind)
    _rewrite(
        path,
        lambda xml: re.sub(
            rb'<c r="A3"[^>]*>.*?</c>', b'<c r="A3" t="e"><v>#N/A</v></c>', xml, count=1
        ),
    )


def _with_number_id(path: Path, kind: RecordKind) -> None:
    """An identity number stored as a number (openpyxl writes it as a float: 1.1e+17)."""
    records = _records(kind, 10)
    headers = list(records[0])
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(headers)
    for i, rec in enumerate(records):
        values: list[Any] = [rec.get(h) or None for h in headers]
        if i == 2:  # an identity number stored as a number by a program
            values[headers.index(headers[-2])] = 110105194912310023
        ws.append(values)
    wb.save(path)


def _with_long_integer(path: Path, kind: RecordKind) -> None:
    """The same, written by a program that keeps all 18 digits: a float would round it."""
    _with_number_id(path, kind)
    _rewrite(path, lambda xml: re.sub(rb"<v>1\.1010519491231e\+17</v>", b"<v>110105194912310023</v>", xml))


def _with_blank_text(path: Path, kind: RecordKind) -> None:
    """Text of spaces only: calamine reads it as empty, openpyxl keeps it."""
    records = _records(kind, 10)
    headers = list(records[0])
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(headers)
    for rec in records:
        ws.append([rec.get(h) or "   " for h in headers])
    wb.save(path)


def _rewrite(path: Path, change: Callable[[bytes], bytes]) -> None:
    name = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    new = change(parts[name])
    assert new != parts[name]
    parts[name] = new
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for part, data in parts.items():
            dst.writestr(part, data)


#: workbooks calamine must read (and read as openpyxl does)
SAFE: dict[str, Callable[[Path, RecordKind], None]] = {
    "text": _text_workbook,
    "typed": _typed_workbook,
    "edges": _edges_workbook,
    "blank_header": _blank_header_workbook,
    "empty": _empty_workbook,
    "header_only": _header_only_workbook,
    "number_id": _with_number_id,
}


#: workbooks calamine would misread: they must go to openpyxl
UNSAFE: dict[str, Callable[[Path, RecordKind], None]] = {
    "formulas": _with_formulas,
    "cached_formula": _with_cached_formula,
    "error_cell": _with_error_cell,
    "long_integer": _with_long_integer,
    "blank_text": _with_blank_text,
}


def _report(path: Path, monkeypatch: pytest.MonkeyPatch, engine: str, **kw: Any) -> str:
    with monkeypatch.context() as m:
        m.setenv(ENGINE_VARIABLE, engine)
        out = io.StringIO()
        check_file(path, kind=kw.pop("kind"), as_of=AS_OF, **kw).to_json(out)
    return out.getvalue()


def _raw(path: Path, monkeypatch: pytest.MonkeyPatch, engine: str) -> list[Any]:
    with monkeypatch.context() as m:
        m.setenv(ENGINE_VARIABLE, engine)
        with open_table(path) as reader:
            rows = [(r.row, dict(r.values), r.issues, r.usable, r.line) for r in reader]
            return [reader.headers, reader.header_line, reader.blank_rows, rows, reader.file_issues]


KINDS = [RecordKind.PENALTY, RecordKind.LICENSE]


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.value)
@pytest.mark.parametrize("name", sorted(SAFE))
def test_calamine_reads_as_openpyxl(
    name: str, kind: RecordKind, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / f"{name}.xlsx"
    SAFE[name](path, kind)
    with open(path, "rb") as fp:
        opened = open_sheet(fp, None)
        assert opened is not None, "calamine should read this workbook"
        opened[0].close()
    assert _raw(path, monkeypatch, "calamine") == _raw(path, monkeypatch, "openpyxl")
    fast = _report(path, monkeypatch, "calamine", kind=kind)
    slow = _report(path, monkeypatch, "openpyxl", kind=kind)
    assert fast == slow


@pytest.mark.parametrize("name", sorted(UNSAFE))
def test_workbooks_calamine_misreads_go_to_openpyxl(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / f"{name}.xlsx"
    UNSAFE[name](path, RecordKind.PENALTY)
    with open(path, "rb") as fp:
        assert open_sheet(fp, None) is None
        assert fp.tell() == 0
    fast = _report(path, monkeypatch, "calamine", kind=RecordKind.PENALTY)
    assert fast == _report(path, monkeypatch, "openpyxl", kind=RecordKind.PENALTY)
    if name == "formulas":
        assert '"row.formula"' in fast


def test_named_sheet_and_missing_sheet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "edges.xlsx"
    _edges_workbook(path, RecordKind.PENALTY)
    for sheet in ("数据", "其他"):
        fast = _report(path, monkeypatch, "calamine", kind=RecordKind.PENALTY, sheet=sheet)
        assert fast == _report(path, monkeypatch, "openpyxl", kind=RecordKind.PENALTY, sheet=sheet)
    with open(path, "rb") as fp:
        assert open_sheet(fp, "没有这张表") is None  # openpyxl then names the sheets


@pytest.mark.parametrize(
    "data", [b"PK\x03\x04 not really a zip", b"PK\x03\x04" + bytes(range(256)) * 4]
)
def test_damaged_workbook_reported_as_before(data: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    from credit_disclosure.errors import InvalidFormat

    with pytest.raises(InvalidFormat) as fast:
        check_file(io.BytesIO(data), as_of=AS_OF)
    monkeypatch.setenv(ENGINE_VARIABLE, "openpyxl")
    with pytest.raises(InvalidFormat) as slow:
        check_file(io.BytesIO(data), as_of=AS_OF)
    assert fast.value.code == slow.value.code == "file.xlsx"
