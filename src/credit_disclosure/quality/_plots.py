"""Plots of the quality scores (matplotlib, the optional ``plot`` extra).

Each function draws on the ``ax`` it is given, or on a new
:class:`matplotlib.figure.Figure` (no pyplot, no global state, works without a
display), and returns the axes: save with ``ax.figure.savefig(path)``.
Chinese labels need a font with CJK glyphs; when one of the usual ones is
installed (Noto Sans CJK, Source Han Sans, WenQuanYi, SimHei, Microsoft YaHei,
PingFang) it is used, otherwise pass ``labels`` to rename the groups.
"""

from __future__ import annotations

import contextlib
import functools
import warnings
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from .._optional import require
from ..errors import ArgumentError
from ._metrics import MetricsTable

__all__ = [
    "plot_issues_by_code",
    "plot_records_over_time",
    "plot_scores_by_month",
    "plot_timeliness_by_agency",
]

_CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
    "Heiti SC",
)
_COLOURS = {"completeness": "#1f77b4", "accuracy": "#2ca02c", "timeliness": "#d62728"}


def _mpl() -> Any:
    mpl = require("matplotlib", "plot")
    require("matplotlib.figure", "plot")
    require("matplotlib.ticker", "plot")
    return mpl


@functools.lru_cache(maxsize=1)
def _cjk_families() -> tuple[str, ...]:
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return tuple(name for name in _CJK_FONTS if name in installed)


@contextlib.contextmanager
def _style() -> Iterator[None]:
    mpl = _mpl()
    families = [*_cjk_families(), "DejaVu Sans"]
    with (
        mpl.rc_context({"font.family": "sans-serif", "font.sans-serif": families}),
        warnings.catch_warnings(),
    ):
        # Without a CJK font, Chinese labels render as boxes: the docs say so once,
        # rather than a warning on every glyph.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        yield


def _fonts(ax: Any) -> Any:
    """Fix the font families on the figure's text, so that they hold at ``savefig`` too.

    The rc settings of :func:`_style` last only while the chart is built; a text
    resolves its font when drawn. Each text object (titles, labels, annotations,
    legends) gets the CJK families itself, and the tick labels (made anew when drawn)
    through ``tick_params``.
    """
    from matplotlib.text import Text

    families = [*_cjk_families(), "DejaVu Sans"]
    for text in ax.figure.findobj(Text):
        text.set_fontfamily(families)
    ax.tick_params(labelfontfamily=families)
    return ax


def _axes(ax: Any, size: tuple[float, float]) -> Any:
    if ax is not None:
        return ax
    figure = _mpl().figure.Figure(figsize=size, layout="constrained")
    return figure.add_subplot()


def _label(
    group: tuple[str | None, ...], labels: Mapping[str, str] | Callable[[str], str] | None
) -> str:
    text = " / ".join("(empty)" if g is None else g for g in group)
    if labels is None:
        return text
    if callable(labels):
        return labels(text)
    return labels.get(text, text)


