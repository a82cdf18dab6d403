"""``credit-disclosure mask``: values of one kind, and every record of a CSV, XLSX or JSON Lines file."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from credit_disclosure._cli.mask import run
from credit_disclosure.cli import build_parser, main
from credit_disclosure.identifiers import resident_id
from credit_disclosure.io import open_table, write_xlsx
from credit_disclosure.samples import sample_path
from credit_disclosure.standard import RecordKind

_ID = "11010519491231002X"


def test_mask_values(capsys: pytest.CaptureFixture[str]) -> None:
    """Values of one kind are masked one per line with the chosen profile."""
    assert main(["mask", "-k", "name", "欧阳娜娜", "张三"]) == 0
    assert capsys.readouterr().out.splitlines() == ["欧阳**", "张*"]
    assert main(["mask", "-p", "internal", "-k", "id_number", _ID]) == 0
    assert capsys.readouterr().out.strip() == "110105********002X"


def test_mask_jsonl_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """JSON-lines records are masked by the profile, organisations left alone."""
    path = tmp_path / "records.jsonl"
    rows = [
        {"CF_XDR_LB": "自然人", "CF_XDR_MC": "张三", "CF_XDR_ZJHM": _ID},
        {"CF_XDR_LB": "法人及非法人组织", "CF_XDR_MC": "某某公司"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n", "utf-8")
    assert main(["mask", "-i", str(path)]) == 0
    captured = capsys.readouterr()
    out = [json.loads(line) for line in captured.out.splitlines()]
    assert out[0]["CF_XDR_MC"] == "张*" and out[0]["CF_XDR_ZJHM"] == "1101**********002X"
    assert out[1] == rows[1]
    assert "2 rows masked and written" in captured.err and "1 blank rows skipped" in captured.err


def test_mask_csv_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """CSV with field-code headers (UTF-8 with BOM, as Excel writes) is masked row by row."""
    path = tmp_path / "records.csv"
    path.write_text("CF_XDR_LB,CF_XDR_MC,CF_WSH\n自然人,诸葛亮,京罚1号\n", encoding="utf-8-sig")
    assert main(["mask", "-i", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "CF_XDR_LB,CF_XDR_MC,CF_WSH",
        "自然人,诸葛*,京罚1号",
    ]


def test_gbk_file_with_chinese_headers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The issue's reproducer: a GBK clerk's file with Chinese headers is masked, nothing in clear."""
    path = tmp_path / "clerk.csv"
    path.write_bytes(
        "行政相对人类别,行政相对人名称,证件号码,违法事实,联系电话\r\n"
        f"自然人,欧阳娜娜,{_ID},当事人ID362321199001014043违法,13812345678\r\n".encode("gbk")
    )
    assert main(["mask", "--profile", "public", "--input", str(path)]) == 0
    captured = capsys.readouterr()
    rows = list(csv.reader(io.StringIO(captured.out)))
    assert rows[1] == [
        "自然人",
        "欧阳**",
        "1101**********002X",
        "当事人ID3623**********4043违法",
        "***********",
    ]
    assert "欧阳娜娜" not in captured.out and "19491231" not in captured.out
    # the column nobody described is named, on standard error, with its code
    assert "privacy.field_unclassified: column 5 '联系电话'" in captured.err


def test_unknown_columns_can_refuse_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--unknown-fields refuse stops before writing anything (exit 2), naming the column; --field describes it."""
    path = tmp_path / "clerk.csv"
    path.write_text(f"CF_XDR_LB,CF_XDR_ZJHM,住址\n自然人,{_ID},北京市朝阳区建国路88号\n", "utf-8")
    out = tmp_path / "public.csv"
    out.write_text("old\n", "utf-8")
    assert main(["mask", "-i", str(path), "--unknown-fields", "refuse", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "privacy.field_unclassified" in err and "column 3 '住址'" in err
    assert out.read_text("utf-8") == "old\n"  # left as it was
    args = ["mask", "-i", str(path), "--unknown-fields", "refuse", "--field", "住址=address:subject"]
    assert main([*args, "-o", str(out)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"))))
    assert rows[1] == ["自然人", "1101**********002X", "北京市朝阳区****"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clerk.csv", "public.csv"]


@pytest.mark.parametrize("bad", ["住址", "住址=nonsense", "住址=phone:always", "=phone"])
def test_bad_field_option_is_a_usage_error(
    bad: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A --field that is not HEADER=KIND[:subject] exits 2 and says how to write it."""
    path = tmp_path / "r.csv"
    path.write_text("CF_XDR_MC\n张三\n", "utf-8")
    assert main(["mask", "-i", str(path), "--field", bad]) == 2
    assert "--field" in capsys.readouterr().err


