"""The sample generator and the bundled sample files."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from credit_disclosure.identifiers import uscc
from credit_disclosure.io import check_file, check_rows
from credit_disclosure.samples import (
    FAULTS,
    default_faults,
    generate_records,
    sample_files,
    sample_manifest,
    sample_path,
    write_samples,
)
from credit_disclosure.standard import RecordKind, SubjectCategory

AS_OF = date(2026, 1, 1)


@pytest.mark.parametrize("kind", list(RecordKind))
def test_clean_records_have_no_issue(kind: RecordKind) -> None:
    """Records generated without faults pass the checker with no issue at all."""
    report = check_rows(
        (r.values for r in generate_records(kind, 1500, seed=99)), kind, as_of=AS_OF
    )
    assert report.issue_count == 0, report.top_issues()


@pytest.mark.parametrize("kind", list(RecordKind))
def test_each_fault_gives_exactly_its_issue(kind: RecordKind) -> None:
    """Every fault that applies to a kind is reported as exactly its code, field and row."""
    plan = {name: 3 for name, f in FAULTS.items() if kind in f.kinds}
    recs = list(generate_records(kind, 400, seed=7, faults=plan))
    expected = {(f.row, f.code, f.field) for r in recs for f in r.faults}
    assert len(expected) == sum(plan.values())
    report = check_rows((r.values for r in recs), kind, as_of=AS_OF)
    assert {(i.row, i.code, i.field) for i in report} == expected
    assert report.issue_count == len(expected)


def test_generation_is_deterministic_and_realistic() -> None:
    """The same seed gives the same records; identifiers are valid; all three categories occur."""
    a = [r.values for r in generate_records(RecordKind.PENALTY, 300, seed=5)]
    b = [r.values for r in generate_records(RecordKind.PENALTY, 300, seed=5)]
    assert a == b
    cats = Counter(v["CF_XDR_LB"] for v in a)
    assert set(cats) == {c.value for c in SubjectCategory}
    assert all(uscc.is_valid(v["CF_CFJGDM"]) for v in a)


@pytest.mark.parametrize(
    ("faults", "n"),
    [({"nope": 1}, 10), ({"validity_reversed": 1}, 10), ({"missing_decision_no": 11}, 10)],
)
def test_bad_fault_plans_raise(faults: dict[str, int], n: int) -> None:
    """Unknown faults, faults of the other kind, and more faults than rows are refused."""
    with pytest.raises(ValueError):
        next(generate_records(RecordKind.PENALTY, n, faults=faults))


@pytest.mark.parametrize("kind", list(RecordKind))
def test_bundled_sample_report_finds_exactly_the_planted_faults(kind: RecordKind) -> None:
    """Checking a bundled sample file reports exactly the (row, code, field) of its manifest."""
    manifest = sample_manifest(kind)
    report = check_file(sample_path(kind), as_of=AS_OF)
    assert {(i.row, i.code, i.field) for i in report} == {
        (f.row, f.code, f.field) for f in manifest
    }
    assert report.issue_count == len(manifest)
    assert report.rows == next(f.rows for f in sample_files() if f.kind is kind)
    planted = {f.fault for f in manifest}
    assert set(default_faults(kind)) | {"bad_byte", "missing_cells"} == planted


def test_bundled_files_are_what_the_script_writes(tmp_path: Path) -> None:
    """The bundled files are reproduced byte for byte by ``write_samples`` (never hand-edited)."""
    for path in write_samples(tmp_path):
        bundled = sample_path(RecordKind.LICENSE).parent / path.name
        assert bundled.read_bytes() == path.read_bytes(), path.name


def test_sample_encodings() -> None:
    """The licence sample is GBK with Chinese headers; the penalty sample UTF-8 with BOM."""
    lic = sample_path("license").read_bytes()
    pen = sample_path("penalty").read_bytes()
    assert lic.startswith("行政相对人名称".encode("gbk"))
    assert pen.startswith(b"\xef\xbb\xbfCF_XDR_MC,")
