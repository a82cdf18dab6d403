"""pandas integration: DataFrame validation equals the record API, vectorised identifier checks, scores."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

pd = pytest.importorskip("pandas")

from credit_disclosure.errors import MissingOptionalDependency  # noqa: E402
from credit_disclosure.identifiers import org_code, resident_id, uscc  # noqa: E402
from credit_disclosure.io import check_file  # noqa: E402
from credit_disclosure.pandas import (  # noqa: E402
    issues_frame,
    read_records,
    score_frame,
    valid_identifiers,
    validate_frame,
)
from credit_disclosure.quality import compute_metrics  # noqa: E402
from credit_disclosure.samples import sample_path  # noqa: E402
from credit_disclosure.standard import RecordKind, check_row, fields  # noqa: E402

_spec = importlib.util.spec_from_file_location(
    "_data", Path(__file__).parent / "quality" / "_data.py"
)
assert _spec is not None and _spec.loader is not None
_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_data)
AS_OF: date = _data.AS_OF


@pytest.mark.parametrize("kind", list(RecordKind))
def test_validate_frame_finds_what_check_file_finds(kind: RecordKind) -> None:
    """On a bundled sample, the DataFrame issues are the file check's issues, row for row."""
    as_of = date(2025, 7, 1)
    frame = read_records(sample_path(kind))
    issues = validate_frame(frame, as_of=as_of)
    report = check_file(sample_path(kind), as_of=as_of)
    expected = Counter(
        (i.row, i.code, i.field)
        for i in report
        if i.row is not None and not i.code.startswith("row.")
    )
    got = Counter(zip(issues["row"], issues["code"], issues["field"]))
    assert got == expected
    assert set(issues["severity"]) <= {"error", "warning"}
    assert list(issues.columns) == [
        "row",
        "field",
        "field_name",
        "code",
        "severity",
        "message_en",
        "message_zh",
    ]


@pytest.mark.parametrize("style", ["code", "name_zh", "attr"])
def test_any_header_style(style: str) -> None:
    """Columns named by field code, Chinese name or attribute name give the same issues."""
    rows, _ = _data.rows_with_dates(RecordKind.PENALTY, 120)
    specs = {f.code: f for f in fields(RecordKind.PENALTY)}
    frame = pd.DataFrame(rows).rename(
        columns=lambda c: getattr(specs[c], style) if c in specs else c
    )
    got = validate_frame(frame, "penalty", as_of=AS_OF)
    expected = [
        (n, i.code, i.field)
        for n, row in enumerate(rows)
        for i in check_row(
            {k: v for k, v in row.items() if k in specs}, RecordKind.PENALTY, as_of=AS_OF
        ).issues
    ]
    assert list(zip(got["row"], got["code"], got["field"])) == expected


def test_missing_values_are_empty_cells() -> None:
    """NaN, None and NA are empty fields (field.required...), never the text 'nan'."""
    frame = pd.DataFrame(
        {
            "CF_XDR_MC": ["甲公司", "乙公司", "丙公司"],
            "CF_XDR_LB": ["法人及非法人组织"] * 3,
            "CF_XDR_SHXYM": [float("nan"), None, pd.NA],
            "CF_JDRQ": [pd.NaT, pd.Timestamp("2025-03-03"), None],
        },
        index=["a", "b", "c"],
    )
    issues = validate_frame(frame, "penalty", as_of=AS_OF)
    credit = issues[issues["field"] == "CF_XDR_SHXYM"]
    assert credit["code"].tolist() == ["field.required_for_category"] * 3
    assert credit["row"].tolist() == ["a", "b", "c"]
    dates = issues[issues["field"] == "CF_JDRQ"]
    assert dates[["row", "code"]].values.tolist() == [
        ["a", "field.required"],
        ["c", "field.required"],
    ]


def test_typed_columns_are_read() -> None:
    """Dates and numbers held as pandas types are read like the XLSX reader's values."""
    frame = pd.DataFrame({"CF_JDRQ": pd.to_datetime(["2025-03-03"]), "CF_NR_FK": [0.2]})
    issues = validate_frame(frame, "penalty", as_of=AS_OF)
    assert not ({"date.invalid", "decimal.invalid"} & set(issues["code"]))


