"""The ledger's tables as SQLAlchemy Core objects: the shape queries see, after every migration.

The migrations (:mod:`._migrations`) create and change these tables; this module
only describes their current shape for the code that reads and writes them.
Every row remembers the source file it came from (``source_id``: name and
sha256 in ``sources``) and when it was written.
"""

from __future__ import annotations

from typing import Final

import sqlalchemy as sa

__all__ = ["catalogue_items", "events", "metadata", "records", "reports", "schema_migrations", "sources"]

metadata: Final = sa.MetaData()

schema_migrations: Final = sa.Table(
    "schema_migrations",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("applied_at", sa.DateTime, nullable=False),
)

sources: Final = sa.Table(
    "sources",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("content", sa.String(20), nullable=False),  # records | events | catalogue
    sa.Column("name", sa.String(500), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("record_kind", sa.String(20)),
    sa.Column("imported_at", sa.DateTime, nullable=False),
    sa.Column("rows", sa.Integer, nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
    sa.UniqueConstraint("content", "sha256", name="uq_sources_content_sha256"),
)

records: Final = sa.Table(
    "records",
    metadata,
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
    sa.Column("extra", sa.Text),  # migration 4: columns the standard does not know, as JSON
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False),
    sa.Column("source_row", sa.Integer, nullable=False),
    sa.Column("first_source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False),
    sa.Column("imported_at", sa.DateTime, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    sa.UniqueConstraint("kind", "record_key", name="uq_records_kind_key"),
)

events: Final = sa.Table(
    "events",
    metadata,
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

catalogue_items: Final = sa.Table(
    "catalogue_items",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("department", sa.String(255), nullable=False),
    sa.Column("name", sa.String(1000), nullable=False),
    sa.Column("item", sa.Text, nullable=False),  # the whole item as JSON
    sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False),
    sa.Column("added_at", sa.DateTime, nullable=False),
    sa.Column("retired_source_id", sa.Integer, sa.ForeignKey("sources.id")),
    sa.Column("retired_at", sa.DateTime),
)

reports: Final = sa.Table(
    "reports",
    metadata,
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
