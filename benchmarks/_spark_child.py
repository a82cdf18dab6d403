"""A Spark session in a process of its own, for ``bench_quality``'s local[2]-vs-local[1] case.

Spark allows one context per process, so each side of the comparison lives in a child
process started once: ``python -m benchmarks._spark_child CORES PATH [--pin]``. It starts
its session, runs the first job (untimed), prints ``ready <start s> <first job s>
<input splits>``, then
answers each ``run`` line on stdin by checking the CSV file afresh (``read_csv``:
``spark.read.csv`` with the header's names and equal splits; nothing cached or
repartitioned) and printing ``done <seconds> <records> <JVM CPU s>
<Python workers' CPU s>``. The children stay idle while the other side runs.

``--pin`` keeps the whole process tree (the driver, the JVM it launches, Spark's Python
workers) on one CPU: the one-core side of the comparison. Unpinned, ``local[1]`` runs one
task at a time but its JVM (reading and parsing the CSV, converting to Arrow) works on the
second core while the Python worker checks, so it is not a one-core run.
"""

from __future__ import annotations

import os
import sys
import time
import warnings
from datetime import date

AS_OF = date(2026, 1, 1)


def _tree_cpu(root: int) -> tuple[float, float]:
    """CPU seconds (user + system) used so far by the JVMs and the Python processes under root."""
    parents: dict[int, list[int]] = {}
    stats: dict[int, tuple[str, float]] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        rest = stat[stat.rindex(")") + 2 :].split()
        parents.setdefault(int(rest[1]), []).append(int(entry))
        stats[int(entry)] = (name, (int(rest[11]) + int(rest[12])) / tick)
    jvm = python = 0.0
    stack = list(parents.get(root, []))  # the driver itself is idle: only its children count
    while stack:
        pid = stack.pop()
        stack.extend(parents.get(pid, []))
        name, cpu = stats.get(pid, ("", 0.0))
        if "java" in name:
            jvm += cpu
        else:
            python += cpu
    return jvm, python


def main() -> None:
    cores, path = int(sys.argv[1]), sys.argv[2]
    if "--pin" in sys.argv[3:] and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})
    from credit_disclosure.spark import local_session, read_csv, validate_spark

    warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas")
    started = time.perf_counter()
    spark = local_session(cores, driver_memory="4g")
    spark.sparkContext.setLogLevel("ERROR")
    startup = time.perf_counter() - started

    def run() -> int:
        # as docs/quality/spark.md recommends: every column text, the header (its BOM
        # dropped) named without a Spark job, equal input splits, a multiple of the cores
        df = read_csv(spark, path)
        # the scores alone: each partition scored in its worker (no outcome cache)
        return validate_spark(df, "penalty", as_of=AS_OF, cache=False).quality_metrics().records

    started = time.perf_counter()
    run()
    first_job = time.perf_counter() - started
    splits = read_csv(spark, path).rdd.getNumPartitions()  # untimed: the tasks of each run
    print(f"ready {startup:.3f} {first_job:.3f} {splits}", flush=True)
    for line in sys.stdin:
        if line.strip() != "run":
            break
        jvm, python = _tree_cpu(os.getpid())
        started = time.perf_counter()
        records = run()
        elapsed = time.perf_counter() - started
        jvm_after, python_after = _tree_cpu(os.getpid())
        print(
            f"done {elapsed:.3f} {records} {jvm_after - jvm:.2f} {python_after - python:.2f}",
            flush=True,
        )
    spark.stop()


if __name__ == "__main__":
    main()
