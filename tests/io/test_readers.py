"""Streaming readers: every row accounted for, in every format and encoding."""

from __future__ import annotations

import codecs
import io
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure.io import (
    FileFormat,
    check_file,
    guess_format,
    open_table,
    write_xlsx,
)
from credit_disclosure.standard import RecordKind

ROWS = [
    ["CF_WSH", "CF_XDR_MC", "BZ"],
    ["京朝市监罚〔2024〕1号", "北京宏达科技有限公司", ""],
    ["京朝市监罚〔2024〕2号", "上海鑫源商贸有限公司", "多行\n备注"],
]


def _csv(rows: list[list[str]], encoding: str = "utf-8", sep: str = ",") -> bytes:
    text = io.StringIO()
    import csv

    csv.writer(text, delimiter=sep, lineterminator="\r\n").writerows(rows)
    return text.getvalue().encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_csv_encodings_read_the_same(encoding: str) -> None:
    """The same table reads the same in every encoding, quoted line breaks included."""
    sep = "\t" if encoding == "utf-16" else ","
    with open_table(io.BytesIO(_csv(ROWS, encoding, sep)), format=FileFormat.CSV) as reader:
        assert reader.headers == tuple(ROWS[0])
        got = [(raw.row, list(raw.values.values()), raw.issues) for raw in reader]
    assert got == [(1, ROWS[1], ()), (2, ROWS[2], ())]


def test_bad_bytes_become_a_row_issue() -> None:
    """A row with bytes invalid in the file's encoding is read (with U+FFFD) and flagged."""
    data = _csv(ROWS[:2], "gbk") + b"x,\xff\xff,\r\n" + _csv(ROWS[2:], "gbk")
    with open_table(io.BytesIO(data)) as reader:
        rows = list(reader)
    assert [r.row for r in rows] == [1, 2, 3]
    assert [i.code for i in rows[1].issues] == ["row.encoding"]
    assert rows[1].usable and "\ufffd" in str(rows[1].values["CF_XDR_MC"])
    assert rows[0].issues == () and rows[2].issues == ()


def test_wrong_column_count_is_a_row_issue() -> None:
    """A row with too few or too many cells is reported and the next rows still read."""
    data = _csv([ROWS[0], ["only one"], ["a", "b", "c", "extra"], ROWS[1]])
    with open_table(io.BytesIO(data)) as reader:
        rows = list(reader)
    assert [(r.row, r.usable, [i.code for i in r.issues]) for r in rows] == [
        (1, False, ["row.columns"]),
        (2, False, ["row.columns"]),
        (3, True, []),
    ]
    assert "1 cells but the header has 3" in rows[0].issues[0].message_en


def test_trailing_empty_cells_and_blank_rows_are_tolerated() -> None:
    """Excel's trailing empty cells are dropped; blank rows are skipped and counted."""
    data = _csv([ROWS[0], [*ROWS[1], "", ""], [], ["", "", ""], ROWS[2]])
    with open_table(io.BytesIO(data)) as reader:
        rows = list(reader)
        blank = reader.blank_rows
    assert [r.row for r in rows] == [1, 4]
    assert blank == 2
    assert all(r.usable and not r.issues for r in rows)


def test_semicolon_and_tab_separators_are_detected() -> None:
    """The separator is guessed from the header line."""
    for sep in (";", "\t"):
        with open_table(io.BytesIO(_csv(ROWS, sep=sep)), format=FileFormat.CSV) as reader:
            assert reader.headers == tuple(ROWS[0])


def test_empty_file_has_a_file_issue() -> None:
    """An empty file yields no row and a ``file.empty`` issue."""
    with open_table(io.BytesIO(b""), format=FileFormat.CSV) as reader:
        assert list(reader) == []
        assert [i.code for i in reader.file_issues] == ["file.empty"]


