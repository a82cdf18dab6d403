"""Credit repair: every condition with its rule, refusals, and the earliest date."""

from __future__ import annotations

import contextlib
from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure.errors import PolicyError
from credit_disclosure.policy import (
    CHANGZHI_2021,
    NATIONAL,
    PRESETS,
    Citation,
    Match,
    PenaltyFacts,
    Period,
    Procedure,
    RepairRule,
    RepairRuleKind,
    Sector,
    Tier,
)
from credit_disclosure.standard import PenaltyType, SubjectCategory

BASE = PenaltyFacts(
    decision_date=date(2022, 3, 1),
    subject=SubjectCategory.LEGAL_PERSON,
    tier=Tier.GENERAL,
    procedure=Procedure.ORDINARY,
    performed=True,
    corrected=True,
    commitment=True,
    authority_consent=True,
)
CITE = Citation(document="test rule", certainty="?")


def test_eligible_lists_every_condition() -> None:
    """An eligible answer still lists every condition in force, each met, each cited."""
    answer = CHANGZHI_2021.repair(BASE, applied_on=date(2022, 7, 1))
    assert answer.eligible and bool(answer)
    assert answer.unmet == ()
    assert [c.code for c in answer.conditions] == [
        "still_shown",
        "minimum_term",
        "refuse",
        "no_penalty_after_repair",
        "require",
        "require",
        "require",
    ]
    assert all("长治" in str(c.citation) for c in answer.conditions)
    assert "eligible" in answer.explain()


@pytest.mark.parametrize(
    ("change", "reason_part"),
    [
        ({"performed": False}, "performed"),
        ({"performed": None}, "'performed' not stated"),
        ({"commitment": None}, "commitment"),
        ({"authority_consent": False}, "consents"),
    ],
)
def test_unmet_fact_conditions(change: dict[str, object], reason_part: str) -> None:
    """Obligations not performed, no commitment, no consent: refused now, same earliest date."""
    answer = CHANGZHI_2021.repair(attrs.evolve(BASE, **change), applied_on=date(2022, 7, 1))
    assert not answer.eligible
    assert len(answer.unmet) == 1
    assert reason_part in answer.unmet[0].reason_en
    assert not answer.unmet[0].permanent
    assert answer.earliest == date(2022, 6, 2)


def test_new_penalty_within_a_year_of_repair() -> None:
    """长治 2021 (十): a penalty decided within 1 year after a repair is never repaired."""
    within = attrs.evolve(BASE, previous_repairs=(date(2021, 3, 1),))  # last day 2022-03-01
    answer = CHANGZHI_2021.repair(within, applied_on=date(2022, 7, 1))
    assert [c.code for c in answer.unmet] == ["no_penalty_after_repair"]
    assert answer.earliest is None
    outside = attrs.evolve(BASE, previous_repairs=(date(2021, 2, 28),))
    assert CHANGZHI_2021.repair(outside, applied_on=date(2022, 7, 1)).eligible


def test_grave_sector_refused_under_527() -> None:
    """527号: a stop-production penalty in food and drug is not repaired (application in 2022)."""
    f = attrs.evolve(
        BASE,
        sector=Sector.FOOD_AND_DRUG,
        penalty_types={PenaltyType.ORDER_TO_SUSPEND_PRODUCTION},
    )
    answer = NATIONAL.repair(f, applied_on=date(2022, 7, 1))
    assert not answer.eligible and answer.earliest is None
    assert any("grave sector" in c.reason_en for c in answer.unmet)
    assert any(c.reason_en.endswith("(this record is refused)") for c in answer.unmet)
    other = attrs.evolve(f, sector=Sector.MARKET_REGULATION)
    passed = NATIONAL.repair(other, applied_on=date(2022, 7, 1))
    assert passed.eligible
    grave = [c for c in passed.conditions if "grave sector" in c.reason_en]
    assert grave and grave[0].reason_en.endswith("(this record is not refused)")


def test_special_serious_refused_under_527() -> None:
    """527号: 特定严重 is shown for the full 3 years and never repaired."""
    f = attrs.evolve(BASE, tier=Tier.SPECIAL_SERIOUS)
    answer = NATIONAL.repair(f, applied_on=date(2023, 1, 1))
    assert not answer.eligible and answer.earliest is None


def test_repair_rules_by_application_date() -> None:
    """A 2025 penalty applied for in 2026-05 is judged by 36号 (corrected required) with 58号's minimum."""
    f = attrs.evolve(BASE, decision_date=date(2025, 10, 1), corrected=None)
    answer = NATIONAL.repair(f, applied_on=date(2026, 5, 1))
    assert [c.code for c in answer.unmet] == ["require"]
    assert "36号" in str(answer.unmet[0].citation)
    assert answer.earliest == date(2026, 1, 2)  # 58号 minimum 3 months ends 2026-01-01
    before = NATIONAL.repair(f, applied_on=date(2026, 3, 1))
    assert "corrected" not in " ".join(c.reason_en for c in before.conditions)


