"""The issue's examples and each preset's table, pinned."""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest

from credit_disclosure.errors import PolicyError
from credit_disclosure.policy import (
    CHANGZHI_2021,
    NATIONAL,
    PRESETS,
    SAMR_45,
    SHANGHAI_DATA_LIST,
    PenaltyFacts,
    Period,
    Procedure,
    Sector,
    Tier,
    get_preset,
)
from credit_disclosure.standard import PenaltyType, RecordKind, SubjectCategory

LEGAL = SubjectCategory.LEGAL_PERSON
PERSON = SubjectCategory.NATURAL_PERSON
FULL = {"performed": True, "corrected": True, "commitment": True, "authority_consent": True}


def facts(decided: date, **kw: object) -> PenaltyFacts:
    kw.setdefault("subject", LEGAL)
    return PenaltyFacts(decision_date=decided, **kw)  # type: ignore[arg-type]


# -- Changzhi 2021 ----------------------------------------------------------------------


def test_changzhi_ordinary_company_penalty() -> None:
    """长治 2021 (八)(十): a 一般 penalty of 2022-03-01 is shown until 2023-03-01, repair from 2022-06-02."""
    f = facts(date(2022, 3, 1), tier=Tier.GENERAL, procedure=Procedure.ORDINARY, **FULL)
    term = CHANGZHI_2021.term(f)
    assert term.first_day_shown == date(2022, 3, 1)
    assert term.minimum_end == date(2022, 6, 1)
    assert term.last_day_shown == date(2023, 3, 1)
    assert term.repair_from == date(2022, 6, 2)
    assert CHANGZHI_2021.publication(f).published
    answer = CHANGZHI_2021.repair(f, applied_on=date(2022, 6, 2))
    assert answer.eligible and answer.earliest == date(2022, 6, 2)
    early = CHANGZHI_2021.repair(f, applied_on=date(2022, 6, 1))
    assert not early.eligible
    assert [c.code for c in early.unmet] == ["minimum_term"]
    assert early.earliest == date(2022, 6, 2)


def test_changzhi_serious_penalty() -> None:
    """长治 2021 (八)(十): a 严重 penalty is shown 3 years (until 2025-03-01) and never repaired."""
    f = facts(date(2022, 3, 1), tier=Tier.SERIOUS, procedure=Procedure.ORDINARY, **FULL)
    term = CHANGZHI_2021.term(f)
    assert term.last_day_shown == date(2025, 3, 1)
    assert term.minimum_end is None
    answer = CHANGZHI_2021.repair(f, applied_on=date(2023, 6, 1))
    assert not answer.eligible
    assert answer.earliest is None
    codes = {c.code for c in answer.unmet}
    assert codes == {"minimum_term", "refuse"}
    assert all(c.permanent for c in answer.unmet)


@pytest.mark.parametrize(
    ("subject", "procedure", "reason"),
    [
        (LEGAL, Procedure.SIMPLE, "decided by the simple procedure"),
        (PERSON, Procedure.ORDINARY, "the subject is a natural person"),
        (PERSON, None, "the subject is a natural person"),
    ],
)
def test_changzhi_not_published(
    subject: SubjectCategory, procedure: Procedure | None, reason: str
) -> None:
    """长治 2021 (三): simple-procedure penalties and penalties on natural persons are not published."""
    f = facts(date(2022, 3, 1), subject=subject, procedure=procedure, tier=Tier.GENERAL)
    answer = CHANGZHI_2021.publication(f)
    assert not answer.published
    assert answer.reason_en == reason
    assert str(answer.citation) == "长治 2021 实施意见 (三)"
    assert answer.deadline is None
    assert not CHANGZHI_2021.is_displayed(f, on=date(2022, 3, 2))


def test_changzhi_unstated_procedure_is_not_guessed() -> None:
    """A company penalty with no stated procedure cannot be judged: PolicyError names the fact."""
    with pytest.raises(PolicyError, match="procedure"):
        CHANGZHI_2021.publication(facts(date(2022, 3, 1), tier=Tier.GENERAL))


