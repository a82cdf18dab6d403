"""The benchmark harness reports medians with their spread, not the best round."""

from __future__ import annotations

import pytest
from benchmarks._harness import Case, Result, format_table, run_case


def _case(target: float | None = 2.0, peer: bool = True) -> Case:
    return Case(
        name="demo",
        items=10,
        ours=lambda: None,
        peer_name="peer" if peer else None,
        peer=(lambda: None) if peer else None,
        target=target,
    )


@pytest.mark.parametrize(
    ("ours", "peer", "rate", "ratio", "met"),
    [
        ([100.0, 300.0, 200.0], [100.0, 100.0, 100.0], 200.0, 2.0, True),
        # one lucky round must not carry the case: best-of-3 would say 10x
        ([100.0, 1000.0, 150.0], [100.0, 100.0, 100.0], 150.0, 1.5, False),
        # the ratio pairs rounds: a slow round for both sides keeps the ratio
        ([50.0, 200.0, 200.0], [25.0, 100.0, 100.0], 200.0, 2.0, True),
    ],
)
def test_medians_and_paired_ratios(
    ours: list[float], peer: list[float], rate: float, ratio: float, met: bool
) -> None:
    result = Result(_case(), ours, peer)
    assert result.ours_rate == rate
    assert result.ratio == pytest.approx(ratio)
    assert result.met is met


def test_absolute_target_judges_the_median() -> None:
    result = Result(_case(target=150.0, peer=False), [100.0, 140.0, 1000.0], None)
    assert result.ours_rate == 140.0
    assert result.ratio is None
    assert result.met is False


def test_table_shows_the_spread() -> None:
    table = format_table([Result(_case(), [1000.0, 3000.0, 2000.0], [1000.0] * 3)], quick=False)
    assert "2.0k/s (1.0k-3.0k)" in table
    assert "2.00x (1.00x-3.00x)" in table
    assert "median over 3 interleaved rounds" in table


def test_run_case_interleaves_rounds() -> None:
    calls: list[str] = []
    case = Case(
        name="order",
        items=1,
        ours=lambda: calls.append("o"),
        peer_name="p",
        peer=lambda: calls.append("p"),
        warmup=False,
    )
    result = run_case(case, quick=True)
    assert len(result.ours_rates) == len(result.peer_rates or []) == 3
    # every ours round is followed by a peer round
    runs = "".join(calls)
    assert runs.index("p") < runs.rindex("o")
