"""The preset pages in docs/policy/ show the rows the presets actually ship."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from credit_disclosure.policy import PRESETS

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

_spec = importlib.util.spec_from_file_location(
    "policy_tables", ROOT / "scripts" / "policy_tables.py"
)
assert _spec is not None and _spec.loader is not None
policy_tables = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(policy_tables)


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_preset_page_matches_data(name: str) -> None:
    """Each preset page's tables are exactly what scripts/policy_tables.py renders (run it if not)."""
    page = (DOCS / "policy" / f"{name}.md").read_text(encoding="utf-8")
    assert policy_tables.render(PRESETS[name]) in page
    assert policy_tables.updated(page, PRESETS[name]) == page


def test_every_preset_row_is_rendered() -> None:
    """The renderer writes one line per row of each of the four tables (none dropped)."""
    for policy in PRESETS.values():
        rows = [line for line in policy_tables.render(policy).splitlines() if line[:3] == "| 2"]
        rows += [line for line in policy_tables.render(policy).splitlines() if line[:3] == "| —"]
        assert len(rows) == (
            len(policy.publication_rules)
            + len(policy.deadline_choices)
            + len(policy.term_rules)
            + len(policy.repair_rules)
        )


def test_check_mode_reports_a_stale_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``policy_tables.py --check`` exits 1 when a page's tables differ from the data."""
    for name in PRESETS:
        page = (DOCS / "policy" / f"{name}.md").read_text(encoding="utf-8")
        (tmp_path / f"{name}.md").write_text(page.replace("| H |", "| M |", 1), encoding="utf-8")
    monkeypatch.setattr(policy_tables, "DOCS", tmp_path)
    assert policy_tables.main(["--check"]) == 1
    assert policy_tables.main([]) == 0
    assert policy_tables.main(["--check"]) == 0


def test_every_preset_has_a_page_in_the_toctree() -> None:
    """docs/policy.md links each preset page and the custom-policy page."""
    index = (DOCS / "policy.md").read_text(encoding="utf-8")
    for page in [*sorted(PRESETS), "custom"]:
        assert f"policy/{page}\n" in index
