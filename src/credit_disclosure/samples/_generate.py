"""Realistic synthetic licence and penalty records, with faults planted on purpose.

Every identifier in a generated record is valid (drawn with the
``generate`` verb of :mod:`credit_disclosure.identifiers`) and every record
follows the 2018 standard (发改办财金〔2018〕790号), so a clean record passes
the checker with no issue at all. Faults from :data:`FAULTS` are then planted
on chosen rows, each designed to make the checker report exactly one issue of
a known code in a known field: the set of planted faults is the answer key a
check of the data must reproduce.

Names, agencies and numbers are invented; they only look real.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Final

import attrs

from ..errors import ArgumentError, UnknownName
from ..identifiers import business_reg_no, org_code, resident_id, uscc
from ..standard import PLACEHOLDER_CREDIT_CODE, RecordKind, SubjectCategory, fields

__all__ = [
    "FAULTS",
    "Fault",
    "PlantedFault",
    "SampleRecord",
    "default_faults",
    "generate_records",
]

#: The credit-code placeholder of an individual business without a code (790号).
PLACEHOLDER: Final = PLACEHOLDER_CREDIT_CODE

#: Decision dates are drawn from this window: well in the past for any check date.
_FIRST_DAY: Final = date(2023, 1, 1)
_LAST_DAY: Final = date(2025, 6, 30)


@attrs.frozen
class PlantedFault:
    """A fault planted in a generated record, and the issue a checker must report for it.

    ``row`` is the 1-based data-row number, ``fault`` the name in
    :data:`FAULTS` (or ``row.columns`` / ``row.encoding`` for the faults the
    bundled files plant in the file itself), ``code`` and ``field`` the issue
    expected.

    >>> PlantedFault(4, "missing_decision_no", "field.required", "CF_WSH").code
    'field.required'
    """

    row: int
    fault: str
    code: str
    field: str | None


@attrs.frozen
class SampleRecord:
    """One generated record: its row number, its cells keyed by field code, its faults.

    Values are text as an exchange file holds it (dates ``YYYY/MM/DD``,
    amounts in 万元); an empty field is ``""``.

    >>> rec = next(generate_records(RecordKind.PENALTY, 1, seed=1))
    >>> rec.row, len(rec.values), rec.faults
    (1, 30, ())
    """

    row: int
    values: dict[str, str]
    faults: tuple[PlantedFault, ...] = ()


@attrs.frozen
class Fault:
    """A kind of fault the generator can plant.

    ``kinds`` are the record kinds it applies to; ``category`` the subject
    category the record must have for it (``None``: any); ``field`` is
    written with ``{p}`` for the field-code prefix (``XK`` or ``CF``) and
    ``{agency_code}`` for the deciding authority's credit-code field
    (``XK_XKJGDM`` or ``CF_CFJGDM``): :meth:`field_for` fills them in.

    >>> FAULTS["future_decision_date"].code
    'date.future'
    """

    name: str
    code: str
    field: str | None
    description: str
    kinds: frozenset[RecordKind] = frozenset(RecordKind)
    category: SubjectCategory | None = None

    def field_for(self, kind: RecordKind) -> str | None:
        """The field code this fault touches in a record of ``kind``.

        >>> FAULTS["missing_decision_no"].field_for(RecordKind.LICENSE)
        'XK_WSH'
        >>> FAULTS["authority_code_checksum"].field_for(RecordKind.PENALTY)
        'CF_CFJGDM'
        """
        if self.field is None:
            return None
        return self.field.format(p=_PREFIX[kind], agency_code=_AGENCY_CODE[kind])


_PREFIX: Final = {RecordKind.LICENSE: "XK", RecordKind.PENALTY: "CF"}
_AGENCY_CODE: Final = {RecordKind.LICENSE: "XK_XKJGDM", RecordKind.PENALTY: "CF_CFJGDM"}
_LP, _NP, _IB = (
    SubjectCategory.LEGAL_PERSON,
    SubjectCategory.NATURAL_PERSON,
    SubjectCategory.INDIVIDUAL_BUSINESS,
)
_PEN = frozenset({RecordKind.PENALTY})
_LIC = frozenset({RecordKind.LICENSE})

_FAULT_LIST: Final = (
    Fault(
        "credit_code_checksum",
        "uscc.checksum",
        "{p}_XDR_SHXYM",
        "the subject's credit code with a wrong check character",
        category=_LP,
    ),
    Fault(
        "authority_code_checksum",
        "uscc.checksum",
        "{agency_code}",
        "the deciding authority's credit code with a wrong check character",
    ),
    Fault(
        "missing_decision_no",
        "field.required",
        "{p}_WSH",
        "the decision document number left empty",
    ),
    Fault("future_decision_date", "date.future", "{p}_JDRQ", "a decision date in 2090"),
    Fault(
        "impossible_date",
        "date.invalid",
        "{p}_JDRQ",
        "a decision date that does not exist (29 February of a common year)",
    ),
    Fault(
        "natural_person_without_id",
        "field.required_for_category",
        "{p}_XDR_ZJHM",
        "a natural person without a certificate number",
        category=_NP,
    ),
    Fault(
        "resident_id_checksum",
        "resident_id.checksum",
        "{p}_XDR_ZJHM",
        "a natural person's ID number with a wrong check character",
        category=_NP,
    ),
    Fault(
        "placeholder_without_reg_no",
        "field.conditional",
        "{p}_XDR_GSZC",
        "an individual business with the placeholder credit code and no registration number",
        category=_IB,
    ),
    Fault(
        "placeholder_on_company",
        "credit_code.placeholder_category",
        "{p}_XDR_SHXYM",
        "a company with the placeholder credit code only individual businesses may use",
        category=_LP,
    ),
    Fault(
        "org_code_mismatch",
        "consistency.uscc_org_code",
        "{p}_XDR_ZZJG",
        "an organisation code that differs from the one inside the credit code",
        category=_LP,
    ),
    Fault(
        "unknown_subject_category",
        "code.unknown",
        "{p}_XDR_LB",
        "a subject category outside the code list (企业)",
        category=_LP,
    ),
    Fault(
        "name_too_long",
        "field.length",
        "{p}_XDR_MC",
        "a subject name longer than 200 characters",
        category=_LP,
    ),
    Fault(
        "fine_in_yuan",
        "amount.yuan_in_wan",
        "CF_NR_FK",
        "the fine written in yuan in the 万元 field (处罚内容 says 罚款5000元, 罚款金额 5000)",
        kinds=_PEN,
    ),
    Fault(
        "bad_amount",
        "decimal.invalid",
        "CF_NR_FK",
        "a fine written in Chinese numerals",
        kinds=_PEN,
    ),
    Fault(
        "unknown_penalty_type",
        "penalty_type.unknown",
        "CF_CFLB",
        "a penalty category that is not a type of 行政处罚法 第九条 (训诫)",
        kinds=_PEN,
    ),
    Fault(
        "validity_reversed",
        "date.order",
        "XK_YXQZI",
        "a licence valid to a date before it is valid from",
        kinds=_LIC,
    ),
    Fault(
        "unknown_license_category",
        "code.unknown",
        "XK_XKLB",
        "a licence category outside the code list",
        kinds=_LIC,
    ),
)

#: Every fault the generator can plant, by name.
FAULTS: Final[Mapping[str, Fault]] = {f.name: f for f in _FAULT_LIST}


def default_faults(kind: RecordKind) -> dict[str, int]:
    """Two of every fault that applies to ``kind``: what the bundled samples plant.

    >>> sorted(default_faults(RecordKind.LICENSE))[:3]
    ['authority_code_checksum', 'credit_code_checksum', 'future_decision_date']
    """
    return {f.name: 2 for f in _FAULT_LIST if kind in f.kinds}


# --- vocabulary -----------------------------------------------------------------------

# (authority, 文号 prefix, division of its credit code)
_AGENCIES: Final = (
    ("北京市朝阳区市场监督管理局", "京朝市监", "110105"),
    ("上海市浦东新区市场监督管理局", "沪浦市监", "310115"),
    ("广州市天河区应急管理局", "穗天应急", "440106"),
    ("成都市生态环境局", "成环", "510100"),
    ("杭州市西湖区综合行政执法局", "杭西综执", "330106"),
    ("武汉市交通运输局", "武交", "420100"),
    ("南京市卫生健康委员会", "宁卫", "320100"),
    ("青岛市城市管理局", "青城管", "370200"),
)
_CITIES: Final = ("北京", "上海", "广州", "成都", "杭州", "武汉", "南京", "青岛")
_BRANDS: Final = (
    "宏达",
    "鑫源",
    "华泰",
    "金桥",
    "瑞丰",
    "恒通",
    "天禾",
    "嘉禾",
    "永盛",
    "博远",
    "中联",
    "新和",
    "安信",
    "润泽",
    "长青",
    "盛世",
    "同创",
    "锦程",
    "国强",
    "顺安",
)
_TRADES: Final = (
    "科技",
    "商贸",
    "餐饮管理",
    "建筑工程",
    "物流",
    "食品",
    "医药",
    "环保科技",
    "汽车服务",
    "文化传媒",
)
_SHOPS: Final = ("小吃店", "便利店", "五金经营部", "服装店", "水果店", "理发店", "烟酒商行", "面馆")
_SURNAMES: Final = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN: Final = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志"

# (违法行为类型, 违法事实 template, 处罚依据, categories)
_VIOLATIONS: Final = (
    (
        "经营不符合食品安全标准的食品",
        "当事人经营的{goods}经抽样检验不合格",
        "《中华人民共和国食品安全法》第一百二十四条第一款",
        ("没收违法所得", "罚款"),
    ),
    (
        "超标排放大气污染物",
        "当事人废气排放口颗粒物浓度超过排放标准",
        "《中华人民共和国大气污染防治法》第九十九条",
        ("罚款", "责令停产停业"),
    ),
    (
        "未取得许可从事经营活动",
        "当事人未取得许可擅自从事{goods}经营",
        "《无证无照经营查处办法》第十三条",
        ("没收违法所得", "罚款"),
    ),
    (
        "发布虚假广告",
        "当事人在网络平台发布含有虚假内容的{goods}广告",
        "《中华人民共和国广告法》第五十五条第一款",
        ("罚款",),
    ),
    (
        "未按规定开展安全生产教育和培训",
        "当事人未对从业人员进行安全生产教育和培训",
        "《中华人民共和国安全生产法》第九十七条",
        ("警告", "罚款"),
    ),
    (
        "车辆超限运输",
        "当事人驾驶的货运车辆车货总重超过限定标准",
        "《公路安全保护条例》第六十四条",
        ("罚款",),
    ),
    (
        "擅自占用道路经营",
        "当事人在店外道路上摆摊经营{goods}",
        "《城市市容和环境卫生管理条例》第三十六条",
        ("警告",),
    ),
    (
        "未按许可条件生产",
        "当事人生产条件发生变化不再符合许可要求且未整改",
        "《中华人民共和国食品安全法》第一百二十六条",
        ("罚款", "吊销许可证件"),
    ),
)
_GOODS: Final = (
    "预包装食品",
    "散装白酒",
    "保健食品",
    "化妆品",
    "电动自行车",
    "儿童玩具",
    "蔬菜",
    "糕点",
)
_SEPARATORS: Final = (";", "；", ",", "，", "、")

# (许可决定文书名称, 许可证书名称, 许可编号 prefix, 许可内容 template, 许可类别)
_LICENCES: Final = (
    ("准予行政许可决定书", "食品经营许可证", "JY1", "预包装食品销售，散装食品销售", "普通"),
    ("准予行政许可决定书", "道路运输经营许可证", "交运管许可", "普通货运", "普通"),
    ("排污许可决定书", "排污许可证", "PW", "废气、废水污染物排放", "普通"),
    ("准予变更登记通知书", "营业执照", "BG", "变更经营范围", "登记"),
    ("准予行政许可决定书", "药品经营许可证", "YP", "药品零售", "核准"),
    ("准予行政许可决定书", "公共场所卫生许可证", "WS", "理发店、美容店", "普通"),
)


class _Gen:
    """Draw the parts of records from one seeded random source."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        r = self.r
        # Each authority keeps one credit code for the whole data set, like in real files.
        self.agencies = [
            (name, prefix, uscc.generate(org_type="11", division=div, rng=r))
            for name, prefix, div in _AGENCIES
        ]
        self.serial: dict[str, int] = {}

    def person(self) -> str:
        r = self.r
        return r.choice(_SURNAMES) + "".join(r.choice(_GIVEN) for _ in range(r.choice((1, 2))))

    def resident_id(self) -> str:
        r = self.r
        born = date(1960, 1, 1) + timedelta(days=r.randrange(40 * 365))
        return resident_id.generate(birth_date=born, rng=r)

    def decision_date(self) -> date:
        span = (_LAST_DAY - _FIRST_DAY).days
        return _FIRST_DAY + timedelta(days=self.r.randrange(span + 1))

    def decision_no(self, prefix: str, kind: RecordKind, day: date) -> str:
        key = f"{prefix}{day.year}{kind.value}"
        self.serial[key] = n = self.serial.get(key, 0) + 1
        word = "罚" if kind is RecordKind.PENALTY else "许"
        return f"{prefix}{word}〔{day.year}〕{n}号"

    def subject(self, category: SubjectCategory, p: str) -> dict[str, str]:
        r = self.r
        v = dict.fromkeys(
            (
                f"{p}_XDR_{s}"
                for s in ("MC", "SHXYM", "GSZC", "ZZJG", "SWDJ", "SYDW", "SHZZ", "ZJLX", "ZJHM")
            ),
            "",
        )
        v.update({f"{p}_FRDB": "", f"{p}_FR_ZJLX": "", f"{p}_FR_ZJHM": ""})
        v[f"{p}_XDR_LB"] = category.value
        city = r.choice(_CITIES)
        if category is SubjectCategory.LEGAL_PERSON:
            code = uscc.generate(org_type="91", rng=r)
            v[f"{p}_XDR_MC"] = (
                f"{city}{r.choice(_BRANDS)}{r.choice(_BRANDS)}{r.choice(_TRADES)}有限公司"
            )
            v[f"{p}_XDR_SHXYM"] = code
            if r.random() < 0.5:
                v[f"{p}_XDR_ZZJG"] = code[8:17]
            v[f"{p}_FRDB"] = self.person()
            if r.random() < 0.5:
                v[f"{p}_FR_ZJLX"] = "身份证"
                v[f"{p}_FR_ZJHM"] = self.resident_id()
        elif category is SubjectCategory.INDIVIDUAL_BUSINESS:
            owner = self.person()
            v[f"{p}_XDR_MC"] = f"{city}市{r.choice(_BRANDS)}{r.choice(_SHOPS)}"
            if r.random() < 0.3:
                v[f"{p}_XDR_SHXYM"] = PLACEHOLDER
                v[f"{p}_XDR_GSZC"] = business_reg_no.generate(rng=r)
            else:
                v[f"{p}_XDR_SHXYM"] = uscc.generate(org_type="92", rng=r)
            v[f"{p}_FRDB"] = owner
        else:
            v[f"{p}_XDR_MC"] = self.person()
            v[f"{p}_XDR_ZJLX"] = "身份证"
            v[f"{p}_XDR_ZJHM"] = self.resident_id()
        return v

    def category(self) -> SubjectCategory:
        x = self.r.random()
        if x < 0.7:
            return SubjectCategory.LEGAL_PERSON
        if x < 0.9:
            return SubjectCategory.INDIVIDUAL_BUSINESS
        return SubjectCategory.NATURAL_PERSON

    def penalty(self, category: SubjectCategory) -> dict[str, str]:
        r = self.r
        v = self.subject(category, "CF")
        agency, prefix, agency_code = r.choice(self.agencies)
        day = self.decision_date()
        wfxw, facts, basis, cats = r.choice(_VIOLATIONS)
        goods = r.choice(_GOODS)
        parts: list[str] = []
        fine = confiscated = ""
        for cat in cats:
            if cat == "罚款":
                yuan = r.choice((500, 1000, 2000, 3000, 5000, 8000, 10000, 20000, 50000, 100000))
                fine = _wan(yuan)
                parts.append(f"罚款人民币{yuan}元")
            elif cat == "没收违法所得":
                gains = r.randrange(2, 500) * 10
                confiscated = _wan(gains)
                parts.append(f"没收违法所得人民币{gains}元")
            elif cat == "吊销许可证件":
                parts.append("吊销食品生产许可证")
            else:
                parts.append(cat)
        v.update(
            {
                "CF_WSH": self.decision_no(prefix, RecordKind.PENALTY, day),
                "CF_WFXW": wfxw,
                "CF_SY": facts.format(goods=goods) + "，违反了相关法律规定。",
                "CF_YJ": basis,
                "CF_CFLB": r.choice(_SEPARATORS).join(cats),
                "CF_NR": "，".join(parts),
                "CF_NR_FK": fine,
                "CF_NR_WFFF": confiscated,
                "CF_NR_ZKDX": (
                    f"食品生产许可证 SC{r.randrange(10**13, 10**14)}"
                    if "吊销许可证件" in cats
                    else ""
                ),
                "CF_JDRQ": _d(day),
                "CF_YXQ": _d(day.replace(year=day.year + 3) - timedelta(days=1))
                if not (day.month == 2 and day.day == 29)
                else _d(date(day.year + 3, 2, 28)),
                "CF_GSJZQ": _d(day + timedelta(days=365)),
                "CF_CFJG": agency,
                "CF_CFJGDM": agency_code,
                "CF_SJLY": agency,
                "CF_SJLYDM": agency_code,
                "BZ": "",
            }
        )
        return v

    def license(self, category: SubjectCategory) -> dict[str, str]:
        r = self.r
        v = self.subject(category, "XK")
        agency, prefix, agency_code = r.choice(self.agencies)
        day = self.decision_date()
        doc, cert, no_prefix, content, cat = r.choice(_LICENCES)
        if r.random() < 0.3:
            valid_to = "2099/12/31"  # open-ended (长期), 790号
        else:
            valid_to = _d(date(day.year + 5, day.month, 28 if day.month == 2 else day.day))
        v.update(
            {
                "XK_XKWS": doc,
                "XK_WSH": self.decision_no(prefix, RecordKind.LICENSE, day),
                "XK_XKLB": cat,
                "XK_XKZS": cert,
                "XK_XKBH": f"{no_prefix}{r.randrange(10**9, 10**10)}",
                "XK_NR": content,
                "XK_JDRQ": _d(day),
                "XK_YXQZ": _d(day),
                "XK_YXQZI": valid_to,
                "XK_XKJG": agency,
                "XK_XKJGDM": agency_code,
                "XK_ZT": "1",
                "XK_LYDW": agency,
                "XK_LYDWDM": agency_code,
                "BZ": "",
            }
        )
        return v

    # --- planting ---------------------------------------------------------------------

    def plant(self, fault: Fault, kind: RecordKind, v: dict[str, str]) -> None:
        p = _PREFIX[kind]
        r = self.r
        name = fault.name
        if name in ("credit_code_checksum", "authority_code_checksum"):
            key = f"{p}_XDR_SHXYM" if name == "credit_code_checksum" else _AGENCY_CODE[kind]
            v[key] = _break_check(v[key], r)
        elif name == "missing_decision_no":
            v[f"{p}_WSH"] = ""
        elif name == "future_decision_date":
            v[f"{p}_JDRQ"] = "2090/03/15"
            if kind is RecordKind.PENALTY:
                v["CF_YXQ"] = v["CF_GSJZQ"] = ""
            else:
                v["XK_YXQZ"], v["XK_YXQZI"] = "2090/03/15", "2099/12/31"
        elif name == "impossible_date":
            v[f"{p}_JDRQ"] = "2023/02/29"
        elif name == "natural_person_without_id":
            v[f"{p}_XDR_ZJHM"] = ""
        elif name == "resident_id_checksum":
            v[f"{p}_XDR_ZJHM"] = _break_check(v[f"{p}_XDR_ZJHM"], r, alphabet="0123456789X")
        elif name == "placeholder_without_reg_no":
            v[f"{p}_XDR_SHXYM"] = PLACEHOLDER
            v[f"{p}_XDR_GSZC"] = ""
        elif name == "placeholder_on_company":
            v[f"{p}_XDR_SHXYM"] = PLACEHOLDER
            v[f"{p}_XDR_ZZJG"] = ""
            v[f"{p}_XDR_GSZC"] = business_reg_no.generate(rng=r)  # only the category is wrong
        elif name == "org_code_mismatch":
            other = org_code.generate(rng=r)
            while other == v[f"{p}_XDR_SHXYM"][8:17]:  # pragma: no cover - astronomically rare
                other = org_code.generate(rng=r)
            v[f"{p}_XDR_ZZJG"] = other
        elif name == "unknown_subject_category":
            v[f"{p}_XDR_LB"] = "企业"
        elif name == "name_too_long":
            v[f"{p}_XDR_MC"] = v[f"{p}_XDR_MC"] + "（" + "分支机构" * 50 + "）"
        elif name == "fine_in_yuan":
            v["CF_CFLB"], v["CF_NR"], v["CF_NR_FK"], v["CF_NR_WFFF"] = (
                "罚款",
                "罚款人民币5000元",
                "5000",
                "",
            )
            v["CF_NR_ZKDX"] = ""
        elif name == "bad_amount":
            v["CF_CFLB"], v["CF_NR"], v["CF_NR_FK"], v["CF_NR_WFFF"] = (
                "罚款",
                "罚款人民币贰仟元",
                "贰仟",
                "",
            )
            v["CF_NR_ZKDX"] = ""
        elif name == "unknown_penalty_type":
            v["CF_CFLB"] = v["CF_CFLB"] + "、训诫"
        elif name == "validity_reversed":
            v["XK_YXQZI"] = _d(_parse(v["XK_YXQZ"]) - timedelta(days=30))
        elif name == "unknown_license_category":
            v["XK_XKLB"] = "审批"
        else:  # pragma: no cover - the table and this function are kept in step by a test
            raise AssertionError(name)


