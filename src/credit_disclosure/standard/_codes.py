"""Code lists shared by the data standard, the policies and the privacy profiles.

Sources: 发改办财金〔2018〕790号 (行政相对人类别); 《中华人民共和国行政处罚法》(2021) 第九条
(types of administrative penalty).
"""

from __future__ import annotations

import enum

__all__ = [
    "ApprovalCategory2015",
    "CertificateType",
    "LicenseCategory",
    "LicenseStatus",
    "PenaltyCategory2015",
    "PenaltyType",
    "Status2015",
    "SubjectCategory",
]


class SubjectCategory(enum.Enum):
    """行政相对人类别: who a licence or penalty is about (790号, field ``*_XDR_LB``).

    The value is the text the 2018 standard writes in the field.

    >>> SubjectCategory("自然人")
    <SubjectCategory.NATURAL_PERSON: '自然人'>
    >>> SubjectCategory.INDIVIDUAL_BUSINESS.value
    '个体工商户'
    """

    #: 法人及非法人组织: companies, public institutions, social organisations, ...
    LEGAL_PERSON = "法人及非法人组织"
    #: 自然人: a natural person (personal data: masked for the portal)
    NATURAL_PERSON = "自然人"
    #: 个体工商户: an individual business (may hold the ``00000000000000000X`` placeholder code)
    INDIVIDUAL_BUSINESS = "个体工商户"


class PenaltyType(enum.Enum):
    """Types of administrative penalty, 《行政处罚法》(2021) 第九条.

    The value is the statutory Chinese name. Article 9 groups them as:
    (一) 警告、通报批评; (二) 罚款、没收违法所得、没收非法财物;
    (三) 暂扣许可证件、降低资质等级、吊销许可证件;
    (四) 限制开展生产经营活动、责令停产停业、责令关闭、限制从业; (五) 行政拘留;
    (六) 法律、行政法规规定的其他行政处罚.

    >>> PenaltyType("罚款")
    <PenaltyType.FINE: '罚款'>
    >>> PenaltyType.REVOCATION_OF_PERMIT.value
    '吊销许可证件'
    """

    WARNING = "警告"
    CIRCULATED_CRITICISM = "通报批评"
    FINE = "罚款"
    CONFISCATION_OF_ILLEGAL_GAINS = "没收违法所得"
    CONFISCATION_OF_ILLEGAL_PROPERTY = "没收非法财物"
    SUSPENSION_OF_PERMIT = "暂扣许可证件"
    DEMOTION_OF_QUALIFICATION = "降低资质等级"
    REVOCATION_OF_PERMIT = "吊销许可证件"
    RESTRICTION_OF_BUSINESS = "限制开展生产经营活动"
    ORDER_TO_SUSPEND_PRODUCTION = "责令停产停业"
    ORDER_TO_CLOSE = "责令关闭"
    RESTRICTION_OF_EMPLOYMENT = "限制从业"
    ADMINISTRATIVE_DETENTION = "行政拘留"
    OTHER = "其他"


class CertificateType(enum.Enum):
    """证件类型: the certificate a natural person or legal representative is identified by.

    Values as seen in the 2018 exchange files (docs/sources.md#src-790, certainty M). A
    value starting with ``其他-`` names any other certificate and is accepted as text.

    >>> CertificateType("身份证")
    <CertificateType.RESIDENT_ID: '身份证'>
    """

    #: 居民身份证 (GB 11643-1999), checked with ``identifiers.resident_id``
    RESIDENT_ID = "身份证"
    #: passport (the standard's list writes 护照号)
    PASSPORT = "护照号"
    #: 港澳居民来往内地通行证
    HK_MACAO_PERMIT = "港澳居民来往内地通行证"
    #: 台湾居民来往大陆通行证
    TAIWAN_PERMIT = "台湾居民来往大陆通行证"
    #: 外国人永久居留身份证, checked with ``identifiers.foreign_permanent_id``
    FOREIGN_PERMANENT_ID = "外国人永久居留身份证"


class LicenseCategory(enum.Enum):
    """许可类别 (790号 行政许可 第16项). ``其他`` is written with the category's name.

    >>> LicenseCategory("核准").name
    'APPROVAL'
    """

    ORDINARY = "普通"
    FRANCHISE = "特许"
    RECOGNITION = "认可"
    APPROVAL = "核准"
    REGISTRATION = "登记"
    OTHER = "其他"


