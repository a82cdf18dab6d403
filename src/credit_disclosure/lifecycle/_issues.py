"""The issue codes of the lifecycle: bad event rows, keys, and event sequences.

Like every issue code of the library each is stable and has an English and a
Chinese message. Messages never contain a cell's value (a note or a key may
hold personal data): only column names, counts, dates and event words.
"""

from __future__ import annotations

from typing import Final

import attrs

from ..standard import Issue, Severity

__all__ = ["LIFECYCLE_ISSUES", "LifecycleIssueSpec", "lifecycle_issue"]


@attrs.frozen
class LifecycleIssueSpec:
    """One issue code of the lifecycle: severity, message templates and meaning.

    >>> LIFECYCLE_ISSUES["event.kind"].severity
    <Severity.ERROR: 'error'>
    """

    code: str
    severity: Severity
    message_en: str
    message_zh: str
    meaning: str
    field: str | None = None


_E, _W = Severity.ERROR, Severity.WARNING

_SPECS: Final = (
    # -- reading an EVENTS file: the row is rejected (no event) ------------------------
    LifecycleIssueSpec(
        "event.key", _E, "the event has no record key (decision number)",
        "事件缺少记录键（决定文书号）",
        "The ``key`` cell is empty. The row is not an event.", "key",
    ),
    LifecycleIssueSpec(
        "event.kind", _E,
        "the event word is not one of published, changed, objection_filed, objection_resolved, "
        "revoked, repair_applied, repair_granted, repair_refused, taken_down (or their Chinese "
        "words)",
        "事件应为公示、变更、异议、异议处理、撤销、申请修复、准予修复、不予修复、撤下之一",
        "The ``event`` cell names no event kind. The row is not an event.", "event",
    ),
    LifecycleIssueSpec(
        "event.date", _E, "the event date is missing or not a real date",
        "事件日期为空或不是有效日期",
        "The ``date`` cell is empty or not a date in YYYY/MM/DD, YYYY-MM-DD or YYYYMMDD. "
        "The row is not an event.", "date",
    ),
    LifecycleIssueSpec(
        "event.outcome", _E,
        "a resolved objection needs its outcome: maintained, corrected or withdrawn",
        "异议处理须注明处理结果：维持、修改或撤下",
        "An ``objection_resolved`` row without an outcome, or an outcome that is not one of "
        "the three. The row is not an event.", "outcome",
    ),
    LifecycleIssueSpec(
        "event.outcome_unexpected", _W,
        "only objection_resolved takes an outcome; the outcome is ignored",
        "只有异议处理事件有处理结果，已忽略",
        "An outcome on an event of another kind. The event is kept without it.", "outcome",
    ),
    LifecycleIssueSpec(
        "event.column", _E, "the file has no {column_name!r} column",
        "文件缺少“{column_name}”列",
        "A required column (key, event, date) is missing: every row will then be rejected "
        "for it. File-level (no row).",
    ),
    LifecycleIssueSpec(
        "event.header", _W,
        "column {column} header {header!r} is not an EVENTS column (or repeats one); it is ignored",
        "第{column}列表头“{header}”不是事件文件的列（或重复），已忽略",
        "A header other than key, event, date, outcome, note (or their Chinese names), or a "
        "second column for the same one. File-level.",
    ),
    LifecycleIssueSpec(
        "event.unexpected", _E, "the row could not be read ({reason})",
        "该行无法读取（{reason}）",
        "Reading the row failed unexpectedly (a bug: please report it). The other rows are read.",
    ),
    # -- keys ----------------------------------------------------------------------------
    LifecycleIssueSpec(
        "key.missing", _W, "the record has no decision number, so no event can reach it",
        "记录缺少决定文书号，无法关联事件",
        "A record without 决定文书号: its state is derived from its facts alone.",
    ),
    LifecycleIssueSpec(
        "key.duplicate", _W, "another record (row {other}) has the same key",
        "与第{other}行记录的记录键相同",
        "Two records share body code and decision number: events with that key apply to both.",
    ),
    LifecycleIssueSpec(
        "key.ambiguous", _E,
        "the event names a decision number that several bodies used; give the body code",
        "多个机关使用了该文书号，请在记录键中注明机关代码",
        "An event keyed by the number alone that matches records of several bodies: it is "
        "applied to none of them.", "key",
    ),
    LifecycleIssueSpec(
        "key.unmatched", _W, "the event's key matches no record",
        "事件的记录键不对应任何记录",
        "An event about a record that is not in RECORDS. It is reported and not applied.", "key",
    ),
    # -- sequences ---------------------------------------------------------------------
    LifecycleIssueSpec(
        "sequence.before_decision", _E,
        "a {event} event dated {date} is before the decision date",
        "{date}的“{event}”事件早于决定日期",
        "An event dated before the decision it is about. It is not applied.",
    ),
    LifecycleIssueSpec(
        "sequence.not_published", _E,
        "a {event} event dated {date} concerns a record not yet published",
        "{date}的“{event}”事件针对尚未公示的记录",
        "An objection or a repair on a record that was never published (no published event "
        "before it). It is not applied.",
    ),
    LifecycleIssueSpec(
        "sequence.no_objection", _E,
        "an objection resolved on {date} has no open objection",
        "{date}的异议处理没有对应的异议申请",
        "An objection_resolved event without an objection_filed event open before it. It is "
        "not applied.",
    ),
    LifecycleIssueSpec(
        "sequence.no_application", _E,
        "a repair {event} on {date} has no pending application",
        "{date}的修复决定（{event}）没有待处理的修复申请",
        "A repair granted or refused without a repair application pending before it. A grant "
        "is still applied (the record is repaired); a refusal is not.",
    ),
    LifecycleIssueSpec(
        "sequence.repeated", _E,
        "a second {event} event on {date}",
        "{date}重复出现“{event}”事件",
        "A second revocation, a second granted repair, a second objection while one is open, "
        "or a second publication while the record is shown. It is not applied.",
    ),
    LifecycleIssueSpec(
        "sequence.after_end", _E,
        "a {event} event dated {date} comes after the record was revoked or repaired",
        "{date}的“{event}”事件发生在记录被撤销或修复之后",
        "An objection, repair or change on a record that was already revoked or repaired. "
        "It is not applied.",
    ),
    LifecycleIssueSpec(
        "sequence.excluded_published", _E,
        "the record was published on {date} although the policy excludes it",
        "该记录按规定不应公示，却于{date}公示",
        "Over-disclosure: a published event on a record the policy does not publish. The "
        "record must be taken down.",
    ),
    LifecycleIssueSpec(
        "sequence.repair_ineligible", _W,
        "a repair was granted on {date} although the policy does not allow it then ({reason})",
        "{date}准予修复，但按规定当时不符合修复条件（{reason}）",
        "A granted repair the policy refuses (serious tier, before the minimum term, ...). The "
        "record is still treated as repaired, as the portal was told.",
    ),
    LifecycleIssueSpec(
        "record.publication_end", _W,
        "公示截止期 (CF_GSJZQ) {stated} differs from the last day of the term, {computed} [{rule}]",
        "公示截止期（CF_GSJZQ）{stated}与按规定计算的公示期限最后一日{computed}不一致（{rule}）",
        "The record's own end of publication disagrees with the policy's term. The state follows "
        "the policy; correct the field or the policy.", "CF_GSJZQ",
    ),
    LifecycleIssueSpec(
        "state.undetermined", _E, "the state cannot be decided: {reason}",
        "无法判断记录状态：{reason}",
        "The policy needs a fact the record does not state (typically the tier), or has no "
        "rule in force on the decision date.",
    ),
)

#: Every issue code of the lifecycle, by code.
LIFECYCLE_ISSUES: Final[dict[str, LifecycleIssueSpec]] = {spec.code: spec for spec in _SPECS}


def lifecycle_issue(code: str, row: int | None = None, **params: object) -> Issue:
    """Make the :class:`~credit_disclosure.standard.Issue` for lifecycle ``code``.

    >>> lifecycle_issue("event.date", 4).row
    4
    >>> lifecycle_issue("event.column", column_name="date").message_en
    "the file has no 'date' column"

    A parameter ``NAME_zh`` is ``NAME`` in the Chinese message (a reason said in both languages):

    >>> lifecycle_issue("state.undetermined", reason="no rule", reason_zh="没有规则").message_zh
    '无法判断记录状态：没有规则'
    """
    spec = LIFECYCLE_ISSUES[code]
    en = {name: value for name, value in params.items() if not name.endswith("_zh")}
    zh = {**en, **{name[:-3]: value for name, value in params.items() if name.endswith("_zh")}}
    return Issue(
        code=code,
        field=spec.field,
        severity=spec.severity,
        message_en=spec.message_en.format(**en),
        message_zh=spec.message_zh.format(**zh),
        row=row,
    )
