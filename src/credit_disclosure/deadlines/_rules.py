"""Named, cited deadline rules over the working-day calendar, and the timeliness check."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, timedelta
from importlib import resources
from types import MappingProxyType
from typing import Any, Final, TypeAlias, Union

import attrs

from .._civil import months_and_days_after
from .._datafile import in_file, read_table, strict_converter, structure
from .._dates import WEEKDAY_NAMES as _WEEKDAYS
from .._dates import as_date as _as_date
from .._i18n import Lang, check_lang, dated, plural, ui, weekday
from .._text import safe_repr, to_halfwidth
from ..errors import (
    ArgumentError,
    ArgumentTypeError,
    InvalidComponent,
    InvalidFormat,
    PolicyError,
    UnknownName,
    ValidationError,
)
from ..workdays import DayInfo, WorkdayCalendar, default_calendar

__all__ = [
    "DISPUTE_VERIFICATION",
    "INFORMATION_DISCLOSURE",
    "OBJECTION_DECISION",
    "OBJECTION_MARKING",
    "OBJECTION_TRANSFER",
    "PUBLICATION",
    "REPAIR_RESULT_SHARING",
    "REPAIR_REVIEW",
    "RULES",
    "SAMR_PUBLICATION",
    "WEEKLY_REPORT",
    "WITHDRAWAL_AFTER_REVOCATION",
    "CalendarPeriod",
    "Deadline",
    "DeadlineRule",
    "NextWeekday",
    "Timeliness",
    "WorkingDays",
    "check_timeliness",
    "get_rule",
    "load_rules",
    "publication_deadline",
    "rule_from_dict",
]

_ONE_DAY = timedelta(days=1)


def _dow(d: date, lang: Lang = "en") -> str:
    return dated(d, lang)


def _count(_instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    """A whole number of days, months or years, zero or more (not a bool, not a float)."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise ArgumentTypeError(
            "deadlines.count",
            message_en=f"{attribute.name} must be an int, not {type(value).__name__}",
            message_zh=f"{attribute.name} 应为整数，而不是 {type(value).__name__}",
            field=attribute.name,
        )
    if value < 0:
        raise ArgumentError(
            "deadlines.count",
            message_en=f"{attribute.name} must be zero or more, not {value}",
            message_zh=f"{attribute.name} 不能为负数（{value}）",
            field=attribute.name,
        )


def _out_of_range(what: str) -> ArgumentError:
    return ArgumentError(
        "deadlines.range",
        message_en=f"{what} lies outside the dates Python can represent (years 1 to 9999)",
        message_zh=f"{what}超出可表示的日期范围（公元1年至9999年）",
    )


def _runs(days: list[DayInfo], working: bool) -> list[list[DayInfo]]:
    """Runs of consecutive working (or non-working) days with the same reason."""
    runs: list[list[DayInfo]] = []
    for info in days:
        if info.is_workday is not working:
            continue
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and last.day + _ONE_DAY == info.day
            and (last.kind, last.name, last.provisional) == (info.kind, info.name, info.provisional)
        ):
            runs[-1].append(info)
        else:
            runs.append([info])
    return runs


def _kind(info: DayInfo, lang: Lang) -> str:
    return ui(f"daykind.{info.kind.value}", lang)


def _why(info: DayInfo, lang: Lang = "en") -> str:
    """The kind of a day with its name (国庆节) and whether it is provisional."""
    text = _kind(info, lang)
    if info.name:
        text += ui("paren", lang, text=info.name)
    if info.provisional:
        text += ui("day.provisional_suffix", lang)
    return text


def _skipped(days: list[DayInfo], lang: Lang = "en") -> str:
    """``Skipped: ...`` with each run of rest days and its reason."""
    out = []
    for run in _runs(days, working=False):
        head = run[0]
        if len(run) == 1:
            where = _dow(head.day, lang)
        else:
            where = ui("range.to", lang, first=head.day, last=run[-1].day)
        out.append(f"{where}{' ' if lang == 'en' else ''}{_why(head, lang)}")
    runs = ui("list.semi", lang).join(out) if out else ui("deadline.nothing", lang)
    return ui("deadline.skipped", lang, runs=runs)


