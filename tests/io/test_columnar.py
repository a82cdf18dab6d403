"""Differential test: check_file's columnar fast path and the row engine write the same report.

Byte-identical JSON reports over the bundled samples, every planted fault, damaged files
(line ends, quotes, blank rows, encodings, cells) and hypothesis-generated files; the fast
path is really taken on regular files; without pyarrow check_file falls back silently.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from credit_disclosure.errors import (
    ArgumentError,
    CreditDisclosureError,
    MissingOptionalDependency,
)
from credit_disclosure.io import _columnar, check_file
from credit_disclosure.samples import FAULTS, generate_records, sample_path
from credit_disclosure.standard import RecordKind, StandardVersion, ValidationOptions, fields

pytest.importorskip("pyarrow")
pytest.importorskip("numpy")

AS_OF = date(2026, 1, 1)


#: every test here with small batches and each batch parser (tests/io/conftest.py)
pytestmark = pytest.mark.usefixtures("small_batches")


def _json(source: Path | bytes, engine: str, **kwargs: Any) -> str:
    target = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        report = check_file(target, as_of=AS_OF, engine=engine, **kwargs)  # type: ignore[arg-type]
    except CreditDisclosureError as exc:  # a file that cannot be read fails alike
        return f"{type(exc).__name__}: {exc}"
    out = io.StringIO()
    report.to_json(out)
    return out.getvalue()


def assert_same(source: Path | bytes, **kwargs: Any) -> str:
    row = _json(source, "row", **kwargs)
    fast = _json(source, "auto", **kwargs)
    assert fast == row
    return row


def _rows(kind: RecordKind, n: int, seed: int, per_fault: int = 0) -> list[dict[str, str]]:
    names = [name for name, f in FAULTS.items() if kind in f.kinds]
    faults = dict.fromkeys(names, per_fault) if per_fault else {}
    records = generate_records(kind, n, seed=seed, faults=faults)
    return [{k: "" if v is None else str(v) for k, v in r.values.items()} for r in records]


def _csv(
    rows: list[dict[str, str]],
    kind: RecordKind,
    *,
    quoting: int = csv.QUOTE_MINIMAL,
    newline: str = "\r\n",
    encoding: str = "utf-8-sig",
) -> bytes:
    codes = [f.code for f in fields(kind)]
    out = io.StringIO()
    writer = csv.writer(out, quoting=quoting, lineterminator=newline)
    writer.writerow(codes)
    for row in rows:
        writer.writerow([row.get(c, "") for c in codes])
    return out.getvalue().encode(encoding)


def _fast_share(data: bytes) -> float:
    """The share of rows the columnar path cleared when checking ``data``."""
    cleared = 0
    original = _columnar._Fast.batch

    def batch(self: Any, table: Any, line: int) -> Iterator[Any]:
        nonlocal cleared
        for item in original(self, table, line):
            if isinstance(item, _columnar.Cleared):
                cleared += item.count
            yield item

    mp = pytest.MonkeyPatch()
    mp.setattr(_columnar._Fast, "batch", batch)
    try:
        report = check_file(io.BytesIO(data), as_of=AS_OF)
    finally:
        mp.undo()
    return cleared / max(report.rows, 1)


@pytest.mark.parametrize("kind", list(RecordKind))
def test_the_bundled_samples(kind: RecordKind) -> None:
    assert_same(sample_path(kind))


@pytest.mark.parametrize("kind", list(RecordKind))
def test_every_planted_fault(kind: RecordKind) -> None:
    rows = _rows(kind, 240, seed=5, per_fault=4)
    data = _csv(rows, kind)
    assert '"with_errors"' in assert_same(data)
    assert _fast_share(data) > 0.5  # the fast path was taken, and cleared the clean rows


@pytest.mark.parametrize("quoting", [csv.QUOTE_MINIMAL, csv.QUOTE_ALL])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_regular_files_go_the_fast_way(quoting: int, newline: str) -> None:
    data = _csv(_rows(RecordKind.PENALTY, 120, seed=9), RecordKind.PENALTY, quoting=quoting,
                newline=newline)
    assert_same(data)
    assert _fast_share(data) > 0.9


def _lines(kind: RecordKind = RecordKind.PENALTY, n: int = 60, seed: int = 3) -> list[bytes]:
    return _csv(_rows(kind, n, seed), kind, encoding="utf-8").split(b"\r\n")


DAMAGE = {
    "blank line": lambda ls: [*ls[:20], b"", *ls[20:]],
    "blank cells row": lambda ls: [*ls[:20], b"," * 29, *ls[20:]],
    "white space row": lambda ls: [*ls[:20], " ,\u3000".encode() + b"," * 28, *ls[20:]],
    "first cell blank": lambda ls: [*ls[:20], b"," + ls[20].split(b",", 1)[1], *ls[21:]],
    "CR alone": lambda ls: [b"\r".join(ls[:30]), *ls[30:]],
    "too few cells": lambda ls: [*ls[:25], b"a,b,c", *ls[25:]],
    "too many cells": lambda ls: [*ls[:25], ls[25] + b",x,y", *ls[26:]],
    "extra blank cells": lambda ls: [*ls[:25], ls[25] + b",,", *ls[26:]],
    "NUL byte": lambda ls: [*ls[:25], ls[25].replace(b",", b",\x00", 1), *ls[26:]],
    "not UTF-8": lambda ls: [*ls[:40], ls[40].replace(b",", b",\xff", 1), *ls[41:]],
    "GBK row": lambda ls: [*ls[:40], "某某公司,个体工商户".encode("gbk") + b"," * 28, *ls[41:]],
    "quoted line break": lambda ls: [*ls[:30], b'"a\r\nb"' + ls[30][ls[30].index(b","):], *ls[31:]],
    "unclosed quote": lambda ls: [*ls[:30], b'"abc' + ls[30], *ls[31:]],
    "quote inside a cell": lambda ls: [*ls[:30], b'x"y' + ls[30], *ls[31:]],
    "text after a quote": lambda ls: [*ls[:30], b'"x"y' + ls[30], *ls[31:]],
    "doubled quotes": lambda ls: [*ls[:30], b'"x""y""",' + ls[30].split(b",", 1)[1], *ls[31:]],
    "quoted delimiter": lambda ls: [*ls[:30], b'"x,y",' + ls[30].split(b",", 1)[1], *ls[31:]],
    "space before a quote": lambda ls: [*ls[:30], b' "x",' + ls[30].split(b",", 1)[1], *ls[31:]],
    "BOM in a row": lambda ls: [*ls[:30], b"\xef\xbb\xbf" + ls[30], *ls[31:]],
    "no line end at the end": lambda ls: [*ls[:-1]] if ls[-1] == b"" else ls,
    "title above the header": lambda ls: ["某区行政处罚公示表".encode(), b"", *ls],
    "white space around values": lambda ls: [*ls[:30], b" " + ls[30].replace(b",", b" ,", 3), *ls[31:]],
    "mixed line ends": lambda ls: [b"\n".join(ls[:30]), *ls[30:]],
    # a row one cell short beside quoted cells holding delimiters: the chunk's count of
    # separators must not take the quoted delimiters for the missing one
    "one cell short, a quoted delimiter": lambda ls: [
        *ls[:30], b'"x,y",' + ls[30].split(b",", 1)[1].rsplit(b",", 1)[0], *ls[31:]],
    "one cell short, one too many": lambda ls: [
        *ls[:30], ls[30] + b",x", ls[31].rsplit(b",", 1)[0], *ls[32:]],
    "one cell short, quoted values": lambda ls: [
        *ls[:30], b'"a,b","c,d",' + ls[30].split(b",", 2)[2], ls[31].rsplit(b",", 2)[0] + b',"e,f"',
        *ls[32:]],
}


