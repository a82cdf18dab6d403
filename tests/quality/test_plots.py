"""Plots of the quality scores: drawn from the table's figures, saved as PNG, missing extra reported."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from credit_disclosure.errors import MissingOptionalDependency
from credit_disclosure.quality import (
    MetricsTable,
    compute_metrics,
    plot_issues_by_code,
    plot_records_over_time,
    plot_scores_by_month,
    plot_timeliness_by_agency,
)
from credit_disclosure.standard import RecordKind

pytest.importorskip("matplotlib")

_spec = importlib.util.spec_from_file_location("_data", Path(__file__).with_name("_data.py"))
assert _spec is not None and _spec.loader is not None
_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_data)


@pytest.fixture(scope="module")
def rows() -> list[dict[str, object]]:
    data, _ = _data.rows_with_dates(RecordKind.PENALTY, 300)
    return data


def _table(rows: list[dict[str, object]], by: str) -> MetricsTable:
    return compute_metrics(rows, "penalty", by=by, as_of=_data.AS_OF)


def test_timeliness_bars_are_the_rates(rows: list[dict[str, object]]) -> None:
    """One bar per judged agency, its length the agency's timeliness rate, labels renamed on request."""
    table = _table(rows, "agency")
    judged = [r for r in table if r.timeliness is not None]
    ax = plot_timeliness_by_agency(table, labels=lambda name: name[:2])
    assert [round(p.get_width(), 9) for p in ax.patches] == [
        round(r.timeliness or 0, 9) for r in judged
    ]
    assert [t.get_text() for t in ax.get_yticklabels()] == [str(r.group[0])[:2] for r in judged]


def test_issue_bars_follow_the_counts(rows: list[dict[str, object]]) -> None:
    """The issue chart shows the top codes in order with their counts."""
    table = _table(rows, "kind")
    ax = plot_issues_by_code(table, top=4)
    expected = list(table.issues_by_code.items())[:4]
    assert [t.get_text() for t in ax.get_yticklabels()] == [c for c, _ in expected]
    assert [p.get_width() for p in ax.patches] == [n for _, n in expected]


def test_monthly_charts_need_a_table_by_month(
    rows: list[dict[str, object]], tmp_path: Path
) -> None:
    """Records over time stack clean and broken records per month; a table by agency is refused."""
    table = _table(rows, "month")
    ax = plot_records_over_time(table)
    months = [r for r in table if r.group[0] is not None]
    heights = [p.get_height() for p in ax.patches]
    assert sum(heights) == sum(r.records for r in months)
    ax2 = plot_scores_by_month(table)
    timeliness = next(line for line in ax2.get_lines() if line.get_label() == "timeliness")
    assert len(timeliness.get_ydata()) == len(months)
    path = tmp_path / "scores.png"
    ax2.figure.savefig(path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(ValueError, match="by month"):
        plot_scores_by_month(_table(rows, "agency"))


def test_drawing_on_given_axes(rows: list[dict[str, object]]) -> None:
    """When given an axes, a plot draws there and returns it."""
    from matplotlib.figure import Figure

    fig = Figure()
    axes = fig.subplots(1, 2)
    assert plot_records_over_time(_table(rows, "month"), ax=axes[0]) is axes[0]
    assert plot_issues_by_code(_table(rows, "kind"), ax=axes[1]) is axes[1]


def test_missing_matplotlib_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, rows: list[dict[str, object]]
) -> None:
    """Without matplotlib, plotting raises MissingOptionalDependency naming the 'plot' extra."""
    table = _table(rows, "month")
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingOptionalDependency, match=r"credit-disclosure\[plot\]"):
        plot_scores_by_month(table)


def test_chinese_renders_at_savefig_without_missing_glyphs(
    rows: list[dict[str, object]], tmp_path: Path
) -> None:
    """Each of the four plots, saved to PNG, draws its Chinese labels with a CJK font."""
    import warnings

    from credit_disclosure.quality._plots import _cjk_families

    if not _cjk_families():
        pytest.skip("no CJK font installed (fonts-noto-cjk)")
    charts = [
        plot_timeliness_by_agency(_table(rows, "agency"), labels=lambda n: "某区" + n),
        plot_issues_by_code(_table(rows, "kind")),
        plot_records_over_time(_table(rows, "month")),
        plot_scores_by_month(_table(rows, "month")),
    ]
    for n, ax in enumerate(charts):
        ax.set_title("数据质量 " + ax.get_title())
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            ax.figure.savefig(tmp_path / f"{n}.png")
        missing = [str(w.message) for w in caught if "missing from font" in str(w.message)
                   or "Glyph" in str(w.message)]
        assert not missing, missing
