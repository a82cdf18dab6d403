"""Typed usage of credit_disclosure.quality, .pandas and .spark, checked by ``mypy --strict`` (never executed)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from credit_disclosure.deadlines import SAMR_PUBLICATION
from credit_disclosure.io import check_file
from credit_disclosure.pandas import (
    issues_frame,
    read_records,
    score_frame,
    valid_identifiers,
    validate_frame,
)
from credit_disclosure.quality import (
    COMPLETENESS_CODES,
    GROUPINGS,
    PUBLISHED_COLUMNS,
    Dimension,
    MetricRow,
    MetricsTable,
    Observation,
    QualityMetrics,
    TimelinessStatus,
    UnknownReason,
    compute_metrics,
    dimension_of,
    html_report,
    judge_timeliness,
    observe,
    plot_issues_by_code,
    plot_records_over_time,
    plot_scores_by_month,
    plot_timeliness_by_agency,
    report_html,
    score_file,
)
from credit_disclosure.samples import sample_path
from credit_disclosure.spark import (
    DAMAGE_COLUMN,
    OUTCOME_SCHEMA,
    SparkValidation,
    local_session,
    read_csv,
    split_size,
    validate_spark,
)
from credit_disclosure.standard import RecordKind, check_row

rows: list[dict[str, object]] = [
    {"CF_CFJG": "甲局", "CF_JDRQ": "2025/03/03", "公示日期": "2025/03/05"}
]
table: MetricsTable = compute_metrics(
    rows, "penalty", by=("agency", "month"), as_of=date(2025, 6, 1)
)
first: MetricRow = table.rows[0]
rate: float | None = first.timeliness
late: float | None = first.mean_working_days_late
group: tuple[str | None, ...] = first.group
reasons: tuple[tuple[str, int], ...] = table.total.unknown_reasons
dicts: list[dict[str, Any]] = table.to_dicts()
text: str = table.to_text() + table.to_json()
table.to_csv(io.StringIO())
frame: pd.DataFrame = table.to_pandas()

by = "month"
names: tuple[str, ...] = GROUPINGS
codes: frozenset[str] = COMPLETENESS_CODES
columns: tuple[str, ...] = PUBLISHED_COLUMNS
dim: Dimension = dimension_of("uscc.checksum")

status, days, reason, year = judge_timeliness(date(2025, 3, 3), "2025/03/20", rule=SAMR_PUBLICATION)
s: TimelinessStatus = status
d: int = days
r: UnknownReason | None = reason
y: int | None = year

obs: Observation = observe(
    check_row(rows[0], RecordKind.PENALTY, as_of=date(2025, 6, 1)),
    RecordKind.PENALTY,
    published=None,
)
metrics = QualityMetrics()
metrics.add(obs)
metrics.merge(score_file(sample_path("penalty"), as_of=date(2025, 7, 1)))
count: int = metrics.records
by_month: MetricsTable = metrics.table(by)

html: str = report_html(check_file(sample_path("penalty")), top=5, max_issues=10)
axes: Any = plot_timeliness_by_agency(metrics.table("agency"), labels={"甲局": "Bureau A"})
axes = plot_issues_by_code(by_month, ax=axes, top=5)
axes = plot_records_over_time(by_month)
axes = plot_scores_by_month(by_month)

df: pd.DataFrame = read_records(sample_path("penalty"))
issues: pd.DataFrame = validate_frame(df, "penalty", as_of=date(2025, 7, 1))
valid: pd.Series[Any] = valid_identifiers(df["CF_XDR_SHXYM"], "uscc")
scored: QualityMetrics = score_frame(df, published_col=None, as_of=date(2025, 7, 1))
report_df: pd.DataFrame = issues_frame(check_file(sample_path("license")))

schema: str = OUTCOME_SCHEMA
damage_column: str = DAMAGE_COLUMN
spark: Any = local_session(2, shuffle_partitions=2)
result: SparkValidation = validate_spark(spark.createDataFrame(df), id_col=None, cache=False)
spark_table: MetricsTable = result.table("month")
spark_metrics: Any = result.metrics(("agency", "month"))
exported: Any = read_csv(spark, Path("penalties.csv"), encoding="utf-8", sep=",", balance=True)
split_bytes: int = split_size(53_222_241, 2, max_bytes=128 * 1024 * 1024)

checked = check_file(sample_path("penalty"), as_of=date(2025, 6, 1))
scores: QualityMetrics = score_file(
    sample_path("penalty"), kind=checked.kind, header_row=checked.header_line or None
)
page: str = html_report(checked, metrics=scores, lang="zh", charts=True, max_issues=100)
