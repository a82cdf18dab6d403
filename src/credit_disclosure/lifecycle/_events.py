"""The events that happen to a published record, and reading them from a file.

Each event is one line of an EVENTS file (CSV, XLSX or JSON Lines) with the
columns ``key``, ``event``, ``date`` and, optionally, ``outcome`` and ``note``.
The words are English (``objection_filed``) or Chinese (``异议``); what each
event means, and the document that sets its effect, is in :class:`EventKind`.
"""

from __future__ import annotations

import enum
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import IO, TYPE_CHECKING, Any, Final

import attrs

from .._dates import as_date
from .._text import to_halfwidth
from ..errors import ArgumentTypeError, InvalidComponent, InvalidFormat
from ..policy import Citation
from ..standard import Issue, parse_date
from ._issues import lifecycle_issue
from ._keys import RecordKey

if TYPE_CHECKING:  # pragma: no cover
    from ..io import FileFormat, RawRow

__all__ = [
    "EVENT_CITATIONS",
    "Event",
    "EventKind",
    "EventLog",
    "ObjectionOutcome",
    "events_from_rows",
    "read_events",
]


def _fold(text: str) -> str:
    return to_halfwidth(text).strip().lower().replace("-", "_").replace(" ", "_")


class EventKind(enum.Enum):
    """What happened to a record. The value is the English word; :attr:`zh` the Chinese one.

    :meth:`parse` also takes the Chinese words the seeds and portals use
    (``公示``, ``变更``, ``异议``, ``撤销``, ``撤下``, ``信用修复`` ...).

    >>> EventKind.parse("异议")
    <EventKind.OBJECTION_FILED: 'objection_filed'>
    >>> EventKind.parse("Repair granted").zh
    '准予修复'
    """

    #: the record went up on the portal (公示): 424号, 长治 2021 实施意见 (三)
    PUBLISHED = "published"
    #: the decision was changed (变更); the corrected record replaces the old one: 长治 2021 (三)
    CHANGED = "changed"
    #: the subject disputed the record (异议): 长治 2021 (九), 银川 2017 一(四)8.(2)
    OBJECTION_FILED = "objection_filed"
    #: the objection was decided: maintained, corrected or withdrawn (维持/修改/撤下): 长治 2021 (九)
    OBJECTION_RESOLVED = "objection_resolved"
    #: the decision was revoked (by the body, on 复议 or by a court); dated the day the
    #: portal is told: 长治 2021 (九), 行政处罚法 第四十八条
    REVOKED = "revoked"
    #: the subject applied for credit repair (申请信用修复): 长治 2021 (十)
    REPAIR_APPLIED = "repair_applied"
    #: the repair was granted; the record is no longer shown: 长治 2021 (十), 银川 2017 7.(2)
    REPAIR_GRANTED = "repair_granted"
    #: the repair was refused (不予修复): 长治 2021 (十)
    REPAIR_REFUSED = "repair_refused"
    #: the portal took the record down (撤下)
    TAKEN_DOWN = "taken_down"

    @property
    def zh(self) -> str:
        """The Chinese word for the event.

        >>> EventKind.TAKEN_DOWN.zh
        '撤下'
        """
        return _ZH[self]

    @classmethod
    def parse(cls, text: str) -> EventKind:
        """The kind named by ``text``: the English value (any case, spaces or hyphens) or Chinese.

        Raises :class:`~credit_disclosure.errors.InvalidComponent`
        (``event.kind``) naming the accepted words.

        >>> EventKind.parse("objection-resolved"), EventKind.parse("不予修复")
        (<EventKind.OBJECTION_RESOLVED: 'objection_resolved'>, <EventKind.REPAIR_REFUSED: 'repair_refused'>)
        """
        if isinstance(text, EventKind):
            return text
        if isinstance(text, str):
            found = _BY_WORD.get(text) or _BY_WORD.get(_fold(text))
            if found is not None:
                return found
        raise InvalidComponent(
            "event.kind",
            message_en="the event is not one of " + ", ".join(k.value for k in cls),
            message_zh="事件应为" + "、".join(k.zh for k in cls) + "之一",
            field="event",
        )


