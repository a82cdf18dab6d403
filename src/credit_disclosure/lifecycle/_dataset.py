"""A dataset's life: records and events matched by key, the status of each, portal and subject views.

RECORDS is a file (or rows) of the data standard's fields plus the facts a
policy needs that the standard lacks, in optional columns: ``tier``
(轻微/一般/严重 or minor/general/serious), ``procedure`` (简易/普通 or
simple/ordinary), ``sector``, ``corrected`` and ``performed`` (是/否). Every
row is accounted for: a row that cannot be read, or lacks what a policy needs
(a decision date, a subject category), gets the state ``undetermined`` with
the reason.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import IO, TYPE_CHECKING, Any, Final

import attrs

from .._i18n import error_text
from .._text import compact_identifier, to_halfwidth
from ..errors import PolicyError, ValidationError
from ..policy import Citation, PenaltyFacts, Policy, Procedure, Tier
from ..standard import (
    HeaderResolver,
    Issue,
    LicenseRecord,
    PenaltyRecord,
    RecordKind,
    StandardVersion,
    detect_kind,
    parse_row,
)
from ._events import Event, EventLog
from ._issues import lifecycle_issue
from ._keys import RecordKey, record_key
from ._state import Lifecycle, RecordStatus, State

if TYPE_CHECKING:  # pragma: no cover
    from ..workdays import WorkdayCalendar

__all__ = [
    "DatasetStatus",
    "PortalDiff",
    "RecordInput",
    "RecordSet",
    "SubjectEntry",
    "SubjectView",
    "dataset_status",
    "iter_statuses",
    "mask_subject",
    "portal_diff",
    "records_from_file",
    "records_from_rows",
    "subject_view",
]

_STANDARD: Final = Citation(document="发改办财金〔2018〕790号")


def _hidden(value: frozenset[str]) -> str:
    return f"<{len(value)} identifiers>"


@attrs.frozen(kw_only=True)
class RecordInput:
    """One record of a dataset: its row, key, the facts a policy reads, or why there are none.

    ``subjects`` are the compact identifiers of the subject (credit code, ID
    number, other registration codes), used by :func:`subject_view` and never
    shown in ``repr``. ``publication_end`` is the record's 公示截止期 (CF_GSJZQ).
    ``problem`` says why there are no facts, ``problem_zh`` the same in Chinese.

    >>> r = RecordInput(row=1, key=RecordKey("1号"), facts=None, problem="no decision date",
    ...                 subjects=frozenset({"110105194912310029"}))
    >>> "1101051949" in repr(r)
    False
    """

    row: int
    key: RecordKey | None
    facts: PenaltyFacts | None
    problem: str | None = None
    problem_zh: str | None = None
    publication_end: date | None = None
    subjects: frozenset[str] = attrs.field(default=frozenset(), repr=_hidden)


@attrs.frozen(kw_only=True)
class RecordSet:
    """The records read from a file or rows: one :class:`RecordInput` per non-blank row.

    >>> RecordSet(records=(), kind=RecordKind.PENALTY).rows
    0
    """

    records: tuple[RecordInput, ...]
    kind: RecordKind | None
    issues: tuple[Issue, ...] = ()
    blank_rows: int = 0
    source: str | None = None

    @property
    def rows(self) -> int:
        """Data rows read, blank ones included.

        >>> RecordSet(records=(), kind=None, blank_rows=2).rows
        2
        """
        return len(self.records) + self.blank_rows


def _fold(text: str) -> str:
    return to_halfwidth(text).strip().lower().replace("-", "_").replace(" ", "_")


#: Extra RECORDS columns (folded header text) -> the fact they state.
_FACT_COLUMNS: Final[dict[str, str]] = {
    "tier": "tier",
    "失信程度": "tier",
    "严重程度": "tier",
    "失信等级": "tier",
    "procedure": "procedure",
    "程序": "procedure",
    "处罚程序": "procedure",
    "适用程序": "procedure",
    "sector": "sector",
    "领域": "sector",
    "行业领域": "sector",
    "corrected": "corrected",
    "已纠正": "corrected",
    "performed": "performed",
    "已履行": "performed",
}
_TIER_WORDS: Final[dict[str, Tier]] = {
    "minor": Tier.MINOR,
    "general": Tier.GENERAL,
    "serious": Tier.SERIOUS,
    "special_serious": Tier.SPECIAL_SERIOUS,
    **{t.value: t for t in Tier},
    "轻微失信": Tier.MINOR,
    "一般失信": Tier.GENERAL,
    "严重失信": Tier.SERIOUS,
}
_PROCEDURE_WORDS: Final[dict[str, Procedure]] = {
    "simple": Procedure.SIMPLE,
    "ordinary": Procedure.ORDINARY,
    "简易": Procedure.SIMPLE,
    "普通": Procedure.ORDINARY,
    "一般程序": Procedure.ORDINARY,
    "简易程序": Procedure.SIMPLE,
    "普通程序": Procedure.ORDINARY,
}
_BOOL_WORDS: Final[dict[str, bool]] = {
    "是": True,
    "否": False,
    "true": True,
    "false": False,
    "yes": True,
    "no": False,
    "1": True,
    "0": False,
    "y": True,
    "n": False,
}
_SUBJECT_ATTRS: Final = (
    "credit_code",
    "cert_no",
    "business_reg_no",
    "org_code",
    "tax_reg_no",
    "institution_cert_no",
    "social_org_reg_no",
)


def _fact_value(name: str, value: object) -> object:
    """The fact from a cell; ``None`` for blank; raises PolicyError for a word it does not know."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = _fold(str(value))
    if name == "tier":
        tier = _TIER_WORDS.get(text)
        if tier is None:
            raise PolicyError(
                "policy.fact",
                message_en="tier is one of 轻微, 一般, 严重 (minor, general, serious)",
                message_zh="严重程度应为轻微、一般、严重之一",
            )
        return tier
    if name == "procedure":
        procedure = _PROCEDURE_WORDS.get(text)
        if procedure is None:
            raise PolicyError(
                "policy.fact",
                message_en="procedure is 简易 or 普通 (simple or ordinary)",
                message_zh="程序应为简易或普通",
            )
        return procedure
    if name in ("corrected", "performed"):
        flag = _BOOL_WORDS.get(text)
        if flag is None:
            raise PolicyError(
                "policy.fact",
                message_en=f"{name} is 是 or 否 (yes or no)",
                message_zh=f"{name} 应为是或否",
            )
        return flag
    return str(value).strip()