def test_changzhi_unstated_tier_is_not_guessed() -> None:
    """The term needs the tier (长治 2021 (八) makes the body state it); unstated raises."""
    with pytest.raises(PolicyError, match=r"missing_fact.*tier"):
        CHANGZHI_2021.term(facts(date(2022, 3, 1), procedure=Procedure.ORDINARY))


def test_changzhi_before_it_was_in_force() -> None:
    """A 2021-06 decision predates the 2021-12-16 rules: no rule, said plainly."""
    with pytest.raises(PolicyError, match="no_rule"):
        CHANGZHI_2021.term(facts(date(2021, 6, 1), tier=Tier.GENERAL))


def test_changzhi_withdrawal_same_day() -> None:
    """长治 2021 (九): a revoked penalty comes down the day the platform is told."""
    f = facts(
        date(2022, 3, 1),
        tier=Tier.GENERAL,
        procedure=Procedure.ORDINARY,
        revoked_on=date(2022, 5, 6),
    )
    w = CHANGZHI_2021.withdrawal(f)
    assert (w.due, w.deadline, str(w.citation)) == (
        date(2022, 5, 6),
        None,
        "长治 2021 实施意见 (九)",
    )
    assert CHANGZHI_2021.is_displayed(f, on=date(2022, 5, 5))
    assert not CHANGZHI_2021.is_displayed(f, on=date(2022, 5, 6))


# -- national rules -----------------------------------------------------------------------


def test_national_2026_general() -> None:
    """36号 / 22号: a 一般 penalty of 2026-05-10: minimum ends 2026-08-10, last day 2027-05-10."""
    term = NATIONAL.term(facts(date(2026, 5, 10), tier=Tier.GENERAL))
    assert (term.minimum, term.maximum) == (Period(3), Period(12))
    assert term.minimum_end == date(2026, 8, 10)
    assert term.last_day_shown == date(2027, 5, 10)
    assert "36号" in str(term.rule.citation)


def test_national_2026_serious() -> None:
    """36号 / 22号: a 严重 penalty: minimum 1 year, maximum 3 years."""
    term = NATIONAL.term(facts(date(2026, 5, 10), tier=Tier.SERIOUS))
    assert (term.minimum, term.maximum) == (Period(12), Period(36))
    assert term.minimum_end == date(2027, 5, 10)
    assert term.last_day_shown == date(2029, 5, 10)


def test_national_2026_minor_may_go_unpublished() -> None:
    """22号: a 轻微 penalty may go unpublished; if published, at most 3 months, no repair."""
    f = facts(date(2026, 5, 10), tier=Tier.MINOR)
    pub = NATIONAL.publication(f)
    assert (pub.published, pub.optional) == (False, True)
    assert NATIONAL.term(f).last_day_shown == date(2026, 8, 10)
    assert not NATIONAL.is_displayed(f, on=date(2026, 6, 1))
    published = attrs.evolve(f, published_on=date(2026, 5, 12))
    assert NATIONAL.is_displayed(published, on=date(2026, 6, 1))
    assert not NATIONAL.is_displayed(published, on=date(2026, 8, 11))


@pytest.mark.parametrize(
    ("decided", "tier", "sector", "minimum", "maximum", "document"),
    [
        (date(2022, 3, 1), Tier.GENERAL, None, 3, 12, "527号"),
        (date(2022, 3, 1), Tier.SERIOUS, None, 6, 36, "527号"),
        (date(2022, 3, 1), Tier.SPECIAL_SERIOUS, None, None, 36, "527号"),
        (date(2023, 4, 30), Tier.GENERAL, None, 3, 12, "527号"),
        (date(2023, 5, 1), Tier.GENERAL, None, 3, 36, "58号"),
        (date(2024, 7, 1), None, None, 3, 36, "58号"),
        (date(2024, 7, 1), None, Sector.FIRE_SAFETY, 12, 36, "58号"),
        (date(2024, 7, 1), None, Sector.SPECIAL_EQUIPMENT, 12, 36, "58号"),
        (date(2026, 3, 31), Tier.SERIOUS, Sector.WORK_SAFETY, 12, 36, "58号"),
        (date(2026, 4, 1), Tier.GENERAL, Sector.WORK_SAFETY, 3, 12, "36号"),
        # 36号: a published 轻微 record may be repaired at once (no minimum: 0 months)
        (date(2026, 4, 1), Tier.MINOR, None, 0, 3, "36号"),
    ],
)
def test_national_table_by_decision_date(
    decided: date,
    tier: Tier | None,
    sector: Sector | None,
    minimum: int | None,
    maximum: int,
    document: str,
) -> None:
    """The national term is chosen by the decision date: 527号, then 58号, then 36号."""
    term = NATIONAL.term(facts(decided, tier=tier, sector=sector))
    assert term.minimum == (None if minimum is None else Period(minimum))
    assert term.maximum == Period(maximum)
    assert document in str(term.rule.citation)


