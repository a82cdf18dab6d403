"""Every identifier a 双公示 record names its subject with, validated fast and explained.

One module per identifier, all with the same verbs (:class:`IdentifierModule`):
``compact``, ``validate``, ``is_valid``, ``format``, ``parse`` and ``generate``;
one registry of the kinds (:data:`REGISTRY`, :class:`IdentifierKind`).

>>> from credit_disclosure.identifiers import detect, resident_id, uscc
>>> uscc.is_valid("91512081MA62K0260E")
True
>>> detect("11010519491231002X")
('resident_id',)
"""

from __future__ import annotations

from .._contracts import guard_methods as _guard_methods
from .._contracts import guard_public as _guard_public
from . import (
    business_reg_no,
    divisions,
    foreign_permanent_id,
    org_code,
    residence_permit,
    resident_id,
    uscc,
)
from ._common import Gender, IdentifierModule
from ._detect import candidates, detect
from ._registry import KINDS, REGISTRY, IdentifierKind, identifier_kind

__all__ = [
    "KINDS",
    "REGISTRY",
    "Gender",
    "IdentifierKind",
    "IdentifierModule",
    "business_reg_no",
    "candidates",
    "detect",
    "divisions",
    "foreign_permanent_id",
    "identifier_kind",
    "org_code",
    "residence_permit",
    "resident_id",
    "uscc",
]

# The error contract at the public boundary (docs/errors.md, "Argument errors").
_guard_public(globals())
for _entry in REGISTRY.values():  # the verbs handle junk themselves; generate() is a helper
    _guard_methods(_entry.module, "generate")
