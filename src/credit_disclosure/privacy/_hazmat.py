"""Hazardous materials: the raw primitives under :class:`FieldEncryptor`. Not public.

Everything here is easy to misuse (nonces, key sizes, associated data) and is
used only by the recipes in ``_encryptor``. All primitives come from
pyca/cryptography:

========== ===================================== ==================================
algorithm  primitive                             source
========== ===================================== ==================================
AES256_GCM ``AESGCM`` (256-bit key, 96-bit nonce) NIST SP 800-38D
SM4_GCM    ``Cipher(SM4, GCM)``                   GB/T 32907-2016 (SM4), GB/T 36624-2018 (SM4 in GCM)
AES256_SIV ``AESSIV`` (512-bit key)               RFC 5297 (deterministic AEAD)
HMAC_SHA256 ``HMAC(SHA256)``                      FIPS 198-1, FIPS 180-4
HMAC_SM3   ``HMAC(SM3)``                          GB/T 32905-2016 (SM3)
========== ===================================== ==================================
"""

from __future__ import annotations

import enum
import itertools
import os
import sys
import threading
import weakref
from collections.abc import Callable
from typing import Final, Protocol

from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, AESSIV

NONCE_SIZE: Final = 12
TAG_SIZE: Final = 16


class Purpose(enum.Enum):
    """What a key is for; a keyset has at most one primary key per purpose.

    >>> Purpose("encryption")
    <Purpose.ENCRYPTION: 'encryption'>
    """

    #: randomised authenticated encryption (AES-256-GCM, SM4-GCM)
    ENCRYPTION = "encryption"
    #: deterministic authenticated encryption, for equality matching (AES-SIV)
    DETERMINISTIC = "deterministic"
    #: keyed hash for look-ups without decryption (HMAC)
    BLIND_INDEX = "blind_index"


class Algorithm(enum.Enum):
    """The algorithms a key can have; the value is the name written in keyset files.

    >>> Algorithm("SM4_GCM").purpose
    <Purpose.ENCRYPTION: 'encryption'>
    >>> Algorithm.AES256_SIV.key_size
    64
    """

    #: AES-256 in Galois/Counter Mode (NIST SP 800-38D): the default
    AES256_GCM = "AES256_GCM"
    #: SM4 in Galois/Counter Mode (国密, GB/T 32907-2016 and GB/T 36624-2018)
    SM4_GCM = "SM4_GCM"
    #: AES-SIV with two 256-bit keys (RFC 5297): deterministic encryption
    AES256_SIV = "AES256_SIV"
    #: HMAC with SHA-256 (FIPS 198-1): blind index
    HMAC_SHA256 = "HMAC_SHA256"
    #: HMAC with SM3 (GB/T 32905-2016): blind index (国密)
    HMAC_SM3 = "HMAC_SM3"

    @property
    def purpose(self) -> Purpose:
        """What keys of this algorithm are for."""
        return _PURPOSES[self]

    @property
    def key_size(self) -> int:
        """The key size in bytes."""
        return _KEY_SIZES[self]

    @property
    def code(self) -> int:
        """The byte that names this algorithm in a token."""
        return _CODES[self]


_PURPOSES: Final = {
    Algorithm.AES256_GCM: Purpose.ENCRYPTION,
    Algorithm.SM4_GCM: Purpose.ENCRYPTION,
    Algorithm.AES256_SIV: Purpose.DETERMINISTIC,
    Algorithm.HMAC_SHA256: Purpose.BLIND_INDEX,
    Algorithm.HMAC_SM3: Purpose.BLIND_INDEX,
}
_KEY_SIZES: Final = {
    Algorithm.AES256_GCM: 32,
    Algorithm.SM4_GCM: 16,
    Algorithm.AES256_SIV: 64,
    Algorithm.HMAC_SHA256: 32,
    Algorithm.HMAC_SM3: 32,
}
# Stable wire codes: never renumber (tokens in databases carry them).
_CODES: Final = {
    Algorithm.AES256_GCM: 1,
    Algorithm.SM4_GCM: 2,
    Algorithm.AES256_SIV: 3,
    Algorithm.HMAC_SHA256: 4,
    Algorithm.HMAC_SM3: 5,
}


class Aead(Protocol):
    """A nonce-based AEAD with cryptography's ``AESGCM`` calling convention."""

    def encrypt(self, nonce: bytes, data: bytes, associated_data: bytes | None) -> bytes: ...

    def decrypt(self, nonce: bytes, data: bytes, associated_data: bytes | None) -> bytes: ...


