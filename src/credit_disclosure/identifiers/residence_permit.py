"""港澳台居民居住证 (residence permit for Hong Kong, Macao and Taiwan residents), since 2018-09-01.

18 characters built like a 居民身份证号码 (GB 11643-1999): the address code is
``810000`` (Hong Kong), ``820000`` (Macao) or ``830000`` (Taiwan), then the birth
date, a sequence code (odd: male) and the MOD 11-2 check character.
Source: 《港澳台居民居住证申领发放办法》(国办发〔2018〕81号), whose permit carries a
公民身份号码, and 公安部's coding rule for it (2018): 地址码 810000 / 820000 / 830000
(REFERENCE.md 4, certainty H).

>>> from credit_disclosure.identifiers import residence_permit
>>> residence_permit.parse("830000 19990101 0026").region_name_en
'Taiwan'
"""

from __future__ import annotations

from ._residence_permit import (
    REGIONS,
    ResidencePermitInfo,
    compact,
    format,
    generate,
    is_valid,
    parse,
    validate,
)

__all__ = [
    "REGIONS",
    "ResidencePermitInfo",
    "compact",
    "format",
    "generate",
    "is_valid",
    "parse",
    "validate",
]
