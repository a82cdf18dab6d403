"""Explained answers: every result says what was decided, when, and by which rule."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import attrs

from ._periods import Period, next_day
from ._rules import Citation, TermRule

if TYPE_CHECKING:  # pragma: no cover
    from ..deadlines import Deadline

__all__ = [
    "Display",
    "Publication",
    "RepairAnswer",
    "RepairCondition",
    "Term",
    "Withdrawal",
]


@attrs.frozen(kw_only=True)
class Publication:
    """Whether a record is published, why, and by when.

    ``optional`` is ``True`` when the body may publish it although the rules
    do not require it (轻微 under 国办发〔2025〕22号). ``deadline`` is the
    :class:`~credit_disclosure.deadlines.Deadline` for publication; it is
    ``None`` when the record is not published, when the policy names no
    deadline rule, or when the working-day calendar lacks a year: then
    ``deadline_problem`` says why (the rest of the answer still holds).

    >>> from credit_disclosure.policy import SAMR_45, PenaltyFacts
    >>> p = SAMR_45.publication(PenaltyFacts(decision_date=date(2022, 3, 1), subject="法人及非法人组织",
    ...                                      procedure="普通程序", penalty_types="警告"))
    >>> p.published, p.reason_en, str(p.citation)
    (False, 'a warning-only penalty is not published', 'SAMR 令第45号 第二条')
    """

    published: bool
    optional: bool
    reason_en: str
    reason_zh: str
    citation: Citation
    deadline: Deadline | None = None
    deadline_problem: str | None = None

    def explain(self) -> str:
        """One paragraph saying what was decided and by which rule.

        >>> from credit_disclosure.policy import CHANGZHI_2021, PenaltyFacts, Procedure
        >>> from credit_disclosure.standard import SubjectCategory
        >>> print(CHANGZHI_2021.publication(PenaltyFacts(
        ...     decision_date=date(2022, 3, 1), subject=SubjectCategory.LEGAL_PERSON,
        ...     procedure=Procedure.SIMPLE)).explain())
        not published: decided by the simple procedure (依据简易程序作出的行政处罚信息不归集公示) [长治 2021 实施意见 (三)]
        """
        verdict = "published" if self.published else "not published"
        if self.optional:
            verdict += " (publication optional)"
        text = f"{verdict}: {self.reason_en} ({self.reason_zh}) [{self.citation}]"
        if self.deadline is not None:
            text += f"; publish by {self.deadline.due.isoformat()} [{self.deadline.citation}]"
        elif self.deadline_problem is not None:
            text += f"; deadline unknown: {self.deadline_problem}"
        return text


@attrs.frozen(kw_only=True)
class Term:
    """How long a record is shown: first day, minimum term end, last day, and the rule.

    ``last_day_shown`` ``None`` means open-ended (长期). ``minimum_end`` ``None``
    means the rule sets no minimum term. ``first_day_shown`` is the stated
    ``published_on``, or else the decision date (the earliest day it can be
    shown). Periods are counted from ``counted_from`` (the decision date, or
    the publication day for a rule that counts from it) as 民法典
    第二百零一、二百零二条 say.

    >>> from credit_disclosure.policy import NATIONAL, PenaltyFacts
    >>> t = NATIONAL.term(PenaltyFacts(decision_date=date(2024, 2, 29), subject="自然人",
    ...                                tier="一般"))
    >>> t.minimum_end, t.last_day_shown, t.repair_from
    (datetime.date(2024, 5, 29), datetime.date(2027, 2, 28), datetime.date(2024, 5, 30))
    """

    counted_from: date
    first_day_shown: date
    minimum: Period | None
    maximum: Period | None
    minimum_end: date | None
    last_day_shown: date | None
    rule: TermRule

    @property
    def repair_from(self) -> date | None:
        """The day after the minimum term ends: the first day repair may be applied for.

        >>> from credit_disclosure.policy import CHANGZHI_2021, PenaltyFacts, Tier
        >>> from credit_disclosure.standard import SubjectCategory
        >>> CHANGZHI_2021.term(PenaltyFacts(decision_date=date(2022, 3, 1),
        ...     subject=SubjectCategory.LEGAL_PERSON, tier=Tier.GENERAL)).repair_from
        datetime.date(2022, 6, 2)
        """
        return None if self.minimum_end is None else next_day(self.minimum_end)

    def explain(self) -> str:
        """Say the term in one line with its rule.

        >>> from credit_disclosure.policy import CHANGZHI_2021, PenaltyFacts, Tier
        >>> from credit_disclosure.standard import SubjectCategory
        >>> print(CHANGZHI_2021.term(PenaltyFacts(decision_date=date(2022, 3, 1),
        ...     subject=SubjectCategory.LEGAL_PERSON, tier=Tier.GENERAL)).explain())
        shown from 2022-03-01 to 2023-03-01 (1 year from 2022-03-01); minimum term 3 months, ends 2022-06-01, repair from 2022-06-02 [长治 2021 实施意见 (八)(十)]
        """
        if self.last_day_shown is None:
            text = f"shown from {self.first_day_shown.isoformat()}, open-ended (长期)"
        else:
            text = (
                f"shown from {self.first_day_shown.isoformat()} to "
                f"{self.last_day_shown.isoformat()} ({self.maximum} from "
                f"{self.counted_from.isoformat()})"
            )
        if self.minimum_end is not None and self.repair_from is not None:
            text += (
                f"; minimum term {self.minimum}, ends {self.minimum_end.isoformat()}, "
                f"repair from {self.repair_from.isoformat()}"
            )
        else:
            text += "; no minimum term"
        return f"{text} [{self.rule.citation}]"


@attrs.frozen(kw_only=True)
class Display:
    """Whether a record should be shown on a given day, and why; true in a boolean context.

    >>> bool(Display(shown=False, on=date(2024, 1, 1), reason="term ended on 2023-03-01"))
    False
    """

    shown: bool
    on: date
    reason: str

    def __bool__(self) -> bool:
        return self.shown


@attrs.frozen(kw_only=True)
class Withdrawal:
    """When a revoked penalty must be taken down, and by which rule.

    ``due`` is the last day it may still be shown; when the rule says "from the
    day the platform is told" (长治 2021 实施意见 (九)) ``due`` is ``revoked_on``
    and ``deadline`` is ``None``. ``deadline_problem`` is set when the
    working-day calendar lacks a year (``due`` is then ``None``).

    >>> from credit_disclosure.policy import SAMR_45, PenaltyFacts
    >>> w = SAMR_45.withdrawal(PenaltyFacts(decision_date=date(2026, 3, 2), subject="自然人",
    ...                                     revoked_on=date(2026, 9, 30)))
    >>> w.due, w.deadline.rule.name
    (datetime.date(2026, 10, 10), 'withdrawal_after_revocation')
    """

    revoked_on: date
    due: date | None
    citation: Citation
    deadline: Deadline | None = None
    deadline_problem: str | None = None

    def explain(self) -> str:
        """One line: the revocation, the due date and the rule.

        >>> print(Withdrawal(revoked_on=date(2022, 5, 5), due=date(2022, 5, 5),
        ...                  citation=Citation(document="长治 2021 实施意见", article="(九)")).explain())
        revoked 2022-05-05: take down by 2022-05-05 [长治 2021 实施意见 (九)]
        """
        if self.due is None:
            return (
                f"revoked {self.revoked_on.isoformat()}: due date unknown "
                f"({self.deadline_problem}) [{self.citation}]"
            )
        return (
            f"revoked {self.revoked_on.isoformat()}: take down by {self.due.isoformat()} "
            f"[{self.citation}]"
        )


@attrs.frozen(kw_only=True)
class RepairCondition:
    """One condition of credit repair, evaluated: met or not, why, and from when.

    ``met_from`` is the first day a waiting condition is met (``None`` for a
    condition that waiting does not change). ``permanent`` is ``True`` when no
    waiting or action can meet it (a refusal).

    >>> from credit_disclosure.policy import Citation
    >>> print(RepairCondition(code="require", met=False, reason_en="a commitment is made",
    ...                       reason_zh="作出信用承诺", citation=Citation(document="36号")))
    NOT met: a commitment is made (作出信用承诺) [36号]
    """

    code: str
    met: bool
    reason_en: str
    reason_zh: str
    citation: Citation
    met_from: date | None = None
    permanent: bool = False

    def __str__(self) -> str:
        mark = "met" if self.met else "NOT met"
        when = f" (from {self.met_from.isoformat()})" if self.met_from else ""
        return f"{mark}{when}: {self.reason_en} ({self.reason_zh}) [{self.citation}]"


@attrs.frozen(kw_only=True)
class RepairAnswer:
    """Whether an application for credit repair made on ``applied_on`` can succeed.

    ``conditions`` lists every condition in force with its rule; ``unmet`` the
    ones that fail. ``earliest`` is the first day an application can succeed
    once the conditions that depend on the subject (performance, commitment,
    ...) are met; ``None`` when a refusal applies, when the record leaves the
    portal first or is not published at all, or when its term cannot be
    determined (a fact such as the tier is unstated). For an eligible
    application, ``review`` is the deadline by which the platform decides
    when the policy names one (36号: 10 working days), else ``None`` with
    ``review_problem`` saying why.

    >>> from credit_disclosure.policy import NATIONAL, PenaltyFacts
    >>> facts = PenaltyFacts(decision_date=date(2026, 5, 10), subject="法人及非法人组织",
    ...                      tier="一般", corrected=True, performed=True, commitment=True)
    >>> a = NATIONAL.repair(facts, applied_on=date(2026, 9, 28))
    >>> a.eligible, a.earliest, a.review.due
    (True, datetime.date(2026, 8, 11), datetime.date(2026, 10, 16))
    """

    eligible: bool
    applied_on: date
    conditions: tuple[RepairCondition, ...]
    earliest: date | None
    review: Deadline | None = None
    review_problem: str | None = None

    @property
    def unmet(self) -> tuple[RepairCondition, ...]:
        """The conditions that are not met.

        >>> RepairAnswer(eligible=True, applied_on=date(2022, 7, 1), conditions=(),
        ...              earliest=date(2022, 6, 2)).unmet
        ()
        """
        return tuple(c for c in self.conditions if not c.met)

    def __bool__(self) -> bool:
        return self.eligible

    def explain(self) -> str:
        """The verdict, then one line per condition.

        >>> print(RepairAnswer(eligible=False, applied_on=date(2022, 7, 1), conditions=(),
        ...                    earliest=None).explain())
        repair applied for on 2022-07-01: refused; no date on which it can succeed
        """
        verdict = "eligible" if self.eligible else "refused"
        if self.earliest is not None:
            tail = f"earliest successful application {self.earliest.isoformat()}"
        else:
            tail = "no date on which it can succeed"
        lines = [f"repair applied for on {self.applied_on.isoformat()}: {verdict}; {tail}"]
        if self.review is not None:
            lines.append(
                f"  the platform decides by {self.review.due.isoformat()} [{self.review.citation}]"
            )
        lines.extend(f"  - {c}" for c in self.conditions)
        return "\n".join(lines)
