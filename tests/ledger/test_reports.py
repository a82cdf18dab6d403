"""Reports from the ledger: weekly (due dates), quarterly 台账, 附件3/4 statistics, monthly evaluation."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from credit_disclosure.catalogue import Catalogue, CatalogueItem, ItemSubject, write_catalogue
from credit_disclosure.ledger import (
    Ledger,
    evaluation_report,
    previous_week,
    quarter_of,
    quarter_report,
    stats_report,
    weekly_report,
)
from credit_disclosure.samples import generate_records
from credit_disclosure.standard import RecordKind

TOWN = "某镇人民政府"


@pytest.mark.parametrize(
    ("as_of", "start", "due"),
    [
        (date(2026, 3, 9), date(2026, 3, 2), date(2026, 3, 9)),  # an ordinary Monday
        (date(2026, 3, 13), date(2026, 3, 2), date(2026, 3, 9)),  # asked later in the week
        (date(2026, 10, 8), date(2026, 9, 28), date(2026, 10, 8)),  # Monday 10-05 is 国庆
        (date(2026, 2, 24), date(2026, 2, 16), date(2026, 2, 24)),  # 春节: Monday 02-23 is off
        (date(2026, 1, 5), date(2025, 12, 29), date(2026, 1, 5)),  # a week across the year
    ],
)
def test_weekly_period_and_due_day(sqlite_url: str, as_of: date, start: date, due: date) -> None:
    """The previous Monday-to-Sunday week, due the Monday after it or the next working day."""
    with Ledger(sqlite_url) as ledger:
        ledger.init()
        report = weekly_report(ledger, as_of=as_of)
    assert report.period_start == start
    assert report.data["due"] == due.isoformat()


def _town_export(tmp_path: Path, n: int = 40) -> Path:
    records = generate_records(RecordKind.PENALTY, n, seed=11, faults={})
    rows = []
    for i, r in enumerate(records):
        values = dict(r.values)
        values["CF_CFJG"] = TOWN
        day = date(2026, 7, 1 + i % 28)
        values["CF_JDRQ"] = day.strftime("%Y/%m/%d")
        values["CF_YXQ"] = values["CF_GSJZQ"] = day.replace(year=2027).strftime("%Y/%m/%d")
        values["CF_WFXW"] = "占道经营" if i % 2 else "乱倒垃圾"
        if i % 3 == 0:
            values["公示日期"] = date(2026, 8, 28).strftime("%Y/%m/%d")  # late for early-July ones
        else:
            values["公示日期"] = day.strftime("%Y/%m/%d")
        rows.append(values)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    path = tmp_path / "town_q3.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


@pytest.fixture
def town(tmp_path: Path, sqlite_url: str) -> Ledger:
    ledger = Ledger(sqlite_url)
    ledger.init()
    cat = Catalogue(
        [
            CatalogueItem(kind="penalty", department=TOWN, name="对擅自占用道路经营的处罚",
                          aliases=["占道经营"], subjects={ItemSubject.LEGAL_PERSON}),
            CatalogueItem(kind="penalty", department=TOWN, name="对违法建设的处罚"),
        ]
    )
    write_catalogue(cat, tmp_path / "cat.csv", format="csv")
    ledger.import_catalogue(tmp_path / "cat.csv")
    ledger.import_records(_town_export(tmp_path), as_of=date(2026, 9, 30))
    return ledger


def test_quarter_ledger(town: Ledger, tmp_path: Path) -> None:
    """The 台账 counts by item, scores, owes, findings, and ends with the leader's block."""
    report = quarter_report(town, unit=TOWN, as_of=date(2026, 9, 30))
    assert report.title == "双公示工作台账（2026年第3季度）"
    by_item = {row[2]: row for row in report.tables[0].rows}
    assert by_item["对擅自占用道路经营的处罚"][4] == 20
    assert by_item["（目录外）"][4] == 20  # 乱倒垃圾 is not catalogued
    assert by_item["对违法建设的处罚"][4] == 0
    scores = {row[0]: row for row in report.tables[1].rows}
    penalty = scores["行政处罚"]
    assert penalty[1] == 40 and penalty[3] + penalty[4] + penalty[5] == 40 and penalty[4] > 0
    findings = dict(report.tables[4].rows)
    assert findings["记录不属于事项目录中的事项"] == 20
    assert findings["事项本期无记录"] == 1
    assert any("主管领导" in line for line in report.confirmation)
    path = tmp_path / "q3.xlsx"
    report.write_xlsx(path)
    ws = openpyxl.load_workbook(path).active
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "双公示工作台账（2026年第3季度）" in texts and "主管领导确认：" in texts
    payload = json.loads(report.to_json())
    assert payload["report"] == "quarter" and payload["period"] == ["2026-07-01", "2026-09-30"]


