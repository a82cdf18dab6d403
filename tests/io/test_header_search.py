"""A title row, blank rows or a notes block above the headers: the header row is found."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from credit_disclosure.cli import main
from credit_disclosure.io import check_file, open_table
from credit_disclosure.io._check import header_test
from credit_disclosure.standard import RecordKind

HEADER = "行政处罚决定书文号,行政相对人名称,行政相对人类别,处罚决定日期"
ROW = "京罚〔2024〕1号,某某公司,法人及非法人组织,2099/01/01"
TITLE = "某区2024年行政处罚公示表,,,"
NOTES = ["说明：本表按月公示,,,", "填报单位：某区市场监督管理局,,,"]


@pytest.mark.parametrize(
    ("above", "header_line"),
    [
        ([], 1),
        ([TITLE], 2),
        (["某区2024年行政处罚公示表"], 2),  # a title without the separators
        ([TITLE, ""], 3),
        (["", TITLE, *NOTES, ""], 6),
    ],
)
def test_header_found_below_title_and_notes(
    tmp_path: Path, above: list[str], header_line: int
) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(("\n".join([*above, HEADER, ROW]) + "\n").encode("gbk"))
    with check_file(path, as_of=date(2025, 6, 30)) as report:  # the kind is detected
        findings = [f for f in report.findings() if f.issue.code == "date.future"]
        assert report.kind is RecordKind.PENALTY
        assert report.rows == 1
        assert not [i for i in report.file_issues if i.code.startswith("header.")]
    assert [f.sheet_row for f in findings] == [header_line + 1]


def test_header_row_option(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("\n".join(["CF_WSH,x", HEADER, ROW]) + "\n", encoding="utf-8")
    with check_file(path, header_row=2, as_of=date(2025, 6, 30)) as report:
        assert report.rows == 1
        assert [f.sheet_row for f in report.findings() if f.issue.code == "date.future"] == [3]


def test_xlsx_title_row(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["某区2024年行政处罚公示表"])
    ws.append([])
    ws.append(HEADER.split(","))
    ws.append(ROW.split(","))
    path = tmp_path / "t.xlsx"
    wb.save(path)
    with check_file(path, as_of=date(2025, 6, 30)) as report:
        assert report.rows == 1
        found = [f.sheet_row for f in report.findings() if f.issue.code == "date.future"]
    assert found == [4]
    with open_table(path, header_row=3) as reader:
        assert reader.header_line == 3 and [r.row for r in reader] == [1]


def test_headerless_file_still_reads_its_first_row_as_header(tmp_path: Path) -> None:
    """No row names fields: the first row is taken (the kind cannot be detected, as before)."""
    path = tmp_path / "t.csv"
    path.write_text("a,b\nc,d\ne,f\n", encoding="utf-8")
    with open_table(path, is_header=header_test(None)) as reader:
        assert reader.headers == ("a", "b") and [r.row for r in reader] == [1, 2]


def test_cli_title_row_and_header_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(("\n".join([TITLE, HEADER, ROW]) + "\n").encode("gbk"))
    assert main(["check", str(path), "--lang", "zh", "--as-of", "2025-06-30"]) == 1
    assert "第3行 文书号 京罚〔2024〕1号 处罚决定日期" in capsys.readouterr().out
    assert main(["check", str(path), "--header-row", "2", "--as-of", "2025-06-30"]) == 1
    assert main(["check", str(path), "--header-row", "0"]) == 2
    assert "not a row number" in capsys.readouterr().err
