"""identifiers.detect: which kinds a value is valid as."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure.identifiers import KINDS, detect


@pytest.mark.parametrize(
    ("value", "kinds"),
    [
        ("91512081MA62K0260E", ("uscc",)),
        ("59467239-9", ("org_code",)),
        ("11010519491231002x", ("resident_id",)),
        ("110105000000182", ("business_reg_no",)),
        ("810000199408230021", ("residence_permit",)),
        ("932682198501010017", ("foreign_permanent_id",)),
        ("CAN110079050311", ("foreign_permanent_id",)),
        ("", ()),
        ("not an id", ()),
    ],
)
def test_detect(value: str, kinds: tuple[str, ...]) -> None:
    """Each sample is detected as its kind only; junk as none."""
    assert detect(value) == kinds


def test_detect_non_text() -> None:
    """Non-text input is valid as nothing."""
    assert detect(None) == () and detect(110105000000182) == ()


def test_kinds_are_modules() -> None:
    """Every name in KINDS is an importable identifier module with the shared verbs."""
    import importlib

    for kind in KINDS:
        module = importlib.import_module(f"credit_disclosure.identifiers.{kind}")
        for verb in ("compact", "validate", "is_valid", "format", "parse", "generate"):
            assert callable(getattr(module, verb))


@given(
    value=st.one_of(
        st.text(alphabet="0123456789XAN -", min_size=8, max_size=19),
        st.sampled_from(["91512081MA62K0260E", "810000199408230021", "932682198501010017"]),
        st.text(),
    )
)
def test_detect_agrees_with_is_valid(value: str) -> None:
    """detect's shortcut gives exactly the kinds whose is_valid accepts the value."""
    import importlib

    expected = tuple(
        kind
        for kind in KINDS
        if importlib.import_module(f"credit_disclosure.identifiers.{kind}").is_valid(value)
    )
    assert detect(value) == expected


@pytest.mark.parametrize("seed", range(30))
def test_detect_generated(seed: int) -> None:
    """Every generated value of every kind is detected as exactly that kind."""
    import importlib

    for kind in KINDS:
        value = importlib.import_module(f"credit_disclosure.identifiers.{kind}").generate(seed=seed)
        assert detect(value) == (kind,)
