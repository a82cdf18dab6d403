"""A record's life on the portal: events, the state on a date, the actions owed.

The vocabulary: an :class:`Event` (``key``, ``kind``, ``date``, ``outcome``,
``note``) of one of the :class:`EventKind` s, about the record named by a
:class:`RecordKey` (deciding body code and decision number; see
:mod:`~credit_disclosure.lifecycle` docs for missing or repeated parts). Read
an EVENTS file with :func:`read_events`: every row becomes an event or a coded
issue.

>>> from datetime import date
>>> from credit_disclosure.lifecycle import Event, EventKind, RecordKey
>>> e = Event(key="11110000000000000X|京市监罚〔2024〕12号", kind="撤销", date=date(2024, 5, 6))
>>> e.kind is EventKind.REVOKED, e.key.authority_code
(True, '11110000000000000X')
"""

from __future__ import annotations

from ._dataset import (
    DatasetStatus,
    PortalDiff,
    RecordInput,
    RecordSet,
    SubjectEntry,
    SubjectView,
    dataset_status,
    iter_statuses,
    mask_subject,
    portal_diff,
    records_from_file,
    records_from_rows,
    subject_view,
)
from ._events import (
    EVENT_CITATIONS,
    Event,
    EventKind,
    EventLog,
    ObjectionOutcome,
    events_from_rows,
    read_events,
)
from ._frames import STATUS_COLUMNS, STATUS_SCHEMA, status_frame, status_spark
from ._issues import LIFECYCLE_ISSUES, LifecycleIssueSpec, lifecycle_issue
from ._keys import RecordKey, normalize_decision_number, record_key
from ._state import Action, ActionDue, Lifecycle, RecordStatus, State, record_status

__all__ = [
    "EVENT_CITATIONS",
    "LIFECYCLE_ISSUES",
    "STATUS_COLUMNS",
    "STATUS_SCHEMA",
    "Action",
    "ActionDue",
    "DatasetStatus",
    "Event",
    "EventKind",
    "EventLog",
    "Lifecycle",
    "LifecycleIssueSpec",
    "ObjectionOutcome",
    "PortalDiff",
    "RecordInput",
    "RecordKey",
    "RecordSet",
    "RecordStatus",
    "State",
    "SubjectEntry",
    "SubjectView",
    "dataset_status",
    "events_from_rows",
    "iter_statuses",
    "lifecycle_issue",
    "mask_subject",
    "normalize_decision_number",
    "portal_diff",
    "read_events",
    "record_key",
    "record_status",
    "records_from_file",
    "records_from_rows",
    "status_frame",
    "status_spark",
    "subject_view",
]
