"""Draw docs/images/quality_*.png: the four quality plots of the bundled penalty sample, in Chinese.

The data is the walkthrough's (docs/quality/walkthrough.md): the sample penalties with a
publication date some days after each decision (seed 2025), scored as of 2025-07-01. Run after
a change to the plots:

    python scripts/plot_quality.py                 # docs/images/quality_*.png, Chinese
    python scripts/plot_quality.py --lang en --out /tmp/plots

Chinese labels need a CJK font (apt-get install fonts-noto-cjk); the script refuses to draw
without one rather than commit pictures with boxes for the missing glyphs.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from credit_disclosure.pandas import read_records, score_frame
from credit_disclosure.quality import (
    plot_issues_by_code,
    plot_records_over_time,
    plot_scores_by_month,
    plot_timeliness_by_agency,
)
from credit_disclosure.quality._plots import _cjk_families
from credit_disclosure.samples import sample_path

OUT = Path(__file__).resolve().parents[1] / "docs" / "images"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if args.lang == "zh" and not _cjk_families():
        print("no CJK font found: apt-get install fonts-noto-cjk", file=sys.stderr)
        return 1
    df = read_records(sample_path("penalty"))
    rng = np.random.default_rng(2025)
    decided = pd.to_datetime(df["CF_JDRQ"], format="%Y/%m/%d", errors="coerce")
    delay = pd.to_timedelta(rng.integers(0, 16, len(df)), unit="D")
    df["公示日期"] = (decided + delay).dt.strftime("%Y/%m/%d")
    metrics = score_frame(df, as_of=date(2025, 7, 1))
    monthly = metrics.table("month")
    charts = {
        "timeliness": plot_timeliness_by_agency(metrics.table("agency"), lang=args.lang),
        "issues": plot_issues_by_code(monthly, top=10, lang=args.lang),
        "records": plot_records_over_time(monthly, lang=args.lang),
        "scores": plot_scores_by_month(monthly, lang=args.lang),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    for name, ax in charts.items():
        path = args.out / f"quality_{name}.png"
        ax.figure.savefig(path, dpi=80, metadata={"Software": None})
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
