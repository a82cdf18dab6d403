"""Regenerate src/credit_disclosure/workdays/data/notices.json: where each shipped year comes from.

The shipped schedules (2004-2026) are chinese-calendar's transcription of the yearly notices. For
2011-2026 the notices themselves are test fixtures (tests/data/notices/, each with the address
where its text was found in SOURCES.md); this script reads them with parse_notice and writes
each year's title, number, date, text hash and address, and those of the notices that amended
it, so that a shipped year carries the same provenance as one added with `calendar add`:

    python scripts/gen_notice_provenance.py          # rewrite the file
    python scripts/gen_notice_provenance.py --check  # exit 1 if it is stale
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from _generated import write_or_check
from credit_disclosure.workdays import NoticeRef, parse_notice

ROOT = Path(__file__).resolve().parents[1]
NOTICES = ROOT / "tests" / "data" / "notices"
TARGET = ROOT / "src" / "credit_disclosure" / "workdays" / "data" / "notices.json"


def _urls() -> dict[str, str]:
    """The first address in the 'found at' column of SOURCES.md, by file name."""
    out = {}
    for line in (NOTICES / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].endswith(".txt"):
            found = re.search(r"https?://\S+", cells[2])
            out[cells[0]] = found.group(0) if found else ""
    return out


def _ref(ref: NoticeRef) -> dict[str, Any]:
    return {
        "title": ref.title,
        "number": ref.number,
        "published": None if ref.published is None else ref.published.isoformat(),
        "sha256": ref.sha256,
        "url": ref.url,
    }


def render() -> str:
    urls = _urls()
    data: dict[str, Any] = {}
    for path in sorted(NOTICES.glob("20??.txt")):
        schedule = parse_notice(path.read_text(encoding="utf-8"), url=urls.get(path.name, ""))
        amendments = []
        for extra in sorted(NOTICES.glob(f"{schedule.year}-*.txt")):
            schedule = parse_notice(
                extra.read_text(encoding="utf-8"), amends=schedule, url=urls.get(extra.name, "")
            )
        assert schedule.notice is not None
        amendments = [_ref(r) for r in schedule.amendments]
        data[str(schedule.year)] = {"notice": _ref(schedule.notice), "amendments": amendments}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    return write_or_check(TARGET, render(), argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
