"""Quality metrics: dimensions, timeliness verdicts, tables by agency/month/kind, exports."""

from __future__ import annotations

import importlib.util
import io
import json
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure.deadlines import (
    SAMR_PUBLICATION,
    Verdict,
    check_timeliness,
    check_timeliness_bounded,
)
from credit_disclosure.io import check_file, check_rows
from credit_disclosure.quality import (
    COMPLETENESS_CODES,
    GROUPINGS,
    Dimension,
    MetricRow,
    MetricsTable,
    Observation,
    QualityMetrics,
    TimelinessStatus,
    UnknownReason,
    compute_metrics,
    dimension_of,
    judge_timeliness,
    observe,
    report_html,
    score_file,
)
from credit_disclosure.samples import sample_manifest, sample_path
from credit_disclosure.standard import (
    ISSUE_CATALOGUE,
    Issue,
    RecordKind,
    Severity,
    check_row,
    issue_spec,
    parse_date,
)

_spec = importlib.util.spec_from_file_location("_data", Path(__file__).with_name("_data.py"))
assert _spec is not None and _spec.loader is not None
_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_data)
AS_OF: date = _data.AS_OF
PUBLISHED: str = _data.PUBLISHED


@pytest.fixture(scope="module", params=list(RecordKind))
def generated(
    request: pytest.FixtureRequest,
) -> tuple[RecordKind, list[dict[str, object]], list[set[str]]]:
    kind: RecordKind = request.param
    rows, codes = _data.rows_with_dates(kind, 400)
    return kind, rows, codes


# --------------------------------------------------------------------------- dimensions


@pytest.mark.parametrize("code", sorted(ISSUE_CATALOGUE))
def test_every_catalogued_code_has_one_dimension(code: str) -> None:
    """Each catalogued issue code counts against completeness exactly when it means an empty required field."""
    expected = (
        Dimension.COMPLETENESS
        if code.startswith("field.required") or code == "field.conditional"
        else Dimension.ACCURACY
    )
    assert dimension_of(code) is expected


def test_completeness_codes_are_catalogued() -> None:
    """The completeness codes are real codes of the validator's catalogue."""
    assert set(ISSUE_CATALOGUE) >= COMPLETENESS_CODES


# --------------------------------------------------------------------------- timeliness


@pytest.mark.parametrize(
    ("decision", "published", "status", "reason"),
    [
        (date(2026, 9, 28), date(2026, 10, 13), TimelinessStatus.ON_TIME, None),
        (date(2026, 9, 28), "2026/10/15", TimelinessStatus.LATE, None),
        (date(2026, 9, 28), None, TimelinessStatus.UNKNOWN, UnknownReason.NO_PUBLICATION_DATE),
        (date(2026, 9, 28), "  ", TimelinessStatus.UNKNOWN, UnknownReason.NO_PUBLICATION_DATE),
        (
            date(2026, 9, 28),
            "2026/13/01",
            TimelinessStatus.UNKNOWN,
            UnknownReason.BAD_PUBLICATION_DATE,
        ),
        (None, "2026/10/01", TimelinessStatus.UNKNOWN, UnknownReason.NO_DECISION_DATE),
        (
            date(2026, 9, 28),
            "2026/09/01",
            TimelinessStatus.UNKNOWN,
            UnknownReason.PUBLISHED_BEFORE_DECISION,
        ),
        (date(2099, 12, 28), "2100/01/05", TimelinessStatus.UNKNOWN, UnknownReason.CALENDAR_MISSING),
        (date(2026, 12, 28), "2027/01/06", TimelinessStatus.UNKNOWN, UnknownReason.AWAITING_NOTICE),
        (date(2026, 12, 28), "2026/12/30", TimelinessStatus.ON_TIME, None),
        (date(2026, 12, 28), "2027/01/20", TimelinessStatus.LATE, None),
    ],
)
def test_judge_timeliness_never_raises(
    decision: date | None, published: object, status: TimelinessStatus, reason: UnknownReason | None
) -> None:
    """Every record gets a verdict: on time, late, or unknown with the reason (2027 waits for its
    notice only inside the deadline's bounds; 2100 is past the lunar table)."""
    got_status, late, got_reason, year = judge_timeliness(decision, published)
    assert (got_status, got_reason) == (status, reason)
    assert (year is not None) is (
        reason in (UnknownReason.CALENDAR_MISSING, UnknownReason.AWAITING_NOTICE)
    )
    if status is TimelinessStatus.LATE:
        assert decision is not None
        expected = check_timeliness_bounded(decision, parse_date(published))
        assert late == expected.working_days_late
        assert late > 0


