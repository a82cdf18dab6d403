"""``credit-disclosure identify``: kinds, parts and precise errors per value; exit codes."""

from __future__ import annotations

import json

import pytest

from credit_disclosure.cli import main


def test_valid_values_show_kind_and_parts(capsys: pytest.CaptureFixture[str]) -> None:
    """Valid values print their kind and parsed parts; the exit code is 0."""
    assert main(["identify", "91512081MA62K0260E", "11010519491231002x"]) == 0
    out = capsys.readouterr().out
    assert "valid as uscc" in out and "division_name: 四川省资阳市简阳市" in out
    assert "valid as resident_id" in out and "gender: female" in out


def test_invalid_value_shows_error_code_and_messages(capsys: pytest.CaptureFixture[str]) -> None:
    """An invalid value prints the error code, position and both messages; the exit code is 1."""
    assert main(["id", "59467239-8"]) == 1
    out = capsys.readouterr().out
    assert "not valid as any identifier" in out
    assert "org_code.checksum at position 8" in out and "校验码不正确" in out


def test_json_output_and_options(capsys: pytest.CaptureFixture[str]) -> None:
    """--json gives one object per value; --as-of and --kind are passed to the validators."""
    assert (
        main(
            ["id", "--json", "--kind", "resident_id", "--as-of", "1949-12-30", "11010519491231002X"]
        )
        == 1
    )
    (report,) = json.loads(capsys.readouterr().out)
    assert report["kinds"] == []
    assert [e["code"] for e in report["errors"]] == ["resident_id.birth_date"]
    assert main(["id", "--json", "--as-of", "1950-01-01", "11010519491231002X"]) == 0
    (report,) = json.loads(capsys.readouterr().out)
    assert report["kinds"] == ["resident_id"]
    assert report["parts"]["resident_id"]["birth_date"] == "1949-12-31"


def test_strict_uscc(capsys: pytest.CaptureFixture[str]) -> None:
    """--strict rejects a USCC whose embedded organisation code fails its check."""
    assert main(["id", "91512081MA62K0261H"]) == 0
    capsys.readouterr()
    assert main(["id", "--strict", "91512081MA62K0261H"]) == 1
    assert "uscc.org_code_checksum" in capsys.readouterr().out


def test_bad_option_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown --kind is a usage error (exit 2)."""
    assert main(["id", "--kind", "passport", "x"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_bad_as_of_says_what_a_date_looks_like(capsys: pytest.CaptureFixture[str]) -> None:
    """An --as-of that is not a date is a usage error naming the expected form (exit 2)."""
    assert main(["id", "--as-of", "2020-13-01", "x"]) == 2
    assert "not a date (YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD, a day that exists): '2020-13-01'" in (
        capsys.readouterr().err
    )
    assert main(["id", "--as-of", "１９５０/０１/０１", "11010519491231002X"]) == 0


def test_errors_only_for_kinds_the_shape_fits(capsys: pytest.CaptureFixture[str]) -> None:
    """A broken resident ID shows the USCC and resident-ID errors, not those of 9... or 81... kinds."""
    assert main(["id", "--json", "110105194912310021", "110105491231003"]) == 1
    broken, legacy = json.loads(capsys.readouterr().out)
    assert [e["kind"] for e in broken["errors"]] == ["uscc", "resident_id"]
    assert [e["code"] for e in legacy["errors"]] == [
        "resident_id.length",
        "business_reg_no.checksum",
    ]
    assert "upgrade()" in legacy["errors"][0]["message_en"]


def test_help_is_plain_text(capsys: pytest.CaptureFixture[str]) -> None:
    """--help shows a plain description (no reStructuredText markup)."""
    assert main(["id", "--help"]) == 0
    out = capsys.readouterr().out
    assert "``" not in out and "credit-disclosure identify (alias id)" in out


def test_format_json_envelope_and_values_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``-`` reads one value a line from stdin; ``--format json`` wraps the reports in the
    tool's envelope with as_of; a person's number stays redacted."""
    import io

    from credit_disclosure import __version__

    monkeypatch.setattr("sys.stdin", io.StringIO("91512081MA62K0260E\n\n11010519491231002X\n"))
    assert main(["id", "-", "--as-of", "2026-01-01", "--format", "json"]) == 0
    out = capsys.readouterr().out
    doc = json.loads(out)
    assert (doc["tool_version"], doc["as_of"]) == (__version__, "2026-01-01")
    assert [r["kinds"] for r in doc["values"]] == [["uscc"], ["resident_id"]]
    assert "11010519491231002X" not in out
