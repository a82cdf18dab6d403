"""parse_notice on the real notices 2011-2026 (and the 2020 extension), day by day, and on junk."""

from __future__ import annotations

import contextlib
import hashlib
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure.errors import InvalidFormat, ValidationError
from credit_disclosure.workdays import (
    Schedule,
    builtin_schedules,
    parse_notice,
    schedule_from_dict,
    schedule_to_dict,
    statutory_holidays,
)

NOTICES = Path(__file__).resolve().parents[1] / "data" / "notices"
YEARS = range(2011, 2027)
#: 2015-09-03/04 off and 09-06 worked came in a separate notice (抗战胜利70周年), not a fixture.
SEPARATE_2015 = {date(2015, 9, 3), date(2015, 9, 4), date(2015, 9, 6)}
ONE = timedelta(days=1)


def _text(year: int | str) -> str:
    return (NOTICES / f"{year}.txt").read_text(encoding="utf-8")


#: The notices that amended a year after it was published.
AMENDMENTS = {2019: "2019-adjustment", 2020: "2020-extension"}


def _parsed(year: int) -> Schedule:
    schedule = parse_notice(_text(year))
    if year in AMENDMENTS:
        schedule = parse_notice(_text(AMENDMENTS[year]), amends=schedule)
    return schedule


def _workday(schedule: Schedule, day: date) -> bool:
    """The notice read the plain way: make-up days work, listed days off, else Monday-Friday."""
    if any(w.day == day for w in schedule.workdays):
        return True
    if any(r.start <= day <= r.end for r in schedule.holidays):
        return False
    return day.weekday() < 5


@pytest.mark.parametrize("year", YEARS)
def test_notice_matches_chinese_calendar_day_by_day(year: int) -> None:
    """Every day of the year (and each December day the notice moves) as chinese-calendar has it.

    Late-December days that next year's notice moves (2011-12-31, 2018-12-29...) are compared
    with next year's notice.
    """
    schedule = _parsed(year)
    moved_by_next: set[date] = set()
    if year + 1 in YEARS:
        after = _parsed(year + 1)
        moved_by_next = {w.day for w in after.workdays} | {
            d for r in after.holidays for d in r.days()
        }
    day = date(year, 1, 1)
    while day.year == year:
        if day not in SEPARATE_2015 and day not in moved_by_next:
            assert _workday(schedule, day) == chinese_calendar.is_workday(day), day
        day += ONE
    named = [w.day for w in schedule.workdays] + [d for r in schedule.holidays for d in r.days()]
    for day in named:
        if day.year < year:
            assert _workday(schedule, day) == chinese_calendar.is_workday(day), day


@pytest.mark.parametrize("year", YEARS)
def test_statutory_days_are_a_subset_of_the_notice(year: int) -> None:
    """The law's days (国务院令第513/644/795号) are days off in each year's notice as published."""
    schedule = _parsed(year)
    for rng in statutory_holidays(year):
        for day in rng.days():
            assert not _workday(schedule, day), (rng.name, day)


@pytest.mark.parametrize(
    ("year", "number", "published"),
    [
        (2011, "国办发明电〔2010〕40号", date(2010, 12, 9)),
        (2012, "国办发明电〔2011〕45号", date(2011, 12, 5)),  # signed 二〇一一年十二月五日
        (2019, "国办发明电〔2018〕15号", date(2018, 12, 4)),
        (2025, "国办发明电〔2024〕12号", date(2024, 11, 12)),
        (2026, "国办发明电〔2025〕7号", date(2025, 11, 4)),
    ],
)
def test_the_notice_is_recorded(year: int, number: str, published: date) -> None:
    """Number, signature date, title and the sha256 of the text as read."""
    text = _text(year)
    schedule = parse_notice(text, url="https://example.invalid/notice")
    assert schedule.notice is not None
    assert schedule.notice.number == number and schedule.notice.published == published
    assert schedule.notice.title == f"国务院办公厅关于{year}年部分节假日安排的通知"
    assert schedule.notice.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert schedule.notice.url == "https://example.invalid/notice"
    assert number in schedule.source


def test_2020_extension_amends_the_spring_festival() -> None:
    """国办发明电〔2020〕1号: 春节 to 02-02, the 02-01 make-up day gone; recorded as an amendment."""
    base = parse_notice(_text(2020))
    amended = parse_notice(_text("2020-extension"), amends=base)
    spring = next(r for r in amended.holidays if r.name == "春节")
    assert (spring.start, spring.end) == (date(2020, 1, 24), date(2020, 2, 2))
    assert date(2020, 2, 1) in {w.day for w in base.workdays}
    assert date(2020, 2, 1) not in {w.day for w in amended.workdays}
    assert [a.number for a in amended.amendments] == ["国办发明电〔2020〕1号"]
    assert amended.notice == base.notice
    with pytest.raises(InvalidFormat) as info:
        parse_notice(_text("2020-extension"))
    assert info.value.code == "notice.amendment"
    with pytest.raises(InvalidFormat) as info:
        parse_notice(_text("2020-extension"), amends=parse_notice(_text(2021)))
    assert info.value.code == "notice.amendment"


def _full_width(text: str) -> str:
    table = str.maketrans({":": "：", "(": "（", ")": "）", ",": "，"})
    digits = str.maketrans({str(i): chr(0xFF10 + i) for i in range(10)})
    return text.translate(table).translate(digits)


