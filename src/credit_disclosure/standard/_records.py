"""Record classes of the 2018 and 2015 standards (frozen attrs, attribute names from the metadata).

The records know nothing of CSV or JSON: :mod:`credit_disclosure.convert` reads
and writes them, :func:`~credit_disclosure.standard.check_row` builds them from raw rows.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, ClassVar, Final

import attrs

from .._text import redact
from ._codes import PenaltyType, SubjectCategory
from ._fields import RecordKind, StandardVersion
from ._parsing import parse_penalty_categories

__all__ = [
    "OPEN_ENDED",
    "AnyRecord",
    "License2015Record",
    "LicenseRecord",
    "Penalty2015Record",
    "PenaltyRecord",
    "record_class",
]

#: 有效期至 = 2099/12/31 means open-ended (长期) in the exchange files (790号).
OPEN_ENDED: Final = date(2099, 12, 31)


def _mask(value: str | None) -> str:
    # Identity numbers are personal data: never in a repr (docs/privacy.md).
    if value is None:
        return "None"
    return repr(value[:2] + "*" * max(len(value) - 2, 0))


def _mask_name(value: str) -> str:
    return repr(value[:1] + "*" * max(len(value) - 1, 0))


def _is_person(record: object) -> bool:
    """Whether the record's subject is a natural person (or looks like one: no category, an ID)."""
    category = getattr(record, "subject_category", None)
    if category is not None:
        return category is SubjectCategory.NATURAL_PERSON
    return getattr(record, "cert_no", None) is not None or (
        getattr(record, "resident_id", None) is not None
    )


def _record_repr(self: Any) -> str:
    """The attrs-style repr with personal data masked (docs/privacy.md).

    Identity numbers keep their first two characters (the province), names of
    natural persons their first character: the subject's name when the subject
    is a natural person, and the legal representative's name always. Every other
    value is shown through :func:`~credit_disclosure._text.redact`, so an identity
    number in any field (违法事实, 统一社会信用代码, 备注) is hidden too.
    """
    person = _is_person(self)
    parts = []
    for a in attrs.fields(type(self)):
        value = getattr(self, a.name)
        masked = a.name in _PERSON_NAMES or (person and a.name == "subject_name")
        if masked and value is not None:
            text = _mask_name(value)
        elif callable(a.repr):
            text = a.repr(value)
        else:
            # Any field may hold an identity number (违法事实, a credit-code field filled
            # with a person's ID, 备注): every value goes through redact().
            text = redact(repr(value))
        parts.append(f"{a.name}={text}")
    return f"{type(self).__name__}({', '.join(parts)})"


_PERSON_NAMES: Final = frozenset({"legal_rep"})


@attrs.frozen(kw_only=True, repr=False)
class LicenseRecord:
    """A licence record (行政许可) of the 2018 standard: 28 fields (790号).

    Attribute names come from the field metadata (:func:`fields`); every field
    is optional at the type level so that incomplete records can be built and
    validated. Personal data is masked in the ``repr``: identity numbers, the
    name of a subject who is a natural person, the legal representative's name.

    >>> from datetime import date
    >>> r = LicenseRecord(subject_name="某某科技有限公司", valid_to=OPEN_ENDED)
    >>> r.subject_name, r.is_open_ended
    ('某某科技有限公司', True)
    """

    kind: ClassVar[RecordKind] = RecordKind.LICENSE
    version: ClassVar[StandardVersion] = StandardVersion.V2018
    __repr__ = _record_repr

    #: XK_XDR_MC 行政相对人名称
    subject_name: str | None = None
    #: XK_XDR_LB 行政相对人类别
    subject_category: SubjectCategory | None = None
    #: XK_XDR_SHXYM 统一社会信用代码
    credit_code: str | None = None
    #: XK_XDR_GSZC 工商注册号
    business_reg_no: str | None = None
    #: XK_XDR_ZZJG 组织机构代码
    org_code: str | None = None
    #: XK_XDR_SWDJ 税务登记号
    tax_reg_no: str | None = None
    #: XK_XDR_SYDW 事业单位证书号
    institution_cert_no: str | None = None
    #: XK_XDR_SHZZ 社会组织登记证号
    social_org_reg_no: str | None = None
    #: XK_FRDB 法定代表人
    legal_rep: str | None = None
    #: XK_FR_ZJLX 法定代表人证件类型
    legal_rep_cert_type: str | None = None
    #: XK_FR_ZJHM 法定代表人证件号码
    legal_rep_cert_no: str | None = attrs.field(default=None, repr=_mask)
    #: XK_XDR_ZJLX 证件类型
    cert_type: str | None = None
    #: XK_XDR_ZJHM 证件号码
    cert_no: str | None = attrs.field(default=None, repr=_mask)
    #: XK_XKWS 行政许可决定文书名称
    decision_doc_name: str | None = None
    #: XK_WSH 行政许可决定文书号
    decision_no: str | None = None
    #: XK_XKLB 许可类别
    license_category: str | None = None
    #: XK_XKZS 许可证书名称
    certificate_name: str | None = None
    #: XK_XKBH 许可编号
    license_no: str | None = None
    #: XK_NR 许可内容
    content: str | None = None
    #: XK_JDRQ 许可决定日期
    decision_date: date | None = None
    #: XK_YXQZ 有效期自
    valid_from: date | None = None
    #: XK_YXQZI 有效期至
    valid_to: date | None = None
    #: XK_XKJG 许可机关
    authority: str | None = None
    #: XK_XKJGDM 许可机关统一社会信用代码
    authority_code: str | None = None
    #: XK_ZT 当前状态
    status: str | None = None
    #: XK_LYDW 数据来源单位
    source_unit: str | None = None
    #: XK_LYDWDM 数据来源单位统一社会信用代码
    source_unit_code: str | None = None
    #: BZ 备注
    remarks: str | None = None

    @property
    def is_open_ended(self) -> bool:
        """Whether 有效期至 is the open-ended date 2099/12/31 (长期)."""
        return self.valid_to == OPEN_ENDED


