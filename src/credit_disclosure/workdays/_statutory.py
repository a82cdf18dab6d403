"""The statutory holidays (法定节假日) of 全国年节及纪念日放假办法, as effective-dated rules.

The law fixes the days off of each holiday before any yearly notice: fixed Gregorian days
(元旦, 劳动节, 国庆节), lunar days (春节, 端午节, 中秋节) and a solar term (清明节). The yearly
notice of the General Office of the State Council only adds the 调休 around them. The lunar
and solar-term dates come from ``data/lunar_anchors.csv``, generated from lunar_python by
``scripts/gen_lunar_anchors.py`` and checked against lunardate and chinese-calendar.

Sources: docs/sources.md#statutory-holidays (国务院令第270号, 第513号, 第644号, 第795号).
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from datetime import date, timedelta
from importlib import resources
from types import MappingProxyType
from typing import Final

import attrs

from ..errors import ArgumentError, CalendarDataMissing
from ._schedule import HolidayRange, Schedule

__all__ = [
    "STATUTORY_RULES",
    "Anchor",
    "StatutoryHoliday",
    "StatutoryRules",
    "statutory_holidays",
    "statutory_rules",
    "statutory_schedule",
    "statutory_years",
]


class Anchor(enum.Enum):
    """What a statutory holiday's first day is counted from.

    >>> Anchor.CHUXI.value
    '除夕'
    """

    #: a fixed Gregorian day (``StatutoryHoliday.month`` and ``day``)
    FIXED = "fixed"
    #: 除夕, the last day of the lunar year
    CHUXI = "除夕"
    #: 正月初一, the lunar new year
    CHUNJIE = "正月初一"
    #: the 清明 solar term
    QINGMING = "清明"
    #: 五月初五
    DUANWU = "五月初五"
    #: 八月十五
    ZHONGQIU = "八月十五"


_ANCHOR_COLUMN: Final = {
    Anchor.CHUXI: "chuxi",
    Anchor.CHUNJIE: "chunjie",
    Anchor.QINGMING: "qingming",
    Anchor.DUANWU: "duanwu",
    Anchor.ZHONGQIU: "zhongqiu",
}


@attrs.frozen
class StatutoryHoliday:
    """One holiday of the law: its name, what it is counted from and how many days it has.

    >>> h = StatutoryHoliday("春节", Anchor.CHUXI, 4)
    >>> h.first_day(2027), h.days(2027)[-1]
    (datetime.date(2027, 2, 5), datetime.date(2027, 2, 8))
    >>> StatutoryHoliday("国庆节", Anchor.FIXED, 3, month=10, day=1).days(2027)[0]
    datetime.date(2027, 10, 1)
    """

    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    anchor: Anchor = attrs.field(validator=attrs.validators.instance_of(Anchor))
    length: int = attrs.field(validator=attrs.validators.in_(range(1, 8)))
    month: int = attrs.field(default=0, kw_only=True)
    day: int = attrs.field(default=0, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if (self.anchor is Anchor.FIXED) != bool(self.month and self.day):
            raise ArgumentError(
                "workdays.holiday",
                message_en="a FIXED holiday needs month and day; an anchored one neither",
                message_zh="固定日期的节日须给出月和日，按农历或其他锚点计算的节日则不给",
                field="anchor",
            )

    def first_day(self, year: int) -> date:
        """The holiday's first day in ``year``.

        Raises :class:`~credit_disclosure.errors.CalendarDataMissing` past the lunar table.

        >>> StatutoryHoliday("清明节", Anchor.QINGMING, 1).first_day(2027)
        datetime.date(2027, 4, 5)
        """
        if self.anchor is Anchor.FIXED:
            return date(year, self.month, self.day)
        return _anchors(year)[_ANCHOR_COLUMN[self.anchor]]

    def days(self, year: int) -> tuple[date, ...]:
        """Every day off of the holiday in ``year``, in order.

        >>> len(StatutoryHoliday("劳动节", Anchor.FIXED, 2, month=5, day=1).days(2027))
        2
        """
        first = self.first_day(year)
        return tuple(first + timedelta(days=i) for i in range(self.length))


def _holidays(value: tuple[StatutoryHoliday, ...]) -> tuple[StatutoryHoliday, ...]:
    return tuple(value)


@attrs.frozen
class StatutoryRules:
    """The holidays of one version of the law, the ordinance that made it and when it applied.

    ``effective_to`` is ``None`` for the version in force.

    >>> rules = statutory_rules(2027)
    >>> rules.citation, rules.effective_from
    ('国务院令第795号', datetime.date(2025, 1, 1))
    >>> [h.name for h in rules.holidays][:3]
    ['元旦', '春节', '清明节']
    """

    citation: str
    effective_from: date
    effective_to: date | None
    holidays: tuple[StatutoryHoliday, ...] = attrs.field(converter=_holidays)
    #: how sure the transcription is: H (text of the ordinance) or M (secondary sources)
    sure: str = "H"

    def in_force(self, year: int) -> bool:
        """Whether this version governs the whole of ``year``.

        >>> statutory_rules(2024).in_force(2025)
        False
        """
        start = date(year, 1, 1)
        return self.effective_from <= start and (
            self.effective_to is None or start <= self.effective_to
        )


def _fixed(name: str, month: int, day: int, length: int) -> StatutoryHoliday:
    return StatutoryHoliday(name, Anchor.FIXED, length, month=month, day=day)


_NEW_YEAR = _fixed("元旦", 1, 1, 1)
_QINGMING = StatutoryHoliday("清明节", Anchor.QINGMING, 1)
_DUANWU = StatutoryHoliday("端午节", Anchor.DUANWU, 1)
_ZHONGQIU = StatutoryHoliday("中秋节", Anchor.ZHONGQIU, 1)
_NATIONAL = _fixed("国庆节", 10, 1, 3)

#: Every version of the law since 1999, oldest first (docs/sources.md#statutory-holidays).
STATUTORY_RULES: Final = (
    StatutoryRules(
        "国务院令第270号",
        date(1999, 9, 18),
        date(2007, 12, 31),
        (
            _NEW_YEAR,
            StatutoryHoliday("春节", Anchor.CHUNJIE, 3),
            _fixed("劳动节", 5, 1, 3),
            _NATIONAL,
        ),
        sure="M",
    ),
    StatutoryRules(
        "国务院令第513号",
        date(2008, 1, 1),
        date(2013, 12, 31),
        (
            _NEW_YEAR,
            StatutoryHoliday("春节", Anchor.CHUXI, 3),  # 除夕, 正月初一, 初二
            _QINGMING,
            _fixed("劳动节", 5, 1, 1),
            _DUANWU,
            _ZHONGQIU,
            _NATIONAL,
        ),
        sure="M",
    ),
    StatutoryRules(
        "国务院令第644号",
        date(2014, 1, 1),
        date(2024, 12, 31),
        (
            _NEW_YEAR,
            StatutoryHoliday("春节", Anchor.CHUNJIE, 3),  # 正月初一 to 初三
            _QINGMING,
            _fixed("劳动节", 5, 1, 1),
            _DUANWU,
            _ZHONGQIU,
            _NATIONAL,
        ),
    ),
    StatutoryRules(
        "国务院令第795号",
        date(2025, 1, 1),
        None,
        (
            _NEW_YEAR,
            StatutoryHoliday("春节", Anchor.CHUXI, 4),  # 除夕 to 正月初三
            _QINGMING,
            _fixed("劳动节", 5, 1, 2),
            _DUANWU,
            _ZHONGQIU,
            _NATIONAL,
        ),
    ),
)


@functools.lru_cache(maxsize=1)
def _table() -> Mapping[int, Mapping[str, date]]:
    text = resources.files(__package__).joinpath("data").joinpath("lunar_anchors.csv")
    rows: dict[int, Mapping[str, date]] = {}
    header: list[str] = []
    for line in text.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cells = line.split(",")
        if not header:
            header = cells
            continue
        year = int(cells[0])
        rows[year] = MappingProxyType(
            {key: date.fromisoformat(value) for key, value in zip(header[1:], cells[1:])}
        )
    return MappingProxyType(rows)


def _anchors(year: int) -> Mapping[str, date]:
    try:
        return _table()[year]
    except KeyError:
        first, last = statutory_years()
        raise CalendarDataMissing(
            year, f"the lunar table of the statutory holidays covers {first} to {last} only"
        ) from None


def statutory_years() -> tuple[int, int]:
    """The first and last year whose statutory holidays are known (the lunar table's span).

    >>> statutory_years()
    (2004, 2099)
    """
    table = _table()
    return min(table), max(table)


def statutory_rules(year: int) -> StatutoryRules:
    """The version of the law that governs ``year``.

    >>> statutory_rules(2024).citation, statutory_rules(2025).citation
    ('国务院令第644号', '国务院令第795号')
    """
    for rules in STATUTORY_RULES:
        if rules.in_force(year):
            return rules
    raise CalendarDataMissing(year, f"no version of the holiday law is recorded for {year}")


@functools.lru_cache(maxsize=256)
def statutory_holidays(year: int) -> tuple[HolidayRange, ...]:
    """The days off that the law itself fixes in ``year``, one range a holiday, in date order.

    These are certain before the year's notice is out; the notice adds the 调休 (days off
    moved next to a holiday and weekend days made working days). Raises
    :class:`~credit_disclosure.errors.CalendarDataMissing` outside :func:`statutory_years`.

    >>> [(r.name, str(r.start), str(r.end)) for r in statutory_holidays(2027)][:2]
    [('元旦', '2027-01-01', '2027-01-01'), ('春节', '2027-02-05', '2027-02-08')]
    """
    first, last = statutory_years()
    if not first <= year <= last:
        _anchors(year)  # raises with the table's span
    rules = statutory_rules(year)
    out = []
    for holiday in rules.holidays:
        days = holiday.days(year)
        out.append(HolidayRange(holiday.name, days[0], days[-1]))
    return tuple(sorted(out, key=lambda r: r.start))


@functools.lru_cache(maxsize=256)
def statutory_schedule(year: int) -> Schedule:
    """A :class:`Schedule` of the statutory holidays alone: ``year`` before its notice is out.

    No 调休: every other weekday is a working day and every weekend day a rest day. This is
    the statutory-only estimate; the notice may move days around each holiday.

    >>> s = statutory_schedule(2027)
    >>> len(s.holidays), s.workdays, s.source
    (7, (), 'statutory holidays only (国务院令第795号): the notice for 2027 is not loaded')
    """
    rules = statutory_rules(year)
    return Schedule(
        year,
        holidays=statutory_holidays(year),
        source=f"statutory holidays only ({rules.citation}): the notice for {year} is not loaded",
    )
