"""The key of a record: the deciding body's credit code and the decision number.

A 双公示 record is one decision of one body, so the pair (处罚机关统一社会信用代码
``CF_CFJGDM`` / 许可机关统一社会信用代码 ``XK_XKJGDM``, 决定文书号 ``CF_WSH`` /
``XK_WSH``) names it. Decision numbers are written inconsistently (full-width
digits, ``[2024]`` for ``〔2024〕``, stray spaces), so both parts are compared in
a normal form: half-width, no white space, every opening bracket of the year
written ``〔`` and every closing one ``〕``; the code is upper case without
separators.

What happens when a part is missing or repeated is part of the contract:

- no decision number: the record has no key (:func:`record_key` returns
  ``None``); no event can reach it, and the lifecycle reports it
  (``key.missing``) and derives its state from its facts alone;
- no body code: the key is the number alone; an event keyed by the number
  alone reaches it when no other record has that number;
- a key that two records share: both are reported (``key.duplicate``) and an
  event with that key reaches every one of them;
- an event keyed by the number alone when several bodies used that number:
  reported (``key.ambiguous``), it reaches none of them.
"""

from __future__ import annotations

import re
from typing import ClassVar, Final

import attrs

from .._text import compact_identifier, to_halfwidth
from ..errors import InvalidFormat

__all__ = ["RecordKey", "normalize_decision_number", "record_key"]

_OPEN: Final = "[［【(（〔"
_CLOSE: Final = "]］】)）〕"
_SPACE: Final = re.compile(r"\s+")
# One translate for the common case: half-width, brackets, and the usual white space dropped.
_NUMBER_TABLE: Final[dict[int, str | int | None]] = {
    **{cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)},
    **{ord(c): None for c in " \t\r\n\u3000\u00a0"},
}
_NUMBER_TABLE.update({ord(c): "〔" for c in _OPEN})
_NUMBER_TABLE.update({ord(c): "〕" for c in _CLOSE})
_CODE_ALPHABET: Final = re.compile(r"[0-9A-Z]{18}")
#: what separates the body code from the number in the one-column form
SEPARATOR: Final = "|"


def normalize_decision_number(text: str) -> str:
    """A decision number in the form keys compare: half-width, no spaces, 〔〕 brackets.

    >>> normalize_decision_number(" 京市监罚[２０２４] 12号 ")
    '京市监罚〔2024〕12号'
    >>> normalize_decision_number("长信办发（2020）1号")
    '长信办发〔2020〕1号'
    """
    flat = text.translate(_NUMBER_TABLE)
    return flat if _SPACE.search(flat) is None else _SPACE.sub("", flat)


def _number(value: str) -> str:
    if not isinstance(value, str):
        raise InvalidFormat(
            "key.number",
            message_en=f"a decision number is text, not {type(value).__name__}",
            message_zh="决定文书号应为文本",
        )
    number = normalize_decision_number(value)
    if not number:
        raise InvalidFormat(
            "key.number",
            message_en="a record key needs a decision number (文书号)",
            message_zh="记录键缺少决定文书号",
        )
    return number


def _code(value: str | None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidFormat(
            "key.code",
            message_en=f"a body code is text, not {type(value).__name__}",
            message_zh="机关代码应为文本",
        )
    code = compact_identifier(value)
    return code or None


@attrs.frozen(order=True)
class RecordKey:
    """The key of one record: deciding body code (optional) and decision number, normalised.

    ``str(key)`` is ``"CODE|NUMBER"``, or the number alone when the code is
    unknown; :meth:`parse` reads both forms back, and also a code and a
    number separated by white space.

    >>> key = RecordKey("京市监罚[2024]12号", "11110000000000000X")
    >>> str(key)
    '11110000000000000X|京市监罚〔2024〕12号'
    >>> RecordKey.parse(str(key)) == key
    True
    >>> RecordKey.parse("京市监罚〔2024〕12号").authority_code is None
    True
    >>> RecordKey.SEPARATOR
    '|'
    """

    #: what separates the code from the number in ``str(key)`` (``"CODE|NUMBER"``)
    SEPARATOR: ClassVar[str] = SEPARATOR

    decision_no: str = attrs.field(converter=_number)
    authority_code: str | None = attrs.field(default=None, converter=_code)

    def __str__(self) -> str:
        if self.authority_code is None:
            # a number holding the separator is written after an empty code, to read back whole
            return (SEPARATOR if SEPARATOR in self.decision_no else "") + self.decision_no
        return f"{self.authority_code}{SEPARATOR}{self.decision_no}"

    @classmethod
    def parse(cls, text: str) -> RecordKey:
        """Read a key written ``CODE|NUMBER``, ``CODE NUMBER`` or ``NUMBER``.

        The white-space form needs an 18-character code of digits and capital
        letters before the space; anything else is the number alone. Raises
        :class:`~credit_disclosure.errors.InvalidFormat` (``key.number``) for
        an empty key.

        >>> RecordKey.parse("11110000000000000X 京市监罚〔2024〕12号").authority_code
        '11110000000000000X'
        >>> RecordKey.parse("｜京市监罚〔2024〕12号").authority_code is None
        True
        """
        if not isinstance(text, str):
            raise InvalidFormat(
                "key.number",
                message_en=f"a record key is text, not {type(text).__name__}",
                message_zh="记录键应为文本",
            )
        flat = to_halfwidth(text).strip()
        if SEPARATOR in flat:
            code, _, number = flat.partition(SEPARATOR)
            return cls(number, code.strip() or None)
        head, _, rest = flat.partition(" ")
        if rest.strip() and _CODE_ALPHABET.fullmatch(head.upper()):
            return cls(rest, head)
        return cls(flat)

    def matches(self, other: RecordKey) -> bool:
        """Whether an event keyed ``self`` can be about the record keyed ``other``.

        The numbers must be equal; the codes too when both are known.

        >>> RecordKey("1号").matches(RecordKey("1号", "11110000000000000X"))
        True
        >>> RecordKey("1号", "A" * 18).matches(RecordKey("1号", "B" * 18))
        False
        """
        if self.decision_no != other.decision_no:
            return False
        return (
            self.authority_code is None
            or other.authority_code is None
            or self.authority_code == other.authority_code
        )


def record_key(record: object) -> RecordKey | None:
    """The key of a licence or penalty record (2018 or 2015 standard), ``None`` without a number.

    Reads ``decision_no`` and ``authority_code`` (the deciding body's credit
    code; a 2015 record has none, so its key is the number alone).

    >>> from credit_disclosure.standard import PenaltyRecord
    >>> str(record_key(PenaltyRecord(decision_no="京市监罚〔2024〕1号",
    ...                              authority_code="11110000000000000X")))
    '11110000000000000X|京市监罚〔2024〕1号'
    >>> record_key(PenaltyRecord()) is None
    True
    """
    number = getattr(record, "decision_no", None)
    if not isinstance(number, str) or not normalize_decision_number(number):
        return None
    code = getattr(record, "authority_code", None)
    return RecordKey(number, code if isinstance(code, str) else None)
