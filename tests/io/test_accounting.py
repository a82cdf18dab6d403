"""Every row accounted for: damaged files (quotes, line ends, truncation, NULs, encodings).

The accounting identity: every physical line after the header belongs to exactly one row the
reader yields (a quoted value may span lines) or is a counted blank line; so rows reported plus
rows named unreadable plus blank rows is the number of records in the file.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure.cli import main
from credit_disclosure.errors import InvalidFormat
from credit_disclosure.io import FileFormat, RawRow, check_file, open_table, write_csv
from credit_disclosure.standard import RecordKind

AS_OF = ["--as-of", "2026-01-01"]

#: The issue's reproducer: a quote opened in row 2 and never closed.
REPRODUCER = (
    "CF_WSH,BZ\r\n京罚〔2024〕1号,ok\r\n京罚〔2024〕2号,\"note\r\n"
    "京罚〔2024〕3号,ok\r\n京罚〔2024〕4号,ok\r\n"
).encode()


def _read(data: bytes, **kwargs: object) -> tuple[list[RawRow], int, int]:
    """(rows, blank rows, header line) of ``data`` read as CSV."""
    with open_table(io.BytesIO(data), format=FileFormat.CSV, **kwargs) as reader:  # type: ignore[arg-type]
        rows = list(reader)
        return rows, reader.blank_rows, reader.header_line


def _assert_accounted(data: bytes, rows: list[RawRow], blank: int, header_line: int) -> None:
    """The identity: rows' line spans and blank lines partition the lines after the header."""
    total = len(data.splitlines())  # bytes.splitlines: CR LF, LF and CR, as the reader
    previous = header_line
    spanned = 0
    for raw in rows:
        assert raw.line is not None and raw.last_line is not None
        assert previous < raw.line <= raw.last_line <= total, (raw.row, raw.line, raw.last_line)
        spanned += raw.last_line - raw.line + 1
        previous = raw.last_line
    assert spanned + blank == total - header_line
    assert [r.row for r in rows] == sorted({r.row for r in rows})


def test_unclosed_quote_reproducer() -> None:
    """4 records in: 4 rows reported, the one where the quote opened is ``row.quote``."""
    rows, blank, header = _read(REPRODUCER)
    _assert_accounted(REPRODUCER, rows, blank, header)
    assert [(r.row, r.usable, [i.code for i in r.issues]) for r in rows] == [
        (1, True, []),
        (2, False, ["row.quote"]),
        (3, True, []),
        (4, True, []),
    ]
    assert rows[2].values == {"CF_WSH": "京罚〔2024〕3号", "BZ": "ok"}
    report = check_file(io.BytesIO(REPRODUCER), kind="penalty")
    assert report.rows == 4 and report.by_code.get("row.quote") == 1


