"""Streaming writers: records (or rows keyed by field code) to CSV, XLSX and JSON Lines.

Values are written as the exchange format writes them (发改办财金〔2018〕790号) by the
package's one writer of values, :func:`credit_disclosure.convert.format_value`: dates
``YYYY/MM/DD``, amounts in 万元 as plain decimals, code-list values as their Chinese
text, several penalty categories joined with ``;``. Rows are written one at a time:
memory stays flat however many there are.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

import attrs

from .._atomic import atomic_output
from .._convert import KeyStyle, format_value
from .._optional import require
from ..errors import ArgumentTypeError
from ..standard import FieldSpec, RecordKind, StandardVersion, fields
from ._inert import inert_csv_writer

__all__ = ["HeaderStyle", "write_csv", "write_jsonl", "write_xlsx"]


#: Which of the three key styles a writer uses for headers (or JSON keys): field codes
#: (``CF_WSH``), Chinese names (``行政处罚决定书文号``) or attribute names (``decision_no``).
#: The same enum as :class:`credit_disclosure.convert.KeyStyle` (one name for one fact;
#: both names stay).
HeaderStyle = KeyStyle


def _cells(row: object, table: tuple[FieldSpec, ...]) -> list[str]:
    if isinstance(row, Mapping):
        out = []
        for spec in table:
            value = row.get(spec.code)
            if value is None:
                value = row.get(spec.attr)
            out.append(format_value(value))
        return out
    if attrs.has(type(row)):
        return [format_value(getattr(row, spec.attr, None)) for spec in table]
    raise ArgumentTypeError(
        "io.row",
        message_en=f"cannot write a {type(row).__name__}: expected a record or a mapping",
        message_zh=f"无法写出 {type(row).__name__}：应为记录或映射",
    )


def _table(kind: RecordKind, version: StandardVersion) -> tuple[FieldSpec, ...]:
    return fields(kind, version)


def write_csv(
    rows: Iterable[object],
    target: str | os.PathLike[str] | IO[str],
    kind: RecordKind,
    *,
    version: StandardVersion = StandardVersion.V2018,
    header: HeaderStyle = HeaderStyle.CODE,
    encoding: str = "utf-8-sig",
) -> int:
    """Write records (or mappings keyed by field code or attribute name) as CSV; return the count.

    Columns are every field of ``kind`` in the standard's order. ``encoding``
    applies when ``target`` is a path: ``utf-8-sig`` (default: Excel opens it
    right), ``gbk``/``gb18030`` for older systems, or ``utf-8``.

    >>> import io
    >>> from datetime import date
    >>> out = io.StringIO()
    >>> write_csv([{"CF_WSH": "京朝市监罚〔2024〕7号", "CF_JDRQ": date(2024, 3, 5)}], out,
    ...           RecordKind.PENALTY)
    1
    >>> out.getvalue().splitlines()[1].count(",") + 1
    30
    """
    table = _table(kind, version)
    count = 0
    with text_target(target, encoding) as fp:
        writer = inert_csv_writer(fp)  # a spreadsheet opens it as data, never as formulas
        writer.writerow([header.key_of(spec) for spec in table])
        for row in rows:
            writer.writerow(_cells(row, table))
            count += 1
    return count


def write_jsonl(
    rows: Iterable[object],
    target: str | os.PathLike[str] | IO[str],
    kind: RecordKind,
    *,
    version: StandardVersion = StandardVersion.V2018,
    header: HeaderStyle = HeaderStyle.CODE,
    skip_empty: bool = False,
) -> int:
    """Write records (or mappings) as JSON Lines, UTF-8, one object per row; return the count.

    Keys follow ``header``; values are exchange-format text. ``skip_empty``
    leaves out empty fields.

    >>> import io
    >>> out = io.StringIO()
    >>> write_jsonl([{"CF_WSH": "京朝市监罚〔2024〕7号"}], out, RecordKind.PENALTY, skip_empty=True)
    1
    >>> out.getvalue()
    '{"CF_WSH": "京朝市监罚〔2024〕7号"}\\n'
    """
    table = _table(kind, version)
    keys = [header.key_of(spec) for spec in table]
    count = 0
    with text_target(target, "utf-8") as fp:
        for row in rows:
            obj = dict(zip(keys, _cells(row, table)))
            if skip_empty:
                obj = {k: v for k, v in obj.items() if v}
            fp.write(json.dumps(obj, ensure_ascii=False) + "\n")
            count += 1
    return count


def write_xlsx(
    rows: Iterable[object],
    target: str | os.PathLike[str] | IO[bytes],
    kind: RecordKind,
    *,
    version: StandardVersion = StandardVersion.V2018,
    header: HeaderStyle = HeaderStyle.NAME_ZH,
    sheet: str | None = None,
) -> int:
    """Write records (or mappings) to an XLSX workbook (needs the ``xlsx`` extra); return the count.

    Uses openpyxl's write-only mode, so memory stays flat. Every cell is text
    (identifiers keep their leading zeros and Excel does not turn them into
    numbers), a value starting with ``=`` too: no cell is ever a formula, so the
    workbook is inert in Excel and WPS. The sheet is named after the kind unless
    ``sheet`` is given.

    >>> import io
    >>> buf = io.BytesIO()
    >>> write_xlsx([{"XK_WSH": "京朝市监许〔2024〕3号"}], buf, RecordKind.LICENSE)
    1
    >>> buf.getvalue()[:2]
    b'PK'
    """
    openpyxl = require("openpyxl", "xlsx")
    table = _table(kind, version)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet(title=sheet or ("行政许可" if kind is RecordKind.LICENSE else "行政处罚"))
    ws.append([header.key_of(spec) for spec in table])
    text_cell = _text_cell_maker(ws)
    count = 0
    try:
        for row in rows:
            ws.append([text_cell(c) if c[:1] == "=" else c for c in _cells(row, table)])
            count += 1
    except BaseException:
        _discard(ws)
        raise
    if isinstance(target, (str, os.PathLike)):
        with atomic_output(target, binary=True) as fp:
            wb.save(fp)
    else:
        wb.save(target)
    return count


def _text_cell_maker(ws: Any) -> Any:
    """A maker of cells that hold ``text`` as text, even when it starts with ``=``.

    openpyxl stores a string that starts with ``=`` as a live formula; a cell whose
    type is set back to string is written as an inline string that no spreadsheet runs.
    """
    from openpyxl.cell import WriteOnlyCell

    def text_cell(text: str) -> Any:
        cell = WriteOnlyCell(ws, value=text)
        cell.data_type = "s"
        return cell

    return text_cell


def _discard(ws: Any) -> None:
    """Close a write-only sheet whose rows failed and delete the temporary file openpyxl keeps."""
    with contextlib.suppress(Exception):
        ws.close()
    writer = getattr(ws, "_writer", None)
    if writer is not None:
        with contextlib.suppress(Exception):
            writer.cleanup()


@contextlib.contextmanager
def text_target(target: str | os.PathLike[str] | IO[str], encoding: str) -> Iterator[IO[str]]:
    """A text stream to write to: a path is written atomically (:func:`atomic_output`), a stream as is."""
    if isinstance(target, (str, os.PathLike)):
        with atomic_output(target, encoding=encoding) as fp:
            yield fp
    else:
        yield target
