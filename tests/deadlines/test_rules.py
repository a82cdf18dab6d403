"""Named deadline rules, their sources, explanations and the timeliness check."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from credit_disclosure.deadlines import (
    DISPUTE_VERIFICATION,
    INFORMATION_DISCLOSURE,
    OBJECTION_DECISION,
    OBJECTION_MARKING,
    OBJECTION_TRANSFER,
    PUBLICATION,
    REPAIR_RESULT_SHARING,
    REPAIR_REVIEW,
    RULES,
    SAMR_PUBLICATION,
    WEEKLY_REPORT,
    WITHDRAWAL_AFTER_REVOCATION,
    CalendarPeriod,
    Deadline,
    DeadlineRule,
    NextWeekday,
    WorkingDays,
    check_timeliness,
    get_rule,
    load_rules,
    publication_deadline,
    rule_from_dict,
)
from credit_disclosure.errors import (
    CalendarDataMissing,
    InvalidComponent,
    InvalidFormat,
    PolicyError,
)
from credit_disclosure.workdays import DayOverride, default_calendar

CAL = default_calendar()
_, LAST_YEAR = CAL.covered


def d(text: str) -> date:
    return date.fromisoformat(text)


# The periods REFERENCE.md sections 1 and 3 give, with a word each citation must contain.
BUILTIN = [
    (PUBLICATION, WorkingDays(7), "424号"),
    (WEEKLY_REPORT, NextWeekday(0), "第七条"),
    (DISPUTE_VERIFICATION, WorkingDays(20), "银川"),
    (INFORMATION_DISCLOSURE, WorkingDays(20), "第十八条"),
    (SAMR_PUBLICATION, WorkingDays(20), "第45号"),
    (WITHDRAWAL_AFTER_REVOCATION, WorkingDays(3), "第45号"),
    (OBJECTION_MARKING, WorkingDays(1), "上海市社会信用条例"),
    (OBJECTION_TRANSFER, WorkingDays(2), "上海市社会信用条例"),
    (OBJECTION_DECISION, WorkingDays(5), "上海市社会信用条例"),
    (REPAIR_REVIEW, WorkingDays(10), "第36号"),
    (REPAIR_RESULT_SHARING, WorkingDays(3), "第36号"),
]


@pytest.mark.parametrize(
    ("rule", "period", "source"), BUILTIN, ids=lambda x: getattr(x, "name", "")
)
def test_builtin_rules_have_period_and_source(
    rule: DeadlineRule, period: object, source: str
) -> None:
    """Each built-in rule has the period of its document and cites that document."""
    assert rule.period == period
    assert source in rule.citation
    assert RULES[rule.name] is rule


def test_rules_registry_is_complete_and_read_only() -> None:
    """RULES lists every built-in rule by name and cannot be changed."""
    assert set(RULES) == {rule.name for rule, _, _ in BUILTIN}
    with pytest.raises(TypeError):
        RULES["x"] = PUBLICATION  # type: ignore[index]


@pytest.mark.parametrize(
    ("rule", "start", "due"),
    [
        (PUBLICATION, "2026-09-28", "2026-10-13"),
        (PUBLICATION, "2025-09-26", "2025-10-13"),
        (PUBLICATION, "2026-02-12", "2026-02-28"),  # 02-14 and 02-28 are Saturdays that count
        (PUBLICATION, "2026-10-03", "2026-10-15"),  # decided on a holiday: not counted
        (DISPUTE_VERIFICATION, "2026-09-28", "2026-10-30"),
        (OBJECTION_MARKING, "2026-09-30", "2026-10-08"),
        (OBJECTION_DECISION, "2026-04-30", "2026-05-11"),  # 05-01..05 off, 05-09 Saturday works
        (WITHDRAWAL_AFTER_REVOCATION, "2026-12-25", "2026-12-30"),
        (WEEKLY_REPORT, "2026-09-28", "2026-10-08"),  # Monday 10-05 is 国庆: next working day
        (WEEKLY_REPORT, "2026-10-11", "2026-10-12"),  # a Sunday decision: the next day
        (WEEKLY_REPORT, "2026-10-12", "2026-10-19"),  # a Monday decision: the Monday after
        (WEEKLY_REPORT, "2026-02-10", "2026-02-24"),  # Monday 02-16 is 春节
    ],
)
def test_due_dates_by_hand(rule: DeadlineRule, start: str, due: str) -> None:
    """Hand-counted due dates of the built-in rules around 2025/2026 holidays."""
    deadline = rule.due(d(start))
    assert deadline.due == d(due)
    assert deadline.rule is rule
    assert deadline.citation == rule.citation
    assert not deadline.provisional


def test_publication_deadline_is_the_publication_rule() -> None:
    """publication_deadline() is PUBLICATION.due()."""
    assert publication_deadline(d("2026-09-28")) == PUBLICATION.due(d("2026-09-28"))


def test_custom_rules_work_like_builtin_ones() -> None:
    """A user-defined rule in working days or a calendar period gives a cited deadline."""
    county = DeadlineRule("county_review", WorkingDays(15), "某县 2026 实施细则 第三条")
    assert county.due(d("2026-09-28")).due == CAL.add(d("2026-09-28"), 15)
    monthly = DeadlineRule("monthly", CalendarPeriod(months=1), "test")
    assert monthly.due(d("2026-08-31")).due == d("2026-09-30")
    assert check_timeliness(d("2026-09-28"), d("2026-10-23"), rule=county).on_time


@pytest.mark.parametrize(
    ("period", "start", "due"),
    [
        (CalendarPeriod(days=3), "2026-09-28", "2026-10-08"),  # 10-01 is 国庆 (第二百零三条)
        (CalendarPeriod(months=1), "2026-01-31", "2026-02-28"),  # month end; Saturday 调休
        (CalendarPeriod(months=1), "2026-03-31", "2026-04-30"),
        (CalendarPeriod(months=3), "2026-07-04", "2026-10-08"),  # 10-04 falls in 国庆
        (CalendarPeriod(years=1), "2025-10-01", "2026-10-08"),
        (CalendarPeriod(days=1), "2026-10-09", "2026-10-10"),  # Saturday make-up day
        (CalendarPeriod(days=2), "2026-10-09", "2026-10-12"),  # Sunday: next working day
    ],
)
def test_calendar_periods_end_on_a_working_day(
    period: CalendarPeriod, start: str, due: str
) -> None:
    """Calendar periods end on the corresponding day, moved past rest days (民法典 202, 203)."""
    assert DeadlineRule("p", period, "民法典").due(d(start)).due == d(due)


def test_periods_refuse_nonsense() -> None:
    """Negative or empty periods and impossible weekdays are refused."""
    with pytest.raises(ValueError, match="zero or more"):
        WorkingDays(-1)
    with pytest.raises(ValueError, match="needs days"):
        CalendarPeriod()
    with pytest.raises(ValueError):
        NextWeekday(7)


def test_zero_working_days_rolls_forward() -> None:
    """WorkingDays(0) is the start day if a working day, else the next working day."""
    rule = DeadlineRule("same_day", WorkingDays(0), "test")
    assert rule.due(d("2026-10-09")).due == d("2026-10-09")
    assert rule.due(d("2026-10-01")).due == d("2026-10-08")


def test_rule_not_in_force_raises_policy_error() -> None:
    """SAMR 令第45号 applies from 2021-09-01: an earlier start raises PolicyError."""
    with pytest.raises(PolicyError, match="2021-09-01"):
        SAMR_PUBLICATION.due(d("2021-08-31"))
    assert SAMR_PUBLICATION.due(d("2021-09-01")).due == CAL.add(d("2021-09-01"), 20)
    ended = DeadlineRule("old", WorkingDays(5), "test", effective_to=d("2020-12-31"))
    assert ended.in_force(d("2020-12-31")) and not ended.in_force(d("2021-01-01"))
    with pytest.raises(PolicyError):
        ended.due(d("2021-01-04"))


def test_late_december_raises_instead_of_guessing() -> None:
    """A decision in late December of the last known year has no due date without next year."""
    with pytest.raises(CalendarDataMissing) as info:
        publication_deadline(date(LAST_YEAR, 12, 24))
    assert info.value.year == LAST_YEAR + 1
    with pytest.raises(CalendarDataMissing):
        check_timeliness(date(LAST_YEAR, 12, 28), date(LAST_YEAR, 12, 29))


def test_provisional_deadline_is_marked() -> None:
    """In provisional mode a deadline in an unknown year is computed and marked provisional."""
    cal = default_calendar(provisional=True)
    deadline = publication_deadline(date(LAST_YEAR, 12, 28), calendar=cal)
    assert deadline.provisional
    assert deadline.due == cal.add(date(LAST_YEAR, 12, 28), 7)
    assert "PROVISIONAL" in deadline.explain()
    known = publication_deadline(date(LAST_YEAR, 9, 28), calendar=cal)
    assert not known.provisional
    assert "PROVISIONAL" not in known.explain()
    late = check_timeliness(date(LAST_YEAR, 12, 1), date(LAST_YEAR + 1, 1, 20), calendar=cal)
    assert late.provisional and not late.deadline.provisional and not late.on_time
    assert "PROVISIONAL" in late.explain()


def test_explain_names_skipped_days_and_sources() -> None:
    """explain() names the rule, its source, every counted day and the skipped days with reasons."""
    text = publication_deadline(d("2026-09-28")).explain()
    assert "发改办财金〔2018〕424号" in text
    assert "民法典 第二百零一条" in text
    assert "2026-10-01 to 2026-10-07 public holiday (国庆节)" in text
    assert "5 2026-10-10 Sat (make-up working day, 国庆节)" in text
    assert "2026-10-11 (Sunday) weekend" in text
    rolled = WEEKLY_REPORT.due(d("2026-09-28")).explain()
    assert "2026-10-05 (Monday) is not a working day (public holiday)" in rolled
    assert "遇法定节假日顺延" in rolled
    plain = DeadlineRule("p", CalendarPeriod(days=1), "民法典").due(d("2026-10-12")).explain()
    assert "2026-10-13 (Tuesday) is a working day." in plain
    local = CAL.with_overrides(DayOverride(d("2026-04-20"), workday=False, name="三月三"))
    assert (
        "local holiday (三月三)" in OBJECTION_MARKING.due(d("2026-04-17"), calendar=local).explain()
    )


@pytest.mark.parametrize(
    ("published", "on_time", "late"),
    [
        ("2026-09-28", True, 0),  # same day
        ("2026-10-13", True, 0),  # the due date itself
        ("2026-10-14", False, 1),
        ("2026-10-17", False, 4),  # a Saturday: as late as the Monday after
        ("2026-10-19", False, 4),
        ("2026-10-20", False, 5),
    ],
)
def test_timeliness_by_hand(published: str, on_time: bool, late: int) -> None:
    """On time up to and including the due date; after it, working days late."""
    result = check_timeliness(d("2026-09-28"), d(published))
    assert (result.on_time, result.working_days_late) == (on_time, late)
    assert result.deadline.due == d("2026-10-13")
    assert result.published_on == d(published)
    assert ("on time" in result.explain()) is on_time


def test_timeliness_refuses_publication_before_decision() -> None:
    """A publication date before the decision date is a data error with a stable code."""
    with pytest.raises(InvalidComponent) as info:
        check_timeliness(d("2026-09-28"), d("2026-09-27"))
    assert info.value.code == "timeliness.done_before_start"


def test_get_rule_accepts_dashes_and_refuses_unknown_names() -> None:
    """get_rule finds built-in rules by name (- or _) and lists the known ones otherwise."""
    assert get_rule("dispute-verification") is DISPUTE_VERIFICATION
    assert get_rule(" Publication ") is PUBLICATION
    with pytest.raises(KeyError, match="publication"):
        get_rule("nope")


def test_values_are_frozen() -> None:
    """Rules and deadlines are immutable values."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        PUBLICATION.name = "x"  # type: ignore[misc]
    deadline = publication_deadline(d("2026-09-28"))
    assert isinstance(deadline, Deadline)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        deadline.due = d("2026-10-14")  # type: ignore[misc]


