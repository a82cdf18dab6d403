"""Keysets: generation, primaries, rotation steps, JSON, environment and KMS loading."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from credit_disclosure.errors import DecryptionError, InvalidComponent, InvalidFormat
from credit_disclosure.privacy import (
    DEFAULT_KEYSET_VARIABLE,
    Algorithm,
    FieldEncryptor,
    Key,
    KeyManagement,
    Keyset,
    Purpose,
)

T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
T1 = T0 + timedelta(days=90)


class FakeKms:
    """A KMS stand-in holding its key in memory (a real one calls the service)."""

    def __init__(self) -> None:
        self._aead = AESGCM(AESGCM.generate_key(256))
        self.calls = 0

    def encrypt(self, plaintext: bytes, associated_data: bytes) -> bytes:
        self.calls += 1
        nonce = os.urandom(12)
        return nonce + self._aead.encrypt(nonce, plaintext, associated_data)

    def decrypt(self, ciphertext: bytes, associated_data: bytes) -> bytes:
        self.calls += 1
        return self._aead.decrypt(ciphertext[:12], ciphertext[12:], associated_data)


def test_generate_makes_one_primary_per_purpose() -> None:
    """Each generated key of a new purpose is primary; the clock is the one passed in."""
    ks = Keyset.generate(
        Algorithm.AES256_GCM, Algorithm.SM4_GCM, Algorithm.AES256_SIV, Algorithm.HMAC_SM3, now=T0
    )
    assert len(ks.keys) == 4 and len({k.key_id for k in ks.keys}) == 4
    assert ks.primary(Purpose.ENCRYPTION) == ks.keys[0]  # the first of its purpose
    assert ks.primary(Purpose.DETERMINISTIC) == ks.keys[2]
    assert ks.primary(Purpose.BLIND_INDEX) == ks.keys[3]
    assert all(k.created_at == T0 for k in ks.keys)
    assert [len(k.material) for k in ks.keys] == [32, 16, 64, 32]


def test_default_keyset_is_aes_gcm() -> None:
    """With no algorithm named, a keyset holds one AES-256-GCM key."""
    (key,) = Keyset.generate(now=T0).keys
    assert key.algorithm is Algorithm.AES256_GCM


def test_promote_moves_the_primary_within_a_purpose_only() -> None:
    """Promoting a key changes the primary of its own purpose and leaves the others."""
    ks = Keyset.generate(Algorithm.AES256_GCM, Algorithm.HMAC_SHA256, now=T0)
    index = ks.primary(Purpose.BLIND_INDEX)
    new = Key.generate(Algorithm.AES256_GCM, now=T1)
    ks2 = ks.add(new).promote(new.key_id)
    assert ks2.primary(Purpose.ENCRYPTION) == new
    assert ks2.primary(Purpose.BLIND_INDEX) == index
    assert ks.primary(Purpose.ENCRYPTION) != new  # keysets are immutable


def test_retire_rules() -> None:
    """The primary cannot be retired; a retired key loses its material and cannot be promoted."""
    ks = Keyset.generate(now=T0)
    old = ks.keys[0]
    with pytest.raises(InvalidComponent, match="promote another key first"):
        ks.retire(old.key_id)
    new = Key.generate(Algorithm.AES256_GCM, now=T1)
    ks2 = ks.add(new, primary=True).retire(old.key_id, now=T1)
    retired = ks2.get(old.key_id)
    assert not retired.enabled and retired.retired_at == T1
    with pytest.raises(DecryptionError):
        _ = retired.material
    with pytest.raises(InvalidComponent, match="retired key cannot become primary"):
        ks2.promote(old.key_id)
    assert ks2.retire(old.key_id) == ks2  # retiring twice changes nothing


def test_invalid_keysets_are_refused() -> None:
    """Duplicate ids, two primaries for one purpose, unknown ids and bad keys are refused."""
    a = Key.generate(Algorithm.AES256_GCM, now=T0, key_id=1)
    b = Key.generate(Algorithm.SM4_GCM, now=T0, key_id=2)
    with pytest.raises(InvalidComponent, match="same id"):
        Keyset([a, a])
    with pytest.raises(InvalidComponent, match="two primary"):
        Keyset([a, b], frozenset({1, 2}))
    with pytest.raises(InvalidComponent, match="primary key must be"):
        Keyset([a], frozenset({3}))
    with pytest.raises(InvalidComponent, match="no key with id 9"):
        Keyset([a]).get(9)
    with pytest.raises(InvalidComponent, match="32-byte key"):
        Key.from_material(Algorithm.AES256_GCM, bytes(16), now=T0)
    with pytest.raises(InvalidComponent):
        Key.from_material(Algorithm.AES256_GCM, bytes(32), now=T0, key_id=0)


def test_naive_datetime_is_refused() -> None:
    """A keyset records aware times only."""
    with pytest.raises(InvalidFormat, match="time zone"):
        Keyset.generate(now=datetime(2026, 1, 1))


def test_json_round_trip_keeps_everything() -> None:
    """A keyset saved as JSON reads back equal: ids, algorithms, primaries, dates, retirement."""
    ks = Keyset.generate(Algorithm.AES256_GCM, Algorithm.HMAC_SM3, now=T0)
    new = Key.generate(Algorithm.SM4_GCM, now=T1)
    ks = ks.add(new, primary=True).retire(ks.keys[0].key_id, now=T1)
    back = Keyset.from_json(ks.to_json())
    assert back == ks
    document = json.loads(ks.to_json())
    assert document["format"] == "credit-disclosure/keyset" and document["version"] == 1
    retired = [k for k in document["keys"] if k["status"] == "retired"]
    assert len(retired) == 1 and "material" not in retired[0]


def test_save_and_load_file_is_private(tmp_path: Path) -> None:
    """A saved keyset file is readable by its owner only and loads back."""
    path = tmp_path / "keyset.json"
    ks = Keyset.generate(now=T0)
    ks.save(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert Keyset.load(path) == ks


def test_describe_has_no_material() -> None:
    """The metadata view lists keys without their material."""
    ks = Keyset.generate(Algorithm.AES256_GCM, Algorithm.HMAC_SHA256, now=T0)
    described = ks.describe()
    assert [d["algorithm"] for d in described] == ["AES256_GCM", "HMAC_SHA256"]
    assert all("material" not in d for d in described)
    assert all(d["primary"] for d in described)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not json",
        "[]",
        '{"format": "credit-disclosure/keyset", "version": 2, "keys": []}',
        '{"format": "credit-disclosure/keyset", "version": 1, "keys": [{"id": 1}]}',
        '{"format": "credit-disclosure/keyset", "version": 1, "keys": [{"id": true, '
        '"algorithm": "AES256_GCM", "created_at": "2026-01-01T00:00:00+00:00", "material": ""}]}',
        '{"format": "credit-disclosure/keyset", "version": 1, "keys": [{"id": 1, '
        '"algorithm": "ROT13", "created_at": "2026-01-01T00:00:00+00:00"}]}',
    ],
)
def test_malformed_keyset_text_is_refused(text: str) -> None:
    """Anything that is not a keyset raises InvalidFormat (or InvalidComponent), never quoting it."""
    with pytest.raises((InvalidFormat, InvalidComponent)) as info:
        Keyset.from_json(text)
    assert text[:20] not in str(info.value) or text == ""


def test_from_env() -> None:
    """A keyset is read from an environment variable; a missing variable is a KeyError."""
    ks = Keyset.generate(now=T0)
    assert Keyset.from_env(environ={DEFAULT_KEYSET_VARIABLE: ks.to_json()}) == ks
    assert Keyset.from_env("MY_KEYS", environ={"MY_KEYS": ks.to_json()}) == ks
    with pytest.raises(KeyError, match="MY_KEYS"):
        Keyset.from_env("MY_KEYS", environ={})


def test_kms_wrapped_keyset(tmp_path: Path) -> None:
    """A keyset wrapped by a KMS holds no material in clear and loads only through that KMS."""
    kms = FakeKms()
    assert isinstance(kms, KeyManagement)
    ks = Keyset.generate(Algorithm.AES256_GCM, Algorithm.HMAC_SHA256, now=T0)
    text = ks.to_json(kms=kms)
    document = json.loads(text)
    assert document["format"] == "credit-disclosure/wrapped-keyset"
    for key in ks.keys:
        assert key.material.hex() not in text
    assert all("material" not in k for k in document["keys"])
    assert Keyset.from_json(text, kms=kms) == ks
    path = tmp_path / "wrapped.json"
    ks.save(path, kms=kms)
    assert Keyset.load(path, kms=kms) == ks
    assert Keyset.from_env(environ={DEFAULT_KEYSET_VARIABLE: text}, kms=kms) == ks
    with pytest.raises(InvalidFormat, match="kms"):
        Keyset.from_json(text)
    with pytest.raises(DecryptionError):
        Keyset.from_json(text, kms=FakeKms())  # another KMS key


def test_loaded_keyset_decrypts_old_tokens() -> None:
    """Tokens made before saving decrypt with the keyset loaded back."""
    ks = Keyset.generate(now=T0)
    token = FieldEncryptor(ks).encrypt("张三", field="CF_XDR_MC")
    assert (
        FieldEncryptor(Keyset.from_json(ks.to_json())).decrypt(token, field="CF_XDR_MC") == "张三"
    )


def test_enabled_keys_primary_first() -> None:
    """Enabled keys of a purpose are listed primary first, retired keys left out."""
    ks = Keyset.generate(now=T0)
    first = ks.keys[0]
    second = Key.generate(Algorithm.AES256_GCM, now=T1)
    third = Key.generate(Algorithm.AES256_GCM, now=T1)
    ks = ks.add(second).add(third, primary=True)
    assert next(k.key_id for k in ks.enabled_keys(Purpose.ENCRYPTION)) == third.key_id
    ks = ks.retire(first.key_id, now=T1)
    assert first.key_id not in [k.key_id for k in ks.enabled_keys(Purpose.ENCRYPTION)]


def test_keys_may_not_share_material() -> None:
    """Two keys with the same secret (say AES-GCM and HMAC, both 32 bytes) are refused: key separation."""
    secret = bytes(range(32))
    gcm = Key.from_material(Algorithm.AES256_GCM, secret, now=T0, key_id=1)
    index = Key.from_material(Algorithm.HMAC_SHA256, secret, now=T0, key_id=2)
    with pytest.raises(InvalidComponent) as info:
        Keyset([gcm, index])
    assert info.value.code == "keyset.shared_material"
    with pytest.raises(InvalidComponent, match="same material"):
        Keyset([gcm]).add(index)


def test_key_fields_are_type_checked() -> None:
    """A key refuses a wrong-typed id, algorithm, time or material with a message naming the key."""
    with pytest.raises(InvalidComponent, match="key id"):
        Key(key_id="5", algorithm=Algorithm.AES256_GCM, created_at=T0, material=bytes(32))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="key 5: algorithm must be an Algorithm"):
        Key(key_id=5, algorithm="AES256_GCM", created_at=T0, material=bytes(32))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="key 5: material must be bytes"):
        Key(key_id=5, algorithm=Algorithm.AES256_GCM, created_at=T0, material="x" * 32)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="bytes-like"):
        Key.from_material(Algorithm.AES256_GCM, "x" * 32, now=T0)  # type: ignore[arg-type]
    assert Key.from_material(Algorithm.SM4_GCM, bytearray(16), now=T0, key_id=3).material == bytes(
        16
    )
    with pytest.raises(TypeError, match="key 5: a keyset records datetimes, not NoneType"):
        Key(key_id=5, algorithm=Algorithm.AES256_GCM, created_at=None, material=bytes(32))  # type: ignore[arg-type]
    with pytest.raises(InvalidFormat, match="key 5: a keyset records aware"):
        Key(
            key_id=5,
            algorithm=Algorithm.AES256_GCM,
            created_at=datetime(2026, 1, 1),
            material=bytes(32),
        )


def test_keyset_json_errors_are_precise() -> None:
    """A keyset file with a naive time or a wrong-size key says which key and what, not 'not a keyset'."""
    document = json.loads(Keyset.generate(now=T0).to_json())
    key_id = document["keys"][0]["id"]
    naive = json.loads(json.dumps(document))
    naive["keys"][0]["created_at"] = "2026-01-01T00:00:00"
    with pytest.raises(InvalidFormat) as info:
        Keyset.from_json(json.dumps(naive))
    assert info.value.code == "keyset.naive_time" and f"key {key_id}" in str(info.value)
    short = json.loads(json.dumps(document))
    short["keys"][0]["material"] = "AAAA"
    with pytest.raises(InvalidComponent, match=f"key {key_id}: AES256_GCM needs a 32-byte key"):
        Keyset.from_json(json.dumps(short))


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_save_replaces_a_readable_file_and_a_symlink(tmp_path: Path) -> None:
    """Saving over a world-readable file or a symlink leaves a private file and writes nowhere else."""
    path = tmp_path / "keyset.json"
    path.write_text("old")
    path.chmod(0o644)
    ks = Keyset.generate(now=T0)
    ks.save(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and Keyset.load(path) == ks
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text("untouched")
    link = tmp_path / "link.json"
    link.symlink_to(elsewhere)
    ks.save(link)
    assert elsewhere.read_text() == "untouched" and not link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "elsewhere.json",
        "keyset.json",
        "link.json",
    ]


def test_kms_refuses_a_plain_keyset() -> None:
    """Given a KMS, a keyset that is not wrapped is refused: a swapped-in plain file cannot plant keys."""
    plain = Keyset.generate(now=T0).to_json()
    with pytest.raises(InvalidFormat) as info:
        Keyset.from_json(plain, kms=FakeKms())
    assert info.value.code == "keyset.not_wrapped"
    assert len(Keyset.from_json(plain).keys) == 1  # without a KMS it is read
