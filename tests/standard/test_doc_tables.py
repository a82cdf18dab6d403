"""The docs tables are generated from the metadata and the committed copy is current."""

from __future__ import annotations

from pathlib import Path

from credit_disclosure.standard import ISSUE_CATALOGUE, RecordKind, StandardVersion, fields
from credit_disclosure.standard._doctables import render_tables

ROOT = Path(__file__).resolve().parents[2]
TABLES = ROOT / "docs" / "standard" / "field-tables.inc"


def test_committed_tables_match_metadata() -> None:
    """docs/standard/field-tables.inc equals what scripts/gen_field_tables.py renders now."""
    assert TABLES.read_text(encoding="utf-8") == render_tables(), (
        "run: python scripts/gen_field_tables.py"
    )


def test_tables_cover_every_field_and_code() -> None:
    """Every field of every record and every catalogued issue code appears in the tables."""
    text = render_tables()
    for kind in RecordKind:
        for version in StandardVersion:
            for spec in fields(kind, version):
                assert f"`{spec.code}` | {spec.name_zh} | `{spec.attr}`" in text
    for code in ISSUE_CATALOGUE:
        assert f"| `{code}` |" in text


def test_docs_page_includes_tables() -> None:
    """The standard page includes the generated file."""
    page = (ROOT / "docs" / "standard.md").read_text(encoding="utf-8")
    assert "```{include} standard/field-tables.inc" in page
