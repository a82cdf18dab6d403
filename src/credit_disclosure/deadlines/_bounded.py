"""Deadlines that reach into a year whose holiday notice is not out: answers with bounds.

A deadline that touches a statutory-only year (:class:`~credit_disclosure.workdays.YearState`)
is computed under three arrangements of that year's 调休 (see
:class:`~credit_disclosure.workdays.WorkdayBounds`): the earliest and the latest possible due
dates, and the statutory-only estimate. ``due`` is set only when the bounds agree. A
timeliness check is certain whenever the day it was done falls on or before the earliest or
after the latest bound, and otherwise waits for the notice, naming the dates that decide it.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Any

import attrs

from .._dates import as_date as _as_date
from .._i18n import Lang, check_lang, plural, ui
from ..errors import InvalidComponent
from ..workdays import DateBounds, WorkdayBounds, YearState, default_bounds
from ._rules import PUBLICATION, Deadline, DeadlineRule, _dow

__all__ = [
    "BoundedDeadline",
    "BoundedTimeliness",
    "Verdict",
    "bounded_deadline",
    "check_timeliness_bounded",
]


def _years(text: tuple[int, ...], lang: Lang = "en") -> str:
    return ui("list.sep", lang).join(str(y) for y in text)


@attrs.frozen(kw_only=True)
class BoundedDeadline:
    """A due date with bounds: exact when every possible 调休 gives the same day.

    ``earliest`` and ``latest`` bound the due date over every 调休 arrangement consistent with
    the published years' pattern; ``estimate`` is the statutory-only answer (no 调休); ``due``
    is the date when the bounds agree, else ``None``. ``years`` is the state of each year the
    answer looks at; ``pending`` the statutory-only years whose notice decides it.

    >>> d = bounded_deadline(date(2026, 12, 28))
    >>> d.due, d.earliest, d.estimate, d.latest, d.certain, d.pending
    (None, datetime.date(2027, 1, 5), datetime.date(2027, 1, 7), datetime.date(2027, 1, 8), False, (2027,))
    >>> bounded_deadline(date(2026, 9, 28)).due
    datetime.date(2026, 10, 13)
    """

    rule: DeadlineRule
    start: date
    earliest: date
    estimate: date
    latest: date
    years: tuple[tuple[int, YearState], ...]
    pending: tuple[int, ...] = ()
    bounds: WorkdayBounds = attrs.field(eq=False, repr=False, factory=default_bounds)

    @property
    def certain(self) -> bool:
        """Whether the due date is known whatever the pending notices say.

        >>> bounded_deadline(date(2027, 3, 1)).certain
        True
        """
        return self.earliest == self.latest

    @property
    def due(self) -> date | None:
        """The due date when it is certain, else ``None``.

        >>> bounded_deadline(date(2026, 12, 28)).due is None
        True
        """
        return self.earliest if self.certain else None

    def as_deadline(self) -> Deadline:
        """The statutory-only estimate as a plain :class:`Deadline` (for its explanation).

        >>> bounded_deadline(date(2026, 12, 28)).as_deadline().due
        datetime.date(2027, 1, 7)
        """
        return Deadline(
            start=self.start,
            due=self.estimate,
            rule=self.rule,
            calendar=self.bounds.scenarios[1],
        )

    def _moves(self, lang: Lang = "en") -> list[str]:
        """The possible 调休 days that set the bounds, grouped by the year of their notice."""
        lines = []
        first = self.rule.period._first_needed(self.start)
        for year in self.pending:
            on = [d for d, off, _ in self.bounds.possible_tiaoxiu(year) if not off]
            off = [d for d, is_off, _ in self.bounds.possible_tiaoxiu(year) if is_off]
            on = [d for d in on if first <= d <= self.earliest]
            off = [d for d in off if first <= d <= self.latest]
            sep = ui("list.sep", lang)
            if on:
                lines.append(
                    ui(
                        "deadline.earliest_if", lang, earliest=self.earliest, year=year,
                        days=sep.join(_dow(d, lang) for d in on),
                    )
                )
            if off:
                lines.append(
                    ui(
                        "deadline.latest_if", lang, latest=self.latest, year=year,
                        days=sep.join(_dow(d, lang) for d in off),
                    )
                )
        return lines

    def explain(self, lang: Lang = "en") -> str:
        """Plain text in ``lang`` (``"en"``, ``"zh"``): the bounds, why they differ, and the
        statutory-only count, with the rule's source.

        >>> print(bounded_deadline(date(2026, 12, 28)).explain().splitlines()[0])
        publication: 7 working days after 2026-12-28 (Monday): due between 2027-01-05 and \
