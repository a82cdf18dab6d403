"""Regression tests for bugs found in review of the identifiers (one test per bug)."""

from __future__ import annotations

from datetime import date, datetime
from types import ModuleType
from typing import Any

import pytest

from credit_disclosure.errors import InvalidComponent, InvalidFormat, InvalidLength
from credit_disclosure.identifiers import (
    business_reg_no,
    divisions,
    foreign_permanent_id,
    org_code,
    residence_permit,
    resident_id,
    uscc,
)


def gb11643_check(body: str) -> str:
    """GB 11643-1999 5.2 as written: weights 2**(17-i) mod 11, sum mod 11 indexes 10X98765432."""
    return "10X98765432"[sum(int(d) * pow(2, 17 - i, 11) for i, d in enumerate(body)) % 11]


@pytest.mark.parametrize(
    ("module", "options", "code"),
    [
        (uscc, {"org_code": "MA62K026I"}, "uscc.org_code"),  # was a bare int() ValueError
        (uscc, {"org_code": "123"}, "uscc.org_code"),  # was "uscc.length ... got 12"
        (uscc, {"division": "3101"}, "uscc.division"),
        (uscc, {"org_type": "9"}, "uscc.org_type"),
        (org_code, {"body": "abc"}, "org_code.body"),
        (resident_id, {"division": "11010"}, "resident_id.division"),
        (business_reg_no, {"authority": "12"}, "business_reg_no.authority"),
        (foreign_permanent_id, {"province": "1"}, "foreign_permanent_id.province"),
        (foreign_permanent_id, {"nationality": 124}, "foreign_permanent_id.nationality"),
        (resident_id, {"gender": "m"}, "resident_id.gender"),
        (residence_permit, {"gender": 1}, "residence_permit.gender"),
    ],
)
def test_generate_names_the_bad_option(
    module: ModuleType, options: dict[str, Any], code: str
) -> None:
    """A malformed generate() option raises InvalidFormat naming that option, not the whole value."""
    with pytest.raises(InvalidFormat) as info:
        module.generate(seed=1, **options)
    assert info.value.code == code
    assert "generate()" in info.value.message_en or code.endswith(".gender")
    assert info.value.message_zh


def test_generate_old_card_unknown_nationality() -> None:
    """generate(old_card=True) with an unknown nationality is a nationality error (was KeyError)."""
    with pytest.raises(InvalidComponent) as info:
        foreign_permanent_id.generate(nationality="999", old_card=True, seed=1)
    assert info.value.code == "foreign_permanent_id.nationality"


def test_generate_gender_any_case() -> None:
    """generate(gender=...) takes 'Male'/'FEMALE' as well as the enum and its values."""
    for gender, odd in [("Male", True), ("FEMALE", False), ("male", True)]:
        number = resident_id.generate(gender=gender, seed=3)
        assert (int(number[16]) % 2 == 1) is odd


@pytest.mark.parametrize(
    "module", [resident_id, residence_permit, foreign_permanent_id], ids=lambda m: m.__name__
)
def test_as_of_of_wrong_type(module: ModuleType) -> None:
    """as_of that is not a date is a TypeError naming as_of (was AttributeError: no .year)."""
    value = module.generate(seed=1)
    with pytest.raises(TypeError, match=r"as_of must be a datetime\.date, not str"):
        module.is_valid(value, as_of="2020-01-01")
    # the one date-argument rule: a datetime is refused too, even by is_valid (an argument
    # error is the caller's mistake, not an invalid number)
    with pytest.raises(TypeError, match=r"as_of must be a datetime\.date, not datetime"):
        module.is_valid(value, as_of=datetime(2020, 1, 1, 12))


def test_birth_date_of_wrong_type() -> None:
    """generate(birth_date=...) that is not a date is a TypeError naming birth_date."""
    with pytest.raises(TypeError, match=r"birth_date must be a datetime\.date"):
        resident_id.generate(birth_date="1990-01-01", seed=1)  # type: ignore[arg-type]


def test_length_message_in_chinese_only() -> None:
    """The Chinese length message of the foreign permanent ID has no English words in it."""
    with pytest.raises(InvalidLength) as info:
        foreign_permanent_id.validate("12345")
    assert info.value.message_zh == "长度应为18或15位，实际为5位"
    assert info.value.message_en == "must be 18 or 15 characters long, got 5"


@pytest.mark.usefixtures("private_divisions")
@pytest.mark.parametrize("name", ["", "  ", "a,b", "[2030-]x", "x\ny"])
def test_register_rejects_names_that_corrupt_the_data(name: str) -> None:
    """register() refuses a name that would break later look-ups (was: lookup raised)."""
    with pytest.raises(ValueError, match="name must be non-empty"):
        divisions.register("110105", name)
    division = divisions.lookup("110105")
    assert division is not None and division.name == "朝阳区"


@pytest.mark.usefixtures("private_divisions")
def test_register_counts_generations() -> None:
    """generation() goes up with each register(), so verdict caches know to drop themselves."""
    before = divisions.generation()
    divisions.register("669902", "测试县")
    assert divisions.generation() == before + 1
    with pytest.raises(ValueError, match="from_year must be a year"):
        divisions.register("669902", "测试县", from_year=20)
    assert divisions.generation() == before + 1


@pytest.mark.usefixtures("private_divisions")
def test_registered_province_reaches_foreign_permanent_id() -> None:
    """A province registered at run time is accepted by the foreign permanent ID (was frozen)."""
    body = "966124" + "19800101" + "002"
    number = body + gb11643_check(body)
    assert not foreign_permanent_id.is_valid(number)
    divisions.register("660000", "测试省")
    assert foreign_permanent_id.is_valid(number, as_of=date(2026, 1, 1))
