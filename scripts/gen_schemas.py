"""Regenerate the schema files published in docs/schemas/ (never edit them by hand).

python scripts/gen_schemas.py            # writes docs/schemas/
python scripts/gen_schemas.py OUT_DIR    # writes elsewhere (e.g. to compare)
"""

from __future__ import annotations

import sys
from pathlib import Path

from credit_disclosure.schema import write_schemas

DEFAULT = Path(__file__).resolve().parent.parent / "docs" / "schemas"


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else DEFAULT
    for path in write_schemas(target):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
