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
from credit_disclosure._cli.check import run as check_run
from credit_disclosure.cli import build_parser, main
from credit_disclosure.io import write_csv, write_jsonl, write_xlsx
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
    zh = io.StringIO()
    ProgressBar(zh, delay=0, lang="zh")(0.5, 1200)
    assert "检查中 [" in zh.getvalue() and "1,200行" in zh.getvalue() and "rows" not in zh.getvalue()


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


class _Pipe(io.BytesIO):
    """Standard input from a pipe: readable once, not seekable."""

    def seekable(self) -> bool:
        return False


def _run(argv: list[str], stdin: io.BytesIO) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    args = build_parser().parse_args(argv)
    code = check_run(args, stdout=out, stderr=err, stdin=stdin)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "xlsx"])
def test_dash_reads_standard_input(tmp_path: Path, fmt: str) -> None:
    """``check -`` reads the file from standard input (a pipe), in every format."""
    recs = generate_records(RecordKind.PENALTY, 25, seed=4, faults={"credit_code_checksum": 1})
    path = tmp_path / f"in.{fmt}"
    writer = {"csv": write_csv, "jsonl": write_jsonl, "xlsx": write_xlsx}[fmt]
    writer((r.values for r in recs), path, RecordKind.PENALTY)
    code, out, err = _run(["check", "-", "--format", "json", *AS_OF], _Pipe(path.read_bytes()))
    assert (code, err) == (1, "")
    data = json.loads(out)
    assert (data["rows"], data["with_errors"], data["kind"]) == (25, 1, "penalty")


def test_options_file_changes_the_rules(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--options FILE`` (JSON or TOML) sets ValidationOptions: here no code is an error."""
    settings = {"severity": {"uscc.*": "warning", "resident_id.*": "warning"}}
    json_path = tmp_path / "opts.json"
    json_path.write_text(json.dumps(settings), encoding="utf-8")
    toml_path = tmp_path / "opts.toml"
    toml_path.write_text('[severity]\n"uscc.*" = "warning"\n', encoding="utf-8")
    recs = generate_records(RecordKind.PENALTY, 20, seed=6, faults={"credit_code_checksum": 2})
    path = tmp_path / "p.csv"
    write_csv((r.values for r in recs), path, RecordKind.PENALTY)
    assert main(["check", str(path), *AS_OF]) == 1
    for opts in (json_path, toml_path):
        assert main(["check", str(path), "--options", str(opts), *AS_OF]) == 0
        assert "with warnings: 2" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"legal_rep_id_required": "yes"}', "legal_rep_id_required: expected true or false"),
        ('{"severity": {"uscc.*": "fatal"}}', "severity: argument.name: 'fatal' is not a valid Severity"),
        ('{"no_such_option": 1}', "unknown validation option(s): no_such_option"),
        ('{"disabled": "amount.large"}', "disabled: expected a list of texts"),
        ("[1, 2]", "must hold one table"),
        ("{oops", "Expecting property name"),
    ],
)
def test_bad_options_file_exits_2_naming_file_and_option(
    tmp_path: Path, content: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A settings file that cannot be used exits 2, naming the file and what is wrong."""
    path = tmp_path / "opts.json"
    path.write_text(content, encoding="utf-8")
    assert main(["check", "--sample", "--options", str(path), *AS_OF]) == 2
    err = capsys.readouterr().err
    assert f"options file {path}" in err and message in err


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("junk.xlsx", b"not a zip archive", "file.xlsx"),
        ("random.csv", b"\x00\x01\r\x02,\x03\r\x04\n\x05\n", "file.binary"),
        ("noise.csv", bytes(range(256)) * 40, "file.binary"),
        ("old.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "file.binary"),
        ("wide.csv", "CF_WSH,BZ\r\n京罚〔2024〕1号,ok\r\n".encode("utf-16-le") * 40, "file.encoding"),
        ("open.csv", b'CF_WSH,"BZ\r\nx,y\r\n', "file.header"),
    ],
)
def test_unreadable_file_exits_2(
    tmp_path: Path, name: str, data: bytes, code: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that is not a workbook, not text, UTF-16 without a BOM or whose header is not CSV exits 2."""
    path = tmp_path / name
    path.write_bytes(data)
    assert main(["check", str(path), "--kind", "penalty"]) == 2
    assert f"check: {code}: " in capsys.readouterr().err


def test_missing_sheet_exits_2_listing_sheets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--sheet`` naming no sheet of the workbook exits 2 and lists the sheets there are."""
    path = tmp_path / "x.xlsx"
    write_xlsx(
        (r.values for r in generate_records(RecordKind.LICENSE, 2, seed=1)),
        path,
        RecordKind.LICENSE,
    )
    assert main(["check", str(path), "--sheet", "nope"]) == 2
    assert "file.sheet" in capsys.readouterr().err


def test_as_of_in_every_exchange_date_format(capsys: pytest.CaptureFixture[str]) -> None:
    """``--as-of`` takes the formats the exchange files use (2026/1/1, 20260101), as parse_date."""
    for text in ("2026/1/1", "20260101", "2026-01-01"):
        assert main(["check", "--sample", "--as-of", text, "--format", "json"]) == 1
        assert json.loads(capsys.readouterr().out)["rows"] == 300
