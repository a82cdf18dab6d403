"""Field encryption: round trips, tamper resistance, field binding, rotation, known answers."""

from __future__ import annotations

import base64
import binascii
import copy
import itertools
import json
import os
import pickle
import sys
import threading
from datetime import datetime, timezone
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure.errors import DecryptionError, InvalidComponent, InvalidFormat
from credit_disclosure.privacy import (
    TOKEN_VERSION,
    Algorithm,
    FieldEncryptor,
    Key,
    Keyset,
    Purpose,
    _hazmat,
)
from credit_disclosure.privacy._hazmat import NonceSequence, Sm4Gcm, aead, mac, siv

VECTORS = json.loads((Path(__file__).parent / "vectors" / "known_answers.json").read_text("utf-8"))
T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
ID = "11010519491231002X"
FIELD = "CF_XDR_ZJHM"

ALL = (Algorithm.AES256_GCM, Algorithm.AES256_SIV, Algorithm.HMAC_SHA256)


def _h(text: str) -> bytes:
    return bytes.fromhex(text)


@pytest.fixture(scope="module")
def aes() -> FieldEncryptor:
    return FieldEncryptor(Keyset.generate(*ALL, now=T0))


@pytest.fixture(scope="module")
def sm4() -> FieldEncryptor:
    return FieldEncryptor(Keyset.generate(Algorithm.SM4_GCM, Algorithm.HMAC_SM3, now=T0))


# --- known answers -----------------------------------------------------------------


@pytest.mark.parametrize("v", VECTORS["aes_256_gcm"], ids=lambda v: v["source"][-12:])
def test_aes_256_gcm_known_answers(v: dict[str, str]) -> None:
    """The AES-256-GCM primitive reproduces the published GCM test cases, both ways."""
    cipher = aead(Algorithm.AES256_GCM, _h(v["key"]))
    ad = _h(v["aad"]) or None
    assert cipher.encrypt(_h(v["nonce"]), _h(v["plaintext"]), ad) == _h(v["ciphertext"])
    assert cipher.decrypt(_h(v["nonce"]), _h(v["ciphertext"]), ad) == _h(v["plaintext"])


def test_sm4_block_known_answer() -> None:
    """SM4 in the installed OpenSSL gives GB/T 32907-2016's example ciphertext."""
    (v,) = VECTORS["sm4_ecb"]
    encryptor = Cipher(algorithms.SM4(_h(v["key"])), modes.ECB()).encryptor()
    assert encryptor.update(_h(v["plaintext"])) + encryptor.finalize() == _h(v["ciphertext"])


@pytest.mark.parametrize("v", VECTORS["sm4_gcm"], ids=lambda v: v["source"][:8])
def test_sm4_gcm_known_answer(v: dict[str, str]) -> None:
    """Our SM4-GCM wrapper reproduces RFC 8998's SM4-GCM example and decrypts it."""
    cipher = Sm4Gcm(_h(v["key"]))
    assert cipher.encrypt(_h(v["nonce"]), _h(v["plaintext"]), _h(v["aad"])) == _h(v["ciphertext"])
    assert cipher.decrypt(_h(v["nonce"]), _h(v["ciphertext"]), _h(v["aad"])) == _h(v["plaintext"])


def test_aes_siv_known_answer() -> None:
    """The deterministic primitive reproduces RFC 5297's AES-SIV example."""
    (v,) = VECTORS["aes_siv"]
    out = siv(_h(v["key"])).encrypt(_h(v["plaintext"]), [_h(v["aad"])])
    assert out == _h(v["ciphertext"])


def test_hmac_and_sm3_known_answers() -> None:
    """HMAC-SHA256 matches RFC 4231 and SM3 matches GB/T 32905-2016's example."""
    (hv,) = VECTORS["hmac_sha256"]
    assert mac(Algorithm.HMAC_SHA256, _h(hv["key"]))(_h(hv["data"])) == _h(hv["mac"])
    (sv,) = VECTORS["sm3"]
    digest = hashes.Hash(hashes.SM3())
    digest.update(_h(sv["data"]))
    assert digest.finalize() == _h(sv["digest"])
    key = os.urandom(32)
    reference = hmac.HMAC(key, hashes.SM3())
    reference.update(b"abc")
    assert mac(Algorithm.HMAC_SM3, key)(b"abc") == reference.finalize()


