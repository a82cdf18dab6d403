"""Draw docs/images/year_states.png: a published year above a statutory-only year.

One calendar strip per year (weeks left to right, Monday at the top). The published year
shows its notice's days off and make-up working days; the statutory-only year shows the days
the law already fixes and, lighter, the days its notice could still move (the possible 调休
learned from the published years). Run after a new year is published:

    python scripts/plot_year_states.py                # the last published year and the next
    python scripts/plot_year_states.py --out x.png

Chinese labels need a CJK font (apt-get install fonts-noto-cjk); without one the picture is
still drawn, with boxes for the missing glyphs.
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib import font_manager
from matplotlib.patches import Patch, Rectangle

from credit_disclosure.workdays import (
    DayKind,
    YearState,
    default_bounds,
    statutory_rules,
)

OUT = Path(__file__).resolve().parents[1] / "docs" / "images" / "year_states.png"

COLOURS = {
    "workday": "#e6e6e6",
    "weekend": "#ffffff",
    "holiday": "#d62728",
    "makeup": "#1f77b4",
    "maybe_off": "#f4a6a6",
    "maybe_on": "#9ecae1",
}
LABELS = {
    "workday": "working day",
    "weekend": "weekend",
    "holiday": "day off: notice (published) or law (statutory-only)",
    "makeup": "make-up working day (调休上班)",
    "maybe_off": "may become a day off (possible 调休)",
    "maybe_on": "may become a working day (possible 调休)",
}


def _font() -> None:
    for name in ("Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Zen Hei", "SimHei"):
        if any(f.name == name for f in font_manager.fontManager.ttflist):
            plt.rcParams["font.family"] = [name, "DejaVu Sans"]
            return


def _kinds(year: int) -> dict[date, str]:
    bounds = default_bounds()
    estimate = bounds.scenarios[1]
    out: dict[date, str] = {}
    day = date(year, 1, 1)
    while day.year == year:
        kind = estimate.day(day).kind
        if kind in (DayKind.HOLIDAY, DayKind.LOCAL_HOLIDAY):
            out[day] = "holiday"
        elif kind in (DayKind.MAKEUP_WORKDAY, DayKind.LOCAL_WORKDAY):
            out[day] = "makeup"
        else:
            out[day] = "weekend" if day.weekday() >= 5 else "workday"
        day += timedelta(days=1)
    # The next year's notice may also move the last days of December of this year.
    possible = (*bounds.possible_tiaoxiu(year), *bounds.possible_tiaoxiu(year + 1))
    for moved, off, _name in possible:
        if moved.year == year:
            out[moved] = "maybe_off" if off else "maybe_on"
    return out


def _strip(ax: plt.Axes, year: int, title: str) -> None:
    kinds = _kinds(year)
    first = date(year, 1, 1)
    offset = first.weekday()
    for day, kind in kinds.items():
        index = (day - first).days + offset
        week, weekday = divmod(index, 7)
        ax.add_patch(
            Rectangle(
                (week, 6 - weekday), 0.92, 0.92,
                facecolor=COLOURS[kind], edgecolor="#bbbbbb", linewidth=0.3,
            )
        )  # fmt: skip
    for month in range(1, 13):
        start = date(year, month, 1)
        week = ((start - first).days + offset) // 7
        ax.text(week, 7.3, f"{month}月", fontsize=8, ha="left")
    ax.set_xlim(-0.5, 54)
    ax.set_ylim(-0.3, 8.2)
    ax.set_yticks([6.45, 0.45], ["Mon", "Sun"], fontsize=7)
    ax.set_xticks([])
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.set_title(title, loc="left", fontsize=10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    _font()
    bounds = default_bounds()
    _, last = bounds.calendar.covered
    nxt = last + 1
    assert bounds.state(nxt) is YearState.STATUTORY_ONLY
    source = bounds.calendar.schedule(last).source
    fig, axes = plt.subplots(2, 1, figsize=(11, 4.2))
    _strip(
        axes[0],
        last,
        f"{last}: published — every day known ({source}); "
        f"only late December may still move with the {nxt} notice",
    )
    law = statutory_rules(nxt).citation
    _strip(
        axes[1],
        nxt,
        f"{nxt}: statutory-only — the law's days off are certain ({law}); the notice's 调休 is not",
    )
    handles = [Patch(facecolor=COLOURS[k], edgecolor="#999999", label=LABELS[k]) for k in COLOURS]
    fig.legend(handles=handles, loc="lower center", ncol=3, fontsize=8, frameon=False)
    fig.subplots_adjust(left=0.04, right=0.99, top=0.93, bottom=0.17, hspace=0.35)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(args.out, dpi=110)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
