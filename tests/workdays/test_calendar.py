"""The working-day calendar: official data, counting convention, year edges, schedules."""

from __future__ import annotations

import contextlib
import json
from datetime import date, timedelta
from pathlib import Path

import attrs
import chinese_calendar
import pytest
from chinese_calendar import constants as cc_data
from hypothesis import assume, given
from hypothesis import strategies as st

from credit_disclosure.errors import CalendarDataMissing, InvalidComponent, InvalidFormat
from credit_disclosure.workdays import (
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

CAL = default_calendar()
FIRST_YEAR, LAST_YEAR = CAL.covered
FIRST = date(FIRST_YEAR, 1, 1)
LAST = date(LAST_YEAR, 12, 31)
ONE = timedelta(days=1)


def _plain_is_workday(d: date) -> bool:
    """The same data as chinese-calendar, read the obvious way."""
    return d in cc_data.workdays or (d.weekday() < 5 and d not in cc_data.holidays)


def _plain_add(d: date, n: int) -> date | None:
    """Step day by day; None when the walk leaves the known years."""
    step = ONE if n >= 0 else -ONE
    if n == 0:
        if not FIRST <= d <= LAST:
            return None
        while not _plain_is_workday(d):
            d += ONE
            if d > LAST:
                return None
        return d
    left = abs(n)
    while left:
        d += step
        if not FIRST <= d <= LAST:
            return None
        left -= _plain_is_workday(d)
    return d


def _all_days() -> list[date]:
    return [FIRST + timedelta(days=i) for i in range((LAST - FIRST).days + 1)]


def test_covers_chinese_calendar_years() -> None:
    """The default calendar covers 2004 to the last year chinese-calendar lists."""
    assert CAL.covered == (2004, max(d.year for d in cc_data.holidays))
    assert LAST_YEAR >= 2026


def test_is_workday_matches_chinese_calendar_every_day() -> None:
    """For every known day, is_workday agrees with chinese_calendar.is_workday."""
    wrong = [d for d in _all_days() if CAL.is_workday(d) != chinese_calendar.is_workday(d)]
    assert wrong == []


@pytest.mark.parametrize("n", [-10, -1, 0, 1, 3, 7, 20])
def test_add_matches_day_by_day_loop_every_day(n: int) -> None:
    """add(d, n) equals a plain day-by-day walk for every known day, or raises at the edge."""
    for d in _all_days():
        expected = _plain_add(d, n)
        if expected is None:
            with pytest.raises(CalendarDataMissing):
                CAL.add(d, n)
        else:
            assert CAL.add(d, n) == expected, (d, n)


@pytest.mark.parametrize("span", [0, 1, 6, 40, 400])
def test_count_matches_day_by_day_sum_every_day(span: int) -> None:
    """count(d, d + span) equals the working days in (d, d + span] for every known day."""
    days = _all_days()
    flags = [_plain_is_workday(d) for d in days]
    running = [0]
    for f in flags:
        running.append(running[-1] + f)
    for i, d in enumerate(days[: len(days) - span]):
        expected = running[i + span + 1] - running[i + 1]
        assert CAL.count(d, d + timedelta(days=span)) == expected
        assert CAL.count(d + timedelta(days=span), d) == -(running[i + span] - running[i])


# The 2025 and 2026 notices (REFERENCE.md section 5), checked by hand around every holiday.
BOUNDARIES = [
    ("2025-01-01", False), ("2025-01-02", True), ("2025-01-26", True), ("2025-01-27", True),
    ("2025-01-28", False), ("2025-02-04", False), ("2025-02-05", True), ("2025-02-08", True),
    ("2025-02-09", False), ("2025-04-03", True), ("2025-04-04", False), ("2025-04-06", False),
    ("2025-04-07", True), ("2025-04-27", True), ("2025-04-30", True), ("2025-05-01", False),
    ("2025-05-05", False), ("2025-05-06", True), ("2025-05-30", True), ("2025-05-31", False),
    ("2025-06-02", False), ("2025-06-03", True), ("2025-09-28", True), ("2025-09-30", True),
    ("2025-10-01", False), ("2025-10-08", False), ("2025-10-09", True), ("2025-10-11", True),
    ("2025-10-12", False),
    ("2026-01-01", False), ("2026-01-03", False), ("2026-01-04", True), ("2026-01-05", True),
    ("2026-02-13", True), ("2026-02-14", True), ("2026-02-15", False), ("2026-02-23", False),
    ("2026-02-24", True), ("2026-02-28", True), ("2026-03-01", False), ("2026-04-03", True),
    ("2026-04-04", False), ("2026-04-06", False), ("2026-04-07", True), ("2026-04-30", True),
    ("2026-05-01", False), ("2026-05-05", False), ("2026-05-06", True), ("2026-05-09", True),
    ("2026-06-18", True), ("2026-06-19", False), ("2026-06-21", False), ("2026-06-22", True),
    ("2026-09-20", True), ("2026-09-24", True), ("2026-09-25", False), ("2026-09-27", False),
    ("2026-09-28", True), ("2026-09-30", True), ("2026-10-01", False), ("2026-10-07", False),
    ("2026-10-08", True), ("2026-10-10", True), ("2026-10-11", False),
]  # fmt: skip


@pytest.mark.parametrize(("day", "working"), BOUNDARIES)
def test_2025_2026_holiday_boundaries(day: str, working: bool) -> None:
    """Each day at the edge of a 2025/2026 holiday or make-up day is classified as the notice says."""
    assert CAL.is_workday(date.fromisoformat(day)) is working


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        ("2026-09-28", 7, "2026-10-13"),  # across National Day 2026, 10-10 is 调休
        ("2025-09-26", 7, "2025-10-13"),  # 09-28 and 10-11 are 调休 working days
        ("2026-02-13", 1, "2026-02-14"),  # a Saturday make-up day counts
        ("2026-02-14", 1, "2026-02-24"),  # Spring Festival 02-15..02-23 skipped
        ("2025-01-27", 1, "2025-02-05"),
        ("2026-10-03", 0, "2026-10-08"),  # 0 rolls a holiday forward
        ("2026-10-08", 0, "2026-10-08"),
        ("2026-10-08", -1, "2026-09-30"),
        ("2026-10-01", 1, "2026-10-08"),  # a holiday start is not counted either
        ("2026-12-21", 7, "2026-12-30"),
        ("2026-12-22", 7, "2026-12-31"),
    ],
)
def test_add_by_hand(start: str, n: int, due: str) -> None:
    """Hand-counted examples of add(), the start day never counted."""
    assert CAL.add(date.fromisoformat(start), n) == date.fromisoformat(due)


