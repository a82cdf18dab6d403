"""Any dataframe in and out of validation, through narwhals (pandas, Polars, PyArrow, ...).

One implementation for every library narwhals supports, rather than a copy per
library: rows are read with narwhals, checked by the one row pipeline
(:func:`credit_disclosure.io.check_rows`, so the three header styles work), and
the issues come back as a frame of the caller's own library.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Final

from ._optional import require
from .errors import MissingOptionalDependency, ValidationError
from .io import check_rows
from .standard import (
    ColumnChecks,
    HeaderResolver,
    RecordKind,
    StandardVersion,
    ValidationOptions,
    detect_kind,
    fields,
)

__all__ = ["ISSUE_FRAME_COLUMNS", "check_frame", "lifecycle_frame", "metrics_frame"]

#: The columns of the frame :func:`check_frame` returns, in order.
ISSUE_FRAME_COLUMNS: Final = (
    "row",
    "field",
    "field_name",
    "code",
    "severity",
    "message_en",
    "message_zh",
)


def _missing(value: object) -> bool:
    # pandas writes a missing cell as NaN (float), pd.NA or NaT; Polars and Arrow as None
    if isinstance(value, float):
        return value != value
    return type(value).__name__ in ("NAType", "NaTType")


def check_frame(
    df: Any,
    kind: RecordKind | str | None = None,
    *,
    version: StandardVersion | str = StandardVersion.V2018,
    as_of: date | None = None,
    options: ValidationOptions | None = None,
) -> Any:
    """Every issue of every row of ``df`` (pandas, Polars, PyArrow, ...), as a frame of the same library.

    One row per issue with the columns of :data:`ISSUE_FRAME_COLUMNS`; ``row``
    is the 0-based position of the row in ``df``. Columns may be named by field
    code, Chinese name or attribute name; columns that name no field are
    ignored. ``kind`` ``None`` detects it from the column names. Needs
    narwhals (``pip install "credit-disclosure[frames]"``).

    >>> import polars as pl
    >>> from datetime import date
    >>> df = pl.DataFrame({"CF_XDR_MC": ["甲公司"], "CF_XDR_SHXYM": ["91512081MA62K0260F"]})
    >>> issues = check_frame(df, "penalty", as_of=date(2025, 6, 1))
    >>> type(issues).__module__.split(".")[0]
    'polars'
    >>> issues.filter(pl.col("code") == "uscc.checksum").select("row", "field", "severity").rows()
    [(0, 'CF_XDR_SHXYM', 'error')]
    """
    nw = require("narwhals", "frames", "dataframes of any library")
    frame = nw.from_native(df, eager_only=True)
    version = StandardVersion(version)
    columns = [str(c) for c in frame.columns]
    if kind is None:
        kind = detect_kind(columns, version)
        if kind is None:
            raise ValidationError(
                "file.kind",
                message_en="the column names do not say whether the frame holds licences or "
                "penalties: pass the kind",
                message_zh="无法根据列名判断是行政许可还是行政处罚数据，请指定类型",
            )
    kind = RecordKind(kind)
    names = {f.code: f.name_zh for f in fields(kind, version)}
    todo = _not_cleared(frame, columns, kind, version, as_of, options)
    source = frame if todo is None else frame[todo]
    rows = (
        {k: None if _missing(v) else v for k, v in row.items()}
        for row in source.iter_rows(named=True)
    )
    report = check_rows(rows, kind, version=version, as_of=as_of, options=options)
    data: dict[str, list[Any]] = {c: [] for c in ISSUE_FRAME_COLUMNS}
    for issue in report:
        if issue.row is None:  # a column that names no field: ignored, as documented
            continue
        data["row"].append(issue.row - 1 if todo is None else todo[issue.row - 1])
        data["field"].append(issue.field)
        data["field_name"].append(names.get(issue.field or ""))
        data["code"].append(issue.code)
        data["severity"].append(issue.severity.value)
        data["message_en"].append(issue.message_en)
        data["message_zh"].append(issue.message_zh)
    schema = {
        "row": nw.Int64(),
        **{c: nw.String() for c in ISSUE_FRAME_COLUMNS if c != "row"},
    }
    out = nw.from_dict(data, schema=schema, backend=nw.get_native_namespace(frame))
    return out.to_native()


def _not_cleared(
    frame: Any,
    columns: list[str],
    kind: RecordKind,
    version: StandardVersion,
    as_of: date | None,
    options: ValidationOptions | None,
) -> list[int] | None:
    """The positions of the rows the column checks did not clear (``None``: check them all).

    The frame goes to Arrow once (zero-copy for Polars and PyArrow); the column forms of
    the rules (:class:`~credit_disclosure.standard.ColumnChecks`) clear the rows
    ``check_row`` would find nothing in, so only the others are turned into rows and
    checked. Without pyarrow, or when a column cannot be read as one Arrow type, every row
    is checked.
    """
    try:
        checks = ColumnChecks(kind, version, as_of=as_of, options=options)
    except MissingOptionalDependency:
        return None
    if not checks.supported or len(frame) == 0:
        return None
    resolver = HeaderResolver(kind, version)
    resolver.resolve_all(columns)
    try:
        table = frame.to_arrow()
    except (TypeError, ValueError, NotImplementedError):  # Arrow cannot read a column: no fast path
        return None
    arrays = {code: table.column(str(name)) for name, code in resolver.columns()}
    cleared = checks.clean(arrays, len(frame))
    return [i for i, ok in enumerate(cleared.tolist()) if not ok]


# --- beyond validation: quality metrics and the lifecycle, through the pandas paths ---------


def _pandas_of(df: Any) -> tuple[Any, Any]:
    """(``df`` as a pandas DataFrame, the narwhals namespace of the caller's library)."""
    nw = require("narwhals", "frames", "dataframes of any library")
    require("pandas", "pandas", "quality metrics and the lifecycle of a dataframe")
    frame = nw.from_native(df, eager_only=True)
    return frame.to_pandas(), nw.get_native_namespace(frame)


def _native(result: Any, namespace: Any) -> Any:
    """A pandas result as a frame of the caller's library (``namespace``)."""
    if namespace.__name__.split(".")[0] == "pandas":
        return result
    nw = require("narwhals", "frames", "dataframes of any library")
    pa = require("pyarrow", "frames", "dataframes other than pandas")
    table = pa.Table.from_pandas(result, preserve_index=False)
    return nw.from_arrow(table, backend=namespace).to_native()


def metrics_frame(
    df: Any,
    kind: RecordKind | str | None = None,
    *,
    by: str | tuple[str, ...] = ("agency",),
    published_col: str | None = None,
    version: StandardVersion | str = StandardVersion.V2018,
    as_of: date | None = None,
    options: ValidationOptions | None = None,
) -> Any:
    """The quality scores of ``df``'s records grouped by ``by``, as a frame of ``df``'s library.

    The scores are :func:`credit_disclosure.pandas.score_frame`'s (timeliness, completeness,
    accuracy: the same code path, not a copy): one row per group with the grouping columns
    first, then the columns of :meth:`~credit_disclosure.quality.MetricsTable.to_pandas`.
    ``df`` may be pandas, Polars, PyArrow or any frame narwhals reads; needs the ``frames``
    extra and pandas (and PyArrow for frames other than pandas).

    >>> import polars as pl
    >>> from datetime import date
    >>> df = pl.DataFrame({"CF_CFJG": ["甲局", "甲局"], "CF_JDRQ": ["2025/03/03", "2025/03/03"],
    ...                    "公示日期": ["2025/03/04", "2025/04/30"]})
    >>> table = metrics_frame(df, "penalty", by="month", as_of=date(2025, 6, 1))
    >>> type(table).__module__.split(".")[0], table.select("month", "records", "on_time", "late").rows()
    ('polars', [('2025-03', 2, 1, 1)])
    """
    from .pandas import score_frame

    pdf, namespace = _pandas_of(df)
    metrics = score_frame(
        pdf,
        kind,
        published_col=published_col,
        version=StandardVersion(version),
        as_of=as_of,
        options=options,
    )
    table = metrics.table(by).to_pandas().reset_index()
    return _native(table, namespace)


def lifecycle_frame(
    df: Any,
    events: Any = (),
    *,
    policy: Any,
    on: date,
    kind: RecordKind | str | None = None,
    version: StandardVersion | str = StandardVersion.V2018,
    calendar: Any = None,
) -> Any:
    """The state of every row of ``df`` on day ``on``, as a frame of ``df``'s library.

    :func:`credit_disclosure.lifecycle.status_frame` over any dataframe (the same code path):
    one output row per input row with the columns of
    :data:`~credit_disclosure.lifecycle.STATUS_COLUMNS`; ``row`` is the 0-based position of
    the row in ``df``. ``events`` are :class:`~credit_disclosure.lifecycle.Event` values or an
    :class:`~credit_disclosure.lifecycle.EventLog`.

    >>> import pyarrow as pa
    >>> from datetime import date
    >>> from credit_disclosure.lifecycle import Event
    >>> from credit_disclosure.policy import CHANGZHI_2021
    >>> table = pa.table({"CF_WSH": ["1号", "2号"], "CF_JDRQ": ["2022/03/01", "2022/03/01"],
    ...                   "CF_XDR_LB": ["法人及非法人组织", "自然人"], "tier": ["一般", "一般"],
    ...                   "procedure": ["普通", "普通"]})
    >>> out = lifecycle_frame(table, [Event(key="1号", kind="公示", date=date(2022, 3, 8))],
    ...                       policy=CHANGZHI_2021, on=date(2022, 4, 1))
    >>> type(out).__name__, out.select(["row", "state", "shown"]).to_pylist()[0]
    ('Table', {'row': 0, 'state': 'displayed', 'shown': True})
    """
    from .lifecycle import status_frame

    pdf, namespace = _pandas_of(df)
    result = status_frame(
        pdf,
        events,
        policy=policy,
        on=on,
        kind=kind,
        version=StandardVersion(version),
        calendar=calendar,
    )
    return _native(result, namespace)
