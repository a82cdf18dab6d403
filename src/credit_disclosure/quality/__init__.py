"""Quality scores of 双公示 records: timeliness, completeness and accuracy, by agency and month.

Credit offices score every body monthly on the timeliness, completeness and
accuracy of its records (长治 2021 实施意见 (七); 长春净月 实施细则 (2020) 第十一条;
上海 2016 总体方案 四(四)). This package computes those scores from records and
the date each was published, as plain tables (and pandas DataFrames when pandas
is installed), draws them (matplotlib, optional), and renders reports and tables
as HTML for Jupyter.

>>> from datetime import date
>>> from credit_disclosure.quality import compute_metrics
>>> rows = [{"CF_CFJG": "甲局", "CF_JDRQ": "2025/03/03", "公示日期": "2025/03/20"}]
>>> table = compute_metrics(rows, "penalty", by="month", as_of=date(2025, 6, 1))
>>> row = table.rows[0]
>>> row.group, row.timeliness, row.mean_working_days_late, row.completeness
(('2025-03',), 0.0, 6.0, 0.0)
"""

from __future__ import annotations

from .._contracts import guard_public as _guard_public
from ..io import report_html
from ._html import html_report
from ._metrics import (
    GROUPINGS,
    PUBLISHED_COLUMNS,
    MetricRow,
    MetricsTable,
    QualityMetrics,
    compute_metrics,
    score_file,
)
from ._observe import (
    COMPLETENESS_CODES,
    Dimension,
    Observation,
    TimelinessStatus,
    UnknownReason,
    dimension_of,
    judge_timeliness,
    observe,
)
from ._plots import (
    plot_issues_by_code,
    plot_records_over_time,
    plot_scores_by_month,
    plot_timeliness_by_agency,
)

__all__ = [
    "COMPLETENESS_CODES",
    "GROUPINGS",
    "PUBLISHED_COLUMNS",
    "Dimension",
    "MetricRow",
    "MetricsTable",
    "Observation",
    "QualityMetrics",
    "TimelinessStatus",
    "UnknownReason",
    "compute_metrics",
    "dimension_of",
    "html_report",
    "judge_timeliness",
    "observe",
    "plot_issues_by_code",
    "plot_records_over_time",
    "plot_scores_by_month",
    "plot_timeliness_by_agency",
    "report_html",
    "score_file",
]

# The error contract at the public boundary (docs/errors.md, "Argument errors").
_guard_public(globals())
