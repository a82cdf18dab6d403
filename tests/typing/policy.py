"""Typed usage of credit_disclosure.policy, checked by ``mypy --strict`` (never executed)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs

from credit_disclosure.deadlines import Deadline
from credit_disclosure.policy import (
    CHANGZHI_2021,
    DEFAULT_THRESHOLDS,
    NATIONAL,
    PRESETS,
    Citation,
    Display,
    Match,
    PenaltyFacts,
    Period,
    Policy,
    Procedure,
    Publication,
    RepairAnswer,
    RepairCondition,
    Sector,
    Term,
    TermRule,
    Tier,
    TierSuggestion,
    Withdrawal,
    get_preset,
    load_policy,
    policy_from_dict,
    policy_to_dict,
    suggest_tier,
)
from credit_disclosure.standard import PenaltyRecord, PenaltyType, SubjectCategory
from credit_disclosure.workdays import default_calendar

facts = PenaltyFacts(
    decision_date=date(2022, 3, 1),
    subject=SubjectCategory.LEGAL_PERSON,
    penalty_types={PenaltyType.FINE},
    fine_wan=Decimal("0.2"),
    tier=Tier.GENERAL,
    procedure=Procedure.ORDINARY,
    sector=Sector.FIRE_SAFETY,
    performed=True,
    commitment=True,
)
from_record: PenaltyFacts = PenaltyFacts.from_record(PenaltyRecord(), tier=Tier.GENERAL)
serious: PenaltyFacts = facts.with_tier(Tier.SERIOUS)

policy: Policy = get_preset("changzhi-2021")
presets: list[str] = list(PRESETS)
term: Term = CHANGZHI_2021.term(facts)
last: date | None = term.last_day_shown
repair_from: date | None = term.repair_from
publication: Publication = NATIONAL.publication(facts, calendar=default_calendar(provisional=True))
deadline: Deadline | None = publication.deadline
why: str = publication.explain()
display: Display = CHANGZHI_2021.is_displayed(facts, on=date(2023, 1, 1))
shown: bool = bool(display)
withdrawal: Withdrawal = CHANGZHI_2021.withdrawal(attrs.evolve(facts, revoked_on=date(2022, 5, 5)))
answer: RepairAnswer = CHANGZHI_2021.repair(facts, applied_on=date(2022, 7, 1))
unmet: tuple[RepairCondition, ...] = answer.unmet
earliest: date | None = answer.earliest

rule = TermRule(
    citation=Citation(document="某省 2026 办法", article="第十条", certainty="?"),
    match=Match(sectors=frozenset({"消防"})),
    minimum=Period.parse("6M"),
    maximum=Period.years(2),
)
mine: Policy = CHANGZHI_2021.with_rules(rule, name="mine")
data: dict[str, object] = policy_to_dict(mine)
again: Policy = policy_from_dict(policy_to_dict(mine))
loaded: Policy = load_policy("mine.json")
suggestion: TierSuggestion = suggest_tier(facts, thresholds=DEFAULT_THRESHOLDS)

# facts by their Chinese values and 处罚类别 text; tables from lists
by_value = PenaltyFacts(
    decision_date=date(2022, 3, 1),
    subject="自然人",
    tier="一般",
    procedure="普通程序",
    penalty_types="警告；罚款",
    previous_repairs=[date(2021, 1, 1)],
)
listed: Policy = Policy(name="listed", title="Listed", term_rules=[rule])
from_publication: TermRule = attrs.evolve(rule, counted_from="publication")