@pytest.mark.parametrize("name", list(DAMAGE))
def test_damaged_files(name: str) -> None:
    data = b"\r\n".join(DAMAGE[name](_lines()))
    assert_same(data)


@pytest.mark.parametrize("where", [0, 3, 20, 39])
def test_a_short_row_beside_a_quoted_delimiter(where: int) -> None:
    # no delimiter in any other cell, so that the quoted one is the only one in its batch
    rows = [{k: v.replace(",", "，") for k, v in r.items()} for r in _rows(RecordKind.PENALTY, 40, 3)]
    lines = _csv(rows, RecordKind.PENALTY, encoding="utf-8").split(b"\r\n")
    short = lines[where + 1].split(b",", 1)[1].rsplit(b",", 1)[0]
    lines[where + 1] = b'"x,y",' + short  # a cell short, and a delimiter inside quotes
    assert '"row.columns"' in assert_same(b"\r\n".join(lines))


def test_encodings_and_options() -> None:
    lines = _lines()
    text = b"\r\n".join(lines).decode("utf-8")
    assert_same(text.encode("gbk"))  # GB18030: the row engine reads it
    assert_same(text.encode("utf-16"))
    ascii_head = b"\r\n".join([lines[0], *[b"," * 29] * 2000, *lines[1:]])  # ASCII sniff window
    assert_same(ascii_head)
    assert_same(ascii_head.replace(lines[5], lines[5].decode().encode("gbk")))  # switch to GB18030
    data = b"\r\n".join(lines)
    assert_same(data, options=ValidationOptions(legal_rep_id_required=True))
    assert_same(data, version=StandardVersion.V2015)
    assert_same(data, header_row=1, kind=RecordKind.PENALTY)
    assert_same(data.replace(b",", b";"))


