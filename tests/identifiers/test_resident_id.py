"""居民身份证号码 (GB 11643-1999): samples, division history, dates, errors, upgrade, parse."""

from __future__ import annotations

from datetime import date

import pytest

from credit_disclosure.errors import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from credit_disclosure.identifiers import Gender, resident_id


def reference_check(body: str) -> str:
    """GB 11643-1999 5.2 as written: weights 2**(17-i) mod 11, sum mod 11 indexes 10X98765432."""
    total = sum(int(d) * pow(2, 17 - i, 11) for i, d in enumerate(body))
    return "10X98765432"[total % 11]


def with_check(body: str) -> str:
    """``body`` followed by its check digit from the reference implementation."""
    return body + reference_check(body)


@pytest.mark.parametrize(
    ("value", "compact"),
    [
        ("11010519491231002X", "11010519491231002X"),
        ("11010519491231002x", "11010519491231002X"),
        ("360426199101010071", "360426199101010071"),
        ("１１０１０５１９４９１２３１００２ｘ", "11010519491231002X"),
        ("110105 1949-12-31 002X", "11010519491231002X"),
    ],
)
def test_samples(value: str, compact: str) -> None:
    """The GB 11643 sample validates in every common written form."""
    assert resident_id.validate(value) == compact
    assert resident_id.is_valid(value)


def test_division_not_tied_to_birth_year() -> None:
    """Born 1940 in Pudong holds 310115 (a 1992 code): valid, unlike python-stdnum."""
    number = with_check("31011519400101001")
    assert resident_id.is_valid(number)
    assert resident_id.parse(number).division_name == "上海市浦东新区"


def test_retired_division_accepted() -> None:
    """A code retired since (崇文区 110103, to 2010) is still valid, and parse says retired."""
    number = with_check("11010319850101001")
    info = resident_id.parse(number)
    assert info.division_retired
    assert info.division_name == "北京市崇文区"


@pytest.mark.parametrize(
    ("body", "valid"),
    [
        ("11010519000101001", True),
        ("11010518991231001", False),
        ("11010520000229001", True),
        ("11010519000229001", False),
        ("11010519990230001", False),
        ("11010519991301001", False),
        ("11010519990100001", False),
        ("11010520240229001", True),
    ],
)
def test_birth_dates(body: str, valid: bool) -> None:
    """Only real dates from 1900 on: leap years right, 1900 not a leap year."""
    number = with_check(body)
    assert resident_id.is_valid(number, as_of=date(2026, 1, 1)) is valid
    if not valid:
        with pytest.raises(InvalidComponent) as info:
            resident_id.validate(number, as_of=date(2026, 1, 1))
        assert info.value.code == "resident_id.birth_date"
        assert info.value.position == 6


def test_as_of_boundary() -> None:
    """A birth date equal to as_of is valid; the next day is an error."""
    number = with_check("11010520200615001")
    assert resident_id.is_valid(number, as_of=date(2020, 6, 15))
    assert not resident_id.is_valid(number, as_of=date(2020, 6, 14))
    assert resident_id.is_valid(number)  # default: today


def test_default_as_of_is_today() -> None:
    """Without as_of, a birth date after today is rejected and today's is accepted."""
    today = date.today()
    tomorrow = date.fromordinal(today.toordinal() + 1)
    assert resident_id.is_valid(with_check("110105" + today.strftime("%Y%m%d") + "001"))
    assert not resident_id.is_valid(with_check("110105" + tomorrow.strftime("%Y%m%d") + "001"))


