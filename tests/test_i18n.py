"""The interface-text catalogue, the language default and the Chinese explanations."""

from __future__ import annotations

import re
import string
from datetime import date

import pytest

from credit_disclosure._i18n import (
    UI_TEXTS,
    check_lang,
    default_lang,
    ljust,
    resolve_lang,
    ui,
    weekday,
)
from credit_disclosure.deadlines import (
    WEEKLY_REPORT,
    CalendarPeriod,
    bounded_deadline,
    check_timeliness,
    check_timeliness_bounded,
    publication_deadline,
)
from credit_disclosure.errors import ArgumentError


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("text_id", sorted(UI_TEXTS))
def test_every_entry_has_both_languages_with_matching_fields(text_id: str) -> None:
    """Each text has an English and a Chinese template; the Chinese takes no parameter the
    English does not, but for Chinese names (``*_zh``); the English may add one (the state's
    English value beside its Chinese)."""
    text = UI_TEXTS[text_id]
    assert text.id == text_id
    assert {f for f in _fields(text.zh) if not f.endswith("_zh")} <= _fields(text.en), text_id
    if text.en.strip(" .,;"):
        assert text.zh.strip(), text_id


@pytest.mark.parametrize("text_id", sorted(t for t in UI_TEXTS if not t.startswith("help.")))
def test_chinese_templates_hold_no_english_words(text_id: str) -> None:
    """A Chinese template has no English word outside its fields and option names. (The
    command line's help texts, ``help.*``, name the values a user types and the formats they
    read: tests/cli/test_lang.py checks them as --help prints them, with the parser's words.)"""
    zh = UI_TEXTS[text_id].zh
    zh = re.sub(r"\{[a-z_]+\}|--[a-z-]+(?: [a-z]+\b)?|`[^`]*`|credit-disclosure [A-Za-z. ]+|[A-Z]{2,}[A-Z_]*", "", zh)
    zh = zh.replace("Python", "")  # a name
    assert not re.findall(r"[A-Za-z]{3,}", zh), (text_id, zh)


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.Big5"}, "zh"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_MESSAGES": "zh_CN.GB18030"}, "zh"),
        ({"LC_ALL": "", "LANG": "zh_CN"}, "zh"),
        ({}, "en"),
    ],
)
def test_default_lang_follows_the_locale(environ: dict[str, str], lang: str) -> None:
    """The first of LC_ALL, LC_MESSAGES, LANG that is set decides."""
    assert default_lang(environ) == lang


def test_resolve_and_check_lang() -> None:
    """None means the locale's; anything but en/zh is a coded error."""
    assert resolve_lang("zh") == "zh"
    assert resolve_lang(None) == "en"  # the tests run under LANG=C.UTF-8 (conftest)
    with pytest.raises(ArgumentError) as info:
        check_lang("de")
    assert info.value.code == "lang.unknown"


def test_weekdays_and_widths() -> None:
    """Weekday names in both languages; padding counts a Chinese character as two columns."""
    assert [weekday(i, "zh") for i in (0, 6)] == ["星期一", "星期日"]
    assert weekday(date(2026, 10, 10), "en", short=True) == "Sat"
    assert len(ljust("工作日", 8)) == 5
    assert ui("verdict.undetermined", "zh") == "待定"


_CASES = [
    pytest.param(lambda lang: publication_deadline(date(2026, 9, 28)).explain(lang), id="due"),
    pytest.param(
        lambda lang: check_timeliness(date(2026, 9, 28), date(2026, 10, 17)).explain(lang),
        id="late",
    ),
    pytest.param(lambda lang: bounded_deadline(date(2026, 12, 28)).explain(lang), id="bounded"),
    pytest.param(
        lambda lang: check_timeliness_bounded(date(2026, 12, 28), date(2027, 1, 6)).explain(lang),
        id="undetermined",
    ),
    pytest.param(
        lambda lang: check_timeliness_bounded(date(2026, 12, 28), date(2027, 3, 1)).explain(lang),
        id="late-bounded",
    ),
    pytest.param(lambda lang: WEEKLY_REPORT.due(date(2026, 9, 30)).explain(lang), id="weekday"),
]


@pytest.mark.parametrize("explain", _CASES)
def test_deadline_explanations_in_chinese_keep_the_citation(explain: object) -> None:
    """explain("zh") says the same in Chinese: the source cited, no English label left."""
    assert callable(explain)
    zh, en = explain("zh"), explain("en")
    assert zh.count("\n") == en.count("\n")
    assert "依据：" in zh and "Source: " in en
    source = next(line for line in en.splitlines() if line.startswith("Source: "))
    assert source.removeprefix("Source: ") in zh
    words = set(re.findall(r"[A-Za-z]{3,}", zh.replace(source.removeprefix("Source: "), "")))
    assert words <= {"publication", "weekly", "report"}, words  # the rule names


def test_calendar_period_in_chinese() -> None:
    """A period of months and days in Chinese words; the rolled-over end explained."""
    assert CalendarPeriod(years=1, months=2, days=3).describe("zh") == "1年2个月3日"
    assert CalendarPeriod(months=1).describe("en") == "1 month"


def test_bounded_verdict_reason_in_both_languages() -> None:
    """An undetermined verdict gives its reason in both languages, also in the JSON."""
    verdict = check_timeliness_bounded(date(2026, 12, 28), date(2027, 1, 6))
    data = verdict.to_dict()
    assert data["reason"] == verdict.reason and data["reason_zh"] == verdict.reason_zh
    assert verdict.reason_zh is not None and "2027-01-05" in verdict.reason_zh
