"""``-`` reads standard input wherever a command reads a file (check, quality, status, subject)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from credit_disclosure.samples import sample_path

SRC = Path(__file__).resolve().parents[2] / "src"


def _run(*args: str, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "credit_disclosure", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"},
        check=False,
    )


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--as-of", "2025-07-01", "--format", "json"),
        ("quality", "--as-of", "2025-07-01", "--format", "json"),
        ("status", "--as-of", "2025-07-01", "--format", "json"),
    ],
)
def test_dash_reads_standard_input(args: tuple[str, ...]) -> None:
    """The command given - answers for piped bytes exactly as for the file itself."""
    path = sample_path("penalty")
    command, *options = args
    from_file = _run(command, str(path), *options, stdin=b"")
    piped = _run(command, "-", *options, stdin=path.read_bytes())
    assert piped.returncode == from_file.returncode, piped.stderr.decode()
    assert piped.returncode in (0, 1)

    def normalise(out: bytes) -> bytes:
        return out.replace(str(path).encode(), b"-").replace(b"<stdin>", b"-")

    assert len(piped.stdout) > 0
    if command != "check":  # check names its source; the figures are what matter
        assert normalise(piped.stdout) == normalise(from_file.stdout)


def test_status_refuses_two_dashes() -> None:
    """Records and events cannot both come from standard input."""
    done = _run("status", "-", "--events", "-", stdin=b"")
    assert done.returncode == 2
    assert b"only one of RECORDS and --events" in done.stderr
