"""``credit-disclosure quality``: the score table of a file, in text, CSV and JSON, by any grouping."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from credit_disclosure import __version__
from credit_disclosure.cli import main
from credit_disclosure.quality import score_file
from credit_disclosure.samples import sample_path

AS_OF = ["--as-of", "2026-01-01"]


def _export(tmp_path: Path) -> Path:
    path = tmp_path / "export.csv"
    path.write_text(
        "处罚机关,处罚决定日期,上网日期\n"
        "甲局,2025/03/03,2025/03/05\n"
        "甲局,2025/04/01,2025/04/30\n"
        "乙局,2025/04/02,\n",
        encoding="gbk",
    )
    return path


def test_text_by_agency_with_a_named_publication_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The text table lists each agency and the total, and says why timeliness was unknown."""
    code = main(
        [
            "quality",
            str(_export(tmp_path)),
            "--kind",
            "penalty",
            "--published-col",
            "上网日期",
            *AS_OF,
        ]
    )
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out[0].split()[:3] == ["agency", "records", "complete"]
    assert out[1].startswith("乙局") and out[2].startswith("甲局") and out[3].startswith("total")
    assert out[2].split()[4:6] == ["50.0%", "1"]  # on time, late
    assert out[-1] == "timeliness unknown: no_publication_date 1"


def test_csv_by_month_and_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format csv with two --by options gives one CSV row per (month, kind)."""
    code = main(
        [
            "quality",
            str(_export(tmp_path)),
            "--published-col",
            "上网日期",
            "--by",
            "month",
            "--by",
            "kind",
            "--format",
            "csv",
            *AS_OF,
        ]
    )
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["month"], r["kind"], r["records"], r["late"]) for r in rows] == [
        ("2025-03", "penalty", "1", "0"),
        ("2025-04", "penalty", "2", "1"),
    ]


def test_json_of_the_sample_equals_the_library(capsys: pytest.CaptureFixture[str]) -> None:
    """--sample --format json prints what score_file computes for the bundled sample."""
    assert (
        main(
            ["quality", "--sample", "--kind", "license", "--by", "kind", "--format", "json", *AS_OF]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    from datetime import date

    expected = json.loads(
        score_file(sample_path("license"), as_of=date(2026, 1, 1)).table("kind").to_json()
    )
    head = {"tool": "credit-disclosure", "tool_version": __version__, "as_of": "2026-01-01"}
    assert data == {**head, **expected}  # the command line's envelope, then the library's table
    assert data["total"]["records"] == 200


@pytest.mark.parametrize(
    "argv",
    [["quality"], ["quality", "no/such/file.csv"], ["quality", "--sample", "--published-col", "x"]],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """No file, a missing file or a bad option exits 2 with a message on stderr."""
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2
    assert "credit-disclosure quality" in err or "usage" in err