def test_judge_timeliness_uses_the_rule_given() -> None:
    """A longer deadline rule (SAMR 令第45号, 20 working days) turns a late record into an on-time one."""
    assert judge_timeliness(date(2025, 3, 3), "2025/03/20")[0] is TimelinessStatus.LATE
    assert (
        judge_timeliness(date(2025, 3, 3), "2025/03/20", rule=SAMR_PUBLICATION)[0]
        is TimelinessStatus.ON_TIME
    )


@given(st.dates(date(2015, 1, 1), date(2026, 6, 30)), st.integers(0, 60))
def test_timeliness_agrees_with_the_deadlines_module(decision: date, days: int) -> None:
    """The metric's verdict is check_timeliness's verdict whenever the calendar knows the dates."""
    published = decision + timedelta(days=days)
    status, late, _, _ = judge_timeliness(decision, published)
    verdict = check_timeliness(decision, published)
    assert status is (TimelinessStatus.ON_TIME if verdict.on_time else TimelinessStatus.LATE)
    assert late == verdict.working_days_late


# --------------------------------------------------------------------------- observations


def test_observe_reads_verdicts_from_issues() -> None:
    """A warning alone leaves a record accurate unless count_warnings is set; an error does not."""
    row = {"CF_CFJG": "甲局", "CF_JDRQ": "2025/03/03"}
    result = check_row(row, RecordKind.PENALTY, as_of=date(2025, 6, 1))
    warning = Issue("amount.large", "CF_NR_FK", Severity.WARNING, "e", "z")
    plain = observe(result, RecordKind.PENALTY, extra_issues=[warning])
    strict = observe(result, RecordKind.PENALTY, extra_issues=[warning], count_warnings=True)
    assert (plain.accurate, strict.accurate) == (True, False)
    assert plain.complete is False  # the generated row lacks required fields
    assert plain.timeliness is TimelinessStatus.UNKNOWN
    assert plain.unknown_reason is UnknownReason.NO_PUBLICATION_DATE
    assert plain.issues[0] is warning


def test_metrics_match_the_planted_faults(
    generated: tuple[RecordKind, list[dict[str, object]], list[set[str]]],
) -> None:
    """Completeness and accuracy failures are exactly the rows with planted completeness / error faults."""
    kind, rows, codes = generated
    table = compute_metrics(rows, kind, by="kind", as_of=AS_OF)
    total = table.total
    incomplete = sum(1 for c in codes if c & COMPLETENESS_CODES)
    inaccurate = sum(
        1
        for c in codes
        if any(
            code not in COMPLETENESS_CODES and issue_spec(code).severity is Severity.ERROR
            for code in c
        )
    )
    assert total.records == len(rows)
    assert total.records - total.complete == incomplete > 0
    assert total.records - total.accurate == inaccurate > 0
    expected_issues = Counter(code for c in codes for code in c)
    assert dict(table.issues_by_code) == dict(expected_issues)