known = st.dates(min_value=date(2004, 1, 1), max_value=date(LAST_YEAR, 12, 31))


@given(start=known, n=st.integers(min_value=0, max_value=60))
def test_working_day_rules_count_exactly_n(start: date, n: int) -> None:
    """For a rule of n working days, exactly n working days lie in (start, due]."""
    rule = DeadlineRule("n", WorkingDays(n), "test")
    try:
        deadline = rule.due(start)
    except CalendarDataMissing:
        assume(False)
        raise
    assert CAL.is_workday(deadline.due)
    if n:
        assert CAL.count(start, deadline.due) == n


@given(start=known, days_after=st.integers(min_value=0, max_value=60))
def test_timeliness_agrees_with_count(start: date, days_after: int) -> None:
    """on_time iff done by the due date; lateness is count(due, next working day of published_on)."""
    published = date.fromordinal(start.toordinal() + days_after)
    try:
        result = check_timeliness(start, published)
    except CalendarDataMissing:
        assume(False)
        raise
    due = result.deadline.due
    assert result.on_time == (published <= due)
    if result.on_time:
        assert result.working_days_late == 0
    else:
        assert result.working_days_late == CAL.count(due, CAL.add(published, 0)) >= 1


def test_rules_refuse_wrong_types_and_missing_sources() -> None:
    """A rule needs a name, a real period and a citation; counts are ints, not bools or floats."""
    with pytest.raises(TypeError, match="days must be an int"):
        WorkingDays(7.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        WorkingDays(True)
    with pytest.raises(TypeError):
        CalendarPeriod(months="3")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        DeadlineRule("x", 7, "c")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="citation"):
        DeadlineRule("x", WorkingDays(7), " ")
    with pytest.raises(ValueError, match="name"):
        DeadlineRule("", WorkingDays(7), "c")
    with pytest.raises(ValueError, match="before effective_from"):
        DeadlineRule(
            "x", WorkingDays(7), "c", effective_from=d("2026-01-01"), effective_to=d("2025-01-01")
        )
    with pytest.raises(TypeError):
        DeadlineRule("x", WorkingDays(7), "c", effective_from="2026-01-01")  # type: ignore[arg-type]


