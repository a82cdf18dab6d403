"""Publication answers, their deadlines (from credit_disclosure.deadlines), display and withdrawal."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import attrs
import pytest

from credit_disclosure.errors import PolicyError
from credit_disclosure.policy import (
    CHANGZHI_2021,
    NATIONAL,
    SAMR_45,
    SHANGHAI_DATA_LIST,
    Citation,
    DeadlineChoice,
    Match,
    PenaltyFacts,
    Policy,
    Procedure,
    PublicationRule,
    Tier,
)
from credit_disclosure.standard import PenaltyType, SubjectCategory
from credit_disclosure.workdays import default_calendar

#: decided and revoked before 行政处罚法 2021 came into force (2021-07-15)
OLD = PenaltyFacts(
    decision_date=date(2020, 5, 6),
    subject=SubjectCategory.LEGAL_PERSON,
    tier=Tier.GENERAL,
    revoked_on=date(2020, 6, 1),
)
F = PenaltyFacts(
    decision_date=date(2026, 9, 28),
    subject=SubjectCategory.LEGAL_PERSON,
    tier=Tier.GENERAL,
    procedure=Procedure.ORDINARY,
    penalty_types={PenaltyType.FINE},
    fine_wan="50",
)


@pytest.mark.parametrize(
    ("policy", "due", "rule"),
    [
        (CHANGZHI_2021, date(2026, 10, 13), "publication"),  # 7 working days over 国庆
        (NATIONAL, date(2026, 10, 13), "publication"),
        (SAMR_45, date(2026, 10, 30), "samr_publication"),  # 20 working days, 10-10 a make-up day
    ],
)
def test_publication_deadline(policy: object, due: date, rule: str) -> None:
    """A published record carries the deadline of the policy's rule, computed on the calendar."""
    answer = policy.publication(F)  # type: ignore[attr-defined]
    assert answer.published
    assert answer.deadline is not None
    assert (answer.deadline.due, answer.deadline.rule.name) == (due, rule)
    assert f"publish by {due.isoformat()}" in answer.explain()


def test_unknown_calendar_year_keeps_the_answer() -> None:
    """A decision late in 2026 whose deadline falls in 2027 (no schedule): published, deadline None + why."""
    late = attrs.evolve(F, decision_date=date(2026, 12, 28))
    answer = CHANGZHI_2021.publication(late)
    assert answer.published
    assert answer.deadline is None
    assert answer.deadline_problem is not None and "2027" in answer.deadline_problem
    assert "deadline unknown" in answer.explain()
    # the note in both languages, each in one language (explain(lang="zh") shows the Chinese)
    assert answer.deadline_problem_zh is not None and "缺少2027年节假日安排" in answer.deadline_problem_zh
    assert not re.search(r"[\u4e00-\u9fff]", answer.deadline_problem.replace("调休", ""))
    zh = answer.explain("zh")
    assert "期限无法确定" in zh and "缺少2027年节假日安排" in zh and not _has_english_prose(zh)


def test_calendar_is_passed_through() -> None:
    """A provisional calendar passed by the caller is used: the 2027 deadline is computed, flagged."""
    late = attrs.evolve(F, decision_date=date(2026, 12, 28))
    answer = CHANGZHI_2021.publication(late, calendar=default_calendar(provisional=True))
    assert answer.deadline is not None
    assert answer.deadline.provisional
    assert answer.deadline.due == date(2027, 1, 7)  # 元旦 2027 is a statutory day off


def test_samr_withdrawal_three_working_days() -> None:
    """SAMR 45号: withdraw within 3 working days of being told of a revocation."""
    f = attrs.evolve(F, revoked_on=date(2026, 9, 30))
    w = SAMR_45.withdrawal(f)
    assert w.deadline is not None and w.deadline.rule.name == "withdrawal_after_revocation"
    assert w.due == date(2026, 10, 10)  # 10-01..07 holiday; 10-08, 10-09, 10-10 (make-up day)
    assert "take down by" in w.explain()


def test_withdrawal_needs_revocation_date() -> None:
    """Withdrawal without a stated revocation date raises; a policy without a rule says so."""
    with pytest.raises(PolicyError, match="revoked_on"):
        SAMR_45.withdrawal(F)
    with pytest.raises(PolicyError, match="no_rule"):
        NATIONAL.withdrawal(OLD)


