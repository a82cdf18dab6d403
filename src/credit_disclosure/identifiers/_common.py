"""What every identifier module shares: errors, dates, the random source, the protocol."""

from __future__ import annotations

import enum
import random
import time as _time
from datetime import date, datetime, timedelta
from typing import Final, Protocol

from .._text import compact_identifier
from ..errors import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength


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


def length_error(module: str, expected: str, got: int) -> InvalidLength:
    """``<module>.length``: the value has ``got`` characters instead of ``expected``."""
    return InvalidLength(
        f"{module}.length",
        message_en=f"must be {expected} characters long, got {got}",
        message_zh=f"长度应为{expected}位，实际为{got}位",
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


def first_bad(value: str, allowed: str | frozenset[str]) -> int:
    """Index of the first character of ``value`` not in ``allowed`` (-1 if none)."""
    for i, ch in enumerate(value):
        if ch not in allowed:
            return i
    return -1


# ------------------------------------------------------------------------ dates

#: Earliest birth date accepted (REFERENCE.md 4: not before 1900).
MIN_YMD: Final = "19000101"
_MMDD: Final[frozenset[str]] = frozenset(
    f"{m:02d}{d:02d}"
    for m, days in enumerate((31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31), start=1)
    for d in range(1, days + 1)
)
_LEAP: Final[frozenset[str]] = frozenset(
    f"{y:04d}" for y in range(1, 10000) if y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
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


def ymd(day: date) -> str:
    """``day`` as ``YYYYMMDD`` (memoised: batch checks pass the same few ``as_of`` dates)."""
    text = _YMD.get(day)
    if text is None:
        text = f"{day.year:04d}{day.month:02d}{day.day:02d}"
        if len(_YMD) < 4096:
            _YMD[day] = text
    return text


def is_calendar_date(value: str) -> bool:
    """Whether 8 ASCII digits ``YYYYMMDD`` name a real calendar date."""
    mmdd = value[4:]
    return mmdd in _MMDD or (mmdd == "0229" and value[:4] in _LEAP)


def check_birth_date(module: str, value: str, start: int, as_of: str) -> None:
    """Raise ``<module>.birth_date`` unless ``value[start:start+8]`` is a date in [1900, as_of]."""
    d = value[start : start + 8]
    if not is_calendar_date(d):
        raise component_error(
            module, "birth_date", start, "birth date is not a calendar date", "出生日期不是有效日期"
        )
    if d < MIN_YMD:
        raise component_error(
            module, "birth_date", start, "birth date is before 1900", "出生日期早于1900年"
        )
    if d > as_of:
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
    return ymd(birth_date)


def random_sequence(rng: random.Random, gender: Gender | str | None, digits: int = 3) -> str:
    """A random sequence number whose last digit's parity encodes ``gender``."""
    g = None if gender is None else Gender(gender)
    n = rng.randrange(10**digits)
    if (g is Gender.MALE and n % 2 == 0) or (g is Gender.FEMALE and n % 2 == 1):
        n ^= 1
    return f"{n:0{digits}d}"


def gender_of(digit: str) -> Gender:
    """Odd sequence digit is male, even is female (GB 11643-1999 4.4)."""
    return Gender.MALE if int(digit) % 2 else Gender.FEMALE
