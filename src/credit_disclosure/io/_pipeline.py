"""The one row pipeline: columns resolved once, every row parsed and checked once.

Everything that checks rows goes through :class:`RowPipeline`: the batch check
(:func:`~credit_disclosure.io.check_file`, :func:`~credit_disclosure.io.check_rows`),
the quality metrics (``compute_metrics``, ``score_file``) and the pandas and Spark
paths of :mod:`credit_disclosure.quality`. The pipeline does three things per row
and nothing else: map the row's headers to field codes (the
:class:`~credit_disclosure.standard.HeaderResolver` resolves each distinct header
once), call :func:`~credit_disclosure.standard.check_row`, and account for the row
in a :class:`RowOutcome`. Rows the reader could not split into cells, and rows the
checker failed on (``row.unexpected``), are outcomes too, with their issues: a
consumer never sees fewer outcomes than rows. What a consumer does with an outcome
(fill a report, count a quality observation) is its own business.

A pre-filter (the columnar fast path of :func:`~credit_disclosure.io.check_file`)
passes runs of rows it has found clean beside the pipeline's outcomes; every row
it does not clear goes through the pipeline, which stays the only author of issues.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date

from ..standard import (
    HeaderResolver,
    Issue,
    RecordKind,
    RowResult,
    StandardVersion,
    ValidationOptions,
    check_row,
)
from ._issues import io_issue
from ._readers import FileFormat, RawRow, TableReader

__all__ = ["RowOutcome", "RowPipeline"]


class RowOutcome:
    """One row after the pipeline: where it is, every issue found, its values, the check's result.

    ``row`` is the 1-based data-row number (as :class:`~credit_disclosure.io.RawRow`
    counts it); ``sheet_row`` the row a spreadsheet shows (the header counted) or the
    file's line, ``None`` for rows that did not come from a file; ``issues`` are the
    reader's issues, then :func:`~credit_disclosure.standard.check_row`'s (``()`` for a
    clean row); ``values`` the row's values by field code (``None``: the row could not be
    split into cells); ``result`` what ``check_row`` found (``None``: the row was not
    checked, its issues say why); ``raw`` is the row as read (``None`` for rows handed in
    already keyed by field code).

    >>> from datetime import date
    >>> from credit_disclosure.standard import HeaderResolver
    >>> pipeline = RowPipeline(HeaderResolver("penalty"), as_of=date(2025, 6, 30))
    >>> outcome = pipeline.check(RawRow(7, {"行政处罚决定书文号": "某罚〔2025〕1号"}))
    >>> outcome.row, outcome.values, outcome.result is not None
    (7, {'CF_WSH': '某罚〔2025〕1号'}, True)
    >>> sorted({i.code for i in outcome.issues})
    ['field.required']
    """

    __slots__ = ("issues", "raw", "result", "row", "sheet_row", "values")

    def __init__(
        self,
        row: int,
        issues: tuple[Issue, ...],
        values: dict[str, object] | None,
        result: RowResult | None,
        raw: RawRow | None = None,
        sheet_row: int | None = None,
    ) -> None:
        self.row = row
        self.issues = issues
        self.values = values
        self.result = result
        self.raw = raw
        self.sheet_row = sheet_row

    @property
    def checked(self) -> bool:
        """Whether the row was checked (``False``: unreadable, or the checker failed on it).

        >>> RowOutcome(1, (), None, None).checked
        False
        """
        return self.result is not None

    def __repr__(self) -> str:
        # Never the values: they may be personal.
        codes = [i.code for i in self.issues]
        return f"RowOutcome(row={self.row}, sheet_row={self.sheet_row}, issues={codes})"


class RowPipeline:
    """Columns resolved once, rows parsed and checked once: the one row loop of the package.

    ``resolver`` maps headers to field codes (and reports header problems its own way);
    its kind and version are the records'. ``as_of`` and ``options`` go to
    :func:`~credit_disclosure.standard.check_row`. ``reader`` (a
    :class:`~credit_disclosure.io.TableReader`) has its header row resolved at once
    (JSON Lines keys are resolved as rows bring them) and gives the rows' sheet rows.

    >>> from datetime import date
    >>> from credit_disclosure.standard import HeaderResolver
    >>> pipeline = RowPipeline(HeaderResolver("penalty"), as_of=date(2025, 6, 30))
    >>> rows = [RawRow(1, {"CF_WSH": "某罚〔2025〕1号"}), RawRow(2, {}, (), usable=False)]
    >>> [(o.row, o.checked, len(o.issues) > 0) for o in pipeline.run(rows)]
    [(1, True, True), (2, False, False)]
    """

    __slots__ = ("_as_of", "_options", "_sheet_offset", "kind", "resolver", "version")

    def __init__(
        self,
        resolver: HeaderResolver,
        *,
        as_of: date,
        options: ValidationOptions | None = None,
        reader: TableReader | None = None,
    ) -> None:
        self.resolver = resolver
        self.kind: RecordKind = resolver.kind
        self.version: StandardVersion = resolver.version
        self._as_of = as_of
        self._options = options
        # The row a spreadsheet shows: a CSV record is one spreadsheet row after the header's
        # line (a quoted value over several lines stays in one row); an XLSX row is its sheet
        # row. Without a reader it is the row's own line, if any.
        self._sheet_offset: int | None = None
        if reader is not None:
            if reader.format is not FileFormat.JSONL:
                resolver.resolve_all(reader.headers)
            self._sheet_offset = reader.header_line

    def run(self, rows: Iterable[RawRow]) -> Iterator[RowOutcome]:
        """One outcome per row, in order: mapped by the resolver, checked by ``check_row``."""
        kind, version, as_of, options = self.kind, self.version, self._as_of, self._options
        map_row = self.resolver.map_row
        offset = self._sheet_offset
        outcome = RowOutcome
        for raw in rows:
            sheet = raw.line if offset is None else offset + raw.row
            if not raw.usable:
                yield outcome(raw.row, raw.issues, None, None, raw, sheet)
                continue
            mapped: dict[str, object] | None = None
            try:
                mapped = map_row(raw.values)
                result = check_row(mapped, kind, version=version, as_of=as_of, options=options)
            except Exception as exc:  # a checker bug must not lose the other rows
                issue = io_issue("row.unexpected", raw.row, reason=type(exc).__name__)
                yield outcome(raw.row, (*raw.issues, issue), mapped, None, raw, sheet)
                continue
            issues = (*raw.issues, *result.issues) if raw.issues else result.issues
            yield outcome(raw.row, issues, mapped, result, raw, sheet)

    def check(self, raw: RawRow) -> RowOutcome:
        """The outcome of one row (as :meth:`run` gives it)."""
        return next(self.run((raw,)))

    def run_mapped(self, rows: Iterable[Mapping[str, object]]) -> Iterator[RowOutcome]:
        """One outcome per row already keyed by field code (a frame's columns), numbered from 1.

        >>> from datetime import date
        >>> from credit_disclosure.standard import HeaderResolver
        >>> pipeline = RowPipeline(HeaderResolver("license"), as_of=date(2025, 6, 30))
        >>> [o.row for o in pipeline.run_mapped([{"XK_WSH": "1"}, {"XK_WSH": "2"}])]
        [1, 2]
        """
        kind, version, as_of, options = self.kind, self.version, self._as_of, self._options
        outcome = RowOutcome
        for n, values in enumerate(rows, start=1):
            mapped = values if isinstance(values, dict) else dict(values)
            try:
                result = check_row(mapped, kind, version=version, as_of=as_of, options=options)
            except Exception as exc:  # a checker bug must not lose the other rows
                issue = io_issue("row.unexpected", n, reason=type(exc).__name__)
                yield outcome(n, (issue,), mapped, None)
                continue
            yield outcome(n, result.issues, mapped, result)

    def __repr__(self) -> str:
        return f"RowPipeline(kind={self.kind.value!r}, version={self.version.value!r})"
