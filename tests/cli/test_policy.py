"""``credit-disclosure term`` and ``credit-disclosure repair``: explained answers on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from credit_disclosure.cli import main
from credit_disclosure.policy import CHANGZHI_2021, policy_to_dict

CHANGZHI = ["--preset", "changzhi-2021", "--decided", "2022-03-01"]


def test_term_issue_example(capsys: pytest.CaptureFixture[str]) -> None:
    """The issue's command prints the term with its rule and, with --on, whether it is shown."""
    code = main(
        ["term", *CHANGZHI, "--tier", "general", "--procedure", "ordinary", "--on", "2023-03-02"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "publish by 2022-03-10" in out
    assert "shown from 2022-03-01 to 2023-03-01" in out
    assert "repair from 2022-06-02" in out
    assert "on 2023-03-02: not shown (term ended on 2023-03-01" in out


def test_term_missing_fact_still_gives_the_term(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --procedure the publication part says what it lacks; the term is still printed; exit 2."""
    assert main(["term", *CHANGZHI, "--tier", "一般"]) == 2
    out = capsys.readouterr().out
    assert "publication: cannot decide: policy.missing_fact" in out
    assert "to 2023-03-01" in out


def test_term_natural_person_and_withdrawal(capsys: pytest.CaptureFixture[str]) -> None:
    """A natural person is not published under Changzhi; a revocation prints its take-down day."""
    code = main(
        [
            "term",
            *CHANGZHI,
            "--tier",
            "general",
            "--subject",
            "natural-person",
            "--revoked",
            "2022-05-05",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "not published: the subject is a natural person" in out
    assert "take down by 2022-05-05" in out


def test_repair_eligible_and_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """``repair`` exits 0 when eligible, 1 when not, listing every condition."""
    facts = [
        *CHANGZHI,
        "--tier",
        "general",
        "--procedure",
        "ordinary",
        "--performed",
        "--commitment",
        "--consent",
    ]
    assert main(["repair", *facts, "--applied", "2022-06-02"]) == 0
    assert "eligible; earliest successful application 2022-06-02" in capsys.readouterr().out
    assert main(["repair", *facts, "--applied", "2022-06-01"]) == 1
    assert "NOT met (from 2022-06-02)" in capsys.readouterr().out


def test_policy_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--policy-file loads a user's JSON policy."""
    data = policy_to_dict(CHANGZHI_2021)
    data["term_rules"][0]["maximum"] = "2Y"
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code = main(
        ["term", "--policy-file", str(path), "--decided", "2022-03-01", "--tier", "general"]
    )
    assert code == 2  # procedure unstated
    assert "to 2024-03-01" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ["term", "--decided", "2022-03-01", "--tier", "huge"],
        ["term", "--decided", "1 March"],
        ["term", "--preset", "beijing", "--decided", "2022-03-01"],
        ["repair", "--decided", "2022-03-01"],
    ],
)
def test_usage_errors(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Bad values, an unknown preset or a missing --applied exit 2 with a message."""
    assert main(argv) == 2
    assert capsys.readouterr().err


def test_repair_prints_review_deadline(capsys: pytest.CaptureFixture[str]) -> None:
    """Under 36号 an eligible application prints the platform's review deadline."""
    argv = ["repair", "--decided", "2026-05-10", "--tier", "general", "--applied", "2026-09-28"]
    flags = ["--performed", "--corrected", "--commitment"]
    assert main([*argv, *flags]) == 0
    assert "the platform decides by 2026-10-16" in capsys.readouterr().out


def test_lenient_spellings(capsys: pytest.CaptureFixture[str]) -> None:
    """Full-width dates, any-case names and 处罚类别 text with 、 are read like the data standard."""
    code = main(
        [
            "term",
            "--preset",
            "samr-45",
            "--decided",
            "２０２２-03-01",
            "--procedure",
            "ORDINARY",
            "--subject",
            "Legal-Person",
            "--types",
            "警告、罚款",
            "--fine",
            "０.５",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "shown from 2022-03-01 to 2022-06-01 (3 months" in out  # a small fine under 45号


def test_restriction_months_extend_the_samr_term(capsys: pytest.CaptureFixture[str]) -> None:
    """--restriction-months: a 5-year ban is shown 5 years under SAMR 45号."""
    argv = ["term", "--preset", "samr-45", "--decided", "2022-03-01", "--procedure", "ordinary"]
    assert main([*argv, "--types", "限制从业", "--restriction-months", "60"]) == 0
    assert "to 2027-03-01 (5 years" in capsys.readouterr().out


def test_previous_serious_penalty_reaches_a_custom_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--previous-serious feeds a policy file's no_recent_serious row: refused, earliest after it."""
    data = policy_to_dict(CHANGZHI_2021)
    data["repair_rules"].append(
        {
            "citation": {"document": "a county rule", "certainty": "?"},
            "kind": "no_recent_serious",
            "window": "1Y",
            "reason_en": "no serious violation within the last year",
            "reason_zh": "近一年内无严重失信行为",
        }
    )
    path = tmp_path / "county.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    argv = ["repair", "--policy-file", str(path), "--decided", "2022-03-01", "--tier", "general"]
    argv += ["--procedure", "ordinary", "--performed", "--commitment", "--consent"]
    assert main([*argv, "--applied", "2022-07-01", "--previous-serious", "2021-08-15"]) == 1
    assert "earliest successful application 2022-08-16" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["term", "--decided", "2022-03-01", "--types", "罚金"], "not a penalty type: 罚金"),
        (["term", "--decided", "2022-03-01", "--subject", "company"], "unknown subject"),
        (["term", "--decided", "2022-03-01", "--restriction-months", "-3"], "restriction_months"),
        (["term", "--decided", "2022-03-01", "--fine", "lots"], "fine_wan"),
    ],
)
def test_bad_facts_say_which(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad fact on the command line exits 2 and the message names it."""
    assert main(argv) == 2
    assert message in capsys.readouterr().err
