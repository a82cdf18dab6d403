"""Regenerate src/credit_disclosure/workdays/data/tiaoxiu_pattern.json from the published years.

The pattern says, for each statutory holiday, how far before and after its statutory days a
调休 day (a weekday added to the holiday, or a weekend day made a working day) has ever fallen
in the shipped notices (chinese-calendar). The bounds of statutory-only years rest on it:

    python scripts/gen_tiaoxiu_pattern.py          # rewrite the file
    python scripts/gen_tiaoxiu_pattern.py --check  # exit 1 if it is stale

tests/workdays/test_bounds.py runs the check. Never edit the file by hand; pass your own
TiaoxiuPattern to WorkdayBounds instead.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from _generated import write_or_check
from credit_disclosure.workdays import builtin_schedules, learn_pattern

TARGET = (
    Path(__file__).resolve().parents[1]
    / "src"
    / "credit_disclosure"
    / "workdays"
    / "data"
    / "tiaoxiu_pattern.json"
)


def render() -> str:
    pattern = learn_pattern(builtin_schedules())
    return json.dumps(pattern.to_dict(), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    return write_or_check(TARGET, render(), argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
