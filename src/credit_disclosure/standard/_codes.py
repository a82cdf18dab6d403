"""Code lists shared by the data standard, the policies and the privacy profiles.

Sources: 发改办财金〔2018〕790号 (行政相对人类别); 《中华人民共和国行政处罚法》(2021) 第九条
(types of administrative penalty).
"""

from __future__ import annotations

import enum

__all__ = ["PenaltyType", "SubjectCategory"]


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