def _counted(days: list[DayInfo], lang: Lang = "en") -> str:
    """``Counted: ...``: runs of working days numbered 1, 2, ..., unusual ones with their reason."""
    out, n = [], 0
    for run in _runs(days, working=True):
        head, tail = run[0], run[-1]
        label = f"{n + 1}" if len(run) == 1 else f"{n + 1}-{n + len(run)}"
        text = f"{head.day} {weekday(head.day, lang, short=True)}"
        if len(run) > 1:
            text = ui(
                "range.to", lang, first=text,
                last=f"{tail.day} {weekday(tail.day, lang, short=True)}",
            )
        text = f"{label} {text}"
        if head.name or head.provisional:
            notes = [_kind(head, lang), head.name or ""]
            if head.provisional:
                notes.append(ui("day.provisional", lang))
            text += ui("paren", lang, text=ui("list.sep", lang).join(x for x in notes if x))
        out.append(text)
        n += len(run)
    return ui("deadline.counted", lang, runs=ui("list.semi", lang).join(out))


def _rolled(end: date, due: date, calendar: WorkdayCalendar, how: str, lang: Lang) -> list[str]:
    info = calendar.day(end)
    if end == due:
        why = ui("paren", lang, text=_why(info, lang)) if info.name or info.provisional else ""
        return [ui("deadline.is_workday", lang, day=_dow(end, lang), why=why)]
    return [
        ui(
            "deadline.not_workday", lang, day=_dow(end, lang), kind=_kind(info, lang),
            how=ui(how, lang), due=_dow(due, lang),
        ),
        _skipped([info, *calendar.days(end, due)], lang),
    ]


@attrs.frozen
class WorkingDays:
    """A period of ``days`` working days (工作日), counted from the day after the start.

    ``WorkingDays(0)`` is the start day if it is a working day, else the next one.

    >>> str(WorkingDays(7))
    '7 working days'
    >>> WorkingDays(7).end(date(2026, 9, 28), default_calendar())
    datetime.date(2026, 10, 13)
    """

    days: int = attrs.field(validator=_count)

    def __str__(self) -> str:
        return self.describe()

    def describe(self, lang: Lang = "en") -> str:
        """The period in words, in ``lang``.

        >>> WorkingDays(7).describe("zh")
        '7个工作日'
        """
        return plural("period.working_day", "period.working_days", self.days, check_lang(lang))

    def end(self, start: date, calendar: WorkdayCalendar) -> date:
        """The last day of the period that starts on ``start``.

        >>> WorkingDays(1).end(date(2026, 9, 30), default_calendar())
        datetime.date(2026, 10, 8)
        """
        return calendar.add(start, self.days)

    def _first_needed(self, start: date) -> date:
        """The first day whose status the answer depends on."""
        return start if self.days == 0 else start + _ONE_DAY

    def _explain(
        self, start: date, due: date, calendar: WorkdayCalendar, lang: Lang = "en"
    ) -> list[str]:
        lines = [
            ui("deadline.start_not_counted", lang, start=_dow(start, lang))
            + ui("deadline.sentence_end", lang)
        ]
        if self.days == 0:
            lines.append(ui("deadline.zero_days", lang))
        span = calendar.days(start, due)
        if any(info.is_workday for info in span):
            lines.append(_counted(span, lang))
        lines.append(_skipped(span, lang))
        return lines


