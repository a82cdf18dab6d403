"""The facts a policy needs about one record, stated by the caller, never guessed.

The 2018 data standard (发改办财金〔2018〕790号) records the decision date, the
subject category, the penalty categories and the fine. Policies also need facts
the standard does not carry: the severity tier the deciding body assigned
(长治 2021 实施意见 (八) requires it to be stated; 国办发〔2025〕22号 defines three
tiers), whether the simple procedure was used, the sector, whether the penalty
was performed, and revocation. They are explicit inputs here: a policy that
needs one of them and finds ``None`` raises :class:`~credit_disclosure.errors.PolicyError`
(or, for repair, reports the condition as not met) instead of assuming a value.
"""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

import attrs

from .._dates import as_date
from .._text import redacted_repr, safe_repr, to_halfwidth
from ..errors import ArgumentTypeError, PolicyError
from ..standard import (
    LicenseRecord,
    PenaltyRecord,
    PenaltyType,
    RecordKind,
    SubjectCategory,
    parse_penalty_categories,
)

__all__ = ["PenaltyFacts", "Procedure", "Sector", "Tier", "check_day", "short_repr"]


class Tier(enum.Enum):
    """Severity tier (失信程度) of a penalty, as the deciding body classified it.

    527号 (2019) uses 一般 / 严重 / 特定严重; 国办发〔2025〕22号 and NDRC 令2025年第36号
    use 轻微 / 一般 / 严重; 长治 2021 实施意见 (八) uses 一般 / 严重.

    >>> Tier("严重")
    <Tier.SERIOUS: '严重'>
    """

    #: 轻微: under 22号/36号 may go unpublished; if published, at most 3 months
    MINOR = "轻微"
    #: 一般
    GENERAL = "一般"
    #: 严重
    SERIOUS = "严重"
    #: 特定严重 (527号): shown for the full maximum, no repair
    SPECIAL_SERIOUS = "特定严重"


class Procedure(enum.Enum):
    """The procedure a penalty was decided by (行政处罚法 第五十一条 简易程序 / 普通程序).

    >>> Procedure.SIMPLE.value
    '简易程序'
    """

    SIMPLE = "简易程序"
    ORDINARY = "普通程序"


class Sector(str, enum.Enum):
    """Sectors that rule tables single out; a :class:`str`, so tables may name others too.

    NDRC 令第58号 sets a longer minimum term for 特种设备, 安全生产 and 消防; 527号
    and local rules refuse repair of stop-production or revocation penalties
    in food and drug, environment, construction quality, work safety, fire
    safety and compulsory certification.

    >>> Sector.FIRE_SAFETY == "消防"
    True
    """

    SPECIAL_EQUIPMENT = "特种设备"
    WORK_SAFETY = "安全生产"
    FIRE_SAFETY = "消防"
    FOOD_AND_DRUG = "食品药品"
    ENVIRONMENT = "生态环境"
    CONSTRUCTION_QUALITY = "工程质量"
    COMPULSORY_CERTIFICATION = "强制性产品认证"
    MARKET_REGULATION = "市场监管"


def short_repr(value: object) -> str:
    """A short repr for error messages: cut when long, identity numbers hidden (see ``redact``).

    >>> short_repr("9" * 100)
    "'************************************..."
    >>> short_repr("11010519491231002X")
    "'******************'"
    >>> short_repr("重大")
    "'重大'"
    """
    return safe_repr(value)


def check_day(name: str, value: object) -> date:
    """``value`` if it is a plain :class:`~datetime.date`, else :class:`PolicyError` naming ``name``.

    >>> check_day("applied_on", date(2022, 7, 1))
    datetime.date(2022, 7, 1)
    """
    try:
        return as_date(value, name)  # the one date-argument rule (a datetime is refused)
    except ArgumentTypeError as exc:
        raise PolicyError(
            "policy.fact", message_en=f"{exc.message_en} {short_repr(value)}",
            message_zh=exc.message_zh,
        ) from None