def test_policy_error_says_when_the_rule_applies() -> None:
    """The PolicyError for a rule out of force names its dates without 'None'."""
    ended = DeadlineRule("old", WorkingDays(5), "test", effective_to=d("2020-12-31"))
    with pytest.raises(PolicyError, match="until 2020-12-31, not to 2021-01-04") as info:
        ended.due(d("2021-01-04"))
    assert "None" not in str(info.value)
    with pytest.raises(PolicyError, match="from 2021-09-01 on, not to 2021-08-31"):
        SAMR_PUBLICATION.due(d("2021-08-31"))


def test_deadline_inputs_must_be_dates() -> None:
    """Strings, None or a datetime where a date belongs are TypeErrors naming the argument."""
    from datetime import datetime

    with pytest.raises(TypeError, match=r"start must be a datetime\.date, not str"):
        publication_deadline("2026-09-28")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="published_on must be"):
        check_timeliness(d("2026-09-28"), None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"start must be a datetime\.date, not datetime"):
        publication_deadline(datetime(2026, 9, 28, 17, 45))  # refused, not truncated


def test_provisional_only_when_a_needed_day_is_unknown() -> None:
    """The start day is never counted, so a start on 31 December before the first year is exact."""
    cal = default_calendar(provisional=True)
    first_year, _ = cal.covered
    eve = date(first_year - 1, 12, 31)
    exact = publication_deadline(eve, calendar=cal)
    assert not exact.provisional
    assert exact.due == publication_deadline(eve).due  # the strict calendar agrees
    zero = DeadlineRule("zero", WorkingDays(0), "test")
    assert zero.due(eve, calendar=cal).provisional  # WorkingDays(0) looks at the start day
    text = publication_deadline(date(LAST_YEAR, 12, 28), calendar=cal).explain()
    assert text.splitlines()[0].endswith(", PROVISIONAL.")
    assert "(working day, provisional)" in text


