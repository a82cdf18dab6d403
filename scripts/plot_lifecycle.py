"""Draw docs/images/lifecycle_timeline.png: one record's life, state by state, with its events.

The record is the 长治 worked example of docs/lifecycle.md: a 一般 penalty decided on 2022-03-01,
published, disputed, corrected, then repaired. The state on every day comes from
``credit_disclosure.lifecycle.record_status`` (nothing is drawn by hand): a band per state,
a marker per event, and the due date of each action owed. Run after changing the rules:

    python scripts/plot_lifecycle.py             # writes docs/images/lifecycle_timeline.png
    python scripts/plot_lifecycle.py --out x.png

Chinese labels need a CJK font (apt-get install fonts-noto-cjk); without one the picture is
still drawn, with boxes for the missing glyphs.
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
from matplotlib import font_manager
from matplotlib.patches import Patch

from credit_disclosure.lifecycle import Event, State, record_status
from credit_disclosure.policy import CHANGZHI_2021, PenaltyFacts

OUT = Path(__file__).resolve().parents[1] / "docs" / "images" / "lifecycle_timeline.png"

FACTS = PenaltyFacts(
    decision_date=date(2022, 3, 1),
    subject="法人及非法人组织",
    tier="一般",
    procedure="普通程序",
)
KEY = "11140400MB1234567X|长市监罚〔2022〕15号"
EVENTS = [
    Event(key=KEY, kind="公示", date=date(2022, 3, 8)),
    Event(key=KEY, kind="异议", date=date(2022, 4, 6)),
    Event(key=KEY, kind="异议处理", date=date(2022, 4, 20), outcome="修改"),
    Event(key=KEY, kind="申请修复", date=date(2022, 6, 10)),
    Event(key=KEY, kind="准予修复", date=date(2022, 6, 20)),
    Event(key=KEY, kind="撤下", date=date(2022, 6, 21)),
]
START, END = date(2022, 3, 1), date(2022, 7, 15)

COLOURS = {
    State.AWAITING_PUBLICATION: "#fdd49e",
    State.DISPLAYED: "#74c476",
    State.UNDER_OBJECTION: "#fd8d3c",
    State.WITHDRAWN: "#969696",
    State.REPAIRED: "#6baed6",
    State.EXPIRED: "#d9d9d9",
    State.NOT_PUBLISHED: "#ffffff",
    State.UNDETERMINED: "#de2d26",
}


def _font() -> None:
    for name in ("Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Zen Hei", "SimHei"):
        if any(f.name == name for f in font_manager.fontManager.ttflist):
            plt.rcParams["font.family"] = [name, "DejaVu Sans"]
            return


def _spans() -> list[tuple[date, date, State, str]]:
    """Runs of days in the same state: (first day, last day, state, rule)."""
    spans: list[tuple[date, date, State, str]] = []
    day = START
    while day <= END:
        status = record_status(FACTS, EVENTS, policy=CHANGZHI_2021, on=day)
        rule = str(status.citation).replace("长治 2021 实施意见 ", "")
        if spans and spans[-1][2] is status.state and spans[-1][3] == rule:
            spans[-1] = (spans[-1][0], day, status.state, rule)
        else:
            spans.append((day, day, status.state, rule))
        day += timedelta(days=1)
    return spans


def draw(out: Path) -> None:
    """Draw the timeline to ``out``."""
    _font()
    fig, ax = plt.subplots(figsize=(11, 3.6), dpi=110)
    for first, last, state, rule in _spans():
        width = (last - first).days + 1
        ax.barh(0, width, left=mdates.date2num(first), height=0.5, color=COLOURS[state],
                edgecolor="#444444", linewidth=0.6)
        if width >= 10:
            ax.text(mdates.date2num(first) + width / 2, 0, f"{state.value}\n{rule}",
                    ha="center", va="center", fontsize=7.5)
    decision = mdates.date2num(FACTS.decision_date)
    ax.plot([decision, decision], [-0.25, 0.5], color="black", linewidth=1)
    ax.text(decision + 0.5, 0.52, "决定 decision 2022-03-01", fontsize=7.5, ha="left", va="bottom")
    for n, event in enumerate(EVENTS):
        x = mdates.date2num(event.date)
        y = -0.36 - 0.22 * (n % 3)
        ax.plot([x, x], [-0.25, y + 0.06], color="#333333", linewidth=0.8)
        label = f"{event.kind.zh} {event.kind.value}"
        if event.outcome is not None:
            label += f" ({event.outcome.zh})"
        ax.text(x, y, f"{label}\n{event.date.isoformat()}", fontsize=7, ha="center", va="top")
    due = mdates.date2num(date(2022, 3, 10))
    ax.plot([due], [0.3], marker="v", color="#b30000")
    ax.text(due + 1, 0.3, "publish due 03-10 (7 working days, (三))", fontsize=7, va="center")
    ax.set_ylim(-1.1, 0.9)
    ax.set_yticks([])
    ax.set_xlim(mdates.date2num(START), mdates.date2num(END) + 1)
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    used = {s for _, _, s, _ in _spans()}
    ax.legend(
        handles=[Patch(facecolor=COLOURS[s], edgecolor="#444444", label=s.value)
                 for s in State if s in used],
        loc="upper right", fontsize=7, ncol=len(used), frameon=False,
        bbox_to_anchor=(1.0, 1.18),
    )
    ax.set_title("长治 2021: one 一般 penalty, state by day (record_status, CHANGZHI_2021)",
                 fontsize=9, loc="left")
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    draw(parser.parse_args().out)


if __name__ == "__main__":
    main()
