"""The bridge to ``credit_disclosure.identifiers``: one cached call per identifier check.

Identifier modules are imported on first use (the identifiers subpackage loads
division tables), and so is its registry of kinds (``identifiers.REGISTRY``),
which says which kinds are personal data, which take ``as_of`` and which
证件类型 names which kind. Results for codes that are not personal data (credit codes,
organisation codes, business registration numbers) are cached: the same
authority and source-unit codes recur on every row of a batch. Personal
identity numbers are never cached. The cache is dropped whenever the division
data changes (``identifiers.divisions.register()`` moves
``divisions.generation()``), so a code registered after a first check is
accepted from then on.
"""

from __future__ import annotations

import functools
import importlib
from datetime import date
from types import ModuleType
from typing import NamedTuple

from ..errors import ValidationError

__all__ = ["IdentifierProblem", "cert_kind", "check_identifier", "refresh_cache"]

_modules: dict[str, ModuleType] = {}
# divisions.generation() when the cache was last checked.
_cached_for: list[int] = [-1]
_divisions: ModuleType | None = None


def _load_divisions() -> ModuleType:
    global _divisions
    _divisions = _module("divisions")
    return _divisions


@functools.cache
def _registry() -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
    """(kinds safe to cache, kinds that take ``as_of``, 证件类型 -> kind), read once."""
    from ..identifiers import REGISTRY

    return (
        frozenset(k.name for k in REGISTRY.values() if not k.personal),
        frozenset(k.name for k in REGISTRY.values() if k.dated),
        {doc: k.name for k in REGISTRY.values() for doc in k.documents},
    )


def cert_kind(cert_type: str) -> str | None:
    """The identifier kind a 证件类型 (``身份证``, ...) names, or ``None`` for another document."""
    return _registry()[2].get(cert_type)


def _module(name: str) -> ModuleType:
    mod = _modules.get(name)
    if mod is None:
        mod = importlib.import_module(f"credit_disclosure.identifiers.{name}")
        _modules[name] = mod
    return mod


class IdentifierProblem(NamedTuple):
    """What an identifier module's ``ValidationError`` said (kept without the exception:
    a cached exception would keep its traceback's frames, and the value, alive)."""

    code: str
    message_en: str
    message_zh: str


def _check(name: str, value: str, as_of: date | None) -> str | IdentifierProblem:
    mod = _module(name)
    try:
        if as_of is not None and name in _registry()[1]:
            compact: str = mod.validate(value, as_of=as_of)
        else:
            compact = mod.validate(value)
    except ValidationError as exc:
        return IdentifierProblem(exc.code, exc.message_en, exc.message_zh)
    return compact


@functools.lru_cache(maxsize=16384)
def _check_cached(name: str, value: str) -> str | IdentifierProblem:
    return _check(name, value, None)


def refresh_cache() -> None:
    """Drop the cached verdicts if division codes were registered since they were cached.

    Validation calls it once per record, before its identifier checks.
    """
    generation: int = (_divisions or _load_divisions()).generation()
    if generation != _cached_for[0]:
        _check_cached.cache_clear()
        _cached_for[0] = generation


def check_identifier(name: str, value: str, as_of: date | None = None) -> str | IdentifierProblem:
    """The compact value when ``identifiers.<name>.validate`` accepts it, else what it objected.

    Cached verdicts are only as fresh as the last :func:`refresh_cache`.
    """
    if name in _registry()[0]:
        return _check_cached(name, value)
    return _check(name, value, as_of)
