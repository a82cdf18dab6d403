"""``python -m credit_disclosure``: the same command line as ``credit-disclosure``."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
