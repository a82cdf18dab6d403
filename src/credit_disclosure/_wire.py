"""From the library's answers to their JSON shapes (service and CLI), and errors to problem details.

The one place where the service touches the library's objects; no rule is
decided here, only shapes change.
"""

from __future__ import annotations

import enum
import re
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from ._version import __version__
from ._wire_models import (
    ActionModel,
    DeadlineAnswer,
    FactsModel,
    IssueModel,
    Problem,
    PublicationAnswer,
    RepairAnswerModel,
    RepairConditionModel,
    StatusAnswer,
    TermAnswer,
    TimelinessAnswer,
)
from .deadlines import Deadline, Timeliness
from .errors import (
    CalendarDataMissing,
    CreditDisclosureError,
    LedgerError,
    MissingOptionalDependency,
    PolicyError,
    ValidationError,
)
from .lifecycle import RecordStatus
from .policy import PenaltyFacts, Publication, RepairAnswer, Term
from .standard import Issue

__all__ = [
    "deadline_answer",
    "facts",
    "issue_model",
    "jsonable",
    "problem",
    "problem_for",
    "publication_answer",
    "repair_answer",
    "status_answer",
    "term_answer",
    "timeliness_answer",
]

PROBLEM_TYPE = "urn:credit-disclosure:problem:"


def jsonable(value: Any) -> Any:
    """Plain JSON data from an attrs info object (dates as ISO text, enums as values)."""
    if attrs.has(type(value)):
        return {k: jsonable(v) for k, v in attrs.asdict(value, recurse=False).items()}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, frozenset, set)):
        return [jsonable(v) for v in value]
    return value


def issue_model(issue: Issue) -> IssueModel:
    """An :class:`~credit_disclosure.standard.Issue` as the service shows it."""
    return IssueModel(
        code=issue.code,
        field=issue.field,
        severity=issue.severity.value,
        message_en=issue.message_en,
        message_zh=issue.message_zh,
        row=issue.row,
    )


def deadline_answer(deadline: Deadline) -> DeadlineAnswer:
    """A :class:`~credit_disclosure.deadlines.Deadline` as the service shows it."""
    rule = deadline.rule
    return DeadlineAnswer(
        rule=rule.name,
        title=rule.title,
        start=deadline.start,
        due=deadline.due,
        citation=rule.citation,
        provisional=deadline.provisional,
        explanation=deadline.explain(),
    )


def timeliness_answer(result: Timeliness) -> TimelinessAnswer:
    """A timeliness result as the service shows it."""
    return TimelinessAnswer(
        deadline=deadline_answer(result.deadline),
        published_on=result.published_on,
        on_time=result.on_time,
        working_days_late=result.working_days_late,
        provisional=result.provisional,
        tool_version=__version__,
    )


def facts(model: FactsModel) -> PenaltyFacts:
    """The library's facts from the request's (its converters read the texts)."""
    return PenaltyFacts(
        decision_date=model.decision_date,
        subject=model.subject,  # the converters read the texts
        kind=model.kind,
        penalty_types=model.penalty_types or frozenset(),
        fine_wan=model.fine_wan,
        tier=model.tier,
        procedure=model.procedure,
        sector=model.sector,
        performed=model.performed,
        corrected=model.corrected,
        commitment=model.commitment,
        authority_consent=model.authority_consent,
        published_on=model.published_on,
        revoked_on=model.revoked_on,
        restriction_months=model.restriction_months,
        previous_repairs=tuple(model.previous_repairs),
        previous_serious_penalties=tuple(model.previous_serious_penalties),
    )


def publication_answer(answer: Publication) -> PublicationAnswer:
    """A publication answer as the service shows it."""
    return PublicationAnswer(
        published=answer.published,
        optional=answer.optional,
        reason_en=answer.reason_en,
        reason_zh=answer.reason_zh,
        citation=str(answer.citation),
        deadline=None if answer.deadline is None else deadline_answer(answer.deadline),
        deadline_problem=answer.deadline_problem,
        deadline_problem_zh=answer.deadline_problem_zh,
        explanation=answer.explain(),
        tool_version=__version__,
    )


