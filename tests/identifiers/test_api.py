"""The shared shape of the identifier modules: the protocol's verbs and frozen info objects."""

from __future__ import annotations

from datetime import datetime
from types import ModuleType
from typing import Any

import attrs
import pytest

from credit_disclosure.errors import InvalidComponent, InvalidFormat
from credit_disclosure.identifiers import (
    IdentifierModule,
    business_reg_no,
    divisions,
    foreign_permanent_id,
    org_code,
    residence_permit,
    resident_id,
    uscc,
)

INFO_CLASSES: list[tuple[ModuleType, type, str]] = [
    (uscc, uscc.UsccInfo, "91512081MA62K0260E"),
    (org_code, org_code.OrgCodeInfo, "59467239-9"),
    (resident_id, resident_id.ResidentIdInfo, "11010519491231002X"),
    (business_reg_no, business_reg_no.BusinessRegNoInfo, "110105000000182"),
    (residence_permit, residence_permit.ResidencePermitInfo, "810000199408230021"),
    (foreign_permanent_id, foreign_permanent_id.ForeignPermanentIdInfo, "932682198501010017"),
]


@pytest.mark.parametrize(("module", "cls", "value"), INFO_CLASSES)
def test_every_module_has_the_protocol_verbs(module: ModuleType, cls: type, value: str) -> None:
    """Each identifier module offers every verb IdentifierModule names, as a callable."""
    verbs = [name for name in vars(IdentifierModule) if not name.startswith("_")]
    assert sorted(verbs) == ["compact", "format", "generate", "is_valid", "parse", "validate"]
    assert all(callable(getattr(module, verb)) for verb in verbs)


@pytest.mark.parametrize(("module", "cls", "value"), INFO_CLASSES)
def test_parse_returns_a_frozen_attrs_object(module: ModuleType, cls: type, value: str) -> None:
    """parse returns the module's info class, a frozen (immutable, hashable) attrs class."""
    info = module.parse(value)
    assert type(info) is cls and attrs.has(cls)
    field = attrs.fields(cls)[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(info, field, "x")
    assert hash(info) == hash(module.parse(value)) and info == module.parse(value)


def test_division_classes_are_frozen() -> None:
    """Division and DivisionName are frozen attrs values too."""
    d = divisions.lookup("120110")
    assert isinstance(d, divisions.Division) and isinstance(d.names[0], divisions.DivisionName)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        d.code = "x"  # type: ignore[misc]


def test_fixed_codes() -> None:
    """The national authority code and the three permit regions are the documented constants."""
    assert business_reg_no.NATIONAL_AUTHORITY == "100000"
    assert residence_permit.REGIONS == {
        "810000": ("香港", "Hong Kong"),
        "820000": ("澳门", "Macao"),
        "830000": ("台湾", "Taiwan"),
    }


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
