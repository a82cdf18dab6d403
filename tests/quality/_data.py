"""Generated records with publication dates, shared by the quality, pandas and Spark tests.

Loaded with importlib (tests are not a package): ``load_data()`` in each test file.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from credit_disclosure.samples import FAULTS, generate_records
from credit_disclosure.standard import RecordKind, parse_date

#: The date every test checks "future" decision dates against (after the 2027 rows).
AS_OF = date(2028, 1, 1)
PUBLISHED = "公示日期"


def faults_for(kind: RecordKind, per_fault: int = 3) -> dict[str, int]:
    """Every fault that applies to ``kind``, ``per_fault`` rows each."""
    return {name: per_fault for name, f in FAULTS.items() if kind in f.kinds}


def rows_with_dates(
    kind: RecordKind,
    n: int,
    *,
    seed: int = 8,
    per_fault: int = 3,
    year_2027: int = 5,
    no_date: int = 5,
) -> tuple[list[dict[str, object]], list[set[str]]]:
    """``n`` generated rows with a ``公示日期`` 0-20 days after the decision; and each row's fault codes.

    The last ``year_2027`` rows are decided on 2026-12-28 and published on 2027-01-06: their
    deadline (2027-01-05 to 2027-01-08) waits for the 2027 notice (a statutory-only year);
    the ``no_date`` rows before them have no publication date.
    """
    rng = random.Random(seed)
    rows: list[dict[str, object]] = []
    codes: list[set[str]] = []
    prefix = "XK" if kind is RecordKind.LICENSE else "CF"
    for rec in generate_records(kind, n, seed=seed, faults=faults_for(kind, per_fault)):
        values: dict[str, object] = dict(rec.values)
        try:
            decided: date | None = parse_date(values[f"{prefix}_JDRQ"])
        except ValueError:
            decided = None
        offset = rng.randint(0, 20)
        values[PUBLISHED] = (
            "" if decided is None else (decided + timedelta(days=offset)).strftime("%Y/%m/%d")
        )
        rows.append(values)
        codes.append({f.code for f in rec.faults})
    for i in range(n - year_2027, n):
        if not codes[i] and kind is RecordKind.PENALTY:
            rows[i]["CF_JDRQ"] = "2026/12/28"
            rows[i]["CF_YXQ"] = rows[i]["CF_GSJZQ"] = ""  # keep them after the decision
            rows[i][PUBLISHED] = "2027/01/06"
    for i in range(n - year_2027 - no_date, n - year_2027):
        rows[i][PUBLISHED] = ""
    return rows, codes