def test_token_is_standard_aes_gcm_underneath(aes: FieldEncryptor) -> None:
    """A token is header | nonce | AES-GCM(value, AD = header | field), readable by plain AESGCM."""
    token = aes.encrypt(ID, field=FIELD)
    raw = base64.b64decode(token)
    key = aes.keyset.primary(Purpose.ENCRYPTION)
    assert key is not None
    assert raw[0] == TOKEN_VERSION and raw[1] == Algorithm.AES256_GCM.code
    assert int.from_bytes(raw[2:6], "big") == key.key_id
    ad = raw[:6] + len(FIELD).to_bytes(2, "big") + FIELD.encode() + b"\x00"
    assert AESGCM(key.material).decrypt(raw[6:18], raw[18:], ad) == ID.encode()


# --- round trips -------------------------------------------------------------------


@given(value=st.text(max_size=60), field=st.text(min_size=1, max_size=20))
def test_round_trip_aes_gcm(aes: FieldEncryptor, value: str, field: str) -> None:
    """Any text encrypts and decrypts back, in any field."""
    assert aes.decrypt(aes.encrypt(value, field=field), field=field) == value


@given(value=st.text(max_size=60), record_id=st.text(max_size=20))
def test_round_trip_sm4_gcm_with_record_id(sm4: FieldEncryptor, value: str, record_id: str) -> None:
    """SM4-GCM tokens bound to a record id round-trip."""
    token = sm4.encrypt(value, field=FIELD, record_id=record_id)
    assert sm4.decrypt(token, field=FIELD, record_id=record_id) == value


@given(value=st.text(max_size=60))
def test_round_trip_deterministic(aes: FieldEncryptor, value: str) -> None:
    """Deterministic tokens round-trip and are equal for equal values."""
    token = aes.encrypt_deterministic(value, field=FIELD)
    assert token == aes.encrypt_deterministic(value, field=FIELD)
    assert aes.decrypt(token, field=FIELD) == value


def test_randomised_tokens_differ(aes: FieldEncryptor, sm4: FieldEncryptor) -> None:
    """The same value encrypts to a different token every time."""
    for enc in (aes, sm4):
        tokens = {enc.encrypt(ID, field=FIELD) for _ in range(200)}
        assert len(tokens) == 200


def test_token_is_text_safe_and_compact(aes: FieldEncryptor) -> None:
    """Tokens are printable ASCII (base64) and 72 characters for a 20-byte value."""
    token = aes.encrypt("x" * 20, field=FIELD)
    assert token.isascii() and token.isprintable() and " " not in token
    assert len(token) == 72


# --- tampering, binding ------------------------------------------------------------

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="


@pytest.mark.parametrize("kind", ["aes", "sm4", "siv"])
def test_every_single_character_change_is_rejected(
    aes: FieldEncryptor, sm4: FieldEncryptor, kind: str
) -> None:
    """Changing any one character of a token to anything else never decrypts."""
    enc = sm4 if kind == "sm4" else aes
    value = "张三 13812345678"  # 19 bytes: the base64 text ends in padding
    token = (
        aes.encrypt_deterministic(value, field=FIELD)
        if kind == "siv"
        else enc.encrypt(value, field=FIELD)
    )
    for i in range(len(token)):
        for ch in _B64 + "-_.!é":
            if ch == token[i]:
                continue
            with pytest.raises(DecryptionError):
                enc.decrypt(token[:i] + ch + token[i + 1 :], field=FIELD)


@pytest.mark.parametrize("kind", ["aes", "sm4", "siv"])
def test_every_single_byte_change_is_rejected(
    aes: FieldEncryptor, sm4: FieldEncryptor, kind: str
) -> None:
    """Changing any byte of the decoded token (randomised or deterministic) never decrypts."""
    enc = sm4 if kind == "sm4" else aes
    token = (
        aes.encrypt_deterministic(ID, field=FIELD)
        if kind == "siv"
        else enc.encrypt(ID, field=FIELD)
    )
    raw = bytearray(base64.b64decode(token))
    for i in range(len(raw)):
        original = raw[i]
        for b in range(256):
            if b == original:
                continue
            raw[i] = b
            with pytest.raises(DecryptionError):
                enc.decrypt(base64.b64encode(bytes(raw)).decode(), field=FIELD)
        raw[i] = original


