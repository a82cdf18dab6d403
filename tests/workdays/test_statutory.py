"""Statutory holidays: the law's versions, the lunar table, and every published year."""

from __future__ import annotations

import importlib.util
import itertools
import subprocess
import sys
from datetime import date
from pathlib import Path

import lunardate
import pytest
from chinese_calendar import get_solar_terms

from credit_disclosure.errors import CalendarDataMissing
from credit_disclosure.workdays import (
    STATUTORY_RULES,
    Anchor,
    StatutoryHoliday,
    builtin_schedules,
    default_calendar,
    statutory_holidays,
    statutory_rules,
    statutory_schedule,
    statutory_years,
)

ROOT = Path(__file__).resolve().parents[2]
FIRST, LAST = statutory_years()
PUBLISHED = {s.year: s for s in builtin_schedules()}


@pytest.mark.parametrize("year", sorted(PUBLISHED))
def test_statutory_days_are_days_off_in_every_published_year(year: int) -> None:
    """Each statutory day of a shipped year is a day off in that year's notice (2004-2026)."""
    cal = default_calendar()
    for rng in statutory_holidays(year):
        for day in rng.days():
            assert not cal.is_workday(day), (year, rng.name, day)


@pytest.mark.parametrize("year", range(2011, 2027))
def test_statutory_days_are_named_holidays_2011_to_2026(year: int) -> None:
    """On a weekday, a statutory day is a holiday the notice names (not just a weekend)."""
    cal = default_calendar()
    for rng in statutory_holidays(year):
        for day in rng.days():
            if day.weekday() < 5:
                assert cal.day(day).name is not None, (rng.name, day)


@pytest.mark.parametrize(
    ("year", "name", "start", "end"),
    [
        (2027, "春节", date(2027, 2, 5), date(2027, 2, 8)),  # 795号: 除夕 to 初三
        (2027, "劳动节", date(2027, 5, 1), date(2027, 5, 2)),
        (2027, "清明节", date(2027, 4, 5), date(2027, 4, 5)),
        (2027, "端午节", date(2027, 6, 9), date(2027, 6, 9)),
        (2027, "中秋节", date(2027, 9, 15), date(2027, 9, 15)),
        (2027, "国庆节", date(2027, 10, 1), date(2027, 10, 3)),
        (2024, "春节", date(2024, 2, 10), date(2024, 2, 12)),  # 644号: 初一 to 初三
        (2024, "劳动节", date(2024, 5, 1), date(2024, 5, 1)),
        (2013, "春节", date(2013, 2, 9), date(2013, 2, 11)),  # 513号: 除夕 to 初二
        (2006, "劳动节", date(2006, 5, 1), date(2006, 5, 3)),  # 270号
    ],
)
def test_holidays_per_version_of_the_law(year: int, name: str, start: date, end: date) -> None:
    """Each version of the law gives its own days (REFERENCE: 795号 from 2025, 644号 2014-2024)."""
    ranges = {r.name: r for r in statutory_holidays(year)}
    assert (ranges[name].start, ranges[name].end) == (start, end)


def test_versions_are_consecutive_and_cite_an_ordinance() -> None:
    """The versions of the law follow each other without gap or overlap; the last is open."""
    for before, after in itertools.pairwise(STATUTORY_RULES):
        assert before.effective_to is not None
        assert (after.effective_from - before.effective_to).days == 1
    assert STATUTORY_RULES[-1].effective_to is None
    assert all(r.citation.startswith("国务院令第") for r in STATUTORY_RULES)
    assert statutory_rules(2025).citation == "国务院令第795号"
    assert statutory_rules(2014).citation == "国务院令第644号"


@pytest.mark.parametrize("year", range(FIRST, LAST + 1))
def test_lunar_table_agrees_with_lunardate_and_chinese_calendar(year: int) -> None:
    """The generated table matches two independent libraries for every year it holds."""
    holidays = {h.anchor: h for h in STATUTORY_RULES[-1].holidays}
    spring = StatutoryHoliday("春节", Anchor.CHUNJIE, 1).first_day(year)
    assert spring == lunardate.LunarDate(year, 1, 1).to_solar_date()
    assert holidays[Anchor.CHUXI].first_day(year) == date.fromordinal(spring.toordinal() - 1)
    assert holidays[Anchor.DUANWU].first_day(year) == lunardate.LunarDate(year, 5, 5).to_solar_date()
    assert (
        holidays[Anchor.ZHONGQIU].first_day(year)
        == lunardate.LunarDate(year, 8, 15).to_solar_date()
    )
    terms = {name: day for day, name in get_solar_terms(date(year, 4, 1), date(year, 4, 10))}
    assert holidays[Anchor.QINGMING].first_day(year) == terms["清明"]


@pytest.mark.skipif(
    importlib.util.find_spec("lunar_python") is None, reason="lunar_python (dev extra) absent"
)
def test_lunar_table_is_what_the_script_generates() -> None:
    """The shipped table is exactly the script's output (never edited by hand)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_lunar_anchors.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("year", [FIRST - 1, LAST + 1, 1990])
def test_years_outside_the_table_are_unknown(year: int) -> None:
    """Before 2004 or past the lunar table the statutory days are not known: a clear error."""
    with pytest.raises(CalendarDataMissing) as info:
        statutory_holidays(year)
    assert info.value.year == year
    assert "lunar table" in str(info.value)


def test_statutory_schedule_has_no_tiaoxiu() -> None:
    """The statutory-only schedule names the ordinance and has no make-up working days."""
    schedule = statutory_schedule(2027)
    assert schedule.workdays == ()
    assert "国务院令第795号" in schedule.source
    assert [r.name for r in schedule.holidays] == [
        "元旦",
        "春节",
        "清明节",
        "劳动节",
        "端午节",
        "中秋节",
        "国庆节",
    ]


def test_a_fixed_holiday_needs_month_and_day() -> None:
    """A FIXED holiday without a day, or an anchored one with a day, is refused."""
    with pytest.raises(ValueError):
        StatutoryHoliday("元旦", Anchor.FIXED, 1)
    with pytest.raises(ValueError):
        StatutoryHoliday("端午节", Anchor.DUANWU, 1, month=5, day=5)
