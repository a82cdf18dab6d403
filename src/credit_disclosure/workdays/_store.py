"""Notices the user added: stored in the user's data directory, read by every later run.

``credit-disclosure calendar add NOTICE.txt`` parses the notice (:func:`parse_notice`) and
stores the schedule as ``schedules/YYYY.json`` and the text as ``notices/YYYY-<sha8>.txt`` in
:func:`data_dir` (platformdirs' user data directory, or ``$CREDIT_DISCLOSURE_DATA_DIR``).
:func:`~credit_disclosure.workdays.default_calendar` reads them after the shipped years, so a
new year needs no release. A stored year replaces a shipped one (an amendment, say).
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date
from pathlib import Path

import attrs

from .._atomic import atomic_output
from .._i18n import ui
from ..errors import InvalidComponent, InvalidFormat
from ._bounds import YearState
from ._calendar import WorkdayCalendar, default_calendar
from ._notice import amended_year, parse_notice
from ._schedule import (
    Schedule,
    builtin_schedules,
    consecutive,
    data_dir,
    schedule_to_dict,
    stored_schedules,
)

__all__ = [
    "USUAL_WINDOW",
    "NoticeStatus",
    "add_notice",
    "notice_status",
    "store_schedule",
]

def store_schedule(
    schedule: Schedule,
    text: str | None = None,
    *,
    directory: str | os.PathLike[str] | None = None,
) -> Path:
    """Store ``schedule`` (and the notice ``text`` it was read from); return the file written.

    The year must follow the years already known (shipped or stored) or replace one of
    them: a gap would leave a year between them unknown (code ``calendar.gap``).
    Later runs pick it up; the caches of this process are cleared.

    >>> import tempfile
    >>> from datetime import date
    >>> from credit_disclosure.workdays import HolidayRange
    >>> folder = tempfile.mkdtemp()
    >>> fake = Schedule(2027, holidays=(HolidayRange("元旦", date(2027, 1, 1), date(2027, 1, 1)),),
    ...                 source="example (fictitious)")
    >>> store_schedule(fake, directory=folder).name
    '2027.json'
    >>> [s.year for s in stored_schedules(folder)]
    [2027]
    """
    folder = Path(directory) if directory is not None else data_dir()
    known = {s.year for s in builtin_schedules()} | {s.year for s in stored_schedules(folder)}
    if schedule.year not in known and schedule.year - 1 not in known:
        last = max(known)
        raise InvalidComponent(
            "calendar.gap",
            message_en=f"the notice is for {schedule.year}, but the calendar ends in {last}: "
            f"add the notices for {last + 1} to {schedule.year - 1} first",
            message_zh=f"通知为{schedule.year}年，但日历止于{last}年，请先添加中间年份的通知",
        )
    (folder / "schedules").mkdir(parents=True, exist_ok=True)
    if text is not None:
        (folder / "notices").mkdir(parents=True, exist_ok=True)
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        with atomic_output(folder / "notices" / f"{schedule.year}-{sha[:8]}.txt") as fp:
            fp.write(text)
    target = folder / "schedules" / f"{schedule.year}.json"
    with atomic_output(target, newline=None) as fp:
        json.dump(schedule_to_dict(schedule), fp, ensure_ascii=False, indent=2)
        fp.write("\n")
    _forget()
    return target


def _forget() -> None:
    """Clear the caches that hold the default calendar, so this process sees the new year."""
    from ._bounds import _LAST, _bounds_for

    default_calendar.cache_clear()
    _bounds_for.cache_clear()
    _LAST.clear()


def add_notice(
    text: str, *, url: str = "", directory: str | os.PathLike[str] | None = None
) -> Schedule:
    """Parse a notice and store it; an amending notice amends the year it names.

    What ``credit-disclosure calendar add`` does. Returns the stored schedule.

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> s = add_notice('''国务院办公厅关于2027年部分节假日安排的通知
    ... 一、元旦：1月1日（周五）至3日（周日）放假，共3天。
    ... 国务院办公厅
    ... 2026年12月1日''', directory=folder)  # a made-up notice, for the example only
    >>> s.year, s.notice.published, [x.year for x in stored_schedules(folder)]
    (2027, datetime.date(2026, 12, 1), [2027])
    """
    year = amended_year(text)
    base: Schedule | None = None
    if year is not None:
        folder = Path(directory) if directory is not None else data_dir()
        schedules, _ = consecutive(stored_schedules(folder))
        try:
            base = WorkdayCalendar(schedules).schedule(year)
        except LookupError:
            raise InvalidFormat(
                "notice.amendment",
                message_en=f"the notice amends {year}, whose notice is not loaded: add it first",
                message_zh=f"该通知修改{year}年安排，请先添加{year}年的通知",
            ) from None
    schedule = parse_notice(text, amends=base, url=url)
    store_schedule(schedule, text, directory=directory)
    return schedule


#: When the yearly notices appeared, 2011-2026 (the dates under their signatures): never
#: before 25 October, always by 16 December (tests/data/notices/).
USUAL_WINDOW = ((10, 25), (12, 16))


@attrs.frozen
class NoticeStatus:
    """Whether next year's notice is loaded, and whether it is overdue by past years' dates.

    >>> st = notice_status(date(2026, 12, 3))
    >>> st.year, st.state.value, st.level
    (2027, 'statutory-only', 'warning')
    """

    today: date
    year: int
    state: YearState
    #: ``ok`` (loaded, or before notices usually appear), ``warning`` (not loaded, and
    #: notices usually appear by now) or ``overdue`` (later than every notice since 2011)
    level: str
    message: str
    #: :attr:`message` in Chinese
    message_zh: str = ""


def notice_status(today: date, *, calendar: WorkdayCalendar | None = None) -> NoticeStatus:
    """Is next year's notice loaded? A warning when it is not and notices are usually out.

    ``today`` is passed in (the command line passes the system date).

    >>> notice_status(date(2026, 6, 1)).level
    'ok'
    >>> print(notice_status(date(2026, 11, 10)).message)
    the 2027 notice is not loaded (2027 is statutory-only); notices usually appear between 10-25 and 12-16: check whether it is out and add it (credit-disclosure calendar add NOTICE.txt)
    """
    from ._bounds import default_bounds

    bounds = default_bounds(calendar)
    year = today.year + 1
    state = bounds.state(year)
    (m1, d1), (m2, d2) = USUAL_WINDOW
    opens, closes = date(today.year, m1, d1), date(today.year, m2, d2)
    params = {
        "year": year,
        "opens": f"{opens:%m-%d}",
        "closes": f"{closes:%m-%d}",
    }

    def status(level: str, text_id: str) -> NoticeStatus:
        en = ui(text_id, "en", state=ui(f"yearstate.{state.value}", "en"), **params)
        zh = ui(text_id, "zh", state=ui(f"yearstate.{state.value}", "zh"), **params)
        return NoticeStatus(today, year, state, level, en, zh)

    if state is YearState.PUBLISHED:
        return status("ok", "calendar.notice_loaded")
    if today < opens:
        return status("ok", "calendar.notice_early")
    if today <= closes:
        return status("warning", "calendar.notice_due")
    return status("overdue", "calendar.notice_overdue")
