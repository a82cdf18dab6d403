"""A killed import leaves the database consistent, and running it again completes it."""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from credit_disclosure.ledger import Ledger
from credit_disclosure.samples import generate_records
from credit_disclosure.standard import RecordKind

_CHILD = textwrap.dedent(
    """
    import sys, time
    from datetime import date
    from credit_disclosure.ledger import Ledger

    def progress(fraction, rows):
        # midway through the transaction: several batches written, not committed
        print("MIDWAY", rows, flush=True)
        time.sleep(120)

    with Ledger(sys.argv[1]) as ledger:
        ledger.import_records(sys.argv[2], as_of=date(2026, 12, 1), progress=progress)
    print("DONE", flush=True)
    """
)


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """9,000 penalty records (4.7 MB): more than one progress step (4,096 rows) and two
    batches; big enough for the columnar path and SQLite's bulk mode (a rollback journal)."""
    return _file(tmp_path_factory.mktemp("crash") / "big.csv", 9000)


def _file(path: Path, n: int) -> Path:
    rows = [dict(r.values) for r in generate_records(RecordKind.PENALTY, n, seed=3, faults={})]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def test_import_killed_midway_then_rerun(migrated_url: str, big_file: Path) -> None:
    """SIGKILL during an import: nothing of it is in the database; the rerun adds every row."""
    path, db_url = big_file, migrated_url
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, db_url, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("MIDWAY"), child.stderr.read() if child.stderr else line
        assert int(line.split()[1]) >= 4096  # at least two batches written
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    if db_url.startswith("sqlite"):  # a big import wrote with a rollback journal: a hot one left
        assert Path(f"{sa.make_url(db_url).database}-journal").exists()
    with Ledger(db_url) as ledger:
        with ledger.engine.connect() as conn:
            if ledger.engine.dialect.name == "sqlite":
                # the killed import's rollback journal was rolled back on connecting
                assert conn.execute(sa.text("PRAGMA integrity_check")).scalar_one() == "ok"
                assert conn.execute(sa.text("PRAGMA journal_mode")).scalar_one() == "wal"
            for table in ("sources", "records", "events"):
                assert conn.execute(sa.text(f"select count(*) from {table}")).scalar_one() == 0
            indexes, keys = _indexes(conn), _keys(conn)
        # a big import drops the reports' indexes (PostgreSQL: and the foreign keys of records)
        # and builds them again in its transaction: killed midway, the drop is rolled back
        assert {"ix_records_unit_date", "ix_records_date"} <= indexes
        assert keys == {("first_source_id", "sources"), ("source_id", "sources")}
        result = ledger.import_records(path, as_of=date(2026, 12, 1))
        assert (result.rows, result.added) == (9000, 9000)
        with ledger.engine.connect() as conn:
            assert _indexes(conn) == indexes and _keys(conn) == keys
        assert ledger.status().records == {"penalty": 9000}
        assert ledger.import_records(path, as_of=date(2026, 12, 1)).already_imported


def _indexes(conn: sa.Connection) -> set[str]:
    return {ix["name"] for ix in sa.inspect(conn).get_indexes("records") if ix["name"]}


def _keys(conn: sa.Connection) -> set[tuple[str, str]]:
    return {
        (",".join(fk["constrained_columns"]), fk["referred_table"])
        for fk in sa.inspect(conn).get_foreign_keys("records")
    }
