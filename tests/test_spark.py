"""Spark integration: the same verdicts as the record API, issues and metrics aggregated by Spark.

All Spark tests share one local[2] session (UI off, 2 shuffle partitions) and one
validation pass per kind of data; they skip when pyspark or a Java runtime is missing.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from credit_disclosure.errors import MissingOptionalDependency
from credit_disclosure.quality import compute_metrics
from credit_disclosure.standard import RecordKind, check_row, fields

_spec = importlib.util.spec_from_file_location(
    "_data", Path(__file__).parent / "quality" / "_data.py"
)
assert _spec is not None and _spec.loader is not None
_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_data)
AS_OF: date = _data.AS_OF
PUBLISHED: str = _data.PUBLISHED


pytestmark = pytest.mark.filterwarnings(
    "ignore:PySpark does not yet fully support pandas:FutureWarning"
)


def _java() -> bool:
    home = os.environ.get("JAVA_HOME")
    return shutil.which("java") is not None or bool(home and Path(home, "bin", "java").exists())


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark")
    pytest.importorskip("pyarrow")
    if not _java():
        pytest.skip("no Java runtime for Spark")
    from credit_disclosure.spark import local_session

    session = local_session(2)
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def penalty_rows() -> list[dict[str, object]]:
    rows, _ = _data.rows_with_dates(RecordKind.PENALTY, 600)
    return [{"id": n, **row} for n, row in enumerate(rows)]


@pytest.fixture(scope="module")
def penalty_result(spark: Any, penalty_rows: list[dict[str, object]]) -> Iterator[Any]:
    import pandas as pd

    from credit_disclosure.spark import validate_spark

    frame = spark.createDataFrame(pd.DataFrame(penalty_rows).astype(str)).repartition(3)
    result = validate_spark(frame, id_col="id", as_of=AS_OF)
    yield result
    result.unpersist()


def _rows_without_id(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    return [{k: v for k, v in r.items() if k != "id"} for r in rows]


@pytest.mark.spark
@pytest.mark.parametrize("by", ["agency", "month", ("agency", "month", "kind")])
def test_spark_metrics_equal_the_plain_api(
    penalty_result: Any, penalty_rows: list[dict[str, object]], by: Any
) -> None:
    """The table Spark aggregates equals compute_metrics on the same rows, 2027 records included."""
    expected = compute_metrics(_rows_without_id(penalty_rows), "penalty", by=by, as_of=AS_OF)
    got = penalty_result.table(by)
    assert got == expected
    assert "awaiting_notice:2027" in dict(got.total.unknown_reasons)


@pytest.mark.spark
@pytest.mark.parametrize("by", ["agency", "month", ("agency", "month", "kind")])
def test_spark_partition_metrics_equal_the_plain_api(
    spark: Any, penalty_rows: list[dict[str, object]], by: Any
) -> None:
    """Uncached, each partition is scored in its worker; the merged counts are compute_metrics'.

    Every planted fault of the penalty kind is among the rows, so issues_by_code is compared
    too; a column naming no field and a repeated field are header problems counted once.
    """
    import pandas as pd

    from credit_disclosure.spark import validate_spark

    frame = pd.DataFrame(penalty_rows).astype(str)
    frame["备注列"] = "x"
    frame["处罚机关"] = frame["CF_CFJG"]  # the Chinese name of a field already present
    result = validate_spark(
        spark.createDataFrame(frame).repartition(3), id_col="id", as_of=AS_OF, cache=False
    )
    plain_rows = [{**r, "备注列": "x", "处罚机关": r["CF_CFJG"]} for r in _rows_without_id(penalty_rows)]
    expected = compute_metrics(plain_rows, "penalty", by=by, as_of=AS_OF)
    got = result.table(by)
    assert got == expected
    assert {"header.unknown", "header.duplicate"} <= set(got.issues_by_code)
    assert "awaiting_notice:2027" in dict(got.total.unknown_reasons)


@pytest.mark.spark
def test_spark_issues_equal_check_row(
    penalty_result: Any, penalty_rows: list[dict[str, object]]
) -> None:
    """Every issue Spark reports is check_row's issue of that row, and no other."""
    codes = {f.code for f in fields(RecordKind.PENALTY)}
    expected = Counter(
        (row["id"], i.code, i.field, i.severity.value)
        for row in penalty_rows
        for i in check_row(
            {k: v for k, v in row.items() if k in codes}, RecordKind.PENALTY, as_of=AS_OF
        ).issues
    )
    got = Counter(
        (r["row_id"], r["code"], r["field"], r["severity"]) for r in penalty_result.issues.collect()
    )
    assert got == expected
    assert sum(expected.values()) > 0


