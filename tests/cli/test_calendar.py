"""``credit-disclosure calendar add/show/status``, stored in a temporary data directory."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from credit_disclosure.cli import main
from credit_disclosure.workdays import data_dir, default_calendar, stored_schedules
from credit_disclosure.workdays._store import _forget

NOTICES = Path(__file__).resolve().parents[1] / "data" / "notices"

#: A made-up 2027 notice, for these tests only: NOT the real 2027 schedule (not yet published).
FICTITIOUS_2027 = """国务院办公厅关于2027年部分节假日安排的通知（测试用，虚构）
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2027年元旦放假调休日期的具体安排通知如下。
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至12日（周五）放假调休，共8天。2月20日（周六）上班。
国务院办公厅
2026年12月1日
"""


@pytest.fixture(autouse=True)
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Each test gets an empty data directory; the cached calendars are rebuilt around it."""
    monkeypatch.setenv("CREDIT_DISCLOSURE_DATA_DIR", str(tmp_path / "data"))
    _forget()
    yield tmp_path / "data"
    monkeypatch.undo()
    _forget()


def _write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "notice.txt"
    path.write_bytes(text.encode(encoding))
    return path


def test_add_then_every_later_run_uses_the_year(
    tmp_path: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After `calendar add`, the year is published: show says so and deadlines are exact."""
    assert main(["calendar", "add", str(_write(tmp_path, FICTITIOUS_2027)), "--url", "x:y"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2027: published") and str(store) in out
    assert [s.year for s in stored_schedules()] == [2027]
    assert len(list((store / "notices").glob("2027-*.txt"))) == 1
    _forget()  # a new run
    assert default_calendar().covered[1] == 2027
    assert main(["calendar", "show", "2027", "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["state"] == "published" and shown["notice"]["url"] == "x:y"
    assert main(["deadline", "2026-12-28", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["certain"] and data["due"] == data["earliest"] == data["latest"]


def test_a_gap_year_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Adding 2029 before 2027 and 2028 would leave years unknown: exit 2, code calendar.gap."""
    text = "国务院办公厅关于2029年部分节假日安排的通知（测试用，虚构）\n一、元旦：1月1日放假1天。\n"
    assert main(["calendar", "add", str(_write(tmp_path, text))]) == 2
    assert "calendar.gap" in capsys.readouterr().err
    assert stored_schedules() == ()


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (("1月1日（周五）", "1月1日（周六）"), "notice.weekday"),
        (("共3天", "共4天"), "notice.day_count"),
        (("上班。", "上班。另有安排。"), "notice.sentence"),
    ],
)
def test_a_notice_that_does_not_read_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: tuple[str, str], code: str
) -> None:
    """A wrong weekday, a wrong 共N天 or an unknown sentence: exit 2, the file and code named."""
    path = _write(tmp_path, FICTITIOUS_2027.replace(*change))
    assert main(["calendar", "add", str(path)]) == 2
    err = capsys.readouterr().err
    assert code in err and str(path) in err and "Traceback" not in err
    assert stored_schedules() == ()


def test_gb18030_text_and_missing_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A notice saved as GB18030 reads; a missing file is a one-line error (exit 2)."""
    assert main(["calendar", "add", str(_write(tmp_path, FICTITIOUS_2027, "gb18030"))]) == 0
    capsys.readouterr()
    assert main(["calendar", "add", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_an_amendment_amends_the_shipped_year(capsys: pytest.CaptureFixture[str]) -> None:
    """The 2020 extension, added alone, amends the shipped 2020 and says so."""
    assert main(["calendar", "add", str(NOTICES / "2020-extension.txt")]) == 0
    assert "国办发明电〔2020〕1号" in capsys.readouterr().out
    assert main(["calendar", "show", "2020"]) == 0
    assert "amended by: 国务院办公厅关于延长2020年春节假期的通知" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("today", "stream", "expected"),
    [
        ("2026-06-01", "out", "notices usually appear between 10-25 and 12-16"),
        ("2026-12-03", "err", "warning: the 2027 notice is not loaded"),
        ("2026-12-20", "err", "later than every notice since 2011"),
    ],
)
def test_status_warns_once_notices_usually_appear(
    capsys: pytest.CaptureFixture[str], today: str, stream: str, expected: str
) -> None:
    """Status lists the year states; from late October it warns that next year is not loaded."""
    assert main(["calendar", "status", "--today", today]) == 0
    captured = capsys.readouterr()
    assert "2027-2099: statutory-only" in captured.out
    assert str(data_dir()) in captured.out
    assert expected in (captured.out if stream == "out" else captured.err)


def test_status_is_quiet_once_next_year_is_loaded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With the 2027 notice added, status in December has nothing to warn about."""
    assert main(["calendar", "add", str(_write(tmp_path, FICTITIOUS_2027))]) == 0
    capsys.readouterr()
    assert main(["calendar", "status", "--today", "2026-12-20"]) == 0
    captured = capsys.readouterr()
    assert "the 2027 notice is loaded" in captured.out and "warning" not in captured.err


def test_show_statutory_only_and_unknown_years(capsys: pytest.CaptureFixture[str]) -> None:
    """2027 shows the certain statutory days and the possible 调休; 2100 is unknown."""
    assert main(["calendar", "show", "2027"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2027: statutory-only") and "2027-02-05 to 2027-02-08  春节" in out
    assert "may become a day off" in out
    assert main(["calendar", "show", "2100", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["state"] == "unknown"


def test_a_damaged_stored_file_is_named(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A stored schedule that was damaged by hand is reported with its path (exit 2)."""
    (store / "schedules").mkdir(parents=True)
    (store / "schedules" / "2027.json").write_text('{"year": 2027,', encoding="utf-8")
    _forget()
    assert main(["calendar", "status"]) == 2
    assert "2027.json" in capsys.readouterr().err


def test_calendar_without_an_action_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """`credit-disclosure calendar` alone prints its help on stderr and exits 2."""
    assert main(["calendar"]) == 2
    assert "add" in capsys.readouterr().err


def test_add_from_stdin_and_every_action_in_json(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`calendar add -` reads the notice from standard input; add, show and status speak JSON
    with the tool's envelope (tool, tool_version; status also as_of)."""
    import io

    from credit_disclosure import __version__

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(FICTITIOUS_2027.encode("gb18030"))))
    assert main(["calendar", "add", "-", "--format", "json"]) == 0
    added = json.loads(capsys.readouterr().out)
    assert (added["tool"], added["tool_version"]) == ("credit-disclosure", __version__)
    assert added["year"] == 2027 and added["state"] == "published"
    assert {"name": "春节", "start": "2027-02-05", "end": "2027-02-12"} in added["days_off"]
    _forget()
    assert main(["calendar", "status", "--today", "2026-12-03", "--format", "json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["tool_version"] == __version__ and status["as_of"] == "2026-12-03"
    assert status["next_notice"]["year"] == 2027 and status["next_notice"]["level"] == "ok"
    assert any(y["state"] == "published" and y["last"] == 2027 for y in status["years"])
    assert main(["calendar", "show", "2027", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["tool"] == "credit-disclosure"


def test_add_from_stdin_that_is_not_text(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bytes that are neither UTF-8 nor GB18030 on standard input: exit 2, named as stdin."""
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"\xff\xfe\x00\x81\x30")))
    assert main(["calendar", "add", "-"]) == 2
    assert "standard input" in capsys.readouterr().err
