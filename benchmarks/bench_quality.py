"""Quality checks at scale: pandas against the record API, Spark local[2] against one process.

Issue 8 sets no speed target; it asks for the figures. On 1,000,000 generated penalty
records (``credit_disclosure.samples``, 1 % with a planted fault, a publication date
0-15 days after each decision), in one process:

- ``validate_frame`` on a DataFrame against a loop of ``check_row`` over the same rows
  as dictionaries (the plain record API): what the DataFrame plumbing costs or saves;
- ``valid_identifiers`` on the agency credit-code column (the same few codes on every
  row) against ``uscc.is_valid`` called on every value;
- the check of the penalty CSV **on the file** in Spark local mode with 2 cores
  (``spark.read.csv`` + ``validate_spark`` + the metrics aggregation, every round reading
  the file afresh: nothing in memory, cached or repartitioned beforehand) against one
  streaming process checking the same file (``check_file``, the same
  ``benchmarks/_data`` file as ``bench_check``). The JVM's start and the first job (the
  untimed warm-up) are reported on a line of their own in the notes, not folded into the
  rate and not hidden. Spark runs in full mode only: its start-up alone takes longer than
  the whole quick run; without pyspark or Java the case is left out and the note says so.

Quick mode uses 3,000 records.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
import warnings
from datetime import date
from typing import Any

from benchmarks._harness import Case
from credit_disclosure.identifiers import uscc
from credit_disclosure.pandas import valid_identifiers, validate_frame
from credit_disclosure.samples import FAULTS, generate_records
from credit_disclosure.standard import RecordKind, check_row

AS_OF = date(2026, 1, 1)
PUBLISHED = "公示日期"


class _Data:
    """The generated records, made on first use (the untimed warm-up call)."""

    def __init__(self, n: int) -> None:
        self.n = n
        self._rows: list[dict[str, object]] | None = None
        self._frame: Any = None
        self.made_in = 0.0

    def _make(self) -> None:
        import numpy as np
        import pandas as pd

        started = time.perf_counter()
        names = [name for name, f in FAULTS.items() if RecordKind.PENALTY in f.kinds]
        per_fault = max(1, self.n // 100 // len(names))
        records = generate_records(
            RecordKind.PENALTY, self.n, seed=8_000, faults=dict.fromkeys(names, per_fault)
        )
        frame = pd.DataFrame([r.values for r in records])
        decided = pd.to_datetime(frame["CF_JDRQ"], format="%Y/%m/%d", errors="coerce")
        delay = pd.to_timedelta(np.random.default_rng(8).integers(0, 16, len(frame)), unit="D")
        frame[PUBLISHED] = (decided + delay).dt.strftime("%Y/%m/%d")
        frame = frame.replace("", None)
        self._frame = frame
        self._rows = [
            {k: v for k, v in row.items() if k != PUBLISHED} for row in frame.to_dict("records")
        ]
        self.made_in = time.perf_counter() - started

    @property
    def frame(self) -> Any:
        if self._frame is None:
            self._make()
        return self._frame

    @property
    def rows(self) -> list[dict[str, object]]:
        if self._rows is None:
            self._make()
        assert self._rows is not None
        return self._rows


def _spark_missing() -> str | None:
    try:
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as exc:
        return f"pyspark/pyarrow not installed ({exc.name})"
    home = os.environ.get("JAVA_HOME")
    if shutil.which("java") is None and not (
        home and os.path.exists(os.path.join(home, "bin", "java"))
    ):
        return "no Java runtime"
    return None


class _SparkCase:
    """Spark local[2] checking the CSV file; the session starts in the untimed warm-up."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.path: Any = None
        self.spark: Any = None
        self.startup = 0.0
        self.first_job = 0.0

    def _run(self) -> None:
        from credit_disclosure.spark import validate_spark

        df = self.spark.read.csv(str(self.path), header=True, encoding="utf-8")
        # the file starts with a UTF-8 BOM, which Spark keeps in the first header
        df = df.toDF(*[c.lstrip("\ufeff") for c in df.columns])
        result = validate_spark(df, "penalty", as_of=AS_OF)
        result.quality_metrics()
        result.unpersist()

    def ours(self) -> None:
        if self.spark is None:
            from benchmarks.bench_check import penalty_file
            from credit_disclosure.spark import local_session

            self.path = penalty_file(self.n)
            warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas")
            started = time.perf_counter()
            self.spark = local_session(2, driver_memory="4g")
            self.spark.sparkContext.setLogLevel("ERROR")
            self.startup = time.perf_counter() - started
            started = time.perf_counter()
            self._run()
            self.first_job = time.perf_counter() - started
            return
        self._run()

    def peer(self) -> None:
        from credit_disclosure.io import check_file

        if self.path is None:
            from benchmarks.bench_check import penalty_file

            self.path = penalty_file(self.n)
        check_file(self.path, as_of=AS_OF).close()

    def note(self) -> str:
        return (
            f"start-up, not in the rate: JVM start {self.startup:.1f}s, first job "
            f"(the whole file, untimed warm-up) {self.first_job:.1f}s; every timed round "
            "reads the CSV file afresh (no cache, no repartition); the peer streams the same "
            "file in one process; the machine has 2 cores shared with other work, so the "
            "ratio is at most ~2"
        )


class _Note:
    def __init__(self, make: Any) -> None:
        self.make = make

    def __str__(self) -> str:
        return str(self.make())

    def __format__(self, spec: str) -> str:
        return str(self)

    def __bool__(self) -> bool:
        return True


def cases(quick: bool) -> list[Case]:
    n = 3_000 if quick else 1_000_000
    data = _Data(n)

    def frame_ours() -> None:
        validate_frame(data.frame, "penalty", as_of=AS_OF)

    def frame_peer() -> None:
        for row in data.rows:
            check_row(row, RecordKind.PENALTY, as_of=AS_OF)

    def ids_ours() -> None:
        valid_identifiers(data.frame["CF_CFJGDM"], "uscc")

    def ids_peer() -> None:
        is_valid = uscc.is_valid
        for value in data.frame["CF_CFJGDM"].tolist():
            is_valid(value)

    out = [
        Case(
            name="quality: validate_frame (pandas) vs check_row loop",
            items=n,
            ours=frame_ours,
            peer_name="check_row over dicts",
            peer=frame_peer,
            note=_Note(lambda: f"{n:,} penalty records, generated in {data.made_in:.0f}s"),  # type: ignore[arg-type]
        ),
        Case(
            name="quality: valid_identifiers (agency codes) vs is_valid loop",
            items=n,
            ours=ids_ours,
            peer_name="uscc.is_valid per value",
            peer=ids_peer,
        ),
    ]
    if quick:
        return out
    missing = _spark_missing()
    if missing is not None:
        print(f"bench_quality: Spark case left out: {missing}", file=sys.stderr)
        return out
    spark = _SparkCase(n)
    out.append(
        Case(
            name="quality: Spark local[2] check of the CSV file vs one process",
            items=n,
            ours=spark.ours,
            peer_name="check_file, one streaming process",
            peer=spark.peer,
            note=_Note(spark.note),  # type: ignore[arg-type]
            rounds=3,  # a round is two passes over 1,000,000 rows
        )
    )
    return out