def _penalty_file(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "penalties.csv"
    rows = [{"CF_WSH": f"京罚〔2024〕{i}号", "BZ": "ok"} for i in range(1, n + 1)]
    write_csv(rows, path, RecordKind.PENALTY)
    return path


def test_quote_opened_in_row_19_of_20_is_an_error_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's 20-row file: 20 rows, the quote reported, exit code 1 (it was 19 rows, exit 0)."""
    path = _penalty_file(tmp_path, 20)
    lines = path.read_bytes().split(b"\r\n")
    lines[19] = lines[19].replace(",ok,", ',"ok,', 1) if b",ok," in lines[19] else lines[19]
    lines[19] = re.sub(rb",(\w)", rb',"\1', lines[19], count=1)
    path.write_bytes(b"\r\n".join(lines))
    assert main(["check", str(path), "--format", "json", *AS_OF]) == 1
    out = capsys.readouterr().out
    assert '"rows": 20' in out and '"row.quote"' in out


@pytest.mark.parametrize(
    ("name", "header_end", "row_end"),
    [
        ("LF header, CR rows", b"\n", b"\r"),
        ("CR", b"\r", b"\r"),
        ("LF", b"\n", b"\n"),
        ("CRLF", b"\r\n", b"\r\n"),
        ("CRLF header, LF rows", b"\r\n", b"\n"),
    ],
)
def test_line_ends(name: str, header_end: bytes, row_end: bytes) -> None:
    """CR, LF and CRLF line ends, mixed too, give the same 20 rows (LF + CR gave 1 row)."""
    data = b"CF_WSH,BZ" + header_end + b"".join(f"n{i},ok".encode() + row_end for i in range(20))
    rows, blank, header = _read(data)
    _assert_accounted(data, rows, blank, header)
    assert [r.values["CF_WSH"] for r in rows] == [f"n{i}" for i in range(20)], name
    assert all(r.usable and not r.issues for r in rows)


def test_quoted_line_breaks_of_any_kind_stay_in_the_value() -> None:
    """A quoted value keeps its CR, LF or CR LF line breaks and is one row over several lines."""
    data = b'CF_WSH,BZ\r\nn1,"a\rb\nc\r\nd"\rn2,ok\n'
    rows, blank, header = _read(data)
    _assert_accounted(data, rows, blank, header)
    assert [(r.row, r.line, r.last_line, dict(r.values)) for r in rows] == [
        (1, 2, 5, {"CF_WSH": "n1", "BZ": "a\rb\nc\r\nd"}),
        (2, 6, 6, {"CF_WSH": "n2", "BZ": "ok"}),
    ]


def test_stray_quote_closed_lines_later_is_quote_span() -> None:
    """A quote closed by a stray quote lines later, the rows not fitting: error, rows read again."""
    data = b'A,B,C\r\n1,"x\r\n3,4,5\r\n6,7"\r\n9,10,11\r\n'
    rows, blank, header = _read(data)
    _assert_accounted(data, rows, blank, header)
    assert [(r.row, r.line, [i.code for i in r.issues]) for r in rows] == [
        (1, 2, ["row.quote_span"]),
        (2, 3, []),
        (3, 4, ["row.columns"]),
        (4, 5, []),
    ]
    assert rows[1].values == {"A": "3", "B": "4", "C": "5"}
    assert "runs to line 4, and the row it makes has 2 cells for 3 columns" in (
        rows[0].issues[0].message_en
    )


def test_swallowed_rows_that_fit_are_named_in_a_warning() -> None:
    """A stray quote whose span happens to fit the header: one row, with ``row.multiline``."""
    data = b'CF_WSH,BZ\r\nn1,"note\r\nn2,ok\r\nn3,ok"\r\nn4,ok\r\n'
    rows, blank, header = _read(data)
    _assert_accounted(data, rows, blank, header)
    assert rows[0].last_line == 4
    (issue,) = rows[0].issues
    assert issue.code == "row.multiline" and "lines look like rows" in issue.message_en
    assert "line 2 to line 4" in issue.message_en


def test_genuine_multiline_note_has_no_warning() -> None:
    """A note with line breaks but no separators is a plain multi-line value: no warning."""
    data = 'CF_WSH,BZ,CF_SY\r\nn1,"第一行\r\n第二行",事实\r\n'.encode()
    rows, blank, header = _read(data)
    _assert_accounted(data, rows, blank, header)
    assert rows[0].issues == () and rows[0].values["BZ"] == "第一行\r\n第二行"


def test_runaway_quote_is_bounded() -> None:
    """A quoted value past the parser's limit counts as unclosed; the lines after it are rows."""
    data = b"A,B\r\n" + b'1,"x\r\n' + b"".join(f"{i},y\r\n".encode() for i in range(2000))
    old = csv.field_size_limit(100)
    try:
        rows, blank, header = _read(data)
    finally:
        csv.field_size_limit(old)
    _assert_accounted(data, rows, blank, header)
    assert rows[0].issues[0].code == "row.quote"
    assert len(rows) == 2001 and all(r.usable for r in rows[1:])


def test_nul_bytes_are_a_row_issue() -> None:
    """A NUL byte flags its row (``row.encoding``) on every Python version; the others are clean."""
    data = b"CF_WSH,BZ\r\nn1,o\x00k\r\nn2,ok\r\n"
    rows, blank, header = _read(data)
    _assert_accounted(data, rows, blank, header)
    assert [[i.code for i in r.issues] for r in rows] == [["row.encoding"], []]
    assert rows[0].values["BZ"] == "o\ufffdk"


def test_truncated_file_reads_what_is_there() -> None:
    """A file cut in the middle of a row: the partial row is reported, not dropped."""
    data = REPRODUCER.replace(b'"note', b"note")[:-12]
    rows, blank, header = _read(data)
    _assert_accounted(data, rows, blank, header)
    assert len(rows) == 4


def test_blank_lines_before_the_header_are_skipped() -> None:
    """Blank lines before the header do not make the file empty; line numbers stay true."""
    data = b"\r\n  \r\nCF_WSH,BZ\r\nn1,ok\r\n"
    rows, blank, header = _read(data)
    assert header == 3 and rows[0].line == 4
    _assert_accounted(data, rows, blank, header)


def test_utf16_without_bom_is_a_file_error_and_readable_with_encoding() -> None:
    """UTF-16 without a BOM is refused with ``file.encoding`` naming the fix, which works."""
    data = "CF_WSH,BZ\r\n京罚〔2024〕1号,ok\r\n".encode("utf-16-le") * 3
    with pytest.raises(InvalidFormat) as caught:
        _read(data)
    assert caught.value.code == "file.encoding" and "utf-16-le" in caught.value.message_en
    rows, _, _ = _read(data, encoding="utf-16-le")
    assert len(rows) == 5 and rows[0].values == {"CF_WSH": "京罚〔2024〕1号", "BZ": "ok"}


def test_utf16_with_bom_mixed_line_ends() -> None:
    """UTF-16 (with a BOM) reads CR-only and LF-only line ends too, on whole code units."""
    text = "CF_WSH\tBZ\r京罚1\tok\n京罚2\t\u0d0a上\r\n"
    for codec, bom in (("utf-16", ""), ("utf-16-be", "\ufeff")):
        data = (bom + text).encode(codec)  # utf-16 writes its own BOM
        rows, _, _ = _read(data)
        assert [dict(r.values) for r in rows] == [
            {"CF_WSH": "京罚1", "BZ": "ok"},
            {"CF_WSH": "京罚2", "BZ": "\u0d0a上"},
        ], codec


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 20,
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000),
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
    ],
)
def test_binary_file_is_one_file_error(data: bytes) -> None:
    """A binary file (or an old .xls) is one ``file.binary`` error, not hundreds of junk rows."""
    with pytest.raises(InvalidFormat) as caught:
        _read(data)
    assert caught.value.code == "file.binary"


