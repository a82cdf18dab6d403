"""Field metadata of the data standard: the one source of truth.

Every other part of :mod:`credit_disclosure.standard` (record classes, parsing,
validation, headers, the docs tables) reads the tables below. A new field is one
row here (and, because records are typed, one attribute on the record class; a
test checks that the two agree).

Sources: 发改办财金〔2018〕790号 (the 2018 standard, in force 2019-02-01) for the
field lists, order, codes and Chinese names; lengths come from a derived schema
(REFERENCE.md 2.2, certainty M) and are marked ``certain=False``; the 2015
standard's field list from REFERENCE.md 2.3.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable
from typing import Final

import attrs

from .._text import to_halfwidth
from ._codes import SubjectCategory

__all__ = [
    "FieldSpec",
    "FieldType",
    "RecordKind",
    "Requirement",
    "RequirementKind",
    "Source",
    "StandardVersion",
    "detect_kind",
    "field_by_code",
    "fields",
    "resolve_header",
]


class RecordKind(enum.Enum):
    """The two kinds of 双公示 record.

    >>> RecordKind("penalty")
    <RecordKind.PENALTY: 'penalty'>
    """

    #: 行政许可: an administrative licence decision
    LICENSE = "license"
    #: 行政处罚: an administrative penalty decision
    PENALTY = "penalty"


class StandardVersion(enum.Enum):
    """Which version of the national data standard a record follows.

    >>> StandardVersion("2015")
    <StandardVersion.V2015: '2015'>
    """

    #: 发改办财金〔2018〕790号, in force 2019-02-01
    V2018 = "2018"
    #: the 2015 standard that older systems still send
    V2015 = "2015"


class FieldType(enum.Enum):
    """What kind of value a field holds (and so how it is parsed and checked).

    >>> FieldType.DATE.value
    'date'
    """

    #: free text, stored as ``str``
    TEXT = "text"
    #: a value from a closed code list, stored as an enum member
    ENUM = "enum"
    #: a value from a code list that also allows named "other" values, stored as ``str``
    CODE = "code"
    #: an identifier (credit code, organisation code, ID number), stored compact as ``str``
    IDENTIFIER = "identifier"
    #: a calendar date, stored as :class:`datetime.date`
    DATE = "date"
    #: an amount in 万元 (10,000 yuan), stored as :class:`decimal.Decimal`
    DECIMAL = "decimal"


class RequirementKind(enum.Enum):
    """How strongly the standard asks for a field.

    >>> RequirementKind.REQUIRED_FOR.value
    'required_for'
    """

    #: always required
    REQUIRED = "required"
    #: required for the subject categories listed in :attr:`Requirement.categories`
    REQUIRED_FOR = "required_for"
    #: required when another field has a given value (see :attr:`Requirement.text`)
    CONDITIONAL = "conditional"
    #: optional
    OPTIONAL = "optional"


@attrs.frozen
class Requirement:
    """The requirement rule of a field, with a human-readable text.

    >>> r = Requirement(RequirementKind.REQUIRED_FOR,
    ...                 frozenset({SubjectCategory.NATURAL_PERSON}), "required for 自然人")
    >>> r.applies_to(SubjectCategory.NATURAL_PERSON), r.applies_to(None)
    (True, False)
    """

    kind: RequirementKind
    #: the subject categories a ``REQUIRED_FOR`` rule applies to
    categories: frozenset[SubjectCategory] = frozenset()
    #: the rule in words (English; Chinese names of values kept as written)
    text: str = ""

    def applies_to(self, category: SubjectCategory | None) -> bool:
        """Whether the field is unconditionally required for a subject of ``category``.

        ``CONDITIONAL`` and ``OPTIONAL`` rules return ``False``: the validator
        decides conditional ones from the other fields.

        >>> Requirement(RequirementKind.REQUIRED).applies_to(None)
        True
        """
        if self.kind is RequirementKind.REQUIRED:
            return True
        if self.kind is RequirementKind.REQUIRED_FOR:
            return category in self.categories
        return False


@attrs.frozen
class Source:
    """Where a field or rule comes from: a document and the article or item in it.

    >>> str(Source("发改办财金〔2018〕790号", "行政处罚 第14项"))
    '发改办财金〔2018〕790号 行政处罚 第14项'
    """

    document: str
    article: str = ""

    def __str__(self) -> str:
        return f"{self.document} {self.article}".strip()


@attrs.frozen
class FieldSpec:
    """One field of a record in the data standard.

    >>> spec = field_by_code("CF_WSH", RecordKind.PENALTY)
    >>> spec.name_zh, spec.attr, spec.type.value, spec.length
    ('行政处罚决定书文号', 'decision_no', 'text', 128)
    >>> spec.requirement.kind
    <RequirementKind.REQUIRED: 'required'>
    """

    #: the field code of the exchange format, e.g. ``CF_WSH``
    code: str
    #: the Chinese name, e.g. ``行政处罚决定书文号``
    name_zh: str
    #: the attribute name on the record class, e.g. ``decision_no``
    attr: str
    type: FieldType
    #: maximum length in characters, when known
    length: int | None
    requirement: Requirement
    source: Source
    #: ``False`` when REFERENCE.md marks a part of this row (length, rule) as uncertain
    certain: bool = True
    #: the English name
    name_en: str = ""
    #: for ``IDENTIFIER`` fields: the identifiers module that checks it (``uscc``, ...)
    identifier: str | None = None
    #: 1-based position in the standard's field list
    position: int = 0


# --- the tables ------------------------------------------------------------------

_DOC_2018: Final = "发改办财金〔2018〕790号"
_DOC_2015: Final = "2015年双公示数据标准"

_REQ: Final = Requirement(RequirementKind.REQUIRED, text="required")
_OPT: Final = Requirement(RequirementKind.OPTIONAL, text="optional")
_ORGS: Final = frozenset({SubjectCategory.LEGAL_PERSON, SubjectCategory.INDIVIDUAL_BUSINESS})
_REQ_ORG_IB: Final = Requirement(
    RequirementKind.REQUIRED_FOR,
    _ORGS,
    "required for 法人及非法人组织 and 个体工商户 (个体工商户 without a code: 00000000000000000X)",
)
_REQ_ORG: Final = Requirement(
    RequirementKind.REQUIRED_FOR,
    frozenset({SubjectCategory.LEGAL_PERSON}),
    "required for 法人及非法人组织",
)
_REQ_NP: Final = Requirement(
    RequirementKind.REQUIRED_FOR,
    frozenset({SubjectCategory.NATURAL_PERSON}),
    "required for 自然人",
)
_COND_GSZC: Final = Requirement(
    RequirementKind.CONDITIONAL,
    text="optional; required when the credit code is the placeholder 00000000000000000X",
)
_COND_FR_ZJHM: Final = Requirement(
    RequirementKind.CONDITIONAL,
    text="sources disagree: required for 法人及非法人组织 or optional "
    "(ValidationOptions.legal_rep_id_required, default optional)",
)
_COND_FK: Final = Requirement(
    RequirementKind.CONDITIONAL,
    text="required when 罚款 is among the penalty categories "
    "(ValidationOptions.fine_amount_required, default on)",
)
_COND_YXQ: Final = Requirement(
    RequirementKind.CONDITIONAL,
    text="a date; whether it is required is not confirmed "
    "(ValidationOptions.penalty_validity_required, default off)",
)
_REQ_YXQZI: Final = Requirement(
    RequirementKind.REQUIRED, text="required; 2099/12/31 means open-ended (长期)"
)

T, E, C, X, D, N = (
    FieldType.TEXT,
    FieldType.ENUM,
    FieldType.CODE,
    FieldType.IDENTIFIER,
    FieldType.DATE,
    FieldType.DECIMAL,
)

# code, name_zh, attr, type, length, requirement, certain, name_en, identifier
_Row = tuple[str, str, str, FieldType, "int | None", Requirement, bool, str, "str | None"]


def _subject_rows(prefix: str) -> list[_Row]:
    # Fields 1-13 are the same for licences and penalties (790号, both annexes).
    p = prefix
    return [
        (
            f"{p}_XDR_MC",
            "行政相对人名称",
            "subject_name",
            T,
            200,
            _REQ,
            False,
            "subject name",
            None,
        ),
        (
            f"{p}_XDR_LB",
            "行政相对人类别",
            "subject_category",
            E,
            16,
            _REQ,
            True,
            "subject category",
            None,
        ),
        (
            f"{p}_XDR_SHXYM",
            "统一社会信用代码",
            "credit_code",
            X,
            18,
            _REQ_ORG_IB,
            True,
            "unified social credit code",
            "uscc",
        ),
        (
            f"{p}_XDR_GSZC",
            "工商注册号",
            "business_reg_no",
            X,
            50,
            _COND_GSZC,
            False,
            "business registration number",
            "business_reg_no",
        ),
        (
            f"{p}_XDR_ZZJG",
            "组织机构代码",
            "org_code",
            X,
            9,
            _OPT,
            False,
            "organisation code",
            "org_code",
        ),
        (
            f"{p}_XDR_SWDJ",
            "税务登记号",
            "tax_reg_no",
            T,
            15,
            _OPT,
            False,
            "tax registration number",
            None,
        ),
        (
            f"{p}_XDR_SYDW",
            "事业单位证书号",
            "institution_cert_no",
            T,
            12,
            _OPT,
            False,
            "public institution certificate number",
            None,
        ),
        (
            f"{p}_XDR_SHZZ",
            "社会组织登记证号",
            "social_org_reg_no",
            T,
            50,
            _OPT,
            False,
            "social organisation registration number",
            None,
        ),
        (
            f"{p}_FRDB",
            "法定代表人",
            "legal_rep",
            T,
            50,
            _REQ_ORG,
            False,
            "legal representative",
            None,
        ),
        (
            f"{p}_FR_ZJLX",
            "法定代表人证件类型",
            "legal_rep_cert_type",
            C,
            64,
            _OPT,
            False,
            "legal representative's certificate type",
            None,
        ),
        (
            f"{p}_FR_ZJHM",
            "法定代表人证件号码",
            "legal_rep_cert_no",
            X,
            64,
            _COND_FR_ZJHM,
            False,
            "legal representative's certificate number",
            None,
        ),
        (f"{p}_XDR_ZJLX", "证件类型", "cert_type", C, 64, _REQ_NP, False, "certificate type", None),
        (f"{p}_XDR_ZJHM", "证件号码", "cert_no", X, 64, _REQ_NP, False, "certificate number", None),
    ]


_LICENSE_2018: Final[list[_Row]] = [
    *_subject_rows("XK"),
    (
        "XK_XKWS",
        "行政许可决定文书名称",
        "decision_doc_name",
        T,
        64,
        _REQ,
        False,
        "licence decision document name",
        None,
    ),
    (
        "XK_WSH",
        "行政许可决定文书号",
        "decision_no",
        T,
        64,
        Requirement(
            RequirementKind.REQUIRED, text="required; where there is none, the licence number"
        ),
        False,
        "licence decision document number",
        None,
    ),
    (
        "XK_XKLB",
        "许可类别",
        "license_category",
        C,
        256,
        Requirement(
            RequirementKind.REQUIRED,
            text="required: 普通 / 特许 / 认可 / 核准 / 登记 / 其他 (其他 names the category)",
        ),
        False,
        "licence category",
        None,
    ),
    (
        "XK_XKZS",
        "许可证书名称",
        "certificate_name",
        T,
        64,
        _OPT,
        False,
        "licence certificate name",
        None,
    ),
    ("XK_XKBH", "许可编号", "license_no", T, 64, _OPT, False, "licence number", None),
    ("XK_NR", "许可内容", "content", T, 4000, _REQ, False, "licence content", None),
    ("XK_JDRQ", "许可决定日期", "decision_date", D, None, _REQ, True, "decision date", None),
    ("XK_YXQZ", "有效期自", "valid_from", D, None, _REQ, True, "valid from", None),
    ("XK_YXQZI", "有效期至", "valid_to", D, None, _REQ_YXQZI, True, "valid to", None),
    ("XK_XKJG", "许可机关", "authority", T, 200, _REQ, False, "licensing authority", None),
    (
        "XK_XKJGDM",
        "许可机关统一社会信用代码",
        "authority_code",
        X,
        18,
        _REQ,
        True,
        "licensing authority's credit code",
        "uscc",
    ),
    (
        "XK_ZT",
        "当前状态",
        "status",
        C,
        1,
        Requirement(
            RequirementKind.REQUIRED,
            text="a code: 1 有效, 2 无效 (our best reading; ValidationOptions.license_status_codes)",
        ),
        False,
        "current status",
        None,
    ),
    ("XK_LYDW", "数据来源单位", "source_unit", T, 200, _REQ, False, "data source unit", None),
    (
        "XK_LYDWDM",
        "数据来源单位统一社会信用代码",
        "source_unit_code",
        X,
        18,
        _REQ,
        True,
        "data source unit's credit code",
        "uscc",
    ),
    ("BZ", "备注", "remarks", T, 512, _OPT, False, "remarks", None),
]

_PENALTY_2018: Final[list[_Row]] = [
    *_subject_rows("CF"),
    (
        "CF_WSH",
        "行政处罚决定书文号",
        "decision_no",
        T,
        128,
        _REQ,
        False,
        "penalty decision number",
        None,
    ),
    ("CF_WFXW", "违法行为类型", "violation_type", T, 2000, _REQ, False, "type of violation", None),
    ("CF_SY", "违法事实", "violation_facts", T, 2000, _REQ, False, "facts of the violation", None),
    ("CF_YJ", "处罚依据", "legal_basis", T, 2048, _REQ, False, "legal basis", None),
    (
        "CF_CFLB",
        "处罚类别",
        "penalty_categories",
        C,
        256,
        Requirement(
            RequirementKind.REQUIRED,
            text="required; one or more of the 行政处罚法 第九条 types; separator not confirmed (; ； , ， 、 accepted)",
        ),
        False,
        "penalty categories",
        None,
    ),
    ("CF_NR", "处罚内容", "content", T, 4000, _REQ, False, "penalty content", None),
    (
        "CF_NR_FK",
        "罚款金额（万元）",
        "fine_amount",
        N,
        None,
        _COND_FK,
        False,
        "fine (10,000 yuan)",
        None,
    ),
    (
        "CF_NR_WFFF",
        "没收违法所得、没收非法财物的金额（万元）",
        "confiscation_amount",
        N,
        None,
        _OPT,
        True,
        "confiscated amount (10,000 yuan)",
        None,
    ),
    (
        "CF_NR_ZKDX",
        "暂扣或吊销证照名称及编号",
        "suspended_permit",
        T,
        200,
        _OPT,
        False,
        "permit suspended or revoked",
        None,
    ),
    ("CF_JDRQ", "处罚决定日期", "decision_date", D, None, _REQ, True, "decision date", None),
    ("CF_YXQ", "处罚有效期", "valid_until", D, None, _COND_YXQ, False, "penalty valid until", None),
    (
        "CF_GSJZQ",
        "公示截止期",
        "publication_end",
        D,
        None,
        Requirement(
            RequirementKind.OPTIONAL,
            text="optional (not confirmed); the policy layer can compute it",
        ),
        False,
        "end of publication",
        None,
    ),
    ("CF_CFJG", "处罚机关", "authority", T, 255, _REQ, False, "penalising authority", None),
    (
        "CF_CFJGDM",
        "处罚机关统一社会信用代码",
        "authority_code",
        X,
        18,
        _REQ,
        True,
        "penalising authority's credit code",
        "uscc",
    ),
    ("CF_SJLY", "数据来源单位", "source_unit", T, 200, _REQ, False, "data source unit", None),
    (
        "CF_SJLYDM",
        "数据来源单位统一社会信用代码",
        "source_unit_code",
        X,
        18,
        _REQ,
        True,
        "data source unit's credit code",
        "uscc",
    ),
    ("BZ", "备注", "remarks", T, 512, _OPT, False, "remarks", None),
]


def _subject_rows_2015(prefix: str) -> list[_Row]:
    # The subject's identifiers and 法定代表人 are the same in both 2015 records (REFERENCE.md 2.3).
    p = prefix
    return [
        (
            f"{p}_XDR_SHXYM",
            "统一社会信用代码",
            "credit_code",
            X,
            18,
            _OPT,
            False,
            "unified social credit code",
            "uscc",
        ),
        (
            f"{p}_XDR_ZDM",
            "组织机构代码",
            "org_code",
            X,
            9,
            _OPT,
            False,
            "organisation code",
            "org_code",
        ),
        (
            f"{p}_XDR_GSDJ",
            "工商登记码",
            "business_reg_no",
            X,
            50,
            _OPT,
            False,
            "business registration number",
            "business_reg_no",
        ),
        (
            f"{p}_XDR_SWDJ",
            "税务登记号",
            "tax_reg_no",
            T,
            15,
            _OPT,
            False,
            "tax registration number",
            None,
        ),
        (
            f"{p}_XDR_SFZ",
            "居民身份证号",
            "resident_id",
            X,
            18,
            _OPT,
            False,
            "resident ID number",
            "resident_id",
        ),
        (
            f"{p}_FR",
            "法定代表人姓名",
            "legal_rep",
            T,
            50,
            _OPT,
            False,
            "legal representative",
            None,
        ),
    ]


# 地方编码, 数据更新时间戳 and 备注 end both 2015 records.
_TAIL_2015: Final[list[_Row]] = [
    ("DFBM", "地方编码", "local_code", T, 6, _REQ, False, "local (division) code", None),
    ("SJC", "数据更新时间戳", "timestamp", T, 32, _OPT, False, "data update timestamp", None),
    ("BZ", "备注", "remarks", T, 512, _OPT, False, "remarks", None),
]

_LICENSE_2015: Final[list[_Row]] = [
    (
        "XK_WSH",
        "行政许可决定书文号",
        "decision_no",
        T,
        64,
        _REQ,
        False,
        "licence decision number",
        None,
    ),
    ("XK_XMMC", "项目名称", "project_name", T, 256, _REQ, False, "project name", None),
    ("XK_SPLB", "审批类别", "approval_category", C, 64, _REQ, False, "approval category", None),
    ("XK_NR", "许可内容", "content", T, 4000, _REQ, False, "licence content", None),
    ("XK_XDR", "行政相对人名称", "subject_name", T, 200, _REQ, False, "subject name", None),
    *_subject_rows_2015("XK"),
    ("XK_JDRQ", "许可决定日期", "decision_date", D, None, _REQ, True, "decision date", None),
    ("XK_JZQ", "许可截止期", "valid_to", D, None, _OPT, False, "valid to", None),
    ("XK_XZJG", "许可机关", "authority", T, 200, _REQ, False, "licensing authority", None),
    ("XK_ZT", "当前状态", "status", C, 1, _REQ, False, "current status", None),
    *_TAIL_2015,
]

_PENALTY_2015: Final[list[_Row]] = [
    (
        "CF_WSH",
        "行政处罚决定书文号",
        "decision_no",
        T,
        128,
        _REQ,
        False,
        "penalty decision number",
        None,
    ),
    ("CF_CFMC", "处罚名称", "penalty_name", T, 256, _REQ, False, "penalty name", None),
    ("CF_CFLB1", "处罚类别1", "category1", C, 1, _REQ, False, "penalty category 1", None),
    (
        "CF_CFLB2",
        "处罚类别2",
        "category2",
        C,
        64,
        _OPT,
        False,
        "penalty category 2 (and beyond)",
        None,
    ),
    ("CF_SY", "处罚事由", "reason", T, 2000, _REQ, False, "reason for the penalty", None),
    ("CF_YJ", "处罚依据", "legal_basis", T, 2048, _REQ, False, "legal basis", None),
    ("CF_XDR_MC", "行政相对人名称", "subject_name", T, 200, _REQ, False, "subject name", None),
    *_subject_rows_2015("CF"),
    ("CF_JG", "处罚结果", "result", T, 4000, _REQ, False, "penalty result", None),
    ("CF_JDRQ", "处罚决定日期", "decision_date", D, None, _REQ, True, "decision date", None),
    ("CF_XZJG", "处罚机关", "authority", T, 255, _REQ, False, "penalising authority", None),
    ("CF_ZT", "当前状态", "status", C, 1, _REQ, False, "current status", None),
    *_TAIL_2015,
]


def _build(rows: list[_Row], doc: str, annex: str) -> tuple[FieldSpec, ...]:
    return tuple(
        FieldSpec(
            code=code,
            name_zh=name_zh,
            attr=attr,
            type=type_,
            length=length,
            requirement=req,
            source=Source(doc, f"{annex} 第{i}项"),
            certain=certain,
            name_en=name_en,
            identifier=ident,
            position=i,
        )
        for i, (code, name_zh, attr, type_, length, req, certain, name_en, ident) in enumerate(
            rows, start=1
        )
    )


_TABLES: Final[dict[tuple[RecordKind, StandardVersion], tuple[FieldSpec, ...]]] = {
    (RecordKind.LICENSE, StandardVersion.V2018): _build(_LICENSE_2018, _DOC_2018, "行政许可信息"),
    (RecordKind.PENALTY, StandardVersion.V2018): _build(_PENALTY_2018, _DOC_2018, "行政处罚信息"),
    (RecordKind.LICENSE, StandardVersion.V2015): _build(_LICENSE_2015, _DOC_2015, "行政许可信息"),
    (RecordKind.PENALTY, StandardVersion.V2015): _build(_PENALTY_2015, _DOC_2015, "行政处罚信息"),
}


def fields(
    kind: RecordKind, version: StandardVersion = StandardVersion.V2018
) -> tuple[FieldSpec, ...]:
    """The fields of a record of ``kind`` in ``version``, in the standard's order.

    >>> len(fields(RecordKind.LICENSE)), len(fields(RecordKind.PENALTY))
    (28, 30)
    >>> [f.code for f in fields(RecordKind.PENALTY)][:3]
    ['CF_XDR_MC', 'CF_XDR_LB', 'CF_XDR_SHXYM']
    >>> len(fields(RecordKind.PENALTY, StandardVersion.V2015))
    20
    >>> fields("license", "2015") == fields(RecordKind.LICENSE, StandardVersion.V2015)
    True
    """
    return _TABLES[RecordKind(kind), StandardVersion(version)]


_BY_CODE: Final[dict[tuple[RecordKind, StandardVersion], dict[str, FieldSpec]]] = {
    key: {f.code: f for f in table} for key, table in _TABLES.items()
}


def field_by_code(
    code: str, kind: RecordKind, version: StandardVersion = StandardVersion.V2018
) -> FieldSpec:
    """The field with field code ``code``; raises :class:`KeyError` when there is none.

    >>> field_by_code("XK_YXQZI", RecordKind.LICENSE).name_zh
    '有效期至'
    """
    return _BY_CODE[kind, version][code]


# Header look-up: white space, BOM, zero-width characters and full-width forms are
# dropped; codes and attribute names are matched case-insensitively; Chinese names
# also match with ASCII brackets for the full-width ones (罚款金额(万元)).
_STRIP_TABLE: Final[dict[int, int | None]] = dict.fromkeys(
    map(ord, " \t\r\n\v\f\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff\"'"), None
)


def _norm_header(name: str) -> str:
    return to_halfwidth(name).translate(_STRIP_TABLE).casefold()


def _header_index(table: Iterable[FieldSpec]) -> dict[str, FieldSpec]:
    index: dict[str, FieldSpec] = {}
    for f in table:
        for key in (f.code, f.attr, f.name_zh):
            index.setdefault(_norm_header(key), f)
    return index


_HEADERS: Final[dict[tuple[RecordKind, StandardVersion], dict[str, FieldSpec]]] = {
    key: _header_index(table) for key, table in _TABLES.items()
}
# Licence and penalty share 备注 and the subject's Chinese names, so ambiguous
# names are left out of kind detection.
_DISTINCT: Final[dict[tuple[RecordKind, StandardVersion], frozenset[str]]] = {}
for _v in StandardVersion:
    _lic = set(_HEADERS[RecordKind.LICENSE, _v])
    _pen = set(_HEADERS[RecordKind.PENALTY, _v])
    _DISTINCT[RecordKind.LICENSE, _v] = frozenset(_lic - _pen)
    _DISTINCT[RecordKind.PENALTY, _v] = frozenset(_pen - _lic)


@functools.lru_cache(maxsize=1024)
def _resolve(name: str, kind: RecordKind, version: StandardVersion) -> FieldSpec | None:
    return _HEADERS[kind, version].get(_norm_header(name))


def resolve_header(
    name: object, kind: RecordKind, version: StandardVersion = StandardVersion.V2018
) -> FieldSpec | None:
    """The field a column header names: field code, Chinese name or attribute name.

    Tolerates surrounding white space, a byte-order mark, full-width characters,
    and the case of codes and attribute names. Returns ``None`` for an unknown
    header, and for a key that is not text.

    >>> resolve_header("\\ufeff cf_wsh ", RecordKind.PENALTY).code
    'CF_WSH'
    >>> resolve_header("罚款金额(万元)", RecordKind.PENALTY).code
    'CF_NR_FK'
    >>> resolve_header("fine_amount", RecordKind.PENALTY).name_zh
    '罚款金额（万元）'
    >>> resolve_header("ＸＫ＿ＷＳＨ", RecordKind.LICENSE).attr
    'decision_no'
    >>> resolve_header("nonsense", RecordKind.LICENSE) is None
    True
    >>> resolve_header(3, RecordKind.LICENSE) is None  # a spreadsheet's numbered column
    True
    """
    if not isinstance(name, str):
        return None
    return _resolve(name, kind, version)


def detect_kind(
    headers: Iterable[str], version: StandardVersion = StandardVersion.V2018
) -> RecordKind | None:
    """Guess whether a file with these column headers holds licences or penalties.

    Counts the headers that only one kind has; ``None`` when neither wins.

    >>> detect_kind(["CF_WSH", "CF_XDR_MC", "处罚类别"])
    <RecordKind.PENALTY: 'penalty'>
    >>> detect_kind(["行政相对人名称", "许可类别", "xk_wsh"])
    <RecordKind.LICENSE: 'license'>
    >>> detect_kind(["备注"]) is None
    True
    """
    counts = dict.fromkeys(RecordKind, 0)
    for header in headers:
        key = _norm_header(header)
        for kind in RecordKind:
            if key in _DISTINCT[kind, version]:
                counts[kind] += 1
    lic, pen = counts[RecordKind.LICENSE], counts[RecordKind.PENALTY]
    if lic == pen:
        return None
    return RecordKind.LICENSE if lic > pen else RecordKind.PENALTY
