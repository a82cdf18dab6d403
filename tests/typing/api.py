"""Typed usage of the public API, checked by ``mypy --strict`` in CI (never executed).

If a public signature changes in a way that breaks users' type checking, this
file stops type-checking.
"""

from __future__ import annotations

import credit_disclosure
from credit_disclosure.errors import (
    CalendarDataMissing,
    InvalidChecksum,
    ValidationError,
)

version: str = credit_disclosure.__version__

err: ValidationError = InvalidChecksum("uscc.checksum", message_en="e", message_zh="z", position=1)
code: str = err.code
position: int | None = err.position
field: str | None = err.field
located: ValidationError = err.with_field("CF_XDR_SHXYM")
year: int = CalendarDataMissing(2031).year
