"""Parsing exchange-file values: dates, amounts in 万元, penalty categories."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure.convert import DateFormat, format_date
from credit_disclosure.errors import InvalidFormat
from credit_disclosure.standard import (
    OPEN_ENDED,
    OPEN_ENDED_WORDS,
    PenaltyType,
    RecordKind,
    check_row,
    parse_amount,
    parse_date,
    parse_penalty_categories,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024/03/05", date(2024, 3, 5)),
        ("2024-03-05", date(2024, 3, 5)),
        ("20240305", date(2024, 3, 5)),
        ("2024/3/5", date(2024, 3, 5)),
        (" 2024-03-05 ", date(2024, 3, 5)),
        ("2024年3月5日", date(2024, 3, 5)),
        ("2024-03-05 00:00:00", date(2024, 3, 5)),
        ("２０２４／０３／０５", date(2024, 3, 5)),
        ("2024/02/29", date(2024, 2, 29)),
        ("2099/12/31", OPEN_ENDED),
        (datetime(2024, 3, 5, 10, 30), date(2024, 3, 5)),
        (date(2024, 3, 5), date(2024, 3, 5)),
        (20240305, date(2024, 3, 5)),
        (45356, date(2024, 3, 5)),  # Excel serial day
        (45356.0, date(2024, 3, 5)),
    ],
)
def test_parse_date(text: object, expected: date) -> None:
    """The three exchange formats and what Excel and JSON readers produce all read as dates."""
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2023/02/29",
        "2024/13/01",
        "2024/00/10",
        "2024-03",
        "03/05/2024",
        "",
        "长期",
        "abc",
        True,
        None,
    ],
)
def test_parse_date_rejects(text: object) -> None:
    """Impossible dates and other shapes raise InvalidFormat with code date.invalid."""
    with pytest.raises(InvalidFormat) as info:
        parse_date(text)
    assert info.value.code == "date.invalid"


@pytest.mark.parametrize("word", ["长期", "长期有效", " 永久 "])
def test_parse_date_open_ended_words(word: str) -> None:
    """长期 and its variants mean 2099/12/31 when the caller allows open-ended dates."""
    assert parse_date(word, open_ended=OPEN_ENDED) == OPEN_ENDED


@pytest.mark.parametrize("word", sorted(OPEN_ENDED_WORDS))
def test_every_open_ended_word_is_read_as_open_ended(word: str) -> None:
    """Each word of OPEN_ENDED_WORDS means OPEN_ENDED, for parse_date and in a record alike."""
    assert parse_date(word, open_ended=OPEN_ENDED) == OPEN_ENDED
    row = {"XK_YXQZI": word}
    assert check_row(row, RecordKind.LICENSE, as_of=date(2024, 6, 1)).record.valid_to == OPEN_ENDED
    with pytest.raises(InvalidFormat):
        parse_date(word)  # only where the caller allows an open end


@given(st.dates(min_value=date(1000, 1, 1)), st.sampled_from(list(DateFormat)))
def test_date_round_trip(day: date, fmt: DateFormat) -> None:
    """Every date written in any of the three formats reads back as itself."""
    assert parse_date(format_date(day, fmt)) == day


@given(st.text(max_size=30))
def test_parse_date_junk(text: str) -> None:
    """Junk text gives a date or InvalidFormat, never another exception."""
    try:
        result: object = parse_date(text)
    except InvalidFormat as exc:
        result = exc.code
    assert isinstance(result, date) or result == "date.invalid"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0.2", Decimal("0.2")),
        ("1,000.50", Decimal("1000.50")),
        ("０.５", Decimal("0.5")),
        (3, Decimal(3)),
        (0.2, Decimal("0.2")),
        (Decimal("7.5"), Decimal("7.5")),
    ],
)
def test_parse_amount(value: object, expected: Decimal) -> None:
    """Amounts read from text, int, float and Decimal, with separators and full-width digits."""
    assert parse_amount(value) == expected


@pytest.mark.parametrize(
    "value", ["两千", "", "NaN", "Infinity", "1.2.3", "1_000", True, None, [1]]
)
def test_parse_amount_rejects(value: object) -> None:
    """Non-numbers (and NaN / infinity) raise InvalidFormat with code decimal.invalid."""
    with pytest.raises(InvalidFormat) as info:
        parse_amount(value)
    assert info.value.code == "decimal.invalid"


F, W = PenaltyType.FINE, PenaltyType.WARNING


@pytest.mark.parametrize(
    ("text", "types", "unknown"),
    [
        ("罚款", (F,), ()),
        ("警告;罚款", (W, F), ()),
        ("警告；罚款", (W, F), ()),
        ("警告,罚款", (W, F), ()),
        ("警告，罚款", (W, F), ()),
        ("警告、罚款", (W, F), ()),
        (" 警告 ; 罚款 ;", (W, F), ()),
        ("罚款;罚款", (F,), ()),
        (
            "没收违法所得、没收非法财物",
            (
                PenaltyType.CONFISCATION_OF_ILLEGAL_GAINS,
                PenaltyType.CONFISCATION_OF_ILLEGAL_PROPERTY,
            ),
            (),
        ),
        ("吊销营业执照", (PenaltyType.REVOCATION_OF_PERMIT,), ()),
        ("其他-责令改正", (PenaltyType.OTHER,), ()),
        (
            "通报批评；限制从业",
            (PenaltyType.CIRCULATED_CRITICISM, PenaltyType.RESTRICTION_OF_EMPLOYMENT),
            (),
        ),
        ("罚金", (), ("罚金",)),
        ("警告/罚款", (), ("警告/罚款",)),
    ],
)
def test_parse_penalty_categories(
    text: str, types: tuple[PenaltyType, ...], unknown: tuple[str, ...]
) -> None:
    """Free-text 处罚类别 splits on the usual separators into 第九条 types and unknown parts."""
    parsed = parse_penalty_categories(text)
    assert (parsed.types, parsed.unknown) == (types, unknown)


def test_parse_penalty_categories_configurable() -> None:
    """Separators and aliases are data the caller can change (REFERENCE.md 2.4 marks them ?)."""
    parsed = parse_penalty_categories("警告/罚金", separators="/", aliases={"罚金": (F,)})
    assert parsed.types == (W, F)


def test_every_penalty_type_parses_by_its_name() -> None:
    """Each 第九条 type's statutory name reads as itself."""
    for t in PenaltyType:
        assert parse_penalty_categories(t.value).types == (t,)
