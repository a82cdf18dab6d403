"""居民身份证号码 (citizen identity number), GB 11643-1999.

18 characters:

====== ====== ============================================================
chars  length meaning
====== ====== ============================================================
1-6    6      地址码: GB/T 2260 division where the number was first issued
7-14   8      出生日期码: birth date ``YYYYMMDD``
15-17  3      顺序码: sequence; odd for men, even for women
18     1      校验码: ISO 7064 MOD 11-2 (``X`` for 10, often written ``x``)
====== ====== ============================================================

The division must exist now or have existed at some time (codes are retired
when counties merge; the numbers stay valid). It is deliberately not tied to
the birth year: the number is issued where the person registered, often years
after birth (someone born in 1940 in Pudong rightly holds 310115, a 1992 code).
Legacy 15-digit numbers (``YYMMDD``, no check digit) convert with :func:`upgrade`.

>>> from datetime import date
>>> from credit_disclosure.identifiers import resident_id
>>> resident_id.validate("11010519491231002x")
'11010519491231002X'
>>> resident_id.parse("310115194001010018").gender
<Gender.MALE: 'male'>
>>> resident_id.is_valid("110105203001010028", as_of=date(2026, 1, 1))
False
"""

from __future__ import annotations

from ._resident_id import (
    ResidentIdInfo,
    compact,
    format,
    generate,
    is_valid,
    parse,
    upgrade,
    validate,
)

__all__ = [
    "ResidentIdInfo",
    "compact",
    "format",
    "generate",
    "is_valid",
    "parse",
    "upgrade",
    "validate",
]
