"""Regenerate docs/openapi.json, the OpenAPI 3.1 document of the HTTP service.

python scripts/gen_openapi.py            # writes docs/openapi.json
python scripts/gen_openapi.py OUT.json   # writes elsewhere

The document is generated from the service's typed models (credit_disclosure.service);
a test checks that the published file is current.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from credit_disclosure.service import openapi_document

DEFAULT = Path(__file__).resolve().parent.parent / "docs" / "openapi.json"


def render() -> str:
    """The text of the published document (the version is left out: it changes per release)."""
    doc = openapi_document()
    doc["info"]["version"] = "see credit_disclosure.__version__"
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else DEFAULT
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target} ({target.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
