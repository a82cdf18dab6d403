"""Calendar periods of months and years (民法典 第二百零一、二百零二条)."""

from __future__ import annotations

from datetime import date

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure.errors import PolicyError
from credit_disclosure.policy import Period
from credit_disclosure.policy._periods import next_day


@pytest.mark.parametrize(
    ("start", "period", "last"),
    [
        (date(2022, 3, 1), "1Y", date(2023, 3, 1)),  # the example
        (date(2024, 2, 29), "1Y", date(2025, 2, 28)),  # no 29 February: month's last day
        (date(2022, 3, 1), "3M", date(2022, 6, 1)),  # minimum term of the example
        (date(2026, 5, 10), "3M", date(2026, 8, 10)),
        (date(2026, 5, 10), "1Y", date(2027, 5, 10)),
        (date(2023, 1, 31), "1M", date(2023, 2, 28)),
        (date(2024, 1, 31), "1M", date(2024, 2, 29)),
        (date(2023, 8, 31), "1M", date(2023, 9, 30)),
        (date(2022, 12, 15), "1M", date(2023, 1, 15)),
        (date(2022, 3, 1), "3Y", date(2025, 3, 1)),
        (date(2024, 2, 29), "4Y", date(2028, 2, 29)),
        (date(2022, 3, 1), "0M", date(2022, 3, 1)),
    ],
)
def test_last_day(start: date, period: str, last: date) -> None:
    """The last day is the final month's day with the start's number, else that month's end."""
    assert Period.parse(period).last_day(start) == last


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2900, 12, 31)), st.integers(0, 600))
def test_last_day_agrees_with_relativedelta(start: date, months: int) -> None:
    """Our month arithmetic equals dateutil's relativedelta (which clamps to the month's end)."""
    assert Period(months).last_day(start) == start + relativedelta(months=months)


@given(st.integers(0, 9999))
def test_code_round_trip(months: int) -> None:
    """``Period.parse(p.code())`` gives ``p`` back."""
    assert Period.parse(Period(months).code()) == Period(months)


@pytest.mark.parametrize("junk", ["", "3", "M", "1.5Y", "-1M", "3D", "1 year", "ＹＹ", None, 3])
def test_parse_rejects_junk(junk: object) -> None:
    """Anything but ``<n>M`` / ``<n>Y`` raises PolicyError, never a bare exception."""
    with pytest.raises(PolicyError, match=r"^policy\.period: a period is written like"):
        Period.parse(junk)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [-1, True, 1.5, "3"])
def test_period_rejects_non_months(bad: object) -> None:
    """A period is a whole, non-negative number of months."""
    with pytest.raises(PolicyError, match=r"^policy\.period: a period is a whole"):
        Period(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("period", "start"),
    [(Period.parse("9999Y"), date(2022, 3, 1)), (Period(3), date(9999, 10, 31))],
)
def test_last_day_beyond_9999_is_a_policy_error(period: Period, start: date) -> None:
    """A term ending after 9999-12-31 raises PolicyError (policy.date_range), not ValueError."""
    with pytest.raises(PolicyError, match=r"policy\.date_range"):
        period.last_day(start)


def test_next_day_at_the_end_of_time() -> None:
    """The day after 9999-12-31 is a PolicyError, not an OverflowError."""
    assert next_day(date(2024, 2, 28)) == date(2024, 2, 29)
    with pytest.raises(PolicyError, match=r"policy\.date_range"):
        next_day(date.max)


def test_parse_folds_full_width() -> None:
    """Periods typed with full-width characters (``３Ｍ``) read like ASCII ones."""
    assert Period.parse("３Ｍ") == Period(3) and Period.parse(" １ｙ ") == Period(12)


def test_str_and_years() -> None:
    """Periods read naturally and ``Period.years`` counts 12 months a year."""
    assert (str(Period(1)), str(Period(12)), str(Period(24)), str(Period(5))) == (
        "1 month",
        "1 year",
        "2 years",
        "5 months",
    )
    assert Period.years(3) == Period(36)
