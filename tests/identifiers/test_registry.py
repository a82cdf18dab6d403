"""The registry of identifier kinds: one line per module, read by every consumer."""

from __future__ import annotations

import pkgutil
from datetime import date

import pytest

import credit_disclosure.identifiers as identifiers
from credit_disclosure.errors import InvalidFormat
from credit_disclosure.identifiers import KINDS, REGISTRY, identifier_kind, uscc
from credit_disclosure.standard import PLACEHOLDER_CREDIT_CODE, CertificateType


def test_every_identifier_module_is_registered() -> None:
    """Each public identifier module (all but divisions) has a registry line, and vice versa."""
    modules = {
        m.name
        for m in pkgutil.iter_modules(identifiers.__path__)
        if not m.name.startswith("_") and m.name != "divisions"
    }
    assert modules == set(REGISTRY) == set(KINDS)


@pytest.mark.parametrize("name", KINDS)
def test_registry_flags_match_the_module_signatures(name: str) -> None:
    """A dated kind's validate takes as_of, a strict one takes strict; others refuse them."""
    kind = REGISTRY[name]
    value = kind.module.generate(seed=1)
    if kind.dated:
        assert kind.module.validate(value, as_of=date(2100, 1, 1)) == value  # type: ignore[call-arg]
    else:
        with pytest.raises(TypeError):
            kind.module.validate(value, as_of=date(2100, 1, 1))  # type: ignore[call-arg]
    if kind.strict:
        assert kind.module.validate(value, strict=True) == value  # type: ignore[call-arg]


@pytest.mark.parametrize("name", KINDS)
def test_only_personal_kinds_name_documents(name: str) -> None:
    """Kinds that identify people name the 证件类型 they are printed on; organisation codes none."""
    kind = REGISTRY[name]
    assert bool(kind.documents) is kind.personal


def test_certificate_types_with_a_check_are_registered() -> None:
    """The code list's 身份证 and 外国人永久居留身份证 lead to their identifier kinds."""
    documents = {doc: k.name for k in REGISTRY.values() for doc in k.documents}
    assert documents[CertificateType.RESIDENT_ID.value] == "resident_id"
    assert documents[CertificateType.FOREIGN_PERMANENT_ID.value] == "foreign_permanent_id"


@pytest.mark.parametrize("name", ["iban", "", "USCC", 3])
def test_unknown_kind_is_a_coded_value_error(name: object) -> None:
    """An unknown kind raises InvalidFormat identifier.unknown_kind, also a ValueError."""
    with pytest.raises(InvalidFormat) as err:
        identifier_kind(name)  # type: ignore[arg-type]
    assert err.value.code == "identifier.unknown_kind"
    assert isinstance(err.value, ValueError)


def test_uscc_alphabet_is_the_standards() -> None:
    """31 characters: digits and capitals without I, O, S, V, Z; the placeholder uses it."""
    assert len(uscc.ALPHABET) == 31 and not set("IOSVZ") & set(uscc.ALPHABET)
    assert set(PLACEHOLDER_CREDIT_CODE) <= set(uscc.ALPHABET)
