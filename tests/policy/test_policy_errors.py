"""Every ``PolicyError`` the library raises says its particulars in both languages.

One call per code that a user can reach; the Chinese message is the code's own (not the
general one an older-style error falls back to), names the same particulars as the English
one (a date, a fact, a name) and carries no identity number.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest

from credit_disclosure.deadlines import RULES
from credit_disclosure.errors import _POLICY_ZH as GENERAL
from credit_disclosure.errors import PolicyError
from credit_disclosure.policy import (
    CHANGZHI_2021,
    Citation,
    DeadlineChoice,
    PenaltyFacts,
    Period,
    Tier,
    get_preset,
    policy_from_dict,
)
from credit_disclosure.standard import SubjectCategory

LEGAL = SubjectCategory.LEGAL_PERSON
ID = "11010519491231002X"


def _facts(**kw: object) -> PenaltyFacts:
    return PenaltyFacts(decision_date=date(2022, 3, 1), subject=LEGAL, **kw)  # type: ignore[arg-type]


#: code -> a call that raises it, and a particular both messages must name.
CASES: list[tuple[str, Callable[[], object], str]] = [
    ("policy.no_rule", lambda: CHANGZHI_2021.term(
        PenaltyFacts(decision_date=date(2018, 1, 1), subject=LEGAL, tier=Tier.GENERAL)), "2018-01-01"),
    ("policy.no_rule", lambda: CHANGZHI_2021.repair(
        _facts(tier=Tier.GENERAL), applied_on=date(2000, 1, 1)), "2000-01-01"),
    ("policy.missing_fact", lambda: CHANGZHI_2021.term(_facts()), "tier"),
    ("policy.missing_fact", lambda: CHANGZHI_2021.withdrawal(_facts()), "revoked_on"),
    ("policy.fact", lambda: _facts(published_on=date(2022, 2, 1)), "2022-02-01"),
    ("policy.fact", lambda: _facts(fine_wan=f"{ID}x"), "fine_wan"),
    ("policy.fact", lambda: _facts(tier="severe"), "severe"),
    ("policy.fact", lambda: _facts(corrected="yes"), "corrected"),
    ("policy.fact", lambda: CHANGZHI_2021.term("facts"), "PenaltyFacts"),  # type: ignore[arg-type]
    ("policy.period", lambda: Period.parse("three months"), "three months"),
    ("policy.period", lambda: Period(-1), "-1"),
    ("policy.date_range", lambda: Period(12).last_day(date(9999, 6, 1)), "9999-06-01"),
    ("policy.preset", lambda: get_preset("nowhere-2020"), "nowhere-2020"),
    ("policy.file", lambda: policy_from_dict([]), "list"),  # type: ignore[arg-type]
    ("policy.deadline", lambda: DeadlineChoice(
        citation=Citation(document="x"), purpose="publication", deadline="no-such-rule"),
     "no-such-rule"),
    ("policy.deadline", lambda: RULES["samr_publication"].due(date(2020, 1, 2)), "2020-01-02"),
    ("policy.rule", lambda: DeadlineChoice(
        citation=Citation(document="x"), purpose="lunch", deadline=None), "lunch"),
]


@pytest.mark.parametrize(("code", "call", "particular"), CASES)
def test_each_code_says_its_particulars_in_chinese(
    code: str, call: Callable[[], object], particular: str
) -> None:
    with pytest.raises(PolicyError) as info:
        call()
    err = info.value
    assert err.code == code
    assert err.message_zh != GENERAL.get(code)  # the code's own message, not the general one
    assert re.search(r"[\u4e00-\u9fff]", err.message_zh)
    assert particular in err.message_en and particular in err.message_zh, (
        err.message_en, err.message_zh)
    assert ID not in str(err) and ID not in repr(err)


def test_the_older_form_still_reads() -> None:
    """PolicyError("policy.code: English") keeps working, with the code's general Chinese."""
    err = PolicyError("policy.no_rule: nothing in force")
    assert (err.code, err.message_en, err.message_zh) == (
        "policy.no_rule", "nothing in force", GENERAL["policy.no_rule"])
