"""The command line's one exit-code table, closed pipes, and library errors at the entry point."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from credit_disclosure.cli import EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE, main

ID = "11010519491231002X"
SRC = str(Path(__file__).resolve().parents[2] / "src")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def _big_file(tmp_path: Path, rows: int = 400) -> Path:
    """A penalty file whose text report is far larger than a pipe's buffer; every row has errors."""
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["CF_WSH", "CF_XDR_MC", "CF_JDRQ"])
        for i in range(rows):
            writer.writerow([f"京罚〔2024〕{i}号", "某某有限公司", "2024/13/01"])
    return path


def _head(args: list[str], lines: int) -> tuple[int, list[bytes], bytes]:
    """Run the CLI like ``credit-disclosure ARGS | head -LINES``: read LINES lines, close the pipe."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "credit_disclosure", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert proc.stdout is not None and proc.stderr is not None
    got = [proc.stdout.readline() for _ in range(lines)]
    proc.stdout.close()  # the reader goes away, as head does
    err = proc.stderr.read()
    return proc.wait(timeout=60), got, err


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_check_into_a_closed_pipe_keeps_its_status(tmp_path: Path, fmt: str) -> None:
    """Reproducer: `check big.csv | head -2` exited 0 although the file has errors."""
    big = _big_file(tmp_path)
    status, got, err = _head(["check", str(big), "--kind", "penalty", "--format", fmt], 2)
    assert status == EXIT_FINDINGS
    assert err == b""
    assert all(line for line in got)


def test_deadline_into_a_pipe_closed_before_it_writes() -> None:
    """Reproducer: `deadline ... | head -1` printed "[Errno 32] Broken pipe" and exited 2."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "credit_disclosure", "deadline", "2026-09-28"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # closed before the command has written anything
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == EXIT_CLEAN
    assert err == b""


def test_deadline_list_into_head() -> None:
    """`deadline --list | head -1` ends quietly with 0."""
    status, got, err = _head(["deadline", "--list"], 1)
    assert (status, err) == (EXIT_CLEAN, b"")
    assert got[0]


def test_unusable_input_is_two_in_a_subprocess(tmp_path: Path) -> None:
    """A missing file is 2 with one line on stderr naming it; never a traceback."""
    proc = subprocess.run(
        [sys.executable, "-m", "credit_disclosure", "check", str(tmp_path / "missing.csv")],
        capture_output=True,
        env=_env(),
        check=False,
    )
    assert proc.returncode == EXIT_UNUSABLE
    assert b"Traceback" not in proc.stderr and b"missing.csv" in proc.stderr


@pytest.mark.parametrize(
    ("argv", "status"),
    [
        (["check", "--sample"], EXIT_FINDINGS),
        (["identify", "91512081MA62K0260E"], EXIT_CLEAN),
        (["identify", "91512081MA62K0260F"], EXIT_FINDINGS),
        (["deadline", "2026-09-28"], EXIT_CLEAN),
        (["deadline", "2026-09-28", "--published", "2026-12-01"], EXIT_FINDINGS),
        (["deadline", "2026-09-28", "--rule", ID], EXIT_UNUSABLE),
        (["deadline", ID], EXIT_UNUSABLE),
        (["mask", "--kind", "id_number", ID], EXIT_CLEAN),
        (["keys", "show", "/nonexistent/keyset.json"], EXIT_UNUSABLE),
        (["check"], EXIT_UNUSABLE),
        (["nope"], EXIT_UNUSABLE),
        ([], EXIT_UNUSABLE),
    ],
)
def test_exit_code_table(
    argv: list[str], status: int, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every subcommand keeps to 0 clean, 1 findings, 2 unusable input or usage; no ID on stderr."""
    assert main(argv) == status
    out, err = capsys.readouterr()
    assert ID not in out and ID not in err


def test_library_error_escaping_a_handler_is_two(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A CreditDisclosureError no subcommand caught ends as 2 with its message, redacted."""
    from credit_disclosure._cli import identify
    from credit_disclosure.errors import PolicyError

    def boom(args: object) -> int:
        raise PolicyError(f"policy.fact: no tier for {ID}")

    monkeypatch.setattr(identify, "run", boom)
    assert main(["identify", "x"]) == EXIT_UNUSABLE
    err = capsys.readouterr().err
    assert "policy.fact" in err and ID not in err and "Traceback" not in err


def test_unexpected_error_is_two_without_a_value(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug ends as 2, naming the exception type, never quoting an ID (no traceback)."""
    from credit_disclosure._cli import identify

    def boom(args: object) -> int:
        raise ValueError(f"invalid literal for int(): {ID!r}")

    monkeypatch.setattr(identify, "run", boom)
    assert main(["identify", "x"]) == EXIT_UNUSABLE
    err = capsys.readouterr().err
    assert "ValueError" in err and "please report" in err and ID not in err