def test_stats_by_department_and_county(town: Ledger) -> None:
    """附件4 per department, 附件3 per county of the unit's credit code."""
    dept = stats_report(town, as_of=date(2026, 9, 30))
    (row,) = dept.tables[0].rows
    assert row[1] == TOWN and row[5] == 40 and row[8] == 40 and row[11] == 2
    county = stats_report(town, as_of=date(2026, 9, 30), by="county", period="quarter")
    assert county.title.startswith("县区") and "第3季度" in county.title
    assert sum(r[8] for r in county.tables[0].rows) == 40
    with pytest.raises(ValueError, match="by must be"):
        stats_report(town, by="province")


def test_monthly_evaluation(town: Ledger) -> None:
    """The evaluation of July: timeliness, 完整率, accuracy, 入库率 per unit."""
    report = evaluation_report(town, as_of=date(2026, 8, 3))
    assert (report.period_start, report.period_end) == (date(2026, 7, 1), date(2026, 7, 31))
    (row,) = report.tables[0].rows
    assert row[0] == TOWN and row[1] == 40
    assert row[3] + row[4] + row[5] == 40
    assert row[9] == "100.0%"


def test_events_change_the_quarter(town: Ledger, tmp_path: Path) -> None:
    """An objection and a repair from an EVENTS file reach the records and the 台账's states."""
    record = next(iter(town.records()))
    path = tmp_path / "events.csv"
    path.write_text(
        "key,event,date,outcome,note\n"
        f"{record.key},异议,2026/08/03,,张三来电\n"
        f"{record.key},异议处理,2026/08/20,维持,\n"
        f"{record.decision_no},申请修复,2026/09/01,,\n"
        "不存在的文书号,撤销,2026/09/02,,\n"
        f"{record.key},不知道,2026/09/03,,\n",
        encoding="utf-8",
    )
    result = town.import_events(path)
    assert (result.rows, result.added, result.unmatched, result.rejected) == (5, 4, 1, 1)
    assert [i["code"] for i in result.summary()["issues"]] == ["event.kind"]
    again = town.import_events(path)
    assert again.already_imported
    kinds = [e.kind.value for e in town.lifecycle_events(record.id)]
    assert kinds == ["objection_filed", "objection_resolved", "repair_applied"]
    assert "张三" not in repr(result)


def test_report_kept_in_ledger(town: Ledger) -> None:
    """A saved report is kept with its sha256 and period."""
    report = weekly_report(town, unit=TOWN, as_of=date(2026, 7, 13))
    report_id = town.save_report(
        report.kind, report.payload(), unit=TOWN, period_start=report.period_start,
        period_end=report.period_end, as_of=report.as_of,
    )  # fmt: skip
    (kept,) = town.saved_reports()
    assert kept["id"] == report_id and kept["period_start"] == date(2026, 7, 6)
    assert len(kept["sha256"]) == 64


def test_quarter_of_each_quarter() -> None:
    """quarter_of covers every month; previous_week always starts on a Monday."""
    for month in range(1, 13):
        start, end, number = quarter_of(date(2026, month, 15))
        assert start <= date(2026, month, 15) <= end and number == (month - 1) // 3 + 1
    for day in range(1, 29):
        assert previous_week(date(2026, 2, day))[0].weekday() == 0
