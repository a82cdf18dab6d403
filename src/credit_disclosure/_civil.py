"""Counting periods as the Civil Code says (民法典 第二百零一至二百零三条): the one place.

第二百零一条: a period counted in years, months or days starts on the day after the
starting day. 第二百零二条: a period counted in months or years ends on the day of the
final month with the same number as the starting day; when that month has no such
day, on the month's last day. (第二百零三条, moving a last day off a rest day, needs
a working-day calendar and lives in :mod:`credit_disclosure.deadlines`.)

Used by :class:`credit_disclosure.policy.Period` (disclosure terms) and
:class:`credit_disclosure.deadlines.CalendarPeriod` (deadlines), so both count a
month the same way. Source: docs/sources.md#src-civil-code.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Final

__all__ = ["add_months", "months_and_days_after"]

_MONTH_DAYS: Final = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def add_months(start: date, months: int) -> date:
    """The last day of a period of ``months`` months from ``start`` (第二百零二条).

    The day of the final month with ``start``'s number, or that month's last day.
    Raises :class:`OverflowError` when the answer lies after 9999-12-31 (the
    callers turn it into their own coded error).

    >>> add_months(date(2024, 2, 29), 12), add_months(date(2023, 1, 31), 1)
    (datetime.date(2025, 2, 28), datetime.date(2023, 2, 28))
    >>> add_months(date(2022, 3, 1), 3)
    datetime.date(2022, 6, 1)
    """
    index = start.year * 12 + (start.month - 1) + months
    year, month0 = divmod(index, 12)
    if not 1 <= year <= date.max.year:
        raise OverflowError(f"{months} months from {start.isoformat()} is not a representable date")
    day = start.day
    if day > 28:  # 第二百零二条: no such day in the final month -> its last day
        last = 29 if month0 == 1 and calendar.isleap(year) else _MONTH_DAYS[month0]
        day = min(day, last)
    return date(year, month0 + 1, day)


def months_and_days_after(start: date, months: int, days: int) -> date:
    """``months`` counted as :func:`add_months` does, then ``days`` calendar days.

    Raises :class:`OverflowError` when the answer lies after 9999-12-31.

    >>> months_and_days_after(date(2026, 1, 31), 1, 3)
    datetime.date(2026, 3, 3)
    """
    return add_months(start, months) + timedelta(days=days)  # OverflowError past 9999