@attrs.frozen(kw_only=True, repr=False)
class PenaltyRecord:
    """A penalty record (行政处罚) of the 2018 standard: 30 fields (790号).

    Amounts are in 万元 (10,000 yuan) as :class:`~decimal.Decimal`; ``penalty_categories``
    keeps the 处罚类别 text as written (see :func:`parse_penalty_categories`).

    >>> from decimal import Decimal
    >>> r = PenaltyRecord(decision_no="京市监罚〔2024〕1号", fine_amount=Decimal("0.2"),
    ...                   cert_no="11010519491231002X")
    >>> r.fine_amount
    Decimal('0.2')
    >>> "11010519491231002X" in repr(r)
    False
    """

    kind: ClassVar[RecordKind] = RecordKind.PENALTY
    version: ClassVar[StandardVersion] = StandardVersion.V2018
    __repr__ = _record_repr

    #: CF_XDR_MC 行政相对人名称
    subject_name: str | None = None
    #: CF_XDR_LB 行政相对人类别
    subject_category: SubjectCategory | None = None
    #: CF_XDR_SHXYM 统一社会信用代码
    credit_code: str | None = None
    #: CF_XDR_GSZC 工商注册号
    business_reg_no: str | None = None
    #: CF_XDR_ZZJG 组织机构代码
    org_code: str | None = None
    #: CF_XDR_SWDJ 税务登记号
    tax_reg_no: str | None = None
    #: CF_XDR_SYDW 事业单位证书号
    institution_cert_no: str | None = None
    #: CF_XDR_SHZZ 社会组织登记证号
    social_org_reg_no: str | None = None
    #: CF_FRDB 法定代表人
    legal_rep: str | None = None
    #: CF_FR_ZJLX 法定代表人证件类型
    legal_rep_cert_type: str | None = None
    #: CF_FR_ZJHM 法定代表人证件号码
    legal_rep_cert_no: str | None = attrs.field(default=None, repr=_mask)
    #: CF_XDR_ZJLX 证件类型
    cert_type: str | None = None
    #: CF_XDR_ZJHM 证件号码
    cert_no: str | None = attrs.field(default=None, repr=_mask)
    #: CF_WSH 行政处罚决定书文号
    decision_no: str | None = None
    #: CF_WFXW 违法行为类型
    violation_type: str | None = None
    #: CF_SY 违法事实
    violation_facts: str | None = None
    #: CF_YJ 处罚依据
    legal_basis: str | None = None
    #: CF_CFLB 处罚类别
    penalty_categories: str | None = None
    #: CF_NR 处罚内容
    content: str | None = None
    #: CF_NR_FK 罚款金额（万元）
    fine_amount: Decimal | None = None
    #: CF_NR_WFFF 没收违法所得、没收非法财物的金额（万元）
    confiscation_amount: Decimal | None = None
    #: CF_NR_ZKDX 暂扣或吊销证照名称及编号
    suspended_permit: str | None = None
    #: CF_JDRQ 处罚决定日期
    decision_date: date | None = None
    #: CF_YXQ 处罚有效期
    valid_until: date | None = None
    #: CF_GSJZQ 公示截止期
    publication_end: date | None = None
    #: CF_CFJG 处罚机关
    authority: str | None = None
    #: CF_CFJGDM 处罚机关统一社会信用代码
    authority_code: str | None = None
    #: CF_SJLY 数据来源单位
    source_unit: str | None = None
    #: CF_SJLYDM 数据来源单位统一社会信用代码
    source_unit_code: str | None = None
    #: BZ 备注
    remarks: str | None = None

    @property
    def penalty_types(self) -> tuple[PenaltyType, ...]:
        """处罚类别 read as 第九条 types with the default separators and aliases.

        Parts that name no type are left out (``validate`` reports them).

        >>> PenaltyRecord(penalty_categories="警告、罚款").penalty_types
        (<PenaltyType.WARNING: '警告'>, <PenaltyType.FINE: '罚款'>)
        """
        if self.penalty_categories is None:
            return ()
        return parse_penalty_categories(self.penalty_categories).types