def test_national_2026_general_repair_date() -> None:
    """36号: a 一般 penalty of 2026-05-10 may be repaired from 2026-08-11."""
    f = attrs.evolve(BASE, decision_date=date(2026, 5, 10))
    assert NATIONAL.repair(f, applied_on=date(2026, 8, 10)).earliest == date(2026, 8, 11)
    assert NATIONAL.repair(f, applied_on=date(2026, 8, 11)).eligible


def test_expired_record_needs_no_repair() -> None:
    """After the last day shown there is nothing to repair: refused, no earliest date."""
    answer = CHANGZHI_2021.repair(BASE, applied_on=date(2023, 3, 2))
    assert not answer.eligible and answer.earliest is None
    assert answer.unmet[0].code == "still_shown"


def test_unstated_tier_is_reported_not_guessed() -> None:
    """Repair with no tier reports the missing fact as unmet conditions, and gives no date."""
    answer = CHANGZHI_2021.repair(attrs.evolve(BASE, tier=None), applied_on=date(2022, 7, 1))
    assert not answer.eligible
    assert answer.unmet and all("tier" in c.reason_en for c in answer.unmet)
    assert answer.earliest is None


def test_unpublished_record_needs_no_repair() -> None:
    """长治 2021 (三): a penalty on a natural person is not published, so repair is moot."""
    person = attrs.evolve(BASE, subject=SubjectCategory.NATURAL_PERSON)
    answer = CHANGZHI_2021.repair(person, applied_on=date(2022, 7, 1))
    assert (answer.eligible, answer.earliest) == (False, None)
    assert answer.unmet[0].code == "published" and answer.unmet[0].permanent


def test_no_repair_rules_in_force() -> None:
    """An application before the policy's repair rules existed raises PolicyError."""
    with pytest.raises(PolicyError, match="no_rule"):
        CHANGZHI_2021.repair(BASE, applied_on=date(2021, 1, 1))


def test_max_repairs_waits_for_the_window() -> None:
    """Two repairs in five years: refused until the older one leaves the window."""
    rule = RepairRule(
        kind=RepairRuleKind.MAX_REPAIRS,
        window=Period.years(5),
        count=2,
        citation=CITE,
        reason_en="at most two repairs in five years",
        reason_zh="五年内修复不超过两次",
    )
    policy = CHANGZHI_2021.with_rules(rule, name="local")
    f = attrs.evolve(
        BASE, decision_date=date(2022, 3, 1), previous_repairs=(date(2018, 1, 10), date(2019, 6, 1))
    )
    answer = policy.repair(f, applied_on=date(2022, 7, 1))
    assert [c.code for c in answer.unmet] == ["max_repairs"]
    assert answer.unmet[0].met_from == date(2023, 1, 11)
    assert answer.earliest == date(2023, 1, 11)  # still before the last day, 2023-03-01
    f2 = attrs.evolve(f, previous_repairs=(date(2017, 9, 10), date(2019, 6, 1)))
    a2 = policy.repair(f2, applied_on=date(2022, 7, 1))
    assert a2.unmet[0].met_from == date(2022, 9, 11)
    assert a2.earliest == date(2022, 9, 11)


def test_no_recent_serious_penalty() -> None:
    """A serious penalty within the last year delays repair until a year has passed."""
    rule = RepairRule(
        kind=RepairRuleKind.NO_RECENT_SERIOUS,
        window=Period.years(1),
        citation=CITE,
        reason_en="no serious violation within the last year",
        reason_zh="近一年内无严重失信行为",
    )
    policy = CHANGZHI_2021.with_rules(rule)
    f = attrs.evolve(BASE, previous_serious_penalties=(date(2021, 8, 15),))
    answer = policy.repair(f, applied_on=date(2022, 7, 1))
    assert [c.code for c in answer.unmet] == ["no_recent_serious"]
    assert answer.earliest == date(2022, 8, 16)
    assert policy.repair(f, applied_on=date(2022, 8, 16)).eligible


def test_scope_rule_with_unstated_fact() -> None:
    """A scope rule needing an unstated procedure is unmet, not permanent, and says why."""
    rule = RepairRule(
        kind=RepairRuleKind.SCOPE,
        match=Match(procedures=frozenset({Procedure.ORDINARY})),
        citation=CITE,
        reason_en="ordinary procedure only",
        reason_zh="一般程序",
    )
    answer = CHANGZHI_2021.with_rules(rule).repair(
        attrs.evolve(BASE, procedure=None), applied_on=date(2022, 7, 1)
    )
    # Changzhi's publication rules need the procedure too: both say what they lack
    assert [c.code for c in answer.unmet] == ["published", "scope"]
    assert all("procedure" in c.reason_en for c in answer.unmet)
    assert answer.earliest == date(2022, 6, 2)


@pytest.mark.parametrize("kind", [RepairRuleKind.REQUIRE, RepairRuleKind.MAX_REPAIRS])
def test_incomplete_repair_rule(kind: RepairRuleKind) -> None:
    """A repair rule missing its parameter (fact, window, count) is rejected when built."""
    with pytest.raises(PolicyError):
        RepairRule(kind=kind, citation=CITE, reason_en="x", reason_zh="x")