class LicenseStatus(enum.Enum):
    """当前状态 of a 2018 licence record (790号 行政许可 第25项).

    The codes are our best reading (docs/sources.md#src-790, certainty ?): the accepted
    set is ``ValidationOptions.license_status_codes``.

    >>> LicenseStatus("1")
    <LicenseStatus.VALID: '1'>
    """

    #: 有效
    VALID = "1"
    #: 无效
    INVALID = "2"


class ApprovalCategory2015(enum.Enum):
    """审批类别 of the 2015 licence record (XK_SPLB), a one-digit code.

    >>> ApprovalCategory2015("3").label
    '核准'
    """

    ORDINARY = "0"
    FRANCHISE = "1"
    RECOGNITION = "2"
    APPROVAL = "3"
    REGISTRATION = "4"
    OTHER = "5"

    @property
    def label(self) -> str:
        """The Chinese name of the category, as the 2018 standard writes it."""
        return _APPROVAL_LABELS[self]


_APPROVAL_LABELS: dict[ApprovalCategory2015, str] = {
    ApprovalCategory2015.ORDINARY: "普通",
    ApprovalCategory2015.FRANCHISE: "特许",
    ApprovalCategory2015.RECOGNITION: "认可",
    ApprovalCategory2015.APPROVAL: "核准",
    ApprovalCategory2015.REGISTRATION: "登记",
    ApprovalCategory2015.OTHER: "其他",
}


class PenaltyCategory2015(enum.Enum):
    """处罚类别 of the 2015 penalty record (CF_CFLB1 / CF_CFLB2), a one-digit code.

    The list follows the 1996 行政处罚法 第八条; :attr:`types` maps each code to the
    2021 第九条 types it covers.

    >>> PenaltyCategory2015("2").label
    '没收违法所得、没收非法财物'
    >>> [t.value for t in PenaltyCategory2015("2").types]
    ['没收违法所得', '没收非法财物']
    """

    WARNING = "0"
    FINE = "1"
    CONFISCATION = "2"
    ORDER_TO_SUSPEND_PRODUCTION = "3"
    SUSPENSION_OR_REVOCATION = "4"
    ADMINISTRATIVE_DETENTION = "5"
    OTHER = "6"

    @property
    def label(self) -> str:
        """The Chinese name in the 2015 code list."""
        return _PENALTY_2015_LABELS[self][0]

    @property
    def types(self) -> tuple[PenaltyType, ...]:
        """The 2021 行政处罚法 第九条 types this 2015 code covers."""
        return _PENALTY_2015_LABELS[self][1]


_PENALTY_2015_LABELS: dict[PenaltyCategory2015, tuple[str, tuple[PenaltyType, ...]]] = {
    PenaltyCategory2015.WARNING: ("警告", (PenaltyType.WARNING,)),
    PenaltyCategory2015.FINE: ("罚款", (PenaltyType.FINE,)),
    PenaltyCategory2015.CONFISCATION: (
        "没收违法所得、没收非法财物",
        (PenaltyType.CONFISCATION_OF_ILLEGAL_GAINS, PenaltyType.CONFISCATION_OF_ILLEGAL_PROPERTY),
    ),
    PenaltyCategory2015.ORDER_TO_SUSPEND_PRODUCTION: (
        "责令停产停业",
        (PenaltyType.ORDER_TO_SUSPEND_PRODUCTION,),
    ),
    PenaltyCategory2015.SUSPENSION_OR_REVOCATION: (
        "暂扣或者吊销许可证、暂扣或者吊销执照",
        (PenaltyType.SUSPENSION_OF_PERMIT, PenaltyType.REVOCATION_OF_PERMIT),
    ),
    PenaltyCategory2015.ADMINISTRATIVE_DETENTION: (
        "行政拘留",
        (PenaltyType.ADMINISTRATIVE_DETENTION,),
    ),
    PenaltyCategory2015.OTHER: ("其他", (PenaltyType.OTHER,)),
}


class Status2015(enum.Enum):
    """当前状态 of a 2015 record (XK_ZT / CF_ZT); blank means 正常.

    >>> Status2015("1").name
    'REVOKED'
    """

    #: 正常 (also written as a blank)
    NORMAL = "0"
    #: 撤销
    REVOKED = "1"
    #: 异议
    DISPUTED = "2"
    #: 其他 (explained in 备注)
    OTHER = "3"
