"""The typed requests and answers of the HTTP service (and the CLI's JSON): frozen attrs classes.

The OpenAPI document is generated from these classes, so each field's type and
``#:`` comment is what a Java or .NET developer reads: :func:`field_descriptions`
reads the comments (the same ones the API docs show), and members that mean the
same everywhere (``reason_zh``, ``citation``, ``tool_version``) are described once,
in :data:`COMMON_FIELDS`. Every answer a route returns whole carries ``tool_version``,
as the command line's JSON reports do. They are plain data: the conversion from the
library's own objects lives in :mod:`credit_disclosure._wire`.
"""

from __future__ import annotations

import ast
import functools
import inspect
import sys
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Any, Final

import attrs

__all__ = [
    "COMMON_FIELDS",
    "ActionModel",
    "DeadlineAnswer",
    "DeadlineRequest",
    "DueAnswer",
    "EventModel",
    "FactsModel",
    "Health",
    "IdentifierAnswer",
    "IdentifierDetectAnswer",
    "IdentifierDetectRequest",
    "IdentifierRequest",
    "IssueModel",
    "MaskAnswer",
    "MaskRequest",
    "PolicyRequest",
    "Problem",
    "PublicationAnswer",
    "RecordCheckAnswer",
    "RecordCheckRequest",
    "RepairAnswerModel",
    "RepairConditionModel",
    "RepairRequest",
    "StatusAnswer",
    "StatusRequest",
    "TermAnswer",
    "TermRequest",
    "TimelinessAnswer",
    "TimelinessRequest",
    "field_descriptions",
]

#: A cell of a record: text as an exchange file holds it, a number (an amount), or empty.
Cell = str | float | None


@attrs.frozen
class Problem:
    """An error as RFC 9457 problem details, with the library's code and both messages."""

    #: a URI naming the problem type: ``urn:credit-disclosure:problem:<code>``
    type: str
    #: a short summary (English)
    title: str
    #: the HTTP status code
    status: int
    #: the English message
    detail: str
    #: the library's stable error code, e.g. ``uscc.checksum``, ``request.invalid``
    code: str
    #: the message in Chinese
    message_zh: str
    #: the message in English
    message_en: str
    #: the field code or request member the problem is about, when known
    field: str | None = None
    #: the 0-based character position in the value, when known
    position: int | None = None


@attrs.frozen
class Health:
    """The service is up: its version and the versions of the standard it checks."""

    #: ``ok`` while the service answers
    status: str
    #: the version of credit-disclosure that answers
    version: str
    #: the versions of the data standard it checks (``2018``, ``2015``)
    standards: list[str]


# --- identifiers ----------------------------------------------------------------------


@attrs.frozen
class IdentifierRequest:
    """One identifier to validate or parse."""

    #: the identifier kind: uscc, org_code, resident_id, business_reg_no, residence_permit,
    #: foreign_permanent_id
    kind: str
    #: the value as written (spaces, hyphens, full-width characters and lower case are tolerated)
    value: str
    #: the date birth dates must not be after (default: today)
    as_of: date | None = None


@attrs.frozen
class IdentifierDetectRequest:
    """A value whose identifier kind is unknown."""

    #: the value as written
    value: str


@attrs.frozen
class IssueModel:
    """One problem found in a record (or a row of a file)."""

    #: stable issue code, e.g. ``field.required``, ``uscc.checksum``
    code: str
    #: the field code (``CF_WSH``), or null for a record-level problem
    field: str | None
    #: ``error`` or ``warning``
    severity: str
    message_en: str
    message_zh: str
    #: the 1-based data row (file checks), or null
    row: int | None = None


@attrs.frozen
class IdentifierAnswer:
    """Whether an identifier is valid; its compact and printed forms and parts when it is."""

    #: the identifier kind asked about
    kind: str
    #: ``true`` when the value is a valid identifier of that kind
    valid: bool
    #: the compact form (upper case, no separators), when valid
    compact: str | None = None
    #: the usual printed form, when valid
    formatted: str | None = None
    #: the parts (division, birth date, check character, ...), for ``parse``
    parts: dict[str, Any] | None = None
    #: why it is not valid: the library's code and messages
    error: IssueModel | None = None
    tool_version: str = attrs.field(kw_only=True)


@attrs.frozen
class IdentifierDetectAnswer:
    """The identifier kinds a value is valid as (empty when none)."""

    #: the kinds the value is valid as, most specific first
    kinds: list[str]
    tool_version: str = attrs.field(kw_only=True)