def test_duplicate_and_blank_headers() -> None:
    """A repeated header keeps its first column; values under a blank header are reported once."""
    data = _csv([["CF_WSH", "", "CF_WSH"], ["a", "x", "b"], ["c", "y", "d"]])
    with open_table(io.BytesIO(data)) as reader:
        rows = list(reader)
        issues = reader.file_issues
    assert [r.values for r in rows] == [{"CF_WSH": "a"}, {"CF_WSH": "c"}]
    assert [(i.code, i.row) for i in issues] == [("header.blank", 1)]


def test_progress_reaches_one(tmp_path: Path) -> None:
    """The fraction read grows to 1 by the end of the file."""
    path = tmp_path / "x.csv"
    path.write_bytes(_csv(ROWS * 50))
    with open_table(path) as reader:
        assert reader.progress() is not None
        list(reader)
        assert reader.progress() == 1.0


def test_jsonl_rows_and_bad_lines(tmp_path: Path) -> None:
    """JSON Lines: keys are headers; a bad line or a non-object is a row issue; blanks are skipped."""
    path = tmp_path / "x.jsonl"
    lines = [
        json.dumps({"CF_WSH": "a", "CF_NR_FK": 0.2, "extra": [1]}, ensure_ascii=False),
        "{not json",
        "",
        "[1, 2]",
        json.dumps({"行政处罚决定书文号": "b", "flag": True}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with open_table(path) as reader:
        assert reader.format is FileFormat.JSONL
        assert reader.headers == ("CF_WSH", "CF_NR_FK", "extra")
        rows = list(reader)
        assert reader.blank_rows == 1
    assert [(r.row, r.usable, [i.code for i in r.issues]) for r in rows] == [
        (1, True, []),
        (2, False, ["row.json"]),
        (4, False, ["row.json"]),
        (5, True, []),
    ]
    assert rows[0].values == {"CF_WSH": "a", "CF_NR_FK": 0.2, "extra": "[1]"}
    assert rows[3].values == {"行政处罚决定书文号": "b", "flag": "true"}


def test_xlsx_round_trip_and_extra_cells(tmp_path: Path) -> None:
    """XLSX: headers and rows come back; a row with values past the header is reported."""
    pytest.importorskip("openpyxl")
    import openpyxl

    path = tmp_path / "x.xlsx"
    write_xlsx([{"CF_WSH": "a", "CF_XDR_MC": "某某公司"}], path, RecordKind.PENALTY)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws is not None
    ws.append(["b", *([None] * 29), "beyond"])
    ws.append([None] * 5)
    ws.append(["c"])
    wb.save(path)
    with open_table(path) as reader:
        assert reader.format is FileFormat.XLSX and reader.headers[0] == "行政相对人名称"
        rows = list(reader)
        assert reader.blank_rows == 1
    assert [(r.row, r.usable) for r in rows] == [(1, True), (2, False), (4, True)]
    assert rows[0].values["行政处罚决定书文号"] == "a"
    assert rows[1].issues[0].code == "row.columns"
    assert rows[2].values["行政相对人名称"] == "c" and rows[2].values["备注"] is None


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.CSV", b"", FileFormat.CSV),
        ("a.tsv", b"", FileFormat.CSV),
        ("a.xlsx", b"", FileFormat.XLSX),
        ("a.ndjson", b"", FileFormat.JSONL),
        ("a", b"PK\x03\x04", FileFormat.XLSX),
        ("a", b"\xef\xbb\xbf {", FileFormat.JSONL),
        ("a", b"x,y", FileFormat.CSV),
    ],
)
def test_guess_format(name: str, head: bytes, expected: FileFormat) -> None:
    """The format comes from the suffix, else from the first bytes."""
    assert guess_format(name, head) is expected


@given(st.binary(max_size=400))
def test_junk_bytes_never_crash_and_every_row_is_numbered(data: bytes) -> None:
    """Arbitrary bytes read without an exception; row numbers are 1, 2, 3... with no gaps lost."""
    with open_table(io.BytesIO(b"CF_WSH,CF_XDR_MC\n" + data), format=FileFormat.CSV) as reader:
        rows = list(reader)
        blank = reader.blank_rows
    numbers = [r.row for r in rows]
    assert numbers == sorted(set(numbers))
    assert len(rows) + blank >= (numbers[-1] if numbers else 0)


