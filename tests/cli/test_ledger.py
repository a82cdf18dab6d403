"""``credit-disclosure ledger``: init, import (idempotent), catalogue, reports, status, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from credit_disclosure.catalogue import Catalogue, CatalogueItem, write_catalogue
from credit_disclosure.cli import main
from credit_disclosure.samples import sample_path


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'l.sqlite3'}"
    assert main(["ledger", "--db", url, "init"]) == 0
    return url


def test_default_database_is_a_file_in_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --db or $CREDIT_DISCLOSURE_DB, init creates credit-disclosure.sqlite3 here."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CREDIT_DISCLOSURE_DB", raising=False)
    assert main(["ledger", "init"]) == 0
    assert (tmp_path / "credit-disclosure.sqlite3").exists()
    assert "schema version 4" in capsys.readouterr().out


def test_import_twice_then_status(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """import stores every row (exit 1: some not accepted); the same file again adds nothing."""
    path = str(sample_path("penalty"))
    assert main(["ledger", "--db", db, "import", path, "--as-of", "2026-01-01"]) == 1
    assert "300 rows, 300 added" in capsys.readouterr().out
    main(["ledger", "--db", db, "import", path, "--format", "json"])
    assert json.loads(capsys.readouterr().out)["files"][0]["already_imported"] is True
    assert main(["ledger", "--db", db, "status", "--format", "json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["records"] == {"penalty": 300} and status["sources"] == 1


def test_import_from_stdin_and_every_action_in_json(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``import -`` reads standard input (every row stored); each action's ``--format json`` is
    the tool's envelope (tool, tool_version; standard and as_of where they apply)."""
    import io

    from credit_disclosure import __version__

    def doc(argv: list[str], code: int = 0) -> dict[str, object]:
        assert main(["ledger", "--db", db, *argv, "--format", "json"]) == code
        out: dict[str, object] = json.loads(capsys.readouterr().out)
        assert (out["tool"], out["tool_version"]) == ("credit-disclosure", __version__)
        return out

    data = sample_path("penalty").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    imported = doc(["import", "-", "--as-of", "2026-01-01"], code=1)
    assert (imported["standard"], imported["as_of"]) == ("2018", "2026-01-01")
    files = imported["files"]
    assert isinstance(files, list) and files[0]["rows"] == files[0]["added"] == 300
    assert main(["ledger", "--db", db, "import", "-", "-"]) == 2  # stdin is read once
    assert "once" in capsys.readouterr().err
    assert doc(["status"])["records"] == {"penalty": 300}
    assert doc(["init"])["schema_version"] == 4
    cat = Catalogue([CatalogueItem(kind="license", department="某镇", name="乡村建设规划许可")])
    write_catalogue(cat, tmp_path / "c.xlsx")
    assert doc(["catalogue", "import", str(tmp_path / "c.xlsx")])["added"] == 1
    assert doc(["catalogue", "export", str(tmp_path / "out.csv")])["items"] == 1
    weekly = doc(["report", "weekly", "--as-of", "2025-03-10"])
    assert weekly["report"] == "weekly" and weekly["as_of"] == "2025-03-10"


def test_catalogue_import_and_export(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """catalogue import reads the 附件2 table; export writes the current one back."""
    cat = Catalogue([CatalogueItem(kind="license", department="某镇", name="乡村建设规划许可")])
    write_catalogue(cat, tmp_path / "c.xlsx")
    assert main(["ledger", "--db", db, "catalogue", "import", str(tmp_path / "c.xlsx")]) == 0
    assert "1 items added" in capsys.readouterr().out
    assert main(["ledger", "--db", db, "catalogue", "export", str(tmp_path / "out.csv")]) == 0
    assert "乡村建设规划许可" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")


def test_weekly_report_json_and_xlsx(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """report weekly prints JSON, writes XLSX with -o, and --save keeps it in the ledger."""
    main(["ledger", "--db", db, "import", str(sample_path("license")), "--as-of", "2026-01-01"])
    capsys.readouterr()
    assert main(["ledger", "--db", db, "report", "weekly", "--as-of", "2025-03-10"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["report"] == "weekly" and payload["period"] == ["2025-03-03", "2025-03-09"]
    out = tmp_path / "w.xlsx"
    args = ["ledger", "--db", db, "report", "weekly", "--as-of", "2025-03-10", "--format", "xlsx"]
    assert main([*args, "-o", str(out), "--save"]) == 0
    assert out.read_bytes()[:2] == b"PK"
    capsys.readouterr()
    assert main(["ledger", "--db", db, "status", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["reports"] == 1


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["import", "/no/such/file.csv"], "No such file"),
        (["report", "weekly", "--format", "xlsx"], "needs -o"),
        (["catalogue", "import", "/no/such.xlsx"], "No such file"),
    ],
)
def test_errors_exit_2(db: str, argv: list[str], needle: str, capsys: pytest.CaptureFixture[str]) -> None:
    """What cannot run exits 2 with a message on stderr."""
    assert main(["ledger", "--db", db, *argv]) == 2
    assert needle in capsys.readouterr().err


def test_uninitialised_database_says_run_init(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A database without the schema: exit 2, the message says to run init."""
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    assert main(["ledger", "--db", url, "status"]) == 2
    assert "ledger init" in capsys.readouterr().err
