"""工商注册号 (business registration number), GS15-2006.

The 15-digit number market regulators gave enterprises before the
统一社会信用代码 (and still found on older records):

- positions 1-6: 首次登记机关代码, the GB/T 2260 division of the first
  registering authority (``100000`` for the national administration);
- positions 7-14: 顺序码;
- position 15: check digit, ISO 7064 MOD 11,10.

The rule comes from the industry standard GS15-2006 (工商行政管理市场主体注册号编制规则);
REFERENCE.md rates it M (one secondary source).

>>> from credit_disclosure.identifiers import business_reg_no
>>> business_reg_no.is_valid("110105000000182")
True
"""

from __future__ import annotations

from ._business_reg_no import (
    NATIONAL_AUTHORITY,
    BusinessRegNoInfo,
    compact,
    format,
    generate,
    is_valid,
    parse,
    validate,
)

__all__ = [
    "NATIONAL_AUTHORITY",
    "BusinessRegNoInfo",
    "compact",
    "format",
    "generate",
    "is_valid",
    "parse",
    "validate",
]
