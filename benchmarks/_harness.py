"""The benchmark harness: run ours and the peer in one process, report rates and ratios.

A benchmark module ``benchmarks/bench_<topic>.py`` defines
``cases(quick: bool) -> list[Case]``. Each callable of a case processes a whole
batch of ``items`` inputs; the harness repeats it until a minimum time has
passed, keeps the best of several repeats (the least disturbed by the rest of
the machine), and reports items per second.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any

import attrs


@attrs.frozen(kw_only=True)
class Case:
    """One comparison: our callable against a peer's on the same inputs.

    ``target`` is the minimum ratio ours/peer the issue asks for (or, with no
    peer, the minimum rate in items per second); ``None`` when the issue sets
    none. ``peer`` is ``None`` when the peer is not installed; ``peer_missing``
    then says why. ``note`` is printed under the table (what dominates, memory).
    """

    name: str
    items: int
    ours: Callable[[], Any]
    peer_name: str | None = None
    peer: Callable[[], Any] | None = None
    peer_missing: str | None = None
    target: float | None = None
    note: str | None = None
    #: run each callable once, untimed, before measuring (imports, caches)
    warmup: bool = True


@attrs.frozen
class Result:
    """The measured rates of one case."""

    case: Case
    ours_rate: float
    peer_rate: float | None

    @property
    def ratio(self) -> float | None:
        """Our rate divided by the peer's, when there is a peer."""
        if self.peer_rate is None or self.peer_rate == 0:
            return None
        return self.ours_rate / self.peer_rate

    @property
    def met(self) -> bool | None:
        """Whether the target was met (``None`` when there is no target)."""
        target = self.case.target
        if target is None:
            return None
        if self.case.peer is not None:
            ratio = self.ratio
            return ratio is not None and ratio >= target
        if self.case.peer_name is None:  # an absolute rate target
            return self.ours_rate >= target
        return None  # the peer is missing: nothing to compare with


def measure(func: Callable[[], Any], items: int, *, min_time: float, repeats: int) -> float:
    """Return the best items-per-second rate of ``func`` over ``repeats`` timed rounds.

    Each round calls ``func`` as many times as it takes to run at least
    ``min_time`` seconds.
    """
    best = float("inf")
    gc_was_enabled = gc.isenabled()
    for _ in range(repeats):
        calls = 0
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            elapsed = 0.0
            while elapsed < min_time or calls == 0:
                func()
                calls += 1
                elapsed = time.perf_counter() - start
        finally:
            if gc_was_enabled:
                gc.enable()
        best = min(best, elapsed / calls)
    return items / best


def run_case(case: Case, *, quick: bool) -> Result:
    """Measure one case: ours and the peer in alternating rounds of the same process.

    Interleaving the rounds (ours, peer, ours, peer, ...) and keeping the best
    of each side means a burst of load from elsewhere on the machine slows both
    sides alike instead of skewing the ratio.
    """
    min_time, repeats = (0.05, 1) if quick else (0.5, 5)
    if case.warmup:
        case.ours()
        if case.peer is not None:
            case.peer()
    ours = 0.0
    peer: float | None = None
    for _ in range(repeats):
        ours = max(ours, measure(case.ours, case.items, min_time=min_time, repeats=1))
        if case.peer is not None:
            rate = measure(case.peer, case.items, min_time=min_time, repeats=1)
            peer = rate if peer is None else max(peer, rate)
    return Result(case, ours, peer)


def _fmt_rate(rate: float | None) -> str:
    if rate is None:
        return "-"
    if rate >= 1e6:
        return f"{rate / 1e6:.2f}M/s"
    if rate >= 1e3:
        return f"{rate / 1e3:.1f}k/s"
    return f"{rate:.1f}/s"


def format_table(results: list[Result], *, quick: bool) -> str:
    """Render results as a plain-text table (and the notes under it)."""
    if not results:
        return "no benchmark matched"
    header = ("benchmark", "ours", "peer", "peer rate", "ratio", "target", "met")
    rows: list[tuple[str, ...]] = []
    for r in results:
        c = r.case
        peer = c.peer_name or "-"
        if c.peer_name and c.peer is None:
            peer += " (missing)"
        ratio = "-" if r.ratio is None else f"{r.ratio:.2f}x"
        if c.target is None:
            target = "-"
        elif c.peer_name is None:
            target = f">= {_fmt_rate(c.target)}"
        else:
            target = f">= {c.target:g}x"
        met = "-" if quick or r.met is None else ("yes" if r.met else "NO")
        rows.append(
            (c.name, _fmt_rate(r.ours_rate), peer, _fmt_rate(r.peer_rate), ratio, target, met)
        )
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths))]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(v.ljust(w) for v, w in zip(row, widths)) for row in rows)
    notes = [f"- {r.case.name}: {r.case.note}" for r in results if r.case.note]
    notes += [
        f"- {r.case.name}: peer {r.case.peer_name} not run: {r.case.peer_missing}"
        for r in results
        if r.case.peer_name and r.case.peer is None and r.case.peer_missing
    ]
    if notes:
        lines += ["", "notes:", *notes]
    if quick:
        lines += ["", "(quick mode: short runs, targets not checked)"]
    return "\n".join(lines)
