"""工商注册号, 港澳台居民居住证 and 外国人永久居留身份证: samples, errors, parse, generate."""

from __future__ import annotations

from datetime import date

import pytest

from credit_disclosure.errors import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from credit_disclosure.identifiers import (
    Gender,
    business_reg_no,
    foreign_permanent_id,
    residence_permit,
)


def mod11_2(body: str) -> str:
    """ISO 7064 MOD 11-2 as in GB 11643 (weights 2**(17-i) mod 11)."""
    total = sum(int(d) * pow(2, 17 - i, 11) for i, d in enumerate(body))
    return "10X98765432"[total % 11]


def mod11_10(body: str) -> str:
    """ISO 7064 MOD 11,10 written out step by step."""
    p = 10
    for d in body:
        s = (p + int(d)) % 10 or 10
        p = (2 * s) % 11
    return str((11 - p) % 10)


# ------------------------------------------------------------- business_reg_no


@pytest.mark.parametrize("body", ["11010500000018", "44030100000019", "10000000000019"])
def test_business_reg_no_reference(body: str) -> None:
    """Numbers with the MOD 11,10 check validate; one wrong check digit is rejected."""
    number = body + mod11_10(body)
    assert business_reg_no.validate(number) == number
    wrong = body + str((int(mod11_10(body)) + 1) % 10)
    with pytest.raises(InvalidChecksum) as info:
        business_reg_no.validate(wrong)
    assert info.value.code == "business_reg_no.checksum"


@pytest.mark.parametrize(
    ("value", "exc", "code"),
    [
        ("11010500000018", InvalidLength, "business_reg_no.length"),
        ("1101050000001A2", InvalidFormat, "business_reg_no.format"),
        (
            "99999900000018" + mod11_10("99999900000018"),
            InvalidComponent,
            "business_reg_no.division",
        ),
    ],
)
def test_business_reg_no_errors(value: str, exc: type[Exception], code: str) -> None:
    """Length, characters and an unknown registration authority each have their code."""
    with pytest.raises(exc) as info:
        business_reg_no.validate(value)
    assert getattr(info.value, "code", None) == code


def test_business_reg_no_parse() -> None:
    """parse splits authority, sequence and check and names the authority."""
    info = business_reg_no.parse("110105000000182")
    assert (info.authority, info.sequence, info.check) == ("110105", "00000018", "2")
    assert info.authority_name == "北京市朝阳区"
    assert business_reg_no.generate(authority="100000", seed=1).startswith("100000")


def test_business_reg_no_transposition_limit() -> None:
    """ISO 7064 MOD 11,10 misses some adjacent swaps: pinned so nobody relies on it."""
    missed = 0
    for n in range(2000):
        number = business_reg_no.generate(seed=n)
        for i in range(13):
            swapped = number[:i] + number[i + 1] + number[i] + number[i + 2 :]
            if swapped != number and business_reg_no.is_valid(swapped):
                missed += 1
    assert missed > 0


# ------------------------------------------------------------ residence_permit


@pytest.mark.parametrize(
    ("region", "zh", "en"),
    [("810000", "香港", "Hong Kong"), ("820000", "澳门", "Macao"), ("830000", "台湾", "Taiwan")],
)
def test_residence_permit_regions(region: str, zh: str, en: str) -> None:
    """The three prefixes validate with the resident-ID check digit and are named."""
    body = region + "19940823002"
    number = body + mod11_2(body)
    info = residence_permit.parse(number)
    assert (info.region, info.region_name, info.region_name_en) == (region, zh, en)
    assert info.birth_date == date(1994, 8, 23)
    assert info.gender is Gender.FEMALE


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("11010519491231002", "residence_permit.division"),
        ("84000019491231002", "residence_permit.division"),
        ("81000018991231002", "residence_permit.birth_date"),
    ],
)
def test_residence_permit_errors(body: str, code: str) -> None:
    """A resident-ID prefix, an unknown prefix or a bad date are errors."""
    with pytest.raises(InvalidComponent) as info:
        residence_permit.validate(body + mod11_2(body))
    assert info.value.code == code


def test_residence_permit_checksum() -> None:
    """A wrong check digit raises residence_permit.checksum."""
    body = "81000019940823002"
    wrong = "0" if mod11_2(body) != "0" else "1"
    with pytest.raises(InvalidChecksum, match=r"residence_permit\.checksum"):
        residence_permit.validate(body + wrong)


# -------------------------------------------------------- foreign_permanent_id


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
        value = value[:17] + mod11_2(value[:17])
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
