"""Record-level encryption helpers: which fields, both record shapes, binding to the record."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure.errors import DecryptionError
from credit_disclosure.privacy import (
    Algorithm,
    FieldEncryptor,
    FieldPrivacy,
    Keyset,
    Personal,
    ValueKind,
)
from credit_disclosure.standard import LicenseRecord, SubjectCategory

ENC = FieldEncryptor(Keyset.generate(Algorithm.AES256_GCM, Algorithm.AES256_SIV))

PERSON = {
    "CF_XDR_MC": "张三",
    "CF_XDR_LB": "自然人",
    "CF_XDR_ZJLX": "身份证",
    "CF_XDR_ZJHM": "11010519491231002X",
    "CF_WSH": "京朝公罚〔2026〕12号",
    "CF_SY": "违法事实",
    "CF_FR_ZJHM": "",
}
COMPANY = {
    "CF_XDR_MC": "某某科技有限公司",
    "CF_XDR_LB": "法人及非法人组织",
    "CF_XDR_SHXYM": "91512081MA62K0260E",
    "CF_FRDB": "李四",
    "CF_FR_ZJHM": "11010519491231002X",
}


def test_person_record_encrypts_name_and_id_only() -> None:
    """A natural person's name and ID number are encrypted; the rest, and empty values, stay."""
    out = ENC.encrypt_record(PERSON)
    changed = {k for k in PERSON if out[k] != PERSON[k]}
    assert changed == {"CF_XDR_MC", "CF_XDR_ZJHM"}
    assert ENC.decrypt_record(out) == PERSON


def test_company_record_encrypts_the_representatives_id_only() -> None:
    """An organisation's public data stays clear; its legal representative's ID is encrypted."""
    out = ENC.encrypt_record(COMPANY)
    assert {k for k in COMPANY if out[k] != COMPANY[k]} == {"CF_FR_ZJHM"}
    assert ENC.decrypt_record(out) == COMPANY


def test_record_id_binds_tokens_to_their_record() -> None:
    """Tokens encrypted for one record do not decrypt as another record's."""
    out = ENC.encrypt_record(PERSON, record_id="row-1")
    assert ENC.decrypt_record(out, record_id="row-1") == PERSON
    with pytest.raises(DecryptionError):
        ENC.decrypt_record(out, record_id="row-2")


def test_deterministic_fields_match_across_records() -> None:
    """Fields asked to be deterministic give equal tokens for equal values, whatever the record id."""
    a = ENC.encrypt_record(PERSON, record_id="1", deterministic={"CF_XDR_ZJHM"})
    b = ENC.encrypt_record(PERSON, record_id="2", deterministic={"CF_XDR_ZJHM"})
    assert a["CF_XDR_ZJHM"] == b["CF_XDR_ZJHM"]
    assert a["CF_XDR_MC"] != b["CF_XDR_MC"]
    assert ENC.decrypt_record(a, record_id="1") == PERSON


def test_local_fields_and_category_override() -> None:
    """Local fields are encrypted once described; the category can be given explicitly."""
    fields = {"LXDH": FieldPrivacy(ValueKind.PHONE, Personal.SUBJECT)}
    record = {"LXDH": "13812345678", "CF_XDR_MC": "张三"}
    out = ENC.encrypt_record(record, fields=fields, category=SubjectCategory.NATURAL_PERSON)
    assert out["CF_XDR_MC"] == "张三"  # not in the given field table
    assert out["LXDH"] != "13812345678"
    assert ENC.decrypt_record(out, fields=fields, category=SubjectCategory.NATURAL_PERSON) == record
    untouched = ENC.encrypt_record(record, fields=fields, category=SubjectCategory.LEGAL_PERSON)
    assert untouched == record


def test_attrs_record_round_trip() -> None:
    """A standard record class is encrypted by its field metadata and decrypts back equal."""
    record = LicenseRecord(
        subject_name="欧阳娜娜",
        subject_category=SubjectCategory.NATURAL_PERSON,
        cert_type="身份证",
        cert_no="11010519491231002X",
        decision_no="京朝许〔2026〕1号",
    )
    out = ENC.encrypt_record(record, record_id=record.decision_no)
    assert type(out) is LicenseRecord
    assert out.subject_name != record.subject_name and out.cert_no != record.cert_no
    assert out.decision_no == record.decision_no
    assert ENC.decrypt_record(out, record_id=record.decision_no) == record


def test_2015_record_class_uses_its_own_field_codes() -> None:
    """A 2015-standard record is read through its own metadata (XK_XDR_SFZ, CF_XDR_SFZ)."""
    from credit_disclosure.standard import Penalty2015Record

    record = Penalty2015Record(subject_name="张三", resident_id="110105194912310021")
    out = ENC.encrypt_record(record)
    assert out.resident_id != record.resident_id and out.subject_name != record.subject_name
    assert ENC.decrypt_record(out) == record


@given(
    name=st.text(max_size=12),
    number=st.text(max_size=20),
    record_id=st.one_of(st.none(), st.text(max_size=10)),
)
def test_record_round_trip(name: str, number: str, record_id: str | None) -> None:
    """Any values in a person's record encrypt and decrypt back to the same record."""
    record = {"CF_XDR_LB": "自然人", "CF_XDR_MC": name, "CF_XDR_ZJHM": number, "CF_WSH": "1"}
    locked = ENC.encrypt_record(record, record_id=record_id)
    assert ENC.decrypt_record(locked, record_id=record_id) == record


def test_encrypt_record_reads_a_text_category() -> None:
    """encrypt_record given category="自然人" encrypts the name, as with the enum member."""
    enc = FieldEncryptor(Keyset.generate())
    locked = enc.encrypt_record({"CF_XDR_MC": "张三"}, category="自然人")  # type: ignore[call-overload]
    assert locked["CF_XDR_MC"] != "张三"
    assert enc.decrypt_record(locked, category="自然人") == {"CF_XDR_MC": "张三"}  # type: ignore[call-overload]


def test_encrypt_record_reads_every_header_style() -> None:
    """A record keyed by Chinese names or attribute names is encrypted too, and decrypts in any style."""
    enc = FieldEncryptor(Keyset.generate(Algorithm.AES256_GCM, Algorithm.AES256_SIV, Algorithm.HMAC_SHA256))
    for record in (
        {"行政相对人类别": "自然人", "行政相对人名称": "张三", "证件号码": "11010519491231002X"},
        {"subject_category": "自然人", "subject_name": "张三", "cert_no": "11010519491231002X"},
    ):
        stored = enc.encrypt_record(record, record_id="1号")
        assert "张三" not in stored.values() and "11010519491231002X" not in stored.values()
        assert enc.decrypt_record(stored, record_id="1号") == record
    token = enc.encrypt_record({"证件号码": "11010519491231002X"})["证件号码"]
    assert enc.decrypt_record({"CF_XDR_ZJHM": token}) == {"CF_XDR_ZJHM": "11010519491231002X"}