def test_truncated_and_extended_tokens_are_rejected(aes: FieldEncryptor) -> None:
    """A token cut short, emptied or with bytes appended does not decrypt."""
    raw = base64.b64decode(aes.encrypt(ID, field=FIELD))
    for n in range(len(raw)):
        with pytest.raises(DecryptionError):
            aes.decrypt(base64.b64encode(raw[:n]).decode(), field=FIELD)
    with pytest.raises(DecryptionError):
        aes.decrypt(base64.b64encode(raw + b"\x00").decode(), field=FIELD)


def test_token_copied_to_another_field_does_not_decrypt(aes: FieldEncryptor) -> None:
    """Field binding: a token moved into another field (or record) fails."""
    token = aes.encrypt(ID, field="CF_XDR_ZJHM", record_id="1")
    with pytest.raises(DecryptionError):
        aes.decrypt(token, field="CF_FR_ZJHM", record_id="1")
    with pytest.raises(DecryptionError):
        aes.decrypt(token, field="CF_XDR_ZJHM", record_id="2")
    with pytest.raises(DecryptionError):
        aes.decrypt(token, field="CF_XDR_ZJHM")  # record id None differs from any id
    det = aes.encrypt_deterministic(ID, field="CF_XDR_ZJHM")
    with pytest.raises(DecryptionError):
        aes.decrypt(det, field="XK_XDR_ZJHM")


def test_field_names_cannot_be_confused() -> None:
    """Field and record id are length-prefixed: ("ab", "c") never reads as ("a", "bc")."""
    enc = FieldEncryptor(Keyset.generate())
    token = enc.encrypt("x", field="ab", record_id="c")
    with pytest.raises(DecryptionError):
        enc.decrypt(token, field="a", record_id="bc")
    with pytest.raises(DecryptionError):
        enc.decrypt(enc.encrypt("x", field="a"), field="a", record_id="")


def test_wrong_key_and_blind_index_do_not_decrypt(aes: FieldEncryptor) -> None:
    """A token from another keyset, or a blind index, fails with the same opaque error."""
    other = FieldEncryptor(Keyset.generate(*ALL))
    with pytest.raises(DecryptionError):
        other.decrypt(aes.encrypt(ID, field=FIELD), field=FIELD)
    with pytest.raises(DecryptionError):
        aes.decrypt(aes.blind_index(ID, field=FIELD), field=FIELD)


def test_algorithm_byte_must_match_the_key(aes: FieldEncryptor) -> None:
    """A token that claims another algorithm for its key id is refused."""
    raw = bytearray(base64.b64decode(aes.encrypt(ID, field=FIELD)))
    raw[1] = Algorithm.SM4_GCM.code
    with pytest.raises(DecryptionError):
        aes.decrypt(base64.b64encode(bytes(raw)).decode(), field=FIELD)


@given(st.text(max_size=100))
def test_junk_tokens_raise_only_decryption_error(aes: FieldEncryptor, junk: str) -> None:
    """Any text given as a token raises DecryptionError and nothing else."""
    with pytest.raises(DecryptionError):
        aes.decrypt(junk, field=FIELD)


def test_decryption_error_is_opaque(aes: FieldEncryptor) -> None:
    """The error carries no cause, no context and no part of the token or value."""
    token = aes.encrypt(ID, field=FIELD)
    with pytest.raises(DecryptionError) as info:
        aes.decrypt(token, field="BZ")
    err = info.value
    assert str(err) == "decryption failed"
    assert err.__cause__ is None and err.__context__ is None
    assert ID not in repr(err) and token not in repr(err)


# --- keys, rotation ----------------------------------------------------------------


def test_rotation_old_tokens_keep_decrypting_until_retired() -> None:
    """After a new primary, old tokens decrypt and rotate; once the old key is retired they fail."""
    ks = Keyset.generate(now=T0)
    old_key = ks.keys[0]
    old_token = FieldEncryptor(ks).encrypt(ID, field=FIELD)
    new_key = Key.generate(Algorithm.SM4_GCM, now=T0)
    ks2 = ks.add(new_key).promote(new_key.key_id)
    enc2 = FieldEncryptor(ks2)
    assert enc2.decrypt(old_token, field=FIELD) == ID
    assert enc2.needs_rotation(old_token)
    rotated = enc2.rotate(old_token, field=FIELD)
    assert base64.b64decode(rotated)[1] == Algorithm.SM4_GCM.code
    assert not enc2.needs_rotation(rotated)
    ks3 = ks2.retire(old_key.key_id, now=T0)
    enc3 = FieldEncryptor(ks3)
    assert enc3.decrypt(rotated, field=FIELD) == ID
    with pytest.raises(DecryptionError):
        enc3.decrypt(old_token, field=FIELD)
    with pytest.raises(DecryptionError):
        enc3.rotate(old_token, field=FIELD)
    assert ks3.get(old_key.key_id).retired_at == T0


