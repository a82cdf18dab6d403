"""Masking (what the portal shows) and field-level encryption (what the database keeps).

>>> from credit_disclosure.privacy import PUBLIC, ValueKind, mask
>>> mask("11010519491231002X", ValueKind.ID_NUMBER)
'1101**********002X'
>>> PUBLIC.mask_record({"CF_XDR_LB": "自然人", "CF_XDR_MC": "张三"})
{'CF_XDR_LB': '自然人', 'CF_XDR_MC': '张*'}
"""

from __future__ import annotations

from .._contracts import guard_methods as _guard_methods
from .._contracts import guard_public as _guard_public
from ._encryptor import TOKEN_VERSION, FieldEncryptor
from ._fields import DEFAULT_FIELD_PRIVACY, FieldPrivacy, Personal
from ._hazmat import Algorithm, Purpose
from ._keyset import DEFAULT_KEYSET_VARIABLE, Key, KeyManagement, Keyset
from ._masking import (
    COMPOUND_SURNAMES,
    DEFAULT_RULES,
    AddressLevel,
    AddressRule,
    EmailRule,
    FreeTextRule,
    KeepEnds,
    MaskRule,
    NameRule,
    PhoneRule,
    ValueKind,
    mask,
)
from ._profiles import (
    INTERNAL,
    NONE,
    PROFILES,
    PUBLIC,
    MaskingProfile,
    UnknownFields,
    get_profile,
)

__all__ = [
    "COMPOUND_SURNAMES",
    "DEFAULT_FIELD_PRIVACY",
    "DEFAULT_KEYSET_VARIABLE",
    "DEFAULT_RULES",
    "INTERNAL",
    "NONE",
    "PROFILES",
    "PUBLIC",
    "TOKEN_VERSION",
    "AddressLevel",
    "AddressRule",
    "Algorithm",
    "EmailRule",
    "FieldEncryptor",
    "FieldPrivacy",
    "FreeTextRule",
    "KeepEnds",
    "Key",
    "KeyManagement",
    "Keyset",
    "MaskRule",
    "MaskingProfile",
    "NameRule",
    "Personal",
    "PhoneRule",
    "Purpose",
    "UnknownFields",
    "ValueKind",
    "get_profile",
    "mask",
]

# The error contract at the public boundary (docs/errors.md, "Argument errors").
_guard_public(globals())
_guard_methods(MaskingProfile, "field_code", "mask_record", "mask_value", "rule_for", "unclassified")
