"""ColumnChecks.clean(latest=): judged once with as_of=date.max, a batch's verdicts for any as_of.

``read_records`` judges a frame's blocks before ``score_frame`` says its ``as_of``; it keeps,
per row, the latest day the clearing took to be on or before ``as_of``. These tests pin that
``clean(as_of=d)`` is exactly ``ok & (latest <= d)`` over planted faults, decision dates
around ``d``, residents born around ``d`` and other ``future_date_fields``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from credit_disclosure.samples import FAULTS, generate_records
from credit_disclosure.standard import ColumnChecks, RecordKind, ValidationOptions, fields

pa = pytest.importorskip("pyarrow")
np = pytest.importorskip("numpy")


def _check_character(body: str) -> str:
    """GB 11643-1999's check character of the first 17 digits."""
    total = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(body))
    return "10X98765432"[total % 11]


def _batch(kind: RecordKind, n: int, seed: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    faults = {name: 3 for name, f in FAULTS.items() if kind in f.kinds}
    rows = [dict(r.values) for r in generate_records(kind, n, seed=seed, faults=faults)]
    prefix = "XK" if kind is RecordKind.LICENSE else "CF"
    for i, row in enumerate(rows[::7]):  # decisions on, just before and just after 2026-01-01
        row[f"{prefix}_JDRQ"] = (date(2025, 12, 31) + timedelta(days=i % 3)).strftime("%Y/%m/%d")
    for i, row in enumerate(rows[3::11]):  # residents born on, just before and after the same day
        if row.get(f"{prefix}_XDR_ZJLX") == "身份证" and len(str(row.get(f"{prefix}_XDR_ZJHM"))) == 18:
            body = str(row[f"{prefix}_XDR_ZJHM"])[:6] + (
                date(2025, 12, 31) + timedelta(days=i % 3)
            ).strftime("%Y%m%d") + "123"
            row[f"{prefix}_XDR_ZJHM"] = body + _check_character(body)
    codes = [f.code for f in fields(kind)]
    return {c: pa.array([row.get(c) for row in rows], pa.string()) for c in codes}, rows


@pytest.mark.parametrize("kind", list(RecordKind))
@pytest.mark.parametrize("future", ["default", "more"])
def test_any_as_of_from_one_judgement(kind: RecordKind, future: str) -> None:
    batch, rows = _batch(kind, 400, seed=21)
    options = None
    if future == "more":  # every date field must not lie after as_of
        dated = frozenset(f.code for f in fields(kind) if f.type.name == "DATE")
        options = ValidationOptions(future_date_fields=dated)
    n = len(rows)
    latest = np.zeros(n, dtype=np.int64)
    ok = ColumnChecks(kind, as_of=date.max, options=options).clean(batch, n, latest=latest)
    days = [date(1990, 1, 1), date(2020, 6, 1), date(2025, 12, 30), date(2025, 12, 31),
            date(2026, 1, 1), date(2026, 1, 2), date(2030, 1, 1), date(2100, 1, 1)]
    differs = 0
    for day in days:
        expected = ColumnChecks(kind, as_of=day, options=options).clean(batch, n)
        got = ok & (latest <= day.toordinal())
        assert got.tolist() == expected.tolist(), day
        differs += int((expected != ok).sum())
    assert differs  # some rows are cleared for a late as_of and not for an early one
    # latest is written only when asked for: the same verdicts without it
    assert ColumnChecks(kind, as_of=date.max, options=options).clean(batch, n).tolist() == ok.tolist()
