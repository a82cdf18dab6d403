"""``credit-disclosure mask``: values of one kind, and CSV / JSON-lines records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from credit_disclosure.cli import main


def test_mask_values(capsys: pytest.CaptureFixture[str]) -> None:
    """Values of one kind are masked one per line with the chosen profile."""
    assert main(["mask", "-k", "name", "欧阳娜娜", "张三"]) == 0
    assert capsys.readouterr().out.splitlines() == ["欧阳**", "张*"]
    assert main(["mask", "-p", "internal", "-k", "id_number", "11010519491231002X"]) == 0
    assert capsys.readouterr().out.strip() == "110105********002X"


def test_mask_jsonl_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """JSON-lines records are masked by the profile, organisations left alone."""
    path = tmp_path / "records.jsonl"
    rows = [
        {"CF_XDR_LB": "自然人", "CF_XDR_MC": "张三", "CF_XDR_ZJHM": "11010519491231002X"},
        {"CF_XDR_LB": "法人及非法人组织", "CF_XDR_MC": "某某公司"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n", "utf-8")
    assert main(["mask", "-i", str(path)]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert out[0]["CF_XDR_MC"] == "张*" and out[0]["CF_XDR_ZJHM"] == "1101**********002X"
    assert out[1] == rows[1]


def test_mask_csv_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """CSV with field-code headers (UTF-8 with BOM, as Excel writes) is masked row by row."""
    path = tmp_path / "records.csv"
    path.write_text("CF_XDR_LB,CF_XDR_MC,CF_WSH\n自然人,诸葛亮,京罚1号\n", encoding="utf-8-sig")
    assert main(["mask", "-i", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "CF_XDR_LB,CF_XDR_MC,CF_WSH",
        "自然人,诸葛*,京罚1号",
    ]


def test_mask_usage_and_read_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """No kind and no input is a usage error; an unreadable file exits 1."""
    assert main(["mask", "张三"]) == 2
    assert main(["mask", "-i", str(tmp_path / "missing.jsonl")]) == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    assert main(["mask", "-i", str(bad)]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_mask_read_errors_say_where(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A JSON line that is not an object, or is not JSON, exits 1 naming the line; bad bytes name the encoding."""
    lines = tmp_path / "records.jsonl"
    lines.write_text('{"CF_XDR_MC": "张三"}\n[1, 2]\n', "utf-8")
    assert main(["mask", "-i", str(lines)]) == 1
    assert "records.jsonl, line 2: not a JSON object" in capsys.readouterr().err
    lines.write_text('{"CF_XDR_MC": "张三"}\n\n{"CF_XDR_MC": 张\n', "utf-8")
    assert main(["mask", "-i", str(lines)]) == 1
    err = capsys.readouterr().err
    assert "line 3: JSONDecodeError" in err and "张" not in err
    gbk = tmp_path / "records.csv"
    gbk.write_bytes("CF_XDR_MC\n张三\n".encode("gbk"))
    assert main(["mask", "-i", str(gbk)]) == 1
    assert "not utf-8-sig text (use --encoding)" in capsys.readouterr().err
    assert main(["mask", "-i", str(gbk), "--encoding", "gbk"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "张*"


def test_mask_input_with_kind_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--input together with --kind or VALUEs is refused (exit 2) instead of silently ignoring them."""
    path = tmp_path / "records.jsonl"
    path.write_text('{"CF_XDR_MC": "张三"}\n', "utf-8")
    assert main(["mask", "-i", str(path), "-k", "name"]) == 2
    assert "one or the other" in capsys.readouterr().err
