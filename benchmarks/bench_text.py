"""Identifier compaction (full-width folding and separator stripping) against a regex peer."""

from __future__ import annotations

import re
import unicodedata

from benchmarks._harness import Case
from credit_disclosure._text import compact_identifier

_SEP = re.compile(r"[\s\-_./\\:|]+")


def _regex_compact(value: str) -> str:
    # What hand-written code in the wild does: NFKC then a regex.
    return _SEP.sub("", unicodedata.normalize("NFKC", value)).upper()


def cases(quick: bool) -> list[Case]:
    base = ["91512081MA62K0260E", "９１５１２０８１ＭＡ６２Ｋ０２６０Ｅ", "5946-7239-9", " 110105 19491231 002x "]
    values = base * (250 if quick else 25_000)
    return [
        Case(
            name="compact (mixed width, separators)",
            items=len(values),
            ours=lambda: [compact_identifier(v) for v in values],
            peer_name="NFKC + regex",
            peer=lambda: [_regex_compact(v) for v in values],
        )
    ]
