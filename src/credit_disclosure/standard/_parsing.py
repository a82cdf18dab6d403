"""Parsing the values of exchange files: dates, amounts, penalty categories.

All hot paths are cached or precompiled: date strings repeat a lot in a batch
(``functools.lru_cache``), regular expressions are compiled at import.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Final

import attrs

from .._text import redacted_repr, to_halfwidth
from ..errors import InvalidFormat
from ._codes import PenaltyType, SubjectCategory

__all__ = [
    "DEFAULT_PENALTY_TYPE_ALIASES",
    "DEFAULT_PENALTY_TYPE_SEPARATORS",
    "DEFAULT_SUBJECT_CATEGORY_ALIASES",
    "OPEN_ENDED_WORDS",
    "PLACEHOLDER_CREDIT_CODE",
    "PenaltyCategories",
    "parse_amount",
    "parse_date",
    "parse_penalty_categories",
]

#: The credit code an individual business (个体工商户) without one writes (790号).
PLACEHOLDER_CREDIT_CODE: Final = "00000000000000000X"

_DATE_SEP = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
)
_DATE_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
# Excel stores dates as days since 1899-12-30; 20000..80000 is 1954..2119.
_EXCEL_EPOCH: Final = date(1899, 12, 30)
#: The words that mean open-ended (长期) in a date field that may be open-ended (有效期至):
#: :func:`parse_date` with ``open_ended=`` and record validation read them as
#: :data:`OPEN_ENDED`; the schemas allow them beside a date.
OPEN_ENDED_WORDS: Final[frozenset[str]] = frozenset({"长期", "长期有效", "永久", "永久有效"})


@functools.lru_cache(maxsize=8192)
def _parse_date_text(text: str) -> date | None:
    s = to_halfwidth(text).strip()
    m = _DATE_SEP.fullmatch(s) or _DATE_COMPACT.fullmatch(s)
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:  # 2023/02/29, month 13
        return None


def _date_or_none(value: object) -> date | None:
    if isinstance(value, str):
        return _parse_date_text(value)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        if 20_000 <= value <= 80_000:
            return _EXCEL_EPOCH + timedelta(days=value)
        return _parse_date_text(str(value))
    return None


def parse_date(value: object, *, open_ended: date | None = None) -> date:
    """Read a date as exchange files write it.

    Accepts ``YYYY/MM/DD``, ``YYYY-MM-DD``, ``YYYYMMDD`` (also single-digit months
    and days, ``YYYY年M月D日``, a trailing ``00:00:00``, full-width digits), a
    :class:`~datetime.date` or :class:`~datetime.datetime`, and an Excel serial
    day number. When ``open_ended`` is given, the words 长期 / 长期有效 / 永久
    mean that date (pass :data:`OPEN_ENDED` for 有效期至). Raises
    :class:`~credit_disclosure.errors.InvalidFormat` (``date.invalid``) for
    anything else, including dates that do not exist.

    >>> parse_date("2024/01/05"), parse_date("20240105"), parse_date("2024-1-5 00:00:00")
    (datetime.date(2024, 1, 5), datetime.date(2024, 1, 5), datetime.date(2024, 1, 5))
    >>> from credit_disclosure.standard import OPEN_ENDED
    >>> parse_date("长期", open_ended=OPEN_ENDED)
    datetime.date(2099, 12, 31)
    >>> parse_date("2023/02/29")
    Traceback (most recent call last):
    ...
    credit_disclosure.errors.InvalidFormat: date.invalid: not a real date ... (不是有效日期...)
    """
    result = _date_or_none(value)
    if (
        result is None
        and open_ended is not None
        and isinstance(value, str)
        and value.strip() in OPEN_ENDED_WORDS
    ):
        return open_ended
    if result is None:
        raise InvalidFormat(
            "date.invalid",
            message_en="not a real date in YYYY/MM/DD, YYYY-MM-DD or YYYYMMDD",
            message_zh="不是有效日期（YYYY/MM/DD、YYYY-MM-DD或YYYYMMDD）",
        )
    return result


_AMOUNT_DROP: Final[dict[int, int | None]] = dict.fromkeys(map(ord, ", \u00a0\u3000"), None)


@functools.lru_cache(maxsize=4096)
def _amount_text(value: str) -> Decimal | None:
    # Amount texts repeat a lot in a batch (0.2, 0.5, 1): parse each once.
    s = to_halfwidth(value).translate(_AMOUNT_DROP)
    if "_" in s:  # Decimal() accepts 1_000; exchange files do not
        return None
    try:
        d = Decimal(s)
    except InvalidOperation:
        return None
    return d if d.is_finite() else None


def _amount_or_none(value: object) -> Decimal | None:
    if isinstance(value, str):
        return _amount_text(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # repr gives the shortest text that round-trips: 0.2, not 0.2000000000000000111
        d = Decimal(repr(value))
        return d if d.is_finite() else None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    return None


def parse_amount(value: object) -> Decimal:
    """Read an amount in 万元 (10,000 yuan) as a :class:`~decimal.Decimal`.

    Text (with thousands separators or full-width digits), ``int``, ``float`` and
    ``Decimal`` are accepted; raises :class:`~credit_disclosure.errors.InvalidFormat`
    (``decimal.invalid``) otherwise.

    >>> parse_amount("0.2"), parse_amount(" 1,000.5 "), parse_amount(0.2)
    (Decimal('0.2'), Decimal('1000.5'), Decimal('0.2'))
    >>> parse_amount("两千")
    Traceback (most recent call last):
    ...
    credit_disclosure.errors.InvalidFormat: decimal.invalid: not a number (不是数字)
    """
    result = _amount_or_none(value)
    if result is None:
        raise InvalidFormat("decimal.invalid", message_en="not a number", message_zh="不是数字")
    return result


#: Separators accepted between penalty categories (not confirmed, ?: docs/sources.md#certainty).
DEFAULT_PENALTY_TYPE_SEPARATORS: Final = ";；,，、"

_BOTH: Final = (PenaltyType.SUSPENSION_OF_PERMIT, PenaltyType.REVOCATION_OF_PERMIT)
#: Other names seen for the 第九条 types (older wording of the 1996 law, short forms).
#: Data, not code: pass ``ValidationOptions(penalty_type_aliases=...)`` to change it.
DEFAULT_PENALTY_TYPE_ALIASES: Final[Mapping[str, tuple[PenaltyType, ...]]] = MappingProxyType(
    {
        "暂扣许可证": (PenaltyType.SUSPENSION_OF_PERMIT,),
        "暂扣执照": (PenaltyType.SUSPENSION_OF_PERMIT,),
        "暂扣许可证件或者执照": (PenaltyType.SUSPENSION_OF_PERMIT,),
        "吊销许可证": (PenaltyType.REVOCATION_OF_PERMIT,),
        "吊销执照": (PenaltyType.REVOCATION_OF_PERMIT,),
        "吊销营业执照": (PenaltyType.REVOCATION_OF_PERMIT,),
        "吊销许可证件或者执照": (PenaltyType.REVOCATION_OF_PERMIT,),
        # 1996 行政处罚法 第八条 (the 2015 standard's code 4)
        "暂扣或者吊销许可证": _BOTH,
        "暂扣或吊销许可证": _BOTH,
        "暂扣或者吊销执照": _BOTH,
        "暂扣或吊销执照": _BOTH,
        "暂扣或者吊销许可证件": _BOTH,
        "没收违法所得和非法财物": (
            PenaltyType.CONFISCATION_OF_ILLEGAL_GAINS,
            PenaltyType.CONFISCATION_OF_ILLEGAL_PROPERTY,
        ),
        "拘留": (PenaltyType.ADMINISTRATIVE_DETENTION,),
        "其他行政处罚": (PenaltyType.OTHER,),
    }
)


#: Older wordings of 行政相对人类别 and what the 2018 standard calls them. Before the
#: 民法总则 (2017) named 非法人组织, exchange files wrote 法人及其他组织; local lists
#: tick 自然人 / 法人 / 其他组织 (长治 2020 通知 长信办发〔2020〕1号, 二、行政处罚事项目录).
#: They are read as the 790号 category with a ``code.alias`` warning. Data, not code: pass
#: ``ValidationOptions(subject_category_aliases=...)`` to change it.
DEFAULT_SUBJECT_CATEGORY_ALIASES: Final[Mapping[str, SubjectCategory]] = MappingProxyType(
    {
        "法人及其他组织": SubjectCategory.LEGAL_PERSON,
        "法人和其他组织": SubjectCategory.LEGAL_PERSON,
        "法人或其他组织": SubjectCategory.LEGAL_PERSON,
        "法人或者其他组织": SubjectCategory.LEGAL_PERSON,
        "法人": SubjectCategory.LEGAL_PERSON,
        "其他组织": SubjectCategory.LEGAL_PERSON,
        "非法人组织": SubjectCategory.LEGAL_PERSON,
    }
)


@redacted_repr
@attrs.frozen
class PenaltyCategories:
    """处罚类别 text read as 第九条 types, with the parts that matched none.

    >>> parse_penalty_categories("警告；罚款").types
    (<PenaltyType.WARNING: '警告'>, <PenaltyType.FINE: '罚款'>)
    """

    types: tuple[PenaltyType, ...]
    unknown: tuple[str, ...] = ()


_CANONICAL: Final[dict[str, tuple[PenaltyType, ...]]] = {t.value: (t,) for t in PenaltyType}


def _split(text: str, separators: str) -> list[str]:
    text = to_halfwidth(text)
    first = separators[0] if separators else ""
    if first:
        text = text.translate({ord(c): first for c in to_halfwidth(separators)})
        return [p.strip() for p in text.split(first)]
    return [text.strip()]


def _categorise(
    text: str, separators: str, aliases: Mapping[str, tuple[PenaltyType, ...]]
) -> PenaltyCategories:
    types: list[PenaltyType] = []
    unknown: list[str] = []
    for part in _split(text, separators):
        if not part:
            continue
        found = _CANONICAL.get(part) or aliases.get(part)
        if found is None and part.startswith("其他"):
            # 第九条 (六): 法律、行政法规规定的其他行政处罚, usually written 其他-<name>
            found = (PenaltyType.OTHER,)
        if found is None:
            unknown.append(part)
            continue
        types.extend(t for t in found if t not in types)
    return PenaltyCategories(tuple(types), tuple(unknown))


@functools.lru_cache(maxsize=4096)
def _categorise_default(text: str) -> PenaltyCategories:
    return _categorise(text, DEFAULT_PENALTY_TYPE_SEPARATORS, DEFAULT_PENALTY_TYPE_ALIASES)


def parse_penalty_categories(
    text: str,
    *,
    separators: str = DEFAULT_PENALTY_TYPE_SEPARATORS,
    aliases: Mapping[str, tuple[PenaltyType, ...]] = DEFAULT_PENALTY_TYPE_ALIASES,
) -> PenaltyCategories:
    """Split 处罚类别 free text into 《行政处罚法》(2021) 第九条 types.

    Parts are separated by any of ``separators`` (default ``; ； , ， 、``: the
    standard does not say which, docs/sources.md#certainty); a part is a type's statutory
    name, an alias from ``aliases``, or starts with 其他 (第九条 (六)). Others are
    returned in :attr:`PenaltyCategories.unknown`. Duplicates are dropped.

    >>> r = parse_penalty_categories("罚款、没收违法所得，没收非法财物;吊销执照;罚金")
    >>> [t.value for t in r.types], r.unknown
    (['罚款', '没收违法所得', '没收非法财物', '吊销许可证件'], ('罚金',))
    >>> parse_penalty_categories("其他-责令改正").types
    (<PenaltyType.OTHER: '其他'>,)
    """
    if separators == DEFAULT_PENALTY_TYPE_SEPARATORS and aliases is DEFAULT_PENALTY_TYPE_ALIASES:
        return _categorise_default(text)
    return _categorise(text, separators, aliases)
