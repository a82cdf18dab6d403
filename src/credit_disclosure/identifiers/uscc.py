"""统一社会信用代码 (Unified Social Credit Code, USCC), GB 32100-2015.

Issued since 2015-10-01 to every legal person and other organisation. 18
characters from the alphabet ``0-9 A-H J-N P-R T U W-Y`` (no I, O, S, V, Z):

====== ======= =====================================================
chars  length  meaning
====== ======= =====================================================
1      1       登记管理部门代码 registration authority (1-9, A, N, Y)
2      1       机构类别代码 institution type under that authority
3-8    6       登记管理机关行政区划码, GB/T 2260 division (or 100000)
9-17   9       主体标识码: the GB 11714 组织机构代码 with its own check digit
18     1       check character, GB 32100-2015 4.2 (weights 3**i mod 31)
====== ======= =====================================================

>>> from credit_disclosure.identifiers import uscc
>>> uscc.validate("９１５１２０８１ＭＡ６２Ｋ０２６０Ｅ")
'91512081MA62K0260E'
>>> uscc.parse("91110000600037341L").org_type_name
'企业'
>>> uscc.is_valid("91512081MA62K0260F")
False
"""

from __future__ import annotations

import random
from typing import Final, NoReturn

import attrs

from .. import errors
from . import _checkdigits, _common, _divisions

# The shared helpers, bound to private names: this module exports only __all__.
_USCC_ALPHABET = _checkdigits.USCC_ALPHABET
_USCC_TO_B34_BYTES = _checkdigits.USCC_TO_B34_BYTES
_gb11714 = _checkdigits.gb11714
_gb32100 = _checkdigits.gb32100
_DIGITS = _common.DIGITS
_DIGITS_WHAT = _common.DIGITS_WHAT
_checksum_error = _common.checksum_error
_compact = _common.compact
_component_error = _common.component_error
_first_bad = _common.first_bad
_format_error = _common.format_error
_generate_part = _common.generate_part
_length_error = _common.length_error
_rng_of = _common.rng_of
_InvalidChecksum = errors.InvalidChecksum

__all__ = [
    "ALPHABET",
    "AUTHORITY_TYPES",
    "NATIONAL_DIVISION",
    "UsccInfo",
    "compact",
    "format",
    "generate",
    "is_valid",
    "parse",
    "validate",
]

_M: Final = "uscc"

#: GB 32100-2015 附录A 表A.1 (登记管理部门代码) and 表A.2 (机构类别代码), with the
#: letter authorities A (中央军委改革和编制办公室), N (农业农村部门) and Y (其他) added by
#: later notices (docs/sources.md#src-gb-32100, certainty M). (authority zh, authority en, type zh).
AUTHORITY_TYPES: Final[dict[str, tuple[str, str, str]]] = {
    "11": ("机构编制", "institutional establishment", "机关"),
    "12": ("机构编制", "institutional establishment", "事业单位"),
    "13": ("机构编制", "institutional establishment", "中央编办直接管理机构编制的群众团体"),
    "19": ("机构编制", "institutional establishment", "其他"),
    "21": ("外交", "foreign affairs", "外国常驻新闻机构"),
    "29": ("外交", "foreign affairs", "其他"),
    "31": ("司法行政", "justice", "律师执业机构"),
    "32": ("司法行政", "justice", "公证处"),
    "33": ("司法行政", "justice", "基层法律服务所"),
    "34": ("司法行政", "justice", "司法鉴定机构"),
    "35": ("司法行政", "justice", "仲裁委员会"),
    "39": ("司法行政", "justice", "其他"),
    "41": ("文化", "culture", "外国在华文化中心"),
    "49": ("文化", "culture", "其他"),
    "51": ("民政", "civil affairs", "社会团体"),
    "52": ("民政", "civil affairs", "民办非企业单位"),
    "53": ("民政", "civil affairs", "基金会"),
    "59": ("民政", "civil affairs", "其他"),
    "61": ("旅游", "tourism", "外国旅游部门常驻代表机构"),
    "62": ("旅游", "tourism", "港澳台地区旅游部门常驻内地（大陆）代表机构"),
    "69": ("旅游", "tourism", "其他"),
    "71": ("宗教", "religious affairs", "宗教活动场所"),
    "72": ("宗教", "religious affairs", "宗教院校"),
    "79": ("宗教", "religious affairs", "其他"),
    "81": ("工会", "trade unions", "基层工会"),
    "89": ("工会", "trade unions", "其他"),
    "91": ("工商", "industry and commerce", "企业"),
    "92": ("工商", "industry and commerce", "个体工商户"),
    "93": ("工商", "industry and commerce", "农民专业合作社"),
    "A1": ("中央军委改革和编制办公室", "military", "军队事业单位"),
    "A9": ("中央军委改革和编制办公室", "military", "其他"),
    "N1": ("农业", "agriculture", "组级集体经济组织"),
    "N2": ("农业", "agriculture", "村级集体经济组织"),
    "N3": ("农业", "agriculture", "乡镇级集体经济组织"),
    "N9": ("农业", "agriculture", "其他"),
    "Y1": ("其他", "other", "其他"),
}

