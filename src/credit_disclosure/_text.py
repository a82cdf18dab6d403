"""Shared text helpers: full-width to half-width, separator stripping.

Data pasted from Chinese office files is full of full-width characters
(``９１５１…``, ``－``, the ideographic space) and stray separators. These
helpers are one ``str.translate`` each, so they cost little on hot paths.
"""

from __future__ import annotations

from typing import Final

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
