"""The shared shape of the identifier modules: the protocol's verbs and frozen info objects."""

from __future__ import annotations

from types import ModuleType

import attrs
import pytest

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
