"""组织机构代码 (organisation code), GB 11714-1997.

The code every organisation had before the 统一社会信用代码; it lives on as
positions 9-17 of the USCC. 9 characters, usually printed ``XXXXXXXX-C``:

- positions 1-8: 本体代码, digits and upper-case letters (A=10 ... Z=35);
- position 9: check character, ``C = 11 - (sum of value * weight) mod 11`` with
  weights 3, 7, 9, 10, 5, 8, 4, 2; 10 is written ``X`` and 11 ``0``.

The check cannot see a letter swapped for another value 11 apart (``1`` and
``C``): the standard's weights work modulo 11 on values up to 35.

>>> from credit_disclosure.identifiers import org_code
>>> org_code.format("594672399")
'59467239-9'
>>> org_code.is_valid("59467239-8")
False
"""

from __future__ import annotations

from ._org_code import OrgCodeInfo, compact, format, generate, is_valid, parse, validate

__all__ = ["OrgCodeInfo", "compact", "format", "generate", "is_valid", "parse", "validate"]
