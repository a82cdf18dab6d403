"""民法典 第二百零二条 month arithmetic: one implementation for policy terms and deadlines."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure._civil import add_months, months_and_days_after
from credit_disclosure.deadlines import CalendarPeriod
from credit_disclosure.policy import Period


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2022, 3, 1), 3, date(2022, 6, 1)),
        (date(2022, 12, 15), 0, date(2022, 12, 15)),
    ],
)
def test_add_months_examples(start: date, months: int, end: date) -> None:
    """The final month's day with the start's number, or that month's last day."""
    assert add_months(start, months) == end


@given(st.dates(max_value=date(9000, 1, 1)), st.integers(0, 600), st.integers(0, 400))
def test_policy_and_deadlines_count_months_alike(start: date, months: int, days: int) -> None:
    """policy.Period and deadlines.CalendarPeriod end where the shared rule (and dateutil) say."""
    expected = start + relativedelta(months=months, days=days)
    assert months_and_days_after(start, months, days) == expected
    assert Period(months).last_day(start) == add_months(start, months)
    if months or days:
        assert CalendarPeriod(months=months, days=days).nominal_end(start) == expected


def test_past_year_9999_is_an_overflow() -> None:
    """An answer after 9999-12-31 raises OverflowError, which the callers turn into their own."""
    with pytest.raises(OverflowError):
        add_months(date(9999, 12, 1), 1)
    with pytest.raises(OverflowError):
        months_and_days_after(date(9999, 12, 1), 0, 31)
    assert months_and_days_after(date(9999, 11, 30), 1, 0) == date.max - timedelta(days=1)
