"""credit_disclosure: China's 双公示 credit disclosure rules as a typed library.

Validate the identifiers and records that administrative licence (行政许可)
and penalty (行政处罚) decisions are published with, compute their working-day
deadlines and disclosure terms, decide credit repair, and mask and encrypt the
personal data in them.

>>> import credit_disclosure
>>> credit_disclosure.__version__  # doctest: +ELLIPSIS
'...'
"""

from __future__ import annotations

from ._version import __version__
from .errors import (
    CalendarDataMissing,
    CreditDisclosureError,
    DecryptionError,
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    MissingOptionalDependency,
    PolicyError,
    ValidationError,
)

__all__ = [
    "CalendarDataMissing",
    "CreditDisclosureError",
    "DecryptionError",
    "InvalidChecksum",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidLength",
    "MissingOptionalDependency",
    "PolicyError",
    "ValidationError",
    "__version__",
]
