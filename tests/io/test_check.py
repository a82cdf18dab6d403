"""The batch check: headers in any style, every row accounted for, kind detection."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure.convert import from_mapping
from credit_disclosure.errors import ValidationError
from credit_disclosure.io import (
    FileFormat,
    HeaderStyle,
    check_file,
    check_rows,
    write_csv,
    write_jsonl,
)
from credit_disclosure.samples import generate_records
from credit_disclosure.standard import PenaltyRecord, RecordKind, StandardVersion, check_row

AS_OF = date(2026, 1, 1)


def _records(kind: RecordKind, n: int, **faults: int) -> list[dict[str, str]]:
    return [r.values for r in generate_records(kind, n, seed=11, faults=faults)]


@pytest.mark.parametrize("style", list(HeaderStyle))
@pytest.mark.parametrize("kind", list(RecordKind))
def test_clean_records_in_any_header_style_pass(
    tmp_path: Path, style: HeaderStyle, kind: RecordKind
) -> None:
    """Generated clean records written with any header style check with no issue and kind detected."""
    path = tmp_path / "x.csv"
    write_csv(_records(kind, 40), path, kind, header=style, encoding="gbk")
    report = check_file(path, as_of=AS_OF)
    assert report.kind is kind
    assert (report.rows, report.valid, report.issue_count) == (40, 40, 0)


def test_report_matches_check_row(tmp_path: Path) -> None:
    """The batch layer reports exactly what ``check_row`` says for each row, with row numbers."""
    records = _records(RecordKind.PENALTY, 60, missing_decision_no=3, bad_amount=2)
    path = tmp_path / "x.jsonl"
    write_jsonl(records, path, RecordKind.PENALTY, header=HeaderStyle.ATTR)
    report = check_file(path, as_of=AS_OF)
    expected = [
        (n, i.code, i.field)
        for n, rec in enumerate(records, start=1)
        for i in check_row(rec, RecordKind.PENALTY, as_of=AS_OF).issues
    ]
    assert [(i.row, i.code, i.field) for i in report] == expected
    assert report.with_errors == 5


def test_unreadable_rows_are_counted(tmp_path: Path) -> None:
    """Rows with bad bytes or the wrong cell count are in the report, and the others are checked."""
    records = _records(RecordKind.PENALTY, 5)
    buf = io.StringIO()
    write_csv(records, buf, RecordKind.PENALTY)
    lines = buf.getvalue().encode("utf-8").split(b"\r\n")
    lines[2] += b"\xff"  # a byte no UTF-8 text has, in the last cell (备注) of row 2
    lines[4] = b"too,few,cells"
    path = tmp_path / "x.csv"
    path.write_bytes(b"\r\n".join(lines))
    report = check_file(path, as_of=AS_OF)
    assert report.rows == 5
    codes = {(i.row, i.code) for i in report}
    assert (2, "row.encoding") in codes and (4, "row.columns") in codes
    assert report.with_errors >= 2 and report.valid + report.with_errors == 5


def test_unknown_and_duplicate_headers_are_file_issues(tmp_path: Path) -> None:
    """A header naming no field and a second column for the same field are reported once each."""
    path = tmp_path / "x.csv"
    path.write_text(
        "CF_WSH,行政处罚决定书文号,联系电话,CF_XDR_MC\n京罚〔2024〕1号,other,123,某公司\n",
        encoding="utf-8",
    )
    report = check_file(path, kind=RecordKind.PENALTY, as_of=AS_OF)
    file_issues = [(i.code, i.row) for i in report.file_issues]
    assert file_issues == [("header.duplicate", None), ("header.unknown", None)]
    assert report.rows == 1
    assert "field.required" in report.by_code


def test_undetectable_kind_raises(tmp_path: Path) -> None:
    """Headers that fit neither kind raise a ``file.kind`` validation error."""
    path = tmp_path / "x.csv"
    path.write_text("备注,foo\nx,y\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        check_file(path)
    assert info.value.code == "file.kind"


def test_empty_file_is_an_error(tmp_path: Path) -> None:
    """An empty file is not ok: it has no header."""
    path = tmp_path / "x.csv"
    path.write_bytes(b"")
    report = check_file(path, kind=RecordKind.LICENSE)
    assert not report.ok and report.rows == 0 and report.by_code == {"file.empty": 1}


def test_checker_crash_is_contained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unexpected exception in the per-row checker becomes a ``row.unexpected`` issue."""
    import credit_disclosure.io._pipeline as mod

    calls = []

    def boom(raw: object, kind: RecordKind, **kw: object) -> object:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("bug")
        return check_row(raw, kind, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(mod, "check_row", boom)
    report = check_rows(_records(RecordKind.LICENSE, 3), RecordKind.LICENSE, as_of=AS_OF)
    assert [(i.row, i.code) for i in report] == [(2, "row.unexpected")]
    assert report.rows == 3


def test_progress_callback(tmp_path: Path) -> None:
    """The progress callback is called during the check and ends at 1.0 with the row count."""
    path = tmp_path / "x.csv"
    write_csv(_records(RecordKind.PENALTY, 5000), path, RecordKind.PENALTY)
    seen: list[tuple[float | None, int]] = []
    check_file(path, as_of=AS_OF, progress=lambda f, n: seen.append((f, n)))
    assert len(seen) >= 2 and seen[-1] == (1.0, 5000)
    fractions = [f for f, _ in seen if f is not None]
    assert fractions == sorted(fractions)


def test_xlsx_values_are_checked(tmp_path: Path) -> None:
    """XLSX cells (text written by the writer) are checked like CSV cells."""
    pytest.importorskip("openpyxl")
    from credit_disclosure.io import write_xlsx

    path = tmp_path / "x.xlsx"
    write_xlsx(_records(RecordKind.LICENSE, 20, impossible_date=1), path, RecordKind.LICENSE)
    report = check_file(path, as_of=AS_OF, format=FileFormat.XLSX)
    assert report.rows == 20 and report.by_code == {"date.invalid": 1}


def test_check_rows_json_round_trip() -> None:
    """``check_rows`` on in-memory mappings gives a report whose JSON export parses."""
    report = check_rows(
        _records(RecordKind.PENALTY, 10, fine_in_yuan=1), RecordKind.PENALTY, as_of=AS_OF
    )
    out = io.StringIO()
    report.to_json(out)
    data = json.loads(out.getvalue())
    assert data["with_warnings"] == 1 and data["issues"][0]["code"] == "amount.yuan_in_wan"


_cell = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True),
    st.dates(),
    st.datetimes(),
)


