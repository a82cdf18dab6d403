"""The reports a unit owes, computed from its ledger, as XLSX (the seeds' layouts) and JSON.

- weekly: the records decided in the previous week, due each Monday, a Monday
  that is a holiday moving to the next working day (长春净月 实施细则 (2020) 第七条;
  the rule is :data:`credit_disclosure.deadlines.WEEKLY_REPORT`);
- quarterly 台账: counts by kind and item, timeliness, what is still owed, and a
  block for the leader's confirmation (长春净月 实施细则 (2020) 第十条);
- statistics: the 报送情况统计表 per county (附件3) or per department (附件4) of
  长治 2020 通知;
- monthly evaluation: timeliness (7 working days), 完整率, accuracy and 入库率, the
  scores credit offices assess monthly (长治 2021 实施意见 (七)).

Every figure comes from the library's own rules: deadlines from
:mod:`credit_disclosure.deadlines`, scores from :mod:`credit_disclosure.quality`,
items from :mod:`credit_disclosure.catalogue`.
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import IO, Any, Final

import attrs

from .._atomic import atomic_output
from .._optional import require
from ..catalogue import Matcher, coverage
from ..deadlines import WEEKLY_REPORT
from ..errors import ArgumentError
from ..lifecycle import (
    Event,
    EventKind,
    Lifecycle,
    RecordKey,
    RecordStatus,
    iter_statuses,
    records_from_rows,
)
from ..policy import Policy
from ..quality import (
    PUBLISHED_COLUMNS,
    MetricsTable,
    TimelinessStatus,
    compute_metrics,
    judge_timeliness,
)
from ..standard import RecordKind, fields
from ..workdays import WorkdayCalendar
from ._ledger import Ledger, LedgerRecord

__all__ = [
    "LedgerReport",
    "Table",
    "evaluation_report",
    "month_of",
    "previous_week",
    "quarter_of",
    "quarter_report",
    "stats_report",
    "weekly_report",
]

_KIND_ZH: Final = {RecordKind.LICENSE: "行政许可", RecordKind.PENALTY: "行政处罚"}
_SOURCE_WEEKLY: Final = "长春净月高新区 实施细则 (长净管〔2020〕99号) 第七条"
_SOURCE_QUARTER: Final = "长春净月高新区 实施细则 (长净管〔2020〕99号) 第十条"
_SOURCE_STATS: Final = "长治 2020 通知 (长信办发〔2020〕1号) 附件3、附件4"
_SOURCE_EVAL: Final = "长治 2021 实施意见 (七); 长春净月 实施细则 (2020) 第十一条"


@attrs.frozen
class Table:
    """One titled table of a report: a header row and rows of cells."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]