def test_explain_groups_counted_days_in_runs() -> None:
    """Long periods list runs of working days (1-5 ...), with 调休 days and their holiday named."""
    text = DISPUTE_VERIFICATION.due(d("2026-01-30")).explain()
    assert (
        "Counted: 1-5 2026-02-02 Mon to 2026-02-06 Fri; 6-10 2026-02-09 Mon to 2026-02-13 Fri;"
        in text
    )
    assert "11 2026-02-14 Sat (make-up working day, 春节)" in text
    assert "17-20 2026-03-02 Mon to 2026-03-05 Thu." in text
    assert "2026-02-15 to 2026-02-23 public holiday (春节)" in text
    month = DeadlineRule("m", CalendarPeriod(months=1), "t").due(d("2026-01-31")).explain()
    assert "1 month from it end on 2026-02-28 (Saturday)" in month
    assert "2026-02-28 (Saturday) is a working day (make-up working day (春节))." in month


RULES_TOML = """
[[rules]]
name = "county_review"
working_days = 15
citation = "某县 2026 实施细则 第三条"
title = "县级复核"
effective_from = 2026-01-01

[[rules]]
name = "monthly_ledger"
months = 1
citation = "test"

[[rules]]
name = "friday_report"
next_weekday = "周五"
citation = "test"
"""


