"""Full-width folding and identifier compaction."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure._text import compact_identifier, to_halfwidth


def test_fullwidth_digits_letters_and_space() -> None:
    """Full-width digits, letters and the ideographic space become ASCII."""
    assert to_halfwidth("ＡＢＣ　１２３") == "ABC 123"


def test_compact_strips_separators_and_uppercases() -> None:
    """Hyphens of every width, dots, spaces and zero-width characters go; letters go upper."""
    assert compact_identifier("5946\u200b7239－9") == "594672399"
    assert compact_identifier("91 5120.81-ma62k0260e") == "91512081MA62K0260E"
    assert compact_identifier("59467239ー9") == "594672399"  # IME long-vowel mark as a dash
    assert compact_identifier("59467239─9") == "594672399"


@given(st.text())
def test_compact_is_idempotent(text: str) -> None:
    """Compacting twice changes nothing more."""
    once = compact_identifier(text)
    assert compact_identifier(once) == once
