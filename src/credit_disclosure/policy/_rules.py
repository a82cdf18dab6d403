"""Rule rows: each one effective-dated and cited, matched against :class:`PenaltyFacts`.

A table is an ordered tuple of rows. For a question, the rows in force on the
relevant date (the decision date for publication and terms, the application
date for repair) are read in order and the first row that matches decides
(terms, publication); for repair every row in force is a condition.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from .. import deadlines
from .._text import to_halfwidth
from ..errors import PolicyError
from ..standard import PenaltyType, RecordKind, SubjectCategory
from ._facts import PenaltyFacts, Procedure, Tier, short_repr
from ._periods import Period

__all__ = [
    "Citation",
    "DeadlineChoice",
    "Match",
    "PublicationRule",
    "RepairRule",
    "RepairRuleKind",
    "TermRule",
]

_CERTAINTIES = ("H", "M", "?")
_COUNTED_FROM = ("decision", "publication")


def _one_of(options: tuple[str, ...], *, optional: bool = False) -> Any:
    """Validator: the value is one of ``options`` (or ``None`` if optional), else PolicyError."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value in options or (optional and value is None):
            return
        where = f"{type(instance).__name__}.{attribute.name}"
        raise PolicyError(
            "policy.rule",
            message_en=f"{where} is one of {', '.join(options)}, not {short_repr(value)}",
            message_zh=f"{where} 应为 {'、'.join(options)} 之一，而不是 {short_repr(value)}",
        )

    return check


@attrs.frozen(kw_only=True)
class Citation:
    """Where a rule comes from: document, article, and how sure we are of it.

    ``certainty`` follows the project's domain reference: ``"H"`` primary text
    or several sources agree, ``"M"`` one secondary source, ``"?"`` not
    confirmed (a default you should check and may override).

    >>> str(Citation(document="长治 2021 实施意见", article="(八)"))
    '长治 2021 实施意见 (八)'
    """

    document: str
    article: str | None = None
    certainty: str = attrs.field(default="H", validator=_one_of(_CERTAINTIES))
    url: str | None = None

    def __str__(self) -> str:
        text = self.document if self.article is None else f"{self.document} {self.article}"
        return text if self.certainty == "H" else f"{text} [{self.certainty}]"


def _opt_frozenset(value: object) -> object:
    return None if value is None else frozenset(value)  # type: ignore[call-overload]


def _opt_sectors(value: Iterable[str] | None) -> frozenset[str] | None:
    # the same folding as PenaltyFacts.sector: full-width to ASCII, spaces trimmed
    if value is None:
        return None
    return frozenset(to_halfwidth(getattr(v, "value", str(v))).strip() for v in value)


def _opt_decimal(value: Decimal | int | str | None) -> Decimal | None:
    if value is None or isinstance(value, Decimal):
        return value
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise PolicyError(
            "policy.rule",
            message_en=f'Match.max_fine_wan is an amount of 万元 such as "10", not {short_repr(value)}',
            message_zh=f'Match.max_fine_wan 应为以万元计的金额，如 "10"，而不是 {short_repr(value)}',
        ) from None


def _missing(fact: str) -> PolicyError:
    return PolicyError(
        "policy.missing_fact",
        message_en=f"this rule needs '{fact}', which the facts leave unstated (None); state it "
        "(the library does not guess it)",
        message_zh=f"该规则需要事实 '{fact}'，但未给出：请说明（本库不作推测）",
    )


