"""The state of a record on a date, and the actions it owes, from its facts, events and a policy.

The state is what the rules say the portal should do with the record on that
day; the actions are what someone still owes to get there (publish it, verify
an objection, withdraw it, take it down, act on a repair), each with its due
date and whether it is overdue. Both carry the citation of the rule that
decided them. An event that cannot happen where it stands (a repair granted on
a record never published, an event dated before the decision, a second
revocation) is reported as an issue and not applied: never folded silently.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Final

import attrs

from .._i18n import Lang, check_lang, error_text, ui
from ..errors import CalendarDataMissing, PolicyError
from ..policy import Citation, DeadlineChoice, PenaltyFacts, Policy, PublicationRule, Term
from ..standard import Issue, RecordKind
from ._events import EVENT_CITATIONS, Event, EventKind, ObjectionOutcome
from ._issues import lifecycle_issue
from ._keys import RecordKey

if TYPE_CHECKING:  # pragma: no cover
    from ..workdays import WorkdayCalendar

__all__ = ["Action", "ActionDue", "Lifecycle", "RecordStatus", "State", "record_status"]

_DAY: Final = timedelta(days=1)
_STANDARD_DATE: Final = Citation(document="发改办财金〔2018〕790号", article="处罚决定日期 CF_JDRQ")


class State(enum.Enum):
    """Where a record stands on a date; :attr:`shown` says whether the portal should show it.

    >>> State.UNDER_OBJECTION.shown, State.REPAIRED.shown
    (True, False)
    """

    #: the policy excludes it from the portal (a natural person, the simple procedure, ...)
    NOT_PUBLISHED = "not_published"
    #: decided, to be published, not published yet
    AWAITING_PUBLICATION = "awaiting_publication"
    #: on the portal within its term
    DISPLAYED = "displayed"
    #: on the portal, disputed; marked where the policy says so
    UNDER_OBJECTION = "under_objection"
    #: taken down after a revocation or an upheld objection
    WITHDRAWN = "withdrawn"
    #: taken down after a granted credit repair
    REPAIRED = "repaired"
    #: its term has ended
    EXPIRED = "expired"
    #: the policy cannot decide (a fact it needs is unstated, or no rule is in force)
    UNDETERMINED = "undetermined"

    @property
    def shown(self) -> bool:
        """Whether a record in this state must be on the portal.

        >>> State.DISPLAYED.shown
        True
        """
        return self in (State.DISPLAYED, State.UNDER_OBJECTION)

    @property
    def zh(self) -> str:
        """The state in Chinese.

        >>> State.WITHDRAWN.zh
        '已撤下'
        """
        return _STATE_ZH[self]


_STATE_ZH: Final = {
    State.NOT_PUBLISHED: "不予公示",
    State.AWAITING_PUBLICATION: "待公示",
    State.DISPLAYED: "公示中",
    State.UNDER_OBJECTION: "异议处理中",
    State.WITHDRAWN: "已撤下",
    State.REPAIRED: "已修复",
    State.EXPIRED: "公示期满",
    State.UNDETERMINED: "无法判断",
}


class Action(enum.Enum):
    """Something a record owes: the value is the word the ``status`` JSON uses.

    >>> Action("verify_objection")
    <Action.VERIFY_OBJECTION: 'verify_objection'>
    """

    #: publish it (7 working days from the decision: 424号)
    PUBLISH = "publish"
    #: verify and answer an objection (20 working days in 银川 2017 一(四)8.(2))
    VERIFY_OBJECTION = "verify_objection"
    #: take it down after a revocation or an upheld objection
    WITHDRAW = "withdraw"
    #: take it down: its term ended, or the policy never allowed it on the portal
    TAKE_DOWN = "take_down"
    #: decide a pending repair application, or take down a repaired record
    PROCESS_REPAIR = "process_repair"


@attrs.frozen(kw_only=True)
class ActionDue:
    """One action a record owes on a date: since when, by when, and whether it is overdue.

    ``due`` is ``None`` when the policy sets no deadline for it, or the
    working-day calendar lacks a year; ``problem`` then says which (``problem_zh`` in
    Chinese). It is overdue from the day after ``due``.

    >>> a = ActionDue(action=Action.PUBLISH, since=date(2026, 9, 28), due=date(2026, 10, 13),
    ...               overdue=False, citation=Citation(document="发改办财金〔2018〕424号"),
    ...               reason_en="publish within 7 working days", reason_zh="7个工作日内公示")
    >>> a.as_dict()
    {'action': 'publish', 'due': '2026-10-13', 'overdue': False}
    """

    action: Action
    since: date
    due: date | None
    overdue: bool
    citation: Citation
    reason_en: str
    reason_zh: str
    problem: str | None = None
    problem_zh: str | None = None

    def as_dict(self) -> dict[str, object]:
        """The ``{"action", "due", "overdue"}`` object of the ``status`` JSON.

        >>> ActionDue(action=Action.WITHDRAW, since=date(2022, 5, 6), due=None, overdue=False,
        ...           citation=Citation(document="x"), reason_en="", reason_zh="").as_dict()["due"]
        """
        return {
            "action": self.action.value,
            "due": None if self.due is None else self.due.isoformat(),
            "overdue": self.overdue,
        }

    def __str__(self) -> str:
        return self.explain()

    def explain(self, lang: Lang = "en") -> str:
        """The action, its due date, whether overdue, why and the rule, in ``lang``.

        >>> a = ActionDue(action=Action.PUBLISH, since=date(2026, 9, 28), due=date(2026, 10, 13),
        ...               overdue=True, citation=Citation(document="发改办财金〔2018〕424号"),
        ...               reason_en="publish within 7 working days", reason_zh="7个工作日内公示")
        >>> print(a.explain())
        publish (due 2026-10-13 OVERDUE): publish within 7 working days [发改办财金〔2018〕424号]
        >>> print(a.explain("zh"))
        公示（2026-10-13前，已逾期）：7个工作日内公示 [发改办财金〔2018〕424号]
        """
        lang = check_lang(lang)
        if self.due is None and self.problem is not None:
            problem = self.problem_zh if lang == "zh" and self.problem_zh else self.problem
            due = ui("lifecycle.deadline_unknown", lang, problem=problem)
        elif self.due is None:
            due = ui("lifecycle.no_deadline", lang)
        else:
            due = ui("lifecycle.due", lang, due=self.due.isoformat())
        return ui(
            "lifecycle.action", lang, action=ui(f"action.{self.action.value}", lang), due=due,
            flag=ui("lifecycle.overdue", lang) if self.overdue else "",
            reason=self.reason_zh if lang == "zh" else self.reason_en, citation=self.citation,
        )


@attrs.frozen(kw_only=True)
class RecordStatus:
    """The state of one record on a date, why, by which rule, and what it owes.

    ``marked`` is true for a record under objection when the policy marks
    disputed records on the portal (上海: 异议标注). ``issues`` are the events
    that could not be applied and why (each one is also left out of the state).
    ``published_on`` is the day it went (last) up, from the events.

    >>> from credit_disclosure.policy import CHANGZHI_2021
    >>> s = record_status(PenaltyFacts(decision_date=date(2022, 3, 1), subject="法人及非法人组织",
    ...     tier="一般", procedure="普通程序"), (), policy=CHANGZHI_2021, on=date(2022, 3, 14))
    >>> s.state, [str(a.due) for a in s.overdue]
    (<State.AWAITING_PUBLICATION: 'awaiting_publication'>, ['2022-03-10'])
    """

    key: RecordKey | None
    on: date
    state: State
    reason_en: str
    reason_zh: str
    citation: Citation
    actions: tuple[ActionDue, ...] = ()
    marked: bool = False
    issues: tuple[Issue, ...] = ()
    published_on: date | None = None
    row: int | None = None
    term: Term | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def overdue(self) -> tuple[ActionDue, ...]:
        """The actions that are overdue.

        >>> RecordStatus(key=None, on=date(2022, 1, 1), state=State.DISPLAYED, reason_en="",
        ...              reason_zh="", citation=Citation(document="x")).overdue
        ()
        """
        return tuple(a for a in self.actions if a.overdue)

    @property
    def shown(self) -> bool:
        """Whether the record must be on the portal on :attr:`on`.

        >>> RecordStatus(key=None, on=date(2022, 1, 1), state=State.EXPIRED, reason_en="",
        ...              reason_zh="", citation=Citation(document="x")).shown
        False
        """
        return self.state.shown

    def explain(self, lang: Lang = "en") -> str:
        """The state, the rule that decided it, the actions and the issues, in plain text in
        ``lang`` (``"en"`` or ``"zh"``); the rule's citation as the source writes it.

        >>> from credit_disclosure.policy import CHANGZHI_2021
        >>> print(record_status(PenaltyFacts(decision_date=date(2022, 3, 1), subject="自然人"),
        ...       (), policy=CHANGZHI_2021, on=date(2022, 3, 14)).explain())
        2022-03-14: not_published (不予公示): not published: the subject is a natural person
        Rule: 长治 2021 实施意见 (三)
        >>> print(record_status(PenaltyFacts(decision_date=date(2022, 3, 1), subject="自然人"),
        ...       (), policy=CHANGZHI_2021, on=date(2022, 3, 14)).explain("zh"))
        2022-03-14：不予公示：涉及个人的行政处罚信息不在信用长治网站归集和公示
        规则：长治 2021 实施意见 (三)
        """
        lang = check_lang(lang)
        lines = [
            ui(
                "lifecycle.head", lang, on=self.on.isoformat(), state=self.state.value,
                mark=ui("lifecycle.marked", lang) if self.marked else "", state_zh=self.state.zh,
                reason=self.reason_zh if lang == "zh" else self.reason_en,
            ),
            ui("lifecycle.rule", lang, citation=self.citation),
        ]
        lines.extend(ui("lifecycle.owes", lang, action=a.explain(lang)) for a in self.actions)
        for issue in self.issues:
            text = str(issue) if lang == "en" else f"{issue.code}：{issue.message_zh}"
            lines.append(ui("lifecycle.issue", lang, issue=text))
        return "\n".join(lines)

    def as_dict(self) -> dict[str, object]:
        """The record object of the ``status`` JSON (key, state, reason, actions, ...).

        >>> from credit_disclosure.policy import CHANGZHI_2021
        >>> d = record_status(PenaltyFacts(decision_date=date(2022, 3, 1), subject="自然人"),
        ...                   (), policy=CHANGZHI_2021, on=date(2022, 3, 14)).as_dict()
        >>> d["state"], d["actions"], d["citation"]
        ('not_published', [], '长治 2021 实施意见 (三)')
        """
        return {
            "row": self.row,
            "key": None if self.key is None else str(self.key),
            "state": self.state.value,
            "reason": self.reason_en,
            "reason_zh": self.reason_zh,
            "citation": str(self.citation),
            "marked": self.marked,
            "actions": [a.as_dict() for a in self.actions],
            "issues": [i.code for i in self.issues],
        }


@attrs.define
class _Walk:
    """What the events say happened, up to the day asked about."""

    published: date | None = None
    taken_down: date | None = None
    objection: date | None = None
    upheld: date | None = None
    revoked: date | None = None
    application: date | None = None
    granted: date | None = None
    granted_from_application: date | None = None
    issues: list[Issue] = attrs.field(factory=list)

    @property
    def ended(self) -> date | None:
        ends = [d for d in (self.revoked, self.upheld, self.granted) if d is not None]
        return min(ends) if ends else None

    @property
    def on_portal(self) -> bool:
        return self.published is not None and self.taken_down is None


_FACT_NAMES: Final = tuple(a.name for a in attrs.fields(PenaltyFacts))


def _with_dates(facts: PenaltyFacts, published: date | None, revoked: date | None) -> PenaltyFacts:
    """``facts`` with the events' publication and revocation days, without re-running converters.

    The walk has already refused events dated before the decision, which is all
    PenaltyFacts would check of these two dates.
    """
    if facts.published_on == published and facts.revoked_on == revoked:
        return facts
    copied = object.__new__(PenaltyFacts)
    for name in _FACT_NAMES:
        object.__setattr__(copied, name, getattr(facts, name))
    object.__setattr__(copied, "published_on", published)
    object.__setattr__(copied, "revoked_on", revoked)
    return copied


def _due_note(action: ActionDue, lang: Lang) -> str:
    """`` (due 2026-10-13)``, or why there is no due date, or nothing: in ``lang``."""
    if action.due is not None:
        return ui("paren", lang, text=ui("lifecycle.due", lang, due=action.due.isoformat()))
    if action.problem is not None:
        problem = action.problem_zh if lang == "zh" and action.problem_zh else action.problem
        return ui("paren", lang, text=problem)
    return ""


def _issue(code: str, event: Event, **params: object) -> Issue:
    return lifecycle_issue(
        code, event.row, event=event.kind.value, date=event.date.isoformat(), **params
    )


def _walk(events: Iterable[Event], decision: date, on: date) -> _Walk:
    w = _Walk()
    ordered = sorted(
        (e for e in events if e.date <= on), key=lambda e: (e.date, _ORDER[e.kind])
    )
    for e in ordered:
        kind, day = e.kind, e.date
        if day < decision:
            w.issues.append(_issue("sequence.before_decision", e))
            continue
        if kind is EventKind.PUBLISHED:
            if w.on_portal:
                w.issues.append(_issue("sequence.repeated", e))
                continue
            w.published, w.taken_down = day, None
        elif kind is EventKind.TAKEN_DOWN:
            if not w.on_portal:
                w.issues.append(_issue("sequence.not_published", e))
                continue
            w.taken_down = day
            w.objection = None  # a record off the portal has no open objection to mark
        elif kind is EventKind.REVOKED:
            if w.revoked is not None:
                w.issues.append(_issue("sequence.repeated", e))
                continue
            w.revoked, w.objection, w.application = day, None, None
        elif kind is EventKind.CHANGED:
            if w.ended is not None:
                w.issues.append(_issue("sequence.after_end", e))
        elif kind is EventKind.OBJECTION_FILED:
            if not w.on_portal:
                w.issues.append(_issue("sequence.not_published", e))
            elif w.ended is not None:
                w.issues.append(_issue("sequence.after_end", e))
            elif w.objection is not None:
                w.issues.append(_issue("sequence.repeated", e))
            else:
                w.objection = day
        elif kind is EventKind.OBJECTION_RESOLVED:
            if w.objection is None:
                w.issues.append(_issue("sequence.no_objection", e))
                continue
            w.objection = None
            if e.outcome is ObjectionOutcome.WITHDRAWN:
                w.upheld = day
        elif kind is EventKind.REPAIR_APPLIED:
            if w.published is None:
                w.issues.append(_issue("sequence.not_published", e))
            elif w.ended is not None:
                w.issues.append(_issue("sequence.after_end", e))
            elif w.application is not None:
                w.issues.append(_issue("sequence.repeated", e))
            else:
                w.application = day
        elif kind is EventKind.REPAIR_GRANTED:
            if w.published is None:
                w.issues.append(_issue("sequence.not_published", e))
            elif w.granted is not None:
                w.issues.append(_issue("sequence.repeated", e))
            elif w.revoked is not None or w.upheld is not None:
                w.issues.append(_issue("sequence.after_end", e))
            else:
                if w.application is None:
                    w.issues.append(_issue("sequence.no_application", e))
                w.granted, w.granted_from_application = day, w.application
                w.application, w.objection = None, None
        else:  # REPAIR_REFUSED
            if w.application is None:
                w.issues.append(_issue("sequence.no_application", e))
                continue
            w.application = None
    return w


# Same-day events in the order they must have happened (a record is published before it is
# disputed; an objection is filed before it is resolved; a repair applied before it is decided).
_ORDER: Final = {
    EventKind.PUBLISHED: 0,
    EventKind.CHANGED: 1,
    EventKind.OBJECTION_FILED: 2,
    EventKind.OBJECTION_RESOLVED: 3,
    EventKind.REPAIR_APPLIED: 4,
    EventKind.REPAIR_REFUSED: 5,
    EventKind.REPAIR_GRANTED: 6,
    EventKind.REVOKED: 7,
    EventKind.TAKEN_DOWN: 8,
}


@attrs.frozen
class _Duty:
    citation: Citation | None
    due: date | None
    problem: str | None
    problem_zh: str | None = None


class Lifecycle:
    """A policy and a working-day calendar, ready to give the status of many records.

    Deadlines are computed once per (purpose, start day) and reused, so a
    dataset costs a few dictionary look-ups per record beyond the policy's
    own answers. :func:`record_status` is the one-record shortcut.

    >>> from credit_disclosure.policy import CHANGZHI_2021
    >>> life = Lifecycle(CHANGZHI_2021)
    >>> facts = PenaltyFacts(decision_date=date(2022, 3, 1), subject="法人及非法人组织",
    ...                      tier="一般", procedure="普通程序")
    >>> events = [Event(key="1号", kind="公示", date=date(2022, 3, 8))]
    >>> life.status(facts, events, on=date(2023, 3, 2)).state
    <State.EXPIRED: 'expired'>
    """

    def __init__(self, policy: Policy, *, calendar: WorkdayCalendar | None = None) -> None:
        if not isinstance(policy, Policy):
            raise PolicyError(
                "policy.fact",
                message_en=f"a lifecycle needs a Policy, not {type(policy).__name__}",
                message_zh=f"Lifecycle 需要一个 Policy，而不是 {type(policy).__name__}",
            )
        self.policy = policy
        self.calendar = calendar
        self._duties: dict[tuple[str, date], _Duty] = {}
        self._in_force: dict[date, tuple[PublicationRule, ...]] = {}

    def duty(self, purpose: str, start: date) -> tuple[Citation | None, date | None, str | None]:
        """The citation, due date and problem of the policy's ``purpose`` deadline from ``start``.

        ``purpose`` is a :class:`~credit_disclosure.policy.DeadlineChoice` purpose.
        No row in force: ``(None, None, reason)``; a row that says the same day:
        ``start``; a calendar that lacks a year: ``(citation, None, reason)``.

        >>> from credit_disclosure.policy import YINCHUAN_2017
        >>> c, due, problem = Lifecycle(YINCHUAN_2017).duty("objection_verification",
        ...                                                 date(2026, 9, 28))
        >>> str(c), due
        ('银川 2017 工作方案 一(四)8.(2)', datetime.date(2026, 10, 30))
        """
        cached = self._duties.get((purpose, start))
        if cached is None:
            cached = self._duties[purpose, start] = self._compute_duty(purpose, start)
        return cached.citation, cached.due, cached.problem

    def _publication(self, facts: PenaltyFacts) -> PublicationRule:
        """The first publication row in force on the decision date that matches (as the policy)."""
        day = facts.decision_date
        rows = self._in_force.get(day)
        if rows is None:
            rows = self._in_force[day] = tuple(
                r for r in self.policy.publication_rules if r.in_force(day)
            )
        for row in rows:
            if row.match.matches(facts):
                return row
        # none: the policy's own answer raises why (policy.no_rule or policy.no_match)
        self.policy.publication(facts)
        raise AssertionError("the policy found a publication rule the lifecycle did not")

    def _compute_duty(self, purpose: str, start: date) -> _Duty:
        choice: DeadlineChoice | None = None
        for row in self.policy.deadline_choices:
            if row.purpose == purpose and row.in_force(start):
                choice = row
                break
        if choice is None:
            name = self.policy.name
            return _Duty(
                None, None,
                ui("policy.no_deadline", "en", policy=name, purpose=purpose, day=start),
                ui("policy.no_deadline", "zh", policy=name, day=start,
                   purpose=ui(f"policy.what.{purpose}", "zh")),
            )
        rule = choice.rule()
        if rule is None:
            return _Duty(choice.citation, start, None)
        try:
            due = rule.due(start, calendar=self.calendar).due
        except (CalendarDataMissing, PolicyError) as exc:
            return _Duty(choice.citation, None, error_text(exc, "en"), error_text(exc, "zh"))
        return _Duty(choice.citation, due, None)

    def _action(
        self,
        action: Action,
        purpose: str | None,
        since: date,
        on: date,
        fallback: Citation,
        reason_en: str,
        reason_zh: str,
    ) -> ActionDue:
        due: date | None
        problem_zh: str | None = None
        if purpose is None:  # due at once (a record that must not be shown)
            citation, due, problem = fallback, since, None
        else:
            found, due, problem = self.duty(purpose, since)
            problem_zh = self._duties[purpose, since].problem_zh
            citation = fallback if found is None else found
        return ActionDue(
            action=action,
            since=since,
            due=due,
            overdue=due is not None and on > due,
            citation=citation,
            reason_en=reason_en,
            reason_zh=reason_zh,
            problem=problem,
            problem_zh=problem_zh,
        )

    def status(
        self,
        facts: PenaltyFacts,
        events: Iterable[Event] = (),
        *,
        on: date,
        key: RecordKey | None = None,
        row: int | None = None,
        stated_end: date | None = None,
    ) -> RecordStatus:
        """The state of the record described by ``facts`` and ``events`` on day ``on``.

        Events dated after ``on`` have not happened yet on that day and are
        left out; the facts' own ``published_on`` and ``revoked_on`` are
        replaced by what the events say. ``key`` and ``row`` are carried into
        the answer; ``stated_end`` is the record's 公示截止期 (CF_GSJZQ), checked
        against the policy's term (``record.publication_end`` when they differ).

        >>> from credit_disclosure.policy import CHANGZHI_2021
        >>> facts = PenaltyFacts(decision_date=date(2022, 3, 1), subject="法人及非法人组织",
        ...                      tier="一般", procedure="普通程序")
        >>> events = [Event(key="1号", kind="公示", date=date(2022, 3, 8)),
        ...           Event(key="1号", kind="撤销", date=date(2022, 5, 6))]
        >>> s = Lifecycle(CHANGZHI_2021).status(facts, events, on=date(2022, 5, 9))
        >>> s.state.value, [a.as_dict() for a in s.actions]
        ('withdrawn', [{'action': 'withdraw', 'due': '2022-05-06', 'overdue': True}])
        """
        if not isinstance(facts, PenaltyFacts):
            raise PolicyError(
                "policy.fact",
                message_en=f"a status needs PenaltyFacts, not {type(facts).__name__}",
                message_zh=f"状态判断需要 PenaltyFacts，而不是 {type(facts).__name__}",
            )
        walk = _walk(events, facts.decision_date, on) if events else _Walk()
        issues = walk.issues
        policy = self.policy
        base = _with_dates(facts, walk.published, walk.revoked)

        def result(
            state: State,
            citation: Citation,
            reason_en: str,
            reason_zh: str,
            actions: Iterable[ActionDue] = (),
            *,
            term: Term | None = None,
            marked: bool = False,
        ) -> RecordStatus:
            return RecordStatus(
                key=key,
                on=on,
                state=state,
                reason_en=reason_en,
                reason_zh=reason_zh,
                citation=citation,
                actions=tuple(actions),
                marked=marked,
                issues=tuple(issues),
                published_on=walk.published,
                row=row,
                term=term,
            )

        def undetermined(exc: PolicyError) -> RecordStatus:
            en, zh = error_text(exc, "en"), error_text(exc, "zh")
            issues.append(lifecycle_issue("state.undetermined", reason=en, reason_zh=zh))
            return result(State.UNDETERMINED, Citation(document=policy.title), en, zh)

        if on < facts.decision_date:
            reason = f"decided on {facts.decision_date}, after the day asked about"
            issues.append(
                lifecycle_issue(
                    "state.undetermined", reason=reason, reason_zh="决定日期晚于查询日期"
                )
            )
            return result(State.UNDETERMINED, _STANDARD_DATE, reason, "决定日期晚于查询日期")
        try:
            publication = self._publication(base)
        except PolicyError as exc:
            return undetermined(exc)
        goes_public = publication.publish or (publication.optional and walk.published)
        if not goes_public:
            actions = []
            if walk.on_portal:
                assert walk.published is not None
                issues.append(
                    lifecycle_issue(
                        "sequence.excluded_published", date=walk.published.isoformat()
                    )
                )
                actions.append(
                    self._action(
                        Action.TAKE_DOWN,
                        None,
                        walk.published,
                        on,
                        publication.citation,
                        f"the policy does not publish it ({publication.reason_en})",
                        publication.reason_zh,
                    )
                )
            return result(
                State.NOT_PUBLISHED,
                publication.citation,
                f"not published: {publication.reason_en}",
                publication.reason_zh,
                actions,
            )

        term: Term | None = None
        try:
            term = policy.term(base)
        except PolicyError as exc:
            if facts.kind is not RecordKind.LICENSE:
                return undetermined(exc)
            # a licence with no term row is shown while it stands (open-ended)

        if (
            stated_end is not None
            and term is not None
            and term.last_day_shown is not None
            and stated_end != term.last_day_shown
        ):
            issues.append(
                lifecycle_issue(
                    "record.publication_end",
                    stated=stated_end.isoformat(),
                    computed=term.last_day_shown.isoformat(),
                    rule=str(term.rule.citation),
                )
            )
        if walk.granted is not None:
            self._check_repair(base, walk)
        ended = walk.ended
        if ended is not None:
            return self._ended(walk, ended, on, result, term)

        if (
            term is not None
            and term.last_day_shown is not None
            and on > term.last_day_shown
            and not (term.rule.until_corrected and facts.corrected is False)
        ):
            first_off = term.last_day_shown + _DAY
            actions = []
            if walk.on_portal:
                actions.append(
                    self._action(
                        Action.TAKE_DOWN,
                        None,
                        first_off,
                        on,
                        term.rule.citation,
                        f"the term ended on {term.last_day_shown}",
                        "公示期限届满的，不再对外公示",
                    )
                )
            return result(
                State.EXPIRED,
                term.rule.citation,
                f"the term ended on {term.last_day_shown}",
                "公示期限届满",
                actions,
                term=term,
            )

        if walk.published is None:
            action = self._action(
                Action.PUBLISH,
                "publication",
                facts.decision_date,
                on,
                publication.citation,
                "publish the decision",
                publication.reason_zh,
            )
            return result(
                State.AWAITING_PUBLICATION,
                action.citation,
                ui("lifecycle.awaiting", "en", due=_due_note(action, "en")),
                ui("lifecycle.awaiting", "zh", due=_due_note(action, "zh")),
                [action],
                term=term,
            )

        actions = []
        if walk.taken_down is not None:
            # off the portal with no reason to be: under-disclosure
            actions.append(
                self._action(
                    Action.PUBLISH,
                    None,
                    walk.taken_down,
                    on,
                    publication.citation,
                    f"taken down on {walk.taken_down} with no revocation, repair or end of "
                    "term: publish it again",
                    "无撤销、修复或期满事由被撤下，应恢复公示",
                )
            )
        if walk.application is not None:
            actions.append(
                self._action(
                    Action.PROCESS_REPAIR,
                    "repair_review",
                    walk.application,
                    on,
                    EVENT_CITATIONS[EventKind.REPAIR_APPLIED],
                    f"decide the repair application of {walk.application}",
                    "处理信用修复申请",
                )
            )
        shown_rule = publication.citation if term is None else term.rule.citation
        if term is None or term.last_day_shown is None:
            until = "open-ended"
        elif on > term.last_day_shown:
            until = f"past {term.last_day_shown}: the violation is not corrected"
        else:
            until = f"until {term.last_day_shown}"
        if walk.objection is not None:
            verify = self._action(
                Action.VERIFY_OBJECTION,
                "objection_verification",
                walk.objection,
                on,
                EVENT_CITATIONS[EventKind.OBJECTION_FILED],
                f"verify and answer the objection of {walk.objection}",
                "核实并答复异议",
            )
            marking, _, _ = self.duty("objection_marking", walk.objection)
            return result(
                State.UNDER_OBJECTION,
                verify.citation,
                f"disputed since {walk.objection}; shown {until}"
                + (" with an objection mark" if marking is not None else ""),
                "异议处理中" + ("（异议标注）" if marking is not None else ""),
                [verify, *actions],
                term=term,
                marked=marking is not None,
            )
        return result(
            State.DISPLAYED,
            shown_rule,
            f"shown {until}",
            "公示中",
            actions,
            term=term,
        )

    def _check_repair(self, facts: PenaltyFacts, walk: _Walk) -> None:
        """Flag a granted repair the policy would refuse then (it is still applied)."""
        assert walk.granted is not None
        applied = walk.granted_from_application or walk.granted
        try:
            answer = self.policy.repair(
                attrs.evolve(facts, revoked_on=None), applied_on=applied, calendar=self.calendar
            )
        except PolicyError as exc:
            reason = str(exc)
        else:
            refused = [c for c in answer.conditions if c.permanent and not c.met]
            if refused:
                reason = "; ".join(f"{c.reason_en} [{c.citation}]" for c in refused)
            elif answer.earliest is not None and applied < answer.earliest:
                reason = f"repair can be applied for from {answer.earliest}"
            else:
                return
        walk.issues.append(
            lifecycle_issue(
                "sequence.repair_ineligible", date=walk.granted.isoformat(), reason=reason
            )
        )

    def _ended(
        self,
        walk: _Walk,
        ended: date,
        on: date,
        result: _Result,
        term: Term | None,
    ) -> RecordStatus:
        if ended == walk.granted:
            action, purpose, kind = Action.PROCESS_REPAIR, "repair_takedown", EventKind.REPAIR_GRANTED
            state, why, why_zh = State.REPAIRED, f"repaired on {ended}", "已信用修复"
            todo, todo_zh = "take the repaired record down", "信用修复后撤下相关公示信息"
        elif ended == walk.revoked:
            action, purpose, kind = Action.WITHDRAW, "withdrawal", EventKind.REVOKED
            state, why = State.WITHDRAWN, f"revoked; the portal was told on {ended}"
            why_zh = "行政处罚决定已被撤销"
            todo, todo_zh = "withdraw the revoked record", "撤下被撤销的行政处罚公示信息"
        else:
            action, purpose, kind = Action.WITHDRAW, "withdrawal", EventKind.OBJECTION_RESOLVED
            state, why = State.WITHDRAWN, f"the objection was upheld on {ended}"
            why_zh = "异议成立"
            todo, todo_zh = "withdraw the disputed record", "异议成立，撤下公示信息"
        actions = []
        citation, _, _ = self.duty(purpose, ended)
        if walk.on_portal:
            actions.append(
                self._action(action, purpose, ended, on, EVENT_CITATIONS[kind], todo, todo_zh)
            )
        return result(
            state,
            EVENT_CITATIONS[kind] if citation is None else citation,
            why,
            why_zh,
            actions,
            term=term,
        )


if TYPE_CHECKING:  # pragma: no cover
    from typing import Protocol

    class _Result(Protocol):
        def __call__(
            self,
            state: State,
            citation: Citation,
            reason_en: str,
            reason_zh: str,
            actions: Iterable[ActionDue] = (),
            *,
            term: Term | None = None,
            marked: bool = False,
        ) -> RecordStatus: ...


def record_status(
    facts: PenaltyFacts,
    events: Iterable[Event] = (),
    *,
    policy: Policy,
    on: date,
    key: RecordKey | None = None,
    calendar: WorkdayCalendar | None = None,
    stated_end: date | None = None,
) -> RecordStatus:
    """The status of one record on day ``on`` (see :meth:`Lifecycle.status`).

    >>> from credit_disclosure.policy import NATIONAL
    >>> facts = PenaltyFacts(decision_date=date(2026, 3, 10), subject="法人及非法人组织",
    ...                      tier="一般")
    >>> events = [Event(key="1号", kind="published", date=date(2026, 3, 12)),
    ...           Event(key="1号", kind="revoked", date=date(2026, 4, 2))]
    >>> [a.as_dict() for a in record_status(facts, events, policy=NATIONAL,
    ...                                     on=date(2026, 4, 8)).actions]
    [{'action': 'withdraw', 'due': '2026-04-08', 'overdue': False}]
    """
    return Lifecycle(policy, calendar=calendar).status(
        facts, events, on=on, key=key, stated_end=stated_end
    )
