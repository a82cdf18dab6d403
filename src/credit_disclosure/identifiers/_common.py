"""What every identifier module shares: errors, dates, the random source, the protocol."""

from __future__ import annotations

import enum
import random
import time as _time
from collections.abc import Container
from datetime import date, datetime, timedelta
from typing import Final, Protocol

from .._dates import as_date
from .._text import compact_identifier
from ..errors import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
)


class Gender(enum.Enum):
    """Gender encoded in a number's sequence digit: odd is male, even is female (GB 11643-1999 4.4).

    >>> Gender.MALE.value, Gender("female")
    ('male', <Gender.FEMALE: 'female'>)
    """

    MALE = "male"
    FEMALE = "female"


class IdentifierModule(Protocol):
    """The verbs every identifier module offers (a module satisfies this protocol).

    >>> from credit_disclosure.identifiers import uscc
    >>> def check(kind: IdentifierModule, value: str) -> bool:
    ...     return kind.is_valid(value)
    >>> check(uscc, "91512081MA62K0260E")
    True
    """

    def compact(self, s: str) -> str:
        """Strip separators, fold full-width characters, upper-case."""

    def validate(self, s: str) -> str:
        """Return the compact form or raise a ValidationError subclass."""

    def is_valid(self, s: object) -> bool:
        """Whether ``s`` is valid; never raises."""

    def format(self, s: str) -> str:
        """The usual printed form."""

    def parse(self, s: str) -> object:
        """A frozen info object describing the parts."""

    def generate(self, *, rng: random.Random | None = None, seed: int | None = None) -> str:
        """A valid random value for test data."""


def compact(s: str, module: str) -> str:
    """Compact ``s`` (see :func:`credit_disclosure._text.compact_identifier`), checking its type."""
    if not isinstance(s, str):
        raise InvalidFormat(
            f"{module}.type",
            message_en=f"expected text, got {type(s).__name__}",
            message_zh=f"应为文本，实际为 {type(s).__name__}",
        )
    # Fast path: already compact apart from case (the usual input), no table walk.
    if s.isascii() and s.isalnum():
        return s.upper()
    return compact_identifier(s)


def rng_of(rng: random.Random | None, seed: int | None) -> random.Random:
    """The random source for ``generate``: ``rng``, else a new one seeded with ``seed``."""
    if rng is not None:
        return rng
    return random.Random(seed)


# ---------------------------------------------------------------------- errors


def length_error(
    module: str, got: int, *expected: int, hint_en: str = "", hint_zh: str = ""
) -> InvalidLength:
    """``<module>.length``: the value has ``got`` characters instead of one of ``expected``.

    >>> print(length_error("foreign_permanent_id", 5, 18, 15))
    foreign_permanent_id.length: must be 18 or 15 characters long, got 5 (长度应为18或15位，实际为5位)
    """
    return InvalidLength(
        f"{module}.length",
        message_en=f"must be {' or '.join(map(str, expected))} characters long, got {got}{hint_en}",
        message_zh=f"长度应为{'或'.join(map(str, expected))}位，实际为{got}位{hint_zh}",
    )


def format_error(module: str, position: int, allowed_en: str, allowed_zh: str) -> InvalidFormat:
    """``<module>.format``: the character at ``position`` is not allowed there."""
    return InvalidFormat(
        f"{module}.format",
        message_en=f"character {position + 1} must be {allowed_en}",
        message_zh=f"第{position + 1}位应为{allowed_zh}",
        position=position,
    )


def checksum_error(module: str, position: int) -> InvalidChecksum:
    """``<module>.checksum``: the check character does not match."""
    return InvalidChecksum(
        f"{module}.checksum",
        message_en="check character does not match the rest of the value",
        message_zh="校验码不正确",
        position=position,
    )


def component_error(
    module: str, what: str, position: int, message_en: str, message_zh: str
) -> InvalidComponent:
    """``<module>.<what>``: a part starting at ``position`` is unknown or impossible."""
    return InvalidComponent(
        f"{module}.{what}", message_en=message_en, message_zh=message_zh, position=position
    )


#: ASCII digits (``str.isdigit`` also accepts other scripts' digits).
DIGITS: Final = "0123456789"
#: What :func:`generate_part` says digits are.
DIGITS_WHAT: Final = ("digits", "数字")


def first_bad(value: str, allowed: str | frozenset[str]) -> int:
    """Index of the first character of ``value`` not in ``allowed`` (-1 if none)."""
    for i, ch in enumerate(value):
        if ch not in allowed:
            return i
    return -1


# ------------------------------------------------------------------------ dates

#: Earliest birth date accepted (docs/sources.md#src-gb-11643: not before 1900).
MIN_YMD: Final = "19000101"
_MMDD: Final[frozenset[str]] = frozenset(
    f"{m:02d}{d:02d}"
    for m, days in enumerate((31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31), start=1)
    for d in range(1, days + 1)
)

_today_ymd: str = ""
_today_expires: float = 0.0


def today_ymd() -> str:
    """Today's local date as ``YYYYMMDD``, recomputed only when midnight passes."""
    global _today_ymd, _today_expires
    now = _time.time()
    if now >= _today_expires:
        today = date.today()
        _today_ymd = f"{today.year:04d}{today.month:02d}{today.day:02d}"
        tomorrow = datetime.combine(today + timedelta(days=1), datetime.min.time())
        _today_expires = tomorrow.timestamp()
    return _today_ymd


_YMD: dict[date, str] = {}