def test_timeliness_counts_match_check_timeliness(
    generated: tuple[RecordKind, list[dict[str, object]], list[set[str]]],
) -> None:
    """Per agency, on-time and late counts and days late equal a record-by-record check_timeliness."""
    kind, rows, _ = generated
    prefix = "XK" if kind is RecordKind.LICENSE else "CF"
    agency_col = "XK_XKJG" if kind is RecordKind.LICENSE else "CF_CFJG"
    expected: dict[str, Counter[str]] = {}
    for row in rows:
        counts = expected.setdefault(str(row[agency_col]), Counter())
        try:
            decided = parse_date(row[f"{prefix}_JDRQ"])
            verdict = check_timeliness_bounded(decided, parse_date(row[PUBLISHED]))
        except (ValueError, LookupError):
            counts["unknown"] += 1
            continue
        if verdict.verdict is Verdict.UNDETERMINED:
            counts["unknown"] += 1
            continue
        counts[verdict.verdict.value] += 1
        counts["days"] += verdict.working_days_late or 0
    table = compute_metrics(rows, kind, by="agency", as_of=AS_OF)
    got = {
        r.group[0]: Counter(
            on_time=r.on_time, late=r.late, unknown=r.timeliness_unknown, days=r.working_days_late
        )
        for r in table
    }
    assert {k: +v for k, v in got.items()} == {k: +v for k, v in expected.items()}


def test_records_beyond_the_calendar_are_kept_with_the_reason() -> None:
    """Records whose deadline waits for the 2027 notice are counted as unknown with that reason."""
    rows, _ = _data.rows_with_dates(RecordKind.PENALTY, 60, per_fault=0, year_2027=4, no_date=3)
    table = compute_metrics(rows, "penalty", by="month", as_of=AS_OF)
    assert table.total.records == 60
    reasons = dict(table.total.unknown_reasons)
    assert reasons == {"awaiting_notice:2027": 4, "no_publication_date": 3}
    row_dec = next(r for r in table if r.group == ("2026-12",))
    assert row_dec.timeliness_unknown >= 4


def test_header_styles_give_the_same_table() -> None:
    """Rows keyed by field code, Chinese name or attribute name score identically."""
    from credit_disclosure.standard import fields

    rows, _ = _data.rows_with_dates(RecordKind.LICENSE, 80)
    specs = {f.code: f for f in fields(RecordKind.LICENSE)}
    by_name = [{(specs[k].name_zh if k in specs else k): v for k, v in r.items()} for r in rows]
    by_attr = [{(specs[k].attr if k in specs else k): v for k, v in r.items()} for r in rows]
    tables = [
        compute_metrics(x, None, by=("agency", "month"), as_of=AS_OF)
        for x in (rows, by_name, by_attr)
    ]
    assert tables[0] == tables[1] == tables[2]


@pytest.mark.parametrize(
    "by", [("agency",), ("month",), ("kind",), ("agency", "month"), ("month", "kind", "agency")]
)
def test_groups_add_up_to_the_total(by: tuple[str, ...]) -> None:
    """Whatever the grouping, the groups' counts sum to the total, and the total is the same."""
    rows, _ = _data.rows_with_dates(RecordKind.PENALTY, 150)
    table = compute_metrics(rows, "penalty", by=by, as_of=AS_OF)
    whole = compute_metrics(rows, "penalty", by="kind", as_of=AS_OF).total
    assert table.by == by
    for name in (
        "records",
        "complete",
        "accurate",
        "with_errors",
        "on_time",
        "late",
        "timeliness_unknown",
        "working_days_late",
    ):
        assert (
            sum(getattr(r, name) for r in table)
            == getattr(table.total, name)
            == getattr(whole, name)
        )
    groups = [r.group for r in table]
    assert len(groups) == len(set(groups))


def test_merge_equals_one_pass() -> None:
    """Metrics computed on two halves and merged equal metrics computed on the whole."""
    rows, _ = _data.rows_with_dates(RecordKind.PENALTY, 120)

    def metrics(part: list[dict[str, object]]) -> QualityMetrics:
        m = QualityMetrics()
        for row in part:
            raw = {k: v for k, v in row.items() if k != PUBLISHED}
            m.add(
                observe(
                    check_row(raw, RecordKind.PENALTY, as_of=AS_OF),
                    RecordKind.PENALTY,
                    published=row[PUBLISHED],
                )
            )
        return m

    left, right = metrics(rows[:50]), metrics(rows[50:])
    left.merge(right)
    assert left.records == 120
    for by in GROUPINGS:
        assert left.table(by) == metrics(rows).table(by)