@attrs.frozen(kw_only=True, repr=False)
class License2015Record:
    """A licence record of the 2015 standard: 18 fields (docs/sources.md#src-2015-standard).

    >>> License2015Record(approval_category="3").approval_category
    '3'
    """

    kind: ClassVar[RecordKind] = RecordKind.LICENSE
    version: ClassVar[StandardVersion] = StandardVersion.V2015
    __repr__ = _record_repr

    #: XK_WSH 行政许可决定书文号
    decision_no: str | None = None
    #: XK_XMMC 项目名称
    project_name: str | None = None
    #: XK_SPLB 审批类别
    approval_category: str | None = None
    #: XK_NR 许可内容
    content: str | None = None
    #: XK_XDR 行政相对人名称
    subject_name: str | None = None
    #: XK_XDR_SHXYM 统一社会信用代码
    credit_code: str | None = None
    #: XK_XDR_ZDM 组织机构代码
    org_code: str | None = None
    #: XK_XDR_GSDJ 工商登记码
    business_reg_no: str | None = None
    #: XK_XDR_SWDJ 税务登记号
    tax_reg_no: str | None = None
    #: XK_XDR_SFZ 居民身份证号
    resident_id: str | None = attrs.field(default=None, repr=_mask)
    #: XK_FR 法定代表人姓名
    legal_rep: str | None = None
    #: XK_JDRQ 许可决定日期
    decision_date: date | None = None
    #: XK_JZQ 许可截止期
    valid_to: date | None = None
    #: XK_XZJG 许可机关
    authority: str | None = None
    #: XK_ZT 当前状态
    status: str | None = None
    #: DFBM 地方编码
    local_code: str | None = None
    #: SJC 数据更新时间戳
    timestamp: str | None = None
    #: BZ 备注
    remarks: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class Penalty2015Record:
    """A penalty record of the 2015 standard: 20 fields (docs/sources.md#src-2015-standard).

    >>> Penalty2015Record(category1="1", category2="0").category1
    '1'
    """

    kind: ClassVar[RecordKind] = RecordKind.PENALTY
    version: ClassVar[StandardVersion] = StandardVersion.V2015
    __repr__ = _record_repr

    #: CF_WSH 行政处罚决定书文号
    decision_no: str | None = None
    #: CF_CFMC 处罚名称
    penalty_name: str | None = None
    #: CF_CFLB1 处罚类别1
    category1: str | None = None
    #: CF_CFLB2 处罚类别2
    category2: str | None = None
    #: CF_SY 处罚事由
    reason: str | None = None
    #: CF_YJ 处罚依据
    legal_basis: str | None = None
    #: CF_XDR_MC 行政相对人名称
    subject_name: str | None = None
    #: CF_XDR_SHXYM 统一社会信用代码
    credit_code: str | None = None
    #: CF_XDR_ZDM 组织机构代码
    org_code: str | None = None
    #: CF_XDR_GSDJ 工商登记码
    business_reg_no: str | None = None
    #: CF_XDR_SWDJ 税务登记号
    tax_reg_no: str | None = None
    #: CF_XDR_SFZ 居民身份证号
    resident_id: str | None = attrs.field(default=None, repr=_mask)
    #: CF_FR 法定代表人姓名
    legal_rep: str | None = None
    #: CF_JG 处罚结果
    result: str | None = None
    #: CF_JDRQ 处罚决定日期
    decision_date: date | None = None
    #: CF_XZJG 处罚机关
    authority: str | None = None
    #: CF_ZT 当前状态
    status: str | None = None
    #: DFBM 地方编码
    local_code: str | None = None
    #: SJC 数据更新时间戳
    timestamp: str | None = None
    #: BZ 备注
    remarks: str | None = None


#: Any record class of either standard.
AnyRecord = LicenseRecord | PenaltyRecord | License2015Record | Penalty2015Record

_CLASSES: Final[dict[tuple[RecordKind, StandardVersion], type[AnyRecord]]] = {
    (RecordKind.LICENSE, StandardVersion.V2018): LicenseRecord,
    (RecordKind.PENALTY, StandardVersion.V2018): PenaltyRecord,
    (RecordKind.LICENSE, StandardVersion.V2015): License2015Record,
    (RecordKind.PENALTY, StandardVersion.V2015): Penalty2015Record,
}


def record_class(
    kind: RecordKind, version: StandardVersion = StandardVersion.V2018
) -> type[AnyRecord]:
    """The record class for ``kind`` and ``version``.

    >>> record_class(RecordKind.PENALTY).__name__
    'PenaltyRecord'
    >>> record_class(RecordKind.LICENSE, StandardVersion.V2015).__name__
    'License2015Record'
    """
    return _CLASSES[kind, version]
