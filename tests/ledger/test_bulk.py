"""The bulk path of an import: the JSON it writes, its writing thread, its index rebuild."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure.ledger import Ledger, _ledger
from credit_disclosure.samples import generate_records
from credit_disclosure.standard import RecordKind

AS_OF = date(2026, 12, 1)
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


_KEYS = st.sampled_from(["CF_WSH", "CF_XDR_MC", "CF_NR", "BZ"])


@given(st.dictionaries(_KEYS, st.text()))
def test_cells_json_is_what_json_writes(cells: dict[str, str]) -> None:
    """The fast JSON writer gives json's text byte for byte: the content hash of a record
    does not depend on which one wrote it."""
    assert _ledger._encode_cells(cells).decode() == _JSON.encode(cells)


@given(st.dictionaries(_KEYS, st.text(st.characters(categories=["Cs", "Lo", "Cc"]))))
def test_cells_json_keeps_lone_surrogates(cells: dict[str, str]) -> None:
    """A lone surrogate (JSON Lines can carry "\\ud800") is written escaped and read back."""
    assert json.loads(_ledger._encode_cells(cells)) == cells


def _file(path: Path, n: int) -> Path:
    return _write(path, [dict(r.values) for r in generate_records(RecordKind.PENALTY, n, seed=5, faults={})])


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


@pytest.fixture
def ledger(migrated_url: str) -> Iterator[Ledger]:
    with Ledger(migrated_url) as led:
        yield led


def test_writing_thread_error_changes_nothing(
    ledger: Ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch that fails in the writing thread fails the import: nothing of it stays, and
    the same file imports completely afterwards."""
    monkeypatch.setattr(_ledger, "_BATCH", 2000)
    path = _file(tmp_path / "p.csv", 4500)  # three batches
    calls: list[int] = []
    insert = _ledger._RecordWriter._write_batch

    def failing(self: _ledger._RecordWriter, rows: list[tuple[object, ...]]) -> None:
        calls.append(len(rows))
        if len(calls) == 2:
            raise sa.exc.OperationalError("INSERT", {}, Exception("disk full"))
        insert(self, rows)

    monkeypatch.setattr(_ledger._RecordWriter, "_write_batch", failing)
    with pytest.raises(sa.exc.OperationalError):
        ledger.import_records(path, as_of=AS_OF)
    assert len(calls) == 2
    assert ledger.sources() == [] and list(ledger.records()) == []
    monkeypatch.setattr(_ledger._RecordWriter, "_write_batch", insert)
    result = ledger.import_records(path, as_of=AS_OF)
    assert (result.rows, result.added) == (4500, 4500)


def _schema_of(ledger: Ledger) -> tuple[object, ...]:
    with ledger.engine.connect() as conn:
        inspector = sa.inspect(conn)
        keys = sorted(
            (fk["name"] or "", tuple(fk["constrained_columns"]), fk["referred_table"])
            for fk in inspector.get_foreign_keys("records")
        )
        indexes = sorted((ix["name"] or "", tuple(ix["column_names"])) for ix in inspector.get_indexes("records"))
    return tuple(keys), tuple(indexes)