def test_add_counts_equals_adding_observations() -> None:
    """Counts summed elsewhere (as Spark does) give the same table as the observations themselves."""
    obs = [
        Observation(
            kind=RecordKind.PENALTY,
            agency="甲",
            month="2025-01",
            complete=True,
            accurate=False,
            timeliness=TimelinessStatus.LATE,
            working_days_late=3,
        ),
        Observation(
            kind=RecordKind.PENALTY,
            agency="甲",
            month="2025-01",
            complete=False,
            accurate=True,
            timeliness=TimelinessStatus.UNKNOWN,
            unknown_reason=UnknownReason.NO_DECISION_DATE,
        ),
    ]
    direct = QualityMetrics()
    for o in obs:
        direct.add(o)
    summed = QualityMetrics()
    summed.add_counts(
        agency="甲",
        month="2025-01",
        kind="penalty",
        records=2,
        complete=1,
        accurate=1,
        with_errors=0,
        on_time=0,
        late=1,
        working_days_late=3,
        max_working_days_late=3,
        unknown_reasons={"no_decision_date": 1},
    )
    assert direct.table(("agency", "month")) == summed.table(("agency", "month"))


def test_unknown_grouping_is_refused() -> None:
    """Grouping by nothing, twice by one column, or by something other than agency, month or kind raises ValueError."""
    with pytest.raises(ValueError, match="agency, month, kind"):
        QualityMetrics().table("district")
    for by in [(), ("month", "month")]:
        with pytest.raises(ValueError, match="each once"):
            QualityMetrics().table(by)


def test_empty_input_gives_an_empty_table() -> None:
    """No rows: no groups, a zero total, rates None."""
    table = compute_metrics([], "penalty", by="month")
    assert (len(table), table.total.records, table.total.completeness) == (0, 0, None)


def test_kind_is_detected_or_refused() -> None:
    """Without kind, the first row's keys decide; keys that say nothing raise ValueError."""
    table = compute_metrics([{"处罚类别": "罚款", "CF_WSH": "x"}], by="kind", as_of=AS_OF)
    assert table.rows[0].group == ("penalty",)
    with pytest.raises(ValueError, match="pass kind"):
        compute_metrics([{"备注": "x"}])


@given(
    st.lists(
        st.dictionaries(
            st.sampled_from(
                ["CF_CFJG", "CF_JDRQ", "CF_XDR_SHXYM", "CF_NR_FK", "CF_XDR_LB", PUBLISHED, "junk"]
            ),
            st.one_of(st.none(), st.text(max_size=12), st.integers(), st.floats(), st.dates()),
        ),
        max_size=15,
    )
)
def test_junk_rows_are_counted_never_raise(rows: list[dict[str, object]]) -> None:
    """Whatever the cells hold, every row is counted and nothing raises."""
    table = compute_metrics(rows, "penalty", by=("agency", "month"), as_of=AS_OF)
    assert table.total.records == len(rows)
    assert table.total.on_time + table.total.late + table.total.timeliness_unknown == len(rows)


# --------------------------------------------------------------------------- files


@pytest.mark.parametrize("kind", list(RecordKind))
def test_score_file_counts_every_record_of_the_sample(kind: RecordKind) -> None:
    """Scoring a bundled sample counts every data row, the unreadable ones failing both dimensions."""
    metrics = score_file(sample_path(kind), as_of=date(2025, 7, 1))
    table = metrics.table("kind")
    manifest = sample_manifest(kind)
    unreadable = {f.row for f in manifest if f.code == "row.columns"}
    checked = check_file(sample_path(kind), as_of=date(2025, 7, 1))
    assert table.total.records == checked.rows
    assert table.total.with_errors == checked.with_errors > 0
    assert (
        table.total.timeliness_unknown == table.total.records
    )  # the samples have no publication date
    assert dict(table.total.unknown_reasons).get("unreadable", 0) == len(unreadable) > 0
    assert table.total.records - table.total.complete <= checked.with_errors
    assert table.total.records - table.total.accurate <= checked.with_errors