def test_rotate_keeps_deterministic_tokens_deterministic() -> None:
    """Rotating a deterministic token gives the new key's deterministic token."""
    ks = Keyset.generate(Algorithm.AES256_GCM, Algorithm.AES256_SIV, now=T0)
    old = FieldEncryptor(ks).encrypt_deterministic(ID, field=FIELD)
    new_key = Key.generate(Algorithm.AES256_SIV, now=T0)
    enc = FieldEncryptor(ks.add(new_key, primary=True))
    rotated = enc.rotate(old, field=FIELD)
    assert rotated == enc.encrypt_deterministic(ID, field=FIELD) != old


def test_blind_index_is_keyed_and_field_bound(aes: FieldEncryptor, sm4: FieldEncryptor) -> None:
    """Blind indexes are stable for a key and field, and differ across fields and keys."""
    a = aes.blind_index(ID, field=FIELD)
    assert a == aes.blind_index(ID, field=FIELD)
    assert a != aes.blind_index(ID, field="CF_FR_ZJHM")
    assert a != aes.blind_index(ID + "1", field=FIELD)
    assert base64.b64decode(sm4.blind_index(ID, field=FIELD))[1] == Algorithm.HMAC_SM3.code
    assert ID not in a


def test_blind_indexes_cover_every_enabled_key() -> None:
    """During a blind-index key rotation, look-ups get one index per enabled key, primary first."""
    ks = Keyset.generate(Algorithm.HMAC_SHA256, now=T0)
    old = FieldEncryptor(ks).blind_index(ID, field=FIELD)
    enc = FieldEncryptor(ks.add(Key.generate(Algorithm.HMAC_SM3, now=T0), primary=True))
    indexes = enc.blind_indexes(ID, field=FIELD)
    assert (
        len(indexes) == 2 and indexes[1] == old and indexes[0] == enc.blind_index(ID, field=FIELD)
    )


def test_missing_primary_is_reported() -> None:
    """Asking for a purpose the keyset has no primary key for raises InvalidComponent."""
    enc = FieldEncryptor(Keyset.generate(Algorithm.HMAC_SHA256))
    with pytest.raises(InvalidComponent, match="no primary key for encryption"):
        enc.encrypt("x", field=FIELD)
    with pytest.raises(InvalidComponent, match="deterministic"):
        enc.encrypt_deterministic("x", field=FIELD)
    with pytest.raises(InvalidComponent, match="blind_index"):
        FieldEncryptor(Keyset.generate()).blind_index("x", field=FIELD)


def test_no_secret_in_repr(aes: FieldEncryptor) -> None:
    """Neither keys, keysets nor the encryptor show key material in repr or str."""
    ks = aes.keyset
    texts = [repr(ks), str(ks), repr(aes), str(aes), *map(repr, ks.keys)]
    for key in ks.keys:
        material = key.material
        for encoded in (material.hex(), base64.b64encode(material).decode(), repr(material)):
            assert not any(encoded in text for text in texts)
    assert "FieldEncryptor(keys=3" in repr(aes)


def test_nonce_sequence_never_repeats_and_reseeds() -> None:
    """Nonces are 12 bytes, increase without repeating, and restart elsewhere after a reseed."""
    seq = NonceSequence()
    nonces = [seq() for _ in range(1000)]
    assert len(set(nonces)) == 1000 and all(len(n) == 12 for n in nonces)
    seq.reseed()
    assert seq() not in nonces


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_forked_child_does_not_reuse_nonces(aes: FieldEncryptor) -> None:
    """A child process forked after encrypting draws different nonces from its parent."""
    aes.encrypt("warm", field=FIELD)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        try:
            os.write(write, base64.b64decode(aes.encrypt("x", field=FIELD))[6:18])
        finally:
            os._exit(0)
    os.close(write)
    child_nonce = os.read(read, 12)
    os.close(read)
    os.waitpid(pid, 0)
    parent_nonce = base64.b64decode(aes.encrypt("x", field=FIELD))[6:18]
    assert len(child_nonce) == 12
    assert int.from_bytes(child_nonce, "big") - int.from_bytes(parent_nonce, "big") not in (
        -1,
        0,
        1,
    )