def test_rules_from_a_file_work_like_builtin_ones(tmp_path: Path) -> None:
    """Rules loaded from TOML (or JSON) give the same deadlines as the same rules made in code."""
    path = tmp_path / "rules.toml"
    path.write_text(RULES_TOML, encoding="utf-8")
    mine = load_rules(path)
    assert list(mine) == ["county_review", "monthly_ledger", "friday_report"]
    county = mine["county_review"]
    assert county == DeadlineRule(
        "county_review", WorkingDays(15), "某县 2026 实施细则 第三条", title="县级复核",
        effective_from=d("2026-01-01"),
    )  # fmt: skip
    assert mine["monthly_ledger"].period == CalendarPeriod(months=1)
    assert mine["friday_report"].period == NextWeekday(4)
    table = {**RULES, **mine}
    assert get_rule("County-Review", table) is county
    assert get_rule("publication", table) is PUBLICATION
    assert check_timeliness(d("2026-09-28"), d("2026-10-26"), rule=county).working_days_late == 1
    js = tmp_path / "rules.json"
    js.write_text(
        json.dumps({"rules": [{"name": "county_review", "working_days": 15,
                               "citation": "某县 2026 实施细则 第三条", "title": "县级复核",
                               "effective_from": "2026-01-01"}]}),
        encoding="utf-8",
    )  # fmt: skip
    assert load_rules(js)["county_review"] == county


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({"name": "x", "citation": "c"}, "rules.period"),
        ({"name": "x", "citation": "c", "working_days": 3, "months": 1}, "rules.period"),
        ({"name": "x", "citation": "c", "working_days": 7.5}, "rules.format"),
        ({"name": "x", "citation": "c", "working_days": True}, "rules.format"),
        ({"name": "x", "citation": "c", "working_days": -1}, "rules.value"),
        ({"name": "x", "citation": "", "working_days": 1}, "rules.value"),
        ({"name": "x", "citation": "c", "working_day": 1}, "rules.format"),
        ({"citation": "c", "working_days": 1}, "rules.format"),
        ({"name": "x", "citation": "c", "next_weekday": "Funday"}, "rules.weekday"),
        ({"name": "x", "citation": "c", "working_days": 1, "effective_from": "2026-02-30"},
         "rules.format"),
        ({"name": "x", "citation": "c", "working_days": 1, "effective_from": "2026-01-01",
          "effective_to": "2025-01-01"}, "rules.value"),
        (["not", "a", "table"], "rules.format"),
    ],
)  # fmt: skip
def test_bad_rules_are_refused_with_a_code(data: object, code: str) -> None:
    """A rule with no period, two periods, a fractional count or a typo raises a coded error."""
    with pytest.raises((InvalidFormat, InvalidComponent)) as info:
        rule_from_dict(data)  # type: ignore[arg-type]
    assert info.value.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("[[rules]]\nname = 'x'\ncitation = 'c'\nworking_days = 1\n"
         "[[rules]]\nname = 'x'\ncitation = 'c'\nworking_days = 2\n", "rules.duplicate"),
        ("rule = []\n", "rules.format"),
        ("[[rules]]\nname = 'x'\ncitation = 'c'\n", "rules.period"),
        ("[[rules]\n", "rules.syntax"),
    ],
)  # fmt: skip
def test_bad_rules_files_name_the_file(tmp_path: Path, text: str, code: str) -> None:
    """Errors in a rules file carry the file's name (and the rule's index) and a stable code."""
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises((InvalidFormat, InvalidComponent)) as info:
        load_rules(path)
    assert info.value.code == code
    assert str(path) in info.value.message_en


