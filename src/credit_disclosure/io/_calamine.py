"""Read XLSX sheets with python-calamine (Rust) when installed; openpyxl stays the fallback.

openpyxl's read-only mode spends most of a large workbook's check parsing XML in
Python; calamine parses it in Rust, several times faster. The reader must not
lose any of openpyxl's guarantees, so calamine reads a workbook only when its
rows are certain to come out the same, and :class:`~credit_disclosure.io.XlsxReader`
uses openpyxl otherwise:

- **formulas**: calamine gives a formula without a saved value as an empty
  cell, and cannot say which cells hold formulas; the io reader reports such a
  cell (``row.formula``). A cheap scan of the sheets' XML for formula elements
  (``<f>``) sends every workbook holding a formula to openpyxl.
- **error cells** (``#N/A``, ``t="e"``): calamine reads them as empty, openpyxl
  as their text; the same scan sends them to openpyxl.
- **integers of 16 digits or more** (an identity number stored as a number by a
  program): calamine reads every number as a 64-bit float and would round them;
  openpyxl keeps them exact. The scan sends them to openpyxl too.
- **text of white space only**: calamine reads it as empty, openpyxl keeps it;
  the scan (of the shared strings too) sends it to openpyxl.
- **values**: empty cells become ``None``, integral numbers ``int`` and dates
  ``datetime`` at midnight, as openpyxl gives them; text stays text (a number
  stored as text is read as the text).
- **rows**: every sheet row from 1 is yielded, blank or not, and cells start at
  column A, so row and column numbers in reports are the same.
- anything calamine cannot open (a damaged file, an unknown sheet) goes to
  openpyxl, which reports it as today.

Set the environment variable ``CREDIT_DISCLOSURE_XLSX_READER=openpyxl`` to
always read with openpyxl. ``tests/io/test_calamine.py`` runs workbooks through
both readers and asserts identical check reports.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from typing import IO, Any, Final

#: The environment variable that forces openpyxl (value ``openpyxl``).
ENGINE_VARIABLE: Final = "CREDIT_DISCLOSURE_XLSX_READER"

#: What the scan looks for in the XML: a formula element, an integer too long
#: for a float, text of white space only (each starts with ``<``: one fast pass) ...
_UNSAFE: Final = re.compile(rb"<(?:f[\s>/]|v>\s*[-+]?\d{16}|t(?:\s[^>]*)?>\s+</)")
#: ... an error cell ...
_ERROR: Final = re.compile(rb" t\s*=\s*[\"']e[\"']")
#: ... and elements with a namespace prefix (``<x:c>``), which the patterns above
#: do not see: such a rare workbook goes to openpyxl whole.
_PREFIXED: Final = (b":c ", b":c>", b":f>", b":f ", b":v>", b":t>", b":t ")
#: Parts of the archive that hold no cells or strings (styles' <font>/<fill> do not match anyway).
_SKIP: Final = ("styles", "theme/", "docProps/", "charts/", "drawings/")
_CHUNK: Final = 1 << 20
_OVERLAP: Final = 64
#: Integers a float holds exactly.
_EXACT: Final = float(2**53)


def wanted() -> bool:
    """Whether calamine should be tried (installed and not switched off)."""
    if os.environ.get(ENGINE_VARIABLE, "").strip().lower() == "openpyxl":
        return False
    try:
        import python_calamine  # noqa: F401
    except ImportError:
        return False
    return True


def _needs_openpyxl(fp: IO[bytes]) -> bool:
    """Whether any sheet part holds a formula, an error cell or a long integer."""
    try:
        with zipfile.ZipFile(fp) as archive:
            for info in archive.infolist():
                name = info.filename
                if not name.endswith(".xml") or any(s in name for s in _SKIP):
                    continue
                with archive.open(info) as part:
                    tail = b""
                    while chunk := part.read(_CHUNK):
                        text = tail + chunk
                        if (
                            _UNSAFE.search(text)
                            or _ERROR.search(text)
                            or any(p in text for p in _PREFIXED)
                        ):
                            return True
                        tail = chunk[-_OVERLAP:]
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError, RuntimeError):
        return True  # let openpyxl name what is wrong
    finally:
        fp.seek(0)
    return False


def _cell(value: object) -> object:
    """A calamine value as openpyxl's read-only mode gives it."""
    kind = type(value)
    if kind is str:
        return value or None
    if kind is float:
        v: float = value  # type: ignore[assignment]
        if v.is_integer() and abs(v) < _EXACT:
            return int(v)
        return v
    if kind is date:
        d: date = value  # type: ignore[assignment]
        return datetime(d.year, d.month, d.day)
    return value


def _rows(sheet: Any, offset: int) -> Iterator[tuple[int, tuple[Any, ...]]]:
    pad = (None,) * offset
    cell = _cell
    for number, row in enumerate(sheet.iter_rows(), start=1):
        cells = tuple(map(cell, row))
        yield number, (pad + cells if offset else cells)


def open_sheet(
    fp: IO[bytes], sheet: str | None
) -> tuple[Any, int | None, Iterator[tuple[int, tuple[Any, ...]]]] | None:
    """(workbook to close, number of rows, rows) read by calamine, or ``None`` for openpyxl.

    ``fp`` is a seekable binary file positioned at the start; it is left there.
    The rows are ``(sheet row number, cells from column A)``, as the openpyxl
    reader yields them.
    """
    if not wanted() or _needs_openpyxl(fp):
        return None
    import python_calamine

    try:
        book = python_calamine.CalamineWorkbook.from_filelike(fp)
    except Exception:  # damaged: openpyxl reports it
        fp.seek(0)
        return None
    fp.seek(0)
    try:
        if sheet is None:
            ws = book.get_sheet_by_index(0)
        elif sheet in book.sheet_names:
            ws = book.get_sheet_by_name(sheet)
        else:
            book.close()
            return None
    except Exception:
        book.close()
        return None
    start = ws.start
    if start is None:  # an empty sheet
        return book, 0, iter(())
    end = ws.end
    total = end[0] + 1 if end is not None else None
    return book, total, _rows(ws, start[1])
