"""Facts are explicit inputs: validated, never guessed; built from records; tiers only suggested."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure.errors import PolicyError
from credit_disclosure.policy import (
    DEFAULT_THRESHOLDS,
    PenaltyFacts,
    Procedure,
    Sector,
    Tier,
    suggest_tier,
)
from credit_disclosure.standard import (
    LicenseRecord,
    PenaltyRecord,
    PenaltyType,
    RecordKind,
    SubjectCategory,
)

LEGAL = SubjectCategory.LEGAL_PERSON


def test_defaults_are_unstated() -> None:
    """Every fact beyond date and subject defaults to None (unstated) or empty."""
    f = PenaltyFacts(decision_date=date(2022, 3, 1), subject=LEGAL)
    assert (f.tier, f.procedure, f.performed, f.commitment, f.sector) == (None,) * 5
    assert f.penalty_types == frozenset() and f.kind is RecordKind.PENALTY


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("decision_date", datetime(2022, 3, 1, 12, 0)),
        ("decision_date", "2022-03-01"),
        ("revoked_on", "2022-03-01"),
        ("fine_wan", "lots"),
        ("fine_wan", "-1"),
        ("fine_wan", "NaN"),
        ("penalty_types", ["罚金"]),
        ("previous_repairs", ["2021-01-01"]),
        ("performed", "yes"),
        ("commitment", 1),
        ("restriction_months", -3),
        ("restriction_months", 1.5),
        ("revoked_on", date(2022, 2, 28)),
        ("published_on", date(2021, 12, 31)),
        ("decision_date", None),
        ("subject", "company"),
        ("subject", None),
        ("kind", "fine"),
        ("tier", "huge"),
        ("tier", 2),
        ("procedure", "quick"),
        ("fine_wan", True),
        ("fine_wan", b"0.2"),
        ("penalty_types", None),
        ("penalty_types", b"\xe7\xbd\x9a"),
        ("penalty_types", "警告；罚金"),
        ("previous_repairs", None),
        ("previous_repairs", date(2021, 1, 1)),
        ("previous_serious_penalties", "2021-01-01"),
        ("sector", 5),
    ],
)
def test_bad_facts_raise_policy_error(field: str, value: object) -> None:
    """Wrong types or impossible values raise PolicyError when the facts are built."""
    kwargs: dict[str, object] = {"decision_date": date(2022, 3, 1), "subject": LEGAL, field: value}
    with pytest.raises(PolicyError):
        PenaltyFacts(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("subject", "自然人", SubjectCategory.NATURAL_PERSON),
        ("subject", " 个体工商户 ", SubjectCategory.INDIVIDUAL_BUSINESS),
        ("subject", "legal_person", LEGAL),
        ("tier", "一般", Tier.GENERAL),
        ("tier", "SERIOUS", Tier.SERIOUS),
        ("procedure", "简易程序", Procedure.SIMPLE),
        ("kind", "license", RecordKind.LICENSE),
        ("fine_wan", "０.２", Decimal("0.2")),
        ("fine_wan", " 3 ", Decimal("3")),
        ("penalty_types", "警告；罚款", frozenset({PenaltyType.WARNING, PenaltyType.FINE})),
        (
            "penalty_types",
            "罚款、没收违法所得",
            frozenset({PenaltyType.FINE, PenaltyType.CONFISCATION_OF_ILLEGAL_GAINS}),
        ),
        ("penalty_types", PenaltyType.FINE, frozenset({PenaltyType.FINE})),
        ("sector", " 消防 ", "消防"),
        ("sector", "", None),
        (
            "previous_repairs",
            (d for d in [date(2021, 5, 1), date(2020, 1, 1)]),
            (date(2020, 1, 1), date(2021, 5, 1)),
        ),
    ],
)
def test_lenient_but_exact_conversions(field: str, value: object, expected: object) -> None:
    """Enum facts take their Chinese value or name, text is folded, generators are read once."""
    kwargs: dict[str, object] = {"decision_date": date(2022, 3, 1), "subject": LEGAL, field: value}
    assert getattr(PenaltyFacts(**kwargs), field) == expected  # type: ignore[arg-type]


def test_errors_say_which_fact_without_echoing_huge_values() -> None:
    """A bad fact's message names the fact; a huge value is cut, never echoed whole."""
    with pytest.raises(PolicyError, match=r"policy\.fact: fine_wan") as info:
        PenaltyFacts(decision_date=date(2022, 3, 1), subject=LEGAL, fine_wan="9" * 500 + "x")
    assert len(info.value.message_en) < 150 and len(info.value.message_zh) < 100
    assert "fine_wan" in info.value.message_zh  # the Chinese message names the fact too
    with pytest.raises(
        PolicyError, match=r"subject is one of 法人及非法人组织, 自然人, 个体工商户"
    ):
        PenaltyFacts(decision_date=date(2022, 3, 1), subject="company")  # type: ignore[arg-type]


