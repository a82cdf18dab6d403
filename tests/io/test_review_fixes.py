"""Regression tests for bugs found in review of the batch layer (one test per bug)."""

from __future__ import annotations

import codecs
import io
from datetime import date
from typing import Any

import pytest

from credit_disclosure.convert import from_mapping
from credit_disclosure.errors import ValidationError
from credit_disclosure.io import FileFormat, check_file, check_rows, open_table
from credit_disclosure.standard import PenaltyRecord, RecordKind

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


def test_rows_of_unknown_kind_raise_instead_of_vanishing() -> None:
    """Rows whose kind cannot be detected raise file.kind: they are never dropped silently."""
    data = b"not json\n[1]\n"
    with pytest.raises(ValidationError) as info:
        check_file(io.BytesIO(data), format=FileFormat.JSONL, as_of=AS_OF)
    assert info.value.code == "file.kind"


def test_rows_with_keys_that_are_not_text() -> None:
    """check_rows and from_mapping ignore keys that are not text (a frame's numbered column)."""
    report = check_rows([{1: "x", "CF_WSH": "文号"}], RecordKind.PENALTY, as_of=AS_OF)
    assert [i.code for i in report.file_issues] == ["header.unknown"]
    assert "row.unexpected" not in report.by_code
    assert from_mapping({None: "x", "CF_WSH": "文号"}, PenaltyRecord).decision_no == "文号"


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


def test_kind_and_version_given_as_text() -> None:
    """check_file, check_rows and check_row take "penalty" / "2018" as well as the enum members."""
    from credit_disclosure.samples import sample_path
    from credit_disclosure.standard import check_row

    kind: Any = "penalty"
    version: Any = "2018"
    by_text = check_file(sample_path(kind), kind=kind, version=version, as_of=AS_OF)
    by_enum = check_file(sample_path(kind), kind=RecordKind.PENALTY, as_of=AS_OF)
    assert by_text.summary() == by_enum.summary()
    assert check_rows([{"CF_WSH": "x"}], kind, as_of=AS_OF).by_code == {"field.required": 12}
    assert check_row({"CF_WSH": "x"}, kind, version=version, as_of=AS_OF).record is not None
    with pytest.raises(ValueError, match="'penalti' is not a valid RecordKind"):
        check_rows([{}], "penalti")  # type: ignore[arg-type]
