"""Citations point at docs/sources.md (with an anchor per source), never at files outside the project."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = (ROOT / "docs" / "sources.md").read_text(encoding="utf-8")
ANCHORS = set(re.findall(r'<a id="([\w-]+)"></a>', SOURCES)) | set(
    re.findall(r"^\(([\w-]+)\)=$", SOURCES, re.M)
)
FILES = sorted(
    p
    for pattern in ("src/**/*.py", "src/**/*.toml", "src/**/*.json", "src/**/fields-*.csv", "docs/**/*.md")
    for p in ROOT.glob(pattern)
    if p.name != "changelog.md"
)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_citation_of_files_outside_the_project(path: Path) -> None:
    """Neither code nor docs cite REFERENCE.md or STYLE.md, which do not ship."""
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"REFERENCE(\.md| §| certainty| \d)|STYLE(\.md| \d)", text)


def test_every_cited_anchor_exists() -> None:
    """Each docs/sources.md#anchor cited in code or data names a row of docs/sources.md."""
    cited = {
        anchor
        for path in FILES
        for anchor in re.findall(r"docs/sources\.md#([\w-]*\w)(?![\w…-])", path.read_text(encoding="utf-8"))
    }
    assert cited, "no citations found: the pattern is wrong"
    assert cited <= ANCHORS, sorted(cited - ANCHORS)


def test_help_texts_cite_no_outside_file(capsys: pytest.CaptureFixture[str]) -> None:
    """No subcommand's --help names REFERENCE.md or STYLE.md."""
    from credit_disclosure.cli import main

    def help_of(*args: str) -> str:
        with contextlib.suppress(SystemExit):
            main([*args, "--help"])
        return capsys.readouterr().out

    commands = re.findall(r"^    (\w[\w-]*)\s", help_of(), re.M)
    assert "check" in commands
    for command in commands:
        out = help_of(command)
        assert "usage:" in out
        assert "REFERENCE" not in out and "STYLE" not in out, command
