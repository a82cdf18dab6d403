"""Adversarial tests of the verdicts read_records hands to score_frame and validate_frame.

A frame read by ``read_records`` carries the column checks' verdicts on its blocks
(``io.frame_verdicts``); ``score_frame``/``validate_frame`` take a block's verdict only while
its cells are the ones judged. Every test here edits a read frame the way users do, then
compares both functions on it with the same functions on a frame built afresh from the same
cells (no verdicts: the column checks and the row engine judge it). A verdict taken for
cells that changed would clear a faulty row (fail open): the results would differ.

Each edit here also makes a difference when the verdicts are taken without looking at the
cells (``test_a_blind_verdict_check_is_caught``): the tests can fail.
"""

from __future__ import annotations

import importlib.util
import os
import pickle
import threading
import weakref
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")
np = pytest.importorskip("numpy")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from credit_disclosure.errors import CreditDisclosureError  # noqa: E402
from credit_disclosure.io import _columnar, _frame, frame_verdicts  # noqa: E402
from credit_disclosure.pandas import read_records, score_frame, validate_frame  # noqa: E402
from credit_disclosure.quality import QualityMetrics, _frames  # noqa: E402
from credit_disclosure.quality._frames import FramePlan  # noqa: E402
from credit_disclosure.standard import (  # noqa: E402
    RecordKind,
    StandardVersion,
    ValidationOptions,
    fields,
)

_spec = importlib.util.spec_from_file_location("_data", Path(__file__).parent / "_data.py")
assert _spec is not None and _spec.loader is not None
_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_data)
AS_OF: date = _data.AS_OF
KIND = RecordKind.PENALTY
ROWS = 160
BAD_DAY = "2024/02/30"  # no such day: a date.invalid error wherever it is written


@pytest.fixture(autouse=True)
def blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small files read by the columnar reader in blocks of a few dozen rows."""
    monkeypatch.setattr(_columnar, "AUTO_MIN_BYTES", 0)
    monkeypatch.setattr(_frame, "BLOCK_BYTES", 8000)
    monkeypatch.setattr(_frames, "MIN_CHUNK_ROWS", 1)


@pytest.fixture(scope="module")
def penalty_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``ROWS`` generated penalty rows, every planted fault a few times, with publication dates."""
    rows, _ = _data.rows_with_dates(KIND, ROWS)
    path = tmp_path_factory.mktemp("verdicts") / "penalty.csv"
    pd.DataFrame(rows).to_csv(path, index=False, encoding="utf-8")
    return path


def _fresh(frame: Any) -> Any:
    """The same cells in a frame built afresh (no verdicts, new Arrow buffers)."""
    built = pd.DataFrame(frame.to_dict("list"), index=frame.index.copy(), columns=frame.columns)
    assert frame_verdicts(built) is None
    return built


def _results(frame: Any, as_of: date = AS_OF, **kwargs: Any) -> tuple[Any, ...]:
    """What score_frame and validate_frame say about ``frame``, as comparable values."""
    scored = score_frame(frame, KIND, as_of=as_of, **kwargs)
    tables = tuple(scored.table(by) for by in ("agency", "month", "kind"))
    options = kwargs.get("options")
    version = kwargs.get("version", StandardVersion.V2018)
    issues = validate_frame(frame, KIND, as_of=as_of, options=options, version=version)
    return tables, issues["row"].tolist(), issues["code"].tolist(), issues["field"].tolist()


def _row_engine(frame: Any, as_of: date, **kwargs: Any) -> tuple[Any, ...]:
    """What the row engine alone says about every row of ``frame`` (no column checks)."""
    plan = FramePlan.build(list(frame.columns), KIND, as_of=as_of, **kwargs)
    metrics = QualityMetrics()
    metrics.add_issue_counts(Counter(p.code for p in plan.header_problems))
    for _, obs in _frames.observations(frame, plan):
        metrics.add(obs)
    tables = tuple(metrics.table(by) for by in ("agency", "month", "kind"))
    checked = {k: v for k, v in kwargs.items() if k in ("version", "options")}  # validate_frame's
    issues = _frames.issues_only(frame, FramePlan.build(list(frame.columns), KIND, as_of=as_of, **checked))
    return tables, issues["row"], issues["code"], issues["field"]


