"""Policy files: round trips, user policies, and every problem reported with its path."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure.errors import PolicyError
from credit_disclosure.policy import (
    CHANGZHI_2021,
    PRESETS,
    Citation,
    Match,
    PenaltyFacts,
    Period,
    Policy,
    Procedure,
    Sector,
    TermRule,
    Tier,
    load_policy,
    policy_from_dict,
    policy_to_dict,
)
from credit_disclosure.standard import PenaltyType, RecordKind, SubjectCategory


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_presets_round_trip_through_json(name: str) -> None:
    """Every preset survives dict -> JSON text -> dict -> policy unchanged."""
    text = json.dumps(policy_to_dict(PRESETS[name]), ensure_ascii=False)
    assert policy_from_dict(json.loads(text)) == PRESETS[name]


_opt_set = st.none() | st.frozensets(st.sampled_from(list(Tier)), min_size=1)
_rules = st.builds(
    TermRule,
    citation=st.builds(
        Citation, document=st.text(min_size=1, max_size=20), certainty=st.sampled_from("HM?")
    ),
    effective_from=st.none() | st.dates(max_value=date(2030, 1, 1)),
    match=st.builds(
        Match,
        kinds=st.frozensets(st.sampled_from(list(RecordKind)), min_size=1),
        tiers=_opt_set,
        subjects=st.none() | st.frozensets(st.sampled_from(list(SubjectCategory)), min_size=1),
        procedures=st.none() | st.frozensets(st.sampled_from(list(Procedure)), min_size=1),
        sectors=st.none() | st.frozensets(st.text(min_size=1, max_size=5), min_size=1),
        only_types=st.none() | st.frozensets(st.sampled_from(list(PenaltyType)), min_size=1),
        max_fine_wan=st.none() | st.decimals(min_value=0, max_value=10**6, places=4),
    ),
    minimum=st.none() | st.builds(Period, st.integers(0, 120)),
    maximum=st.none() | st.builds(Period, st.integers(0, 120)),
    extend_to_restriction=st.booleans(),
    counted_from=st.sampled_from(["decision", "publication"]),
)


@given(st.lists(_rules, max_size=4))
def test_generated_policies_round_trip(rules: list[TermRule]) -> None:
    """Any policy built from the parts round-trips through plain data and JSON."""
    policy = Policy(name="p", title="P", term_rules=tuple(rules))
    data = json.loads(json.dumps(policy_to_dict(policy), ensure_ascii=False))
    assert policy_from_dict(data) == policy


def test_load_user_policy_file(tmp_path: Path) -> None:
    """A user's JSON file (a county with a 2-year 一般 term) loads and answers."""
    data = policy_to_dict(CHANGZHI_2021)
    data["name"] = "county"
    data["term_rules"][0]["maximum"] = "2Y"
    path = tmp_path / "county.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    policy = load_policy(path)
    facts = PenaltyFacts(
        decision_date=date(2022, 3, 1), subject=SubjectCategory.LEGAL_PERSON, tier=Tier.GENERAL
    )
    assert policy.name == "county"
    assert policy.term(facts).last_day_shown == date(2024, 3, 1)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["term_rules"][0].update(maximum="one year"), r"\$\.term_rules\[0\]\.maximum"),
        (lambda d: d["term_rules"][1].update(colour="red"), r"unknown keys \['colour'\]"),
        (lambda d: d["term_rules"][0]["match"].update(tiers=["huge"]), r"tiers"),
        (lambda d: d["repair_rules"][0].update(kind="pray"), r"repair_rules\[0\]\.kind"),
        (lambda d: d.pop("name"), r"required field missing @ \$\.name"),
        (lambda d: d["term_rules"][0].update(effective_from="2021/12/16"), r"effective_from"),
        (
            lambda d: d["term_rules"][0].update(effective_to="2020-01-01"),
            r"before effective_from",
        ),
        (lambda d: d["repair_rules"][3].update(fact="luck"), r"fact"),
        (lambda d: d["term_rules"][0]["match"].update(max_fine_wan=1.5), r"max_fine_wan"),
        (lambda d: d["deadline_choices"][0].update(deadline="PUBLISH"), r"no rule 'PUBLISH'"),
    ],
)
def test_bad_files_say_where(mutate: Any, message: str) -> None:
    """A wrong value, an unknown key or a missing field raises PolicyError naming the path."""
    data = policy_to_dict(CHANGZHI_2021)
    mutate(data)
    with pytest.raises(PolicyError, match=message):
        policy_from_dict(data)


def test_several_problems_reported_at_once() -> None:
    """Problems are collected, not reported one at a time."""
    data = policy_to_dict(CHANGZHI_2021)
    data["term_rules"][0]["maximum"] = "x"
    data["term_rules"][1]["minimum"] = "y"
    with pytest.raises(PolicyError) as info:
        policy_from_dict(data)
    assert "term_rules[0]" in str(info.value) and "term_rules[1]" in str(info.value)


@pytest.mark.parametrize("content", [b"\xff\xfe not utf-8", b"{not json", b"[1, 2]"])
def test_unreadable_files(tmp_path: Path, content: bytes) -> None:
    """Files that are not UTF-8 JSON objects raise PolicyError."""
    path = tmp_path / "p.json"
    path.write_bytes(content)
    with pytest.raises(PolicyError, match=r"policy\.file"):
        load_policy(path)


def test_missing_file(tmp_path: Path) -> None:
    """A missing file raises PolicyError, not a bare OSError."""
    with pytest.raises(PolicyError):
        load_policy(tmp_path / "absent.json")


@given(st.dictionaries(st.text(max_size=8), st.text(max_size=8) | st.integers(), max_size=5))
def test_junk_data_never_escapes(junk: dict[str, Any]) -> None:
    """Junk mappings raise PolicyError and nothing else."""
    with pytest.raises(PolicyError):
        policy_from_dict(junk)


def test_match_amount_conversion() -> None:
    """``Match(max_fine_wan=...)`` takes strings and integers as Decimal, and rejects junk."""
    assert Match(max_fine_wan="10").max_fine_wan == Match(max_fine_wan=10).max_fine_wan
    with pytest.raises(PolicyError):
        Match(max_fine_wan="ten")


def test_match_sectors_are_folded_like_facts() -> None:
    """A sector written with full-width spaces in a policy file matches the facts' sector."""
    match = Match(sectors=frozenset({"\u3000消防 ", Sector.SPECIAL_EQUIPMENT}))
    assert match.sectors == {"消防", "特种设备"}
    facts = PenaltyFacts(decision_date=date(2022, 3, 1), subject="法人及非法人组织", sector="消防")
    assert match.matches(facts)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (None, "a JSON object"),
        ([1, 2], "not list"),
        ({"name": "x", "title": "X", "term_rules": "nope"}, r"not str @ \$\.term_rules"),
        (
            {
                "name": "x",
                "title": "X",
                "term_rules": [{"citation": {}, "match": {"tiers": "一般"}}],
            },
            r"a list, not str @ \$\.term_rules\[0\]\.match\.tiers",
        ),
    ],
)
def test_wrong_shapes_say_where(data: Any, message: str) -> None:
    """A table or a match criterion given as text (not a list) is reported with its path."""
    with pytest.raises(PolicyError, match=message):
        policy_from_dict(data)


@pytest.mark.parametrize("source", [None, 5])
def test_load_policy_needs_a_path(source: Any) -> None:
    """load_policy given something that is not a path raises PolicyError."""
    with pytest.raises(PolicyError, match="a path"):
        load_policy(source)
