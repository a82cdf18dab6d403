"""Masking rules: one small callable per kind of value, precompiled, never raising.

Every rule is a frozen attrs class with ``__call__(value: str) -> str``. The
per-value path is slicing and one ``str.translate`` at most; only free text
(:class:`FreeTextRule`) and addresses (:class:`AddressRule`) use a regular
expression. Odd input (empty, too short, mixed full/half width, junk) never
raises: a rule that cannot recognise the value's shape keeps less of it.

The defaults follow common practice in Chinese portals and GB/T 35273-2020
《信息安全技术 个人信息安全规范》 (附录A 去标识化: partial masking of direct
identifiers); no national text fixes how many characters a 双公示 portal may
show (docs/sources.md#certainty: ?), so every rule is configurable and the profiles that use
them can be replaced by the user.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from typing import Any, Final, Protocol

import attrs

from .._text import SEPARATORS, compact_identifier, safe_repr, to_halfwidth
from ..errors import ArgumentError, ArgumentTypeError, UnknownName

__all__ = [
    "COMPOUND_SURNAMES",
    "DEFAULT_RULES",
    "AddressLevel",
    "AddressRule",
    "EmailRule",
    "FreeTextRule",
    "KeepEnds",
    "MaskRule",
    "NameRule",
    "PhoneRule",
    "ValueKind",
    "mask",
]


class ValueKind(enum.Enum):
    """The kind of value a field holds, which decides the masking rule.

    >>> ValueKind("id_number")
    <ValueKind.ID_NUMBER: 'id_number'>
    """

    #: a person's name (自然人姓名, 法定代表人)
    NAME = "name"
    #: resident ID (居民身份证号码, GB 11643) and other identity documents
    ID_NUMBER = "id_number"
    #: passport number (护照号)
    PASSPORT = "passport"
    #: mobile or fixed-line telephone number (手机号码 / 固定电话)
    PHONE = "phone"
    #: postal address (住址 / 住所)
    ADDRESS = "address"
    #: bank card or account number (银行卡号)
    BANK_CARD = "bank_card"
    #: e-mail address
    EMAIL = "email"
    #: 统一社会信用代码 (GB 32100-2015): public for organisations
    USCC = "uscc"
    #: other organisation codes (工商注册号, 组织机构代码, 税务登记号, ...): public
    ORG_CODE = "org_code"
    #: free text (违法事实, 备注): identity and mobile numbers inside it are masked
    TEXT = "text"


class MaskRule(Protocol):
    """Anything that masks one value: a callable from ``str`` to ``str`` that never raises.

    >>> rule: MaskRule = KeepEnds(keep_start=1, keep_end=1)
    >>> rule("1234")
    '1**4'
    """

    def __call__(self, value: str, /) -> str:
        """Return the masked form of ``value``."""
        ...


def _check_mask_char(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if len(value) != 1:
        raise ArgumentError(
            "privacy.rule",
            message_en=f"{attribute.name} must be a single character",
            message_zh=f"{attribute.name} 应为单个字符",
            field=attribute.name,
        )


def _check_non_negative(instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if value < 0:
        raise ArgumentError(
            "privacy.rule",
            message_en=f"{attribute.name} must not be negative",
            message_zh=f"{attribute.name} 不能为负数",
            field=attribute.name,
        )


def _check_width(instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and value < 1:
        raise ArgumentError(
            "privacy.rule",
            message_en=f"{attribute.name} must be at least 1 (or None)",
            message_zh=f"{attribute.name} 应不小于1（或为 None）",
            field=attribute.name,
        )


def _keep_ends(
    s: str, keep_start: int, keep_end: int, min_hidden: int, mask: str, width: int | None
) -> str:
    """Keep ``keep_start``/``keep_end`` characters of ``s`` and mask the middle.

    When ``s`` is shorter than ``keep_start + keep_end + min_hidden`` the kept
    counts shrink in proportion (rounded down), so a short value never shows a
    larger share of itself than a full-length one.
    """
    n = len(s)
    if n == 0:
        return ""
    full = keep_start + keep_end + min_hidden
    if n < full:
        keep_start = keep_start * n // full
        keep_end = keep_end * n // full
    hidden = n - keep_start - keep_end
    middle = mask * (hidden if width is None else width)
    return s[:keep_start] + middle + s[n - keep_end :]


@attrs.frozen(kw_only=True)
class KeepEnds:
    """Keep a few characters at each end and mask the middle.

    The rule for identity numbers, passports, bank cards and codes. With
    ``compact=True`` (the default) the value is first folded to half width,
    stripped of separators and upper-cased (``11010519491231002x`` and
    ``１１０１０５ １９４９…`` mask the same way). ``min_hidden`` is how many
    characters a full-length value hides at least: a value shorter than
    ``keep_start + keep_end + min_hidden`` keeps proportionally less.
    ``fixed_width`` writes exactly that many mask characters, so that the
    output does not reveal the value's length.

    >>> rule = KeepEnds(keep_start=6, keep_end=4, min_hidden=8)
    >>> rule("11010519491231002x")
    '110105********002X'
    >>> rule("1234")  # too short: keeps less
    '1***'
    >>> KeepEnds(keep_end=4, fixed_width=4, mask_char="#")("6222021234567890123")
    '####0123'
    """

    keep_start: int = attrs.field(default=0, validator=_check_non_negative)
    keep_end: int = attrs.field(default=0, validator=_check_non_negative)
    min_hidden: int = attrs.field(default=1, validator=_check_non_negative)
    mask_char: str = attrs.field(default="*", validator=_check_mask_char)
    fixed_width: int | None = attrs.field(default=None, validator=_check_width)
    compact: bool = True
    _full: int = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_full", self.keep_start + self.keep_end + self.min_hidden)

    def __call__(self, value: str, /) -> str:
        """Mask ``value``."""
        if not self.compact:
            s = value.strip()
        elif value.isascii() and value.isalnum():  # the common case: already compact
            s = value.upper()
        else:
            s = compact_identifier(value)
        n = len(s)
        keep_start, keep_end = self.keep_start, self.keep_end
        full = self._full
        if n < full:
            if n == 0:
                return ""
            keep_start = keep_start * n // full
            keep_end = keep_end * n // full
        width = self.fixed_width
        hidden = n - keep_start - keep_end if width is None else width
        return s[:keep_start] + self.mask_char * hidden + s[n - keep_end :]


#: Chinese compound surnames (复姓) from 《百家姓》 and common use. A name that starts
#: with one of these (and is longer than two characters) keeps both characters.
COMPOUND_SURNAMES: Final[frozenset[str]] = frozenset(
    [
        "欧阳",
        "太史",
        "端木",
        "上官",
        "司马",
        "东方",
        "独孤",
        "南宫",
        "万俟",
        "闻人",
        "夏侯",
        "诸葛",
        "尉迟",
        "公羊",
        "赫连",
        "澹台",
        "皇甫",
        "宗政",
        "濮阳",
        "公冶",
        "太叔",
        "申屠",
        "公孙",
        "慕容",
        "仲孙",
        "钟离",
        "长孙",
        "宇文",
        "司徒",
        "鲜于",
        "司空",
        "闾丘",
        "子车",
        "亓官",
        "司寇",
        "巫马",
        "公西",
        "颛孙",
        "壤驷",
        "公良",
        "漆雕",
        "乐正",
        "宰父",
        "谷梁",
        "拓跋",
        "夹谷",
        "轩辕",
        "令狐",
        "段干",
        "百里",
        "呼延",
        "东郭",
        "南门",
        "羊舌",
        "微生",
        "公户",
        "公玉",
        "公仪",
        "梁丘",
        "公仲",
        "公上",
        "公门",
        "公山",
        "公坚",
        "左丘",
        "公伯",
        "西门",
        "公祖",
        "第五",
        "公乘",
        "贯丘",
        "公皙",
        "南荣",
        "东里",
        "东宫",
        "仲长",
        "子书",
        "子桑",
        "即墨",
        "达奚",
        "褚师",
    ]
)

_WHITESPACE: Final[dict[int, None]] = dict.fromkeys(map(ord, " \t\r\n\v\f\u00a0\u3000\u200b\ufeff"))


@attrs.frozen(kw_only=True)
class NameRule:
    """Keep the surname (复姓 included) and mask the given name.

    Spaces inside a Chinese name (``张　三``, padding from old systems) are
    dropped. A name without Chinese characters keeps its first character only.
    ``keep_end`` also keeps the last characters of the given name (never the
    whole of it); ``keep_surname=False`` masks everything.

    >>> rule = NameRule()
    >>> rule("张三"), rule("欧阳娜娜"), rule("诸葛亮"), rule("李")
    ('张*', '欧阳**', '诸葛*', '*')
    >>> NameRule(keep_end=1)("王小明")
    '王*明'
    >>> NameRule(fixed_width=2)("司马相如")
    '司马**'
    """

    keep_surname: bool = True
    keep_end: int = attrs.field(default=0, validator=_check_non_negative)
    mask_char: str = attrs.field(default="*", validator=_check_mask_char)
    fixed_width: int | None = attrs.field(default=None, validator=_check_width)
    compound_surnames: frozenset[str] = COMPOUND_SURNAMES

    def __call__(self, value: str, /) -> str:
        """Mask ``value``."""
        s = value.strip()
        if not s.isascii() and (" " in s or not s.isprintable()):
            s = s.translate(_WHITESPACE)  # 张　三: padding inside a Chinese name
        n = len(s)
        width = self.fixed_width
        if n < 2:  # a single character (or nothing): all of it is hidden
            return "" if n == 0 else self.mask_char * (1 if width is None else width)
        if not self.keep_surname:
            keep = 0
        elif n > 2 and s[:2] in self.compound_surnames and not s.isascii():
            keep = 2
        else:
            keep = 1
        keep_end = self.keep_end
        if keep_end and keep + keep_end >= n:
            keep_end = n - keep - 1
        hidden = n - keep - keep_end if width is None else width
        return s[:keep] + self.mask_char * hidden + s[n - keep_end :]


_PHONE_JUNK: Final[dict[int, None]] = dict.fromkeys(map(ord, "()（）+＋"))


@attrs.frozen(kw_only=True)
class PhoneRule:
    """Mask a mobile (11 digits, ``1…``) or fixed-line (``0`` + area code) number.

    A mobile number keeps ``keep_start`` and ``keep_end`` digits (``138****5678``,
    a prefix ``+86``/``0086`` is kept). A fixed-line number keeps its area code
    (3 digits for 010 and 02x, else 4) when ``keep_area_code`` and the last
    ``landline_keep_end`` digits of the local number, and is written
    ``area-local``. Anything else keeps at most its last digits.

    >>> rule = PhoneRule()
    >>> rule("13812345678"), rule("+86 138-1234-5678")
    ('138****5678', '+86138****5678')
    >>> rule("(010) 6512 3456"), rule("0571-87654321")
    ('010-****3456', '0571-****4321')
    >>> rule("12345")
    '****5'
    """

    keep_start: int = attrs.field(default=3, validator=_check_non_negative)
    keep_end: int = attrs.field(default=4, validator=_check_non_negative)
    keep_area_code: bool = True
    landline_keep_end: int = attrs.field(default=4, validator=_check_non_negative)
    mask_char: str = attrs.field(default="*", validator=_check_mask_char)
    fixed_width: int | None = attrs.field(default=None, validator=_check_width)

    def __call__(self, value: str, /) -> str:
        """Mask ``value``."""
        if value.isascii() and value.isdigit():  # the common case: digits only
            d = value
        else:
            d = compact_identifier(value).translate(_PHONE_JUNK)
        n = len(d)
        prefix = ""
        # China's country code (ITU-T E.164: +86, dialled 0086) before a mobile number, or
        # before an area code written without (or with) its trunk 0: +86 10 6512 3456.
        if n > 10 and d.startswith(("86", "0086")):  # most numbers have none: one cheap test
            rest = d[2:] if d[0] == "8" else d[4:]
            mobile = len(rest) == 11 and rest[0] == "1" and rest[1] != "0"
            trunk = rest[:1] == "0" and 10 <= len(rest) <= 12  # +86 (0)571 8765 4321
            if mobile or trunk:
                prefix, d = "+86", rest
            elif 9 <= len(rest) <= 11 and (rest[0] in "23456789" or rest[:2] == "10"):
                prefix, d = "+86", "0" + rest  # back to the national form
        n = len(d)
        m, w = self.mask_char, self.fixed_width
        if n == 11 and d[0] == "1" and d.isdigit():
            return prefix + _keep_ends(d, self.keep_start, self.keep_end, 4, m, w)
        if 10 <= n <= 12 and d[0] == "0" and d.isdigit():
            area = 3 if d[1] in "12" else 4
            local = _keep_ends(d[area:], 0, self.landline_keep_end, 3, m, w)
            code = d[:area] if self.keep_area_code else m * area
            if prefix:  # international form: +86-10-****3456
                return prefix + "-" + code[1:] + "-" + local
            return code + "-" + local
        return prefix + _keep_ends(d, 0, min(self.landline_keep_end, 1), 4, m, w)


# A province-level unit, then a prefecture-level unit, then a county-level unit
# (GB/T 2260 naming: 省/自治区/直辖市/特别行政区; 市/自治州/地区/盟; 区/县/旗/县级市).
# Below that level and never kept: a residential compound (小区), a community (社区), a
# market (市场), whose names can point at a person's home.
_PROVINCE = r"(?:[^省市区县]{2,8}?(?:省|自治区|特别行政区)|北京市?|天津市?|上海市?|重庆市?)?"
_PREFECTURE = r"(?:[^省市盟区县旗]{1,10}?(?:自治州|市(?!场)|州(?![市区县])|地区|盟))?"
_COUNTY = r"(?:[^省市盟区县旗]{1,10}?(?:自治县|自治旗|(?<![小社])区|县|旗|市(?!场)))?"
# One pattern per level: the end of the match is the end of what is kept.
_ADDRESS: Final[dict[str, re.Pattern[str]]] = {
    "province": re.compile(_PROVINCE),
    "prefecture": re.compile(_PROVINCE + _PREFECTURE),
    "county": re.compile(_PROVINCE + _PREFECTURE + _COUNTY),
}


class AddressLevel(enum.Enum):
    """How much of an address :class:`AddressRule` keeps.

    >>> AddressLevel("county")
    <AddressLevel.COUNTY: 'county'>
    """

    PROVINCE = "province"
    PREFECTURE = "prefecture"
    COUNTY = "county"


@attrs.frozen(kw_only=True)
class AddressRule:
    """Keep an address down to the district or county (区/县) and mask the rest.

    ``level`` keeps less (``PREFECTURE``, ``PROVINCE``). An address whose
    administrative divisions are not recognised is masked completely; so is
    whatever follows the kept divisions. ``fixed_width`` (default 4) hides the
    length of the masked detail.

    >>> rule = AddressRule()
    >>> rule("浙江省杭州市西湖区文三路90号")
    '浙江省杭州市西湖区****'
    >>> rule("北京市朝阳区建国路88号")
    '北京市朝阳区****'
    >>> AddressRule(level=AddressLevel.PREFECTURE)("新疆维吾尔自治区乌鲁木齐市天山区解放北路1号")
    '新疆维吾尔自治区乌鲁木齐市****'
    >>> rule("文三路90号")
    '****'
    """

    level: AddressLevel = AddressLevel.COUNTY
    mask_char: str = attrs.field(default="*", validator=_check_mask_char)
    fixed_width: int | None = attrs.field(default=4, validator=_check_width)
    _pattern: re.Pattern[str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_pattern", _ADDRESS[self.level.value])

    def __call__(self, value: str, /) -> str:
        """Mask ``value``."""
        s = value if value.isprintable() and " " not in value else value.translate(_WHITESPACE)
        if not s:
            return ""
        m = self._pattern.match(s)
        assert m is not None  # every part is optional: the pattern always matches
        end = m.end()
        rest = len(s) - end
        if rest == 0:  # nothing below the kept divisions: still hide that fact
            rest = 1
        width = self.fixed_width
        return s[:end] + self.mask_char * (rest if width is None else width)


@attrs.frozen(kw_only=True)
class EmailRule:
    """Keep the first ``keep_start`` characters of the local part and the domain.

    >>> EmailRule()("zhangsan@example.com")
    'z*******@example.com'
    >>> EmailRule(fixed_width=3)("a@b.cn"), EmailRule()("not-an-email")
    ('***@b.cn', '************')
    """

    keep_start: int = attrs.field(default=1, validator=_check_non_negative)
    keep_domain: bool = True
    mask_char: str = attrs.field(default="*", validator=_check_mask_char)
    fixed_width: int | None = attrs.field(default=None, validator=_check_width)

    def __call__(self, value: str, /) -> str:
        """Mask ``value``."""
        s = value.strip() if value.isascii() else to_halfwidth(value).strip()
        local, at, domain = s.rpartition("@")
        if not at or not local or not domain:
            return _keep_ends(s, 0, 0, 0, self.mask_char, self.fixed_width)
        masked = _keep_ends(local, self.keep_start, 0, 2, self.mask_char, self.fixed_width)
        return masked + "@" + (domain if self.keep_domain else self.mask_char * 3)


# What could be an identity number inside free text (fail closed: mask more, never less).
# A 居民身份证 number has 18 characters, the last a digit or X (GB 11643-1999 §4), a legacy
# one 15 digits; 港澳台居民居住证 and the 2023 外国人永久居留身份证 have the same 18-character
# shape, the old 外国人永久居留证 3 letters (ISO 3166-1 alpha-3) and 12 digits. People write
# them grouped (110105 19491231 002X, 6-4-4-4 hyphens), split by dots, no-break or zero-width
# spaces, glued to a prefix (ID110105…) or to more digits. So: any run of 15 or more digits,
# in half or full width, with up to three separator characters between two digits and an
# optional final X, is masked whole, checksum or not; and so are 3 letters followed by 12 or
# more digits. A run of two dates (2023.03.14-2024.03.13, 16 digits) is the one shape left
# alone: no identity number has 16 characters.
_D = "[0-9０-９]"
# every separator of compact_identifier except the ones that join other things (/ \ : |)
_SEP = "[" + re.escape("".join(c for c in SEPARATORS if c not in "/\\:|")) + "]"
_ID_IN_TEXT = re.compile(
    rf"(?<![0-9０-９]){_D}(?:{_SEP}{{0,3}}{_D}){{14,}}(?:{_SEP}{{0,3}}[XxＸｘ])?"
    rf"|[A-Za-zＡ-Ｚａ-ｚ]{{3}}{_SEP}{{0,3}}{_D}(?:{_SEP}{{0,3}}{_D}){{11,}}"
)
_DATE = r"(?:19|20)\d\d[-.．\s]?(?:0?[1-9]|1[0-2])[-.．\s]?(?:0?[1-9]|[12]\d|3[01])"
_DATE_RANGE = re.compile(rf"{_DATE}{_SEP}{{1,3}}{_DATE}")
# A mobile number may carry the country code (+86, 0086, 86) and be grouped 3-4-4 by
# spaces, hyphens, dots or invisible characters: 138-1234-5678, +86 138 1234 5678.
_GAP = f"{_SEP}{{0,3}}"
_MOBILE_IN_TEXT = re.compile(
    rf"(?<![0-9０-９])(?:(?:[+＋]|00|００)?[8８][6６]{_GAP})?"
    rf"[1１][3-9３-９][0-9０-９](?:{_GAP}[0-9０-９]{{4}}){{2}}(?![0-9０-９])"
)


@attrs.frozen(kw_only=True)
class FreeTextRule:
    """Mask anything that could be an identity number, and mobile numbers, inside free text.

    Every run of 15 or more digits (half or full width, with up to three
    separators such as spaces, no-break or zero-width spaces, dots or hyphens
    between two digits, and an optional final ``X``) is masked whole with
    ``id_rule``, and so are 3 letters followed by 12 digits (the old
    外国人永久居留证): 18- and 15-character resident IDs, residence permits and
    foreign permanent IDs, checksum or not, glued to a prefix (``ID…``) or to
    more digits. Only a range of two dates and ``0086`` before a mobile number
    are left to other rules. Names and addresses inside free text cannot be
    found reliably; a profile that must hide them should mask the field
    whole. ``None`` for a sub-rule leaves those numbers as they are.

    >>> FreeTextRule()("当事人张某（身份证号110105194912310021，电话13812345678）")
    '当事人张某（身份证号1101**********0021，电话138****5678）'
    >>> FreeTextRule()("当事人ID1101\u200b0519491231002X违法")
    '当事人ID1101**********002X违法'
    """

    id_rule: MaskRule | None = attrs.field(
        factory=lambda: KeepEnds(keep_start=4, keep_end=4, min_hidden=10)
    )
    phone_rule: MaskRule | None = attrs.field(factory=PhoneRule)

    def __call__(self, value: str, /) -> str:
        """Mask ``value``."""
        # Most free text holds fewer digits than any number sought here (a mobile number has
        # 11, the shortest identity number 12 after its letters): one quick count skips
        # both regular expressions.
        digits = len(_ANY_DIGIT.findall(value))
        if digits < 11:
            return value
        id_rule, phone_rule = self.id_rule, self.phone_rule
        if id_rule is not None and digits >= 12:
            value = _ID_IN_TEXT.sub(lambda m: _mask_id_run(m.group(), id_rule), value)
        if phone_rule is not None:
            value = _MOBILE_IN_TEXT.sub(lambda m: phone_rule(m.group()), value)
        return value


#: A half- or full-width digit (to count them).
_ANY_DIGIT: Final = re.compile(_D)


def _mask_id_run(run: str, id_rule: MaskRule) -> str:
    """Mask a run that could be an identity number, unless it is two dates or a phone number.

    ``0086`` and a mobile number make 15 digits, but no identity number starts with 0: the
    run is left to the phone rule.
    """
    if len(run) >= 15:
        half = to_halfwidth(run)
        if half.startswith("0086") and _MOBILE_IN_TEXT.fullmatch(half):
            return run
        if len(run) >= 17 and _DATE_RANGE.fullmatch(half):
            return run
    return id_rule(run)


#: The rule each kind gets when no profile says otherwise (what a public portal
#: may show). Organisation codes are public (docs/sources.md#src-790: subjects are keyed by
#: 统一社会信用代码); their rule applies only where a profile asks to mask them.
DEFAULT_RULES: Final[Mapping[ValueKind, MaskRule]] = {
    ValueKind.NAME: NameRule(),
    ValueKind.ID_NUMBER: KeepEnds(keep_start=4, keep_end=4, min_hidden=10),
    ValueKind.PASSPORT: KeepEnds(keep_start=1, keep_end=3, min_hidden=4),
    ValueKind.PHONE: PhoneRule(),
    ValueKind.ADDRESS: AddressRule(),
    ValueKind.BANK_CARD: KeepEnds(keep_start=0, keep_end=4, min_hidden=12),
    ValueKind.EMAIL: EmailRule(),
    ValueKind.USCC: KeepEnds(keep_start=8, keep_end=1, min_hidden=9),
    ValueKind.ORG_CODE: KeepEnds(keep_start=2, keep_end=1, min_hidden=6),
    ValueKind.TEXT: FreeTextRule(),
}


def mask(value: str, kind: ValueKind, rule: MaskRule | None = None) -> str:
    """Mask one ``value`` of ``kind`` with ``rule`` (default: :data:`DEFAULT_RULES`).

    >>> mask("11010519491231002X", ValueKind.ID_NUMBER)
    '1101**********002X'
    >>> mask("欧阳修", ValueKind.NAME)
    '欧阳*'
    >>> mask("6222021234567890123", ValueKind.BANK_CARD, KeepEnds(keep_start=6, keep_end=4))
    '622202*********0123'
    """
    if not isinstance(value, str):
        raise ArgumentTypeError(
            "privacy.mask",
            message_en=f"mask() takes text, not {type(value).__name__}",
            message_zh=f"mask() 只接受文本，而不是 {type(value).__name__}",
            field="value",
        )
    if rule is None:
        try:
            rule = DEFAULT_RULES[ValueKind(kind)]  # a member or its value ("id_number")
        except (ValueError, TypeError, KeyError):
            known = ", ".join(k.value for k in ValueKind)
            raise UnknownName(
                "privacy.kind",
                message_en=f"no value kind {safe_repr(kind)}; known: {known}",
                message_zh=f"没有值类型 {safe_repr(kind)}；可用：{known}",
                field="kind",
            ) from None
    return rule(value)
