"""Which identifier kinds a value is valid as."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from .._text import compact_identifier
from ._registry import REGISTRY

# The validators, bound once: detect() is called per cell by the quality metrics.
_CHECKS: Final[dict[str, Callable[[object], bool]]] = {
    name: kind.module.is_valid for name, kind in REGISTRY.items()
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