def test_base64_strictness_helper() -> None:
    """Non-canonical base64 (spare bits set) decodes with binascii but is refused as a token."""
    enc = FieldEncryptor(Keyset.generate())
    token = enc.encrypt("张三 13812345678", field=FIELD)
    assert token.endswith("=")
    last = token.rstrip("=")[-1]
    i = _B64.index(last)
    twin = token.rstrip("=")[:-1] + _B64[i ^ 1] + "=" * (len(token) - len(token.rstrip("=")))
    assert binascii.a2b_base64(twin) == binascii.a2b_base64(token)  # same bytes...
    with pytest.raises(DecryptionError):  # ...yet a different token: refused
        enc.decrypt(twin, field=FIELD)


def _nonce_of(token: str) -> bytes:
    return base64.b64decode(token)[6:18]


def test_nonces_stay_unique_across_threads() -> None:
    """Threads sharing one encryptor never draw the same nonce."""
    enc = FieldEncryptor(Keyset.generate(now=T0))
    results: list[list[bytes]] = [[] for _ in range(8)]
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:

        def work(out: list[bytes]) -> None:
            out.extend(_nonce_of(enc.encrypt("x", field=FIELD)) for _ in range(1500))

        threads = [threading.Thread(target=work, args=(r,)) for r in results]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(switch)
    nonces = [n for r in results for n in r]
    assert len(nonces) == 12_000 and len(set(nonces)) == 12_000


def test_nonce_sequence_without_gil_takes_a_lock(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a free-threaded interpreter the counter is read under a lock, and stays unique."""
    monkeypatch.setattr(_hazmat, "_gil_enabled", lambda: False)
    seq = NonceSequence()
    assert not isinstance(seq.next, type(itertools.count().__next__))  # the locked wrapper
    results: list[list[bytes]] = [[] for _ in range(4)]
    threads = [
        threading.Thread(target=lambda r=r: r.extend(seq() for _ in range(2000))) for r in results
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    nonces = [n for r in results for n in r]
    assert len(set(nonces)) == 8000


def test_encryptor_cannot_be_pickled_or_copied() -> None:
    """An encryptor refuses pickle and copy, so no two processes ever share its nonce counters."""
    enc = FieldEncryptor(Keyset.generate(now=T0))
    for clone in (pickle.dumps, copy.copy, copy.deepcopy):
        with pytest.raises(TypeError, match="build one FieldEncryptor per process"):
            clone(enc)


def test_unencodable_value_error_names_field_not_value(aes: FieldEncryptor) -> None:
    """A value with a lone surrogate raises InvalidFormat naming the field, never the value."""
    secret = "110105194912310021\ud800"
    for call in (aes.encrypt, aes.encrypt_deterministic, aes.blind_index):
        with pytest.raises(InvalidFormat) as info:
            call(secret, field=FIELD)
        err = info.value
        assert err.code == "privacy.value_not_text" and err.field == FIELD
        assert "110105" not in str(err) and "110105" not in repr(err)
        assert err.__cause__ is None and err.__context__ is None


def test_wrong_types_raise_type_error(aes: FieldEncryptor) -> None:
    """Non-text values, field names or record ids are a TypeError that names the type, not the value."""
    with pytest.raises(TypeError, match="value must be str, not bytes"):
        aes.encrypt(b"secret", field=FIELD)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="value must be str, not NoneType"):
        aes.encrypt_deterministic(None, field=FIELD)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="field name must be str"):
        aes.encrypt("x", field=None)  # type: ignore[arg-type]
    token = aes.encrypt("x", field=FIELD)
    with pytest.raises(TypeError, match="field name must be str"):
        aes.decrypt(token, field=None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="record id must be str, not int"):
        aes.decrypt(token, field=FIELD, record_id=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="record id must be str, not int"):
        aes.encrypt("x", field=FIELD, record_id=5)  # type: ignore[arg-type]


def test_needs_rotation_knows_blind_indexes() -> None:
    """A blind index under the primary index key needs no rotation; one under an older key does."""
    ks = Keyset.generate(Algorithm.HMAC_SHA256, now=T0)
    old = FieldEncryptor(ks).blind_index(ID, field=FIELD)
    assert not FieldEncryptor(ks).needs_rotation(old)
    enc = FieldEncryptor(ks.add(Key.generate(Algorithm.HMAC_SHA256, now=T0), primary=True))
    assert enc.needs_rotation(old) and not enc.needs_rotation(enc.blind_index(ID, field=FIELD))
