"""The Spark benchmark's child reads the CSV file afresh each round, on equal splits, and counts it."""

from __future__ import annotations

import csv
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from credit_disclosure.samples import generate_records
from credit_disclosure.standard import RecordKind, fields

ROOT = Path(__file__).parent.parent.parent


def _ready() -> bool:
    if importlib.util.find_spec("pyspark") is None or importlib.util.find_spec("pyarrow") is None:
        return False
    home = os.environ.get("JAVA_HOME")
    return shutil.which("java") is not None or bool(home and Path(home, "bin", "java").exists())


@pytest.mark.spark
@pytest.mark.skipif(not _ready(), reason="needs pyspark and a Java runtime")
def test_child_reads_the_file_in_every_round(tmp_path: Path) -> None:
    """``ready`` names the splits (two for local[2]); each ``done`` counts every record of the
    file as it is now: a row appended between rounds is counted (nothing cached)."""
    path = tmp_path / "penalty.csv"
    codes = [f.code for f in fields(RecordKind.PENALTY)]
    rows = [r.values for r in generate_records(RecordKind.PENALTY, 400, seed=3)]
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(codes)
        writer.writerows([[row.get(c, "") for c in codes] for row in rows])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    child = subprocess.Popen(
        [sys.executable, "-m", "benchmarks._spark_child", "2", str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        ready = child.stdout.readline().split()
        assert ready[0] == "ready" and ready[3] == "2"
        child.stdin.write("run\n")
        child.stdin.flush()
        done = child.stdout.readline().split()
        assert done[0] == "done" and done[2] == "400"
        with open(path, "a", encoding="utf-8", newline="") as f:
            csv.writer(f).writerow([rows[0].get(c, "") for c in codes])
        child.stdin.write("run\n")
        child.stdin.flush()
        done = child.stdout.readline().split()
        assert done[0] == "done" and done[2] == "401"
        assert float(done[3]) >= 0 and float(done[4]) >= 0  # CPU seconds of the JVM, the workers
    finally:
        child.stdin.close()
        child.wait(timeout=120)
