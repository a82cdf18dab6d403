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
from .errors import ValidationError
from .io import check_rows
from .standard import RecordKind, StandardVersion, ValidationOptions, detect_kind, fields

__all__ = ["ISSUE_FRAME_COLUMNS", "check_frame"]

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
    rows = (
        {k: None if _missing(v) else v for k, v in row.items()}
        for row in frame.iter_rows(named=True)
    )
    report = check_rows(rows, kind, version=version, as_of=as_of, options=options)
    data: dict[str, list[Any]] = {c: [] for c in ISSUE_FRAME_COLUMNS}
    for issue in report:
        if issue.row is None:  # a column that names no field: ignored, as documented
            continue
        data["row"].append(issue.row - 1)
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
