"""The registry of identifier kinds: one line per identifier module.

Everything that needs to know which identifiers exist (:func:`detect`, the
``identify`` command, record validation, the pandas helpers) reads this table;
a new identifier is one new module and one line here.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, cast

import attrs

from ..errors import InvalidFormat
from ._common import IdentifierModule


@attrs.frozen
class IdentifierKind:
    """One kind of identifier: its module's name and how its verbs are called.

    >>> from credit_disclosure.identifiers import REGISTRY
    >>> rid = REGISTRY["resident_id"]
    >>> rid.name_zh, rid.personal, rid.dated, rid.documents
    ('居民身份证号码', True, True, ('身份证', '居民身份证'))
    >>> rid.module.is_valid("11010519491231002X")
    True
    """

    #: the module name in :mod:`credit_disclosure.identifiers` (``"uscc"``)
    name: str
    #: the Chinese name of the identifier
    name_zh: str
    #: the English name
    name_en: str
    #: whether it identifies a natural person (personal data: never cached, always masked)
    personal: bool
    #: whether ``validate``, ``is_valid`` and ``parse`` take ``as_of`` (a birth date
    #: may not lie after it)
    dated: bool = False
    #: whether ``validate``, ``is_valid`` and ``parse`` take ``strict``
    strict: bool = False
    #: the 证件类型 names of the documents the number is printed on, as exchange files
    #: write them (empty for organisations' codes)
    documents: tuple[str, ...] = ()

    @property
    def module(self) -> IdentifierModule:
        """The identifier module itself (``compact``, ``validate``, ``is_valid``, ...)."""
        return cast(
            IdentifierModule, importlib.import_module(f"credit_disclosure.identifiers.{self.name}")
        )


_KINDS: Final = (
    IdentifierKind("uscc", "统一社会信用代码", "unified social credit code", False, strict=True),
    IdentifierKind("org_code", "组织机构代码", "organisation code", False),
    IdentifierKind(
        "resident_id",
        "居民身份证号码",
        "resident identity number",
        True,
        dated=True,
        documents=("身份证", "居民身份证"),
    ),
    IdentifierKind("business_reg_no", "工商注册号", "business registration number", False),
    IdentifierKind(
        "residence_permit",
        "港澳台居民居住证号码",
        "residence permit number of Hong Kong, Macao and Taiwan residents",
        True,
        dated=True,
        documents=("港澳台居民居住证", "港澳居民居住证", "台湾居民居住证"),
    ),
    IdentifierKind(
        "foreign_permanent_id",
        "外国人永久居留身份证号码",
        "foreign permanent resident ID number",
        True,
        dated=True,
        documents=("外国人永久居留身份证",),
    ),
)

#: Every identifier kind by module name, in the order :func:`detect` reports them.
REGISTRY: Final[Mapping[str, IdentifierKind]] = MappingProxyType({k.name: k for k in _KINDS})

#: The identifier kinds :func:`detect` tries, in the order it reports them.
KINDS: Final[tuple[str, ...]] = tuple(REGISTRY)


def identifier_kind(name: str) -> IdentifierKind:
    """The registry entry of the identifier module ``name``.

    An unknown name raises :class:`~credit_disclosure.errors.InvalidFormat`
    (code ``identifier.unknown_kind``; also a :class:`ValueError`).

    >>> identifier_kind("uscc").strict
    True
    >>> identifier_kind("iban")
    Traceback (most recent call last):
        ...
    credit_disclosure.errors.InvalidFormat: identifier.unknown_kind: unknown identifier kind 'iban'; known: uscc, org_code, resident_id, business_reg_no, residence_permit, foreign_permanent_id (未知的标识类型)
    """
    try:
        return REGISTRY[name]
    except (KeyError, TypeError):
        raise InvalidFormat(
            "identifier.unknown_kind",
            message_en=f"unknown identifier kind {name!r}; known: {', '.join(KINDS)}",
            message_zh="未知的标识类型",
        ) from None
