"""The report of a batch check: counts, top issues, every issue with its row, exports.

A :class:`Report` is filled row by row by the batch layer
(:func:`credit_disclosure.io.check_file`) and keeps its memory flat: counts are
a few dictionaries, and the issues themselves stay in memory only up to a
limit, beyond which they are spilled to an anonymous temporary file and read
back when iterated. A file of a million rows with an issue on every row is
reported in the same memory as a small one.
"""

from __future__ import annotations

import csv
import html
import io
import itertools
import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from types import TracebackType
from typing import IO, Any, Final

from .._i18n import Lang, ui
from ..standard import Issue, RecordKind, Severity, StandardVersion, field_by_code
from ._clerk import Finding, advice, decision_field, shown_value
from ._inert import inert_csv_writer
from ._writers import text_target

__all__ = ["Report", "report_html"]

#: Issues kept in memory before the report spills them to a temporary file.
_MEMORY_LIMIT: Final = 20_000

#: Columns of the CSV export, in order.
CSV_COLUMNS: Final = (
    "row",
    "severity",
    "code",
    "field",
    "field_name",
    "message_en",
    "message_zh",
    "sheet_row",
    "decision",
    "value",
    "advice_en",
    "advice_zh",
)

#: Where an issue is, for the clerk: (spreadsheet row, decision number, value shown).
_Where = tuple[int | None, str | None, str | None]
_NOWHERE: Final[_Where] = (None, None, None)


