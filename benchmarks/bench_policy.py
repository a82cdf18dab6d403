"""Disclosure terms and repair answers (credit_disclosure.policy)."""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from benchmarks._harness import Case
from credit_disclosure.policy import CHANGZHI_2021, NATIONAL, PenaltyFacts, Period, Procedure, Tier
from credit_disclosure.standard import SubjectCategory


def cases(quick: bool) -> list[Case]:
    n = 500 if quick else 20_000
    start = date(2022, 1, 1)
    days = [start + timedelta(days=i % 1400) for i in range(n)]
    facts = [
        PenaltyFacts(
            decision_date=d,
            subject=SubjectCategory.LEGAL_PERSON,
            tier=Tier.GENERAL,
            procedure=Procedure.ORDINARY,
            performed=True,
            commitment=True,
            authority_consent=True,
        )
        for d in days
    ]
    year = Period(12)
    one_year = relativedelta(years=1)
    apply_on = date(2026, 1, 5)
    return [
        Case(
            name="policy: Period.last_day (1 year)",
            items=n,
            ours=lambda: [year.last_day(d) for d in days],
            peer_name="dateutil relativedelta",
            peer=lambda: [d + one_year for d in days],
        ),
        Case(
            name="policy: term, explained (Changzhi 2021)",
            items=n,
            ours=lambda: [CHANGZHI_2021.term(f) for f in facts],
            peer_name="bare date + relativedelta",
            peer=lambda: [f.decision_date + one_year for f in facts],
            note="the peer gives a bare date: no rule lookup, no minimum, no citation",
        ),
        Case(
            name="policy: term across regimes (national 527/58/36)",
            items=n,
            ours=lambda: [NATIONAL.term(f) for f in facts],
        ),
        Case(
            name="policy: repair, every condition (Changzhi 2021)",
            items=n,
            ours=lambda: [CHANGZHI_2021.repair(f, applied_on=apply_on) for f in facts],
        ),
        Case(
            name="policy: publication with 7-working-day deadline",
            items=n,
            ours=lambda: [CHANGZHI_2021.publication(f) for f in facts],
        ),
    ]
