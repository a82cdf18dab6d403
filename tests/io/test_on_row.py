"""``check_file(on_row=...)``: one call per row, in order, with the issues the report holds."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

from credit_disclosure.io import check_file
from credit_disclosure.samples import sample_path
from credit_disclosure.standard import Issue, RecordKind


@pytest.mark.parametrize("kind", list(RecordKind))
def test_on_row_sees_every_row_and_its_issues(kind: RecordKind) -> None:
    """Every data row is reported once, in order; the issues equal the report's."""
    seen: list[tuple[int, tuple[str, ...]]] = []

    def on_row(row: int, issues: Sequence[Issue]) -> None:
        seen.append((row, tuple(i.code for i in issues)))

    report = check_file(sample_path(kind), as_of=date(2025, 7, 1), on_row=on_row)
    assert [row for row, _ in seen] == list(range(1, report.rows + 1))
    assert sum(len(codes) for _, codes in seen) == report.issue_count - len(report.file_issues)
    assert sorted(c for _, codes in seen for c in codes) == sorted(
        i.code for i in report if i.row is not None
    )


def test_on_row_exception_stops_the_check() -> None:
    """An exception the callback raises ends the check and reaches the caller."""

    class Stop(Exception):
        pass

    def on_row(row: int, issues: Sequence[Issue]) -> None:
        if row == 5:
            raise Stop

    with pytest.raises(Stop):
        check_file(sample_path("penalty"), as_of=date(2025, 7, 1), on_row=on_row)
