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

import random
from datetime import date
from typing import Final

import attrs

from . import _checkdigits, _common, _divisions

# The shared helpers, bound to private names: this module exports only __all__.
_gb11643 = _checkdigits.gb11643
_DIGITS = _common.DIGITS
_DIGITS_WHAT = _common.DIGITS_WHAT
_Gender = _common.Gender
_check18 = _common.check18
_compact = _common.compact
_first_bad = _common.first_bad
_format_error = _common.format_error
_gender_of = _common.gender_of
_generate_part = _common.generate_part
_length_error = _common.length_error
_random_birth_date = _common.random_birth_date
_random_sequence = _common.random_sequence
_rng_of = _common.rng_of
_to_date = _common.to_date

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

_M: Final = "resident_id"
_RIC_DIVISIONS: Final = _divisions.RESIDENT_ID


@attrs.frozen
class ResidentIdInfo:
    """The parts of a 居民身份证号码 (GB 11643-1999 4).

    ``sequence`` and ``check`` are left out of the repr, so that a logged info
    object never spells out the whole number.

    >>> info = parse("11010519491231002X")
    >>> info.division, info.birth_date, info.gender, info.division_name
    ('110105', datetime.date(1949, 12, 31), <Gender.FEMALE: 'female'>, '北京市朝阳区')
    """

    #: 地址码: GB/T 2260 division where the number was issued (positions 1-6).
    division: str
    #: 出生日期码 (positions 7-14).
    birth_date: date
    #: 顺序码 (positions 15-17); odd is male, even female.
    sequence: str = attrs.field(repr=False)
    #: Gender from the sequence code's last digit.
    gender: _Gender
    #: 校验码 (position 18).
    check: str = attrs.field(repr=False)
    #: Full latest name of the division.
    division_name: str
    #: Whether the division code has since been retired (the number stays valid).
    division_retired: bool


def compact(s: str) -> str:
    """Strip separators, fold full-width characters, upper-case the ``x``.

    >>> compact("110105 19491231 002x")
    '11010519491231002X'
    """
    return _compact(s, _M)


def validate(s: str, *, as_of: date | None = None) -> str:
    """Return the compact number or raise a :class:`~credit_disclosure.errors.ValidationError`.

    Checks the length (``resident_id.length``), the digits (``.format``), the
    check digit (``.checksum``), that the division exists or existed at some
    time (``.division``; not tied to the birth year: the code is where the
    number was issued) and the birth date (``.birth_date``): a real date, not
    before 1900 and not after ``as_of`` (default: today, local time).

    >>> validate("11010519491231002x")
    '11010519491231002X'
    >>> validate("110105194912310021")
    Traceback (most recent call last):
        ...
    credit_disclosure.errors.InvalidChecksum: resident_id.checksum at position 17: check character does not match the rest of the value (校验码不正确)
    """
    return _check18(_M, s, as_of, _RIC_DIVISIONS)


def is_valid(s: object, *, as_of: date | None = None) -> bool:
    """Whether ``s`` is a valid number; never raises.

    >>> is_valid("11010519491231002X"), is_valid(b"11010519491231002X")
    (True, False)
    """
    if not isinstance(s, str):
        return False
    try:
        _check18(_M, s, as_of, _RIC_DIVISIONS)
    except ValueError:
        return False
    return True


def format(s: str) -> str:
    """The printed form: 18 characters, ``X`` upper case.

    >>> format("110105-19491231-002x")
    '11010519491231002X'
    """
    return validate(s)


def parse(s: str, *, as_of: date | None = None) -> ResidentIdInfo:
    """Validate ``s`` and return its parts.

    >>> parse("310115194001010018").division_name
    '上海市浦东新区'
    """
    c = validate(s, as_of=as_of)
    division = _divisions.lookup(c[:6])
    return ResidentIdInfo(
        division=c[:6],
        birth_date=_to_date(c[6:14]),
        sequence=c[14:17],
        gender=_gender_of(c[16]),
        check=c[17],
        division_name="" if division is None else division.full_name,
        division_retired=False if division is None else division.retired,
    )


def upgrade(number15: str) -> str:
    """The 18-digit form of a legacy 15-digit number (GB 11643-1999 annex: insert 19, add check).

    The result is validated: a bad date or division raises ``resident_id.*``.

    >>> upgrade("110105491231002")
    '11010519491231002X'
    """
    c = _compact(number15, _M)
    if len(c) != 15:
        raise _length_error(_M, len(c), 15)
    bad = _first_bad(c, _DIGITS)
    if bad >= 0:
        raise _format_error(_M, bad, "a digit", "数字")
    body = c[:6] + "19" + c[6:]
    return validate(body + _gb11643(body))


def generate(
    *,
    division: str | None = None,
    birth_date: date | None = None,
    gender: _Gender | str | None = None,
    rng: random.Random | None = None,
    seed: int | None = None,
) -> str:
    """A valid random number for test data; parts not given are drawn at random.

    >>> n = generate(division="310115", birth_date=date(1940, 1, 1), gender="male", seed=1)
    >>> n[:14], parse(n).gender
    ('31011519400101', <Gender.MALE: 'male'>)
    """
    r = _rng_of(rng, seed)
    if division is None:
        division = r.choice(_divisions.sample_codes(resident_id=True))
    _generate_part(_M, "division", division, 6, _DIGITS, _DIGITS_WHAT)
    body = division + _random_birth_date(r, birth_date) + _random_sequence(_M, r, gender)
    return validate(body + _gb11643(body))
