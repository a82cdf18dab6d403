"""Property: a generated identity number, put anywhere, appears in no output of the library.

Every field of every record kind, every fact a policy takes, every argument of the command line,
and the command line's output in every ``--format``: exceptions, issues, reprs, reports and
messages must not contain the number, in any of the forms people write it in.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from credit_disclosure import CreditDisclosureError, standard
from credit_disclosure._text import compact_identifier
from credit_disclosure.cli import main
from credit_disclosure.policy import NATIONAL, PenaltyFacts

_WEIGHTS = [pow(2, 17 - i, 11) for i in range(17)]
_DIVISIONS = ["110105", "310104", "440305", "510107", "650102", "810000", "820000", "830000"]


def _check_char(body: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(body, _WEIGHTS)) % 11]


@st.composite
def identity_numbers(draw: st.DrawFn) -> str:
    """Resident IDs (18 and 15), residence permits, and both foreign permanent residence IDs."""
    born = draw(st.dates(min_value=date(1930, 1, 1), max_value=date(2012, 12, 31)))
    seq = draw(st.integers(0, 999))
    shape = draw(st.sampled_from(["resident", "old", "foreign2023", "foreign2017"]))
    if shape == "old":
        return f"{draw(st.sampled_from(_DIVISIONS[:5]))}{born:%y%m%d}{seq:03d}"
    if shape == "foreign2017":
        letters = draw(st.sampled_from(["USA", "GBR", "JPN", "KOR", "FRA"]))
        return f"{letters}{draw(st.integers(11, 65))}{born:%y%m%d}{seq:03d}{draw(st.integers(0, 9))}"
    head = "9" + str(draw(st.integers(11, 65))) + f"{draw(st.integers(1, 999)):03d}"
    if shape == "resident":
        head = draw(st.sampled_from(_DIVISIONS))
    body = f"{head}{born:%Y%m%d}{seq:03d}"
    return body + _check_char(body)


_FULLWIDTH = {cp: cp + 0xFEE0 for cp in range(0x21, 0x7F)}


@st.composite
def written(draw: st.DrawFn) -> tuple[str, str]:
    """(the number, the way it is written in the input): plain, full width, spaced, glued, in text."""
    number = draw(identity_numbers())
    form = draw(
        st.sampled_from(
            ["plain", "lower", "fullwidth", "spaced", "hyphens", "zero-width", "glued", "text"]
        )
    )
    text = {
        "plain": number,
        "lower": number.lower(),
        "fullwidth": number.translate(_FULLWIDTH),
        "spaced": f"{number[:6]} {number[6:14]} {number[14:]}",
        "hyphens": f"{number[:6]}-{number[6:10]}-{number[10:14]}-{number[14:]}",
        "zero-width": "\u200b".join([number[:6], number[6:]]),
        "glued": f"ID{number}4043",
        "text": f"当事人欧阳娜娜（身份证号{number}）无证经营",
    }[form]
    return number, text


def _assert_hidden(number: str, outputs: Iterable[str]) -> None:
    needle = compact_identifier(number)
    for out in outputs:
        assert needle not in compact_identifier(out), out


_KINDS = [(k, v) for k in standard.RecordKind for v in standard.StandardVersion]
_AS_OF = date(2024, 6, 1)


@settings(max_examples=12, deadline=None)
@given(written())
def test_no_id_from_any_field_of_any_record(case: tuple[str, str]) -> None:
    """An ID in any field of any record kind is in no issue and not in the record's repr."""
    number, text = case
    for kind, version in _KINDS:
        for spec in standard.fields(kind, version):
            for category in (None, "自然人"):
                raw = {spec.code: text}
                subject = "XK_XDR_LB" if kind is standard.RecordKind.LICENSE else "CF_XDR_LB"
                if category is not None and spec.code != subject:
                    raw[subject] = category
                result = standard.check_row(raw, kind, version=version, as_of=_AS_OF)
                _assert_hidden(
                    number,
                    [repr(result), str(result.record)]
                    + [f"{i} {i.message_zh} {i!r}" for i in result.issues],
                )


