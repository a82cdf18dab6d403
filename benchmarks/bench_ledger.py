"""``ledger import`` against ``check`` of the same file: the price of keeping records in a database.

Issue 15 sets the targets as ratios to checking the records: importing
1,000,000 penalty records into SQLite costs at most twice the time of checking
them (rate ratio >= 0.5), into PostgreSQL at most three times (>= 0.33), with
memory flat. An import checks rows as ``check_file`` does (its columnar fast
path for this file: the rows it clears are stored from their Arrow batches, the
others go through the row pipeline) and also keys, hashes and stores every row
in one transaction; each timed call imports into a fresh database (a new SQLite
file, a new PostgreSQL schema), so idempotence never skips the work.

The file is the one ``bench_check`` uses (``benchmarks/_data/``, 1 % faulty
records); quick mode uses 5,000. The PostgreSQL case runs when
``$CREDIT_DISCLOSURE_TEST_PG_URL`` names a server (``.ci/run`` starts one, or
``python3 scripts/pg_test_server.py start``). The peer is ``check_file`` as it
is; when it has engines other than the row engine (the columnar fast path),
the row engine is a second peer, so both ratios are shown. In full mode a call
takes minutes, so each case runs two interleaved rounds without a warm-up, and
each call's time is printed to stderr as it ends. The first case imports in a
fresh process, at the full size and at 100,000 rows (5,000 in quick mode), and
reports the peak memory of both (flat memory: the two are close) with the
machine's load average.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from benchmarks._harness import Case, Findings
from benchmarks.bench_check import penalty_file
from credit_disclosure.io import check_file

AS_OF = date(2026, 1, 1)
PG_ENV = "CREDIT_DISCLOSURE_TEST_PG_URL"
_CHILD = r"""
import resource, sys, tempfile, time
from datetime import date
from credit_disclosure.ledger import Ledger
with tempfile.TemporaryDirectory() as tmp:
    with Ledger(f"sqlite:///{tmp}/bench.sqlite3") as ledger:
        ledger.init()
        start = time.perf_counter()
        result = ledger.import_records(sys.argv[1], as_of=date(2026, 1, 1))
        elapsed = time.perf_counter() - start
print(result.rows, elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def measure_child(path: Path) -> tuple[int, float, float]:
    """(rows, seconds, peak RSS in MB) of a SQLite import of ``path`` in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=True
    ).stdout.split()
    return int(out[0]), float(out[1]), int(out[2]) / 1024


def _import_sqlite(path: Path) -> None:
    from credit_disclosure.ledger import Ledger

    with tempfile.TemporaryDirectory() as tmp, Ledger(f"sqlite:///{tmp}/b.sqlite3") as ledger:
        ledger.init()
        ledger.import_records(path, as_of=AS_OF)


def _import_pg(server: str, path: Path) -> None:
    import sqlalchemy as sa

    from credit_disclosure.ledger import Ledger

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = sa.make_url(server).update_query_dict({"options": f"-csearch_path={schema}"})
        with Ledger(url.render_as_string(hide_password=False)) as ledger:
            ledger.init()
            ledger.import_records(path, as_of=AS_OF)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _check_engines() -> list[tuple[str, dict[str, str]]]:
    """The checks to compare with: ``check_file`` as it is, and its row engine if it has others."""
    import inspect

    out: list[tuple[str, dict[str, str]]] = [("check (same file)", {})]
    if "engine" in inspect.signature(check_file).parameters:
        out.append(("check, row engine (same file)", {"engine": "row"}))
    return out


def _logged(label: str, fn: Callable[[], None]) -> Callable[[], None]:
    """``fn``, printing each call's wall time and the load average to stderr as it ends.

    A full run takes long on a busy machine: the calls already made are known even if it
    is stopped before the table is printed.
    """

    def call() -> None:
        start = time.perf_counter()
        fn()
        print(
            f"  {label}: {time.perf_counter() - start:.1f}s (load average {os.getloadavg()[0]:.1f})",
            file=sys.stderr,
            flush=True,
        )

    return call


def cases(quick: bool) -> list[Case]:
    n = 5_000 if quick else 1_000_000
    small = 5_000 if quick else 100_000
    # full mode: one call takes minutes at 1,000,000 rows, so two interleaved rounds, no warm-up
    rounds, warmup = (None, True) if quick else (2, False)
    findings = Findings()
    state: dict[str, Path] = {}

    def path() -> Path:
        if "path" not in state:
            state["path"] = penalty_file(n)
        return state["path"]

    def memory() -> None:
        rows, seconds, rss = measure_child(path())
        parts = [
            f"load average {os.getloadavg()[0]:.1f} before;"
            f" {rows:,} rows: {rows / seconds:,.0f} rec/s, peak RSS {rss:.0f} MB"
        ]
        if n != small:
            _r, _s, small_rss = measure_child(penalty_file(small))
            parts.append(f"{small:,} rows: peak RSS {small_rss:.0f} MB")
        parts.append(f"load average {os.getloadavg()[0]:.1f} after")
        if not os.environ.get(PG_ENV):
            parts.append(f"PostgreSQL not measured (${PG_ENV} unset)")
        findings.text = "; ".join(parts)
        print(f"  {findings.text}", file=sys.stderr, flush=True)

    def checker(options: dict[str, str]) -> Callable[[], None]:
        def check() -> None:
            check_file(path(), as_of=AS_OF, **options).close()  # type: ignore[arg-type]

        return check

    out = [
        Case(
            name=f"ledger import into SQLite, fresh process, peak memory ({n:,} rows)",
            items=n,
            ours=memory,
            note=findings,  # type: ignore[arg-type]  # a str-like filled in by the call
            rounds=1,
            warmup=False,
        )
    ]
    server = os.environ.get(PG_ENV)
    for label, options in _check_engines():
        suffix = "" if not options else " (row engine)"
        out.append(
            Case(
                name=f"ledger import into SQLite vs check{suffix} ({n:,} rows)",
                items=n,
                ours=_logged("SQLite import", lambda: _import_sqlite(path())),
                peer_name=label,
                peer=_logged(label, checker(options)),
                target=0.5,  # import time at most twice the check's
                rounds=rounds,
                warmup=warmup,
            )
        )
        if server:
            out.append(
                Case(
                    name=f"ledger import into PostgreSQL vs check{suffix} ({n:,} rows)",
                    items=n,
                    ours=_logged("PostgreSQL import", lambda: _import_pg(server, path())),
                    peer_name=label,
                    peer=_logged(label, checker(options)),
                    target=1 / 3,  # import time at most three times the check's
                    rounds=rounds,
                    warmup=warmup,
                )
            )
    return out


if __name__ == "__main__":  # pragma: no cover - convenience: python benchmarks/bench_ledger.py
    for case in cases("--quick" in sys.argv):
        if case.peer is None:
            case.ours()
            print(case.note)
            continue
        case.ours()
        timings = []
        for fn in (case.ours, case.peer):
            start = time.perf_counter()
            fn()
            timings.append(time.perf_counter() - start)
        ratio = timings[0] / timings[1]
        print(f"{case.name}: import {timings[0]:.1f}s, check {timings[1]:.1f}s, {ratio:.2f}x")