@attrs.frozen(kw_only=True)
class Match:
    """Which records a rule applies to; every criterion left ``None`` matches anything.

    - ``kinds``: licence and/or penalty (default: penalties only);
    - ``tiers``, ``subjects``, ``procedures``, ``sectors``: the fact is one of these;
    - ``any_of_types``: at least one of the penalty types is among these;
    - ``only_types``: every penalty type is among these (and there is one);
    - ``max_fine_wan``: the fine, if any, is at most this many 万元;
    - ``outside_sector``: the fact ``outside_sector`` (the publishing department
      regulates another sector, 国办发〔2025〕22号) is this value; an unstated fact
      does not match, so the rule applies only where the caller says so.

    A criterion whose fact is ``None`` raises :class:`PolicyError` (missing fact).

    >>> from credit_disclosure.standard import SubjectCategory
    >>> m = Match(subjects=frozenset({SubjectCategory.NATURAL_PERSON}))
    >>> m.matches(PenaltyFacts(decision_date=date(2022, 3, 1),
    ...                        subject=SubjectCategory.NATURAL_PERSON))
    True
    """

    kinds: frozenset[RecordKind] = attrs.field(
        default=frozenset({RecordKind.PENALTY}), converter=frozenset
    )
    tiers: frozenset[Tier] | None = attrs.field(default=None, converter=_opt_frozenset)
    subjects: frozenset[SubjectCategory] | None = attrs.field(
        default=None, converter=_opt_frozenset
    )
    procedures: frozenset[Procedure] | None = attrs.field(default=None, converter=_opt_frozenset)
    sectors: frozenset[str] | None = attrs.field(default=None, converter=_opt_sectors)
    any_of_types: frozenset[PenaltyType] | None = attrs.field(
        default=None, converter=_opt_frozenset
    )
    only_types: frozenset[PenaltyType] | None = attrs.field(default=None, converter=_opt_frozenset)
    max_fine_wan: Decimal | None = attrs.field(default=None, converter=_opt_decimal)
    outside_sector: bool | None = None

    def matches(self, facts: PenaltyFacts) -> bool:
        """Whether ``facts`` meets every criterion; raise :class:`PolicyError` if one is unstated.

        >>> from credit_disclosure.standard import SubjectCategory
        >>> Match(tiers=frozenset({Tier.SERIOUS})).matches(
        ...     PenaltyFacts(decision_date=date(2022, 3, 1), subject=SubjectCategory.LEGAL_PERSON))
        Traceback (most recent call last):
        ...
        credit_disclosure.errors.PolicyError: policy.missing_fact: this rule needs 'tier', ...
        """
        if facts.kind not in self.kinds:
            return False
        if self.subjects is not None and facts.subject not in self.subjects:
            return False
        if self.procedures is not None:
            if facts.procedure is None:
                raise _missing("procedure")
            if facts.procedure not in self.procedures:
                return False
        if self.any_of_types is not None and not (facts.penalty_types & self.any_of_types):
            return False
        if self.only_types is not None and not (
            facts.penalty_types and facts.penalty_types <= self.only_types
        ):
            return False
        if self.max_fine_wan is not None and PenaltyType.FINE in facts.penalty_types:
            if facts.fine_wan is None:
                raise _missing("fine_wan")
            if facts.fine_wan > self.max_fine_wan:
                return False
        if self.sectors is not None and (facts.sector is None or facts.sector not in self.sectors):
            # an unstated sector is "not one of the listed sectors": sector rules
            # only ever add to the general rule, so this never hides a duty.
            return False
        if self.outside_sector is not None and facts.outside_sector is not self.outside_sector:
            return False
        if self.tiers is not None:
            if facts.tier is None:
                raise _missing("tier")
            if facts.tier not in self.tiers:
                return False
        return True


def _in_force(effective_from: date | None, effective_to: date | None, day: date) -> bool:
    if effective_from is not None and day < effective_from:
        return False
    return effective_to is None or day <= effective_to


def _check_dates(instance: _Dated, attribute: object, value: date | None) -> None:
    if (
        instance.effective_from is not None
        and instance.effective_to is not None
        and instance.effective_to < instance.effective_from
    ):
        name = type(instance).__name__
        raise PolicyError(
            "policy.rule",
            message_en=f"{name}.effective_to {instance.effective_to} is before effective_from "
            f"{instance.effective_from}",
            message_zh=f"{name} 的失效日期 effective_to（{instance.effective_to}）早于生效日期 "
            f"effective_from（{instance.effective_from}）",
        )