def assert_same_as_fresh(frame: Any, as_of: date = AS_OF, **kwargs: Any) -> None:
    """score_frame and validate_frame say the same of ``frame`` as of the same cells in a
    frame built afresh, and as the row engine alone."""
    found = _results(frame, as_of, **kwargs)
    assert found == _results(_fresh(frame), as_of, **kwargs)
    assert found == _row_engine(frame, as_of, **kwargs)


def _clean_rows(frame: Any) -> list[int]:
    """Positions of the rows without any issue."""
    issues = validate_frame(_fresh(frame), KIND, as_of=AS_OF)
    faulty = set(issues["row"].tolist())
    return [i for i, label in enumerate(frame.index) if label not in faulty]


def _col(frame: Any, name: str) -> int:
    return list(frame.columns).index(name)


# Edits of a read frame, in place (the frame object read_records returned stays the one
# scored). Each writes faults into rows that were clean, or moves cells between rows/fields.
def _loc(f: Any, i: int) -> None:
    f.loc[f.index[i], "CF_JDRQ"] = BAD_DAY


def _iloc(f: Any, i: int) -> None:
    f.iloc[i, _col(f, "CF_JDRQ")] = BAD_DAY


def _at(f: Any, i: int) -> None:
    f.at[f.index[i], "CF_CFJG"] = None


def _iat(f: Any, i: int) -> None:
    f.iat[i, _col(f, "CF_XDR_SHXYM")] = "91110000000000000X"


def _setitem_series(f: Any, i: int) -> None:
    s = f["CF_JDRQ"].copy()
    s.iloc[i] = BAD_DAY
    f["CF_JDRQ"] = s


def _str_method(f: Any, i: int) -> None:
    f["CF_JDRQ"] = f["CF_JDRQ"].str.replace("/", "-", regex=False).str.replace("-0", "-3")


def _replace_inplace(f: Any, i: int) -> None:
    f.replace({"CF_JDRQ": {f["CF_JDRQ"].iloc[i]: BAD_DAY}}, inplace=True)


def _fillna_inplace(f: Any, i: int) -> None:
    f.fillna({"CF_XDR_ZJHM": "123", "CF_NR_FK": "-1"}, inplace=True)


def _mask_inplace(f: Any, i: int) -> None:
    cond = pd.DataFrame(False, index=f.index, columns=f.columns)
    cond.iloc[i, _col(f, "CF_JDRQ")] = True
    f.mask(cond, BAD_DAY, inplace=True)


def _update(f: Any, i: int) -> None:
    f.update(pd.DataFrame({"CF_JDRQ": [BAD_DAY]}, index=[f.index[i]]))


def _sort_in_place(f: Any, i: int) -> None:
    """Rows reordered in the frame itself (``sort_values(inplace=True)`` is deprecated)."""
    order = np.argsort(f["CF_JDRQ"].fillna("").to_numpy(), kind="stable")
    for name in list(f.columns):
        f[name] = f[name].take(order).set_axis(f.index)


def _swap_field_names(f: Any, i: int) -> None:
    swap = {"CF_JDRQ": "CF_YXQ", "CF_YXQ": "CF_JDRQ"}
    f.columns = [swap.get(c, c) for c in f.columns]


def _rotate_names(f: Any, i: int) -> None:
    names = list(f.columns)
    f.columns = names[1:] + names[:1]


def _swap_arrow_arrays(f: Any, i: int) -> None:
    """The Arrow arrays behind two Series swapped (the frame's own Series objects)."""
    a, b = f["CF_XDR_SHXYM"].array, f["CF_XDR_ZZJG"].array
    a._pa_array, b._pa_array = b._pa_array, a._pa_array


