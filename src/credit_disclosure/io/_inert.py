"""Exports a spreadsheet opens as data: no cell of ours is ever run as a formula.

A CSV file has no cell types: Excel and WPS evaluate any cell that starts with
``=``, ``+``, ``-`` or ``@`` as a formula, and a tab, carriage return, line feed
or NUL in front does not stop them. A record exported from a department's file
can hold anything (``=HYPERLINK(...)``, ``=cmd|' /C calc'!A0``), so every CSV the
library writes goes through :class:`InertCsvWriter`, which follows the OWASP
guidance on CSV injection (see ``docs/sources.md``, "OWASP CSV injection"):

* a text cell that a spreadsheet would evaluate gets a leading apostrophe
  (:func:`inert_cell`); genuine numbers (``-5``, ``+0.20``, ``1E3``) are left as they are;
* a row with a cell holding another program's separator (``;`` or a tab: Excel in
  many locales splits on ``;``) is written with every cell quoted, so that no text
  after a separator starts a cell of its own.

XLSX cells are typed: :func:`~credit_disclosure.io.write_xlsx` writes every value
as a text cell, which no spreadsheet evaluates.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import IO, Final

__all__ = ["FORMULA_TRIGGERS", "InertCsvWriter", "inert_cell", "inert_csv_writer"]

#: First characters that make a spreadsheet evaluate a cell (OWASP, plus LF and NUL).
FORMULA_TRIGGERS: Final = "=+-@\t\r\n\0"

#: What a cell may start with to need a closer look: the triggers, and spaces before one.
_SUSPECT: Final = frozenset(FORMULA_TRIGGERS + " ")

#: A plain number a spreadsheet reads as a number (and cannot turn into a formula).
_NUMBER: Final = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")

#: Separators other programs split a "CSV" file on; a row holding one is quoted whole.
_OTHER_SEPARATORS: Final = (";", "\t")


def inert_cell(text: str) -> str:
    """``text`` as a CSV cell a spreadsheet shows as text: formula-like cells get a ``'``.

    A cell is formula-like when it starts (after any spaces) with one of
    :data:`FORMULA_TRIGGERS` and is not a plain number. Everything else is
    returned unchanged.

    >>> inert_cell("=HYPERLINK(\\"http://x\\")"), inert_cell("@SUM(A1)"), inert_cell("\\t=1+1")
    ('\\'=HYPERLINK("http://x")', "'@SUM(A1)", "'\\t=1+1")
    >>> inert_cell("-0.20"), inert_cell("+86"), inert_cell("京朝市监罚〔2024〕7号"), inert_cell("")
    ('-0.20', '+86', '京朝市监罚〔2024〕7号', '')
    """
    if not text or text[0] not in _SUSPECT:
        return text
    stripped = text.lstrip(" ")
    if not stripped or stripped[0] not in FORMULA_TRIGGERS:
        return text
    if _NUMBER.fullmatch(stripped):
        return text
    return "'" + text


class InertCsvWriter:
    """A :func:`csv.writer` whose every cell is inert in a spreadsheet (see :func:`inert_cell`).

    Cells may be ``str``, numbers or ``None`` (an empty cell). Make one with
    :func:`inert_csv_writer`.
    """

    def __init__(self, fp: IO[str], *, lineterminator: str = "\r\n") -> None:
        self._minimal = csv.writer(fp, lineterminator=lineterminator)
        self._quoted = csv.writer(fp, lineterminator=lineterminator, quoting=csv.QUOTE_ALL)

    def writerow(self, cells: Iterable[object]) -> None:
        """Write one row."""
        row = [
            "" if c is None else inert_cell(c) if isinstance(c, str) else inert_cell(str(c))
            for c in cells
        ]
        joined = "\x1f".join(row)
        if any(sep in joined for sep in _OTHER_SEPARATORS):
            self._quoted.writerow(row)
        else:
            self._minimal.writerow(row)

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        """Write every row."""
        for row in rows:
            self.writerow(row)


def inert_csv_writer(fp: IO[str], *, lineterminator: str = "\r\n") -> InertCsvWriter:
    """A CSV writer on ``fp`` for files people open in Excel or WPS: no cell runs as a formula.

    Every CSV export of the library (records, check reports, quality tables,
    masked files) is written with it.

    >>> import io
    >>> out = io.StringIO()
    >>> writer = inert_csv_writer(out, lineterminator="\\n")
    >>> writer.writerow(["京罚〔2024〕1号", "=1+2", -5, None])
    >>> writer.writerow(["a;=1+2", "b"])  # a ';' (a separator in many locales): quote the row
    >>> print(out.getvalue(), end="")
    京罚〔2024〕1号,'=1+2,-5,
    "a;=1+2","b"
    """
    return InertCsvWriter(fp, lineterminator=lineterminator)
