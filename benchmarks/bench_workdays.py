"""Working-day arithmetic: add(d, 7) and count over a year, against chinese-calendar and holidays."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from benchmarks._harness import Case
from credit_disclosure.workdays import default_calendar


def _dates(n: int, last_year: int) -> list[date]:
    # Decisions spread over the known years, stopping early enough that +7 stays known.
    rng = random.Random(20261121)
    first = date(2004, 1, 1).toordinal()
    last = date(last_year, 12, 15).toordinal()
    return [date.fromordinal(rng.randint(first, last)) for _ in range(n)]


def _chinese_calendar_add(is_workday: Callable[[date], bool]) -> Callable[[date, int], date]:
    one = timedelta(days=1)

    def add(d: date, n: int) -> date:
        # What code in the wild does: step a day at a time, ask the library each time.
        while n:
            d += one
            if is_workday(d):
                n -= 1
        return d

    return add


def cases(quick: bool) -> list[Case]:
    cal = default_calendar()
    _, last_year = cal.covered
    days = _dates(200 if quick else 20_000, last_year)
    out: list[Case] = []

    peer_cc: Callable[[], Any] | None = None
    missing_cc = None
    try:
        import chinese_calendar

        cc_add = _chinese_calendar_add(chinese_calendar.is_workday)
        peer_cc = lambda: [cc_add(d, 7) for d in days]  # noqa: E731
    except ImportError as exc:  # pragma: no cover
        missing_cc = str(exc)
    out.append(
        Case(
            name="workdays.add(d, 7)",
            items=len(days),
            ours=lambda: [cal.add(d, 7) for d in days],
            peer_name="loop over chinese_calendar.is_workday",
            peer=peer_cc,
            peer_missing=missing_cc,
            target=100.0,
        )
    )

    peer_h: Callable[[], Any] | None = None
    missing_h = None
    try:
        import holidays

        cn = holidays.China(years=range(2004, last_year + 1))
        peer_h = lambda: [cn.get_nth_working_day(d, 7) for d in days]  # noqa: E731
    except ImportError as exc:  # pragma: no cover
        missing_h = str(exc)
    out.append(
        Case(
            name="workdays.add(d, 7)",
            items=len(days),
            ours=lambda: [cal.add(d, 7) for d in days],
            peer_name="holidays.China().get_nth_working_day",
            peer=peer_h,
            peer_missing=missing_h,
            target=10.0,
            note=(
                "same dates; holidays uses the same convention for n > 0 (start day not "
                "counted) but guesses unknown years instead of raising"
            ),
        )
    )

    starts = days[: 20 if quick else 500]
    ends = [date(d.year + 1, d.month, min(d.day, 28)) for d in starts]
    pairs = [(s, e) for s, e in zip(starts, ends) if e.year <= last_year]
    count_peer: Callable[[], Any] | None = None
    if peer_h is not None:
        one = timedelta(days=1)
        count_peer = lambda: [  # noqa: E731
            cn.get_working_days_count(s + one, e) for s, e in pairs
        ]
    out.append(
        Case(
            name="workdays.count over one year",
            items=len(pairs),
            ours=lambda: [cal.count(s, e) for s, e in pairs],
            peer_name="holidays.China().get_working_days_count",
            peer=count_peer,
            peer_missing=missing_h,
            note="ours is a subtraction of two prefix sums (constant time); the peer walks each day",
        )
    )
    # Constant time: a span of about 20 years costs what a one-day span costs (ratio near 1).
    first, last = date(2004, 1, 1), date(last_year, 12, 31)
    long_pairs = [(first + timedelta(days=i), last - timedelta(days=i)) for i in range(len(starts))]
    short_pairs = [(s, s + timedelta(days=1)) for s, _ in long_pairs]
    out.append(
        Case(
            name="workdays.count over ~20 years",
            items=len(long_pairs),
            ours=lambda: [cal.count(s, e) for s, e in long_pairs],
            peer_name="workdays.count over one day (ours)",
            peer=lambda: [cal.count(s, e) for s, e in short_pairs],
            target=0.5,
            note="constant time: the span's length does not change the cost (ratio near 1)",
        )
    )
    return out