# --- records --------------------------------------------------------------------------


@attrs.frozen
class RecordCheckRequest:
    """One record to check against the data standard."""

    #: ``license`` or ``penalty``
    kind: str
    #: the record's cells keyed by field code (``CF_WSH``), Chinese name or attribute name
    record: dict[str, Cell]
    #: ``2018`` (default) or ``2015``
    standard: str = "2018"
    #: the check date: decision dates after it are errors (default: today)
    as_of: date | None = None


@attrs.frozen
class RecordCheckAnswer:
    """What the check found: no error means the platform accepts the record."""

    #: ``license`` or ``penalty``
    kind: str
    #: the version of the data standard checked against
    standard: str
    #: the check date
    as_of: date
    #: ``true`` when no issue is an error (warnings allowed)
    valid: bool
    #: how many issues are errors
    errors: int
    #: how many issues are warnings
    warnings: int
    #: every issue found, errors and warnings
    issues: list[IssueModel]
    tool_version: str = attrs.field(kw_only=True)


# --- deadlines ------------------------------------------------------------------------


@attrs.frozen
class DeadlineRequest:
    """A deadline from a start date: publication by default, or any named rule."""

    #: the start day, e.g. the decision date
    start: date
    #: a rule name (``publication``, ``withdrawal_after_revocation``, ``repair_review``, ...)
    rule: str = "publication"
    #: count weekends only in years without a published holiday schedule
    provisional: bool = False


@attrs.frozen
class DeadlineAnswer:
    """The day a duty is due, the rule and its source."""

    #: the rule's name (``publication``, ``weekly_report``, ...)
    rule: str
    #: what the rule is, in words
    title: str
    #: the day the duty starts (not counted)
    start: date
    #: the last day the duty may be done
    due: date
    citation: str
    #: ``true`` when a year without a published schedule was counted by weekends only
    provisional: bool
    #: the deadline in words
    explanation: str


@attrs.frozen
class DueAnswer(DeadlineAnswer):
    """The day a duty is due, the rule and its source (the answer of ``/v1/deadlines/due``)."""

    tool_version: str = attrs.field(kw_only=True)


@attrs.frozen
class TimelinessRequest:
    """Was a record published within its deadline?"""

    #: the decision date, from which the deadline runs
    decision_date: date
    #: the day the record was published
    published_on: date
    #: the deadline rule (default ``publication``: 7 working days)
    rule: str = "publication"
    provisional: bool = False


@attrs.frozen
class TimelinessAnswer:
    """Whether the publication was on time, and how many working days late."""

    #: the deadline the publication is judged by
    deadline: DeadlineAnswer
    #: the day the record was published
    published_on: date
    #: ``true`` when published on or before the due day
    on_time: bool
    #: working days after the due day (0 when on time)
    working_days_late: int
    #: ``true`` when a year without a published schedule was counted by weekends only
    provisional: bool
    tool_version: str = attrs.field(kw_only=True)


# --- policy ---------------------------------------------------------------------------


@attrs.frozen
class FactsModel:
    """The facts of one record a policy answers about (see ``PenaltyFacts``)."""

    #: the decision date (XK_JDRQ / CF_JDRQ)
    decision_date: date
    #: 法人及非法人组织, 自然人 or 个体工商户
    subject: str
    #: ``penalty`` (default) or ``license``
    kind: str = "penalty"
    #: 处罚类别 as written, e.g. ``警告；罚款``
    penalty_types: str | None = None
    #: the fine in 万元, as text (``0.2``)
    fine_wan: str | None = None
    #: 轻微, 一般, 较重 or 严重 (or their English names)
    tier: str | None = None
    #: 简易程序 or 普通程序 (or simple / ordinary)
    procedure: str | None = None
    #: the sector, e.g. 消防 or 食品药品, for rules that depend on it
    sector: str | None = None
    #: the penalty has been performed (null: not stated)
    performed: bool | None = None
    #: the violation has been corrected (null: not stated)
    corrected: bool | None = None
    #: a public credit commitment has been made (null: not stated)
    commitment: bool | None = None
    #: the deciding body consents to repair in writing (null: not stated)
    authority_consent: bool | None = None
    #: the day the record was published
    published_on: date | None = None
    #: the day the platform was told of a revocation
    revoked_on: date | None = None
    #: the months of a 限制从业 / 限制开展生产经营活动 ban
    restriction_months: int | None = None
    #: the days earlier repairs took effect
    previous_repairs: list[date] = attrs.Factory(list)
    #: the decision dates of earlier serious penalties
    previous_serious_penalties: list[date] = attrs.Factory(list)


