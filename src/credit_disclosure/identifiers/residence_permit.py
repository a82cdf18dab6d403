"""港澳台居民居住证 (residence permit for Hong Kong, Macao and Taiwan residents), since 2018-09-01.

18 characters built like a 居民身份证号码 (GB 11643-1999): the address code is
``810000`` (Hong Kong), ``820000`` (Macao) or ``830000`` (Taiwan), then the birth
date, a sequence code (odd: male) and the MOD 11-2 check character.
Source: 《港澳台居民居住证申领发放办法》(国办发〔2018〕81号), whose permit carries a
公民身份号码, and 公安部's coding rule for it (2018): 地址码 810000 / 820000 / 830000
(docs/sources.md#src-residence-permit, certainty H).

>>> from credit_disclosure.identifiers import residence_permit
>>> residence_permit.parse("830000 19990101 0026").region_name_en
'Taiwan'
"""

from __future__ import annotations

import random
from datetime import date
from typing import Final

import attrs

from . import _checkdigits, _common

# The shared helpers, bound to private names: this module exports only __all__.
_gb11643 = _checkdigits.gb11643
_Gender = _common.Gender
_check18 = _common.check18
_compact = _common.compact
_gender_of = _common.gender_of
_random_birth_date = _common.random_birth_date
_random_sequence = _common.random_sequence
_rng_of = _common.rng_of
_to_date = _common.to_date

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

_M: Final = "residence_permit"

#: 《港澳台居民居住证申领发放办法》(国办发〔2018〕81号) gives the permit a 公民身份号码;
#: 公安部's coding rule for it (2018): the 地址码 is 810000 (Hong Kong), 820000 (Macao)
#: or 830000 (Taiwan) (docs/sources.md#src-residence-permit, certainty H).
REGIONS: Final[dict[str, tuple[str, str]]] = {
    "810000": ("香港", "Hong Kong"),
    "820000": ("澳门", "Macao"),
    "830000": ("台湾", "Taiwan"),
}
_PREFIX_MESSAGES: Final = (
    "must start with 810000, 820000 or 830000",
    "地址码应为810000、820000或830000",
)


@attrs.frozen
class ResidencePermitInfo:
    """The parts of a residence permit number.

    >>> info = parse("810000199408230021")
    >>> info.region, info.region_name, info.birth_date, info.gender
    ('810000', '香港', datetime.date(1994, 8, 23), <Gender.FEMALE: 'female'>)
    """

    #: 810000, 820000 or 830000.
    region: str
    #: The region's name in Chinese.
    region_name: str
    #: The region's name in English.
    region_name_en: str
    #: Birth date (positions 7-14).
    birth_date: date
    #: Sequence code (positions 15-17).
    sequence: str = attrs.field(repr=False)
    #: Gender from the sequence code's last digit (odd: male).
    gender: _Gender
    #: Check character (position 18).
    check: str = attrs.field(repr=False)


def compact(s: str) -> str:
    """Strip separators, fold full-width characters, upper-case the ``x``.

    >>> compact("830000 19990101 002x")
    '83000019990101002X'
    """
    return _compact(s, _M)


def validate(s: str, *, as_of: date | None = None) -> str:
    """Return the compact number or raise ``residence_permit.*`` (length, format, checksum,
    division (not one of the three prefixes), birth_date).

    >>> validate("810000199408230021")
    '810000199408230021'
    >>> validate("110105194912310029")
    Traceback (most recent call last):
        ...
    credit_disclosure.errors.InvalidChecksum: residence_permit.checksum at position 17: check character does not match the rest of the value (校验码不正确)
    """
    return _check18(_M, s, as_of, REGIONS, _PREFIX_MESSAGES)


def is_valid(s: object, *, as_of: date | None = None) -> bool:
    """Whether ``s`` is a valid number; never raises.

    >>> is_valid("810000199408230021"), is_valid("11010519491231002X")
    (True, False)
    """
    if not isinstance(s, str):
        return False
    try:
        _check18(_M, s, as_of, REGIONS, _PREFIX_MESSAGES)
    except ValueError:
        return False
    return True


def format(s: str) -> str:
    """The printed form: the 18 compact characters.

    >>> format("810000 19940823 0021")
    '810000199408230021'
    """
    return validate(s)


def parse(s: str, *, as_of: date | None = None) -> ResidencePermitInfo:
    """Validate ``s`` and return its parts.

    >>> parse("810000199408230021").region_name_en
    'Hong Kong'
    """
    c = validate(s, as_of=as_of)
    zh, en = REGIONS[c[:6]]
    return ResidencePermitInfo(
        region=c[:6],
        region_name=zh,
        region_name_en=en,
        birth_date=_to_date(c[6:14]),
        sequence=c[14:17],
        gender=_gender_of(c[16]),
        check=c[17],
    )


def generate(
    *,
    region: str | None = None,
    birth_date: date | None = None,
    gender: _Gender | str | None = None,
    rng: random.Random | None = None,
    seed: int | None = None,
) -> str:
    """A valid random number for test data.

    >>> generate(region="830000", seed=2)[:6]
    '830000'
    """
    r = _rng_of(rng, seed)
    if region is None:
        region = r.choice(sorted(REGIONS))
    body = region + _random_birth_date(r, birth_date) + _random_sequence(_M, r, gender)
    return validate(body + _gb11643(body))