def _day(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None or attribute.default is not None:
        check_day(attribute.name, value)


_E = TypeVar("_E", bound=enum.Enum)


def _member(kind: type[_E], name: str, value: object) -> _E:
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        text = to_halfwidth(value).strip()
        for member in kind:
            if text == member.value or text.upper() == member.name:
                return member
    known = ", ".join(str(m.value) for m in kind)
    raise PolicyError(
        "policy.fact",
        message_en=f"{name} is one of {known}, not {short_repr(value)}",
        message_zh=f"{name} 应为 {'、'.join(str(m.value) for m in kind)} 之一，而不是 {short_repr(value)}",
    )


# Converters: a member, its value ("自然人") or its name ("NATURAL_PERSON").
def _to_subject(value: SubjectCategory | str) -> SubjectCategory:
    return _member(SubjectCategory, "subject", value)


def _to_kind(value: RecordKind | str) -> RecordKind:
    return _member(RecordKind, "kind", value)


def _to_tier(value: Tier | str | None) -> Tier | None:
    return None if value is None else _member(Tier, "tier", value)


def _to_procedure(value: Procedure | str | None) -> Procedure | None:
    return None if value is None else _member(Procedure, "procedure", value)


def _parse_types(text: str, code: str, what: str) -> frozenset[PenaltyType]:
    # 处罚类别 text with any of the separators the data standard sees (docs/sources.md#certainty: not confirmed)
    parsed = parse_penalty_categories(text)
    if parsed.unknown:
        parts = [short_repr(part) for part in parsed.unknown]
        raise PolicyError(
            code,
            message_en=f"{what} has parts that are not 行政处罚法 第九条 penalty types: "
            + ", ".join(parts),
            message_zh=f"{what}中有不属于行政处罚法第九条所列处罚种类的部分：" + "、".join(parts),
        )
    return frozenset(parsed.types)


def _to_types(value: Iterable[PenaltyType | str] | str) -> frozenset[PenaltyType]:
    if isinstance(value, PenaltyType):
        return frozenset({value})
    if isinstance(value, str):
        return _parse_types(value, "policy.fact", "penalty_types")
    candidate: object = value  # callers without a type checker pass anything
    if isinstance(candidate, (bytes, bytearray)) or not isinstance(candidate, Iterable):
        raise PolicyError(
            "policy.fact",
            message_en="penalty_types is a set of PenaltyType (or their names), "
            f"not {short_repr(value)}",
            message_zh=f"penalty_types 应为 PenaltyType（或其名称）的集合，而不是 {short_repr(value)}",
        )
    return frozenset(_member(PenaltyType, "a penalty type", v) for v in value)


def _to_fine(value: Decimal | int | str | None) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, float):
        value = str(value)
    amount = Decimal("NaN")  # a bool is not an amount
    if not isinstance(value, bool):
        with contextlib.suppress(InvalidOperation, TypeError, ValueError):
            amount = Decimal(to_halfwidth(value) if isinstance(value, str) else value)
    if not amount.is_finite() or amount < 0:
        shown = short_repr(value)
        raise PolicyError(
            "policy.fact",
            message_en=f"fine_wan must be a finite, not negative number of 万元 (10,000 yuan), "
            f"not {shown}",
            message_zh=f"fine_wan 应为不小于0的罚款金额（万元），而不是 {shown}",
        ) from None
    return amount


def _to_sector(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):  # a Sector member is a str too
        raise PolicyError(
            "policy.fact",
            message_en=f"sector is text such as '消防', not {short_repr(value)}",
            message_zh=f"sector 应为文本，如 '消防'，而不是 {short_repr(value)}",
        )
    return to_halfwidth(value).strip() or None


def _optional_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, bool):
        raise PolicyError(
            "policy.fact",
            message_en=f"{attribute.name} is True, False or None (not stated), not {short_repr(value)}",
            message_zh=f"{attribute.name} 应为 True、False 或 None（未说明），而不是 {short_repr(value)}",
        )


