# ruff: noqa: F841, RUF059
"""Typed usage of credit_disclosure.workdays and credit_disclosure.deadlines (mypy --strict, never run)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

from credit_disclosure.deadlines import (
    PUBLICATION,
    RULES,
    WEEKLY_REPORT,
    CalendarPeriod,
    Deadline,
    DeadlineRule,
    NextWeekday,
    Timeliness,
    WorkingDays,
    check_timeliness,
    get_rule,
    load_rules,
    publication_deadline,
    rule_from_dict,
)
from credit_disclosure.errors import CalendarDataMissing
from credit_disclosure.workdays import (
    DayInfo,
    DayKind,
    DayOverride,
    HolidayRange,
    MakeupWorkday,
    Schedule,
    WorkdayCalendar,
    builtin_schedules,
    default_calendar,
    load_schedule,
    schedule_from_dict,
)


def _usage() -> None:
    """Never called: pytest imports this file for doctests, mypy checks it."""
    cal: WorkdayCalendar = default_calendar()
    prov: WorkdayCalendar = default_calendar(provisional=True)
    working: bool = cal.is_workday(date(2026, 10, 10))
    due_day: date = cal.add(date(2026, 9, 28), 7)
    n: int = cal.count(date(2026, 9, 28), due_day)
    first, last = cal.covered
    covered: tuple[int, int] = cal.covered
    inside: bool = cal.covers(date(2026, 1, 1))
    info: DayInfo = cal.day(date(2026, 10, 1))
    kind: DayKind = info.kind
    name: str | None = info.name
    span: list[DayInfo] = cal.days(date(2026, 9, 28), due_day)

    nxt: Schedule = Schedule(
        2027,
        holidays=(HolidayRange("元旦", date(2027, 1, 1), date(2027, 1, 1)),),
        workdays=(MakeupWorkday(date(2027, 1, 2), "元旦"),),
        source="fictitious",
    )
    loaded: Schedule = load_schedule(Path("2027.toml"))
    from_data: Schedule = schedule_from_dict({"year": 2027})
    extended: WorkdayCalendar = cal.with_schedule(nxt, loaded)
    from_paths: WorkdayCalendar = cal.with_schedule("2027.toml", Path("2028.json"))
    local: WorkdayCalendar = cal.with_overrides(
        DayOverride(date(2026, 4, 20), workday=False, name="三月三", source="广西")
    )
    guessing: WorkdayCalendar = cal.with_provisional(True)
    builtin: tuple[Schedule, ...] = builtin_schedules()

    deadline: Deadline = publication_deadline(date(2026, 9, 28), calendar=local)
    when: date = deadline.due
    rule: DeadlineRule = deadline.rule
    citation: str = deadline.citation
    provisional: bool = deadline.provisional
    text: str = deadline.explain()
    weekly: Deadline = WEEKLY_REPORT.due(date(2026, 9, 28))

    mine = DeadlineRule("county_review", WorkingDays(15), "某县 2026 实施细则 第三条")
    monthly = DeadlineRule(
        "monthly", CalendarPeriod(months=1), "test", effective_from=date(2026, 1, 1)
    )
    mondays = DeadlineRule("mondays", NextWeekday(0), "test")
    in_force: bool = mine.in_force(date(2026, 1, 1))

    result: Timeliness = check_timeliness(
        date(2026, 9, 28), date(2026, 10, 14), rule=mine, calendar=cal
    )
    on_time: bool = result.on_time
    late: int = result.working_days_late
    inner: Deadline = result.deadline
    default_rule: DeadlineRule = RULES["publication"]
    by_name: DeadlineRule = get_rule("dispute-verification")
    same: bool = by_name == PUBLICATION
    from_file: Mapping[str, DeadlineRule] = load_rules(Path("rules.toml"))
    one: DeadlineRule = rule_from_dict({"name": "x", "working_days": 3, "citation": "test"})
    among_mine: DeadlineRule = get_rule("x", {**RULES, **from_file})
    published_on: date = result.published_on
    flagged: bool = result.provisional

    try:
        cal.add(date(2026, 12, 28), 7)
    except CalendarDataMissing as exc:
        missing_year: int = exc.year


def _bounded_usage() -> None:
    """Never called: the statutory-only API of issue 13, as mypy sees it."""
    from credit_disclosure.deadlines import (
        BoundedDeadline,
        BoundedTimeliness,
        Verdict,
        bounded_deadline,
        check_timeliness_bounded,
    )
    from credit_disclosure.workdays import (
        DateBounds,
        NoticeRef,
        NoticeStatus,
        TiaoxiuPattern,
        WorkdayBounds,
        YearCoverage,
        YearState,
        add_notice,
        coverage,
        default_bounds,
        default_pattern,
        notice_status,
        parse_notice,
        statutory_holidays,
    )

    bounds: WorkdayBounds = default_bounds()
    state: YearState = bounds.state(2027)
    rows: tuple[YearCoverage, ...] = coverage()
    dates: DateBounds = bounds.add(date(2026, 12, 28), 7)
    certain: date | None = dates.value
    pattern: TiaoxiuPattern = default_pattern()
    deadline: BoundedDeadline = bounded_deadline(date(2026, 12, 28), bounds=bounds)
    due: date | None = deadline.due
    earliest: date = deadline.earliest
    verdict: BoundedTimeliness = check_timeliness_bounded(date(2026, 12, 28), date(2027, 1, 6))
    kind: Verdict = verdict.verdict
    late: int | None = verdict.working_days_late
    schedule: Schedule = parse_notice("...", url="https://example.invalid")
    ref: NoticeRef | None = schedule.notice
    stored: Schedule = add_notice("...", directory=Path("/tmp/x"))
    status: NoticeStatus = notice_status(date(2026, 12, 3))
    days: tuple[HolidayRange, ...] = statutory_holidays(2027)
