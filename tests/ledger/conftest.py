"""Databases for the ledger tests: SQLite always, PostgreSQL when a server can be had.

The PostgreSQL server is the one ``$CREDIT_DISCLOSURE_TEST_PG_URL`` names (``.ci/run``
starts one); without it, a throwaway cluster is started from Debian's packages
(``scripts/pg_test_server.py``) for the session. Each test gets a fresh database.
"""

from __future__ import annotations

import importlib.util
import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

PG_ENV = "CREDIT_DISCLOSURE_TEST_PG_URL"
_SCRIPT = Path(__file__).parents[2] / "scripts" / "pg_test_server.py"


def _server_module() -> object:
    spec = importlib.util.spec_from_file_location("pg_test_server", _SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a PostgreSQL server's maintenance database; skips when none can be had."""
    url = os.environ.get(PG_ENV)
    if url:
        yield url
        return
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed (the postgresql extra)")
    server = _server_module()
    directory = tempfile.mkdtemp(prefix="cd-pg-tests-")
    try:
        url = server.start(directory)  # type: ignore[attr-defined]
    except Exception as exc:  # no PostgreSQL on this machine: the only reason to skip
        pytest.skip(f"no PostgreSQL server could be started: {exc}")
    try:
        yield url
    finally:
        server.stop(directory)  # type: ignore[attr-defined]


def _fresh_pg_schema(server_url: str) -> tuple[str, str]:
    """A new, empty schema on the server, and a URL whose connections work in it alone."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{name}"'))
    engine.dispose()
    url = sa.make_url(server_url).update_query_dict({"options": f"-csearch_path={name}"})
    return url.render_as_string(hide_password=False), name


def _drop_pg_schema(server_url: str, name: str) -> None:
    engine = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, or a new schema on the PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.sqlite3'}"
        return
    server = request.getfixturevalue("pg_server")
    url, name = _fresh_pg_schema(server)
    try:
        yield url
    finally:
        _drop_pg_schema(server, name)


@pytest.fixture
def migrated_url(db_url: str) -> str:
    """A fresh database with the latest schema."""
    from credit_disclosure.ledger import Ledger

    with Ledger(db_url) as ledger:
        ledger.init()
    return db_url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A SQLite file in the test's temporary directory."""
    return f"sqlite:///{tmp_path / 'ledger.sqlite3'}"
