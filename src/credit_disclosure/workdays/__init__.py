"""Working days (工作日) on the State Council's yearly holiday schedules.

A :class:`WorkdayCalendar` answers three questions fast: is a day a working day,
which day is the n-th working day after another, and how many working days lie
between two days. The start day is never counted (民法典 第二百零一条). A year without
a schedule raises :class:`~credit_disclosure.errors.CalendarDataMissing`: add the
year's notice with :meth:`WorkdayCalendar.with_schedule` and :func:`load_schedule`,
or opt in to provisional answers (statutory holidays and weekends, no 调休).

>>> from datetime import date
>>> from credit_disclosure.workdays import default_calendar
>>> cal = default_calendar()
>>> cal.add(date(2026, 9, 28), 7)
datetime.date(2026, 10, 13)
>>> cal.count(date(2026, 9, 28), date(2026, 10, 13))
7
"""

from __future__ import annotations

from .._contracts import guard_public as _guard_public
from ._bounds import (
    DateBounds,
    TiaoxiuPattern,
    TiaoxiuWindow,
    WorkdayBounds,
    YearCoverage,
    YearState,
    coverage,
    default_bounds,
    default_pattern,
    learn_pattern,
    pattern_from_dict,
)
from ._calendar import DayInfo, DayKind, WorkdayCalendar, default_calendar
from ._notice import parse_notice
from ._schedule import (
    DayOverride,
    HolidayRange,
    MakeupWorkday,
    NoticeRef,
    Schedule,
    builtin_schedules,
    data_dir,
    load_schedule,
    schedule_from_dict,
    schedule_to_dict,
    stored_schedules,
)
from ._statutory import (
    STATUTORY_RULES,
    Anchor,
    StatutoryHoliday,
    StatutoryRules,
    statutory_holidays,
    statutory_rules,
    statutory_schedule,
    statutory_years,
)
from ._store import (
    NoticeStatus,
    add_notice,
    notice_status,
    store_schedule,
)

__all__ = [
    "STATUTORY_RULES",
    "Anchor",
    "DateBounds",
    "DayInfo",
    "DayKind",
    "DayOverride",
    "HolidayRange",
    "MakeupWorkday",
    "NoticeRef",
    "NoticeStatus",
    "Schedule",
    "StatutoryHoliday",
    "StatutoryRules",
    "TiaoxiuPattern",
    "TiaoxiuWindow",
    "WorkdayBounds",
    "WorkdayCalendar",
    "YearCoverage",
    "YearState",
    "add_notice",
    "builtin_schedules",
    "coverage",
    "data_dir",
    "default_bounds",
    "default_calendar",
    "default_pattern",
    "learn_pattern",
    "load_schedule",
    "notice_status",
    "parse_notice",
    "pattern_from_dict",
    "schedule_from_dict",
    "schedule_to_dict",
    "statutory_holidays",
    "statutory_rules",
    "statutory_schedule",
    "statutory_years",
    "store_schedule",
    "stored_schedules",
]

# The error contract at the public boundary (docs/errors.md, "Argument errors").
_guard_public(globals())
