"""Typed usage of the Chinese and English answers, checked by ``mypy --strict`` (never executed)."""

from __future__ import annotations

from datetime import date

from credit_disclosure.deadlines import (
    bounded_deadline,
    check_timeliness,
    check_timeliness_bounded,
    publication_deadline,
)
from credit_disclosure.io import issue_name
from credit_disclosure.lifecycle import record_status
from credit_disclosure.policy import CHANGZHI_2021, PenaltyFacts
from credit_disclosure.quality import MetricRow, MetricsTable, plot_issues_by_code
from credit_disclosure.standard import issue_spec

zh: str = publication_deadline(date(2026, 9, 28)).explain(lang="zh")
late: str = check_timeliness(date(2026, 9, 28), date(2026, 10, 15)).explain("zh")
bounded: str = bounded_deadline(date(2026, 12, 28)).explain("en")
verdict = check_timeliness_bounded(date(2026, 12, 28), date(2027, 1, 6))
reason: str | None = verdict.reason_zh
period: str = publication_deadline(date(2026, 9, 28)).rule.period.describe("zh")

facts = PenaltyFacts(decision_date=date(2022, 3, 1), subject="法人及非法人组织", tier="一般")
term: str = CHANGZHI_2021.term(facts).explain("zh")
display = CHANGZHI_2021.is_displayed(facts, on=date(2022, 4, 1))
shown: str = display.explain("zh") + display.reason_zh
status: str = record_status(facts, (), policy=CHANGZHI_2021, on=date(2022, 3, 14)).explain("zh")

name: str = issue_name("uscc.checksum", "zh")
short: str = issue_spec("field.required").name("zh")
table = MetricsTable(by=("kind",), rows=(), total=MetricRow(group=(None,)))
ax = plot_issues_by_code(table, lang="zh")
