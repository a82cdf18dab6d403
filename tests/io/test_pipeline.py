"""The one row pipeline: every row gives one outcome, and every consumer sees the same outcomes."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from credit_disclosure.io import RawRow, RowPipeline, check_file, check_rows, io_issue
from credit_disclosure.quality import compute_metrics, score_file
from credit_disclosure.samples import sample_path
from credit_disclosure.standard import HeaderResolver, RecordKind, check_row

AS_OF = date(2025, 6, 30)


def _pipeline(kind: str = "penalty") -> RowPipeline:
    return RowPipeline(HeaderResolver(kind), as_of=AS_OF)


@pytest.mark.parametrize(
    ("raw", "checked", "codes"),
    [
        (RawRow(1, {"CF_WSH": "某罚〔2025〕1号"}), True, {"field.required"}),
        (RawRow(2, {}, (io_issue("row.columns", 2, cells=3, columns=2),), False), False,
         {"row.columns"}),
        (RawRow(3, {"CF_WSH": "1"}, (io_issue("row.encoding", 3, encoding="utf-8"),)), True,
         {"row.encoding", "field.required"}),
    ],
)
def test_each_row_gives_one_outcome(raw: RawRow, checked: bool, codes: set[str]) -> None:
    """A readable row is checked; an unreadable one is an outcome with the reader's issues only."""
    outcome = _pipeline().check(raw)
    assert outcome.row == raw.row and outcome.raw is raw
    assert outcome.checked is checked and (outcome.result is not None) is checked
    assert {i.code for i in outcome.issues} == codes
    assert outcome.issues[: len(raw.issues)] == raw.issues  # the reader's issues come first


def test_outcome_issues_are_check_rows() -> None:
    """The pipeline adds nothing to check_row and drops nothing: same issues, same order."""
    values = {"行政处罚决定书文号": "", "CF_XDR_MC": "某某有限公司", "CF_JDRQ": "2099/01/01"}
    outcome = _pipeline().check(RawRow(1, values))
    expected = check_row(
        {"CF_WSH": "", "CF_XDR_MC": "某某有限公司", "CF_JDRQ": "2099/01/01"},
        RecordKind.PENALTY,
        as_of=AS_OF,
    )
    assert outcome.issues == expected.issues
    assert outcome.values == {"CF_WSH": "", "CF_XDR_MC": "某某有限公司", "CF_JDRQ": "2099/01/01"}


def test_checker_failure_is_an_outcome(monkeypatch: pytest.MonkeyPatch) -> None:
    """A checker bug on one row is that row's ``row.unexpected``; the rows after it go on."""
    import credit_disclosure.io._pipeline as mod

    def boom(raw: object, kind: RecordKind, **kw: object) -> object:
        if raw == {"CF_WSH": "2"}:
            raise RuntimeError("bug")
        return check_row(raw, kind, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(mod, "check_row", boom)
    rows = [RawRow(n, {"CF_WSH": str(n)}) for n in (1, 2, 3)]
    outcomes = list(_pipeline().run(rows))
    assert [o.checked for o in outcomes] == [True, False, True]
    assert [i.code for i in outcomes[1].issues] == ["row.unexpected"]
    mapped = list(_pipeline().run_mapped([{"CF_WSH": "1"}, {"CF_WSH": "2"}]))
    assert [o.checked for o in mapped] == [True, False]


def test_sheet_rows_follow_the_reader(tmp_path: Path) -> None:
    """Without a reader the sheet row is the row's line; with one, header line + data row."""
    assert _pipeline().check(RawRow(4, {"CF_WSH": "1"}, line=9)).sheet_row == 9
    assert _pipeline().check(RawRow(4, {"CF_WSH": "1"})).sheet_row is None
    path = tmp_path / "x.csv"
    path.write_text("某区处罚公示表\nCF_WSH,CF_XDR_MC\n1,甲\n2,乙\n", encoding="utf-8")
    from credit_disclosure.io import header_test, open_table

    with open_table(path, is_header=header_test(RecordKind.PENALTY)) as reader:
        pipeline = RowPipeline(HeaderResolver("penalty"), as_of=AS_OF, reader=reader)
        assert [o.sheet_row for o in pipeline.run(reader)] == [3, 4]


def test_repr_shows_no_values() -> None:
    """An outcome's repr names codes and rows, never a cell (it may be an ID number)."""
    outcome = _pipeline().check(RawRow(1, {"CF_XDR_ZJHM": "11010519491231002X"}))
    assert "11010519491231002X" not in repr(outcome) and "row=1" in repr(outcome)
    assert "penalty" in repr(_pipeline())


def test_check_and_quality_account_for_the_same_rows() -> None:
    """The check and the quality score see the same rows (unreadable ones included)."""
    path = sample_path("penalty")
    report = check_file(path, as_of=AS_OF)
    table = score_file(path, as_of=AS_OF).table("kind")
    assert table.total.records == report.rows
    assert table.total.with_errors == report.with_errors
    in_memory = check_rows([{"CF_WSH": "1"}, {}], RecordKind.PENALTY, as_of=AS_OF)
    scored = compute_metrics([{"CF_WSH": "1"}, {}], "penalty", by="kind", as_of=AS_OF)
    assert scored.total.records == in_memory.rows == 2


def test_quality_counts_a_blank_json_object_as_the_check_does() -> None:
    """A JSON Lines ``{}`` is a row for the check (every required field empty) and for quality."""
    data = b'{"CF_WSH": "1", "CF_XDR_MC": "x"}\n{}\n'
    report = check_file(io.BytesIO(data), kind=RecordKind.PENALTY, as_of=AS_OF, format=None)
    metrics = score_file(io.BytesIO(data), kind="penalty", as_of=AS_OF)
    assert report.rows == metrics.records == 2


def test_quality_counts_file_issues() -> None:
    """File issues the check reports (a blank header over data) are counted by quality too."""
    data = "CF_WSH,,CF_XDR_MC\n1,x,甲\n".encode()
    report = check_file(io.BytesIO(data), kind=RecordKind.PENALTY, as_of=AS_OF)
    table = score_file(io.BytesIO(data), kind="penalty", as_of=AS_OF).table("kind")
    assert report.by_code["header.blank"] == table.issues_by_code["header.blank"] == 1
