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


def as_date_error(value: object, what: str, code: str = "workdays.date") -> ArgumentTypeError:
    """The error for a date argument ``what`` that is not a date (the value is not quoted).

    >>> print(as_date_error("2026-10-01", "start"))
    workdays.date in field start: start must be a datetime.date, not str (start 应为日期 (datetime.date)，而不是 str)
    """
    name = type(value).__name__
    hint_en = hint_zh = ""
    if isinstance(value, datetime):  # a time of day is not a day: no silent truncation
        hint_en = " (a time of day is not a day: pass value.date())"
        hint_zh = "（时刻不是日期：请传入 value.date()）"
    return ArgumentTypeError(
        code,
        message_en=f"{what} must be a datetime.date, not {name}{hint_en}",
        message_zh=f"{what} 应为日期 (datetime.date)，而不是 {name}{hint_zh}",
        field=what,
    )


def as_date(value: object, what: str, code: str = "workdays.date") -> date:
    """``value`` if it is a plain date; anything else is refused, naming the argument ``what``.

    The one date-argument rule of the library (docs/errors.md, "Date arguments"): a date
    argument is a :class:`datetime.date`. A :class:`~datetime.datetime` (or a pandas
    ``Timestamp``) is refused too, not truncated: a deadline is a day, and which day a time
    of day belongs to depends on a time zone the library cannot know. The error is an
    :class:`~credit_disclosure.errors.ArgumentTypeError` (a ``TypeError``) with ``code``
    (each area keeps its own: ``workdays.date``, ``argument.type``) and ``field`` = ``what``.

    >>> as_date(date(2026, 10, 8), "d")
    datetime.date(2026, 10, 8)
    >>> as_date(datetime(2026, 10, 8, 15, 30), "d")
    Traceback (most recent call last):
        ...
    credit_disclosure.errors.ArgumentTypeError: workdays.date in field d: d must be a datetime.date, not datetime (a time of day is not a day: pass value.date()) (d 应为日期 (datetime.date)，而不是 datetime（时刻不是日期：请传入 value.date()）)
    """
    if value.__class__ is date:
        return value
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    raise as_date_error(value, what, code)