def test_text_with_nul_padded_end_is_still_read() -> None:
    """A text file whose end a crash filled with NUL bytes is read; the NUL line is reported."""
    text = REPRODUCER.replace(b'"note', b"note") * 3
    data = text + bytes(600)
    rows, blank, header = _read(data)
    _assert_accounted(data, rows, blank, header)
    assert len(rows) == 15 and [i.code for i in rows[-1].issues] == ["row.encoding", "row.columns"]


def test_workbook_named_csv_is_read_as_workbook(tmp_path: Path) -> None:
    """An XLSX file saved under a ``.csv`` name is read as the workbook it is."""
    pytest.importorskip("openpyxl")
    from credit_disclosure.io import write_xlsx

    path = tmp_path / "export.csv"
    write_xlsx([{"CF_WSH": "京罚〔2024〕1号"}], path, RecordKind.PENALTY)
    with open_table(path) as reader:
        assert reader.format is FileFormat.XLSX and len(list(reader)) == 1


def _workbook_with_formulas(tmp_path: Path, cached: str | None) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["CF_WSH", "CF_NR_FK", "BZ"])
    ws.append(["京罚〔2024〕1号", "=1+2", "ok"])
    ws.append(["京罚〔2024〕2号", "3", "ok"])
    path = tmp_path / "formulas.xlsx"
    wb.save(path)
    if cached is not None:  # what a spreadsheet saves: the formula with its computed value
        with zipfile.ZipFile(path) as zf:
            parts = {n: zf.read(n) for n in zf.namelist()}
        sheet = "xl/worksheets/sheet1.xml"
        parts[sheet] = re.sub(rb"(<f>1\+2</f>)<v\s*/>", rb"\1<v>" + cached.encode() + rb"</v>", parts[sheet])
        with zipfile.ZipFile(path, "w") as zf:
            for name, data in parts.items():
                zf.writestr(name, data)
    return path


def test_xlsx_formula_without_value_is_reported(tmp_path: Path) -> None:
    """A formula no spreadsheet computed is ``row.formula`` (naming the column), not an empty cell."""
    path = _workbook_with_formulas(tmp_path, None)
    with open_table(path) as reader:
        rows = list(reader)
    assert [(r.row, r.line, [(i.code, i.message_en) for i in r.issues]) for r in rows] == [
        (1, 2, [("row.formula", "column 2 holds a formula that was never computed, so its value is unknown")]),
        (2, 3, []),
    ]
    report = check_file(path, kind="penalty")
    assert report.by_code.get("row.formula") == 1


