"""Named working-day deadlines of 双公示 work, each with its source, and the timeliness check.

A :class:`DeadlineRule` is data: a name, a period (:class:`WorkingDays`,
:class:`CalendarPeriod` or :class:`NextWeekday`) and the document it comes from.
``rule.due(start)`` returns a :class:`Deadline` that can explain itself. Your own
rules, in code or in a file (:func:`load_rules`), work the same way.

>>> from datetime import date
>>> from credit_disclosure.deadlines import check_timeliness, publication_deadline
>>> publication_deadline(date(2026, 9, 28)).due
datetime.date(2026, 10, 13)
>>> check_timeliness(date(2026, 9, 28), date(2026, 10, 14)).working_days_late
1
"""

from __future__ import annotations

from .._contracts import guard_public as _guard_public
from ._bounded import (
    BoundedDeadline,
    BoundedTimeliness,
    Verdict,
    bounded_deadline,
    check_timeliness_bounded,
)
from ._rules import (
    DISPUTE_VERIFICATION,
    INFORMATION_DISCLOSURE,
    OBJECTION_DECISION,
    OBJECTION_MARKING,
    OBJECTION_TRANSFER,
    PUBLICATION,
    REPAIR_RESULT_SHARING,
    REPAIR_REVIEW,
    RULES,
    SAMR_PUBLICATION,
    WEEKLY_REPORT,
    WITHDRAWAL_AFTER_REVOCATION,
    CalendarPeriod,
    Deadline,
    DeadlineRule,
    NextWeekday,
    Timeliness,
    WorkingDays,
    check_timeliness,
    get_rule,
    load_rules,
    publication_deadline,
    rule_from_dict,
)

__all__ = [
    "DISPUTE_VERIFICATION",
    "INFORMATION_DISCLOSURE",
    "OBJECTION_DECISION",
    "OBJECTION_MARKING",
    "OBJECTION_TRANSFER",
    "PUBLICATION",
    "REPAIR_RESULT_SHARING",
    "REPAIR_REVIEW",
    "RULES",
    "SAMR_PUBLICATION",
    "WEEKLY_REPORT",
    "WITHDRAWAL_AFTER_REVOCATION",
    "BoundedDeadline",
    "BoundedTimeliness",
    "CalendarPeriod",
    "Deadline",
    "DeadlineRule",
    "NextWeekday",
    "Timeliness",
    "Verdict",
    "WorkingDays",
    "bounded_deadline",
    "check_timeliness",
    "check_timeliness_bounded",
    "get_rule",
    "load_rules",
    "publication_deadline",
    "rule_from_dict",
]

# The error contract at the public boundary (docs/errors.md, "Argument errors").
_guard_public(globals())
