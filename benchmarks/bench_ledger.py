"""``ledger import`` against ``check`` of the same file: the price of keeping records in a database.

Issue 15 sets the targets as ratios to checking the records: importing
1,000,000 penalty records into SQLite costs at most twice the time of checking
them (rate ratio >= 0.5), into PostgreSQL at most three times (>= 0.33), with
memory flat. An import does everything ``check`` does (read, map headers,
``check_row`` every row) and also keys, hashes and stores every row in one
transaction; each timed call imports into a fresh database (a new SQLite file,
a new PostgreSQL schema), so idempotence never skips the work.

The file is the one ``bench_check`` uses (``benchmarks/_data/``, 1 % faulty
records); quick mode uses 5,000. The PostgreSQL case runs when
``$CREDIT_DISCLOSURE_TEST_PG_URL`` names a server (``.ci/run`` starts one, or
``python3 scripts/pg_test_server.py start``). The warm-up call also measures the
peak memory of an import in a fresh process at the full size and at 5,000
rows (flat memory: the two are close).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import uuid
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


def cases(quick: bool) -> list[Case]:
    n = 5_000 if quick else 1_000_000
    small = 5_000
    findings = Findings()
    state: dict[str, Path] = {}

    def path() -> Path:
        if "path" not in state:
            state["path"] = penalty_file(n)
            rows, seconds, rss = measure_child(state["path"])
            parts = [
                f"SQLite import in a fresh process: {rows:,} rows, {rows / seconds:,.0f} rec/s, "
                f"peak RSS {rss:.0f} MB"
            ]
            if n != small:
                _r, _s, small_rss = measure_child(penalty_file(small))
                parts.append(f"at {small:,} rows: {small_rss:.0f} MB (flat)")
            if not os.environ.get(PG_ENV):
                parts.append(f"PostgreSQL not measured (${PG_ENV} unset)")
            findings.text = "; ".join(parts)
        return state["path"]

    def check() -> None:
        check_file(path(), as_of=AS_OF).close()

    out = [
        Case(
            name=f"ledger import into SQLite vs check ({n:,} rows)",
            items=n,
            ours=lambda: _import_sqlite(path()),
            peer_name="check (same file)",
            peer=check,
            target=0.5,  # import time at most twice the check's
            note=findings,  # type: ignore[arg-type]  # a str-like filled in by the warm-up
        )
    ]
    server = os.environ.get(PG_ENV)
    if server:
        out.append(
            Case(
                name=f"ledger import into PostgreSQL vs check ({n:,} rows)",
                items=n,
                ours=lambda: _import_pg(server, path()),
                peer_name="check (same file)",
                peer=check,
                target=1 / 3,  # import time at most three times the check's
            )
        )
    return out


if __name__ == "__main__":  # pragma: no cover - convenience: python benchmarks/bench_ledger.py
    import time

    for case in cases("--quick" in sys.argv):
        assert case.peer is not None
        case.ours()
        timings = []
        for fn in (case.ours, case.peer):
            start = time.perf_counter()
            fn()
            timings.append(time.perf_counter() - start)
        ratio = timings[0] / timings[1]
        print(f"{case.name}: import {timings[0]:.1f}s, check {timings[1]:.1f}s, {ratio:.2f}x")
    print(cases("--quick" in sys.argv)[0].note)