@attrs.frozen(kw_only=True)
class CalendarPeriod:
    """A period in calendar days, months and years, ending on a working day.

    The period starts the day after the start day (民法典 第二百零一条); a period in
    months or years ends on the corresponding day of the last month, or its last day
    when there is none (第二百零二条); a last day that is not a working day moves to the
    next working day (第二百零三条).

    >>> str(CalendarPeriod(months=3))
    '3 months'
    >>> CalendarPeriod(months=1).end(date(2026, 1, 31), default_calendar())  # 02-28 is 调休
    datetime.date(2026, 2, 28)
    """

    days: int = attrs.field(default=0, validator=_count)
    months: int = attrs.field(default=0, validator=_count)
    years: int = attrs.field(default=0, validator=_count)

    def __attrs_post_init__(self) -> None:
        if not (self.days or self.months or self.years):
            raise ArgumentError(
                "deadlines.period",
                message_en="a CalendarPeriod needs days, months or years",
                message_zh="CalendarPeriod 需要日、月或年",
            )

    def __str__(self) -> str:
        return self.describe()

    def describe(self, lang: Lang = "en") -> str:
        """The period in words, in ``lang``.

        >>> CalendarPeriod(years=1, months=3).describe("zh")
        '1年3个月'
        """
        lang = check_lang(lang)
        parts = []
        for value, unit in ((self.years, "year"), (self.months, "month"), (self.days, "day")):
            if value:
                parts.append(plural(f"period.{unit}", f"period.{unit}s", value, lang))
        return ui("period.join", lang).join(parts)

    def nominal_end(self, start: date) -> date:
        """The last day before moving off a rest day (民法典 第二百零二条).

        >>> CalendarPeriod(months=1).nominal_end(date(2026, 3, 31))
        datetime.date(2026, 4, 30)
        """
        try:
            return months_and_days_after(start, 12 * self.years + self.months, self.days)
        except (ValueError, OverflowError):
            raise _out_of_range(f"{self} after {start}") from None

    def end(self, start: date, calendar: WorkdayCalendar) -> date:
        """The last day of the period, moved to the next working day if needed.

        >>> CalendarPeriod(days=3).end(date(2026, 9, 28), default_calendar())
        datetime.date(2026, 10, 8)
        """
        return calendar.add(self.nominal_end(start), 0)

    _first_needed = nominal_end

    def _explain(
        self, start: date, due: date, calendar: WorkdayCalendar, lang: Lang = "en"
    ) -> list[str]:
        end = self.nominal_end(start)
        return [
            ui("deadline.start_not_counted", lang, start=_dow(start, lang))
            + ui("deadline.period_end", lang, period=self.describe(lang), end=_dow(end, lang)),
            *_rolled(end, due, calendar, "deadline.how_calendar", lang),
        ]


@attrs.frozen
class NextWeekday:
    """The first given weekday after the start, moved to the next working day if a rest day.

    ``weekday`` is 0 for Monday to 6 for Sunday. This is the weekly report of the
    Changchun Jingyue rules (实施细则 (2020) 第七条): every Monday, the previous week's
    records; a Monday that is a holiday moves to the next working day (遇法定节假日顺延).

    >>> str(NextWeekday(0))
    'the next Monday'
    >>> NextWeekday(0).end(date(2026, 9, 30), default_calendar())  # Monday 10-05 is 国庆
    datetime.date(2026, 10, 8)
    """

    weekday: int = attrs.field(validator=[_count, attrs.validators.in_(range(7))])

    def __str__(self) -> str:
        return self.describe()

    def describe(self, lang: Lang = "en") -> str:
        """The period in words, in ``lang``.

        >>> NextWeekday(0).describe("zh")
        '下一个星期一'
        """
        lang = check_lang(lang)
        return ui("period.next_weekday", lang, weekday=weekday(self.weekday, lang))

    def nominal_end(self, start: date) -> date:
        """The first such weekday strictly after ``start``.

        >>> NextWeekday(0).nominal_end(date(2026, 9, 28))  # a Monday: the one after
        datetime.date(2026, 10, 5)
        """
        try:
            return start + timedelta(days=(self.weekday - start.weekday() - 1) % 7 + 1)
        except OverflowError:  # the week after 9999-12-31
            raise _out_of_range(f"{self} after {start}") from None

    def end(self, start: date, calendar: WorkdayCalendar) -> date:
        """The nominal day, or the next working day when it is a rest day.

        >>> NextWeekday(0).end(date(2026, 10, 8), default_calendar())
        datetime.date(2026, 10, 12)
        """
        return calendar.add(self.nominal_end(start), 0)

    _first_needed = nominal_end

    def _explain(
        self, start: date, due: date, calendar: WorkdayCalendar, lang: Lang = "en"
    ) -> list[str]:
        end = self.nominal_end(start)
        return [
            ui(
                "deadline.first_weekday", lang, weekday=weekday(self.weekday, lang),
                start=_dow(start, lang), end=end,
            ),
            *_rolled(end, due, calendar, "deadline.how_weekday", lang),
        ]


#: The kinds of period a rule can have.
Period: TypeAlias = Union[WorkingDays, CalendarPeriod, NextWeekday]  # noqa: UP007 (a runtime alias on 3.10)