def _arrow_array_rebuilt(f: Any, i: int) -> None:
    """The Arrow array behind a Series replaced by one of the same chunk lengths."""
    array = f["CF_JDRQ"].array
    chunks, start = [], 0
    for chunk in array._pa_array.chunks:
        cells = chunk.to_pylist()
        if start <= i < start + len(cells):
            cells[i - start] = BAD_DAY
        chunks.append(pa.array(cells, pa.large_string()))
        start += len(cells)
    array._pa_array = pa.chunked_array(chunks)


def _drop_field(f: Any, i: int) -> None:
    del f["CF_CFJG"]


def _insert_alias(f: Any, i: int) -> None:
    """A column named by a field's Chinese name, before the field's own column (first wins)."""
    f.insert(0, "处罚决定日期", BAD_DAY)


def _assign_field(f: Any, i: int) -> None:
    f["CF_CFJG"] = None


def _astype_round_trip(f: Any, i: int) -> None:
    f["CF_JDRQ"] = f["CF_JDRQ"].astype(object)
    f.iat[i, _col(f, "CF_JDRQ")] = BAD_DAY
    f["CF_JDRQ"] = f["CF_JDRQ"].astype("str")


def _shift(f: Any, i: int) -> None:
    """One field shifted up a row: its chunks hold the judged chunks, at other rows."""
    f["CF_XDR_SHXYM"] = f["CF_XDR_SHXYM"].shift(-1)


EDITS: dict[str, Callable[[Any, int], None]] = {
    "loc": _loc,
    "iloc": _iloc,
    "at": _at,
    "iat": _iat,
    "setitem series": _setitem_series,
    "str method": _str_method,
    "replace inplace": _replace_inplace,
    "fillna inplace": _fillna_inplace,
    "mask inplace": _mask_inplace,
    "update": _update,
    "swap field names": _swap_field_names,
    "rotate names": _rotate_names,
    "swap arrow arrays": _swap_arrow_arrays,
    "arrow array rebuilt": _arrow_array_rebuilt,
    "drop field": _drop_field,
    "insert alias": _insert_alias,
    "assign field": _assign_field,
    "astype round trip": _astype_round_trip,
}
#: Edits after which the columns' chunks no longer have the lengths of the blocks judged:
#: score_frame then judges other slices than the blocks, and no verdict fits their sizes.
RECHUNKED: dict[str, Callable[[Any, int], None]] = {
    "sort in place": _sort_in_place,
    "shift": _shift,
}


def _read_and_edit(path: Path, name: str) -> Any:
    frame = read_records(path)
    assert frame_verdicts(frame) is not None
    {**EDITS, **RECHUNKED}[name](frame, _clean_rows(frame)[-1])
    return frame


@pytest.mark.parametrize("name", [*EDITS, *RECHUNKED])
def test_an_edited_frame_scores_as_a_fresh_one(name: str, penalty_csv: Path) -> None:
    """(pandas 3 always copies on write; ``mode.copy_on_write`` no longer changes anything.)"""
    frame = _read_and_edit(penalty_csv, name)
    assert_same_as_fresh(frame)


