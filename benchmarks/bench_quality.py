"""Quality checks at scale: pandas against the record API, Spark local[2] against one process.

Issue 8 sets no speed target; it asks for the figures. On 1,000,000 generated penalty
records (``credit_disclosure.samples``, 1 % with a planted fault, a publication date
0-15 days after each decision), in one process:

- ``validate_frame`` on a DataFrame against a loop of ``check_row`` over the same rows
  as dictionaries (the plain record API): what the DataFrame plumbing costs or saves;
- ``valid_identifiers`` on the agency credit-code column (the same few codes on every
  row) against ``uscc.is_valid`` called on every value;
- the scores of the penalty CSV **on the file** in Spark local mode with 2 cores against
  1 core (issue 18: at least 1.8x). Every round reads the file afresh (the library's
  ``read_csv``: ``spark.read.csv`` with text columns and equal input splits, a multiple of
  the cores; nothing in memory, cached or repartitioned) and computes the scores
  (``validate_spark(cache=False).quality_metrics()``) from the same ``benchmarks/_data``
  file as ``bench_check``. Spark allows one context per process, so each side is a child
  process holding its session (``benchmarks/_spark_child.py``), started in the untimed
  warm-up; the JVM's start and the first job are reported in the notes, not folded into
  the rate. ``local[1]`` is measured twice: with its process tree pinned to one CPU (a
  one-core run, as ``bench_check``'s one-core process; the target line), and unpinned,
  where its JVM parses the CSV on the second CPU while the Python worker checks (the notes
  give both sides' CPU seconds, which explain that ratio). ``SPARK_BENCH_ROWS`` sets the
  file's size (default 1,000,000). Spark runs in full mode only: its start-up alone takes
  longer than the whole quick run; without pyspark or Java the case is left out and the
  note says so.

- the pandas path against ``check_file`` on the same records (issue 18: at least as
  fast): ``read_records`` + ``score_frame`` of the penalty CSV, and ``validate_frame`` of
  the frame already in memory, each against ``check_file`` of the file (100,000 rows).

Quick mode uses 3,000 records (5,000 for the file cases).
"""

from __future__ import annotations

import atexit
import os
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

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


