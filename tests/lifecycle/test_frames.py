"""The lifecycle over DataFrames: the same states as the record API, in pandas and in Spark."""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from credit_disclosure.lifecycle import (
    STATUS_COLUMNS,
    Event,
    dataset_status,
    records_from_rows,
)
from credit_disclosure.policy import CHANGZHI_2021

pd = pytest.importorskip("pandas")

pytestmark = pytest.mark.filterwarnings(
    "ignore:PySpark does not yet fully support pandas:FutureWarning"
)

ON = date(2022, 7, 1)
ROWS = [
    {"CF_WSH": f"{n}号", "CF_JDRQ": "2022/03/01", "CF_XDR_LB": lb, "tier": tier,
     "procedure": "普通"}
    for n, (lb, tier) in enumerate(
        [("法人及非法人组织", "一般"), ("自然人", "一般"), ("法人及非法人组织", "严重"),
         ("法人及非法人组织", None), ("个体工商户", "一般")] * 4,
        start=1,
    )
]
EVENTS = [
    Event(key="1号", kind="公示", date=date(2022, 3, 8)),
    Event(key="3号", kind="公示", date=date(2022, 3, 8)),
    Event(key="3号", kind="撤销", date=date(2022, 5, 6)),
    Event(key="5号", kind="公示", date=date(2022, 3, 8)),
    Event(key="5号", kind="异议", date=date(2022, 6, 8)),
]


def _expected() -> list[tuple[str, str, bool]]:
    ds = dataset_status(
        records_from_rows(ROWS, "penalty"), EVENTS, policy=CHANGZHI_2021, on=ON
    )
    return [(str(s.key), s.state.value, s.overdue != ()) for s in ds.statuses]


def test_status_frame_matches_record_api() -> None:
    """status_frame gives each row the state dataset_status gives the same record."""
    df = pd.DataFrame(ROWS)
    from credit_disclosure.pandas import status_frame

    out = status_frame(df, EVENTS, policy=CHANGZHI_2021, on=ON)
    assert list(out.columns) == list(STATUS_COLUMNS)
    assert list(zip(out["key"], out["state"], out["overdue"])) == _expected()
    assert out["row"].tolist() == df.index.tolist()
    actions = json.loads(out.loc[out["key"] == "3号", "actions"].iloc[0])
    assert actions == [{"action": "withdraw", "due": "2022-05-06", "overdue": True}]


def test_status_frame_missing_cells() -> None:
    """NaN cells are empty values; a row without a tier is undetermined, not lost."""
    df = pd.DataFrame(ROWS[:4])
    from credit_disclosure.pandas import status_frame

    out = status_frame(df, EVENTS, policy=CHANGZHI_2021, on=ON)
    assert out["state"].tolist()[3] == "undetermined"
    assert len(out) == 4


def test_status_frame_needs_a_kind() -> None:
    """Columns that name no kind raise ValueError (say the kind)."""
    from credit_disclosure.pandas import status_frame

    with pytest.raises(ValueError, match="licences or penalties"):
        status_frame(pd.DataFrame({"x": [1]}), (), policy=CHANGZHI_2021, on=ON)


def _java() -> bool:
    home = os.environ.get("JAVA_HOME")
    return shutil.which("java") is not None or bool(home and Path(home, "bin", "java").exists())


@pytest.mark.spark
def test_status_spark_matches_record_api() -> None:
    """status_spark (mapInPandas) gives the same states as the record API."""
    pytest.importorskip("pyspark")
    pytest.importorskip("pyarrow")
    if not _java():
        pytest.skip("no Java runtime for Spark")
    from credit_disclosure.spark import local_session, status_spark

    spark = local_session(2)
    try:
        frame = spark.createDataFrame(
            pd.DataFrame([{"id": n, **r} for n, r in enumerate(ROWS)]).astype(str)
        ).repartition(1)
        out = status_spark(frame, EVENTS, policy=CHANGZHI_2021, on=ON, row_col="id")
        got = sorted((r["row"], r["key"], r["state"], r["overdue"]) for r in out.collect())
    finally:
        spark.stop()
    expected = [(n, *t) for n, t in enumerate(_expected())]
    # astype(str) writes a missing tier as "None": the state is undetermined either way
    assert [g[1:] for g in got] == [e[1:] for e in expected]