@pytest.mark.parametrize(
    ("value", "exc", "code", "position"),
    [
        ("11010519491231002", InvalidLength, "resident_id.length", None),
        ("110105491231002", InvalidLength, "resident_id.length", None),
        ("110A0519491231002X", InvalidFormat, "resident_id.format", 3),
        ("11010519491231002Y", InvalidFormat, "resident_id.format", 17),
        ("110105194912310021", InvalidChecksum, "resident_id.checksum", 17),
        (with_check("99999919491231002"), InvalidComponent, "resident_id.division", 0),
        (with_check("81000019491231002"), InvalidComponent, "resident_id.division", 0),
    ],
)
def test_errors(value: str, exc: type[Exception], code: str, position: int | None) -> None:
    """Each broken rule raises its own class, stable code and position, zh and en messages."""
    with pytest.raises(exc) as info:
        resident_id.validate(value)
    err = info.value
    assert getattr(err, "code", None) == code
    assert getattr(err, "position", None) == position
    assert getattr(err, "message_zh", "") and getattr(err, "message_en", "")
    assert value not in str(err)


def test_parse() -> None:
    """parse gives division, birth date, gender enum, sequence, check and division name."""
    info = resident_id.parse("11010519491231002X")
    assert info.division == "110105"
    assert info.birth_date == date(1949, 12, 31)
    assert info.gender is Gender.FEMALE and info.gender.value == "female"
    assert (info.sequence, info.check) == ("002", "X")
    assert info.division_name == "北京市朝阳区"
    assert not info.division_retired
    assert resident_id.parse(with_check("11010519491231001")).gender is Gender.MALE


def test_upgrade() -> None:
    """A 15-digit number upgrades to 18 digits (19 inserted, check appended)."""
    assert resident_id.upgrade("110105491231002") == "11010519491231002X"
    assert resident_id.upgrade("110105-491231-002") == "11010519491231002X"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("110105490231002", "resident_id.birth_date"),
        ("11010549123100", "resident_id.length"),
        ("11010549123100X", "resident_id.format"),
        ("999999491231002", "resident_id.division"),
    ],
)
def test_upgrade_errors(value: str, code: str) -> None:
    """upgrade validates: a bad date, length, character or division is an error."""
    with pytest.raises(ValueError, match=code.replace(".", r"\.")):
        resident_id.upgrade(value)


def test_generate_options() -> None:
    """generate honours division, birth date and gender and is reproducible."""
    n = resident_id.generate(
        division="110103", birth_date=date(1985, 5, 6), gender="female", seed=1
    )
    info = resident_id.parse(n)
    assert (info.division, info.birth_date, info.gender) == (
        "110103",
        date(1985, 5, 6),
        Gender.FEMALE,
    )
    assert resident_id.generate(seed=2) == resident_id.generate(seed=2)


def test_format() -> None:
    """format upper-cases the x and drops separators."""
    assert resident_id.format("110105 19491231 002x") == "11010519491231002X"


def test_peer_disagrees_on_issue_place() -> None:
    """python-stdnum rejects the real Pudong number that we accept (division tied to birth year)."""
    ric = pytest.importorskip("stdnum.cn.ric")
    number = with_check("31011519400101001")
    assert resident_id.is_valid(number) and not ric.is_valid(number)


def test_legacy_length_hints_upgrade() -> None:
    """A 15-digit number is a length error whose message points to upgrade()."""
    with pytest.raises(InvalidLength) as info:
        resident_id.validate("110105491231002")
    assert info.value.code == "resident_id.length"
    assert "upgrade()" in info.value.message_en and "升位" in info.value.message_zh


def test_today_cache_recomputed_after_midnight(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cached 'today' used as the default as_of is recomputed once its expiry passes."""
    from credit_disclosure.identifiers import _common

    monkeypatch.setattr(_common, "_today_ymd", "19000101")
    monkeypatch.setattr(_common, "_today_expires", float("inf"))
    assert not resident_id.is_valid("11010519491231002X")  # "today" is 1900-01-01
    monkeypatch.setattr(_common, "_today_expires", 0.0)
    assert resident_id.is_valid("11010519491231002X")
    assert _common.today_ymd() == date.today().strftime("%Y%m%d")


def test_info_repr_does_not_spell_out_number() -> None:
    """The parsed info's repr leaves out sequence and check, so it never holds the full number."""
    info = resident_id.parse("11010519491231002X")
    text = repr(info)
    assert "sequence=" not in text and "check=" not in text
    assert "110105" in text and info.sequence == "002"
