"""The compiled working-day calendar: a few list look-ups per call."""

from __future__ import annotations

import enum
import functools
import os
from collections.abc import Iterable
from datetime import date, timedelta
from typing import final

import attrs

from .._dates import WEEKDAY_NAMES as _WEEKDAY_NAMES
from .._dates import as_date as _as_date
from .._text import redact
from ..errors import ArgumentError, ArgumentTypeError, CalendarDataMissing
from ._schedule import DayOverride, Schedule, consecutive, load_schedule, stored_schedules

__all__ = ["DayInfo", "DayKind", "WorkdayCalendar", "default_calendar"]



class DayKind(enum.Enum):
    """Why a day is or is not a working day.

    >>> default_calendar().day(date(2026, 9, 20)).kind
    <DayKind.MAKEUP_WORKDAY: 'make-up working day'>
    >>> DayKind.HOLIDAY.value
    'public holiday'
    """

    #: Monday to Friday, not named in any notice
    WORKDAY = "working day"
    #: Saturday or Sunday, not named in any notice
    WEEKEND = "weekend"
    #: a day off named in the State Council notice (放假)
    HOLIDAY = "public holiday"
    #: a weekend day the notice makes a working day (调休上班)
    MAKEUP_WORKDAY = "make-up working day"
    #: a day off added by a local override
    LOCAL_HOLIDAY = "local holiday"
    #: a working day added by a local override
    LOCAL_WORKDAY = "local working day"


_WORKING_KINDS = frozenset({DayKind.WORKDAY, DayKind.MAKEUP_WORKDAY, DayKind.LOCAL_WORKDAY})


@attrs.frozen
class DayInfo:
    """What the calendar knows about one day: working or not, why, and the holiday's name.

    ``provisional`` is true when the day lies in a year without a schedule and the
    calendar is in provisional mode (statutory holidays and weekends, no 调休).

    >>> info = default_calendar().day(date(2026, 10, 10))
    >>> info.is_workday, info.kind.value, info.name
    (True, 'make-up working day', '国庆节')
    >>> print(info)
    2026-10-10 Saturday: make-up working day (国庆节)
    """

    day: date
    kind: DayKind
    name: str | None = None
    provisional: bool = False

    @property
    def is_workday(self) -> bool:
        """Whether the day is a working day (工作日).

        >>> default_calendar().day(date(2026, 10, 1)).is_workday
        False
        """
        return self.kind in _WORKING_KINDS

    def __str__(self) -> str:
        what = self.kind.value + (f" ({self.name})" if self.name else "")
        if self.provisional:
            what += f", provisional: no schedule for {self.day.year}"
        return f"{self.day} {_WEEKDAY_NAMES[self.day.weekday()]}: {what}"


def _weekdays_through(ordinal: int) -> int:
    """Monday-to-Friday days among ordinals 1..ordinal (ordinal 1, 0001-01-01, is a Monday)."""
    weeks, rest = divmod(ordinal, 7)
    return 5 * weeks + min(rest, 5)


def _nth_weekday(total: int) -> int:
    """The smallest ordinal ``x`` with ``_weekdays_through(x) == total``: a weekday."""
    weeks, rest = divmod(total, 5)
    return 7 * weeks - 2 if rest == 0 else 7 * weeks + rest


def _as_count(value: object) -> int:
    """``value`` as a number of working days: an int (a float such as 7.0 is refused)."""
    if isinstance(value, int):
        return value
    raise ArgumentTypeError(
        "workdays.count",
        message_en=f"n must be an int (a number of working days), not {type(value).__name__}",
        message_zh=f"n 应为整数（工作日数），而不是 {type(value).__name__}",
        field="n",
    )


def _fromordinal(ordinal: int) -> date:
    """The date of ``ordinal``, or an ArgumentError that says the answer is out of range."""
    try:
        return date.fromordinal(ordinal)
    except (ValueError, OverflowError):
        raise ArgumentError(
            "workdays.range",
            message_en="the answer lies outside the dates Python can represent (years 1 to 9999)",
            message_zh="结果超出可表示的日期范围（公元1年至9999年）",
        ) from None


def _to_schedules(value: Iterable[Schedule]) -> tuple[Schedule, ...]:
    return tuple(value)