@attrs.frozen
class PolicyRequest:
    """A policy question: which preset, about which record."""

    facts: FactsModel
    preset: str = "national"
    provisional: bool = False


@attrs.frozen
class TermRequest:
    """The display term, and whether the record is shown on a day."""

    facts: FactsModel
    preset: str = "national"
    #: say whether the record is shown on this day
    on: date | None = None


@attrs.frozen
class RepairRequest:
    """Can an application for credit repair made on a day succeed?"""

    facts: FactsModel
    #: the day the application is made
    applied_on: date
    preset: str = "national"
    provisional: bool = False


@attrs.frozen
class PublicationAnswer:
    """Whether the record is published, why, by which rule, and by when."""

    #: ``true`` when the rules publish the record
    published: bool
    #: ``true`` when the body may publish it although the rules do not require it
    optional: bool
    reason_en: str
    reason_zh: str
    citation: str
    #: the publication deadline, when there is one
    deadline: DeadlineAnswer | None
    #: why there is no deadline (no rule in force, a year the working-day calendar lacks)
    deadline_problem: str | None
    #: the same in Chinese
    deadline_problem_zh: str | None
    explanation: str
    tool_version: str = attrs.field(kw_only=True)


@attrs.frozen
class TermAnswer:
    """The first and last day shown, the minimum term, the rule; shown on ``on`` if asked."""

    #: the day the term is counted from (decision or publication)
    counted_from: date
    #: the first day the record is shown
    first_day_shown: date
    #: the minimum term (``3个月``), or null when the rule sets none
    minimum: str | None
    #: the longest term (``3年``), or null for open-ended (长期)
    maximum: str | None
    #: the last day of the minimum term
    minimum_end: date | None
    #: the last day the record is shown, or null for open-ended (长期)
    last_day_shown: date | None
    #: the citation of the term rule
    rule: str
    explanation: str
    #: the day asked about (``on``), when asked
    shown_on: date | None = None
    #: whether the record is shown on that day, when asked
    shown: bool | None = None
    #: why it is or is not shown that day, when asked
    shown_reason: str | None = None
    tool_version: str = attrs.field(kw_only=True)


@attrs.frozen
class RepairConditionModel:
    """One condition of credit repair: met or not, why, by which rule."""

    #: the condition (``minimum_term``, ``performed``, ``refuse``, ...)
    code: str
    #: ``true`` when the condition is met on the application day
    met: bool
    reason_en: str
    reason_zh: str
    citation: str
    #: the first day the condition is met, when it depends on time
    met_from: date | None
    #: ``true`` when it can never be met (a refusal)
    permanent: bool


@attrs.frozen
class RepairAnswerModel:
    """Eligible or not, every condition, the earliest day an application can succeed."""

    #: ``true`` when the application can succeed on that day
    eligible: bool
    #: the day the application is made
    applied_on: date
    #: every condition in force, met or not, with its rule
    conditions: list[RepairConditionModel]
    #: the first day an application can succeed, or null when none can
    earliest: date | None
    #: the deadline by which the platform decides, for an eligible application
    review: DeadlineAnswer | None
    #: why an eligible application has no review deadline
    review_problem: str | None
    #: the same in Chinese
    review_problem_zh: str | None
    explanation: str
    tool_version: str = attrs.field(kw_only=True)


# --- lifecycle ------------------------------------------------------------------------


@attrs.frozen
class EventModel:
    """One event of a record's life (published, revoked, objection, repaired, ...)."""

    #: the event: published, revoked, objection_filed, objection_decided, repaired, ...
    #: (or its Chinese name: 公示, 撤销, ...)
    kind: str
    #: the day of the event
    date: date
    #: for a decided objection: upheld, rejected, ...
    outcome: str | None = None


@attrs.frozen
class StatusRequest:
    """Where a record stands on a day, given its facts and its events."""

    facts: FactsModel
    #: the day to judge
    on: date
    #: the record's events, in any order
    events: list[EventModel] = attrs.Factory(list)
    preset: str = "national"
    provisional: bool = False