def _text(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ArgumentError(
            "deadlines.rule",
            message_en=f"a DeadlineRule needs a {attribute.name} (non-empty text), "
            f"not {safe_repr(value)}",
            message_zh=f"DeadlineRule 的 {attribute.name} 应为非空文本",
            field=attribute.name,
        )


def _optional_date(
    _instance: object, attribute: attrs.Attribute[date | None], value: object
) -> None:
    if value is not None and not isinstance(value, date):
        raise ArgumentTypeError(
            "deadlines.rule",
            message_en=f"{attribute.name} must be a datetime.date or None, "
            f"not {type(value).__name__}",
            message_zh=f"{attribute.name} 应为日期或 None，而不是 {type(value).__name__}",
            field=attribute.name,
        )


@attrs.frozen
class DeadlineRule:
    """A named deadline with its period and its source: data, not code.

    ``period`` is :class:`WorkingDays`, :class:`CalendarPeriod` or
    :class:`NextWeekday`; ``citation`` names the document and article it comes from
    (required: a rule without a source is not accepted); ``effective_from`` and
    ``effective_to`` bound the start dates it applies to (``None``: unbounded). Define
    your own rule, in code or in a file (:func:`load_rules`), and use it like the
    built-in ones.

    >>> rule = DeadlineRule("county review", WorkingDays(15), "某县 2026 实施细则 第三条")
    >>> rule.due(date(2026, 9, 28)).due
    datetime.date(2026, 10, 23)
    >>> PUBLICATION.period, PUBLICATION.citation[:15]
    (WorkingDays(days=7), '发改办财金〔2018〕424号')
    """

    name: str = attrs.field(validator=_text)
    period: Period = attrs.field(
        validator=attrs.validators.instance_of((WorkingDays, CalendarPeriod, NextWeekday))
    )
    citation: str = attrs.field(validator=_text)
    title: str = attrs.field(default="", kw_only=True, validator=attrs.validators.instance_of(str))
    effective_from: date | None = attrs.field(default=None, kw_only=True, validator=_optional_date)
    effective_to: date | None = attrs.field(default=None, kw_only=True, validator=_optional_date)

    def __attrs_post_init__(self) -> None:
        if self.effective_from and self.effective_to and self.effective_to < self.effective_from:
            raise ArgumentError(
                "deadlines.rule",
                message_en=f"effective_to {self.effective_to} is before "
                f"effective_from {self.effective_from}",
                message_zh=f"失效日期 {self.effective_to} 早于生效日期 {self.effective_from}",
            )

    def in_force(self, start: date) -> bool:
        """Whether the rule applies to a duty that starts on ``start``.

        >>> SAMR_PUBLICATION.in_force(date(2021, 8, 31)), SAMR_PUBLICATION.in_force(date(2021, 9, 1))
        (False, True)
        """
        if self.effective_from is not None and start < self.effective_from:
            return False
        return self.effective_to is None or start <= self.effective_to

    def due(self, start: date, *, calendar: WorkdayCalendar | None = None) -> Deadline:
        """The deadline of a duty that starts on ``start`` (a decision, a request, a notice).

        Raises :class:`~credit_disclosure.errors.PolicyError` when the rule was not in
        force on ``start``, and :class:`~credit_disclosure.errors.CalendarDataMissing`
        when the deadline depends on a year without a schedule (unless the calendar is
        provisional, and then the deadline says so).

        >>> d = DISPUTE_VERIFICATION.due(date(2026, 9, 28))
        >>> d.due, d.provisional
        (datetime.date(2026, 10, 30), False)
        """
        start = _as_date(start, "start")
        cal = default_calendar() if calendar is None else calendar
        if not isinstance(cal, WorkdayCalendar):
            raise ArgumentTypeError(
                "deadlines.calendar",
                message_en=f"calendar must be a WorkdayCalendar, not {type(cal).__name__}",
                message_zh=f"calendar 应为 WorkdayCalendar，而不是 {type(cal).__name__}",
                field="calendar",
            )
        if not self.in_force(start):
            if self.effective_from and self.effective_to:
                span = f"from {self.effective_from} to {self.effective_to}"
                span_zh = f"{self.effective_from}至{self.effective_to}"
            elif self.effective_from:
                span = f"from {self.effective_from} on"
                span_zh = f"{self.effective_from}及以后"
            else:
                span = f"until {self.effective_to}"
                span_zh = f"{self.effective_to}及以前"
            raise PolicyError(
                "policy.deadline",
                message_en=f"rule {self.name!r} ({self.citation}) applies to start dates {span}, "
                f"not to {start}",
                message_zh=f"期限规则 {self.name!r}（{self.citation}）只适用于起始日为{span_zh}的情形，"
                f"不适用于{start}",
            )
        due = self.period.end(start, cal)
        first = self.period._first_needed(start)
        provisional = cal.provisional and not (cal.covers(first) and cal.covers(due))
        return Deadline(start=start, due=due, rule=self, provisional=provisional, calendar=cal)


@attrs.frozen(kw_only=True)
class Deadline:
    """When a duty is due, under which rule, and why.

    ``provisional`` is true when the date depends on a year without a schedule and
    the calendar was in provisional mode: replace it once the notice is out.

    >>> d = publication_deadline(date(2026, 9, 28))
    >>> d.due, d.rule.name, d.provisional
    (datetime.date(2026, 10, 13), 'publication', False)
    >>> print(d.explain())
    publication: 7 working days after 2026-09-28 (Monday): due 2026-10-13 (Tuesday).
    Rule: 双公示信息公示 (自作出行政决定之日起7个工作日内)
    Source: 发改办财金〔2018〕424号...
    The start day 2026-09-28 (Monday) is not counted (民法典 第二百零一条).
    Counted: 1-2 2026-09-29 Tue to 2026-09-30 Wed; 3-4 2026-10-08 Thu to 2026-10-09 Fri;
    5 2026-10-10 Sat (make-up working day, 国庆节); 6-7 2026-10-12 Mon to 2026-10-13 Tue.
    Skipped: 2026-10-01 to 2026-10-07 public holiday (国庆节); 2026-10-11 (Sunday) weekend.
    """

    start: date
    due: date
    rule: DeadlineRule
    provisional: bool = False
    calendar: WorkdayCalendar = attrs.field(eq=False, repr=False, factory=default_calendar)

    @property
    def citation(self) -> str:
        """The source of the rule (document and article).

        >>> publication_deadline(date(2026, 9, 28)).citation.startswith("发改办财金〔2018〕424号")
        True
        """
        return self.rule.citation

    def explain(self, lang: Lang = "en") -> str:
        """Plain text in ``lang`` (``"en"`` or ``"zh"``): the rule, its source, the days
        counted and the days skipped and why. The source is cited as written in both.

        >>> print(OBJECTION_MARKING.due(date(2026, 9, 30)).explain().splitlines()[-1])
        Skipped: 2026-10-01 to 2026-10-07 public holiday (国庆节).
        >>> print(publication_deadline(date(2026, 9, 28)).explain(lang="zh"))
        publication：2026-09-28（星期一）起7个工作日：截止2026-10-13（星期二）。
        规则：双公示信息公示 (自作出行政决定之日起7个工作日内)
        依据：发改办财金〔2018〕424号...
        起始日2026-09-28（星期一）不计入（民法典 第二百零一条）。
        计入：1-2 2026-09-29 周二至2026-09-30 周三；3-4 2026-10-08 周四至2026-10-09 周五；5 2026-10-10 周六（调休上班日、国庆节）；6-7 2026-10-12 周一至2026-10-13 周二。
        跳过：2026-10-01至2026-10-07法定节假日（国庆节）；2026-10-11（星期日）周末。
        """
        lang = check_lang(lang)
        rule = self.rule
        flag = ui("deadline.provisional_flag", lang) if self.provisional else ""
        lines = [
            ui(
                "deadline.head", lang, rule=rule.name, period=rule.period.describe(lang),
                start=_dow(self.start, lang), due=_dow(self.due, lang), flag=flag,
            )
        ]
        if rule.title:
            lines.append(ui("deadline.rule", lang, title=rule.title))
        lines.append(ui("deadline.source", lang, citation=rule.citation))
        lines.extend(self.rule.period._explain(self.start, self.due, self.calendar, lang))
        if self.provisional:
            first, last = self.calendar.covered
            lines.append(ui("deadline.provisional_note", lang, first=first, last=last))
        return "\n".join(lines)


@attrs.frozen(kw_only=True)
class Timeliness:
    """Whether a duty was done on time and, if not, by how many working days it was late.

    ``working_days_late`` is the working days from the due date to the day it was
    done, that day moved to the next working day when it is a rest day: publishing on
    the Saturday after a Friday deadline is as late as publishing on the Monday (1).

    >>> t = check_timeliness(date(2026, 9, 28), date(2026, 10, 15))
    >>> t.on_time, t.working_days_late, t.deadline.due
    (False, 2, datetime.date(2026, 10, 13))
    """

    deadline: Deadline
    published_on: date
    on_time: bool
    working_days_late: int
    provisional: bool = False

    def explain(self, lang: Lang = "en") -> str:
        """The deadline's explanation followed by the verdict, in ``lang`` (``"en"``, ``"zh"``).

        >>> print(check_timeliness(date(2026, 9, 28), date(2026, 10, 13)).explain().splitlines()[-1])
        Done on 2026-10-13 (Tuesday): on time.
        >>> print(check_timeliness(date(2026, 9, 28), date(2026, 10, 15)).explain("zh")
        ...       .splitlines()[-1])
        完成日期2026-10-15（星期四）：逾期2个工作日。
        """
        lang = check_lang(lang)
        if self.on_time:
            verdict = ui("verdict.on_time", lang)
        else:
            n = self.working_days_late
            verdict = plural("deadline.late_by_one", "deadline.late_by", n, lang)
        text = (
            self.deadline.explain(lang)
            + "\n"
            + ui("deadline.done_on", lang, day=_dow(self.published_on, lang), verdict=verdict)
        )
        if self.provisional and not self.deadline.provisional:
            text += ui("deadline.done_unscheduled", lang)
        return text


def publication_deadline(
    decision_date: date, *, calendar: WorkdayCalendar | None = None
) -> Deadline:
    """The 双公示 publication deadline: 7 working days after the decision (:data:`PUBLICATION`).

    >>> publication_deadline(date(2025, 9, 26)).due  # 09-28 and 10-11 are 调休 working days
    datetime.date(2025, 10, 13)
    """
    return PUBLICATION.due(decision_date, calendar=calendar)


def check_timeliness(
    decision_date: date,
    published_on: date,
    *,
    rule: DeadlineRule | None = None,
    calendar: WorkdayCalendar | None = None,
) -> Timeliness:
    """Was a duty (by default publication, :data:`PUBLICATION`) done on time?

    Raises :class:`~credit_disclosure.errors.InvalidComponent` (code
    ``timeliness.done_before_start``) when ``published_on`` is before
    ``decision_date``: that is a data error, not an early publication.

    >>> check_timeliness(date(2026, 9, 28), date(2026, 10, 10)).on_time
    True
    >>> check_timeliness(date(2026, 9, 28), date(2026, 10, 17)).working_days_late  # a Saturday
    4
    """
    decision_date = _as_date(decision_date, "decision_date")
    published_on = _as_date(published_on, "published_on")
    cal = default_calendar() if calendar is None else calendar
    chosen = PUBLICATION if rule is None else rule
    if published_on < decision_date:
        raise InvalidComponent(
            "timeliness.done_before_start",
            message_en=f"done on {published_on}, before the start date {decision_date}",
            message_zh=f"公示日期 {published_on} 早于决定日期 {decision_date}",
        )
    deadline = chosen.due(decision_date, calendar=cal)
    if published_on <= deadline.due:
        return Timeliness(
            deadline=deadline,
            published_on=published_on,
            on_time=True,
            working_days_late=0,
            provisional=deadline.provisional,
        )
    effective = cal.add(published_on, 0)
    late = cal.count(deadline.due, effective)
    provisional = deadline.provisional or (cal.provisional and not cal.covers(effective))
    return Timeliness(
        deadline=deadline,
        published_on=published_on,
        on_time=False,
        working_days_late=late,
        provisional=provisional,
    )


def _key(name: str) -> str:
    return to_halfwidth(name).strip().lower().replace("-", "_").replace(" ", "_")


def get_rule(name: str, rules: Mapping[str, DeadlineRule] | None = None) -> DeadlineRule:
    """The rule called ``name`` in ``rules`` (default: the built-in :data:`RULES`).

    Case, full-width letters, ``-``, ``_`` and spaces do not matter. Pass
    ``{**RULES, **load_rules(path)}`` to look among your own rules too.

    >>> get_rule("dispute-verification").period
    WorkingDays(days=20)
    >>> get_rule("nope")
    Traceback (most recent call last):
    ...
    credit_disclosure.errors.UnknownName: deadlines.rule: no deadline rule 'nope'; known: ...
    """
    if not isinstance(name, str):
        raise ArgumentTypeError(
            "deadlines.rule",
            message_en=f"a rule name is text, not {type(name).__name__}",
            message_zh=f"规则名称应为文本，而不是 {type(name).__name__}",
        )
    table = RULES if rules is None else rules
    wanted = _key(name)
    for key, rule in table.items():
        if _key(key) == wanted:
            return rule
    known = ", ".join(sorted(table))
    raise UnknownName(
        "deadlines.rule",
        message_en=f"no deadline rule {safe_repr(name)}; known: {known}",
        message_zh=f"没有名为 {safe_repr(name)} 的期限规则；可用：{known}",
    )


# -- rules as data: a file of [[rules]] ------------------------------------------------------


_CONVERTER: Final = strict_converter()  # unknown keys, 7.5, a date and time: errors


@attrs.frozen
class _RuleRow:
    """One ``[[rules]]`` table of a rules file, before it becomes a :class:`DeadlineRule`."""

    name: str
    citation: str
    title: str = ""
    working_days: int | None = None
    calendar_days: int | None = None
    months: int | None = None
    years: int | None = None
    next_weekday: str | None = None
    effective_from: date | None = None
    effective_to: date | None = None


_WEEKDAY_BY_NAME: Final = {
    **{name.lower(): i for i, name in enumerate(_WEEKDAYS)},
    **{name.lower()[:3]: i for i, name in enumerate(_WEEKDAYS)},
    **{f"周{c}": i for i, c in enumerate("一二三四五六日")},
    **{f"星期{c}": i for i, c in enumerate("一二三四五六日")},
    "周天": 6,
    "星期天": 6,
}


def _period(row: _RuleRow) -> Period:
    calendar = (row.calendar_days, row.months, row.years)
    given = [
        kind
        for kind, present in (
            ("working_days", row.working_days is not None),
            ("calendar_days/months/years", any(x is not None for x in calendar)),
            ("next_weekday", row.next_weekday is not None),
        )
        if present
    ]
    if len(given) != 1:
        raise InvalidComponent(
            "rules.period",
            message_en=f"rule {row.name!r}: give exactly one period: working_days, "
            f"calendar_days/months/years or next_weekday (got {', '.join(given) or 'none'})",
            message_zh=f"规则“{row.name}”应给出且只给出一种期限: working_days、"
            "calendar_days/months/years 或 next_weekday",
            field=row.name,
        )
    if row.working_days is not None:
        return WorkingDays(row.working_days)
    if row.next_weekday is not None:
        day = _WEEKDAY_BY_NAME.get(to_halfwidth(row.next_weekday).strip().lower())
        if day is None:
            raise InvalidComponent(
                "rules.weekday",
                message_en=f"rule {row.name!r}: next_weekday {row.next_weekday!r} is not a "
                "weekday (Monday ... Sunday, or 周一 ... 周日)",
                message_zh=f"规则“{row.name}”: next_weekday 应为周一至周日",
                field=row.name,
            )
        return NextWeekday(day)
    days, months, years = (x or 0 for x in calendar)
    return CalendarPeriod(days=days, months=months, years=years)


def rule_from_dict(data: Mapping[str, Any]) -> DeadlineRule:
    """A :class:`DeadlineRule` from plain data (one ``[[rules]]`` table of a rules file).

    Keys: ``name`` and ``citation`` (required), ``title``, exactly one period
    (``working_days``; or ``calendar_days``, ``months`` and/or ``years``; or
    ``next_weekday``, e.g. ``"Monday"`` or ``"周一"``), and ``effective_from`` /
    ``effective_to`` (dates). Unknown keys are refused (code ``rules.format``).

    >>> rule = rule_from_dict({"name": "county_review", "working_days": 15,
    ...                        "citation": "某县 2026 实施细则 第三条"})
    >>> rule.period, rule.due(date(2026, 9, 28)).due
    (WorkingDays(days=15), datetime.date(2026, 10, 23))
    >>> rule_from_dict({"name": "x", "citation": "y", "working_days": 3, "months": 1})
    Traceback (most recent call last):
    ...
    credit_disclosure.errors.InvalidComponent: rules.period in field x: ...
    """
    if not isinstance(data, Mapping):
        raise InvalidFormat(
            "rules.format",
            message_en=f"a rule is a table (name, citation, a period), not {type(data).__name__}",
            message_zh="规则应为一个表（name, citation, 期限）",
        )
    row = structure(_CONVERTER, data, _RuleRow, "rules.format", "deadline rule")
    try:
        return DeadlineRule(
            row.name,
            _period(row),
            row.citation,
            title=row.title,
            effective_from=row.effective_from,
            effective_to=row.effective_to,
        )
    except ValidationError:
        raise
    except (TypeError, ValueError) as exc:
        raise InvalidComponent(
            "rules.value",
            message_en=f"rule {row.name!r}: {exc}",
            message_zh=f"规则“{row.name}”取值错误: {exc}",
            field=row.name,
        ) from None


def load_rules(path: str | os.PathLike[str]) -> Mapping[str, DeadlineRule]:
    """Read your own deadline rules from a ``.json`` or ``.toml`` file, by name.

    The file holds a list ``rules`` of tables with the keys of :func:`rule_from_dict`
    (in TOML, one ``[[rules]]`` table each). Merge with the built-ins to use them by
    name: ``get_rule(name, {**RULES, **load_rules(path)})``; a rule with a built-in
    rule's name replaces it. Errors name the file and have a stable code
    (``rules.file_type``, ``rules.encoding``, ``rules.syntax``, ``rules.format``,
    ``rules.period``, ``rules.weekday``, ``rules.value``, ``rules.duplicate``).

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "rules.toml"
    >>> _ = path.write_text('''
    ... [[rules]]
    ... name = "county_review"
    ... working_days = 15
    ... citation = "某县 2026 实施细则 第三条"
    ... ''', encoding="utf-8")
    >>> mine = load_rules(path)
    >>> get_rule("county-review", {**RULES, **mine}).due(date(2026, 9, 28)).due
    datetime.date(2026, 10, 23)
    """
    data = read_table(path, "rules")
    rows = data.get("rules")
    extra = set(data) - {"rules"}
    if not isinstance(rows, list) or extra:
        raise InvalidFormat(
            "rules.format",
            message_en=f"{path}: a rules file holds a list 'rules' of tables"
            + (f" and nothing else (unknown keys {sorted(extra)})" if extra else ""),
            message_zh=f"{path}: 规则文件应只包含规则列表 rules",
        )
    out: dict[str, DeadlineRule] = {}
    for i, row in enumerate(rows):
        try:
            rule = rule_from_dict(row)
        except ValidationError as exc:
            raise in_file(exc.with_field(f"rules[{i}]"), path) from None
        if rule.name in out:
            raise InvalidComponent(
                "rules.duplicate",
                message_en=f"{path}: rules[{i}]: a second rule called {rule.name!r}",
                message_zh=f"{path}: rules[{i}]: 规则名“{rule.name}”重复",
                field=f"rules[{i}]",
            )
        out[rule.name] = rule
    return MappingProxyType(out)


# -- the built-in rules: deadlines/data/rules.toml, read by load_rules like your own files ----


def _builtin_rules() -> Mapping[str, DeadlineRule]:
    data = resources.files("credit_disclosure.deadlines") / "data" / "rules.toml"
    with resources.as_file(data) as path:
        return load_rules(path)


#: Every built-in rule by name (the rules of ``deadlines/data/rules.toml``, each with its source).
RULES: Final[Mapping[str, DeadlineRule]] = _builtin_rules()

PUBLICATION: Final = RULES["publication"]
WEEKLY_REPORT: Final = RULES["weekly_report"]
DISPUTE_VERIFICATION: Final = RULES["dispute_verification"]
INFORMATION_DISCLOSURE: Final = RULES["information_disclosure"]
SAMR_PUBLICATION: Final = RULES["samr_publication"]
WITHDRAWAL_AFTER_REVOCATION: Final = RULES["withdrawal_after_revocation"]
OBJECTION_MARKING: Final = RULES["objection_marking"]
OBJECTION_TRANSFER: Final = RULES["objection_transfer"]
OBJECTION_DECISION: Final = RULES["objection_decision"]
REPAIR_REVIEW: Final = RULES["repair_review"]
REPAIR_RESULT_SHARING: Final = RULES["repair_result_sharing"]