def _to_overrides(value: Iterable[DayOverride]) -> tuple[DayOverride, ...]:
    return tuple(value)


@final
@attrs.frozen(repr=False)
class WorkdayCalendar:
    """An immutable working-day calendar over consecutive years of official schedules.

    Build it from :class:`Schedule` values (one a year, consecutive), optional
    :class:`DayOverride` values for local changes, and ``provisional`` to treat years
    without a schedule as their statutory holidays and weekends (no 调休; weekends only past
    the lunar table) instead of raising
    :class:`~credit_disclosure.errors.CalendarDataMissing`. Most code uses
    :func:`default_calendar`.

    The counting convention is the civil code's: the start day is never counted
    (民法典 第二百零一条), working days exclude weekends and public holidays
    (行政许可法 第八十二条, 行政处罚法 第八十五条) and include the weekend days a notice
    makes working days (调休).

    >>> cal = default_calendar()
    >>> cal.add(date(2026, 9, 28), 7)  # across National Day 2026
    datetime.date(2026, 10, 13)
    >>> cal.count(date(2026, 9, 28), date(2026, 10, 13))
    7
    >>> cal.covered
    (2004, 2026)
    """

    schedules: tuple[Schedule, ...] = attrs.field(
        converter=_to_schedules,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(Schedule)),
    )
    overrides: tuple[DayOverride, ...] = attrs.field(
        default=(),
        converter=_to_overrides,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(DayOverride)),
    )
    provisional: bool = attrs.field(default=False, kw_only=True)

    # Compiled tables (not part of equality): the per-call path indexes these.
    _first: int = attrs.field(init=False, eq=False)
    _last: int = attrs.field(init=False, eq=False)
    _base: int = attrs.field(init=False, eq=False)  # ordinal of 1 January of the first year
    _size: int = attrs.field(init=False, eq=False)  # number of days in the table
    _flags: list[bool] = attrs.field(init=False, eq=False)  # working day, per day index
    _prefix: list[int] = attrs.field(init=False, eq=False)  # working days before index i (size+1)
    _dates: list[date] = attrs.field(init=False, eq=False)  # the working days, in order
    _named: dict[int, tuple[DayKind, str]] = attrs.field(init=False, eq=False)
    _known_end: int = attrs.field(init=False, eq=False)  # first ordinal after the published years

    def __attrs_post_init__(self) -> None:
        by_year: dict[int, Schedule] = {}
        for schedule in self.schedules:
            by_year[schedule.year] = schedule  # a later schedule for a year replaces it
        if not by_year:
            raise ArgumentError(
                "workdays.schedules",
                message_en="a WorkdayCalendar needs at least one year's schedule",
                message_zh="工作日日历至少需要一年的放假安排",
                field="schedules",
            )
        first, last = min(by_year), max(by_year)
        for year in range(first, last + 1):
            if year not in by_year:
                raise CalendarDataMissing(
                    year,
                    f"the calendar must cover consecutive years: add the schedule for {year} "
                    f"to cover {first} to {last}",
                )
        known_end = date(last, 12, 31).toordinal() + 1
        table_last = last
        if self.provisional:
            # Provisional years are the statutory holidays and weekends (no 调休): 元旦 is a
            # day off before any notice is out (国务院令第795号, docs/sources.md).
            from ._statutory import statutory_schedule, statutory_years

            for year in range(last + 1, statutory_years()[1] + 1):
                by_year[year] = statutory_schedule(year)
                table_last = year
        base = date(first, 1, 1).toordinal()
        size = date(table_last, 12, 31).toordinal() - base + 1
        flags = [(base + i - 1) % 7 < 5 for i in range(size)]
        named: dict[int, tuple[DayKind, str]] = {}

        def put(day: date, working: bool, kind: DayKind, name: str) -> None:
            i = day.toordinal() - base
            if 0 <= i < size:  # a December day of the year before the first is irrelevant
                flags[i] = working
                named[i] = (kind, name)

        for year in range(first, table_last + 1):  # in order: a notice may amend late December
            schedule = by_year[year]
            for rng in schedule.holidays:
                for day in rng.days():
                    put(day, False, DayKind.HOLIDAY, rng.name)
            for mk in schedule.workdays:
                put(mk.day, True, DayKind.MAKEUP_WORKDAY, mk.name)
        for ov in self.overrides:
            if not first <= ov.day.year <= last:
                raise CalendarDataMissing(
                    ov.day.year,
                    f"override for {ov.day} ({ov.name}): add the schedule for "
                    f"{ov.day.year} before overriding its days",
                )
            kind = DayKind.LOCAL_WORKDAY if ov.workday else DayKind.LOCAL_HOLIDAY
            put(ov.day, ov.workday, kind, ov.name)

        prefix = [0] * (size + 1)
        running = 0
        dates: list[date] = []
        for i, working in enumerate(flags):
            prefix[i] = running
            if working:
                running += 1
                dates.append(date.fromordinal(base + i))
        prefix[size] = running
        # Sorted schedules, so that equal calendars compare equal (published years only).
        object.__setattr__(
            self, "schedules", tuple(by_year[y] for y in sorted(by_year) if y <= last)
        )
        for name, value in (
            ("_first", first),
            ("_last", last),
            ("_base", base),
            ("_size", size),
            ("_flags", flags),
            ("_prefix", prefix),
            ("_dates", dates),
            ("_named", named),
            ("_known_end", known_end),
        ):
            object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        return redact(
            f"WorkdayCalendar(covered={self.covered!r}, overrides={len(self.overrides)}, "
            f"provisional={self.provisional!r})"
        )

    # -- what it knows ---------------------------------------------------------------

    @property
    def covered(self) -> tuple[int, int]:
        """The first and last year the calendar has a schedule for.

        >>> default_calendar().covered[0]
        2004
        """
        return (self._first, self._last)

    def covers(self, d: date) -> bool:
        """Whether ``d`` lies in a year with a schedule (provisional mode aside).

        >>> cal = default_calendar()
        >>> cal.covers(date(2026, 12, 31)), cal.covers(date(2027, 1, 1))
        (True, False)
        """
        return self._base <= _as_date(d, "d").toordinal() < self._known_end

    def schedule(self, year: int) -> Schedule:
        """The schedule the calendar uses for ``year``.

        >>> default_calendar().schedule(2025).holidays[0].name
        '元旦'
        """
        for s in self.schedules:
            if s.year == year:
                return s
        raise CalendarDataMissing(year)

    def _missing(self, ordinal: int) -> CalendarDataMissing:
        return CalendarDataMissing(date.fromordinal(ordinal).year)

    # -- the per-call path -------------------------------------------------------------

    def is_workday(self, d: date) -> bool:
        """Whether ``d`` is a working day.

        Raises :class:`~credit_disclosure.errors.CalendarDataMissing` for a year without a
        schedule, unless the calendar is provisional (then: the statutory holidays and weekends).

        >>> cal = default_calendar()
        >>> cal.is_workday(date(2026, 10, 10)), cal.is_workday(date(2026, 10, 8))
        (True, True)
        >>> cal.is_workday(date(2026, 10, 1)), cal.is_workday(date(2026, 10, 11))
        (False, False)
        >>> cal.is_workday(date(2027, 1, 4))
        Traceback (most recent call last):
        ...
        credit_disclosure.errors.CalendarDataMissing: no working-day schedule for 2027 ...
        """
        if d.__class__ is not date:  # the fast path is one class check
            d = _as_date(d, "d")
        o = d.toordinal()
        i = o - self._base
        if 0 <= i < self._size:
            return self._flags[i]
        if self.provisional:
            return d.weekday() < 5
        raise self._missing(o)

    def _before(self, o: int) -> int:
        """Working days with ordinal below ``o``, counted from the table's first day.

        Negative below the table. Outside the table only in provisional mode, where
        the unknown years count Monday to Friday.
        """
        i = o - self._base
        if 0 <= i <= self._size:
            return self._prefix[i]
        if not self.provisional:
            raise CalendarDataMissing(self._last + 1 if i > self._size else self._first - 1)
        end = self._base + self._size  # first ordinal after the table
        if i > self._size:
            return self._prefix[self._size] + _weekdays_through(o - 1) - _weekdays_through(end - 1)
        return _weekdays_through(o - 1) - _weekdays_through(self._base - 1)

    def _nth(self, k: int) -> date:
        """The working day ``x`` with ``_before(x + 1) == k`` (the k-th from the table start)."""
        dates = self._dates
        if 1 <= k <= len(dates):
            return dates[k - 1]
        if not self.provisional:
            raise CalendarDataMissing(self._last + 1 if k > len(dates) else self._first - 1)
        if k > len(dates):
            end = self._base + self._size
            total = k - len(dates) + _weekdays_through(end - 1)
        else:
            total = k + _weekdays_through(self._base - 1)
        return _fromordinal(_nth_weekday(total))

    def add(self, d: date, n: int) -> date:
        """The ``n``-th working day after ``d``; ``d`` itself is never counted.

        ``d`` is not counted whether or not it is a working day (民法典 第二百零一条).
        Negative ``n`` counts backwards; ``n == 0`` returns ``d`` if it is a working day
        and otherwise the next working day. Raises
        :class:`~credit_disclosure.errors.CalendarDataMissing` when the answer depends on
        a year without a schedule (unless provisional).

        >>> cal = default_calendar()
        >>> cal.add(date(2026, 9, 30), 1)  # the holiday 10-01...10-07 is skipped
        datetime.date(2026, 10, 8)
        >>> cal.add(date(2026, 10, 3), 0), cal.add(date(2026, 10, 8), -1)
        (datetime.date(2026, 10, 8), datetime.date(2026, 9, 30))
        >>> cal.add(date(2026, 12, 28), 7)
        Traceback (most recent call last):
        ...
        credit_disclosure.errors.CalendarDataMissing: no working-day schedule for 2027 ...
        """
        try:  # the fast path: two list look-ups
            i = d.toordinal() - self._base
            if n > 0 and 0 <= i < self._size and d.__class__ is date:  # never a datetime
                k = self._prefix[i + 1] + n
                if k <= len(self._dates):
                    return self._dates[k - 1]
        except Exception:  # e.g. Decimal("NaN") > 0 raises InvalidOperation
            pass  # a wrong type: the checks below say which argument
        d, n = _as_date(d, "d"), _as_count(n)
        o = d.toordinal()
        if n > 0:
            return self._nth(self._before(o + 1) + n)
        if n < 0:
            return self._nth(self._before(o) + n + 1)
        if self.is_workday(d):
            return d
        return self._nth(self._before(o + 1) + 1)

    def count(self, start: date, end: date) -> int:
        """Working days stepped on going from ``start`` to ``end``: the span (start, end].

        ``start`` is not counted, ``end`` is. When ``end`` is before ``start`` the
        result is negative: minus the working days in [end, start), so that
        ``count(d, add(d, n)) == n`` for every ``n != 0``. Constant time.

        >>> cal = default_calendar()
        >>> cal.count(date(2026, 9, 30), date(2026, 10, 8))
        1
        >>> cal.count(date(2025, 12, 31), date(2026, 12, 31))  # working days in 2026
        248
        >>> cal.count(date(2026, 10, 8), date(2026, 9, 30))
        -1
        """
        if start.__class__ is not date or end.__class__ is not date:
            start, end = _as_date(start, "start"), _as_date(end, "end")
        a, b = start.toordinal(), end.toordinal()
        base, size, prefix = self._base, self._size, self._prefix
        if b >= a:
            if base <= a and b < base + size:  # the fast path: a subtraction
                return prefix[b + 1 - base] - prefix[a + 1 - base]
            return self._before(b + 1) - self._before(a + 1)
        return self._before(b) - self._before(a)

    def day(self, d: date) -> DayInfo:
        """Why ``d`` is or is not a working day, with the holiday's name.

        >>> print(default_calendar().day(date(2026, 10, 1)))
        2026-10-01 Thursday: public holiday (国庆节)
        >>> print(default_calendar().with_provisional().day(date(2027, 1, 1)))
        2027-01-01 Friday: public holiday (元旦), provisional: no schedule for 2027
        """
        d = _as_date(d, "d")
        o = d.toordinal()
        i = o - self._base
        weekend = d.weekday() >= 5
        plain = DayKind.WEEKEND if weekend else DayKind.WORKDAY
        if 0 <= i < self._size:
            estimate = o >= self._known_end
            known = self._named.get(i)
            if known is None:
                return DayInfo(d, plain, provisional=estimate)
            return DayInfo(d, known[0], known[1], provisional=estimate)
        if self.provisional:
            return DayInfo(d, plain, provisional=True)
        raise self._missing(o)

    def days(self, start: date, end: date) -> list[DayInfo]:
        """:meth:`day` for each day of the span (start, end], in order.

        >>> [str(x) for x in default_calendar().days(date(2026, 10, 9), date(2026, 10, 11))]
        ['2026-10-10 Saturday: make-up working day (国庆节)', '2026-10-11 Sunday: weekend']
        """
        start, end = _as_date(start, "start"), _as_date(end, "end")
        span = (end - start).days
        return [self.day(start + timedelta(days=i)) for i in range(1, span + 1)]

    # -- making new calendars ----------------------------------------------------------

    def with_schedule(self, *schedules: Schedule | str | os.PathLike[str]) -> WorkdayCalendar:
        """A new calendar with these schedules added (or replacing a year already there).

        Each is a :class:`Schedule` or the path of a schedule file (read with
        :func:`load_schedule`). Years must stay consecutive: add 2027 before 2028. A
        notice for next year may also move days at the end of December of this year;
        they are applied.

        >>> from credit_disclosure.workdays import HolidayRange, Schedule
        >>> y2027 = Schedule(2027, holidays=(HolidayRange("元旦", date(2027, 1, 1),
        ...                                              date(2027, 1, 1)),), source="test")
        >>> cal = default_calendar().with_schedule(y2027)
        >>> cal.covered, cal.is_workday(date(2027, 1, 1))
        ((2004, 2027), False)
        """
        added = tuple(s if isinstance(s, Schedule) else load_schedule(s) for s in schedules)
        return WorkdayCalendar(self.schedules + added, self.overrides, provisional=self.provisional)

    def with_overrides(self, *overrides: DayOverride) -> WorkdayCalendar:
        """A new calendar with local changes to single days (applied after the notices).

        >>> from credit_disclosure.workdays import DayOverride
        >>> cal = default_calendar().with_overrides(
        ...     DayOverride(date(2026, 4, 20), workday=False, name="三月三", source="广西"))
        >>> cal.is_workday(date(2026, 4, 20)), cal.day(date(2026, 4, 20)).kind.value
        (False, 'local holiday')
        """
        return WorkdayCalendar(
            self.schedules, self.overrides + tuple(overrides), provisional=self.provisional
        )

    def with_provisional(self, provisional: bool = True) -> WorkdayCalendar:
        """A new calendar that estimates years without a schedule (or not).

        An estimated year has its statutory holidays (全国年节及纪念日放假办法, see
        :func:`statutory_holidays`) and weekends off and no 调休; past the lunar table,
        weekends only.

        Every result that depends on such a year is marked provisional where it
        surfaces (:class:`DayInfo`, deadlines). Opt in only when an estimate is better
        than no answer; replace it once the notice is out.

        >>> default_calendar().with_provisional().add(date(2026, 12, 28), 7)  # 元旦 is off
        datetime.date(2027, 1, 7)
        """
        return WorkdayCalendar(self.schedules, self.overrides, provisional=provisional)


@functools.lru_cache(maxsize=2)
def default_calendar(*, provisional: bool = False) -> WorkdayCalendar:
    """The calendar of the shipped notices and those added with ``calendar add`` (cached).

    Covers 2004 to the last year chinese-calendar lists, then each year stored in the user's
    data directory (:func:`stored_schedules`, ``$CREDIT_DISCLOSURE_DATA_DIR``) that follows
    without a gap; a stored year replaces a shipped one. ``provisional=True`` returns the
    same calendar in provisional mode (see :meth:`WorkdayCalendar.with_provisional`).

    >>> default_calendar() is default_calendar()
    True
    >>> default_calendar(provisional=True).provisional
    True
    """
    schedules, _dropped = consecutive(stored_schedules())
    return WorkdayCalendar(schedules, provisional=provisional)
