"""Calendar periods of months and years, counted as 民法典 第二百零一、二百零二条 say.

第二百零一条: a period counted in years, months or days starts on the day after
the starting day. 第二百零二条: a period counted in months or years ends on the
day of the final month that has the same number as the starting day; when that
month has no such day, it ends on the month's last day.
"""

from __future__ import annotations

import re
from datetime import date

import attrs

from .._civil import add_months
from .._i18n import Lang, check_lang, plural
from .._text import to_halfwidth
from ..errors import PolicyError
from ._facts import short_repr

__all__ = ["Period", "next_day"]

_PERIOD_RE = re.compile(r"^\s*(\d{1,4})\s*([MY])\s*$", re.IGNORECASE)


def _check_months(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int or value < 0:  # bool is an int subclass: reject it too
        raise PolicyError(
            "policy.period",
            message_en=f"a period is a whole, non-negative number of months, not {short_repr(value)}",
            message_zh=f"期限应为不小于0的整数个月，而不是 {short_repr(value)}",
        )


@attrs.frozen(order=True)
class Period:
    """A period of whole months (a year is 12 months), as rule tables write it.

    Written ``"3M"`` or ``"1Y"`` in policy files. :meth:`last_day` applies the
    counting rule of 民法典 第二百零一、二百零二条.

    >>> Period.parse("1Y")
    Period(months=12)
    >>> str(Period(3)), str(Period(36))
    ('3 months', '3 years')
    >>> Period.parse("1Y").last_day(date(2024, 2, 29))
    datetime.date(2025, 2, 28)
    """

    months: int = attrs.field(validator=_check_months)

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read ``"3M"`` (months) or ``"2Y"`` (years); raise :class:`PolicyError` otherwise.

        >>> Period.parse("6m"), Period.parse("１Ｙ")
        (Period(months=6), Period(months=12))
        """
        try:
            match = _PERIOD_RE.match(to_halfwidth(text))
        except (TypeError, AttributeError):  # not text (bytes, None, a number)
            match = None
        if match is None:
            raise PolicyError(
                "policy.period",
                message_en=f"a period is written like '3M' or '1Y', not {short_repr(text)}",
                message_zh=f"期限应写作 3M（月）或 1Y（年），而不是 {short_repr(text)}",
            )
        count = int(match.group(1))
        return cls(count * 12 if match.group(2).upper() == "Y" else count)

    @classmethod
    def years(cls, count: int) -> Period:
        """A period of ``count`` years.

        >>> Period.years(3)
        Period(months=36)
        """
        return cls(count * 12)

    def code(self) -> str:
        """The compact form used in policy files: ``"1Y"`` when whole years, else ``"3M"``.

        >>> Period(24).code(), Period(3).code()
        ('2Y', '3M')
        """
        if self.months and self.months % 12 == 0:
            return f"{self.months // 12}Y"
        return f"{self.months}M"

    def last_day(self, start: date) -> date:
        """The last day of this period counted from ``start`` (民法典 第二百零一、二百零二条).

        Counting starts the day after ``start``; the period ends on the day of
        the final month with ``start``'s day number, or that month's last day.

        >>> Period(3).last_day(date(2022, 3, 1))
        datetime.date(2022, 6, 1)
        >>> Period(1).last_day(date(2023, 1, 31))
        datetime.date(2023, 2, 28)
        """
        try:
            return add_months(start, self.months)
        except OverflowError:
            raise PolicyError(
                "policy.date_range",
                message_en=f"{self} from {start.isoformat()} ends after {date.max.isoformat()}, "
                "the last date Python can represent",
                message_zh=f"自{start.isoformat()}起{self.describe('zh')}，届满日晚于可表示的最后一天"
                f"（{date.max.isoformat()}）",
            ) from None

    def __str__(self) -> str:
        return self.describe()

    def describe(self, lang: Lang = "en") -> str:
        """The period in words, in ``lang`` (``"en"`` or ``"zh"``).

        >>> Period(36).describe("zh"), Period(3).describe("zh"), Period(1).describe()
        ('3年', '3个月', '1 month')
        """
        lang = check_lang(lang)
        if self.months and self.months % 12 == 0:
            return plural("period.year", "period.years", self.months // 12, lang)
        return plural("period.month", "period.months", self.months, lang)


def next_day(day: date) -> date:
    """The day after ``day``; :class:`PolicyError` after 9999-12-31 (instead of OverflowError).

    >>> next_day(date(2022, 6, 1))
    datetime.date(2022, 6, 2)
    """
    if day == date.max:
        raise PolicyError(
            "policy.date_range",
            message_en=f"there is no day after {day.isoformat()}",
            message_zh=f"{day.isoformat()}之后没有可表示的日期",
        )
    return date.fromordinal(day.toordinal() + 1)