def test_a_blind_verdict_check_is_caught(
    penalty_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With verdicts taken whatever the cells, every edit above gives other results."""
    monkeypatch.setattr(_frame, "_same", lambda *args: True)
    missed = []
    for name in EDITS:
        frame = _read_and_edit(penalty_csv, name)
        try:
            stale = _results(frame)
        except CreditDisclosureError:  # a cleared row's date that does not parse
            continue
        if stale == _results(_fresh(frame)):
            missed.append(name)
    assert missed == []


@pytest.mark.parametrize("periods", [-1, 1])
@pytest.mark.parametrize("column", ["CF_XDR_SHXYM", "CF_JDRQ", "CF_XDR_LB"])
def test_a_shifted_column_whose_chunks_hold_the_judged_ones(
    column: str, periods: int, penalty_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: blocks of exactly ``SLICE_ROWS`` rows, one column shifted by a row.

    score_frame then judges the frame in slices of ``SLICE_ROWS`` rows (the columns' chunks
    no longer start at the same rows), which are the blocks judged; the shifted column's
    chunks are (views of) the judged chunks, at other rows. Its k-th chunk was taken as the
    k-th slice's cells, and a block's verdict cleared rows whose cells had moved.
    """
    monkeypatch.setattr(_frame, "BLOCK_BYTES", os.path.getsize(penalty_csv) // 2 + 100)
    frame = read_records(penalty_csv)
    verdicts = frame_verdicts(frame)
    assert verdicts is not None
    sizes = [len(c) for c in verdicts._any_chunks()]
    assert len(sizes) == 2
    monkeypatch.setattr(_frames, "SLICE_ROWS", sizes[0])
    frame[column] = frame[column].shift(periods)
    assert_same_as_fresh(frame)


@pytest.mark.parametrize(
    "as_of",
    [date(1990, 1, 1), date(2020, 6, 30), date(2024, 2, 29), date(2026, 12, 27), date(2026, 12, 28), date(9999, 12, 31)],
)
def test_one_reading_many_as_of(as_of: date, penalty_csv: Path) -> None:
    """Verdicts taken once (as_of=date.max) serve an as_of long before and long after."""
    frame = read_records(penalty_csv)
    assert_same_as_fresh(frame, as_of)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"options": ValidationOptions()},
        {"options": ValidationOptions(check_lengths=False)},
        {"options": ValidationOptions(future_date_fields=frozenset())},
        {"options": ValidationOptions(penalty_validity_required=True)},
        {"options": ValidationOptions(disabled=frozenset({"date.future"}))},
        {"options": ValidationOptions(lengths={"CF_XDR_MC": 8})},
        {"version": StandardVersion.V2015},
        {"count_warnings": True},
        {"published_col": "CF_JDRQ"},
    ],
    ids=lambda kw: ",".join(f"{k}={v!r}"[:40] for k, v in kw.items()),
)
def test_other_settings_than_at_reading(kwargs: dict[str, Any], penalty_csv: Path) -> None:
    frame = read_records(penalty_csv)
    assert_same_as_fresh(frame, **kwargs)
    assert_same_as_fresh(frame, date(2025, 1, 1), **kwargs)


def test_two_threads_score_one_frame(penalty_csv: Path) -> None:
    frame = read_records(penalty_csv)
    frame.iat[_clean_rows(frame)[0], _col(frame, "CF_JDRQ")] = BAD_DAY
    expected = _results(_fresh(frame))
    found: list[Any] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(3):
                found.append(_results(frame))
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert found == [expected] * 6


def test_the_verdicts_keep_no_frame_alive(penalty_csv: Path) -> None:
    import gc

    gc.collect()  # frames of earlier tests
    before = len(_frame._JUDGED)
    frames = [read_records(penalty_csv) for _ in range(3)]
    refs = [weakref.ref(f) for f in frames]
    assert len(_frame._JUDGED) == before + 3
    del frames
    gc.collect()
    assert [r() for r in refs] == [None] * 3
    assert len(_frame._JUDGED) == before


@pytest.mark.parametrize(
    "derive",
    [
        lambda f: pickle.loads(pickle.dumps(f)),
        lambda f: f.iloc[::2],
        lambda f: f.head(40),
        lambda f: pd.concat([f, f]),
        lambda f: f.copy(deep=False),
        lambda f: f.assign(CF_JDRQ=BAD_DAY),
        lambda f: f[list(reversed(f.columns))],
    ],
    ids=["pickle", "every other row", "head", "concat", "shallow copy", "assign", "reordered"],
)
def test_a_frame_derived_from_a_read_one_has_no_verdicts(derive: Any, penalty_csv: Path) -> None:
    frame = read_records(penalty_csv)
    derived = derive(frame)
    assert frame_verdicts(derived) is None
    assert_same_as_fresh(derived)
    assert_same_as_fresh(frame)