@pytest.mark.parametrize("year", [2025, 2026])
def test_working_days_in_a_year_by_hand(year: int) -> None:
    """2025 and 2026 each have 248 working days (261 weekdays, minus holidays, plus 调休)."""
    assert CAL.count(date(year - 1, 12, 31), date(year, 12, 31)) == 248


@pytest.mark.parametrize(
    ("start", "n"),
    [
        ("2026-12-23", 7),
        ("2026-12-31", 1),
        ("2026-12-31", 0),
        ("2026-12-30", 2),
        ("2004-01-02", -2),
    ],
)
def test_year_edge_raises_instead_of_guessing(start: str, n: int) -> None:
    """A deadline that needs the next (or previous) unknown year raises CalendarDataMissing."""
    d = date.fromisoformat(start)
    if n == 0:  # 2026-12-31 is a working day: rolling nothing needs no new year
        assert CAL.add(d, 0) == d
        return
    with pytest.raises(CalendarDataMissing) as info:
        CAL.add(d, n)
    expected = LAST_YEAR + 1 if n > 0 else FIRST_YEAR - 1
    assert info.value.year == expected
    assert "with_schedule" in str(info.value)


def test_unknown_year_raises_everywhere() -> None:
    """is_workday, add, count and day all refuse a year without a schedule, naming it."""
    d = date(LAST_YEAR + 1, 3, 2)
    for call in (
        lambda: CAL.is_workday(d),
        lambda: CAL.add(d, 1),
        lambda: CAL.add(d, -1),
        lambda: CAL.count(date(LAST_YEAR, 12, 1), d),
        lambda: CAL.count(d, date(LAST_YEAR, 12, 1)),
        lambda: CAL.day(d),
    ):
        with pytest.raises(CalendarDataMissing) as info:
            call()
        assert info.value.year == LAST_YEAR + 1
    with pytest.raises(CalendarDataMissing) as early:
        CAL.is_workday(date(FIRST_YEAR - 1, 12, 31))
    assert early.value.year == FIRST_YEAR - 1