def test_2019_labour_day_adjustment() -> None:
    """国办发明电〔2019〕3号 replaces 劳动节 2019: 05-01 to 05-04 off, 04-28 and 05-05 worked."""
    base = parse_notice(_text(2019))
    adjusted = parse_notice(_text("2019-adjustment"), amends=base)
    labour = [r for r in adjusted.holidays if r.name == "劳动节"]
    assert [(r.start, r.end) for r in labour] == [(date(2019, 5, 1), date(2019, 5, 4))]
    assert {w.day for w in adjusted.workdays if w.name == "劳动节"} == {
        date(2019, 4, 28),
        date(2019, 5, 5),
    }
    assert [r for r in adjusted.holidays if r.name != "劳动节"] == [
        r for r in base.holidays if r.name != "劳动节"
    ]
    assert [a.number for a in adjusted.amendments] == ["国办发明电〔2019〕3号"]


@pytest.mark.parametrize("year", YEARS)
def test_full_width_and_half_width_read_the_same(year: int) -> None:
    """The same notice in full-width punctuation and digits gives the same days and number."""
    half = parse_notice(_text(year))
    full = parse_notice(_full_width(_text(year)))
    assert (full.holidays, full.workdays, full.year) == (half.holidays, half.workdays, half.year)
    assert full.notice is not None and half.notice is not None
    assert (full.notice.number, full.notice.published) == (half.notice.number, half.notice.published)


@pytest.mark.parametrize("year", [2019, 2023])
def test_ranges_across_the_new_year(year: int) -> None:
    """元旦 starting in December of the year before keeps the December days with this notice."""
    first = parse_notice(_text(year)).holidays[0]
    assert first.start.year == year - 1 and first.end.year == year


HEAD = "国务院办公厅关于2026年部分节假日安排的通知\n"


@pytest.mark.parametrize(
    ("body", "code", "quoted"),
    [
        ("一、元旦：1月1日（周五）放假1天。", "notice.weekday", "1月1日（周五）放假1天"),
        ("一、元旦：1月1日（周四）至3日（周六）放假调休，共4天。", "notice.day_count", "共4天"),
        ("一、元旦：1月1日放假2天。", "notice.day_count", "放假2天"),
        ("一、元旦：1月1日至3日放假。另行通知。", "notice.sentence", "另行通知"),
        ("一、元旦：1日至3日放假。", "notice.date", "1日至3日放假"),
        ("一、元旦：2月30日放假。", "notice.date", "2月30日放假"),
        ("一、元旦：1月3日至1日放假。", "notice.range", "1月3日至1日放假"),
        ("一、元旦：1月4日（周日）、某日上班。", "notice.sentence", "某日上班"),
        ("各省、自治区：", "notice.no_items", ""),
        ("一、元旦：1月1日放假。\n国务院办公厅\n2025年0月4日", "notice.date", "2025年0月4日"),
    ],
)
def test_errors_name_the_sentence(body: str, code: str, quoted: str) -> None:
    """A notice that does not read gives a coded error quoting the sentence (full-width kept)."""
    with pytest.raises(InvalidFormat) as info:
        parse_notice(HEAD + body)
    assert info.value.code == code
    normalised = quoted.replace("（", "(").replace("）", ")").replace("，", ",")
    assert normalised in str(info.value)


def test_no_year_and_empty_text_are_errors() -> None:
    """Without a title or 现将YYYY年 there is no year; an empty text has nothing to read."""
    for text, code in (("一、元旦：1月1日放假。", "notice.year"), ("", "notice.no_items")):
        with pytest.raises(InvalidFormat) as info:
            parse_notice(text)
        assert info.value.code == code
    with pytest.raises(TypeError):
        parse_notice(b"bytes")  # type: ignore[arg-type]


def test_year_from_the_introduction_when_the_title_is_missing() -> None:
    """A pasted body without its title still has 现将2026年… in the introduction."""
    body = _text(2026).split("\n", 1)[1]
    assert parse_notice(body).year == 2026


def test_a_make_up_day_on_a_weekday_is_refused() -> None:
    """The schedule's own checks run too: a 上班 day on a weekday is not a 调休 day."""
    with pytest.raises(ValidationError):
        parse_notice(HEAD + "一、元旦：1月1日（周四）放假。1月5日（周一）上班。")


def test_parsed_schedules_round_trip_through_json() -> None:
    """What `calendar add` stores reads back equal, notice and amendments included."""
    amended = _parsed(2020)
    assert schedule_from_dict(schedule_to_dict(amended)) == amended


@given(st.text(max_size=300))
def test_junk_is_a_coded_error_or_a_schedule(text: str) -> None:
    """Any text gives a Schedule or a ValidationError, never another exception."""
    with contextlib.suppress(ValidationError):
        parse_notice(text)


@given(st.integers(0, 10_000), st.integers(1, 5), st.sampled_from([2014, 2024, 2026]))
def test_damaged_notices_fail_cleanly(cut: int, width: int, year: int) -> None:
    """A real notice with a few characters cut out parses or fails with a coded error."""
    text = _text(year)
    cut %= len(text)
    with contextlib.suppress(ValidationError):
        parse_notice(text[:cut] + text[cut + width :])


@pytest.mark.parametrize("year", YEARS)
def test_shipped_years_carry_their_notice(year: int) -> None:
    """A shipped year records the notice it comes from (and its amendments), as `calendar add` does."""
    shipped = {s.year: s for s in builtin_schedules()}[year]
    parsed = _parsed(year)
    assert shipped.notice is not None and parsed.notice is not None
    assert (shipped.notice.number, shipped.notice.published, shipped.notice.sha256) == (
        parsed.notice.number,
        parsed.notice.published,
        parsed.notice.sha256,
    )
    assert shipped.notice.url.startswith("http")
    assert [a.number for a in shipped.amendments] == [a.number for a in parsed.amendments]


def test_provenance_file_is_what_the_script_generates() -> None:
    """data/notices.json is exactly scripts/gen_notice_provenance.py's output over the fixtures."""
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, str(root / "scripts" / "gen_notice_provenance.py"), "--check"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
