"""The :class:`Policy` object: rule tables plus the questions they answer."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from .._i18n import error_text, ui
from .._text import redacted_repr
from ..errors import CalendarDataMissing, PolicyError
from ._answers import (
    Display,
    Publication,
    RepairAnswer,
    RepairCondition,
    Term,
    Withdrawal,
)
from ._facts import PenaltyFacts, check_day
from ._periods import next_day
from ._rules import (
    Citation,
    DeadlineChoice,
    PublicationRule,
    RepairRule,
    RepairRuleKind,
    TermRule,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..deadlines import Deadline
    from ..workdays import WorkdayCalendar

__all__ = ["Policy"]

_Rule = PublicationRule | DeadlineChoice | TermRule | RepairRule


# Tables may be given as any iterable (a list from Python code); they are kept as tuples.
def _citations(rows: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple(rows)


def _publication_rows(rows: Iterable[PublicationRule]) -> tuple[PublicationRule, ...]:
    return tuple(rows)


def _deadline_rows(rows: Iterable[DeadlineChoice]) -> tuple[DeadlineChoice, ...]:
    return tuple(rows)


def _term_rows(rows: Iterable[TermRule]) -> tuple[TermRule, ...]:
    return tuple(rows)


def _repair_rows(rows: Iterable[RepairRule]) -> tuple[RepairRule, ...]:
    return tuple(rows)


@redacted_repr
@attrs.frozen(kw_only=True)
class Policy:
    """A named set of effective-dated rule tables for publication, terms and repair.

    Rows are matched against :class:`PenaltyFacts`. Publication and term rows
    are chosen by the decision date, repair rows by the application date, so
    one policy answers for a 2022 penalty and a 2026 one. Within a table the
    first row in force that matches decides; :meth:`with_rules` puts your own
    rows in front so they take precedence.

    >>> from credit_disclosure.policy import NATIONAL, PenaltyFacts, Tier
    >>> from credit_disclosure.standard import SubjectCategory
    >>> facts = PenaltyFacts(decision_date=date(2026, 5, 10),
    ...                      subject=SubjectCategory.LEGAL_PERSON, tier=Tier.GENERAL)
    >>> term = NATIONAL.term(facts)
    >>> term.minimum_end, term.last_day_shown
    (datetime.date(2026, 8, 10), datetime.date(2027, 5, 10))
    >>> bool(NATIONAL.is_displayed(facts, on=date(2027, 5, 11)))
    False
    """

    name: str
    title: str
    description: str = ""
    sources: tuple[Citation, ...] = attrs.field(default=(), converter=_citations)
    publication_rules: tuple[PublicationRule, ...] = attrs.field(
        default=(), converter=_publication_rows
    )
    deadline_choices: tuple[DeadlineChoice, ...] = attrs.field(default=(), converter=_deadline_rows)
    term_rules: tuple[TermRule, ...] = attrs.field(default=(), converter=_term_rows)
    repair_rules: tuple[RepairRule, ...] = attrs.field(default=(), converter=_repair_rows)

    # -- composition -----------------------------------------------------------------

    def with_rules(
        self, *rules: _Rule, name: str | None = None, title: str | None = None
    ) -> Policy:
        """A new policy with ``rules`` put in front of the matching tables (they win).

        Repair rows are conditions rather than first-match rows, so new repair
        rows are simply added.

        >>> from credit_disclosure.policy import (CHANGZHI_2021, Citation, Match, Period,
        ...     PenaltyFacts, Sector, TermRule, Tier)
        >>> from credit_disclosure.standard import SubjectCategory
        >>> fire = TermRule(citation=Citation(document="my sector rule", certainty="?"),
        ...                 match=Match(sectors=frozenset({Sector.FIRE_SAFETY})),
        ...                 minimum=Period(12), maximum=Period(36))
        >>> mine = CHANGZHI_2021.with_rules(fire, name="changzhi-fire")
        >>> mine.term(PenaltyFacts(decision_date=date(2022, 3, 1), sector="消防",
        ...     subject=SubjectCategory.LEGAL_PERSON, tier=Tier.GENERAL)).last_day_shown
        datetime.date(2025, 3, 1)
        """
        pubs = [r for r in rules if isinstance(r, PublicationRule)]
        deadlines = [r for r in rules if isinstance(r, DeadlineChoice)]
        terms = [r for r in rules if isinstance(r, TermRule)]
        repairs = [r for r in rules if isinstance(r, RepairRule)]
        for rule in rules:
            if not isinstance(rule, (PublicationRule, DeadlineChoice, TermRule, RepairRule)):
                raise PolicyError(
                    "policy.rule",
                    message_en="with_rules takes PublicationRule, DeadlineChoice, TermRule "
                    f"and RepairRule rows, not {type(rule).__name__}",
                    message_zh="with_rules 只接受 PublicationRule、DeadlineChoice、TermRule 和 "
                    f"RepairRule，而不是 {type(rule).__name__}",
                )
        return attrs.evolve(
            self,
            name=self.name if name is None else name,
            title=self.title if title is None else title,
            publication_rules=(*pubs, *self.publication_rules),
            deadline_choices=(*deadlines, *self.deadline_choices),
            term_rules=(*terms, *self.term_rules),
            repair_rules=(*self.repair_rules, *repairs),
        )

    # -- term ------------------------------------------------------------------------

    def _first(self, table: Iterable[Any], day: date, facts: PenaltyFacts, what: str) -> Any:
        any_in_force = False
        for rule in table:
            if rule.in_force(day):
                any_in_force = True
                if rule.match.matches(facts):
                    return rule
        if not any_in_force:
            raise no_rule_error(self.name, what, day)
        tier = facts.tier.value if facts.tier is not None else None
        raise PolicyError(
            "policy.no_match",
            message_en=f"no {what} rule of {self.name} in force on {day.isoformat()} "
            f"covers this record (kind {facts.kind.value}, subject {facts.subject.value}, "
            f"tier {tier or 'unstated'})",
            message_zh=f"{self.name}在{day.isoformat()}生效的{ui(f'policy.what.{what}', 'zh')}规则"
            f"均不适用于该记录（类型：{facts.kind.value}，主体：{facts.subject.value}，"
            f"严重程度：{tier or '未说明'}）",
        )

    def term(self, facts: PenaltyFacts) -> Term:
        """The display term of the record, chosen by its decision date.

        Raises :class:`PolicyError` when no rule is in force on that date or
        a rule needs a fact that is unstated (typically ``tier``).

        >>> from credit_disclosure.policy import CHANGZHI_2021, PenaltyFacts, Tier
        >>> from credit_disclosure.standard import SubjectCategory
        >>> t = CHANGZHI_2021.term(PenaltyFacts(decision_date=date(2022, 3, 1),
        ...     subject=SubjectCategory.LEGAL_PERSON, tier=Tier.SERIOUS))
        >>> t.last_day_shown, t.minimum_end
        (datetime.date(2025, 3, 1), None)
        """
        _check_facts(facts)
        rule: TermRule = self._first(self.term_rules, facts.decision_date, facts, "term")
        start = facts.decision_date
        if rule.counted_from == "publication":
            if facts.published_on is None:
                raise PolicyError(
                    "policy.missing_fact",
                    message_en=f"the term rule [{rule.citation}] counts from the day "
                    "of publication, which the facts leave unstated (published_on)",
                    message_zh=f"公示期限规则 [{rule.citation}] 自公示之日起算，但未给出公示日期"
                    "（published_on）",
                )
            start = facts.published_on
        maximum = rule.maximum
        if (
            rule.extend_to_restriction
            and maximum is not None
            and facts.restriction_months is not None
            and facts.restriction_months > maximum.months
        ):
            maximum = type(maximum)(facts.restriction_months)
        return Term(
            counted_from=start,
            first_day_shown=facts.published_on or start,
            minimum=rule.minimum,
            maximum=maximum,
            minimum_end=None if rule.minimum is None else rule.minimum.last_day(start),
            last_day_shown=None if maximum is None else maximum.last_day(start),
            rule=rule,
        )

    # -- publication -----------------------------------------------------------------

    def _choice(self, purpose: str, day: date) -> DeadlineChoice | None:
        for rule in self.deadline_choices:
            if rule.purpose == purpose and rule.in_force(day):
                return rule
        return None

    def _deadline(
        self, purpose: str, start: date, calendar: WorkdayCalendar | None
    ) -> tuple[DeadlineChoice | None, Deadline | None, Problem | None]:
        """The rule and deadline of ``purpose`` from ``start``, or why there is none (both
        languages)."""
        rule = self._choice(purpose, start)
        if rule is None:
            zh_purpose = ui(f"policy.what.{purpose}", "zh")
            return None, None, (
                ui("policy.no_deadline", "en", policy=self.name, purpose=purpose, day=start),
                ui("policy.no_deadline", "zh", policy=self.name, purpose=zh_purpose, day=start),
            )
        if rule.deadline is None:
            return rule, None, None
        named = rule.rule()
        assert named is not None  # deadline is not None
        try:
            deadline: Deadline = named.due(start, calendar=calendar)
        except (CalendarDataMissing, PolicyError) as exc:
            # the rest of the answer holds; say why the date is unknown
            return rule, None, problem_of(exc)
        return rule, deadline, None

    def _publication_rule(self, facts: PenaltyFacts) -> PublicationRule:
        _check_facts(facts)
        rule: PublicationRule = self._first(
            self.publication_rules, facts.decision_date, facts, "publication"
        )
        return rule

    @staticmethod
    def _goes_public(rule: PublicationRule, facts: PenaltyFacts) -> bool:
        # published by the rules, or optional (轻微 under 22号) and stated as published
        return rule.publish or (rule.optional and facts.published_on is not None)

    def publication(
        self, facts: PenaltyFacts, *, calendar: WorkdayCalendar | None = None
    ) -> Publication:
        """Whether the record is published, why, and by when (chosen by its decision date).

        ``calendar`` is passed to :mod:`credit_disclosure.deadlines`; a date
        the calendar does not know leaves ``deadline`` ``None`` and says why
        in ``deadline_problem`` rather than failing the whole answer.

        >>> from credit_disclosure.policy import CHANGZHI_2021, PenaltyFacts, Procedure
        >>> from credit_disclosure.standard import SubjectCategory
        >>> p = CHANGZHI_2021.publication(PenaltyFacts(decision_date=date(2022, 3, 1),
        ...     subject=SubjectCategory.NATURAL_PERSON, procedure=Procedure.ORDINARY))
        >>> p.published, p.reason_en
        (False, 'the subject is a natural person')
        """
        rule = self._publication_rule(facts)
        deadline: Deadline | None = None
        problem: Problem | None = None
        if rule.publish or rule.optional:
            _, deadline, problem = self._deadline("publication", facts.decision_date, calendar)
        return Publication(
            published=rule.publish,
            optional=rule.optional,
            reason_en=rule.reason_en,
            reason_zh=rule.reason_zh,
            citation=rule.citation,
            deadline=deadline,
            deadline_problem=None if problem is None else problem[0],
            deadline_problem_zh=None if problem is None else problem[1],
        )

    def withdrawal(
        self, facts: PenaltyFacts, *, calendar: WorkdayCalendar | None = None
    ) -> Withdrawal:
        """When a revoked penalty must be taken down (``facts.revoked_on`` must be stated).

        >>> from credit_disclosure.policy import CHANGZHI_2021, PenaltyFacts
        >>> from credit_disclosure.standard import SubjectCategory
        >>> CHANGZHI_2021.withdrawal(PenaltyFacts(decision_date=date(2022, 3, 1),
        ...     subject=SubjectCategory.LEGAL_PERSON, revoked_on=date(2022, 5, 5))).due
        datetime.date(2022, 5, 5)
        """
        _check_facts(facts)
        if facts.revoked_on is None:
            raise PolicyError(
                "policy.missing_fact",
                message_en="withdrawal needs 'revoked_on', the day the platform was told of the "
                "revocation",
                message_zh="判断撤下期限需要 revoked_on，即平台收到撤销通知的日期",
            )
        rule, deadline, problem = self._deadline("withdrawal", facts.revoked_on, calendar)
        if rule is None:
            assert problem is not None
            raise PolicyError(
                "policy.no_rule",
                message_en=f"{problem[0]}; add a DeadlineChoice(purpose='withdrawal', ...) with "
                "Policy.with_rules",
                message_zh=f"{problem[1]}：请用 Policy.with_rules 加入 "
                "DeadlineChoice(purpose='withdrawal', ...)",
            )
        if rule.deadline is None:
            due: date | None = facts.revoked_on
        else:
            due = None if deadline is None else deadline.due
        return Withdrawal(
            revoked_on=facts.revoked_on,
            due=due,
            citation=rule.citation,
            deadline=deadline,
            deadline_problem=None if problem is None else problem[0],
            deadline_problem_zh=None if problem is None else problem[1],
        )

    def is_displayed(self, facts: PenaltyFacts, *, on: date) -> Display:
        """Whether the record should be shown on day ``on``, with the reason.

        Not shown when the policy does not publish it, before its first day,
        after its last day (unless the term rule runs ``until_corrected`` and the
        facts say ``corrected=False``), or from the day the platform was told of
        a revocation (``revoked_on``).

        >>> from credit_disclosure.policy import CHANGZHI_2021, PenaltyFacts, Procedure, Tier
        >>> from credit_disclosure.standard import SubjectCategory
        >>> f = PenaltyFacts(decision_date=date(2022, 3, 1), tier=Tier.GENERAL,
        ...     subject=SubjectCategory.LEGAL_PERSON, procedure=Procedure.ORDINARY)
        >>> [bool(CHANGZHI_2021.is_displayed(f, on=d))
        ...  for d in (date(2023, 3, 1), date(2023, 3, 2))]
        [True, False]
        """
        check_day("on", on)
        publication = self._publication_rule(facts)
        if not self._goes_public(publication, facts):
            return _display(
                False, on, "policy.display_not_published", reason=publication.reason_en,
                reason_zh=publication.reason_zh,
            )
        term = self.term(facts)
        if on < term.first_day_shown:
            return _display(False, on, "policy.display_not_yet", first=term.first_day_shown)
        if facts.revoked_on is not None and on >= facts.revoked_on:
            return _display(False, on, "policy.display_revoked", revoked=facts.revoked_on)
        if (
            term.last_day_shown is not None
            and on > term.last_day_shown
            and term.rule.until_corrected
            and facts.corrected is False
        ):
            return _display(
                True, on, "policy.display_uncorrected", last=term.last_day_shown,
                citation=term.rule.citation,
            )
        if term.last_day_shown is not None and on > term.last_day_shown:
            return _display(
                False, on, "policy.display_ended", last=term.last_day_shown,
                citation=term.rule.citation,
            )
        if term.last_day_shown is None:
            return _display(True, on, "policy.display_open", citation=term.rule.citation)
        return _display(
            True, on, "policy.display_until", last=term.last_day_shown, citation=term.rule.citation
        )

    # -- repair ----------------------------------------------------------------------

    def repair(
        self,
        facts: PenaltyFacts,
        *,
        applied_on: date,
        calendar: WorkdayCalendar | None = None,
    ) -> RepairAnswer:
        """Whether an application for credit repair made on ``applied_on`` can succeed.

        When it can and the policy names a ``repair_review`` deadline, the
        answer carries the day the platform must decide by (``review``;
        ``calendar`` as for :meth:`publication`).

        The repair rows in force on ``applied_on`` are all conditions; the
        term (and its minimum) comes from the rows in force on the decision
        date. Unstated facts count as not met, and say so.

        >>> from credit_disclosure.policy import CHANGZHI_2021, PenaltyFacts, Procedure, Tier
        >>> from credit_disclosure.standard import SubjectCategory
        >>> f = PenaltyFacts(decision_date=date(2022, 3, 1), tier=Tier.GENERAL,
        ...     subject=SubjectCategory.LEGAL_PERSON, procedure=Procedure.ORDINARY,
        ...     performed=True, commitment=True, authority_consent=True)
        >>> a = CHANGZHI_2021.repair(f, applied_on=date(2022, 6, 1))
        >>> a.eligible, a.earliest, [c.code for c in a.unmet]
        (False, datetime.date(2022, 6, 2), ['minimum_term'])
        >>> bool(CHANGZHI_2021.repair(f, applied_on=date(2022, 6, 2)))
        True
        """
        _check_facts(facts)
        check_day("applied_on", applied_on)
        rules = [rule for rule in self.repair_rules if rule.in_force(applied_on)]
        if not rules:
            raise no_rule_error(self.name, "repair", applied_on)
        conditions: list[RepairCondition] = []
        term: Term | None = None
        term_problem: Problem | None = None
        try:
            term = self.term(facts)
        except PolicyError as exc:
            term_problem = problem_of(exc)

        try:
            publication = self._publication_rule(facts)
        except PolicyError as exc:
            conditions.append(
                RepairCondition(
                    code="published",
                    met=False,
                    reason_en="whether the record is published cannot be decided: "
                    + error_text(exc, "en"),
                    reason_zh="无法判断是否公示：" + error_text(exc, "zh"),
                    citation=Citation(document=self.title),
                )
            )
        else:
            if not self._goes_public(publication, facts):
                conditions.append(
                    RepairCondition(
                        code="published",
                        met=False,
                        permanent=True,
                        reason_en=f"the record is not published ({publication.reason_en}): "
                        "nothing to repair",
                        reason_zh=publication.reason_zh,
                        citation=publication.citation,
                    )
                )
        if facts.revoked_on is not None and facts.revoked_on <= applied_on:
            withdrawal = self._choice("withdrawal", facts.revoked_on)
            conditions.append(
                RepairCondition(
                    code="still_shown",
                    met=False,
                    permanent=True,
                    reason_en=(
                        f"the penalty was revoked (platform told on {facts.revoked_on}): it is "
                        "taken down, nothing to repair"
                    ),
                    reason_zh="行政处罚决定被撤销的，撤下相关公示信息",
                    citation=Citation(document=self.title)
                    if withdrawal is None
                    else withdrawal.citation,
                )
            )
        elif term is not None and term.last_day_shown is not None:
            expired = applied_on > term.last_day_shown
            conditions.append(
                RepairCondition(
                    code="still_shown",
                    met=not expired,
                    reason_en=(
                        f"the record is still within its term (last day {term.last_day_shown})"
                        if not expired
                        else f"the term ended on {term.last_day_shown}: nothing to repair"
                    ),
                    reason_zh="公示期限届满的不再公示" if expired else "仍在公示期内",
                    citation=term.rule.citation,
                    permanent=expired,
                )
            )
        for rule in rules:
            conditions.append(self._condition(rule, facts, applied_on, term, term_problem))

        eligible = all(c.met for c in conditions)
        earliest: date | None = None
        # no date when a refusal applies, or when the term (and so the minimum) is unknown
        if term is not None and not any(c.permanent and not c.met for c in conditions):
            dates = [c.met_from for c in conditions if c.met_from is not None]
            earliest = max(dates, default=next_day(facts.decision_date))
            if term.last_day_shown is not None and earliest > term.last_day_shown:
                earliest = None
        review: Deadline | None = None
        review_problem: Problem | None = None
        if eligible:
            _, review, review_problem = self._deadline("repair_review", applied_on, calendar)
        return RepairAnswer(
            eligible=eligible,
            applied_on=applied_on,
            conditions=tuple(conditions),
            earliest=earliest,
            review=review,
            review_problem=None if review_problem is None else review_problem[0],
            review_problem_zh=None if review_problem is None else review_problem[1],
        )

    def _condition(
        self,
        rule: RepairRule,
        facts: PenaltyFacts,
        applied_on: date,
        term: Term | None,
        term_problem: Problem | None,
    ) -> RepairCondition:
        common: dict[str, Any] = {
            "code": rule.kind.value,
            "citation": rule.citation,
            "reason_zh": rule.reason_zh,
        }
        kind = rule.kind
        if kind is RepairRuleKind.MINIMUM_TERM:
            if term is None:
                assert term_problem is not None
                return RepairCondition(
                    met=False, reason_en=f"{rule.reason_en}: {term_problem[0]}",
                    **{**common, "reason_zh": f"{rule.reason_zh}：{term_problem[1]}"},
                )
            if term.repair_from is None:
                return RepairCondition(
                    met=False,
                    permanent=True,
                    reason_en=(
                        f"{rule.reason_en}: the term rule [{term.rule.citation}] sets no "
                        "minimum term, so the record is not repaired before it ends"
                    ),
                    **common,
                )
            return RepairCondition(
                met=applied_on >= term.repair_from,
                met_from=term.repair_from,
                reason_en=f"{rule.reason_en} (minimum {term.minimum} ends {term.minimum_end})",
                **common,
            )
        if kind in (RepairRuleKind.REFUSE, RepairRuleKind.SCOPE):
            try:
                matched = rule.match.matches(facts)
            except PolicyError as exc:
                return RepairCondition(met=False, reason_en=f"{rule.reason_en}: {exc}", **common)
            refused = matched if kind is RepairRuleKind.REFUSE else not matched
            verdict = "this record is refused" if refused else "this record is not refused"
            return RepairCondition(
                met=not refused,
                permanent=refused,
                reason_en=f"{rule.reason_en} ({verdict})",
                **common,
            )
        if kind is RepairRuleKind.REQUIRE:
            assert rule.fact is not None  # checked when the rule was built
            value = getattr(facts, rule.fact)
            suffix = "" if value is not None else f" ('{rule.fact}' not stated)"
            return RepairCondition(met=value is True, reason_en=rule.reason_en + suffix, **common)
        assert rule.window is not None  # checked when the rule was built
        window = rule.window
        if kind is RepairRuleKind.NO_PENALTY_AFTER_REPAIR:
            hit = [
                r for r in facts.previous_repairs if r <= facts.decision_date <= window.last_day(r)
            ]
            return RepairCondition(
                met=not hit,
                permanent=bool(hit),
                reason_en=rule.reason_en
                + (f" (penalty decided within {window} of the repair of {hit[-1]})" if hit else ""),
                **common,
            )
        if kind is RepairRuleKind.NO_RECENT_SERIOUS:
            recent = [
                s for s in facts.previous_serious_penalties if s <= applied_on <= window.last_day(s)
            ]
            met_from = next_day(max(window.last_day(s) for s in recent)) if recent else None
            return RepairCondition(
                met=not recent,
                met_from=met_from,
                reason_en=rule.reason_en,
                **common,
            )
        # MAX_REPAIRS
        assert rule.count is not None
        inside = sorted(r for r in facts.previous_repairs if r <= applied_on <= window.last_day(r))
        if len(inside) < rule.count:
            return RepairCondition(met=True, reason_en=rule.reason_en, **common)
        # the application succeeds once enough earlier repairs fall out of the window
        leaving = inside[len(inside) - rule.count]
        return RepairCondition(
            met=False,
            met_from=next_day(window.last_day(leaving)),
            reason_en=f"{rule.reason_en} ({len(inside)} within {window})",
            **common,
        )


def _display(
    shown: bool, on: date, text_id: str, *, reason_zh: str | None = None, **params: object
) -> Display:
    """A :class:`Display` whose reason is the catalogue's text ``text_id`` in both languages."""
    zh_params = params if reason_zh is None else {**params, "reason": reason_zh}
    return Display(
        shown=shown, on=on, reason=ui(text_id, "en", **params),
        reason_zh=ui(text_id, "zh", **zh_params),
    )


