"""居民身份证号码 (citizen identity number), GB 11643-1999; shared by the residence permit."""

from __future__ import annotations

import random
from collections.abc import Container
from datetime import date
from typing import Final

import attrs

from . import _divisions
from ._checkdigits import gb11643
from ._common import (
    DIGITS,
    DIGITS_WHAT,
    Gender,
    check_birth_date,
    checksum_error,
    component_error,
    first_bad,
    format_error,
    gender_of,
    generate_part,
    length_error,
    random_birth_date,
    random_sequence,
    rng_of,
    to_date,
)
from ._common import compact as _compact

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
    gender: Gender
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


def check_gb11643(module: str, c: str) -> None:
    """Raise ``<module>.format`` or ``.checksum`` unless the 18 characters ``c`` are 17 ASCII
    digits and their GB 11643-1999 check character (shared by every GB 11643 number).

    >>> check_gb11643("resident_id", "11010519491231002X")
    >>> check_gb11643("resident_id", "110105194912310O2X")
    Traceback (most recent call last):
        ...
    credit_disclosure.errors.InvalidFormat: resident_id.format at position 15: character 16 must be a digit (第16位应为数字)
    """
    body = c[:17]
    if not (body.isascii() and body.isdigit()):
        raise format_error(module, first_bad(body, DIGITS), "a digit", "数字")
    # GB 11643-1999 5.2: ISO 7064 MOD 11-2, weights 2**(17-i) mod 11; base 13 == 2 mod 11.
    if "10X98765432"[(2 * int(body, 13)) % 11] != c[17]:
        if c[17] not in "0123456789X":
            raise format_error(module, 17, "a digit or X", "数字或X")
        raise checksum_error(module, 17)


_DIVISION_MESSAGES: Final = (
    "unknown administrative division",
    "地址码（行政区划代码）不存在",
)


def check18(
    module: str,
    s: str,
    as_of: date | None,
    allowed: Container[str],
    division_messages: tuple[str, str] = _DIVISION_MESSAGES,
) -> str:
    """Validate a GB 11643 number: length, digits, check, ``allowed`` division, birth date."""
    c = _compact(s, module)
    if len(c) != 18:
        if len(c) == 15 and module == _M:
            raise length_error(
                _M,
                15,
                18,
                hint_en=" (a legacy number: convert it with upgrade())",
                hint_zh="（旧版15位号码请先升位）",
            )
        raise length_error(module, len(c), 18)
    check_gb11643(module, c)
    if c[:6] not in allowed:
        raise component_error(module, "division", 0, *division_messages)
    check_birth_date(module, c, as_of)
    return c


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
    return check18(_M, s, as_of, _RIC_DIVISIONS)


def is_valid(s: object, *, as_of: date | None = None) -> bool:
    """Whether ``s`` is a valid number; never raises.

    >>> is_valid("11010519491231002X"), is_valid(b"11010519491231002X")
    (True, False)
    """
    if not isinstance(s, str):
        return False
    try:
        check18(_M, s, as_of, _RIC_DIVISIONS)
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
        birth_date=to_date(c[6:14]),
        sequence=c[14:17],
        gender=gender_of(c[16]),
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
        raise length_error(_M, len(c), 15)
    bad = first_bad(c, DIGITS)
    if bad >= 0:
        raise format_error(_M, bad, "a digit", "数字")
    body = c[:6] + "19" + c[6:]
    return validate(body + gb11643(body))


def generate(
    *,
    division: str | None = None,
    birth_date: date | None = None,
    gender: Gender | str | None = None,
    rng: random.Random | None = None,
    seed: int | None = None,
) -> str:
    """A valid random number for test data; parts not given are drawn at random.

    >>> n = generate(division="310115", birth_date=date(1940, 1, 1), gender="male", seed=1)
    >>> n[:14], parse(n).gender
    ('31011519400101', <Gender.MALE: 'male'>)
    """
    r = rng_of(rng, seed)
    if division is None:
        division = r.choice(_divisions.sample_codes(resident_id=True))
    generate_part(_M, "division", division, 6, DIGITS, DIGITS_WHAT)
    body = division + random_birth_date(r, birth_date) + random_sequence(_M, r, gender)
    return validate(body + gb11643(body))