class _Reader:
    """Headers to field codes and fact names, planned once per row shape."""

    def __init__(self, kind: RecordKind, version: StandardVersion) -> None:
        self.kind, self.version = kind, version
        self.shape: tuple[Any, ...] = ()
        self.field_plan: list[tuple[Any, str]] = []
        self.fact_plan: list[tuple[Any, str]] = []

    def _plan(self, values: Mapping[Any, object]) -> None:
        # the columns of this row shape, in order: (header, fact) for the lifecycle's own
        # columns, and (header, field code) as every reader resolves them (the standard's
        # HeaderResolver: the first column naming a field wins)
        resolver = HeaderResolver(self.kind, self.version)
        field_plan: list[tuple[Any, str]] = []
        fact_plan: list[tuple[Any, str]] = []
        for column, header in enumerate(values, start=1):
            fact = _FACT_COLUMNS.get(_fold(header)) if isinstance(header, str) else None
            if fact is not None:
                fact_plan.append((header, fact))
            elif (code := resolver.resolve(header, column)) is not None:
                field_plan.append((header, code))
        self.shape = tuple(values)
        self.field_plan, self.fact_plan = field_plan, fact_plan

    def record(self, row: int, values: Mapping[Any, object]) -> RecordInput:
        if len(values) != len(self.shape) or tuple(values) != self.shape:
            self._plan(values)  # the first row, or a JSON Lines row with other keys
        fields = {code: values[header] for header, code in self.field_plan}
        facts = {name: values[header] for header, name in self.fact_plan}
        # parse only: the state needs the values, not the standard's verdict on them
        # (``check`` gives that); a value that does not parse is left empty, as in check_row
        record = parse_row(fields, self.kind, version=self.version).record
        key = record_key(record)
        subjects = frozenset(
            compact_identifier(v)
            for v in (getattr(record, a, None) for a in _SUBJECT_ATTRS)
            if isinstance(v, str) and v.strip()
        )
        end = getattr(record, "publication_end", None)
        problem: str | None = None
        problem_zh: str | None = None
        built: PenaltyFacts | None = None
        if isinstance(record, (PenaltyRecord, LicenseRecord)):
            try:
                stated = {k: _fact_value(k, v) for k, v in facts.items()}
                built = PenaltyFacts.from_record(
                    record, **{k: v for k, v in stated.items() if v is not None}
                )
            except (PolicyError, ValidationError) as exc:
                problem, problem_zh = error_text(exc, "en"), error_text(exc, "zh")
        else:
            problem = "only records of the 2018 standard carry what a policy reads"
            problem_zh = "只有2018年版标准的记录含有政策判断所需的信息"
        return RecordInput(
            row=row,
            key=key,
            facts=built,
            problem=problem,
            problem_zh=problem_zh,
            publication_end=end if isinstance(end, date) else None,
            subjects=subjects,
        )


