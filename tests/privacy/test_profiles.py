"""Masking profiles over whole records: by field metadata and subject category."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure.privacy import (
    DEFAULT_FIELD_PRIVACY,
    INTERNAL,
    NONE,
    PROFILES,
    PUBLIC,
    FieldPrivacy,
    KeepEnds,
    MaskingProfile,
    Personal,
    ValueKind,
    get_profile,
)
from credit_disclosure.standard import SubjectCategory

PERSON = {
    "CF_XDR_MC": "欧阳娜娜",
    "CF_XDR_LB": "自然人",
    "CF_XDR_ZJLX": "身份证",
    "CF_XDR_ZJHM": "11010519491231002X",
    "CF_WSH": "京朝公罚〔2026〕12号",
    "CF_SY": "当事人于2026年1月1日驾驶机动车，联系电话13812345678",
    "CF_NR_FK": 0.2,
}

COMPANY = {
    "CF_XDR_MC": "某某科技有限公司",
    "CF_XDR_LB": "法人及非法人组织",
    "CF_XDR_SHXYM": "91512081MA62K0260E",
    "CF_FRDB": "张三",
    "CF_FR_ZJLX": "身份证",
    "CF_FR_ZJHM": "11010519491231002X",
    "CF_WSH": "京朝公罚〔2026〕13号",
}

# (profile, record, field, expected value)
TABLE = [
    (PUBLIC, PERSON, "CF_XDR_MC", "欧阳**"),
    (PUBLIC, PERSON, "CF_XDR_ZJHM", "1101**********002X"),
    (PUBLIC, PERSON, "CF_SY", "当事人于2026年1月1日驾驶机动车，联系电话138****5678"),
    (PUBLIC, PERSON, "CF_WSH", "京朝公罚〔2026〕12号"),
    (PUBLIC, PERSON, "CF_NR_FK", 0.2),
    (PUBLIC, COMPANY, "CF_XDR_MC", "某某科技有限公司"),
    (PUBLIC, COMPANY, "CF_XDR_SHXYM", "91512081MA62K0260E"),
    (PUBLIC, COMPANY, "CF_FRDB", "张三"),
    (PUBLIC, COMPANY, "CF_FR_ZJHM", "1101**********002X"),
    (INTERNAL, PERSON, "CF_XDR_MC", "欧阳娜娜"),
    (INTERNAL, PERSON, "CF_XDR_ZJHM", "110105********002X"),
    (INTERNAL, PERSON, "CF_SY", PERSON["CF_SY"]),
    (INTERNAL, COMPANY, "CF_FR_ZJHM", "110105********002X"),
    (NONE, PERSON, "CF_XDR_MC", "欧阳娜娜"),
    (NONE, PERSON, "CF_XDR_ZJHM", "11010519491231002X"),
    (NONE, COMPANY, "CF_FR_ZJHM", "11010519491231002X"),
]


@pytest.mark.parametrize(("profile", "record", "field", "expected"), TABLE)
def test_profile_table(
    profile: MaskingProfile, record: dict[str, object], field: str, expected: object
) -> None:
    """Each built-in profile shows exactly what its table in the docs says."""
    assert profile.mask_record(record)[field] == expected


def test_mask_record_keeps_keys_and_does_not_mutate() -> None:
    """A masked mapping has the same keys, and the input is left unchanged."""
    before = dict(PERSON)
    out = PUBLIC.mask_record(PERSON)
    assert list(out) == list(PERSON)
    assert before == PERSON


def test_passport_number_follows_document_type() -> None:
    """A 护照 number is masked with the passport rule, not the identity-number rule."""
    record = {"XK_XDR_LB": "自然人", "XK_XDR_ZJLX": "护照号", "XK_XDR_ZJHM": "E12345678"}
    assert PUBLIC.mask_record(record)["XK_XDR_ZJHM"] == "E*****678"
    assert INTERNAL.mask_record(record)["XK_XDR_ZJHM"] == "E1****678"


def test_subject_category_decides_name_masking() -> None:
    """The subject's name is masked for a natural person and shown for an organisation."""
    record = {"CF_XDR_MC": "张三"}
    assert PUBLIC.mask_record(record)["CF_XDR_MC"] == "张*"  # unknown subject: masked
    assert PUBLIC.mask_record(record, category=SubjectCategory.LEGAL_PERSON)["CF_XDR_MC"] == "张三"
    assert (
        PUBLIC.mask_record({**record, "CF_XDR_LB": SubjectCategory.INDIVIDUAL_BUSINESS})[
            "CF_XDR_MC"
        ]
        == "张三"
    )


def test_category_inferred_from_credit_code() -> None:
    """A record without a category field (2015 standard) is an organisation when it has a credit code."""
    org = {"CF_XDR_MC": "某某公司", "CF_XDR_SHXYM": "91512081MA62K0260E"}
    person = {
        "CF_XDR_MC": "张三",
        "CF_XDR_SHXYM": "00000000000000000X",
        "CF_XDR_SFZ": "110105491231002",
    }
    assert PUBLIC.mask_record(org)["CF_XDR_MC"] == "某某公司"
    assert PUBLIC.mask_record(person)["CF_XDR_MC"] == "张*"
    assert PUBLIC.mask_record(person)["CF_XDR_SFZ"] == "110*********002"


def test_unknown_category_text_masks_as_a_person() -> None:
    """A category the standard does not know is treated as a natural person (mask more)."""
    assert PUBLIC.mask_record({"CF_XDR_LB": "其他", "CF_XDR_MC": "张三"})["CF_XDR_MC"] == "张*"