def test_withdrawal_in_an_unknown_year() -> None:
    """A revocation whose 3-day deadline needs 2027 gives due None and the reason."""
    w = SAMR_45.withdrawal(attrs.evolve(F, revoked_on=date(2026, 12, 30)))
    assert w.due is None and w.deadline_problem is not None
    assert "due date unknown" in w.explain()
    zh = w.explain("zh")
    assert "撤下期限无法确定" in zh and "缺少2027年节假日安排" in zh and not _has_english_prose(zh)


def test_no_deadline_row_is_said_in_both_languages() -> None:
    """A policy without a withdrawal deadline row: the error names it in each language."""
    with pytest.raises(PolicyError) as info:
        NATIONAL.withdrawal(OLD)
    assert "withdrawal" in info.value.message_en and "撤下期限" in info.value.message_zh


def test_unknown_deadline_name_is_an_error() -> None:
    """A deadline choice naming a rule that does not exist fails when built, listing the names."""
    with pytest.raises(PolicyError, match=r"NOPE.*samr_publication"):
        DeadlineChoice(citation=Citation(document="x"), purpose="publication", deadline="NOPE")


def test_deadline_rule_by_lower_case_name() -> None:
    """A deadline may also be named by the deadlines module's rule name (``samr_publication``)."""
    mine = CHANGZHI_2021.with_rules(
        DeadlineChoice(
            citation=Citation(document="x"), purpose="publication", deadline="samr_publication"
        )
    )
    answer = mine.publication(F)
    assert answer.deadline is not None and answer.deadline.due == date(2026, 10, 30)


def test_deadline_rule_not_in_force_is_reported() -> None:
    """SAMR's 20-day rule applies from 2021-09-01: an earlier decision gets the reason, not a crash."""
    mine = CHANGZHI_2021.with_rules(
        DeadlineChoice(
            citation=Citation(document="x"), purpose="publication", deadline="SAMR_PUBLICATION"
        ),
        PublicationRule(
            citation=Citation(document="x"),
            match=Match(),
            publish=True,
            reason_en="all",
            reason_zh="全部",
        ),
    )
    answer = mine.publication(attrs.evolve(F, decision_date=date(2021, 8, 2)))
    assert answer.deadline is None and "samr_publication" in (answer.deadline_problem or "")


@pytest.mark.parametrize(
    ("on", "shown", "reason"),
    [
        (date(2026, 9, 27), False, "not yet shown"),
        (date(2026, 9, 28), True, "until 2027-09-28"),
        (date(2027, 9, 28), True, "until 2027-09-28"),
        (date(2027, 9, 29), False, "term ended on 2027-09-28"),
    ],
)
def test_is_displayed(on: date, shown: bool, reason: str) -> None:
    """Shown from the decision (or stated publication) to the last day; the reason says which."""
    display = CHANGZHI_2021.is_displayed(F, on=on)
    assert bool(display) is shown
    assert reason in display.reason


def test_is_displayed_from_publication_day() -> None:
    """With ``published_on`` stated, the record is shown from that day."""
    f = attrs.evolve(F, published_on=date(2026, 10, 9))
    assert not CHANGZHI_2021.is_displayed(f, on=date(2026, 10, 8))
    assert CHANGZHI_2021.is_displayed(f, on=date(2026, 10, 9))
    assert CHANGZHI_2021.term(f).first_day_shown == date(2026, 10, 9)


def test_explain_mentions_rule() -> None:
    """Term and publication explanations name the rule that decided."""
    assert "长治 2021 实施意见 (八)(十)" in CHANGZHI_2021.term(F).explain()
    serious = attrs.evolve(F, tier=Tier.SERIOUS)
    assert "no minimum term" in CHANGZHI_2021.term(serious).explain()


def test_shanghai_withdrawal_three_working_days() -> None:
    """上海市社会信用条例: a revoked penalty is deleted within 3 working days of the notice."""
    w = SHANGHAI_DATA_LIST.withdrawal(attrs.evolve(F, revoked_on=date(2026, 9, 30)))
    assert w.due == date(2026, 10, 10)
    assert "上海市社会信用条例" in str(w.citation)


def test_national_withdrawal_error_says_how_to_add_one() -> None:
    """Before 行政处罚法 2021 NATIONAL names no withdrawal rule: the error says how to add one."""
    with pytest.raises(PolicyError, match=r"DeadlineChoice\(purpose='withdrawal'"):
        NATIONAL.withdrawal(OLD)


