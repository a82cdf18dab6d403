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

import random
from datetime import date
from typing import Final

import attrs

from .. import errors
from . import _checkdigits, _common, _countries, _divisions
from ._countries import NATIONALITIES

# The shared helpers, bound to private names: this module exports only __all__.
_gb11643 = _checkdigits.gb11643
_DIGITS = _common.DIGITS
_DIGITS_WHAT = _common.DIGITS_WHAT
_Gender = _common.Gender
_check_birth_date = _common.check_birth_date
_check_gb11643 = _common.check_gb11643
_compact = _common.compact
_component_error = _common.component_error
_first_bad = _common.first_bad
_format_error = _common.format_error
_gender_of = _common.gender_of
_generate_part = _common.generate_part
_length_error = _common.length_error
_random_birth_date = _common.random_birth_date
_random_sequence = _common.random_sequence
_rng_of = _common.rng_of
_to_date = _common.to_date
_alpha3_to_numeric = _countries.alpha3_to_numeric
_InvalidComponent = errors.InvalidComponent

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

_M: Final = "foreign_permanent_id"
_LETTERS: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@attrs.frozen
class ForeignPermanentIdInfo:
    """The parts of a 外国人永久居留身份证 number.

    For the 2023 card every part is known. For the old 15-character card only
    the nationality is (its letters are the ISO 3166-1 alpha-3 code); the
    finer structure of its 12 digits is not confirmed, so ``province``,
    ``birth_date`` and ``gender`` are ``None``.

    >>> info = parse("911124198108030024")
    >>> info.nationality, info.nationality_alpha3, info.province, info.birth_date, info.gender
    ('124', 'CAN', '11', datetime.date(1981, 8, 3), <Gender.FEMALE: 'female'>)
    """

    #: 2023 for the 18-digit card, 2004 for the old 15-character number.
    card_version: int
    #: ISO 3166-1 numeric nationality code (3 digits).
    nationality: str
    #: ISO 3166-1 alpha-3 nationality code.
    nationality_alpha3: str
    #: Two-digit GB/T 2260 province code of the issuing authority (2023 card).
    province: str | None
    #: Birth date (2023 card).
    birth_date: date | None
    #: Gender from the sequence code (2023 card; odd: male).
    gender: _Gender | None


def compact(s: str) -> str:
    """Strip separators, fold full-width characters, upper-case.

    >>> compact("9326 8219 8501 0100 17")
    '932682198501010017'
    """
    return _compact(s, _M)


def _nationality_error(position: int) -> _InvalidComponent:
    return _component_error(
        _M, "nationality", position, "unknown ISO 3166-1 nationality code", "国籍代码不存在"
    )


def _validate18(c: str, as_of: date | None) -> str:
    # 外国人永久居留身份证 2023: 9, province, ISO 3166-1 numeric nationality, birth date,
    # sequence, GB 11643 check (docs/sources.md#src-foreign-permanent-id).
    if c[0] != "9":
        raise _format_error(_M, 0, "9 on the 2023 card", "9")
    _check_gb11643(_M, c)
    if c[1:3] not in _divisions.MAINLAND_PROVINCES:
        raise _component_error(
            _M, "province", 1, "unknown province code", "受理地省级行政区划代码不存在"
        )
    if c[3:6] not in NATIONALITIES:
        raise _nationality_error(3)
    _check_birth_date(_M, c, as_of)
    return c


def _validate15(c: str) -> str:
    bad = _first_bad(c[:3], _LETTERS)
    if bad >= 0:
        raise _format_error(_M, bad, "an upper-case letter", "大写字母")
    bad = _first_bad(c[3:], _DIGITS)
    if bad >= 0:
        raise _format_error(_M, bad + 3, "a digit", "数字")
    if _alpha3_to_numeric(c[:3]) is None:
        raise _nationality_error(0)
    return c


def validate(s: str, *, as_of: date | None = None) -> str:
    """Return the compact number or raise ``foreign_permanent_id.*``.

    The 2023 card (18 digits): the leading 9 (``.format``), the check digit
    (``.checksum``), the province (``.province``), the nationality
    (``.nationality``) and the birth date (``.birth_date``, not after
    ``as_of``, default today). The old card (15 characters): three letters
    that are an ISO 3166-1 alpha-3 code and twelve digits.

    >>> validate("932682198501010017")
    '932682198501010017'
    >>> validate("CAN110079050311")
    'CAN110079050311'
    >>> validate("932682198501010018")
    Traceback (most recent call last):
        ...
    credit_disclosure.errors.InvalidChecksum: foreign_permanent_id.checksum at position 17: check character does not match the rest of the value (校验码不正确)
    """
    c = _compact(s, _M)
    n = len(c)
    if n == 18:
        return _validate18(c, as_of)
    if n == 15:
        return _validate15(c)
    raise _length_error(_M, n, 18, 15)


def is_valid(s: object, *, as_of: date | None = None) -> bool:
    """Whether ``s`` is a valid number of either card; never raises.

    >>> is_valid("911124198108030024"), is_valid(911124198108030024)
    (True, False)
    """
    if not isinstance(s, str):
        return False
    try:
        validate(s, as_of=as_of)
    except ValueError:
        return False
    return True


def format(s: str) -> str:
    """The printed form: the compact characters.

    >>> format("can 1100 7905 0311")
    'CAN110079050311'
    """
    return validate(s)


def parse(s: str, *, as_of: date | None = None) -> ForeignPermanentIdInfo:
    """Validate ``s`` and return its parts.

    >>> parse("932682198501010017").nationality_alpha3
    'SAU'
    >>> parse("CAN110079050311").nationality
    '124'
    """
    c = validate(s, as_of=as_of)
    if len(c) == 15:
        numeric = _alpha3_to_numeric(c[:3])
        assert numeric is not None  # checked by validate
        return ForeignPermanentIdInfo(2004, numeric, c[:3], None, None, None)
    return ForeignPermanentIdInfo(
        2023,
        c[3:6],
        NATIONALITIES[c[3:6]],
        c[1:3],
        _to_date(c[6:14]),
        _gender_of(c[16]),
    )


def generate(
    *,
    province: str | None = None,
    nationality: str | None = None,
    birth_date: date | None = None,
    gender: _Gender | str | None = None,
    old_card: bool = False,
    rng: random.Random | None = None,
    seed: int | None = None,
) -> str:
    """A valid random number for test data (the 2023 card, or the old card with ``old_card``).

    >>> generate(province="11", nationality="124", seed=5)[:6]
    '911124'
    >>> len(generate(old_card=True, seed=5))
    15
    """
    r = _rng_of(rng, seed)
    if nationality is None:
        nationality = r.choice(sorted(NATIONALITIES))
    _generate_part(_M, "nationality", nationality, 3, _DIGITS, _DIGITS_WHAT)
    alpha3 = NATIONALITIES.get(nationality)
    if alpha3 is None:
        raise _nationality_error(3)
    if old_card:
        return validate(alpha3 + "".join(r.choice(_DIGITS) for _ in range(12)))
    if province is None:
        province = r.choice(sorted(_divisions.MAINLAND_PROVINCES))
    _generate_part(_M, "province", province, 2, _DIGITS, _DIGITS_WHAT)
    body = "9" + province + nationality + _random_birth_date(r, birth_date)
    body += _random_sequence(_M, r, gender)
    return validate(body + _gb11643(body))
