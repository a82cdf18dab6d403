"""工商注册号 (business registration number), GS15-2006.

The 15-digit number market regulators gave enterprises before the
统一社会信用代码 (and still found on older records):

- positions 1-6: 首次登记机关代码, the GB/T 2260 division of the first
  registering authority (``100000`` for the national administration);
- positions 7-14: 顺序码;
- position 15: check digit, ISO 7064 MOD 11,10.

The rule comes from the industry standard GS15-2006 (工商行政管理市场主体注册号编制规则);
One secondary source (docs/sources.md#src-gs15, certainty M).

>>> from credit_disclosure.identifiers import business_reg_no
>>> business_reg_no.is_valid("110105000000182")
True
"""

from __future__ import annotations

import random
from typing import Final

import attrs

from . import _checkdigits, _common, _divisions

# The shared helpers, bound to private names: this module exports only __all__.
_iso7064_mod11_10 = _checkdigits.iso7064_mod11_10
_iso7064_mod11_10_ok = _checkdigits.iso7064_mod11_10_ok
_DIGITS = _common.DIGITS
_DIGITS_WHAT = _common.DIGITS_WHAT
_checksum_error = _common.checksum_error
_compact = _common.compact
_component_error = _common.component_error
_first_bad = _common.first_bad
_format_error = _common.format_error
_generate_part = _common.generate_part
_length_error = _common.length_error
_rng_of = _common.rng_of

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

_M: Final = "business_reg_no"
#: GS15-2006 4.1: the first six digits are the code of the first registration
#: authority: a GB/T 2260 division, or 100000 for the national administration.
NATIONAL_AUTHORITY: Final = "100000"


@attrs.frozen
class BusinessRegNoInfo:
    """The parts of a 工商注册号 (GS15-2006 4).

    >>> info = parse("110105000000182")
    >>> info.authority, info.authority_name, info.sequence, info.check
    ('110105', '北京市朝阳区', '00000018', '2')
    """

    #: 首次登记机关代码 (positions 1-6).
    authority: str
    #: Name of that authority's division (``全国`` for 100000).
    authority_name: str
    #: 顺序码 (positions 7-14).
    sequence: str
    #: 校验码 (position 15), ISO 7064 MOD 11,10.
    check: str


def compact(s: str) -> str:
    """Strip separators and fold full-width digits.

    >>> compact("１１０１０５ ００００００１８２")
    '110105000000182'
    """
    return _compact(s, _M)


def validate(s: str) -> str:
    """Return the compact number or raise ``business_reg_no.length``, ``.format``,
    ``.checksum`` or ``.division`` (unknown registration authority).

    >>> validate("110105000000182")
    '110105000000182'
    >>> validate("110105000000183")
    Traceback (most recent call last):
        ...
    credit_disclosure.errors.InvalidChecksum: business_reg_no.checksum at position 14: check character does not match the rest of the value (校验码不正确)
    """
    c = _compact(s, _M)
    if len(c) != 15:
        raise _length_error(_M, len(c), 15)
    if not (c.isascii() and c.isdigit()):
        raise _format_error(_M, max(_first_bad(c, _DIGITS), 0), "a digit", "数字")
    if not _iso7064_mod11_10_ok(c):
        raise _checksum_error(_M, 14)
    authority = c[:6]
    if authority not in _divisions.KNOWN and authority != NATIONAL_AUTHORITY:
        raise _component_error(
            _M, "division", 0, "unknown registration authority code", "登记机关代码不存在"
        )
    return c


def is_valid(s: object) -> bool:
    """Whether ``s`` is a valid number; never raises.

    >>> is_valid("110105000000182"), is_valid("110105000000183")
    (True, False)
    """
    if not isinstance(s, str):
        return False
    try:
        validate(s)
    except ValueError:
        return False
    return True


def format(s: str) -> str:
    """The printed form: the 15 digits.

    >>> format("110105 00000018 2")
    '110105000000182'
    """
    return validate(s)


def parse(s: str) -> BusinessRegNoInfo:
    """Validate ``s`` and return its parts.

    >>> parse("100000000000194").authority_name
    '全国'
    """
    c = validate(s)
    division = _divisions.lookup(c[:6])
    return BusinessRegNoInfo(
        authority=c[:6],
        authority_name="全国" if division is None else division.full_name,
        sequence=c[6:14],
        check=c[14],
    )


def generate(
    *, authority: str | None = None, rng: random.Random | None = None, seed: int | None = None
) -> str:
    """A valid random number for test data.

    >>> generate(authority="310115", seed=4)[:6]
    '310115'
    """
    r = _rng_of(rng, seed)
    if authority is None:
        authority = r.choice(_divisions.sample_codes())
    _generate_part(_M, "authority", authority, 6, _DIGITS, _DIGITS_WHAT)
    body = authority + f"{r.randrange(10**8):08d}"
    return validate(body + _iso7064_mod11_10(body))
