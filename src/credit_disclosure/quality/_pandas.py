"""The pandas integration (public face: :mod:`credit_disclosure.pandas`); pandas is imported lazily."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from .._optional import require
from ..deadlines import DeadlineRule
from ..identifiers import IdentifierModule, identifier_kind
from ..io import Report
from ..standard import RecordKind, StandardVersion, ValidationOptions
from ..workdays import WorkdayCalendar
from ._frames import (
    ISSUE_COLUMNS,
    FramePlan,
    column_checks,
    column_values,
    issues_only,
    score_into,
)
from ._metrics import QualityMetrics

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "issues_frame",
    "score_frame",
    "valid_identifiers",
    "validate_frame",
]


def _pd() -> Any:
    return require("pandas", "pandas")


def validate_frame(
    df: pd.DataFrame,
    kind: RecordKind | str | None = None,
    *,
    version: StandardVersion = StandardVersion.V2018,
    as_of: date | None = None,
    options: ValidationOptions | None = None,
) -> pd.DataFrame:
    """Every issue of every row of ``df``, as a DataFrame with one row per issue.

    Columns: ``row`` (the label of the row in ``df``'s index), ``field``
    (field code), ``field_name`` (Chinese name), ``code``, ``severity``
    (``"error"``/``"warning"``), ``message_en``, ``message_zh``. Clean rows
    contribute nothing. ``kind`` ``None`` detects it from the column names;
    columns that name no field are ignored. ``as_of`` and ``options`` as in
    :func:`~credit_disclosure.standard.check_row` (``as_of`` default today).

    >>> import pandas as pd
    >>> df = pd.DataFrame({"行政相对人名称": ["甲公司", "乙公司"], "处罚决定日期": ["2025/02/30", None]},
    ...                   index=[10, 11])
    >>> issues = validate_frame(df, "penalty", as_of=date(2025, 6, 1))
    >>> issues.query("code == 'date.invalid'")[["row", "field", "severity"]].values.tolist()
    [[10, 'CF_JDRQ', 'error']]
    >>> sorted(issues["row"].unique().tolist())
    [10, 11]
    """
    plan = FramePlan.build(list(df.columns), kind, version=version, as_of=as_of, options=options)
    issues = issues_only(df, plan, checks=column_checks(plan))
    pandas = _pd()
    frame: pd.DataFrame = pandas.DataFrame(issues, columns=["row", *ISSUE_COLUMNS])
    return frame


def score_frame(
    df: pd.DataFrame,
    kind: RecordKind | str | None = None,
    *,
    published_col: str | None = None,
    version: StandardVersion = StandardVersion.V2018,
    as_of: date | None = None,
    options: ValidationOptions | None = None,
    rule: DeadlineRule | None = None,
    calendar: WorkdayCalendar | None = None,
    count_warnings: bool = False,
) -> QualityMetrics:
    """Score the records of ``df``: a :class:`~credit_disclosure.quality.QualityMetrics`.

    Read it with ``.table("month")`` (or ``"agency"``, ``"kind"``, several),
    and that with ``.to_pandas()``. ``published_col`` names the column with the
    publication date (default: the first of
    :data:`~credit_disclosure.quality.PUBLISHED_COLUMNS` present); without one
    every record's timeliness is unknown. Other arguments as in
    :func:`credit_disclosure.quality.compute_metrics`.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"CF_CFJG": ["甲局", "甲局"], "CF_JDRQ": ["2025/03/03", "2025/03/03"],
    ...                    "公示日期": ["2025/03/04", "2025/04/30"]})
    >>> table = score_frame(df, "penalty", as_of=date(2025, 6, 1)).table("month")
    >>> table.to_pandas()[["records", "on_time", "late", "timeliness"]]
             records  on_time  late  timeliness
    month
    2025-03        2        1     1         0.5
    """
    plan = FramePlan.build(
        list(df.columns),
        kind,
        version=version,
        published_col=published_col,
        as_of=as_of,
        options=options,
        rule=rule,
        calendar=calendar,
        count_warnings=count_warnings,
    )
    metrics = QualityMetrics()
    metrics.add_issue_counts(Counter(p.code for p in plan.header_problems))
    score_into(metrics, df, plan, column_checks(plan))
    return metrics


def valid_identifiers(series: pd.Series[Any], identifier: str | IdentifierModule) -> pd.Series[Any]:
    """Vectorised ``is_valid``: a nullable boolean Series, ``<NA>`` where the value is missing.

    ``identifier`` is a module of :mod:`credit_disclosure.identifiers` or its
    name (one of ``identifiers.KINDS``: ``"uscc"``, ``"org_code"``, ``"resident_id"``,
    ``"business_reg_no"``, ``"residence_permit"``, ``"foreign_permanent_id"``); an
    unknown name raises :class:`~credit_disclosure.errors.InvalidFormat` (a
    :class:`ValueError`, code ``identifier.unknown_kind``). Each distinct value is
    checked once and the verdicts are mapped back, which is what makes a column
    where the same agency codes recur on every row fast.

    >>> import pandas as pd
    >>> s = pd.Series(["91512081MA62K0260E", "91512081MA62K0260F", None, "91512081MA62K0260E"])
    >>> valid_identifiers(s, "uscc").tolist()
    [True, False, <NA>, True]
    """
    pandas = _pd()
    if isinstance(identifier, str):
        check: Callable[[object], bool] = identifier_kind(identifier).module.is_valid
    else:
        check = identifier.is_valid
    values = column_values(series)
    verdicts: dict[object, bool] = {}
    out: list[bool | None] = []
    for value in values:
        if value is None:
            out.append(None)
            continue
        try:
            verdict = verdicts[value]
        except KeyError:
            verdict = verdicts[value] = check(value)
        except TypeError:  # an unhashable cell
            verdict = check(value)
        out.append(verdict)
    result: pd.Series[Any] = pandas.Series(
        out, index=series.index, name=series.name, dtype="boolean"
    )
    return result


def issues_frame(report: Report) -> pd.DataFrame:
    """Every issue of a batch :class:`~credit_disclosure.io.Report` as a DataFrame.

    Columns as in :func:`validate_frame`; ``row`` is the 1-based data-row
    number of the file (missing for file-level issues).

    >>> from credit_disclosure.io import check_file
    >>> from credit_disclosure.samples import sample_path
    >>> report = check_file(sample_path("penalty"), as_of=date(2025, 7, 1))
    >>> df = issues_frame(report)
    >>> len(df) == report.issue_count, list(df.columns[:3])
    (True, ['row', 'field', 'field_name'])
    """
    pandas = _pd()
    data: dict[str, list[Any]] = {"row": [], **{c: [] for c in ISSUE_COLUMNS}}
    for issue in report:
        data["row"].append(issue.row)
        data["field"].append(issue.field)
        data["field_name"].append(report.field_name(issue.field) or None)
        data["code"].append(issue.code)
        data["severity"].append(issue.severity.value)
        data["message_en"].append(issue.message_en)
        data["message_zh"].append(issue.message_zh)
    frame: pd.DataFrame = pandas.DataFrame(data)
    frame["row"] = frame["row"].astype("Int64")
    return frame
