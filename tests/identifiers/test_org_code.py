"""组织机构代码 (GB 11714-1997): sample, errors, format, parse, generate."""

from __future__ import annotations

import pytest

from credit_disclosure.errors import InvalidChecksum, InvalidFormat, InvalidLength
from credit_disclosure.identifiers import org_code

WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def reference_check(body: str) -> str:
    """GB 11714-1997 as written: C = 11 - sum mod 11, 10 -> X, 11 -> 0."""
    c = 11 - sum(CHARS.index(ch) * w for ch, w in zip(body, WEIGHTS)) % 11
    return {10: "X", 11: "0"}.get(c, str(c))


@pytest.mark.parametrize(
    ("value", "compact"),
    [
        ("59467239-9", "594672399"),
        ("594672399", "594672399"),
        ("５９４６７２３９－９", "594672399"),
        ("MA62K026-0", "MA62K0260"),
        ("60003734-1", "600037341"),
    ],
)
def test_samples(value: str, compact: str) -> None:
    """The REFERENCE.md sample and the codes embedded in the USCC samples validate."""
    assert org_code.validate(value) == compact


@pytest.mark.parametrize("body", ["00000000", "12345678", "ZZZZZZZZ", "MA62K026", "A0000001"])
def test_against_reference(body: str) -> None:
    """The fast check agrees with the standard's formula, including the X and 0 cases."""
    assert org_code.is_valid(body + reference_check(body))
    assert org_code.generate(body=body) == body + reference_check(body)


@pytest.mark.parametrize(
    ("value", "exc", "code", "position"),
    [
        ("59467239", InvalidLength, "org_code.length", None),
        ("5946723a9-9", InvalidLength, "org_code.length", None),
        ("5946é239-9", InvalidFormat, "org_code.format", 4),
        ("59467239-A", InvalidFormat, "org_code.format", 8),
        ("59467239-8", InvalidChecksum, "org_code.checksum", 8),
    ],
)
def test_errors(value: str, exc: type[Exception], code: str, position: int | None) -> None:
    """Each broken rule raises its own class with a stable code and the position."""
    with pytest.raises(exc) as info:
        org_code.validate(value)
    assert getattr(info.value, "code", None) == code
    assert getattr(info.value, "position", None) == position


def test_format_and_parse() -> None:
    """format prints XXXXXXXX-C; parse splits body and check."""
    assert org_code.format("594672399") == "59467239-9"
    info = org_code.parse("59467239-9")
    assert (info.body, info.check) == ("59467239", "9")


def test_letters_eleven_apart_collide() -> None:
    """The standard's limitation, pinned: values 11 apart (1 and C) give the same check."""
    assert org_code.generate(body="12345678")[-1] == org_code.generate(body="C2345678")[-1]
