"""``--format json`` across subcommands: one envelope (tool, tool_version; standard and as_of
where they apply), made by one helper."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from credit_disclosure import __version__
from credit_disclosure._cli._output import json_document
from credit_disclosure.cli import main
from credit_disclosure.samples import sample_path

PENALTY = str(sample_path("penalty"))

#: (argv, the as_of the object must carry, or None when as_of does not apply)
CASES = [
    (["check", "--sample", "--as-of", "2025-07-01"], "2025-07-01"),
    (["quality", PENALTY, "--as-of", "2025-07-01"], "2025-07-01"),
    (["status", PENALTY, "--as-of", "2025-07-01"], "2025-07-01"),
    (["deadline", "2026-09-28"], None),
    (["term", "--preset", "national", "--decided", "2022-03-01", "--on", "2023-03-02"], "2023-03-02"),
    (["identify", "91512081MA62K0260E", "--as-of", "2026-01-01"], "2026-01-01"),
    (["calendar", "status", "--today", "2026-12-03"], "2026-12-03"),
    (["calendar", "show", "2026"], None),
]


@pytest.mark.parametrize(("argv", "as_of"), CASES, ids=[" ".join(c[0][:2]) for c in CASES])
def test_every_json_object_starts_with_the_envelope(
    capsys: pytest.CaptureFixture[str], argv: list[str], as_of: str | None
) -> None:
    """The first members are the tool and its version, then as_of where the command has one."""
    main([*argv, "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    assert list(doc)[:2] == ["tool", "tool_version"]
    assert (doc["tool"], doc["tool_version"]) == ("credit-disclosure", __version__)
    if as_of is None:
        assert "as_of" not in doc
    else:
        assert doc["as_of"] == as_of


def test_check_json_keeps_the_standard(capsys: pytest.CaptureFixture[str]) -> None:
    """check's object carries the standard version the file was checked against."""
    main(["check", "--sample", "--standard", "2015", "--kind", "penalty", "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    assert doc["standard"] == "2015" and doc["tool_version"] == __version__


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, {"tool": "credit-disclosure", "tool_version": __version__}),
        (
            {"standard": "2018", "as_of": date(2026, 9, 28), "x": 1},
            {"tool": "credit-disclosure", "tool_version": __version__, "standard": "2018",
             "as_of": "2026-09-28", "x": 1},
        ),
        ({"as_of": None}, {"tool": "credit-disclosure", "tool_version": __version__, "as_of": None}),
    ],
)
def test_json_document(kwargs: dict[str, object], expected: dict[str, object]) -> None:
    """Head members appear only when given; dates are ISO text; the body follows in order."""
    doc = json_document(**kwargs)
    assert doc == expected and list(doc) == list(expected)


def test_the_subcommands_share_the_helper() -> None:
    """No subcommand builds the tool/version head itself (one function makes it)."""
    cli = Path(__file__).resolve().parents[2] / "src" / "credit_disclosure" / "_cli"
    builders = [p.name for p in cli.glob("*.py") if '"tool_version"' in p.read_text("utf-8")]
    assert builders == ["_output.py"]