_ZH: Final[dict[EventKind, str]] = {
    EventKind.PUBLISHED: "公示",
    EventKind.CHANGED: "变更",
    EventKind.OBJECTION_FILED: "异议",
    EventKind.OBJECTION_RESOLVED: "异议处理",
    EventKind.REVOKED: "撤销",
    EventKind.REPAIR_APPLIED: "申请修复",
    EventKind.REPAIR_GRANTED: "准予修复",
    EventKind.REPAIR_REFUSED: "不予修复",
    EventKind.TAKEN_DOWN: "撤下",
}
_KIND_WORDS: Final[dict[EventKind, tuple[str, ...]]] = {
    EventKind.PUBLISHED: ("公示", "发布", "上网公示", "已公示", "publish"),
    EventKind.CHANGED: ("变更", "更正", "修改", "change"),
    EventKind.OBJECTION_FILED: ("异议", "提出异议", "异议申请", "objection"),
    EventKind.OBJECTION_RESOLVED: ("异议处理", "异议办结", "异议答复", "异议处理完毕"),
    EventKind.REVOKED: ("撤销", "被撤销", "撤销处罚", "revoke", "revocation"),
    EventKind.REPAIR_APPLIED: ("申请修复", "修复申请", "申请信用修复", "信用修复申请"),
    EventKind.REPAIR_GRANTED: ("准予修复", "同意修复", "信用修复", "修复", "已修复", "repaired"),
    EventKind.REPAIR_REFUSED: ("不予修复", "驳回修复", "修复驳回", "拒绝修复"),
    EventKind.TAKEN_DOWN: ("撤下", "下线", "屏蔽", "删除", "take_down", "takedown"),
}
_BY_WORD: Final[dict[str, EventKind]] = {
    **{k.value: k for k in EventKind},
    **{_fold(w): k for k, words in _KIND_WORDS.items() for w in words},
}


_CZ = "长治 2021 实施意见"
#: Where each event's effect is set: used when a policy has no row of its own for it.
EVENT_CITATIONS: Final[dict[EventKind, Citation]] = {
    EventKind.PUBLISHED: Citation(document="发改办财金〔2018〕424号; " + _CZ, article="(三)"),
    EventKind.CHANGED: Citation(document=_CZ, article="(三)"),
    EventKind.OBJECTION_FILED: Citation(document=_CZ, article="(九)"),
    EventKind.OBJECTION_RESOLVED: Citation(document=_CZ, article="(九)"),
    EventKind.REVOKED: Citation(document=_CZ + " (九); 中华人民共和国行政处罚法", article="第四十八条"),
    EventKind.REPAIR_APPLIED: Citation(document=_CZ, article="(十)"),
    EventKind.REPAIR_GRANTED: Citation(
        document=_CZ + " (十); 银川 2017 工作方案", article="一(四)7.(2)"
    ),
    EventKind.REPAIR_REFUSED: Citation(document=_CZ, article="(十)"),
    EventKind.TAKEN_DOWN: Citation(document=_CZ, article="(八)(九)(十)"),
}


class ObjectionOutcome(enum.Enum):
    """How an objection was decided (长治 2021 实施意见 (九): 维持、修改或者撤下公示信息).

    >>> ObjectionOutcome.parse("修改")
    <ObjectionOutcome.CORRECTED: 'corrected'>
    >>> ObjectionOutcome.WITHDRAWN.zh
    '撤下'
    """

    #: the record stands as published
    MAINTAINED = "maintained"
    #: the record is corrected; the corrected record stays on the portal
    CORRECTED = "corrected"
    #: the objection is upheld and the record is taken down
    WITHDRAWN = "withdrawn"

    @property
    def zh(self) -> str:
        """The Chinese word (维持, 修改, 撤下).

        >>> ObjectionOutcome.MAINTAINED.zh
        '维持'
        """
        return {"maintained": "维持", "corrected": "修改", "withdrawn": "撤下"}[self.value]

    @classmethod
    def parse(cls, text: str) -> ObjectionOutcome:
        """The outcome named by ``text`` (English or Chinese; 更正 reads as corrected).

        Raises :class:`~credit_disclosure.errors.InvalidComponent` (``event.outcome``).

        >>> ObjectionOutcome.parse(" Maintained "), ObjectionOutcome.parse("撤下")
        (<ObjectionOutcome.MAINTAINED: 'maintained'>, <ObjectionOutcome.WITHDRAWN: 'withdrawn'>)
        """
        if isinstance(text, ObjectionOutcome):
            return text
        if isinstance(text, str):
            found = _OUTCOMES.get(_fold(text))
            if found is not None:
                return found
        raise InvalidComponent(
            "event.outcome",
            message_en="the outcome is one of maintained, corrected, withdrawn",
            message_zh="处理结果应为维持、修改、撤下之一",
            field="outcome",
        )