def _check_facts(facts: object) -> None:
    if not isinstance(facts, PenaltyFacts):
        raise PolicyError(
            "policy.fact",
            message_en=f"a policy answers for PenaltyFacts, not {type(facts).__name__}",
            message_zh=f"政策只能回答 PenaltyFacts 的问题，而不是 {type(facts).__name__}",
        )


#: Why an answer lacks a date, in English and in Chinese.
Problem = tuple[str, str]


def problem_of(exc: CalendarDataMissing | PolicyError) -> Problem:
    """An error as the problem note of an answer: its code and message, in each language.

    >>> problem_of(CalendarDataMissing(2031))[1][:35]
    'workdays.year_missing: 缺少2031年节假日安排'
    """
    return error_text(exc, "en"), error_text(exc, "zh")


def no_rule_error(policy: str, what: str, day: date) -> PolicyError:
    """``policy.no_rule``: ``policy`` has no ``what`` rule (publication, term, repair) on ``day``.

    >>> no_rule_error("changzhi-2021", "term", date(2018, 1, 1)).message_zh
    'changzhi-2021在2018-01-01没有生效的公示期限规则'
    """
    return PolicyError(
        "policy.no_rule",
        message_en=f"{policy} has no {what} rule in force on {day.isoformat()}",
        message_zh=f"{policy}在{day.isoformat()}没有生效的{ui(f'policy.what.{what}', 'zh')}规则",
    )