@attrs.define(frozen=True, kw_only=True, slots=True)
class _Dated:
    citation: Citation
    effective_from: date | None = None
    effective_to: date | None = attrs.field(default=None, validator=_check_dates)

    def in_force(self, day: date) -> bool:
        return _in_force(self.effective_from, self.effective_to, day)


@attrs.frozen(kw_only=True)
class TermRule(_Dated):
    """How long a matching record is shown, and its minimum term (before repair).

    ``maximum`` ``None`` means open-ended (长期); ``minimum`` ``None`` means the
    rule sets no minimum, so it offers no repair before the term ends.
    ``extend_to_restriction``: a ban (``restriction_months``) longer than the
    maximum is shown for its own length (SAMR 令第45号). ``counted_from`` is
    ``"decision"`` (the decision date, as every shipped row counts) or
    ``"publication"`` (the stated ``published_on``, for a reading of a rule
    that counts 自公示之日起; the facts must then state it).
    ``until_corrected``: publication does not stop at the maximum while the
    facts say the violation is not corrected (``corrected=False``; NDRC
    令2025年第36号 as reported, M: set it to ``False`` in your policy to override).

    >>> rule = TermRule(citation=Citation(document="长治 2021 实施意见", article="(八)"),
    ...                 match=Match(tiers=frozenset({Tier.GENERAL})),
    ...                 minimum=Period(3), maximum=Period(12),
    ...                 effective_from=date(2021, 12, 16))
    >>> rule.in_force(date(2022, 3, 1)), rule.in_force(date(2021, 1, 1))
    (True, False)
    """

    match: Match = attrs.field(factory=Match)
    minimum: Period | None = None
    maximum: Period | None = None
    extend_to_restriction: bool = False
    counted_from: str = attrs.field(default="decision", validator=_one_of(_COUNTED_FROM))
    until_corrected: bool = False


@attrs.frozen(kw_only=True)
class PublicationRule(_Dated):
    """Whether a matching record is published, and why.

    ``publish`` ``False`` excludes the record; ``optional`` ``True`` says the
    body may still publish it (轻微 under 国办发〔2025〕22号).

    >>> from credit_disclosure.standard import SubjectCategory
    >>> PublicationRule(citation=Citation(document="长治 2021 实施意见", article="(三)"),
    ...                 match=Match(subjects=frozenset({SubjectCategory.NATURAL_PERSON})),
    ...                 publish=False, reason_en="natural person",
    ...                 reason_zh="涉及个人的行政处罚信息").publish
    False
    """

    match: Match = attrs.field(factory=Match)
    publish: bool = True
    optional: bool = False
    reason_en: str
    reason_zh: str


_PURPOSES = (
    "publication",
    "repair_review",
    "withdrawal",
    "objection_marking",
    "objection_verification",
    "repair_takedown",
)


def _resolve_deadline(name: str) -> deadlines.DeadlineRule:
    rule = getattr(deadlines, name, None) or deadlines.RULES.get(name)
    if not isinstance(rule, deadlines.DeadlineRule):
        known = ", ".join(sorted(deadlines.RULES))
        raise PolicyError(
            "policy.deadline",
            message_en=f"credit_disclosure.deadlines has no rule {name!r} (known: {known})",
            message_zh=f"credit_disclosure.deadlines 中没有名为 {name!r} 的期限规则（已有：{known}）",
        )
    return rule


def _known_deadline(instance: object, attribute: object, value: str | None) -> None:
    if value is not None:
        _resolve_deadline(value)