class _IssueStore:
    """(row, issue) pairs in insertion order; spills to a temporary file past a limit."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._memory: list[tuple[int | None, Issue, _Where]] = []
        self._spill: IO[str] | None = None
        self._writer: Any = None
        self.spilled = 0

    def append(self, row: int | None, issue: Issue, where: _Where = _NOWHERE) -> None:
        self._memory.append((row, issue, where))
        if len(self._memory) >= self._limit:
            self._flush()

    def _flush(self) -> None:
        if self._spill is None:
            self._spill = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")  # noqa: SIM115
            self._writer = csv.writer(self._spill)
        self._writer.writerows(
            (
                "" if row is None else row,
                i.code,
                i.field or "",
                i.severity.value,
                i.message_en,
                i.message_zh,
                "" if w[0] is None else w[0],
                "" if w[1] is None else "=" + w[1],
                "" if w[2] is None else "=" + w[2],
            )
            for row, i, w in self._memory
        )
        self.spilled += len(self._memory)
        self._memory.clear()

    def __len__(self) -> int:
        return self.spilled + len(self._memory)

    def __iter__(self) -> Iterator[Issue]:
        for issue, _ in self.placed():
            yield issue

    def placed(self) -> Iterator[tuple[Issue, _Where]]:
        """Every issue with where it is, in insertion order."""
        if self._spill is not None:
            spill = self._spill
            spill.flush()
            spill.seek(0)
            cache: dict[tuple[str, ...], Issue] = {}
            try:
                for rec in csv.reader(spill):
                    row_text, *rest = rec
                    sheet_text, decision, value = rest[5:]
                    where = (
                        int(sheet_text) if sheet_text else None,
                        decision[1:] if decision else None,
                        value[1:] if value else None,
                    )
                    key = tuple(rest[:5])
                    base = cache.get(key)
                    if base is None:
                        code, field, severity, en, zh = key
                        base = Issue(
                            code=code,
                            field=field or None,
                            severity=Severity(severity),
                            message_en=en,
                            message_zh=zh,
                        )
                        if len(cache) < 4096:
                            cache[key] = base
                    yield _with_row(base, int(row_text) if row_text else None), where
            finally:
                spill.seek(0, io.SEEK_END)
        for row, issue, where in list(self._memory):
            yield (issue if issue.row == row else _with_row(issue, row)), where

    def close(self) -> None:
        if self._spill is not None:
            self._spill.close()
            self._spill = None


def _with_row(issue: Issue, row: int | None) -> Issue:
    return Issue(
        code=issue.code,
        field=issue.field,
        severity=issue.severity,
        message_en=issue.message_en,
        message_zh=issue.message_zh,
        row=row,
    )


class Report:
    """What a batch check found: counts by code, field and severity, and every issue.

    Rows are counted once each: ``valid`` rows have no error (they may have
    warnings), ``with_errors`` rows have at least one error, and
    ``with_warnings`` rows at least one warning (a row can be in both of the
    last two). ``rows == valid + with_errors``. Blank rows are skipped and
    counted in ``blank_rows``. File-level issues (a header that names no
    field) have no row and are not counted in any row figure.

    >>> from credit_disclosure.standard import Issue, Severity
    >>> report = Report(kind=RecordKind.PENALTY)
    >>> report.add(1, [])
    >>> report.add(2, [Issue(code="date.future", field="CF_JDRQ", severity=Severity.ERROR,
    ...                      message_en="the date is in the future", message_zh="日期晚于当前日期")])
    >>> report.rows, report.valid, report.with_errors, report.ok
    (2, 1, 1, False)
    >>> [(i.row, i.code) for i in report]
    [(2, 'date.future')]
    >>> report.by_field
    {'CF_JDRQ': 1}
    """

    def __init__(
        self,
        *,
        kind: RecordKind | None = None,
        version: StandardVersion = StandardVersion.V2018,
        source: str | None = None,
        encoding: str | None = None,
        memory_limit: int = _MEMORY_LIMIT,
    ) -> None:
        self.kind = kind
        self.version = version
        self.source = source
        self.encoding = encoding
        self.rows = 0
        self.valid = 0
        self.with_errors = 0
        self.with_warnings = 0
        self.blank_rows = 0
        #: the row of the header as the spreadsheet numbers it (0: none, JSON Lines)
        self.header_line = 0
        self.file_errors = 0
        self._by_code: Counter[str] = Counter()
        self._by_field: Counter[str] = Counter()
        self._by_severity: Counter[Severity] = Counter()
        self._codes_severity: dict[str, Severity] = {}
        self._store = _IssueStore(memory_limit)
        self._file_issues: list[Issue] = []

    # --- filling ------------------------------------------------------------------

    def add_clean(self, count: int) -> None:
        """Record ``count`` checked rows without any issue (the columnar path clears them in bulk).

        >>> report = Report(kind=RecordKind.PENALTY, version=StandardVersion.V2018)
        >>> report.add_clean(3); report.add(4, ())
        >>> report.rows, report.valid
        (4, 4)
        """
        self.rows += count
        self.valid += count

    def add(
        self,
        row: int,
        issues: Sequence[Issue],
        *,
        sheet_row: int | None = None,
        values: Mapping[str, object] | None = None,
    ) -> None:
        """Record one checked row (1-based data-row number) and its issues.

        The issues are stored with ``row`` as their row number. ``sheet_row`` is
        the row number a spreadsheet shows for it (header counted) and ``values``
        the row's values by field code: the report keeps, for the rows with
        issues only, the record's decision number and each faulty field's value
        (masked and redacted by :func:`~credit_disclosure.io.shown_value`).
        """
        self.rows += 1
        if not issues:
            self.valid += 1
            return
        error = warning = False
        store = self._store
        decision = None
        if values is not None:
            number = values.get(decision_field(self.kind) or "")
            decision = shown_value(number)
        for issue in issues:
            if issue.severity is Severity.ERROR:
                error = True
            else:
                warning = True
            self._count(issue)
            value = None
            if values is not None and issue.field is not None:
                value = shown_value(values.get(issue.field), self._spec(issue.field))
            store.append(row, issue, (sheet_row, decision, value))
        if error:
            self.with_errors += 1
        else:
            self.valid += 1
        if warning:
            self.with_warnings += 1

    def add_file_issue(self, issue: Issue) -> None:
        """Record an issue about the whole file (a header, an empty file): no row."""
        self._file_issues.append(issue)
        self._count(issue)
        if issue.severity is Severity.ERROR:
            self.file_errors += 1

    def _count(self, issue: Issue) -> None:
        self._by_code[issue.code] += 1
        self._by_severity[issue.severity] += 1
        self._codes_severity.setdefault(issue.code, issue.severity)
        if issue.field is not None:
            self._by_field[issue.field] += 1

    # --- reading ------------------------------------------------------------------

    @property
    def ok(self) -> bool:
        """Whether no row and nothing about the file has an error (warnings allowed)."""
        return self.with_errors == 0 and self.file_errors == 0

    @property
    def by_code(self) -> dict[str, int]:
        """How many issues of each code, most frequent first."""
        return dict(self._by_code.most_common())

    @property
    def by_field(self) -> dict[str, int]:
        """How many issues in each field (field code), most frequent first."""
        return dict(self._by_field.most_common())

    @property
    def by_severity(self) -> dict[str, int]:
        """How many issues of each severity (``"error"``, ``"warning"``)."""
        return {s.value: self._by_severity[s] for s in Severity}

    @property
    def issue_count(self) -> int:
        """How many issues in all, file-level ones included."""
        return len(self._store) + len(self._file_issues)

    def top_issues(self, n: int = 10) -> list[tuple[str, int]]:
        """The ``n`` most frequent issue codes with their counts.

        >>> Report().top_issues()
        []
        """
        return self._by_code.most_common(n)

    def severity_of(self, code: str) -> Severity | None:
        """The severity the issues of ``code`` had in this report (``None`` if none seen).

        >>> from credit_disclosure.io import io_issue
        >>> report = Report()
        >>> report.add(1, [io_issue("row.json", 1)])
        >>> report.severity_of("row.json"), report.severity_of("date.future")
        (<Severity.ERROR: 'error'>, None)
        """
        return self._codes_severity.get(code)

    @property
    def file_issues(self) -> tuple[Issue, ...]:
        """The issues about the whole file (no row)."""
        return tuple(self._file_issues)

    def __iter__(self) -> Iterator[Issue]:
        """Every issue, file-level ones first, then by row in file order."""
        yield from self._file_issues
        yield from self._store

    def findings(self) -> Iterator[Finding]:
        """Every issue as the clerk sees it (:class:`~credit_disclosure.io.Finding`), in order.

        >>> from credit_disclosure.standard import Issue, Severity
        >>> report = Report(kind=RecordKind.PENALTY)
        >>> report.add(3, [Issue(code="date.future", field="CF_JDRQ", severity=Severity.ERROR,
        ...                      message_en="after today", message_zh="晚于今天")],
        ...            sheet_row=4, values={"CF_WSH": "京市监罚〔2024〕12号", "CF_JDRQ": "2099/1/1"})
        >>> f = next(report.findings())
        >>> f.sheet_row, f.decision, f.field_name, f.value, f.advice_zh
        (4, '京市监罚〔2024〕12号', '处罚决定日期', '2099/1/1', '请核对日期：晚于今天')
        """
        for issue in self._file_issues:
            yield self._finding(issue, _NOWHERE)
        for issue, where in self._store.placed():
            yield self._finding(issue, where)

    def _finding(self, issue: Issue, where: _Where) -> Finding:
        en, zh = advice(issue.code)
        return Finding(
            issue,
            sheet_row=where[0],
            decision=where[1],
            field_name=self.field_name(issue.field),
            value=where[2],
            advice_en=en,
            advice_zh=zh,
        )

    def _spec(self, code: str) -> Any:
        if self.kind is None:
            return None
        try:
            return field_by_code(code, self.kind, self.version)
        except KeyError:
            return None

    def field_name(self, code: str | None) -> str:
        """The Chinese name of a field code of this report's kind ('' when unknown).

        >>> Report(kind=RecordKind.PENALTY).field_name("CF_NR_FK"), Report().field_name("CF_NR_FK")
        ('罚款金额（万元）', '')
        """
        if code is None or self.kind is None:
            return ""
        try:
            return field_by_code(code, self.kind, self.version).name_zh
        except KeyError:
            return ""

    def summary(self) -> dict[str, Any]:
        """The figures as a JSON-ready dictionary (no issues).

        >>> Report(kind=RecordKind.LICENSE).summary()["rows"]
        0
        """
        return {
            "source": self.source,
            "kind": None if self.kind is None else self.kind.value,
            "standard": self.version.value,
            "encoding": self.encoding,
            "rows": self.rows,
            "valid": self.valid,
            "with_errors": self.with_errors,
            "with_warnings": self.with_warnings,
            "blank_rows": self.blank_rows,
            "issues": self.issue_count,
            "ok": self.ok,
            "by_severity": self.by_severity,
            "by_code": self.by_code,
            "by_field": self.by_field,
        }

    # --- exports ------------------------------------------------------------------

    def to_csv(self, target: str | os.PathLike[str] | IO[str]) -> None:
        """Write every issue as CSV (UTF-8 with BOM when writing to a path, for Excel).

        Columns: ``row`` (empty for file-level issues), ``severity``, ``code``,
        ``field`` (code), ``field_name`` (Chinese), ``message_en``, ``message_zh``,
        then the clerk's view (:meth:`findings`): ``sheet_row`` (the row a spreadsheet
        shows), ``decision`` (the record's decision number), ``value`` (masked, redacted),
        ``advice_en``, ``advice_zh``.

        >>> import io
        >>> from credit_disclosure.io import io_issue
        >>> report = Report(kind=RecordKind.PENALTY)
        >>> report.add(4, [io_issue("row.json", 4)])
        >>> out = io.StringIO()
        >>> report.to_csv(out)
        >>> print(out.getvalue().splitlines()[1])
        4,error,row.json,,,the line is not a JSON object,该行不是JSON对象,,,,correct the row \
in the spreadsheet and save it again,请在表格中更正该行后重新保存
        """
        with text_target(target, "utf-8-sig") as fp:
            writer = inert_csv_writer(fp, lineterminator="\n")  # no cell runs as a formula
            writer.writerow(CSV_COLUMNS)
            writer.writerows(self._items())

    def _items(self) -> Iterator[tuple[int | str | None, ...]]:
        """Every issue as a tuple of :data:`CSV_COLUMNS` values (``None`` when empty)."""
        for f in self.findings():
            issue = f.issue
            yield (
                issue.row,
                issue.severity.value,
                issue.code,
                issue.field,
                f.field_name or None,
                issue.message_en,
                issue.message_zh,
                f.sheet_row,
                f.decision,
                f.value,
                f.advice_en,
                f.advice_zh,
            )

    def to_json(
        self,
        target: str | os.PathLike[str] | IO[str],
        *,
        indent: int | None = 2,
        head: Mapping[str, Any] | None = None,
    ) -> None:
        """Write the summary and every issue as one JSON object (streamed: flat memory).

        The object is the :meth:`summary` plus ``"issues"``: a list of objects
        with ``row``, ``severity``, ``code``, ``field``, ``field_name``,
        ``message_en`` and ``message_zh``. (The summary's ``"issues"`` count is
        under ``"issue_count"``.) ``head``'s members come first (the command line puts the
        tool's name and version and the ``as_of`` date there); the report's own follow.

        >>> import io, json
        >>> from credit_disclosure.io import io_issue
        >>> report = Report(kind=RecordKind.PENALTY)
        >>> report.add(4, [io_issue("row.json", 4)])
        >>> out = io.StringIO()
        >>> report.to_json(out, indent=None)
        >>> data = json.loads(out.getvalue())
        >>> data["with_errors"], data["issues"][0]["row"], data["issues"][0]["field"]
        (1, 4, None)
        """
        summary = {**(head or {}), **self.summary()}
        summary["issue_count"] = summary.pop("issues")
        with text_target(target, "utf-8") as fp:
            opening = json.dumps(summary, ensure_ascii=False, indent=indent)
            fp.write(opening[:-1].rstrip())
            sep = "\n" if indent is not None else ""
            pad = " " * (indent or 0)
            fp.write(f',{sep}{pad}"issues": [')
            first = True
            for values in self._items():
                item = dict(zip(CSV_COLUMNS, values))
                fp.write(("" if first else ",") + sep + pad * 2)
                fp.write(json.dumps(item, ensure_ascii=False))
                first = False
            fp.write(f"{sep}{pad}]" if not first else "]")
            fp.write(sep + "}\n")

    def summary_text(self, *, top: int = 10, lang: str = "en") -> str:
        """The figures and the top issues as a few lines of plain text (labels in ``lang``).

        ``lang`` ``"zh"`` writes Chinese labels; ``"en"`` and ``"both"`` English ones.

        >>> print(Report(kind=RecordKind.PENALTY, source="x.csv").summary_text())
        x.csv: penalty records, standard 2018
        rows: 0  valid: 0  with errors: 0  with warnings: 0
        >>> print(Report(kind=RecordKind.PENALTY, source="x.csv").summary_text(lang="zh"))
        x.csv：行政处罚记录，标准2018版
        行数：0  合格：0  有错误：0  有警告：0
        """
        language: Lang = "zh" if lang == "zh" else "en"
        kind = "none" if self.kind is None else self.kind.value
        head = ui(
            "report.head", language, source=self.source or "<rows>",
            what=ui(f"report.kind.{kind}", language), version=self.version.value,
        )
        if self.encoding:
            head += ui("report.encoding", language, encoding=self.encoding)
        counts = ui(
            "report.counts", language, rows=self.rows, valid=self.valid,
            errors=self.with_errors, warnings=self.with_warnings,
        )
        if self.blank_rows:
            counts += ui("report.blank", language, blank=self.blank_rows)
        lines = [head, counts]
        tops = self.top_issues(top)
        if tops:
            lines.append(ui("report.top", language))
            width = max(len(code) for code, _ in tops)
            for code, count in tops:
                sev = ui(f"severity.{self._codes_severity[code].value}", language)
                lines.append(f"  {count:>7}  {code.ljust(width)}  {sev}")
        return "\n".join(lines)

    def format_issue(self, issue: Issue, *, lang: str = "both") -> str:
        """One issue as a line of text: where, severity, code and the message.

        ``lang`` is ``"en"``, ``"zh"`` or ``"both"`` (English, then Chinese in
        brackets). The messages name the field themselves.

        >>> from credit_disclosure.io import io_issue
        >>> Report().format_issue(io_issue("row.json", 4), lang="en")
        'row 4: error row.json: the line is not a JSON object'
        """
        where = "file" if issue.row is None else f"row {issue.row}"
        if lang == "en":
            message = issue.message_en
        elif lang == "zh":
            message = issue.message_zh
        else:
            message = f"{issue.message_en} ({issue.message_zh})"
        return f"{where}: {issue.severity.value} {issue.code}: {message}"

    def write_text(
        self,
        fp: IO[str],
        *,
        issues: bool = True,
        top: int = 10,
        lang: str = "both",
        max_issues: int | None = None,
    ) -> None:
        """Write :meth:`summary_text`, then one line per issue (at most ``max_issues``).

        >>> import sys
        >>> Report(source="x.csv").write_text(sys.stdout)
        x.csv: records, standard 2018
        rows: 0  valid: 0  with errors: 0  with warnings: 0
        no issues
        >>> Report(source="x.csv").write_text(sys.stdout, lang="zh")
        x.csv：记录，标准2018版
        行数：0  合格：0  有错误：0  有警告：0
        没有问题
        """
        language: Lang = "zh" if lang == "zh" else "en"
        fp.write(self.summary_text(top=top, lang=lang) + "\n")
        if not issues:
            return
        if not self.issue_count:
            fp.write(ui("report.no_issues", language) + "\n")
            return
        fp.write(ui("report.issues", language) + "\n")
        for n, finding in enumerate(self.findings()):
            if max_issues is not None and n >= max_issues:
                more = self.issue_count - max_issues
                fp.write("  " + ui("report.more", language, more=more) + "\n")
                break
            fp.write("  " + finding.line(lang) + "\n")

    def close(self) -> None:
        """Delete the temporary file the issues may have spilled to."""
        self._store.close()

    def __enter__(self) -> Report:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _repr_html_(self) -> str:
        """Rich display in Jupyter: figures, top issue codes, the first issues.

        >>> from datetime import date
        >>> from credit_disclosure.io import check_rows
        >>> report = check_rows([{"CF_XDR_MC": "某某公司"}], "penalty",
        ...                     as_of=date(2025, 6, 30), source="x.csv")
        >>> "x.csv" in report._repr_html_()
        True
        """
        return report_html(self)

    def __repr__(self) -> str:
        return (
            f"Report(source={self.source!r}, rows={self.rows}, valid={self.valid}, "
            f"with_errors={self.with_errors}, with_warnings={self.with_warnings})"
        )


# -- rich display in Jupyter (Report._repr_html_) ---------------------------------------------


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
