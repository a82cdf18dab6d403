"""Plots of the quality scores: drawn from the table's figures, saved as PNG, missing extra reported."""

from __future__ import annotations

import importlib.util
import itertools
import sys
from pathlib import Path

import pytest

from credit_disclosure.errors import MissingOptionalDependency
from credit_disclosure.io import issue_name
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


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_issue_bars_follow_the_counts(rows: list[dict[str, object]], lang: str) -> None:
    """The issue chart shows the top issues in order, by their catalogue name, with counts."""
    table = _table(rows, "kind")
    ax = plot_issues_by_code(table, top=4, lang=lang)
    expected = list(table.issues_by_code.items())[:4]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [issue_name(c, lang) for c, _ in expected]
    assert not set(labels) & {c for c, _ in expected}  # names, not codes
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


def _month_table(months: int) -> MetricsTable:
    from credit_disclosure.quality import MetricRow

    rows = tuple(
        MetricRow(
            group=(f"{2020 + m // 12}-{m % 12 + 1:02d}",),
            records=10 + m,
            with_errors=m % 4,
            complete=8,
            accurate=9,
            on_time=5,
            late=2,
        )
        for m in range(months)
    )
    return MetricsTable(by=("month",), rows=rows, total=MetricRow(group=(None,)))


def _tick_boxes(ax: object) -> list[object]:
    figure = ax.figure  # type: ignore[attr-defined]
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    labels = [t for t in ax.get_xticklabels() if t.get_visible() and t.get_text()]  # type: ignore[attr-defined]
    return [t.get_window_extent(renderer) for t in labels]


@pytest.mark.parametrize("months", [1, 7, 18, 60])
@pytest.mark.parametrize("plot", [plot_records_over_time, plot_scores_by_month])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_month_labels_do_not_overlap(months: int, plot: object, lang: str) -> None:
    """However many months, the date axis' tick labels, as drawn, do not overlap."""
    assert callable(plot)
    ax = plot(_month_table(months), lang=lang)
    boxes = _tick_boxes(ax)
    assert boxes, "no month labelled"
    boxes.sort(key=lambda b: b.x0)  # type: ignore[attr-defined]
    for left, right in itertools.pairwise(boxes):
        assert left.x1 <= right.x0, (months, left, right)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("plot", "table", "message"),
    [
        (plot_timeliness_by_agency, MetricsTable(by=("agency",), rows=(), total=None), "没有可判断公示及时性的机关"),
        (plot_issues_by_code, MetricsTable(by=("kind",), rows=(), total=None), "没有发现问题"),
        (plot_records_over_time, MetricsTable(by=("month",), rows=(), total=None), "没有带日期的记录可绘制"),
        (plot_scores_by_month, MetricsTable(by=("month",), rows=(), total=None), "没有带日期的记录可绘制"),
    ],
)
def test_an_empty_chart_says_so(plot: object, table: MetricsTable, message: str) -> None:
    """No data: a message in the frame (in the chosen language), not an empty frame."""
    assert callable(plot)
    ax = plot(table, lang="zh")
    assert [t.get_text() for t in ax.texts] == [message]
    assert not ax.patches and not ax.get_lines()
    assert plot(table, lang="en").texts[0].get_text().isascii()


@pytest.mark.parametrize(
    ("plot", "by", "title"),
    [
        (plot_timeliness_by_agency, "agency", "各机关公示及时率"),
        (plot_issues_by_code, "kind", "最常见的问题"),
        (plot_records_over_time, "month", "各月记录数"),
        (plot_scores_by_month, "month", "各月质量得分"),
    ],
)
def test_titles_and_axes_in_the_chosen_language(
    rows: list[dict[str, object]], plot: object, by: str, title: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """lang="zh" titles and labels each chart in Chinese; without lang= the locale decides."""
    assert callable(plot)
    table = _table(rows, by)
    zh = plot(table, lang="zh")
    en = plot(table, lang="en")
    assert zh.get_title() == title and en.get_title().isascii()
    for ax in (zh, en):
        label = ax.get_xlabel() or ax.get_ylabel()
        assert label
    assert not (zh.get_xlabel() + zh.get_ylabel()).isascii()
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert plot(table).get_title() == title


def test_chinese_titles_render_without_missing_glyphs(
    rows: list[dict[str, object]], tmp_path: Path
) -> None:
    """The four plots in Chinese (titles, axes, legends, issue names), saved to PNG, have every
    glyph; so has the empty chart's message."""
    import warnings

    from credit_disclosure.quality._plots import _cjk_families

    if not _cjk_families():
        pytest.skip("no CJK font installed (fonts-noto-cjk)")
    charts = [
        plot_timeliness_by_agency(_table(rows, "agency"), lang="zh"),
        plot_issues_by_code(_table(rows, "kind"), lang="zh"),
        plot_records_over_time(_table(rows, "month"), lang="zh"),
        plot_scores_by_month(_table(rows, "month"), lang="zh"),
        plot_issues_by_code(MetricsTable(by=("kind",), rows=(), total=None), lang="zh"),
    ]
    for n, ax in enumerate(charts):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            ax.figure.savefig(tmp_path / f"{n}.png")
        missing = [str(w.message) for w in caught if "Glyph" in str(w.message)
                   or "missing from font" in str(w.message)]
        assert not missing, missing
