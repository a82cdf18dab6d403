"""Validation issues and the one catalogue of issue codes.

Every issue the record validator reports has a code from :data:`ISSUE_CATALOGUE`
(or, for identifier errors, the code the identifiers subpackage raised, such as
``uscc.checksum``, catalogued under ``uscc.*``). The docs table of codes is
generated from the catalogue.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import attrs

from .._text import redact, redact_optional

__all__ = ["ISSUE_CATALOGUE", "Issue", "IssueSpec", "Severity", "issue_spec"]


class Severity(enum.Enum):
    """How bad an issue is: an error (the platform rejects the record) or a warning.

    >>> Severity("warning")
    <Severity.WARNING: 'warning'>
    """

    ERROR = "error"
    WARNING = "warning"


@attrs.frozen
class Issue:
    """One problem found in one record.

    ``code`` is stable across releases (``field.required``, ``date.future``,
    ``uscc.checksum``); ``field`` is the field code (``CF_WSH``) or ``None`` for a
    record-level problem; ``row`` is filled by the batch layer (1-based data-row
    number, header excluded). Messages never contain a checked value that may be
    personal data: only field names, limits and code-list texts (the allowed
    values, an unrecognised 处罚类别 part, an older category wording).

    >>> i = Issue("field.required", "CF_WSH", Severity.ERROR,
    ...           "行政处罚决定书文号 (CF_WSH) is required", "行政处罚决定书文号（CF_WSH）不能为空")
    >>> print(i.with_row(3))
    row 3: CF_WSH: field.required (error): 行政处罚决定书文号 (CF_WSH) is required
    """

    code: str
    # Messages and the field go through redact() (no identity number in any output),
    # whoever built the issue: a template that quoted a value cannot leak it.
    field: str | None = attrs.field(converter=redact_optional)
    severity: Severity
    message_en: str = attrs.field(converter=redact)
    message_zh: str = attrs.field(converter=redact)
    row: int | None = None

    def with_row(self, row: int) -> Issue:
        """A copy of this issue located in data row ``row`` (1-based).

        >>> Issue("x", None, Severity.WARNING, "e", "z").with_row(7).row
        7
        """
        return attrs.evolve(self, row=row)

    @property
    def is_error(self) -> bool:
        """Whether the severity is :attr:`Severity.ERROR`.

        >>> Issue("x", None, Severity.ERROR, "e", "z").is_error
        True
        """
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        where = f"row {self.row}: " if self.row is not None else ""
        fld = f"{self.field}: " if self.field else ""
        return f"{where}{fld}{self.code} ({self.severity.value}): {self.message_en}"


@attrs.frozen
class IssueSpec:
    """One entry of the catalogue of issue codes.

    Message templates use ``{name}`` (the field's Chinese name) and ``{field}``
    (its code) and a few named parameters listed in ``params``.

    >>> spec = issue_spec("date.future")
    >>> spec.severity, spec.render_en(name="处罚决定日期", field="CF_JDRQ")
    (<Severity.ERROR: 'error'>, '处罚决定日期 (CF_JDRQ) is after the check date')
    """

    code: str
    severity: Severity
    message_en: str
    message_zh: str
    #: what the code means, for the docs
    meaning: str
    #: the document and article the rule comes from
    source: str
    #: the field the code is about, or ``None`` when it can apply to several
    field: str | None = None
    #: ``True`` when the sources leave the underlying fact uncertain (the rule is configurable)
    configurable: bool = False
    #: a short name for charts and tables, in English and in Chinese
    name_en: str = attrs.field(default="", kw_only=True)
    name_zh: str = attrs.field(default="", kw_only=True)

    def name(self, lang: str = "en", code: str | None = None) -> str:
        """The short name in ``lang`` (``"en"`` or ``"zh"``); for an identifier family
        (``uscc.*``) the specific ``code`` (``uscc.checksum``) names what is wrong.

        >>> issue_spec("field.required").name("zh")
        '必填项为空'
        >>> issue_spec("uscc.checksum").name("zh", "uscc.checksum")
        '统一社会信用代码校验码错误'
        >>> issue_spec("uscc.checksum").name("en", "uscc.checksum")
        'credit code (USCC): check character wrong'
        """
        base = self.name_zh if lang == "zh" else self.name_en
        if not self.code.endswith(".*"):
            return base
        suffix = (code or "").partition(".")[2]
        what = _ID_PROBLEMS.get(suffix, _ID_PROBLEMS["*"])
        return base + (what[1] if lang == "zh" else ": " + what[0])

    def render_en(self, **params: object) -> str:
        """The English message with ``params`` filled in.

        >>> issue_spec("field.required").render_en(name="处罚机关", field="CF_CFJG")
        '处罚机关 (CF_CFJG) is required'
        """
        return self.message_en.format(**params)

    def render_zh(self, **params: object) -> str:
        """The Chinese message with ``params`` filled in.

        >>> issue_spec("field.required").render_zh(name="处罚机关", field="CF_CFJG")
        '处罚机关（CF_CFJG）不能为空'
        """
        return self.message_zh.format(**params)


_S790 = "发改办财金〔2018〕790号"
_REF21 = "发改办财金〔2018〕790号 (docs/sources.md#src-790)"

_SPECS: Final[tuple[IssueSpec, ...]] = (
    IssueSpec(
        "field.required",
        Severity.ERROR,
        "{name} ({field}) is required",
        "{name}（{field}）不能为空",
        "A field the standard always requires is empty.",
        _REF21,
        name_en="required field empty",
        name_zh="必填项为空",
    ),
    IssueSpec(
        "field.required_for_category",
        Severity.ERROR,
        "{name} ({field}) is required for subjects of category {category}",
        "行政相对人类别为{category}时，{name}（{field}）不能为空",
        "A field required for the record's subject category (法人及非法人组织, 自然人, "
        "个体工商户) is empty.",
        _REF21,
        name_en="required for the subject category",
        name_zh="按相对人类别必填项为空",
    ),
    IssueSpec(
        "field.conditional",
        Severity.ERROR,
        "{name} ({field}) is required here: {reason_en}",
        "{name}（{field}）不能为空：{reason_zh}",
        "A field required because of another field's value is empty (工商注册号 after the "
        "placeholder credit code; 罚款金额 when 罚款 is a category; configurable ones).",
        _REF21,
        configurable=True,
        name_en="conditionally required field empty",
        name_zh="条件必填项为空",
    ),
    IssueSpec(
        "field.length",
        Severity.ERROR,
        "{name} ({field}) is longer than {limit} characters",
        "{name}（{field}）超过{limit}个字符",
        "A text is longer than the field's length (lengths from a derived schema: "
        "ValidationOptions.check_lengths / lengths).",
        "derived schema, M (docs/sources.md#certainty)",
        configurable=True,
        name_en="value too long",
        name_zh="超过长度",
    ),
    IssueSpec(
        "field.invalid",
        Severity.ERROR,
        "{name} ({field}) holds a value of an unusable type",
        "{name}（{field}）的值类型无法识别",
        "A reader produced a value that is neither text, number nor date.",
        _S790,
        name_en="unusable value type",
        name_zh="值类型无法识别",
    ),
    IssueSpec(
        "code.unknown",
        Severity.ERROR,
        "{name} ({field}) is not a value of its code list ({allowed})",
        "{name}（{field}）不是代码表中的值（{allowed}）",
        "行政相对人类别, 证件类型, 许可类别, 当前状态 (or a 2015 code) is not in its code list.",
        _REF21,
        name_en="not in the code list",
        name_zh="不在代码表中",
    ),
    IssueSpec(
        "code.alias",
        Severity.WARNING,
        "{name} ({field}) uses the older wording {alias}: the 2018 standard writes {value}",
        "{name}（{field}）使用旧称“{alias}”，2018年标准应填写“{value}”",
        "行政相对人类别 in an older wording (法人及其他组织, 法人, 其他组织, ...): read as the "
        "790号 category (ValidationOptions.subject_category_aliases).",
        "发改办财金〔2018〕790号 (行政相对人类别); 长治 2020 通知 长信办发〔2020〕1号 二",
        configurable=True,
        name_en="older code wording",
        name_zh="使用旧称",
    ),
    IssueSpec(
        "penalty_type.unknown",
        Severity.ERROR,
        "{name} ({field}) names a category that is not a type of 行政处罚法 第九条: {parts}",
        "{name}（{field}）含有不属于《行政处罚法》第九条的处罚种类：{parts}",
        "A part of 处罚类别 is not one of the 2021 行政处罚法 第九条 types (separators and "
        "aliases: ValidationOptions.penalty_type_separators / penalty_type_aliases).",
        "《行政处罚法》(2021) 第九条; 790号 行政处罚 第18项",
        configurable=True,
        name_en="unknown penalty type",
        name_zh="处罚类别不合法",
    ),
    IssueSpec(
        "penalty_type.not_in_force",
        Severity.WARNING,
        "{name} ({field}) names a type added by the 2021 行政处罚法 (in force 2021-07-15) "
        "on a decision dated before it",
        "{name}（{field}）含有2021年修订《行政处罚法》（2021年7月15日施行）新增的处罚种类，"
        "但处罚决定日期早于施行日期",
        "通报批评, 降低资质等级, 限制开展生产经营活动, 责令关闭 or 限制从业 on a decision before "
        "2021-07-15, when the 1996 law (第八条) did not have them.",
        "《行政处罚法》(2021) 第九条, in force 2021-07-15; (1996) 第八条",
        name_en="penalty type not yet in force",
        name_zh="处罚类别尚未施行",
    ),
    IssueSpec(
        "date.invalid",
        Severity.ERROR,
        "{name} ({field}) is not a real date (YYYY/MM/DD, YYYY-MM-DD or YYYYMMDD)",
        "{name}（{field}）不是有效日期（YYYY/MM/DD、YYYY-MM-DD或YYYYMMDD）",
        "A date cannot be read or does not exist (2023/02/29).",
        _S790,
        name_en="not a date",
        name_zh="日期无效",
    ),
    IssueSpec(
        "date.future",
        Severity.ERROR,
        "{name} ({field}) is after the check date",
        "{name}（{field}）晚于检查日期",
        "A decision date lies after the check date (``as_of``; ValidationOptions.future_date_fields).",
        _S790,
        configurable=True,
        name_en="date in the future",
        name_zh="日期晚于检查日",
    ),
    IssueSpec(
        "date.order",
        Severity.ERROR,
        "{name} ({field}) is before {other_name} ({other})",
        "{name}（{field}）早于{other_name}（{other}）",
        "Dates out of order: 有效期至 before 有效期自, a penalty's 有效期 or 公示截止期 "
        "before its decision date.",
        _S790,
        name_en="dates out of order",
        name_zh="日期先后颠倒",
    ),
    IssueSpec(
        "decimal.invalid",
        Severity.ERROR,
        "{name} ({field}) is not a number",
        "{name}（{field}）不是数字",
        "An amount in 万元 cannot be read as a decimal number.",
        _S790,
        name_en="not a number",
        name_zh="不是数字",
    ),
    IssueSpec(
        "amount.negative",
        Severity.ERROR,
        "{name} ({field}) is negative",
        "{name}（{field}）为负数",
        "An amount is below zero.",
        _S790,
        name_en="negative amount",
        name_zh="金额为负",
    ),
    IssueSpec(
        "amount.yuan_in_wan",
        Severity.WARNING,
        "{name} ({field}) looks like yuan written in the 万元 field: 处罚内容 names a fine "
        "of the same number in 元",
        "{name}（{field}）疑似以元填写：处罚内容所载罚款以元计数值相同，本字段单位为万元",
        "The fine equals a number that 处罚内容 gives in 元 (罚款2000元 with 罚款金额 2000 "
        "instead of 0.2).",
        "790号 行政处罚 第20项 (unit 万元)",
        field="CF_NR_FK",
        configurable=True,
        name_en="yuan written as 万元",
        name_zh="疑似以元填写",
    ),
    IssueSpec(
        "amount.mismatch",
        Severity.WARNING,
        "{name} ({field}) differs from the fine named in 处罚内容",
        "{name}（{field}）与处罚内容所载罚款金额不一致",
        "处罚内容 names fines and none of them equals 罚款金额 (after converting to 万元).",
        "790号 行政处罚 第19-20项",
        field="CF_NR_FK",
        configurable=True,
        name_en="fine differs from 处罚内容",
        name_zh="罚款金额与处罚内容不符",
    ),
    IssueSpec(
        "amount.large",
        Severity.WARNING,
        "{name} ({field}) is above {limit} 万元: check the unit",
        "{name}（{field}）超过{limit}万元，请核对单位",
        "An amount is above ValidationOptions.large_amount_threshold (default 10000 万元, "
        "i.e. 1亿元): often yuan in the 万元 field.",
        "790号 行政处罚 第20-21项 (unit 万元)",
        configurable=True,
        name_en="amount unusually large",
        name_zh="金额过大",
    ),
    IssueSpec(
        "amount.without_fine",
        Severity.WARNING,
        "{name} ({field}) is given but 罚款 is not among the penalty categories",
        "填写了{name}（{field}），但处罚类别不含罚款",
        "A fine amount above zero on a record whose 处罚类别 has no 罚款.",
        "790号 行政处罚 第18、20项",
        field="CF_NR_FK",
        name_en="amount without a fine",
        name_zh="无罚款却填金额",
    ),
    IssueSpec(
        "credit_code.placeholder_category",
        Severity.ERROR,
        "{name} ({field}) holds the placeholder 00000000000000000X, which only 个体工商户 may use",
        "{name}（{field}）为00000000000000000X，仅个体工商户可使用",
        "The placeholder credit code is used by a subject that is not an individual business.",
        "790号 (个体工商户 without a credit code; docs/sources.md#src-790)",
        name_en="placeholder credit code",
        name_zh="占位信用代码使用不当",
    ),
    IssueSpec(
        "consistency.uscc_org_code",
        Severity.ERROR,
        "组织机构代码 ({field}) does not match characters 9-17 of the 统一社会信用代码",
        "组织机构代码（{field}）与统一社会信用代码第9-17位不一致",
        "The organisation code differs from the 主体标识码 inside the credit code.",
        "GB 32100-2015 (主体标识码 = GB 11714 组织机构代码)",
        name_en="org code differs from credit code",
        name_zh="组织机构代码与信用代码不符",
    ),
    IssueSpec(
        "consistency.category_uscc",
        Severity.WARNING,
        "统一社会信用代码 ({field}) registration type {reg_type} does not fit category {category}",
        "统一社会信用代码（{field}）的登记管理部门及机构类别{reg_type}与行政相对人类别{category}不符",
        "A credit code of type 92 (个体工商户) on an organisation, or another type on an "
        "individual business.",
        "GB 32100-2015 (机构类别 92 = 个体工商户)",
        name_en="credit code type vs category",
        name_zh="信用代码类别与相对人类别不符",
    ),
    IssueSpec(
        "consistency.natural_person_code",
        Severity.WARNING,
        "{name} ({field}) is given for a natural person",
        "行政相对人类别为自然人，不应填写{name}（{field}）",
        "A natural person's record carries an organisation's credit code.",
        _REF21,
        name_en="credit code on a natural person",
        name_zh="自然人填写了信用代码",
    ),
)

# Identifier errors keep the identifiers subpackage's own codes; the catalogue lists
# the families so that the docs can explain them.
_IDENTIFIER_FAMILIES: Final[tuple[tuple[str, str, str, str], ...]] = (
    ("uscc", "统一社会信用代码", "GB 32100-2015", "credit code (USCC)"),
    ("org_code", "组织机构代码", "GB 11714", "organisation code"),
    ("business_reg_no", "工商注册号", "GS15-2006", "business registration number"),
    ("resident_id", "居民身份证号码", "GB 11643-1999", "resident ID number"),
    ("residence_permit", "港澳台居民居住证", "GB 11643-1999 (居住证)", "residence permit number"),
    ("foreign_permanent_id", "外国人永久居留身份证", "国家移民管理局 2023", "foreign permanent ID"),
)

#: What an identifier error code's last part says is wrong (``*``: any other part).
_ID_PROBLEMS: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "length": ("wrong length", "长度错误"),
        "format": ("wrong characters", "格式错误"),
        "checksum": ("check character wrong", "校验码错误"),
        "*": ("invalid", "有误"),
    }
)

_ID_SPECS: Final[tuple[IssueSpec, ...]] = tuple(
    IssueSpec(
        f"{family}.*",
        Severity.ERROR,
        "{name} ({field}): {detail_en}",
        "{name}（{field}）：{detail_zh}",
        f"The value is not a valid {zh}: the identifiers subpackage's code "
        f"(``{family}.length``, ``{family}.checksum``, ...) is kept.",
        source,
        name_en=en,
        name_zh=zh,
    )
    for family, zh, source, en in _IDENTIFIER_FAMILIES
)

#: Every issue code the validator can report, by code (identifier families as ``uscc.*``).
ISSUE_CATALOGUE: Final[Mapping[str, IssueSpec]] = MappingProxyType(
    {s.code: s for s in (*_SPECS, *_ID_SPECS)}
)


def issue_spec(code: str) -> IssueSpec:
    """The catalogue entry for an issue code (``uscc.checksum`` finds ``uscc.*``).

    Raises :class:`KeyError` for a code that is not catalogued.

    >>> issue_spec("uscc.checksum").code
    'uscc.*'
    >>> issue_spec("field.length").severity
    <Severity.ERROR: 'error'>
    """
    spec = ISSUE_CATALOGUE.get(code)
    if spec is None:
        spec = ISSUE_CATALOGUE[code.split(".", 1)[0] + ".*"]
    return spec