_OUTCOMES: Final[dict[str, ObjectionOutcome]] = {
    **{o.value: o for o in ObjectionOutcome},
    "维持": ObjectionOutcome.MAINTAINED,
    "修改": ObjectionOutcome.CORRECTED,
    "更正": ObjectionOutcome.CORRECTED,
    "撤下": ObjectionOutcome.WITHDRAWN,
    "upheld": ObjectionOutcome.WITHDRAWN,
}


_Date = date  # the field below is called ``date``


def _to_key(value: RecordKey | str) -> RecordKey:
    return value if isinstance(value, RecordKey) else RecordKey.parse(value)


def _to_kind(value: EventKind | str) -> EventKind:
    return value if isinstance(value, EventKind) else EventKind.parse(value)


def _to_outcome(value: ObjectionOutcome | str | None) -> ObjectionOutcome | None:
    if value is None or isinstance(value, ObjectionOutcome):
        return value
    return ObjectionOutcome.parse(value)


def _check_date(instance: object, attribute: object, value: Any) -> None:
    try:
        as_date(value, "date")  # the one date-argument rule (a datetime is refused)
    except ArgumentTypeError:
        raise InvalidFormat(
            "event.date",
            message_en=f"an event date is a datetime.date, not {type(value).__name__}",
            message_zh="事件日期应为日期",
            field="date",
        ) from None


def _hidden(value: str | None) -> str:
    # a note is free text and may name a person: never echo it
    return "None" if value is None else f"<{len(value)} characters>"


@attrs.frozen(kw_only=True)
class Event:
    """One dated event of one record.

    ``outcome`` is required for :attr:`EventKind.OBJECTION_RESOLVED` and
    refused for every other kind (:class:`~credit_disclosure.errors.InvalidComponent`,
    ``event.outcome``). ``note`` is free text and never shown in ``repr``;
    ``row`` is the data row of the file the event came from (not compared).
    Kinds and outcomes may be given as words (``kind="异议"``).

    >>> e = Event(key="京市监罚〔2024〕12号", kind="异议处理", date=date(2024, 3, 1),
    ...           outcome="维持", note="张三来电")
    >>> e.kind, e.outcome
    (<EventKind.OBJECTION_RESOLVED: 'objection_resolved'>, <ObjectionOutcome.MAINTAINED: 'maintained'>)
    >>> "张三" in repr(e)
    False
    """

    key: RecordKey = attrs.field(converter=_to_key)
    kind: EventKind = attrs.field(converter=_to_kind)
    date: _Date = attrs.field(validator=_check_date)
    outcome: ObjectionOutcome | None = attrs.field(default=None, converter=_to_outcome)
    note: str | None = attrs.field(default=None, repr=_hidden)
    row: int | None = attrs.field(default=None, eq=False, order=False)

    def __attrs_post_init__(self) -> None:
        if self.kind is EventKind.OBJECTION_RESOLVED and self.outcome is None:
            raise InvalidComponent(
                "event.outcome",
                message_en="a resolved objection needs its outcome "
                "(maintained, corrected or withdrawn)",
                message_zh="异议处理事件须注明处理结果（维持、修改或撤下）",
                field="outcome",
            )
        if self.kind is not EventKind.OBJECTION_RESOLVED and self.outcome is not None:
            raise InvalidComponent(
                "event.outcome",
                message_en=f"only objection_resolved takes an outcome, not {self.kind.value}",
                message_zh="只有异议处理事件有处理结果",
                field="outcome",
            )