@pytest.mark.spark
def test_spark_metrics_frame(penalty_result: Any, penalty_rows: list[dict[str, object]]) -> None:
    """The Spark metrics DataFrame has one row per month with the plain table's counts and rates."""
    plain = compute_metrics(_rows_without_id(penalty_rows), "penalty", by="month", as_of=AS_OF)
    rows = penalty_result.metrics("month").collect()
    assert [r["month"] for r in rows] == [r.group[0] for r in plain]
    for got, want in zip(rows, plain):
        assert (got["records"], got["complete"], got["on_time"], got["late"]) == (
            want.records,
            want.complete,
            want.on_time,
            want.late,
        )
        assert (
            got["timeliness"] == pytest.approx(want.timeliness)
            if want.timeliness is not None
            else got["timeliness"] is None
        )


@pytest.mark.spark
def test_spark_chinese_headers_and_generated_ids(spark: Any) -> None:
    """Columns named in Chinese work, and rows get unique ids when no id column is given."""
    import pandas as pd

    from credit_disclosure.spark import validate_spark

    rows, _ = _data.rows_with_dates(RecordKind.LICENSE, 60)
    specs = {f.code: f.name_zh for f in fields(RecordKind.LICENSE)}
    frame = pd.DataFrame(rows).rename(columns=lambda c: specs.get(c, c)).astype(str)
    result = validate_spark(spark.createDataFrame(frame), as_of=AS_OF, cache=False)
    assert result.kind is RecordKind.LICENSE
    records = result.records.collect()
    assert len(records) == 60 and len({r["row_id"] for r in records}) == 60
    assert result.table("kind") == compute_metrics(rows, "license", by="kind", as_of=AS_OF)


def test_partition_function_runs_without_spark() -> None:
    """The function mapInArrow runs emits one outcome row per record and one per issue."""
    import pandas as pd
    import pyarrow as pa

    from credit_disclosure.quality._frames import FramePlan
    from credit_disclosure.quality._spark import _check_partition
    from credit_disclosure.spark import OUTCOME_SCHEMA

    batch = pd.DataFrame(
        {
            "id": [7, 8],
            "CF_CFJG": ["甲局", None],
            "CF_JDRQ": ["2025/03/03", "x"],
            PUBLISHED: ["2025/03/04", None],
        }
    )
    plan = FramePlan.build(list(batch.columns), "penalty", as_of=date(2025, 6, 1))
    arrow = pa.RecordBatch.from_pandas(batch, preserve_index=False)
    out = pd.concat(b.to_pandas() for b in _check_partition(plan, "id")(iter([arrow])))
    assert list(out.columns) == [c.split(" ")[0] for c in OUTCOME_SCHEMA.split(", ")]
    records = out[~out["is_issue"]]
    assert records[["row_id", "timeliness"]].values.tolist() == [[7, "on_time"], [8, "unknown"]]
    assert records["agency"].iloc[0] == "甲局" and pd.isna(records["agency"].iloc[1])
    issues = out[out["is_issue"]]
    assert ("date.invalid", 8) in set(zip(issues["code"], issues["row_id"]))


def test_missing_pyspark_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pyspark, the integration raises MissingOptionalDependency naming the 'spark' extra."""
    from credit_disclosure.spark import local_session

    monkeypatch.setitem(sys.modules, "pyspark", None)
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    with pytest.raises(MissingOptionalDependency, match=r"credit-disclosure\[spark\]"):
        local_session()