2027-01-08 (statutory-only estimate 2027-01-07); undetermined until the 2027 notice.
        >>> print(bounded_deadline(date(2026, 12, 28)).explain("zh").splitlines()[0])
        publication：2026-12-28（星期一）起7个工作日：截止日在2027-01-05至2027-01-08之间（仅按法定节假日估算为\
2027-01-07）；待2027年放假通知发布后确定。
        """
        lang = check_lang(lang)
        rule = self.rule
        if self.certain:
            rest = ui("deadline.due_day", lang, due=_dow(self.earliest, lang))
        else:
            rest = ui(
                "deadline.between", lang, earliest=self.earliest, latest=self.latest,
                estimate=self.estimate, years=_years(self.pending, lang),
            )
        head = ui(
            "deadline.head_bounded", lang, rule=rule.name, period=rule.period.describe(lang),
            start=_dow(self.start, lang), rest=rest,
        )
        lines = [head]
        statutory = [y for y, state in self.years if state is YearState.STATUTORY_ONLY]
        if statutory:
            others = ui("list.sep", lang).join(
                ui("deadline.year_of", lang, year=y, state=ui(f"yearstate.{s.value}", lang))
                for y, s in self.years
                if y not in statutory
            )
            lines.append(
                ui("deadline.year_state", lang, years=_years(tuple(statutory), lang), others=others)
            )
        lines.extend(self._moves(lang))
        estimate = self.as_deadline().explain(lang).splitlines()
        if not self.certain:
            lines.append(ui("deadline.estimate_head", lang))
        lines.extend(estimate[1:])
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: dates as ISO text, ``due`` ``None`` when uncertain.

        >>> bounded_deadline(date(2026, 12, 28)).to_dict()["years"]
        {'2026': 'published', '2027': 'statutory-only'}
        """
        return {
            "rule": self.rule.name,
            "citation": self.rule.citation,
            "start": self.start.isoformat(),
            "due": None if self.due is None else self.due.isoformat(),
            "earliest": self.earliest.isoformat(),
            "latest": self.latest.isoformat(),
            "estimate": self.estimate.isoformat(),
            "certain": self.certain,
            "years": {str(y): s.value for y, s in self.years},
            "pending": list(self.pending),
        }


def bounded_deadline(
    start: date,
    *,
    rule: DeadlineRule | None = None,
    bounds: WorkdayBounds | None = None,
) -> BoundedDeadline:
    """The deadline of a duty starting on ``start`` (default rule: :data:`PUBLICATION`), bounded.

    In published years it is the same day as :meth:`DeadlineRule.due`; across a statutory-only
    year it is a range. Raises :class:`~credit_disclosure.errors.PolicyError` when the rule is
    not in force on ``start`` and :class:`~credit_disclosure.errors.CalendarDataMissing` when
    the answer needs an unknown year.

    >>> d = bounded_deadline(date(2026, 12, 28))
    >>> (d.earliest, d.latest), d.to_dict()["due"]
    ((datetime.date(2027, 1, 5), datetime.date(2027, 1, 8)), None)
    """
    start = _as_date(start, "start")
    chosen = PUBLICATION if rule is None else rule
    bnd = default_bounds() if bounds is None else bounds
    period = chosen.period
    if not chosen.in_force(start):
        chosen.due(start, calendar=bnd.scenarios[1])  # raises PolicyError with the rule's dates
    first = period._first_needed(start)
    settled = bnd.settled_until
    guess = period.end(start, bnd.scenarios[1]) if first <= settled else None
    if guess is not None and guess <= settled:
        # Every day the answer depends on (first to guess) is one no pending notice can move.
        dates = DateBounds(guess, guess, guess)
    else:
        dates = bnd.apply(lambda cal: period.end(start, cal))
    years = tuple(
        (y, bnd.state(y)) for y in range(min(first, start).year, dates.latest.year + 1)
    )
    pending = () if dates.certain else bnd.pending(first, dates.latest)
    return BoundedDeadline(
        rule=chosen,
        start=start,
        earliest=dates.earliest,
        estimate=dates.estimate,
        latest=dates.latest,
        years=years,
        pending=pending,
        bounds=bnd,
    )


