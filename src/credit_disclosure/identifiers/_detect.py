"""Which identifier kinds a value is valid as."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

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

_CHECKS: Final[tuple[tuple[str, Callable[[object], bool]], ...]] = (
    ("uscc", _uscc.is_valid),
    ("org_code", _org_code.is_valid),
    ("resident_id", _resident_id.is_valid),
    ("business_reg_no", _business_reg_no.is_valid),
    ("residence_permit", _residence_permit.is_valid),
    ("foreign_permanent_id", _foreign_permanent_id.is_valid),
)


def detect(s: object) -> tuple[str, ...]:
    """The names of the identifier modules ``s`` is valid as (empty if none); never raises.

    >>> detect("91512081MA62K0260E")
    ('uscc',)
    >>> detect("5946 7239-9")
    ('org_code',)
    >>> detect("hello"), detect(None)
    ((), ())
    """
    return tuple(name for name, check in _CHECKS if check(s))