def test_day_before_first_year_may_start_a_count() -> None:
    """The start day is never counted, so 31 December before the first year can start a span."""
    assert CAL.add(date(FIRST_YEAR - 1, 12, 31), 1) == CAL.add(FIRST, 0)
    assert CAL.count(date(FIRST_YEAR - 1, 12, 31), date(FIRST_YEAR, 1, 31)) > 0


known_days = st.dates(min_value=FIRST, max_value=LAST)


@given(d=known_days, n=st.integers(min_value=-400, max_value=400).filter(bool))
def test_count_inverts_add(d: date, n: int) -> None:
    """count(d, add(d, n)) == n whenever add(d, n) is known."""
    try:
        end = CAL.add(d, n)
    except CalendarDataMissing:
        assume(False)
        raise
    assert CAL.is_workday(end)
    assert (end > d) == (n > 0)
    assert CAL.count(d, end) == n


@given(d=known_days, n=st.integers(min_value=0, max_value=300))
def test_add_is_monotonic_and_lands_on_working_days(d: date, n: int) -> None:
    """add(d, n + 1) is the working day right after add(d, n), and neither is before d.

    The one exception is n == 0 on a rest day: rolling forward lands on add(d, 1).
    """
    try:
        a, b = CAL.add(d, n), CAL.add(d, n + 1)
    except CalendarDataMissing:
        assume(False)
        raise
    assert CAL.is_workday(a) and CAL.is_workday(b)
    if n == 0 and not CAL.is_workday(d):
        assert d < a == b
    else:
        assert d <= a < b
        assert CAL.count(a, b) == 1


@given(a=known_days, b=known_days, c=known_days)
def test_count_is_additive(a: date, b: date, c: date) -> None:
    """count(a, c) == count(a, b) + count(b, c) for a <= b <= c, and reversing negates."""
    a, b, c = sorted((a, b, c))
    assert CAL.count(c, a) == CAL.count(c, b) + CAL.count(b, a)
    assert CAL.count(a, c) == CAL.count(a, b) + CAL.count(b, c)


PROV = default_calendar(provisional=True)
wide_days = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))


@given(d=wide_days, n=st.integers(min_value=-60, max_value=60))
def test_provisional_mode_matches_a_walk(d: date, n: int) -> None:
    """In provisional mode unknown years are the statutory holidays and weekends; add/count walk."""
    expected = d
    if n == 0:
        while not PROV.is_workday(expected):
            expected += ONE
    else:
        step, left = (ONE if n > 0 else -ONE), abs(n)
        while left:
            expected += step
            left -= PROV.is_workday(expected)
    assert PROV.add(d, n) == expected
    if n:
        assert PROV.count(d, expected) == n


def test_provisional_days_are_marked() -> None:
    """An unknown-year day in provisional mode is flagged provisional; 元旦 is a day off (bug fix).

    Provisional mode used to count 2027-01-01 (元旦, a statutory holiday) as a working day
    and gave 2027-01-06 for 2026-12-28 + 7; with 元旦 off it is 2027-01-07.
    """
    info = PROV.day(date(LAST_YEAR + 1, 1, 1))
    assert info.provisional
    assert info.kind is DayKind.HOLIDAY and info.name == "元旦"
    assert PROV.day(date(LAST_YEAR + 1, 1, 4)).kind is DayKind.WORKDAY
    assert not PROV.day(date(2026, 10, 1)).provisional
    assert PROV.add(date(2026, 12, 28), 7) == date(2027, 1, 7)
    assert not PROV.is_workday(date(2027, 2, 5))  # 除夕 2027, 春节 4 days (国务院令第795号)


