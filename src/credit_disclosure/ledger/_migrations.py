"""Versioned migrations of the ledger's database: a small numbered runner.

Each migration is a numbered function that changes the schema from the
previous version to its own, in SQLAlchemy Core so that the same code serves
SQLite and PostgreSQL. A migration's tables are written out as they were at
that version (never imported from :mod:`._schema`, which follows the latest),
so an old database always upgrades the same way. ``schema_migrations`` records
each version applied, and when. Migrations run in one transaction each.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Final

import attrs
import sqlalchemy as sa

__all__ = ["MIGRATIONS", "Migration", "applied_versions", "migrate"]


@attrs.frozen
class Migration:
    """One step of the schema: its number, a name, and the function that applies it."""

    version: int
    name: str
    apply: Callable[[sa.Connection], None] = attrs.field(repr=False)


def _v1_tables(md: sa.MetaData) -> None:
    sa.Table(
        "schema_migrations",
        md,
        sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("applied_at", sa.DateTime, nullable=False),
    )
    sa.Table(
        "sources",
        md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("content", sa.String(20), nullable=False),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("record_kind", sa.String(20)),
        sa.Column("imported_at", sa.DateTime, nullable=False),
        sa.Column("rows", sa.Integer, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.UniqueConstraint("content", "sha256", name="uq_sources_content_sha256"),
    )
    sa.Table(
        "records",
        md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("record_key", sa.String(500), nullable=False),
        sa.Column("unit", sa.String(255), nullable=False),
        sa.Column("unit_code", sa.String(64), nullable=False),
        sa.Column("decision_no", sa.String(255)),
        sa.Column("decision_date", sa.Date),
        sa.Column("published_on", sa.Date),
        sa.Column("subject_category", sa.String(20)),
        sa.Column("accepted", sa.Boolean, nullable=False),
        sa.Column("issue_codes", sa.Text, nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("mapping", sa.String(500)),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("source_row", sa.Integer, nullable=False),
        sa.Column("first_source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("imported_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("kind", "record_key", name="uq_records_kind_key"),
    )
    sa.Table(
        "events",
        md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("record_id", sa.Integer, sa.ForeignKey("records.id")),
        sa.Column("record_kind", sa.String(20), nullable=False),
        sa.Column("record_key", sa.String(500), nullable=False),
        sa.Column("event_kind", sa.String(40), nullable=False),
        sa.Column("occurred_on", sa.Date),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("old_data", sa.Text),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("source_row", sa.Integer, nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
    )
    sa.Table(
        "catalogue_items",
        md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("department", sa.String(255), nullable=False),
        sa.Column("name", sa.String(1000), nullable=False),
        sa.Column("item", sa.Text, nullable=False),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.Column("retired_source_id", sa.Integer, sa.ForeignKey("sources.id")),
        sa.Column("retired_at", sa.DateTime),
    )


def _m0001_initial(conn: sa.Connection) -> None:
    md = sa.MetaData()
    _v1_tables(md)
    md.create_all(conn)


def _m0002_reports(conn: sa.Connection) -> None:
    md = sa.MetaData()
    sa.Table(
        "reports",
        md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("report_kind", sa.String(20), nullable=False),
        sa.Column("unit", sa.String(255)),
        sa.Column("period_start", sa.Date, nullable=False),
        sa.Column("period_end", sa.Date, nullable=False),
        sa.Column("as_of", sa.Date, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
    )
    md.create_all(conn)


def _m0003_indexes(conn: sa.Connection) -> None:
    # Reports select a unit's records by decision date, and events by record.
    md = sa.MetaData()
    records = sa.Table("records", md, sa.Column("unit"), sa.Column("decision_date"))
    events = sa.Table("events", md, sa.Column("record_id"))
    sa.Index("ix_records_unit_date", records.c.unit, records.c.decision_date).create(conn)
    sa.Index("ix_records_date", records.c.decision_date).create(conn)
    sa.Index("ix_events_record", events.c.record_id).create(conn)


def _m0004_extra(conn: sa.Connection) -> None:
    # Columns the data standard does not know (程序, 失信程度, ... for the lifecycle) are kept
    # with the record instead of being dropped.
    conn.execute(sa.text("ALTER TABLE records ADD COLUMN extra TEXT"))


#: Every migration, in order; the last one's number is the version a fresh database gets.
MIGRATIONS: Final[tuple[Migration, ...]] = (
    Migration(1, "initial: sources, records, events, catalogue items", _m0001_initial),
    Migration(2, "reports submitted", _m0002_reports),
    Migration(3, "indexes for the reports' queries", _m0003_indexes),
    Migration(4, "records keep the columns the standard does not know", _m0004_extra),
)


# The runner's own table: its shape is fixed from migration 1 on.
_VERSIONS: Final = sa.Table(
    "schema_migrations",
    sa.MetaData(),
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("applied_at", sa.DateTime, nullable=False),
)


def applied_versions(conn: sa.Connection) -> tuple[int, ...]:
    """The migration numbers recorded in the database (empty for a fresh one)."""
    if not sa.inspect(conn).has_table("schema_migrations"):
        return ()
    return tuple(sorted(row[0] for row in conn.execute(sa.select(_VERSIONS.c.version))))


def migrate(
    engine: sa.Engine,
    *,
    target: int | None = None,
    now: Callable[[], datetime],
) -> tuple[int, ...]:
    """Apply every migration not yet applied, up to ``target`` (default: all); return their numbers."""
    done: list[int] = []
    for migration in MIGRATIONS:
        if target is not None and migration.version > target:
            break
        with engine.begin() as conn:
            if migration.version in applied_versions(conn):
                continue
            migration.apply(conn)
            conn.execute(
                _VERSIONS.insert().values(
                    version=migration.version, name=migration.name, applied_at=now()
                )
            )
        done.append(migration.version)
    return tuple(done)
