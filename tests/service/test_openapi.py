"""The published OpenAPI document is current, 3.1, and describes every route with problems."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

pytest.importorskip("litestar")

ROOT = Path(__file__).resolve().parents[2]


def _render() -> str:
    spec = importlib.util.spec_from_file_location("gen_openapi", ROOT / "scripts" / "gen_openapi.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.render())


def test_published_openapi_is_current() -> None:
    """docs/openapi.json is what scripts/gen_openapi.py writes today."""
    published = (ROOT / "docs" / "openapi.json").read_text(encoding="utf-8")
    assert published == _render(), "stale: run python scripts/gen_openapi.py"


def test_openapi_describes_models_and_problems() -> None:
    """OpenAPI 3.1; request models from the attrs classes; 422 answers are problem details."""
    doc = json.loads(_render())
    assert doc["openapi"] == "3.1.0"
    schemas = doc["components"]["schemas"]
    assert {"RecordCheckRequest", "RecordCheckAnswer", "Problem", "IssueModel"} <= set(schemas)
    assert set(schemas["Problem"]["required"]) >= {"type", "title", "status", "code", "message_zh"}
    check = doc["paths"]["/v1/records/check"]["post"]
    assert "application/problem+json" in check["responses"]["422"]["content"]
    files = doc["paths"]["/v1/files/check"]["post"]
    assert "application/x-ndjson" in files["responses"]["200"]["content"]