def test_day_info_names_the_reason() -> None:
    """day() says holiday, make-up day, weekend or plain working day, with the holiday's name."""
    assert (CAL.day(date(2026, 10, 1)).kind, CAL.day(date(2026, 10, 1)).name) == (
        DayKind.HOLIDAY,
        "国庆节",
    )
    assert CAL.day(date(2026, 9, 20)).kind is DayKind.MAKEUP_WORKDAY
    assert CAL.day(date(2026, 10, 11)).kind is DayKind.WEEKEND
    assert CAL.day(date(2026, 10, 12)).kind is DayKind.WORKDAY
    assert str(CAL.day(date(2026, 9, 25))) == "2026-09-25 Friday: public holiday (中秋节)"


def test_builtin_schedules_assign_december_new_year_days_to_next_notice() -> None:
    """The 2019 notice moved 2018-12-29..31; those days belong to the 2019 schedule."""
    by_year = {s.year: s for s in builtin_schedules()}
    assert MakeupWorkday(date(2018, 12, 29), "元旦") in by_year[2019].workdays
    assert by_year[2019].holidays[0] == HolidayRange("元旦", date(2018, 12, 30), date(2019, 1, 1))
    assert not CAL.is_workday(date(2018, 12, 31))
    assert CAL.is_workday(date(2018, 12, 29))


# A fictitious schedule for tests only: NOT the 2027 notice, which is not published yet.
FAKE_NEXT = {
    "year": LAST_YEAR + 1,
    "source": "test fixture (fictitious)",
    "holidays": [
        {"name": "元旦", "start": f"{LAST_YEAR + 1}-01-01", "end": f"{LAST_YEAR + 1}-01-03"},
        {"name": "测试假", "start": f"{LAST_YEAR + 1}-03-03"},
    ],
    "workdays": [],
}


def _next_year_calendar() -> WorkdayCalendar:
    return CAL.with_schedule(schedule_from_dict(FAKE_NEXT))


def test_with_schedule_extends_the_calendar() -> None:
    """Adding next year's schedule extends coverage and removes the CalendarDataMissing."""
    cal = _next_year_calendar()
    assert cal.covered == (FIRST_YEAR, LAST_YEAR + 1)
    nxt = LAST_YEAR + 1
    assert not cal.is_workday(date(nxt, 1, 1))
    assert cal.day(date(nxt, 3, 3)).name == "测试假"
    # the working days after 2026-12-28: 29, 30, 31, then the first after 01-03
    expected = [d for d in (date(nxt, 1, i) for i in range(4, 15)) if d.weekday() < 5]
    assert cal.add(date(LAST_YEAR, 12, 31), 1) == expected[0]
    assert CAL.covered == (FIRST_YEAR, LAST_YEAR)  # the original is unchanged


def test_with_schedule_replaces_a_year_and_refuses_gaps() -> None:
    """A schedule for a known year replaces it; a year beyond the next leaves a gap and raises."""
    plain = Schedule(2026, source="test: no holidays")
    cal = CAL.with_schedule(plain)
    assert cal.is_workday(date(2026, 10, 1))
    assert cal.covered == CAL.covered
    with pytest.raises(CalendarDataMissing) as info:
        CAL.with_schedule(Schedule(LAST_YEAR + 2))
    assert info.value.year == LAST_YEAR + 1


def test_overrides_add_a_local_holiday_and_workday() -> None:
    """Overrides change single days on top of the notices; outside coverage they raise."""
    cal = CAL.with_overrides(
        DayOverride(date(2026, 4, 20), workday=False, name="三月三", source="广西"),
        DayOverride(date(2026, 10, 11), workday=True, name="加班", source="test"),
    )
    assert not cal.is_workday(date(2026, 4, 20))
    assert cal.day(date(2026, 4, 20)).kind is DayKind.LOCAL_HOLIDAY
    assert cal.is_workday(date(2026, 10, 11))
    assert cal.add(date(2026, 4, 17), 1) == date(2026, 4, 21)
    assert len(cal.overrides) == 2
    with pytest.raises(CalendarDataMissing):
        CAL.with_overrides(DayOverride(date(LAST_YEAR + 1, 1, 5), workday=False, name="x"))