def test_national_before_2019() -> None:
    """No national term rule is in force for a 2018 decision."""
    with pytest.raises(PolicyError, match="no_rule"):
        NATIONAL.term(facts(date(2018, 6, 1), tier=Tier.GENERAL))


# -- Shanghai data list -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "kind", "years", "last_day", "certainty"),
    [
        (PERSON, RecordKind.PENALTY, 2, date(2024, 3, 1), "H"),
        (LEGAL, RecordKind.PENALTY, 5, date(2027, 3, 1), "H"),
        (SubjectCategory.INDIVIDUAL_BUSINESS, RecordKind.PENALTY, 5, date(2027, 3, 1), "?"),
        (LEGAL, RecordKind.LICENSE, None, None, "H"),
        (PERSON, RecordKind.LICENSE, None, None, "H"),
    ],
)
def test_shanghai_validity(
    subject: SubjectCategory,
    kind: RecordKind,
    years: int | None,
    last_day: date | None,
    certainty: str,
) -> None:
    """信用三清单 一、3: person 2 years, legal person 5 years, licence open-ended (长期)."""
    f = facts(date(2022, 3, 1), subject=subject, kind=kind)
    term = SHANGHAI_DATA_LIST.term(f)
    assert term.maximum == (None if years is None else Period.years(years))
    assert term.last_day_shown == last_day
    assert term.rule.citation.certainty == certainty
    assert SHANGHAI_DATA_LIST.publication(f).published
    assert bool(SHANGHAI_DATA_LIST.is_displayed(f, on=date(2099, 1, 1))) is (last_day is None)


def test_shanghai_repair_scope() -> None:
    """沪府办规〔2021〕1号 一: only ordinary-procedure penalties are repairable; no minimum, no repair."""
    simple = facts(date(2022, 3, 1), procedure=Procedure.SIMPLE)
    answer = SHANGHAI_DATA_LIST.repair(simple, applied_on=date(2022, 9, 1))
    assert not answer.eligible
    assert {c.code for c in answer.unmet} == {"scope", "minimum_term"}
    ordinary = attrs.evolve(simple, procedure=Procedure.ORDINARY)
    assert [
        c.code for c in SHANGHAI_DATA_LIST.repair(ordinary, applied_on=date(2022, 9, 1)).unmet
    ] == ["minimum_term"]


# -- SAMR 45号 ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("procedure", "types", "published"),
    [
        (Procedure.SIMPLE, {PenaltyType.FINE}, False),
        (Procedure.ORDINARY, {PenaltyType.WARNING}, False),
        (Procedure.ORDINARY, {PenaltyType.WARNING, PenaltyType.FINE}, True),
        (Procedure.ORDINARY, {PenaltyType.CIRCULATED_CRITICISM}, True),
    ],
)
def test_samr_publication(procedure: Procedure, types: set[PenaltyType], published: bool) -> None:
    """SAMR 45号 第二条: only ordinary-procedure penalties, and not warning-only ones, are published."""
    f = facts(date(2022, 3, 1), procedure=procedure, penalty_types=types, fine_wan="0.5")
    assert SAMR_45.publication(f).published is published