@attrs.frozen
class LedgerReport:
    """A report computed from the ledger: its kind, unit, period, tables, and what it owes.

    ``meta`` holds the heading lines (单位, 期间, 应报送日期 ...); ``tables`` the
    body in the order it is laid out; ``confirmation`` the leader's block (the
    quarterly 台账 only). :meth:`to_json` and :meth:`write_xlsx` render it;
    :meth:`payload` is what :meth:`Ledger.save_report` keeps.
    """

    kind: str
    title: str
    unit: str | None
    period_start: date
    period_end: date
    as_of: date
    meta: tuple[tuple[str, str], ...]
    tables: tuple[Table, ...]
    confirmation: tuple[str, ...] = ()
    data: dict[str, Any] = attrs.field(factory=dict, eq=False)

    def payload(self) -> dict[str, Any]:
        """The report as a JSON-ready dict."""
        return {
            "report": self.kind,
            "title": self.title,
            "unit": self.unit,
            "period": [self.period_start.isoformat(), self.period_end.isoformat()],
            "as_of": self.as_of.isoformat(),
            "meta": dict(self.meta),
            "tables": [
                {
                    "title": tb.title,
                    "header": list(tb.header),
                    "rows": [[_json_cell(c) for c in row] for row in tb.rows],
                }
                for tb in self.tables
            ],
            "confirmation": list(self.confirmation),
            **self.data,
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON text."""
        return json.dumps(self.payload(), ensure_ascii=False, indent=indent)

    def write_xlsx(self, target: str | os.PathLike[str] | IO[bytes]) -> None:
        """Write the workbook: a title, the heading lines, each table, the confirmation block.

        Every cell holding text is written as text (never a formula).
        """
        openpyxl = require("openpyxl", "xlsx")
        styles = require("openpyxl.styles", "xlsx")
        letter = openpyxl.utils.get_column_letter
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = self.kind
        width = max([len(tb.header) for tb in self.tables] + [2])
        bold = styles.Font(bold=True)
        thin = styles.Side(style="thin")
        border = styles.Border(left=thin, right=thin, top=thin, bottom=thin)
        wrap = styles.Alignment(wrap_text=True, vertical="center")
        fill = styles.PatternFill("solid", fgColor="DDEBF7")
        # column widths from the cells' text (a CJK character counts twice), 8 to 36
        widths = [8.0] * width
        for tb in self.tables:
            for row in (tb.header, *tb.rows):
                for i, cell in enumerate(row):
                    widths[i] = max(widths[i], min(36.0, _text_width(cell) + 2))
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[letter(i)].width = w

        def table_row(cells: Sequence[object], *, header: bool = False) -> None:
            ws.append([_xlsx_cell(c) for c in cells])
            lines = 1
            for i, cell in enumerate(ws[ws.max_row][: len(cells)]):
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text that starts with "=" stays text
                cell.border = border
                cell.alignment = wrap
                if header:
                    cell.font = bold
                    cell.fill = fill
                lines = max(lines, -(-_text_width(cells[i]) // max(1, int(widths[i]) - 1)))
            if lines > 1:
                ws.row_dimensions[ws.max_row].height = 15 * lines

        ws.append([self.title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        ws.cell(1, 1).font = styles.Font(bold=True, size=14)
        ws.cell(1, 1).alignment = styles.Alignment(horizontal="center")
        ws.row_dimensions[1].height = 24
        for label, value in self.meta:
            ws.append([label, value])
            ws.cell(ws.max_row, 1).font = bold
            ws.merge_cells(start_row=ws.max_row, start_column=2, end_row=ws.max_row, end_column=width)
        for tb in self.tables:
            ws.append([])
            ws.append([tb.title])
            ws.cell(ws.max_row, 1).font = bold
            table_row(tb.header, header=True)
            for row in tb.rows:
                table_row(row)
        if self.confirmation:
            ws.append([])
            for line in self.confirmation:
                ws.append([line])
                ws.merge_cells(
                    start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=width
                )
                ws.row_dimensions[ws.max_row].height = 28
        # print: landscape, every column on one page wide
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        if isinstance(target, (str, os.PathLike)):
            with atomic_output(target, binary=True) as fp:
                wb.save(fp)
        else:
            wb.save(target)


def _text_width(value: object) -> int:
    """Display width of a cell's text: CJK and full-width characters count twice."""
    text = "" if value is None else str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _json_cell(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    return value


def _xlsx_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, float):
        return round(value, 4)
    return value


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


# ---------------------------------------------------------------- periods


def previous_week(as_of: date) -> tuple[date, date]:
    """The Monday-to-Sunday week before the week of ``as_of``.

    >>> previous_week(date(2026, 10, 8))  # Thursday after 国庆: the report of 09-28..10-04
    (datetime.date(2026, 9, 28), datetime.date(2026, 10, 4))
    """
    monday = as_of - timedelta(days=as_of.weekday())
    return monday - timedelta(days=7), monday - timedelta(days=1)


def quarter_of(day: date) -> tuple[date, date, int]:
    """(first day, last day, number) of the quarter of ``day``.

    >>> quarter_of(date(2026, 5, 20))
    (datetime.date(2026, 4, 1), datetime.date(2026, 6, 30), 2)
    """
    q = (day.month - 1) // 3
    start = date(day.year, 3 * q + 1, 1)
    end = date(day.year + (q == 3), (3 * q + 3) % 12 + 1, 1) - timedelta(days=1)
    return start, end, q + 1


def month_of(day: date) -> tuple[date, date]:
    """(first day, last day) of the month of ``day``.

    >>> month_of(date(2026, 2, 10))
    (datetime.date(2026, 2, 1), datetime.date(2026, 2, 28))
    """
    start = day.replace(day=1)
    end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return start, end


# ---------------------------------------------------------------- weekly


def weekly_report(
    ledger: Ledger,
    *,
    unit: str | None = None,
    as_of: date | None = None,
    calendar: WorkdayCalendar | None = None,
) -> LedgerReport:
    """The weekly report due on the Monday (or the next working day) of ``as_of``'s week.

    It lists the records decided in the previous Monday-to-Sunday week, in the
    data standard's layout, one table per kind (长春净月 实施细则 (2020) 第七条:
    每周一（遇法定节假日顺延）将上一周双公示信息按照报送标准报送). ``as_of``
    default today.

    >>> import tempfile
    >>> ledger = Ledger(f"sqlite:///{tempfile.mkdtemp()}/l.sqlite3"); _ = ledger.init()
    >>> report = weekly_report(ledger, as_of=date(2026, 10, 8))
    >>> report.period_start, report.period_end, dict(report.meta)["应报送日期"]
    (datetime.date(2026, 9, 28), datetime.date(2026, 10, 4), '2026-10-08')
    """
    as_of = as_of or date.today()
    start, end = previous_week(as_of)
    due = WEEKLY_REPORT.due(end, calendar=calendar).due
    tables = []
    counts: dict[str, int] = {}
    for kind in RecordKind:
        specs = fields(kind)
        records = list(ledger.records(kind=kind, unit=unit, decided_from=start, decided_to=end))
        counts[kind.value] = len(records)
        tables.append(
            Table(
                f"{_KIND_ZH[kind]}（{len(records)} 条）",
                tuple(s.name_zh for s in specs),
                tuple(tuple(r.values.get(s.code, "") for s in specs) for r in records),
            )
        )
    return LedgerReport(
        kind="weekly",
        title=f"双公示信息周报（{start.isoformat()} 至 {end.isoformat()}）",
        unit=unit,
        period_start=start,
        period_end=end,
        as_of=as_of,
        meta=(
            ("报送单位", unit or "（全部单位）"),
            ("报送期间", f"{start.isoformat()} 至 {end.isoformat()}"),
            ("应报送日期", due.isoformat()),
            ("依据", _SOURCE_WEEKLY),
        ),
        tables=tuple(tables),
        data={"due": due.isoformat(), "counts": counts, "citation": WEEKLY_REPORT.citation},
    )


# ---------------------------------------------------------------- shared helpers


def _published(ledger: Ledger, records: Sequence[LedgerRecord]) -> dict[int, date | None]:
    """Each record's publication day: its 公示日期 column, or its first ``published`` event."""
    firsts = ledger.first_event_dates(EventKind.PUBLISHED.value, [r.id for r in records])
    out: dict[int, date | None] = {}
    for r in records:
        days = [d for d in (r.published_on, firsts.get(r.id)) if d is not None]
        out[r.id] = min(days) if days else None
    return out


def _rows_for_metrics(records: Iterable[LedgerRecord], published: dict[int, date | None]) -> Iterator[dict[str, object]]:
    for r in records:
        day = published.get(r.id)
        yield {**r.values, PUBLISHED_COLUMNS[0]: "" if day is None else day.strftime("%Y/%m/%d")}


def _metrics(
    records: Sequence[LedgerRecord],
    published: dict[int, date | None],
    kind: RecordKind,
    as_of: date,
    calendar: WorkdayCalendar | None,
    by: str = "agency",
) -> MetricsTable:
    return compute_metrics(
        _rows_for_metrics([r for r in records if r.kind is kind], published),
        kind,
        by=by,
        as_of=as_of,
        calendar=calendar,
    )


def _sum_rows(tables: Iterable[MetricsTable]) -> dict[str, int]:
    total = {"records": 0, "complete": 0, "accurate": 0, "on_time": 0, "late": 0, "unknown": 0}
    for table in tables:
        t = table.total
        total["records"] += t.records
        total["complete"] += t.complete
        total["accurate"] += t.accurate
        total["on_time"] += t.on_time
        total["late"] += t.late
        total["unknown"] += t.timeliness_unknown
    return total


def _share(part: int, whole: int) -> float | None:
    return None if whole == 0 else part / whole


# ---------------------------------------------------------------- quarterly 台账


def quarter_report(
    ledger: Ledger,
    *,
    unit: str | None = None,
    as_of: date | None = None,
    policy: Policy | None = None,
    calendar: WorkdayCalendar | None = None,
) -> LedgerReport:
    """The quarterly 台账 of ``unit`` (default: every unit) for the quarter of ``as_of``.

    Counts by kind and catalogue item with timeliness (7 working days, 发改办财金〔2018〕424号),
    the scores of :mod:`credit_disclosure.quality`, the catalogue's findings, the
    actions each record still owes on ``as_of`` (:mod:`credit_disclosure.lifecycle`
    under ``policy``, default :data:`~credit_disclosure.policy.NATIONAL`), and the
    block the unit's leader signs and seals at the end of each quarter (长春净月
    实施细则 (2020) 第十条). ``as_of`` default today.

    >>> import tempfile
    >>> ledger = Ledger(f"sqlite:///{tempfile.mkdtemp()}/l.sqlite3"); _ = ledger.init()
    >>> r = quarter_report(ledger, unit="某镇人民政府", as_of=date(2026, 9, 30))
    >>> r.title, r.confirmation[0]
    ('双公示工作台账（2026年第3季度）', '主管领导确认：')
    """
    from ..policy import NATIONAL

    as_of = as_of or date.today()
    start, end, number = quarter_of(as_of)
    policy = policy or NATIONAL
    catalogue = ledger.catalogue()
    matcher = Matcher(catalogue)
    records = list(ledger.records(unit=unit, decided_from=start, decided_to=end))
    published = _published(ledger, records)
    # 1. by kind and item
    counts: dict[tuple[str, str, str, str], list[int]] = {}
    for item in catalogue:
        scope = item.scope.value
        counts[(item.kind.value, item.department, item.name, scope)] = [0, 0, 0, 0, 0]
    for r in records:
        match = matcher.match(r.values, r.kind, mapping=r.mapping)
        if match.item is None:
            key = (r.kind.value, r.unit, "（目录外）", "")
        else:
            i = match.item
            key = (i.kind.value, i.department, i.name, i.scope.value)
        row = counts.setdefault(key, [0, 0, 0, 0, 0])
        status, _late, _reason, _year = judge_timeliness(r.decision_date, published[r.id], calendar=calendar)
        row[0] += 1
        row[1] += r.accepted
        row[2] += status is TimelinessStatus.ON_TIME
        row[3] += status is TimelinessStatus.LATE
        row[4] += status is TimelinessStatus.UNKNOWN
    by_item = Table(
        "一、按事项统计",
        ("事项类型", "行政决定部门", "事项名称", "公开范围", "件数", "入库（通过校验）", "按时公示", "逾期公示", "未公示或无法判断"),
        tuple(
            (_KIND_ZH[RecordKind(k[0])], k[1], k[2], k[3], *v)
            for k, v in sorted(counts.items(), key=lambda kv: (kv[0][0], kv[0][2] == "（目录外）"))
            if unit is None or k[1] == unit or v[0]
        ),
    )
    # 2. scores by kind
    score_rows = []
    for kind in RecordKind:
        table = _metrics(records, published, kind, as_of, calendar, by="kind")
        t = table.total
        accepted = sum(1 for r in records if r.kind is kind and r.accepted)
        score_rows.append(
            (
                _KIND_ZH[kind], t.records, accepted, t.on_time, t.late, t.timeliness_unknown,
                _pct(t.timeliness), _pct(t.completeness), _pct(t.accuracy),
                _pct(_share(accepted, t.records)),
            )
        )  # fmt: skip
    scores = Table(
        "二、及时性、完整性、准确性",
        ("类别", "件数", "入库", "按时", "逾期", "无法判断", "及时率", "完整率", "准确率", "入库率"),
        tuple(score_rows),
    )
    # 3. what is still owed on as_of: the lifecycle's states and actions, under the policy
    owed = []
    states: dict[str, int] = {}
    for status_, r in _statuses(ledger, records, policy, as_of, calendar):
        states[status_.state.zh] = states.get(status_.state.zh, 0) + 1
        for action in status_.actions:
            owed.append(
                (
                    r.decision_no or "（无文书号）", _KIND_ZH[r.kind], status_.state.zh,
                    _ACTION_ZH.get(action.action.value, action.action.value),
                    "" if action.due is None else action.due.isoformat(),
                    "是" if action.overdue else "否", str(action.citation),
                )
            )  # fmt: skip
    actions = Table(
        "三、待办事项（截至 " + as_of.isoformat() + "）",
        ("决定文书号", "类别", "状态", "应办事项", "期限", "是否逾期", "依据"),
        tuple(owed),
    )
    ordered: list[tuple[str, int]] = sorted(states.items(), key=lambda kv: kv[1], reverse=True)
    state_table = Table("四、记录状态", ("状态", "件数"), tuple(ordered))
    # 4. the catalogue's findings
    found: dict[str, int] = {}
    for kind in RecordKind:
        cov = coverage(
            catalogue,
            [{**r.values, _MAPPING: r.mapping or ""} for r in records if r.kind is kind],
            kind,
            mapping_column=_MAPPING,
            matcher=matcher,
        )
        for code, n in cov.by_code().items():
            found[code] = found.get(code, 0) + n
    findings = Table(
        "五、事项目录核对",
        ("发现", "件数"),
        tuple((_FINDING_ZH.get(c, c), n) for c, n in sorted(found.items())),
    )
    unit_name = unit or "（全部单位）"
    return LedgerReport(
        kind="quarter",
        title=f"双公示工作台账（{start.year}年第{number}季度）",
        unit=unit,
        period_start=start,
        period_end=end,
        as_of=as_of,
        meta=(
            ("单位", unit_name),
            ("期间", f"{start.isoformat()} 至 {end.isoformat()}"),
            ("截至", as_of.isoformat()),
            ("依据", _SOURCE_QUARTER),
        ),
        tables=(by_item, scores, actions, state_table, findings),
        confirmation=(
            "主管领导确认：",
            "经核对，本季度双公示台账填写完整、规范，与本单位作出的行政许可、行政处罚决定一致。",
            "主管领导（签字）：＿＿＿＿＿＿　　单位（盖章）　　　确认日期：＿＿＿＿年＿＿月＿＿日",
            "填报人：＿＿＿＿＿＿　　联系电话：＿＿＿＿＿＿",
        ),
        data={"citation": _SOURCE_QUARTER, "records": len(records), "policy": policy.name},
    )


_MAPPING: Final = "\x00mapping"
_ACTION_ZH: Final = {
    "publish": "公示",
    "verify_objection": "核实异议",
    "withdraw": "撤下",
    "take_down": "撤下（期满或不应公示）",
    "process_repair": "办理信用修复",
}
_FINDING_ZH: Final = {
    "catalogue.record_unmatched": "记录不属于事项目录中的事项",
    "catalogue.item_unused": "事项本期无记录",
    "catalogue.subject_not_allowed": "行政相对人类别不符合事项",
    "catalogue.government_only_public": "仅政务公开事项的记录将在门户网站公示",
}


def _statuses(
    ledger: Ledger,
    records: Sequence[LedgerRecord],
    policy: Policy,
    on: date,
    calendar: WorkdayCalendar | None,
) -> Iterator[tuple[RecordStatus, LedgerRecord]]:
    """Each record's lifecycle status on ``on``: its values and extra columns (程序, 失信程度 ...)
    read by :func:`~credit_disclosure.lifecycle.records_from_rows`, its events from the ledger,
    its 公示日期 as a ``published`` event when no event says so."""
    events = ledger.lifecycle_events_of([r.id for r in records])
    life = Lifecycle(policy, calendar=calendar)
    for kind in RecordKind:
        own = [r for r in records if r.kind is kind]
        if not own:
            continue
        inputs = records_from_rows([{**r.values, **r.extra} for r in own], kind, as_of=on)
        matched: list[Event] = []
        for r in own:
            mine = list(events.get(r.id, ()))
            if r.published_on is not None and not any(e.kind is EventKind.PUBLISHED for e in mine):
                mine.insert(0, Event(key=RecordKey.parse(r.key), kind="published", date=r.published_on))
            matched.extend(mine)
        statuses = iter_statuses(inputs.records, matched, life=life, on=on)
        yield from zip(statuses, own)


# ---------------------------------------------------------------- 附件3 / 附件4


def _county(code: str) -> str:
    from ..identifiers import uscc

    if not code or not uscc.is_valid(code):
        return "（无法识别县区）"
    return uscc.parse(code).division_name


def stats_report(
    ledger: Ledger,
    *,
    unit: str | None = None,
    as_of: date | None = None,
    by: str = "department",
    period: str = "year",
    calendar: WorkdayCalendar | None = None,
) -> LedgerReport:
    """The 双公示信息报送情况统计表 per department (长治 2020 附件4) or per county (附件3).

    ``by`` ``"department"`` groups by deciding unit, ``"county"`` by the county of
    the unit's credit code (GB/T 2260 division in 统一社会信用代码). ``period`` is
    the ``"year"`` (the seed's tables are yearly), ``"quarter"`` or ``"month"`` of
    ``as_of`` (default today). The seed publishes only the tables' titles: the
    columns are our reading (reported, accepted, on time, per kind), marked so in
    the docs.

    >>> import tempfile
    >>> ledger = Ledger(f"sqlite:///{tempfile.mkdtemp()}/l.sqlite3"); _ = ledger.init()
    >>> stats_report(ledger, as_of=date(2026, 6, 30), by="county").title
    '县区“双公示”信息报送情况统计表（2026年）'
    """
    if by not in ("department", "county"):
        raise ArgumentError(
            "ledger.by",
            message_en=f"by must be 'department' or 'county', not {by!r}",
            message_zh=f"by 应为 'department'（部门）或 'county'（县区），而不是 {by!r}",
            field="by",
        )
    as_of = as_of or date.today()
    if period == "year":
        start, end, label = date(as_of.year, 1, 1), date(as_of.year, 12, 31), f"{as_of.year}年"
    elif period == "quarter":
        start, end, q = quarter_of(as_of)
        label = f"{as_of.year}年第{q}季度"
    elif period == "month":
        start, end = month_of(as_of)
        label = f"{as_of.year}年{as_of.month}月"
    else:
        raise ArgumentError(
            "ledger.period",
            message_en=f"period must be 'year', 'quarter' or 'month', not {period!r}",
            message_zh=f"period 应为 'year'（年）、'quarter'（季度）或 'month'（月），而不是 {period!r}",
            field="period",
        )
    records = list(ledger.records(unit=unit, decided_from=start, decided_to=end))
    published = _published(ledger, records)
    groups: dict[str, list[int]] = {}
    for r in records:
        name = r.unit if by == "department" else _county(r.unit_code)
        row = groups.setdefault(name, [0] * 7)
        base = 0 if r.kind is RecordKind.LICENSE else 3
        status = judge_timeliness(r.decision_date, published[r.id], calendar=calendar)[0]
        row[base] += 1
        row[base + 1] += r.accepted
        row[base + 2] += status is TimelinessStatus.ON_TIME
        row[6] += status is not TimelinessStatus.UNKNOWN
    catalogue = ledger.catalogue()
    items: dict[str, int] = {}
    for item in catalogue:
        items[item.department] = items.get(item.department, 0) + 1
    rows = []
    for n, (name, v) in enumerate(sorted(groups.items()), start=1):
        total = v[0] + v[3]
        judged = v[6]
        rows.append(
            (
                n, name, v[0], v[1], v[2], v[3], v[4], v[5], total,
                _pct(_share(v[1] + v[4], total)), _pct(_share(v[2] + v[5], judged)),
                items.get(name, 0) if by == "department" else "",
            )
        )  # fmt: skip
    who = "部门" if by == "department" else "县区"
    table = Table(
        f"{who}“双公示”信息报送情况统计表（{label}）",
        (
            "序号", who, "行政许可报送条数", "行政许可入库条数", "行政许可按时公示条数",
            "行政处罚报送条数", "行政处罚入库条数", "行政处罚按时公示条数", "合计报送条数",
            "入库率", "按时公示率", "事项目录事项数",
        ),
        tuple(rows),
    )  # fmt: skip
    return LedgerReport(
        kind="stats",
        title=table.title,
        unit=unit,
        period_start=start,
        period_end=end,
        as_of=as_of,
        meta=(
            ("统计期间", f"{start.isoformat()} 至 {end.isoformat()}"),
            ("依据", _SOURCE_STATS + ("（附件4）" if by == "department" else "（附件3）")),
        ),
        tables=(table,),
        data={"by": by, "period_kind": period},
    )


# ---------------------------------------------------------------- monthly evaluation


def evaluation_report(
    ledger: Ledger,
    *,
    unit: str | None = None,
    as_of: date | None = None,
    calendar: WorkdayCalendar | None = None,
) -> LedgerReport:
    """The monthly evaluation per unit: timeliness, 完整率, accuracy and 入库率.

    The month is the one before ``as_of``'s (default today): the assessment of a
    month comes after it. Timeliness is publication within 7 working days
    (发改办财金〔2018〕424号), completeness and accuracy are the scores of
    :mod:`credit_disclosure.quality`, 入库率 the share of reported records accepted
    (they met the data standard). Credit offices score these monthly (长治 2021
    实施意见 (七); 长春净月 实施细则 (2020) 第十一条).

    >>> import tempfile
    >>> ledger = Ledger(f"sqlite:///{tempfile.mkdtemp()}/l.sqlite3"); _ = ledger.init()
    >>> r = evaluation_report(ledger, as_of=date(2026, 10, 8))
    >>> r.period_start, r.period_end
    (datetime.date(2026, 9, 1), datetime.date(2026, 9, 30))
    """
    as_of = as_of or date.today()
    start, end = month_of(as_of.replace(day=1) - timedelta(days=1))
    records = list(ledger.records(unit=unit, decided_from=start, decided_to=end))
    published = _published(ledger, records)
    units = sorted({r.unit for r in records})
    rows = []
    for name in units:
        own = [r for r in records if r.unit == name]
        tables = [_metrics(own, published, kind, as_of, calendar, by="kind") for kind in RecordKind]
        t = _sum_rows(tables)
        accepted = sum(r.accepted for r in own)
        judged = t["on_time"] + t["late"]
        rows.append(
            (
                name, len(own), accepted, t["on_time"], t["late"], t["unknown"],
                _pct(_share(t["on_time"], judged)), _pct(_share(t["complete"], t["records"])),
                _pct(_share(t["accurate"], t["records"])), _pct(_share(accepted, len(own))),
            )
        )  # fmt: skip
    table = Table(
        "月度评估",
        ("单位", "报送条数", "入库条数", "按时公示", "逾期公示", "无法判断", "及时率（7个工作日）", "完整率", "准确率", "入库率"),
        tuple(rows),
    )
    return LedgerReport(
        kind="evaluation",
        title=f"双公示工作月度评估（{start.year}年{start.month}月）",
        unit=unit,
        period_start=start,
        period_end=end,
        as_of=as_of,
        meta=(
            ("评估月份", f"{start.isoformat()} 至 {end.isoformat()}"),
            ("依据", _SOURCE_EVAL),
        ),
        tables=(table,),
    )
