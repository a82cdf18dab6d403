"""The ledger on SQLite and PostgreSQL: imports, idempotence, changes kept, sources, catalogue."""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from credit_disclosure.catalogue import Catalogue, CatalogueItem, ItemSubject, write_catalogue
from credit_disclosure.errors import LedgerError, ValidationError
from credit_disclosure.ledger import MIGRATIONS, Ledger
from credit_disclosure.samples import generate_records, sample_path
from credit_disclosure.standard import RecordKind

AS_OF = date(2026, 12, 1)
CLOCK = datetime(2026, 12, 1, 9, 30)


def _csv(rows: list[dict[str, str]]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=sorted({k for r in rows for k in r}))
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_bytes(_csv(rows))
    return path


def _penalties(n: int, seed: int = 7) -> list[dict[str, str]]:
    return [dict(r.values) for r in generate_records(RecordKind.PENALTY, n, seed=seed, faults={})]


@pytest.fixture
def ledger(migrated_url: str) -> Iterator[Ledger]:
    led = Ledger(migrated_url, clock=lambda: CLOCK)
    assert led.init() == ()
    yield led
    led.close()


def test_init_applies_every_migration_once(db_url: str) -> None:
    """A fresh database gets every migration; a second init applies none."""
    with Ledger(db_url) as led:
        assert led.init() == tuple(m.version for m in MIGRATIONS)
        assert led.init() == ()
        assert led.schema_version() == MIGRATIONS[-1].version


def test_uninitialised_database_is_refused(db_url: str, tmp_path: Path) -> None:
    """Importing into a database without the schema raises ledger.schema and creates nothing."""
    path = _write(tmp_path / "p.csv", _penalties(3))
    with Ledger(db_url) as led:
        with pytest.raises(LedgerError) as info:
            led.import_records(path, as_of=AS_OF)
        assert info.value.code == "ledger.schema"
        assert not sa.inspect(led.engine).has_table("records")


def test_import_counts_and_sources(ledger: Ledger, tmp_path: Path) -> None:
    """Every row is stored; the source file's name, sha256 and time are kept."""
    path = _write(tmp_path / "week1.csv", _penalties(25))
    result = ledger.import_records(path, as_of=AS_OF)
    assert (result.rows, result.added, result.changed, result.unchanged) == (25, 25, 0, 0)
    (source,) = ledger.sources()
    assert source["name"] == "week1.csv"
    assert len(source["sha256"]) == 64
    assert source["imported_at"] == CLOCK
    assert source["summary"]["added"] == 25
    records = list(ledger.records())
    assert len(records) == 25
    assert {r.source_id for r in records} == {source["id"]}


def test_same_file_twice_adds_nothing(ledger: Ledger, tmp_path: Path) -> None:
    """Idempotence: the same file again is recognised by its sha256 and adds nothing."""
    path = _write(tmp_path / "p.csv", _penalties(40))
    first = ledger.import_records(path, as_of=AS_OF)
    before = ledger.status()
    again = ledger.import_records(path, as_of=AS_OF)
    assert first.added == 40 and again.already_imported and again.added == 0
    assert ledger.status() == before


def test_same_records_in_another_file_are_unchanged(ledger: Ledger, tmp_path: Path) -> None:
    """A different file holding the same records (re-exported, reordered) adds nothing."""
    rows = _penalties(30)
    ledger.import_records(_write(tmp_path / "a.csv", rows), as_of=AS_OF)
    result = ledger.import_records(_write(tmp_path / "b.csv", rows[::-1]), as_of=AS_OF)
    assert (result.added, result.changed, result.unchanged) == (0, 0, 30)
    assert ledger.status().records == {"penalty": 30}


def test_changed_record_keeps_old_values(ledger: Ledger, tmp_path: Path) -> None:
    """A record whose values changed is updated and a `changed` event keeps the old values."""
    rows = _penalties(5)
    ledger.import_records(_write(tmp_path / "a.csv", rows), as_of=AS_OF)
    old_content = rows[2]["CF_NR"]
    rows[2] = {**rows[2], "CF_NR": "更正后的处罚内容"}
    result = ledger.import_records(_write(tmp_path / "b.csv", rows), as_of=AS_OF)
    assert (result.added, result.changed, result.unchanged) == (0, 1, 4)
    (event,) = ledger.events()
    assert event["event_kind"] == "changed"
    assert event["old_data"]["values"]["CF_NR"] == old_content
    assert event["data"]["CF_NR"] == "更正后的处罚内容"
    record = next(r for r in ledger.records() if r.id == event["record_id"])
    assert record.version == 2 and record.values["CF_NR"] == "更正后的处罚内容"