def records_from_file(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    kind: RecordKind | str | None = None,
    version: StandardVersion = StandardVersion.V2018,
    as_of: date | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
) -> RecordSet:
    """Read RECORDS (CSV, XLSX, JSON Lines): standard fields plus the optional fact columns.

    ``kind`` ``None`` detects licences or penalties from the headers (a
    :class:`~credit_disclosure.errors.ValidationError` ``file.kind`` when they
    do not say). Values are parsed as :func:`~credit_disclosure.standard.check_row`
    parses them (a value that does not parse is left empty) but not validated:
    ``check`` does that; ``as_of`` is accepted for symmetry with it and not
    needed. A row the reader cannot split is kept, without facts, with the
    reader's issue.

    >>> import io
    >>> data = ("CF_WSH,CF_JDRQ,CF_XDR_LB,CF_CFJGDM,tier,procedure\\n"
    ...         "长市监罚〔2022〕15号,2022/03/01,法人及非法人组织,11140400MB1234567X,一般,普通\\n")
    >>> rs = records_from_file(io.BytesIO(data.encode("gbk")), as_of=date(2022, 7, 1))
    >>> r = rs.records[0]
    >>> str(r.key), r.facts.tier.value, r.facts.procedure.value
    ('11140400MB1234567X|长市监罚〔2022〕15号', '一般', '普通程序')
    """
    from ..io import open_table  # io sits below lifecycle: files are read at this edge

    version = StandardVersion(version)
    records: list[RecordInput] = []
    issues: list[Issue] = []
    with open_table(source, encoding=encoding, sheet=sheet) as reader:
        found = None if kind is None else RecordKind(kind)
        if found is None:
            found = detect_kind(
                [h for h in reader.headers if _fold(h) not in _FACT_COLUMNS], version
            )
        if found is None:
            if any(i.code == "file.empty" for i in reader.file_issues):
                return RecordSet(
                    records=(), kind=None, issues=tuple(reader.file_issues), source=reader.name
                )
            raise ValidationError(
                "file.kind",
                message_en="the headers do not say whether the file holds licences or "
                "penalties: pass the kind",
                message_zh="无法根据表头判断是行政许可还是行政处罚数据，请指定类型",
            )
        rows = _Reader(found, version)
        for raw in reader:
            if not raw.usable:
                issues.extend(raw.issues)
                codes = ", ".join(i.code for i in raw.issues)
                records.append(
                    RecordInput(
                        row=raw.row, key=None, facts=None, problem=f"row unreadable: {codes}",
                        problem_zh=f"该行无法读取：{codes}",
                    )
                )
                continue
            issues.extend(raw.issues)
            records.append(rows.record(raw.row, raw.values))
        issues.extend(reader.file_issues)
        blank, name = reader.blank_rows, reader.name
    return RecordSet(
        records=tuple(records), kind=found, issues=tuple(issues), blank_rows=blank, source=name
    )


def records_from_rows(
    rows: Iterable[Mapping[Any, object]],
    kind: RecordKind | str,
    *,
    version: StandardVersion = StandardVersion.V2018,
    as_of: date | None = None,
) -> RecordSet:
    """Records from rows in memory (any header style), numbered from 1.

    >>> rs = records_from_rows([{"CF_WSH": "1号", "CF_JDRQ": "2022/03/01",
    ...                          "CF_XDR_LB": "自然人", "tier": "一般"}], "penalty",
    ...                        as_of=date(2022, 7, 1))
    >>> rs.records[0].facts.subject.value
    '自然人'
    """
    found = RecordKind(kind)
    reader = _Reader(found, StandardVersion(version))
    records = tuple(reader.record(n, values) for n, values in enumerate(rows, start=1))
    return RecordSet(records=records, kind=found)


