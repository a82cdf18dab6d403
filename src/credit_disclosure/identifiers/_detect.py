"""Which identifier kinds a value is valid as."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from .._text import compact_identifier
from . import (
    _business_reg_no,
    _foreign_permanent_id,
    _org_code,
    _residence_permit,
    _resident_id,
    _uscc,
)

#: The identifier kinds :func:`detect` tries, in the order it reports them.
KINDS: Final[tuple[str, ...]] = (
    "uscc",
    "org_code",
    "resident_id",
    "business_reg_no",
    "residence_permit",
    "foreign_permanent_id",
)

_CHECKS: Final[dict[str, Callable[[object], bool]]] = {
    "uscc": _uscc.is_valid,
    "org_code": _org_code.is_valid,
    "resident_id": _resident_id.is_valid,
    "business_reg_no": _business_reg_no.is_valid,
    "residence_permit": _residence_permit.is_valid,
    "foreign_permanent_id": _foreign_permanent_id.is_valid,
}


def candidates(c: str) -> tuple[str, ...]:
    """The kinds a compact value could be, from its length and leading characters alone.

    A 15-digit value may also be a legacy resident ID, which no validator accepts
    (it must be upgraded first); it is named so that its error can be shown.

    >>> candidates("11010519491231002X"), candidates("932682198501010017")
    (('uscc', 'resident_id'), ('uscc', 'foreign_permanent_id'))
    >>> candidates("110105491231002"), candidates("12345")
    (('business_reg_no', 'resident_id'), ())
    """
    n = len(c)
    if n == 18:
        if not c[:17].isdigit():
            return ("uscc",)
        if c[0] == "9":
            return ("uscc", "foreign_permanent_id")
        if c[:2] in ("81", "82", "83"):
            return ("uscc", "residence_permit")
        return ("uscc", "resident_id")
    if n == 9:
        return ("org_code",)
    if n == 15:
        return ("business_reg_no", "resident_id") if c.isdigit() else ("foreign_permanent_id",)
    return ()


def detect(s: object) -> tuple[str, ...]:
    """The names of the identifier modules ``s`` is valid as (empty if none); never raises.

    Only the kinds whose length and leading characters fit are tried, so a
    value costs one or two validations.

    >>> detect("91512081MA62K0260E")
    ('uscc',)
    >>> detect("5946 7239-9")
    ('org_code',)
    >>> detect("hello"), detect(None)
    ((), ())
    """
    if not isinstance(s, str):
        return ()
    c = compact_identifier(s)
    return tuple(kind for kind in candidates(c) if _CHECKS[kind](c))
