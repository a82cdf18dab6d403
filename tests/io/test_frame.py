"""Differential test: read_records' columnar engine and its row engine give the same frame.

Same columns, dtypes, values (``None`` and ``NaN`` told apart), index and attrs over the
bundled samples, every planted fault, damaged files (line ends, quotes, blank rows, white
space, encodings, title rows), the 2015 standard's headers, XLSX and JSON Lines (read row by
row either way) and hypothesis-generated files; batches of a few rows, so that fallbacks to
the row reader start mid-file; both batch parsers (Polars, pyarrow). The columnar reader is
really taken on regular files.
"""

from __future__ import annotations

import csv
import importlib.util
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from credit_disclosure.errors import ArgumentError, CreditDisclosureError, MissingOptionalDependency
from credit_disclosure.io import _columnar, _frame, write_jsonl, write_xlsx
from credit_disclosure.samples import sample_path
from credit_disclosure.standard import RecordKind, StandardVersion, fields

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

from credit_disclosure.pandas import read_records  # noqa: E402

# the file builders and damaged files of check_file's differential test
_spec = importlib.util.spec_from_file_location("_cases", Path(__file__).parent / "test_columnar.py")
assert _spec is not None and _spec.loader is not None
_cases = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_cases)


#: every test here with small batches and each batch parser (tests/io/conftest.py)
pytestmark = pytest.mark.usefixtures("small_batches")


def _read(source: Path | bytes, engine: str, **kwargs: Any) -> Any:
    target = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        return read_records(target, engine=engine, **kwargs)
    except CreditDisclosureError as exc:  # a file that cannot be read fails alike
        return f"{type(exc).__name__}: {exc}"


def _cells(frame: Any) -> list[list[str]]:
    """Every cell's repr, column by column: ``None`` and ``nan`` are not the same."""
    return [[repr(v) for v in frame.iloc[:, i].tolist()] for i in range(frame.shape[1])]


def assert_same(source: Path | bytes, **kwargs: Any) -> Any:
    """The frame of every engine is the row engine's; returns it."""
    row = _read(source, "row", **kwargs)
    for engine in ("columnar", "auto"):
        frame = _read(source, engine, **kwargs)
        if isinstance(row, str):
            assert frame == row
            continue
        pd.testing.assert_frame_equal(frame, row, check_exact=True, check_column_type=True)
        assert list(frame.columns) == list(row.columns)
        assert frame.columns.dtype == row.columns.dtype
        assert list(frame.dtypes) == list(row.dtypes)
        assert frame.index.equals(row.index) and frame.index.name == row.index.name
        assert frame.index.dtype == row.index.dtype
        assert frame.attrs == row.attrs
        assert _cells(frame) == _cells(row)
    return row


def _parsed_share(data: bytes) -> float:
    """The share of the frame's rows that came from the columnar reader's Arrow blocks."""
    parsed = 0
    original = _frame._Columns.add_block

    def counting(self: Any, first: int, block: Any, judge: Any = None) -> None:
        nonlocal parsed
        parsed += block.num_rows if block.keep is None else int(block.keep.sum())
        original(self, first, block, judge)

    mp = pytest.MonkeyPatch()
    mp.setattr(_frame._Columns, "add_block", counting)
    try:
        frame = read_records(io.BytesIO(data), engine="columnar")
    finally:
        mp.undo()
    return parsed / max(len(frame), 1)


@pytest.mark.parametrize("kind", list(RecordKind))
def test_the_bundled_samples(kind: RecordKind) -> None:
    """The penalty sample (UTF-8, a row with too few cells) and the licence sample (GBK)."""
    assert len(assert_same(sample_path(kind))) > 100


@pytest.mark.parametrize("kind", list(RecordKind))
def test_every_planted_fault(kind: RecordKind) -> None:
    data = _cases._csv(_cases._rows(kind, 240, seed=5, per_fault=4), kind)
    assert len(assert_same(data)) == 240
    assert _parsed_share(data) == 1.0  # a regular file: every row from the Arrow tables


@pytest.mark.parametrize("quoting", [csv.QUOTE_MINIMAL, csv.QUOTE_ALL])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_regular_files_come_from_the_columnar_reader(quoting: int, newline: str) -> None:
    rows = _cases._rows(RecordKind.PENALTY, 120, seed=9)
    data = _cases._csv(rows, RecordKind.PENALTY, quoting=quoting, newline=newline)
    frame = assert_same(data)
    assert _parsed_share(data) == 1.0
    assert frame.index.tolist() == list(range(1, 121))


@pytest.mark.parametrize("name", list(_cases.DAMAGE))
def test_damaged_files(name: str) -> None:
    """Blank rows and cells, line ends, quotes, NUL, bytes not UTF-8, a title row, ..."""
    data = b"\r\n".join(_cases.DAMAGE[name](_cases._lines()))
    assert_same(data)


@pytest.mark.parametrize(
    "cell",
    ["", " ", "\t", "\u3000", "\xa0", "\x1c", "\x1f", "\x85", "\u2028", " \u3000 ", "\u200b",
     "\ufeff", "\u3000x", "x ", "【x】", "〔2024〕", "\u3001"],
)
def test_white_space_cells(cell: str) -> None:
    """Cells of white space only are missing values, as ``str.strip`` decides; others stay."""
    rows = _cases._rows(RecordKind.PENALTY, 40, seed=11)
    for row in rows[::3]:
        row["CF_XDR_MC"] = cell
        row["BZ"] = cell
    for code in rows[7]:
        rows[7][code] = cell  # a whole row of it: a blank row, unless a cell has text
    data = _cases._csv(rows, RecordKind.PENALTY, encoding="utf-8")
    frame = assert_same(data)
    assert (8 in frame.index) == bool(cell.strip())  # data row 8


