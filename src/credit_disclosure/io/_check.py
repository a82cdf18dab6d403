"""The batch check: read a file row by row, check each row, fill a report.

This is the loop behind ``credit-disclosure check``: the file's rows go through the
one :class:`~credit_disclosure.io.RowPipeline` (headers resolved once, each row
mapped and checked once by :func:`credit_disclosure.standard.check_row`) and each
outcome's issues go to the :class:`~credit_disclosure.io.Report`. Nothing is kept
per valid row, so memory stays flat however large the file.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import IO, Final, Literal

from .._dates import as_date
from ..errors import ArgumentError, MissingOptionalDependency
from ..standard import (
    ColumnChecks,
    HeaderProblem,
    HeaderResolver,
    Issue,
    RecordKind,
    StandardVersion,
    ValidationOptions,
    resolve_header,
    resolve_kind,
)
from . import _columnar
from ._columnar import Cleared
from ._issues import io_issue
from ._pipeline import RowOutcome, RowPipeline
from ._readers import FileFormat, RawRow, TableReader, open_table
from ._report import Report

__all__ = [
    "Cleared",
    "Engine",
    "ProgressCallback",
    "RowCallback",
    "check_file",
    "check_rows",
    "checked_rows",
    "header_issue",
    "header_test",
    "report_resolver",
]

#: Called now and then during a check with (fraction of the file read or ``None``, rows so far).
ProgressCallback = Callable[[float | None, int], None]
#: Called once per checked row, in order, with (data-row number, the row's issues): lets a
#: caller stream results (the HTTP service does). An exception it raises stops the check.
RowCallback = Callable[[int, Sequence[Issue]], None]

#: How :func:`check_file` checks rows: ``"auto"`` (the columnar fast path where it applies),
#: ``"row"`` (every row through the row engine) or ``"columnar"`` (``"auto"``, and an error
#: when pyarrow is not installed).
Engine = Literal["auto", "row", "columnar"]

#: Rows between two calls of the progress callback.
_PROGRESS_EVERY: Final = 4096

#: Counts and durations only: never a cell, a header text or a file name (they may be personal).
_LOG: Final = logging.getLogger("credit_disclosure.io")


def header_issue(problem: HeaderProblem) -> Issue:
    """The file-level :class:`~credit_disclosure.standard.Issue` of a header problem.

    >>> from credit_disclosure.standard import HeaderProblem
    >>> header_issue(HeaderProblem("header.unknown", column=4, header="联系电话")).message_en
    "column 4 header '联系电话' names no field of the standard; it is ignored"
    """
    if problem.code == "header.duplicate":
        return io_issue(
            problem.code,
            field=problem.field,
            column=problem.column,
            header=problem.header,
            first=problem.first,
        )
    return io_issue(problem.code, column=problem.column, header=problem.header)


def report_resolver(kind: RecordKind, version: StandardVersion, report: Report) -> HeaderResolver:
    """A :class:`~credit_disclosure.standard.HeaderResolver` adding its problems to ``report``.

    >>> report = Report(kind=RecordKind.PENALTY, version=StandardVersion.V2018)
    >>> resolver = report_resolver(RecordKind.PENALTY, StandardVersion.V2018, report)
    >>> resolver.resolve_all(["CF_WSH", "cf_wsh"])
    >>> [i.code for i in report.file_issues]
    ['header.duplicate']
    """
    return HeaderResolver(
        kind, version, on_problem=lambda problem: report.add_file_issue(header_issue(problem))
    )


def _fill(
    report: Report,
    outcomes: Iterable[RowOutcome | Cleared],
    *,
    progress: ProgressCallback | None,
    reader: TableReader | None,
    on_row: RowCallback | None = None,
) -> None:
    """Add every outcome to the report (keeping, for the rows with issues, where and what)."""
    report_add = report.add
    count = 0
    for outcome in outcomes:
        if outcome.__class__ is Cleared:  # rows the columnar path cleared: no issue in any
            assert isinstance(outcome, Cleared)
            report.add_clean(outcome.count)
            if on_row is not None:
                for row in range(outcome.first, outcome.first + outcome.count):
                    on_row(row, ())
            before, count = count, count + outcome.count
            if progress is not None and before // _PROGRESS_EVERY != count // _PROGRESS_EVERY:
                progress(None if reader is None else reader.progress(), count)
            continue
        assert isinstance(outcome, RowOutcome)
        count += 1
        if progress is not None and count % _PROGRESS_EVERY == 0:
            progress(None if reader is None else reader.progress(), count)
        issues = outcome.issues
        if issues:
            report_add(outcome.row, issues, sheet_row=outcome.sheet_row, values=outcome.values)
        else:
            report_add(outcome.row, issues)
        if on_row is not None:
            on_row(outcome.row, issues)
    if progress is not None:
        progress(1.0 if reader is not None else None, count)


def check_file(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    kind: RecordKind | None = None,
    version: StandardVersion = StandardVersion.V2018,
    as_of: date | None = None,
    options: ValidationOptions | None = None,
    format: FileFormat | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    header_row: int | None = None,
    progress: ProgressCallback | None = None,
    on_row: RowCallback | None = None,
    engine: Engine = "auto",
) -> Report:
    """Check every row of a CSV, XLSX or JSON Lines file against the data standard.

    ``kind`` ``None`` detects licence or penalty from the headers (raising
    :class:`~credit_disclosure.errors.ValidationError` with code ``file.kind``
    when the headers do not say); ``as_of`` is the date "future" is judged
    against (default: today, read once); ``format``, ``encoding``,
    ``delimiter`` and ``sheet`` override what :func:`open_table` guesses;
    the header row is the first row whose cells name fields of the standard
    (:func:`~credit_disclosure.standard.resolve_header`), so a title, notes or blank
    rows above it are skipped, or the row numbered ``header_row`` (the line of a CSV
    file, the sheet's row of a workbook);
    ``progress`` is called every few thousand rows with the fraction of the
    file read and the rows so far; ``on_row`` once per row, as it is checked,
    with its number and issues. Every row ends up in the report: rows
    that cannot be read carry a ``row.*`` issue instead of stopping the check.

    ``engine`` ``"auto"`` checks a UTF-8 CSV file of the 2018 standard of 4 MB or more
    through the columnar fast path when pyarrow and numpy are installed (the ``fast`` extra): whole
    columns clear the rows that certainly have no issue and every other row goes to
    :func:`~credit_disclosure.standard.check_row`, so the report is the one ``"row"``
    (every row through ``check_row``) gives, byte for byte (docs/standard.md, "Two
    paths, one report"); ``"columnar"`` takes it whatever the size, and raises
    :class:`~credit_disclosure.errors.MissingOptionalDependency` without pyarrow.

    >>> import io
    >>> from credit_disclosure.samples import sample_path
    >>> report = check_file(sample_path("penalty"), as_of=date(2025, 6, 30))
    >>> report.kind, report.rows > 100, report.with_errors > 0
    (<RecordKind.PENALTY: 'penalty'>, True, True)
    >>> seen = []
    >>> _ = check_file(sample_path("license"), as_of=date(2025, 6, 30),
    ...                on_row=lambda row, issues: seen.append(row))
    >>> len(seen), seen[:3]
    (200, [1, 2, 3])
    """
    if as_of is None:
        as_of = date.today()
    elif as_of.__class__ is not date:
        as_of = as_date(as_of, "as_of", "argument.type")  # the one date-argument rule
    kind = None if kind is None else RecordKind(kind)  # also "penalty" / "license"
    version = StandardVersion(version)
    with open_table(
        source,
        format=format,
        encoding=encoding,
        delimiter=delimiter,
        sheet=sheet,
        header_row=header_row,
        is_header=header_test(kind, version),
    ) as reader:
        empty = any(i.code == "file.empty" for i in reader.file_issues)
        if kind is None and not empty:
            kind = resolve_kind(reader.headers, None, version)
        report = Report(kind=kind, version=version, source=reader.name, encoding=reader.encoding)
        started = time.perf_counter()
        if kind is not None:
            pipeline = RowPipeline(
                report_resolver(kind, version, report), as_of=as_of, options=options, reader=reader
            )
            outcomes = checked_rows(reader, pipeline, engine=engine)
            try:
                _fill(report, outcomes, progress=progress, reader=reader, on_row=on_row)
            finally:
                outcomes.close()  # stops the fast path's read-ahead thread before the file closes
        for issue in reader.file_issues:
            report.add_file_issue(issue)
        report.blank_rows = reader.blank_rows
        report.header_line = reader.header_line
        report.encoding = reader.encoding
    _LOG.info(
        "checked %d rows (%d valid, %d with errors, %d file issues) of a %s file in %.2fs",
        report.rows,
        report.valid,
        report.with_errors,
        len(report.file_issues),
        reader.format.value,
        time.perf_counter() - started,
    )
    return report


def checked_rows(
    reader: TableReader, pipeline: RowPipeline, *, engine: Engine = "auto"
) -> Generator[RowOutcome | Cleared, None, None]:
    """Every row of ``reader`` through ``pipeline``, as :func:`check_file` checks them.

    With ``engine`` ``"auto"`` or ``"columnar"`` the rows the columnar fast path clears
    come as :class:`Cleared` runs (each holding the batch it was read in), every other
    row as the pipeline's :class:`~credit_disclosure.io.RowOutcome`, in the file's order;
    with ``"row"``, or where the fast path does not apply, every row is an outcome. A
    consumer that keeps rows (the ledger's import) gets what ``check_file`` reports.
    Close the generator when stopping early (the fast path reads ahead in a thread).

    >>> from datetime import date
    >>> from credit_disclosure.samples import sample_path
    >>> report = Report(kind=RecordKind.PENALTY, version=StandardVersion.V2018)
    >>> with open_table(sample_path("penalty")) as reader:
    ...     pipeline = RowPipeline(report_resolver(RecordKind.PENALTY, StandardVersion.V2018, report),
    ...                            as_of=date(2025, 6, 30), reader=reader)
    ...     items = list(checked_rows(reader, pipeline, engine="columnar"))
    >>> sum(i.count if isinstance(i, Cleared) else 1 for i in items)
    300
    """
    fast = None
    if engine != "row":
        fast = _fast_rows(reader, pipeline, pipeline._as_of, pipeline._options, engine)
    if fast is None:
        yield from pipeline.run(reader)
        return
    try:
        yield from _through(pipeline, fast)
    finally:
        fast.close()  # stops its read-ahead thread


def _fast_rows(
    reader: TableReader,
    pipeline: RowPipeline,
    as_of: date,
    options: ValidationOptions | None,
    engine: str,
) -> Generator[RawRow | Cleared, None, None] | None:
    """The columnar path's rows, or ``None`` where it does not apply (or is not installed)."""
    if engine not in ("auto", "columnar"):
        raise ArgumentError(
            "argument.value",
            message_en=f"engine must be 'auto', 'row' or 'columnar', not {engine!r}",
            message_zh=f"engine 应为 'auto'、'row' 或 'columnar'，而不是 {engine!r}",
            field="engine",
        )
    if reader.format is not FileFormat.CSV or pipeline.version is not StandardVersion.V2018:
        return None
    if engine == "auto" and not _columnar.worth_it(reader):
        return None
    if not _columnar.available():
        if engine == "columnar":
            raise MissingOptionalDependency("pyarrow", "fast", "the columnar fast path")
        return None
    checks = ColumnChecks(pipeline.kind, pipeline.version, as_of=as_of, options=options)
    return _columnar.fast_rows(reader, pipeline.resolver, checks)


def _through(
    pipeline: RowPipeline, items: Iterable[RawRow | Cleared]
) -> Iterator[RowOutcome | Cleared]:
    """The pipeline's outcomes of the rows, with the cleared runs passed on between them."""
    rest = iter(items)
    cleared: list[Cleared] = []

    def raw_rows() -> Iterator[RawRow]:
        for item in rest:
            if item.__class__ is Cleared:
                assert isinstance(item, Cleared)
                cleared.append(item)
                return
            assert isinstance(item, RawRow)
            yield item

    while True:
        yield from pipeline.run(raw_rows())
        if not cleared:
            return
        yield cleared.pop()


def header_test(
    kind: RecordKind | None, version: StandardVersion = StandardVersion.V2018
) -> Callable[[Sequence[object]], bool]:
    """Whether a row's cells are a header row: at least half its texts name fields.

    A cell names a field when :func:`~credit_disclosure.standard.resolve_header`
    resolves it for ``kind`` (either kind when ``None``): field code, Chinese name or
    attribute name. A title (``某区2024年行政处罚公示表``) or a note names none.

    >>> test = header_test(None)
    >>> test(["某区2024年行政处罚公示表", "", ""]), test(["行政处罚决定书文号", "CF_XDR_MC", "x"])
    (False, True)
    """
    kinds = list(RecordKind) if kind is None else [RecordKind(kind)]

    def is_header(cells: Sequence[object]) -> bool:
        texts = [c for c in cells if isinstance(c, str) and c.strip()]
        for k in kinds:
            named = sum(1 for c in texts if resolve_header(c, k, version) is not None)
            if named and named * 2 >= len(texts):
                return True
        return False

    return is_header


def _numbered(rows: Iterable[Mapping[str, object]]) -> Iterator[RawRow]:
    for n, values in enumerate(rows, start=1):
        yield RawRow(n, values)


def check_rows(
    rows: Iterable[Mapping[str, object]],
    kind: RecordKind,
    *,
    version: StandardVersion = StandardVersion.V2018,
    as_of: date | None = None,
    options: ValidationOptions | None = None,
    source: str | None = None,
) -> Report:
    """Check rows already in memory (mappings keyed in any of the three header styles).

    Rows are numbered from 1 in iteration order.

    >>> rows = [{"行政处罚决定书文号": "", "CF_XDR_MC": "某某有限公司"}]
    >>> report = check_rows(rows, RecordKind.PENALTY, as_of=date(2025, 6, 30))
    >>> report.rows, report.with_errors, "field.required" in report.by_code
    (1, 1, True)
    """
    kind, version = RecordKind(kind), StandardVersion(version)  # also "penalty", "2015"
    report = Report(kind=kind, version=version, source=source)
    pipeline = RowPipeline(
        report_resolver(kind, version, report),
        as_of=date.today() if as_of is None else as_date(as_of, "as_of", "argument.type"),
        options=options,
    )
    _fill(report, pipeline.run(_numbered(rows)), progress=None, reader=None)
    return report
