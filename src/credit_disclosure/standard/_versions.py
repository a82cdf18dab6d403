"""Conversion between the 2015 and the 2018 standard, with a report of what did not map.

The field mapping below is our reading (docs/sources.md#src-2015-standard) of the 2015 field list
and code lists) against 790号. Several 2015 fields have no 2018 counterpart
(项目名称, 当前状态 beyond 正常/撤销, 地方编码, 数据更新时间戳) and several 2018
fields have no 2015 source (违法行为类型, the authorities' credit codes, 数据来源单位):
both are reported, never guessed. Values are never copied into the report (they
may be personal data): only field codes and reasons.
"""

from __future__ import annotations

import re
from typing import Any, Final, Generic, TypeVar, overload

import attrs

from .._text import compact_identifier, to_halfwidth
from ._codes import (
    ApprovalCategory2015,
    CertificateType,
    PenaltyCategory2015,
    PenaltyType,
    SubjectCategory,
)
from ._fields import RecordKind, RequirementKind, StandardVersion, fields
from ._parsing import PLACEHOLDER_CREDIT_CODE, parse_penalty_categories
from ._records import License2015Record, LicenseRecord, Penalty2015Record, PenaltyRecord

__all__ = ["Conversion", "Unmapped", "to_2015", "to_2018"]

R = TypeVar("R", LicenseRecord, PenaltyRecord, License2015Record, Penalty2015Record)


@attrs.frozen
class Unmapped:
    """A source field whose value has no place in the target standard (value not included).

    >>> print(Unmapped("DFBM", "no 2018 field"))
    DFBM: no 2018 field
    """

    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.field}: {self.reason}"


@attrs.frozen
class Conversion(Generic[R]):
    """The converted record and what could not be carried over.

    ``unmapped``: source fields with a value that was dropped or only partly
    carried over; ``missing``: target fields the standard requires that the
    source cannot fill; ``notes``: changes of meaning worth a look.

    >>> c = to_2018(Penalty2015Record(decision_no="X罚〔2016〕1号", local_code="510100"))
    >>> c.record.decision_no, [u.field for u in c.unmapped]
    ('X罚〔2016〕1号', ['DFBM'])
    >>> "CF_CFJGDM" in c.missing
    True
    """

    record: R
    unmapped: tuple[Unmapped, ...] = ()
    missing: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        """Whether nothing was dropped and nothing required is missing.

        >>> to_2015(LicenseRecord(license_no="JY1")).complete
        False
        """
        return not self.unmapped and not self.missing


def _missing(record: object, kind: RecordKind, version: StandardVersion) -> tuple[str, ...]:
    return tuple(
        f.code
        for f in fields(kind, version)
        if f.requirement.kind is RequirementKind.REQUIRED and getattr(record, f.attr) is None
    )


def _infer_category(
    credit_code: str | None, resident_id: str | None, org_code: str | None
) -> SubjectCategory | None:
    # The 2015 standard has no 行政相对人类别: infer it from the identifiers given.
    if credit_code:
        compact = compact_identifier(credit_code)
        if compact == PLACEHOLDER_CREDIT_CODE or compact.startswith("92"):
            return SubjectCategory.INDIVIDUAL_BUSINESS
        return SubjectCategory.LEGAL_PERSON
    if org_code:
        return SubjectCategory.LEGAL_PERSON
    if resident_id:
        return SubjectCategory.NATURAL_PERSON
    return None


def _subject_to_2018(
    rec: License2015Record | Penalty2015Record, prefix: str, notes: list[str]
) -> dict[str, Any]:
    """The subject's fields of a 2018 record: the same for both kinds (居民身份证号 -> 身份证)."""
    subject = _infer_category(rec.credit_code, rec.resident_id, rec.org_code)
    if subject is not None:
        notes.append(f"{prefix}_XDR_LB inferred from the identifiers given")
    return {
        "subject_name": rec.subject_name,
        "subject_category": subject,
        "credit_code": rec.credit_code,
        "business_reg_no": rec.business_reg_no,
        "org_code": rec.org_code,
        "tax_reg_no": rec.tax_reg_no,
        "legal_rep": rec.legal_rep,
        "cert_type": CertificateType.RESIDENT_ID.value if rec.resident_id else None,
        "cert_no": rec.resident_id,
    }