_FACTS = [a.name for a in attrs.fields(PenaltyFacts)]


def _answers(facts: PenaltyFacts) -> list[str]:
    """What a policy says about the facts, as text; a refusal's message counts too."""
    shown: list[str] = [repr(facts), str(facts)]
    calls: list[Callable[[], object]] = [
        lambda: NATIONAL.publication(facts),
        lambda: NATIONAL.term(facts),
        lambda: NATIONAL.repair(facts, applied_on=date(2025, 1, 2)),
    ]
    for call in calls:
        try:
            answer = call()
        except CreditDisclosureError as exc:
            shown += [str(exc), repr(exc)]
        else:
            shown.append(repr(answer))
            explain = getattr(answer, "explain", None)
            if callable(explain):
                shown.append(str(explain()))
    return shown


@settings(max_examples=15, deadline=None)
@given(written())
def test_no_id_from_any_policy_fact(case: tuple[str, str]) -> None:
    """An ID given as any fact is in no error, no repr and no answer of a policy."""
    number, text = case
    for fact in _FACTS:
        kwargs: dict[str, object] = {
            "decision_date": date(2024, 1, 2),
            "subject": "法人及非法人组织",
            "tier": "一般",
            "procedure": "普通程序",
        }
        kwargs[fact] = text
        try:
            facts = PenaltyFacts(**kwargs)  # type: ignore[arg-type]
        except CreditDisclosureError as exc:
            _assert_hidden(number, [str(exc), repr(exc)])
            continue
        _assert_hidden(number, _answers(facts))


def _write_records(path: Path, text: str, kind: standard.RecordKind) -> None:
    """A file with the number in each field in turn (one row per field), as CSV or JSON Lines."""
    codes = [spec.code for spec in standard.fields(kind)]
    rows = [{**dict.fromkeys(codes, ""), code: text} for code in codes]
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=codes)
            writer.writeheader()
            writer.writerows(rows)
    else:
        path.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    status = main(argv)
    out, err = capsys.readouterr()
    assert status in (0, 1, 2)
    return [out, err]


@settings(
    max_examples=5,
    deadline=None,
    # each example runs the command line some twenty times: report the example, do not shrink
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(case=written(), suffix=st.sampled_from([".csv", ".jsonl"]))
def test_no_id_in_any_cli_output(
    case: tuple[str, str], suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """check, mask, quality, identify and deadline print no ID in any --format, on either stream."""
    number, text = case
    shown: list[str] = []
    path = tmp_path / f"records{suffix}"
    _write_records(path, text, standard.RecordKind.PENALTY)
    for fmt in ("text", "json", "csv"):
        shown += _run(["check", str(path), "--kind", "penalty", "--format", fmt], capsys)
        shown += _run(["quality", str(path), "--kind", "penalty", "--format", fmt], capsys)
    html = ["check", str(path), "--kind", "penalty", "--format", "html", "--lang", "zh"]
    shown += _run(html, capsys)
    for profile in ("public", "internal"):
        for fmt in ("csv", "jsonl"):
            shown += _run(["mask", "-i", str(path), "-p", profile, "--format", fmt], capsys)
    shown += _run(["identify", text], capsys)
    shown += _run(["identify", "--json", text], capsys)
    for kind in ("id_number", "text", "name"):
        shown += _run(["mask", "-k", kind, text], capsys)
    shown += _run(["deadline", text], capsys)
    shown += _run(["deadline", "2026-09-28", "--rule", text], capsys)
    shown += _run(["term", "--decided", text], capsys)
    shown += _run(["term", "--decided", "2024-01-02", "--sector", text, "--tier", text], capsys)
    shown += _run(["check", str(tmp_path / f"{text}.csv")], capsys)
    _assert_hidden(number, shown)
