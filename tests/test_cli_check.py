"""``credit-disclosure check``: output formats, exit codes, the bundled sample, progress."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from credit_disclosure._cli.check import ProgressBar
from credit_disclosure.cli import main
from credit_disclosure.io import write_csv
from credit_disclosure.samples import generate_records, sample_manifest
from credit_disclosure.standard import RecordKind

AS_OF = ["--as-of", "2026-01-01"]


@pytest.mark.parametrize("kind", ["license", "penalty"])
def test_sample_json_finds_exactly_the_planted_faults(
    kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``check --sample --format json`` reports exactly the manifest's faults and exits 1."""
    assert main(["check", "--sample", "--kind", kind, "--format", "json", *AS_OF]) == 1
    data = json.loads(capsys.readouterr().out)
    got = {(i["row"], i["code"], i["field"]) for i in data["issues"]}
    assert got == {(f.row, f.code, f.field) for f in sample_manifest(kind)}
    assert data["kind"] == kind and data["source"].endswith("(bundled sample)")


def test_sample_text_default_is_penalties(capsys: pytest.CaptureFixture[str]) -> None:
    """``check --sample`` alone checks the penalty sample and prints summary then issues per row."""
    assert main(["check", "--sample", "--lang", "en", *AS_OF]) == 1
    out = capsys.readouterr().out
    head, _, issues = out.partition("\nissues:\n")
    assert head.startswith("penalty_sample.csv (bundled sample): penalty records, standard 2018")
    assert "rows: 300  valid: 270  with errors: 30  with warnings: 2" in head
    assert "top issues:" in head
    lines = issues.splitlines()
    assert len(lines) == len(sample_manifest("penalty"))
    assert all(line.startswith("  row ") for line in lines)


def test_csv_output(capsys: pytest.CaptureFixture[str]) -> None:
    """``--format csv`` prints one CSV line per issue under a header."""
    main(["check", "--sample", "--kind", "license", "--format", "csv", *AS_OF])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == len(sample_manifest("license"))
    assert {"row", "code", "field", "field_name", "message_zh"} <= set(rows[0])


def test_clean_file_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file without errors exits 0 and says there are no issues."""
    path = tmp_path / "clean.csv"
    write_csv(
        (r.values for r in generate_records(RecordKind.LICENSE, 30, seed=2)),
        path,
        RecordKind.LICENSE,
    )
    assert main(["check", str(path), *AS_OF]) == 0
    assert capsys.readouterr().out.endswith("no issues\n")


def test_warnings_only_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Warnings alone do not fail the check."""
    recs = generate_records(RecordKind.PENALTY, 30, seed=2, faults={"fine_in_yuan": 2})
    path = tmp_path / "warn.csv"
    write_csv((r.values for r in recs), path, RecordKind.PENALTY)
    assert main(["check", str(path), *AS_OF]) == 0
    assert "with warnings: 2" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check"], "give a FILE"),
        (["check", "x.csv", "--sample"], "not both"),
        (["check", "/nonexistent/x.csv"], "No such file"),
    ],
)
def test_usage_errors_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Missing or contradictory arguments and unreadable files exit 2 with a message on stderr."""
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_undetectable_kind_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file whose headers fit neither kind exits 2 and asks for --kind."""
    path = tmp_path / "x.csv"
    path.write_text("备注\nx\n", encoding="utf-8")
    assert main(["check", str(path)]) == 2
    assert "file.kind" in capsys.readouterr().err


def test_bad_as_of_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """An --as-of that is not a date is a usage error."""
    assert main(["check", "--sample", "--as-of", "yesterday"]) == 2
    assert "not a date" in capsys.readouterr().err


def test_forced_progress_bar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--progress`` draws the bar on stderr even when it is not a terminal, then erases it."""
    path = tmp_path / "big.csv"
    write_csv(
        (r.values for r in generate_records(RecordKind.PENALTY, 9000, seed=3)),
        path,
        RecordKind.PENALTY,
    )
    assert main(["check", str(path), "--progress", "--format", "json", *AS_OF]) == 0
    captured = capsys.readouterr()
    assert "\rchecking [" in captured.err and "rows/s" in captured.err
    assert captured.err.endswith("\r")
    assert json.loads(captured.out)["rows"] == 9000


def test_no_progress_bar_when_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    """Without ``--progress`` nothing is drawn on a stderr that is not a terminal."""
    main(["check", "--sample", *AS_OF])
    assert capsys.readouterr().err == ""


def test_progress_bar_waits_for_delay() -> None:
    """The bar draws nothing before its delay, so small files never show one."""
    out = io.StringIO()
    bar = ProgressBar(out, delay=3600)
    bar(0.5, 100)
    bar.finish()
    assert out.getvalue() == ""
    bar = ProgressBar(out, delay=0)
    bar(None, 100)
    assert "100 rows" in out.getvalue()


def test_module_entry_point() -> None:
    """``python -m credit_disclosure check --sample`` runs with nothing else and exits 1."""
    proc = subprocess.run(
        [sys.executable, "-m", "credit_disclosure", "check", "--sample", "--format", "csv"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith("row,severity,code")