@pytest.mark.parametrize(
    ("subject", "types", "fine", "restriction", "maximum"),
    [
        (LEGAL, {PenaltyType.CIRCULATED_CRITICISM}, None, None, 3),
        (LEGAL, {PenaltyType.FINE}, "10", None, 3),
        (LEGAL, {PenaltyType.FINE}, "10.01", None, 36),
        (PERSON, {PenaltyType.FINE}, "1", None, 3),
        (PERSON, {PenaltyType.FINE}, "2", None, 36),
        (LEGAL, {PenaltyType.FINE, PenaltyType.CONFISCATION_OF_ILLEGAL_GAINS}, "1", None, 36),
        (LEGAL, {PenaltyType.RESTRICTION_OF_EMPLOYMENT}, None, 60, 60),
        (LEGAL, {PenaltyType.RESTRICTION_OF_EMPLOYMENT}, None, 24, 36),
    ],
)
def test_samr_terms(
    subject: SubjectCategory,
    types: set[PenaltyType],
    fine: str | None,
    restriction: int | None,
    maximum: int,
) -> None:
    """SAMR 45号: criticism or a small fine 3 months, others 3 years, a longer ban its length."""
    f = facts(
        date(2022, 3, 1),
        subject=subject,
        procedure=Procedure.ORDINARY,
        penalty_types=types,
        fine_wan=fine,
        restriction_months=restriction,
    )
    assert SAMR_45.term(f).maximum == Period(maximum)


def test_samr_no_early_stop_for_revocation() -> None:
    """SAMR 45号: a revocation penalty can never be stopped early."""
    f = facts(
        date(2022, 3, 1),
        procedure=Procedure.ORDINARY,
        penalty_types={PenaltyType.REVOCATION_OF_PERMIT},
        performed=True,
    )
    answer = SAMR_45.repair(f, applied_on=date(2023, 3, 1))
    assert not answer.eligible and answer.earliest is None
    assert "refuse" in {c.code for c in answer.unmet}


def test_samr_read_as_counting_from_publication() -> None:
    """A SAMR reading that counts 自公示之日起 is one field away; it then needs published_on."""
    rows = tuple(attrs.evolve(r, counted_from="publication") for r in SAMR_45.term_rules)
    samr = attrs.evolve(SAMR_45, term_rules=rows)
    f = facts(
        date(2022, 3, 1),
        procedure=Procedure.ORDINARY,
        penalty_types={PenaltyType.CONFISCATION_OF_ILLEGAL_GAINS},
    )
    with pytest.raises(PolicyError, match=r"missing_fact.*published_on"):
        samr.term(f)
    term = samr.term(attrs.evolve(f, published_on=date(2022, 3, 20)))
    assert (term.counted_from, term.last_day_shown) == (date(2022, 3, 20), date(2025, 3, 20))
    assert SAMR_45.term(f).last_day_shown == date(2025, 3, 1)  # the preset: from the decision


def test_samr_fine_without_amount_is_not_guessed() -> None:
    """A fine with no amount cannot be judged small or not: PolicyError names fine_wan."""
    f = facts(date(2022, 3, 1), procedure=Procedure.ORDINARY, penalty_types={PenaltyType.FINE})
    with pytest.raises(PolicyError, match="fine_wan"):
        SAMR_45.term(f)


# -- registry -----------------------------------------------------------------------------


def test_presets_by_name() -> None:
    """Every preset is reachable by its name; an unknown name lists the known ones."""
    assert sorted(PRESETS) == [
        "changzhi-2021",
        "national",
        "samr-45",
        "shanghai-data-list",
        "yinchuan-2017",
    ]
    assert all(get_preset(name) is PRESETS[name] for name in PRESETS)
    with pytest.raises(PolicyError, match="changzhi-2021"):
        get_preset("beijing")


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_row_is_cited(name: str) -> None:
    """Every row of every preset carries a document and valid effective dates."""
    policy = PRESETS[name]
    rows: list[Any] = [
        *policy.publication_rules,
        *policy.deadline_choices,
        *policy.term_rules,
        *policy.repair_rules,
    ]
    assert rows
    for row in rows:
        assert row.citation.document
        if row.effective_from and row.effective_to:
            assert row.effective_from <= row.effective_to
