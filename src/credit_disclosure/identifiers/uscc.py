"""统一社会信用代码 (Unified Social Credit Code, USCC), GB 32100-2015.

Issued since 2015-10-01 to every legal person and other organisation. 18
characters from the alphabet ``0-9 A-H J-N P-R T U W-Y`` (no I, O, S, V, Z):

====== ======= =====================================================
chars  length  meaning
====== ======= =====================================================
1      1       登记管理部门代码 registration authority (1-9, A, N, Y)
2      1       机构类别代码 institution type under that authority
3-8    6       登记管理机关行政区划码, GB/T 2260 division (or 100000)
9-17   9       主体标识码: the GB 11714 组织机构代码 with its own check digit
18     1       check character, GB 32100-2015 4.2 (weights 3**i mod 31)
====== ======= =====================================================

>>> from credit_disclosure.identifiers import uscc
>>> uscc.validate("９１５１２０８１ＭＡ６２Ｋ０２６０Ｅ")
'91512081MA62K0260E'
>>> uscc.parse("91110000600037341L").org_type_name
'企业'
>>> uscc.is_valid("91512081MA62K0260F")
False
"""

from __future__ import annotations

from ._uscc import (
    AUTHORITY_TYPES,
    NATIONAL_DIVISION,
    UsccInfo,
    compact,
    format,
    generate,
    is_valid,
    parse,
    validate,
)

__all__ = [
    "AUTHORITY_TYPES",
    "NATIONAL_DIVISION",
    "UsccInfo",
    "compact",
    "format",
    "generate",
    "is_valid",
    "parse",
    "validate",
]