@given(
    st.lists(
        st.dictionaries(
            st.sampled_from(["CF_WSH", "处罚决定日期", "fine_amount", "CF_XDR_LB", "x"]), _cell
        ),
        max_size=5,
    )
)
def test_junk_rows_are_all_counted(rows: list[dict[str, object]]) -> None:
    """Rows of junk values of any reader type never stop the check, and each is counted once."""
    report = check_rows(rows, RecordKind.PENALTY, as_of=AS_OF)
    assert report.rows == len(rows) == report.valid + report.with_errors
    assert "row.unexpected" not in report.by_code


@given(st.binary(max_size=300))
def test_junk_file_bytes_never_crash(data: bytes) -> None:
    """Any bytes after a valid header check without an exception; row numbers stay in order."""
    header = ",".join(["CF_WSH", "CF_XDR_MC", "CF_JDRQ", "CF_NR_FK"]).encode() + b"\n"
    report = check_file(io.BytesIO(header + data), kind=RecordKind.PENALTY, as_of=AS_OF)
    rows = [i.row for i in report if i.row is not None]
    assert rows == sorted(rows)
    assert report.rows == report.valid + report.with_errors


def test_standard_2015_file(tmp_path: Path) -> None:
    """A 2015-standard file is checked against the 2015 field list with ``version``."""
    path = tmp_path / "old.jsonl"
    path.write_text(
        json.dumps(
            {"CF_WSH": "京罚〔2016〕1号", "CF_XDR_MC": "某公司", "CF_CFLB1": "1"},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    report = check_file(path, version=StandardVersion.V2015, as_of=AS_OF)
    assert report.kind is RecordKind.PENALTY and report.version is StandardVersion.V2015
    assert report.rows == 1 and "header.unknown" not in report.by_code
    assert report.with_errors == 1  # required 2015 fields are missing


def test_gbk_after_a_long_ascii_head(tmp_path: Path) -> None:
    """A GBK file whose first 64 KiB are ASCII switches to GB18030 at its first Chinese line."""
    records = _records(RecordKind.PENALTY, 3)
    ascii_rows = [dict.fromkeys(records[0], "") | {"BZ": "x" * 400} for _ in range(200)]
    path = tmp_path / "late.csv"
    write_csv([*ascii_rows, *records], path, RecordKind.PENALTY, encoding="gbk")
    assert path.read_bytes()[:65536].isascii()
    report = check_file(path, as_of=AS_OF)
    assert report.encoding == "gb18030"
    assert "row.encoding" not in report.by_code
    assert not any(i.row is not None and i.row > 200 for i in report)


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
