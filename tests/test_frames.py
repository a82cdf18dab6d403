"""Any dataframe: pandas, Polars and PyArrow inputs give the same issues as the row checker."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from credit_disclosure.io import check_rows, open_table
from credit_disclosure.samples import sample_path
from credit_disclosure.standard import RecordKind

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")
pa = pytest.importorskip("pyarrow")
pytest.importorskip("narwhals")

from credit_disclosure.frames import ISSUE_FRAME_COLUMNS, check_frame  # noqa: E402
from credit_disclosure.pandas import validate_frame  # noqa: E402

AS_OF = date(2025, 7, 1)


def _rows(kind: RecordKind) -> list[dict[str, Any]]:
    with open_table(sample_path(kind)) as reader:
        return [dict(raw.values) for raw in reader if raw.usable]


def _triples(frame: Any) -> list[tuple[int, str | None, str]]:
    native = pl.from_pandas(frame) if isinstance(frame, pd.DataFrame) else pl.DataFrame(frame)
    return sorted(
        (int(r), f or "", c) for r, f, c in native.select("row", "field", "code").rows()
    )


@pytest.mark.parametrize("kind", list(RecordKind))
def test_pandas_polars_arrow_agree_with_check_rows(kind: RecordKind) -> None:
    """The three libraries in, each its own library out, the same issues as check_rows."""
    rows = _rows(kind)
    report = check_rows(rows, kind, as_of=AS_OF)
    expected = sorted((i.row - 1, i.field or "", i.code) for i in report if i.row is not None)
    assert expected
    inputs = {
        "pandas": pd.DataFrame(rows),
        "polars": pl.DataFrame(rows),
        "pyarrow": pa.Table.from_pylist(rows),
    }
    for library, frame in inputs.items():
        issues = check_frame(frame, as_of=AS_OF)
        assert type(issues).__module__.split(".")[0] == library
        assert list(issues.columns if library != "pyarrow" else issues.column_names) == list(
            ISSUE_FRAME_COLUMNS
        )
        assert _triples(issues) == expected, library
    assert _triples(validate_frame(inputs["pandas"], kind, as_of=AS_OF)) == expected


def test_clean_frame_gives_an_empty_frame_of_its_library() -> None:
    """No issue: an empty frame with the documented columns, still of the caller's library."""
    issues = check_frame(pl.DataFrame({"CF_WSH": ["x"]}).head(0), "penalty", as_of=AS_OF)
    assert isinstance(issues, pl.DataFrame) and issues.height == 0
    assert issues.columns == list(ISSUE_FRAME_COLUMNS)


def test_missing_cells_of_every_library_are_empty() -> None:
    """A key missing from a row is NaN in pandas and None elsewhere: the same issues either way."""
    rows = [{"CF_XDR_MC": "甲公司", "CF_XDR_SHXYM": "91512081MA62K0260E"}, {"CF_XDR_MC": "张三"}]
    results = [
        _triples(check_frame(f, "penalty", as_of=AS_OF))
        for f in (pd.DataFrame(rows), pl.DataFrame(rows), pa.Table.from_pylist(rows))
    ]
    assert results[0] == results[1] == results[2]


def test_kind_must_be_known() -> None:
    """Columns that name no kind raise file.kind."""
    from credit_disclosure.errors import ValidationError

    with pytest.raises(ValidationError, match=r"file\.kind"):
        check_frame(pl.DataFrame({"备注": ["x"]}))


def test_pandas_accessor() -> None:
    """df.credit.check() is validate_frame; df.credit.metrics() is score_frame."""
    import credit_disclosure.pandas  # noqa: F401  (registers the accessor)

    df = pd.DataFrame(_rows(RecordKind.PENALTY))
    assert df.credit.check(as_of=AS_OF).equals(validate_frame(df, as_of=AS_OF))
    metrics = df.credit.metrics(as_of=AS_OF)
    assert metrics.table("kind").to_pandas()["records"].sum() == len(df)