def ymd(day: object, name: str = "as_of") -> str:
    """``day`` as ``YYYYMMDD`` (memoised: batch checks pass the same few ``as_of`` dates).

    ``name`` is the parameter ``day`` came from, for the error when it is not a date.

    >>> ymd(date(1949, 12, 31))
    '19491231'
    >>> ymd("1949-12-31")
    Traceback (most recent call last):
        ...
    credit_disclosure.errors.ArgumentTypeError: argument.type in field as_of: as_of must be a datetime.date, not str (as_of 应为日期 (datetime.date)，而不是 str)
    """
    text = _YMD.get(day) if day.__class__ is date else None
    if text is None:
        day = as_date(day, name, "argument.type")  # the one date-argument rule
        text = f"{day.year:04d}{day.month:02d}{day.day:02d}"
        if len(_YMD) < 4096:
            _YMD[day] = text
    return text


def is_calendar_date(value: str) -> bool:
    """Whether 8 ASCII digits ``YYYYMMDD`` name a real calendar date."""
    mmdd = value[4:]
    if mmdd in _MMDD:
        return True
    year = int(value[:4])
    return mmdd == "0229" and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def check_birth_date(module: str, value: str, as_of: date | None, start: int = 6) -> None:
    """Raise ``<module>.birth_date`` unless ``value[start:start+8]`` is a date in [1900, as_of].

    ``as_of`` defaults to today's local date. GB 11643-1999 4.2:
    a real calendar date, not before 1900 and not after the date of the check.

    >>> check_birth_date("resident_id", "11010519491231002X", date(1949, 12, 31))
    >>> check_birth_date("resident_id", "11010519491231002X", date(1949, 12, 30))
    Traceback (most recent call last):
        ...
    credit_disclosure.errors.InvalidComponent: resident_id.birth_date at position 6: birth date is after the date of the check (出生日期晚于核验日期)
    """
    d = value[start : start + 8]
    limit = today_ymd() if as_of is None else ymd(as_of)
    if MIN_YMD <= d <= limit and (d[4:] in _MMDD or is_calendar_date(d)):
        return
    if not is_calendar_date(d):
        raise component_error(
            module, "birth_date", start, "birth date is not a calendar date", "出生日期不是有效日期"
        )
    if d < MIN_YMD:
        raise component_error(
            module, "birth_date", start, "birth date is before 1900", "出生日期早于1900年"
        )
    raise component_error(
        module,
        "birth_date",
        start,
        "birth date is after the date of the check",
        "出生日期晚于核验日期",
    )


def to_date(value: str) -> date:
    """``YYYYMMDD`` (already checked) as a :class:`date`."""
    return date(int(value[:4]), int(value[4:6]), int(value[6:8]))


def random_birth_date(rng: random.Random, birth_date: date | None) -> str:
    """``birth_date`` or a random date from 1930 to 2005 as ``YYYYMMDD``."""
    if birth_date is None:
        birth_date = date(1930, 1, 1) + timedelta(days=rng.randrange(27394))
    return ymd(birth_date, "birth_date")


def random_sequence(
    module: str, rng: random.Random, gender: Gender | str | None, digits: int = 3
) -> str:
    """A random sequence number whose last digit's parity encodes ``gender``.

    >>> random_sequence("resident_id", random.Random(1), "Female")[-1] in "02468"
    True
    >>> random_sequence("resident_id", random.Random(1), "f")
    Traceback (most recent call last):
        ...
    credit_disclosure.errors.InvalidFormat: resident_id.gender: generate(): gender must be a Gender, 'male' or 'female' (性别应为男或女)
    """
    try:
        g = (
            None
            if gender is None
            else Gender(gender.lower() if isinstance(gender, str) else gender)
        )
    except ValueError:
        raise InvalidFormat(
            f"{module}.gender",
            message_en="generate(): gender must be a Gender, 'male' or 'female'",
            message_zh="性别应为男或女",
        ) from None
    n = rng.randrange(10**digits)
    if (g is Gender.MALE and n % 2 == 0) or (g is Gender.FEMALE and n % 2 == 1):
        n ^= 1
    return f"{n:0{digits}d}"


def generate_part(
    module: str, name: str, value: object, length: int, allowed: str, what: tuple[str, str]
) -> str:
    """Check a part passed to ``generate()``: ``length`` characters from ``allowed``.

    ``what`` describes ``allowed`` in English and Chinese. Raises
    ``<module>.<name>`` (:class:`~credit_disclosure.errors.InvalidFormat`) naming
    the parameter, rather than an error about the whole generated value.

    >>> generate_part("uscc", "division", "310115", 6, "0123456789", ("digits", "数字"))
    '310115'
    >>> generate_part("uscc", "division", "11010", 6, "0123456789", ("digits", "数字"))
    Traceback (most recent call last):
        ...
    credit_disclosure.errors.InvalidFormat: uscc.division: generate(): division must be 6 digits, got 5 characters (generate() 的 division 应为6位数字)
    """
    if not isinstance(value, str):
        got = type(value).__name__
    elif len(value) != length:
        got = f"{len(value)} characters"
    elif (bad := first_bad(value, allowed)) >= 0:
        got = f"a character not allowed at position {bad}"
    else:
        return value
    raise InvalidFormat(
        f"{module}.{name}",
        message_en=f"generate(): {name} must be {length} {what[0]}, got {got}",
        message_zh=f"generate() 的 {name} 应为{length}位{what[1]}",
    )


def gender_of(digit: str) -> Gender:
    """Odd sequence digit is male, even is female (GB 11643-1999 4.4)."""
    return Gender.MALE if int(digit) % 2 else Gender.FEMALE


# --- GB 11643-1999: the 18-character structure of the resident ID, shared by the
# residence permit and the 2023 foreign permanent resident ID card.


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
    c = compact(s, module)
    if len(c) != 18:
        if len(c) == 15 and module == "resident_id":
            raise length_error(
                module,
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
