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


def _years(text: tuple[int, ...]) -> str:
    return ", ".join(str(y) for y in text)


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

    def _moves(self) -> list[str]:
        """The possible 调休 days that set the bounds, grouped by the year of their notice."""
        lines = []
        first = self.rule.period._first_needed(self.start)
        for year in self.pending:
            on = [d for d, off, _ in self.bounds.possible_tiaoxiu(year) if not off]
            off = [d for d, is_off, _ in self.bounds.possible_tiaoxiu(year) if is_off]
            on = [d for d in on if first <= d <= self.earliest]
            off = [d for d in off if first <= d <= self.latest]
            if on:
                lines.append(
                    f"Earliest {self.earliest} if the {year} notice makes working days of: "
                    + ", ".join(_dow(d) for d in on)
                    + "."
                )
            if off:
                lines.append(
                    f"Latest {self.latest} if the {year} notice adds days off on: "
                    + ", ".join(_dow(d) for d in off)
                    + "."
                )
        return lines

    def explain(self) -> str:
        """Plain text: the bounds, why they differ, and the statutory-only count.

        >>> print(bounded_deadline(date(2026, 12, 28)).explain().splitlines()[0])
        publication: 7 working days after 2026-12-28 (Monday): due between 2027-01-05 and \
2027-01-08 (statutory-only estimate 2027-01-07); undetermined until the 2027 notice.
        """
        rule = self.rule
        head = f"{rule.name}: {rule.period} after {_dow(self.start)}: "
        if self.certain:
            head += f"due {_dow(self.earliest)}."
        else:
            head += (
                f"due between {self.earliest} and {self.latest} (statutory-only estimate "
                f"{self.estimate}); undetermined until the {_years(self.pending)} notice."
            )
        lines = [head]
        statutory = [y for y, state in self.years if state is YearState.STATUTORY_ONLY]
        if statutory:
            lines.append(
                f"Year state: {_years(tuple(statutory))} statutory-only (the statutory holidays "
                "are certain, the 调休 of the notice is not); "
                + ", ".join(f"{y} {s.value}" for y, s in self.years if y not in statutory)
            )
        lines.extend(self._moves())
        estimate = self.as_deadline().explain().splitlines()
        if not self.certain:
            lines.append("The statutory-only estimate:")
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
        if self.certain:
            return None
        d = self.deadline
        return (
            f"undetermined until the {_years(d.pending)} notice: on time if it puts the due date "
            f"on or after {self.published_on}, late if before (possible due dates "
            f"{d.earliest} to {d.latest})"
        )

    def explain(self) -> str:
        """The deadline's explanation followed by the verdict.

        >>> print(check_timeliness_bounded(date(2026, 12, 28), date(2026, 12, 30)).explain()
        ...       .splitlines()[-1])
        Done on 2026-12-30 (Wednesday): on time, whatever the 2027 notice says.
        """
        d = self.deadline
        text = d.explain() + f"\nDone on {_dow(self.published_on)}: "
        whatever = f", whatever the {_years(d.pending)} notice says" if d.pending else ""
        if self.verdict is Verdict.ON_TIME:
            return text + f"on time{whatever}."
        if self.verdict is Verdict.LATE:
            n = self.working_days_late
            least = "" if self.late_exact else "at least "
            return text + f"late by {least}{n} working day{'' if n == 1 else 's'}{whatever}."
        return text + f"{self.reason}."

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
