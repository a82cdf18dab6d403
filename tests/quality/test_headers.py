"""Quality reads columns as the batch check does: duplicate and unknown headers are counted."""

from __future__ import annotations

import io
from collections import Counter
from datetime import date

import pytest

from credit_disclosure.io import check_file, check_rows
from credit_disclosure.quality import compute_metrics, score_file
from credit_disclosure.quality._frames import FramePlan
from credit_disclosure.standard import RecordKind

AS_OF = date(2025, 6, 1)

# (row, expected agency, expected header issue counts)
_CASES = [
    ({"CF_CFJG": "甲局", "处罚机关": "乙局", "CF_JDRQ": "2025/03/03"}, "甲局",
     {"header.duplicate": 1}),
    ({"处罚机关": "乙局", "cf_cfjg": "甲局", "联系电话": "x"}, "乙局",
     {"header.duplicate": 1, "header.unknown": 1}),
    ({"CF_CFJG": "甲局", "联系电话": "x", "电话": "y"}, "甲局", {"header.unknown": 2}),
    ({"CF_CFJG": "甲局", "公示日期": "2025/03/04"}, "甲局", {}),  # the publication column
]


def _header_counts(by_code: dict[str, int]) -> dict[str, int]:
    return {c: n for c, n in by_code.items() if c.startswith("header.")}


@pytest.mark.parametrize(("row", "agency", "counts"), _CASES)
def test_compute_metrics_counts_header_problems_as_check_reports_them(
    row: dict[str, object], agency: str, counts: dict[str, int]
) -> None:
    table = compute_metrics([row, row], "penalty", as_of=AS_OF)
    assert [r.group for r in table.rows] == [(agency,)]  # the first column naming a field
    assert _header_counts(table.issues_by_code) == counts  # once per column, not per row
    report = check_rows(
        [{k: v for k, v in row.items() if k != "公示日期"}] * 2, RecordKind.PENALTY, as_of=AS_OF
    )
    assert dict(Counter(i.code for i in report.file_issues)) == counts


def test_score_file_counts_a_duplicated_header_like_check_file() -> None:
    text = "CF_CFJG,处罚机关,CF_JDRQ,备忘\n甲局,乙局,2025/03/03,x\n甲局,乙局,2025/03/04,y\n"
    metrics = score_file(io.BytesIO(text.encode()), kind="penalty", as_of=AS_OF)
    table = metrics.table("agency")
    assert [(r.group, r.records) for r in table.rows] == [(("甲局",), 2)]
    assert _header_counts(table.issues_by_code) == {"header.duplicate": 1, "header.unknown": 1}
    report = check_file(io.BytesIO(text.encode()), kind="penalty", as_of=AS_OF)
    assert sorted(i.code for i in report.file_issues) == ["header.duplicate", "header.unknown"]


def test_frame_plan_keeps_the_first_column_and_lists_the_problems() -> None:
    plan = FramePlan.build(
        ["处罚机关", "CF_CFJG", "CF_JDRQ", "备忘", "公示日期"], "penalty", as_of=AS_OF
    )
    assert plan.fields == (("处罚机关", "CF_CFJG"), ("CF_JDRQ", "CF_JDRQ"))
    assert plan.published_col == "公示日期"
    assert [(p.code, p.column, p.field, p.first) for p in plan.header_problems] == [
        ("header.duplicate", 2, "CF_CFJG", 1),
        ("header.unknown", 4, None, None),
    ]


def test_score_frame_counts_a_duplicated_header() -> None:
    pd = pytest.importorskip("pandas")
    from credit_disclosure.pandas import score_frame

    df = pd.DataFrame({"CF_CFJG": ["甲局"], "处罚机关": ["乙局"], "CF_JDRQ": ["2025/03/03"]})
    table = score_frame(df, "penalty", as_of=AS_OF).table("agency")
    assert [r.group for r in table.rows] == [("甲局",)]
    assert _header_counts(table.issues_by_code) == {"header.duplicate": 1}
