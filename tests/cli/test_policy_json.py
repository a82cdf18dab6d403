"""``term --format json`` and ``repair --format json``: the service's answer shapes on the command line."""

from __future__ import annotations

import json
from datetime import date

import pytest

from credit_disclosure import __version__
from credit_disclosure.cli import main
from credit_disclosure.policy import CHANGZHI_2021, PenaltyFacts

CHANGZHI = ["--preset", "changzhi-2021", "--decided", "2022-03-01"]
FACTS = PenaltyFacts(
    decision_date=date(2022, 3, 1), subject="法人及非法人组织", tier="一般", procedure="普通程序"
)


def test_term_json_matches_the_library(capsys: pytest.CaptureFixture[str]) -> None:
    """Publication and term carry the library's explanations, the tool version and as_of."""
    code = main(
        ["term", *CHANGZHI, "--tier", "general", "--procedure", "ordinary", "--on", "2023-03-02",
         "--format", "json"]
    )
    doc = json.loads(capsys.readouterr().out)
    assert code == 0
    assert (doc["tool_version"], doc["policy"], doc["as_of"]) == (
        __version__,
        "changzhi-2021",
        "2023-03-02",
    )
    assert doc["publication"]["explanation"] == CHANGZHI_2021.publication(FACTS).explain()
    assert doc["term"]["explanation"] == CHANGZHI_2021.term(FACTS).explain()
    assert doc["term"]["shown"] is False and doc["term"]["last_day_shown"] == "2023-03-01"


def test_term_json_part_that_cannot_be_decided(capsys: pytest.CaptureFixture[str]) -> None:
    """A part the facts cannot decide is a problem with its code; the others still answer; exit 2."""
    assert main(["term", *CHANGZHI, "--tier", "一般", "--format", "json"]) == 2
    doc = json.loads(capsys.readouterr().out)
    assert doc["publication"]["problem"]["code"] == "policy.missing_fact"
    assert doc["term"]["last_day_shown"] == "2023-03-01"


def test_repair_json(capsys: pytest.CaptureFixture[str]) -> None:
    """repair --format json: every condition with its citation; exit 0 eligible, 1 not."""
    code = main(
        ["repair", *CHANGZHI, "--tier", "一般", "--procedure", "普通程序", "--applied", "2022-07-01",
         "--performed", "--corrected", "--commitment", "--consent", "--format", "json"]
    )
    doc = json.loads(capsys.readouterr().out)
    expected = CHANGZHI_2021.repair(
        PenaltyFacts(
            decision_date=date(2022, 3, 1),
            subject="法人及非法人组织",
            tier="一般",
            procedure="普通程序",
            performed=True,
            corrected=True,
            commitment=True,
            authority_consent=True,
        ),
        applied_on=date(2022, 7, 1),
    )
    assert code == (0 if expected.eligible else 1)
    assert doc["repair"]["explanation"] == expected.explain()
    assert [c["code"] for c in doc["repair"]["conditions"]] == [c.code for c in expected.conditions]
    assert doc["as_of"] == "2022-07-01"