# -- matching and status ---------------------------------------------------------------


@attrs.frozen(kw_only=True)
class DatasetStatus:
    """The status of every record of a dataset on one day, and what matching the keys found.

    ``statuses`` follow the records' order (each carries its ``row``);
    ``issues`` are the events that reached no record (``key.unmatched``,
    ``key.ambiguous``, on the EVENTS file's rows) and the EVENTS file's own
    issues.

    >>> ds = dataset_status((), (), policy=__import__("credit_disclosure.policy").policy.NATIONAL,
    ...                     on=date(2026, 5, 1))
    >>> ds.summary()
    {'records': 0, 'states': {}, 'actions': {}, 'overdue': {}}
    """

    on: date
    policy: str
    statuses: tuple[RecordStatus, ...]
    issues: tuple[Issue, ...] = ()

    def summary(self) -> dict[str, Any]:
        """Counts: records, by state, actions owed and overdue actions by action.

        >>> DatasetStatus(on=date(2026, 5, 1), policy="national", statuses=()).summary()["records"]
        0
        """
        states = Counter(s.state.value for s in self.statuses)
        actions = Counter(a.action.value for s in self.statuses for a in s.actions)
        overdue = Counter(a.action.value for s in self.statuses for a in s.actions if a.overdue)
        return {
            "records": len(self.statuses),
            "states": dict(sorted(states.items())),
            "actions": dict(sorted(actions.items())),
            "overdue": dict(sorted(overdue.items())),
        }

    @property
    def any_overdue(self) -> bool:
        """Whether any record has an overdue action.

        >>> DatasetStatus(on=date(2026, 5, 1), policy="x", statuses=()).any_overdue
        False
        """
        return any(a.overdue for s in self.statuses for a in s.actions)

    def as_dict(self) -> dict[str, Any]:
        """The ``status`` JSON object: ``records``, ``summary``, ``issues``, ``as_of``, ``policy``.

        >>> sorted(DatasetStatus(on=date(2026, 5, 1), policy="x", statuses=()).as_dict())
        ['as_of', 'issues', 'policy', 'records', 'summary']
        """
        return {
            "as_of": self.on.isoformat(),
            "policy": self.policy,
            "records": [s.as_dict() for s in self.statuses],
            "summary": self.summary(),
            "issues": [
                {"row": i.row, "code": i.code, "message": i.message_en} for i in self.issues
            ],
        }


def _match(
    records: Sequence[RecordInput], events: Iterable[Event]
) -> tuple[dict[int, list[Event]], dict[int, list[Issue]], list[Issue]]:
    by_number: dict[str, list[int]] = {}
    first: dict[RecordKey, int] = {}
    record_issues: dict[int, list[Issue]] = {}
    for index, record in enumerate(records):
        key = record.key
        if key is None:
            if record.facts is not None:
                record_issues.setdefault(index, []).append(lifecycle_issue("key.missing"))
            continue
        by_number.setdefault(key.decision_no, []).append(index)
        other = first.setdefault(key, index)
        if other != index:
            record_issues.setdefault(index, []).append(
                lifecycle_issue("key.duplicate", other=records[other].row)
            )
            record_issues.setdefault(other, []).append(
                lifecycle_issue("key.duplicate", other=record.row)
            )
    matched: dict[int, list[Event]] = {}
    issues: list[Issue] = []
    for event in events:
        candidates = by_number.get(event.key.decision_no, ())
        code = event.key.authority_code
        if code is not None:
            targets = [i for i in candidates if records[i].key.authority_code in (code, None)]  # type: ignore[union-attr]
        else:
            codes = {records[i].key.authority_code for i in candidates}  # type: ignore[union-attr]
            if len(codes - {None}) > 1:
                issues.append(lifecycle_issue("key.ambiguous", event.row))
                continue
            targets = list(candidates)
        if not targets:
            issues.append(lifecycle_issue("key.unmatched", event.row))
            continue
        for index in targets:
            matched.setdefault(index, []).append(event)
    return matched, record_issues, issues