def term_answer(term: Term, *, on: date | None = None, shown: Any = None) -> TermAnswer:
    """A term (and, when asked, the display on a day) as the service shows it."""
    return TermAnswer(
        counted_from=term.counted_from,
        first_day_shown=term.first_day_shown,
        minimum=None if term.minimum is None else str(term.minimum),
        maximum=None if term.maximum is None else str(term.maximum),
        minimum_end=term.minimum_end,
        last_day_shown=term.last_day_shown,
        rule=str(term.rule.citation),
        explanation=term.explain(),
        shown_on=on,
        shown=None if shown is None else bool(shown),
        shown_reason=None if shown is None else shown.reason,
        tool_version=__version__,
    )


def repair_answer(answer: RepairAnswer) -> RepairAnswerModel:
    """A repair answer as the service shows it."""
    return RepairAnswerModel(
        eligible=answer.eligible,
        applied_on=answer.applied_on,
        conditions=[
            RepairConditionModel(
                code=c.code,
                met=c.met,
                reason_en=c.reason_en,
                reason_zh=c.reason_zh,
                citation=str(c.citation),
                met_from=c.met_from,
                permanent=c.permanent,
            )
            for c in answer.conditions
        ],
        earliest=answer.earliest,
        review=None if answer.review is None else deadline_answer(answer.review),
        review_problem=answer.review_problem,
        review_problem_zh=answer.review_problem_zh,
        explanation=answer.explain(),
        tool_version=__version__,
    )


def status_answer(status: RecordStatus) -> StatusAnswer:
    """A lifecycle status as the service shows it."""
    return StatusAnswer(
        on=status.on,
        state=status.state.value,
        shown=status.shown,
        reason_en=status.reason_en,
        reason_zh=status.reason_zh,
        citation=str(status.citation),
        marked=status.marked,
        actions=[
            ActionModel(
                action=a.action.value,
                since=a.since,
                due=a.due,
                overdue=a.overdue,
                citation=str(a.citation),
                reason_en=a.reason_en,
                reason_zh=a.reason_zh,
                problem=a.problem,
                problem_zh=a.problem_zh,
            )
            for a in status.actions
        ],
        issues=[issue_model(i) for i in status.issues],
        published_on=status.published_on,
        explanation=status.explain(),
        tool_version=__version__,
    )


def problem(
    status: int,
    code: str,
    message_en: str,
    message_zh: str,
    *,
    title: str | None = None,
    field: str | None = None,
    position: int | None = None,
) -> Problem:
    """An RFC 9457 problem with the library's code and both messages."""
    return Problem(
        type=PROBLEM_TYPE + code,
        title=title or code,
        status=status,
        detail=message_en,
        code=code,
        message_zh=message_zh,
        message_en=message_en,
        field=field,
        position=position,
    )


_CODED = re.compile(r"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+): (.*)", re.S)


def problem_for(exc: CreditDisclosureError) -> Problem:
    """The problem details of a library error: its code, messages and where, never the value."""
    if isinstance(exc, ValidationError):
        return problem(
            422,
            exc.code,
            exc.message_en,
            exc.message_zh,
            title="the value breaks a rule",
            field=exc.field,
            position=exc.position,
        )
    if isinstance(exc, CalendarDataMissing):
        return problem(
            422,
            getattr(exc, "code", "calendar.missing_year"),
            f"no working-day schedule for {exc.year}: {exc.hint}",
            f"缺少{exc.year}年节假日安排",
            title="the working-day calendar lacks a year",
        )
    if isinstance(exc, LedgerError):  # no ledger configured (404), or one it cannot use (422)
        status = 404 if exc.code == "service.no_ledger" else 422
        return problem(status, exc.code, exc.message_en, exc.message_zh, title="the ledger cannot answer")
    if isinstance(exc, MissingOptionalDependency):
        return problem(501, "service.missing_extra", str(exc), str(exc), title="not installed")
    code = getattr(exc, "code", None)
    text = str(exc)
    match = _CODED.fullmatch(text)
    if code is None and match is not None:
        code, text = match[1], match[2]
    en = getattr(exc, "message_en", None) or text
    zh = getattr(exc, "message_zh", None) or text
    status = 422 if isinstance(exc, PolicyError) else 400
    return problem(status, code or "policy.error", en, zh, title="the question cannot be answered")