@attrs.frozen(kw_only=True)
class DeadlineChoice(_Dated):
    """Which working-day rule of :mod:`credit_disclosure.deadlines` a policy uses.

    ``purpose`` is ``"publication"`` (from the decision date), ``"repair_review"``
    (from the application date, for an eligible application), ``"withdrawal"``
    (from the day the platform is told of a revocation, or of an objection
    upheld), ``"objection_marking"`` (marking a disputed record on the portal,
    from the objection), ``"objection_verification"`` (verifying and answering
    an objection, from the objection) or ``"repair_takedown"`` (taking a
    repaired record down, from the grant). A policy without a row for a
    purpose sets no such duty (no objection mark, no verification deadline). ``deadline`` names a
    rule constant (``"PUBLICATION"``, ``"SAMR_PUBLICATION"``,
    ``"WITHDRAWAL_AFTER_REVOCATION"``, or a rule name such as ``"publication"``);
    ``None`` means the same day.

    >>> DeadlineChoice(citation=Citation(document="长治 2021 实施意见", article="(九)"),
    ...              purpose="withdrawal", deadline=None).deadline is None
    True
    """

    purpose: str = attrs.field(validator=_one_of(_PURPOSES))
    deadline: str | None = attrs.field(validator=_known_deadline)

    def rule(self) -> deadlines.DeadlineRule | None:
        """The :class:`~credit_disclosure.deadlines.DeadlineRule` named, or ``None`` (same day).

        >>> DeadlineChoice(citation=Citation(document="SAMR 令第45号"), purpose="withdrawal",
        ...                deadline="WITHDRAWAL_AFTER_REVOCATION").rule().name
        'withdrawal_after_revocation'
        """
        return None if self.deadline is None else _resolve_deadline(self.deadline)


class RepairRuleKind(enum.Enum):
    """The kinds of repair condition a :class:`RepairRule` can state.

    >>> RepairRuleKind("minimum_term")
    <RepairRuleKind.MINIMUM_TERM: 'minimum_term'>
    """

    #: the minimum term of the record's term rule has passed
    MINIMUM_TERM = "minimum_term"
    #: matching records are never repaired (serious tier, grave sectors)
    REFUSE = "refuse"
    #: only matching records can be repaired (e.g. ordinary procedure only)
    SCOPE = "scope"
    #: a stated fact must be true: ``fact`` names it (performed, corrected, ...)
    REQUIRE = "require"
    #: no repair for a penalty decided within ``window`` after a previous repair
    NO_PENALTY_AFTER_REPAIR = "no_penalty_after_repair"
    #: at most ``count - 1`` earlier repairs within ``window`` before the application
    MAX_REPAIRS = "max_repairs"
    #: no serious penalty within ``window`` before the application
    NO_RECENT_SERIOUS = "no_recent_serious"


_REQUIRABLE = ("performed", "corrected", "commitment", "authority_consent")


@attrs.frozen(kw_only=True)
class RepairRule(_Dated):
    """One condition of credit repair; chosen by the application date.

    >>> RepairRule(kind=RepairRuleKind.REQUIRE, fact="commitment",
    ...            citation=Citation(document="长治 2021 实施意见", article="(十)"),
    ...            reason_en="a public credit commitment is made",
    ...            reason_zh="公开作出信用修复承诺").fact
    'commitment'
    """

    kind: RepairRuleKind
    match: Match = attrs.field(factory=Match)
    fact: str | None = attrs.field(default=None, validator=_one_of(_REQUIRABLE, optional=True))
    window: Period | None = None
    count: int | None = None
    reason_en: str
    reason_zh: str

    def __attrs_post_init__(self) -> None:
        needs = {
            RepairRuleKind.REQUIRE: ("fact",),
            RepairRuleKind.NO_PENALTY_AFTER_REPAIR: ("window",),
            RepairRuleKind.NO_RECENT_SERIOUS: ("window",),
            RepairRuleKind.MAX_REPAIRS: ("window", "count"),
        }.get(self.kind, ())
        for name in needs:
            if getattr(self, name) is None:
                raise PolicyError(
                    "policy.rule",
                    message_en=f"a repair rule of kind {self.kind.value!r} needs {name!r}",
                    message_zh=f"类型为 {self.kind.value!r} 的信用修复规则需要 {name!r}",
                )
