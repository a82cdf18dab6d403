"""credit_disclosure: China's 双公示 credit disclosure rules as a typed library.

Validate the identifiers and records that administrative licence (行政许可)
and penalty (行政处罚) decisions are published with, compute their working-day
deadlines and disclosure terms, decide credit repair, and mask and encrypt the
personal data in them.

The main entry points are re-exported here; each subpackage holds the rest:
:mod:`~credit_disclosure.identifiers`, :mod:`~credit_disclosure.workdays`,
:mod:`~credit_disclosure.deadlines`, :mod:`~credit_disclosure.standard`,
:mod:`~credit_disclosure.convert`, :mod:`~credit_disclosure.io`,
:mod:`~credit_disclosure.samples`, :mod:`~credit_disclosure.policy`,
:mod:`~credit_disclosure.lifecycle`,
:mod:`~credit_disclosure.privacy`, :mod:`~credit_disclosure.quality`,
:mod:`~credit_disclosure.schema`.
Names and subpackages load on first use, so ``import credit_disclosure`` stays
cheap for a program that needs only one part.

>>> import credit_disclosure as cd
>>> cd.identifiers.uscc.is_valid("91512081MA62K0260E")
True
>>> from datetime import date
>>> cd.publication_deadline(date(2026, 9, 28)).due
datetime.date(2026, 10, 13)
"""

from __future__ import annotations

import importlib
import typing as _typing

from ._version import __version__
from .errors import (
    ArgumentError,
    ArgumentTypeError,
    CalendarDataMissing,
    CreditDisclosureError,
    DecryptionError,
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    LedgerError,
    MissingOptionalDependency,
    PolicyError,
    UnknownName,
    ValidationError,
)

if _typing.TYPE_CHECKING:  # the static view of the lazily loaded names below
    from . import convert as convert
    from . import deadlines as deadlines
    from . import identifiers as identifiers
    from . import io as io
    from . import lifecycle as lifecycle
    from . import policy as policy
    from . import privacy as privacy
    from . import quality as quality
    from . import samples as samples
    from . import schema as schema
    from . import standard as standard
    from . import workdays as workdays
    from .deadlines import Deadline, check_timeliness, publication_deadline
    from .io import Report, check_file
    from .policy import PenaltyFacts, Policy, Procedure, Tier
    from .privacy import FieldEncryptor, Keyset, MaskingProfile
    from .standard import (
        Issue,
        LicenseRecord,
        PenaltyRecord,
        PenaltyType,
        RecordKind,
        Severity,
        SubjectCategory,
        check_row,
    )
    from .workdays import WorkdayCalendar, default_calendar

__all__ = [
    "ArgumentError",
    "ArgumentTypeError",
    "CalendarDataMissing",
    "CreditDisclosureError",
    "Deadline",
    "DecryptionError",
    "FieldEncryptor",
    "InvalidChecksum",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidLength",
    "Issue",
    "Keyset",
    "LedgerError",
    "LicenseRecord",
    "MaskingProfile",
    "MissingOptionalDependency",
    "PenaltyFacts",
    "PenaltyRecord",
    "PenaltyType",
    "Policy",
    "PolicyError",
    "Procedure",
    "RecordKind",
    "Report",
    "Severity",
    "SubjectCategory",
    "Tier",
    "UnknownName",
    "ValidationError",
    "WorkdayCalendar",
    "__version__",
    "check_file",
    "check_row",
    "check_timeliness",
    "default_calendar",
    "publication_deadline",
]

#: Lazily loaded names: public name -> the subpackage that defines it.
_LAZY: dict[str, str] = {
    "Deadline": "deadlines",
    "check_timeliness": "deadlines",
    "publication_deadline": "deadlines",
    "Report": "io",
    "check_file": "io",
    "PenaltyFacts": "policy",
    "Policy": "policy",
    "Procedure": "policy",
    "Tier": "policy",
    "FieldEncryptor": "privacy",
    "Keyset": "privacy",
    "MaskingProfile": "privacy",
    "Issue": "standard",
    "LicenseRecord": "standard",
    "PenaltyRecord": "standard",
    "PenaltyType": "standard",
    "RecordKind": "standard",
    "Severity": "standard",
    "SubjectCategory": "standard",
    "check_row": "standard",
    "WorkdayCalendar": "workdays",
    "default_calendar": "workdays",
}

_SUBPACKAGES = frozenset(
    {
        "convert",
        "deadlines",
        "identifiers",
        "io",
        "lifecycle",
        "policy",
        "privacy",
        "quality",
        "samples",
        "schema",
        "standard",
        "workdays",
    }
)


def __getattr__(name: str) -> _typing.Any:
    """Load a re-exported name or a subpackage on first access (PEP 562)."""
    if name in _LAZY:
        value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    if name in _SUBPACKAGES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, *_SUBPACKAGES})