#: The 31 characters a code is written with (GB 32100-2015 4.1): digits and the upper-case
#: letters without I, O, S, V and Z.
ALPHABET: Final = _USCC_ALPHABET

#: Division part of codes issued by national-level registration bodies (e.g. the
#: former 国家工商行政管理总局 registers central enterprises under 100000).
NATIONAL_DIVISION: Final = "100000"


@attrs.frozen
class UsccInfo:
    """The parts of a 统一社会信用代码 (GB 32100-2015 4.1).

    >>> info = parse("91512081MA62K0260E")
    >>> info.registration_authority, info.org_type, info.division, info.org_code
    ('9', '91', '512081', 'MA62K0260')
    >>> info.authority_name, info.org_type_name, info.division_name
    ('工商', '企业', '四川省资阳市简阳市')
    """

    #: 登记管理部门代码 (position 1).
    registration_authority: str
    #: 机构类别代码: authority and type (positions 1-2), e.g. ``"91"``.
    org_type: str
    #: 登记管理机关行政区划码 (positions 3-8).
    division: str
    #: 主体标识码, the GB 11714 组织机构代码 (positions 9-17).
    org_code: str
    #: The check character (position 18).
    check: str
    #: 登记管理部门 name (Chinese).
    authority_name: str
    #: Registration authority in English.
    authority_name_en: str
    #: 机构类别 name (Chinese).
    org_type_name: str
    #: Full name of the division (``全国`` for the national code 100000).
    division_name: str
    #: Whether the embedded 组织机构代码 satisfies its own GB 11714 check digit.
    org_code_valid: bool


def compact(s: str) -> str:
    """Strip separators, fold full-width characters and upper-case.

    >>> compact("９１５１２０８１ＭＡ６２Ｋ０２６０ｅ")
    '91512081MA62K0260E'
    """
    return _compact(s, _M)


_ALLOWED: Final = frozenset(_USCC_ALPHABET)
_AUTHORITIES: Final = frozenset(k[0] for k in AUTHORITY_TYPES)


def _explain(c: str) -> NoReturn:
    """Raise the precise error for a compact 18-character code that failed the fast path."""
    bad = max(_first_bad(c, _ALLOWED), 0)
    raise _format_error(
        _M, bad, "a digit or a letter other than I, O, S, V, Z", "数字或除I、O、S、V、Z外的大写字母"
    )


