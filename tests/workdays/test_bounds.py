"""Statutory-only years: year states, coverage, the learned 调休 pattern, bounded deadlines."""

from __future__ import annotations

import itertools
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure.deadlines import (
    DISPUTE_VERIFICATION,
    PUBLICATION,
    RULES,
    Verdict,
    bounded_deadline,
    check_timeliness,
    check_timeliness_bounded,
)
from credit_disclosure.errors import CalendarDataMissing, InvalidComponent, InvalidFormat
from credit_disclosure.workdays import (
    TiaoxiuPattern,
    TiaoxiuWindow,
    WorkdayBounds,
    WorkdayCalendar,
    YearState,
    builtin_schedules,
    coverage,
    default_bounds,
    default_calendar,
    default_pattern,
    learn_pattern,
    pattern_from_dict,
)

ROOT = Path(__file__).resolve().parents[2]
BOUNDS = default_bounds()
_, LAST = default_calendar().covered


def test_done_when_of_issue_13() -> None:
    """2026-12-28 + 7 working days: estimate 2027-01-07, bounds around it, due unknown."""
    d = bounded_deadline(date(2026, 12, 28))
    assert d.estimate == date(2027, 1, 7)
    assert d.earliest < d.estimate < d.latest
    assert d.due is None and not d.certain and d.pending == (2027,)
    assert check_timeliness_bounded(date(2026, 12, 28), date(2026, 12, 30)).verdict is (
        Verdict.ON_TIME
    )
    late = check_timeliness_bounded(date(2026, 12, 28), date(2027, 3, 1))
    assert late.verdict is Verdict.LATE and late.certain
    assert late.working_days_late is not None and late.working_days_late > 0


@pytest.mark.parametrize(("year", "state"), [
    (2003, YearState.UNKNOWN), (2004, YearState.PUBLISHED), (LAST, YearState.PUBLISHED),
    (LAST + 1, YearState.STATUTORY_ONLY), (2099, YearState.STATUTORY_ONLY),
    (2100, YearState.UNKNOWN),
])  # fmt: skip
def test_year_states(year: int, state: YearState) -> None:
    """Published through the last notice, statutory-only through the lunar table, else unknown."""
    assert BOUNDS.state(year) is state


def test_coverage_covers_every_year_once_with_a_source() -> None:
    """coverage() tiles years 1-9999 in order, each row with its state and a named source."""
    rows = coverage()
    assert rows[0].first == 1 and rows[-1].last == 9999
    for before, after in itertools.pairwise(rows):
        assert after.first == before.last + 1
    assert all(row.source for row in rows)
    published = [r for r in rows if r.state is YearState.PUBLISHED]
    assert "chinese-calendar" in published[0].source
    statutory = next(r for r in rows if r.state is YearState.STATUTORY_ONLY)
    assert "国务院令第795号" in statutory.source and statutory.first == LAST + 1


def test_a_published_year_added_moves_the_states() -> None:
    """Adding a (fictitious) next-year schedule makes that year published, with its source."""
    fake = attrs.evolve(builtin_schedules()[-1], year=LAST + 1, holidays=(), workdays=(),
                        source="test fixture (fictitious)")  # fmt: skip
    bounds = WorkdayBounds(default_calendar().with_schedule(fake))
    assert bounds.state(LAST + 1) is YearState.PUBLISHED
    assert bounds.coverage()[-3].source == "test fixture (fictitious)"


@pytest.mark.parametrize("start", [date(2026, 9, 28), date(2025, 12, 1), date(2010, 2, 1)])
@pytest.mark.parametrize("rule", sorted(RULES))
def test_published_years_are_exact_and_agree_with_due(start: date, rule: str) -> None:
    """Where every day is published the bounds collapse onto the plain deadline."""
    chosen = RULES[rule]
    if not chosen.in_force(start):
        return
    bounded = bounded_deadline(start, rule=chosen)
    assert bounded.certain and bounded.due == chosen.due(start).due
    assert bounded.pending == ()


@given(st.dates(date(2026, 6, 1), date(2028, 12, 31)), st.sampled_from(sorted(RULES)))
def test_bounds_are_ordered_and_contain_the_estimate(start: date, rule: str) -> None:
    """earliest <= estimate <= latest, due only when the bounds agree, for every rule."""
    chosen = RULES[rule]
    if not chosen.in_force(start):
        return
    d = bounded_deadline(start, rule=chosen)
    assert d.earliest <= d.estimate <= d.latest
    assert (d.due is not None) is (d.earliest == d.latest)
    assert (d.pending == ()) is d.certain


@pytest.mark.parametrize("year", range(2011, LAST + 1))
def test_every_published_year_lies_within_its_bounds(year: int) -> None:
    """Pretend the year's notice were not out: each real due date lies within the bounds.

    Except across the one-off days the pattern skips (2015-09-03/04/06, 抗战胜利70周年):
    no pattern can foresee a holiday the law does not have.
    """
    schedules = [s for s in builtin_schedules() if s.year < year]
    bounds = WorkdayBounds(WorkdayCalendar(schedules))
    real = default_calendar()
    one_off = {date.fromisoformat(day.split()[0]) for day in default_pattern().skipped}
    start = date(year - 1, 12, 10)
    checked = 0
    while start < date(year, 12, 20):
        for rule in (PUBLICATION, DISPUTE_VERIFICATION):
            try:
                due = rule.due(start, calendar=real).due
            except CalendarDataMissing:
                continue  # past the last published year: nothing to compare with
            if any(start < day <= due for day in one_off):
                continue
            got = bounded_deadline(start, rule=rule, bounds=bounds)
            assert got.earliest <= due <= got.latest, (rule.name, start, got)
            checked += 1
        start += timedelta(days=3)
    assert checked > 150


