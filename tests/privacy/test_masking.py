"""Masking rules: one table per kind of value, configuration, and junk input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure.privacy import (
    COMPOUND_SURNAMES,
    DEFAULT_RULES,
    PUBLIC,
    AddressLevel,
    AddressRule,
    EmailRule,
    FreeTextRule,
    KeepEnds,
    MaskRule,
    NameRule,
    PhoneRule,
    ValueKind,
    mask,
)

ID_TABLE = [
    ("11010519491231002X", "1101**********002X"),
    ("11010519491231002x", "1101**********002X"),  # lower-case check character
    ("１１０１０５１９４９１２３１００２Ｘ", "1101**********002X"),  # full width
    ("110105 19491231 002X", "1101**********002X"),  # separators
    ("110105491231002", "110*********002"),  # 15-digit legacy: shorter, keeps less
    ("932682198501010017", "9326**********0017"),  # 外国人永久居留身份证 (2023)
    ("", ""),
    ("1", "*"),
    ("12", "**"),
]


@pytest.mark.parametrize(("value", "expected"), ID_TABLE)
def test_id_number_table(value: str, expected: str) -> None:
    """Identity numbers keep 4 + 4 characters, compacted; short ones keep less."""
    assert mask(value, ValueKind.ID_NUMBER) == expected


NAME_TABLE = [
    ("张三", "张*"),
    ("李小龙", "李**"),
    ("欧阳娜娜", "欧阳**"),
    ("司马相如", "司马**"),
    ("诸葛亮", "诸葛*"),
    ("上官婉儿", "上官**"),
    ("欧阳", "欧*"),  # only two characters: read as surname 欧 + given name 阳
    ("张　三", "张*"),  # ideographic-space padding from old systems
    (" 王五 ", "王*"),
    ("李", "*"),
    ("", ""),
    ("   ", ""),
    ("John Smith", "J*********"),
    ("阿卜杜·热合曼", "阿******"),
]


@pytest.mark.parametrize(("value", "expected"), NAME_TABLE)
def test_name_table(value: str, expected: str) -> None:
    """Names keep the surname (复姓 as a whole) and mask the given name."""
    assert mask(value, ValueKind.NAME) == expected


@pytest.mark.parametrize(("value", "expected"), [("王小明", "王*明"), ("张三", "张*"), ("李", "*")])
def test_name_keep_end_never_shows_whole_given_name(value: str, expected: str) -> None:
    """``keep_end`` keeps the last characters but always hides at least one."""
    assert NameRule(keep_end=1)(value) == expected


def test_name_rule_options() -> None:
    """The surname can be masked too, the mask character changed, the width fixed."""
    assert NameRule(keep_surname=False)("张三丰") == "***"
    assert NameRule(mask_char="○")("张三丰") == "张○○"
    assert NameRule(fixed_width=3)("张三") == "张***"
    assert NameRule(compound_surnames=frozenset({"张王"}))("张王小明") == "张王**"


def test_compound_surnames_include_the_common_ones() -> None:
    """The 复姓 table knows the compound surnames the issue names."""
    assert {"欧阳", "司马", "诸葛", "上官", "慕容", "东方"} <= COMPOUND_SURNAMES
    assert all(len(s) == 2 for s in COMPOUND_SURNAMES)


PHONE_TABLE = [
    ("13812345678", "138****5678"),
    ("138 1234 5678", "138****5678"),
    ("138-1234-5678", "138****5678"),
    ("+86 13812345678", "+86138****5678"),
    ("008613812345678", "+86138****5678"),
    ("8613812345678", "+86138****5678"),
    ("１３８１２３４５６７８", "138****5678"),
    ("010-65123456", "010-****3456"),
    ("(010)65123456", "010-****3456"),
    ("0571-87654321", "0571-****4321"),
    ("02112345678", "021-****5678"),
    ("0755-1234567", "0755-***4567"),
    ("+86-10-65123456", "+86-10-****3456"),  # a fixed line in international form
    ("+86 571 8765 4321", "+86-571-****4321"),
    ("0086 (0)21 1234 5678", "+86-21-****5678"),
    ("86100", "****0"),  # too short to carry a country code
    ("12345", "****5"),
    ("", ""),
]


@pytest.mark.parametrize(("value", "expected"), PHONE_TABLE)
def test_phone_table(value: str, expected: str) -> None:
    """Mobiles keep 3 + 4 digits; fixed lines keep the area code and the last 4 digits."""
    assert mask(value, ValueKind.PHONE) == expected


def test_phone_rule_options() -> None:
    """The area code can be hidden and the kept digits changed."""
    assert PhoneRule(keep_area_code=False)("010-65123456") == "***-****3456"
    assert PhoneRule(keep_start=0, keep_end=2)("13812345678") == "*********78"
    assert PhoneRule(fixed_width=4)("13812345678") == "138****5678"


ADDRESS_TABLE = [
    ("浙江省杭州市西湖区文三路90号", "浙江省杭州市西湖区****"),
    ("北京市朝阳区建国路88号", "北京市朝阳区****"),
    ("北京市通州区新华大街1号", "北京市通州区****"),
    ("上海市浦东新区世纪大道100号", "上海市浦东新区****"),
    ("河南省郑州市金水区花园路1号", "河南省郑州市金水区****"),
    ("广东省广州市天河区体育西路", "广东省广州市天河区****"),
    ("四川省甘孜藏族自治州康定市炉城镇", "四川省甘孜藏族自治州康定市****"),
    ("内蒙古自治区呼和浩特市新城区中山路", "内蒙古自治区呼和浩特市新城区****"),
    ("浙江省义乌市稠州北路", "浙江省义乌市****"),  # county-level city, no prefecture written
    ("杭州市西湖区文三路", "杭州市西湖区****"),  # no province written
    ("文三路90号", "****"),  # nothing recognised: everything masked
    ("杭州市阳光小区3幢", "杭州市****"),  # a residential compound is not a district
    ("北京市朝阳社区", "北京市****"),  # nor is a community
    ("杭州市农贸市场1号", "杭州市****"),  # a market is not a county-level city
    ("山东省东营市东营区府前大街", "山东省东营市东营区****"),
    ("", ""),
]


@pytest.mark.parametrize(("value", "expected"), ADDRESS_TABLE)
def test_address_table(value: str, expected: str) -> None:
    """Addresses keep the divisions down to the district or county."""
    assert mask(value, ValueKind.ADDRESS) == expected


def test_address_levels_and_width() -> None:
    """Less can be kept (prefecture, province); the masked detail can be one mask per character."""
    value = "浙江省杭州市西湖区文三路90号"
    assert AddressRule(level=AddressLevel.PREFECTURE)(value) == "浙江省杭州市****"
    assert AddressRule(level=AddressLevel.PROVINCE)(value) == "浙江省****"
    assert AddressRule(fixed_width=None)(value) == "浙江省杭州市西湖区" + "*" * 6


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("6222021234567890123", "***************0123"),
        ("6222 0212 3456 7890", "************7890"),
        ("1234", "***4"),  # too short for a card: keeps a quarter as much
    ],
)
def test_bank_card_table(value: str, expected: str) -> None:
    """Bank cards show their last 4 digits only."""
    assert mask(value, ValueKind.BANK_CARD) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("zhangsan@example.com", "z*******@example.com"),
        ("ab@example.com", "**@example.com"),
        ("a@b.cn", "*@b.cn"),
        ("no-at-sign", "**********"),
        ("@example.com", "************"),
    ],
)
def test_email_table(value: str, expected: str) -> None:
    """E-mail keeps the first letter of the local part and the domain."""
    assert mask(value, ValueKind.EMAIL) == expected


def test_email_hide_domain() -> None:
    """The domain can be hidden too."""
    assert EmailRule(keep_domain=False)("zhangsan@example.com") == "z*******@***"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("E12345678", "E*****678"), ("G1234567", "G****567"), ("e12345678", "E*****678")],
)
def test_passport_table(value: str, expected: str) -> None:
    """Passports keep their first letter and last 3 digits."""
    assert mask(value, ValueKind.PASSPORT) == expected


def test_uscc_is_maskable() -> None:
    """Credit codes are public, but their rule masks the 9-character 主体标识码."""
    assert mask("91512081MA62K0260E", ValueKind.USCC) == "91512081*********E"
    assert mask("59467239-9", ValueKind.ORG_CODE) == "59******9"


def test_free_text_scrubs_numbers_only() -> None:
    """Free text keeps its words and masks identity and mobile numbers inside it."""
    text = "当事人张某（身份证号110105194912310021，电话13812345678）于2026年1月1日"
    assert mask(text, ValueKind.TEXT) == (
        "当事人张某（身份证号1101**********0021，电话138****5678）于2026年1月1日"
    )
    assert (
        mask("号码１１０１０５１９４９１２３１００２Ｘ。", ValueKind.TEXT)
        == "号码1101**********002X。"
    )
    assert mask("身份证号110105 19491231 002x。", ValueKind.TEXT) == "身份证号1101**********002X。"
    custom = FreeTextRule(id_rule=KeepEnds(), phone_rule=KeepEnds())
    assert custom("110105491231002 / 13812345678") == "*************** / ***********"


def test_keep_ends_options() -> None:
    """KeepEnds keeps what it is told, with its mask character and fixed width, compacting or not."""
    assert KeepEnds(keep_start=2, keep_end=2)("abcdef") == "AB**EF"
    assert KeepEnds(keep_start=2, keep_end=2, compact=False)("ab-cd") == "ab*cd"
    assert KeepEnds(keep_end=4, fixed_width=6, mask_char="#")("6222021234567890") == "######7890"
    assert KeepEnds()("abc") == "***"


@pytest.mark.parametrize(
    "make",
    [
        lambda: KeepEnds(keep_start=-1),
        lambda: KeepEnds(mask_char="**"),
        lambda: KeepEnds(mask_char=""),
        lambda: NameRule(fixed_width=0),
        lambda: PhoneRule(keep_end=-2),
    ],
)
def test_bad_rule_configuration_is_refused(make: object) -> None:
    """A negative count, a mask that is not one character or a zero width is refused at build time."""
    with pytest.raises(ValueError):
        make()  # type: ignore[operator]


@given(st.text(max_size=40), st.sampled_from(list(ValueKind)))
def test_masking_never_fails(value: str, kind: ValueKind) -> None:
    """Any text, of any kind, masks without raising and gives text."""
    assert isinstance(mask(value, kind), str)


@given(st.text(alphabet="0123456789Xx０１２３４５６７８９ -", min_size=1, max_size=30))
def test_short_identifiers_never_show_a_larger_share(value: str) -> None:
    """Identity numbers of any length (short, mixed width) show at most the share a full one shows."""
    out = mask(value, ValueKind.ID_NUMBER)
    shown = sum(1 for ch in out if ch != "*")
    assert shown <= len(out) * 8 // 18  # a full 18-character ID shows 8 of its 18


@given(st.text(min_size=1, max_size=12).filter(lambda s: s.strip() != ""))
def test_names_always_hide_something(value: str) -> None:
    """A non-empty name is never shown whole."""
    out = mask(value, ValueKind.NAME)
    assert "*" in out


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_every_mobile_number_hides_its_middle(value: str) -> None:
    """Every mobile number keeps exactly its first 3 and last 4 digits."""
    assert mask(value, ValueKind.PHONE) == value[:3] + "****" + value[-4:]


def test_default_rules_cover_every_kind() -> None:
    """Every kind of value has a default rule."""
    assert set(DEFAULT_RULES) == set(ValueKind)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("手机+8613812345678", "手机+86138****5678"),
        ("电话：+86 138 1234 5678，", "电话：+86138****5678，"),
        ("联系138-1234-5678。", "联系138****5678。"),
        ("电话００８６１３８１２３４５６７８", "电话+86138****5678"),
        # not a phone number, but it could be an identity number (fail closed)
        ("订单86123456789012345", "订单861***********345"),
    ],
)
def test_free_text_finds_mobiles_with_country_code_and_groups(text: str, expected: str) -> None:
    """Mobile numbers in free text are masked with a +86/0086 prefix or 3-4-4 grouping too."""
    assert mask(text, ValueKind.TEXT) == expected


def test_email_in_full_width_keeps_its_shape() -> None:
    """A full-width e-mail address is folded to half width and masked like any other."""
    assert mask("ＺＨＡＮＧ＠ｅｘａｍｐｌｅ．ｃｏｍ", ValueKind.EMAIL) == "Z****@example.com"


def test_mask_refuses_non_text() -> None:
    """mask() given bytes or None raises a TypeError naming the type (records skip such values)."""
    with pytest.raises(TypeError, match="not bytes"):
        mask(b"13812345678", ValueKind.PHONE)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not NoneType"):
        mask(None, ValueKind.NAME)  # type: ignore[arg-type]


def test_any_callable_is_a_mask_rule() -> None:
    """A user's own function is a MaskRule: mask() and profiles accept it like the built-in rules."""

    def initials(value: str, /) -> str:
        return value[:1] + "." if value else ""

    rule: MaskRule = initials
    assert mask("Zhang San", ValueKind.NAME, rule) == "Z."
    mine = PUBLIC.evolve(name="initials", rules={**PUBLIC.rules, ValueKind.NAME: rule})
    assert mine.mask_record({"CF_XDR_MC": "Zhang San"}) == {"CF_XDR_MC": "Z."}


