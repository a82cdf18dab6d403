"""Identifier validation against python-stdnum, side by side on the same valid inputs.

Targets (issue 3): ``uscc.is_valid`` at least 5x ``stdnum.cn.uscc.is_valid``;
``resident_id.is_valid`` (with the division check) at least 8x
``stdnum.cn.ric.is_valid``. The inputs are generated valid values whose
divisions python-stdnum also accepts, so both sides do the full work.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from typing import Any

from benchmarks._harness import Case
from credit_disclosure.identifiers import detect, org_code, resident_id, uscc


def _peer(module: str) -> tuple[Any, str | None]:
    try:
        import importlib

        return importlib.import_module(module), None
    except ImportError as exc:  # python-stdnum is a dev dependency only
        return None, f"python-stdnum not installed ({exc})"


def _values(
    n: int, make: Callable[[random.Random], str], accept: Callable[[str], bool]
) -> list[str]:
    rng = random.Random(20240601)
    out: list[str] = []
    while len(out) < n:
        value = make(rng)
        if accept(value):
            out.append(value)
    return out


def cases(quick: bool) -> list[Case]:
    n = 300 if quick else 20_000
    stdnum_uscc, uscc_missing = _peer("stdnum.cn.uscc")
    stdnum_ric, ric_missing = _peer("stdnum.cn.ric")
    # Codes from letter authorities are valid for us but not for python-stdnum:
    # keep to 1-9 so that the peer validates the same inputs fully.
    usccs = _values(
        n,
        lambda r: uscc.generate(org_type=r.choice(["91", "92", "93", "12", "52"]), rng=r),
        lambda v: stdnum_uscc is None or stdnum_uscc.is_valid(v),
    )
    # Birth years from 2016 on so that python-stdnum's birth-year rule accepts the
    # divisions it knows (we do not tie the division to the year at all).
    rics = _values(
        n,
        lambda r: resident_id.generate(
            birth_date=date(2016, 1, 1).fromordinal(
                date(2016, 1, 1).toordinal() + r.randrange(3000)
            ),
            rng=r,
        ),
        lambda v: stdnum_ric is None or stdnum_ric.is_valid(v),
    )
    mixed = [v for pair in zip(usccs, rics) for v in pair]
    orgs = [org_code.generate(rng=random.Random(i)) for i in range(n)]
    uscc_is_valid, ric_is_valid, org_is_valid = (
        uscc.is_valid,
        resident_id.is_valid,
        org_code.is_valid,
    )
    return [
        Case(
            name="identifiers: uscc.is_valid (valid)",
            items=len(usccs),
            ours=lambda: [uscc_is_valid(v) for v in usccs],
            peer_name="python-stdnum cn.uscc",
            peer=None
            if stdnum_uscc is None
            else (lambda: [stdnum_uscc.is_valid(v) for v in usccs]),
            peer_missing=uscc_missing,
            target=5.0,
        ),
        Case(
            name="identifiers: resident_id.is_valid (valid)",
            items=len(rics),
            ours=lambda: [ric_is_valid(v) for v in rics],
            peer_name="python-stdnum cn.ric",
            peer=None if stdnum_ric is None else (lambda: [stdnum_ric.is_valid(v) for v in rics]),
            peer_missing=ric_missing,
            target=8.0,
            note=(
                "ours checks the division (with history) and the date against today; inputs are "
                "born 2016 or later so that the peer's birth-year rule accepts them"
            ),
        ),
        Case(
            name="identifiers: org_code.is_valid (valid)",
            items=len(orgs),
            ours=lambda: [org_is_valid(v) for v in orgs],
        ),
        Case(
            name="identifiers: detect (USCC and resident IDs)",
            items=len(mixed),
            ours=lambda: [detect(v) for v in mixed],
            note="tries only the kinds whose length and leading characters fit",
        ),
    ]
