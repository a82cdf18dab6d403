"""One year's holiday notice as data, its validation, the file loader and the built-in years."""

from __future__ import annotations

import enum
import functools
import os
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs
import cattrs

from .._datafile import in_file, read_table, strict_converter, structure, structure_date
from ..errors import ArgumentTypeError, InvalidComponent, InvalidFormat, ValidationError

__all__ = [
    "DATA_DIR_ENV",
    "DayOverride",
    "HolidayRange",
    "MakeupWorkday",
    "NoticeRef",
    "Schedule",
    "builtin_schedules",
    "data_dir",
    "load_schedule",
    "schedule_from_dict",
    "schedule_to_dict",
    "stored_schedules",
]

#: Where the built-in schedules come from: the yearly notice of the General Office of the
#: State Council (国务院办公厅关于YYYY年部分节假日安排的通知), as transcribed by chinese-calendar.
_NOTICE = "国务院办公厅关于{year}年部分节假日安排的通知"


@attrs.frozen
class HolidayRange:
    """Consecutive days off (放假) named in a notice, ``start`` to ``end`` inclusive.

    Weekend days inside the range are part of the holiday (the notice lists them).

    >>> r = HolidayRange("国庆节", date(2026, 10, 1), date(2026, 10, 7))
    >>> r.days()[0], len(r.days())
    (datetime.date(2026, 10, 1), 7)
    """

    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    start: date = attrs.field(validator=attrs.validators.instance_of(date))
    end: date = attrs.field(validator=attrs.validators.instance_of(date))

    def days(self) -> tuple[date, ...]:
        """Every day of the range, in order.

        >>> HolidayRange("元旦", date(2026, 1, 1), date(2026, 1, 3)).days()[-1]
        datetime.date(2026, 1, 3)
        """
        span = (self.end - self.start).days
        return tuple(self.start + timedelta(days=i) for i in range(span + 1))


@attrs.frozen
class MakeupWorkday:
    """A weekend day that the notice makes a working day (调休上班), with the holiday it serves.

    >>> MakeupWorkday(date(2026, 10, 10), "国庆节").day.weekday()  # a Saturday
    5
    """

    day: date = attrs.field(validator=attrs.validators.instance_of(date))
    name: str = attrs.field(validator=attrs.validators.instance_of(str))


@attrs.frozen
class DayOverride:
    """A local change to one day: an extra local holiday, or an extra working day.

    ``workday=False`` makes ``day`` a day off (for example a holiday that only one
    province observes); ``workday=True`` makes it a working day. ``source`` names the
    local document that decided it.

    >>> o = DayOverride(date(2026, 4, 20), workday=False, name="三月三", source="广西")
    >>> o.workday, o.name
    (False, '三月三')
    """

    day: date = attrs.field(validator=attrs.validators.instance_of(date))
    workday: bool = attrs.field(validator=attrs.validators.instance_of(bool))
    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    source: str = attrs.field(default="", validator=attrs.validators.instance_of(str))


def _optional_date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, date):
        what = type(value).__name__
        raise ArgumentTypeError(
            "workdays.date",
            message_en=f"{attribute.name} must be a datetime.date or None, not {what}",
            message_zh=f"{attribute.name} 应为日期（datetime.date）或 None，而不是 {what}",
            field=attribute.name,
        )


@attrs.frozen
class NoticeRef:
    """Where a schedule comes from: the notice's title, number, date, text hash and address.

    ``published`` is the date under the notice's signature; ``sha256`` the hash of the notice
    text as read (empty for a schedule that was not read from a text).

    >>> ref = NoticeRef(title="国务院办公厅关于2026年部分节假日安排的通知",
    ...                 number="国办发明电〔2025〕7号", published=date(2025, 11, 4))
    >>> print(ref)
    国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号, 2025-11-04)
    """

    title: str = attrs.field(validator=attrs.validators.instance_of(str))
    number: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    published: date | None = attrs.field(default=None, validator=_optional_date)
    sha256: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    url: str = attrs.field(default="", validator=attrs.validators.instance_of(str))

    def __str__(self) -> str:
        details = [x for x in (self.number, str(self.published or "")) if x]
        return self.title + (f" ({', '.join(details)})" if details else "")