def test_shipped_pattern_is_what_the_published_years_teach() -> None:
    """The pattern file equals learn_pattern over the shipped notices (regenerated by a script)."""
    assert learn_pattern(builtin_schedules()) == default_pattern()
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_tiaoxiu_pattern.py"), "--check"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert any("抗战胜利70周年纪念日" in day for day in default_pattern().skipped)


def test_a_narrower_pattern_narrows_the_bounds() -> None:
    """With no 调休 allowed at all, statutory-only answers are certain (and equal the estimate)."""
    none = TiaoxiuPattern((), (2025, 2026))
    d = bounded_deadline(date(2026, 12, 28), bounds=WorkdayBounds(default_calendar(), none))
    assert d.certain and d.due == date(2027, 1, 7)


def test_pattern_round_trips_and_refuses_junk() -> None:
    """to_dict/pattern_from_dict round-trip; unknown keys or non-integers are coded errors."""
    pattern = default_pattern()
    assert pattern_from_dict(pattern.to_dict()) == pattern
    for bad in (
        {"windows": [{"holiday": "元旦", "after": 3}]},
        {"windows": [{"holiday": "元旦", "work_after": "3"}]},
        {"windows": [{"holiday": "元旦", "work_after": True}]},
        {"windows": [{"work_after": 3}]},
        {"extra": 1},
        {"years": 5},
    ):
        with pytest.raises(InvalidFormat) as info:
            pattern_from_dict(bad)
        assert info.value.code == "pattern.format"
    with pytest.raises(ValueError):
        TiaoxiuWindow("元旦", off_before=-1)


def test_possible_tiaoxiu_are_weekdays_off_or_weekends_on() -> None:
    """A day that may become off is a weekday, one that may become working a weekend day."""
    days = BOUNDS.possible_tiaoxiu(2027)
    assert days
    for day, off, _name in days:
        assert (day.weekday() < 5) is off
    assert BOUNDS.possible_tiaoxiu(2026) == ()


def test_unknown_years_still_raise() -> None:
    """Past the lunar table there is no answer, bounded or not."""
    with pytest.raises(CalendarDataMissing) as info:
        bounded_deadline(date(2099, 12, 28))
    assert info.value.year == 2100


def test_answers_far_ahead_widen_the_compiled_years() -> None:
    """A statutory-only answer decades ahead is computed (the table is compiled on demand)."""
    d = bounded_deadline(date(2050, 12, 28))
    assert d.earliest <= d.estimate <= d.latest
    assert dict(d.years)[2051] is YearState.STATUTORY_ONLY


def test_undetermined_names_the_deciding_dates() -> None:
    """Inside the bounds the verdict waits for the notice and says which dates decide it."""
    t = check_timeliness_bounded(date(2026, 12, 28), date(2027, 1, 6))
    assert t.verdict is Verdict.UNDETERMINED and not t.certain
    assert t.reason is not None and "until the 2027 notice" in t.reason
    assert "2027-01-05" in t.reason and "2027-01-08" in t.reason
    assert t.to_dict()["verdict"] == "undetermined"
    assert "undetermined until the 2027 notice" in t.explain()


def test_verdicts_agree_with_check_timeliness_where_published() -> None:
    """In published years the bounded verdict and lateness are check_timeliness's."""
    for published in (date(2026, 10, 13), date(2026, 10, 14), date(2026, 10, 17)):
        plain = check_timeliness(date(2026, 9, 28), published)
        bounded = check_timeliness_bounded(date(2026, 9, 28), published)
        assert (bounded.verdict is Verdict.ON_TIME) is plain.on_time
        assert (bounded.working_days_late or 0) == plain.working_days_late
        if not plain.on_time:
            assert bounded.late_exact and "at least" not in bounded.explain()


def test_published_before_the_decision_is_a_data_error() -> None:
    """As check_timeliness: a publication before the decision is refused with a stable code."""
    with pytest.raises(InvalidComponent) as info:
        check_timeliness_bounded(date(2026, 12, 28), date(2026, 12, 1))
    assert info.value.code == "timeliness.done_before_start"


def test_to_dict_has_the_fields_of_the_cli() -> None:
    """The JSON object carries rule, start, due, earliest, latest, estimate, certain, years."""
    data = bounded_deadline(date(2026, 12, 28)).to_dict()
    assert {"rule", "start", "due", "earliest", "latest", "estimate", "certain", "years"} <= set(
        data
    )
    assert data["due"] is None and data["estimate"] == "2027-01-07"


def test_the_picture_script_draws_both_years(tmp_path: Path) -> None:
    """scripts/plot_year_states.py draws the published and the statutory-only year as a PNG."""
    out = tmp_path / "states.png"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "plot_year_states.py"), "--out", str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (ROOT / "docs" / "images" / "year_states.png").exists()


@given(st.dates(date(2026, 1, 1), date(2028, 6, 30)), st.sampled_from(sorted(RULES)))
def test_the_settled_shortcut_changes_no_answer(start: date, rule: str) -> None:
    """Answered from one calendar before the first movable day, or from three: the same dates."""
    chosen = RULES[rule]
    if not chosen.in_force(start):
        return
    early, guess, late = BOUNDS.scenarios
    full = tuple(chosen.period.end(start, cal) for cal in (early, guess, late))
    d = bounded_deadline(start, rule=chosen)
    assert (d.earliest, d.estimate, d.latest) == full
    assert BOUNDS.add(start, 7) == BOUNDS.apply(lambda cal: cal.add(start, 7))
