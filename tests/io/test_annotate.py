"""The annotated workbook: faulty cells filled and commented, a summary, a filtered issues sheet."""

from __future__ import annotations

from pathlib import Path

import pytest

from credit_disclosure.cli import main

openpyxl = pytest.importorskip("openpyxl")

HEADER = "行政处罚决定书文号,行政相对人名称,行政相对人类别,证件号码,处罚决定日期"
TITLE = "某区2024年行政处罚公示表,,,,"
ID = "11010519491231002X"


def _gbk_file(tmp_path: Path) -> Path:
    rows = [
        TITLE,
        HEADER,
        "京罚〔2024〕1号,某某公司,法人及非法人组织,,2099/01/01",
        f"=HYPERLINK(\"x\"),张三,自然人,{ID[:-1]}1,2020/01/01",
    ]
    path = tmp_path / "公示.csv"
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("gbk"))
    return path


def test_gbk_title_row_lang_zh_workbook(tmp_path: Path) -> None:
    out = tmp_path / "report.xlsx"
    args = ["check", str(_gbk_file(tmp_path)), "--lang", "zh", "--format", "xlsx"]
    assert main([*args, "-o", str(out), "--as-of", "2025-06-30"]) == 1
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["数据", "汇总", "问题"]
    data = wb["数据"]
    assert data["A1"].value == "某区2024年行政处罚公示表"  # the copy keeps the input's rows
    assert data["A2"].value == "行政处罚决定书文号"
    date_cell = data["E3"]  # 处罚决定日期 of the first record, spreadsheet row 3
    assert date_cell.fill.fgColor.rgb.endswith("FFC7CE")
    assert "晚于" in date_cell.comment.text and "请核对日期" in date_cell.comment.text
    # issues of fields without a column are noted on the row's first cell
    assert "证件类型" in data["A4"].comment.text and data["A4"].fill.fill_type == "solid"
    assert data["C3"].comment is None and data["C3"].fill.fill_type is None
    # every cell is text: the formula-like decision number is not a formula
    assert data["A4"].data_type == "s"
    issues = wb["问题"]
    head = [c.value for c in issues[1]]
    assert head == ["行号", "文书号", "问题代码", "字段", "字段名", "严重程度", "说明", "值", "处理"]
    assert issues.auto_filter.ref == f"A1:I{issues.max_row}"
    rows = list(issues.iter_rows(min_row=2, values_only=True))
    assert rows[[r[2] for r in rows].index("date.future")][:3] == ("3", "京罚〔2024〕1号", "date.future")
    text = "\n".join(str(v) for r in rows for v in r if v is not None)
    text += "\n".join(c.comment.text for row in data.iter_rows() for c in row if c.comment)
    assert ID[:12] not in text
    assert all(r[5] in ("错误", "警告") for r in rows)
    summary = {r[0]: r[1] for r in wb["汇总"].iter_rows(values_only=True) if r[0]}
    assert summary["行数"] == "2" and summary["有错误"] == "2"


def test_english_workbook_of_an_xlsx_input(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["某区公示表"])
    ws.append(HEADER.split(","))
    ws.append(["京罚〔2024〕1号", "某某公司", "法人及非法人组织", None, "2099/01/01"])
    src = tmp_path / "in.xlsx"
    wb.save(src)
    out = tmp_path / "out.xlsx"
    assert main(["check", str(src), "--format", "xlsx", "--lang", "en", "-o", str(out),
                 "--as-of", "2025-06-30"]) == 1
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["data", "summary", "issues"]
    cell = book["data"]["E3"]
    assert cell.comment is not None and "after" in cell.comment.text


def test_xlsx_needs_an_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(_gbk_file(tmp_path)), "--format", "xlsx"]) == 2
    assert "-o" in capsys.readouterr().err


def test_header_issues_on_their_header_cells(tmp_path: Path) -> None:
    """An unknown and a repeated header are marked on their own header cells (yellow, commented)."""
    rows = [
        TITLE + ",,",
        HEADER + ",联系电话,CF_WSH",
        "京罚〔2024〕1号,某某公司,法人及非法人组织,,2020/01/01,1,x",
    ]
    src = tmp_path / "h.csv"
    src.write_bytes(("\r\n".join(rows) + "\r\n").encode("gbk"))
    out = tmp_path / "h.xlsx"
    args = ["check", str(src), "--lang", "zh", "--format", "xlsx", "-o", str(out)]
    main([*args, "--as-of", "2025-06-30"])
    data = openpyxl.load_workbook(out)["数据"]
    unknown, repeated = data["F2"], data["G2"]
    assert unknown.value == "联系电话" and "不是标准中的字段" in unknown.comment.text
    assert "同一字段" in repeated.comment.text
    assert all(c.fill.fgColor.rgb.endswith("FFEB9C") for c in (unknown, repeated))
    assert data["A2"].comment is None  # the known headers stay plain
