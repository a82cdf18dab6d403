"""Disclosure terms, publication eligibility and credit repair as policy objects.

A :class:`Policy` is a set of effective-dated, cited rule tables. Ask it about
one record, described by :class:`PenaltyFacts` (the facts the data standard
lacks, such as the severity tier, are explicit inputs):

- :meth:`Policy.publication`: published or not, why, and by when;
- :meth:`Policy.term`: first day shown, end of the minimum term, last day shown;
- :meth:`Policy.is_displayed` and :meth:`Policy.withdrawal` (after revocation);
- :meth:`Policy.repair`: eligible or not, every unmet condition, earliest date.

Presets: :data:`NATIONAL`, :data:`SAMR_45`, :data:`CHANGZHI_2021`,
:data:`SHANGHAI_DATA_LIST`, :data:`YINCHUAN_2017`; load your own with :func:`load_policy`.

>>> from datetime import date
>>> from credit_disclosure.policy import CHANGZHI_2021, PenaltyFacts, Procedure, Tier
>>> from credit_disclosure.standard import SubjectCategory
>>> facts = PenaltyFacts(decision_date=date(2022, 3, 1), subject=SubjectCategory.LEGAL_PERSON,
...                      tier=Tier.GENERAL, procedure=Procedure.ORDINARY)
>>> CHANGZHI_2021.term(facts).last_day_shown
datetime.date(2023, 3, 1)
>>> CHANGZHI_2021.repair(facts, applied_on=date(2022, 7, 1)).earliest
datetime.date(2022, 6, 2)
"""

from __future__ import annotations

from .._contracts import guard_public as _guard_public
from ._answers import (
    Display,
    Publication,
    RepairAnswer,
    RepairCondition,
    Term,
    Withdrawal,
)
from ._facts import PenaltyFacts, Procedure, Sector, Tier
from ._loader import load_policy, policy_from_dict, policy_to_dict
from ._periods import Period
from ._policy import Policy
from ._presets import (
    CHANGZHI_2021,
    NATIONAL,
    PRESETS,
    SAMR_45,
    SHANGHAI_DATA_LIST,
    YINCHUAN_2017,
    get_preset,
)
from ._rules import (
    Citation,
    DeadlineChoice,
    Match,
    PublicationRule,
    RepairRule,
    RepairRuleKind,
    TermRule,
)
from ._severity import DEFAULT_THRESHOLDS, SeverityThresholds, TierSuggestion, suggest_tier

__all__ = [
    "CHANGZHI_2021",
    "DEFAULT_THRESHOLDS",
    "NATIONAL",
    "PRESETS",
    "SAMR_45",
    "SHANGHAI_DATA_LIST",
    "YINCHUAN_2017",
    "Citation",
    "DeadlineChoice",
    "Display",
    "Match",
    "PenaltyFacts",
    "Period",
    "Policy",
    "Procedure",
    "Publication",
    "PublicationRule",
    "RepairAnswer",
    "RepairCondition",
    "RepairRule",
    "RepairRuleKind",
    "Sector",
    "SeverityThresholds",
    "Term",
    "TermRule",
    "Tier",
    "TierSuggestion",
    "Withdrawal",
    "get_preset",
    "load_policy",
    "policy_from_dict",
    "policy_to_dict",
    "suggest_tier",
]

# The error contract at the public boundary (docs/errors.md, "Argument errors").
_guard_public(globals())
