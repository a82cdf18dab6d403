"""The column checks in the pandas and Arrow (Spark) paths: the same observations as the row engine.

Rows the column checks clear never reach ``check_row``; their observations are made from
the record's authority and decision date. These tests compare every observation and every
issue with the row engine's over the samples, every planted fault of each kind, frames with
typed (non-text) columns and damaged cells, and require that rows really were cleared (so
that a path that cleared nothing could not pass them vacuously).
"""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")

from credit_disclosure.pandas import read_records  # noqa: E402
from credit_disclosure.quality._frames import (  # noqa: E402
    FramePlan,
    arrow_observations,
    column_checks,
    issues_only,
    observations,
)
from credit_disclosure.samples import sample_path  # noqa: E402
from credit_disclosure.standard import RecordKind, fields  # noqa: E402

_spec = importlib.util.spec_from_file_location("_data", Path(__file__).parent / "_data.py")
assert _spec is not None and _spec.loader is not None
_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_data)
AS_OF: date = _data.AS_OF


def _frames(kind: RecordKind) -> dict[str, Any]:
    rows, _ = _data.rows_with_dates(kind, 300)
    generated = pd.DataFrame(rows).replace("", None)
    return {"sample": read_records(sample_path(kind)), "faults": generated}


def _compare(frame: Any, kind: RecordKind, *, expect_cleared: bool = True) -> None:
    plan = FramePlan.build(list(frame.columns), kind, as_of=AS_OF)
    checks = column_checks(plan)
    assert checks is not None
    slow = list(observations(frame, plan))
    fast = list(observations(frame, plan, checks=checks))
    assert fast == slow
    assert issues_only(frame, plan, checks=column_checks(plan)) == issues_only(frame, plan)
    batch = pa.RecordBatch.from_pandas(frame, preserve_index=False)
    textual = all(
        pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_null(t)
        for t in batch.schema.types
    )
    if textual:  # as Spark hands a CSV's columns to mapInArrow
        assert list(arrow_observations(batch, plan, column_checks(plan))) == [o for _, o in slow]
    assert textual or not expect_cleared
    if expect_cleared:
        codes = [c for _, c in plan.fields]
        arrays = {c: pa.array(frame[n], from_pandas=True) for (n, _), c in zip(plan.fields, codes)}
        cleared = int(checks.clean(arrays, len(frame)).sum())
        assert cleared > len(frame) // 2, cleared  # the fast path did clear rows


@pytest.mark.parametrize("kind", list(RecordKind))
@pytest.mark.parametrize("which", ["sample", "faults"])
def test_cleared_rows_observe_as_the_row_engine(kind: RecordKind, which: str) -> None:
    """Samples and every planted fault (with publication dates): identical observations and issues."""
    _compare(_frames(kind)[which], kind)


def test_typed_columns_stay_with_the_row_engine() -> None:
    """Dates as datetimes, amounts as numbers, NaN for missing: the same result as the row engine."""
    frame = _frames(RecordKind.PENALTY)["faults"].copy()
    frame["CF_JDRQ"] = pd.to_datetime(frame["CF_JDRQ"], format="%Y/%m/%d", errors="coerce")
    frame["CF_NR_FK"] = pd.to_numeric(frame["CF_NR_FK"], errors="coerce")
    _compare(frame, RecordKind.PENALTY, expect_cleared=False)


def test_chinese_headers_and_a_repeated_field() -> None:
    """Columns named in Chinese, one field twice (the first wins), an unknown column."""
    frame = _frames(RecordKind.PENALTY)["faults"].copy()
    names = {f.code: f.name_zh for f in fields(RecordKind.PENALTY)}
    frame = frame.rename(columns=lambda c: names.get(c, c))
    frame["CF_CFJG"] = "另一机关"
    frame["备注列"] = "x"
    _compare(frame, RecordKind.PENALTY)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), kind=st.sampled_from(list(RecordKind)))
def test_damaged_cells_observe_as_the_row_engine(data: st.DataObject, kind: RecordKind) -> None:
    """Cells replaced by junk, white space, other cases and missing values: never a difference."""
    rows, _ = _data.rows_with_dates(kind, 12, seed=data.draw(st.integers(0, 30)), per_fault=0)
    codes = [f.code for f in fields(kind)] + [_data.PUBLISHED]
    odd = st.sampled_from(
        [" ", "\u3000", "", " 2024/01/05", "2024/02/30", "长期", "91512081ma62k0260e", "某局 "]
    )
    for row in rows:
        for code in data.draw(st.lists(st.sampled_from(codes), max_size=3)):
            row[code] = data.draw(st.one_of(odd, st.text(max_size=12), st.none()), label=code)
    _compare(pd.DataFrame(rows), kind, expect_cleared=False)
