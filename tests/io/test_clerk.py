"""The clerk's view of a finding: spreadsheet row, decision number, field name, masked value."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from credit_disclosure._cli._args import default_lang
from credit_disclosure.cli import main
from credit_disclosure.io import Finding, check_file, shown_value
from credit_disclosure.io._clerk import advice
from credit_disclosure.standard import ISSUE_CATALOGUE, RecordKind, field_by_code

HEADER = "行政处罚决定书文号,行政相对人名称,行政相对人类别,证件号码,处罚决定日期"
ID = "11010519491231002X"


def _csv(tmp_path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path = tmp_path / "t.csv"
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def _findings(path: Path) -> list[Finding]:
    with check_file(path, kind=RecordKind.PENALTY, as_of=date(2025, 6, 30)) as report:
        return list(report.findings())


@pytest.mark.parametrize(
    ("before", "blank_between", "first_row"),
    [
        ([], False, 2),  # plain CSV: the first data row is spreadsheet row 2
        ([""], False, 3),  # a blank line above the header is a row in Excel
        ([], True, 2),  # a blank line between rows is counted too
    ],
)
def test_sheet_rows_count_the_header(
    tmp_path: Path, before: list[str], blank_between: bool, first_row: int
) -> None:
    rows = ["京罚〔2024〕1号,某某公司,法人及非法人组织,,2099/01/01"]
    rows += [""] if blank_between else []
    rows += ["京罚〔2024〕2号,某某公司,法人及非法人组织,,2099/01/02"]
    found = [f for f in _findings(_csv(tmp_path, [*before, HEADER, *rows])) if f.issue.code == "date.future"]
    assert [f.sheet_row for f in found] == [first_row, first_row + 1 + blank_between]
    assert [f.decision for f in found] == ["京罚〔2024〕1号", "京罚〔2024〕2号"]
    assert found[0].field_name == "处罚决定日期"
    assert found[0].value == "2099/01/01"
    assert found[0].advice_zh


def test_multiline_value_is_one_spreadsheet_row(tmp_path: Path) -> None:
    rows = ['京罚〔2024〕1号,"某某\n公司",法人及非法人组织,,2020/01/01', "京罚〔2024〕2号,某某公司,法人及非法人组织,,2099/01/02"]
    found = [f for f in _findings(_csv(tmp_path, [HEADER, *rows])) if f.issue.code == "date.future"]
    assert [f.sheet_row for f in found] == [3]


def test_xlsx_rows_as_the_sheet_numbers_them(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([])
    ws.append(HEADER.split(","))
    ws.append(["京罚〔2024〕1号", "某某公司", "法人及非法人组织", None, "2099/01/01"])
    path = tmp_path / "t.xlsx"
    wb.save(path)
    found = [f for f in _findings(path) if f.issue.code == "date.future"]
    assert [f.sheet_row for f in found] == [3]


def test_personal_values_are_masked_and_ids_never_shown(tmp_path: Path) -> None:
    row = f"{ID},张三丰,自然人,{ID}X,2020/01/01"
    findings = _findings(_csv(tmp_path, [HEADER, row]))
    text = "\n".join(f.line(lang) for f in findings for lang in ("zh", "en", "both"))
    assert findings
    assert ID not in text and ID[:12] not in text
    assert shown_value("张三丰", field_by_code("CF_XDR_MC", RecordKind.PENALTY)) == "张**"


def test_cli_lang_zh_is_chinese_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _csv(tmp_path, [HEADER, "京罚〔2024〕1号,某某公司,法人及非法人组织,,2099/01/01"])
    assert main(["check", str(path), "--kind", "penalty", "--lang", "zh", "--as-of", "2025-06-30"]) == 1
    out = capsys.readouterr().out
    assert "行数：1" in out and "rows:" not in out
    assert "第2行 文书号 京罚〔2024〕1号 处罚决定日期：错误 date.future：" in out
    assert "处理：" in out


def test_cli_lang_defaults_from_locale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _csv(tmp_path, [HEADER, "京罚〔2024〕1号,某某公司,法人及非法人组织,,2099/01/01"])
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    main(["check", str(path), "--kind", "penalty", "--as-of", "2025-06-30"])
    assert "第2行" in capsys.readouterr().out
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    main(["check", str(path), "--kind", "penalty", "--as-of", "2025-06-30"])
    assert "row 2 " in capsys.readouterr().out


@pytest.mark.parametrize("code", sorted(ISSUE_CATALOGUE))
def test_every_catalogued_code_has_specific_advice(code: str) -> None:
    assert advice(code.replace("*", "checksum")) != advice("no.such")


@pytest.mark.parametrize(
    ("env", "lang"),
    [({"LANG": "zh_TW.UTF-8"}, "zh"), ({"LC_ALL": "zh_CN"}, "zh"), ({"LANG": "C.UTF-8"}, "en")],
)
def test_default_lang(env: dict[str, str], lang: str) -> None:
    assert default_lang(env) == lang


def test_csv_export_has_the_clerk_columns(tmp_path: Path) -> None:
    path = _csv(tmp_path, [HEADER, "京罚〔2024〕1号,某某公司,法人及非法人组织,,2099/01/01"])
    out = io.StringIO()
    with check_file(path, kind=RecordKind.PENALTY, as_of=date(2025, 6, 30)) as report:
        report.to_csv(out)
    head, *rows = out.getvalue().splitlines()
    assert head.endswith("sheet_row,decision,value,advice_en,advice_zh")
    assert any(",2,京罚〔2024〕1号,2099/01/01," in r for r in rows)


def test_spilled_findings_keep_where_they_are() -> None:
    from credit_disclosure.io import Report, io_issue

    values = {"CF_WSH": "京罚〔2024〕1号"}
    with Report(kind=RecordKind.PENALTY, memory_limit=2) as report:
        for n in range(1, 6):
            report.add(n, [io_issue("row.json", n)], sheet_row=n + 1, values=values)
        found = list(report.findings())
    assert [f.sheet_row for f in found] == [2, 3, 4, 5, 6]
    assert {f.decision for f in found} == {"京罚〔2024〕1号"}
