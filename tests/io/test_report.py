"""The report: counts, iteration with row numbers, spilling, exports."""

from __future__ import annotations

import csv
import io
import json

from credit_disclosure.io import Report, io_issue
from credit_disclosure.standard import Issue, RecordKind, Severity


def _issue(code: str, field: str | None, severity: Severity = Severity.ERROR) -> Issue:
    return Issue(code, field, severity, f"{code} en", f"{code} zh")


def _filled(memory_limit: int = 20_000) -> Report:
    report = Report(kind=RecordKind.PENALTY, source="x.csv", memory_limit=memory_limit)
    report.add(1, [])
    report.add(
        2, [_issue("date.future", "CF_JDRQ"), _issue("amount.large", "CF_NR_FK", Severity.WARNING)]
    )
    report.add(3, [_issue("amount.large", "CF_NR_FK", Severity.WARNING)])
    report.add(4, [_issue("date.future", "CF_JDRQ")])
    report.add_file_issue(io_issue("header.unknown", column=9, header="联系电话"))
    return report


def test_counts() -> None:
    """Rows are counted once; valid rows may have warnings; counts by code, field and severity."""
    r = _filled()
    assert (r.rows, r.valid, r.with_errors, r.with_warnings) == (4, 2, 2, 2)
    assert r.by_code == {"date.future": 2, "amount.large": 2, "header.unknown": 1}
    assert r.by_field == {"CF_JDRQ": 2, "CF_NR_FK": 2}
    assert r.by_severity == {"error": 2, "warning": 3}
    assert r.top_issues(1)[0][1] == 2
    assert r.issue_count == 5
    assert not r.ok


def test_warnings_only_is_ok() -> None:
    """A report with warnings and no error is ok (exit code 0 for ``check``)."""
    r = Report()
    r.add(1, [_issue("amount.large", "CF_NR_FK", Severity.WARNING)])
    assert r.ok and r.valid == 1


def test_iteration_carries_rows_file_issues_first() -> None:
    """Iterating gives file-level issues (no row) first, then each issue with its row."""
    rows = [(i.row, i.code) for i in _filled()]
    assert rows == [
        (None, "header.unknown"),
        (2, "date.future"),
        (2, "amount.large"),
        (3, "amount.large"),
        (4, "date.future"),
    ]


def test_spilled_issues_iterate_the_same() -> None:
    """Past the memory limit issues go to a temporary file and come back identical, in order."""
    small, big = _filled(memory_limit=2), _filled()
    assert small._store.spilled > 0
    assert list(small) == list(big)
    small.add(5, [_issue("field.required", "CF_WSH")])  # appending after iterating still works
    assert [i.row for i in small][-1] == 5
    small.close()


def test_csv_export() -> None:
    """The CSV export has one line per issue with the field's Chinese name."""
    out = io.StringIO()
    _filled().to_csv(out)
    lines = list(csv.reader(io.StringIO(out.getvalue())))
    assert lines[0][:4] == ["row", "severity", "code", "field"]
    assert lines[2][:5] == ["2", "error", "date.future", "CF_JDRQ", "处罚决定日期"]
    assert len(lines) == 6


def test_json_export_is_valid_json() -> None:
    """The JSON export is one object: the summary plus the list of issues."""
    for indent in (2, None):
        out = io.StringIO()
        _filled().to_json(out, indent=indent)
        data = json.loads(out.getvalue())
        assert data["rows"] == 4 and data["issue_count"] == 5
        assert [i["row"] for i in data["issues"]] == [None, 2, 2, 3, 4]
    empty = io.StringIO()
    Report().to_json(empty)
    assert json.loads(empty.getvalue())["issues"] == []


def test_text_summary_and_lines() -> None:
    """The text output names the file, the figures, the top issues and one line per issue."""
    out = io.StringIO()
    _filled().write_text(out, lang="en", max_issues=2)
    text = out.getvalue()
    assert text.startswith("x.csv: penalty records, standard 2018\nrows: 4  valid: 2")
    assert "row 2 处罚决定日期: error date.future: date.future en; to do: check the date" in text
    assert "... and 3 more" in text