def _d(day: date) -> str:
    return f"{day.year:04d}/{day.month:02d}/{day.day:02d}"


def _parse(text: str) -> date:
    y, m, d = text.split("/")
    return date(int(y), int(m), int(d))


def _wan(yuan: int) -> str:
    """Yuan as 万元 text: 2000 -> '0.2', 10000 -> '1'."""
    return format((Decimal(yuan) / 10000).normalize(), "f")


def _break_check(code: str, r: random.Random, alphabet: str = uscc.ALPHABET) -> str:
    """The code with its last (check) character replaced by another one."""
    last = code[-1]
    return code[:-1] + r.choice([c for c in alphabet if c != last])


_MAKERS: Final[dict[RecordKind, Callable[[_Gen, SubjectCategory], dict[str, str]]]] = {
    RecordKind.LICENSE: _Gen.license,
    RecordKind.PENALTY: _Gen.penalty,
}


def generate_records(
    kind: RecordKind,
    n: int,
    *,
    seed: int = 0,
    faults: Mapping[str, int] | None = None,
) -> Iterator[SampleRecord]:
    """Generate ``n`` realistic synthetic records of ``kind``, lazily, with planted faults.

    The same ``seed`` gives the same records. ``faults`` maps fault names
    (:data:`FAULTS`) to how many rows get that fault; each faulty row gets
    exactly one fault, on rows chosen at random; all other rows are clean.
    Records are produced one at a time, so a million of them take no memory.

    >>> recs = list(generate_records(RecordKind.PENALTY, 50, seed=3,
    ...                              faults={"missing_decision_no": 2}))
    >>> [(f.fault, f.field) for r in recs for f in r.faults]
    [('missing_decision_no', 'CF_WSH'), ('missing_decision_no', 'CF_WSH')]
    >>> recs[0].values["CF_XDR_LB"] in ("法人及非法人组织", "自然人", "个体工商户")
    True
    """
    plan = dict(faults or {})
    for name in plan:
        if name not in FAULTS:
            raise UnknownName(
                "samples.fault",
                message_en=f"unknown fault {name!r}; known: {', '.join(FAULTS)}",
                message_zh=f"未知的缺陷类型 {name!r}；可选：{', '.join(FAULTS)}",
                field="faults",
            )
        if kind not in FAULTS[name].kinds:
            raise ArgumentError(
                "samples.fault",
                message_en=f"fault {name!r} does not apply to {kind.value} records",
                message_zh=f"缺陷类型 {name!r} 不适用于 {kind.value} 记录",
                field="faults",
            )
    total = sum(plan.values())
    if total > n:
        raise ArgumentError(
            "samples.faults",
            message_en=f"{total} faults do not fit in {n} records",
            message_zh=f"{total} 个缺陷放不进 {n} 条记录",
            field="faults",
        )
    gen = _Gen(seed)
    order = [name for name, count in sorted(plan.items()) for _ in range(count)]
    rows = gen.r.sample(range(1, n + 1), total) if total else []
    at = dict(zip(rows, order))
    make = _MAKERS[kind]
    codes = [f.code for f in fields(kind)]
    for row in range(1, n + 1):
        planted_name = at.get(row)
        if planted_name is None:
            yield SampleRecord(row, _ordered(make(gen, gen.category()), codes))
            continue
        fault = FAULTS[planted_name]
        values = make(gen, fault.category or gen.category())
        gen.plant(fault, kind, values)
        planted = PlantedFault(row, planted_name, fault.code, fault.field_for(kind))
        yield SampleRecord(row, _ordered(values, codes), (planted,))


def _ordered(values: dict[str, str], codes: list[str]) -> dict[str, str]:
    return {c: values.get(c, "") for c in codes}