def _refs(value: Iterable[NoticeRef]) -> tuple[NoticeRef, ...]:
    return tuple(value)


def _check(schedule: Schedule) -> None:
    year = schedule.year
    if not 1900 < year < 9999:
        raise InvalidComponent(
            "schedule.year",
            message_en=f"year {year!r} is not a plausible notice year",
            message_zh=f"年份 {year!r} 无效",
            field="year",
        )
    # A notice for year Y may also move the last days of December of Y-1: the notice for
    # 2019 made 2018-12-29 a working day and 2018-12-30/31 part of 元旦.
    first, last = date(year - 1, 12, 1), date(year, 12, 31)
    seen: dict[date, str] = {}
    for i, rng in enumerate(schedule.holidays):
        where = f"holidays[{i}]"
        if rng.end < rng.start:
            raise InvalidComponent(
                "schedule.range_order",
                message_en=f"{where}: holiday {rng.name!r} ends before it starts",
                message_zh=f"{where}: 假期“{rng.name}”的结束日期早于开始日期",
                field=where,
            )
        for day in (rng.start, rng.end):
            if not first <= day <= last:
                raise InvalidComponent(
                    "schedule.year_range",
                    message_en=f"{where}: {day} is outside the notice for {year}",
                    message_zh=f"{where}: {day} 不在{year}年通知的范围内",
                    field=where,
                )
        for day in rng.days():
            seen[day] = rng.name
    for i, mk in enumerate(schedule.workdays):
        where = f"workdays[{i}]"
        if not first <= mk.day <= last:
            raise InvalidComponent(
                "schedule.year_range",
                message_en=f"{where}: {mk.day} is outside the notice for {year}",
                message_zh=f"{where}: {mk.day} 不在{year}年通知的范围内",
                field=where,
            )
        if mk.day.weekday() < 5:
            raise InvalidComponent(
                "schedule.makeup_weekday",
                message_en=f"{where}: make-up working day {mk.day} is not a Saturday or Sunday",
                message_zh=f"{where}: 调休上班日 {mk.day} 不是周六或周日",
                field=where,
            )
        if mk.day in seen:
            raise InvalidComponent(
                "schedule.conflict",
                message_en=f"{where}: {mk.day} is both a holiday ({seen[mk.day]}) and a working day",
                message_zh=f"{where}: {mk.day} 既是假日（{seen[mk.day]}）又是上班日",
                field=where,
            )


def _ranges(value: Iterable[HolidayRange]) -> tuple[HolidayRange, ...]:
    return tuple(value)


def _makeups(value: Iterable[MakeupWorkday]) -> tuple[MakeupWorkday, ...]:
    return tuple(value)


@attrs.frozen
class Schedule:
    """One year's holiday notice as published: days off and make-up working days.

    ``source`` names the notice (国务院办公厅关于YYYY年部分节假日安排的通知 and its number).
    Days not named are working days Monday to Friday and rest days on weekends. A
    schedule is checked when it is made: ranges in order, days inside the notice's year
    (or December of the year before, which a notice sometimes moves), make-up days on
    weekends, no day both off and on.

    >>> s = Schedule(
    ...     2026,
    ...     holidays=(HolidayRange("国庆节", date(2026, 10, 1), date(2026, 10, 7)),),
    ...     workdays=(MakeupWorkday(date(2026, 9, 20), "国庆节"),),
    ...     source="国务院办公厅关于2026年部分节假日安排的通知",
    ... )
    >>> s.year, len(s.holidays[0].days())
    (2026, 7)
    >>> Schedule(2026, workdays=(MakeupWorkday(date(2026, 9, 21), "国庆节"),))
    Traceback (most recent call last):
    ...
    credit_disclosure.errors.InvalidComponent: schedule.makeup_weekday in field workdays[0]: ...
    """

    year: int = attrs.field(validator=attrs.validators.instance_of(int))
    holidays: tuple[HolidayRange, ...] = attrs.field(
        default=(),
        converter=_ranges,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(HolidayRange)),
    )
    workdays: tuple[MakeupWorkday, ...] = attrs.field(
        default=(),
        converter=_makeups,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(MakeupWorkday)),
    )
    source: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    #: the notice the schedule was read from (:func:`parse_notice`), if any
    notice: NoticeRef | None = attrs.field(
        default=None,
        kw_only=True,
        validator=attrs.validators.optional(attrs.validators.instance_of(NoticeRef)),
    )
    #: later notices that amended it (the 2020 Spring Festival extension)
    amendments: tuple[NoticeRef, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=_refs,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(NoticeRef)),
    )

    def __attrs_post_init__(self) -> None:
        _check(self)


