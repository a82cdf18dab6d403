"""The benchmark harness: run ours and the peer in one process, report rates and ratios.

A benchmark module ``benchmarks/bench_<topic>.py`` defines
``cases(quick: bool) -> list[Case]``. Each callable of a case processes a whole
batch of ``items`` inputs. The harness runs ours and the peer in interleaved
rounds (ours, peer, ours, peer, ...); in each round a callable is repeated
until a minimum time has passed. It reports the **median** rate of the rounds
with their spread (min-max), and the median of the per-round ratios ours/peer
with its spread: a best-of-N flatters whichever side was lucky once, and on a
shared machine the spread says how far a figure can be trusted.
"""

from __future__ import annotations

import gc
import statistics
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
    #: the number of interleaved rounds in full mode (``None``: the harness's default);
    #: fewer for cases where one call takes tens of seconds
    rounds: int | None = None


class Findings:
    """A case's note filled in by its untimed warm-up call; the harness prints it after the run.

    Give it as ``Case(note=findings)`` and set ``findings.text`` in the warm-up.
    """

    def __init__(self) -> None:
        self.text = "(not measured)"

    def __str__(self) -> str:
        return self.text

    def __format__(self, spec: str) -> str:
        return self.text

    def __bool__(self) -> bool:
        return True


def _median(values: list[float]) -> float:
    return statistics.median(values)


@attrs.frozen
class Result:
    """The measured rates of one case: one rate per interleaved round and side."""

    case: Case
    ours_rates: list[float]
    peer_rates: list[float] | None

    @property
    def ours_rate(self) -> float:
        """The median of our per-round rates."""
        return _median(self.ours_rates)

    @property
    def peer_rate(self) -> float | None:
        """The median of the peer's per-round rates (``None`` without a peer)."""
        return None if not self.peer_rates else _median(self.peer_rates)

    @property
    def ratios(self) -> list[float] | None:
        """Ours/peer of each round (the two sides of a round ran back to back)."""
        if not self.peer_rates:
            return None
        return [o / p for o, p in zip(self.ours_rates, self.peer_rates) if p > 0] or None

    @property
    def ratio(self) -> float | None:
        """The median of the per-round ratios ours/peer, when there is a peer."""
        ratios = self.ratios
        return None if ratios is None else _median(ratios)

    @property
    def met(self) -> bool | None:
        """Whether the target was met by the median (``None`` when there is no target)."""
        target = self.case.target
        if target is None:
            return None
        if self.case.peer is not None:
            ratio = self.ratio
            return ratio is not None and ratio >= target
        if self.case.peer_name is None:  # an absolute rate target
            return self.ours_rate >= target
        return None  # the peer is missing: nothing to compare with


def measure(func: Callable[[], Any], items: int, *, min_time: float) -> float:
    """Return the items-per-second rate of ``func`` over one timed round.

    The round calls ``func`` as many times as it takes to run at least
    ``min_time`` seconds (at least once), with the garbage collector paused.
    """
    calls = 0
    gc_was_enabled = gc.isenabled()
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
    return items * calls / elapsed if elapsed > 0 else float("inf")


#: (minimum seconds per round, rounds) in quick and in full mode
QUICK = (0.02, 3)
FULL = (0.5, 7)


def run_case(case: Case, *, quick: bool) -> Result:
    """Measure one case: ours and the peer in alternating rounds of the same process.

    Interleaving the rounds (ours, peer, ours, peer, ...) means a burst of load
    from elsewhere on the machine slows both sides of a round alike; the
    medians and the median of the per-round ratios are reported, with spread.
    """
    min_time, rounds = QUICK if quick else FULL
    if not quick and case.rounds is not None:
        rounds = case.rounds
    if case.warmup:
        case.ours()
        if case.peer is not None:
            case.peer()
    ours: list[float] = []
    peer: list[float] | None = [] if case.peer is not None else None
    for _ in range(rounds):
        ours.append(measure(case.ours, case.items, min_time=min_time))
        if case.peer is not None and peer is not None:
            peer.append(measure(case.peer, case.items, min_time=min_time))
    return Result(case, ours, peer)


def _fmt_rate(rate: float | None) -> str:
    if rate is None:
        return "-"
    if rate >= 1e6:
        return f"{rate / 1e6:.2f}M/s"
    if rate >= 1e3:
        return f"{rate / 1e3:.1f}k/s"
    return f"{rate:.1f}/s"


def _fmt_spread(values: list[float] | None, fmt: Callable[[float], str]) -> str:
    """``median (min-max)`` of ``values``, or the one value."""
    if not values:
        return "-"
    mid = fmt(_median(values))
    if len(values) == 1:
        return mid
    return f"{mid} ({fmt(min(values))}-{fmt(max(values))})"


def _rate_num(rate: float) -> str:
    return _fmt_rate(rate).removesuffix("/s")


def _spread_rate(values: list[float] | None) -> str:
    if not values:
        return "-"
    if len(values) == 1:
        return _fmt_rate(values[0])
    return f"{_fmt_rate(_median(values))} ({_rate_num(min(values))}-{_rate_num(max(values))})"


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
        ratio = _fmt_spread(r.ratios, lambda v: f"{v:.2f}x")
        if c.target is None:
            target = "-"
        elif c.peer_name is None:
            target = f">= {_fmt_rate(c.target)}"
        else:
            target = f">= {c.target:g}x"
        met = "-" if quick or r.met is None else ("yes" if r.met else "NO")
        rows.append(
            (c.name, _spread_rate(r.ours_rates), peer, _spread_rate(r.peer_rates), ratio, target, met)
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
    rounds = sorted({len(r.ours_rates) for r in results})
    lines += [
        "",
        "rates and ratios: median over "
        + "/".join(map(str, rounds))
        + " interleaved rounds (min-max in brackets); a ratio is the median of the"
        " per-round ratios; 'met' judges the median",
    ]
    if quick:
        lines += ["", "(quick mode: short runs, targets not checked)"]
    return "\n".join(lines)
