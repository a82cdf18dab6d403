"""read_records judges its blocks with the column checks; score_frame takes those verdicts.

The verdicts are taken only for blocks whose cells are still the ones judged, for the same
kind, standard, options and division codes, and for any ``as_of`` (each row knows the
latest day its clearing took to be on or before it). Every test compares the scores and
the issues with the row engine's, row by row, and counts how many blocks were judged again.
"""

from __future__ import annotations

import gc
import importlib.util
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

from credit_disclosure.io import _columnar, _frame, frame_verdicts  # noqa: E402
from credit_disclosure.pandas import read_records, score_frame, validate_frame  # noqa: E402
from credit_disclosure.quality import QualityMetrics, _frames  # noqa: E402
from credit_disclosure.quality._frames import FramePlan, observations  # noqa: E402
from credit_disclosure.standard import ColumnChecks, RecordKind, ValidationOptions  # noqa: E402

_spec = importlib.util.spec_from_file_location("_data", Path(__file__).parent / "_data.py")
assert _spec is not None and _spec.loader is not None
_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_data)
AS_OF: date = _data.AS_OF
GROUPINGS = ["agency", "month", "kind", ("agency", "month")]


@pytest.fixture(autouse=True)
def blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small files read by the columnar reader in blocks of a few dozen rows."""
    monkeypatch.setattr(_columnar, "AUTO_MIN_BYTES", 0)
    monkeypatch.setattr(_frame, "BLOCK_BYTES", 8000)
    monkeypatch.setattr(_frames, "MIN_CHUNK_ROWS", 1)


@pytest.fixture
def judged_again(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the slices score_frame/validate_frame judge themselves (after reading)."""
    sizes: list[int] = []
    original = ColumnChecks.clean

    def counting(self: ColumnChecks, columns: Any, length: int, **kwargs: Any) -> Any:
        if "latest" not in kwargs:  # not read_records' own judging
            sizes.append(length)
        return original(self, columns, length, **kwargs)

    monkeypatch.setattr(ColumnChecks, "clean", counting)
    return sizes


def _file(tmp_path: Path, kind: RecordKind, n: int = 300) -> Path:
    rows, _ = _data.rows_with_dates(kind, n)
    path = tmp_path / f"{kind.value}.csv"
    pd.DataFrame(rows).to_csv(path, index=False, encoding="utf-8")
    return path


def _row_by_row(frame: Any, kind: RecordKind, as_of: date, **kwargs: Any) -> QualityMetrics:
    plan = FramePlan.build(list(frame.columns), kind, as_of=as_of, **kwargs)
    metrics = QualityMetrics()
    metrics.add_issue_counts(Counter(p.code for p in plan.header_problems))
    for _, obs in observations(frame, plan):
        metrics.add(obs)
    return metrics


def assert_same(frame: Any, kind: RecordKind, as_of: date = AS_OF, **kwargs: Any) -> None:
    scored = score_frame(frame, kind, as_of=as_of, **kwargs)
    expected = _row_by_row(frame, kind, as_of, **kwargs)
    for by in GROUPINGS:
        assert scored.table(by) == expected.table(by), by
    issues = validate_frame(frame, kind, as_of=as_of, options=kwargs.get("options"))
    plan = FramePlan.build(list(frame.columns), kind, as_of=as_of, options=kwargs.get("options"))
    expected_issues = _frames.issues_only(frame, plan)  # no column checks: every row checked
    assert issues["code"].tolist() == expected_issues["code"]
    assert issues["row"].tolist() == expected_issues["row"]


@pytest.mark.parametrize("kind", list(RecordKind))
def test_the_verdicts_of_read_records_are_taken(
    kind: RecordKind, tmp_path: Path, judged_again: list[int]
) -> None:
    frame = read_records(_file(tmp_path, kind))
    assert frame_verdicts(frame) is not None
    score_frame(frame, kind, as_of=AS_OF)
    validate_frame(frame, kind, as_of=AS_OF)
    assert judged_again == []  # every block's verdict taken
    assert_same(frame, kind)