def _undetermined(record: RecordInput, on: date, issues: list[Issue]) -> RecordStatus:
    reason = record.problem or "the record could not be read"
    reason_zh = record.problem_zh or "记录缺少判断所需的信息"
    return RecordStatus(
        key=record.key,
        row=record.row,
        on=on,
        state=State.UNDETERMINED,
        reason_en=reason,
        reason_zh=reason_zh,
        citation=_STANDARD,
        issues=(
            *issues, lifecycle_issue("state.undetermined", reason=reason, reason_zh=reason_zh)
        ),
    )


def iter_statuses(
    records: Sequence[RecordInput],
    events: Iterable[Event] | EventLog,
    *,
    life: Lifecycle,
    on: date,
    unmatched: list[Issue] | None = None,
) -> Iterator[RecordStatus]:
    """The status of each record in order, one at a time; unmatched events go to ``unmatched``.

    :func:`dataset_status` collects them; use this to stream a large dataset
    (the events are matched to the records first, then each status is made
    as it is asked for).

    >>> from credit_disclosure.policy import NATIONAL
    >>> rs = records_from_rows([{"CF_WSH": "1号", "CF_JDRQ": "2026/05/06",
    ...     "CF_XDR_LB": "法人及非法人组织", "tier": "一般"}], "penalty", as_of=date(2026, 6, 1))
    >>> [s.state.value for s in iter_statuses(rs.records, (), life=Lifecycle(NATIONAL),
    ...                                       on=date(2026, 6, 1))]
    ['awaiting_publication']
    """
    if isinstance(events, EventLog):
        events = events.events
    matched, record_issues, issues = _match(records, events)
    if unmatched is not None:
        unmatched.extend(issues)
    status = life.status
    for index, record in enumerate(records):
        extra = record_issues.get(index, [])
        if record.facts is None:
            yield _undetermined(record, on, extra)
            continue
        result = status(
            record.facts,
            matched.get(index, ()),
            on=on,
            key=record.key,
            row=record.row,
            stated_end=record.publication_end,
        )
        if extra:
            result = attrs.evolve(result, issues=(*extra, *result.issues))
        yield result


def dataset_status(
    records: RecordSet | Iterable[RecordInput],
    events: Iterable[Event] | EventLog,
    *,
    policy: Policy,
    on: date,
    calendar: WorkdayCalendar | None = None,
) -> DatasetStatus:
    """The status on day ``on`` of every record, with the events matched to them by key.

    How keys match (and what a missing or repeated key does) is set out in
    :class:`RecordKey`'s module docs; an event that reaches no record is an
    issue of the result, not lost.

    >>> from credit_disclosure.policy import CHANGZHI_2021
    >>> rs = records_from_rows([{"CF_WSH": "1号", "CF_JDRQ": "2022/03/01",
    ...     "CF_XDR_LB": "法人及非法人组织", "tier": "一般", "procedure": "普通"}], "penalty",
    ...     as_of=date(2022, 7, 1))
    >>> ev = [Event(key="1号", kind="公示", date=date(2022, 3, 8)),
    ...       Event(key="2号", kind="公示", date=date(2022, 3, 8))]
    >>> ds = dataset_status(rs, ev, policy=CHANGZHI_2021, on=date(2022, 4, 1))
    >>> [s.state.value for s in ds.statuses], [i.code for i in ds.issues]
    (['displayed'], ['key.unmatched'])
    """
    items = records.records if isinstance(records, RecordSet) else tuple(records)
    log_issues: tuple[Issue, ...] = events.issues if isinstance(events, EventLog) else ()
    unmatched: list[Issue] = []
    life = Lifecycle(policy, calendar=calendar)
    statuses = tuple(iter_statuses(items, events, life=life, on=on, unmatched=unmatched))
    return DatasetStatus(
        on=on, policy=policy.name, statuses=statuses, issues=(*log_issues, *unmatched)
    )


# -- the portal view and its difference from what a portal shows ------------------------


