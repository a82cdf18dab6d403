"""One record's contribution to the quality scores: an :class:`Observation`.

The three dimensions the credit offices score (长治 2021 实施意见 (七), 长春净月
实施细则 (2020) 第十一条, 上海 2016 总体方案 四(四): 及时性、完整性、准确性) are
read off what :func:`credit_disclosure.standard.check_row` found and the date the
record was published:

- completeness: no issue of a completeness code (a required or conditionally
  required field left empty, :data:`COMPLETENESS_CODES`);
- accuracy: no *error* of any other code (identifiers, code lists, dates,
  amounts, consistency between fields);
- timeliness: published within the deadline (by default 7 working days,
  发改办财金〔2018〕424号), judged by
  :func:`credit_disclosure.deadlines.check_timeliness`. A record whose
  timeliness cannot be judged is *kept* and counted as unknown, with the reason.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Final

import attrs

from ..deadlines import (
    PUBLICATION,
    DeadlineRule,
    Verdict,
    check_timeliness,
    check_timeliness_bounded,
)
from ..errors import CalendarDataMissing, ValidationError
from ..standard import Issue, RecordKind, RowResult, Severity, parse_date
from ..workdays import WorkdayCalendar, default_bounds

if TYPE_CHECKING:
    from ..io import RowOutcome

__all__ = [
    "COMPLETENESS_CODES",
    "Dimension",
    "Observation",
    "TimelinessStatus",
    "UnknownReason",
    "dimension_of",
    "judge_timeliness",
    "observe",
]

#: Issue codes that mean "a field the standard requires is empty" (790号 field tables).
COMPLETENESS_CODES: Final = frozenset(
    {"field.required", "field.required_for_category", "field.conditional"}
)


class Dimension(enum.Enum):
    """The quality dimension an issue code counts against.

    >>> dimension_of("field.required"), dimension_of("uscc.checksum")
    (<Dimension.COMPLETENESS: 'completeness'>, <Dimension.ACCURACY: 'accuracy'>)
    """

    #: a required or conditionally required field is empty (完整性)
    COMPLETENESS = "completeness"
    #: a value breaks an identifier standard, a code list or a consistency rule (准确性)
    ACCURACY = "accuracy"


def dimension_of(code: str) -> Dimension:
    """The dimension an issue ``code`` counts against: completeness or accuracy.

    Codes in :data:`COMPLETENESS_CODES` count against completeness; every other
    code (identifier families such as ``uscc.*``, ``code.unknown``,
    ``date.invalid``, ``amount.*``, ``consistency.*``, and the reader's ``row.*``)
    against accuracy.

    >>> dimension_of("field.conditional").value, dimension_of("code.unknown").value
    ('completeness', 'accuracy')
    """
    return Dimension.COMPLETENESS if code in COMPLETENESS_CODES else Dimension.ACCURACY


class TimelinessStatus(enum.Enum):
    """Whether a record was published on time, late, or cannot be judged.

    >>> TimelinessStatus("unknown")
    <TimelinessStatus.UNKNOWN: 'unknown'>
    """

    ON_TIME = "on_time"
    LATE = "late"
    UNKNOWN = "unknown"


class UnknownReason(enum.Enum):
    """Why the timeliness of a record cannot be judged (it is still counted).

    >>> UnknownReason.CALENDAR_MISSING.value
    'calendar_missing'
    """

    #: the export has no publication date for the record
    NO_PUBLICATION_DATE = "no_publication_date"
    #: the publication date cannot be read as a date
    BAD_PUBLICATION_DATE = "bad_publication_date"
    #: the record has no (readable) decision date
    NO_DECISION_DATE = "no_decision_date"
    #: published before the decision: a data error (``timeliness.done_before_start``)
    PUBLISHED_BEFORE_DECISION = "published_before_decision"
    #: the working-day calendar has no schedule for a year the deadline crosses
    #: (:class:`~credit_disclosure.errors.CalendarDataMissing`)
    CALENDAR_MISSING = "calendar_missing"
    #: the deadline reaches into a year whose holiday notice is not out (statutory-only)
    #: and the publication date lies between its earliest and latest possible due dates:
    #: undetermined until that year's notice
    AWAITING_NOTICE = "awaiting_notice"
    #: the row could not be read at all (a ``row.*`` issue of the reader)
    UNREADABLE = "unreadable"


@attrs.frozen(kw_only=True)
class Observation:
    """What one record adds to the scores: its group keys and the three verdicts.

    ``agency`` is the deciding body (许可机关 / 处罚机关, ``None`` when empty);
    ``month`` is the decision month ``YYYY-MM`` (``None`` without a decision
    date); ``issues`` are the record's issues (their codes feed the issue counts).

    >>> obs = Observation(kind=RecordKind.PENALTY, agency="某市市场监督管理局",
    ...                   month="2025-03", complete=True, accurate=False,
    ...                   timeliness=TimelinessStatus.LATE, working_days_late=2)
    >>> obs.has_errors, obs.timeliness.value
    (False, 'late')
    """

    kind: RecordKind
    agency: str | None
    month: str | None
    complete: bool
    accurate: bool
    timeliness: TimelinessStatus
    working_days_late: int = 0
    unknown_reason: UnknownReason | None = None
    #: the year the calendar lacks (``CALENDAR_MISSING``) or whose notice decides it
    #: (``AWAITING_NOTICE``)
    missing_year: int | None = None
    decision_date: date | None = None
    published_on: date | None = None
    issues: tuple[Issue, ...] = ()

    @property
    def has_errors(self) -> bool:
        """Whether any of the record's issues is an error.

        >>> Observation(kind=RecordKind.LICENSE, agency=None, month=None, complete=True,
        ...             accurate=True, timeliness=TimelinessStatus.UNKNOWN).has_errors
        False
        """
        return any(i.severity is Severity.ERROR for i in self.issues)


def _month(day: date | None) -> str | None:
    return None if day is None else f"{day.year:04d}-{day.month:02d}"


def judge_timeliness(
    decision_date: date | None,
    published: object,
    *,
    rule: DeadlineRule | None = None,
    calendar: WorkdayCalendar | None = None,
) -> tuple[TimelinessStatus, int, UnknownReason | None, int | None]:
    """Judge one record's timeliness: ``(status, working days late, reason, missing year)``.

    ``published`` is the publication date as the export holds it (a date, a
    ``YYYY/MM/DD`` text, ``None``); ``rule`` defaults to
    :data:`~credit_disclosure.deadlines.PUBLICATION` (7 working days,
    发改办财金〔2018〕424号). Never raises: what cannot be judged is
    :attr:`TimelinessStatus.UNKNOWN` with an :class:`UnknownReason`.

    >>> judge_timeliness(date(2026, 9, 28), "2026/10/15")
    (<TimelinessStatus.LATE: 'late'>, 2, None, None)
    >>> judge_timeliness(date(2026, 12, 28), date(2027, 1, 6))[2:]  # due 2027-01-05 to 01-08
    (<UnknownReason.AWAITING_NOTICE: 'awaiting_notice'>, 2027)
    >>> judge_timeliness(date(2026, 12, 28), date(2026, 12, 30))[0]  # on time whatever 2027 says
    <TimelinessStatus.ON_TIME: 'on_time'>
    >>> judge_timeliness(None, "2025/01/02")[2]
    <UnknownReason.NO_DECISION_DATE: 'no_decision_date'>
    """
    if published is None or (isinstance(published, str) and not published.strip()):
        return TimelinessStatus.UNKNOWN, 0, UnknownReason.NO_PUBLICATION_DATE, None
    try:
        published_on = parse_date(published)
    except ValidationError:
        return TimelinessStatus.UNKNOWN, 0, UnknownReason.BAD_PUBLICATION_DATE, None
    if decision_date is None:
        return TimelinessStatus.UNKNOWN, 0, UnknownReason.NO_DECISION_DATE, None
    if published_on < decision_date:
        return TimelinessStatus.UNKNOWN, 0, UnknownReason.PUBLISHED_BEFORE_DECISION, None
    try:
        if calendar is not None and calendar.provisional:  # the caller opted in to estimates
            verdict = check_timeliness(
                decision_date, published_on, rule=rule or PUBLICATION, calendar=calendar
            )
            if verdict.on_time:
                return TimelinessStatus.ON_TIME, 0, None, None
            return TimelinessStatus.LATE, verdict.working_days_late, None, None
        bounded = check_timeliness_bounded(
            decision_date,
            published_on,
            rule=rule or PUBLICATION,
            bounds=default_bounds(calendar),
        )
    except CalendarDataMissing as exc:
        return TimelinessStatus.UNKNOWN, 0, UnknownReason.CALENDAR_MISSING, exc.year
    if bounded.verdict is Verdict.ON_TIME:
        return TimelinessStatus.ON_TIME, 0, None, None
    if bounded.verdict is Verdict.LATE:
        return TimelinessStatus.LATE, bounded.working_days_late or 0, None, None
    pending = bounded.deadline.pending
    return TimelinessStatus.UNKNOWN, 0, UnknownReason.AWAITING_NOTICE, pending[0] if pending else None


def _verdicts(issues: Iterable[Issue], count_warnings: bool) -> tuple[bool, bool]:
    complete = accurate = True
    for issue in issues:
        if issue.code in COMPLETENESS_CODES:
            complete = False
        elif count_warnings or issue.severity is Severity.ERROR:
            accurate = False
    return complete, accurate


def observe(
    result: RowResult,
    kind: RecordKind,
    *,
    published: object = None,
    rule: DeadlineRule | None = None,
    calendar: WorkdayCalendar | None = None,
    count_warnings: bool = False,
    extra_issues: Iterable[Issue] = (),
) -> Observation:
    """Turn one :func:`~credit_disclosure.standard.check_row` result into an :class:`Observation`.

    ``published`` is the record's publication date as the export holds it
    (``None`` when the export has none); ``rule`` and ``calendar`` as in
    :func:`judge_timeliness`. With ``count_warnings`` a warning also makes a
    record inaccurate (default: only errors do). ``extra_issues`` are problems
    met before the row was checked (the reader's ``row.*`` issues).

    >>> from credit_disclosure.standard import check_row
    >>> row = {"CF_XDR_MC": "某某餐饮有限公司", "CF_JDRQ": "2025/03/03", "CF_CFJG": "某市市场监督管理局"}
    >>> obs = observe(check_row(row, RecordKind.PENALTY, as_of=date(2025, 6, 1)),
    ...               RecordKind.PENALTY, published="2025/03/06")
    >>> obs.agency, obs.month, obs.complete, obs.accurate, obs.timeliness.value
    ('某市市场监督管理局', '2025-03', False, True, 'on_time')
    """
    record = result.record
    issues = (*extra_issues, *result.issues) if extra_issues else result.issues
    complete, accurate = _verdicts(issues, count_warnings)
    return _observation(
        kind,
        None if record is None else record.authority,
        None if record is None else record.decision_date,
        published,
        complete,
        accurate,
        tuple(issues),
        rule,
        calendar,
    )


def _observation(
    kind: RecordKind,
    agency: str | None,
    decision: date | None,
    published: object,
    complete: bool,
    accurate: bool,
    issues: tuple[Issue, ...],
    rule: DeadlineRule | None,
    calendar: WorkdayCalendar | None,
) -> Observation:
    status, late, reason, year = judge_timeliness(decision, published, rule=rule, calendar=calendar)
    published_on: date | None = None
    if status is not TimelinessStatus.UNKNOWN or reason in (
        UnknownReason.CALENDAR_MISSING,
        UnknownReason.AWAITING_NOTICE,
    ):
        published_on = parse_date(published)
    return Observation(
        kind=kind,
        agency=agency,
        month=_month(decision),
        complete=complete,
        accurate=accurate,
        timeliness=status,
        working_days_late=late,
        unknown_reason=reason,
        missing_year=year,
        decision_date=decision,
        published_on=published_on,
        issues=issues,
    )


def observe_clean(
    kind: RecordKind,
    agency: str | None,
    decision: date | None,
    *,
    published: object = None,
    rule: DeadlineRule | None = None,
    calendar: WorkdayCalendar | None = None,
) -> Observation:
    """The observation :func:`observe` makes of a row ``check_row`` finds nothing in.

    For rows the column checks cleared (the row engine never saw them): ``agency`` and
    ``decision`` are the record's ``authority`` and ``decision_date`` as ``check_row``
    would build them; complete and accurate, no issues, timeliness judged as
    :func:`observe` judges it.

    >>> obs = observe_clean(RecordKind.PENALTY, "某局", date(2025, 3, 3), published="2025/03/06")
    >>> obs.month, obs.complete, obs.accurate, obs.timeliness.value, obs.issues
    ('2025-03', True, True, 'on_time', ())
    """
    return _observation(kind, agency, decision, published, True, True, (), rule, calendar)


def observe_outcome(
    outcome: RowOutcome,
    kind: RecordKind,
    *,
    published: object = None,
    rule: DeadlineRule | None = None,
    calendar: WorkdayCalendar | None = None,
    count_warnings: bool = False,
) -> Observation:
    """The observation of one outcome of the row pipeline: every row counts, unreadable ones too.

    A row the pipeline could not check (not split into cells, or the checker failed on it)
    is :func:`unreadable`; the others go to :func:`observe` with the reader's issues.
    """
    result = outcome.result
    if result is None:
        return unreadable(kind, outcome.issues)
    raw = outcome.raw
    return observe(
        result,
        kind,
        published=published,
        rule=rule,
        calendar=calendar,
        count_warnings=count_warnings,
        extra_issues=() if raw is None else raw.issues,
    )


def unreadable(kind: RecordKind, issues: Iterable[Issue]) -> Observation:
    """The observation of a row the reader could not split into cells: counted, failing all."""
    return Observation(
        kind=kind,
        agency=None,
        month=None,
        complete=False,
        accurate=False,
        timeliness=TimelinessStatus.UNKNOWN,
        unknown_reason=UnknownReason.UNREADABLE,
        issues=tuple(issues),
    )


def published_value(values: Mapping[str, object], column: str | None) -> object:
    """The publication-date cell of a raw row (``None`` when there is no such column)."""
    if column is None:
        return None
    return values.get(column)