AS_OF = date(2025, 1, 1)


HEADER = "CF_WSH\tCF_XDR_MC\tBZ\r\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_bad_bytes_are_a_row_issue(codec: str) -> None:
    """UTF-16 bytes that do not decode flag their row (row.encoding) instead of vanishing."""
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    good = "文号1\t某某有限公司\t\r\n".encode(codec)
    lone_surrogate = "\ud800".encode(codec, "surrogatepass")
    bad = "文号2\t某某".encode(codec) + lone_surrogate + "公司\t\r\n".encode(codec)
    data = bom + HEADER.encode(codec) + good + bad + good
    with open_table(io.BytesIO(data), format=FileFormat.CSV) as reader:
        assert reader.encoding == "utf-16"
        rows = list(reader)
    assert [(r.row, [i.code for i in r.issues]) for r in rows] == [
        (1, []),
        (2, ["row.encoding"]),
        (3, []),
    ]
    assert rows[1].values["CF_XDR_MC"] == "某某\ufffd公司"


def test_utf16_splits_lines_only_on_whole_code_units() -> None:
    """A UTF-16 character whose bytes hold 0x0A (U+0A00, 上) never splits a row."""
    text = HEADER + "文号1\t\u0a00上海\u4e0a\t备注\r\n"
    data = text.encode("utf-16")  # BOM + native order
    with open_table(io.BytesIO(data), format=FileFormat.CSV) as reader:
        rows = list(reader)
    assert [(r.row, dict(r.values), r.issues) for r in rows] == [
        (1, {"CF_WSH": "文号1", "CF_XDR_MC": "\u0a00上海\u4e0a", "BZ": "备注"}, ())
    ]


def test_csv_row_of_white_space_is_blank() -> None:
    """A CSV row whose cells are all white space is a blank row, as in XLSX, not a record."""
    data = "CF_WSH,CF_XDR_MC\r\n  ,\u3000\r\n文号,某某公司\r\n".encode()
    report = check_file(io.BytesIO(data), as_of=AS_OF)
    assert (report.rows, report.blank_rows) == (1, 1)


def test_jsonl_first_line_not_an_object_keeps_every_row() -> None:
    """A JSON Lines file whose first line is not an object still has its kind and every row."""
    data = b'not json\n[1, 2]\n{"CF_WSH": "x", "CF_XDR_MC": "y"}\n'
    report = check_file(io.BytesIO(data), format=FileFormat.JSONL, as_of=AS_OF)
    assert report.kind is not None and report.kind.value == "penalty"
    assert report.rows == 3
    assert [(i.row, i.code) for i in report if i.code.startswith("row.")] == [
        (1, "row.json"),
        (2, "row.json"),
    ]


def test_jsonl_with_a_byte_order_mark() -> None:
    """A JSON Lines file that starts with a UTF-8 BOM (Windows Notepad) reads its first row."""
    data = b'\xef\xbb\xbf{"CF_WSH": "x", "CF_XDR_MC": "y"}\r\n{"CF_WSH": "z"}\r\n'
    report = check_file(io.BytesIO(data), as_of=AS_OF)
    assert report.rows == 2
    assert not [i for i in report if i.code.startswith("row.")]


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be", "utf-16-be"])
def test_wide_encodings_given_explicitly(encoding: str) -> None:
    """An explicit UTF-32 or UTF-16 encoding splits lines on whole code units too."""
    data = "CF_WSH,CF_XDR_MC\r\n文号,某某公司\r\n".encode(encoding)
    with open_table(io.BytesIO(data), encoding=encoding) as reader:
        rows = [(r.row, dict(r.values), r.issues) for r in reader]
    assert rows == [(1, {"CF_WSH": "文号", "CF_XDR_MC": "某某公司"}, ())]
