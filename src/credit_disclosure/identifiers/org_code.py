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

import random
from typing import Final

import attrs

from . import _checkdigits, _common

# The shared helpers, bound to private names: this module exports only __all__.
_ORG_ALPHABET = _checkdigits.ORG_ALPHABET
_ORG_TO_B13 = _checkdigits.ORG_TO_B13
_gb11714 = _checkdigits.gb11714
_DIGITS = _common.DIGITS
_checksum_error = _common.checksum_error
_compact = _common.compact
_first_bad = _common.first_bad
_format_error = _common.format_error
_generate_part = _common.generate_part
_length_error = _common.length_error
_rng_of = _common.rng_of

__all__ = [
    "OrgCodeInfo",
    "compact",
    "format",
    "generate",
    "is_valid",
    "parse",
    "validate",
]

_M: Final = "org_code"
_BODY: Final = frozenset(_ORG_ALPHABET)
_CHECK: Final = frozenset("0123456789X")


@attrs.frozen
class OrgCodeInfo:
    """The parts of a 组织机构代码: the 8-character 本体代码 and the check character.

    >>> parse("59467239-9")
    OrgCodeInfo(body='59467239', check='9')
    """

    #: 本体代码 (positions 1-8).
    body: str
    #: 校验码 (position 9), GB 11714-1997 5.
    check: str


def compact(s: str) -> str:
    """Strip separators (the usual hyphen too), fold full-width characters, upper-case.

    >>> compact("５９４６７２３９－９")
    '594672399'
    """
    return _compact(s, _M)


def validate(s: str) -> str:
    """Return the compact code or raise ``org_code.length``, ``.format`` or ``.checksum``.

    >>> validate("59467239-9")
    '594672399'
    >>> validate("59467239-8")
    Traceback (most recent call last):
        ...
    credit_disclosure.errors.InvalidChecksum: org_code.checksum at position 8: check character does not match the rest of the value (校验码不正确)
    """
    c = _compact(s, _M)
    if len(c) != 9:
        raise _length_error(_M, len(c), 9)
    body = c[:8]
    t = body.translate(_ORG_TO_B13)
    if not (t.isascii() and t.isalnum()) or c[8] not in _CHECK:
        bad = _first_bad(body, _BODY)
        if bad >= 0:
            raise _format_error(_M, bad, "a digit or an upper-case letter", "数字或大写字母")
        raise _format_error(_M, 8, "a digit or X", "数字或X")
    # C9 = 11 - (sum mod 11); 10 is X, 11 is 0 (GB 11714-1997 5).
    if "0123456789X0"[11 - (2 * int(t, 13)) % 11] != c[8]:
        raise _checksum_error(_M, 8)
    return c


def is_valid(s: object) -> bool:
    """Whether ``s`` is a valid code; never raises.

    >>> is_valid("594672399"), is_valid(594672399)
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
    """The printed form ``XXXXXXXX-C``.

    >>> format("594672399")
    '59467239-9'
    """
    c = validate(s)
    return f"{c[:8]}-{c[8]}"


def parse(s: str) -> OrgCodeInfo:
    """Validate ``s`` and split it into body and check character.

    >>> parse("MA62K0260").body
    'MA62K026'
    """
    c = validate(s)
    return OrgCodeInfo(body=c[:8], check=c[8])


def generate(
    *, body: str | None = None, rng: random.Random | None = None, seed: int | None = None
) -> str:
    """A valid random code (digits only unless ``body`` is given) for test data.

    >>> validate(generate(seed=3)) == generate(seed=3)
    True
    >>> generate(body="59467239")
    '594672399'
    """
    r = _rng_of(rng, seed)
    if body is None:
        body = "".join(r.choice(_DIGITS) for _ in range(8))
    _generate_part(
        _M, "body", body, 8, _ORG_ALPHABET, ("digits or upper-case letters", "数字或大写字母")
    )
    return validate(body + _gb11714(body))