@attrs.frozen(kw_only=True)
class PortalDiff:
    """What a portal shows compared with what it must show on a day.

    ``over``: shown but must not be (over-disclosure, which harms the
    subject); ``under``: must be shown but is not (under-disclosure, which
    breaks the publication rules); ``unknown``: shown keys that match no
    record. Each entry of ``over`` and ``under`` is the record's status (its
    ``reason_en`` says why).

    >>> PortalDiff(over=(), under=(), unknown=()).clean
    True
    """

    over: tuple[RecordStatus, ...]
    under: tuple[RecordStatus, ...]
    unknown: tuple[str, ...]

    @property
    def clean(self) -> bool:
        """Whether the portal shows exactly what it must.

        >>> PortalDiff(over=(), under=(), unknown=("1号",)).clean
        False
        """
        return not (self.over or self.under or self.unknown)


def portal_diff(statuses: Iterable[RecordStatus], shown: Iterable[str | RecordKey]) -> PortalDiff:
    """Compare the portal view (which records must be shown) with the keys a portal shows.

    A shown key given as the number alone stands for the record with that
    number (whatever its body). Records without a key cannot be compared and
    count as not shown.

    >>> from credit_disclosure.policy import CHANGZHI_2021
    >>> rs = records_from_rows([
    ...     {"CF_WSH": "1号", "CF_JDRQ": "2022/03/01", "CF_XDR_LB": "法人及非法人组织",
    ...      "tier": "一般", "procedure": "普通"},
    ...     {"CF_WSH": "2号", "CF_JDRQ": "2022/03/01", "CF_XDR_LB": "自然人", "tier": "一般"}],
    ...     "penalty", as_of=date(2022, 7, 1))
    >>> ev = [Event(key="1号", kind="公示", date=date(2022, 3, 8))]
    >>> ds = dataset_status(rs, ev, policy=CHANGZHI_2021, on=date(2022, 4, 1))
    >>> diff = portal_diff(ds.statuses, ["2号", "9号"])
    >>> [str(s.key) for s in diff.over], [str(s.key) for s in diff.under], diff.unknown
    (['2号'], ['1号'], ('9号',))
    """
    keys: list[tuple[str, RecordKey]] = []
    for item in shown:
        text = str(item)
        try:
            keys.append((text, item if isinstance(item, RecordKey) else RecordKey.parse(text)))
        except ValidationError:
            continue  # an empty line of a key list
    by_number: dict[str, list[int]] = {}
    for index, (_, shown_key) in enumerate(keys):
        by_number.setdefault(shown_key.decision_no, []).append(index)
    seen: set[int] = set()
    over: list[RecordStatus] = []
    under: list[RecordStatus] = []
    for status in statuses:
        record = status.key
        on_portal = False
        if record is not None:
            for index in by_number.get(record.decision_no, ()):
                if keys[index][1].matches(record):
                    on_portal = True
                    seen.add(index)
        if on_portal and not status.shown:
            over.append(status)
        elif status.shown and not on_portal:
            under.append(status)
    unknown = tuple(text for index, (text, _) in enumerate(keys) if index not in seen)
    return PortalDiff(over=tuple(over), under=tuple(under), unknown=unknown)