@given(
    before=st.text(alphabet="当事人电话联系：，。（ ", max_size=6),
    prefix=st.sampled_from(["", "+86", "+86 ", "0086", "86", "＋８６"]),
    sep=st.sampled_from(["", " ", "-"]),
    digits=st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
    after=st.text(alphabet="当事人电话联系：，。） ", max_size=6),
)
def test_no_mobile_number_survives_free_text(
    before: str, prefix: str, sep: str, digits: str, after: str
) -> None:
    """However a mobile number is written in free text (prefix, grouping), its middle is masked."""
    written = prefix + sep.join((digits[:3], digits[3:7], digits[7:]))
    out = mask(before + written + after, ValueKind.TEXT)
    assert "****" in out and digits not in out.replace(" ", "").replace("-", "")


@given(
    before=st.text(alphabet="当事人身份证号码：，。（ ", max_size=6),
    sep=st.sampled_from(["", " ", "-", "\u3000"]),
    number=st.from_regex(r"[1-8][0-9]{16}[0-9X]", fullmatch=True),
    after=st.text(alphabet="当事人身份证号码：，。） ", max_size=6),
)
def test_no_identity_number_survives_free_text(
    before: str, sep: str, number: str, after: str
) -> None:
    """An 18-character identity number in free text, grouped 6-8-4 or not, loses its birth date."""
    written = sep.join((number[:6], number[6:14], number[14:]))
    out = mask(before + written + after, ValueKind.TEXT)
    assert number[:4] + "*" * 10 + number[14:] in out