@given(
    st.dates(min_value=date(2021, 12, 16), max_value=date(2026, 12, 31)),
    st.integers(0, 1500),
)
def test_earliest_is_consistent(decided: date, offset: int) -> None:
    """For a fully met 一般 penalty, eligible exactly from the repair date to the last day shown."""
    f = attrs.evolve(BASE, decision_date=decided)
    term = CHANGZHI_2021.term(f)
    assert term.last_day_shown is not None
    applied = date.fromordinal(decided.toordinal() + offset)
    answer = CHANGZHI_2021.repair(f, applied_on=applied)
    if applied > term.last_day_shown:
        assert (answer.eligible, answer.earliest) == (False, None)
    else:
        assert answer.earliest == term.repair_from
        assert answer.eligible == (applied >= term.repair_from)  # type: ignore[operator]


def test_review_deadline_for_an_eligible_2026_application() -> None:
    """36号 (M): an eligible application carries the 10-working-day review deadline."""
    f = attrs.evolve(BASE, decision_date=date(2026, 5, 10))
    answer = NATIONAL.repair(f, applied_on=date(2026, 9, 28))
    assert answer.eligible
    assert answer.review is not None and answer.review.due == date(2026, 10, 16)
    assert "the platform decides by 2026-10-16" in answer.explain()
    refused = NATIONAL.repair(attrs.evolve(f, performed=False), applied_on=date(2026, 9, 28))
    assert refused.review is None
    late = NATIONAL.repair(f, applied_on=date(2026, 12, 28))
    assert late.review is None and "2027" in (late.review_problem or "")
    assert "缺少2027年节假日安排" in (late.review_problem_zh or "")
    assert "2027" in late.explain() and "平台作出决定的期限无法确定" in late.explain("zh")
    assert "缺少2027年节假日安排" in late.explain("zh")


def test_revoked_penalty_needs_no_repair() -> None:
    """长治 2021 (九): once the platform is told of a revocation the record is down: no repair."""
    revoked = attrs.evolve(BASE, revoked_on=date(2022, 5, 6))
    answer = CHANGZHI_2021.repair(revoked, applied_on=date(2022, 7, 1))
    assert (answer.eligible, answer.earliest) == (False, None)
    assert [c.code for c in answer.unmet] == ["still_shown"]
    assert answer.unmet[0].permanent and "revoked" in answer.unmet[0].reason_en
    assert str(answer.unmet[0].citation) == "长治 2021 实施意见 (九)"
    # a revocation the platform learns of after the application does not change it
    later = attrs.evolve(BASE, revoked_on=date(2022, 8, 1))
    assert CHANGZHI_2021.repair(later, applied_on=date(2022, 7, 1)).eligible


def test_applied_on_must_be_a_date() -> None:
    """``applied_on`` that is not a plain date raises PolicyError naming it."""
    with pytest.raises(PolicyError, match=r"applied_on must be a datetime\.date"):
        CHANGZHI_2021.repair(BASE, applied_on="2022-07-01")  # type: ignore[arg-type]


def test_repair_near_the_end_of_time() -> None:
    """A penalty whose minimum term would end after 9999-12-31 is unmet with the reason, no crash."""
    f = attrs.evolve(BASE, decision_date=date(9999, 10, 31))
    answer = CHANGZHI_2021.repair(f, applied_on=date(9999, 12, 31))
    assert not answer.eligible and answer.earliest is None
    assert any("policy.date_range" in c.reason_en for c in answer.unmet)


_FACTS = st.builds(
    PenaltyFacts,
    decision_date=st.dates(),
    subject=st.sampled_from(list(SubjectCategory)),
    tier=st.none() | st.sampled_from(list(Tier)),
    procedure=st.none() | st.sampled_from(list(Procedure)),
    penalty_types=st.frozensets(st.sampled_from(list(PenaltyType)), max_size=3),
    fine_wan=st.none() | st.decimals(min_value=0, max_value=10**6, places=2),
    sector=st.none() | st.sampled_from(list(Sector)),
    performed=st.none() | st.booleans(),
    restriction_months=st.none() | st.integers(0, 10**6),
    previous_repairs=st.lists(st.dates(), max_size=2),
)


@given(_FACTS, st.sampled_from(sorted(PRESETS)), st.dates())
def test_every_question_answers_or_raises_policy_error(
    facts: PenaltyFacts, name: str, day: date
) -> None:
    """Any facts, any preset, any day (0001 to 9999): an answer or a PolicyError, nothing else."""
    policy = PRESETS[name]
    for ask in (
        lambda: policy.term(facts),
        lambda: policy.publication(facts),
        lambda: policy.is_displayed(facts, on=day),
        lambda: policy.repair(facts, applied_on=day),
        lambda: policy.withdrawal(attrs.evolve(facts, revoked_on=max(day, facts.decision_date))),
    ):
        with contextlib.suppress(PolicyError):
            ask()
