"""The national data standard for 双公示 records (发改办财金〔2018〕790号, and the 2015 standard).

Field metadata (the one source of truth), code lists, typed records, record
validation and ``check_row``, the per-row call of a batch check.

>>> from datetime import date
>>> from credit_disclosure.standard import RecordKind, check_row
>>> result = check_row({"CF_XDR_MC": "某某餐饮有限公司", "CF_XDR_LB": "法人及非法人组织"},
...                    RecordKind.PENALTY, as_of=date(2024, 6, 1))
>>> result.record.subject_name, result.has_errors
('某某餐饮有限公司', True)
"""

from __future__ import annotations

from .._contracts import guard_public as _guard_public
from ._codes import (
    ApprovalCategory2015,
    CertificateType,
    LicenseCategory,
    LicenseStatus,
    PenaltyCategory2015,
    PenaltyType,
    Status2015,
    SubjectCategory,
)
from ._columnar import ColumnChecks
from ._fields import (
    FieldSpec,
    FieldType,
    HeaderProblem,
    HeaderResolver,
    RecordKind,
    Requirement,
    RequirementKind,
    Source,
    StandardVersion,
    detect_kind,
    field_by_code,
    fields,
    resolve_header,
    resolve_kind,
)
from ._issues import ISSUE_CATALOGUE, Issue, IssueSpec, Severity, issue_spec
from ._parsing import (
    DEFAULT_PENALTY_TYPE_ALIASES,
    DEFAULT_PENALTY_TYPE_SEPARATORS,
    DEFAULT_SUBJECT_CATEGORY_ALIASES,
    OPEN_ENDED_WORDS,
    PLACEHOLDER_CREDIT_CODE,
    PenaltyCategories,
    parse_amount,
    parse_date,
    parse_penalty_categories,
)
from ._records import (
    OPEN_ENDED,
    AnyRecord,
    License2015Record,
    LicenseRecord,
    Penalty2015Record,
    PenaltyRecord,
    record_class,
)
from ._validate import RowResult, ValidationOptions, check_row, parse_row, validate
from ._versions import Conversion, Unmapped, to_2015, to_2018

__all__ = [
    "DEFAULT_PENALTY_TYPE_ALIASES",
    "DEFAULT_PENALTY_TYPE_SEPARATORS",
    "DEFAULT_SUBJECT_CATEGORY_ALIASES",
    "ISSUE_CATALOGUE",
    "OPEN_ENDED",
    "OPEN_ENDED_WORDS",
    "PLACEHOLDER_CREDIT_CODE",
    "AnyRecord",
    "ApprovalCategory2015",
    "CertificateType",
    "ColumnChecks",
    "Conversion",
    "FieldSpec",
    "FieldType",
    "HeaderProblem",
    "HeaderResolver",
    "Issue",
    "IssueSpec",
    "License2015Record",
    "LicenseCategory",
    "LicenseRecord",
    "LicenseStatus",
    "Penalty2015Record",
    "PenaltyCategories",
    "PenaltyCategory2015",
    "PenaltyRecord",
    "PenaltyType",
    "RecordKind",
    "Requirement",
    "RequirementKind",
    "RowResult",
    "Severity",
    "Source",
    "StandardVersion",
    "Status2015",
    "SubjectCategory",
    "Unmapped",
    "ValidationOptions",
    "check_row",
    "detect_kind",
    "field_by_code",
    "fields",
    "issue_spec",
    "parse_amount",
    "parse_date",
    "parse_penalty_categories",
    "parse_row",
    "record_class",
    "resolve_header",
    "resolve_kind",
    "to_2015",
    "to_2018",
    "validate",
]

# The error contract at the public boundary (docs/errors.md, "Argument errors").
_guard_public(globals())