class Verdict(enum.Enum):
    """Whether a duty was done on time, late, or cannot be told until a notice is out.

    >>> Verdict("undetermined")
    <Verdict.UNDETERMINED: 'undetermined'>
    """

    ON_TIME = "on_time"
    LATE = "late"
    UNDETERMINED = "undetermined"


@attrs.frozen(kw_only=True)
class BoundedTimeliness:
    """A timeliness check against a :class:`BoundedDeadline`.

    ``ON_TIME`` when done on or before the earliest possible due date, ``LATE`` when after the
    latest, otherwise ``UNDETERMINED`` until the pending notice. ``working_days_late`` is, for
    a late duty, the fewest working days late over every arrangement (``None`` otherwise), and
    ``late_exact`` says whether every arrangement gives that number.

    >>> t = check_timeliness_bounded(date(2026, 12, 28), date(2027, 1, 6))
    >>> t.verdict.value, t.reason
    ('undetermined', 'undetermined until the 2027 notice: on time if it puts the due date on or \
after 2027-01-06, late if before (possible due dates 2027-01-05 to 2027-01-08)')
    """

    deadline: BoundedDeadline
    published_on: date
    verdict: Verdict
    working_days_late: int | None = None
    #: whether ``working_days_late`` is the same under every arrangement
    late_exact: bool = True

    @property
    def certain(self) -> bool:
        """Whether the verdict holds whatever the pending notices say.

        >>> check_timeliness_bounded(date(2026, 12, 28), date(2026, 12, 30)).certain
        True
        """
        return self.verdict is not Verdict.UNDETERMINED

    @property
    def reason(self) -> str | None:
        """Why the verdict is undetermined and which dates decide it (``None`` when certain).

        >>> check_timeliness_bounded(date(2026, 12, 28), date(2027, 3, 1)).reason is None
        True
        """
        return self.reason_in("en")

    @property
    def reason_zh(self) -> str | None:
        """:attr:`reason` in Chinese.

        >>> check_timeliness_bounded(date(2026, 12, 28), date(2027, 1, 6)).reason_zh[:18]
        '待2027年放假通知发布后确定：截止'
        """
        return self.reason_in("zh")

    def reason_in(self, lang: Lang) -> str | None:
        """:attr:`reason` in ``lang`` (``"en"`` or ``"zh"``).

        >>> check_timeliness_bounded(date(2026, 12, 28), date(2027, 3, 1)).reason_in("zh") is None
        True
        """
        lang = check_lang(lang)
        if self.certain:
            return None
        d = self.deadline
        return ui(
            "deadline.undetermined_reason", lang, years=_years(d.pending, lang),
            published=self.published_on, earliest=d.earliest, latest=d.latest,
        )

    def explain(self, lang: Lang = "en") -> str:
        """The deadline's explanation followed by the verdict, in ``lang`` (``"en"``, ``"zh"``).

        >>> print(check_timeliness_bounded(date(2026, 12, 28), date(2026, 12, 30)).explain()
        ...       .splitlines()[-1])
        Done on 2026-12-30 (Wednesday): on time, whatever the 2027 notice says.
        >>> print(check_timeliness_bounded(date(2026, 12, 28), date(2026, 12, 30)).explain("zh")
        ...       .splitlines()[-1])
        完成日期2026-12-30（星期三）：按时，无论2027年通知如何安排。
        """
        lang = check_lang(lang)
        d = self.deadline
        whatever = ui("deadline.whatever", lang, years=_years(d.pending, lang)) if d.pending else ""
        if self.verdict is Verdict.ON_TIME:
            verdict = ui("verdict.on_time", lang) + whatever
        elif self.verdict is Verdict.LATE:
            n = self.working_days_late or 0
            if self.late_exact:
                verdict = plural("deadline.late_by_one", "deadline.late_by", n, lang)
            else:
                verdict = plural("deadline.late_by_least_one", "deadline.late_by_least", n, lang)
            verdict += whatever
        else:
            verdict = self.reason_in(lang) or ""
        done = ui("deadline.done_on", lang, day=_dow(self.published_on, lang), verdict=verdict)
        return d.explain(lang) + "\n" + done

    def to_dict(self) -> dict[str, Any]:
        """The deadline's :meth:`BoundedDeadline.to_dict` with the verdict added.

        ``certain`` stays the due date's; ``verdict_certain`` is the verdict's.

        >>> check_timeliness_bounded(date(2026, 12, 28), date(2027, 3, 1)).to_dict()["verdict"]
        'late'
        """
        return {
            **self.deadline.to_dict(),
            "published": self.published_on.isoformat(),
            "verdict": self.verdict.value,
            # ``certain`` above is the due date's; this is the verdict's (on time whatever the
            # notice says, even when the due date itself is not known yet)
            "verdict_certain": self.certain,
            "working_days_late": self.working_days_late,
            "working_days_late_exact": self.late_exact,
            "reason": self.reason,
            "reason_zh": self.reason_zh,
        }


