"""Typed usage of credit_disclosure.lifecycle, checked by ``mypy --strict`` (never executed)."""

from __future__ import annotations

from datetime import date

from credit_disclosure.lifecycle import (
    Action,
    ActionDue,
    DatasetStatus,
    Event,
    EventKind,
    EventLog,
    Lifecycle,
    ObjectionOutcome,
    PortalDiff,
    RecordKey,
    RecordSet,
    RecordStatus,
    State,
    SubjectView,
    dataset_status,
    portal_diff,
    read_events,
    record_key,
    record_status,
    records_from_file,
    subject_view,
)
from credit_disclosure.policy import CHANGZHI_2021, NATIONAL, PenaltyFacts
from credit_disclosure.standard import PenaltyRecord

kind: EventKind = EventKind.parse("异议")
outcome: ObjectionOutcome = ObjectionOutcome.parse("维持")
event = Event(key="1号", kind=kind, date=date(2022, 4, 6))
key: RecordKey = event.key
maybe_key: RecordKey | None = record_key(PenaltyRecord(decision_no="1号"))
log: EventLog = read_events("events.csv")
events: tuple[Event, ...] = log.events

facts = PenaltyFacts(decision_date=date(2022, 3, 1), subject="法人及非法人组织", tier="一般")
status: RecordStatus = record_status(facts, events, policy=CHANGZHI_2021, on=date(2022, 7, 1))
state: State = status.state
shown: bool = state.shown
actions: tuple[ActionDue, ...] = status.overdue
first: Action = actions[0].action
due: date | None = actions[0].due
life = Lifecycle(NATIONAL)
again: RecordStatus = life.status(facts, events, on=date(2022, 7, 1), key=key)

records: RecordSet = records_from_file("records.csv", as_of=date(2022, 7, 1))
result: DatasetStatus = dataset_status(records, log, policy=NATIONAL, on=date(2022, 7, 1))
overdue: bool = result.any_overdue
diff: PortalDiff = portal_diff(result.statuses, ["1号"])
clean: bool = diff.clean
view: SubjectView = subject_view(records, log, "91110000600037341L", policy=NATIONAL,
                                 on=date(2022, 7, 1))
masked: str = view.subject