def _structure_range(value: Any, _type: type) -> HolidayRange:
    if not isinstance(value, Mapping):
        raise ValueError("expected a table with name, start and end")
    extra = set(value) - {"name", "start", "end"}
    if extra:
        raise ValueError(f"unknown keys {sorted(extra)}")
    start = structure_date(value["start"], date)
    end = structure_date(value["end"], date) if "end" in value else start
    return HolidayRange(str(value["name"]), start, end)


@functools.lru_cache(maxsize=1)
def _converter() -> cattrs.Converter:
    conv = strict_converter()  # unknown keys, 7.5 or true, a date and time: errors
    conv.register_structure_hook(HolidayRange, _structure_range)
    return conv


def _inline_workdays(payload: dict[str, Any]) -> None:
    """Move ``workdays`` listed inside a holiday entry to the schedule's list, named after it.

    The notice lists each holiday with its make-up days ("10月1日至7日放假调休, 共7天。
    9月20日(周日)、10月10日(周六)上班"), so a file may too.
    """
    holidays = payload.get("holidays")
    extra: list[dict[str, Any]] = []
    if not isinstance(holidays, (list, tuple)):
        return
    entries = []
    for entry in holidays:
        if isinstance(entry, Mapping) and "workdays" in entry:
            entry = dict(entry)
            inline = entry.pop("workdays")
            days = inline if isinstance(inline, (list, tuple)) else [inline]
            extra.extend({"day": day, "name": entry.get("name", "")} for day in days)
        entries.append(entry)
    payload["holidays"] = tuple(entries)
    listed = payload.get("workdays", ())
    if extra and isinstance(listed, (list, tuple)):
        payload["workdays"] = (*listed, *extra)


def schedule_from_dict(data: Mapping[str, Any]) -> Schedule:
    """Build a :class:`Schedule` from plain data (what a JSON or TOML file holds).

    Keys: ``year``, ``source``, ``holidays`` (a list of ``{name, start, end}``; ``end``
    defaults to ``start``; optionally ``workdays``, the make-up days the notice lists
    with that holiday) and ``workdays`` (a list of ``{day, name}``). Dates are
    ``YYYY-MM-DD`` strings or TOML dates. Unknown keys are refused, so a typo never
    silently drops a holiday.

    >>> s = schedule_from_dict({
    ...     "year": 2026,
    ...     "holidays": [{"name": "国庆节", "start": "2026-10-01", "end": "2026-10-07",
    ...                   "workdays": ["2026-09-20", "2026-10-10"]}],
    ... })
    >>> s.holidays[0].end, [str(w.day) for w in s.workdays], s.workdays[0].name
    (datetime.date(2026, 10, 7), ['2026-09-20', '2026-10-10'], '国庆节')
    >>> schedule_from_dict({"year": 2026, "holiday": []})
    Traceback (most recent call last):
    ...
    credit_disclosure.errors.InvalidFormat: schedule.format: ... holiday ...
    """
    if not isinstance(data, Mapping):
        raise InvalidFormat(
            "schedule.format",
            message_en=f"a schedule is a table (year, source, holidays, workdays), "
            f"not {type(data).__name__}",
            message_zh="节假日安排应为一个表（year, source, holidays, workdays）",
        )
    payload = dict(data)
    _inline_workdays(payload)
    if isinstance(payload.get("workdays"), list):
        payload["workdays"] = tuple(payload["workdays"])
    return structure(_converter(), payload, Schedule, "schedule.format", "holiday schedule")


