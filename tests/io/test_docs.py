"""docs/checking.md stays in step with the code: batch-layer codes and sample faults."""

from __future__ import annotations

from pathlib import Path

from credit_disclosure.io import IO_ISSUES
from credit_disclosure.samples import FAULTS

PAGE = Path(__file__).resolve().parents[2] / "docs" / "checking.md"


def _table_rows(first_cells: set[str]) -> dict[str, list[str]]:
    rows = {}
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| `") and cells[0].strip("`") in first_cells:
            rows[cells[0].strip("`")] = cells
    return rows


def test_every_batch_issue_code_is_documented_with_its_meaning() -> None:
    """Each batch-layer issue code has a row in the docs with its severity and meaning."""
    rows = _table_rows(set(IO_ISSUES))
    assert set(rows) == set(IO_ISSUES)
    for code, spec in IO_ISSUES.items():
        assert rows[code][1:] == [spec.severity.value, spec.meaning], code


def test_every_fault_is_documented() -> None:
    """Each plantable fault has a row in the docs with its issue code."""
    rows = _table_rows(set(FAULTS))
    assert set(rows) == set(FAULTS)
    for name, fault in FAULTS.items():
        assert rows[name][2] == f"`{fault.code}`", name
