"""Typed usage of credit_disclosure.standard and credit_disclosure.convert (mypy --strict, never run)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

import cattrs

from credit_disclosure.convert import (
    DateFormat,
    KeyStyle,
    format_date,
    from_mapping,
    headers,
    make_converter,
    to_mapping,
)
from credit_disclosure.standard import (
    DEFAULT_SUBJECT_CATEGORY_ALIASES,
    ISSUE_CATALOGUE,
    OPEN_ENDED,
    OPEN_ENDED_WORDS,
    AnyRecord,
    ColumnChecks,
    Conversion,
    FieldSpec,
    FieldType,
    Issue,
    IssueSpec,
    License2015Record,
    LicenseRecord,
    Penalty2015Record,
    PenaltyCategories,
    PenaltyRecord,
    PenaltyType,
    RecordKind,
    RequirementKind,
    RowResult,
    Severity,
    StandardVersion,
    SubjectCategory,
    ValidationOptions,
    check_row,
    detect_kind,
    field_by_code,
    fields,
    issue_spec,
    parse_amount,
    parse_date,
    parse_penalty_categories,
    parse_row,
    record_class,
    resolve_header,
    resolve_kind,
    to_2015,
    to_2018,
    validate,
)

specs: tuple[FieldSpec, ...] = fields(RecordKind.PENALTY, StandardVersion.V2018)
spec: FieldSpec = field_by_code("CF_WSH", RecordKind.PENALTY)
code: str = spec.code
length: int | None = spec.length
ftype: FieldType = spec.type
req: RequirementKind = spec.requirement.kind
certain: bool = spec.certain
resolved: FieldSpec | None = resolve_header("处罚类别", RecordKind.PENALTY)
kind: RecordKind | None = detect_kind(["CF_WSH"], StandardVersion.V2018)
sure: RecordKind = resolve_kind(["CF_WSH"], "penalty", StandardVersion.V2018)
cls: type[AnyRecord] = record_class(RecordKind.LICENSE)

rec = PenaltyRecord(decision_no="X", fine_amount=Decimal("0.2"), decision_date=date(2024, 1, 1))
fine: Decimal | None = rec.fine_amount
category: SubjectCategory | None = rec.subject_category
lic = LicenseRecord(valid_to=OPEN_ENDED)
open_ended: bool = lic.is_open_ended

opts = ValidationOptions(legal_rep_id_required=True, severity={"amount.large": Severity.ERROR})
issues: list[Issue] = validate(rec, as_of=date(2024, 6, 1), options=opts)
first_field: str | None = issues[0].field
row_no: int | None = issues[0].with_row(3).row

raw: Mapping[str, object] = {"CF_WSH": "X", "CF_JDRQ": date(2024, 1, 1), "CF_NR_FK": 0.2}
result: RowResult = check_row(raw, RecordKind.PENALTY, as_of=date(2024, 6, 1))
built: LicenseRecord | PenaltyRecord | License2015Record | Penalty2015Record | None = result.record
found: tuple[Issue, ...] = result.issues
parsed: RowResult = parse_row(raw, RecordKind.PENALTY, version=StandardVersion.V2018)
open_words: frozenset[str] = OPEN_ENDED_WORDS
has_errors: bool = result.has_errors
catalogue: Mapping[str, IssueSpec] = ISSUE_CATALOGUE
severity: Severity = issue_spec("uscc.checksum").severity

day: date = parse_date("2024/01/05")
amount: Decimal = parse_amount("0.2")
cats: PenaltyCategories = parse_penalty_categories("警告；罚款")
types: tuple[PenaltyType, ...] = cats.types

up: Conversion[PenaltyRecord] = to_2018(Penalty2015Record(category1="1"))
up_lic: Conversion[LicenseRecord] = to_2018(License2015Record())
down: Conversion[Penalty2015Record] = to_2015(rec)
new_rec: PenaltyRecord = up.record
missing: tuple[str, ...] = up.missing

row: dict[str, str | None] = to_mapping(rec, keys=KeyStyle.NAME_ZH, date_format=DateFormat.ISO)
back: PenaltyRecord = from_mapping(row, PenaltyRecord)
cols: list[str] = headers(RecordKind.PENALTY, keys=KeyStyle.ATTR)
text: str = format_date(day, DateFormat.COMPACT)
conv: cattrs.Converter = make_converter(keys=KeyStyle.CODE, empty="")
loaded: ValidationOptions = ValidationOptions.from_mapping({"fine_amount_required": False})
kinds: tuple[PenaltyType, ...] = rec.penalty_types
aliases: Mapping[str, SubjectCategory] = DEFAULT_SUBJECT_CATEGORY_ALIASES
strict_categories = ValidationOptions(subject_category_aliases={})
from_file: ValidationOptions = ValidationOptions.from_file("options.toml")
checks = ColumnChecks(RecordKind.PENALTY, StandardVersion.V2018, as_of=day, options=loaded)
supported: bool = checks.supported
codes_read: tuple[str, ...] = checks.codes
