"""Quality scores by agency, month and record kind: accumulate observations, read tables.

:class:`QualityMetrics` keeps a few counters per (agency, month, kind) cell, so
memory grows with the number of agencies and months, never with the number of
records. :meth:`QualityMetrics.table` sums the cells up to any grouping.
"""

from __future__ import annotations

import html
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import IO, TYPE_CHECKING, Any, Final, Literal

import attrs

from .._i18n import check_lang, ui
from .._optional import require
from .._text import redact_optional
from ..deadlines import DeadlineRule
from ..errors import ArgumentError, UnknownName
from ..io import (
    FileFormat,
    RawRow,
    RowOutcome,
    RowPipeline,
    header_test,
    inert_csv_writer,
    open_table,
)
from ..standard import (
    HeaderResolver,
    RecordKind,
    StandardVersion,
    ValidationOptions,
    resolve_kind,
)
from ..workdays import WorkdayCalendar
from ._observe import Observation, TimelinessStatus, observe_outcome

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "GROUPINGS",
    "PUBLISHED_COLUMNS",
    "MetricRow",
    "MetricsTable",
    "QualityMetrics",
    "compute_metrics",
    "score_file",
]

#: The groupings a table can be broken down by.
_Grouping = Literal["agency", "month", "kind"]
GROUPINGS: Final[tuple[_Grouping, ...]] = ("agency", "month", "kind")
_INDEX: Final = {"agency": 0, "month": 1, "kind": 2}

#: Column names taken as the publication date when none is named. The data standard has no
#: publication-date field: these are conventions of exports, not of 790号.
PUBLISHED_COLUMNS: Final = ("公示日期", "published_on", "publication_date", "GSRQ")

_Key = tuple[str | None, str | None, str]


def _share(part: int, whole: int) -> float | None:
    return None if whole == 0 else part / whole


@attrs.frozen(kw_only=True)
class MetricRow:
    """The scores of one group of records (one agency, one month, ...).

    Counts are records; the rates are shares in ``[0, 1]`` (``None`` when no
    record could be judged). ``timeliness`` is on time / (on time + late): the
    records whose timeliness is unknown are left out of the rate and counted in
    ``timeliness_unknown`` with their reasons.

    >>> row = MetricRow(group=("某局",), records=4, complete=3, accurate=2, with_errors=2,
    ...                 on_time=1, late=1, timeliness_unknown=2, working_days_late=3,
    ...                 max_working_days_late=3, unknown_reasons=(("no_publication_date", 2),))
    >>> row.completeness, row.accuracy, row.timeliness, row.mean_working_days_late
    (0.75, 0.5, 0.5, 3.0)
    """

    #: the values of the grouping columns, in the table's ``by`` order (``None``: not filled)
    group: tuple[str | None, ...]
    records: int = 0
    complete: int = 0
    accurate: int = 0
    with_errors: int = 0
    on_time: int = 0
    late: int = 0
    timeliness_unknown: int = 0
    #: working days late summed over the late records
    working_days_late: int = 0
    max_working_days_late: int = 0
    #: why timeliness was unknown: (reason, records), most frequent first, ties by reason
    unknown_reasons: tuple[tuple[str, int], ...] = ()

    @property
    def completeness(self) -> float | None:
        """Share of records with every required field filled."""
        return _share(self.complete, self.records)

    @property
    def accuracy(self) -> float | None:
        """Share of records with no accuracy error (identifiers, codes, dates, amounts)."""
        return _share(self.accurate, self.records)

    @property
    def timeliness(self) -> float | None:
        """Share of the judged records published within the deadline."""
        return _share(self.on_time, self.on_time + self.late)

    @property
    def mean_working_days_late(self) -> float | None:
        """Mean working days late over the late records."""
        return None if self.late == 0 else self.working_days_late / self.late

    def as_dict(self, by: Sequence[str]) -> dict[str, Any]:
        """The row as a flat dictionary: group columns, counts, rates.

        >>> MetricRow(group=("2025-03",), records=2, complete=2).as_dict(["month"])["completeness"]
        1.0
        """
        out: dict[str, Any] = dict(zip(by, self.group))
        out.update(
            records=self.records,
            complete=self.complete,
            accurate=self.accurate,
            with_errors=self.with_errors,
            on_time=self.on_time,
            late=self.late,
            timeliness_unknown=self.timeliness_unknown,
            completeness=self.completeness,
            accuracy=self.accuracy,
            timeliness=self.timeliness,
            mean_working_days_late=self.mean_working_days_late,
            max_working_days_late=self.max_working_days_late,
            unknown_reasons=dict(self.unknown_reasons),
        )
        return out


