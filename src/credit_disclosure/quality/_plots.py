"""Plots of the quality scores (matplotlib, the optional ``plot`` extra).

Each function draws on the ``ax`` it is given, or on a new
:class:`matplotlib.figure.Figure` (no pyplot, no global state, works without a
display), and returns the axes: save with ``ax.figure.savefig(path)``.
Titles, axis labels and legends are in ``lang`` (``"zh"`` or ``"en"``; by default the
locale's, as on the command line); issues are shown by their catalogue name
(:func:`credit_disclosure.io.issue_name`), months labelled at steps the axes have room for (never
overlapping), and a chart without data says so in its frame.
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

from .._i18n import Lang, resolve_lang, ui
from .._optional import require
from ..errors import ArgumentError
from ..io import issue_name
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
    require("matplotlib.font_manager", "plot")
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
    group: tuple[str | None, ...],
    labels: Mapping[str, str] | Callable[[str], str] | None,
    lang: Lang = "en",
) -> str:
    text = " / ".join(ui("plot.empty_group", lang) if g is None else g for g in group)
    if labels is None:
        return text
    if callable(labels):
        return labels(text)
    return labels.get(text, text)


def _no_data(ax: Any, text_id: str, lang: Lang) -> None:
    """Say in the frame that there is nothing to draw, instead of an empty frame."""
    ax.text(
        0.5,
        0.5,
        ui(text_id, lang),
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=11,
        color="#555555",
    )
    ax.set_xticks([])
    ax.set_yticks([])


def plot_timeliness_by_agency(
    table: MetricsTable,
    *,
    ax: Any = None,
    labels: Mapping[str, str] | Callable[[str], str] | None = None,
    lang: str | None = None,
) -> Any:
    """Horizontal bars: share of records published on time, per agency (a table by agency).

    Agencies whose timeliness could not be judged at all are left out; when none can
    be judged the frame says so. ``labels`` renames agencies (a mapping or a
    function); ``lang`` is the language of the title and axis (default: the locale's).

    >>> from credit_disclosure.quality import MetricRow, MetricsTable
    >>> table = MetricsTable(by=("agency",), total=MetricRow(group=(None,)),
    ...                      rows=(MetricRow(group=("A",), records=2, on_time=1, late=1),))
    >>> ax = plot_timeliness_by_agency(table, lang="en")
    >>> [t.get_text() for t in ax.get_yticklabels()], [float(p.get_width()) for p in ax.patches]
    (['A'], [0.5])
    >>> plot_timeliness_by_agency(table, lang="zh").get_title()
    '各机关公示及时率'
    """
    language = resolve_lang(lang)
    rows = [r for r in table.rows if r.timeliness is not None]
    with _style():
        ax = _axes(ax, (7.0, 1.2 + 0.35 * max(1, len(rows))))
        ax.set_title(ui("plot.timeliness.title", language))
        if not rows:
            _no_data(ax, "plot.timeliness.none", language)
            return _fonts(ax)
        names = [_label(r.group, labels, language) for r in rows]
        values = [r.timeliness or 0.0 for r in rows]
        positions = list(range(len(rows)))
        bars = ax.barh(positions, values, color=_COLOURS["timeliness"])
        ax.set_yticks(positions, names)
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
        ax.xaxis.set_major_formatter(_mpl().ticker.PercentFormatter(1.0))
        ax.invert_yaxis()
        ax.set_xlabel(ui("plot.timeliness.axis", language))
    return _fonts(ax)


def plot_issues_by_code(
    table: MetricsTable, *, ax: Any = None, top: int = 15, lang: str | None = None
) -> Any:
    """Horizontal bars: the ``top`` most frequent issues of the scored records, by name.

    Each bar is labelled with the issue's catalogue name in ``lang`` (default: the
    locale's; :func:`credit_disclosure.io.issue_name`), not its code; a table without
    issues says so in the frame.

    >>> from credit_disclosure.quality import MetricRow, MetricsTable
    >>> table = MetricsTable(by=("kind",), rows=(), total=MetricRow(group=(None,)),
    ...                      issues_by_code={"uscc.checksum": 5, "field.required": 2})
    >>> [t.get_text() for t in plot_issues_by_code(table, lang="zh").get_yticklabels()]
    ['统一社会信用代码校验码错误', '必填项为空']
    >>> [t.get_text() for t in plot_issues_by_code(table, lang="en").get_yticklabels()]
    ['credit code (USCC): check character wrong', 'required field empty']
    """
    language = resolve_lang(lang)
    items = list(table.issues_by_code.items())[:top]
    with _style():
        ax = _axes(ax, (7.0, 1.2 + 0.3 * max(1, len(items))))
        ax.set_title(ui("plot.issues.title", language))
        if not items:
            _no_data(ax, "plot.issues.none", language)
            return _fonts(ax)
        names = [issue_name(code, language) for code, _ in items]
        counts = [count for _, count in items]
        positions = list(range(len(items)))
        ax.barh(positions, counts, color="#7f7f7f")
        ax.set_yticks(positions, names)  # two codes may share a name: one bar each
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
        ax.xaxis.set_major_locator(_mpl().ticker.MaxNLocator(integer=True))
        ax.set_xlabel(ui("plot.issues.axis", language))
    return _fonts(ax)


def _months(table: MetricsTable) -> tuple[list[Any], list[str]]:
    """The rows that have a month, and their months (``YYYY-MM``) in the table's order."""
    rows = [r for r in table.rows if r.group[0] is not None]
    return rows, [str(r.group[0]) for r in rows]


def _month_axis(ax: Any, months: list[str]) -> None:
    """One place per month, labelled ``YYYY-MM`` at steps the axis has room for.

    Months are categories (a record dated decades ahead by mistake is one bar at the end,
    not a stretched time axis); the number of labels follows the axes' width, so that
    they never overlap, and every label shown names its month in full.
    """
    mpl = _mpl()
    size = mpl.font_manager.FontProperties(size=mpl.rcParams["xtick.labelsize"])
    points = size.get_size_in_points()
    width = ax.get_position().width * ax.figure.get_figwidth() * 72  # the axes, in points
    room = max(1, int(width // (points * 0.62 * 7 + 1.5 * points)))  # seven characters and a gap
    ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(nbins=room, integer=True, min_n_ticks=1))

    def label(x: float, _pos: object) -> str:
        index = round(x)
        return months[index] if abs(x - index) < 1e-9 and 0 <= index < len(months) else ""

    ax.xaxis.set_major_formatter(mpl.ticker.FuncFormatter(label))
    ax.set_xlim(-0.6, len(months) - 0.4)


def plot_records_over_time(
    table: MetricsTable, *, ax: Any = None, lang: str | None = None
) -> Any:
    """Stacked bars per month (a table by month): records without and with errors.

    Months are labelled ``YYYY-MM`` at steps the axes have room for (labels never
    overlap); ``lang`` is the language of the title, axis and legend (default: the
    locale's). A table without dated records says so in the frame.

    >>> from credit_disclosure.quality import MetricRow, MetricsTable
    >>> table = MetricsTable(by=("month",), total=MetricRow(group=(None,)),
    ...                      rows=(MetricRow(group=("2025-01",), records=3, with_errors=1),))
    >>> ax = plot_records_over_time(table)
    >>> sorted(round(p.get_height()) for p in ax.patches)
    [1, 2]
    >>> plot_records_over_time(table, lang="zh").get_legend_handles_labels()[1]
    ['无错误', '有错误']
    """
    _need_month(table)
    language = resolve_lang(lang)
    rows, months = _months(table)
    with _style():
        ax = _axes(ax, (8.0, 3.5))
        ax.set_title(ui("plot.records.title", language))
        if not rows:
            _no_data(ax, "plot.no_months", language)
            return _fonts(ax)
        clean = [r.records - r.with_errors for r in rows]
        broken = [r.with_errors for r in rows]
        places = list(range(len(months)))
        ax.bar(places, clean, color="#1f77b4", label=ui("plot.records.clean", language))
        ax.bar(
            places,
            broken,
            bottom=clean,
            color="#d62728",
            label=ui("plot.records.errors", language),
        )
        ax.set_ylabel(ui("plot.records.axis", language))
        ax.yaxis.set_major_locator(_mpl().ticker.MaxNLocator(integer=True))
        _month_axis(ax, months)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    return _fonts(ax)


def plot_scores_by_month(table: MetricsTable, *, ax: Any = None, lang: str | None = None) -> Any:
    """Lines per month (a table by month): completeness, accuracy and timeliness rates.

    Months labelled at steps the axes have room for (labels never overlap); ``lang`` is the language of the title,
    axis and legend (default: the locale's). A table without dated records says so in
    the frame.

    >>> from credit_disclosure.quality import MetricRow, MetricsTable
    >>> table = MetricsTable(by=("month",), total=MetricRow(group=(None,)),
    ...                      rows=(MetricRow(group=("2025-01",), records=2, complete=1,
    ...                                      accurate=2, on_time=1),))
    >>> [line.get_label() for line in plot_scores_by_month(table, lang="en").get_lines()]
    ['completeness', 'accuracy', 'timeliness']
    >>> [line.get_label() for line in plot_scores_by_month(table, lang="zh").get_lines()]
    ['完整性', '准确性', '及时性']
    """
    _need_month(table)
    language = resolve_lang(lang)
    rows, months = _months(table)
    with _style():
        ax = _axes(ax, (8.0, 3.5))
        ax.set_title(ui("plot.scores.title", language))
        if not rows:
            _no_data(ax, "plot.no_months", language)
            return _fonts(ax)
        nan = float("nan")
        for name in ("completeness", "accuracy", "timeliness"):
            values = [getattr(r, name) for r in rows]
            ax.plot(
                range(len(months)),
                [nan if v is None else v for v in values],
                marker="o",
                label=ui(f"plot.{name}", language),
                color=_COLOURS[name],
            )
        ax.set_ylim(0, 1.05)
        ax.yaxis.set_major_formatter(_mpl().ticker.PercentFormatter(1.0))
        ax.set_ylabel(ui("plot.scores.axis", language))
        _month_axis(ax, months)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
        ax.grid(axis="y", alpha=0.3)
    return _fonts(ax)


def _need_month(table: MetricsTable) -> None:
    if table.by != ("month",):
        raise ArgumentError(
            "quality.plot",
            message_en=f"needs a table by month, not by {', '.join(table.by) or 'nothing'}",
            message_zh=f"需要按月份分组的表，而不是按 {', '.join(table.by) or '无'} 分组",
        )