def schedule_to_dict(schedule: Schedule) -> dict[str, Any]:
    """Plain data for JSON, the inverse of :func:`schedule_from_dict` (dates as ISO text).

    >>> s = builtin_schedules()[-1]
    >>> schedule_from_dict(schedule_to_dict(s)) == s
    True
    """

    def ref(r: NoticeRef) -> dict[str, Any]:
        out = attrs.asdict(r)
        out["published"] = None if r.published is None else r.published.isoformat()
        return out

    data: dict[str, Any] = {
        "year": schedule.year,
        "source": schedule.source,
        "holidays": [
            {"name": r.name, "start": r.start.isoformat(), "end": r.end.isoformat()}
            for r in schedule.holidays
        ],
        "workdays": [{"day": w.day.isoformat(), "name": w.name} for w in schedule.workdays],
    }
    if schedule.notice is not None:
        data["notice"] = ref(schedule.notice)
    if schedule.amendments:
        data["amendments"] = [ref(r) for r in schedule.amendments]
    return data


def load_schedule(path: str | os.PathLike[str]) -> Schedule:
    """Read one year's notice from a ``.json`` or ``.toml`` file.

    TOML needs Python 3.11+ (``tomllib``) or the ``tomli`` package on 3.10; JSON always
    works. See :func:`schedule_from_dict` for the keys. Every error names the file and
    has a stable code: ``schedule.file_type``, ``schedule.encoding``, ``schedule.syntax``,
    ``schedule.format`` and the checks of :class:`Schedule`.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "2026.json"
    >>> _ = path.write_text('{"year": 2026, "source": "test", '
    ...     '"holidays": [{"name": "国庆节", "start": "2026-10-01", "end": "2026-10-07"}]}')
    >>> load_schedule(path).holidays[0].name
    '国庆节'
    """
    data = read_table(path, "schedule")
    try:
        return schedule_from_dict(data)
    except ValidationError as exc:
        raise in_file(exc, path) from None


class _Name(enum.Enum):
    """chinese-calendar's English holiday names, with the Chinese ones used here."""

    NEW_YEAR = "New Year's Day", "元旦"
    SPRING = "Spring Festival", "春节"
    QINGMING = "Tomb-sweeping Day", "清明节"
    LABOUR = "Labour Day", "劳动节"
    DRAGON_BOAT = "Dragon Boat Festival", "端午节"
    NATIONAL = "National Day", "国庆节"
    MID_AUTUMN = "Mid-autumn Festival", "中秋节"
    VICTORY_70 = "Anti-Fascist 70th Day", "抗战胜利70周年纪念日"


_ZH = {member.value[0]: member.value[1] for member in _Name}


def _notice_year(day: date, english: str) -> int:
    # A New Year holiday (or its make-up day) in December belongs to next year's notice.
    if day.month == 12 and english == _Name.NEW_YEAR.value[0]:
        return day.year + 1
    return day.year


def _ref_from(data: Mapping[str, Any]) -> NoticeRef:
    published = data.get("published")
    return NoticeRef(
        title=str(data["title"]),
        number=str(data.get("number", "")),
        published=None if not published else date.fromisoformat(str(published)),
        sha256=str(data.get("sha256", "")),
        url=str(data.get("url", "")),
    )


def _provenance() -> dict[int, tuple[NoticeRef | None, tuple[NoticeRef, ...]]]:
    """The notices behind the shipped years (``data/notices.json``, from the test fixtures)."""
    import json
    from importlib import resources

    text = resources.files(__package__).joinpath("data").joinpath("notices.json")
    rows = json.loads(text.read_text(encoding="utf-8"))
    return {
        int(year): (_ref_from(row["notice"]), tuple(_ref_from(a) for a in row["amendments"]))
        for year, row in rows.items()
    }


