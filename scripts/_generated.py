"""The one way a script writes a generated file: write it, or with ``--check`` say it is stale.

    python scripts/gen_X.py            # rewrite the file
    python scripts/gen_X.py --check    # exit 1 (naming the script to run) if the file is stale

The tests run the ``--check`` form, so a committed file always matches its generator.
"""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(target: Path, text: str, argv: list[str], *, note: str = "") -> int:
    """Write ``text`` to ``target``, or compare with ``--check`` in ``argv``; the exit code."""
    if "--check" in argv:
        if target.read_text(encoding="utf-8") != text:
            script = Path(sys.argv[0]).name
            print(f"{target} is stale: run scripts/{script}", file=sys.stderr)
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}{f' ({note})' if note else ''}")
    return 0
