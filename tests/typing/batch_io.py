# ruff: noqa: F841  (typed usage: the names exist to be type-checked)
"""Typed usage of credit_disclosure.io and credit_disclosure.samples, checked by ``mypy --strict``.

Never executed: the usage sits in a function nobody calls (pytest imports this
file for doctests). Not named ``io.py``: mypy would take it for the standard
library's ``io``.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from credit_disclosure.io import (
    IO_ISSUES,
    FileFormat,
    HeaderStyle,
    IoIssueSpec,
    RawRow,
    Report,
    RowOutcome,
    RowPipeline,
    TableReader,
    check_file,
    check_rows,
    detect_encoding,
    guess_format,
    io_issue,
    open_table,
    write_csv,
    write_jsonl,
    write_xlsx,
)
from credit_disclosure.samples import (
    FAULTS,
    Fault,
    PlantedFault,
    SampleFile,
    SampleRecord,
    default_faults,
    generate_records,
    sample_files,
    sample_manifest,
    sample_path,
    write_samples,
)
from credit_disclosure.standard import (
    HeaderResolver,
    Issue,
    RecordKind,
    RowResult,
    Severity,
    StandardVersion,
)


def progress(fraction: float | None, rows: int) -> None:
    pass


def _usage() -> None:
    report: Report = check_file(
        Path("x.csv"),
        kind=RecordKind.PENALTY,
        version=StandardVersion.V2018,
        as_of=date(2026, 1, 1),
        format=FileFormat.CSV,
        encoding="gbk",
        progress=progress,
    )
    by_rows: Report = check_file(Path("x.csv"), engine="row")
    fast: Report = check_file(Path("x.csv"), engine="columnar")
    ok: bool = report.ok
    rows: int = (
        report.rows + report.valid + report.with_errors + report.with_warnings + report.blank_rows
    )
    counts: dict[str, int] = report.by_code | report.by_field | report.by_severity
    top: list[tuple[str, int]] = report.top_issues(5)
    issues: list[Issue] = list(report)
    row: int | None = issues[0].row
    severity: Severity = issues[0].severity
    report.to_csv(io.StringIO())
    report.to_json("report.json", indent=None)
    report.write_text(io.StringIO(), lang="zh", max_issues=10)
    summary_text: str = report.summary_text()
    line: str = report.format_issue(issues[0], lang="en")
    report.close()

    memory: Report = check_rows([{"CF_WSH": "x"}], RecordKind.PENALTY, as_of=date(2026, 1, 1))

    with open_table(io.BytesIO(b"CF_WSH\nx\n"), format=FileFormat.CSV) as reader:
        table: TableReader = reader
        headers: tuple[str, ...] = reader.headers
        for raw in reader:
            raw_row: RawRow = raw
            number: int = raw.row
            value: object = raw.values.get("CF_WSH")
        fraction: float | None = reader.progress()

    encoding: str = detect_encoding(b"abc")
    fmt: FileFormat = guess_format("x.xlsx")
    spec: IoIssueSpec = IO_ISSUES["row.columns"]
    made: Issue = io_issue("row.columns", 3, cells=2, columns=30)

    written: int = write_csv(
        [{"CF_WSH": "x"}], "x.csv", RecordKind.PENALTY, header=HeaderStyle.NAME_ZH
    )
    written += write_jsonl([], io.StringIO(), RecordKind.LICENSE, skip_empty=True)
    written += write_xlsx([], io.BytesIO(), RecordKind.LICENSE, sheet="s")

    records: Iterator[SampleRecord] = generate_records(
        RecordKind.LICENSE, 10, seed=1, faults=default_faults(RecordKind.LICENSE)
    )
    first: SampleRecord = next(records)
    cells: dict[str, str] = first.values
    planted: tuple[PlantedFault, ...] = first.faults + sample_manifest(RecordKind.PENALTY)
    fault: Fault = FAULTS["missing_decision_no"]
    field: str | None = fault.field_for(RecordKind.PENALTY)
    path: Path = sample_path("license")
    files: tuple[SampleFile, ...] = sample_files()
    paths: list[Path] = write_samples(Path("out"))

    pipeline = RowPipeline(HeaderResolver(RecordKind.PENALTY), as_of=date(2025, 1, 1))
    outcomes: Iterator[RowOutcome] = pipeline.run([RawRow(1, {"CF_WSH": "x"})])
    one: RowOutcome = pipeline.check(RawRow(2, {}))
    by_code: dict[str, object] | None = one.values
    checked: RowResult | None = one.result
    where: int | None = one.sheet_row
    framed: Iterator[RowOutcome] = pipeline.run_mapped([{"CF_WSH": "z"}])