def test_score_file_reads_the_publication_column(tmp_path: Path) -> None:
    """A CSV export with a 公示日期 column is scored for timeliness; the column is not a field."""
    path = tmp_path / "x.csv"
    path.write_text(
        "CF_CFJG,CF_JDRQ,公示日期\n甲局,2025/03/03,2025/03/05\n甲局,2025/03/03,2025/03/20\n\n",
        encoding="utf-8",
    )
    table = score_file(path, kind="penalty", as_of=AS_OF).table("agency")
    assert [(r.group, r.records, r.on_time, r.late) for r in table] == [(("甲局",), 2, 1, 1)]


# --------------------------------------------------------------------------- tables


def _table() -> MetricsTable:
    rows, _ = _data.rows_with_dates(RecordKind.PENALTY, 120)
    return compute_metrics(rows, "penalty", by="month", as_of=AS_OF)


def test_metric_row_rates() -> None:
    """Rates are shares of records (completeness, accuracy) and of judged records (timeliness)."""
    row = MetricRow(
        group=("x",),
        records=10,
        complete=9,
        accurate=8,
        on_time=3,
        late=1,
        timeliness_unknown=6,
        working_days_late=4,
    )
    assert (row.completeness, row.accuracy, row.timeliness, row.mean_working_days_late) == (
        0.9,
        0.8,
        0.75,
        4.0,
    )
    assert MetricRow(group=("x",)).timeliness is None


def test_exports_round_trip() -> None:
    """CSV, JSON and dict exports carry the same figures as the rows."""
    table = _table()
    dicts = table.to_dicts()
    assert [d["records"] for d in dicts] == [r.records for r in table]
    out = io.StringIO()
    table.to_csv(out)
    lines = out.getvalue().splitlines()
    assert lines[0].split(",")[:2] == ["month", "records"]
    assert len(lines) == len(table) + 1
    data = json.loads(table.to_json())
    assert data["total"]["records"] == table.total.records
    assert data["rows"][0]["month"] == table.rows[0].group[0]
    assert data["issues_by_code"] == dict(table.issues_by_code)


def test_text_and_html_show_every_group() -> None:
    """The text and HTML renderings list each group and the total, escaping HTML."""
    table = _table()
    text = table.to_text()
    assert all(r.group[0] in text for r in table if r.group[0])
    assert text.splitlines()[-1].startswith("total")
    obs = Observation(
        kind=RecordKind.PENALTY,
        agency="<b>局</b>",
        month=None,
        complete=True,
        accurate=True,
        timeliness=TimelinessStatus.UNKNOWN,
        unknown_reason=UnknownReason.NO_PUBLICATION_DATE,
    )
    m = QualityMetrics()
    m.add(obs)
    html = m.table("agency")._repr_html_()
    assert "&lt;b&gt;局&lt;/b&gt;" in html and "<b>局" not in html
    assert "no_publication_date: 1" in html


def test_to_pandas_is_indexed_by_the_groups() -> None:
    """The DataFrame has one row per group, indexed by the grouping columns."""
    table = _table()
    frame = table.to_pandas()
    assert frame.index.names == ["month"]
    assert frame["records"].tolist() == [r.records for r in table]


def test_report_html_lists_issues_and_escapes() -> None:
    """The report's HTML shows the figures, the top codes and the first issues, escaped, with a 'more' line."""
    rows = [{"CF_XDR_MC": f"<公司{i}>", "CF_JDRQ": "2025/13/01"} for i in range(30)]
    report = check_rows(rows, RecordKind.PENALTY, as_of=AS_OF, source="<in>.csv")
    html = report_html(report, max_issues=5)
    assert "&lt;in&gt;.csv" in html and "<公司" not in html
    assert "date.invalid" in html and f"{report.with_errors}" in html
    assert f"and {report.issue_count - 5} more issues" in html
    assert html.count("<tr>") >= 5
