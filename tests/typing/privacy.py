"""Typed usage of ``credit_disclosure.privacy``, checked by ``mypy --strict`` (never executed)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from credit_disclosure.privacy import (
    INTERNAL,
    PUBLIC,
    AddressRule,
    Algorithm,
    FieldEncryptor,
    FieldPrivacy,
    KeepEnds,
    Key,
    KeyManagement,
    Keyset,
    MaskingProfile,
    MaskRule,
    NameRule,
    Personal,
    PhoneRule,
    Purpose,
    UnknownFields,
    ValueKind,
    get_profile,
    mask,
)
from credit_disclosure.standard import PenaltyRecord, SubjectCategory

# masking
masked: str = mask("11010519491231002X", ValueKind.ID_NUMBER)
rule: MaskRule = KeepEnds(keep_start=6, keep_end=4, mask_char="#", fixed_width=8)
also: MaskRule = NameRule(keep_end=1)
phone: str = PhoneRule(keep_area_code=False)("010-65123456")
address: str = AddressRule(fixed_width=None)("北京市朝阳区建国路88号")

profile: MaskingProfile = PUBLIC.evolve(
    name="mine",
    rules={**PUBLIC.rules, ValueKind.NAME: None},
    public_rules={ValueKind.USCC: rule},
).with_fields({"LXDH": FieldPrivacy(ValueKind.PHONE, Personal.SUBJECT)})
row: dict[str, Any] = profile.mask_record({"CF_XDR_MC": "张三"})
record: PenaltyRecord = INTERNAL.mask_record(
    PenaltyRecord(subject_name="张三"), category=SubjectCategory.NATURAL_PERSON
)
value: str = get_profile("none").mask_value("张三", ValueKind.NAME)
maybe_rule: MaskRule | None = PUBLIC.rule_for(ValueKind.ADDRESS)

# keysets
now = datetime(2026, 1, 1, tzinfo=timezone.utc)
keyset: Keyset = Keyset.generate(Algorithm.AES256_GCM, Algorithm.HMAC_SM3, now=now)
key: Key = Key.generate(Algorithm.SM4_GCM, now=now)
rotated: Keyset = keyset.add(key).promote(key.key_id).retire(keyset.keys[0].key_id, now=now)
primary: Key | None = rotated.primary(Purpose.ENCRYPTION)
text: str = rotated.to_json()
back: Keyset = Keyset.from_json(text)
described: list[dict[str, Any]] = back.describe()


class Kms:
    def encrypt(self, plaintext: bytes, associated_data: bytes) -> bytes:
        return plaintext

    def decrypt(self, ciphertext: bytes, associated_data: bytes) -> bytes:
        return ciphertext


kms: KeyManagement = Kms()
env: Mapping[str, str] = {"CREDIT_DISCLOSURE_KEYSET": keyset.to_json(kms=kms)}
from_env: Keyset = Keyset.from_env(environ=env, kms=kms)

# encryption
enc = FieldEncryptor(keyset)
token: str = enc.encrypt("11010519491231002X", field="CF_XDR_ZJHM", record_id="1")
plain: str = enc.decrypt(token, field="CF_XDR_ZJHM", record_id="1")
det: str = enc.encrypt_deterministic("张三", field="CF_XDR_MC")
again: str = enc.rotate(token, field="CF_XDR_ZJHM", record_id="1")
stale: bool = enc.needs_rotation(token)
index: str = enc.blind_index("张三", field="CF_XDR_MC")
indexes: tuple[str, ...] = enc.blind_indexes("张三", field="CF_XDR_MC")
locked: dict[str, Any] = enc.encrypt_record({"CF_XDR_MC": "张三"}, deterministic={"CF_XDR_ZJHM"})
unlocked_record: PenaltyRecord = enc.decrypt_record(PenaltyRecord(subject_name="x"))
imported: Key = Key.from_material(Algorithm.SM4_GCM, bytearray(16), key_id=9)  # any bytes-like

# fail closed on fields the profile cannot classify
strict: MaskingProfile = PUBLIC.evolve(unknown_fields=UnknownFields.REFUSE)
unknown: tuple[object, ...] = strict.unclassified(["证件号码", "联系电话"])
code: str | None = strict.field_code("证件号码")
