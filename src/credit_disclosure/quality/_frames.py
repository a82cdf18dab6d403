"""The per-batch work shared by the pandas and Spark integrations (pandas is imported lazily).

A :class:`FramePlan` is made once (on the driver, for Spark) from the column
headers: which column holds which field, which holds the publication date. It
is a small picklable value, so Spark ships it to the workers, where
:func:`check_batch` runs the rows through the one row pipeline
(:class:`~credit_disclosure.io.RowPipeline`, as the batch check and the quality
metrics do) and :func:`~credit_disclosure.quality.observe` as the plain record API.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Final

import attrs

from .._optional import require
from ..deadlines import DeadlineRule
from ..errors import UnknownName
from ..io import RowOutcome, RowPipeline
from ..standard import (
    HeaderProblem,
    HeaderResolver,
    Issue,
    RecordKind,
    StandardVersion,
    ValidationOptions,
    field_by_code,
    resolve_kind,
)
from ..workdays import WorkdayCalendar
from ._metrics import PUBLISHED_COLUMNS
from ._observe import Observation, observe_outcome

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ISSUE_COLUMNS",
    "RECORD_COLUMNS",
    "FramePlan",
    "check_batch",
    "column_values",
    "issues_only",
    "observations",
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


def _published(frame: pd.DataFrame, plan: FramePlan) -> list[object]:
    if plan.published_col is None:
        return [None] * len(frame)
    return column_values(frame[plan.published_col])


def _outcomes(frame: pd.DataFrame, plan: FramePlan) -> Iterator[RowOutcome]:
    """The pipeline's outcome of every row of ``frame`` (columns mapped once by the plan)."""
    codes = [code for _, code in plan.fields]
    columns = [column_values(frame[name]) for name, _ in plan.fields]
    rows: Iterable[dict[str, object]]
    if columns:
        rows = (dict(zip(codes, cells)) for cells in zip(*columns))
    else:
        rows = ({} for _ in range(len(frame)))
    pipeline = RowPipeline(
        HeaderResolver(plan.kind, plan.version), as_of=plan.as_of, options=plan.options
    )
    return pipeline.run_mapped(rows)


def observations(
    frame: pd.DataFrame, plan: FramePlan, labels: Sequence[object] | None = None
) -> Iterator[tuple[object, Observation]]:
    """(row label, observation) for every row of ``frame``, through the one row pipeline."""
    label_list = list(frame.index) if labels is None else list(labels)
    for label, outcome, published in zip(
        label_list, _outcomes(frame, plan), _published(frame, plan)
    ):
        yield label, observe_outcome(
            outcome,
            plan.kind,
            published=published,
            rule=plan.rule,
            calendar=plan.calendar,
            count_warnings=plan.count_warnings,
        )


def issues_only(
    frame: pd.DataFrame, plan: FramePlan, labels: Sequence[object] | None = None
) -> dict[str, list[Any]]:
    """The issue columns of every row of ``frame`` (the check only: no timeliness work)."""
    label_list = list(frame.index) if labels is None else list(labels)
    issues: dict[str, list[Any]] = {"row": [], **{c: [] for c in ISSUE_COLUMNS}}
    add = _issue_adder(issues, plan)
    for label, outcome in zip(label_list, _outcomes(frame, plan)):
        if outcome.issues:
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
    frame: pd.DataFrame, plan: FramePlan, labels: Sequence[object] | None = None
) -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:
    """Check every row of ``frame``: (per-record outcome columns, issue columns), as lists.

    ``labels`` are the row labels to report (default: the frame's index).
    """
    records: dict[str, list[Any]] = {"row": [], **{c: [] for c in RECORD_COLUMNS}}
    issues: dict[str, list[Any]] = {"row": [], **{c: [] for c in ISSUE_COLUMNS}}
    add_issues = _issue_adder(issues, plan)
    kind = plan.kind
    for label, obs in observations(frame, plan, labels):
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