def _optional_months(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not int or value < 0):
        raise PolicyError(
            "policy.fact",
            message_en=f"{attribute.name} is a whole number of months, not {short_repr(value)}",
            message_zh=f"{attribute.name} 应为整数个月，而不是 {short_repr(value)}",
        )


def _dates(name: str, value: object) -> tuple[date, ...]:
    if isinstance(value, (str, bytes, date)) or not isinstance(value, Iterable):
        raise PolicyError(
            "policy.fact",
            message_en=f"{name} is a sequence of datetime.date, not {short_repr(value)}",
            message_zh=f"{name} 应为 datetime.date 的序列，而不是 {short_repr(value)}",
        )
    return tuple(sorted(check_day(name, day) for day in value))


def _to_repairs(value: Iterable[date]) -> tuple[date, ...]:
    return _dates("previous_repairs", value)


def _to_serious(value: Iterable[date]) -> tuple[date, ...]:
    return _dates("previous_serious_penalties", value)


@redacted_repr
@attrs.frozen(kw_only=True)
class PenaltyFacts:
    """Everything a policy may ask about one licence or penalty record.

    Only ``decision_date`` and ``subject`` are required; a fact left ``None``
    means *not stated*, and a rule that needs it says so rather than guess.
    Enumerated facts take the member or its Chinese value (``subject="自然人"``,
    ``tier="一般"``); ``penalty_types`` also takes 处罚类别 text such as
    ``"警告；罚款"``. Anything else raises :class:`PolicyError` saying which fact.

    ``fine_wan`` is in 万元 (10,000 yuan) like ``CF_NR_FK``: 罚款2000元 is
    ``Decimal("0.2")``. ``revoked_on`` is the day the platform was told the
    penalty was revoked. ``previous_repairs`` are the dates earlier repairs
    took effect; ``previous_serious_penalties`` the decision dates of earlier
    serious penalties of the same subject. ``restriction_months`` is the length
    of a 限制从业 / 限制开展生产经营活动 ban (SAMR 令第45号). ``outside_sector`` says
    the publishing department regulates another sector than the record's
    (国办发〔2025〕22号: it no longer publishes such records).

    >>> from credit_disclosure.standard import SubjectCategory, PenaltyType
    >>> facts = PenaltyFacts(decision_date=date(2022, 3, 1),
    ...                      subject=SubjectCategory.LEGAL_PERSON,
    ...                      penalty_types={PenaltyType.FINE}, fine_wan="0.2",
    ...                      tier=Tier.GENERAL, procedure=Procedure.ORDINARY)
    >>> facts.fine_wan
    Decimal('0.2')
    >>> facts.with_tier(Tier.SERIOUS).tier
    <Tier.SERIOUS: '严重'>
    """

    decision_date: date = attrs.field(validator=_day)
    subject: SubjectCategory = attrs.field(converter=_to_subject)
    kind: RecordKind = attrs.field(default=RecordKind.PENALTY, converter=_to_kind)
    penalty_types: frozenset[PenaltyType] = attrs.field(default=frozenset(), converter=_to_types)
    fine_wan: Decimal | None = attrs.field(default=None, converter=_to_fine)
    tier: Tier | None = attrs.field(default=None, converter=_to_tier)
    procedure: Procedure | None = attrs.field(default=None, converter=_to_procedure)
    sector: str | None = attrs.field(default=None, converter=_to_sector)
    performed: bool | None = attrs.field(default=None, validator=_optional_bool)
    corrected: bool | None = attrs.field(default=None, validator=_optional_bool)
    commitment: bool | None = attrs.field(default=None, validator=_optional_bool)
    authority_consent: bool | None = attrs.field(default=None, validator=_optional_bool)
    published_on: date | None = attrs.field(default=None, validator=_day)
    revoked_on: date | None = attrs.field(default=None, validator=_day)
    restriction_months: int | None = attrs.field(default=None, validator=_optional_months)
    outside_sector: bool | None = attrs.field(default=None, validator=_optional_bool)
    previous_repairs: tuple[date, ...] = attrs.field(default=(), converter=_to_repairs)
    previous_serious_penalties: tuple[date, ...] = attrs.field(default=(), converter=_to_serious)

    def __attrs_post_init__(self) -> None:
        for name in ("published_on", "revoked_on"):
            day = getattr(self, name)
            if day is not None and day < self.decision_date:
                raise PolicyError(
                    "policy.fact",
                    message_en=f"{name} ({day}) is before the decision date ({self.decision_date})",
                    message_zh=f"{name}（{day}）早于决定日期（{self.decision_date}）",
                )

    def with_tier(self, tier: Tier) -> PenaltyFacts:
        """Return a copy with ``tier`` set (e.g. from :func:`suggest_tier`, once reviewed).

        >>> from credit_disclosure.standard import SubjectCategory
        >>> f = PenaltyFacts(decision_date=date(2026, 5, 10), subject=SubjectCategory.LEGAL_PERSON)
        >>> f.with_tier(Tier.GENERAL).tier is Tier.GENERAL
        True
        """
        return attrs.evolve(self, tier=tier)

    @classmethod
    def from_record(cls, record: PenaltyRecord | LicenseRecord, **facts: Any) -> PenaltyFacts:
        """Facts from a 2018-standard record plus the ``facts`` the standard lacks.

        Takes the decision date (``CF_JDRQ`` / ``XK_JDRQ``), the subject category
        (``*_XDR_LB``), the penalty types parsed from ``CF_CFLB`` and the fine
        (``CF_NR_FK``, 万元). Everything else (tier, procedure, sector, ...) comes
        from ``facts``; nothing is inferred, and a fact you state wins over the
        record's. A record without a decision date or subject category (unless
        you state it), or with a 处罚类别 that cannot be read, raises
        :class:`PolicyError`.

        >>> from decimal import Decimal
        >>> from credit_disclosure.standard import PenaltyRecord, SubjectCategory
        >>> rec = PenaltyRecord(decision_date=date(2022, 3, 1), fine_amount=Decimal("0.2"),
        ...                     subject_category=SubjectCategory.LEGAL_PERSON,
        ...                     penalty_categories="警告；罚款")
        >>> f = PenaltyFacts.from_record(rec, tier=Tier.GENERAL, procedure=Procedure.ORDINARY)
        >>> sorted(t.value for t in f.penalty_types), f.fine_wan, f.tier.value
        (['罚款', '警告'], Decimal('0.2'), '一般')
        """
        if not isinstance(record, (PenaltyRecord, LicenseRecord)):
            raise PolicyError(
                "policy.record",
                message_en="from_record takes a PenaltyRecord or LicenseRecord, "
                f"not {type(record).__name__}",
                message_zh="from_record 只接受 PenaltyRecord 或 LicenseRecord，"
                f"而不是 {type(record).__name__}",
            )
        licence = isinstance(record, LicenseRecord)
        derived: dict[str, Any] = {"kind": RecordKind.LICENSE if licence else RecordKind.PENALTY}
        for name, value, field in (
            ("decision_date", record.decision_date, "XK_JDRQ" if licence else "CF_JDRQ"),
            ("subject", record.subject_category, "XK_XDR_LB" if licence else "CF_XDR_LB"),
        ):
            if value is not None:
                derived[name] = value
            elif name not in facts:
                raise PolicyError(
                    "policy.record",
                    message_en=f"the record has no {field}; state {name}= to supply it",
                    message_zh=f"记录缺少 {field}：请用 {name}= 给出",
                )
        if isinstance(record, PenaltyRecord):
            derived["penalty_types"] = _parse_types(
                record.penalty_categories or "", "policy.record", "处罚类别 (CF_CFLB)"
            )
            derived["fine_wan"] = record.fine_amount
        derived.update(facts)
        return cls(**derived)