@pytest.mark.parametrize(
    "as_of", [date(2020, 1, 1), date(2024, 6, 1), date(2025, 6, 1), date(2027, 1, 1), AS_OF]
)
def test_any_as_of(as_of: date, tmp_path: Path, judged_again: list[int]) -> None:
    """Decision dates after as_of are date.future issues, from the same verdicts."""
    frame = read_records(_file(tmp_path, RecordKind.PENALTY))
    assert_same(frame, RecordKind.PENALTY, as_of)
    assert judged_again == []


def test_edited_cells_are_judged_again(tmp_path: Path, judged_again: list[int]) -> None:
    """A user edits cells between the two calls: the blocks whose cells are no longer the
    judged ones are judged again (pandas writes a new array for an edited column: all of
    its blocks), and the edits count (a day that does not exist, an authority blanked)."""
    frame = read_records(_file(tmp_path, RecordKind.PENALTY))
    assert len(frame_verdicts(frame).verdicts) > 4  # type: ignore[union-attr]
    clean = score_frame(frame, RecordKind.PENALTY, as_of=AS_OF).table("kind").total
    assert judged_again == []
    frame.loc[frame.index[-1], "CF_JDRQ"] = "2024/02/30"
    frame.loc[frame.index[-2], "CF_CFJG"] = None
    edited = score_frame(frame, RecordKind.PENALTY, as_of=AS_OF).table("kind").total
    assert judged_again
    assert edited.accurate == clean.accurate - 1 and edited.complete == clean.complete - 1
    judged_again.clear()
    assert_same(frame, RecordKind.PENALTY)


@pytest.mark.parametrize(
    "change",
    ["sorted", "renamed", "copied", "column replaced", "options", "version", "division"],
)
def test_anything_else_is_judged_afresh(
    change: str, tmp_path: Path, judged_again: list[int]
) -> None:
    frame = read_records(_file(tmp_path, RecordKind.PENALTY))
    kwargs: dict[str, Any] = {}
    if change == "sorted":
        frame = frame.sort_values("CF_XDR_MC")
    elif change == "renamed":  # the same frame: two columns swap their names (and fields)
        swap = {"CF_JDRQ": "CF_XDR_MC", "CF_XDR_MC": "CF_JDRQ"}
        frame.columns = [swap.get(c, c) for c in frame.columns]
    elif change == "copied":
        frame = frame.copy(deep=True)
    elif change == "column replaced":
        frame["CF_XDR_SHXYM"] = frame["CF_XDR_SHXYM"].str.lower()
    elif change == "options":
        kwargs["options"] = ValidationOptions(check_lengths=False)
    elif change == "division":
        from credit_disclosure.identifiers import divisions

        divisions.register("119903", "示例县")
    if change == "version":
        from credit_disclosure.standard import StandardVersion

        score_frame(frame, RecordKind.PENALTY, as_of=AS_OF, version=StandardVersion.V2015)
        assert judged_again == []  # no column forms for 2015: the row engine judges every row
        return
    assert_same(frame, RecordKind.PENALTY, **kwargs)
    assert judged_again  # not from the verdicts of the frame read


def test_the_verdicts_go_with_their_frame(tmp_path: Path) -> None:
    frame = read_records(_file(tmp_path, RecordKind.PENALTY))
    key = id(frame)
    assert key in _frame._JUDGED
    del frame
    gc.collect()
    assert key not in _frame._JUDGED


def test_a_file_of_unknown_kind_is_not_judged(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    pd.DataFrame({"甲": ["1", "2"] * 200, "乙": ["x", "y"] * 200}).to_csv(path, index=False)
    frame = read_records(path)
    assert frame_verdicts(frame) is None


def test_cells_of_white_space(tmp_path: Path, judged_again: list[int]) -> None:
    """Blocks are judged on their cells as parsed: a cell of white space only (a missing
    value in the frame) keeps its row for the row engine, which decides as for the frame."""
    rows, _ = _data.rows_with_dates(RecordKind.PENALTY, 300)
    for i, row in enumerate(rows[::9]):
        row["BZ" if i % 3 else "CF_XDR_MC"] = " \u3000" if i % 2 else "\t"  # optional, required
    path = tmp_path / "spaces.csv"
    pd.DataFrame(rows).to_csv(path, index=False, encoding="utf-8")
    frame = read_records(path)
    assert frame["BZ"].isna().sum() >= 20 and frame["CF_XDR_MC"].isna().sum() >= 10
    assert_same(frame, RecordKind.PENALTY)
    assert judged_again == []