def _local_fields(rec: License2015Record | Penalty2015Record, unmapped: list[Unmapped]) -> None:
    # 地方编码 and 数据更新时间戳 are 2015 bookkeeping with no 2018 field.
    for code, value in (("DFBM", rec.local_code), ("SJC", rec.timestamp)):
        if value is not None:
            unmapped.append(Unmapped(code, "no 2018 field"))


def _subject_to_2015(
    rec: LicenseRecord | PenaltyRecord, dropped: frozenset[str], unmapped: list[Unmapped]
) -> dict[str, Any]:
    """The subject's fields of a 2015 record; 2018 fields in ``dropped`` with a value are reported."""
    resident_id = None
    if rec.cert_no is not None:
        if rec.cert_type == CertificateType.RESIDENT_ID.value:
            resident_id = rec.cert_no
        else:
            unmapped.append(Unmapped(f"{_PREFIX[rec.kind]}_XDR_ZJHM", "2015 only has 居民身份证号"))
    for f in fields(rec.kind):
        if f.attr in dropped and getattr(rec, f.attr) is not None:
            unmapped.append(Unmapped(f.code, "no 2015 field"))
    return {
        "subject_name": rec.subject_name,
        "credit_code": rec.credit_code,
        "org_code": rec.org_code,
        "business_reg_no": rec.business_reg_no,
        "tax_reg_no": rec.tax_reg_no,
        "resident_id": resident_id,
        "legal_rep": rec.legal_rep,
    }


_PREFIX: Final = {RecordKind.LICENSE: "XK", RecordKind.PENALTY: "CF"}
_STATUS_2015_TO_2018: Final = {"0": "1", "": "1", "1": "2"}
_STATUS_2018_TO_2015: Final = {"1": "0", "2": "1"}
_CODE_SPLIT: Final = re.compile(r"[;；,，、\s]+")


def _license_to_2018(rec: License2015Record) -> Conversion[LicenseRecord]:
    unmapped: list[Unmapped] = []
    notes: list[str] = []
    category = None
    if rec.approval_category is not None:
        code = rec.approval_category.strip()
        try:
            approval = ApprovalCategory2015(code[:1])
        except ValueError:
            unmapped.append(Unmapped("XK_SPLB", "not a 2015 审批类别 code"))
        else:
            category = approval.label
            if approval is ApprovalCategory2015.OTHER:
                named = code[1:].lstrip("-—:： ")
                category = f"其他-{named}" if named else "其他"
    status = None
    if rec.status is not None:
        status = _STATUS_2015_TO_2018.get(rec.status.strip())
        if status is None:
            unmapped.append(Unmapped("XK_ZT", "2015 当前状态 异议/其他 has no 2018 code"))
    if rec.project_name is not None:
        unmapped.append(Unmapped("XK_XMMC", "项目名称 has no 2018 field"))
    _local_fields(rec, unmapped)
    out = LicenseRecord(
        **_subject_to_2018(rec, "XK", notes),
        decision_no=rec.decision_no,
        license_category=category,
        content=rec.content,
        decision_date=rec.decision_date,
        valid_to=rec.valid_to,
        authority=rec.authority,
        status=status,
        remarks=rec.remarks,
    )
    return Conversion(
        out,
        tuple(unmapped),
        _missing(out, RecordKind.LICENSE, StandardVersion.V2018),
        tuple(notes),
    )