# -- the subject view ------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class SubjectEntry:
    """One record of a subject: its status, whether it is serious, and when it may be repaired.

    ``repair_from`` is the earliest day a repair application can succeed under
    the policy (``None`` when it never can, or the record is not shown);
    ``repair_blockers`` the conditions that stand in the way on the day asked
    about (each ``"code: reason"``, such as ``"minimum_term: ..."``), and
    ``repair_blockers_zh`` the same in Chinese.
    """

    status: RecordStatus
    serious: bool
    repair_from: date | None
    repair_blockers: tuple[str, ...] = ()
    repair_blockers_zh: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class SubjectView:
    """Every record of one subject (长治 2021 实施意见 (六) 逢办必查), the identifier masked.

    >>> SubjectView(subject="9111**********341L", on=date(2026, 5, 1), entries=()).displayed
    ()
    """

    subject: str
    on: date
    entries: tuple[SubjectEntry, ...]

    @property
    def displayed(self) -> tuple[SubjectEntry, ...]:
        """The records that must be on the portal that day.

        >>> SubjectView(subject="x", on=date(2026, 5, 1), entries=()).serious
        ()
        """
        return tuple(e for e in self.entries if e.status.shown)

    @property
    def serious(self) -> tuple[SubjectEntry, ...]:
        """The records of tier 严重 or 特定严重."""
        return tuple(e for e in self.entries if e.serious)

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON output (the subject masked).

        >>> SubjectView(subject="x", on=date(2026, 5, 1), entries=()).as_dict()["records"]
        []
        """
        return {
            "subject": self.subject,
            "as_of": self.on.isoformat(),
            "records": [
                {
                    **e.status.as_dict(),
                    "shown": e.status.shown,
                    "serious": e.serious,
                    "repair_from": None if e.repair_from is None else e.repair_from.isoformat(),
                    "repair_blockers": list(e.repair_blockers),
                }
                for e in self.entries
            ],
            "summary": {
                "records": len(self.entries),
                "displayed": len(self.displayed),
                "serious": len(self.serious),
            },
        }


def mask_subject(subject: str) -> str:
    """The subject's identifier as output may show it: the middle masked.

    >>> mask_subject("11010519491231002X")
    '1101**********002X'
    >>> mask_subject("12")
    '**'
    """
    from ..privacy import ValueKind, mask  # privacy sits below lifecycle: used at this edge

    text = compact_identifier(subject)
    if len(text) <= 8:
        return "*" * len(text)
    return mask(text, ValueKind.ID_NUMBER)


def subject_view(
    records: RecordSet | Iterable[RecordInput],
    events: Iterable[Event] | EventLog,
    subject: str,
    *,
    policy: Policy,
    on: date,
    calendar: WorkdayCalendar | None = None,
) -> SubjectView:
    """Every record of the subject with credit code or ID number ``subject``, on day ``on``.

    The identifier is compared in compact form (no spaces or dashes, upper
    case) with every code and number of the subject; the view carries it
    masked only.

    >>> from credit_disclosure.policy import CHANGZHI_2021
    >>> rs = records_from_rows([{"CF_WSH": "1号", "CF_JDRQ": "2022/03/01",
    ...     "CF_XDR_LB": "法人及非法人组织", "CF_XDR_SHXYM": "91110000600037341L",
    ...     "tier": "一般", "procedure": "普通"}], "penalty", as_of=date(2022, 7, 1))
    >>> ev = [Event(key="1号", kind="公示", date=date(2022, 3, 8))]
    >>> view = subject_view(rs, ev, "91110000600037341L", policy=CHANGZHI_2021,
    ...                     on=date(2022, 7, 1))
    >>> view.subject, len(view.displayed), view.entries[0].repair_from
    ('9111**********341L', 1, datetime.date(2022, 6, 2))
    """
    items = records.records if isinstance(records, RecordSet) else tuple(records)
    candidate: object = subject  # callers without a type checker pass anything
    wanted = compact_identifier(subject) if isinstance(candidate, str) else ""
    if not wanted:
        raise PolicyError(
            "policy.fact",
            message_en="a subject view needs a credit code or ID number",
            message_zh="查看主体需要统一社会信用代码或身份证件号码",
        )
    mine = [r for r in items if wanted in r.subjects]
    life = Lifecycle(policy, calendar=calendar)
    entries: list[SubjectEntry] = []
    for record, status in zip(mine, iter_statuses(mine, events, life=life, on=on)):
        facts = record.facts
        serious = facts is not None and facts.tier in (Tier.SERIOUS, Tier.SPECIAL_SERIOUS)
        repair_from: date | None = None
        blockers: tuple[str, ...] = ()
        blockers_zh: tuple[str, ...] = ()
        if facts is not None and status.shown:
            try:
                answer = policy.repair(facts, applied_on=on, calendar=calendar)
            except PolicyError as exc:
                blockers = (str(exc),)
                blockers_zh = (f"{exc.code}：{exc.message_zh}",)
            else:
                repair_from = answer.earliest
                blockers = tuple(f"{c.code}: {c.reason_en}" for c in answer.unmet)
                blockers_zh = tuple(f"{c.code}：{c.reason_zh}" for c in answer.unmet)
        entries.append(
            SubjectEntry(
                status=status, serious=serious, repair_from=repair_from, repair_blockers=blockers,
                repair_blockers_zh=blockers_zh,
            )
        )
    return SubjectView(subject=mask_subject(wanted), on=on, entries=tuple(entries))