@functools.lru_cache(maxsize=1)
def builtin_schedules() -> tuple[Schedule, ...]:
    """The State Council notices shipped with chinese-calendar, one :class:`Schedule` a year.

    Derived at first use from the installed chinese-calendar (a dependency), so that
    upgrading it brings new years. Years 2011-2026 carry their notice (number, date, text
    hash, address) and amendments, read from the notices by
    ``scripts/gen_notice_provenance.py``. Only complete years are returned: 2004 to the last
    year whose days off chinese-calendar lists.

    >>> s = {x.year: x for x in builtin_schedules()}
    >>> [(r.name, str(r.start), str(r.end)) for r in s[2026].holidays][-1]
    ('国庆节', '2026-10-01', '2026-10-07')
    >>> print(s[2025].notice)
    国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12)
    """
    from chinese_calendar import constants

    provenance = _provenance()

    off: dict[int, dict[date, str]] = {}
    on: dict[int, dict[date, str]] = {}
    for source, target in ((constants.holidays, off), (constants.workdays, on)):
        for day, english in source.items():
            target.setdefault(_notice_year(day, english), {})[day] = _ZH.get(english, english)
    first = min(d.year for d in constants.holidays)
    last = max(d.year for d in constants.holidays)
    out = []
    for year in range(first, last + 1):
        ranges: list[HolidayRange] = []
        for day, name in sorted(off.get(year, {}).items()):
            prev = ranges[-1] if ranges else None
            if prev is not None and prev.name == name and prev.end + timedelta(days=1) == day:
                ranges[-1] = HolidayRange(name, prev.start, day)
            else:
                ranges.append(HolidayRange(name, day, day))
        makeup = tuple(MakeupWorkday(d, n) for d, n in sorted(on.get(year, {}).items()))
        out.append(
            Schedule(
                year,
                holidays=tuple(ranges),
                workdays=makeup,
                source=_NOTICE.format(year=year) + " (via chinese-calendar)",
                notice=provenance.get(year, (None, ()))[0],
                amendments=provenance.get(year, (None, ()))[1],
            )
        )
    return tuple(out)


#: The environment variable that overrides the data directory (tests point it at a tmp dir).
DATA_DIR_ENV = "CREDIT_DISCLOSURE_DATA_DIR"


def data_dir() -> Path:
    """Where added notices live: ``$CREDIT_DISCLOSURE_DATA_DIR`` or the user data directory.

    >>> import os
    >>> saved = os.environ.get("CREDIT_DISCLOSURE_DATA_DIR", "")
    >>> os.environ["CREDIT_DISCLOSURE_DATA_DIR"] = "/tmp/cd-example"
    >>> str(data_dir())
    '/tmp/cd-example'
    >>> os.environ["CREDIT_DISCLOSURE_DATA_DIR"] = saved
    """
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("credit-disclosure", appauthor=False))


def stored_schedules(directory: str | os.PathLike[str] | None = None) -> tuple[Schedule, ...]:
    """The schedules stored in ``directory`` (default :func:`data_dir`), by year.

    A damaged file is an error naming it (codes of :func:`load_schedule`), not a silent skip.

    >>> import tempfile
    >>> stored_schedules(tempfile.mkdtemp())
    ()
    """
    folder = Path(directory) if directory is not None else data_dir()
    files = sorted((folder / "schedules").glob("*.json"))
    return tuple(sorted((load_schedule(path) for path in files), key=lambda s: s.year))


def consecutive(schedules: tuple[Schedule, ...]) -> tuple[tuple[Schedule, ...], tuple[int, ...]]:
    """Shipped plus stored schedules, stored replacing shipped; years after a gap left out."""
    by_year = {s.year: s for s in builtin_schedules()}
    for schedule in schedules:
        by_year[schedule.year] = schedule
    first = min(by_year)
    kept: list[Schedule] = []
    for year in range(first, max(by_year) + 1):
        if year not in by_year:
            break
        kept.append(by_year[year])
    dropped = tuple(sorted(y for y in by_year if y > kept[-1].year))
    return tuple(kept), dropped
