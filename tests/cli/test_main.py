"""The command line: --version and --help from day one, and the module entry point."""

from __future__ import annotations

import subprocess
import sys

import pytest

from credit_disclosure import __version__
from credit_disclosure.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """``--version`` prints the package version and exits 0."""
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"credit-disclosure {__version__}"


def test_no_command_prints_help_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    """No subcommand is a usage error (exit 2) with the help on stderr."""
    assert main([]) == 2
    assert "usage: credit-disclosure" in capsys.readouterr().err


def test_unknown_command_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown subcommand exits 2 and says so."""
    assert main(["no-such-command"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_python_dash_m_entry_point() -> None:
    """``python -m credit_disclosure --version`` runs the same CLI."""
    out = subprocess.run(
        [sys.executable, "-m", "credit_disclosure", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == f"credit-disclosure {__version__}"
