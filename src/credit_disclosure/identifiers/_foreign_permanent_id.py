"""外国人永久居留身份证 (foreign permanent resident ID card): 2023 18-digit and old 15-character numbers."""

from __future__ import annotations

import random
from datetime import date
from typing import Final

import attrs

from ..errors import InvalidComponent
from . import _divisions
from ._checkdigits import gb11643
from ._common import (
    DIGITS,
    DIGITS_WHAT,
    Gender,
    check_birth_date,
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
from ._countries import NATIONALITIES, alpha3_to_numeric
from ._resident_id import check_gb11643

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
    gender: Gender | None


def compact(s: str) -> str:
    """Strip separators, fold full-width characters, upper-case.

    >>> compact("9326 8219 8501 0100 17")
    '932682198501010017'
    """
    return _compact(s, _M)


def _nationality_error(position: int) -> InvalidComponent:
    return component_error(
        _M, "nationality", position, "unknown ISO 3166-1 nationality code", "国籍代码不存在"
    )


def _validate18(c: str, as_of: date | None) -> str:
    # 外国人永久居留身份证 2023: 9, province, ISO 3166-1 numeric nationality, birth date,
    # sequence, GB 11643 check (REFERENCE.md 4).
    if c[0] != "9":
        raise format_error(_M, 0, "9 on the 2023 card", "9")
    check_gb11643(_M, c)
    if c[1:3] not in _divisions.MAINLAND_PROVINCES:
        raise component_error(
            _M, "province", 1, "unknown province code", "受理地省级行政区划代码不存在"
        )
    if c[3:6] not in NATIONALITIES:
        raise _nationality_error(3)
    check_birth_date(_M, c, as_of)
    return c


def _validate15(c: str) -> str:
    bad = first_bad(c[:3], _LETTERS)
    if bad >= 0:
        raise format_error(_M, bad, "an upper-case letter", "大写字母")
    bad = first_bad(c[3:], DIGITS)
    if bad >= 0:
        raise format_error(_M, bad + 3, "a digit", "数字")
    if alpha3_to_numeric(c[:3]) is None:
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
    raise length_error(_M, n, 18, 15)


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
        numeric = alpha3_to_numeric(c[:3])
        assert numeric is not None  # checked by validate
        return ForeignPermanentIdInfo(2004, numeric, c[:3], None, None, None)
    return ForeignPermanentIdInfo(
        2023,
        c[3:6],
        NATIONALITIES[c[3:6]],
        c[1:3],
        to_date(c[6:14]),
        gender_of(c[16]),
    )


def generate(
    *,
    province: str | None = None,
    nationality: str | None = None,
    birth_date: date | None = None,
    gender: Gender | str | None = None,
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
    r = rng_of(rng, seed)
    if nationality is None:
        nationality = r.choice(sorted(NATIONALITIES))
    generate_part(_M, "nationality", nationality, 3, DIGITS, DIGITS_WHAT)
    alpha3 = NATIONALITIES.get(nationality)
    if alpha3 is None:
        raise _nationality_error(3)
    if old_card:
        return validate(alpha3 + "".join(r.choice(DIGITS) for _ in range(12)))
    if province is None:
        province = r.choice(sorted(_divisions.MAINLAND_PROVINCES))
    generate_part(_M, "province", province, 2, DIGITS, DIGITS_WHAT)
    body = "9" + province + nationality + random_birth_date(r, birth_date)
    body += random_sequence(_M, r, gender)
    return validate(body + gb11643(body))
