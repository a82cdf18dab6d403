"""外国人永久居留身份证 (both cards): samples, errors, parse, generate, the nationality table."""

from __future__ import annotations

from datetime import date

import pytest

from credit_disclosure.errors import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from credit_disclosure.identifiers import (
    Gender,
    foreign_permanent_id,
)

from .conftest import gb11643_check


@pytest.mark.parametrize(
    ("value", "nationality", "alpha3", "province", "birth", "gender"),
    [
        ("932682198501010017", "682", "SAU", "32", date(1985, 1, 1), Gender.MALE),
        ("911124198108030024", "124", "CAN", "11", date(1981, 8, 3), Gender.FEMALE),
    ],
)
def test_foreign_2023_samples(
    value: str, nationality: str, alpha3: str, province: str, birth: date, gender: Gender
) -> None:
    """The REFERENCE.md samples of the 2023 card parse into their parts."""
    info = foreign_permanent_id.parse(value)
    assert info.card_version == 2023
    assert (info.nationality, info.nationality_alpha3, info.province) == (
        nationality,
        alpha3,
        province,
    )
    assert (info.birth_date, info.gender) == (birth, gender)


@pytest.mark.parametrize(
    ("value", "exc", "code", "position"),
    [
        ("93268219850101001", InvalidLength, "foreign_permanent_id.length", None),
        ("832682198501010017", InvalidFormat, "foreign_permanent_id.format", 0),
        ("932682198501010018", InvalidChecksum, "foreign_permanent_id.checksum", 17),
        ("9" + "99682198501010017", InvalidComponent, "foreign_permanent_id.province", 1),
        ("932999198501010017", InvalidComponent, "foreign_permanent_id.nationality", 3),
        ("932682190002290017", InvalidComponent, "foreign_permanent_id.birth_date", 6),
        ("CA1110079050311", InvalidFormat, "foreign_permanent_id.format", 2),
        ("CAN11007905031A", InvalidFormat, "foreign_permanent_id.format", 14),
        ("QQQ110079050311", InvalidComponent, "foreign_permanent_id.nationality", 0),
    ],
)
def test_foreign_errors(value: str, exc: type[Exception], code: str, position: int | None) -> None:
    """Each rule of either card raises its own code (checksums recomputed where needed)."""
    if len(value) == 18 and code not in {
        "foreign_permanent_id.checksum",
        "foreign_permanent_id.format",
    }:
        value = value[:17] + gb11643_check(value[:17])
    with pytest.raises(exc) as info:
        foreign_permanent_id.validate(value)
    assert getattr(info.value, "code", None) == code
    assert getattr(info.value, "position", None) == position


def test_foreign_old_card() -> None:
    """The old 15-character number: ISO alpha-3 letters and 12 digits; parts not guessed."""
    info = foreign_permanent_id.parse("usa 110079050311")
    assert (info.card_version, info.nationality, info.nationality_alpha3) == (2004, "840", "USA")
    assert info.birth_date is None and info.gender is None and info.province is None


def test_foreign_generate() -> None:
    """generate builds either card from the options given."""
    n = foreign_permanent_id.generate(
        province="31", nationality="392", birth_date=date(1990, 2, 3), gender="male", seed=1
    )
    info = foreign_permanent_id.parse(n)
    assert (info.province, info.nationality_alpha3, info.birth_date, info.gender) == (
        "31",
        "JPN",
        date(1990, 2, 3),
        Gender.MALE,
    )
    old = foreign_permanent_id.generate(old_card=True, nationality="392", seed=1)
    assert old.startswith("JPN") and len(old) == 15


def test_nationalities_table() -> None:
    """The ISO 3166-1 table maps all 249 current numeric codes to distinct alpha-3 codes."""
    table = foreign_permanent_id.NATIONALITIES
    assert len(table) == 249 and len(set(table.values())) == 249
    assert table["156"] == "CHN" and table["840"] == "USA"


def test_length_message_in_chinese_only() -> None:
    """The Chinese length message of the foreign permanent ID has no English words in it."""
    with pytest.raises(InvalidLength) as info:
        foreign_permanent_id.validate("12345")
    assert info.value.message_zh == "长度应为18或15位，实际为5位"
    assert info.value.message_en == "must be 18 or 15 characters long, got 5"