def test_duplicate_key_within_a_file_becomes_a_change(ledger: Ledger, tmp_path: Path) -> None:
    """The same 文书号 twice in one file: the second, different, row is a change of the first."""
    rows = _penalties(3)
    rows.append({**rows[0], "CF_NR": "补正"})
    result = ledger.import_records(_write(tmp_path / "a.csv", rows), as_of=AS_OF)
    assert (result.rows, result.added, result.changed) == (4, 3, 1)


def test_rows_without_decision_number_are_kept(ledger: Ledger, tmp_path: Path) -> None:
    """A row without 文书号 is stored (not accepted) under its file and row, never dropped."""
    rows = _penalties(3)
    rows[1] = {**rows[1], "CF_WSH": ""}
    result = ledger.import_records(_write(tmp_path / "a.csv", rows), as_of=AS_OF)
    assert result.added == 3 and result.rejected >= 1
    unkeyed = [r for r in ledger.records() if r.decision_no is None]
    assert len(unkeyed) == 1 and not unkeyed[0].accepted
    assert "field.required" in unkeyed[0].issue_codes


def test_sample_files_every_row_accounted(ledger: Ledger) -> None:
    """The bundled samples (with damaged rows) are stored row for row; the report matches check."""
    from credit_disclosure.io import check_file

    for kind in RecordKind:
        result = ledger.import_records(sample_path(kind), as_of=AS_OF)
        report = check_file(sample_path(kind), as_of=AS_OF)
        assert result.rows == report.rows
        assert result.rejected == report.with_errors
        # the same row pipeline as check: the clerk's findings (rows, sheet rows, values) agree
        assert result.report is not None
        assert [(f.issue, f.sheet_row, f.decision, f.value) for f in result.report.findings()] == [
            (f.issue, f.sheet_row, f.decision, f.value) for f in report.findings()
        ]
        assert result.added + result.changed + result.unchanged == result.rows
    assert ledger.status().accepted == sum(
        1 for r in ledger.records() if r.accepted
    )


def test_publication_and_mapping_columns(ledger: Ledger, tmp_path: Path) -> None:
    """公示日期 and 事项名称 are kept on the record, not reported as unknown headers."""
    rows = [{**r, "公示日期": "2026/03/10", "事项名称": "对某行为的处罚"} for r in _penalties(2)]
    result = ledger.import_records(_write(tmp_path / "a.csv", rows), as_of=AS_OF)
    assert result.report is not None
    assert "header.unknown" not in result.report.by_code
    for record in ledger.records():
        assert record.published_on == date(2026, 3, 10)
        assert record.mapping == "对某行为的处罚"


def test_extra_columns_are_kept(ledger: Ledger, tmp_path: Path) -> None:
    """Columns the standard does not know (程序, 失信程度) are kept with the record, not dropped."""
    rows = [{**r, "程序": "普通", "失信程度": "一般", "": ""} for r in _penalties(2)]
    result = ledger.import_records(_write(tmp_path / "a.csv", rows), as_of=AS_OF)
    assert result.report is not None and "header.unknown" not in result.report.by_code
    for record in ledger.records():
        assert record.extra == {"程序": "普通", "失信程度": "一般"}
    rows[0]["失信程度"] = "严重"
    again = ledger.import_records(_write(tmp_path / "b.csv", rows), as_of=AS_OF)
    assert (again.changed, again.unchanged) == (1, 1)
    (event,) = ledger.events()
    assert event["old_data"]["extra"]["失信程度"] == "一般"


def test_personal_data_not_in_repr(ledger: Ledger, tmp_path: Path) -> None:
    """A record's repr shows no value of the record (names, identity numbers)."""
    rows = _penalties(1)
    ledger.import_records(_write(tmp_path / "a.csv", rows), as_of=AS_OF)
    text = repr(next(iter(ledger.records())))
    subject_fields = ("CF_XDR_MC", "CF_XDR_SHXYM", "CF_XDR_ZJHM", "CF_FRDB", "CF_FR_ZJHM")
    values = [rows[0][f] for f in subject_fields if rows[0].get(f)]
    assert values
    for value in values:
        assert value not in text