def test_a_big_import_gives_back_its_keys_and_indexes(
    ledger: Ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big import drops the report indexes (and on PostgreSQL the foreign keys of records)
    and builds them again: the schema is the same after it, and after one that fails midway;
    the foreign keys hold again (a record of no source is refused)."""
    monkeypatch.setattr(_ledger, "_BATCH", 2000)
    before = _schema_of(ledger)
    assert len(before[0]) == 2 and len(before[1]) >= 2
    dropped: list[str] = []

    @sa.event.listens_for(ledger.engine, "before_cursor_execute")
    def _seen(_conn: object, _cur: object, sql: str, *_args: object) -> None:
        if sql.startswith(("DROP INDEX", "ALTER TABLE")) and "DROP" in sql:
            dropped.append(sql)

    insert = _ledger._RecordWriter._write_batch

    def failing(self: _ledger._RecordWriter, rows: list[tuple[object, ...]]) -> None:
        raise sa.exc.OperationalError("INSERT", {}, Exception("disk full"))

    path = _file(tmp_path / "p.csv", 4500)
    monkeypatch.setattr(_ledger._RecordWriter, "_write_batch", failing)
    with pytest.raises(sa.exc.OperationalError):
        ledger.import_records(path, as_of=AS_OF)
    assert _schema_of(ledger) == before
    monkeypatch.setattr(_ledger._RecordWriter, "_write_batch", insert)
    dropped.clear()
    assert ledger.import_records(path, as_of=AS_OF).added == 4500
    assert len(dropped) == (4 if ledger.engine.dialect.name == "postgresql" else 2)
    assert _schema_of(ledger) == before
    with ledger.engine.connect() as conn, pytest.raises(sa.exc.IntegrityError):
        conn.exec_driver_sql("UPDATE records SET source_id = 999 WHERE id = (SELECT min(id) FROM records)")


def test_small_import_into_a_big_table_keeps_indexes(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Indexes are dropped and rebuilt only when the file is at least as big as the table."""
    dropped: list[str] = []
    with Ledger(sqlite_url) as ledger:
        ledger.init()

        @sa.event.listens_for(ledger.engine, "before_cursor_execute")
        def _seen(_conn: object, _cur: object, sql: str, *_args: object) -> None:
            if sql.startswith("DROP INDEX"):
                dropped.append(sql)

        big = ledger.import_records(_file(tmp_path / "big.csv", 3000), as_of=AS_OF)
        assert big.added == 3000 and len(dropped) == 2
        dropped.clear()
        monkeypatch.setattr(_ledger, "_estimated_rows", lambda source, data: 10)
        rows = [dict(r.values) for r in generate_records(RecordKind.PENALTY, 10, seed=99, faults={})]
        small = tmp_path / "small.csv"
        with small.open("w", encoding="utf-8", newline="") as fp:
            writer = csv.DictWriter(fp, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        assert ledger.import_records(small, as_of=AS_OF).rows == 10
        assert dropped == []
        with ledger.engine.connect() as conn:
            names = {ix["name"] for ix in sa.inspect(conn).get_indexes("records")}
        assert {"ix_records_unit_date", "ix_records_date"} <= names


def test_postgresql_statistics_before_key_lookups(
    ledger: Ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL an import that looks no key up (its COPY takes every batch whole) runs no
    ANALYZE; one that does ANALYZEs a table without statistics first (else each batch's key
    lookup reads the whole table), then as it doubles the table; the rows are all there."""
    monkeypatch.setattr(_ledger, "_ANALYZE_FROM", 1000)
    monkeypatch.setattr(_ledger, "_BATCH", 500)
    pg = ledger.engine.dialect.name == "postgresql"
    if pg:  # autovacuum would ANALYZE the table between the imports some day
        with ledger.engine.begin() as conn:
            conn.exec_driver_sql("ALTER TABLE records SET (autovacuum_enabled = false)")
    seen: list[str] = []

    @sa.event.listens_for(ledger.engine, "before_cursor_execute")
    def _seen(_conn: object, _cur: object, sql: str, *_args: object) -> None:
        if sql.startswith("ANALYZE"):
            seen.append(sql)

    rows = [dict(r.values) for r in generate_records(RecordKind.PENALTY, 6000, seed=5, faults={})]
    first = ledger.import_records(_write(tmp_path / "a.csv", rows[:1500]), as_of=AS_OF)
    assert first.added == 1500 and seen == []
    # 1,500 held keys (three batches looked up: ANALYZE first), then 4,500 new rows: ANALYZE
    # again once 1,000 and 3,000 of them are in
    second = ledger.import_records(_write(tmp_path / "b.csv", rows), as_of=AS_OF)
    assert (second.added, second.unchanged, second.changed) == (4500, 1500, 0)
    assert len(seen) == (3 if pg else 0)
    assert len(list(ledger.records())) == 6000


def test_new_sqlite_files_have_16k_pages_existing_ones_keep_theirs(tmp_path: Path) -> None:
    """A new ledger file gets 16 KiB pages (a big import reads and writes fewer); a file made
    with other pages keeps them and works the same."""
    import sqlite3

    new, old = tmp_path / "new.sqlite3", tmp_path / "old.sqlite3"
    with sqlite3.connect(old) as con:
        con.execute("PRAGMA page_size=4096")
        con.execute("CREATE TABLE unrelated (x INTEGER)")
    con.close()
    path = _file(tmp_path / "p.csv", 50)
    for db, size in ((new, 16384), (old, 4096)):
        with Ledger(f"sqlite:///{db}") as ledger:
            ledger.init()
            assert ledger.import_records(path, as_of=AS_OF).added == 50
        with sqlite3.connect(db) as con:
            assert con.execute("PRAGMA page_size").fetchone() == (size,)
        con.close()
