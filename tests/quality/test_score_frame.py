"""score_frame counts cleared rows by (authority, decision date, publication date): the same scores.

``score_frame`` observes each distinct triple of a cleared row once and counts it as often
as it occurs (``quality._frames.score_into``); these tests compare its tables with the
metrics of every row observed on its own by the row engine (no column checks), over the
samples read both ways, every planted fault with publication dates, typed publication
dates (date objects, numbers, timestamps) and junk cells.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

from credit_disclosure.pandas import read_records, score_frame  # noqa: E402
from credit_disclosure.quality import QualityMetrics, _frames  # noqa: E402
from credit_disclosure.quality._frames import (  # noqa: E402
    FramePlan,
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
GROUPINGS = ["agency", "month", "kind", ("agency", "month")]


@pytest.fixture(autouse=True, params=[1 << 16, 7])
def slices(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The column checks judge a frame whole, or in slices of a few rows."""
    monkeypatch.setattr(_frames, "SLICE_ROWS", request.param)


def _row_by_row(frame: Any, kind: RecordKind, **kwargs: Any) -> QualityMetrics:
    """The metrics of every row through the row engine, one observation each."""
    plan = FramePlan.build(list(frame.columns), kind, as_of=AS_OF, **kwargs)
    metrics = QualityMetrics()
    metrics.add_issue_counts(Counter(p.code for p in plan.header_problems))
    for _, obs in observations(frame, plan):
        metrics.add(obs)
    return metrics


def assert_same_scores(frame: Any, kind: RecordKind, **kwargs: Any) -> QualityMetrics:
    scored = score_frame(frame, kind, as_of=AS_OF, **kwargs)
    expected = _row_by_row(frame, kind, **kwargs)
    assert scored.records == expected.records == len(frame)
    for by in GROUPINGS:
        assert scored.table(by) == expected.table(by), by
    # validate_frame's issues, the column checks judging the frame whole or in slices
    plan = FramePlan.build(list(frame.columns), kind, as_of=AS_OF)
    assert issues_only(frame, plan, checks=column_checks(plan)) == issues_only(frame, plan)
    return scored


@pytest.mark.parametrize("kind", list(RecordKind))
@pytest.mark.parametrize("engine", ["row", "columnar"])
def test_the_samples_read_either_way(kind: RecordKind, engine: str) -> None:
    assert_same_scores(read_records(sample_path(kind), engine=engine), kind)  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", list(RecordKind))
def test_every_planted_fault_with_publication_dates(kind: RecordKind) -> None:
    rows, _ = _data.rows_with_dates(kind, 300)
    frame = pd.DataFrame(rows).replace("", None)
    scored = assert_same_scores(frame, kind)
    timeliness = scored.table("kind").total
    assert timeliness.on_time and timeliness.late and timeliness.timeliness_unknown
    # the same frame with Arrow-backed text columns, as read_records builds it
    assert_same_scores(frame.astype("str").where(frame.notna(), None), kind)


def test_typed_publication_dates() -> None:
    """Date objects, timestamps, numbers and text in the publication column: row by row."""
    rows, _ = _data.rows_with_dates(RecordKind.PENALTY, 120)
    frame = pd.DataFrame(rows).astype(object)
    column = frame[_data.PUBLISHED]
    for i in range(0, len(frame), 4):
        text = column.iloc[i]
        if text:
            column.iloc[i] = datetime.strptime(text, "%Y/%m/%d").date()
    column.iloc[1], column.iloc[2], column.iloc[3] = 20250101, 3.5, pd.Timestamp("2025-01-02")
    frame[_data.PUBLISHED] = column
    assert_same_scores(frame, RecordKind.PENALTY, count_warnings=True)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), kind=st.sampled_from(list(RecordKind)))
def test_junk_cells(data: st.DataObject, kind: RecordKind) -> None:
    rows, _ = _data.rows_with_dates(kind, 16, seed=data.draw(st.integers(0, 30)), per_fault=0)
    codes = [f.code for f in fields(kind)] + [_data.PUBLISHED]
    odd = st.sampled_from([" ", "\u3000", "", " 2024/01/05", "2024/02/30", "某局 ", "某局"])
    for row in rows:
        for code in data.draw(st.lists(st.sampled_from(codes), max_size=3)):
            row[code] = data.draw(st.one_of(odd, st.text(max_size=12), st.none()), label=code)
    assert_same_scores(pd.DataFrame(rows), kind)


@pytest.mark.parametrize("kind", list(RecordKind))
def test_a_frame_read_in_blocks_is_judged_block_by_block(
    kind: RecordKind, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """read_records' columns hold one Arrow chunk per block: the column checks take them as
    they are (no copy), and cells the user edits afterwards are judged as they now read."""
    from credit_disclosure.io import _columnar, _frame

    rows, _ = _data.rows_with_dates(kind, 300)
    path = tmp_path / "records.csv"
    pd.DataFrame(rows).to_csv(path, index=False, encoding="utf-8")
    monkeypatch.setattr(_columnar, "AUTO_MIN_BYTES", 0)
    monkeypatch.setattr(_frame, "BLOCK_BYTES", 8000)
    monkeypatch.setattr(_frames, "MIN_CHUNK_ROWS", 1)
    frame = read_records(path)
    arrays = _frames._Batch.of_frame(frame, FramePlan.build(list(frame.columns), kind)).arrow()
    chunks = {tuple(len(c) for c in a.chunks) for a in arrays.values() if hasattr(a, "chunks")}
    assert len(chunks) == 1 and len(next(iter(chunks))) > 5  # every column: the same blocks
    slices = _frames._slices(arrays, len(frame))
    assert [size for _, size in slices] == list(next(iter(chunks)))
    assert_same_scores(frame, kind)
    # a user edits cells between the two calls: a date that no longer exists, a blank authority
    prefix = "XK" if kind is RecordKind.LICENSE else "CF"
    frame.loc[frame.index[3], f"{prefix}_JDRQ"] = "2024/02/30"
    frame.loc[frame.index[200], frame.columns[0]] = None
    edited = assert_same_scores(frame, kind)
    assert edited.table("kind").total.records == len(frame)
