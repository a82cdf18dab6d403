"""Keysets: several keys, one primary per purpose, saved as JSON (optionally wrapped by a KMS).

Modelled on Tink's keysets and Fernet's ``MultiFernet``: every enabled key
decrypts, the primary key of each purpose encrypts, and rotation is three
explicit steps (add a key, promote it, retire the old one once every token has
been rotated). Keysets are immutable: each step returns a new keyset.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import secrets
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Final, Protocol, runtime_checkable

import attrs

from .._atomic import atomic_output
from ..errors import (
    ArgumentTypeError,
    CreditDisclosureError,
    DecryptionError,
    InvalidComponent,
    InvalidFormat,
    UnknownName,
)
from ._hazmat import Algorithm, Purpose, random_key

__all__ = ["DEFAULT_KEYSET_VARIABLE", "Key", "KeyManagement", "Keyset"]

_FORMAT: Final = "credit-disclosure/keyset"
_WRAPPED_FORMAT: Final = "credit-disclosure/wrapped-keyset"
_FORMAT_VERSION: Final = 1
#: associated data with which a KMS wraps a keyset: a wrapped keyset cannot be
#: passed off as anything else the KMS encrypted.
_WRAP_AD: Final = b"credit-disclosure/keyset/v1"

#: The environment variable :meth:`Keyset.from_env` reads by default.
DEFAULT_KEYSET_VARIABLE: Final = "CREDIT_DISCLOSURE_KEYSET"


def _aware(moment: object, key_id: int | None = None) -> datetime:
    """``moment`` if it is an aware datetime; :class:`InvalidFormat` otherwise."""
    if not isinstance(moment, datetime):
        where = "" if key_id is None else f"key {key_id}: "
        what = type(moment).__name__
        raise ArgumentTypeError(
            "keyset.time",
            message_en=f"{where}a keyset records datetimes, not {what}",
            message_zh=f"{where}密钥集的时间应为 datetime，而不是 {what}",
        )
    if moment.tzinfo is None or moment.utcoffset() is None:
        en, zh = ("", "") if key_id is None else (f"key {key_id}: ", f"密钥 {key_id}：")
        raise InvalidFormat(
            "keyset.naive_time",
            message_en=f"{en}a keyset records aware datetimes only (give a time zone)",
            message_zh=f"{zh}密钥集只记录带时区的时间",
        )
    return moment


def _now(now: datetime | None) -> datetime:
    # Time is a parameter: only when the caller passes none is the clock read.
    return datetime.now(timezone.utc) if now is None else _aware(now)


def _keyset_error(code: str, en: str, zh: str) -> InvalidComponent:
    return InvalidComponent(f"keyset.{code}", message_en=en, message_zh=zh)


@attrs.frozen(kw_only=True)
class Key:
    """One key of a keyset: id, algorithm, dates and (unless retired) the secret material.

    The material never appears in ``repr`` or ``str``. A retired key keeps its
    id and dates (so that the keyset shows what existed) but not its material:
    tokens made with it no longer decrypt.

    >>> from datetime import datetime, timezone
    >>> key = Key.generate(Algorithm.AES256_GCM, now=datetime(2026, 1, 1, tzinfo=timezone.utc),
    ...                    key_id=1234)
    >>> key  # doctest: +NORMALIZE_WHITESPACE
    Key(key_id=1234, algorithm=<Algorithm.AES256_GCM: 'AES256_GCM'>,
        created_at=datetime.datetime(2026, 1, 1, 0, 0, tzinfo=datetime.timezone.utc),
        retired_at=None)
    >>> key.enabled, len(key.material)
    (True, 32)
    """

    key_id: int
    algorithm: Algorithm
    created_at: datetime
    retired_at: datetime | None = None
    _material: bytes | None = attrs.field(default=None, repr=False, alias="material")

    def __attrs_post_init__(self) -> None:
        key_id = self.key_id
        if type(key_id) is not int or not 0 < key_id < 2**32:
            raise _keyset_error(
                "key_id", "a key id is an integer from 1 to 2**32-1", "密钥编号应为1至2**32-1的整数"
            )
        if not isinstance(self.algorithm, Algorithm):
            raise ArgumentTypeError(
                "keyset.algorithm",
                message_en=f"key {key_id}: algorithm must be an Algorithm",
                message_zh=f"密钥 {key_id}：algorithm 应为 Algorithm",
                field="algorithm",
            )
        _aware(self.created_at, key_id)
        if self.retired_at is not None:
            _aware(self.retired_at, key_id)
        material = self._material
        if material is not None and type(material) is not bytes:
            raise ArgumentTypeError(
                "keyset.material",
                message_en=f"key {key_id}: material must be bytes",
                message_zh=f"密钥 {key_id}：密钥材料应为 bytes",
                field="material",
            )
        if material is not None and len(material) != self.algorithm.key_size:
            raise _keyset_error(
                "key_size",
                f"key {key_id}: {self.algorithm.value} needs a {self.algorithm.key_size}-byte key",
                f"密钥 {key_id}：{self.algorithm.value} 需要 {self.algorithm.key_size} 字节的密钥",
            )
        if (material is None) == (self.retired_at is None):
            raise _keyset_error(
                "key_state",
                f"key {key_id}: an enabled key has material and no retirement date;"
                " a retired key the reverse",
                f"密钥 {key_id}：有效密钥须有密钥材料且无停用时间；停用密钥相反",
            )

    @classmethod
    def generate(
        cls, algorithm: Algorithm, *, now: datetime | None = None, key_id: int | None = None
    ) -> Key:
        """A fresh random key for ``algorithm`` (the clock is read only when ``now`` is ``None``).

        >>> Key.generate(Algorithm.SM4_GCM).algorithm.key_size
        16
        """
        return cls(
            key_id=key_id if key_id is not None else _random_key_id(),
            algorithm=algorithm,
            created_at=_now(now),
            material=random_key(algorithm),
        )

    @classmethod
    def from_material(
        cls,
        algorithm: Algorithm,
        material: bytes | bytearray | memoryview,
        *,
        now: datetime | None = None,
        key_id: int | None = None,
    ) -> Key:
        """A key made from existing ``material`` (for example from a hardware module).

        >>> Key.from_material(Algorithm.HMAC_SM3, bytes(32), key_id=7).key_id
        7
        """
        return cls(
            key_id=key_id if key_id is not None else _random_key_id(),
            algorithm=algorithm,
            created_at=_now(now),
            material=bytes(memoryview(material)),  # any bytes-like object; not str
        )

    @property
    def enabled(self) -> bool:
        """``True`` until the key is retired."""
        return self._material is not None

    @property
    def purpose(self) -> Purpose:
        """What the key is for (its algorithm's purpose)."""
        return self.algorithm.purpose

    @property
    def material(self) -> bytes:
        """The secret key bytes; raises :class:`DecryptionError` for a retired key.

        >>> Key.from_material(Algorithm.SM4_GCM, bytes(16), key_id=1).material == bytes(16)
        True
        """
        if self._material is None:
            raise DecryptionError()
        return self._material

    def retired(self, *, now: datetime | None = None) -> Key:
        """A retired copy of this key: dated, its material dropped.

        >>> Key.generate(Algorithm.AES256_GCM).retired().enabled
        False
        """
        return attrs.evolve(self, retired_at=_now(now), material=None)


def _random_key_id() -> int:
    while True:
        key_id = secrets.randbits(32)
        if key_id:
            return key_id


@runtime_checkable
class KeyManagement(Protocol):
    """What a key-management service (KMS, HSM, 密码机) client must offer to wrap a keyset.

    Implement it over your KMS's encrypt/decrypt calls (the KMS holds the key
    that never leaves it). ``decrypt`` must raise on any failure.

    >>> from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    >>> class LocalKms:  # for the example only: a real one calls the KMS
    ...     def __init__(self) -> None:
    ...         self._aead = AESGCM(AESGCM.generate_key(256))
    ...     def encrypt(self, plaintext: bytes, associated_data: bytes) -> bytes:
    ...         nonce = os.urandom(12)
    ...         return nonce + self._aead.encrypt(nonce, plaintext, associated_data)
    ...     def decrypt(self, ciphertext: bytes, associated_data: bytes) -> bytes:
    ...         return self._aead.decrypt(ciphertext[:12], ciphertext[12:], associated_data)
    >>> kms = LocalKms()
    >>> isinstance(kms, KeyManagement)
    True
    >>> ks = Keyset.generate()
    >>> Keyset.from_json(ks.to_json(kms=kms), kms=kms) == ks
    True
    """

    def encrypt(self, plaintext: bytes, associated_data: bytes) -> bytes:
        """Encrypt ``plaintext`` under the KMS key, bound to ``associated_data``."""
        ...

    def decrypt(self, ciphertext: bytes, associated_data: bytes) -> bytes:
        """Decrypt what :meth:`encrypt` returned; raise on any failure."""
        ...


def _to_keys(keys: Iterable[Key]) -> tuple[Key, ...]:
    return tuple(keys)


def _to_ids(ids: Iterable[int]) -> frozenset[int]:
    return frozenset(ids)


def _check_keys(instance: Keyset, attribute: attrs.Attribute[Any], keys: tuple[Key, ...]) -> None:
    if not all(isinstance(k, Key) for k in keys):
        raise ArgumentTypeError(
            "keyset.keys",
            message_en="a keyset holds Key objects only",
            message_zh="密钥集只能包含 Key 对象",
            field="keys",
        )
    ids = [k.key_id for k in keys]
    if len(ids) != len(set(ids)):
        raise _keyset_error("duplicate_id", "two keys have the same id", "密钥编号重复")
    # Key separation: one secret must never serve two keys (say an AES-GCM key and an
    # HMAC key of the same size), or the guarantees of one no longer hold for the other.
    materials = [k.material for k in keys if k.enabled]
    if len(materials) != len(set(materials)):
        raise _keyset_error(
            "shared_material",
            "two keys have the same material: every key needs its own secret",
            "两个密钥的密钥材料相同：每个密钥须有独立的密钥材料",
        )


@attrs.frozen
class Keyset:
    """Several keys, at most one primary per :class:`Purpose`; immutable.

    The primary key of a purpose encrypts; every enabled key decrypts. Rotate
    by adding a key (:meth:`add`), making it primary (:meth:`promote`),
    re-encrypting stored tokens (:meth:`FieldEncryptor.rotate`) and finally
    retiring the old key (:meth:`retire`).

    >>> from datetime import datetime, timezone
    >>> t = datetime(2026, 1, 1, tzinfo=timezone.utc)
    >>> ks = Keyset.generate(Algorithm.AES256_GCM, Algorithm.HMAC_SHA256, now=t)
    >>> [k.algorithm.value for k in ks.keys]
    ['AES256_GCM', 'HMAC_SHA256']
    >>> new = Key.generate(Algorithm.SM4_GCM, now=t)
    >>> ks2 = ks.add(new).promote(new.key_id)
    >>> ks2.primary(Purpose.ENCRYPTION) == new
    True
    """

    keys: tuple[Key, ...] = attrs.field(converter=_to_keys, validator=_check_keys)
    primary_ids: frozenset[int] = attrs.field(converter=_to_ids, default=frozenset())

    def __attrs_post_init__(self) -> None:
        by_id = {k.key_id: k for k in self.keys}
        seen: set[Purpose] = set()
        for key_id in self.primary_ids:
            key = by_id.get(key_id)
            if key is None or not key.enabled:
                raise _keyset_error(
                    "primary",
                    "a primary key must be an enabled key of the keyset",
                    "主密钥必须是密钥集中的有效密钥",
                )
            if key.purpose in seen:
                raise _keyset_error(
                    "two_primaries", "two primary keys for one purpose", "同一用途有两个主密钥"
                )
            seen.add(key.purpose)

    @classmethod
    def generate(cls, *algorithms: Algorithm, now: datetime | None = None) -> Keyset:
        """A new keyset with one fresh primary key per algorithm (default: AES-256-GCM).

        >>> Keyset.generate(Algorithm.SM4_GCM, Algorithm.HMAC_SM3).primary(Purpose.BLIND_INDEX).algorithm
        <Algorithm.HMAC_SM3: 'HMAC_SM3'>
        """
        algorithms = algorithms or (Algorithm.AES256_GCM,)
        moment = _now(now)
        keys: list[Key] = []
        for algorithm in algorithms:
            ids = {k.key_id for k in keys}
            key = Key.generate(algorithm, now=moment)
            while key.key_id in ids:  # pragma: no cover - 2**-32 per pair
                key = Key.generate(algorithm, now=moment)
            keys.append(key)
        primaries: dict[Purpose, int] = {}
        for key in keys:
            primaries.setdefault(key.purpose, key.key_id)
        return cls(keys, frozenset(primaries.values()))

    def get(self, key_id: int) -> Key:
        """The key with ``key_id``; :class:`~credit_disclosure.errors.InvalidComponent` if none.

        >>> ks = Keyset.generate()
        >>> ks.get(ks.keys[0].key_id) is ks.keys[0]
        True
        """
        for key in self.keys:
            if key.key_id == key_id:
                return key
        raise _keyset_error("unknown_id", f"no key with id {key_id}", f"没有编号为 {key_id} 的密钥")

    def primary(self, purpose: Purpose) -> Key | None:
        """The primary key for ``purpose``, or ``None``.

        >>> Keyset.generate().primary(Purpose.DETERMINISTIC) is None
        True
        """
        for key in self.keys:
            if key.key_id in self.primary_ids and key.purpose is purpose:
                return key
        return None

    def add(self, key: Key, *, primary: bool = False) -> Keyset:
        """A keyset with ``key`` added (and made primary for its purpose when ``primary``).

        >>> ks = Keyset.generate()
        >>> len(ks.add(Key.generate(Algorithm.AES256_GCM)).keys)
        2
        """
        added = Keyset((*self.keys, key), self.primary_ids)
        return added.promote(key.key_id) if primary else added

    def promote(self, key_id: int) -> Keyset:
        """A keyset in which the key ``key_id`` is the primary of its purpose.

        >>> ks = Keyset.generate()
        >>> new = Key.generate(Algorithm.AES256_GCM)
        >>> ks.add(new).promote(new.key_id).primary(Purpose.ENCRYPTION) == new
        True
        """
        key = self.get(key_id)
        if not key.enabled:
            raise _keyset_error(
                "promote_retired", "a retired key cannot become primary", "停用的密钥不能设为主密钥"
            )
        others = {i for i in self.primary_ids if self.get(i).purpose is not key.purpose}
        return Keyset(self.keys, frozenset({*others, key_id}))

    def retire(self, key_id: int, *, now: datetime | None = None) -> Keyset:
        """A keyset in which key ``key_id`` is retired: its tokens stop decrypting.

        A primary key cannot be retired: promote another key first.

        >>> ks = Keyset.generate()
        >>> old = ks.keys[0].key_id
        >>> new = Key.generate(Algorithm.AES256_GCM)
        >>> ks.add(new, primary=True).retire(old).get(old).enabled
        False
        """
        key = self.get(key_id)
        if key_id in self.primary_ids:
            raise _keyset_error(
                "retire_primary",
                "the primary key cannot be retired; promote another key first",
                "不能停用主密钥，请先将其他密钥设为主密钥",
            )
        if not key.enabled:
            return self
        keys = tuple(k.retired(now=now) if k.key_id == key_id else k for k in self.keys)
        return Keyset(keys, self.primary_ids)

    # --- JSON -----------------------------------------------------------------------

    def _plain_document(self, *, with_material: bool) -> dict[str, Any]:
        return {
            "format": _FORMAT,
            "version": _FORMAT_VERSION,
            "keys": [
                _key_to_json(k, k.key_id in self.primary_ids, with_material) for k in self.keys
            ],
        }

    def to_json(self, *, kms: KeyManagement | None = None) -> str:
        """The keyset as JSON text, holding the key material (wrapped by ``kms`` if given).

        Without ``kms`` the text is as secret as the keys: store it like a
        password (a secrets manager, a file readable only by the service).

        >>> ks = Keyset.generate()
        >>> Keyset.from_json(ks.to_json()) == ks
        True
        """
        plain = json.dumps(self._plain_document(with_material=True), ensure_ascii=False)
        if kms is None:
            return plain
        wrapped = kms.encrypt(plain.encode("utf-8"), _WRAP_AD)
        return json.dumps(
            {
                "format": _WRAPPED_FORMAT,
                "version": _FORMAT_VERSION,
                "wrapped": base64.b64encode(wrapped).decode("ascii"),
                # informational only (not authenticated): what `keys show` prints
                "keys": self._plain_document(with_material=False)["keys"],
            },
            ensure_ascii=False,
        )

    def describe(self) -> list[dict[str, Any]]:
        """The keys' metadata (id, algorithm, primary, status, dates), never the material.

        >>> sorted(Keyset.generate().describe()[0])
        ['algorithm', 'created_at', 'id', 'primary', 'retired_at', 'status']
        """
        described: list[dict[str, Any]] = self._plain_document(with_material=False)["keys"]
        return described

    @classmethod
    def from_json(cls, text: str | bytes, *, kms: KeyManagement | None = None) -> Keyset:
        """Read a keyset written by :meth:`to_json` (unwrapping it with ``kms`` when wrapped).

        Malformed text raises :class:`~credit_disclosure.errors.InvalidFormat`
        (without quoting it); a wrapped keyset that ``kms`` cannot unwrap raises
        :class:`~credit_disclosure.errors.DecryptionError`. With ``kms``, a keyset
        that is not wrapped is refused (``keyset.not_wrapped``): anyone able to
        replace the file could otherwise slip in keys of their own.

        >>> Keyset.from_json('{"format": "something else"}')
        Traceback (most recent call last):
        ...
        credit_disclosure.errors.InvalidFormat: keyset.format: not a credit-disclosure keyset (不是密钥集文件)
        """
        document = _parse_json(text)
        if document.get("format") == _WRAPPED_FORMAT:
            if kms is None:
                raise InvalidFormat(
                    "keyset.wrapped",
                    message_en="the keyset is wrapped by a KMS: pass kms=",
                    message_zh="密钥集已由密钥管理服务加密，请提供 kms",
                )
            try:
                wrapped = base64.b64decode(str(document["wrapped"]), validate=True)
                plain = kms.decrypt(wrapped, _WRAP_AD)
            except Exception:
                plain = None
            if plain is None:
                raise DecryptionError()
            document = _parse_json(plain)
        elif kms is not None and document.get("format") == _FORMAT:
            # Whoever can write the file could swap in keys of their own choosing: with a
            # KMS, only a keyset the KMS unwraps (and so authenticates) is trusted.
            raise InvalidFormat(
                "keyset.not_wrapped",
                message_en="kms= was given but the keyset is not wrapped by a KMS",
                message_zh="提供了 kms，但密钥集未经密钥管理服务加密",
            )
        if document.get("format") != _FORMAT or document.get("version") != _FORMAT_VERSION:
            raise _bad_format()
        try:
            keys = [_key_from_json(item) for item in document["keys"]]
            primaries = [item["id"] for item in document["keys"] if item.get("primary") is True]
        except UnknownName:  # an algorithm or status no key of ours has: not our format
            keys = None
        except CreditDisclosureError:
            raise  # a precise reason (key size, naive time), which never quotes material
        except (KeyError, TypeError, ValueError, binascii.Error):
            keys = None
        if keys is None:
            raise _bad_format()
        return cls(keys, frozenset(primaries))

    def save(self, path: str | os.PathLike[str], *, kms: KeyManagement | None = None) -> None:
        """Write the keyset to ``path`` as JSON, readable by the owner only (mode 0600).

        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "keyset.json"
        >>> ks = Keyset.generate()
        >>> ks.save(path)
        >>> Keyset.load(path) == ks, oct(path.stat().st_mode & 0o777)
        (True, '0o600')
        """
        text = self.to_json(kms=kms) + "\n"
        # A new file, created 0600 whatever the umask, then renamed over the target: the
        # secret never sits in a file others can read, a symlink at ``path`` is replaced
        # rather than written through, and a crash leaves the old keyset whole.
        with atomic_output(path, permissions=0o600) as fh:
            fh.write(text)

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, kms: KeyManagement | None = None) -> Keyset:
        """Read a keyset file written by :meth:`save`.

        >>> Keyset.load  # doctest: +ELLIPSIS
        <bound method Keyset.load of <class '...Keyset'>>
        """
        return cls.from_json(Path(path).read_text(encoding="utf-8"), kms=kms)

    @classmethod
    def from_env(
        cls,
        name: str = DEFAULT_KEYSET_VARIABLE,
        *,
        kms: KeyManagement | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> Keyset:
        """Read the keyset JSON from environment variable ``name`` (``environ``: default ``os.environ``).

        Raises :class:`KeyError` when the variable is not set.

        >>> ks = Keyset.generate()
        >>> Keyset.from_env(environ={"CREDIT_DISCLOSURE_KEYSET": ks.to_json()}) == ks
        True
        """
        env = os.environ if environ is None else environ
        if name not in env:
            raise UnknownName(
                "keyset.env",
                message_en=f"environment variable {name} is not set",
                message_zh=f"环境变量 {name} 未设置",
            )
        return cls.from_json(env[name], kms=kms)

    def enabled_keys(self, purpose: Purpose) -> Iterable[Key]:
        """The enabled keys for ``purpose``, primary first.

        >>> len(list(Keyset.generate().enabled_keys(Purpose.ENCRYPTION)))
        1
        """
        keys = [k for k in self.keys if k.enabled and k.purpose is purpose]
        keys.sort(key=lambda k: k.key_id not in self.primary_ids)
        return keys


def _bad_format() -> InvalidFormat:
    return InvalidFormat(
        "keyset.format",
        message_en="not a credit-disclosure keyset",
        message_zh="不是密钥集文件",
    )


def _parse_json(text: str | bytes) -> dict[str, Any]:
    try:
        document = json.loads(text)
    except (ValueError, TypeError):
        document = None
    if not isinstance(document, dict):
        raise _bad_format()
    return document


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _key_to_json(key: Key, primary: bool, with_material: bool) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": key.key_id,
        "algorithm": key.algorithm.value,
        "primary": primary,
        "status": "enabled" if key.enabled else "retired",
        "created_at": _iso(key.created_at),
        "retired_at": _iso(key.retired_at),
    }
    if with_material and key.enabled:
        item["material"] = base64.b64encode(key.material).decode("ascii")
    return item


def _key_from_json(item: Mapping[str, Any]) -> Key:
    key_id = item["id"]
    if not isinstance(key_id, int) or isinstance(key_id, bool):
        raise TypeError("id")
    retired_at = item.get("retired_at")
    material = item.get("material")
    return Key(
        key_id=key_id,
        algorithm=Algorithm(item["algorithm"]),
        created_at=datetime.fromisoformat(item["created_at"]),
        retired_at=None if retired_at is None else datetime.fromisoformat(retired_at),
        material=None if material is None else base64.b64decode(material, validate=True),
    )
