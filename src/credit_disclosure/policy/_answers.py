"""Explained answers: every result says what was decided, when, and by which rule."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import attrs

from .._i18n import Lang, check_lang, ui
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
    ``deadline_problem`` says why (the rest of the answer still holds), and
    ``deadline_problem_zh`` the same in Chinese.

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
    deadline_problem_zh: str | None = None

    def explain(self, lang: Lang = "en") -> str:
        """One paragraph saying what was decided and by which rule, in ``lang``.

        In English the reason is followed by its Chinese in brackets; ``lang="zh"`` says
        it all in Chinese. The rule's citation is kept as the source writes it.

        >>> from credit_disclosure.policy import CHANGZHI_2021, PenaltyFacts, Procedure
        >>> from credit_disclosure.standard import SubjectCategory
        >>> print(CHANGZHI_2021.publication(PenaltyFacts(
        ...     decision_date=date(2022, 3, 1), subject=SubjectCategory.LEGAL_PERSON,
        ...     procedure=Procedure.SIMPLE)).explain())
        not published: decided by the simple procedure (依据简易程序作出的行政处罚信息不归集公示) [长治 2021 实施意见 (三)]
        >>> print(CHANGZHI_2021.publication(PenaltyFacts(
        ...     decision_date=date(2022, 3, 1), subject=SubjectCategory.LEGAL_PERSON,
        ...     procedure=Procedure.SIMPLE)).explain("zh"))
        不予公示：依据简易程序作出的行政处罚信息不归集公示 [长治 2021 实施意见 (三)]
        """
        lang = check_lang(lang)
        verdict = ui("policy.published" if self.published else "policy.not_published", lang)
        if self.optional:
            verdict += ui("policy.optional", lang)
        reason = self.reason_zh if lang == "zh" else f"{self.reason_en} ({self.reason_zh})"
        text = ui("policy.publication", lang, verdict=verdict, reason=reason, citation=self.citation)
        if self.deadline is not None:
            text += ui(
                "policy.publish_by", lang, due=self.deadline.due.isoformat(),
                citation=self.deadline.citation,
            )
        elif self.deadline_problem is not None:
            problem = _in(lang, self.deadline_problem, self.deadline_problem_zh)
            text += ui("policy.deadline_unknown", lang, problem=problem)
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

    def explain(self, lang: Lang = "en") -> str:
        """Say the term in one line with its rule, in ``lang`` (``"en"`` or ``"zh"``).

        >>> from credit_disclosure.policy import CHANGZHI_2021, PenaltyFacts, Tier
        >>> from credit_disclosure.standard import SubjectCategory
        >>> print(CHANGZHI_2021.term(PenaltyFacts(decision_date=date(2022, 3, 1),
        ...     subject=SubjectCategory.LEGAL_PERSON, tier=Tier.GENERAL)).explain())
        shown from 2022-03-01 to 2023-03-01 (1 year from 2022-03-01); minimum term 3 months, ends 2022-06-01, repair from 2022-06-02 [长治 2021 实施意见 (八)(十)]
        >>> print(CHANGZHI_2021.term(PenaltyFacts(decision_date=date(2022, 3, 1),
        ...     subject=SubjectCategory.LEGAL_PERSON, tier=Tier.GENERAL)).explain("zh"))
        公示期2022-03-01至2023-03-01（自2022-03-01起1年）；最短公示期3个月，2022-06-01届满，自2022-06-02起可申请信用修复 [长治 2021 实施意见 (八)(十)]
        """
        lang = check_lang(lang)
        first = self.first_day_shown.isoformat()
        if self.last_day_shown is None:
            text = ui("policy.shown_open", lang, first=first)
        else:
            maximum = "" if self.maximum is None else self.maximum.describe(lang)
            text = ui(
                "policy.shown_span", lang, first=first, last=self.last_day_shown.isoformat(),
                maximum=maximum, counted=self.counted_from.isoformat(),
            )
        if self.minimum_end is not None and self.repair_from is not None:
            minimum = "" if self.minimum is None else self.minimum.describe(lang)
            text += ui(
                "policy.minimum", lang, minimum=minimum, end=self.minimum_end.isoformat(),
                repair=self.repair_from.isoformat(),
            )
        else:
            text += ui("policy.no_minimum", lang)
        return ui("policy.cited", lang, text=text, citation=self.rule.citation)


@attrs.frozen(kw_only=True)
class Display:
    """Whether a record should be shown on a given day, and why; true in a boolean context.

    ``reason`` is English, ``reason_zh`` Chinese (empty when the display was built by hand
    without one); :meth:`explain` picks one.

    >>> bool(Display(shown=False, on=date(2024, 1, 1), reason="term ended on 2023-03-01"))
    False
    """

    shown: bool
    on: date
    reason: str
    reason_zh: str = ""

    def explain(self, lang: Lang = "en") -> str:
        """Shown or not on :attr:`on`, and why, in ``lang`` (``"en"`` or ``"zh"``).

        >>> Display(shown=True, on=date(2024, 1, 1), reason="shown until 2025-01-01 [x]",
        ...         reason_zh="公示至2025-01-01 [x]").explain("zh")
        '2024-01-01：公示（公示至2025-01-01 [x]）'
        >>> Display(shown=False, on=date(2024, 1, 1), reason="term ended").explain()
        'on 2024-01-01: not shown (term ended)'
        """
        lang = check_lang(lang)
        reason = (self.reason_zh or self.reason) if lang == "zh" else self.reason
        return ui(
            "policy.display", lang, on=self.on.isoformat(),
            shown=ui("policy.shown" if self.shown else "policy.not_shown", lang), reason=reason,
        )

    def __bool__(self) -> bool:
        return self.shown


@attrs.frozen(kw_only=True)
class Withdrawal:
    """When a revoked penalty must be taken down, and by which rule.

    ``due`` is the last day it may still be shown; when the rule says "from the
    day the platform is told" (长治 2021 实施意见 (九)) ``due`` is ``revoked_on``
    and ``deadline`` is ``None``. ``deadline_problem`` (``deadline_problem_zh`` in Chinese) is set when the
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
    deadline_problem_zh: str | None = None

    def explain(self, lang: Lang = "en") -> str:
        """One line: the revocation, the due date and the rule, in ``lang`` (``"en"``, ``"zh"``).

        >>> w = Withdrawal(revoked_on=date(2022, 5, 5), due=date(2022, 5, 5),
        ...                citation=Citation(document="长治 2021 实施意见", article="(九)"))
        >>> print(w.explain())
        revoked 2022-05-05: take down by 2022-05-05 [长治 2021 实施意见 (九)]
        >>> print(w.explain("zh"))
        2022-05-05撤销：应于2022-05-05前撤下 [长治 2021 实施意见 (九)]
        """
        lang = check_lang(lang)
        revoked = self.revoked_on.isoformat()
        if self.due is None:
            return ui(
                "policy.revoked_unknown", lang, revoked=revoked,
                problem=_in(lang, self.deadline_problem, self.deadline_problem_zh),
                citation=self.citation,
            )
        return ui(
            "policy.revoked_due", lang, revoked=revoked, due=self.due.isoformat(),
            citation=self.citation,
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
        return self.explain()

    def explain(self, lang: Lang = "en") -> str:
        """The condition in one line, in ``lang`` (English with the Chinese in brackets, or
        Chinese), with its rule.

        >>> from credit_disclosure.policy import Citation
        >>> RepairCondition(code="wait", met=True, reason_en="the minimum term has passed",
        ...                 reason_zh="最短公示期已满", citation=Citation(document="36号"),
        ...                 met_from=date(2022, 6, 2)).explain("zh")
        '已满足（自2022-06-02起）：最短公示期已满 [36号]'
        """
        lang = check_lang(lang)
        mark = ui("policy.met" if self.met else "policy.not_met", lang)
        when = ui("policy.met_from", lang, day=self.met_from.isoformat()) if self.met_from else ""
        reason = self.reason_zh if lang == "zh" else f"{self.reason_en} ({self.reason_zh})"
        return ui(
            "policy.condition", lang, mark=mark, when=when, reason=reason, citation=self.citation
        )


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
    ``review_problem`` (``review_problem_zh`` in Chinese) saying why.

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
    review_problem_zh: str | None = None

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

    def explain(self, lang: Lang = "en") -> str:
        """The verdict, then one line per condition with its rule, in ``lang`` (``"en"``, ``"zh"``).

        >>> answer = RepairAnswer(eligible=False, applied_on=date(2022, 7, 1), conditions=(),
        ...                       earliest=None)
        >>> print(answer.explain())
        repair applied for on 2022-07-01: refused; no date on which it can succeed
        >>> print(answer.explain("zh"))
        2022-07-01申请信用修复：不予修复；没有可成功申请的日期
        """
        lang = check_lang(lang)
        verdict = ui("policy.eligible" if self.eligible else "policy.refused", lang)
        if self.earliest is not None:
            tail = ui("policy.earliest", lang, day=self.earliest.isoformat())
        else:
            tail = ui("policy.no_earliest", lang)
        lines = [
            ui(
                "policy.repair_head", lang, applied=self.applied_on.isoformat(), verdict=verdict,
                tail=tail,
            )
        ]
        if self.review is not None:
            lines.append(
                ui(
                    "policy.review_by", lang, due=self.review.due.isoformat(),
                    citation=self.review.citation,
                )
            )
        elif self.review_problem is not None:
            problem = _in(lang, self.review_problem, self.review_problem_zh)
            lines.append(ui("policy.review_unknown", lang, problem=problem))
        lines.extend(f"  - {c.explain(lang)}" for c in self.conditions)
        return "\n".join(lines)


def _in(lang: Lang, en: str | None, zh: str | None) -> str | None:
    """A note in ``lang``: the Chinese one when asked and there is one, else the English.

    >>> _in("zh", "no schedule", "缺少安排"), _in("zh", "no schedule", None)
    ('缺少安排', 'no schedule')
    """
    return zh if lang == "zh" and zh is not None else en