#: The columns of :meth:`MetricsTable.to_dicts` after the grouping columns.
METRIC_COLUMNS: Final = (
    "records",
    "complete",
    "accurate",
    "with_errors",
    "on_time",
    "late",
    "timeliness_unknown",
    "completeness",
    "accuracy",
    "timeliness",
    "mean_working_days_late",
    "max_working_days_late",
    "unknown_reasons",
)


def _fmt(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, dict):
        return "; ".join(f"{k}={v}" for k, v in value.items())
    return str(value)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


@attrs.frozen(kw_only=True)
class MetricsTable:
    """Quality scores as a plain table: one :class:`MetricRow` per group, plus the total.

    ``by`` names the grouping columns (``("agency", "month")``); ``issues_by_code``
    counts every issue of the records by code (most frequent first).

    >>> table = MetricsTable(by=("month",), rows=(MetricRow(group=("2025-03",), records=1),),
    ...                      total=MetricRow(group=(None,), records=1))
    >>> len(table), table.to_dicts()[0]["month"]
    (1, '2025-03')
    """

    by: tuple[str, ...]
    rows: tuple[MetricRow, ...]
    total: MetricRow
    issues_by_code: Mapping[str, int] = attrs.field(factory=dict)

    def __iter__(self) -> Iterator[MetricRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def to_dicts(self) -> list[dict[str, Any]]:
        """The rows as dictionaries (grouping columns, then :data:`METRIC_COLUMNS`)."""
        return [row.as_dict(self.by) for row in self.rows]

    def to_pandas(self) -> pd.DataFrame:
        """The table as a pandas DataFrame indexed by the grouping columns (needs pandas).

        Raises :class:`~credit_disclosure.errors.MissingOptionalDependency` naming
        the ``pandas`` extra when pandas is missing.

        >>> table = MetricsTable(by=("agency",), rows=(MetricRow(group=("某局",), records=2,
        ...                      complete=1),), total=MetricRow(group=(None,), records=2))
        >>> table.to_pandas().loc["某局", "completeness"]
        np.float64(0.5)
        """
        pandas = require("pandas", "pandas")
        frame: pd.DataFrame = pandas.DataFrame(self.to_dicts(), columns=[*self.by, *METRIC_COLUMNS])
        if self.by:
            frame = frame.set_index(list(self.by))
        return frame

    def to_csv(self, fp: IO[str]) -> None:
        """Write the table as CSV (rates with 3 decimals; reasons as ``reason=count; ...``).

        >>> import sys
        >>> MetricsTable(by=("kind",), rows=(), total=MetricRow(group=(None,))).to_csv(sys.stdout)
        kind,records,complete,accurate,with_errors,on_time,late,timeliness_unknown,completeness,accuracy,timeliness,mean_working_days_late,max_working_days_late,unknown_reasons
        """
        writer = inert_csv_writer(fp, lineterminator="\n")  # no cell runs as a formula
        columns = [*self.by, *METRIC_COLUMNS]
        writer.writerow(columns)
        for item in self.to_dicts():
            writer.writerow(_fmt(item[c]) for c in columns)

    def to_json(self) -> str:
        """The table, the total and the issue counts as a JSON text.

        >>> import json
        >>> t = MetricsTable(by=("kind",), rows=(), total=MetricRow(group=(None,), records=0))
        >>> json.loads(t.to_json())["total"]["records"]
        0
        """
        return json.dumps(
            {
                "by": list(self.by),
                "rows": self.to_dicts(),
                "total": self.total.as_dict(()),
                "issues_by_code": dict(self.issues_by_code),
            },
            ensure_ascii=False,
            indent=2,
        )

    def to_text(self, lang: str = "en") -> str:
        """The table as aligned plain text, rates in percent, total last; the headings in
        ``lang`` (``"en"`` or ``"zh"``).

        >>> t = MetricsTable(by=("month",), rows=(MetricRow(group=("2025-03",), records=2,
        ...                  complete=2, accurate=1, on_time=1),),
        ...                  total=MetricRow(group=(None,), records=2, complete=2, accurate=1,
        ...                                  on_time=1))
        >>> print(t.to_text())
        month    records  complete  accurate  on time  late  unknown  mean late
        2025-03        2    100.0%     50.0%   100.0%     0        0          –
        total          2    100.0%     50.0%   100.0%     0        0          –
        >>> print(t.to_text("zh").splitlines()[0])
        月份  记录数  完整率  准确率  及时率  逾期  无法判断  平均逾期
        """
        language = check_lang(lang)
        head = [ui(f"table.{name}", language) for name in self.by]
        head += [
            ui(f"table.{name}", language)
            for name in ("records", "complete", "accurate", "on_time", "late", "unknown")
        ]
        head.append(ui("table.mean_late", language))
        total = ui("table.total", language)
        empty = ui("plot.empty_group", language)
        lines: list[list[str]] = []
        for row in (
            *self.rows,
            attrs.evolve(self.total, group=(total,) + ("",) * (len(self.by) - 1)),
        ):
            mean = row.mean_working_days_late
            lines.append(
                [
                    *(empty if g is None else g for g in row.group),
                    str(row.records),
                    _pct(row.completeness),
                    _pct(row.accuracy),
                    _pct(row.timeliness),
                    str(row.late),
                    str(row.timeliness_unknown),
                    "–" if mean is None else f"{mean:.1f}",
                ]
            )
        widths = [max(_width(x) for x in col) for col in zip(head, *lines)]
        out = []
        for cells in [head, *lines]:
            parts = []
            for i, (cell, w) in enumerate(zip(cells, widths)):
                pad = " " * (w - _width(cell))
                parts.append(cell + pad if i < len(self.by) else pad + cell)
            out.append("  ".join(parts).rstrip())
        return "\n".join(out)

    def _repr_html_(self) -> str:
        """The table as an HTML table, for Jupyter."""
        cols = [*self.by, "records", "completeness", "accuracy", "timeliness"]
        cols += ["late", "timeliness unknown", "mean working days late"]
        head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
        body = []
        for row in (
            *self.rows,
            attrs.evolve(self.total, group=("total",) + ("",) * (len(self.by) - 1)),
        ):
            mean = row.mean_working_days_late
            cells = [*("(empty)" if g is None else g for g in row.group)]
            cells += [str(row.records), _pct(row.completeness), _pct(row.accuracy)]
            cells += [_pct(row.timeliness), str(row.late), str(row.timeliness_unknown)]
            cells.append("–" if mean is None else f"{mean:.1f}")
            tds = "".join(f"<td>{html.escape(c)}</td>" for c in cells)
            body.append(f"<tr>{tds}</tr>")
        reasons = ", ".join(f"{html.escape(k)}: {v}" for k, v in self.total.unknown_reasons)
        foot = f"<p>timeliness unknown: {reasons}</p>" if reasons else ""
        return (
            '<table class="credit-disclosure-metrics">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{foot}"
        )

    def __repr__(self) -> str:
        return (
            f"MetricsTable(by={self.by!r}, groups={len(self.rows)}, records={self.total.records})"
        )


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal.
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


class _Cell:
    __slots__ = (
        "accurate",
        "complete",
        "late",
        "max_late",
        "on_time",
        "reasons",
        "records",
        "sum_late",
        "unknown",
        "with_errors",
    )

    def __init__(self) -> None:
        self.records = self.complete = self.accurate = self.with_errors = 0
        self.on_time = self.late = self.unknown = self.sum_late = self.max_late = 0
        self.reasons: Counter[str] = Counter()

    def merge(self, other: _Cell) -> None:
        self.records += other.records
        self.complete += other.complete
        self.accurate += other.accurate
        self.with_errors += other.with_errors
        self.on_time += other.on_time
        self.late += other.late
        self.unknown += other.unknown
        self.sum_late += other.sum_late
        self.max_late = max(self.max_late, other.max_late)
        self.reasons.update(other.reasons)

    def row(self, group: tuple[str | None, ...]) -> MetricRow:
        return MetricRow(
            group=group,
            records=self.records,
            complete=self.complete,
            accurate=self.accurate,
            with_errors=self.with_errors,
            on_time=self.on_time,
            late=self.late,
            timeliness_unknown=self.unknown,
            working_days_late=self.sum_late,
            max_working_days_late=self.max_late,
            # most frequent first, ties by name: the same whatever order the rows came in
            unknown_reasons=tuple(sorted(self.reasons.items(), key=lambda kv: (-kv[1], kv[0]))),
        )


def _by(by: str | Sequence[str]) -> tuple[_Grouping, ...]:
    names = (by,) if isinstance(by, str) else tuple(by)
    if not names or len(set(names)) != len(names):
        raise ArgumentError(
            "quality.by",
            message_en=f"group by one or more of {', '.join(GROUPINGS)}, each once",
            message_zh=f"分组应为 {', '.join(GROUPINGS)} 中的一项或多项，且不重复",
            field="by",
        )
    out: list[_Grouping] = []
    for name in names:
        if name not in _INDEX:
            raise UnknownName(
                "quality.by",
                message_en=f"cannot group by {name!r}; choose from {', '.join(GROUPINGS)}",
                message_zh=f"不能按 {name!r} 分组；可选 {', '.join(GROUPINGS)}",
                field="by",
            )
        out.append(GROUPINGS[_INDEX[name]])
    return tuple(out)


class QualityMetrics:
    """An accumulator of observations; read it as tables grouped any way.

    >>> from credit_disclosure.quality import Observation, TimelinessStatus
    >>> m = QualityMetrics()
    >>> for agency, ok in [("甲局", True), ("甲局", False), ("乙局", True)]:
    ...     m.add(Observation(kind=RecordKind.PENALTY, agency=agency, month="2025-03",
    ...                       complete=ok, accurate=True, timeliness=TimelinessStatus.ON_TIME))
    >>> [(r.group, r.records, r.completeness) for r in m.table("agency")]
    [(('乙局',), 1, 1.0), (('甲局',), 2, 0.5)]
    >>> m.records
    3
    """

    def __init__(self) -> None:
        self._cells: dict[_Key, _Cell] = {}
        self._issues: Counter[str] = Counter()

    @property
    def records(self) -> int:
        """How many records were added."""
        return sum(c.records for c in self._cells.values())

    def add(self, obs: Observation) -> None:
        """Count one record's observation."""
        self._add(obs, 1)

    def _add(self, obs: Observation, n: int) -> None:
        """Count ``n`` records with the same observation (rows the column checks cleared)."""
        key = (obs.agency, obs.month, obs.kind.value)
        cell = self._cells.get(key)
        if cell is None:
            cell = self._cells[key] = _Cell()
        cell.records += n
        cell.complete += obs.complete * n
        cell.accurate += obs.accurate * n
        if obs.issues:
            cell.with_errors += obs.has_errors * n
            for _ in range(n):
                self._issues.update(i.code for i in obs.issues)
        status = obs.timeliness
        if status is TimelinessStatus.ON_TIME:
            cell.on_time += n
        elif status is TimelinessStatus.LATE:
            cell.late += n
            cell.sum_late += obs.working_days_late * n
            cell.max_late = max(cell.max_late, obs.working_days_late)
        else:
            cell.unknown += n
            reason = obs.unknown_reason.value if obs.unknown_reason else "unknown"
            if obs.missing_year is not None:
                reason = f"{reason}:{obs.missing_year}"
            cell.reasons[reason] += n

    def add_counts(
        self,
        *,
        agency: str | None,
        month: str | None,
        kind: RecordKind | str,
        records: int,
        complete: int,
        accurate: int,
        with_errors: int,
        on_time: int,
        late: int,
        working_days_late: int,
        max_working_days_late: int,
        unknown_reasons: Mapping[str, int],
    ) -> None:
        """Add counts already summed elsewhere (a Spark aggregation) for one cell.

        >>> m = QualityMetrics()
        >>> m.add_counts(agency="甲局", month="2025-03", kind="penalty", records=4, complete=4,
        ...              accurate=3, with_errors=1, on_time=2, late=1, working_days_late=5,
        ...              max_working_days_late=5, unknown_reasons={"no_publication_date": 1})
        >>> m.table("month").rows[0].timeliness_unknown
        1
        """
        cell = _Cell()
        cell.records, cell.complete, cell.accurate = records, complete, accurate
        cell.with_errors, cell.on_time, cell.late = with_errors, on_time, late
        cell.unknown = sum(unknown_reasons.values())
        cell.sum_late, cell.max_late = working_days_late, max_working_days_late
        cell.reasons.update(unknown_reasons)
        key = (agency, month, RecordKind(kind).value)
        existing = self._cells.get(key)
        if existing is None:
            self._cells[key] = cell
        else:
            existing.merge(cell)

    def add_issue_counts(self, counts: Mapping[str, int]) -> None:
        """Add issue counts by code summed elsewhere (a Spark aggregation).

        >>> m = QualityMetrics()
        >>> m.add_issue_counts({"uscc.checksum": 3})
        >>> m.table("kind").issues_by_code
        {'uscc.checksum': 3}
        """
        self._issues.update(counts)

    def merge(self, other: QualityMetrics) -> None:
        """Add every count of ``other`` (metrics computed in parallel on parts of the data)."""
        for key, cell in other._cells.items():
            mine = self._cells.get(key)
            if mine is None:
                mine = self._cells[key] = _Cell()
            mine.merge(cell)
        self._issues.update(other._issues)

    def table(self, by: str | Sequence[str] = ("agency",)) -> MetricsTable:
        """The scores grouped by ``by`` (``"agency"``, ``"month"``, ``"kind"`` or several).

        Groups are sorted by their values, an empty value (``None``) last.
        """
        names = _by(by)
        groups: dict[tuple[str | None, ...], _Cell] = {}
        total = _Cell()
        for key, cell in self._cells.items():
            # A group is a value of the data (处罚机关 as written): an ID typed there is hidden.
            group = tuple(redact_optional(key[_INDEX[n]]) for n in names)
            acc = groups.get(group)
            if acc is None:
                acc = groups[group] = _Cell()
            acc.merge(cell)
            total.merge(cell)
        ordered = sorted(groups, key=lambda g: tuple((v is None, v or "") for v in g))
        return MetricsTable(
            by=names,
            rows=tuple(groups[g].row(g) for g in ordered),
            total=total.row((None,) * len(names)),
            issues_by_code=dict(sorted(self._issues.items(), key=lambda kv: (-kv[1], kv[0]))),
        )

    def __repr__(self) -> str:
        return f"QualityMetrics(records={self.records}, cells={len(self._cells)})"


def _resolver(
    kind: RecordKind, version: StandardVersion, published: str | None, metrics: QualityMetrics
) -> HeaderResolver:
    """The columns of raw rows: the publication-date column apart, the rest resolved to fields.

    Header problems (``header.unknown``, ``header.duplicate``) are counted in the metrics'
    ``issues_by_code``, as the batch check reports them: never silently dropped.
    """
    resolver = HeaderResolver(
        kind, version, on_problem=lambda p: metrics.add_issue_counts({p.code: 1})
    )
    if published is not None:
        resolver.ignore(published)
    return resolver


class _Observer:
    """Turn the pipeline's outcomes of a table into observations (the publication date apart)."""

    def __init__(
        self,
        kind: RecordKind,
        published: str | None,
        rule: DeadlineRule | None,
        calendar: WorkdayCalendar | None,
        count_warnings: bool,
    ) -> None:
        self.kind, self.published = kind, published
        self.rule, self.calendar, self.count_warnings = rule, calendar, count_warnings

    def __call__(self, outcome: RowOutcome) -> Observation:
        raw, column = outcome.raw, self.published
        return observe_outcome(
            outcome,
            self.kind,
            published=None if column is None or raw is None else raw.values.get(column),
            rule=self.rule,
            calendar=self.calendar,
            count_warnings=self.count_warnings,
        )


def _published_column(headers: Iterable[str], column: str | None) -> str | None:
    present = set(headers)
    if column is not None:
        if column not in present:
            raise UnknownName(
                "quality.column",
                message_en=f"no column {column!r} for the publication date",
                message_zh=f"没有公示日期列 {column!r}",
            )
        return column
    return next((c for c in PUBLISHED_COLUMNS if c in present), None)


def compute_metrics(
    rows: Iterable[Mapping[str, object]],
    kind: RecordKind | str | None = None,
    *,
    published_col: str | None = None,
    by: str | Sequence[str] = ("agency",),
    version: StandardVersion = StandardVersion.V2018,
    as_of: date | None = None,
    options: ValidationOptions | None = None,
    rule: DeadlineRule | None = None,
    calendar: WorkdayCalendar | None = None,
    count_warnings: bool = False,
) -> MetricsTable:
    """Score records (mappings keyed in any header style) by ``by``.

    ``kind`` ``None`` detects licence or penalty from the first row's keys.
    ``published_col`` names the column holding the publication date (default:
    the first of :data:`PUBLISHED_COLUMNS` the first row has); records without
    one count as "timeliness unknown"; naming a column the first row lacks
    raises :class:`KeyError`. ``as_of`` and ``options`` as in
    :func:`~credit_disclosure.standard.check_row`; ``rule`` is the deadline
    (default 7 working days, 发改办财金〔2018〕424号).

    >>> rows = [
    ...     {"处罚机关": "甲局", "CF_JDRQ": "2025/03/03", "公示日期": "2025/03/05"},
    ...     {"处罚机关": "甲局", "CF_JDRQ": "2025/03/03", "公示日期": "2025/03/31"},
    ...     {"处罚机关": "乙局", "CF_JDRQ": "2026/12/28", "公示日期": "2027/01/06"},
    ... ]
    >>> table = compute_metrics(rows, "penalty", by="agency", as_of=date(2028, 1, 1))
    >>> [(r.group[0], r.on_time, r.late, r.timeliness_unknown) for r in table]
    [('乙局', 0, 0, 1), ('甲局', 1, 1, 0)]
    >>> table.total.unknown_reasons
    (('awaiting_notice:2027', 1),)
    """
    metrics = QualityMetrics()
    iterator = iter(rows)
    first = next(iterator, None)
    names = _by(by)
    if first is None:
        return metrics.table(names)
    kind = resolve_kind(first.keys(), kind, version)
    published = _published_column(first.keys(), published_col)
    pipeline = RowPipeline(
        _resolver(kind, version, published, metrics),
        as_of=as_of or date.today(),
        options=options,
    )
    observer = _Observer(kind, published, rule, calendar, count_warnings)
    add = metrics.add
    for outcome in pipeline.run(_numbered(first, iterator)):
        add(observer(outcome))
    return metrics.table(names)


def _numbered(first: Mapping[str, object], rest: Iterator[Mapping[str, object]]) -> Iterator[RawRow]:
    yield RawRow(1, first)
    for n, values in enumerate(rest, start=2):
        yield RawRow(n, values)


def score_file(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    kind: RecordKind | str | None = None,
    published_col: str | None = None,
    version: StandardVersion = StandardVersion.V2018,
    as_of: date | None = None,
    options: ValidationOptions | None = None,
    rule: DeadlineRule | None = None,
    calendar: WorkdayCalendar | None = None,
    count_warnings: bool = False,
    format: FileFormat | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    header_row: int | None = None,
) -> QualityMetrics:
    """Read a CSV, XLSX or JSON Lines export row by row and score it (flat memory).

    Returns the :class:`QualityMetrics`, to be read with ``.table(by)``. Rows
    the reader cannot split into cells are counted as failing completeness and
    accuracy, with timeliness unknown (``unreadable``). ``kind`` ``None``
    detects it from the headers. ``sheet`` and ``header_row`` (the header's row as the
    spreadsheet numbers it, e.g. :attr:`~credit_disclosure.io.Report.header_line` of the
    file's check) as in :func:`~credit_disclosure.io.check_file`. Other arguments as in
    :func:`compute_metrics`.

    >>> from credit_disclosure.samples import sample_path
    >>> m = score_file(sample_path("penalty"), as_of=date(2025, 7, 1))
    >>> t = m.table("kind")
    >>> t.total.records, t.total.timeliness_unknown == t.total.records
    (300, True)
    """
    metrics = QualityMetrics()
    kind = None if kind is None else RecordKind(kind)  # also "penalty" / "license"
    with open_table(
        source,
        format=format,
        encoding=encoding,
        sheet=sheet,
        header_row=header_row,
        is_header=header_test(kind, version),
    ) as reader:
        # what the check reports about the file (file.*, header.blank) counts as it does there
        file_issues = reader.file_issues
        if not any(i.code == "file.empty" for i in file_issues):  # no header: no rows, no kind
            kind = resolve_kind(reader.headers, kind, version)
            published = _published_column(reader.headers, published_col)
            pipeline = RowPipeline(
                _resolver(kind, version, published, metrics),
                as_of=as_of or date.today(),
                options=options,
                reader=reader,
            )
            observer = _Observer(kind, published, rule, calendar, count_warnings)
            add = metrics.add
            for outcome in pipeline.run(reader):
                add(observer(outcome))
        metrics.add_issue_counts(Counter(i.code for i in file_issues))
    return metrics