def _penalty_to_2018(rec: Penalty2015Record) -> Conversion[PenaltyRecord]:
    unmapped: list[Unmapped] = []
    notes = ["CF_SY meant 处罚事由 in 2015 and 违法事实 in 2018: check the text"]
    types: list[PenaltyType] = []
    codes = [rec.category1 or ""]
    if rec.category2:
        codes += _CODE_SPLIT.split(to_halfwidth(rec.category2))
    for code in codes:
        code = code.strip()
        if not code:
            continue
        try:
            category = PenaltyCategory2015(code)
        except ValueError:
            unmapped.append(
                Unmapped(
                    "CF_CFLB2" if code != rec.category1 else "CF_CFLB1", "not a 2015 处罚类别 code"
                )
            )
            continue
        if category is PenaltyCategory2015.SUSPENSION_OR_REVOCATION:
            notes.append(
                "2015 处罚类别 4 (暂扣或者吊销) covers two 2018 types: check which applies"
            )
        types.extend(t for t in category.types if t not in types)
    if rec.status is not None and rec.status.strip() not in ("", "0"):
        unmapped.append(Unmapped("CF_ZT", "the 2018 penalty record has no 当前状态"))
    if rec.penalty_name is not None:
        unmapped.append(Unmapped("CF_CFMC", "处罚名称 has no 2018 field"))
    _local_fields(rec, unmapped)
    out = PenaltyRecord(
        **_subject_to_2018(rec, "CF", notes),
        decision_no=rec.decision_no,
        violation_facts=rec.reason,
        legal_basis=rec.legal_basis,
        penalty_categories="；".join(t.value for t in types) or None,
        content=rec.result,
        decision_date=rec.decision_date,
        authority=rec.authority,
        remarks=rec.remarks,
    )
    return Conversion(
        out,
        tuple(unmapped),
        _missing(out, RecordKind.PENALTY, StandardVersion.V2018),
        tuple(notes),
    )


_TYPE_TO_2015: Final[dict[PenaltyType, PenaltyCategory2015]] = {
    t: c for c in reversed(PenaltyCategory2015) for t in c.types
}
_CATEGORY_TO_2015: Final[dict[str, ApprovalCategory2015]] = {
    c.label: c for c in ApprovalCategory2015
}


def _license_to_2015(rec: LicenseRecord) -> Conversion[License2015Record]:
    unmapped: list[Unmapped] = []
    approval = None
    if rec.license_category is not None:
        cat = rec.license_category
        found = _CATEGORY_TO_2015.get(cat)
        if found is not None:
            approval = found.value
        elif cat.startswith("其他"):
            approval = ApprovalCategory2015.OTHER.value
            unmapped.append(Unmapped("XK_XKLB", "the name of the 其他 category is dropped"))
        else:
            unmapped.append(Unmapped("XK_XKLB", "not a 2018 许可类别"))
    status = None
    if rec.status is not None:
        status = _STATUS_2018_TO_2015.get(rec.status)
        if status is None:
            unmapped.append(Unmapped("XK_ZT", "not a 2018 当前状态 code"))
    out = License2015Record(
        **_subject_to_2015(rec, _LICENSE_DROPPED, unmapped),
        decision_no=rec.decision_no,
        approval_category=approval,
        content=rec.content,
        decision_date=rec.decision_date,
        valid_to=rec.valid_to,
        authority=rec.authority,
        status=status,
        remarks=rec.remarks,
    )
    return Conversion(
        out, tuple(unmapped), _missing(out, RecordKind.LICENSE, StandardVersion.V2015)
    )


# 2018 fields the 2015 records have no place for: the subject's, then each kind's own.
_SUBJECT_DROPPED: Final = frozenset(
    {
        "subject_category",
        "institution_cert_no",
        "social_org_reg_no",
        "legal_rep_cert_type",
        "legal_rep_cert_no",
        "authority_code",
        "source_unit",
        "source_unit_code",
    }
)
_LICENSE_DROPPED: Final = _SUBJECT_DROPPED | frozenset(
    {
        "decision_doc_name",
        "certificate_name",
        "license_no",
        "valid_from",
    }
)
_PENALTY_DROPPED: Final = _SUBJECT_DROPPED | frozenset(
    {
        "violation_type",
        "fine_amount",
        "confiscation_amount",
        "suspended_permit",
        "valid_until",
        "publication_end",
    }
)


