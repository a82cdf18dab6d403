"""Reading and rebuilding records: mappings keyed by field code, or the standard's attrs classes.

Masking and encryption work on field codes (``CF_XDR_ZJHM``). A record is
either a ``Mapping[str, object]`` keyed by field code or one of the frozen
record classes of :mod:`credit_disclosure.standard`, whose attributes are
mapped to codes by the standard's field metadata (``fields(kind, version)``)
and which is rebuilt with :func:`attrs.evolve`.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Mapping
from typing import Any, Final, TypeVar

import attrs

from .._text import compact_identifier
from ..errors import ArgumentError, ArgumentTypeError
from ..identifiers import resident_id, uscc
from ..standard import (
    PLACEHOLDER_CREDIT_CODE,
    RecordKind,
    StandardVersion,
    SubjectCategory,
    detect_kind,
    resolve_header,
)

_R = TypeVar("_R")

_CATEGORY_FIELDS: Final = ("CF_XDR_LB", "XK_XDR_LB")
_USCC_FIELDS: Final = ("CF_XDR_SHXYM", "XK_XDR_SHXYM")

_ATTR_MAPS: dict[type, dict[str, str]] = {}


def _not_a_record(cls: type) -> ArgumentTypeError:
    what = cls.__name__
    return ArgumentTypeError(
        "privacy.record",
        message_en=f"{what} is neither a mapping of field codes nor a record class of "
        "credit_disclosure.standard",
        message_zh=f"{what} 既不是以字段代码为键的映射，也不是 credit_disclosure.standard 的记录类",
    )


def _code_to_attr(cls: type) -> dict[str, str]:
    """Field code -> attribute name for a standard record class (cached)."""
    found = _ATTR_MAPS.get(cls)
    if found is None:
        kind = getattr(cls, "kind", None)
        version = getattr(cls, "version", None)
        if kind is None or version is None:
            raise _not_a_record(cls)
        from ..standard import fields  # the standard's metadata: the one source of truth

        specs = fields(kind, version)
        names = {a.name for a in attrs.fields(cls)}
        found = {spec.code: spec.attr for spec in specs if spec.attr in names}
        _ATTR_MAPS[cls] = found
    return found


def as_code_map(record: object) -> dict[str, object]:
    """The record's values keyed by field code."""
    if isinstance(record, Mapping):
        return dict(record)
    if not attrs.has(type(record)):
        raise _not_a_record(type(record))
    mapping = _code_to_attr(type(record))
    return {code: getattr(record, attr) for code, attr in mapping.items()}


def rebuild(record: _R, changes: Mapping[str, object]) -> _R:
    """A copy of ``record`` with the values of ``changes`` (keyed by field code)."""
    if not changes:
        return record
    if isinstance(record, Mapping):
        out = dict(record)
        out.update(changes)
        return out  # type: ignore[return-value]
    mapping = _code_to_attr(type(record))
    evolve: Callable[..., Any] = attrs.evolve
    result: _R = evolve(record, **{mapping[code]: value for code, value in changes.items()})
    return result


_OTHER_KIND: Final = {
    RecordKind.PENALTY: RecordKind.LICENSE,
    RecordKind.LICENSE: RecordKind.PENALTY,
}


def kind_of(keys: Iterable[object]) -> RecordKind:
    """The record kind the keys point at, so that shared names (证件类型) resolve alike.

    Both kinds give the subject fields the same privacy facts; the kind only
    keeps a record's codes together (its 证件号码 and its 证件类型).
    """
    texts = [k for k in keys if isinstance(k, str)]
    for version in StandardVersion:
        found = detect_kind(texts, version)
        if found is not None:
            return found
    for text in texts:
        head = text.strip()[:3].upper()
        if head == "XK_":
            return RecordKind.LICENSE
        if head == "CF_":
            return RecordKind.PENALTY
    return RecordKind.PENALTY


def code_of(key: object, known: Container[str], kind: RecordKind | None = None) -> str | None:
    """The field code a record key names, or ``None`` when it names none.

    A key in ``known`` (a field table's codes, local fields) is its own code;
    any other key is read as a header of the standard, the way ``check`` reads
    headers (:func:`~credit_disclosure.standard.resolve_header`: field code,
    Chinese name or attribute name), first for ``kind`` and the 2018 standard.
    """
    if not isinstance(key, str):
        return None
    if key in known:
        return key
    first = RecordKind.PENALTY if kind is None else RecordKind(kind)
    for k in (first, _OTHER_KIND[first]):
        for version in StandardVersion:
            spec = resolve_header(key, k, version)
            if spec is not None:
                return spec.code
    return None


def codes_of(keys: tuple[object, ...], known: Container[str]) -> tuple[str | None, ...]:
    """The field code of each key of one record (``None``: it names no field)."""
    if all(isinstance(k, str) and k in known for k in keys):
        return tuple(str(k) for k in keys)  # the common case: keyed by field code
    kind = kind_of(keys)
    return tuple(code_of(key, known, kind) for key in keys)


def resolve_category(category: object, values: Mapping[str, object]) -> SubjectCategory | None:
    """The subject category given by the caller (a member or its text), else the record's own.

    A caller's ``"自然人"`` means :attr:`SubjectCategory.NATURAL_PERSON`; anything
    else that is not a category is refused rather than read as "not a person",
    which would leave a person's name unmasked.
    """
    if category is None:
        return subject_category(values)
    if isinstance(category, SubjectCategory):
        return category
    try:
        return SubjectCategory(category)
    except ValueError:
        pass
    known = " / ".join(c.value for c in SubjectCategory)
    raise ArgumentError(
        "privacy.category",
        message_en=f"category must be a SubjectCategory ({known}), not {category!r}",
        message_zh=f"行政相对人类别应为 {known} 之一，而不是 {category!r}",
        field="category",
    )


def is_credit_code(value: str) -> bool:
    """Whether ``value`` is a valid 统一社会信用代码 and not also a valid resident identity number.

    The identity check runs only on values of an identity number's shape (18
    characters, 17 of them digits), which a credit code with letters never has.
    """
    if not uscc.is_valid(value):
        return False
    compact = compact_identifier(value)
    if len(compact) == 18 and compact[:17].isdigit():
        return not resident_id.is_valid(compact)
    return True


def subject_category(values: Mapping[str, object]) -> SubjectCategory | None:
    """The subject category a record states (``*_XDR_LB``), or infers from its credit code.

    Only a valid 统一社会信用代码 (GB 32100-2015) that is not also a valid
    identity number infers an organisation. ``None`` when the record says
    nothing: callers treat that as a natural person (mask more, never less).
    """
    for code in _CATEGORY_FIELDS:
        value = values.get(code)
        if isinstance(value, SubjectCategory):
            return value
        if isinstance(value, str) and value.strip():
            try:
                return SubjectCategory(value.strip())
            except ValueError:
                return None  # unknown text: do not guess
    for code in _USCC_FIELDS:
        value = values.get(code)
        if isinstance(value, str) and value.strip() and value.strip().upper() != PLACEHOLDER_CREDIT_CODE:
            # Only a valid credit code says "organisation": a person's identity number typed
            # into the field (it happens) must not unmask the person's name.
            if not is_credit_code(value):
                return None
            # GB 32100-2015: registration authority 9 + type 2 = 个体工商户
            if compact_identifier(value).startswith("92"):
                return SubjectCategory.INDIVIDUAL_BUSINESS
            return SubjectCategory.LEGAL_PERSON
    return None
