"""Field-level encryption recipes over a keyset: tokens, deterministic tokens, blind indexes.

Token format (version 1), base64 (RFC 4648 §4, with padding) of::

    0x01 | algorithm (1 byte) | key id (4 bytes, big-endian) | body

where the body is ``nonce (12) | ciphertext | tag (16)`` for AES-256-GCM and
SM4-GCM, and ``synthetic IV (16) | ciphertext`` for AES-SIV. The associated
data is the 6-byte header, the field name and the record id (when given), so a
token moved into another field, another record, or edited in any byte does not
decrypt. A blind index is the same header followed by an HMAC of the value.

A 20-character value becomes a 72-character token (AES-GCM): size a VARCHAR
column as ``4 * ceil((34 + UTF-8 bytes) / 3)``.
"""

from __future__ import annotations

import binascii
from collections.abc import Callable, Collection, Mapping
from typing import Any, Final, NoReturn, SupportsIndex, TypeVar, final, overload

from ..errors import ArgumentError, DecryptionError, InvalidComponent, InvalidFormat
from ..standard import SubjectCategory
from ._fields import DEFAULT_FIELD_PRIVACY, FieldPrivacy, Personal
from ._hazmat import Aead, Algorithm, NonceSequence, Purpose, aead, mac, siv
from ._keyset import Keyset
from ._masking import ValueKind
from ._records import as_code_map, codes_of, rebuild, resolve_category

__all__ = ["TOKEN_VERSION", "FieldEncryptor"]

_R = TypeVar("_R")

#: The version byte every token starts with.
TOKEN_VERSION: Final = 1
_HEADER_SIZE: Final = 6
_NONCE_END: Final = _HEADER_SIZE + 12
_AD_CACHE_LIMIT: Final = 4096
_BIDX_DOMAIN: Final = b"credit-disclosure/blind-index/v1\x00"

_b2a: Final = binascii.b2a_base64
_a2b: Final = binascii.a2b_base64


def _text_error(value: object, what: str, field: str | None) -> Exception:
    """The error for a ``value`` that is not UTF-8-encodable text; it never quotes the value."""
    if not isinstance(value, str):
        return TypeError(f"{what} must be str, not {type(value).__name__}")
    return InvalidFormat(
        f"privacy.{what.replace(' ', '_')}_not_text",
        message_en=f"the {what} is not valid Unicode text (it holds a lone surrogate)",
        message_zh="内容不是有效的Unicode文本（含孤立代理字符）",
        field=field,
    )


def _utf8(value: str, what: str, field: str | None) -> bytes:
    """``value`` as UTF-8; a clear error (without the value or a chained cause) otherwise."""
    try:
        return value.encode("utf-8")
    except (AttributeError, UnicodeEncodeError):
        pass  # raised below, outside the handler: the exception holding the value is not chained
    raise _text_error(value, what, field)


def _associated_data(header: bytes, field: str, record_id: str | None) -> bytes:
    name = _utf8(field, "field name", None)
    if len(name) > 0xFFFF:
        raise ArgumentError(
            "privacy.field",
            message_en="a field name is at most 65535 UTF-8 bytes",
            message_zh="字段名不能超过65535个UTF-8字节",
            field="field",
        )
    tail = b"\x00" if record_id is None else b"\x01" + _utf8(record_id, "record id", field)
    return header + len(name).to_bytes(2, "big") + name + tail


@final
class _Slot:
    """Everything one key needs, prepared once: header, primitive, nonces, AD cache."""

    __slots__ = ("ad_cache", "algorithm", "header", "key_id", "mac", "nonce", "open", "seal", "siv")

    def __init__(self, key_id: int, algorithm: Algorithm, material: bytes) -> None:
        self.key_id = key_id
        self.algorithm = algorithm
        self.header = bytes((TOKEN_VERSION, algorithm.code)) + key_id.to_bytes(4, "big")
        self.ad_cache: dict[str, bytes] = {}
        purpose = algorithm.purpose
        primitive: Aead | None = (
            aead(algorithm, material) if purpose is Purpose.ENCRYPTION else None
        )
        self.seal = None if primitive is None else primitive.encrypt
        self.open = None if primitive is None else primitive.decrypt
        self.nonce = NonceSequence() if primitive is not None else None
        self.siv = siv(material) if purpose is Purpose.DETERMINISTIC else None
        self.mac: Callable[[bytes], bytes] | None = (
            mac(algorithm, material) if purpose is Purpose.BLIND_INDEX else None
        )

    def field_ad(self, field: str) -> bytes:
        ad = self.ad_cache.get(field)
        if ad is None:
            ad = _associated_data(self.header, field, None)
            if len(self.ad_cache) < _AD_CACHE_LIMIT:
                self.ad_cache[field] = ad
        return ad


