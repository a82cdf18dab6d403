"""Batch I/O: stream CSV, XLSX and JSON Lines files, check every row, report.

Readers detect the encoding of CSV files (UTF-8, UTF-8 with BOM, GBK/GB18030,
UTF-16) and accept headers in any of the three key styles (field code,
Chinese name, attribute name). Every input row ends up in the
:class:`Report`: a row that cannot be decoded or split into cells carries a
``row.*`` issue, it never stops the check. Memory stays flat however large
the file.

>>> from datetime import date
>>> from credit_disclosure.io import check_file
>>> from credit_disclosure.samples import sample_path
>>> report = check_file(sample_path("license"), as_of=date(2025, 7, 1))
>>> report.encoding, report.rows
('gb18030', 200)
"""

from __future__ import annotations

from .._atomic import atomic_output
from .._contracts import guard_public as _guard_public
from ._annotate import write_annotated_xlsx
from ._check import (
    Cleared,
    check_file,
    check_rows,
    checked_rows,
    header_issue,
    header_test,
    report_resolver,
)
from ._clerk import Finding, shown_value
from ._encoding import detect_encoding
from ._frame import FrameVerdicts, frame_verdicts
from ._inert import FORMULA_TRIGGERS, InertCsvWriter, inert_cell, inert_csv_writer
from ._issues import IO_ISSUES, IoIssueSpec, io_issue, issue_name
from ._pipeline import RowOutcome, RowPipeline
from ._readers import FileFormat, RawRow, TableReader, guess_format, open_table
from ._report import Report, report_html
from ._writers import HeaderStyle, write_csv, write_jsonl, write_xlsx

__all__ = [
    "FORMULA_TRIGGERS",
    "IO_ISSUES",
    "Cleared",
    "FileFormat",
    "Finding",
    "FrameVerdicts",
    "HeaderStyle",
    "InertCsvWriter",
    "IoIssueSpec",
    "RawRow",
    "Report",
    "RowOutcome",
    "RowPipeline",
    "TableReader",
    "atomic_output",
    "check_file",
    "check_rows",
    "checked_rows",
    "detect_encoding",
    "frame_verdicts",
    "guess_format",
    "header_issue",
    "header_test",
    "inert_cell",
    "inert_csv_writer",
    "io_issue",
    "issue_name",
    "open_table",
    "report_html",
    "report_resolver",
    "shown_value",
    "write_annotated_xlsx",
    "write_csv",
    "write_jsonl",
    "write_xlsx",
]

# The error contract at the public boundary (docs/errors.md, "Argument errors").
_guard_public(globals())
