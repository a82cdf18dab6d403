"""Shared text helpers: full-width to half-width, separator stripping.

Data pasted from Chinese office files is full of full-width characters
(``９１５１…``, ``－``, the ideographic space) and stray separators. These
helpers are one ``str.translate`` each, so they cost little on hot paths.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final, TypeVar, cast

# Full-width ASCII variants U+FF01..U+FF5E map to U+0021..U+007E; U+3000 is the
# ideographic space.
_HALFWIDTH: Final[dict[int, int]] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_HALFWIDTH[0x3000] = 0x20

#: Characters dropped by :func:`compact_identifier`: white space of every kind,
#: hyphens and dashes, dots, slashes and the zero-width characters that Excel
#: and web forms leave behind.
SEPARATORS: Final[str] = (
    " \t\r\n\v\f\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff"
    "-_./\\:|"
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fb\u00b7"
    # ー (katakana long vowel mark) and ─ (box drawing) are typed as dashes by Chinese IMEs
    "\u30fc\u2500"
    "\uff0d\uff0e\uff0f\uff3f\uff1a\uff5c\uff3c\uff65"
)

_COMPACT_TABLE: Final[dict[int, int | None]] = dict(_HALFWIDTH)
_COMPACT_TABLE.update(dict.fromkeys(map(ord, SEPARATORS)))


def to_halfwidth(text: str) -> str:
    """Turn full-width ASCII variants and the ideographic space into ASCII.

    >>> to_halfwidth("９１５１２０８１ＭＡ６２Ｋ０２６０Ｅ")
    '91512081MA62K0260E'
    >>> to_halfwidth("罚款２０００元")
    '罚款2000元'
    """
    return text.translate(_HALFWIDTH)


def compact_identifier(text: str) -> str:
    """Half-width, separators removed, upper case: the compact form of a code.

    >>> compact_identifier(" ５９４６７２３９－９ ")
    '594672399'
    >>> compact_identifier("11010519491231002x")
    '11010519491231002X'
    """
    return text.translate(_COMPACT_TABLE).upper()


# --- Redaction of identity numbers in messages, reprs and reports --------------------------
#
# Every text the library shows (exception messages, issue messages, reprs, report lines) goes
# through :func:`redact`. It is deliberately blunt: any run of twelve or more digits is hidden,
# also when the digits are split by spaces, hyphens, dots, zero-width characters or the escape
# sequences ``repr()`` writes for them. That covers resident identity numbers (18 characters, or
# 15 digits before 1999), residence permits of Hong Kong, Macao and Taiwan residents (18), foreign
# permanent residence IDs (15 characters with 12 digits, or 18 digits since 2023) and partial
# numbers, whatever was glued before or after them. Dates written with separators (2024-01-31)
# are left alone; a few long non-personal numbers are hidden too, which costs a message little.

#: Fewest digits in a run that :func:`redact` hides (the 2017 foreign permanent residence ID has
#: twelve digits after its three-letter country code).
REDACT_MIN_DIGITS: Final[int] = 12

_JOIN = (
    r"(?:[\s\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff\u00ad"
    r"\-_./\u2010-\u2015\u2212\u30fb\u00b7\u30fc\u2500\uff0d\uff0e\uff0f\uff3f]"
    r"|\\(?:u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|U[0-9a-fA-F]{8}|[ntrfv])){1,3}"
)
_DIGIT_RUN: Final = re.compile(rf"\d(?:\d|[XxＸｘ](?![A-Za-z])|{_JOIN}(?=\d))*")
_DATES: Final = re.compile(
    r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)"
    r"(?:[\s\-/.\u2010-\u2015~]{1,3}(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}[-/.]\d{1,2}))*"
)
_NOT_DIGIT: Final = re.compile(r"\\(?:u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|U[0-9a-fA-F]{8})|[^\dXxＸｘ]")


def _hide(match: re.Match[str]) -> str:
    run = match.group()
    digits = sum(map(str.isdigit, run))
    if digits < REDACT_MIN_DIGITS or _DATES.fullmatch(run):
        return run
    return "*" * len(_NOT_DIGIT.sub("", run))


def redact(text: str) -> str:
    """``text`` with anything that could be an identity number replaced by ``*``.

    Every message, repr and report line of the library goes through this
    function, so that no identity number reaches a log or a terminal (see
    ``docs/errors.md``). Runs of twelve or more digits are hidden, also when
    split by separators; dates and short numbers stay.

    >>> redact("d must be a date, not '11010519491231002X'")
    "d must be a date, not '******************'"
    >>> redact("当事人ID110105 1949 1231 002x违法")
    '当事人ID******************违法'
    >>> redact("row 7: due 2024-01-31, fine 2000 元")
    'row 7: due 2024-01-31, fine 2000 元'
    """
    if sum(map(str.isdigit, text)) < REDACT_MIN_DIGITS:
        return text  # the common case: a message with no long number costs one pass
    return _DIGIT_RUN.sub(_hide, text)


def safe_repr(value: object, limit: int = 40) -> str:
    """A short, redacted ``repr`` of a value for a message: never long, never an ID.

    >>> safe_repr("11010519491231002X")
    "'******************'"
    >>> safe_repr("9" * 100)
    "'************************************..."
    >>> safe_repr(12)
    '12'
    """
    try:
        text = repr(value)
    except Exception:  # a hostile __repr__ must not turn a message into a crash
        text = f"<{type(value).__name__}>"
    text = redact(text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def redact_optional(text: str | None) -> str | None:
    """:func:`redact` that lets ``None`` through (for optional message fields).

    >>> redact_optional(None), redact_optional("CF_WSH")
    (None, 'CF_WSH')
    """
    return None if text is None else redact(text)


_T = TypeVar("_T", bound=type)


def redacted_repr(cls: _T) -> _T:
    """Class decorator: the class's ``repr`` (attrs-made or hand-written) goes through :func:`redact`.

    For value classes that hold what a caller typed (facts, rows, observations):
    whatever field an identity number ends up in, the ``repr`` hides it.

    >>> import attrs
    >>> @redacted_repr
    ... @attrs.frozen
    ... class Note:
    ...     text: str
    >>> Note("当事人110105194912310021")
    Note(text='当事人******************')
    """
    inner = cast("Callable[[object], str]", cls.__repr__)

    def __repr__(self: object) -> str:
        return redact(inner(self))

    __repr__.__qualname__ = f"{cls.__qualname__}.__repr__"
    cls.__repr__ = __repr__  # type: ignore[assignment]
    return cls