def _penalty_to_2015(rec: PenaltyRecord) -> Conversion[Penalty2015Record]:
    unmapped: list[Unmapped] = []
    notes = ["CF_SY: 违法事实 (2018) written as 处罚事由 (2015)"]
    codes: list[str] = []
    if rec.penalty_categories is not None:
        parsed = parse_penalty_categories(rec.penalty_categories)
        for t in parsed.types:
            code = _TYPE_TO_2015.get(t, PenaltyCategory2015.OTHER).value
            if t not in _TYPE_TO_2015:
                notes.append(f"{t.value} has no 2015 code: written as 6 (其他)")
            if code not in codes:
                codes.append(code)
        if parsed.unknown:
            unmapped.append(Unmapped("CF_CFLB", "a category is not a 第九条 type"))
    out = Penalty2015Record(
        **_subject_to_2015(rec, _PENALTY_DROPPED, unmapped),
        decision_no=rec.decision_no,
        category1=codes[0] if codes else None,
        category2=",".join(codes[1:]) or None,
        reason=rec.violation_facts,
        legal_basis=rec.legal_basis,
        result=rec.content,
        decision_date=rec.decision_date,
        authority=rec.authority,
        remarks=rec.remarks,
    )
    return Conversion(
        out,
        tuple(unmapped),
        _missing(out, RecordKind.PENALTY, StandardVersion.V2015),
        tuple(notes),
    )


@overload
def to_2018(record: License2015Record) -> Conversion[LicenseRecord]: ...
@overload
def to_2018(record: Penalty2015Record) -> Conversion[PenaltyRecord]: ...
def to_2018(
    record: License2015Record | Penalty2015Record,
) -> Conversion[LicenseRecord] | Conversion[PenaltyRecord]:
    """Convert a 2015 record to the 2018 standard, reporting what did not map.

    Code lists are translated (审批类别 ``3`` to 许可类别 核准, 处罚类别 codes to
    第九条 names joined with ``；``), 居民身份证号 becomes 证件类型 身份证 + 证件号码,
    and 行政相对人类别 is inferred from the identifiers (a note says so).

    >>> c = to_2018(Penalty2015Record(category1="1", category2="0,2", result="罚款2000元"))
    >>> c.record.penalty_categories, c.record.content
    ('罚款；警告；没收违法所得；没收非法财物', '罚款2000元')
    >>> to_2018(License2015Record(approval_category="3")).record.license_category
    '核准'
    """
    if isinstance(record, License2015Record):
        return _license_to_2018(record)
    return _penalty_to_2018(record)


@overload
def to_2015(record: LicenseRecord) -> Conversion[License2015Record]: ...
@overload
def to_2015(record: PenaltyRecord) -> Conversion[Penalty2015Record]: ...
def to_2015(
    record: LicenseRecord | PenaltyRecord,
) -> Conversion[License2015Record] | Conversion[Penalty2015Record]:
    """Convert a 2018 record to the 2015 standard, reporting what did not map.

    The 2015 standard has fewer fields: everything without a place is listed in
    :attr:`Conversion.unmapped`; 2015 fields without a 2018 source (项目名称,
    地方编码) are listed in :attr:`Conversion.missing`.

    >>> c = to_2015(PenaltyRecord(penalty_categories="警告、通报批评、罚款",
    ...                           source_unit="某某市市场监督管理局"))
    >>> c.record.category1, c.record.category2
    ('0', '6,1')
    >>> [u.field for u in c.unmapped]
    ['CF_SJLY']
    """
    if isinstance(record, LicenseRecord):
        return _license_to_2015(record)
    return _penalty_to_2015(record)
