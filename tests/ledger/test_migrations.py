"""Each numbered migration: what it creates, that it keeps the data before it, and the runner."""

from __future__ import annotations

from datetime import datetime

import pytest
import sqlalchemy as sa

from credit_disclosure.errors import LedgerError
from credit_disclosure.ledger import MIGRATIONS, Ledger

NOW = datetime(2026, 12, 1, 8, 0)


def _tables(engine: sa.Engine) -> set[str]:
    return set(sa.inspect(engine).get_table_names())


def _indexes(engine: sa.Engine, table: str) -> set[str]:
    return {i["name"] for i in sa.inspect(engine).get_indexes(table) if i["name"]}


def test_numbers_are_consecutive() -> None:
    """Migrations are numbered 1, 2, 3, ... without a gap, each with a name."""
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert all(m.name for m in MIGRATIONS)


def _seed_v1(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "insert into sources (content, name, sha256, record_kind, imported_at, rows, summary)"
                " values ('records', 'a.csv', :sha, 'penalty', :now, 1, '{}')"
            ),
            {"sha": "0" * 64, "now": NOW},
        )
        conn.execute(
            sa.text(
                "insert into records (kind, record_key, unit, unit_code, accepted, issue_codes,"
                " content_sha256, data, version, source_id, source_row, first_source_id,"
                " imported_at, updated_at) values ('penalty', 'k', 'u', '', :t, '[]', :sha, '{}',"
                " 1, 1, 1, 1, :now, :now)"
            ),
            {"sha": "1" * 64, "now": NOW, "t": True},
        )


def test_migration_1_initial(db_url: str) -> None:
    """1 creates sources, records, events, catalogue items and the version table."""
    with Ledger(db_url, clock=lambda: NOW) as ledger:
        assert ledger.init(target=1) == (1,)
        assert {"schema_migrations", "sources", "records", "events", "catalogue_items"} <= _tables(
            ledger.engine
        )
        assert "reports" not in _tables(ledger.engine)
        assert ledger.schema_version() == 1
        columns = {c["name"] for c in sa.inspect(ledger.engine).get_columns("records")}
        assert {"source_id", "imported_at", "content_sha256", "data", "version"} <= columns


def test_migration_2_reports_keeps_data(db_url: str) -> None:
    """2 adds the reports table and keeps the records written at version 1."""
    with Ledger(db_url, clock=lambda: NOW) as ledger:
        ledger.init(target=1)
        _seed_v1(ledger.engine)
        assert ledger.init(target=2) == (2,)
        assert "reports" in _tables(ledger.engine)
        with ledger.engine.connect() as conn:
            assert conn.execute(sa.text("select count(*) from records")).scalar_one() == 1


def test_migration_3_indexes_keeps_data(db_url: str) -> None:
    """3 adds the reports' indexes and keeps the data."""
    with Ledger(db_url, clock=lambda: NOW) as ledger:
        ledger.init(target=2)
        _seed_v1(ledger.engine)
        assert ledger.init(target=3) == (3,)
        assert {"ix_records_unit_date", "ix_records_date"} <= _indexes(ledger.engine, "records")
        assert "ix_events_record" in _indexes(ledger.engine, "events")
        with ledger.engine.connect() as conn:
            assert conn.execute(sa.text("select count(*) from records")).scalar_one() == 1


def test_migration_4_extra_column_keeps_data(db_url: str) -> None:
    """4 adds records.extra (empty for the records before it) and keeps the data."""
    with Ledger(db_url, clock=lambda: NOW) as ledger:
        ledger.init(target=3)
        _seed_v1(ledger.engine)
        assert ledger.init() == (4,)
        columns = {c["name"] for c in sa.inspect(ledger.engine).get_columns("records")}
        assert "extra" in columns
        (record,) = ledger.records()
        assert record.extra == {} and record.key == "k"
        with ledger.engine.connect() as conn:
            applied = conn.execute(
                sa.text("select version, applied_at from schema_migrations order by version")
            ).all()
        assert [v for v, _ in applied] == [1, 2, 3, 4]


def test_old_schema_is_refused_until_upgraded(db_url: str) -> None:
    """A database at an older version is refused (ledger.schema) until init upgrades it."""
    with Ledger(db_url) as ledger:
        ledger.init(target=1)
        with pytest.raises(LedgerError, match="schema version 1"):
            ledger.status()
        ledger.init()
        assert ledger.status().schema_version == MIGRATIONS[-1].version


def test_migrations_build_the_schema_the_code_uses(db_url: str) -> None:
    """Every migration applied gives exactly the tables and columns ``_schema`` describes.

    The migrations repeat the table definitions on purpose (a migration is frozen history); this
    keeps the two from drifting apart.
    """
    from credit_disclosure.ledger import _schema

    with Ledger(db_url, clock=lambda: NOW) as ledger:
        ledger.init()
        inspector = sa.inspect(ledger.engine)
        assert _tables(ledger.engine) == set(_schema.metadata.tables)
        for name, table in _schema.metadata.tables.items():
            columns = {c["name"]: c for c in inspector.get_columns(name)}
            assert set(columns) == {c.name for c in table.columns}, name
            for column in table.columns:
                assert columns[column.name]["nullable"] == column.nullable, (name, column.name)
