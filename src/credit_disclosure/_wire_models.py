"""The typed requests and answers of the HTTP service (and the CLI's JSON): frozen attrs classes.

The OpenAPI document is generated from these classes, so each field's type and
docstring comment is what a Java or .NET developer reads. They are plain data:
the conversion from the library's own objects lives in :mod:`credit_disclosure._wire`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

__all__ = [
    "ActionModel",
    "DeadlineAnswer",
    "DeadlineRequest",
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

    status: str
    version: str
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

    kind: str
    valid: bool
    #: the compact form (upper case, no separators), when valid
    compact: str | None = None
    #: the usual printed form, when valid
    formatted: str | None = None
    #: the parts (division, birth date, check character, ...), for ``parse``
    parts: dict[str, Any] | None = None
    #: why it is not valid: the library's code and messages
    error: IssueModel | None = None


@attrs.frozen
class IdentifierDetectAnswer:
    """The identifier kinds a value is valid as (empty when none)."""

    kinds: list[str]


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

    kind: str
    standard: str
    as_of: date
    #: ``true`` when no issue is an error (warnings allowed)
    valid: bool
    errors: int
    warnings: int
    issues: list[IssueModel]
    tool_version: str


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

    rule: str
    title: str
    start: date
    due: date
    citation: str
    #: ``true`` when a year without a published schedule was counted by weekends only
    provisional: bool
    #: the deadline in words
    explanation: str


@attrs.frozen
class TimelinessRequest:
    """Was a record published within its deadline?"""

    decision_date: date
    published_on: date
    rule: str = "publication"
    provisional: bool = False


@attrs.frozen
class TimelinessAnswer:
    """Whether the publication was on time, and how many working days late."""

    deadline: DeadlineAnswer
    published_on: date
    on_time: bool
    working_days_late: int
    provisional: bool


# --- policy ---------------------------------------------------------------------------


@attrs.frozen
class FactsModel:
    """The facts of one record a policy answers about (see ``PenaltyFacts``)."""

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
    sector: str | None = None
    performed: bool | None = None
    corrected: bool | None = None
    commitment: bool | None = None
    authority_consent: bool | None = None
    published_on: date | None = None
    revoked_on: date | None = None
    restriction_months: int | None = None
    previous_repairs: list[date] = attrs.Factory(list)
    previous_serious_penalties: list[date] = attrs.Factory(list)


@attrs.frozen
class PolicyRequest:
    """A policy question: which preset, about which record."""

    facts: FactsModel
    #: national (default), samr-45, changzhi-2021, shanghai-data-list
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
    applied_on: date
    preset: str = "national"
    provisional: bool = False


@attrs.frozen
class PublicationAnswer:
    """Whether the record is published, why, by which rule, and by when."""

    published: bool
    optional: bool
    reason_en: str
    reason_zh: str
    citation: str
    deadline: DeadlineAnswer | None
    #: why there is no deadline (no rule in force, a year the working-day calendar lacks)
    deadline_problem: str | None
    #: the same in Chinese
    deadline_problem_zh: str | None
    explanation: str


@attrs.frozen
class TermAnswer:
    """The first and last day shown, the minimum term, the rule; shown on ``on`` if asked."""

    counted_from: date
    first_day_shown: date
    minimum: str | None
    maximum: str | None
    minimum_end: date | None
    last_day_shown: date | None
    rule: str
    explanation: str
    shown_on: date | None = None
    shown: bool | None = None
    shown_reason: str | None = None


@attrs.frozen
class RepairConditionModel:
    """One condition of credit repair: met or not, why, by which rule."""

    code: str
    met: bool
    reason_en: str
    reason_zh: str
    citation: str
    met_from: date | None
    permanent: bool


@attrs.frozen
class RepairAnswerModel:
    """Eligible or not, every condition, the earliest day an application can succeed."""

    eligible: bool
    applied_on: date
    conditions: list[RepairConditionModel]
    earliest: date | None
    review: DeadlineAnswer | None
    #: why an eligible application has no review deadline
    review_problem: str | None
    #: the same in Chinese
    review_problem_zh: str | None
    explanation: str


# --- lifecycle ------------------------------------------------------------------------


@attrs.frozen
class EventModel:
    """One event of a record's life (published, revoked, objection, repaired, ...)."""

    #: the event: published, revoked, objection_filed, objection_decided, repaired, ...
    #: (or its Chinese name: 公示, 撤销, ...)
    kind: str
    date: date
    #: for a decided objection: upheld, rejected, ...
    outcome: str | None = None


@attrs.frozen
class StatusRequest:
    """Where a record stands on a day, given its facts and its events."""

    facts: FactsModel
    #: the day to judge
    on: date
    events: list[EventModel] = attrs.Factory(list)
    preset: str = "national"
    provisional: bool = False


@attrs.frozen
class ActionModel:
    """An action a record owes (publish, withdraw, mark, ...), by when, and whether overdue."""

    action: str
    since: date
    due: date | None
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

    on: date
    state: str
    #: whether the portal should show the record that day
    shown: bool
    reason_en: str
    reason_zh: str
    citation: str
    marked: bool
    actions: list[ActionModel]
    issues: list[IssueModel]
    published_on: date | None
    explanation: str


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

    profile: str
    record: dict[str, Cell]