def test_conversions() -> None:
    """Fines become Decimal, type names become PenaltyType, Sector members their text."""
    f = PenaltyFacts(
        decision_date=date(2022, 3, 1),
        subject=LEGAL,
        fine_wan=0.2,
        penalty_types=["罚款", PenaltyType.WARNING],
        sector=Sector.FIRE_SAFETY,
        previous_repairs=[date(2021, 5, 1), date(2020, 1, 1)],
    )
    assert f.fine_wan == Decimal("0.2")
    assert f.penalty_types == {PenaltyType.FINE, PenaltyType.WARNING}
    assert f.sector == "消防" and type(f.sector) is str
    assert f.previous_repairs == (date(2020, 1, 1), date(2021, 5, 1))


def test_from_penalty_record() -> None:
    """A PenaltyRecord gives date, subject, types and fine; the caller adds the rest."""
    rec = PenaltyRecord(
        decision_date=date(2022, 3, 1),
        subject_category=LEGAL,
        penalty_categories="罚款、没收违法所得",
        fine_amount=Decimal("3.5"),
    )
    f = PenaltyFacts.from_record(rec, tier=Tier.SERIOUS, procedure=Procedure.ORDINARY)
    assert f.decision_date == date(2022, 3, 1)
    assert f.penalty_types == {PenaltyType.FINE, PenaltyType.CONFISCATION_OF_ILLEGAL_GAINS}
    assert (f.fine_wan, f.tier, f.procedure) == (Decimal("3.5"), Tier.SERIOUS, Procedure.ORDINARY)


def test_from_licence_record() -> None:
    """A LicenseRecord gives licence facts."""
    rec = LicenseRecord(decision_date=date(2022, 3, 1), subject_category=LEGAL)
    assert PenaltyFacts.from_record(rec).kind is RecordKind.LICENSE


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (PenaltyRecord(subject_category=LEGAL), "CF_JDRQ"),
        (PenaltyRecord(decision_date=date(2022, 3, 1)), "CF_XDR_LB"),
        (LicenseRecord(subject_category=LEGAL), "XK_JDRQ"),
        (
            PenaltyRecord(
                decision_date=date(2022, 3, 1), subject_category=LEGAL, penalty_categories="罚金"
            ),
            "罚金",
        ),
    ],
)
def test_from_record_refuses_gaps(record: PenaltyRecord | LicenseRecord, message: str) -> None:
    """A record lacking a date or category, or with unreadable 处罚类别, raises and says which."""
    with pytest.raises(PolicyError, match=message):
        PenaltyFacts.from_record(record)


@pytest.mark.parametrize(
    ("subject", "types", "fine", "procedure", "tier"),
    [
        (LEGAL, {PenaltyType.WARNING}, None, None, Tier.MINOR),
        (LEGAL, {PenaltyType.CIRCULATED_CRITICISM}, None, None, Tier.MINOR),
        (LEGAL, {PenaltyType.FINE}, "0.3", None, Tier.MINOR),  # 3,000 yuan: 第五十一条 limit
        (LEGAL, {PenaltyType.FINE}, "0.31", None, Tier.GENERAL),
        (SubjectCategory.NATURAL_PERSON, {PenaltyType.FINE}, "0.02", None, Tier.MINOR),
        (SubjectCategory.NATURAL_PERSON, {PenaltyType.FINE}, "0.05", None, Tier.GENERAL),
        (LEGAL, {PenaltyType.FINE}, "100", None, Tier.SERIOUS),
        (LEGAL, {PenaltyType.FINE}, None, None, Tier.GENERAL),
        (LEGAL, {PenaltyType.CONFISCATION_OF_ILLEGAL_GAINS}, None, None, Tier.GENERAL),
        (LEGAL, {PenaltyType.REVOCATION_OF_PERMIT, PenaltyType.WARNING}, None, None, Tier.SERIOUS),
        (LEGAL, {PenaltyType.RESTRICTION_OF_EMPLOYMENT}, None, None, Tier.SERIOUS),
        (LEGAL, set(), None, Procedure.SIMPLE, Tier.MINOR),
        (LEGAL, set(), None, None, Tier.GENERAL),
    ],
)
def test_suggest_tier(
    subject: SubjectCategory,
    types: set[PenaltyType],
    fine: str | None,
    procedure: Procedure | None,
    tier: Tier,
) -> None:
    """The classifier suggests a tier from types, amount and procedure, with reasons."""
    f = PenaltyFacts(
        decision_date=date(2026, 5, 10),
        subject=subject,
        penalty_types=types,
        fine_wan=fine,
        procedure=procedure,
    )
    suggestion = suggest_tier(f)
    assert suggestion.tier is tier
    assert suggestion.reasons
    assert suggestion.citation.certainty == "?"
    assert f.tier is None  # a suggestion never changes the facts


