"""外国人永久居留身份证 (permanent residence ID card for foreigners).

The 2023 card (issued since 2023-12-01; 国家移民管理局公告) has 18 digits:

====== ====== ==============================================================
chars  length meaning
====== ====== ==============================================================
1      1      ``9``, the card's own leading digit
2-3    2      GB/T 2260 province code of the accepting authority
4-6    3      ISO 3166-1 numeric nationality code
7-14   8      birth date ``YYYYMMDD``
15-17  3      sequence code (odd: male)
18     1      ISO 7064 MOD 11-2 check character, as in GB 11643
====== ====== ==============================================================

Older cards (2004 and 2017 designs) carry 15 characters: the ISO 3166-1
alpha-3 nationality code and 12 digits whose finer structure is not
confirmed, so only their shape and nationality are checked.

:data:`NATIONALITIES` maps numeric codes to alpha-3 codes (ISO 3166-1, current
codes, generated from pycountry); it is data you may extend for a code missing from it.

>>> from credit_disclosure.identifiers import foreign_permanent_id
>>> foreign_permanent_id.parse("932682198501010017").nationality_alpha3
'SAU'
"""

from __future__ import annotations

from ._countries import NATIONALITIES
from ._foreign_permanent_id import (
    ForeignPermanentIdInfo,
    compact,
    format,
    generate,
    is_valid,
    parse,
    validate,
)

__all__ = [
    "NATIONALITIES",
    "ForeignPermanentIdInfo",
    "compact",
    "format",
    "generate",
    "is_valid",
    "parse",
    "validate",
]
