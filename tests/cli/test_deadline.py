"""The ``credit-disclosure deadline`` subcommand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from credit_disclosure.cli import main
from credit_disclosure.workdays import default_calendar

_, LAST_YEAR = default_calendar().covered


def test_prints_due_date_and_explanation(capsys: pytest.CaptureFixture[str]) -> None:
    """The default rule is publication; the output names the due date, source and skipped days."""
    assert main(["deadline", "2026-09-28"]) == 0
    out = capsys.readouterr().out
    assert "due 2026-10-13 (Tuesday)" in out
    assert "424号" in out
    assert "2026-10-01 to 2026-10-07 public holiday (国庆节)" in out


def test_other_rule_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    """--rule picks a built-in rule; dashes and underscores both work."""
    assert main(["deadline", "2026-09-28", "--rule", "weekly-report"]) == 0
    assert "due 2026-10-08" in capsys.readouterr().out


def test_published_on_time_and_late(capsys: pytest.CaptureFixture[str]) -> None:
    """--published gives the verdict; exit 0 when on time, 1 when late."""
    assert main(["deadline", "2026-09-28", "--published", "2026-10-13"]) == 0
    assert "on time" in capsys.readouterr().out
    assert main(["deadline", "2026/09/28", "--published", "2026-10-17"]) == 1
    assert "late by 4 working days" in capsys.readouterr().out


def test_unknown_year_fails_with_a_hint(capsys: pytest.CaptureFixture[str]) -> None:
    """Past the lunar table (an unknown year) a date fails (exit 2) and says how to fix it."""
    assert main(["deadline", "2099-12-28"]) == 2
    err = capsys.readouterr().err
    assert "no working-day schedule for 2100" in err
    assert "--schedule" in err


def test_statutory_only_year_answers_with_bounds(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 13's done-when: 2026-12-28 answers with bounds around the 2027-01-07 estimate."""
    assert main(["deadline", "2026-12-28", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rule"] == "publication" and data["start"] == "2026-12-28"
    assert data["estimate"] == "2027-01-07" and data["due"] is None and not data["certain"]
    assert data["earliest"] < data["estimate"] < data["latest"]
    assert data["years"] == {"2026": "published", "2027": "statutory-only"}


@pytest.mark.parametrize(
    ("published", "verdict", "code"),
    [("2026-12-30", "on_time", 0), ("2027-03-01", "late", 1), ("2027-01-06", "undetermined", 0)],
)
def test_published_verdicts_across_the_new_year(
    capsys: pytest.CaptureFixture[str], published: str, verdict: str, code: int
) -> None:
    """Certain when outside the bounds (on time exits 0, late 1); undetermined inside exits 0."""
    argv = ["deadline", "2026-12-28", "--published", published, "--format", "json"]
    assert main(argv) == code
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == verdict and data["published"] == published
    assert (data["reason"] is None) is (verdict != "undetermined")
    assert data["verdict_certain"] is (verdict != "undetermined") and data["certain"] is False
    if verdict == "undetermined":
        assert "until the 2027 notice" in data["reason"]


def test_statutory_only_text_names_the_deciding_days(capsys: pytest.CaptureFixture[str]) -> None:
    """The text answer gives the bounds, the year states and the days that set each bound."""
    assert main(["deadline", "2026-12-28", "--published", "2027-01-06"]) == 0
    out = capsys.readouterr().out
    assert "due between 2027-01-05 and 2027-01-08" in out
    assert "2027 statutory-only" in out
    assert "2026-12-31 (Thursday)" in out  # the 2027 notice may add it to 元旦
    assert "undetermined until the 2027 notice" in out


def test_provisional_flag_marks_the_result(capsys: pytest.CaptureFixture[str]) -> None:
    """--provisional answers with the statutory holidays alone and says so."""
    assert main(["deadline", f"{LAST_YEAR}-12-28", "--provisional"]) == 0
    assert "PROVISIONAL" in capsys.readouterr().out


def test_schedule_file_extends_the_calendar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--schedule FILE adds a year (here a fictitious one, for the test only)."""
    nxt = LAST_YEAR + 1
    path = tmp_path / "next.json"
    fake = {"year": nxt, "source": "test fixture (fictitious)",
            "holidays": [{"name": "元旦", "start": f"{nxt}-01-01", "end": f"{nxt}-01-03"}]}  # fmt: skip
    path.write_text(json.dumps(fake), encoding="utf-8")
    assert main(["deadline", f"{LAST_YEAR}-12-28", "--schedule", str(path)]) == 0
    out = capsys.readouterr().out
    assert "PROVISIONAL" not in out
    assert f"{nxt}-01-01 to {nxt}-01-03 public holiday (元旦)" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["deadline"],
        ["deadline", "2026-09-28", "--rule", "nope"],
        ["deadline", "not-a-date"],
        ["deadline", "2021-08-01", "--rule", "samr_publication"],
        ["deadline", "2026-09-28", "--published", "2026-09-01"],
        ["deadline", "2026-09-28", "--schedule", "/nonexistent/x.json"],
    ],
)
def test_bad_input_exits_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Missing or bad dates, unknown rules, rules not in force and unreadable files exit 2."""
    assert main(argv) == 2
    assert capsys.readouterr().err


def test_list_rules(capsys: pytest.CaptureFixture[str]) -> None:
    """--list prints every built-in rule with its period and source."""
    assert main(["deadline", "--list"]) == 0
    out = capsys.readouterr().out
    assert "publication" in out and "7 working days" in out and "第七条" in out


def test_own_rules_from_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--rules FILE adds rules usable with --rule and shown by --list; they may replace a built-in."""
    path = tmp_path / "rules.toml"
    path.write_text(
        '[[rules]]\nname = "county_review"\nworking_days = 15\ncitation = "某县 第三条"\n'
        '[[rules]]\nname = "publication"\nworking_days = 5\ncitation = "某省 五日规则"\n',
        encoding="utf-8",
    )
    assert main(["deadline", "2026-09-28", "--rules", str(path), "--rule", "county-review"]) == 0
    assert "due 2026-10-23 (Friday)" in capsys.readouterr().out
    assert main(["deadline", "2026-09-28", "--rules", str(path)]) == 0
    out = capsys.readouterr().out
    assert "5 working days" in out and "某省 五日规则" in out
    assert main(["deadline", "--list", "--rules", str(path)]) == 0
    assert "county_review" in capsys.readouterr().out


def test_full_width_and_dotted_dates(capsys: pytest.CaptureFixture[str]) -> None:
    """Dates typed with full-width digits, slashes or dots are read as the same day."""
    for text in ("２０２６－０９－２８", "２０２６／０９／２８", "2026.09.28", " 2026/09/28 "):
        assert main(["deadline", text]) == 0
        assert "due 2026-10-13" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("option", "content"),
    [
        ("--schedule", '{"year": 2027,'),
        ("--rules", '{"rules": [{"name": "x"}]}'),
        ("--rules", "[1, 2]"),
    ],
)
def test_broken_files_exit_2_with_the_file_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, content: str
) -> None:
    """A broken schedule or rules file is a one-line error naming the file (exit 2), no traceback."""
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    assert main(["deadline", f"{LAST_YEAR}-12-28", option, str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err
    assert "Traceback" not in err


def test_provisional_shows_in_the_first_line(capsys: pytest.CaptureFixture[str]) -> None:
    """A provisional due date says so on the line that gives it, and again at the end."""
    assert main(["deadline", f"{LAST_YEAR}-12-28", "--provisional", "--published",
                 f"{LAST_YEAR + 1}-01-20"]) == 1  # fmt: skip
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith(", PROVISIONAL.")
    assert any(line.startswith("PROVISIONAL:") for line in lines)


def test_local_days_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    """--local-holiday and --local-workday change single days, named in the explanation."""
    argv = ["deadline", "2026-04-17", "--rule", "objection-marking"]
    assert main([*argv, "--local-holiday", "2026-04-20=三月三"]) == 0
    out = capsys.readouterr().out
    assert "due 2026-04-21 (Tuesday)" in out
    assert "2026-04-20 (Monday) local holiday (三月三)" in out
    assert main([*argv, "--local-workday", "2026-04-18"]) == 0
    assert "due 2026-04-18 (Saturday)" in capsys.readouterr().out
    assert main([*argv, "--local-holiday", "2026-02-30"]) == 2
    assert "not a date" in capsys.readouterr().err


def test_lang_zh_explains_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    """--lang zh: the explanation, the verdict and the error hint are Chinese."""
    assert main(["deadline", "2026-09-28", "--published", "2026-10-17", "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    assert "截止2026-10-13（星期二）" in out and "逾期4个工作日" in out and "424号" in out
    assert "working day" not in out and "Source" not in out
    assert main(["deadline", "2099-12-28", "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert "缺少2100年节假日安排" in err and "--schedule" in err and "on the command line" not in err


def test_lang_defaults_from_the_locale(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without --lang, a Chinese locale answers in Chinese; --lang en overrides it."""
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert main(["deadline", "2026-09-28"]) == 0
    assert "依据：" in capsys.readouterr().out
    assert main(["deadline", "2026-09-28", "--lang", "en"]) == 0
    assert "Source: " in capsys.readouterr().out