def test_thresholds_are_data() -> None:
    """Users pass their own thresholds; a 50 万元 fine becomes 严重 with a 50 万元 threshold."""
    f = PenaltyFacts(
        decision_date=date(2026, 5, 10), subject=LEGAL, penalty_types={"罚款"}, fine_wan="50"
    )
    assert suggest_tier(f).tier is Tier.GENERAL
    mine = attrs.evolve(DEFAULT_THRESHOLDS, serious_fine_wan=Decimal("50"))
    assert suggest_tier(f, thresholds=mine).tier is Tier.SERIOUS


@given(
    st.frozensets(st.sampled_from(list(PenaltyType))),
    st.none() | st.decimals(min_value=0, max_value=10**7, places=2),
    st.sampled_from(list(SubjectCategory)),
)
def test_suggest_tier_total(
    types: frozenset[PenaltyType], fine: Decimal | None, subject: SubjectCategory
) -> None:
    """Any combination of types and amount yields a tier with at least one reason."""
    f = PenaltyFacts(
        decision_date=date(2026, 5, 10), subject=subject, penalty_types=types, fine_wan=fine
    )
    suggestion = suggest_tier(f)
    assert suggestion.tier in (Tier.MINOR, Tier.GENERAL, Tier.SERIOUS)
    assert suggestion.reasons


_JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.binary(max_size=10),
    st.lists(st.text(max_size=5), max_size=3),
    st.dates(),
    st.datetimes(),
)
_FIELDS = [f.name for f in attrs.fields(PenaltyFacts)]


@given(st.sampled_from(_FIELDS), _JUNK)
def test_junk_facts_raise_only_policy_error(field: str, junk: object) -> None:
    """Any junk in any fact either builds valid facts or raises PolicyError, nothing else."""
    kwargs: dict[str, object] = {"decision_date": date(2022, 3, 1), "subject": LEGAL, field: junk}
    try:
        facts = PenaltyFacts(**kwargs)  # type: ignore[arg-type]
    except PolicyError:
        return
    assert isinstance(facts.subject, SubjectCategory)
    assert facts.fine_wan is None or facts.fine_wan >= 0


def test_from_record_gaps_filled_by_stated_facts() -> None:
    """A record lacking its date or category works when the caller states it; stated facts win."""
    rec = PenaltyRecord(penalty_categories="罚款", fine_amount=Decimal("1"))
    f = PenaltyFacts.from_record(rec, decision_date=date(2022, 3, 1), subject="自然人")
    assert (f.decision_date, f.subject) == (date(2022, 3, 1), SubjectCategory.NATURAL_PERSON)
    full = PenaltyRecord(decision_date=date(2022, 3, 1), subject_category=LEGAL)
    assert PenaltyFacts.from_record(full, decision_date=date(2022, 4, 1)).decision_date == date(
        2022, 4, 1
    )


@pytest.mark.parametrize("record", [None, {"CF_JDRQ": "2022/03/01"}, "record"])
def test_from_record_needs_a_record(record: object) -> None:
    """from_record given something that is not a record raises PolicyError naming the type."""
    with pytest.raises(PolicyError, match="PenaltyRecord or LicenseRecord"):
        PenaltyFacts.from_record(record)  # type: ignore[arg-type]
