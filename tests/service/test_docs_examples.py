"""Every curl example of docs/service.md, run against a real server, answers as the page shows."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from credit_disclosure.samples import sample_path

from .conftest import Server

PAGE = Path(__file__).resolve().parents[2] / "docs" / "service.md"


def _examples() -> list[tuple[str, str]]:
    """(command, expected output) pairs of the page's console blocks that call curl."""
    text = PAGE.read_text(encoding="utf-8")
    pairs = []
    for block in re.findall(r"```console\n(.*?)```", text, flags=re.S):
        lines = block.splitlines()
        i = 0
        while i < len(lines):
            if not lines[i].startswith("$ curl"):
                i += 1
                continue
            command = lines[i][2:]
            while command.endswith("\\"):
                i += 1
                command = command[:-1] + " " + lines[i].strip()
            i += 1
            output = []
            while i < len(lines) and not lines[i].startswith("$ "):
                output.append(lines[i])
                i += 1
            pairs.append((command, "\n".join(output).strip()))
    return pairs


def _contains(actual: Any, shown: Any) -> bool:
    """Whether ``actual`` has everything ``shown`` has (objects may hold more members)."""
    if isinstance(shown, dict):
        return isinstance(actual, dict) and all(
            k in actual and _contains(actual[k], v) for k, v in shown.items()
        )
    if isinstance(shown, list):
        return (
            isinstance(actual, list)
            and len(actual) == len(shown)
            and all(_contains(a, s) for a, s in zip(actual, shown))
        )
    return bool(actual == shown)


EXAMPLES = _examples()


def test_page_has_examples() -> None:
    """The page shows a curl example for each group of routes."""
    routes = {re.search(r"/v1/[a-z]+", c)[0] for c, _ in EXAMPLES}  # type: ignore[index]
    assert routes >= {
        "/v1/identifiers",
        "/v1/records",
        "/v1/files",
        "/v1/deadlines",
        "/v1/policy",
        "/v1/mask",
    }


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[c[:60] for c, _ in EXAMPLES])
def test_curl_example(server: Server, tmp_path: Path, command: str, shown: str) -> None:
    """The example's answer contains what the page shows."""
    shutil.copy(sample_path("penalty"), tmp_path / "penalty_sample.csv")
    command = command.replace("http://127.0.0.1:8000", server.url)
    done = subprocess.run(
        ["bash", "-c", command], cwd=tmp_path, capture_output=True, timeout=60, check=True
    )
    actual = json.loads(done.stdout.decode("utf-8"))
    assert _contains(actual, json.loads(shown)), (command, actual)
