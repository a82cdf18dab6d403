"""Writers: exchange-format values, the three header styles, records and mappings."""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from credit_disclosure.convert import DateFormat, KeyStyle, format_value, to_mapping
from credit_disclosure.io import HeaderStyle, open_table, write_csv, write_jsonl
from credit_disclosure.samples import generate_records
from credit_disclosure.standard import PenaltyType, RecordKind, check_row, fields


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        ("x", "x"),
        (date(2024, 3, 5), "2024/03/05"),
        (datetime(2024, 3, 5, 10, 30), "2024/03/05"),
        (Decimal("0.2"), "0.2"),
        (Decimal("1E+1"), "10"),
        (PenaltyType.FINE, "罚款"),
        ((PenaltyType.WARNING, PenaltyType.FINE), "警告;罚款"),
        (3, "3"),
    ],
)
def test_format_value(value: object, text: str) -> None:
    """Values are written as the exchange format writes them."""
    assert format_value(value) == text
    assert format_value(value, DateFormat.ISO) == text.replace("/", "-")


def test_one_writer_of_values() -> None:
    """The file writers and ``convert.to_mapping`` write every record alike: one writer."""
    assert HeaderStyle is KeyStyle
    rows = generate_records(RecordKind.PENALTY, 30, seed=11)
    records = [check_row(r.values, RecordKind.PENALTY).record for r in rows]
    out = io.StringIO()
    write_jsonl(records, out, RecordKind.PENALTY, header=HeaderStyle.NAME_ZH)
    written = [json.loads(line) for line in out.getvalue().splitlines()]
    mapped = [to_mapping(r, keys=KeyStyle.NAME_ZH, empty="") for r in records if r is not None]
    assert written == mapped


@pytest.mark.parametrize("style", list(HeaderStyle))
def test_csv_headers_follow_style(style: HeaderStyle) -> None:
    """The header row uses the chosen key style, in the standard's field order."""
    out = io.StringIO()
    write_csv([], out, RecordKind.LICENSE, header=style)
    first = out.getvalue().splitlines()[0].split(",")
    assert first == [
        getattr(f, "code" if style is HeaderStyle.CODE else style.value)
        for f in fields(RecordKind.LICENSE)
    ]


def test_records_write_and_read_back(tmp_path: Path) -> None:
    """Typed records written as GBK CSV read back to the same checked record."""
    raws = [r.values for r in generate_records(RecordKind.PENALTY, 20, seed=4)]
    records = [check_row(v, RecordKind.PENALTY).record for v in raws]
    path = tmp_path / "x.csv"
    assert write_csv(records, path, RecordKind.PENALTY, encoding="gbk") == 20
    with open_table(path) as reader:
        assert reader.encoding == "gb18030"
        back = [check_row(dict(r.values), RecordKind.PENALTY).record for r in reader]
    assert back == records


def test_jsonl_skip_empty(tmp_path: Path) -> None:
    """JSON Lines output is one object per line; ``skip_empty`` drops empty fields."""
    path = tmp_path / "x.jsonl"
    write_jsonl(
        [{"CF_WSH": "a", "BZ": None}],
        path,
        RecordKind.PENALTY,
        header=HeaderStyle.NAME_ZH,
        skip_empty=True,
    )
    assert json.loads(path.read_text(encoding="utf-8")) == {"行政处罚决定书文号": "a"}


def test_unwritable_row_type() -> None:
    """A row that is neither a record nor a mapping is a TypeError, not silent garbage."""
    with pytest.raises(TypeError):
        write_csv([42], io.StringIO(), RecordKind.PENALTY)
