"""Working-day arithmetic: add(d, 7) and count over a year, against chinese-calendar and holidays."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from benchmarks._harness import Case
from credit_disclosure.deadlines import PUBLICATION, bounded_deadline, check_timeliness_bounded
from credit_disclosure.workdays import default_bounds, default_calendar


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
    out.extend(_bounded_cases(quick, days, last_year))
    return out


def _bounded_cases(quick: bool, days: list[date], last_year: int) -> list[Case]:
    """Deadlines with bounds: what answering a statutory-only year costs."""
    bounds = default_bounds()
    rng = random.Random(20261203)
    first = date(last_year, 11, 1).toordinal()
    stop = date(last_year + 1, 12, 15).toordinal()
    ahead = [date.fromordinal(rng.randint(first, stop)) for _ in range(200 if quick else 20_000)]
    known = days[: len(ahead)]
    out = [
        Case(
            name="bounds.add(d, 7), statutory-only",
            items=len(ahead),
            ours=lambda: [bounds.add(d, 7) for d in ahead],
            peer_name="workdays.add(d, 7), published (ours)",
            peer=lambda: [bounds.calendar.add(d, 7) for d in known],
            target=0.1,
            note="three look-ups (earliest, estimate, latest) instead of one",
        ),
        Case(
            name="bounded_deadline, statutory-only",
            items=len(ahead),
            ours=lambda: [bounded_deadline(d) for d in ahead],
            peer_name="PUBLICATION.due, published (ours)",
            peer=lambda: [PUBLICATION.due(d) for d in known],
            target=0.1,
            note="the bounded answer (earliest, estimate, latest, year states) against the plain one",
        ),
    ]
    published = [d + timedelta(days=9) for d in ahead]
    pairs = list(zip(ahead, published))
    peer: Callable[[], Any] | None = None
    missing = None
    try:
        import holidays

        cn = holidays.China(years=range(2004, last_year + 3))
        peer = lambda: [cn.get_nth_working_day(d, 7) < p for d, p in pairs]  # noqa: E731
    except ImportError as exc:  # pragma: no cover
        missing = str(exc)
    out.append(
        Case(
            name="check_timeliness_bounded, statutory-only",
            items=len(pairs),
            ours=lambda: [check_timeliness_bounded(d, p) for d, p in pairs],
            peer_name="holidays.China() nth working day (a silent guess)",
            peer=peer,
            peer_missing=missing,
            note=(
                "holidays answers 2027 without 调休 and without saying so; ours is certain or "
                "says undetermined until the notice"
            ),
        )
    )
    return out