def _no_primary(purpose: Purpose) -> InvalidComponent:
    return InvalidComponent(
        f"keyset.no_primary.{purpose.value}",
        message_en=f"the keyset has no primary key for {purpose.value}",
        message_zh=f"密钥集没有用于 {purpose.value} 的主密钥",
    )


def _decode(token: str) -> bytes:
    """Base64 to bytes, refusing anything but the one canonical encoding."""
    data = token.encode("ascii")
    raw = _a2b(data)
    if _b2a(raw, newline=False) != data:
        raise ValueError("not canonical")
    return raw


@final
class FieldEncryptor:
    """Encrypt and decrypt field values with a :class:`Keyset` (safe defaults, one opaque error).

    * :meth:`encrypt`: randomised AEAD (AES-256-GCM or SM4-GCM, whichever the
      primary ``ENCRYPTION`` key is); the same value gives a different token
      each time.
    * :meth:`encrypt_deterministic`: AES-SIV; the same value in the same field
      gives the same token (equality matching, at the cost of revealing equality).
    * :meth:`blind_index`: an HMAC for look-ups without decryption.
    * :meth:`decrypt` and :meth:`rotate` accept tokens from either encryption
      method and any enabled key.

    Every token is bound to its ``field`` (and ``record_id`` if given). Any
    failure to decrypt raises :class:`~credit_disclosure.errors.DecryptionError`,
    which says nothing more.

    One encryptor is safe to share between threads. It cannot be pickled or
    copied (its GCM nonce counters must never run twice): build one per process
    from the keyset. A key should make at most 2**31 randomised tokens (the
    nonce bound in ``docs/privacy.md``).

    >>> ks = Keyset.generate(Algorithm.AES256_GCM, Algorithm.AES256_SIV, Algorithm.HMAC_SHA256)
    >>> enc = FieldEncryptor(ks)
    >>> token = enc.encrypt("11010519491231002X", field="CF_XDR_ZJHM")
    >>> enc.decrypt(token, field="CF_XDR_ZJHM")
    '11010519491231002X'
    >>> enc.decrypt(token, field="XK_XDR_ZJHM")
    Traceback (most recent call last):
    ...
    credit_disclosure.errors.DecryptionError: decryption failed
    >>> d = enc.encrypt_deterministic("张三", field="CF_XDR_MC")
    >>> d == enc.encrypt_deterministic("张三", field="CF_XDR_MC"), enc.decrypt(d, field="CF_XDR_MC")
    (True, '张三')
    """

    __slots__ = ("_det", "_enc", "_index", "_keyset", "_slots")

    def __init__(self, keyset: Keyset) -> None:
        self._keyset = keyset
        self._slots: dict[int, _Slot] = {
            k.key_id: _Slot(k.key_id, k.algorithm, k.material) for k in keyset.keys if k.enabled
        }
        primary = {p: keyset.primary(p) for p in Purpose}
        enc, det, index = (primary[p] for p in Purpose)
        self._enc = None if enc is None else self._slots[enc.key_id]
        self._det = None if det is None else self._slots[det.key_id]
        self._index = None if index is None else self._slots[index.key_id]

    @property
    def keyset(self) -> Keyset:
        """The keyset this encryptor was built from."""
        return self._keyset

    def __repr__(self) -> str:
        primaries = ", ".join(
            f"{s.algorithm.value}#{s.key_id}" for s in (self._enc, self._det, self._index) if s
        )
        return f"FieldEncryptor(keys={len(self._slots)}, primary=[{primaries}])"

    def __reduce_ex__(self, protocol: SupportsIndex) -> NoReturn:
        """Refuse pickling and copying: a copy in another process would repeat GCM nonces.

        Send the :class:`Keyset` (or its JSON) instead and build one encryptor
        per process; one encryptor is safe to share between threads.

        >>> import pickle
        >>> pickle.dumps(FieldEncryptor(Keyset.generate()))
        Traceback (most recent call last):
        ...
        TypeError: a FieldEncryptor cannot be pickled or copied (its nonce counters must not be duplicated): pass the Keyset and build one FieldEncryptor per process
        """
        raise TypeError(
            "a FieldEncryptor cannot be pickled or copied (its nonce counters must not be"
            " duplicated): pass the Keyset and build one FieldEncryptor per process"
        )

    # --- encryption ----------------------------------------------------------------

    def encrypt(self, value: str, *, field: str, record_id: str | None = None) -> str:
        """A token for ``value`` in ``field`` (of record ``record_id``), under the primary key.

        >>> enc = FieldEncryptor(Keyset.generate(Algorithm.SM4_GCM))
        >>> t = enc.encrypt("13812345678", field="LXDH", record_id="京公罚〔2026〕1号")
        >>> enc.decrypt(t, field="LXDH", record_id="京公罚〔2026〕1号")
        '13812345678'
        """
        slot = self._enc
        if slot is None:
            raise _no_primary(Purpose.ENCRYPTION)
        # The hot path: one dict look-up, a counter nonce, one AEAD call, one base64 call.
        if record_id is None:
            ad = slot.ad_cache.get(field) or slot.field_ad(field)
        else:
            ad = _associated_data(slot.header, field, record_id)
        try:  # _utf8, inlined: a function call is a measurable share of the hot path
            data = value.encode()
        except (AttributeError, UnicodeEncodeError):
            data = None  # raised below, outside the handler: the value is not chained
        if data is None:
            raise _text_error(value, "value", field)
        nonce = slot.nonce.next().to_bytes(12, "big")  # type: ignore[union-attr]
        body = slot.seal(nonce, data, ad)  # type: ignore[misc]
        return _b2a(slot.header + nonce + body, newline=False).decode()

    def encrypt_deterministic(self, value: str, *, field: str) -> str:
        """A deterministic token (AES-SIV): equal values in one field give equal tokens.

        Use it only where a column must be matched by equality (joins, unique
        constraints): it reveals which records share a value.

        >>> enc = FieldEncryptor(Keyset.generate(Algorithm.AES256_SIV))
        >>> a = enc.encrypt_deterministic("110105194912310021", field="CF_XDR_ZJHM")
        >>> a == enc.encrypt_deterministic("110105194912310021", field="CF_XDR_ZJHM")
        True
        >>> a == enc.encrypt_deterministic("110105194912310021", field="XK_XDR_ZJHM")
        False
        """
        slot = self._det
        if slot is None:
            raise _no_primary(Purpose.DETERMINISTIC)
        data = _utf8(value, "value", field)
        body = slot.siv.encrypt(data, [slot.field_ad(field)])  # type: ignore[union-attr]
        return _b2a(slot.header + body, newline=False).decode("ascii")

    def decrypt(self, token: str, *, field: str, record_id: str | None = None) -> str:
        """The value in ``token``; :class:`~credit_disclosure.errors.DecryptionError` on any failure.

        A wrong or retired key, a tampered or truncated token, another field or
        record, a blind index: all give the same error, with no detail.

        >>> enc = FieldEncryptor(Keyset.generate())
        >>> enc.decrypt("not a token", field="CF_XDR_ZJHM")
        Traceback (most recent call last):
        ...
        credit_disclosure.errors.DecryptionError: decryption failed
        """
        opened = self._try_open(token, field, record_id)
        if opened is None:
            raise DecryptionError()  # raised outside any handler: no chained cause to leak
        return opened[1]

    def _try_open(self, token: str, field: str, record_id: str | None) -> tuple[_Slot, str] | None:
        # A mistyped field or record id is the caller's bug, not a failed decryption: say so.
        if not isinstance(field, str):
            raise _text_error(field, "field name", None)
        if record_id is not None and not isinstance(record_id, str):
            raise _text_error(record_id, "record id", field)
        try:
            return self._open(token, field, record_id)
        except Exception:  # every failure is the same failure (one opaque error)
            return None

    def _open(self, token: str, field: str, record_id: str | None) -> tuple[_Slot, str]:
        raw = _decode(token)
        if len(raw) < _HEADER_SIZE or raw[0] != TOKEN_VERSION:
            raise ValueError("version")
        slot = self._slots[int.from_bytes(raw[2:_HEADER_SIZE], "big")]
        if raw[1] != slot.algorithm.code:
            raise ValueError("algorithm")
        header = raw[:_HEADER_SIZE]
        if slot.open is not None:
            ad = _associated_data(header, field, record_id)
            data = slot.open(raw[_HEADER_SIZE:_NONCE_END], raw[_NONCE_END:], ad)
        elif slot.siv is not None:
            data = slot.siv.decrypt(raw[_HEADER_SIZE:], [_associated_data(header, field, None)])
        else:
            raise ValueError("not decryptable")
        return slot, data.decode("utf-8")

    def rotate(self, token: str, *, field: str, record_id: str | None = None) -> str:
        """Re-encrypt ``token`` under the current primary key of its kind (randomised or deterministic).

        >>> from credit_disclosure.privacy import Key
        >>> ks = Keyset.generate()
        >>> old = FieldEncryptor(ks).encrypt("张三", field="CF_XDR_MC")
        >>> new_key = Key.generate(Algorithm.AES256_GCM)
        >>> enc = FieldEncryptor(ks.add(new_key, primary=True))
        >>> enc.needs_rotation(old)
        True
        >>> new = enc.rotate(old, field="CF_XDR_MC")
        >>> enc.needs_rotation(new), enc.decrypt(new, field="CF_XDR_MC")
        (False, '张三')
        """
        opened = self._try_open(token, field, record_id)
        if opened is None:
            raise DecryptionError()
        slot, value = opened
        if slot.siv is not None:
            return self.encrypt_deterministic(value, field=field)
        return self.encrypt(value, field=field, record_id=record_id)

    def needs_rotation(self, token: str) -> bool:
        """``True`` when ``token`` (or blind index) is not under the primary key of its kind (a header read).

        The header is not authenticated here: use it to find rows to rotate,
        never to decide trust.

        >>> enc = FieldEncryptor(Keyset.generate())
        >>> enc.needs_rotation(enc.encrypt("x", field="BZ")), enc.needs_rotation("junk")
        (False, True)
        """
        try:
            raw = _decode(token)
        except Exception:
            return True
        if len(raw) < _HEADER_SIZE:
            return True
        header = raw[:_HEADER_SIZE]
        primaries = (self._enc, self._det, self._index)
        return not any(s is not None and s.header == header for s in primaries)

    # --- blind index ----------------------------------------------------------------

    def blind_index(self, value: str, *, field: str) -> str:
        """A keyed hash of ``value`` in ``field`` under the primary blind-index key.

        Store it next to the token and look records up by it without
        decrypting. Normalise the value first if look-ups must ignore case or
        separators (:func:`credit_disclosure._text.compact_identifier`).

        >>> enc = FieldEncryptor(Keyset.generate(Algorithm.HMAC_SM3))
        >>> enc.blind_index("13812345678", field="LXDH") == enc.blind_index("13812345678", field="LXDH")
        True
        """
        slot = self._index
        if slot is None:
            raise _no_primary(Purpose.BLIND_INDEX)
        return self._index_with(slot, value, field)

    def blind_indexes(self, value: str, *, field: str) -> tuple[str, ...]:
        """The blind index of ``value`` under every enabled blind-index key, primary first.

        During a rotation of the blind-index key, look up by all of them.

        >>> enc = FieldEncryptor(Keyset.generate(Algorithm.HMAC_SHA256))
        >>> enc.blind_indexes("x", field="BZ") == (enc.blind_index("x", field="BZ"),)
        True
        """
        keys = self._keyset.enabled_keys(Purpose.BLIND_INDEX)
        return tuple(self._index_with(self._slots[k.key_id], value, field) for k in keys)

    @staticmethod
    def _index_with(slot: _Slot, value: str, field: str) -> str:
        name = _utf8(field, "field name", None)
        message = _BIDX_DOMAIN + len(name).to_bytes(2, "big") + name + _utf8(value, "value", field)
        digest = slot.mac(message)  # type: ignore[misc]
        return _b2a(slot.header + digest, newline=False).decode("ascii")

    # --- records ----------------------------------------------------------------------

    @staticmethod
    def _transform(
        record: _R,
        category: SubjectCategory | None,
        fields: Mapping[str, FieldPrivacy],
        transform: Callable[[str, str], str],
    ) -> _R:
        """``record`` with ``transform(code, value)`` applied to its personal text fields.

        Personal: identity numbers always; a subject's name when the subject is a
        natural person or the record does not say (the category field itself is
        never transformed, so both directions make the same choice).
        """
        values = as_code_map(record)
        # keys in any header style (证件号码, cert_no): each token is bound to the field code,
        # so that it decrypts whichever style the record is read back in
        keys = tuple(values)
        codes = codes_of(keys, fields)
        by_code = {c: values[k] for k, c in zip(keys, codes) if c is not None}
        category = resolve_category(category, by_code)
        personal = category is None or category is SubjectCategory.NATURAL_PERSON
        changes: dict[str, object] = {}
        for key, code in zip(keys, codes):
            value = values[key]
            fp = None if code is None else fields.get(code)
            if fp is None or fp.kind is ValueKind.TEXT or not isinstance(value, str) or not value:
                continue
            if fp.personal is Personal.ALWAYS or (fp.personal is Personal.SUBJECT and personal):
                changes[key] = transform(str(code), value)
        return rebuild(record, changes)

    @overload
    def encrypt_record(
        self,
        record: Mapping[str, Any],
        *,
        record_id: str | None = None,
        category: SubjectCategory | None = None,
        deterministic: Collection[str] = (),
        fields: Mapping[str, FieldPrivacy] = DEFAULT_FIELD_PRIVACY,
    ) -> dict[str, Any]: ...

    @overload
    def encrypt_record(
        self,
        record: _R,
        *,
        record_id: str | None = None,
        category: SubjectCategory | None = None,
        deterministic: Collection[str] = (),
        fields: Mapping[str, FieldPrivacy] = DEFAULT_FIELD_PRIVACY,
    ) -> _R: ...

    def encrypt_record(
        self,
        record: object,
        *,
        record_id: str | None = None,
        category: SubjectCategory | None = None,
        deterministic: Collection[str] = (),
        fields: Mapping[str, FieldPrivacy] = DEFAULT_FIELD_PRIVACY,
    ) -> object:
        """Encrypt the personal fields of ``record`` (by field metadata); leave the rest.

        Encrypted: identity numbers always; a subject's name when the subject is
        a natural person (or the record does not say). The category field stays
        in clear so that :meth:`decrypt_record` makes the same choice. Fields in
        ``deterministic`` get deterministic tokens (they ignore ``record_id``).
        ``record`` is a mapping keyed by field code or a standard record class.

        >>> enc = FieldEncryptor(Keyset.generate())
        >>> rec = {"CF_XDR_LB": "自然人", "CF_XDR_MC": "张三", "CF_XDR_ZJHM": "11010519491231002X",
        ...        "CF_WSH": "京公罚〔2026〕1号"}
        >>> locked = enc.encrypt_record(rec, record_id=rec["CF_WSH"])
        >>> locked["CF_XDR_MC"] != "张三", locked["CF_WSH"]
        (True, '京公罚〔2026〕1号')
        >>> enc.decrypt_record(locked, record_id=rec["CF_WSH"]) == rec
        True
        """

        def seal(code: str, value: str) -> str:
            if code in deterministic:
                return self.encrypt_deterministic(value, field=code)
            return self.encrypt(value, field=code, record_id=record_id)

        return self._transform(record, category, fields, seal)

    @overload
    def decrypt_record(
        self,
        record: Mapping[str, Any],
        *,
        record_id: str | None = None,
        category: SubjectCategory | None = None,
        fields: Mapping[str, FieldPrivacy] = DEFAULT_FIELD_PRIVACY,
    ) -> dict[str, Any]: ...

    @overload
    def decrypt_record(
        self,
        record: _R,
        *,
        record_id: str | None = None,
        category: SubjectCategory | None = None,
        fields: Mapping[str, FieldPrivacy] = DEFAULT_FIELD_PRIVACY,
    ) -> _R: ...

    def decrypt_record(
        self,
        record: object,
        *,
        record_id: str | None = None,
        category: SubjectCategory | None = None,
        fields: Mapping[str, FieldPrivacy] = DEFAULT_FIELD_PRIVACY,
    ) -> object:
        """Decrypt the fields :meth:`encrypt_record` encrypted (same arguments).

        >>> enc = FieldEncryptor(Keyset.generate())
        >>> enc.decrypt_record({"CF_XDR_ZJHM": "tampered"})
        Traceback (most recent call last):
        ...
        credit_disclosure.errors.DecryptionError: decryption failed
        """

        def unseal(code: str, value: str) -> str:
            return self.decrypt(value, field=code, record_id=record_id)

        return self._transform(record, category, fields, unseal)
