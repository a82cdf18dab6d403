"""The annotated workbook: the clerk's file with every faulty cell highlighted and explained.

``credit-disclosure check FILE --format xlsx -o report.xlsx`` writes a copy of the
input (CSV or the checked sheet of a workbook) in which each faulty cell has a fill
and its issues as a cell comment, a summary sheet, and an issues sheet with an
autofilter over code, field and severity. Every cell is written as text (never a
formula: the file may come from anyone), as :func:`credit_disclosure.io.write_xlsx` does.
"""

from __future__ import annotations

import csv
import io
import os
from collections import defaultdict
from typing import IO, Any, Final

from .._optional import require
from ..standard import HeaderResolver, Severity
from ._clerk import Finding
from ._readers import _sniff_delimiter
from ._report import Report

__all__ = ["write_annotated_xlsx"]

_ERROR_FILL: Final = "FFC7CE"  # Excel's "bad" red
_WARNING_FILL: Final = "FFEB9C"  # Excel's "neutral" yellow

_LABELS: Final[dict[str, dict[str, Any]]] = {
    "zh": {
        "data": "数据",
        "summary": "汇总",
        "issues": "问题",
        "columns": ("行号", "文书号", "问题代码", "字段", "字段名", "严重程度", "说明", "值", "处理"),
        "figures": ("文件", "记录类别", "标准版本", "行数", "合格", "有错误", "有警告", "问题数"),
        "error": "错误",
        "warning": "警告",
        "top": ("问题代码", "严重程度", "数量"),
    },
    "en": {
        "data": "data",
        "summary": "summary",
        "issues": "issues",
        "columns": (
            "row",
            "decision",
            "code",
            "field",
            "field name",
            "severity",
            "message",
            "value",
            "to do",
        ),
        "figures": (
            "file",
            "kind",
            "standard",
            "rows",
            "valid",
            "with errors",
            "with warnings",
            "issues",
        ),
        "error": "error",
        "warning": "warning",
        "top": ("code", "severity", "count"),
    },
}


def _source_rows(
    source: str | os.PathLike[str] | IO[bytes], report: Report, sheet: str | None
) -> list[list[object]]:
    """The input's rows as the spreadsheet shows them (row 1 first), cells as read."""
    if isinstance(source, (str, os.PathLike)):
        with open(os.fspath(source), "rb") as fp:
            data = fp.read()
    else:
        if source.seekable():
            source.seek(0)
        data = source.read()
    if data.startswith(b"PK\x03\x04"):
        openpyxl = require("openpyxl", "xlsx")
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            ws = wb[sheet] if sheet is not None else wb.worksheets[0]
            rows: list[list[object]] = []
            for cells in ws.iter_rows(values_only=True):  # gaps come as empty rows
                rows.append(list(cells))
            return rows
        finally:
            wb.close()
    text = data.decode(report.encoding or "utf-8", errors="replace")
    text = text.removeprefix("\ufeff")
    header = text.splitlines()[report.header_line - 1] if report.header_line else ""
    delimiter = _sniff_delimiter(header, report.encoding or "utf-8")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [list(r) for r in reader]


def _text(value: object) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def _put(ws: Any, row: int, column: int, value: object) -> Any:
    """Write ``value`` as a text cell (never a formula)."""
    cell = ws.cell(row=row, column=column)
    cell.value = _text(value)
    cell.data_type = "s"
    return cell