def test_calendar_is_immutable_and_compares_by_data() -> None:
    """Calendars are frozen values: equal data, equal calendars; repr is short."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        CAL.provisional = True  # type: ignore[misc]
    assert WorkdayCalendar(builtin_schedules()) == CAL
    assert CAL.with_provisional() != CAL
    assert CAL.with_provisional().with_provisional(False) == CAL
    assert (
        repr(CAL)
        == f"WorkdayCalendar(covered=({FIRST_YEAR}, {LAST_YEAR}), overrides=0, provisional=False)"
    )
    assert CAL.schedule(2026).year == 2026
    with pytest.raises(CalendarDataMissing):
        CAL.schedule(LAST_YEAR + 1)
    with pytest.raises(ValueError, match="at least one"):
        WorkdayCalendar(())


def test_load_schedule_json_and_toml(tmp_path: Path) -> None:
    """The same schedule reads identically from JSON and TOML (native TOML dates too)."""
    js = tmp_path / "next.json"
    js.write_text(json.dumps(FAKE_NEXT), encoding="utf-8")
    nxt = LAST_YEAR + 1
    toml = tmp_path / "next.toml"
    toml.write_text(
        f'year = {nxt}\nsource = "test fixture (fictitious)"\nworkdays = []\n\n'
        f'[[holidays]]\nname = "元旦"\nstart = {nxt}-01-01\nend = {nxt}-01-03\n\n'
        f'[[holidays]]\nname = "测试假"\nstart = "{nxt}-03-03"\n',
        encoding="utf-8",
    )
    assert load_schedule(js) == load_schedule(toml) == schedule_from_dict(FAKE_NEXT)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({"year": 2027, "holiday": []}, "schedule.format"),
        ({"year": 2027, "holidays": [{"name": "x", "start": "2027-13-01"}]}, "schedule.format"),
        ({"year": 2027, "holidays": [{"name": "x", "start": "2027-01-01", "to": 1}]}, "schedule.format"),
        ({"year": "soon"}, "schedule.format"),
        ({"year": 2027, "holidays": [{"name": "x", "start": "2027-01-03", "end": "2027-01-01"}]},
         "schedule.range_order"),
        ({"year": 2027, "holidays": [{"name": "x", "start": "2028-01-01"}]}, "schedule.year_range"),
        ({"year": 2027, "workdays": [{"day": "2027-01-04", "name": "x"}]}, "schedule.makeup_weekday"),
        ({"year": 2027, "workdays": [{"day": "2026-10-31", "name": "x"}]}, "schedule.year_range"),
        ({"year": 2027, "holidays": [{"name": "x", "start": "2027-01-02"}],
          "workdays": [{"day": "2027-01-02", "name": "x"}]}, "schedule.conflict"),
    ],
)  # fmt: skip
def test_bad_schedules_are_refused_with_a_code(data: dict[str, object], code: str) -> None:
    """A malformed or impossible schedule raises a ValidationError with a stable code."""
    with pytest.raises((InvalidFormat, InvalidComponent)) as info:
        schedule_from_dict(data)
    assert info.value.code == code
    assert info.value.message_zh


def test_load_schedule_refuses_other_files(tmp_path: Path) -> None:
    """Only .json and .toml are read, and the file must hold one table."""
    other = tmp_path / "x.yaml"
    other.write_text("year: 2027", encoding="utf-8")
    with pytest.raises(InvalidFormat) as info:
        load_schedule(other)
    assert info.value.code == "schedule.file_type"
    listed = tmp_path / "x.json"
    listed.write_text("[]", encoding="utf-8")
    with pytest.raises(InvalidFormat):
        load_schedule(listed)


@given(st.dictionaries(st.text(max_size=8), st.text(max_size=8) | st.integers(), max_size=4))
def test_junk_schedule_data_raises_validation_errors(data: dict[str, object]) -> None:
    """Junk input gives InvalidFormat or InvalidComponent, never another exception."""
    with contextlib.suppress(InvalidFormat, InvalidComponent):
        schedule_from_dict(data)


def test_calendar_and_values_pickle() -> None:
    """A calendar survives pickling (multiprocessing, Spark) with the same answers."""
    import pickle

    again = pickle.loads(pickle.dumps(CAL))
    assert again == CAL
    assert again.add(date(2026, 9, 28), 7) == date(2026, 10, 13)


junk_ranges = st.lists(
    st.fixed_dictionaries(
        {"name": st.text(max_size=4)},
        optional={
            "start": st.dates(min_value=date(2025, 6, 1), max_value=date(2028, 1, 1)).map(str)
            | st.text(max_size=10),
            "end": st.dates(min_value=date(2025, 6, 1), max_value=date(2028, 1, 1)).map(str),
        },
    ),
    max_size=3,
)


@given(holidays=junk_ranges, workdays=st.lists(st.dates().map(str), max_size=2))
def test_junk_holiday_lists_raise_validation_errors(
    holidays: list[dict[str, str]], workdays: list[str]
) -> None:
    """Plausible-looking but broken ranges and make-up days give only our ValidationErrors."""
    data = {
        "year": 2027,
        "holidays": holidays,
        "workdays": [{"day": w, "name": "x"} for w in workdays],
    }
    with contextlib.suppress(InvalidFormat, InvalidComponent):
        schedule = schedule_from_dict(data)
        assert schedule.year == 2027
        assert all(r.start <= r.end for r in schedule.holidays)


@pytest.mark.parametrize(
    ("call", "named"),
    [
        (lambda: CAL.add("2026-09-28", 7), "d must be a datetime.date, not str"),  # type: ignore[arg-type]
        (lambda: CAL.add(None, 7), "d must be a datetime.date, not NoneType"),  # type: ignore[arg-type]
        (lambda: CAL.add(date(2026, 9, 28), 7.0), "n must be an int"),  # type: ignore[arg-type]
        (lambda: CAL.add(date(2026, 9, 28), "7"), "n must be an int"),  # type: ignore[arg-type]
        (lambda: CAL.add(date(2026, 10, 3), 0.0), "n must be an int"),  # type: ignore[arg-type]
        (lambda: CAL.is_workday(None), "d must be a datetime.date"),  # type: ignore[arg-type]
        (lambda: CAL.count("2026-10-01", date(2026, 10, 9)), "start must be"),  # type: ignore[arg-type]
        (lambda: CAL.count(date(2026, 10, 1), 20261009), "end must be"),  # type: ignore[arg-type]
        (lambda: CAL.day(b"2026-10-01"), "d must be a datetime.date, not bytes"),  # type: ignore[arg-type]
        (lambda: CAL.days(date(2026, 10, 1), None), "end must be"),  # type: ignore[arg-type]
    ],
)  # fmt: skip
def test_wrong_types_say_which_argument(call: object, named: str) -> None:
    """A string, None, bytes or a float where a date or a count belongs is a TypeError naming it."""
    with pytest.raises(TypeError, match=named):
        call()  # type: ignore[operator]


@pytest.mark.parametrize("call", ["add", "add_fast", "day", "is_workday", "covers", "count", "days"])
def test_datetimes_are_refused_naming_the_argument(call: str) -> None:
    """A datetime (e.g. a pandas Timestamp) is refused, not truncated: the one date-argument rule."""
    from datetime import datetime

    from credit_disclosure.errors import ArgumentTypeError

    stamp = datetime(2026, 10, 8, 15, 30)
    args: tuple[object, ...] = {
        "add": (stamp, 0), "add_fast": (stamp, 3), "count": (date(2026, 10, 1), stamp), "days": (date(2026, 10, 1), stamp)
    }.get(call, (stamp,))
    with pytest.raises(ArgumentTypeError, match=r"must be a datetime\.date, not datetime") as info:
        getattr(CAL, call.removesuffix("_fast"))(*args)
    assert info.value.code == "workdays.date"
    assert info.value.field == ("end" if call in {"count", "days"} else "d")
    assert "value.date()" in str(info.value)


def test_provisional_answer_beyond_year_9999_is_a_clear_value_error() -> None:
    """A provisional count that leaves Python's date range says so instead of a raw overflow."""
    with pytest.raises(ValueError, match="years 1 to 9999"):
        PROV.add(date(2026, 9, 28), 10**9)
    with pytest.raises(ValueError, match="years 1 to 9999"):
        PROV.add(date(2026, 9, 28), -(10**9))
    with pytest.raises(CalendarDataMissing):  # not provisional: the unknown year, not a guess
        CAL.add(date(2026, 9, 28), 10**9)


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("bad.json", b'{"year": 2027,', "schedule.syntax"),
        ("bad.toml", b"year = 2027\n[[holidays]]\nname = 'x'\nstart = 2027-02-30\n", "schedule.syntax"),
        ("gbk.json", '{"year": 2027, "source": "国务院"}'.encode("gbk"), "schedule.encoding"),
        ("list.json", b"[]", "schedule.format"),
        ("typo.json", b'{"year": 2027, "holiday": []}', "schedule.format"),
        ("weekday.toml", b"year = 2027\n[[workdays]]\nday = 2027-03-02\nname = 'x'\n",
         "schedule.makeup_weekday"),
    ],
)  # fmt: skip
def test_schedule_file_errors_name_the_file(
    tmp_path: Path, name: str, content: bytes, code: str
) -> None:
    """Broken syntax, a GBK file, a list, a typo or a bad day: a coded error naming the file."""
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises((InvalidFormat, InvalidComponent)) as info:
        load_schedule(path)
    assert info.value.code == code
    assert str(path) in info.value.message_en
    assert str(path) in info.value.message_zh