def test_xlsx_formula_with_cached_value_reads_the_value(tmp_path: Path) -> None:
    """A formula a spreadsheet computed and saved reads as its value, with no issue."""
    path = _workbook_with_formulas(tmp_path, "3")
    with open_table(path) as reader:
        rows = list(reader)
    assert rows[0].values["CF_NR_FK"] == 3 and rows[0].issues == ()


# --- the property test -------------------------------------------------------------

_CELL = st.text(
    alphabet=st.sampled_from(list('ab京罚〔〕号0123 ,;"\r\n\t-=')),
    max_size=8,
)


@st.composite
def _files(draw: st.DrawFn) -> tuple[bytes, int, list[list[str]]]:
    """A generated CSV file: (bytes, offset where the header line ends, records)."""
    width = draw(st.integers(2, 4))
    header = [f"列{i}_CF_FIELD_{i}" for i in range(width)]
    records = draw(st.lists(st.lists(_CELL, min_size=width, max_size=width), max_size=12))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
    terminator = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    lines = []
    for cells in [header, *records]:  # quoted wherever a cell holds CR or LF, whatever ends lines
        text = io.StringIO()
        csv.writer(text, lineterminator="\r\n").writerow(cells)
        lines.append(text.getvalue()[:-2] + terminator)
    data = "".join(lines).encode(encoding)
    head_end = len(lines[0].encode(encoding))
    return data, head_end, records


def _damage(draw: st.DrawFn, data: bytes, start: int) -> bytes:
    """Apply a random damage after ``start`` (the header stays whole)."""
    kind = draw(
        st.sampled_from(["quote", "line end", "truncate", "nul", "gbk", "utf-8", "all CR", "all LF"])
    )
    at = draw(st.integers(start, len(data)))
    if kind == "quote":
        return data[:at] + b'"' + data[at:]
    if kind == "line end":
        return data[:at] + draw(st.sampled_from([b"\r", b"\n", b"\r\n"])) + data[at:]
    if kind == "truncate":
        return data[:at]
    if kind == "nul":
        return data[:at] + b"\x00" + data[at:]
    if kind == "gbk":
        return data[:at] + "罚款".encode("gbk") + data[at:]
    if kind == "utf-8":
        return data[:at] + "罚款".encode() + data[at:]
    head, body = data[:start], data[start:]
    if kind == "all CR":
        return head + body.replace(b"\r\n", b"\r").replace(b"\n", b"\r")
    return head + body.replace(b"\r\n", b"\n").replace(b"\r", b"\n")


@given(st.data())
def test_damaged_files_account_for_every_line(data: st.DataObject) -> None:
    """Damaged at random (quotes, line ends, truncation, NULs, other encodings): every line is a
    row, part of a row or blank, and the check reports every row the reader yields."""
    raw, start, _ = data.draw(_files())
    for _ in range(data.draw(st.integers(1, 3))):
        raw = _damage(data.draw, raw, start)
    rows, blank, header = _read(raw)
    _assert_accounted(raw, rows, blank, header)
    report = check_file(io.BytesIO(raw), kind="penalty", format=FileFormat.CSV)
    assert report.rows == len(rows) and report.blank_rows == blank


@given(_files())
def test_undamaged_files_read_back_exactly(file: tuple[bytes, int, list[list[str]]]) -> None:
    """Without damage, every record reads back as written (quotes, separators, line breaks)."""
    raw, _, records = file
    rows, blank, header = _read(raw)
    _assert_accounted(raw, rows, blank, header)
    assert all(r.usable and not [i for i in r.issues if i.severity.value == "error"] for r in rows)
    kept = [
        cells
        for cells in records
        if any("\r" in c or "\n" in c or c.strip() for c in cells)  # single-line blank: skipped
    ]
    assert [list(r.values.values()) for r in rows] == kept
    assert blank == len(records) - len(kept)


@pytest.mark.parametrize("end", [b"\r", b"\n", b"\r\n"])
def test_json_lines_any_line_end(end: bytes) -> None:
    """JSON Lines with CR, LF or CRLF line ends: one row per line, bad lines named."""
    data = end.join([b'{"CF_WSH": "n1"}', b"not json", b"", b'{"CF_WSH": "n3"}']) + end
    with open_table(io.BytesIO(data), format=FileFormat.JSONL) as reader:
        rows = list(reader)
        blank = reader.blank_rows
    assert [(r.row, r.line, r.usable) for r in rows] == [(1, 1, True), (2, 2, False), (4, 4, True)]
    assert blank == 1 and len(rows) + blank == len(data.splitlines())
