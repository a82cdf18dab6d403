"""Rich display of a validation :class:`~credit_disclosure.io.Report` in Jupyter.

:func:`report_html` renders what ``Report._repr_html_`` shows: the
figures, the most frequent issue codes, and the first issues with their rows.
Every value is HTML-escaped; messages never contain the values checked.
"""

from __future__ import annotations

import html
import itertools
import typing as _typing

if _typing.TYPE_CHECKING:
    from ._report import Report

__all__ = ["report_html"]


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value))


def report_html(report: Report, *, top: int = 10, max_issues: int = 20) -> str:
    """The report as HTML: figures, the ``top`` issue codes, the first ``max_issues`` issues.

    >>> from datetime import date
    >>> from credit_disclosure.io import check_rows
    >>> from credit_disclosure.standard import RecordKind
    >>> report = check_rows([{"CF_XDR_MC": "某某<有限>公司"}], RecordKind.PENALTY,
    ...                     as_of=date(2025, 6, 30), source="x.csv")
    >>> text = report_html(report)
    >>> "<table" in text, "field.required" in text, "某某<有限>" in text
    (True, True, False)
    """
    kind = "records" if report.kind is None else f"{report.kind.value} records"
    figures = [
        ("rows", report.rows),
        ("valid", report.valid),
        ("with errors", report.with_errors),
        ("with warnings", report.with_warnings),
        ("issues", report.issue_count),
    ]
    status = "ok" if report.ok else "has errors"
    colour = "#2e7d32" if report.ok else "#c62828"
    parts = [
        '<div class="credit-disclosure-report">',
        f"<p><b>{_esc(report.source or '<rows>')}</b>: {_esc(kind)}, "
        f"standard {_esc(report.version.value)}"
        + (f", encoding {_esc(report.encoding)}" if report.encoding else "")
        + f' — <span style="color:{colour}">{status}</span></p>',
        "<table><tr>"
        + "".join(f"<th>{_esc(name)}</th>" for name, _ in figures)
        + "</tr><tr>"
        + "".join(f"<td>{value}</td>" for _, value in figures)
        + "</tr></table>",
    ]
    tops = report.top_issues(top)
    if tops:
        rows = "".join(
            f"<tr><td>{_esc(code)}</td><td>{_esc(_sev(report, code))}</td><td>{count}</td></tr>"
            for code, count in tops
        )
        parts.append(
            "<p>top issues</p><table><tr><th>code</th><th>severity</th><th>count</th></tr>"
            f"{rows}</table>"
        )
    if report.issue_count:
        shown = list(itertools.islice(iter(report), max_issues))
        rows = "".join(
            "<tr>"
            f"<td>{_esc('file' if i.row is None else i.row)}</td>"
            f"<td>{_esc(i.severity.value)}</td><td>{_esc(i.code)}</td>"
            f"<td>{_esc(i.field)}</td><td>{_esc(report.field_name(i.field))}</td>"
            f"<td>{_esc(i.message_en)}</td><td>{_esc(i.message_zh)}</td>"
            "</tr>"
            for i in shown
        )
        more = report.issue_count - len(shown)
        parts.append(
            "<table><tr><th>row</th><th>severity</th><th>code</th><th>field</th>"
            f"<th>field name</th><th>message</th><th>说明</th></tr>{rows}</table>"
            + (f"<p>… and {more} more issues</p>" if more > 0 else "")
        )
    parts.append("</div>")
    return "".join(parts)


def _sev(report: Report, code: str) -> str:
    severity = report.severity_of(code)
    return "" if severity is None else severity.value