@attrs.frozen(kw_only=True)
class EventLog:
    """The events read from a file or rows, with every row accounted for.

    ``rows`` counts the data rows (blank ones included); each is either an
    event in ``events`` or a rejected row with at least one error in
    ``issues``, or blank (``blank_rows``). Issues carry the 1-based data row.

    >>> log = events_from_rows([{"key": "1号", "event": "公示", "date": "2024/03/01"},
    ...                         {"key": "1号", "event": "unknown", "date": "2024/03/02"}])
    >>> log.rows, len(log.events), log.rejected_rows, [i.code for i in log.issues]
    (2, 1, 1, ['event.kind'])
    """

    events: tuple[Event, ...]
    issues: tuple[Issue, ...] = ()
    rows: int = 0
    blank_rows: int = 0
    source: str | None = None

    @property
    def rejected_rows(self) -> int:
        """The rows that produced no event (each has an error in ``issues``).

        >>> EventLog(events=(), rows=0).rejected_rows
        0
        """
        return self.rows - self.blank_rows - len(self.events)

    @property
    def ok(self) -> bool:
        """Whether every non-blank row became an event and no issue is an error.

        >>> EventLog(events=()).ok
        True
        """
        return self.rejected_rows == 0 and not any(i.is_error for i in self.issues)


# header texts (folded) -> column name
_COLUMNS: Final[dict[str, str]] = {
    **{c: c for c in ("key", "event", "date", "outcome", "note")},
    "记录键": "key",
    "键": "key",
    "文书号": "key",
    "决定文书号": "key",
    "kind": "event",
    "事件": "event",
    "事件类型": "event",
    "日期": "date",
    "事件日期": "date",
    "结果": "outcome",
    "处理结果": "outcome",
    "备注": "note",
    "说明": "note",
}
_REQUIRED: Final = ("key", "event", "date")


_LONG_RUN: Final = re.compile(r"[0-9A-Za-z]{6,}")


def _safe_header(header: object) -> str:
    # a file without a header row has data as headers: never echo an identifier-like run
    text = str(header).strip()[:40] if header is not None else ""
    return _LONG_RUN.sub(lambda m: "*" * len(m.group()), text)


class _Columns:
    """Header texts to column names, once per distinct header; odd headers reported once."""

    def __init__(self, issues: list[Issue]) -> None:
        self.names: dict[object, str | None] = {}
        self.issues = issues
        self.checked = False

    def resolve(self, headers: Iterable[object]) -> None:
        for column, header in enumerate(headers, start=1):
            if header in self.names:
                continue
            name = _COLUMNS.get(_fold(header)) if isinstance(header, str) else None
            shown = _safe_header(header)
            if name is None and shown:
                self.issues.append(lifecycle_issue("event.header", column=column, header=shown))
            if name is not None and name in self.names.values():
                self.issues.append(lifecycle_issue("event.header", column=column, header=shown))
                name = None
            self.names[header] = name

    def check_required(self) -> None:
        present = set(self.names.values())
        for name in _REQUIRED:
            if name not in present:
                self.issues.append(lifecycle_issue("event.column", column_name=name))
        self.checked = True

    def map(self, values: Mapping[str, object]) -> dict[str, object]:
        if any(k not in self.names for k in values):
            self.resolve(values)
        out: dict[str, object] = {}
        for header, value in values.items():
            name = self.names[header]
            if name is not None:
                out[name] = value
        return out


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    elif isinstance(value, str):
        text = value
    else:
        return None
    text = text.strip()
    return text or None


@attrs.frozen
class _Warned:
    event: Event
    issues: list[Issue]


def _event_date(value: object) -> date | None:
    try:
        return parse_date(value)
    except InvalidFormat:
        return None


