"""``credit-disclosure schema``: the generated schemas and the issue catalogue on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from credit_disclosure.cli import main
from credit_disclosure.schema import data_package, issue_catalogue, json_schema, table_schema


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--kind", "penalty"], json_schema("penalty")),
        (["--kind", "license", "--standard", "2015"], json_schema("license", "2015")),
        (["--format", "tableschema", "--kind", "penalty"], table_schema("penalty")),
        (
            ["--format", "tableschema", "--kind", "license", "--headers", "name_zh"],
            table_schema("license", headers="name_zh"),
        ),
        (["--format", "tableschema", "--standard", "2015"], data_package("2015")),
        (["--format", "issues"], issue_catalogue()),
    ],
)
def test_schema_prints_the_library_document(
    argv: list[str], expected: dict[str, object], capsys: pytest.CaptureFixture[str]
) -> None:
    """Each form prints exactly the document the Python API returns."""
    assert main(["schema", *argv]) == 0
    assert json.loads(capsys.readouterr().out) == expected


def test_schema_without_kind_is_one_of_both(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --kind the JSON Schema holds both kinds as $defs and accepts either."""
    jsonschema = pytest.importorskip("jsonschema")
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert set(schema["$defs"]) == {"license", "penalty"}
    validator = jsonschema.Draft202012Validator(schema)
    validator.check_schema(schema)
    assert not validator.is_valid({"CF_WSH": "x"})  # a penalty lacking its required fields


def test_schema_output_file(tmp_path: Path) -> None:
    """-o writes the document; an unwritable path is a usage error (exit 2)."""
    target = tmp_path / "issues.json"
    assert main(["schema", "--format", "issues", "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8")) == issue_catalogue()
    assert main(["schema", "-o", str(tmp_path / "missing" / "x.json")]) == 2


def test_schema_rejects_unknown_kind() -> None:
    """An unknown kind is a usage error."""
    assert main(["schema", "--kind", "permit"]) == 2