def validate(s: str, *, strict: bool = False) -> str:
    """Return the compact code or raise a :class:`~credit_disclosure.errors.ValidationError`.

    Checks the length (``uscc.length``), the alphabet (``uscc.format``), the
    GB 32100 check character (``uscc.checksum``), the authority and type
    (``uscc.org_type``) and the division (``uscc.division``). With
    ``strict=True`` also the GB 11714 check digit of the embedded 组织机构代码
    (``uscc.org_code_checksum``), which real codes sometimes break.

    >>> validate("91512081MA62K0260E")
    '91512081MA62K0260E'
    >>> validate("91512081MA62K0260F")
    Traceback (most recent call last):
        ...
    credit_disclosure.errors.InvalidChecksum: uscc.checksum at position 17: check character does not match the rest of the value (校验码不正确)
    """
    c = _compact(s, _M)
    if len(c) != 18:
        raise _length_error(_M, len(c), 18)
    # Every byte outside the alphabet (so every byte of a non-ASCII character) maps to "!".
    # "surrogatepass": a lone surrogate (JSON Lines can carry one) is just another bad byte.
    t = c.encode("utf-8", "surrogatepass").translate(_USCC_TO_B34_BYTES)
    if not t.isalnum():
        _explain(c)
    # GB 32100-2015 4.2: C18 = 31 - (sum of value * 3**i) mod 31; base 34 == 3 mod 31.
    if _USCC_ALPHABET[-int(t[16::-1], 34) % 31] != c[17]:
        raise _checksum_error(_M, 17)
    if c[:2] not in AUTHORITY_TYPES:
        pos = 0 if c[0] not in _AUTHORITIES else 1
        raise _component_error(
            _M,
            "org_type",
            pos,
            "unknown registration authority or institution type",
            "登记管理部门代码或机构类别代码不存在",
        )
    division = c[2:8]
    if division not in _divisions.KNOWN and division != NATIONAL_DIVISION:
        raise _component_error(
            _M, "division", 2, "unknown administrative division", "行政区划代码不存在"
        )
    if strict and _gb11714(c[8:16]) != c[16]:
        raise _org_code_error()
    return c


def _org_code_error() -> _InvalidChecksum:
    """The strict-mode error for a bad embedded 组织机构代码 check digit."""
    return _InvalidChecksum(
        f"{_M}.org_code_checksum",
        message_en="the embedded organisation code fails its GB 11714 check digit",
        message_zh="主体标识码（组织机构代码）校验码不正确",
        position=16,
    )


def is_valid(s: object, *, strict: bool = False) -> bool:
    """Whether ``s`` is a valid code; never raises, whatever ``s`` is.

    >>> is_valid("91110000600037341L"), is_valid("91110000600037341"), is_valid(None)
    (True, False, False)
    """
    if not isinstance(s, str):
        return False
    try:
        validate(s, strict=strict)
    except ValueError:
        return False
    return True


def format(s: str) -> str:
    """The printed form: the 18 compact characters.

    >>> format("91512081 MA62K026 0E")
    '91512081MA62K0260E'
    """
    return validate(s)


def parse(s: str, *, strict: bool = False) -> UsccInfo:
    """Validate ``s`` and return its parts with their names.

    >>> info = parse("91110000600037341L")
    >>> info.division_name, info.org_code, info.org_code_valid
    ('北京市', '600037341', True)
    """
    c = validate(s, strict=strict)
    authority, authority_en, type_name = AUTHORITY_TYPES[c[:2]]
    division = _divisions.lookup(c[2:8])
    return UsccInfo(
        registration_authority=c[0],
        org_type=c[:2],
        division=c[2:8],
        org_code=c[8:17],
        check=c[17],
        authority_name=authority,
        authority_name_en=authority_en,
        org_type_name=type_name,
        division_name="全国" if division is None else division.full_name,
        org_code_valid=_gb11714(c[8:16]) == c[16],
    )


def generate(
    *,
    org_type: str | None = None,
    division: str | None = None,
    org_code: str | None = None,
    rng: random.Random | None = None,
    seed: int | None = None,
) -> str:
    """A valid random code for test data; parts not given are drawn at random.

    ``org_code`` (9 characters) is used as given; when drawn, it has a valid
    GB 11714 check digit, so the result also passes ``strict=True``.

    >>> generate(seed=1) == generate(seed=1)
    True
    >>> validate(generate(org_type="92", division="310115", seed=7))[:8]
    '92310115'
    """
    r = _rng_of(rng, seed)
    if org_type is None:
        org_type = r.choice(sorted(AUTHORITY_TYPES))
    if division is None:
        division = r.choice(_divisions.sample_codes())
    if org_code is None:
        # The GB 11714 check character (0-9 or X) is always in the USCC alphabet.
        body = "".join(r.choice(_USCC_ALPHABET) for _ in range(8))
        org_code = body + _gb11714(body)
    what = ("characters of the USCC alphabet", "统一社会信用代码字符")
    _generate_part(_M, "org_type", org_type, 2, _USCC_ALPHABET, what)
    _generate_part(_M, "division", division, 6, _DIGITS, _DIGITS_WHAT)
    _generate_part(_M, "org_code", org_code, 9, _USCC_ALPHABET, what)
    body = org_type + division + org_code
    return validate(body + _gb32100(body))
