"""Date arguments and weekday names, shared by :mod:`~credit_disclosure.workdays` and
:mod:`~credit_disclosure.deadlines` (so neither reaches into the other's private modules).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final

from .errors import ArgumentTypeError

__all__ = ["WEEKDAY_NAMES", "as_date", "as_date_error"]

#: English weekday names, Monday first (``date.weekday()`` order).
WEEKDAY_NAMES: Final = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)


def as_date_error(value: object, what: str) -> ArgumentTypeError:
    """The error for a date argument ``what`` that is not a date (the value is not quoted).

    >>> print(as_date_error("2026-10-01", "start"))
    workdays.date in field start: start must be a datetime.date, not str (start 应为日期 (datetime.date)，而不是 str)
    """
    return ArgumentTypeError(
        "workdays.date",
        message_en=f"{what} must be a datetime.date, not {type(value).__name__}",
        message_zh=f"{what} 应为日期 (datetime.date)，而不是 {type(value).__name__}",
        field=what,
    )


def as_date(value: object, what: str) -> date:
    """``value`` as a plain date; a datetime (or a pandas Timestamp) loses its time of day.

    Anything else is an :class:`~credit_disclosure.errors.ArgumentTypeError` (a ``TypeError``).

    >>> as_date(datetime(2026, 10, 8, 15, 30), "d")
    datetime.date(2026, 10, 8)
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise as_date_error(value, what)