@attrs.frozen
class ActionModel:
    """An action a record owes (publish, withdraw, mark, ...), by when, and whether overdue."""

    #: ``publish``, ``verify_objection``, ``withdraw``, ``take_down`` or ``process_repair``
    action: str
    #: the day the action became owed
    since: date
    #: the last day for it, or null (see ``problem``)
    due: date | None
    #: ``true`` from the day after ``due``
    overdue: bool
    citation: str
    reason_en: str
    reason_zh: str
    #: why there is no due date (no rule in force, a year the working-day calendar lacks)
    problem: str | None = None
    #: the same in Chinese
    problem_zh: str | None = None


@attrs.frozen
class StatusAnswer:
    """The record's state on the day, the rule that decided it, the actions it owes."""

    #: the day judged
    on: date
    #: ``not_published``, ``awaiting_publication``, ``displayed``, ``under_objection``, ``withdrawn``, ``repaired``, ``expired`` or ``undetermined``
    state: str
    #: whether the portal should show the record that day
    shown: bool
    reason_en: str
    reason_zh: str
    citation: str
    #: ``true`` when the record is marked as disputed on the portal
    marked: bool
    #: the actions the record owes that day
    actions: list[ActionModel]
    #: the events that could not be applied, and why
    issues: list[IssueModel]
    #: the day the events say it was published
    published_on: date | None
    explanation: str
    tool_version: str = attrs.field(kw_only=True)


# --- masking --------------------------------------------------------------------------


@attrs.frozen
class MaskRequest:
    """A record to mask for display."""

    #: the record keyed by field code
    record: dict[str, Cell]
    #: public (default: what the portal shows), internal or none
    profile: str = "public"
    #: the subject category, when the record does not say (法人及非法人组织, 自然人, 个体工商户)
    category: str | None = None


@attrs.frozen
class MaskAnswer:
    """The masked record."""

    #: the masking profile used
    profile: str
    #: the record with its personal data masked
    record: dict[str, Cell]
    tool_version: str = attrs.field(kw_only=True)


#: What a member means in every model that has it, unless the model's own ``#:`` comment says
#: otherwise (``{presets}`` is filled with the policy presets' names).
COMMON_FIELDS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "tool_version": "the version of credit-disclosure that answered",
        "reason_en": "why, in English",
        "reason_zh": "why, in Chinese",
        "message_en": "the message in English",
        "message_zh": "the message in Chinese",
        "citation": "the rule's source as it writes itself (document and article)",
        "explanation": "the answer in words (English), with the rule's citation",
        "facts": "the facts of the record that the policy reads",
        "preset": "the policy: {presets} (default national)",
        "provisional": "count weekends only in years without a published holiday schedule "
        "(the answer is then marked provisional)",
    }
)


@functools.cache
def _comments() -> Mapping[str, Mapping[str, str]]:
    """The ``#:`` comment above each member of each class of this module, by class and member."""
    source = inspect.getsource(sys.modules[__name__])
    lines = source.splitlines()
    found: dict[str, dict[str, str]] = {}
    for node in ast.parse(source).body:
        if not isinstance(node, ast.ClassDef):
            continue
        members = found.setdefault(node.name, {})
        for statement in node.body:
            if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
                above: list[str] = []
                index = statement.lineno - 2
                while index >= 0 and lines[index].strip().startswith("#:"):
                    above.insert(0, lines[index].strip()[2:].strip())
                    index -= 1
                if above:
                    members[statement.target.id] = " ".join(above)
    return found


def field_descriptions(cls: type, **params: str) -> dict[str, str]:
    """Each member of the model ``cls`` with what it means: its ``#:`` comment, else the
    common meaning of its name (:data:`COMMON_FIELDS`, ``params`` filled in); ``code``
    quoting as in the comments.

    >>> field_descriptions(IssueModel)["code"]
    'stable issue code, e.g. ``field.required``, ``uscc.checksum``'
    >>> field_descriptions(IssueModel)["message_zh"]
    'the message in Chinese'
    """
    comments = _comments()
    own: dict[str, str] = {}
    for base in reversed(cls.__mro__):  # a subclass's comment wins over its base's
        own.update(comments.get(base.__name__, {}))
    described: dict[str, str] = {}
    for field in attrs.fields(cls):
        text = own.get(field.name)
        if text is None and field.name in COMMON_FIELDS:
            common = COMMON_FIELDS[field.name]
            text = common.format(**params) if params else common
        if text is not None:
            described[field.name] = text
    return described

