"""Dataframes of any library (pandas, Polars, PyArrow, ...) in and out of validation,
quality metrics and the lifecycle.

Through narwhals: one implementation for every library it supports. Needs the
``frames`` extra (``pip install "credit-disclosure[frames]"``). For pandas,
:mod:`credit_disclosure.pandas` adds metrics and the ``df.credit`` accessor.

>>> import pyarrow as pa
>>> from datetime import date
>>> from credit_disclosure.frames import check_frame
>>> table = pa.table({"行政处罚决定书文号": [""], "CF_JDRQ": ["2025/02/30"]})
>>> issues = check_frame(table, "penalty", as_of=date(2025, 6, 1))
>>> type(issues).__name__, "date.invalid" in issues.column("code").to_pylist()
('Table', True)
"""

from __future__ import annotations

from ._anyframe import ISSUE_FRAME_COLUMNS, check_frame, lifecycle_frame, metrics_frame

__all__ = ["ISSUE_FRAME_COLUMNS", "check_frame", "lifecycle_frame", "metrics_frame"]