class _SparkChild:
    """One side of the Spark comparison: a child process holding a session (``_spark_child``)."""

    def __init__(self, cores: int, path: Any, *, pin: bool) -> None:
        self.cores, self.pin = cores, pin
        args = [sys.executable, "-m", "benchmarks._spark_child", str(cores), str(path)]
        self.proc = subprocess.Popen(
            [*args, "--pin"] if pin else args,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            cwd=Path(__file__).parent.parent,
        )
        atexit.register(self.close)
        ready = self._line("ready")
        self.startup, self.first_job = float(ready[0]), float(ready[1])
        #: the input splits (tasks) of each run, as read_csv cuts the file for this many cores
        self.splits = int(ready[2])
        #: (JVM CPU s, Python workers' CPU s) of each timed run
        self.cpu: list[tuple[float, float]] = []

    def _line(self, word: str) -> list[str]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().split()
        if not line or line[0] != word:
            raise RuntimeError(f"the Spark child (local[{self.cores}]) stopped: {line}")
        return line[1:]

    def run(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("run\n")
        self.proc.stdin.flush()
        done = self._line("done")
        self.cpu.append((float(done[2]), float(done[3])))

    def close(self) -> None:
        if self.proc.poll() is None and self.proc.stdin is not None:
            self.proc.stdin.close()
            self.proc.wait()

    def describe(self) -> str:
        jvm = statistics.median(c[0] for c in self.cpu) if self.cpu else 0.0
        python = statistics.median(c[1] for c in self.cpu) if self.cpu else 0.0
        return (
            f"local[{self.cores}]{' pinned to one CPU' if self.pin else ''}: JVM start "
            f"{self.startup:.1f}s, first job {self.first_job:.1f}s (untimed); {self.splits} "
            f"input splits; CPU per run: "
            f"JVM {jvm:.1f}s, Python workers {python:.1f}s"
        )


class _SparkCase:
    """Spark checking the CSV file with ``cores`` cores against ``local[1]``, each in its own child.

    The sessions start in the untimed warm-up call of each side: JVM start and the first
    job are reported in the note, not folded into the rates.
    """

    #: the children by (cores, pinned), shared by the cases (the local[2] side is the same)
    children: ClassVar[dict[tuple[int, bool], _SparkChild]] = {}

    def __init__(self, n: int, *, pin_one: bool) -> None:
        self.n, self.pin_one = n, pin_one

    def _child(self, cores: int, pin: bool) -> tuple[_SparkChild, bool]:
        """The child for this side, and whether it was started just now (its warm-up)."""
        child = self.children.get((cores, pin))
        if child is not None:
            return child, False
        from benchmarks.bench_check import penalty_file

        child = self.children[cores, pin] = _SparkChild(cores, penalty_file(self.n), pin=pin)
        return child, True

    @property
    def two(self) -> _SparkChild | None:
        return self.children.get((2, False))

    @property
    def one(self) -> _SparkChild | None:
        return self.children.get((1, self.pin_one))

    def ours(self) -> None:
        child, started = self._child(2, False)
        if not started:
            child.run()

    def peer(self) -> None:
        child, started = self._child(1, self.pin_one)
        if not started:
            child.run()

    def note(self) -> str:
        sides = [s.describe() for s in (self.two, self.one) if s is not None]
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        return (
            "; ".join(sides) + f"; every timed round reads the CSV file afresh "
            "(read_csv: spark.read.csv, text columns, equal input splits; no cache, no "
            "repartition) and computes the scores "
            "(validate_spark(cache=False).quality_metrics(): each partition scored in its "
            f"Python worker); load average at the end {load:.1f} on {os.cpu_count()} CPUs"
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


def _pandas_vs_check_file(n: int) -> list[Case]:
    """The pandas path on the penalty CSV of ``bench_check`` against ``check_file`` of it.

    Issue 18: the pandas path at least as fast as ``check_file`` on the same records. Ours
    reads the file into a DataFrame (``read_records``) and scores it (``score_frame``), or
    checks a frame already in memory (``validate_frame``: the issues of every row); the
    peer checks the file (``check_file``, the columnar fast path when pyarrow is there).
    """
    state: dict[str, Any] = {}

    def path() -> Any:
        if "path" not in state:
            from benchmarks.bench_check import penalty_file

            state["path"] = penalty_file(n)
        return state["path"]

    def frame() -> Any:
        if "frame" not in state:
            from credit_disclosure.pandas import read_records

            state["frame"] = read_records(path())
        return state["frame"]

    def read_and_score() -> None:
        from credit_disclosure.pandas import read_records, score_frame

        score_frame(read_records(path()), "penalty", as_of=AS_OF)

    def validate() -> None:
        validate_frame(frame(), "penalty", as_of=AS_OF)

    def check() -> None:
        from credit_disclosure.io import check_file

        check_file(path(), as_of=AS_OF).close()

    note = f"{n:,}-row penalty CSV of bench_check (1 % faulty); the peer streams the file"
    return [
        Case(
            name="quality: read_records + score_frame vs check_file, same CSV",
            items=n,
            ours=read_and_score,
            peer_name="check_file",
            peer=check,
            target=1.0,
            note=note,
            rounds=3,
        ),
        Case(
            name="quality: validate_frame (frame in memory) vs check_file, same records",
            items=n,
            ours=validate,
            peer_name="check_file",
            peer=check,
            target=1.0,
            note=note + "; the frame is read once, untimed (the warm-up)",
            rounds=3,
        ),
    ]


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
    out += _pandas_vs_check_file(5_000 if quick else 100_000)
    if quick:
        return out
    missing = _spark_missing()
    if missing is not None:
        print(f"bench_quality: Spark case left out: {missing}", file=sys.stderr)
        return out
    rows = int(os.environ.get("SPARK_BENCH_ROWS", n))
    pinned = _SparkCase(rows, pin_one=True)
    unpinned = _SparkCase(rows, pin_one=False)
    out += [
        Case(
            name="quality: Spark local[2] vs local[1] on one CPU, scores of the CSV file",
            items=rows,
            ours=pinned.ours,
            peer_name="local[1], process tree pinned to one CPU",
            peer=pinned.peer,
            target=1.8,
            note=_Note(pinned.note),  # type: ignore[arg-type]
            rounds=3,  # a round is two passes over the file
        ),
        Case(
            name="quality: Spark local[2] vs local[1] unpinned, scores of the CSV file",
            items=rows,
            ours=unpinned.ours,
            peer_name="local[1], JVM free to use the 2nd CPU",
            peer=unpinned.peer,
            note=_Note(unpinned.note),  # type: ignore[arg-type]
            rounds=3,
        ),
    ]
    return out