def test_get_rule_folds_full_width_and_refuses_non_text() -> None:
    """Full-width or spaced names find the rule; a non-string name is a TypeError."""
    assert get_rule("ｗｅｅｋｌｙ－ｒｅｐｏｒｔ") is WEEKLY_REPORT
    assert get_rule("objection marking") is OBJECTION_MARKING
    with pytest.raises(TypeError):
        get_rule(None)  # type: ignore[arg-type]


def test_explain_keeps_names_with_brackets_whole() -> None:
    """A local day whose name has brackets is quoted whole in the counted and skipped runs."""
    local = CAL.with_overrides(
        DayOverride(d("2026-10-11"), workday=True, name="加班(补)"),
        DayOverride(d("2026-10-12"), workday=False, name="三月三(壮族)"),
    )
    text = OBJECTION_DECISION.due(d("2026-10-09"), calendar=local).explain()
    assert "2026-10-11 Sun (local working day, 加班(补))" in text
    assert "2026-10-12 (Monday) local holiday (三月三(壮族))" in text


@given(
    st.dictionaries(
        st.text(max_size=12), st.text(max_size=8) | st.integers() | st.none(), max_size=5
    )
)
def test_junk_rule_data_raises_validation_errors(data: dict[str, object]) -> None:
    """Junk rule tables give InvalidFormat or InvalidComponent, never another exception."""
    try:
        rule = rule_from_dict(data)
    except (InvalidFormat, InvalidComponent):
        return
    assert rule.citation.strip() and rule.name.strip()


_RULE_KEYS = ["name", "citation", "title", "working_days", "calendar_days", "months", "years",
              "next_weekday", "effective_from", "effective_to"]  # fmt: skip
_junk_value = (
    st.text(max_size=10)
    | st.integers(min_value=-5, max_value=10**6)
    | st.booleans()
    | st.floats(allow_nan=True)
    | st.dates().map(str)
    | st.sampled_from(["Monday", "周五", "星期日", "2026-02-30", ""])
)


@given(st.dictionaries(st.sampled_from(_RULE_KEYS), _junk_value, min_size=1, max_size=6))
def test_plausible_but_broken_rules_raise_validation_errors(data: dict[str, object]) -> None:
    """Tables with the right keys but wrong values give only our ValidationErrors, or a usable rule."""
    try:
        rule = rule_from_dict(data)
    except (InvalidFormat, InvalidComponent):
        return
    start = d("2026-03-02")
    if rule.in_force(start):
        try:
            due = rule.due(start, calendar=default_calendar(provisional=True)).due
        except ValueError as exc:  # a period of a million years
            message = str(exc)
            due = start
        else:
            message = "years 1 to 9999"
        assert "years 1 to 9999" in message
        assert due >= start


def test_huge_calendar_period_is_a_clear_value_error() -> None:
    """A period that ends after year 9999 says so instead of a raw date overflow."""
    rule = DeadlineRule("x", CalendarPeriod(years=10**6), "test")
    with pytest.raises(ValueError, match="years 1 to 9999"):
        rule.due(d("2026-03-02"))


def test_builtin_rules_are_the_data_file() -> None:
    """RULES is deadlines/data/rules.toml read by load_rules, the loader users use."""
    from importlib import resources

    from credit_disclosure.deadlines import RULES, load_rules

    data = resources.files("credit_disclosure.deadlines") / "data" / "rules.toml"
    with resources.as_file(data) as path:
        assert dict(load_rules(path)) == dict(RULES)
    assert all(rule.citation for rule in RULES.values())
