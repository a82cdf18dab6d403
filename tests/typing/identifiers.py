"""Typed usage of credit_disclosure.identifiers, checked by ``mypy --strict`` (never executed)."""

from __future__ import annotations

import random
from datetime import date

from credit_disclosure.errors import ValidationError
from credit_disclosure.identifiers import (
    KINDS,
    REGISTRY,
    Gender,
    IdentifierKind,
    IdentifierModule,
    business_reg_no,
    candidates,
    detect,
    divisions,
    foreign_permanent_id,
    identifier_kind,
    org_code,
    residence_permit,
    resident_id,
    uscc,
)

# Every module satisfies the shared protocol.
modules: list[IdentifierModule] = [
    uscc,
    org_code,
    resident_id,
    business_reg_no,
    residence_permit,
    foreign_permanent_id,
]
kinds: tuple[str, ...] = KINDS
found: tuple[str, ...] = detect("91512081MA62K0260E")
anything_valid: bool = uscc.is_valid(None) or resident_id.is_valid(b"x")

compact: str = uscc.validate("91512081MA62K0260E", strict=True)
printed: str = org_code.format("594672399")
u: uscc.UsccInfo = uscc.parse("91512081MA62K0260E")
u_division: str = u.division
u_ok: bool = u.org_code_valid
types: dict[str, tuple[str, str, str]] = uscc.AUTHORITY_TYPES

r: resident_id.ResidentIdInfo = resident_id.parse("11010519491231002X", as_of=date(2026, 1, 1))
born: date = r.birth_date
gender: Gender = r.gender
gender_value: str = r.gender.value
upgraded: str = resident_id.upgrade("110105491231002")
generated: str = resident_id.generate(
    division="310115", birth_date=date(1940, 1, 1), gender=Gender.MALE, rng=random.Random(1)
)

p: residence_permit.ResidencePermitInfo = residence_permit.parse("810000199408230021")
f: foreign_permanent_id.ForeignPermanentIdInfo = foreign_permanent_id.parse("932682198501010017")
nationality: str = f.nationality
maybe_born: date | None = f.birth_date
b: business_reg_no.BusinessRegNoInfo = business_reg_no.parse("110105000000182")
o: org_code.OrgCodeInfo = org_code.parse("594672399")

d: divisions.Division | None = divisions.lookup("110103")
if d is not None:
    names: list[str] = [n.name for n in d.names]
    retired: bool = d.retired
divisions.register("119902", "示例区", from_year=2030)
changes: int = divisions.generation()

try:
    uscc.validate("x")
except ValidationError as err:
    code: str = err.code
    where: int | None = err.position

kind: IdentifierKind = identifier_kind("resident_id")
module: IdentifierModule = REGISTRY["uscc"].module
personal: bool = kind.personal and kind.dated
documents: tuple[str, ...] = kind.documents
fits: tuple[str, ...] = candidates("11010519491231002X")
alphabet: str = uscc.ALPHABET
