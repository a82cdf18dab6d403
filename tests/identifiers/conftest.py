"""Fixtures for the identifier tests."""

from __future__ import annotations

import copy
from collections.abc import Iterator

import pytest


@pytest.fixture
def private_divisions() -> Iterator[None]:
    """Let a test register division codes without changing them for the other tests.

    The division tables are restored in place, so that every module holding a
    reference to them (validators bind them at import) sees the restored data.
    """
    from credit_disclosure.identifiers import _divisions

    tables = ("_RAW", "KNOWN", "RESIDENT_ID", "PROVINCES", "MAINLAND_PROVINCES", "_CACHE")
    saved = {name: copy.copy(getattr(_divisions, name)) for name in tables}
    yield
    for name, content in saved.items():
        table = getattr(_divisions, name)
        table.clear()
        table.update(content)
    _divisions._SAMPLES.clear()


def gb11643_check(body: str) -> str:
    """GB 11643-1999 5.2 as written: weights 2**(17-i) mod 11, sum mod 11 indexes 10X98765432."""
    return "10X98765432"[sum(int(d) * pow(2, 17 - i, 11) for i, d in enumerate(body)) % 11]