def plot_timeliness_by_agency(
    table: MetricsTable,
    *,
    ax: Any = None,
    labels: Mapping[str, str] | Callable[[str], str] | None = None,
) -> Any:
    """Horizontal bars: share of records published on time, per agency (a table by agency).

    Agencies whose timeliness could not be judged at all are left out.
    ``labels`` renames agencies (a mapping or a function).

    >>> from credit_disclosure.quality import MetricRow, MetricsTable
    >>> table = MetricsTable(by=("agency",), total=MetricRow(group=(None,)),
    ...                      rows=(MetricRow(group=("A",), records=2, on_time=1, late=1),))
    >>> ax = plot_timeliness_by_agency(table)
    >>> [t.get_text() for t in ax.get_yticklabels()], [float(p.get_width()) for p in ax.patches]
    (['A'], [0.5])
    """
    rows = [r for r in table.rows if r.timeliness is not None]
    with _style():
        ax = _axes(ax, (7.0, 1.2 + 0.35 * max(1, len(rows))))
        names = [_label(r.group, labels) for r in rows]
        values = [r.timeliness or 0.0 for r in rows]
        bars = ax.barh(names, values, color=_COLOURS["timeliness"])
        for bar, row in zip(bars, rows):
            ax.annotate(
                f"{row.timeliness:.0%} ({row.on_time}/{row.on_time + row.late})",
                (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
            )
        ax.set_xlim(0, 1.15)
        ax.invert_yaxis()
        ax.set_xlabel("published within the deadline (share of judged records)")
        ax.set_title("Timeliness by agency")
    return _fonts(ax)


def plot_issues_by_code(table: MetricsTable, *, ax: Any = None, top: int = 15) -> Any:
    """Horizontal bars: the ``top`` most frequent issue codes of the scored records.

    >>> from credit_disclosure.quality import MetricRow, MetricsTable
    >>> table = MetricsTable(by=("kind",), rows=(), total=MetricRow(group=(None,)),
    ...                      issues_by_code={"uscc.checksum": 5, "field.required": 2})
    >>> [t.get_text() for t in plot_issues_by_code(table).get_yticklabels()]
    ['uscc.checksum', 'field.required']
    """
    items = list(table.issues_by_code.items())[:top]
    with _style():
        ax = _axes(ax, (7.0, 1.2 + 0.3 * max(1, len(items))))
        codes = [code for code, _ in items]
        counts = [count for _, count in items]
        ax.barh(codes, counts, color="#7f7f7f")
        for y, count in enumerate(counts):
            ax.annotate(
                str(count),
                (count, y),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
            )
        ax.invert_yaxis()
        ax.set_xlabel("issues")
        ax.set_title("Issues by code")
    return _fonts(ax)


def plot_records_over_time(table: MetricsTable, *, ax: Any = None) -> Any:
    """Stacked bars per month (a table by month): records without and with errors.

    >>> from credit_disclosure.quality import MetricRow, MetricsTable
    >>> table = MetricsTable(by=("month",), total=MetricRow(group=(None,)),
    ...                      rows=(MetricRow(group=("2025-01",), records=3, with_errors=1),))
    >>> ax = plot_records_over_time(table)
    >>> sorted(round(p.get_height()) for p in ax.patches)
    [1, 2]
    """
    _need_month(table)
    rows = [r for r in table.rows if r.group[0] is not None]
    with _style():
        ax = _axes(ax, (8.0, 3.5))
        months = [r.group[0] for r in rows]
        clean = [r.records - r.with_errors for r in rows]
        broken = [r.with_errors for r in rows]
        ax.bar(months, clean, color="#1f77b4", label="no error")
        ax.bar(months, broken, bottom=clean, color="#d62728", label="with errors")
        ax.set_ylabel("records (by decision month)")
        ax.yaxis.set_major_locator(_mpl().ticker.MaxNLocator(integer=True))
        ax.set_title("Records over time")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
        _rotate(ax, len(months))
    return _fonts(ax)


def plot_scores_by_month(table: MetricsTable, *, ax: Any = None) -> Any:
    """Lines per month (a table by month): completeness, accuracy and timeliness rates.

    >>> from credit_disclosure.quality import MetricRow, MetricsTable
    >>> table = MetricsTable(by=("month",), total=MetricRow(group=(None,)),
    ...                      rows=(MetricRow(group=("2025-01",), records=2, complete=1,
    ...                                      accurate=2, on_time=1),))
    >>> [line.get_label() for line in plot_scores_by_month(table).get_lines()]
    ['completeness', 'accuracy', 'timeliness']
    """
    _need_month(table)
    rows = [r for r in table.rows if r.group[0] is not None]
    with _style():
        ax = _axes(ax, (8.0, 3.5))
        months = [r.group[0] for r in rows]
        nan = float("nan")
        for name in ("completeness", "accuracy", "timeliness"):
            values = [getattr(r, name) for r in rows]
            ax.plot(
                months,
                [nan if v is None else v for v in values],
                marker="o",
                label=name,
                color=_COLOURS[name],
            )
        ax.set_ylim(0, 1.05)
        ax.yaxis.set_major_formatter(_mpl().ticker.PercentFormatter(1.0))
        ax.set_ylabel("share of records")
        ax.set_title("Monthly quality scores")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
        ax.grid(axis="y", alpha=0.3)
        _rotate(ax, len(months))
    return _fonts(ax)


def _need_month(table: MetricsTable) -> None:
    if table.by != ("month",):
        raise ArgumentError(
            "quality.plot",
            message_en=f"needs a table by month, not by {', '.join(table.by) or 'nothing'}",
            message_zh=f"需要按月份分组的表，而不是按 {', '.join(table.by) or '无'} 分组",
        )


def _rotate(ax: Any, n: int) -> None:
    if n > 6:
        for label in ax.get_xticklabels():
            label.set_rotation(45)
            label.set_horizontalalignment("right")
