"""Check-digit algorithms of the Chinese identifier standards.

Each algorithm is a weighted sum modulo a prime. Instead of a Python loop over
the characters, the fast paths turn the weighted sum into one ``int(text, base)``
call: if the weights are the powers ``w**k`` of some ``w`` modulo ``p``, then
reading the (translated) characters as digits in a base ``B`` with
``B % p == w % p`` gives the same sum modulo ``p``. ``int()`` runs in C, so a
check costs well under a microsecond.

>>> gb11643("11010519491231002")
'X'
>>> gb32100("91512081MA62K0260")
'E'
>>> gb11714("59467239")
'9'
>>> iso7064_mod11_10("11010500000018")
'2'
"""

from __future__ import annotations

from typing import Final

#: GB 32100-2015 4.2: the 31 characters of the 统一社会信用代码 (no I O S V Z).
USCC_ALPHABET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"
#: GB 11714-1997: 组织机构代码 本体代码 characters (digits and upper-case letters).
ORG_ALPHABET: Final = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_B36: Final = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

#: USCC character -> base-34 digit of its value. 34 % 31 == 3 and the GB 32100
#: weights are 3**i (i from the left), so int(reversed, 34) % 31 is the sum.
#: Every other ASCII letter maps to "!" so that a translated string is
#: alphanumeric only if every character is in the alphabet.
USCC_TO_B34: Final[dict[int, int]] = {ord(c): ord("!") for c in _B36}
USCC_TO_B34.update({ord(c): ord(_B36[v]) for v, c in enumerate(USCC_ALPHABET)})
#: The same mapping as a bytes table (every other byte maps to ``!``): translating
#: ASCII bytes through a 256-byte table is four times faster than ``str.translate``.
USCC_TO_B34_BYTES: Final = bytes(USCC_TO_B34.get(b, ord("!")) for b in range(256))
USCC_VALUE: Final[dict[str, int]] = {c: v for v, c in enumerate(USCC_ALPHABET)}

#: 组织机构代码 character -> base-13 digit of (value mod 11). The GB 11714
#: weights 3,7,9,10,5,8,4,2 are 3*6**i mod 11, so the weighted sum is
#: 2*int(translated, 13) mod 11 (6**-1 == 2 and 3*6**7 == 2 mod 11).
ORG_TO_B13: Final[dict[int, int]] = {ord(c): ord(_B36[v % 11]) for v, c in enumerate(ORG_ALPHABET)}


def gb11643(body: str) -> str:
    """GB 11643-1999 (ISO 7064 MOD 11-2) check character of 17 ASCII digits.

    Weights are ``2**(17-i) mod 11``; ``int(body, 13)`` does the sum because
    ``13 % 11 == 2``.

    >>> gb11643("36042619910101007")
    '1'
    """
    return "10X98765432"[(2 * int(body, 13)) % 11]


def gb32100(body: str) -> str:
    """GB 32100-2015 check character of the first 17 characters of a USCC.

    ``C18 = 31 - (sum of value * 3**i) mod 31``, 31 written as ``0``.

    >>> gb32100("91110000600037341")
    'L'
    """
    total = int(body.translate(USCC_TO_B34)[::-1], 34)
    return USCC_ALPHABET[-total % 31]


def gb11714(body: str) -> str:
    """GB 11714-1997 check character of an 8-character 组织机构代码 本体代码.

    ``C9 = 11 - (sum of value * weight) mod 11``; 10 is written ``X``, 11 ``0``.

    >>> gb11714("MA62K026")
    '0'
    """
    total = 2 * int(body.translate(ORG_TO_B13), 13)
    return "0123456789X0"[11 - total % 11]


# ISO 7064 MOD 11,10 (hybrid): state p in 1..10, p' = (2 * (((p + d) % 10) or 10)) % 11.
_MOD11_10_NEXT: Final = [[(2 * (((p + d) % 10) or 10)) % 11 for d in range(10)] for p in range(11)]


def iso7064_mod11_10(body: str) -> str:
    """ISO 7064 MOD 11,10 check digit (工商注册号, GS15-2006) of ASCII digits.

    >>> iso7064_mod11_10("44030100000019")
    '1'
    """
    p = 10
    table = _MOD11_10_NEXT
    for ch in body:
        p = table[p][ord(ch) - 48]
    return str((11 - p) % 10)


def iso7064_mod11_10_ok(number: str) -> bool:
    """Whether ASCII digits ``number`` ends in its ISO 7064 MOD 11,10 check digit.

    >>> iso7064_mod11_10_ok("110105000000182")
    True
    """
    p = 10
    table = _MOD11_10_NEXT
    for ch in number[:-1]:
        p = table[p][ord(ch) - 48]
    return (p + ord(number[-1]) - 48) % 10 == 1
