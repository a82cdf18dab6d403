"""Regenerate docs/standard/field-tables.inc from the field metadata and the issue catalogue.

Run after changing a field, an issue code or an option:

    .venv/bin/python scripts/gen_field_tables.py
"""

from __future__ import annotations

from pathlib import Path

from credit_disclosure.standard._doctables import render_tables

TARGET = Path(__file__).resolve().parents[1] / "docs" / "standard" / "field-tables.inc"


def main() -> None:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(render_tables(), encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
