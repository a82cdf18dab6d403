"""``credit-disclosure status`` and ``subject``: JSON shape, exit codes, masking, bad input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from credit_disclosure.cli import main

RECORDS = """CF_WSH,CF_XDR_MC,CF_XDR_LB,CF_XDR_SHXYM,CF_XDR_ZJHM,CF_JDRQ,CF_CFJGDM,tier,procedure
长市监罚〔2022〕15号,长治某某商贸有限公司,法人及非法人组织,91110000600037341L,,2022/03/01,11140400MB1234567X,一般,普通
长市监罚〔2022〕16号,王某,自然人,,11010519491231002X,2022/03/02,11140400MB1234567X,一般,普通
"""
EVENTS = """key,event,date,outcome,note
长市监罚〔2022〕15号,公示,2022/03/08,,
长市监罚〔2022〕15号,异议,2022/04/06,,王某 11010519491231002X 来电
长市监罚〔2022〕15号,异议处理,2022/04/20,修改,
"""
PERSON = "11010519491231002X"


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    records = tmp_path / "records.csv"
    events = tmp_path / "events.csv"
    records.write_text(RECORDS, encoding="gbk")
    events.write_text(EVENTS, encoding="utf-8")
    return str(records), str(events)


def _status(files: tuple[str, str], *extra: str) -> list[str]:
    return ["status", files[0], "--events", files[1], "--preset", "changzhi-2021", *extra]


def test_json_shape(files: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    """JSON: records with key, state, reason, actions [{action, due, overdue}]; a summary."""
    assert main([*_status(files, "--as-of", "2022-04-21", "--format", "json")]) == 0
    data = json.loads(capsys.readouterr().out)
    first, second = data["records"]
    assert {"key", "state", "reason", "actions"} <= set(first)
    assert first["state"] == "displayed" and first["actions"] == []
    assert second["state"] == "not_published"
    assert data["summary"]["states"] == {"displayed": 1, "not_published": 1}
    assert data["summary"]["overdue"] == {}


def test_overdue_exits_1(files: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    """An open objection is not overdue under 长治 (no deadline); publication late is."""
    assert main([*_status(files, "--as-of", "2022-04-10", "--format", "json")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["records"][0]["actions"] == [
        {"action": "verify_objection", "due": None, "overdue": False}
    ]
    records, _ = files
    assert main(["status", records, "--preset", "changzhi-2021", "--as-of", "2022-03-11"]) == 1
    out = capsys.readouterr().out
    assert "publish (due 2022-03-10 OVERDUE)" in out


def test_text_and_csv_never_leak(files: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    """No output format shows the subjects' names, ID numbers or the events' notes."""
    for fmt in ("text", "json", "csv"):
        main([*_status(files, "--as-of", "2022-04-10", "--format", fmt)])
        out = capsys.readouterr().out
        assert PERSON not in out and "王某" not in out and "长治某某" not in out
    main([*_status(files, "--as-of", "2022-04-10", "--format", "csv")])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    assert [r["state"] for r in rows] == ["under_objection", "not_published"]


def test_subject_masked(files: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    """``subject ID`` prints the subject's records with the ID masked, never whole."""
    records, events = files
    code = main(
        ["subject", PERSON, records, "--events", events, "--preset", "changzhi-2021",
         "--as-of", "2022-04-21"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert PERSON not in out and "1101**********002X" in out
    assert "not_published" in out and "1 records" in out
    main(["subject", PERSON.lower(), records, "--as-of", "2022-04-21", "--format", "json",
          "--preset", "changzhi-2021"])
    data = json.loads(capsys.readouterr().out)
    assert data["subject"] == "1101**********002X" and len(data["records"]) == 1


def test_shown_keys_diff(
    files: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--shown`` compares with what the portal shows: the natural person's record is over."""
    shown = tmp_path / "shown.txt"
    shown.write_text("长市监罚〔2022〕16号\n", encoding="utf-8")
    code = main([*_status(files, "--as-of", "2022-04-21", "--shown", str(shown))])
    out = capsys.readouterr().out
    assert code == 1
    assert "1 shown but must not be, 1 missing" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["status", "/nonexistent/records.csv"],
        ["status", "RECORDS", "--events", "/nonexistent/events.csv"],
        ["status", "RECORDS", "--policy", "/nonexistent/policy.json"],
    ],
)
def test_bad_input_exits_2(
    argv: list[str], files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that cannot be read is a usage error (2), said on stderr."""
    argv = [files[0] if a == "RECORDS" else a for a in argv]
    assert main(argv) == 2
    assert "credit-disclosure status:" in capsys.readouterr().err


def test_output_file(files: tuple[str, str], tmp_path: Path) -> None:
    """``-o`` writes the report to a file (atomically)."""
    target = tmp_path / "status.json"
    main([*_status(files, "--as-of", "2022-04-21", "--format", "json", "-o", str(target))])
    assert json.loads(target.read_text(encoding="utf-8"))["policy"] == "changzhi-2021"


def test_subject_id_in_the_wrong_place_is_not_echoed(
    files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """An ID given where RECORDS goes (no such file) is not echoed in the error."""
    records, _ = files
    assert main(["subject", records, PERSON, "--as-of", "2022-04-21"]) == 2
    captured = capsys.readouterr()
    assert PERSON not in captured.err + captured.out
    assert "credit-disclosure subject:" in captured.err


def test_shown_keys_from_csv(
    files: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--shown`` also reads a CSV with a key column; the JSON output carries the diff."""
    shown = tmp_path / "shown.csv"
    shown.write_text("key,title\n长市监罚〔2022〕15号,x\n", encoding="utf-8")
    code = main([*_status(files, "--as-of", "2022-04-21", "--shown", str(shown),
                 "--format", "json")])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["portal"] == {"over": [], "under": [], "unknown": []}
