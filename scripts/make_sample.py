"""Regenerate the bundled sample files of credit_disclosure.samples (never edit them by hand).

python scripts/make_sample.py            # writes src/credit_disclosure/samples/data/
python scripts/make_sample.py OUT_DIR    # writes elsewhere (e.g. to compare)
"""

from __future__ import annotations

import sys
from pathlib import Path

from credit_disclosure.samples import write_samples

DEFAULT = Path(__file__).resolve().parent.parent / "src" / "credit_disclosure" / "samples" / "data"


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else DEFAULT
    for path in write_samples(target):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