def test_national_withdrawal_three_working_days() -> None:
    """行政处罚法 第四十八条 with 第八十五条: withdrawn within three working days (from 2021-07-15)."""
    w = NATIONAL.withdrawal(attrs.evolve(F, revoked_on=date(2026, 9, 30)))
    assert w.due == date(2026, 10, 10)  # 10-01..07 holiday; 10-08, 10-09, 10-10 (make-up day)
    assert w.citation.article == "第四十八条, 第八十五条"
    assert "行政处罚法" in w.citation.document


@pytest.mark.parametrize(
    ("corrected", "shown"), [(False, True), (True, False), (None, False)]
)
def test_national_36_until_corrected(corrected: bool | None, shown: bool) -> None:
    """Under 36号 an uncorrected 一般 record stays shown past its maximum (M, overridable)."""
    facts = attrs.evolve(F, corrected=corrected)
    after = date(2027, 9, 29)  # the 1-year maximum ended on 2027-09-28
    display = NATIONAL.is_displayed(facts, on=after)
    assert bool(display) is shown
    if shown:
        assert "not corrected" in display.reason


def test_national_22_outside_sector() -> None:
    """国办发〔2025〕22号: a department does not publish records outside its own sector (stated)."""
    assert not NATIONAL.publication(attrs.evolve(F, outside_sector=True)).published
    assert NATIONAL.publication(attrs.evolve(F, outside_sector=False)).published
    assert NATIONAL.publication(F).published  # unstated: the rule does not apply


@pytest.mark.parametrize("on", ["2026-10-01", datetime(2026, 10, 1, 9, 0), None])
def test_is_displayed_needs_a_date(on: object) -> None:
    """``on`` that is not a plain date raises PolicyError naming ``on``, not a TypeError."""
    with pytest.raises(PolicyError, match=r"policy\.fact: on must be a datetime\.date"):
        CHANGZHI_2021.is_displayed(F, on=on)  # type: ignore[arg-type]


@pytest.mark.parametrize("method", ["term", "publication", "withdrawal", "is_displayed", "repair"])
def test_questions_need_penalty_facts(method: str) -> None:
    """Passing something other than PenaltyFacts raises PolicyError, not AttributeError."""
    with pytest.raises(PolicyError, match="PenaltyFacts, not dict"):
        getattr(CHANGZHI_2021, method)(
            {},
            **(
                {"on": date(2026, 10, 1)}
                if method == "is_displayed"
                else {"applied_on": date(2026, 10, 1)}
                if method == "repair"
                else {}
            ),
        )


def test_policy_tables_become_tuples() -> None:
    """Rule tables given as lists are stored as tuples, so policies stay hashable."""
    policy = Policy(name="x", title="X", publication_rules=list(CHANGZHI_2021.publication_rules))
    assert isinstance(policy.publication_rules, tuple)
    assert hash(policy) == hash(attrs.evolve(policy))


@pytest.mark.parametrize(
    "build",
    [
        lambda: Citation(document="x", certainty="L"),
        lambda: DeadlineChoice(citation=Citation(document="x"), purpose="pay", deadline=None),
        lambda: CHANGZHI_2021.with_rules("term"),  # type: ignore[arg-type]
    ],
)
def test_bad_rule_parts_raise_policy_error(build: Any) -> None:
    """A wrong certainty, purpose or rule object raises PolicyError saying what is allowed."""
    with pytest.raises(PolicyError):
        build()


def test_with_rules_names_the_wrong_row() -> None:
    """with_rules given something that is not a rule row says what it got."""
    with pytest.raises(PolicyError, match="not str"):
        CHANGZHI_2021.with_rules("term")  # type: ignore[arg-type]


def test_national_36_minor_repaired_at_once() -> None:
    """36号: a published 轻微 record may be repaired once its obligations are performed."""
    facts = PenaltyFacts(
        decision_date=date(2026, 5, 6),
        subject=SubjectCategory.LEGAL_PERSON,
        tier=Tier.MINOR,
        published_on=date(2026, 5, 8),
        performed=True,
        corrected=True,
        commitment=True,
    )
    assert NATIONAL.repair(facts, applied_on=date(2026, 5, 10)).eligible
    assert not NATIONAL.repair(attrs.evolve(facts, performed=False), applied_on=date(2026, 5, 10))


def _has_english_prose(text: str) -> bool:
    """English words left once codes (workdays.year_missing), calls and citations are set aside."""
    text = re.sub(r"[A-Za-z_.]+\([^)]*\)|[A-Za-z_]+(?:[._][A-Za-z_]+)+|\[[^\]]*\]|[A-Z]{2,}", " ", text)
    return bool(re.search(r"[A-Za-z]{3,}", text))