def test_headerless_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file whose first row is data (no header names a field) is refused: it would be written in clear."""
    path = tmp_path / "noheader.csv"
    path.write_text(f"自然人,张三,{_ID}\n自然人,李四,{_ID}\n", "utf-8")
    assert main(["mask", "-i", str(path)]) == 2
    captured = capsys.readouterr()
    assert "file.header_unknown" in captured.err and captured.out == ""
    assert _ID not in captured.err and "张三" not in captured.err


def test_empty_or_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing or empty file cannot be masked: exit 2, naming it."""
    assert main(["mask", "-i", str(tmp_path / "missing.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert main(["mask", "-i", str(empty)]) == 2
    assert "file.empty" in capsys.readouterr().err


def test_bad_rows_are_reported_and_the_run_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A row that cannot be read is reported (row number, code) and the others are written: exit 1."""
    lines = tmp_path / "records.jsonl"
    lines.write_text('{"CF_XDR_MC": "张三"}\n[1, 2]\n{"CF_XDR_MC": 张\n{"CF_XDR_MC": "李四"}\n', "utf-8")
    assert main(["mask", "-i", str(lines)]) == 1
    captured = capsys.readouterr()
    assert [json.loads(x)["CF_XDR_MC"] for x in captured.out.splitlines()] == ["张*", "李*"]
    assert "row 2: row.json" in captured.err and "row 3: row.json" in captured.err
    assert "2 rows masked and written" in captured.err and "2 rows reported and not written" in captured.err
    assert "张" not in captured.err.split("row 3")[1].split("\n")[0]
    table = tmp_path / "records.csv"
    table.write_text(f"CF_XDR_LB,CF_XDR_ZJHM,CF_WSH\n自然人,{_ID},1号\n自然人,{_ID}\n自然人,{_ID},3号\n")
    assert main(["mask", "-i", str(table)]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 3 and _ID not in captured.out + captured.err
    assert "row 2: row.columns" in captured.err


def test_gbk_is_detected_and_encoding_can_be_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Encodings are detected as check detects them; --encoding overrides."""
    gbk = tmp_path / "records.csv"
    gbk.write_bytes("CF_XDR_MC\n张三\n".encode("gbk"))
    assert main(["mask", "-i", str(gbk)]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "张*"
    assert main(["mask", "-i", str(gbk), "--encoding", "gbk"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "张*"


def test_xlsx_input_and_jsonl_to_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An XLSX file is masked to CSV; a JSON Lines row with keys the CSV header lacks is reported, not dropped."""
    book = tmp_path / "records.xlsx"
    write_xlsx([{"CF_XDR_LB": "自然人", "CF_XDR_MC": "张三", "CF_XDR_ZJHM": _ID}], book, RecordKind.PENALTY)
    out = tmp_path / "out.csv"
    assert main(["mask", "-i", str(book), "-o", str(out)]) == 0
    text = out.read_text("utf-8-sig")
    assert "张*" in text and "1101**********002X" in text and _ID not in text
    lines = tmp_path / "r.jsonl"
    lines.write_text('{"CF_XDR_MC": "张三"}\n{"CF_XDR_MC": "李四", "CF_WSH": "1号"}\n', "utf-8")
    assert main(["mask", "-i", str(lines), "--format", "csv"]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == ["CF_XDR_MC", "张*"] and "row 2: row.columns" in captured.err


def test_input_from_stdin(capsys: pytest.CaptureFixture[str]) -> None:
    """--input - reads the records from standard input."""
    args = build_parser().parse_args(["mask", "-i", "-"])
    data = io.BytesIO(f"证件号码\n{_ID}\n".encode("gbk"))
    out, err = io.StringIO(), io.StringIO()
    assert run(args, stdout=out, stderr=err, stdin=data) == 0
    assert out.getvalue().splitlines() == ["证件号码", "1101**********002X"]


@pytest.mark.parametrize("kind", ["license", "penalty"])
def test_bundled_sample_masks_end_to_end(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``mask --sample KIND -o FILE`` masks every readable row of the sample and reports the planted bad ones."""
    out = tmp_path / "masked.csv"
    assert main(["mask", "--sample", kind, "-o", str(out)]) == 1  # planted unreadable rows
    err = capsys.readouterr().err
    text = out.read_text("utf-8-sig")
    masked = list(csv.reader(io.StringIO(text)))
    with open_table(sample_path(kind)) as reader:
        rows = list(reader)
        assert masked[0] == list(reader.headers)
    written = [r for r in rows if r.usable]
    assert len(masked) - 1 == len(written)
    assert f"{kind}_sample.csv (bundled sample): {len(written)} rows masked and written" in err
    assert f"{len(rows) - len(written)} rows reported and not written" in err
    for raw in rows:
        for key in ("CF_XDR_ZJHM", "CF_FR_ZJHM", "证件号码", "法定代表人证件号码"):
            value = raw.values.get(key)
            if isinstance(value, str) and len(value) >= 15:
                assert value[4:-4] not in text
    name_column = masked[0].index("CF_XDR_MC" if kind == "penalty" else "行政相对人名称")
    people = 0
    for raw, after in zip(written, masked[1:]):
        if "自然人" in raw.values.values():  # a natural person's record: the name is masked
            people += 1
            assert after[name_column] != raw.values[masked[0][name_column]]
            assert after[name_column].endswith("*")
    assert people > 0


def test_mask_input_with_kind_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--input together with --kind or VALUEs is refused (exit 2) instead of silently ignoring them."""
    path = tmp_path / "records.jsonl"
    path.write_text('{"CF_XDR_MC": "张三"}\n', "utf-8")
    assert main(["mask", "-i", str(path), "-k", "name"]) == 2
    assert "one or the other" in capsys.readouterr().err
    assert main(["mask", "-i", str(path), "--sample", "penalty"]) == 2
    assert main(["mask", "张三"]) == 2


def test_csv_output_is_inert_in_a_spreadsheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A cell that Excel would run as a formula is written as text; amounts stay numbers."""
    path = tmp_path / "r.csv"
    path.write_text('CF_WSH,CF_NR_FK,BZ\n"=HYPERLINK(""http://x"")",-0.5,@SUM(A1)\n', "utf-8")
    assert main(["mask", "-i", str(path)]) == 0
    row = list(csv.reader(io.StringIO(capsys.readouterr().out)))[1]
    assert row == ["'=HYPERLINK(\"http://x\")", "-0.5", "'@SUM(A1)"]


_HEADER_STYLES = {
    "code": ["CF_XDR_LB", "CF_XDR_MC", "CF_XDR_ZJHM", "CF_SY", "CF_XDR_SHXYM"],
    "name_zh": ["行政相对人类别", "行政相对人名称", "证件号码", "违法事实", "统一社会信用代码"],
    "attr": ["subject_category", "subject_name", "cert_no", "violation_facts", "credit_code"],
}


_STDIN_ARGS = build_parser().parse_args(["mask", "-i", "-"])


@settings(max_examples=40, deadline=None)
@given(
    style=st.sampled_from(sorted(_HEADER_STYLES)),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gbk"]),
    rows=st.lists(
        st.tuples(
            st.integers(0, 2**32 - 1).map(lambda s: resident_id.generate(seed=s)),
            st.sampled_from(["ok", "ok", "ok", "short", "long", "blank", "bad-byte", "quote"]),
            st.sampled_from(["自然人", "", "法人及非法人组织"]),
        ),
        min_size=1,
        max_size=12,
    ),
)
def test_every_row_is_written_or_reported_and_no_id_leaks(
    style: str, encoding: str, rows: list[tuple[str, str, str]]
) -> None:
    """Damaged files of any header style and encoding: rows written + reported + blank = rows in; no ID in any output."""
    lines = [",".join([*_HEADER_STYLES[style], "联系人"]).encode(encoding)]
    for number, damage, category in rows:
        cells = [category, "张三丰", number, f"当事人ID{number}违法", number, number]
        if damage == "short":
            cells = cells[:3]
        elif damage == "long":
            cells += ["x", "y"]
        elif damage == "blank":
            cells = [""] * len(cells)
        line = ",".join(cells).encode(encoding)
        if damage == "bad-byte":
            line = line.replace("张".encode(encoding), b"\xff\xfe", 1)
        elif damage == "quote":  # a quote opened and never closed
            line = line.replace("张".encode(encoding), b'"', 1)
        lines.append(line)
    data = io.BytesIO(b"\r\n".join(lines) + b"\r\n")
    out, err = io.StringIO(), io.StringIO()
    code = run(_STDIN_ARGS, stdout=out, stderr=err, stdin=data)
    for number, _damage, _category in rows:
        assert number[4:14] not in out.getvalue() + err.getvalue()
    if code == 2:  # a tiny file whose bad bytes defeat the encoding detection: nothing written
        assert "file.header_unknown" in err.getvalue() and out.getvalue() == ""
        return
    summary = err.getvalue().splitlines()[-1]
    written, flagged, dropped, blank = map(int, re.findall(r"(\d+) (?:rows|of them|blank)", summary))
    # lines a quoted value swallowed are named by the row.multiline issue of the row that did
    spans = re.findall(r"runs from line (\d+) to line (\d+)", err.getvalue())
    swallowed = sum(int(last) - int(first) for first, last in spans)
    assert written + dropped + blank + swallowed == len(rows)
    assert len(out.getvalue().splitlines()) == written + 1
    assert code == (1 if flagged or dropped else 0)


def test_unterminated_quote_loses_no_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's reproducer: a quote never closed no longer swallows the rows after it."""
    path = tmp_path / "q.csv"
    path.write_bytes(
        'CF_WSH,BZ\r\n京罚〔2024〕1号,ok\r\n京罚〔2024〕2号,"note\r\n京罚〔2024〕3号,ok\r\n'
        "京罚〔2024〕4号,ok\r\n".encode()
    )
    assert main(["mask", "-i", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines()[1:] == ["京罚〔2024〕1号,ok", "京罚〔2024〕3号,ok", "京罚〔2024〕4号,ok"]
    assert "row 2: row.quote" in captured.err
    assert "3 rows masked and written" in captured.err and "1 rows reported and not written" in captured.err


@pytest.mark.parametrize("end", ["\r", "\n", "\r\n"])
def test_every_line_end_is_read(end: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """CR-only, LF and CRLF data rows after an LF header are all masked: 20 rows in, 20 out."""
    path = tmp_path / "ends.csv"
    body = "".join(f"自然人,{_ID},京罚〔2024〕{i}号{end}" for i in range(20))
    path.write_text("CF_XDR_LB,CF_XDR_ZJHM,CF_WSH\n" + body, "utf-8")
    assert main(["mask", "-i", str(path)]) == 0
    out = capsys.readouterr().out
    assert len(out.splitlines()) == 21 and _ID not in out


def test_output_format_follows_the_output_suffix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-o x.jsonl writes JSON Lines from a CSV input; --format overrides the suffix."""
    path = tmp_path / "r.csv"
    path.write_text(f"证件号码\n{_ID}\n", "utf-8")
    out = tmp_path / "r.jsonl"
    assert main(["mask", "-i", str(path), "-o", str(out)]) == 0
    assert json.loads(out.read_text("utf-8")) == {"证件号码": "1101**********002X"}
    assert main(["mask", "-i", str(path), "-o", str(out), "--format", "csv"]) == 0
    assert out.read_text("utf-8-sig").splitlines() == ["证件号码", "1101**********002X"]