def test_clean_frame_has_no_issues() -> None:
    """A frame of clean generated records yields an empty issues frame with the columns."""
    rows, codes = _data.rows_with_dates(RecordKind.LICENSE, 50, per_fault=0, year_2027=0)
    assert not any(codes)
    issues = validate_frame(pd.DataFrame(rows), as_of=AS_OF)
    assert issues.empty and "code" in issues.columns


def test_kind_must_be_known() -> None:
    """Column names that say neither licence nor penalty raise ValueError unless kind is given."""
    with pytest.raises(ValueError, match="pass kind"):
        validate_frame(pd.DataFrame({"备注": ["x"]}))


@given(
    st.lists(
        st.one_of(
            st.none(),
            st.text(max_size=20),
            st.sampled_from(["91512081MA62K0260E", "91110000600037341L", "9111000060003734IL"]),
        ),
        max_size=30,
    )
)
def test_valid_identifiers_equals_is_valid(values: list[str | None]) -> None:
    """The vectorised check equals is_valid value by value, missing values staying missing."""
    series = pd.Series(values, dtype="object", index=range(100, 100 + len(values)))
    got = valid_identifiers(series, "uscc")
    assert got.dtype == "boolean"
    assert got.index.tolist() == series.index.tolist()
    assert [None if v is pd.NA else bool(v) for v in got.tolist()] == [
        None if v is None else uscc.is_valid(v) for v in values
    ]


@pytest.mark.parametrize("module", [uscc, org_code, resident_id])
def test_valid_identifiers_accepts_modules(module: object) -> None:
    """A module object works as well as its name, on a string-dtype column with repeats."""
    good = module.generate(seed=3)  # type: ignore[attr-defined]
    series = pd.Series([good, good, good[:-1], None], dtype="string")
    assert valid_identifiers(series, module).tolist() == [True, True, False, pd.NA]  # type: ignore[arg-type]


def test_unknown_identifier_is_refused() -> None:
    """An unknown identifier name raises ValueError listing the known ones."""
    with pytest.raises(ValueError, match="uscc"):
        valid_identifiers(pd.Series(["x"]), "passport")


def test_score_frame_equals_compute_metrics() -> None:
    """Scoring a DataFrame equals scoring its rows with the plain API, for every grouping."""
    rows, _ = _data.rows_with_dates(RecordKind.PENALTY, 200)
    metrics = score_frame(pd.DataFrame(rows), as_of=AS_OF)
    for by in ("agency", "month", ("agency", "kind")):
        assert metrics.table(by) == compute_metrics(rows, "penalty", by=by, as_of=AS_OF)


def test_score_frame_named_publication_column() -> None:
    """A publication column under another name is used when named, and a wrong name is refused."""
    frame = pd.DataFrame({"CF_JDRQ": ["2025/03/03"], "上网日期": ["2025/03/04"]})
    table = score_frame(frame, "penalty", published_col="上网日期", as_of=AS_OF).table("month")
    assert table.rows[0].on_time == 1
    with pytest.raises(KeyError, match="发布日期"):
        score_frame(frame, "penalty", published_col="发布日期")


def test_issues_frame_of_a_report() -> None:
    """A batch report becomes a DataFrame with one row per issue, file rows as nullable integers."""
    report = check_file(sample_path("license"), as_of=date(2025, 7, 1))
    frame = issues_frame(report)
    assert len(frame) == report.issue_count
    assert str(frame["row"].dtype) == "Int64"
    assert Counter(frame["code"]) == Counter(report.by_code)


def test_read_records_keeps_file_rows(tmp_path: Path) -> None:
    """read_records indexes rows by their file row number and reads empty cells as missing."""
    path = tmp_path / "x.csv"
    path.write_text("CF_WSH,CF_XDR_MC\nA,甲\n\n,乙\n", encoding="gbk")
    frame = read_records(path)
    assert frame.index.tolist() == [1, 3]
    assert frame["CF_WSH"].isna().tolist() == [False, True]


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, the integration raises MissingOptionalDependency naming the 'pandas' extra."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingOptionalDependency, match=r"credit-disclosure\[pandas\]"):
        read_records(sample_path("penalty"))
