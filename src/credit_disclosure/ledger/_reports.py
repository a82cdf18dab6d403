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

import io
import json
import os
from datetime import date, timedelta
from pathlib import Path
from typing import IO, Any, Final

import attrs

from .._optional import require
from ..deadlines import WEEKLY_REPORT
from ..standard import RecordKind, fields
from ..workdays import WorkdayCalendar
from ._ledger import Ledger

__all__ = ["LedgerReport", "Table", "weekly_report"]

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
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = self.kind
        width = max([len(tb.header) for tb in self.tables] + [2])
        bold = styles.Font(bold=True)
        thin = styles.Side(style="thin")
        border = styles.Border(left=thin, right=thin, top=thin, bottom=thin)
        wrap = styles.Alignment(wrap_text=True, vertical="center")
        ws.append([self.title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        ws.cell(1, 1).font = styles.Font(bold=True, size=14)
        ws.cell(1, 1).alignment = styles.Alignment(horizontal="center")
        for label, value in self.meta:
            ws.append([label, value])
            ws.cell(ws.max_row, 1).font = bold
        for tb in self.tables:
            ws.append([])
            ws.append([tb.title])
            ws.cell(ws.max_row, 1).font = bold
            ws.append(list(tb.header))
            for cell in ws[ws.max_row]:
                cell.font = bold
                cell.border = border
                cell.alignment = wrap
                cell.fill = styles.PatternFill("solid", fgColor="DDEBF7")
            for row in tb.rows:
                ws.append([_xlsx_cell(c) for c in row])
                for cell in ws[ws.max_row]:
                    if isinstance(cell.value, str):
                        cell.data_type = "s"  # text that starts with "=" stays text
                    cell.border = border
                    cell.alignment = wrap
        if self.confirmation:
            ws.append([])
            for line in self.confirmation:
                ws.append([line])
                ws.merge_cells(
                    start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=width
                )
                ws.row_dimensions[ws.max_row].height = 28
        ws.column_dimensions["A"].width = 22
        for index in range(2, width + 1):
            ws.column_dimensions[openpyxl.utils.get_column_letter(index)].width = 14
        if len(self.tables) > 0 and self.tables[0].header and self.tables[0].header[0] == "":
            pass  # pragma: no cover
        if isinstance(target, (str, os.PathLike)):
            buf = io.BytesIO()
            wb.save(buf)
            _atomic_write(Path(target), buf.getvalue())
        else:
            wb.save(target)


def _atomic_write(path: Path, payload: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(payload)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


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
