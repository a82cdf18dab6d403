"""The per-batch work shared by the pandas and Spark integrations (pandas is imported lazily).

A :class:`FramePlan` is made once (on the driver, for Spark) from the column
headers: which column holds which field, which holds the publication date. It
is a small picklable value, so Spark ships it to the workers, where
:func:`check_batch` runs the rows through the one row pipeline
(:class:`~credit_disclosure.io.RowPipeline`, as the batch check and the quality
metrics do) and :func:`~credit_disclosure.quality.observe` as the plain record API.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Final

import attrs

from .._optional import require
from ..deadlines import DeadlineRule
from ..errors import MissingOptionalDependency, UnknownName
from ..io import FrameVerdicts, RowOutcome, RowPipeline, frame_verdicts
from ..standard import (
    ColumnChecks,
    HeaderProblem,
    HeaderResolver,
    Issue,
    RecordKind,
    StandardVersion,
    ValidationOptions,
    field_by_code,
    fields,
    parse_date,
    resolve_kind,
)
from ..workdays import WorkdayCalendar
from ._metrics import PUBLISHED_COLUMNS, QualityMetrics
from ._observe import Observation, observe_clean, observe_outcome

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ISSUE_COLUMNS",
    "RECORD_COLUMNS",
    "FramePlan",
    "arrow_observations",
    "check_batch",
    "column_checks",
    "column_values",
    "issues_only",
    "observations",
    "score_into",
]

#: Columns of an issues table, after the row label.
ISSUE_COLUMNS: Final = ("field", "field_name", "code", "severity", "message_en", "message_zh")

#: Columns of the per-record outcome table, after the row label.
RECORD_COLUMNS: Final = (
    "agency",
    "month",
    "kind",
    "complete",
    "accurate",
    "has_errors",
    "timeliness",
    "working_days_late",
    "unknown_reason",
)


def _pandas() -> Any:
    return require("pandas", "pandas")


@attrs.frozen(kw_only=True)
class FramePlan:
    """How to read the rows of a frame: columns mapped to field codes, and the rules to apply."""

    kind: RecordKind
    version: StandardVersion
    #: (column, field code) for every column that names a field (first one wins)
    fields: tuple[tuple[str, str], ...]
    published_col: str | None
    as_of: date
    #: the columns that name no field or a field an earlier column names, in column order
    header_problems: tuple[HeaderProblem, ...] = ()
    options: ValidationOptions | None = None
    rule: DeadlineRule | None = None
    calendar: WorkdayCalendar | None = None
    count_warnings: bool = False

    @classmethod
    def build(
        cls,
        columns: Sequence[object],
        kind: RecordKind | str | None,
        *,
        version: StandardVersion = StandardVersion.V2018,
        published_col: str | None = None,
        as_of: date | None = None,
        options: ValidationOptions | None = None,
        rule: DeadlineRule | None = None,
        calendar: WorkdayCalendar | None = None,
        count_warnings: bool = False,
    ) -> FramePlan:
        names = [str(c) for c in columns]
        kind = resolve_kind(names, kind, version)
        if published_col is None:
            published_col = next((c for c in PUBLISHED_COLUMNS if c in names), None)
        elif published_col not in names:
            raise UnknownName(
                "quality.column",
                message_en=f"no column {published_col!r} for the publication date",
                message_zh=f"没有公示日期列 {published_col!r}",
            )
        problems: list[HeaderProblem] = []
        resolver = HeaderResolver(kind, version, on_problem=problems.append)
        if published_col is not None:
            resolver.ignore(published_col)
        resolver.resolve_all(names)
        return cls(
            kind=kind,
            version=version,
            fields=tuple((str(name), code) for name, code in resolver.columns()),
            header_problems=tuple(problems),
            published_col=published_col,
            as_of=as_of or date.today(),
            options=options,
            rule=rule,
            calendar=calendar,
            count_warnings=count_warnings,
        )

    def field_name(self, code: str | None) -> str:
        """The Chinese name of a field code ('' for none)."""
        if code is None:
            return ""
        try:
            return field_by_code(code, self.kind, self.version).name_zh
        except KeyError:
            return ""


def column_values(series: pd.Series[Any]) -> list[object]:
    """The values of a column as Python objects, every missing value (NaN, NA, NaT) as ``None``."""
    values: Any = series.to_numpy(dtype=object, copy=True)
    missing: Any = series.isna().to_numpy()
    if missing.any():
        values[missing] = None  # NaN, None, pd.NA, NaT alike
    return list(values.tolist())


class _Batch:
    """The rows of a frame or an Arrow batch as columns: values by field, publication dates.

    ``sources`` holds each mapped field's column (a pandas Series or an Arrow array), in the
    plan's order; :meth:`column` gives its Python values (``None`` for a missing value),
    made on first use, and :meth:`rows` the rows the row engine must see, so that rows the
    column checks clear never become Python objects. ``arrow`` gives the same cells as Arrow
    arrays by field code for the column checks (a frame's Arrow-backed columns as they are).
    """

    __slots__ = (
        "_arrow",
        "_columns",
        "_published",
        "codes",
        "judged",
        "n",
        "published_source",
        "sources",
    )

    def __init__(
        self,
        n: int,
        codes: list[str],
        sources: list[Any],
        published: list[object] | None,
        arrow: dict[str, Any] | None = None,
        published_source: Any = None,
    ) -> None:
        self.n, self.codes, self.sources, self._published = n, codes, sources, published
        self.published_source = published_source
        self._arrow = arrow
        self._columns: list[list[object] | None] = [None] * len(sources)
        #: what ``read_records`` established about the frame (its blocks' verdicts), if anything
        self.judged: FrameVerdicts | None = None

    @classmethod
    def of_frame(cls, frame: pd.DataFrame, plan: FramePlan) -> _Batch:
        column = frame[plan.published_col] if plan.published_col is not None else None
        batch = cls(
            len(frame),
            [code for _, code in plan.fields],
            [frame[name] for name, _ in plan.fields],
            [None] * len(frame) if column is None else None,
            published_source=column,
        )
        batch.judged = frame_verdicts(frame)
        return batch

    @property
    def published(self) -> list[object]:
        """The publication date of every row as a Python value (``None``: none), made once."""
        if self._published is None:
            self._published = column_values(self.published_source)
        return self._published

    @classmethod
    def of_arrow(cls, batch: Any, plan: FramePlan) -> _Batch:
        """From a pyarrow RecordBatch (Spark's ``mapInArrow``), its columns named as the plan's."""
        columns = [batch.column(name) for name, _ in plan.fields]
        published: list[object] = (
            batch.column(plan.published_col).to_pylist()
            if plan.published_col is not None
            else [None] * batch.num_rows
        )
        return cls(
            batch.num_rows,
            [code for _, code in plan.fields],
            columns,
            published,
            {code: c for (_, code), c in zip(plan.fields, columns)},
        )

    def published_of(self, todo: Sequence[int]) -> list[object]:
        """The publication dates of the rows numbered ``todo``, in order."""
        if self._published is None and len(todo) * 4 < self.n:
            return _values(_take(self.published_source, todo))
        published = self.published
        return [published[i] for i in todo]

    def column(self, j: int) -> list[object]:
        """The Python values of the ``j``-th mapped column (made once)."""
        values = self._columns[j]
        if values is None:
            values = self._columns[j] = _values(self.sources[j])
        return values

    def rows(self, todo: Sequence[int]) -> Iterator[dict[str, object]]:
        """The rows numbered ``todo`` (in order) by field code, as ``check_row`` takes them."""
        if len(todo) * 4 >= self.n:  # most rows: every column's values once
            columns = [self.column(j) for j in range(len(self.codes))]
            picked: list[list[object]] = [[c[i] for i in todo] for c in columns]
        else:
            picked = [
                [c[i] for i in todo] if c is not None else _values(_take(s, todo))
                for c, s in zip(self._columns, self.sources)
            ]
        codes = self.codes
        for values in zip(*picked):
            yield dict(zip(codes, values))

    def arrow(self) -> dict[str, Any]:
        """The cells as Arrow arrays by field code (a frame's text columns convert as they are).

        A column Arrow cannot read as one type is passed as a non-text column with the same
        missing cells: the column checks then leave its rows with a value to the row engine.
        """
        if self._arrow is None:
            pa = require("pyarrow", "fast", "the columnar fast path")
            arrays: dict[str, Any] = {}
            for j, (code, series) in enumerate(zip(self.codes, self.sources)):
                try:
                    arrays[code] = pa.array(series, from_pandas=True)
                except (pa.ArrowException, TypeError, ValueError):
                    values = self.column(j)
                    arrays[code] = pa.array([None if v is None else 0 for v in values], pa.int8())
            self._arrow = arrays
        return self._arrow


def _values(source: Any) -> list[object]:
    """The Python values of a pandas Series or an Arrow array, ``None`` where missing."""
    if hasattr(source, "to_pylist"):
        values: list[object] = source.to_pylist()
        return values
    return column_values(source)


def _take(source: Any, rows: Sequence[int]) -> Any:
    """The cells of ``rows`` of a pandas Series or an Arrow array.

    A text column held in Arrow (pandas' ``str``) gives an Arrow array: the same Python
    values (``str``, ``None`` where missing) without pandas' indexing.
    """
    if hasattr(source, "to_pylist"):
        return source.take(rows)
    if getattr(source.dtype, "storage", None) == "pyarrow":
        pa = require("pyarrow", "fast", "the columnar fast path")
        array = pa.array(source, from_pandas=True)
        if pa.types.is_string(array.type) or pa.types.is_large_string(array.type):
            if getattr(array, "num_chunks", 1) > 1:
                return _take_chunked(array, rows)
            return array.take(pa.array(rows, pa.int64()))
    return source.iloc[list(rows)]


def _take_chunked(array: Any, rows: Sequence[int]) -> Any:
    """``array.take(rows)`` of a chunked Arrow array, taken chunk by chunk.

    Arrow's ``take`` on a chunked array first concatenates its chunks (a copy of the whole
    column, for a few rows); here each chunk gives its own rows.
    """
    pa = require("pyarrow", "fast", "the columnar fast path")
    np = require("numpy", "fast", "the columnar fast path")
    wanted = np.asarray(rows, dtype=np.int64)
    lengths = np.fromiter((len(c) for c in array.chunks), dtype=np.int64, count=array.num_chunks)
    starts = np.concatenate([[0], np.cumsum(lengths)])
    which = np.searchsorted(starts, wanted, side="right") - 1
    order = np.argsort(which, kind="stable")  # by chunk, in the given order within each
    parts = []
    for k in np.unique(which).tolist():
        local = wanted[which == k] - starts[k]
        parts.append(array.chunk(k).take(pa.array(local)))
    taken = pa.concat_arrays(parts) if parts else pa.array([], array.type)
    if len(wanted) and (np.diff(which) < 0).any():  # rows not in chunk order: put them back
        back = np.empty_like(order)
        back[order] = np.arange(len(order))
        taken = taken.take(pa.array(back))
    return taken


def column_checks(plan: FramePlan) -> ColumnChecks | None:
    """The column forms of the rules for the plan's records (``None`` without pyarrow/numpy)."""
    try:
        return ColumnChecks(plan.kind, plan.version, as_of=plan.as_of, options=plan.options)
    except MissingOptionalDependency:
        return None


#: Rows the column checks judge at a time: their working arrays (a few numbers per cell) stay
#: bounded however large the frame (the Arrow slices themselves are views, not copies).
SLICE_ROWS = 1 << 16
#: Columns whose Arrow chunks all start at the same rows (as ``read_records`` builds them) are
#: judged chunk by chunk (views, no copy) when their chunks hold this many rows on average.
MIN_CHUNK_ROWS = 4096


def _slices(arrays: dict[str, Any], n: int) -> list[tuple[int, int]]:
    """(start, rows) of the slices the column checks judge, in order.

    The chunks the columns share when every chunked Arrow array among them has the same
    chunk lengths (a frame from ``read_records``: one chunk per block it parsed), so that
    no slice combines chunks into a copy; else ``SLICE_ROWS`` rows at a time.
    """
    lengths: list[int] | None = None
    for array in arrays.values():
        if not hasattr(array, "num_chunks"):
            continue  # one array: its slices are views
        these = [len(c) for c in array.chunks]
        if lengths is None:
            lengths = these
        elif these != lengths:
            lengths = None
            break
    if lengths and len(lengths) > 1 and n >= MIN_CHUNK_ROWS * len(lengths):
        starts = itertools.accumulate(lengths, initial=0)
        return [(start, size) for start, size in zip(starts, lengths) if size]
    return [(start, min(SLICE_ROWS, n - start)) for start in range(0, n, SLICE_ROWS)]


def _cleared(batch: _Batch, checks: ColumnChecks | None) -> list[bool]:
    """Per row, whether the column checks clear it (``check_row`` would find nothing)."""
    mask = _cleared_mask(batch, checks)
    return [False] * batch.n if mask is None else list(mask.tolist())


def _cleared_mask(batch: _Batch, checks: ColumnChecks | None) -> Any:
    """:func:`_cleared` as a numpy bool array (``None``: no column checks, nothing cleared)."""
    n = batch.n
    if checks is None or not checks.supported or n == 0:
        return None
    np = require("numpy", "fast", "the columnar fast path")
    arrays = batch.arrow()
    slices = _slices(arrays, n)
    known = [None] * len(slices) if batch.judged is None else batch.judged.cleared(arrays, slices, checks)
    parts = []
    for (start, size), verdict in zip(slices, known):
        if verdict is None:
            part = arrays if size == n else {c: a.slice(start, size) for c, a in arrays.items()}
            verdict = checks.clean(part, size)
        parts.append(verdict)
    return np.concatenate(parts) if len(parts) > 1 else parts[0]


def _not_set(mask: Any) -> list[int]:
    """The positions where a numpy bool array is ``False``, in order."""
    np = require("numpy", "fast", "the columnar fast path")
    found: list[int] = np.flatnonzero(~mask).tolist()
    return found


def _outcomes(
    batch: _Batch, plan: FramePlan, cleared: Sequence[bool]
) -> Iterator[RowOutcome | None]:
    """The pipeline's outcome of every row not cleared, ``None`` for a cleared row, in order."""
    pipeline = RowPipeline(
        HeaderResolver(plan.kind, plan.version), as_of=plan.as_of, options=plan.options
    )
    todo = [i for i, ok in enumerate(cleared) if not ok]
    checked = pipeline.run_mapped(batch.rows(todo))
    if len(todo) == batch.n:
        yield from checked
        return
    for ok in cleared:
        yield None if ok else next(checked)


def _observe(outcome: RowOutcome, plan: FramePlan, published: object) -> Observation:
    return observe_outcome(
        outcome,
        plan.kind,
        published=published,
        rule=plan.rule,
        calendar=plan.calendar,
        count_warnings=plan.count_warnings,
    )


def _clean_facts(batch: _Batch, plan: FramePlan) -> Callable[[int], tuple[str | None, date | None]]:
    """(authority, decision date) of a cleared row, as ``check_row`` builds its record.

    A cleared row holds both as text (required fields, checked by the column forms):
    the authority stripped, the date parsed by the row engine's date parser.
    """
    where = {code: n for n, code in enumerate(batch.codes)}
    specs = {f.attr: f.code for f in fields(plan.kind, plan.version)}
    authority = batch.column(where[specs["authority"]]) if specs["authority"] in where else None
    decided = (
        batch.column(where[specs["decision_date"]]) if specs["decision_date"] in where else None
    )
    dates: dict[object, date | None] = {}

    def facts(i: int) -> tuple[str | None, date | None]:
        agency = authority[i] if authority is not None else None
        agency = agency.strip() or None if isinstance(agency, str) else None
        value = decided[i] if decided is not None else None
        day = dates.get(value, _UNSEEN)
        if day is _UNSEEN:
            day = dates[value] = None if value is None else parse_date(value)
        return agency, day  # type: ignore[return-value]

    return facts


_UNSEEN: Final = object()


def _observations(
    batch: _Batch, plan: FramePlan, checks: ColumnChecks | None
) -> Iterator[Observation]:
    cleared = _cleared(batch, checks)
    facts = _clean_facts(batch, plan) if any(cleared) else None
    kind, rule, calendar = plan.kind, plan.rule, plan.calendar
    # A cleared row's observation depends on (agency, decision date, publication date) only,
    # and observations are immutable: rows that share them share one.
    seen: dict[tuple[object, ...], Observation] = {}
    for i, (outcome, published) in enumerate(zip(_outcomes(batch, plan, cleared), batch.published)):
        if outcome is not None:
            yield _observe(outcome, plan, published)
            continue
        assert facts is not None
        agency, decision = facts(i)
        if published is not None and type(published) is not str:  # a date object, a number
            yield observe_clean(
                kind, agency, decision, published=published, rule=rule, calendar=calendar
            )
            continue
        key = (agency, decision, published)
        obs = seen.get(key)
        if obs is None:
            obs = observe_clean(
                kind, agency, decision, published=published, rule=rule, calendar=calendar
            )
            if len(seen) < 100_000:
                seen[key] = obs
        yield obs


def observations(
    frame: pd.DataFrame,
    plan: FramePlan,
    labels: Sequence[object] | None = None,
    checks: ColumnChecks | None = None,
) -> Iterator[tuple[object, Observation]]:
    """(row label, observation) for every row of ``frame``, through the one row pipeline.

    ``checks`` (:func:`column_checks`) clears the rows ``check_row`` would find nothing
    in; only the others reach the row engine. The observations are the same either way.
    """
    label_list = list(frame.index) if labels is None else list(labels)
    return zip(label_list, _observations(_Batch.of_frame(frame, plan), plan, checks))


def arrow_observations(
    batch: Any, plan: FramePlan, checks: ColumnChecks | None = None
) -> Iterator[Observation]:
    """The observation of every row of a pyarrow RecordBatch (as :func:`observations`)."""
    return _observations(_Batch.of_arrow(batch, plan), plan, checks)


def score_into(
    metrics: QualityMetrics,
    frame: pd.DataFrame,
    plan: FramePlan,
    checks: ColumnChecks | None = None,
) -> None:
    """Count the observation of every row of ``frame`` in ``metrics``, as :func:`observations` makes them.

    The rows ``checks`` clears are counted by what their observation depends on (authority,
    decision date and publication date as written): each distinct triple is observed once
    and counted as many times as it occurs, so that a cleared row costs no Python object of
    its own; every other row goes through the row pipeline and is counted on its own.
    """
    batch = _Batch.of_frame(frame, plan)
    mask = _cleared_mask(batch, checks)  # numpy: no Python object per row
    cleared: Sequence[bool] = [False] * batch.n if mask is None else mask
    todo: list[int] = list(range(batch.n)) if mask is None else _not_set(mask)
    if todo:
        pipeline = RowPipeline(
            HeaderResolver(plan.kind, plan.version), as_of=plan.as_of, options=plan.options
        )
        outcomes = pipeline.run_mapped(batch.rows(todo))
        for when, outcome in zip(batch.published_of(todo), outcomes):
            metrics.add(_observe(outcome, plan, when))
    if len(todo) == batch.n:
        return
    where = {code: n for n, code in enumerate(batch.codes)}
    specs = {f.attr: f.code for f in fields(plan.kind, plan.version)}
    authority, decided = specs["authority"], specs["decision_date"]
    sources = [
        batch.sources[where[authority]] if authority in where else None,
        batch.sources[where[decided]] if decided in where else None,
        batch.published_source,
    ]
    kind, rule, calendar = plan.kind, plan.rule, plan.calendar
    groups = _text_groups(sources, cleared)
    if groups is None:  # columns of Python objects: count the cells' values
        none = itertools.repeat(None)
        agencies = batch.column(where[authority]) if authority in where else none
        dates = batch.column(where[decided]) if decided in where else none
        published = batch.published
        keys = itertools.compress(zip(agencies, dates, published), cleared)
        if {type(p) for p in published} <= {str, type(None)}:
            groups = Counter(keys)
        else:  # a date object, a number: observed row by row, as observations() does
            groups = Counter()
            for key in keys:
                if key[2] is None or type(key[2]) is str:
                    groups[key] += 1
                    continue
                agency, day = _facts(key[0], key[1])
                obs = observe_clean(kind, agency, day, published=key[2], rule=rule, calendar=calendar)
                metrics.add(obs)
    # many triples count alike (what QualityMetrics adds up: agency, month, verdicts): once each;
    # the authority only passes through an observation: observed once per (date, publication)
    same: dict[tuple[object, ...], list[Any]] = {}
    dated: dict[tuple[object, object], Observation] = {}
    for (agency_text, date_text, when), count in groups.items():
        base = dated.get((date_text, when))
        if base is None:
            _, day = _facts(None, date_text)
            base = observe_clean(kind, None, day, published=when, rule=rule, calendar=calendar)
            dated[(date_text, when)] = base
        agency, _ = _facts(agency_text, None)
        same_key = (agency, base.month, base.timeliness, base.working_days_late,
                    base.unknown_reason, base.missing_year)  # cleared: complete, accurate, no issue
        entry = same.get(same_key)
        if entry is None:
            same[same_key] = [attrs.evolve(base, agency=agency), count]
        else:
            entry[1] += count
    for obs, count in same.values():
        metrics._add(obs, count)


def _text_groups(
    sources: list[Any], cleared: Sequence[bool]
) -> Counter[tuple[object, object, object]] | None:
    """How many cleared rows hold each (authority, decision date, publication date) text.

    Counted over Arrow dictionary codes, without a Python object per row, when every one of
    the columns is text held in Arrow (pandas' ``str``/``string[pyarrow]``); ``None`` otherwise.
    A missing column counts as ``None`` on every row.
    """
    pa = require("pyarrow", "fast", "the columnar fast path")
    np = require("numpy", "fast", "the columnar fast path")
    codes: list[Any] = []
    values: list[list[object]] = []
    for source in sources:
        if source is None:
            codes.append(None)
            values.append([None])
            continue
        dtype = getattr(source, "dtype", None)
        if getattr(dtype, "storage", None) != "pyarrow":
            return None  # object columns, numbers, dates: counted by value
        array = pa.array(source, from_pandas=True)
        if isinstance(array, pa.ChunkedArray):
            array = array.combine_chunks()
        if not (pa.types.is_string(array.type) or pa.types.is_large_string(array.type)):
            return None
        encoded = array.dictionary_encode()
        indices = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False)
        codes.append(indices.astype(np.int64) + 1)  # 0: a missing value
        values.append([None, *encoded.dictionary.to_pylist()])
    sizes = [len(v) for v in values]
    if sizes[0] * sizes[1] * sizes[2] >= 1 << 62:
        return None
    mask = np.asarray(cleared, dtype=bool)
    key = np.zeros(int(mask.sum()), dtype=np.int64)
    for column, size in zip(reversed(codes), reversed(sizes)):
        key *= size
        if column is not None:
            key += column[mask]
    found, counts = np.unique(key, return_counts=True)
    groups: Counter[tuple[object, object, object]] = Counter()
    a_size, d_size = sizes[0], sizes[1]
    for k, count in zip(found.tolist(), counts.tolist()):
        a, rest = k % a_size, k // a_size
        groups[(values[0][a], values[1][rest % d_size], values[2][rest // d_size])] += count
    return groups


def _facts(agency: object, decided: object) -> tuple[str | None, date | None]:
    """(authority, decision date) of a cleared row from its cells, as ``check_row`` builds them."""
    name = agency.strip() or None if isinstance(agency, str) else None
    return name, None if decided is None else parse_date(decided)


def issues_only(
    frame: pd.DataFrame,
    plan: FramePlan,
    labels: Sequence[object] | None = None,
    checks: ColumnChecks | None = None,
) -> dict[str, list[Any]]:
    """The issue columns of every row of ``frame`` (the check only: no timeliness work).

    ``checks`` as in :func:`observations`: cleared rows have no issue to add.
    """
    label_list = list(frame.index) if labels is None else list(labels)
    issues: dict[str, list[Any]] = {"row": [], **{c: [] for c in ISSUE_COLUMNS}}
    add = _issue_adder(issues, plan)
    batch = _Batch.of_frame(frame, plan)
    for label, outcome in zip(label_list, _outcomes(batch, plan, _cleared(batch, checks))):
        if outcome is not None and outcome.issues:
            add(label, outcome.issues)
    return issues


def _issue_adder(
    issues: dict[str, list[Any]], plan: FramePlan
) -> Callable[[object, Iterable[Issue]], None]:
    rows, fields_, codes, severities = (
        issues["row"],
        issues["field"],
        issues["code"],
        issues["severity"],
    )
    names_, en, zh = issues["field_name"], issues["message_en"], issues["message_zh"]
    names: dict[str | None, str] = {}

    def add(label: object, found: Iterable[Issue]) -> None:
        for issue in found:
            name = names.get(issue.field)
            if name is None:
                name = names[issue.field] = plan.field_name(issue.field)
            rows.append(label)
            fields_.append(issue.field)
            names_.append(name or None)
            codes.append(issue.code)
            severities.append(issue.severity.value)
            en.append(issue.message_en)
            zh.append(issue.message_zh)

    return add


def check_batch(
    frame: pd.DataFrame | Any,
    plan: FramePlan,
    labels: Sequence[object] | None = None,
    checks: ColumnChecks | None = None,
) -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:
    """Check every row of ``frame``: (per-record outcome columns, issue columns), as lists.

    ``frame`` is a pandas DataFrame or a pyarrow RecordBatch; ``labels`` are the row
    labels to report (default: the frame's index; required for a RecordBatch);
    ``checks`` as in :func:`observations`.
    """
    records: dict[str, list[Any]] = {"row": [], **{c: [] for c in RECORD_COLUMNS}}
    issues: dict[str, list[Any]] = {"row": [], **{c: [] for c in ISSUE_COLUMNS}}
    add_issues = _issue_adder(issues, plan)
    kind = plan.kind
    if labels is not None and not hasattr(frame, "index"):  # a pyarrow RecordBatch
        found: Iterable[tuple[object, Observation]] = zip(
            labels, arrow_observations(frame, plan, checks)
        )
    else:
        found = observations(frame, plan, labels, checks)
    for label, obs in found:
        records["row"].append(label)
        records["agency"].append(obs.agency)
        records["month"].append(obs.month)
        records["kind"].append(kind.value)
        records["complete"].append(obs.complete)
        records["accurate"].append(obs.accurate)
        records["has_errors"].append(obs.has_errors)
        records["timeliness"].append(obs.timeliness.value)
        records["working_days_late"].append(obs.working_days_late)
        reason = obs.unknown_reason
        if reason is not None and obs.missing_year is not None:
            records["unknown_reason"].append(f"{reason.value}:{obs.missing_year}")
        else:
            records["unknown_reason"].append(None if reason is None else reason.value)
        if obs.issues:
            add_issues(label, obs.issues)
    return records, issues