def _catalogue() -> Catalogue:
    return Catalogue(  # licences first: the order the 附件2 layout lists them in
        [
            CatalogueItem(kind="license", department="某镇", name="乡村建设规划许可"),
            CatalogueItem(kind="penalty", department="某局", name="对乱倒垃圾的处罚",
                          subjects={ItemSubject.LEGAL_PERSON}),
        ]
    )


def test_catalogue_versions_are_kept(ledger: Ledger, tmp_path: Path) -> None:
    """A new catalogue retires what it drops and what it changes; every version stays stored."""
    first = tmp_path / "cat.xlsx"
    write_catalogue(_catalogue(), first)
    r1 = ledger.import_catalogue(first)
    assert (r1.added, r1.retired) == (2, 0)
    assert ledger.catalogue() == _catalogue()
    assert ledger.import_catalogue(first).already_imported
    changed = Catalogue(
        [
            CatalogueItem(kind="penalty", department="某局", name="对乱倒垃圾的处罚",
                          subjects={ItemSubject.LEGAL_PERSON, ItemSubject.NATURAL_PERSON}),
        ]
    )
    second = tmp_path / "cat2.csv"
    write_catalogue(changed, second, format="csv")
    r2 = ledger.import_catalogue(second)
    assert (r2.added, r2.changed, r2.retired, r2.unchanged) == (0, 1, 1, 0)
    assert ledger.catalogue() == changed
    with ledger.engine.connect() as conn:
        assert conn.execute(sa.text("select count(*) from catalogue_items")).scalar_one() == 3


def test_bad_catalogue_changes_nothing(ledger: Ledger, tmp_path: Path) -> None:
    """A catalogue with an unreadable row is refused whole; the current one stays."""
    good = tmp_path / "cat.csv"
    write_catalogue(_catalogue(), good, format="csv")
    ledger.import_catalogue(good)
    bad = tmp_path / "bad.csv"
    bad.write_text("事项类型,项目名称,公开范围\n行政许可,x,半公开\n", encoding="utf-8")
    with pytest.raises(ValidationError):
        ledger.import_catalogue(bad)
    assert ledger.catalogue() == _catalogue()
    assert len(ledger.sources()) == 1


def test_failed_import_changes_nothing(ledger: Ledger, tmp_path: Path) -> None:
    """An import that fails midway (no such mapping column) leaves no source and no record."""
    path = _write(tmp_path / "a.csv", _penalties(3))
    with pytest.raises(LedgerError):
        ledger.import_records(path, as_of=AS_OF, mapping_col="无此列")
    assert ledger.sources() == [] and list(ledger.records()) == []


_CELLS = st.text(alphabet=st.sampled_from(list('ab,"\r\n号〔〕2026/03/0\x00=;')), max_size=12)


_TEMPLATE: dict[str, Path] = {}


def _fresh_sqlite(tmp: str) -> str:
    """A migrated SQLite file in ``tmp``, copied from one migrated once (fast per example)."""
    if "path" not in _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="cd-ledger-template-"))
        with Ledger(f"sqlite:///{folder / 't.sqlite3'}") as led:
            led.init()
        _TEMPLATE["path"] = folder / "t.sqlite3"
    target = Path(tmp) / "l.sqlite3"
    shutil.copyfile(_TEMPLATE["path"], target)
    return f"sqlite:///{target}"


@settings(max_examples=15, deadline=None)
@given(
    st.lists(st.lists(_CELLS, min_size=1, max_size=5), max_size=8),
    st.sampled_from(["utf-8", "gb18030"]),
)
def test_damaged_files_every_row_kept(rows: list[list[str]], encoding: str) -> None:
    """Junk rows under a penalty header: every row the check counts is stored, none is lost.

    A file the reader refuses whole (binary, UTF-16 without a BOM) is a coded ``file.*``
    error that leaves the ledger empty.
    """
    header = "CF_WSH,CF_CFJG,CF_JDRQ,CF_XDR_MC,CF_NR\n"
    body = "\n".join(",".join(r) for r in rows)
    data = (header + body).encode(encoding, errors="replace")
    with tempfile.TemporaryDirectory() as tmp, Ledger(_fresh_sqlite(tmp)) as led:
        refused = None
        try:
            result = led.import_records(io.BytesIO(data), kind="penalty", as_of=AS_OF)
        except ValidationError as exc:
            refused = exc.code
        if refused is not None:
            assert refused.startswith("file.")
            assert led.sources() == [] and list(led.records()) == []
            return
        assert result.report is not None and result.rows == result.report.rows
        assert result.added + result.changed + result.unchanged == result.rows
        assert len(list(led.records())) == result.added