class Sm4Gcm:
    """SM4-GCM through cryptography's ``Cipher`` API, with ``AESGCM``'s calling convention.

    The tag (16 bytes) is appended to the ciphertext, as ``AESGCM`` does.
    """

    __slots__ = ("_algorithm",)

    def __init__(self, key: bytes) -> None:
        self._algorithm = algorithms.SM4(key)

    def encrypt(self, nonce: bytes, data: bytes, associated_data: bytes | None) -> bytes:
        encryptor = Cipher(self._algorithm, modes.GCM(nonce)).encryptor()
        if associated_data:
            encryptor.authenticate_additional_data(associated_data)
        body = encryptor.update(data) + encryptor.finalize()
        return body + encryptor.tag

    def decrypt(self, nonce: bytes, data: bytes, associated_data: bytes | None) -> bytes:
        if len(data) < TAG_SIZE:
            raise ValueError("ciphertext too short")
        decryptor = Cipher(
            self._algorithm, modes.GCM(nonce, data[-TAG_SIZE:], min_tag_length=TAG_SIZE)
        ).decryptor()
        if associated_data:
            decryptor.authenticate_additional_data(associated_data)
        return decryptor.update(data[:-TAG_SIZE]) + decryptor.finalize()


def aead(algorithm: Algorithm, key: bytes) -> Aead:
    """The AEAD object for an ``ENCRYPTION`` key (cached by the caller)."""
    if algorithm is Algorithm.AES256_GCM:
        return AESGCM(key)
    if algorithm is Algorithm.SM4_GCM:
        return Sm4Gcm(key)
    raise ValueError(f"{algorithm.value} is not a nonce-based AEAD")


def siv(key: bytes) -> AESSIV:
    """The AES-SIV object for a ``DETERMINISTIC`` key."""
    return AESSIV(key)


def mac(algorithm: Algorithm, key: bytes) -> Callable[[bytes], bytes]:
    """A function computing the HMAC of its argument under ``key``."""
    if algorithm is Algorithm.HMAC_SHA256:
        digest: hashes.HashAlgorithm = hashes.SHA256()
    elif algorithm is Algorithm.HMAC_SM3:
        digest = hashes.SM3()
    else:
        raise ValueError(f"{algorithm.value} is not a MAC")

    def compute(data: bytes) -> bytes:
        h = hmac.HMAC(key, digest)
        h.update(data)
        return h.finalize()

    return compute


def _gil_enabled() -> bool:
    """Whether the interpreter runs with the GIL (``False`` only on a free-threaded build)."""
    check: Callable[[], bool] | None = getattr(sys, "_is_gil_enabled", None)
    return True if check is None else check()


class NonceSequence:
    """Unique 96-bit GCM nonces: a counter started at a random 95-bit value.

    ``next()`` returns an ``int``; ``to_bytes(12, "big")`` makes the nonce.

    Why this is sound for AES-GCM and SM4-GCM (both: 96-bit nonces, 128-bit
    blocks): GCM needs only that a nonce never repeats under one key (NIST SP
    800-38D §8). Within one sequence the values are consecutive, so they never
    repeat (wrapping would take 2**95 calls). Two sequences under the same key
    (two processes, two encryptors) collide only if their ranges overlap: with
    probability at most (n1 + n2) / 2**95 for n1 and n2 messages. For k
    sequences and N messages in all that is at most k * N / 2**95 <= N**2 / 2**95;
    below the 2**-32 that SP 800-38D §8.3 sets, as long as a key encrypts no
    more than 2**31 values (``docs/privacy.md``, "Nonces").

    Threads: ``itertools.count.__next__`` runs in C without releasing the GIL,
    so two threads never get the same value; on a free-threaded build (no GIL)
    the counter is taken under a lock instead. Processes: a child forked with
    :func:`os.fork` (``multiprocessing``'s ``fork`` start method too) re-seeds
    every sequence at once (``os.register_at_fork``), so parent and child
    never share nonces. What this cannot see: a process cloned by other means
    (a restored VM or container snapshot, a C-level ``fork()`` that bypasses
    Python): build the :class:`FieldEncryptor` after such a restore. The
    counter costs a fraction of the ``os.urandom`` call a random nonce needs.
    """

    __slots__ = ("__weakref__", "next")

    def __init__(self) -> None:
        self.next: Callable[[], int] = self._fresh()
        _SEQUENCES.add(self)

    @staticmethod
    def _fresh() -> Callable[[], int]:
        counter = itertools.count(int.from_bytes(os.urandom(NONCE_SIZE), "big") >> 1).__next__
        if _gil_enabled():  # a GIL never goes away once enabled: no lock on the hot path
            return counter
        lock = threading.Lock()

        def locked() -> int:
            with lock:
                return counter()

        return locked

    def reseed(self) -> None:
        """Start again from a fresh random value."""
        self.next = self._fresh()

    def __call__(self) -> bytes:
        """The next nonce as 12 bytes."""
        return self.next().to_bytes(NONCE_SIZE, "big")


_SEQUENCES: Final[weakref.WeakSet[NonceSequence]] = weakref.WeakSet()


def _reseed_all_after_fork() -> None:
    for sequence in list(_SEQUENCES):
        sequence.reseed()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_reseed_all_after_fork)


def random_key(algorithm: Algorithm) -> bytes:
    """Fresh key material for ``algorithm`` from the operating system's CSPRNG."""
    return os.urandom(algorithm.key_size)