def test_a_shallow_copy_edited_leaves_the_read_frame_right(penalty_csv: Path) -> None:
    frame = read_records(penalty_csv)
    copy = frame.copy(deep=False)
    copy.iat[_clean_rows(frame)[0], _col(frame, "CF_JDRQ")] = BAD_DAY
    assert_same_as_fresh(frame)
    assert_same_as_fresh(copy)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    edits=st.lists(
        st.tuples(
            st.sampled_from(["CF_JDRQ", "CF_XDR_SHXYM", "CF_XDR_LB", "CF_CFJG", "CF_NR_FK", "CF_YXQ"]),
            st.integers(0, ROWS - 1),
            st.sampled_from([None, "", " ", BAD_DAY, "2027/01/01", "x", "91110000000000000X", "-1"]),
            st.sampled_from(["iat", "loc", "shift", "swap"]),
        ),
        min_size=1,
        max_size=4,
    ),
    as_of=st.dates(min_value=date(2000, 1, 1)),
)
def test_random_edits_score_as_a_fresh_frame(
    edits: list[tuple[str, int, Any, str]], as_of: date, penalty_csv: Path
) -> None:
    frame = read_records(penalty_csv)
    for column, i, value, how in edits:
        i %= len(frame)
        if how == "iat":
            frame.iat[i, _col(frame, column)] = value
        elif how == "loc":
            frame.loc[frame.index[i], column] = value
        elif how == "shift":
            frame[column] = frame[column].shift(1 if i % 2 else -1)
        else:
            swap = {column: "CF_JDRQ", "CF_JDRQ": column}
            frame.columns = [swap.get(c, c) for c in frame.columns]
    assert_same_as_fresh(frame, as_of)


def _variant_file(tmp_path: Path, kind: RecordKind, variant: str) -> Path:
    """Planted faults in every field they apply to, written with a header/row variant."""
    rows, _ = _data.rows_with_dates(kind, 200, per_fault=4)
    table = pd.DataFrame(rows)
    if "chinese" in variant:  # headers as the fields' Chinese names
        names = {f.code: f.name_zh for f in fields(kind, StandardVersion.V2018)}
        table = table.rename(columns=names)
    lines = table.to_csv(index=False).splitlines(keepends=True)
    out = [lines[0]]
    for j, line in enumerate(lines[1:]):
        if "blank" in variant and j % 5 == 0:
            out.append("," * (len(table.columns) - 1) + "\n")
        if "fallback" in variant and j == 90:  # a row of too few cells: the row reader from here
            out.append("only,three,cells\n")
        out.append(line)
    path = tmp_path / f"{kind.value}-{variant}.csv"
    path.write_text("".join(out), encoding="utf-8")
    return path


@pytest.mark.parametrize("variant", ["chinese", "blank", "fallback", "chinese blank fallback"])
@pytest.mark.parametrize("kind", list(RecordKind))
def test_files_with_faults_everywhere(kind: RecordKind, variant: str, tmp_path: Path) -> None:
    """Verdicts of blocks before and after the row reader takes over, blank rows left out,
    Chinese headers: every row as the row engine judges it, for an early and a late as_of."""
    frame = read_records(_variant_file(tmp_path, kind, variant))
    verdicts = frame_verdicts(frame)
    assert verdicts is not None
    if "fallback" in variant:
        assert None in verdicts.verdicts  # rows of the row reader: not judged at reading
    for as_of in (date(2021, 7, 15), AS_OF):
        plan = FramePlan.build(list(frame.columns), kind, as_of=as_of)
        expected = _frames.issues_only(frame, plan)
        issues = validate_frame(frame, kind, as_of=as_of)
        assert (issues["row"].tolist(), issues["code"].tolist()) == (expected["row"], expected["code"])
        metrics = QualityMetrics()
        metrics.add_issue_counts(Counter(p.code for p in plan.header_problems))
        for _, obs in _frames.observations(frame, plan):
            metrics.add(obs)
        scored = score_frame(frame, kind, as_of=as_of)
        assert [scored.table(by) for by in ("agency", "month")] == [
            metrics.table(by) for by in ("agency", "month")
        ]
