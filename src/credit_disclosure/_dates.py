"""Date arguments and weekday names, shared by :mod:`~credit_disclosure.workdays` and
:mod:`~credit_disclosure.deadlines` (so neither reaches into the other's private modules).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final

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


def as_date_error(value: object, what: str) -> str:
    """The message of a date argument that is not a date.

    >>> as_date_error("2026-10-01", "start")
    "start must be a datetime.date, not str: '2026-10-01'"
    """
    return f"{what} must be a datetime.date, not {type(value).__name__}: {value!r:.40}"


def as_date(value: object, what: str) -> date:
    """``value`` as a plain date; a datetime (or a pandas Timestamp) loses its time of day.

    >>> as_date(datetime(2026, 10, 8, 15, 30), "d")
    datetime.date(2026, 10, 8)
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise TypeError(as_date_error(value, what))