def test_on_row_and_progress_see_every_row_in_order() -> None:
    data = _csv(_rows(RecordKind.PENALTY, 100, seed=2, per_fault=1), RecordKind.PENALTY)
    seen: dict[str, list[tuple[int, int]]] = {}
    for engine in ("row", "auto"):
        calls: list[tuple[int, int]] = []
        check_file(io.BytesIO(data), as_of=AS_OF, engine=engine,  # type: ignore[arg-type]
                   on_row=lambda row, issues, c=calls: c.append((row, len(issues))))
        seen[engine] = calls
    assert seen["auto"] == seen["row"] and len(seen["row"]) == 100
    fractions: list[float | None] = []
    check_file(io.BytesIO(data * 1), as_of=AS_OF,
               progress=lambda fraction, rows: fractions.append(fraction))
    assert fractions[-1] == 1.0


def test_without_pyarrow_check_file_uses_the_row_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _csv(_rows(RecordKind.PENALTY, 50, seed=4, per_fault=1), RecordKind.PENALTY)
    expected = _json(data, "row")
    monkeypatch.setattr(_columnar, "available", lambda: False)
    assert _json(data, "auto") == expected
    with pytest.raises(MissingOptionalDependency, match="fast"):
        check_file(io.BytesIO(data), as_of=AS_OF, engine="columnar")


def test_small_files_go_the_row_way_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _csv(_rows(RecordKind.PENALTY, 60, seed=8), RecordKind.PENALTY)
    assert _fast_share(data) > 0.9
    monkeypatch.setattr(_columnar, "AUTO_MIN_BYTES", len(data) + 1)
    assert _fast_share(data) == 0  # imports and batches would cost more than they save
    assert _json(data, "columnar") == _json(data, "row")


def _readers_alive() -> list[str]:
    import threading

    return [t.name for t in threading.enumerate() if t.name == "credit-disclosure-read"]


class _FailingFile(io.BytesIO):
    """A file whose reads fail once the fast path has read ``after`` batches."""

    def __init__(self, data: bytes, after: int) -> None:
        super().__init__(data)
        self.after = after
        self.started = False

    def seek(self, offset: int, whence: int = 0) -> int:
        self.started = self.started or (offset > 0 and whence == 0)
        return super().seek(offset, whence)

    def read(self, size: int | None = -1) -> bytes:
        if self.started:
            if self.after == 0:
                raise OSError("the disk went away")
            self.after -= 1
        return super().read(size)


@pytest.mark.parametrize("after", [0, 2, 5])
def test_a_read_error_in_the_read_ahead_reaches_the_caller(after: int) -> None:
    data = _csv(_rows(RecordKind.PENALTY, 120, seed=6, per_fault=1), RecordKind.PENALTY)
    with pytest.raises(OSError, match="disk went away"):
        check_file(_FailingFile(data, after), as_of=AS_OF, engine="columnar")  # type: ignore[arg-type]
    assert _readers_alive() == []


def test_stopping_early_stops_the_read_ahead() -> None:
    data = _csv(_rows(RecordKind.PENALTY, 200, seed=9, per_fault=1), RecordKind.PENALTY)

    def stop(row: int, issues: object) -> None:
        if row == 3:
            raise KeyboardInterrupt  # the user pressed Ctrl-C while rows were being checked

    with pytest.raises(KeyboardInterrupt):
        check_file(io.BytesIO(data), as_of=AS_OF, engine="columnar", on_row=stop)
    assert _readers_alive() == []
    # and after a whole check no thread is left either
    assert _json(data, "columnar") == _json(data, "row")
    assert _readers_alive() == []


def test_an_unknown_engine_is_refused() -> None:
    with pytest.raises(ArgumentError, match="engine"):
        check_file(sample_path("penalty"), as_of=AS_OF, engine="turbo")  # type: ignore[arg-type]


_CELLS = st.sampled_from(
    ["", " ", "x", "某", '"', '""', ",", "a,b", "\u3000", "长期", "2024/02/30", "-1", "罚款",
     "罚款人民币1000元", "91512081MA62K0260E", "自然人", "其他-x", "\t", "\xa0"]
)
_ENDS = st.sampled_from(["\n", "\r\n", "\r"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_generated_files(data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(list(RecordKind)))
    rows = _rows(kind, 30, seed=data.draw(st.integers(0, 1000)), per_fault=0)
    codes = [f.code for f in fields(kind)]
    for row in data.draw(st.lists(st.integers(0, 29), max_size=6)):
        code = data.draw(st.sampled_from(codes))
        rows[row][code] = data.draw(st.one_of(_CELLS, st.text(max_size=8)))
    quoting = data.draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    lines = _csv(rows, kind, quoting=quoting, newline="\n", encoding="utf-8").split(b"\n")
    out = bytearray()
    for i, line in enumerate(lines):
        out += line
        if i < len(lines) - 1:
            out += data.draw(_ENDS).encode() if data.draw(st.integers(0, 9)) == 0 else b"\n"
    if data.draw(st.booleans()):
        at = data.draw(st.integers(0, len(out)))
        out[at:at] = data.draw(st.sampled_from([b"", b"\n", b'"', b",", b"\x00", b"\xff", b"\r\n"]))
    assert_same(bytes(out))
