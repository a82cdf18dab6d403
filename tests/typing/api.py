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

# The lazily loaded top-level names keep their static types.
from datetime import date  # noqa: E402

due: date = credit_disclosure.publication_deadline(date(2026, 9, 28)).due
calendar: credit_disclosure.WorkdayCalendar = credit_disclosure.default_calendar()
ok: bool = credit_disclosure.identifiers.uscc.is_valid("91512081MA62K0260E")
kind: credit_disclosure.RecordKind = credit_disclosure.RecordKind.PENALTY