def test_individual_business_can_be_treated_as_a_person() -> None:
    """A user profile can mask an individual business owner's name too."""
    strict = PUBLIC.evolve(
        name="strict",
        personal_categories=frozenset(
            {SubjectCategory.NATURAL_PERSON, SubjectCategory.INDIVIDUAL_BUSINESS}
        ),
    )
    record = {"CF_XDR_LB": "个体工商户", "CF_XDR_MC": "张三"}
    assert strict.mask_record(record)["CF_XDR_MC"] == "张*"
    assert PUBLIC.mask_record(record)["CF_XDR_MC"] == "张三"


def test_public_rules_mask_organisation_codes() -> None:
    """``public_rules`` masks public registration data such as the credit code."""
    profile = PUBLIC.evolve(public_rules={ValueKind.USCC: KeepEnds(keep_start=2, keep_end=1)})
    out = profile.mask_record(COMPANY)
    assert out["CF_XDR_SHXYM"] == "91" + "*" * 15 + "E"
    assert out["CF_XDR_MC"] == "某某科技有限公司"


def test_overrides_by_field_code() -> None:
    """An override applies to its field whatever the subject; ``None`` shows the field."""
    profile = PUBLIC.evolve(overrides={"CF_WSH": KeepEnds(compact=False), "CF_XDR_ZJHM": None})
    out = profile.mask_record(PERSON)
    assert out["CF_WSH"] == "*" * len(PERSON["CF_WSH"])  # type: ignore[arg-type]
    assert out["CF_XDR_ZJHM"] == PERSON["CF_XDR_ZJHM"]


def test_kind_without_rule_is_masked_completely() -> None:
    """A profile that forgets a kind masks such values completely (safe default)."""
    bare = MaskingProfile(name="bare", rules={})
    assert bare.mask_record({"CF_XDR_LB": "自然人", "CF_XDR_MC": "张三"})["CF_XDR_MC"] == "**"
    assert bare.mask_value("13812345678", ValueKind.PHONE) == "*" * 11


def test_local_fields_are_added_by_with_fields() -> None:
    """Local extension fields (phone, address) are masked once described."""
    profile = PUBLIC.with_fields(
        {
            "LXDH": FieldPrivacy(ValueKind.PHONE, Personal.SUBJECT),
            "ZZ": FieldPrivacy(ValueKind.ADDRESS, Personal.SUBJECT),
        }
    )
    out = profile.mask_record(
        {"CF_XDR_LB": "自然人", "LXDH": "010-65123456", "ZZ": "北京市朝阳区建国路88号"}
    )
    assert out == {"CF_XDR_LB": "自然人", "LXDH": "010-****3456", "ZZ": "北京市朝阳区****"}
    assert "LXDH" not in PUBLIC.fields  # the original profile is unchanged


def test_profiles_registry() -> None:
    """The three built-in profiles are registered by name; an unknown name says which exist."""
    assert set(PROFILES) == {"public", "internal", "none"}
    assert get_profile("public") is PUBLIC
    with pytest.raises(KeyError, match="internal"):
        get_profile("portal")


def test_field_table_sources_every_row() -> None:
    """Every row of the field table cites where the field comes from."""
    assert all(fp.source for fp in DEFAULT_FIELD_PRIVACY.values())


def test_attrs_records_are_masked_and_rebuilt() -> None:
    """A standard record class is masked by its field metadata and comes back as the same class."""
    from credit_disclosure.standard import PenaltyRecord

    record = PenaltyRecord(
        subject_name="诸葛亮",
        subject_category=SubjectCategory.NATURAL_PERSON,
        cert_type="身份证",
        cert_no="11010519491231002X",
        decision_no="京朝公罚〔2026〕12号",
    )
    out = PUBLIC.mask_record(record)
    assert type(out) is PenaltyRecord
    assert (out.subject_name, out.cert_no, out.decision_no) == (
        "诸葛*",
        "1101**********002X",
        "京朝公罚〔2026〕12号",
    )
    assert attrs.evolve(out, subject_name="诸葛亮", cert_no="11010519491231002X") == record


def test_non_records_are_refused() -> None:
    """Something that is neither a mapping nor a record class raises TypeError."""
    with pytest.raises(TypeError):
        PUBLIC.mask_record(42)


@given(
    st.dictionaries(
        st.sampled_from([*sorted(DEFAULT_FIELD_PRIVACY), "CF_XDR_LB", "X"]),
        st.one_of(st.text(max_size=20), st.none(), st.integers()),
    ),
    st.sampled_from([PUBLIC, INTERNAL, NONE]),
)
def test_mask_record_never_fails(record: dict[str, object], profile: MaskingProfile) -> None:
    """Any mapping of field codes to junk masks without raising and keeps its keys."""
    assert set(profile.mask_record(record)) == set(record)


def test_profile_rules_are_checked() -> None:
    """A profile whose rules are keyed by plain strings, or whose rule is not callable, is refused."""
    with pytest.raises(TypeError, match="not a ValueKind"):
        MaskingProfile(name="typo", rules={"name": None})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match="a rule is a callable"):
        MaskingProfile(name="bad", public_rules={ValueKind.USCC: "***"})  # type: ignore[dict-item]


def test_category_given_as_text_is_read_not_ignored() -> None:
    """category="自然人" masks like the enum member; an unknown category is refused, never read as an organisation."""
    record = {"CF_XDR_MC": "张三"}
    assert PUBLIC.mask_record(record, category="自然人") == {"CF_XDR_MC": "张*"}  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="category must be a SubjectCategory"):
        PUBLIC.mask_record(record, category="person")  # type: ignore[call-overload]
