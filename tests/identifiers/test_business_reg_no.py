"""工商注册号 (GS15-2006): the check digit written out, errors, parse."""

from __future__ import annotations

import pytest

from credit_disclosure.errors import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from credit_disclosure.identifiers import (
    business_reg_no,
)


def mod11_10(body: str) -> str:
    """ISO 7064 MOD 11,10 written out step by step."""
    p = 10
    for d in body:
        s = (p + int(d)) % 10 or 10
        p = (2 * s) % 11
    return str((11 - p) % 10)


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
