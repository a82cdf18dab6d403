"""``check`` of an XLSX workbook: python-calamine against openpyxl, the same file, one process.

Issue 18 sets the target: the check of a 100,000-row XLSX workbook at least 5x
today's rate (today: openpyxl's read-only mode, which took most of the time).
Both sides run :func:`credit_disclosure.io.check_file` on the same workbook of
penalty records (``credit_disclosure.samples``, 1 % with a planted fault,
written by :func:`credit_disclosure.io.write_xlsx`), generated once and cached
under ``benchmarks/_data/``; the peer forces openpyxl with
``CREDIT_DISCLOSURE_XLSX_READER=openpyxl``. Without python-calamine the case
says so. Quick mode uses 2,000 rows.
"""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

from benchmarks._harness import Case
from benchmarks.bench_check import penalty_file
from credit_disclosure.io import check_file
from credit_disclosure.io._calamine import ENGINE_VARIABLE

AS_OF = date(2026, 1, 1)


def penalty_workbook(n: int) -> Path:
    """The cached XLSX of ``n`` penalty records (1 % faulty), generated when missing."""
    return penalty_file(n, suffix=".xlsx", seed=18_000)


def _check(path: Path, engine: str) -> int:
    before = os.environ.get(ENGINE_VARIABLE)
    os.environ[ENGINE_VARIABLE] = engine
    try:
        report = check_file(path, as_of=AS_OF)
        report.close()
        return report.rows
    finally:
        if before is None:
            del os.environ[ENGINE_VARIABLE]
        else:
            os.environ[ENGINE_VARIABLE] = before


def cases(quick: bool) -> list[Case]:
    n = 2_000 if quick else 100_000
    state: dict[str, object] = {}

    def path() -> Path:
        if "path" not in state:
            started = time.perf_counter()
            state["path"] = penalty_workbook(n)
            state["made"] = time.perf_counter() - started
        return state["path"]  # type: ignore[return-value]

    try:
        import python_calamine  # noqa: F401
    except ImportError:
        return [
            Case(
                name=f"check penalty XLSX ({n:,} rows): calamine vs openpyxl",
                items=n,
                ours=lambda: _check(path(), "openpyxl"),
                peer_name="openpyxl read-only",
                peer_missing="python-calamine not installed: ours fell back to openpyxl",
            )
        ]
    return [
        Case(
            name=f"check penalty XLSX ({n:,} rows): calamine vs openpyxl",
            items=n,
            ours=lambda: _check(path(), "calamine"),
            peer_name="the same check, openpyxl read-only",
            peer=lambda: _check(path(), "openpyxl"),
            target=5.0,
            rounds=3,  # a peer round takes about half a minute on a quiet machine
            note="both run check_file on the same workbook (text cells, as write_xlsx "
            "writes them); ours reads it with python-calamine, the peer with openpyxl",
        )
    ]