def _event(row: int, values: Mapping[str, object]) -> Event | _Warned | list[Issue]:
    issues: list[Issue] = []
    key_text = _text(values.get("key"))
    key: RecordKey | None = None
    if key_text is None:
        issues.append(lifecycle_issue("event.key", row))
    else:
        try:
            key = RecordKey.parse(key_text)
        except InvalidFormat:
            issues.append(lifecycle_issue("event.key", row))
    kind: EventKind | None = None
    kind_text = _text(values.get("event"))
    try:
        kind = EventKind.parse(kind_text if kind_text is not None else "")
    except InvalidComponent:
        issues.append(lifecycle_issue("event.kind", row))
    raw_date = values.get("date")
    day = None if raw_date is None or raw_date == "" else _event_date(raw_date)
    if day is None:
        issues.append(lifecycle_issue("event.date", row))
    outcome: ObjectionOutcome | None = None
    outcome_text = _text(values.get("outcome"))
    if outcome_text is not None:
        try:
            outcome = ObjectionOutcome.parse(outcome_text)
        except InvalidComponent:
            issues.append(lifecycle_issue("event.outcome", row))
    if kind is EventKind.OBJECTION_RESOLVED and outcome is None and outcome_text is None:
        issues.append(lifecycle_issue("event.outcome", row))
    if kind is not None and kind is not EventKind.OBJECTION_RESOLVED and outcome is not None:
        issues.append(lifecycle_issue("event.outcome_unexpected", row))
        outcome = None
    if any(i.is_error for i in issues) or key is None or kind is None or day is None:
        return issues
    note = values.get("note")
    event = Event(
        key=key,
        kind=kind,
        date=day,
        outcome=outcome,
        note=_text(note),
        row=row,
    )
    return _Warned(event, issues) if issues else event


def _collect(rows: Iterable[RawRow], columns: _Columns, issues: list[Issue]) -> tuple[list[Event], int]:
    events: list[Event] = []
    count = 0
    for raw in rows:
        count += 1
        if not raw.usable:
            issues.extend(raw.issues)
            continue
        issues.extend(raw.issues)
        try:
            result = _event(raw.row, columns.map(raw.values))
        except Exception as exc:  # a bug must not lose the other rows
            issues.append(lifecycle_issue("event.unexpected", raw.row, reason=type(exc).__name__))
            continue
        if isinstance(result, Event):
            events.append(result)
        elif isinstance(result, _Warned):
            events.append(result.event)
            issues.extend(result.issues)
        else:
            issues.extend(result)
    return events, count


def read_events(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    format: FileFormat | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
) -> EventLog:
    """Read an EVENTS file (CSV, XLSX or JSON Lines) into an :class:`EventLog`.

    Columns: ``key`` (a decision number, or ``CODE|NUMBER``), ``event``,
    ``date``, optional ``outcome`` and ``note``; Chinese headers (记录键, 事件,
    日期, 处理结果, 备注) are accepted too. A row that is not an event is
    reported with a coded issue (``event.key``, ``event.kind``, ``event.date``,
    ``event.outcome``, or the reader's ``row.*``) and the next row is read; a
    missing required column is one file-level ``event.column`` error. Only a
    file that cannot be opened raises.

    >>> import io
    >>> data = "key,event,date,outcome\\n1号,公示,2024/03/01,\\n1号,异议处理,2024/03/09,维持\\n"
    >>> log = read_events(io.BytesIO(data.encode("gbk")))
    >>> [(e.kind.value, e.date.isoformat(), e.row) for e in log.events]
    [('published', '2024-03-01', 1), ('objection_resolved', '2024-03-09', 2)]
    """
    # io sits below lifecycle in the package's layers: files are read at this edge only
    from ..io import open_table

    issues: list[Issue] = []
    columns = _Columns(issues)
    with open_table(source, format=format, encoding=encoding, sheet=sheet) as reader:
        empty = any(i.code == "file.empty" for i in reader.file_issues)
        if not empty:
            columns.resolve(reader.headers)
            columns.check_required()
        events, rows = _collect(reader, columns, issues)
        issues.extend(reader.file_issues)
        blank = reader.blank_rows
        name = reader.name
    return EventLog(
        events=tuple(events),
        issues=tuple(issues),
        rows=rows + blank,
        blank_rows=blank,
        source=name,
    )


def _numbered(rows: Iterable[Mapping[str, object]]) -> Iterator[RawRow]:
    from ..io import RawRow

    for n, values in enumerate(rows, start=1):
        yield RawRow(n, values)


def events_from_rows(rows: Iterable[Mapping[str, object]]) -> EventLog:
    """Events from rows already in memory (mappings with the EVENTS columns), numbered from 1.

    >>> log = events_from_rows([{"事件": "撤销", "记录键": "1号", "日期": date(2024, 5, 6)}])
    >>> log.events[0].kind, log.ok
    (<EventKind.REVOKED: 'revoked'>, True)
    """
    issues: list[Issue] = []
    columns = _Columns(issues)
    events, count = _collect(_numbered(rows), columns, issues)
    return EventLog(events=tuple(events), issues=tuple(issues), rows=count)