def write_annotated_xlsx(
    report: Report,
    source: str | os.PathLike[str] | IO[bytes],
    target: IO[bytes],
    *,
    lang: str = "zh",
    sheet: str | None = None,
) -> None:
    """Write the annotated workbook of ``report`` (the check of ``source``) to ``target``.

    Sheets: the data (a copy of ``source``, each faulty cell filled red for an
    error, yellow for a warning, with its issues as a comment; an unknown or repeated
    header on its header cell, other issues about the file on the header's first cell), a
    summary and
    the issues (an autofilter over every column: code, field, severity, ...).
    Labels and messages in ``lang`` (``"zh"`` or ``"en"``; ``"both"`` is Chinese).
    Row numbers are the ones the clerk's spreadsheet shows, so the copy's rows
    are the input's rows.

    >>> import io, tempfile, pathlib, openpyxl
    >>> from datetime import date
    >>> from credit_disclosure.io import check_file
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = path.write_text("CF_WSH,CF_JDRQ\\n京罚〔2024〕1号,2099/01/01\\n", encoding="utf-8")
    >>> report = check_file(path, kind="penalty", as_of=date(2025, 6, 30))
    >>> out = io.BytesIO()
    >>> write_annotated_xlsx(report, path, out, lang="zh")
    >>> wb = openpyxl.load_workbook(out)
    >>> wb.sheetnames
    ['数据', '汇总', '问题']
    >>> wb["数据"]["B2"].comment is not None, wb["问题"].auto_filter.ref
    (True, 'A1:I13')
    """
    openpyxl = require("openpyxl", "xlsx")
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    zh = lang != "en"
    labels = _LABELS["zh" if zh else "en"]
    wb = openpyxl.Workbook()
    data = wb.active
    data.title = str(labels["data"])
    rows = _source_rows(source, report, sheet)
    for r, cells in enumerate(rows, start=1):
        for c, value in enumerate(cells, start=1):
            if value is not None and value != "":
                _put(data, r, c, value)
    # the column of each field, from the header row; the header cells the file issues are about
    columns: dict[str, int] = {}
    header_cells: dict[str, list[int]] = {}
    if report.kind is not None and 0 < report.header_line <= len(rows):
        # the check's own rule, so that its header issues come in the same order as the cells
        resolver = HeaderResolver(
            report.kind,
            report.version,
            on_problem=lambda p: header_cells.setdefault(p.code, []).append(p.column),
        )
        header = ["" if v is None else v for v in rows[report.header_line - 1]]  # blank cells
        resolver.resolve_all(header)
        for c, value in enumerate(header, start=1):
            code = resolver.resolve(value, c)  # as resolved above (the first column naming a field)
            if code is not None:
                columns.setdefault(code, c)
    bold = Font(bold=True)
    for c in range(1, len(rows[report.header_line - 1]) + 1 if report.header_line else 1):
        data.cell(row=report.header_line, column=c).font = bold
    # comments and fills, per cell
    notes: dict[tuple[int, int], list[Finding]] = defaultdict(list)
    findings = list(report.findings())
    header_row = report.header_line or 1
    for f in findings:
        if f.sheet_row is None:
            if f.issue.row is not None:
                continue  # a row the spreadsheet does not number
            # a file-level issue: on the header cell it is about (an unknown or repeated
            # header, in column order as the check reports them), else on the header's first cell
            marked = header_cells.get(f.issue.code)
            notes[(header_row, marked.pop(0) if marked else 1)].append(f)
            continue
        column = columns.get(f.issue.field or "", 1)
        notes[(f.sheet_row, column)].append(f)
    for (r, c), found in notes.items():
        cell = data.cell(row=r, column=c)
        error = any(f.issue.severity is Severity.ERROR for f in found)
        colour = _ERROR_FILL if error else _WARNING_FILL
        cell.fill = PatternFill(start_color=colour, end_color=colour, fill_type="solid")
        text = "\n".join(
            (f"{f.issue.message_zh}；{f.advice_zh}" if zh else f"{f.issue.message_en}; {f.advice_en}")
            for f in found
        )
        cell.comment = Comment(text, "credit-disclosure", width=320, height=120)
    if report.header_line:
        data.freeze_panes = data.cell(row=report.header_line + 1, column=1)
    # summary
    summary = wb.create_sheet(str(labels["summary"]))
    kind = "" if report.kind is None else report.kind.value
    values = (
        report.source or "",
        kind,
        report.version.value,
        report.rows,
        report.valid,
        report.with_errors,
        report.with_warnings,
        report.issue_count,
    )
    for r, (label, value) in enumerate(zip(labels["figures"], values), start=1):
        _put(summary, r, 1, label).font = bold
        _put(summary, r, 2, value)
    top = report.top_issues(20)
    if top:
        start = len(values) + 2
        for c, label in enumerate(labels["top"], start=1):
            _put(summary, start, c, label).font = bold
        for r, (code, count) in enumerate(top, start=start + 1):
            severity = report.severity_of(code)
            _put(summary, r, 1, code)
            _put(summary, r, 2, labels[severity.value] if severity is not None else "")
            _put(summary, r, 3, count)
    summary.column_dimensions["A"].width = 18
    summary.column_dimensions["B"].width = 40
    # issues
    issues = wb.create_sheet(str(labels["issues"]))
    heads = labels["columns"]
    for c, label in enumerate(heads, start=1):
        _put(issues, 1, c, label).font = bold
    for r, f in enumerate(findings, start=2):
        issue = f.issue
        row = f.sheet_row if f.sheet_row is not None else issue.row
        line = (
            "" if row is None else row,
            f.decision,
            issue.code,
            issue.field,
            f.field_name,
            labels[issue.severity.value],
            issue.message_zh if zh else issue.message_en,
            f.value,
            f.advice_zh if zh else f.advice_en,
        )
        for c, value in enumerate(line, start=1):
            _put(issues, r, c, value)
    last = openpyxl.utils.get_column_letter(len(heads))
    issues.auto_filter.ref = f"A1:{last}{max(len(findings) + 1, 2)}"
    issues.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHI", (8, 24, 26, 14, 20, 10, 60, 24, 36)):
        issues.column_dimensions[letter].width = width
    wb.save(target)