def check_timeliness_bounded(
    decision_date: date,
    published_on: date,
    *,
    rule: DeadlineRule | None = None,
    bounds: WorkdayBounds | None = None,
) -> BoundedTimeliness:
    """Was a duty done on time, even when its deadline reaches into a statutory-only year?

    Raises :class:`~credit_disclosure.errors.InvalidComponent` (``timeliness.done_before_start``)
    when ``published_on`` is before ``decision_date``.

    >>> check_timeliness_bounded(date(2026, 12, 28), date(2026, 12, 30)).verdict
    <Verdict.ON_TIME: 'on_time'>
    >>> t = check_timeliness_bounded(date(2026, 12, 28), date(2027, 3, 1))
    >>> t.verdict, t.working_days_late
    (<Verdict.LATE: 'late'>, 29)
    """
    decision_date = _as_date(decision_date, "decision_date")
    published_on = _as_date(published_on, "published_on")
    if published_on < decision_date:
        raise InvalidComponent(
            "timeliness.done_before_start",
            message_en=f"done on {published_on}, before the start date {decision_date}",
            message_zh=f"公示日期 {published_on} 早于决定日期 {decision_date}",
        )
    deadline = bounded_deadline(decision_date, rule=rule, bounds=bounds)
    if published_on <= deadline.earliest:
        return BoundedTimeliness(
            deadline=deadline, published_on=published_on, verdict=Verdict.ON_TIME
        )
    if published_on > deadline.latest:
        bnd = deadline.bounds
        if published_on <= bnd.settled_until:  # one calendar answers for all three
            cal = bnd.scenarios[1]
            return BoundedTimeliness(
                deadline=deadline,
                published_on=published_on,
                verdict=Verdict.LATE,
                working_days_late=cal.count(deadline.latest, cal.add(published_on, 0)),
            )
        dues = (deadline.earliest, deadline.estimate, deadline.latest)
        done = deadline.bounds.apply(lambda cal: cal.add(published_on, 0))
        ends = (done.earliest, done.estimate, done.latest)
        late = [
            cal.count(due, end)
            for cal, due, end in zip(deadline.bounds.scenarios, dues, ends, strict=True)
        ]
        return BoundedTimeliness(
            deadline=deadline,
            published_on=published_on,
            verdict=Verdict.LATE,
            working_days_late=min(late),
            late_exact=min(late) == max(late),
        )
    return BoundedTimeliness(
        deadline=deadline, published_on=published_on, verdict=Verdict.UNDETERMINED
    )