def test_encodings_headers_and_standards() -> None:
    lines = _cases._lines()
    text = b"\r\n".join(lines).decode("utf-8")
    assert_same(text.encode("gbk"))  # GB18030: the row reader
    assert_same(text.encode("utf-16"))
    ascii_head = b"\r\n".join([lines[0], *[b"," * 29] * 2000, *lines[1:]])  # ASCII sniff window
    assert_same(ascii_head)
    assert_same(ascii_head.replace(lines[5], lines[5].decode().encode("gbk")))  # to GB18030
    assert_same(b"\r\n".join(lines).replace(b",", b";"))
    assert_same(b"\r\n".join(lines), encoding="gb18030")
    # the 2015 standard's headers, Chinese headers, a blank and a repeated header
    codes = [f.code for f in fields(RecordKind.PENALTY, StandardVersion.V2015)]
    rows = _cases._rows(RecordKind.PENALTY, 30, seed=1)
    body = [",".join(r.get(c, "") for c in codes) for r in rows]
    assert_same("\n".join([",".join(codes), *body]).encode())
    names = [f.name_zh for f in fields(RecordKind.PENALTY)]
    assert_same(b"\r\n".join([",".join(names).encode(), *lines[1:]]))
    header = lines[0].split(b",")
    assert_same(b"\r\n".join([b",".join([*header[:-1], b""]), *lines[1:]]))
    assert_same(b"\r\n".join([b",".join([*header[:-1], header[0]]), *lines[1:]]))
    # nothing to read
    assert_same(b"")
    assert_same(lines[0])
    assert_same(lines[0] + b"\r\n" + b"," * 29 + b"\r\n")


def test_xlsx_and_jsonl_are_read_row_by_row(tmp_path: Path) -> None:
    rows = _cases._rows(RecordKind.PENALTY, 20, seed=3)
    for row in rows[::4]:
        row["BZ"] = " "
    xlsx, jsonl = tmp_path / "records.xlsx", tmp_path / "records.jsonl"
    write_xlsx(rows, xlsx, RecordKind.PENALTY)
    write_jsonl(rows, jsonl, RecordKind.PENALTY)
    assert len(assert_same(xlsx)) == 20
    assert len(assert_same(jsonl)) == 20


def test_without_pyarrow_the_row_engine_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _cases._csv(_cases._rows(RecordKind.PENALTY, 30, seed=4), RecordKind.PENALTY)
    expected = _read(data, "row")
    monkeypatch.setattr(_columnar, "available", lambda: False)
    assert expected.equals(_read(data, "auto"))
    with pytest.raises(MissingOptionalDependency, match="fast"):
        read_records(io.BytesIO(data), engine="columnar")


def test_small_files_are_not_parsed_in_batches_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _cases._csv(_cases._rows(RecordKind.PENALTY, 60, seed=8), RecordKind.PENALTY)
    monkeypatch.setattr(_columnar, "AUTO_MIN_BYTES", len(data) + 1)
    calls: list[int] = []
    original = _frame._Blocks.rows
    monkeypatch.setattr(_frame._Blocks, "rows", lambda self: calls.append(1) or original(self))
    assert read_records(io.BytesIO(data)).equals(_read(data, "row"))
    assert not calls  # the row reader's rows, built into Arrow columns
    read_records(io.BytesIO(data), engine="columnar")
    assert calls


def test_an_unknown_engine_is_refused() -> None:
    with pytest.raises(ArgumentError, match="engine"):
        read_records(sample_path("penalty"), engine="turbo")  # type: ignore[arg-type]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_generated_files(data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(list(RecordKind)))
    rows = _cases._rows(kind, 30, seed=data.draw(st.integers(0, 1000)), per_fault=0)
    codes = [f.code for f in fields(kind)]
    for row in data.draw(st.lists(st.integers(0, 29), max_size=8)):
        code = data.draw(st.sampled_from(codes))
        rows[row][code] = data.draw(st.one_of(_cases._CELLS, st.text(max_size=8)))
    quoting = data.draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    lines = _cases._csv(rows, kind, quoting=quoting, newline="\n", encoding="utf-8").split(b"\n")
    out = bytearray()
    for i, line in enumerate(lines):
        out += line
        if i < len(lines) - 1:
            out += data.draw(_cases._ENDS).encode() if data.draw(st.integers(0, 9)) == 0 else b"\n"
    if data.draw(st.booleans()):
        at = data.draw(st.integers(0, len(out)))
        out[at:at] = data.draw(st.sampled_from([b"", b"\n", b'"', b",", b"\x00", b"\xff", b"\r\n"]))
    assert_same(bytes(out))


def test_the_parsing_threads_stop_with_the_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks are parsed by a pool of threads: none is left when the frame is read, and an
    error in one of them is raised by read_records (after the threads stopped)."""
    import threading

    data = _cases._csv(_cases._rows(RecordKind.PENALTY, 120, seed=6), RecordKind.PENALTY)
    before = threading.active_count()
    assert_same(data)
    assert threading.active_count() == before
    calls = 0
    original = _frame._Blocks.block

    def failing(self: Any, chunk: bytes) -> Any:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise MemoryError("third block")
        return original(self, chunk)

    monkeypatch.setattr(_frame._Blocks, "block", failing)
    with pytest.raises(MemoryError, match="third block"):
        read_records(io.BytesIO(data), engine="columnar")
    assert threading.active_count() == before
