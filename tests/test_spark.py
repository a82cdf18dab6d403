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
from hypothesis import given
from hypothesis import strategies as st

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


def _spark_splits(total: int, split: int, cores: int) -> list[int]:
    """The input splits Spark cuts one file of ``total`` bytes into (FilePartition.maxSplitBytes).

    Spark's split is ``min(maxPartitionBytes, max(openCost, (total + openCost) / cores))``
    (openCost 4 MiB); the file is cut at multiples of it, the last split the rest.
    """
    open_cost = 4 * 1024 * 1024
    size = min(split, max(open_cost, (total + open_cost) // cores))
    return [min(size, total - offset) for offset in range(0, total, size)]


@pytest.mark.parametrize(
    ("total", "cores", "splits"),
    [
        (53_222_241, 2, 2),  # the 100,000-row benchmark file: two halves, not 28.7 + 24.5 MB
        (533_029_015, 2, 4),  # the 1,000,000-row file: four quarters under 128 MiB
        (533_029_015, 1, 4),
        (300_000, 2, 2),
        (10 * 2**30, 8, 80),  # 10 GiB on 8 cores: 10 rounds of 8 equal splits
        (2**27, 1, 1),  # exactly 128 MiB
        (2**27 + 1, 1, 2),
    ],
)
def test_split_size_cuts_equal_splits_a_multiple_of_the_cores(
    total: int, cores: int, splits: int
) -> None:
    """Spark cuts the file into ``splits`` splits of one size (the last within a byte each)."""
    from credit_disclosure.spark import split_size

    size = split_size(total, cores)
    got = _spark_splits(total, size, cores)
    assert len(got) == splits and len(got) % cores == 0
    assert max(got) - min(got) <= len(got) and max(got) <= 128 * 1024 * 1024
    assert sum(got) == total


@given(
    total=st.integers(10_000, 10**13),
    cores=st.integers(1, 64),
    max_bytes=st.sampled_from([2**26, 2**27, 2**30]),
)
def test_split_size_property(total: int, cores: int, max_bytes: int) -> None:
    """The fewest rounds of equal splits, each at most ``max_bytes``, a multiple of the cores.

    (Exact when the file holds at least as many bytes as the square of the number of splits,
    as any file worth splitting does: here up to 10 TB in splits of 64 MiB or more.)
    """
    from credit_disclosure.spark import split_size

    size = split_size(total, cores, max_bytes=max_bytes)
    pieces = -(-total // size)
    rounds = -(-total // (cores * max_bytes))
    assert size <= max_bytes
    assert pieces == cores * rounds
    assert total - (pieces - 1) * size >= size - pieces  # the last split is as big, within a byte each


@pytest.mark.parametrize(
    ("args", "field"),
    [((100, 0), "cores"), ((-1, 2), "total_bytes"), ((1.5, 2), "total_bytes"), ((100, "2"), "cores")],
)
def test_split_size_refuses_junk(args: tuple[Any, Any], field: str) -> None:
    from credit_disclosure.errors import ArgumentError
    from credit_disclosure.spark import split_size

    with pytest.raises(ArgumentError, match=r"spark\.split") as info:
        split_size(*args)
    assert info.value.field == field


def _write_export(path: Path, rows: list[dict[str, object]]) -> None:
    """A CSV as a clerk's Excel saves it: a BOM, every cell quoted when it needs it."""
    import csv

    names = list(rows[0])
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(names)
        writer.writerows([[r.get(n, "") for n in names] for r in rows])


@pytest.mark.spark
@pytest.mark.parametrize("cache", [False, True])
def test_read_csv_scores_equal_score_file(spark: Any, tmp_path: Path, cache: bool) -> None:
    """read_csv + validate_spark score a CSV file as score_file scores it, on equal splits.

    The file has a BOM, every planted fault, quotes and commas inside cells; Spark reads
    it in two splits (local[2]) whose rows differ by a few at most.
    """
    from credit_disclosure.quality import score_file
    from credit_disclosure.spark import DAMAGE_COLUMN, read_csv, validate_spark

    rows, _ = _data.rows_with_dates(RecordKind.PENALTY, 600)
    rows[3]["CF_CFNR"] = '责令改正，罚款"五千"元'
    rows[4]["CF_WSH"] = 'x,"y'
    path = tmp_path / "导出.csv"
    _write_export(path, rows)
    df = read_csv(spark, path)
    assert df.columns == [*rows[0], DAMAGE_COLUMN] and {t for _, t in df.dtypes} == {"string"}
    sizes = df.rdd.glom().map(len).collect()
    assert len(sizes) == 2 and abs(sizes[0] - sizes[1]) <= 5 and sum(sizes) == 600
    result = validate_spark(df, as_of=AS_OF, cache=cache)
    expected = score_file(path, as_of=AS_OF)
    for by in ("agency", ("agency", "month", "kind")):
        assert result.table(by) == expected.table(by)
    if cache:
        result.unpersist()


@pytest.mark.spark
def test_read_csv_without_balance_keeps_spark_splits(spark: Any, tmp_path: Path) -> None:
    """balance=False leaves the session's split size alone; the names still lose the BOM."""
    from credit_disclosure.spark import read_csv

    rows, _ = _data.rows_with_dates(RecordKind.LICENSE, 50)
    path = tmp_path / "license.csv"
    _write_export(path, rows)
    spark.conf.unset("spark.sql.files.maxPartitionBytes")
    df = read_csv(spark, str(path), balance=False)
    assert df.columns[0] == "XK_XDR_MC" or not df.columns[0].startswith("\ufeff")
    assert spark.conf.get("spark.sql.files.maxPartitionBytes") in ("134217728b", "134217728")
    assert df.count() == 50


@pytest.mark.spark
@pytest.mark.parametrize("cache", [False, True])
def test_read_csv_counts_damaged_lines_as_score_file(
    spark: Any, tmp_path: Path, cache: bool
) -> None:
    """Lines with too few or too many cells are unreadable row.columns rows, as in score_file.

    Extra cells that are all empty are tolerated and a line of empty cells is skipped, as
    there; Spark alone would fill a short line with empty cells and check it.
    """
    from credit_disclosure.quality import score_file
    from credit_disclosure.spark import read_csv, validate_spark

    rows, _ = _data.rows_with_dates(RecordKind.PENALTY, 120)
    path = tmp_path / "damaged.csv"
    _write_export(path, rows)
    names = list(rows[0])
    line = [str(rows[0].get(n, "")) for n in names]
    damaged = [
        line[:-3],  # three cells missing
        [*line, "extra", ""],  # a cell too many, not empty
        [*line, "", " "],  # empty extra cells: tolerated
        ["", ""],  # a line of empty cells: skipped
        line[:2],
    ]
    with open(path, "a", encoding="utf-8", newline="") as f:
        import csv

        csv.writer(f).writerows(damaged)
    result = validate_spark(read_csv(spark, path), as_of=AS_OF, cache=cache)
    expected = score_file(path, as_of=AS_OF)
    got = result.table("kind")
    assert got.issues_by_code["row.columns"] == 3
    assert dict(got.total.unknown_reasons)["unreadable"] == 3
    for by in ("kind", "agency", ("agency", "month", "kind")):
        assert result.table(by) == expected.table(by)
    if cache:
        found = result.issues.where("code = 'row.columns'").collect()
        messages = sorted(r["message_en"] for r in found)
        width = len(names)
        assert messages == sorted(
            f"the row has {n} cells but the header has {width}" for n in (width - 3, width + 2, 2)
        )
        result.unpersist()


@pytest.mark.spark
def test_read_csv_sample_scores_equal_score_file_but_encoding(spark: Any) -> None:
    """On the bundled sample only the line with bytes that are not UTF-8 differs from score_file.

    Its short line is unreadable in both; the other is checked with U+FFFD in place of its
    bad bytes, without score_file's row.encoding error (the documented limitation).
    """
    from credit_disclosure.quality import score_file
    from credit_disclosure.samples import sample_path
    from credit_disclosure.spark import read_csv, validate_spark

    as_of = date(2025, 7, 1)
    got = validate_spark(read_csv(spark, sample_path("penalty")), as_of=as_of, cache=False)
    scores = got.table("kind").total
    alone = score_file(sample_path("penalty"), as_of=as_of).table("kind")
    assert scores.records == alone.total.records
    assert scores.unknown_reasons == alone.total.unknown_reasons
    assert (scores.complete, scores.accurate, scores.with_errors) == (
        alone.total.complete,
        alone.total.accurate + 1,
        alone.total.with_errors - 1,
    )
    codes = dict(got.table("kind").issues_by_code)
    assert {**codes, "row.encoding": 1} == dict(alone.issues_by_code)


@pytest.mark.spark
def test_read_csv_of_a_gbk_file_read_as_utf8_is_a_coded_error(spark: Any) -> None:
    """The bundled licence sample is GB18030: read as UTF-8, its header gives file.encoding
    (it was a bare UnicodeDecodeError); read with its encoding, its columns are the header's."""
    from credit_disclosure.errors import InvalidFormat
    from credit_disclosure.samples import sample_path
    from credit_disclosure.spark import read_csv

    path = sample_path(RecordKind.LICENSE)
    with pytest.raises(InvalidFormat) as caught:
        read_csv(spark, path)
    assert caught.value.code == "file.encoding"
    assert "gb18030" in str(caught.value) and path.name in str(caught.value)
    df = read_csv(spark, path, encoding="gb18030")
    assert df.columns[0] == "行政相对人名称"