def test_utf8_bom_schedule_file_is_read(tmp_path: Path) -> None:
    """A UTF-8 file with a byte-order mark (as Windows editors save it) reads normally."""
    path = tmp_path / "next.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(FAKE_NEXT).encode("utf-8"))
    assert load_schedule(path) == schedule_from_dict(FAKE_NEXT)


def test_make_up_days_may_be_listed_with_their_holiday() -> None:
    """As the notice prints them, make-up days may sit in the holiday's entry; same schedule."""
    inline = schedule_from_dict({
        "year": 2026,
        "holidays": [{"name": "国庆节", "start": "2026-10-01", "end": "2026-10-07",
                      "workdays": ["2026-09-20", "2026-10-10"]},
                     {"name": "劳动节", "start": "2026-05-01", "end": "2026-05-05",
                      "workdays": "2026-05-09"}],
    })  # fmt: skip
    separate = schedule_from_dict({
        "year": 2026,
        "holidays": [{"name": "国庆节", "start": "2026-10-01", "end": "2026-10-07"},
                     {"name": "劳动节", "start": "2026-05-01", "end": "2026-05-05"}],
        "workdays": [{"day": "2026-09-20", "name": "国庆节"}, {"day": "2026-10-10", "name": "国庆节"},
                     {"day": "2026-05-09", "name": "劳动节"}],
    })  # fmt: skip
    assert inline == separate
    with pytest.raises(InvalidComponent) as info:
        schedule_from_dict(
            {
                "year": 2026,
                "holidays": [{"name": "x", "start": "2026-10-03", "workdays": ["2026-10-03"]}],
            }
        )
    assert info.value.code == "schedule.conflict"


def test_with_schedule_reads_a_file_path(tmp_path: Path) -> None:
    """with_schedule takes the path of a schedule file as well as a Schedule."""
    path = tmp_path / "next.json"
    path.write_text(json.dumps(FAKE_NEXT), encoding="utf-8")
    assert CAL.with_schedule(path) == CAL.with_schedule(str(path)) == _next_year_calendar()


def test_values_refuse_wrong_types() -> None:
    """Schedules, ranges, overrides and calendars refuse strings where dates or values belong."""
    with pytest.raises(TypeError):
        HolidayRange("x", "2026-10-01", date(2026, 10, 7))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Schedule("2027")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Schedule(2027, holidays=("元旦",))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        DayOverride(date(2026, 4, 20), workday="no", name="x")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        WorkdayCalendar(["2026.toml"])  # type: ignore[list-item]
    assert (
        Schedule(2027, holidays=[HolidayRange("x", date(2027, 3, 1), date(2027, 3, 1))])
        .holidays[0]
        .name
        == "x"
    )
