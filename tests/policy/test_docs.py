"""The preset pages in docs/policy/ show the rows the presets actually ship."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from credit_disclosure.policy import PRESETS

DOCS = Path(__file__).resolve().parents[2] / "docs"

_spec = importlib.util.spec_from_file_location("_tables", Path(__file__).with_name("_tables.py"))
assert _spec is not None and _spec.loader is not None
_tables = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_tables)


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_preset_page_matches_data(name: str) -> None:
    """Every row of the preset appears, as rendered, in its page (regenerate the page if not)."""
    page = (DOCS / "policy" / f"{name}.md").read_text(encoding="utf-8")
    missing = [row for row in _tables.tables(PRESETS[name]) if row not in page]
    assert not missing, f"docs/policy/{name}.md lacks rows: {missing}"


def test_every_preset_has_a_page_in_the_toctree() -> None:
    """docs/policy.md links each preset page and the custom-policy page."""
    index = (DOCS / "policy.md").read_text(encoding="utf-8")
    for page in [*sorted(PRESETS), "custom"]:
        assert f"policy/{page}\n" in index
