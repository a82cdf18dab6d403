"""A suggestion of the severity tier from the penalty types and the fine, thresholds as data.

The tier is the deciding body's call (长治 2021 实施意见 (八): the body states
the severity when it publishes). This classifier only *suggests* one, with its
reasons, for triage; a policy never applies it by itself. The thresholds are
data (``policy/data/severity.json``) marked ``?``: check them against your
sector's classification standard and pass your own :class:`SeverityThresholds`.

Default reading (NDRC 令2025年第36号 tiers as reported, not the text): 轻微 =
simple procedure, warnings, 通报批评, fines within the on-the-spot limits of
行政处罚法 第五十一条 (200 yuan for a person, 3,000 yuan for an organisation);
严重 = revocation, 限制从业, closure, detention, or a fine of at least
``serious_fine_wan``; everything else 一般.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from ..standard import PenaltyType, SubjectCategory
from ._facts import PenaltyFacts, Procedure, Tier
from ._loader import read_data
from ._rules import Citation

__all__ = ["DEFAULT_THRESHOLDS", "SeverityThresholds", "TierSuggestion", "suggest_tier"]


def _types(values: Any) -> frozenset[PenaltyType]:
    return frozenset(v if isinstance(v, PenaltyType) else PenaltyType(v) for v in values)


@attrs.frozen(kw_only=True)
class SeverityThresholds:
    """Which penalty types and fine amounts (万元) suggest which tier.

    >>> DEFAULT_THRESHOLDS.serious_fine_wan
    Decimal('100')
    >>> attrs.evolve(DEFAULT_THRESHOLDS, serious_fine_wan=Decimal("50")).serious_fine_wan
    Decimal('50')
    """

    citation: Citation
    minor_types: frozenset[PenaltyType] = attrs.field(converter=_types)
    general_types: frozenset[PenaltyType] = attrs.field(converter=_types)
    serious_types: frozenset[PenaltyType] = attrs.field(converter=_types)
    serious_fine_wan: Decimal = attrs.field(converter=Decimal)
    minor_fine_wan_natural_person: Decimal = attrs.field(converter=Decimal)
    minor_fine_wan_organisation: Decimal = attrs.field(converter=Decimal)


def _load_default() -> SeverityThresholds:
    data = read_data("severity")
    data["citation"] = Citation(**data["citation"])
    return SeverityThresholds(**data)


#: The shipped thresholds (``policy/data/severity.json``); certainty ``?``.
DEFAULT_THRESHOLDS: SeverityThresholds = _load_default()


@attrs.frozen(kw_only=True)
class TierSuggestion:
    """A suggested tier and the reasons for it; review it before ``facts.with_tier(...)``.

    >>> from datetime import date
    >>> s = TierSuggestion(tier=Tier.GENERAL, reasons=("a fine",), citation=DEFAULT_THRESHOLDS.citation)
    >>> s.tier.value
    '一般'
    """

    tier: Tier
    reasons: tuple[str, ...]
    citation: Citation


def suggest_tier(
    facts: PenaltyFacts, *, thresholds: SeverityThresholds = DEFAULT_THRESHOLDS
) -> TierSuggestion:
    """Suggest 轻微 / 一般 / 严重 from the penalty types, the fine and the procedure.

    The most serious reason wins. A fine with no stated amount counts as 一般.

    >>> from datetime import date
    >>> from credit_disclosure.standard import PenaltyType, SubjectCategory
    >>> f = PenaltyFacts(decision_date=date(2026, 5, 10), subject=SubjectCategory.LEGAL_PERSON,
    ...                  penalty_types={PenaltyType.FINE}, fine_wan="150")
    >>> suggest_tier(f).tier
    <Tier.SERIOUS: '严重'>
    >>> suggest_tier(attrs.evolve(f, fine_wan="0.2")).tier
    <Tier.MINOR: '轻微'>
    """
    serious: list[str] = []
    general: list[str] = []
    minor: list[str] = []
    types = facts.penalty_types
    for t in sorted(types & thresholds.serious_types, key=lambda t: t.value):
        serious.append(f"{t.value} suggests 严重")
    fine = facts.fine_wan
    minor_limit = (
        thresholds.minor_fine_wan_natural_person
        if facts.subject is SubjectCategory.NATURAL_PERSON
        else thresholds.minor_fine_wan_organisation
    )
    if PenaltyType.FINE in types:
        if fine is None:
            general.append("a fine of unstated amount suggests 一般")
        elif fine >= thresholds.serious_fine_wan:
            serious.append(f"a fine of {fine} 万元 (≥ {thresholds.serious_fine_wan}) suggests 严重")
        elif fine <= minor_limit:
            minor.append(f"a fine of {fine} 万元 (≤ {minor_limit}) suggests 轻微")
        else:
            general.append(f"a fine of {fine} 万元 suggests 一般")
    for t in sorted((types - {PenaltyType.FINE}) & thresholds.general_types, key=lambda t: t.value):
        general.append(f"{t.value} suggests 一般")
    for t in sorted(types & thresholds.minor_types, key=lambda t: t.value):
        minor.append(f"{t.value} suggests 轻微")
    if facts.procedure is Procedure.SIMPLE:
        minor.append("the simple procedure suggests 轻微")
    if serious:
        tier, reasons = Tier.SERIOUS, serious
    elif general:
        tier, reasons = Tier.GENERAL, general
    elif minor:
        tier, reasons = Tier.MINOR, minor
    else:
        tier, reasons = Tier.GENERAL, ["no penalty type or amount stated: 一般 by default"]
    return TierSuggestion(tier=tier, reasons=tuple(reasons), citation=thresholds.citation)
