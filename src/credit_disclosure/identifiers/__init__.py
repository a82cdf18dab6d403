"""Every identifier a 双公示 record names its subject with, validated fast and explained.

One module per identifier, all with the same verbs (:class:`IdentifierModule`):
``compact``, ``validate``, ``is_valid``, ``format``, ``parse`` and ``generate``.

>>> from credit_disclosure.identifiers import detect, resident_id, uscc
>>> uscc.is_valid("91512081MA62K0260E")
True
>>> detect("11010519491231002X")
('resident_id',)
"""

from __future__ import annotations

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
from ._detect import KINDS, detect

__all__ = [
    "KINDS",
    "Gender",
    "IdentifierModule",
    "business_reg_no",
    "detect",
    "divisions",
    "foreign_permanent_id",
    "org_code",
    "residence_permit",
    "resident_id",
    "uscc",
]
