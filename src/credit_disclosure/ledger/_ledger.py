"""The ledger (台账): records, their events, the catalogue and the reports, in one database.

SQLite is the embedded default, a file next to the user's data; PostgreSQL
serves a platform that many units share. Both go through the same SQLAlchemy
Core code. Nothing is lost or overwritten: an import is one transaction (a
failed or killed import changes nothing), the same file twice adds nothing, a
changed record becomes a ``changed`` (变更) event that keeps the old values,
and every row names the file (name, sha256) and the time it came from.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import queue
import re
import threading
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date, datetime, timezone
from itertools import repeat
from pathlib import Path
from typing import IO, Any, Final, Literal

import attrs
import sqlalchemy as sa

from ..catalogue import Catalogue, CatalogueItem, load_catalogue
from ..convert import format_value
from ..errors import LedgerError
from ..io import (
    Cleared,
    FileFormat,
    RawRow,
    Report,
    RowOutcome,
    RowPipeline,
    TableReader,
    checked_rows,
    open_table,
    report_resolver,
)
from ..lifecycle import Event, EventKind, RecordKey, normalize_decision_number, read_events
from ..quality import PUBLISHED_COLUMNS
from ..standard import (
    HeaderResolver,
    RecordKind,
    Severity,
    StandardVersion,
    detect_kind,
    fields,
    parse_date,
    parse_row,
    resolve_header,
)
from . import _schema as t
from ._migrations import MIGRATIONS, applied_versions, migrate

_SEPARATOR: Final = RecordKey.SEPARATOR

__all__ = [
    "DEFAULT_DB_ENV",
    "DEFAULT_DB_FILE",
    "MAPPING_COLUMNS",
    "CatalogueImport",
    "EventImport",
    "ImportResult",
    "Ledger",
    "LedgerRecord",
    "LedgerStatus",
    "default_url",
]

#: The environment variable that names the default database (a SQLAlchemy URL).
DEFAULT_DB_ENV: Final = "CREDIT_DISCLOSURE_DB"
#: The default database when that variable is unset: this SQLite file in the current directory.
DEFAULT_DB_FILE: Final = "credit-disclosure.sqlite3"
#: Columns of a records file that name the record's catalogue item explicitly (the mapping).
MAPPING_COLUMNS: Final = ("事项名称", "事项编码", "权力清单编码", "catalogue_item")
#: The event kind of a record whose values changed (变更); the old values are kept.
CHANGED: Final = EventKind.CHANGED.value

_BATCH: Final = 8000
_PROGRESS_EVERY: Final = 4096
Source = str | os.PathLike[str] | IO[bytes]
ProgressCallback = Callable[[float | None, int], None]
#: How an import checks rows, as ``check_file``'s ``engine``: ``"auto"`` (the columnar fast
#: path where it applies), ``"row"`` or ``"columnar"``.
Engine = Literal["auto", "row", "columnar"]


@attrs.frozen
class _Fields:
    wsh: str
    agency: str
    agency_code: str | None
    decided: str
    category: str | None


_FIELDS: Final = {
    (RecordKind.LICENSE, StandardVersion.V2018): _Fields("XK_WSH", "XK_XKJG", "XK_XKJGDM", "XK_JDRQ", "XK_XDR_LB"),
    (RecordKind.PENALTY, StandardVersion.V2018): _Fields("CF_WSH", "CF_CFJG", "CF_CFJGDM", "CF_JDRQ", "CF_XDR_LB"),
    (RecordKind.LICENSE, StandardVersion.V2015): _Fields("XK_WSH", "XK_XZJG", None, "XK_JDRQ", None),
    (RecordKind.PENALTY, StandardVersion.V2015): _Fields("CF_WSH", "CF_XZJG", None, "CF_JDRQ", None),
}


def default_url() -> str:
    """The database used when none is given: ``$CREDIT_DISCLOSURE_DB``, else a SQLite file.

    The file is ``credit-disclosure.sqlite3`` in the current directory: keep the
    ledger next to the unit's exports and back it up with them.

    >>> import os
    >>> os.environ.pop("CREDIT_DISCLOSURE_DB", None) is None or True
    True
    >>> default_url()
    'sqlite:///credit-disclosure.sqlite3'
    """
    return os.environ.get(DEFAULT_DB_ENV) or f"sqlite:///{DEFAULT_DB_FILE}"


def _utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


_ENCODER: Final = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _encode_cells_json(cells: Mapping[str, str]) -> bytes:
    try:
        return _ENCODER.encode(cells).encode()
    except UnicodeEncodeError:  # a lone surrogate (JSON Lines "\\ud800"): kept, escaped
        return json.dumps(cells, separators=(",", ":")).encode()


try:  # orjson writes the same JSON as _ENCODER (compact, UTF-8, keys in order), ~3x faster
    import orjson

    def _encode_cells(cells: Mapping[str, str]) -> bytes:
        """A record's values as the JSON the ledger keeps (UTF-8), as ``_ENCODER`` writes it."""
        try:
            return orjson.dumps(cells)
        except TypeError:  # a lone surrogate, which UTF-8 cannot carry
            return _encode_cells_json(cells)

except ImportError:  # pragma: no cover - the ledger extra brings orjson
    _encode_cells = _encode_cells_json


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _sha256_file(source: Source) -> tuple[str, str, bytes | None]:
    """(sha256, name, the bytes when read from a stream) of a file, read in chunks."""
    digest = hashlib.sha256()
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as fp:
            for chunk in iter(lambda: fp.read(1 << 20), b""):
                digest.update(chunk)
        return digest.hexdigest(), Path(source).name, None
    data = source.read()
    digest.update(data)
    return digest.hexdigest(), Path(str(getattr(source, "name", "<stream>"))).name, data


def _date_of(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if value in (None, ""):
        return None
    try:
        return parse_date(str(value).strip())
    except ValueError:
        return None


@attrs.frozen
class ImportResult:
    """What an import of records did: counts, and the check report of every row.

    ``added`` new records, ``changed`` records whose values changed (each one a
    ``changed`` event keeping the old values), ``unchanged`` records already in
    the ledger as they are; ``rejected`` rows stored but not accepted (they break
    the data standard: the check ``report`` says how). ``already_imported``:
    the same file (by sha256) was imported before, and nothing was added.
    """

    source: str
    sha256: str
    kind: RecordKind | None
    rows: int
    added: int
    changed: int
    unchanged: int
    rejected: int
    already_imported: bool
    report: Report | None = attrs.field(default=None, eq=False, repr=False)

    def summary(self) -> dict[str, Any]:
        """The counts as a JSON-ready dict."""
        return {
            "source": self.source,
            "sha256": self.sha256,
            "kind": None if self.kind is None else self.kind.value,
            "rows": self.rows,
            "added": self.added,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "already_imported": self.already_imported,
        }


@attrs.frozen
class EventImport:
    """What an import of an EVENTS file did.

    ``added`` events stored; ``duplicates`` events the ledger already had
    (same record, kind, date and outcome); ``unmatched`` events stored although
    no record of the ledger has their key (kept: the record may come later);
    ``ambiguous`` events whose key without a body code fits several records;
    ``rejected`` rows that are not events (the lifecycle's coded ``issues`` say
    why, by row). ``already_imported``: the same file was imported before.
    """

    source: str
    sha256: str
    rows: int
    added: int
    duplicates: int
    unmatched: int
    ambiguous: int
    rejected: int
    already_imported: bool
    issues: tuple[Any, ...] = attrs.field(default=(), eq=False, repr=False)

    def summary(self) -> dict[str, Any]:
        """The counts, and the issues by row and code, as a JSON-ready dict."""
        return {
            "source": self.source,
            "sha256": self.sha256,
            "rows": self.rows,
            "added": self.added,
            "duplicates": self.duplicates,
            "unmatched": self.unmatched,
            "ambiguous": self.ambiguous,
            "rejected": self.rejected,
            "already_imported": self.already_imported,
            "issues": [{"row": i.row, "code": i.code} for i in self.issues],
        }


@attrs.frozen
class CatalogueImport:
    """What an import of a catalogue did to the ledger's current catalogue."""

    source: str
    sha256: str
    added: int
    changed: int
    retired: int
    unchanged: int
    already_imported: bool


@attrs.frozen
class LedgerRecord:
    """One record as the ledger keeps it. ``values`` (field code -> text) stay out of ``repr``.

    ``accepted``: the record met the data standard when imported (入库);
    ``issue_codes`` the codes of the issues it had; ``version`` counts its changes;
    ``extra`` the columns of its file the standard does not know (程序, 失信程度 ...).
    """

    id: int
    kind: RecordKind
    key: str
    unit: str
    unit_code: str
    decision_no: str | None
    decision_date: date | None
    published_on: date | None
    subject_category: str | None
    accepted: bool
    issue_codes: tuple[str, ...]
    version: int
    mapping: str | None
    source_id: int
    values: Mapping[str, str] = attrs.field(repr=False)
    extra: Mapping[str, str] = attrs.field(factory=dict, repr=False)


@attrs.frozen
class LedgerStatus:
    """Counts of what the ledger holds, and the schema version."""

    url: str
    schema_version: int
    latest_version: int
    sources: int
    records: Mapping[str, int]
    accepted: int
    events: Mapping[str, int]
    catalogue_items: int
    reports: int
    units: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "url": self.url,
            "schema_version": self.schema_version,
            "latest_version": self.latest_version,
            "sources": self.sources,
            "records": dict(self.records),
            "accepted": self.accepted,
            "events": dict(self.events),
            "catalogue_items": self.catalogue_items,
            "reports": self.reports,
            "units": list(self.units),
        }


def _item_to_json(item: CatalogueItem) -> str:
    return _dumps(
        {
            "kind": item.kind.value,
            "department": item.department,
            "name": item.name,
            "subjects": sorted(s.value for s in item.subjects),
            "scope": item.scope.value,
            "legal_basis": item.legal_basis,
            "power_code": item.power_code,
            "license_category": item.license_category,
            "aliases": list(item.aliases),
        }
    )


def _item_from_json(text: str) -> CatalogueItem:
    data = json.loads(text)
    return CatalogueItem(**data)


def _engine(url: str) -> sa.Engine:
    is_sqlite = sa.make_url(url).get_backend_name() == "sqlite"
    # an import writes from a thread of its own (one at a time, on the import's connection)
    engine = sa.create_engine(url, connect_args={"check_same_thread": False} if is_sqlite else {})
    if is_sqlite:

        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            # 16 KiB pages for a new file (an existing file keeps its own): a big import reads
            # and writes a quarter of the pages (measured 25-35 % faster at 100,000 rows)
            cur.execute("PRAGMA page_size=16384")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")  # a killed writer leaves the file consistent
            cur.execute("PRAGMA synchronous=NORMAL")  # WAL: a commit is atomic, kill or not
            # A big import in one transaction keeps its index pages in memory instead of
            # spilling them to the WAL again and again: 64 MiB at most, whatever the file's size.
            cur.execute("PRAGMA cache_size=-65536")
            cur.close()

    return engine


class Ledger:
    """A unit's ledger in a database: SQLite by default, PostgreSQL through the same code.

    ``url`` is a SQLAlchemy URL (default :func:`default_url`); ``clock`` gives
    the time written on every row (default: now, UTC). :meth:`init` creates or
    upgrades the schema; everything else needs it done.

    >>> import tempfile, io
    >>> from datetime import date
    >>> tmp = tempfile.mkdtemp()
    >>> with Ledger(f"sqlite:///{tmp}/ledger.sqlite3") as ledger:
    ...     ledger.init()
    ...     csv = "CF_WSH,CF_CFJG,CF_CFJGDM,CF_JDRQ\\n某罚〔2026〕1号,某局,11110000000000000X,2026/03/02\\n"
    ...     first = ledger.import_records(io.BytesIO(csv.encode()), as_of=date(2026, 4, 1))
    ...     again = ledger.import_records(io.BytesIO(csv.encode()), as_of=date(2026, 4, 1))
    (1, 2, 3, 4)
    >>> (first.added, first.rejected), again.already_imported
    ((1, 1), True)
    """

    def __init__(
        self,
        url: str | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.url = url or default_url()
        self.engine = _engine(self.url)
        self._now = clock or _utcnow
        self._schema_ok = False  # checked once per Ledger, on first use

    # ------------------------------------------------------------------ lifecycle

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"Ledger({self.engine.url.render_as_string(hide_password=True)!r})"

    def init(self, *, target: int | None = None) -> tuple[int, ...]:
        """Create the schema, or upgrade it to the latest version; return the migrations applied."""
        self._schema_ok = False
        return migrate(self.engine, target=target, now=self._now)

    def schema_version(self) -> int:
        """The highest migration applied (0 for an empty database)."""
        with self.engine.connect() as conn:
            versions = applied_versions(conn)
        return max(versions, default=0)

    def _require_schema(self) -> None:
        if self._schema_ok:
            return
        version = self.schema_version()
        latest = MIGRATIONS[-1].version
        self._schema_ok = version == latest
        if version != latest:
            raise LedgerError(
                "ledger.schema",
                message_en=f"the database is at schema version {version}, not {latest}: "
                "run `credit-disclosure ledger init` (Ledger.init()) first",
                message_zh=f"数据库结构版本为 {version}，应为 {latest}：请先运行 "
                "`credit-disclosure ledger init`",
            )

    # ------------------------------------------------------------------ imports

    def import_records(
        self,
        source: Source,
        *,
        kind: RecordKind | str | None = None,
        version: StandardVersion | str = StandardVersion.V2018,
        as_of: date | None = None,
        published_col: str | None = None,
        mapping_col: str | None = None,
        format: FileFormat | None = None,
        progress: ProgressCallback | None = None,
        engine: Engine = "auto",
    ) -> ImportResult:
        """Import a file of records (CSV, XLSX, JSON Lines) in one transaction.

        Every row is checked against the data standard (as ``check`` does, the
        report is returned) and stored, accepted or not. Rows are keyed by
        kind, deciding agency and 决定文书号; a row without a 文书号 is kept under
        a key made of the file and its row number. A key already in the ledger
        with other values becomes a ``changed`` event keeping the old values.
        ``published_col`` names the publication-date column (default: the first
        of :data:`credit_disclosure.quality.PUBLISHED_COLUMNS` present);
        ``mapping_col`` the column naming the catalogue item (default: the first
        of :data:`MAPPING_COLUMNS` present). ``as_of`` (default today) is the
        date "future" is judged against. ``engine`` is ``check_file``'s: with
        ``"auto"`` a big UTF-8 CSV file takes the columnar fast path (the rows it
        clears are stored from their Arrow batches, every other row goes through the
        row engine); the database ends up the same with ``"row"``.
        """
        self._require_schema()
        version = StandardVersion(version)
        sha, name, data = _sha256_file(source)
        as_of = as_of or date.today()
        opened: Source = source if data is None else _bytes_io(data, name)
        with self._import_transaction(_estimated_rows(source, data) >= _BULK_ROWS) as conn:
            if self._seen(conn, "records", sha):
                return ImportResult(name, sha, None if kind is None else RecordKind(kind), 0, 0, 0, 0, 0, True)
            with open_table(opened, format=format) as reader:
                headers = list(reader.headers)
                if kind is None:
                    kind = detect_kind(headers, version)
                    if kind is None:
                        raise LedgerError(
                            "ledger.kind",
                            message_en=f"{name}: the headers do not say whether the file holds "
                            "licences or penalties: pass the kind",
                            message_zh=f"{name}：无法根据表头判断是行政许可还是行政处罚数据，请指定类型",
                        )
                kind = RecordKind(kind)
                pub = published_col or next((c for c in PUBLISHED_COLUMNS if c in headers), None)
                mcol = mapping_col or next((c for c in MAPPING_COLUMNS if c in headers), None)
                for col, what in ((published_col, "published"), (mapping_col, "mapping")):
                    if col is not None and col not in headers:
                        raise LedgerError(
                            "ledger.column",
                            message_en=f"{name}: no {what} column {col!r}",
                            message_zh=f"{name}：没有列“{col}”",
                        )
                source_id = conn.execute(
                    t.sources.insert().values(
                        content="records",
                        name=name,
                        sha256=sha,
                        record_kind=kind.value,
                        imported_at=self._now(),
                        rows=0,
                        summary="{}",
                    )
                ).inserted_primary_key[0]  # type: ignore[index]  # one row inserted
                report = Report(kind=kind, version=version, source=name, encoding=reader.encoding)
                writer = _RecordWriter(conn, kind, version, source_id, sha, self._now())
                try:
                    writer.begin(_estimated_rows(source, data))
                    count = _import_rows(
                        reader, report, writer, kind, version, as_of, pub, mcol, progress, engine
                    )
                    writer.finish()
                finally:
                    writer.abort()  # the writing thread stops before any rollback
                for issue in reader.file_issues:
                    report.add_file_issue(issue)
                report.blank_rows = reader.blank_rows
            if progress is not None:
                progress(1.0, count)
            result_ = ImportResult(
                name,
                sha,
                kind,
                count,
                writer.added,
                writer.changed,
                writer.unchanged,
                writer.rejected,
                False,
                report,
            )
            conn.execute(
                t.sources.update()
                .where(t.sources.c.id == source_id)
                .values(rows=count, summary=_dumps(result_.summary()))
            )
        return result_

    @contextlib.contextmanager
    def _import_transaction(self, big: bool) -> Iterator[sa.Connection]:
        """The import's one transaction; for a big file, set up for bulk writing.

        SQLite writes a big import's pages once with a rollback journal (new pages need
        no journal) where WAL writes them twice (to the log, then the checkpoint copies
        them into the file): the connection leaves WAL for the import when no other
        connection has the file open, and goes back after it (a killed import leaves a
        journal that the next connection rolls back). Python's cyclic garbage collector is
        paused meanwhile: the rows' tuples make it scan again and again for nothing.
        SQLite checks no foreign key during a big import: it writes the one source it
        refers to itself, first.
        """
        with self.engine.connect() as conn:
            journal = big and conn.dialect.name == "sqlite" and _rollback_journal(conn)
            keys = big and conn.dialect.name == "sqlite"
            if keys:
                conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
                conn.commit()
            collecting = big and gc.isenabled()
            if collecting:
                gc.disable()
            try:
                with conn.begin():
                    yield conn
            finally:
                if collecting:
                    gc.enable()
                if journal:
                    conn.exec_driver_sql("PRAGMA journal_mode=WAL")
                if keys:
                    conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                if journal or keys:
                    conn.commit()

    def import_events(self, source: Source) -> EventImport:
        """Import an EVENTS file (the lifecycle's format: key, event, date, outcome, note).

        One transaction; the same file twice adds nothing, nor does an event the
        ledger already has. Each event is tied to the record its key names (a key
        without the body's code fits a record of any body with that 文书号); an
        event of no record, or of several, is kept untied and counted. Rows that
        are not events are reported (``issues``), never stored as events.
        """
        self._require_schema()
        sha, name, data = _sha256_file(source)
        log = read_events(source if data is None else _bytes_io(data, name))
        now = self._now()
        with self.engine.begin() as conn:
            if self._seen(conn, "events", sha):
                return EventImport(name, sha, 0, 0, 0, 0, 0, 0, True)
            source_id = conn.execute(
                t.sources.insert().values(
                    content="events",
                    name=name,
                    sha256=sha,
                    record_kind=None,
                    imported_at=now,
                    rows=log.rows,
                    summary="{}",
                )
            ).inserted_primary_key[0]  # type: ignore[index]  # one row inserted
            added = duplicates = unmatched = ambiguous = 0
            for event in log.events:
                found = self._records_of(conn, event.key)
                record = found[0] if len(found) == 1 else None
                if not found:
                    unmatched += 1
                elif record is None:
                    ambiguous += 1
                payload = _dumps(_event_data(event))
                key = str(event.key) if record is None else record.record_key
                same = conn.execute(
                    sa.select(t.events.c.id).where(
                        t.events.c.record_key == key,
                        t.events.c.event_kind == event.kind.value,
                        t.events.c.occurred_on == event.date,
                        t.events.c.data == payload,
                    )
                ).first()
                if same is not None:
                    duplicates += 1
                    continue
                conn.execute(
                    t.events.insert().values(
                        record_id=None if record is None else record.id,
                        record_kind="" if record is None else record.kind,
                        record_key=key,
                        event_kind=event.kind.value,
                        occurred_on=event.date,
                        data=payload,
                        old_data=None,
                        source_id=source_id,
                        source_row=event.row or 0,
                        recorded_at=now,
                    )
                )
                added += 1
            outcome = EventImport(
                name,
                sha,
                log.rows,
                added,
                duplicates,
                unmatched,
                ambiguous,
                log.rejected_rows,
                False,
                tuple(log.issues),
            )
            conn.execute(
                t.sources.update()
                .where(t.sources.c.id == source_id)
                .values(summary=_dumps(outcome.summary()))
            )
        return outcome

    @staticmethod
    def _records_of(conn: sa.Connection, key: RecordKey) -> list[Any]:
        r = t.records
        query = sa.select(r.c.id, r.c.kind, r.c.record_key)
        if key.authority_code is not None:
            query = query.where(r.c.record_key == str(key))
        else:
            number = key.decision_no
            escaped = number.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            query = query.where(
                sa.or_(r.c.record_key == number, r.c.record_key.like(f"%|{escaped}", escape="\\"))
            )
        return list(conn.execute(query.limit(2)))

    def lifecycle_events(self, record_id: int) -> tuple[Event, ...]:
        """The lifecycle events of one record, oldest first (what :mod:`~credit_disclosure.lifecycle` reads).

        ``changed`` events made by imports carry the day they were recorded.
        """
        out = []
        for row in self.events(record_id):
            outcome = row["data"].get("outcome") if row["old_data"] is None else None
            out.append(
                Event(
                    key=RecordKey.parse(row["record_key"]),
                    kind=row["event_kind"],
                    date=row["occurred_on"],
                    outcome=outcome,
                )
            )
        return tuple(out)

    def lifecycle_events_of(self, record_ids: Sequence[int]) -> dict[int, tuple[Event, ...]]:
        """The lifecycle events of many records at once (record id -> events, oldest first)."""
        self._require_schema()
        e = t.events
        out: dict[int, list[Event]] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(record_ids), 1000):
                chunk = list(record_ids[start : start + 1000])
                query = sa.select(e).where(e.c.record_id.in_(chunk)).order_by(e.c.id)
                for row in conn.execute(query):
                    outcome = json.loads(row.data).get("outcome") if row.old_data is None else None
                    out.setdefault(row.record_id, []).append(
                        Event(
                            key=RecordKey.parse(row.record_key),
                            kind=row.event_kind,
                            date=row.occurred_on,
                            outcome=outcome,
                        )
                    )
        return {k: tuple(v) for k, v in out.items()}

    def _seen(self, conn: sa.Connection, content: str, sha: str) -> bool:
        found = conn.execute(
            sa.select(t.sources.c.id).where(t.sources.c.content == content, t.sources.c.sha256 == sha)
        ).first()
        return found is not None

    def import_catalogue(self, source: Source) -> CatalogueImport:
        """Import a catalogue (XLSX in the 附件2 layout, or CSV) as the ledger's current one.

        Items not in the file are retired, changed items are retired and added
        anew: every version stays in the database. A file with a row that
        cannot be read changes nothing (``catalogue.rows`` names the rows).
        """
        self._require_schema()
        sha, name, data = _sha256_file(source)
        catalogue = load_catalogue(source if data is None else _bytes_io(data, name))
        now = self._now()
        with self.engine.begin() as conn:
            if self._seen(conn, "catalogue", sha):
                return CatalogueImport(name, sha, 0, 0, 0, 0, True)
            source_id = conn.execute(
                t.sources.insert().values(
                    content="catalogue",
                    name=name,
                    sha256=sha,
                    record_kind=None,
                    imported_at=now,
                    rows=len(catalogue),
                    summary="{}",
                )
            ).inserted_primary_key[0]  # type: ignore[index]  # one row inserted
            current = {
                (r.kind, r.department, r.name): (r.id, r.item)
                for r in conn.execute(
                    sa.select(t.catalogue_items).where(t.catalogue_items.c.retired_at.is_(None))
                )
            }
            added = changed = unchanged = 0
            wanted: set[tuple[str, str, str]] = set()
            for item in catalogue:
                wanted.add(item.key)
                text = _item_to_json(item)
                old = current.get(item.key)
                if old is not None and old[1] == text:
                    unchanged += 1
                    continue
                if old is not None:
                    changed += 1
                    self._retire(conn, old[0], source_id, now)
                else:
                    added += 1
                conn.execute(
                    t.catalogue_items.insert().values(
                        kind=item.kind.value,
                        department=item.department,
                        name=item.name,
                        item=text,
                        source_id=source_id,
                        added_at=now,
                    )
                )
            retired = 0
            for key, (item_id, _text) in current.items():
                if key not in wanted:
                    retired += 1
                    self._retire(conn, item_id, source_id, now)
            outcome = CatalogueImport(name, sha, added, changed, retired, unchanged, False)
            conn.execute(
                t.sources.update()
                .where(t.sources.c.id == source_id)
                .values(summary=_dumps(attrs.asdict(outcome)))
            )
        return outcome

    @staticmethod
    def _retire(conn: sa.Connection, item_id: int, source_id: int, now: datetime) -> None:
        conn.execute(
            t.catalogue_items.update()
            .where(t.catalogue_items.c.id == item_id)
            .values(retired_source_id=source_id, retired_at=now)
        )

    # ------------------------------------------------------------------ reading

    def catalogue(self) -> Catalogue:
        """The current catalogue (items not retired), in the order they were added."""
        self._require_schema()
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(t.catalogue_items.c.item)
                .where(t.catalogue_items.c.retired_at.is_(None))
                .order_by(t.catalogue_items.c.id)
            )
            return Catalogue(tuple(_item_from_json(r.item) for r in rows))

    def records(
        self,
        *,
        kind: RecordKind | str | None = None,
        unit: str | None = None,
        decided_from: date | None = None,
        decided_to: date | None = None,
    ) -> Iterator[LedgerRecord]:
        """The records, filtered by kind, deciding unit and decision date (inclusive), by id."""
        self._require_schema()
        query = sa.select(t.records).order_by(t.records.c.id)
        if kind is not None:
            query = query.where(t.records.c.kind == RecordKind(kind).value)
        if unit is not None:
            query = query.where(t.records.c.unit == unit)
        if decided_from is not None:
            query = query.where(t.records.c.decision_date >= decided_from)
        if decided_to is not None:
            query = query.where(t.records.c.decision_date <= decided_to)
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                yield _record(row)

    def units(self) -> tuple[str, ...]:
        """The deciding units that have records, sorted."""
        self._require_schema()
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(t.records.c.unit).distinct().order_by(t.records.c.unit))
            return tuple(r.unit for r in rows)

    def events(self, record_id: int | None = None) -> list[dict[str, Any]]:
        """The events (of one record, or all), oldest first, as dicts (``old_data`` kept)."""
        self._require_schema()
        query = sa.select(t.events).order_by(t.events.c.id)
        if record_id is not None:
            query = query.where(t.events.c.record_id == record_id)
        with self.engine.connect() as conn:
            return [
                {
                    "id": r.id,
                    "record_id": r.record_id,
                    "record_kind": r.record_kind,
                    "record_key": r.record_key,
                    "event_kind": r.event_kind,
                    "occurred_on": r.occurred_on,
                    "data": json.loads(r.data),
                    "old_data": None if r.old_data is None else json.loads(r.old_data),
                    "source_id": r.source_id,
                    "recorded_at": r.recorded_at,
                }
                for r in conn.execute(query)
            ]

    def first_event_dates(self, event_kind: str, record_ids: Sequence[int]) -> dict[int, date]:
        """The day of each record's first event of ``event_kind`` (records without one left out)."""
        self._require_schema()
        e = t.events
        out: dict[int, date] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(record_ids), 1000):
                chunk = list(record_ids[start : start + 1000])
                query = (
                    sa.select(e.c.record_id, sa.func.min(e.c.occurred_on))
                    .where(e.c.event_kind == event_kind, e.c.record_id.in_(chunk))
                    .group_by(e.c.record_id)
                )
                for record_id, day in conn.execute(query):
                    if day is not None:
                        out[record_id] = day if isinstance(day, date) else date.fromisoformat(str(day))
        return out

    def sources(self) -> list[dict[str, Any]]:
        """Every file imported: what, name, sha256, when, rows, and the import's summary."""
        self._require_schema()
        with self.engine.connect() as conn:
            return [
                {
                    "id": r.id,
                    "content": r.content,
                    "name": r.name,
                    "sha256": r.sha256,
                    "imported_at": r.imported_at,
                    "rows": r.rows,
                    "summary": json.loads(r.summary),
                }
                for r in conn.execute(sa.select(t.sources).order_by(t.sources.c.id))
            ]

    def status(self) -> LedgerStatus:
        """What the ledger holds: sources, records by kind, events by kind, catalogue, reports."""
        self._require_schema()
        with self.engine.connect() as conn:
            count = sa.func.count()
            records: dict[str, int] = {
                row[0]: row[1]
                for row in conn.execute(
                    sa.select(t.records.c.kind, count).group_by(t.records.c.kind)
                )
            }
            events: dict[str, int] = {
                row[0]: row[1]
                for row in conn.execute(
                    sa.select(t.events.c.event_kind, count).group_by(t.events.c.event_kind)
                )
            }
            accepted = conn.execute(
                sa.select(count).select_from(t.records).where(t.records.c.accepted.is_(True))
            ).scalar_one()
            n_sources = conn.execute(sa.select(count).select_from(t.sources)).scalar_one()
            items = conn.execute(
                sa.select(count)
                .select_from(t.catalogue_items)
                .where(t.catalogue_items.c.retired_at.is_(None))
            ).scalar_one()
            n_reports = conn.execute(sa.select(count).select_from(t.reports)).scalar_one()
        return LedgerStatus(
            url=self.engine.url.render_as_string(hide_password=True),
            schema_version=self.schema_version(),
            latest_version=MIGRATIONS[-1].version,
            sources=n_sources,
            records=records,
            accepted=accepted,
            events=events,
            catalogue_items=items,
            reports=n_reports,
            units=self.units(),
        )

    # ------------------------------------------------------------------ reports

    def save_report(
        self,
        report_kind: str,
        payload: Mapping[str, Any],
        *,
        unit: str | None,
        period_start: date,
        period_end: date,
        as_of: date,
    ) -> int:
        """Keep a report as submitted (its JSON and sha256); return its id in the ledger."""
        self._require_schema()
        text = _dumps(payload)
        with self.engine.begin() as conn:
            return int(
                conn.execute(
                    t.reports.insert().values(
                        report_kind=report_kind,
                        unit=unit,
                        period_start=period_start,
                        period_end=period_end,
                        as_of=as_of,
                        created_at=self._now(),
                        payload=text,
                        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                    )
                ).inserted_primary_key[0]  # type: ignore[index]  # one row inserted
            )

    def saved_reports(self) -> list[dict[str, Any]]:
        """Every report kept, oldest first (kind, unit, period, when, sha256)."""
        self._require_schema()
        with self.engine.connect() as conn:
            return [
                {
                    "id": r.id,
                    "report_kind": r.report_kind,
                    "unit": r.unit,
                    "period_start": r.period_start,
                    "period_end": r.period_end,
                    "as_of": r.as_of,
                    "created_at": r.created_at,
                    "sha256": r.sha256,
                }
                for r in conn.execute(sa.select(t.reports).order_by(t.reports.c.id))
            ]


@attrs.frozen
class _Layout:
    """Where a CSV file's columns are: each field code's, the publication, mapping and extras'."""

    fields: dict[str, int]
    published: int | None
    mapping: int | None
    extras: tuple[tuple[str, int], ...]


#: Characters :func:`normalize_decision_number` changes or drops (full-width forms, brackets,
#: any white space): a 文书号 with none of them is its own normal form. A wider class than
#: Python's ``\s`` only sends more rows the row way.
_NOT_NORMAL: Final = "[\\s\x1c-\x1f\u180e\u200b\uff01-\uff5e\\[\\]【】()（）]"
#: The control characters Python's ``str.strip`` drops and Polars' ``strip_chars`` keeps.
_CONTROL: Final = "[\x1c-\x1f]"

class _ClearedColumns:
    """The ``records`` rows of cleared runs, built from their Arrow batches by Polars.

    Each value is the one :meth:`_RecordWriter.row` gives for the same cells: the
    record's JSON (fields in the standard's order, empty cells left out, compact,
    UTF-8) by string concatenation with ``"`` and ``\\`` escaped, its key, unit,
    dates (each distinct text parsed once, by the standard's own parser), category,
    extras and the content hash. Rows for which the concatenation could differ from
    the JSON writer (a control character in a cell) or the key needs normalising
    (full-width forms, brackets, white space in the 文书号, or none) go through
    :meth:`_RecordWriter.row` itself.
    """

    def __init__(self, writer: _RecordWriter, layout: _Layout) -> None:
        import numpy

        self.pl: Any = None
        try:
            import polars

            self.pl = polars
        except ImportError:  # the fast extra without Polars: cleared rows built one by one
            pass
        self.np = numpy
        self.writer = writer
        self.layout = layout
        f = writer.fields
        order = [spec.code for spec in fields(writer.kind, writer.version)]
        self.order = [(code, layout.fields[code]) for code in order if code in layout.fields]
        at = layout.fields
        self.wsh, self.agency = at.get(f.wsh), at.get(f.agency)
        self.agency_code = None if f.agency_code is None else at.get(f.agency_code)
        self.decided = at.get(f.decided)
        self.category = None if f.category is None else at.get(f.category)
        self.extras = sorted(layout.extras)  # _dumps sorts the keys
        # SQLite: a column the layout leaves empty in every row is NULL in the statement
        # (the sqlite3 module binds a None through its adapter lookup: slow)
        absent = {
            "decision_date": self.decided is None,
            "published_on": layout.published is None,
            "subject_category": self.category is None,
            "mapping": layout.mapping is None,
            "extra": not self.extras,
        }
        self.short = tuple(c for c in _SHORT_COLUMNS if not absent.get(c, False))
        if writer.sqlite:
            writer.use_short(self.short)

    def _object(self, values: Any, members: list[tuple[str, str]]) -> Any:
        return _json_object(self.pl, values, members)

    def _mapped(self, name: str, values: Any, fn: Callable[[str], object]) -> Any:
        """``fn`` of each distinct text of a column, as a column of text (or null)."""
        pl = self.pl
        distinct = values[name].unique().to_list()
        out = [fn(v) for v in distinct]
        return pl.col(name).replace_strict(distinct, out, return_dtype=pl.String)

    def _built(self, runs: list[Cleared]) -> tuple[Any, Any, list[str], list[bytes] | None]:
        """(cells with their row, the stored columns by name, the content hashes, the JSON as
        UTF-8 when the hashes needed it) of ``runs``, in order."""
        pl, np = self.pl, self.np
        w = self.writer
        frames = []
        i = 0
        while i < len(runs):  # the runs of one batch at once
            table = runs[i].table
            j = i
            while j < len(runs) and runs[j].table is table:
                j += 1
            frame = pl.from_arrow(table)
            assert isinstance(frame, pl.DataFrame)
            frame.columns = _names(frame.width)
            if j - i == 1 and runs[i].count == table.num_rows:
                frames.append(frame.with_columns(
                    pl.int_range(runs[i].first, runs[i].first + runs[i].count, dtype=pl.Int64).alias("row")
                ))
            else:
                index = np.concatenate([np.arange(r.start, r.start + r.count) for r in runs[i:j]])
                numbers = np.concatenate([np.arange(r.first, r.first + r.count) for r in runs[i:j]])
                frames.append(frame[index].with_columns(pl.Series("row", numbers, dtype=pl.Int64)))
            i = j
        values = frames[0] if len(frames) == 1 else pl.concat(frames, rechunk=False)
        data = self._object(values, [(code, f"c{i}") for code, i in self.order])
        layout = self.layout
        more = self._object(values, [(h, f"c{i}") for h, i in self.extras])
        if self.extras:
            more = pl.when(pl.any_horizontal([pl.col(f"c{i}") != "" for _h, i in self.extras])).then(
                more
            )
        else:
            more = pl.lit(None, dtype=pl.String)
        # Python's strip() also drops \x1c-\x1f, Polars' does not: such cells go the row way
        odd = [
            pl.col(f"c{index}").str.contains(_CONTROL)
            for index in (self.agency, self.agency_code, layout.mapping)
            if index is not None
        ]
        wsh = pl.col(f"c{self.wsh}") if self.wsh is not None else pl.lit("")
        agency = pl.col(f"c{self.agency}").str.strip_chars() if self.agency is not None else pl.lit("")
        if self.agency_code is not None:
            code_col = f"c{self.agency_code}"
            stripped = values[code_col].str.strip_chars()
            distinct = stripped.unique().to_list()
            body = pl.col(code_col).str.strip_chars().replace_strict(
                distinct, [w.authority(v) for v in distinct], return_dtype=pl.String
            )
            unit_code = pl.col(code_col).str.strip_chars()
        else:
            body = unit_code = pl.lit("")
        if self.decided is not None:
            decided = self._mapped(f"c{self.decided}", values, lambda v: _iso(w.decision_day(v)))
        else:
            decided = pl.lit(None, dtype=pl.String)
        if layout.published is not None:
            published = self._mapped(f"c{layout.published}", values, lambda v: _iso(w._day(v)))
        else:
            published = pl.lit(None, dtype=pl.String)
        if layout.mapping is not None:
            m = pl.col(f"c{layout.mapping}")
            mapping = pl.when(m != "").then(m.str.strip_chars())
        else:
            mapping = pl.lit(None, dtype=pl.String)
        if self.category is not None:
            c = pl.col(f"c{self.category}")
            category = pl.when(c != "").then(c)
        else:
            category = pl.lit(None, dtype=pl.String)
        built = values.select(
            pl.col("row"),
            data.alias("data"),
            more.alias("extra"),
            (pl.any_horizontal([wsh.str.contains(_NOT_NORMAL), wsh == "", *odd]))
            .alias("odd"),
            pl.when(body != "").then(pl.concat_str([body, pl.lit(_SEPARATOR), wsh])).otherwise(wsh).alias("key"),
            agency.alias("unit"),
            unit_code.alias("unit_code"),
            wsh.alias("decision_no"),
            decided.alias("decided"),
            published.alias("published"),
            category.alias("category"),
            mapping.alias("mapping"),
        )
        sha = hashlib.sha256
        blobs: list[bytes] | None = None  # the JSON as UTF-8 (SQLite stores it as is)
        if layout.published is None and layout.mapping is None and not self.extras:
            tail = b"\x1f\x1f\x1f"  # no publication day, mapping or extras: the same tail
            blobs = hashed = built["data"].cast(pl.Binary).to_list()
            digests = [sha(b + tail).hexdigest() for b in hashed]
        else:
            hashed = built.select(
                pl.concat_str(
                    [
                        pl.col("data"),
                        pl.lit("\x1f"),
                        pl.col("published").fill_null(""),
                        pl.lit("\x1f"),
                        pl.col("mapping").fill_null(""),
                        pl.lit("\x1f"),
                        pl.col("extra").fill_null(""),
                    ]
                ).cast(pl.Binary)
            ).to_series().to_list()
            digests = [sha(b).hexdigest() for b in hashed]
        return values, built, digests, blobs

    def rows(self, runs: list[Cleared]) -> list[tuple[Any, ...]]:
        """The rows of ``runs`` (in order), as tuples of :data:`_COLUMNS`."""
        pl = self.pl
        w = self.writer
        if pl is None or not USE_POLARS:
            return [self._by_row(cells) for run in runs for cells in _cells(run)]
        values, built, digests, blobs = self._built(runs)
        if not w.sqlite:  # psycopg takes dates as dates
            built = built.with_columns(
                pl.col("decided").str.to_date("%Y-%m-%d"), pl.col("published").str.to_date("%Y-%m-%d")
            )
        kind, source_id, stamp = w.kind.value, w.source_id, w.stamp
        rows: list[tuple[Any, ...]]
        if w.sqlite:  # the constant columns are in the statement (_RecordWriter.short_sql)
            # The JSON goes as UTF-8 bytes (the statement casts them to text): a Python
            # text of ~500 CJK characters costs more to make from Polars' UTF-8 and to
            # encode back to UTF-8 for SQLite than the bytes, which the hash needs anyway.
            if blobs is None:
                blobs = built["data"].cast(pl.Binary).to_list()
            lists = {
                "record_key": "key", "unit": "unit", "unit_code": "unit_code",
                "decision_no": "decision_no", "decision_date": "decided",
                "published_on": "published", "subject_category": "category",
                "mapping": "mapping", "extra": "extra", "source_row": "row",
            }  # fmt: skip
            rows = list(
                zip(
                    *(
                        digests if c == "content_sha256" else blobs if c == "data" else built[lists[c]].to_list()
                        for c in self.short
                    )
                )
            )
        else:
            rows = list(
                zip(
                    repeat(kind),
                    built["key"].to_list(),
                    built["unit"].to_list(),
                    built["unit_code"].to_list(),
                    built["decision_no"].to_list(),
                    built["decided"].to_list(),
                    built["published"].to_list(),
                    built["category"].to_list(),
                    repeat(True),
                    repeat("[]"),
                    digests,
                    built["data"].to_list(),
                    built["mapping"].to_list(),
                    built["extra"].to_list(),
                    repeat(1),
                    repeat(source_id),
                    built["row"].to_list(),
                    repeat(source_id),
                    repeat(stamp),
                    repeat(stamp),
                )
            )
        odd_rows = built["odd"]
        if odd_rows.any():  # the row way for these: the same values by the same code
            for index in odd_rows.arg_true().to_list():
                rows[index] = self._by_row(values.row(index))
        return rows

    def frame(self, runs: list[Cleared]) -> tuple[Any, list[tuple[Any, ...]]]:
        """PostgreSQL: the rows of ``runs`` (in order) as a Polars frame of :data:`_COLUMNS`,
        but for those that take the row way, which come as tuples (the same values as
        :meth:`rows` gives)."""
        pl = self.pl
        w = self.writer
        values, built, digests, _blobs = self._built(runs)
        sid = w.source_id
        frame = built.with_columns(pl.Series("content_sha256", digests, dtype=pl.String)).select(
            pl.lit(w.kind.value, dtype=pl.String).alias("kind"),
            pl.col("key").alias("record_key"),
            pl.col("unit"),
            pl.col("unit_code"),
            pl.col("decision_no"),
            pl.col("decided").str.to_date("%Y-%m-%d").alias("decision_date"),
            pl.col("published").str.to_date("%Y-%m-%d").alias("published_on"),
            pl.col("category").alias("subject_category"),
            pl.lit(True).alias("accepted"),
            pl.lit("[]").alias("issue_codes"),
            pl.col("content_sha256"),
            pl.col("data"),
            pl.col("mapping"),
            pl.col("extra"),
            pl.lit(1, dtype=pl.Int64).alias("version"),
            pl.lit(sid, dtype=pl.Int64).alias("source_id"),
            pl.col("row").alias("source_row"),
            pl.lit(sid, dtype=pl.Int64).alias("first_source_id"),
            pl.lit(w.stamp, dtype=pl.Datetime("us")).alias("imported_at"),
            pl.lit(w.stamp, dtype=pl.Datetime("us")).alias("updated_at"),
        )
        odd = built["odd"]
        if not odd.any():
            return frame, []
        by_row = [self._by_row(values.row(index)) for index in odd.arg_true().to_list()]
        return frame.filter(~odd), by_row

    def _by_row(self, cells: tuple[Any, ...]) -> tuple[Any, ...]:
        """One cleared row through :meth:`_RecordWriter.row` (cells in column order, then its row)."""
        w, layout = self.writer, self.layout
        row = cells[-1]
        values = {code: v for code, i in self.order if (v := cells[i]) != ""}
        extra = {h: v for h, i in self.extras if (v := cells[i]) != ""} or None
        decided = None if self.decided is None else w.decision_day(cells[self.decided])
        published = None if layout.published is None else cells[layout.published]
        mapped = None if layout.mapping is None else cells[layout.mapping]
        mapping = None if mapped in (None, "") else str(mapped).strip()
        return w.row(row, values, extra, decided, True, published, mapping, ())


def _json_object(pl: Any, values: Any, members: list[tuple[str, str]]) -> Any:
    """``{"k":"v",...}`` of the non-empty cells (members: key, column), as orjson writes it.

    Polars writes the JSON of the members whose column has a value in some row of
    ``values`` (its escaping is orjson's: tested), then the empty ones are cut out, one
    literal replacement per column that is empty in some row: ``,"k":""`` can only be
    a member (inside a string a quote is always escaped); the first member is cut with
    its comma, or alone.
    """
    if not members or not len(values):
        return pl.lit("{}")
    filled = values.select([(pl.col(name) != "").sum().alias(name) for _k, name in members]).row(0)
    n = len(values)
    kept = [(key, name, count) for (key, name), count in zip(members, filled) if count]
    if not kept:
        return pl.lit("{}")
    encoded = pl.struct([pl.col(name).alias(key) for key, name, _c in kept]).struct.json_encode()
    sometimes = [re.escape(_dumps(key)) for key, _name, count in kept[1:] if count < n]
    if sometimes:  # one pass: a literal prefix, then the keys
        encoded = encoded.str.replace_all(f',(?:{"|".join(sometimes)}):""', "")
    first, _name, count = kept[0]
    if count < n:
        text = _dumps(first)
        encoded = encoded.str.replace(f'{{{text}:"",', "{", literal=True)
        encoded = encoded.str.replace(f'{{{text}:""}}', "{}", literal=True)
    return encoded


def _cells(run: Cleared) -> Iterator[tuple[Any, ...]]:
    """The cells of a cleared run's rows, in column order, each followed by its row number."""
    table = run.table.slice(run.start, run.count)
    columns = [table.column(i).to_pylist() for i in range(table.num_columns)]
    return zip(*columns, range(run.first, run.first + run.count))


def _names(width: int) -> list[str]:
    return [f"c{i}" for i in range(width)]


def _iso(day: object) -> str | None:
    if day is None:
        return None
    return day if isinstance(day, str) else day.isoformat()  # type: ignore[attr-defined]


def _unique_keys(batch: list[tuple[Any, ...]]) -> bool:
    return len({v[_KEY] for v in batch}) == len(batch)


def _event_data(event: Event) -> dict[str, Any]:
    # the note is free text that may name a person: kept, as the unit wrote it, never shown
    return {
        "outcome": None if event.outcome is None else event.outcome.value,
        "note": event.note,
    }


def _bytes_io(data: bytes, name: str) -> IO[bytes]:
    import io

    buf = io.BytesIO(data)
    buf.name = name  # readers use it in messages
    return buf


def _record(row: Any) -> LedgerRecord:
    return LedgerRecord(
        id=row.id,
        kind=RecordKind(row.kind),
        key=row.record_key,
        unit=row.unit,
        unit_code=row.unit_code,
        decision_no=row.decision_no,
        decision_date=row.decision_date,
        published_on=row.published_on,
        subject_category=row.subject_category,
        accepted=bool(row.accepted),
        issue_codes=tuple(json.loads(row.issue_codes)),
        version=row.version,
        mapping=row.mapping,
        source_id=row.source_id,
        values=json.loads(row.data),
        extra={} if row.extra is None else json.loads(row.extra),
    )


#: The columns of ``records`` an import writes, in the order of its rows' tuples.
_COLUMNS: Final = (
    "kind", "record_key", "unit", "unit_code", "decision_no", "decision_date", "published_on",
    "subject_category", "accepted", "issue_codes", "content_sha256", "data", "mapping", "extra",
    "version", "source_id", "source_row", "first_source_id", "imported_at", "updated_at",
)  # fmt: skip
_AT: Final = {c: i for i, c in enumerate(_COLUMNS)}
#: The columns a changed record gets anew (its id, first source and import time stay).
_REWRITTEN: Final = (
    "unit", "unit_code", "decision_no", "decision_date", "published_on", "subject_category",
    "accepted", "issue_codes", "content_sha256", "data", "mapping", "extra", "version",
    "source_id", "source_row", "updated_at",
)  # fmt: skip
_VERSION: Final = _AT["version"]
_KEY: Final = _AT["record_key"]
_ROW: Final = _AT["source_row"]
#: A cleared row as SQLite gets it: the columns that vary (the statement holds the others).
_SHORT_COLUMNS: Final = (
    "record_key", "unit", "unit_code", "decision_no", "decision_date", "published_on",
    "subject_category", "content_sha256", "data", "mapping", "extra", "source_row",
)  # fmt: skip
#: A row of all :data:`_COLUMNS` (a short row has fewer: key first, source row last).
_FULL: Final = len(_COLUMNS)


def _row_of(values: tuple[Any, ...]) -> int:
    return values[-1] if len(values) != _FULL else values[_ROW]  # type: ignore[no-any-return]


def _key_of(values: tuple[Any, ...]) -> str:
    return values[0] if len(values) != _FULL else values[_KEY]  # type: ignore[no-any-return]


def _literal(value: object) -> str:
    """A text value as an SQL string literal."""
    return "'" + str(value).replace("'", "''") + "'"
_DAY_CACHE: Final = 4096
#: Build cleared rows' columns with Polars when it is installed (tests switch it off).
USE_POLARS = True
#: An import of at least this many rows (estimated from the file's size) writes in bulk mode.
_BULK_ROWS: Final = 2000
#: Rows an import adds before its first ANALYZE on PostgreSQL, which only an import that looks
#: keys up needs (then each time the rows double).
_ANALYZE_FROM: Final = 10_000
#: SQLite's cache while it builds an index again (KiB, negative): its sort's memory.
_SORT_CACHE: Final = -8192
#: SQLite's helper threads for that sort (PRAGMA threads; 0 where SQLite has no threads).
_SORT_THREADS: Final = 2


def _rollback_journal(conn: sa.Connection) -> bool:
    """Switch a SQLite connection to a rollback journal, if no other connection prevents it."""
    try:
        mode = conn.exec_driver_sql("PRAGMA journal_mode=DELETE").scalar()
    except sa.exc.OperationalError:  # another connection has the file open
        mode = None
    conn.commit()
    return mode == "delete"


def _estimated_rows(source: Source, data: bytes | None) -> int:
    """A low estimate of the rows of a file: its size over 2,000 bytes (a penalty row is ~500)."""
    if data is not None:
        return len(data) // 2000
    try:
        return os.path.getsize(source) // 2000  # type: ignore[arg-type]  # a path here
    except (OSError, TypeError):
        return 0


def _import_rows(
    reader: TableReader,
    report: Report,
    writer: _RecordWriter,
    kind: RecordKind,
    version: StandardVersion,
    as_of: date,
    pub: str | None,
    mcol: str | None,
    progress: ProgressCallback | None,
    engine: Engine = "auto",
) -> int:
    """Check every row through the one row pipeline, as ``check`` does, and hand it to ``writer``.

    Rows the columnar fast path clears (``engine``, as ``check_file``'s) come as runs
    of their Arrow batch and are stored from its columns.

    The publication and mapping columns, and the columns the standard does not know
    (kept as the record's extras), are told to the header resolver as read for another
    purpose: check_row never sees them and they are no header problem.
    """
    resolver = report_resolver(kind, version, report)
    standard: dict[object, bool] = {pub: False, mcol: False}
    jsonl = reader.format is FileFormat.JSONL
    if not jsonl:
        for h in reader.headers:
            standard.setdefault(h, resolve_header(h, kind, version) is not None)
    for column, is_field in standard.items():
        if not is_field:
            resolver.ignore(column)
    # JSON Lines: keys may differ from row to row, so extras are found row by row
    extras = [
        h for h, known in standard.items()
        if not known and isinstance(h, str) and h.strip() and h not in (pub, mcol)
    ]  # fmt: skip
    pipeline = RowPipeline(resolver, as_of=as_of, reader=reader)
    order = [spec.code for spec in fields(kind, version)]
    report_add = report.add
    writer_add = writer.add
    count = 0
    outcomes: Generator[RowOutcome | Cleared, None, None]
    layout: _Layout | None = None
    if jsonl:  # a row's new keys are resolved (the unknown ones ignored) before it is mapped
        outcomes = (o for o in pipeline.run(_announced(reader, standard, resolver, pub, mcol)))
    else:
        outcomes = checked_rows(reader, pipeline, engine=engine)
        at = {h: i for i, h in enumerate(reader.headers)}
        codes = resolver.codes
        layout = _Layout(
            {code: i for h, i in at.items() if (code := codes.get(h)) is not None},
            at.get(pub) if pub else None,
            at.get(mcol) if mcol else None,
            tuple((h, at[h]) for h in extras if h in at),
        )
    try:
        for outcome in outcomes:
            if isinstance(outcome, Cleared):  # rows the columnar path cleared: no issue in any
                assert layout is not None
                before, count = count, count + outcome.count
                report.add_clean(outcome.count)
                writer.add_cleared(outcome, layout)
                if progress is not None and before // _PROGRESS_EVERY != count // _PROGRESS_EVERY:
                    progress(reader.progress(), count)
                continue
            count += 1
            if progress is not None and count % _PROGRESS_EVERY == 0:
                progress(reader.progress(), count)
            issues = outcome.issues
            row = outcome.values
            if issues:
                report_add(outcome.row, issues, sheet_row=outcome.sheet_row, values=row)
            else:
                report_add(outcome.row, issues)
            if row is None:  # the reader could not split the row into cells: kept, not accepted
                writer_add(outcome.row, {}, None, None, False, None, None, issues)
                continue
            values = outcome.raw.values if outcome.raw is not None else {}
            extra: dict[str, str] | None = None
            for h in _extra_columns(values, standard, resolver, pub, mcol) if jsonl else extras:
                if (v := values.get(h)) is not None and v != "":
                    if extra is None:
                        extra = {}
                    extra[h] = format_value(v)
            mapped = values.get(mcol) if mcol else None
            result = outcome.result
            writer_add(
                outcome.row,
                {
                    code: v if type(v) is str else format_value(v)
                    for code in order
                    if (v := row.get(code)) is not None and v != ""
                },
                extra,
                None if result is None or result.record is None else result.record.decision_date,
                result is not None and not any(i.severity is Severity.ERROR for i in issues),
                values.get(pub) if pub else None,
                None if mapped in (None, "") else str(mapped).strip(),
                issues,
            )
    finally:
        outcomes.close()  # the fast path's read-ahead thread stops before the file closes
    return count


def _announced(
    rows: Iterable[RawRow],
    standard: dict[object, bool],
    resolver: HeaderResolver,
    pub: str | None,
    mcol: str | None,
) -> Iterator[RawRow]:
    for raw in rows:
        _extra_columns(raw.values, standard, resolver, pub, mcol)
        yield raw


def _extra_columns(
    values: Mapping[str, object],
    standard: dict[object, bool],
    resolver: HeaderResolver,
    pub: str | None,
    mcol: str | None,
) -> list[str]:
    """The keys of a JSON Lines row that name no field (each resolved once per file)."""
    out = []
    for h in values:
        known = standard.get(h)
        if known is None:
            known = standard[h] = resolve_header(h, resolver.kind, resolver.version) is not None
            if not known:
                resolver.ignore(h)
        if not known and h not in (pub, mcol):
            out.append(h)
    return out


#: COPY's text format: a backslash, tab, newline and carriage return in a value are escaped.
_COPY_SPECIAL: Final = ["\\", "\t", "\n", "\r"]
_COPY_ESCAPED: Final = ["\\\\", "\\t", "\\n", "\\r"]
#: Columns of ``records`` that hold JSON text (written by orjson or json: no control characters).
_JSON_COLUMNS: Final = frozenset({"data", "extra", "issue_codes"})


class _CopyBatch:
    """PostgreSQL: a batch of rows in the file's order as a Polars frame of :data:`_COLUMNS`.

    Its ``COPY`` text is written by Polars into one bytes object (:meth:`text`), which
    psycopg sends as it is, instead of a Python tuple per row that psycopg formats one by
    one while holding the interpreter; the tuples are made only when keys must be looked
    up (:meth:`tuples`).
    """

    def __init__(self, pl: Any, frame: Any) -> None:
        self.pl = pl
        self.frame = frame
        #: the text, being written in another thread (:meth:`_RecordWriter.flush`)
        self.written: Future[bytes] | None = None

    def __len__(self) -> int:
        return int(self.frame.height)

    def unique_keys(self) -> bool:
        """Whether no key is repeated in the batch."""
        return bool(self.frame["record_key"].n_unique() == self.frame.height)

    def tuples(self) -> list[tuple[Any, ...]]:
        """The rows as the tuples :meth:`_RecordWriter.row` gives."""
        return list(self.frame.rows())

    def text(self) -> bytes:
        """The rows in ``COPY ... FROM STDIN``'s text format: tab-separated, ``\\N`` for NULL,
        ``t``/``f``, ISO dates and times, a backslash, tab, newline and CR escaped."""
        if self.written is not None:
            return self.written.result()
        return self.write_text()

    def write_text(self) -> bytes:
        """:meth:`text`, written now."""
        pl = self.pl
        frame = self.frame
        if not frame.height:
            return b""
        texts = [name for name, dtype in frame.schema.items() if dtype == pl.String]
        # Escaping costs more than all the rest: only the columns that need it. JSON text
        # has no control character (escaped, as \n or \u0001), only backslashes.
        special = frame.select(
            (
                pl.col(name).str.contains("\\", literal=True)
                if name in _JSON_COLUMNS
                else pl.col(name).str.contains("[\\\\\t\n\r]")
            ).any()
            for name in texts
        ).row(0)
        escape = {name for name, found in zip(texts, special) if found}
        cells = []
        for name, dtype in frame.schema.items():
            column = pl.col(name)
            if name in escape:
                column = column.str.replace_many(_COPY_SPECIAL, _COPY_ESCAPED)
            elif dtype == pl.Boolean:
                column = pl.when(column).then(pl.lit("t")).when(column.not_()).then(pl.lit("f"))
            elif dtype != pl.String:  # integers, dates (ISO), times (ISO, a space before the time)
                column = column.cast(pl.String)
            cells.append(column.fill_null("\\N") if frame[name].null_count() else column)
        lines = frame.select(pl.concat_str(cells, separator="\t").alias("line")).to_series()
        return bytes(lines.str.join("\n").cast(pl.Binary).item())


class _RecordWriter:
    """Rows of ``records`` written in batches straight through the database driver.

    SQLAlchemy's per-row parameter handling costs more than the database's own
    work on a big import, so each row is built once as a tuple of values the
    driver takes as they are (dates as ISO text on SQLite, the time stamp bound
    once) and a batch goes through the driver's ``executemany`` (SQLite) or
    ``COPY`` (PostgreSQL with psycopg), on the import's connection and in its
    one transaction. Rows the columnar fast path cleared come as runs of an Arrow
    batch (:meth:`add_cleared`): their stored columns are built from the batch's
    columns by Polars expressions (:class:`_ClearedColumns`), the same values the
    row path writes; the rows of a batch are written in the file's order.

    A batch is inserted optimistically: SQLite skips the keys it already holds
    (``ON CONFLICT DO NOTHING``) and PostgreSQL loads it with ``COPY`` inside a
    savepoint (a key it holds rolls the batch back to the savepoint, and from
    then on keys are looked up before each batch). Rows not inserted (a key the
    ledger holds, or one seen earlier in the file) are then taken one by one in
    the file's order: unchanged, or rewritten with a ``changed`` event keeping
    the old values. An import at least as big as the table drops the reports'
    secondary indexes (and on PostgreSQL the foreign keys of ``records``) and builds
    them again at the end, in the same transaction (a failed or killed import rolls
    the drop back too).
    """

    def __init__(
        self,
        conn: sa.Connection,
        kind: RecordKind,
        version: StandardVersion,
        source_id: int,
        sha: str,
        now: datetime,
    ) -> None:
        self.conn = conn
        dialect = conn.dialect
        self.sqlite = dialect.name == "sqlite"
        self.copy = dialect.name == "postgresql" and dialect.driver == "psycopg"
        self.generic = not self.sqlite and not self.copy and dialect.paramstyle not in (
            "format", "pyformat", "qmark"
        )  # fmt: skip
        self.kind = kind
        self.version = version
        self.fields = _FIELDS[(kind, version)]
        self.source_id = source_id
        self.sha = sha
        self.now = now
        proc = t.records.c.imported_at.type._cached_bind_processor(dialect)
        self.stamp: object = now if proc is None else proc(now)
        self.pending: list[tuple[Any, ...]] = []
        self.runs: list[Cleared] = []
        self.size = 0
        self.columns: _ClearedColumns | None = None
        self.added = self.changed = self.unchanged = self.rejected = 0
        self.codes: dict[str, str] = {}
        self.days: dict[str, object] = {}
        self.decided: dict[str, object] = {}
        self.rebuild: list[str] = []
        #: PostgreSQL: rows added at this import's last ANALYZE (None: no key looked up yet)
        self.analyzed: int | None = None
        #: PostgreSQL: COPY each batch at once until a key is found held (then look up first)
        self.optimistic = True
        # The writing thread: the driver works (SQLite releases the GIL while it steps,
        # PostgreSQL works in its own process) while this thread reads and checks rows.
        self._queue: queue.Queue[list[tuple[Any, ...]] | _CopyBatch | None] | None = None
        self._thread: threading.Thread | None = None
        #: PostgreSQL: the thread that writes the COPY text of the batches queued
        self._encoder: ThreadPoolExecutor | None = None
        self._error: BaseException | None = None
        preparer = dialect.identifier_preparer
        self.table = preparer.format_table(t.records)
        self.names = ", ".join(preparer.quote(c) for c in _COLUMNS)
        mark = "?" if dialect.paramstyle == "qmark" else "%s"
        self.mark = mark
        self.insert_sql = f"INSERT INTO {self.table} ({self.names}) VALUES ({', '.join([mark] * len(_COLUMNS))})"
        # SQLite: a key already held is skipped (counted, then taken as a change or not)
        self.upsert_sql = f"{self.insert_sql} ON CONFLICT (kind, record_key) DO NOTHING"
        self.short_columns: tuple[str, ...] = _SHORT_COLUMNS
        self.short_sql = ""
        self.use_short(_SHORT_COLUMNS)
        sets = ", ".join(f"{preparer.quote(c)} = {mark}" for c in _REWRITTEN)
        self.update_sql = f"UPDATE {self.table} SET {sets} WHERE id = {mark}"

    def use_short(self, columns: tuple[str, ...]) -> None:
        """SQLite: cleared rows come as tuples of ``columns`` (of :data:`_SHORT_COLUMNS`).

        The statement holds the constant columns and NULL for the short columns left
        out (empty in every row of the file); the record's JSON comes as UTF-8 bytes.
        """
        fixed = {
            "kind": _literal(self.kind.value),
            "accepted": "1",
            "issue_codes": "'[]'",
            "version": "1",
            "source_id": str(int(self.source_id)),
            "first_source_id": str(int(self.source_id)),
            "imported_at": _literal(self.stamp),
            "updated_at": _literal(self.stamp),
            "data": f"CAST({self.mark} AS TEXT)",
        }
        values = ", ".join(
            fixed.get(c, self.mark) if c in columns or c not in _SHORT_COLUMNS else "NULL" for c in _COLUMNS
        )
        self.short_columns = columns
        self.short_sql = (
            f"INSERT INTO {self.table} ({self.names}) VALUES ({values})"
            " ON CONFLICT (kind, record_key) DO NOTHING"
        )

    def begin(self, expected_rows: int) -> None:
        """Before the first row: start the writing thread; drop the secondary indexes for a
        big import (SQLite, PostgreSQL), and on PostgreSQL the foreign keys of ``records``."""
        if not self.generic:
            self._queue = queue.Queue(maxsize=2)
            self._thread = threading.Thread(target=self._writing, name="ledger-writer", daemon=True)
            self._thread.start()
        if self.sqlite:
            indexes = self.conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master "
                "WHERE type = 'index' AND tbl_name = 'records' AND sql IS NOT NULL"
            ).all()
        elif self.copy:  # the unique key's index and the primary key's stay
            indexes = self.conn.exec_driver_sql(
                "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x"
                " JOIN pg_class i ON i.oid = x.indexrelid"
                f" WHERE x.indrelid = '{self.table}'::regclass"
                " AND NOT x.indisunique AND NOT x.indisprimary"
            ).all()
        else:  # pragma: no cover  (neither sqlite3 nor psycopg)
            return
        held = self.conn.exec_driver_sql("SELECT max(id) FROM records").scalar() or 0
        if not indexes or expected_rows < held:
            return
        for name, sql in indexes:  # the unique key's own index (no sql) stays: lookups use it
            self.conn.exec_driver_sql(f'DROP INDEX "{name}"')
            self.rebuild.append(sql)
        if self.copy:
            # PostgreSQL checks a foreign key row by row (a trigger and a query per row and
            # key: half the server's work in a COPY); the rows of an import refer to the one
            # source this transaction wrote itself. The keys are added back at the end, which
            # checks every row of the table at once (one join), in the same transaction: a
            # failed or killed import rolls the drop back. (SQLite: _import_transaction.)
            keys = self.conn.exec_driver_sql(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                f" WHERE conrelid = '{self.table}'::regclass AND contype = 'f' ORDER BY conname"
            ).all()
            for name, definition in keys:
                self.conn.exec_driver_sql(f'ALTER TABLE {self.table} DROP CONSTRAINT "{name}"')
                self.rebuild.append(f'ALTER TABLE {self.table} ADD CONSTRAINT "{name}" {definition}')

    def finish(self) -> None:
        """After the last row: write what is pending, build the dropped indexes (and keys) again."""
        self.flush()
        self.close()
        if not self.rebuild:
            return
        if not self.sqlite:
            for sql in self.rebuild:
                self.conn.exec_driver_sql(sql)
            self.rebuild.clear()
            return
        # SQLite sorts an index's entries in up to cache_size of memory before it spills to a
        # temporary file: a small cache for the sort keeps memory flat at any size of file.
        # Helper threads sort while this one reads the table (the import's other threads are
        # done by now).
        cache = self.conn.exec_driver_sql("PRAGMA cache_size").scalar()
        threads = self.conn.exec_driver_sql("PRAGMA threads").scalar()
        self.conn.exec_driver_sql(f"PRAGMA cache_size={_SORT_CACHE}")
        self.conn.exec_driver_sql(f"PRAGMA threads={_SORT_THREADS}")
        try:
            for sql in self.rebuild:
                self.conn.exec_driver_sql(sql)
        finally:
            self.conn.exec_driver_sql(f"PRAGMA cache_size={int(cache or _SORT_CACHE)}")
            self.conn.exec_driver_sql(f"PRAGMA threads={int(threads or 0)}")
        self.rebuild.clear()

    def _day(self, value: object) -> object:
        """A publication date as the driver takes it (text cached: few distinct values)."""
        if value is None or value == "":
            return None
        if type(value) is str and value in self.days:
            return self.days[value]
        day = _date_of(value)
        out = None if day is None else (day.isoformat() if self.sqlite else day)
        if type(value) is str:
            if len(self.days) >= _DAY_CACHE:
                self.days.clear()
            self.days[value] = out
        return out

    def decision_day(self, text: str) -> date | None:
        """The decision date ``check_row`` reads from a cleared row's text (cached)."""
        if text in self.decided:
            return self.decided[text]  # type: ignore[return-value]
        if len(self.decided) >= _DAY_CACHE:
            self.decided.clear()
        rec = parse_row({self.fields.decided: text}, self.kind, version=self.version).record
        day = self.decided[text] = None if rec is None else rec.decision_date
        return day

    def authority(self, agency_code: str) -> str:
        """The key's body code of a stripped 处罚/许可机关代码 (cached: few distinct values)."""
        code = self.codes.get(agency_code)
        if code is None:
            code = self.codes[agency_code] = RecordKey("-", agency_code or None).authority_code or ""
        return code

    def row(
        self,
        row: int,
        cells: Mapping[str, str],
        extra: Mapping[str, str] | None,
        decided: date | None,
        accepted: bool,
        published: object,
        mapping: str | None,
        issues: Sequence[Any],
    ) -> tuple[Any, ...]:
        """The ``records`` row of one record, as the driver takes it."""
        f = self.fields
        wsh = cells.get(f.wsh, "").strip()
        agency = cells.get(f.agency, "").strip()
        agency_code = cells.get(f.agency_code, "").strip() if f.agency_code else ""
        if wsh:  # the lifecycle's key: deciding body's code and normalised 文书号
            code = self.authority(agency_code)
            number = normalize_decision_number(wsh)
            key = f"{code}{_SEPARATOR}{number}" if code else number
        else:  # no 文书号: kept, under the file and row it came from
            key = f"~{self.sha[:16]}#{row}"
        if not accepted:
            self.rejected += 1
        blob = _encode_cells(cells)  # cells come in the standard's field order
        data = blob.decode()
        more = _dumps(extra) if extra else None
        day = self._day(published)
        iso = "" if day is None else day if isinstance(day, str) else day.isoformat()  # type: ignore[attr-defined]
        digest = hashlib.sha256(blob)  # of the JSON, publication day, mapping and extras
        digest.update(f"\x1f{iso}\x1f{mapping or ''}\x1f{more or ''}".encode())
        if decided is not None and self.sqlite:
            decided_value: object = decided.isoformat()
        else:
            decided_value = decided
        return (
            self.kind.value,
            key,
            agency,
            agency_code,
            wsh or None,
            decided_value,
            day,
            (cells.get(f.category) or None) if f.category else None,
            accepted,
            _dumps(sorted({i.code for i in issues})) if issues else "[]",
            digest.hexdigest(),
            data,
            mapping,
            more,
            1,
            self.source_id,
            row,
            self.source_id,
            self.stamp,
            self.stamp,
        )

    def add(
        self,
        row: int,
        cells: Mapping[str, str],
        extra: Mapping[str, str] | None,
        decided: date | None,
        accepted: bool,
        published: object,
        mapping: str | None,
        issues: Sequence[Any],
    ) -> None:
        """One record through the row path."""
        self.pending.append(self.row(row, cells, extra, decided, accepted, published, mapping, issues))
        self.size += 1
        if self.size >= _BATCH:
            self.flush()

    def add_cleared(self, run: Cleared, layout: _Layout) -> None:
        """A run of rows the columnar path cleared: their columns are built at the flush."""
        if self.columns is None:
            self.columns = _ClearedColumns(self, layout)
        self.runs.append(run)
        self.size += run.count
        if self.size >= _BATCH:
            self.flush()

    def _write(self, sql: str, rows: list[tuple[Any, ...]]) -> int:
        raw = self.conn.connection.driver_connection
        assert raw is not None
        cur = raw.cursor()
        try:
            cur.executemany(sql, rows)
            return int(cur.rowcount)
        finally:
            cur.close()

    def _copy_text(self, text: bytes) -> None:
        raw = self.conn.connection.driver_connection
        assert raw is not None
        with raw.cursor() as cur, cur.copy(f"COPY {self.table} ({self.names}) FROM STDIN") as copy:
            if text:
                copy.write(text)
                copy.write(b"\n")  # after the last line

    def _copy(self, rows: list[tuple[Any, ...]]) -> None:
        raw = self.conn.connection.driver_connection
        assert raw is not None
        with raw.cursor() as cur, cur.copy(f"COPY {self.table} ({self.names}) FROM STDIN") as copy:
            for values in rows:
                copy.write_row(values)

    def _insert(self, rows: list[tuple[Any, ...]]) -> None:
        """Insert rows whose keys the ledger does not hold."""
        if self.copy:  # PostgreSQL loads fastest with COPY, in the same transaction
            self._copy(rows)
        elif self.generic:  # pragma: no cover  (neither sqlite3 nor psycopg)
            self.conn.execute(t.records.insert(), [dict(zip(_COLUMNS, v)) for v in rows])
        else:
            self._write(self.insert_sql, rows)
        self.added += len(rows)

    def flush(self) -> None:
        """Hand the pending rows, in the file's order, to the writing thread (or write them)."""
        if not self.size:
            return
        batch: list[tuple[Any, ...]] | _CopyBatch
        batch, self.pending = self.pending, []
        if self.runs and self.copy_frames:
            assert self.columns is not None
            batch = self._copy_batch(batch)
        elif self.runs:
            assert self.columns is not None
            built = self.columns.rows(self.runs)
            self.runs = []
            if batch:
                batch.extend(built)
                batch.sort(key=_row_of)
            else:
                batch = built
        self.size = 0
        if self._queue is None:
            self._write_batch(batch)
            return
        if isinstance(batch, _CopyBatch) and self.optimistic:
            # The text is written in a thread of its own while the writing thread waits for
            # PostgreSQL to take the batch before: the server never waits for Polars.
            if self._encoder is None:
                self._encoder = ThreadPoolExecutor(1, thread_name_prefix="ledger-copy-text")
            batch.written = self._encoder.submit(batch.write_text)
        if self._error is not None:
            self.close()  # raises the writing thread's error here, in the importing thread
        self._queue.put(batch)

    @property
    def copy_frames(self) -> bool:
        """PostgreSQL: batches with cleared rows go as Polars frames (their COPY text by Polars)."""
        columns = self.columns
        if not self.copy or columns is None or columns.pl is None or not USE_POLARS:
            return False
        raw = self.conn.connection.driver_connection
        assert raw is not None
        # Polars writes UTF-8, and a naive time as it is (psycopg would convert an aware one)
        utf8 = raw.info.encoding == "utf-8"
        return utf8 and isinstance(self.stamp, datetime) and self.stamp.tzinfo is None

    def _copy_batch(self, rows: list[tuple[Any, ...]]) -> _CopyBatch:
        """The cleared runs pending and ``rows`` (the row way's), in the file's order."""
        assert self.columns is not None
        pl = self.columns.pl
        frame, by_row = self.columns.frame(self.runs)
        self.runs = []
        rows.extend(by_row)
        if rows:
            more = pl.DataFrame(rows, schema=frame.schema, orient="row")
            frame = pl.concat([frame, more]).sort("source_row")
        return _CopyBatch(pl, frame)

    def _writing(self) -> None:
        """The writing thread: batches in order, on the import's connection, until ``None``."""
        assert self._queue is not None
        while True:
            batch = self._queue.get()
            if batch is None:
                return
            if self._error is not None:
                continue  # after an error, only drain: the importing thread raises it
            try:
                self._write_batch(batch)
            except BaseException as exc:  # handed to the importing thread
                self._error = exc

    def _join(self) -> None:
        if self._thread is not None:
            assert self._queue is not None
            self._queue.put(None)
            self._thread.join()
            self._thread = None
            self._queue = None
        if self._encoder is not None:
            self._encoder.shutdown(cancel_futures=True)
            self._encoder = None

    def close(self) -> None:
        """Wait for the writing thread to finish its batches; raise its error, if any."""
        self._join()
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def abort(self) -> None:
        """Stop the writing thread without raising (the import is failing anyway)."""
        self._join()
        self._error = None

    def _write_batch(self, batch: list[tuple[Any, ...]] | _CopyBatch) -> None:
        """Rows in the file's order: new keys inserted, the others taken one by one."""
        if isinstance(batch, _CopyBatch):  # PostgreSQL
            if self.optimistic and batch.unique_keys() and self._copied(batch):
                return
            batch = batch.tuples()
        if self.sqlite:
            inserted = 0
            start = 0
            for end in range(1, len(batch) + 1):  # runs of short (cleared) and full rows
                if end == len(batch) or len(batch[end]) != len(batch[start]):
                    short = len(batch[start]) != _FULL
                    sql = self.short_sql if short else self.upsert_sql
                    inserted += self._write(sql, batch[start:end])
                    start = end
            self.added += inserted
            if inserted != len(batch):  # some keys were held: which rows went in?
                mine = self._held(batch)
                self._take([self._full(v) for v in batch if mine.get(_key_of(v)) != _row_of(v)])
        elif self.copy:
            if self.optimistic and _unique_keys(batch) and self._copied(batch):
                return
            self._statistics()
            self._take(batch)
        else:
            self._take(batch)

    def _copied(self, batch: list[tuple[Any, ...]] | _CopyBatch) -> bool:
        """PostgreSQL: COPY a batch of distinct keys inside a savepoint; False (and keys
        looked up before each batch from now on) when the ledger holds one of them."""
        import psycopg

        try:
            with self.conn.begin_nested():  # a savepoint: a held key rolls back this batch
                if isinstance(batch, _CopyBatch):
                    self._copy_text(batch.text())
                else:
                    self._copy(batch)
        except sa.exc.DBAPIError as exc:
            if not isinstance(exc.orig, psycopg.errors.UniqueViolation):
                raise
        except psycopg.errors.UniqueViolation:
            pass
        else:
            self.added += len(batch)
            return True
        self.optimistic = False
        return False

    def _statistics(self) -> None:
        """PostgreSQL, before keys are looked up: ANALYZE a table without statistics, or
        one this import has doubled since.

        PostgreSQL plans the lookup of keys from the table's statistics: without them
        (a table filled by an import, which ANALYZEs only when it looks keys up, before
        autovacuum came by) each batch's lookup reads the whole table. A batch the COPY
        took whole needs none.
        """
        if self.analyzed is None:  # the first lookup of this import
            self.analyzed = 0
            known = self.conn.exec_driver_sql(
                "SELECT 1 FROM pg_stats s JOIN pg_class c ON c.relname = s.tablename"
                " JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = s.schemaname"
                f" WHERE c.oid = '{self.table}'::regclass AND s.attname = 'record_key'"
            ).first()
            if known is None:
                self.analyzed = -1
        if self.added >= self.analyzed * 2 + _ANALYZE_FROM or self.analyzed < 0:
            self.conn.exec_driver_sql(f"ANALYZE {self.table}")
            self.analyzed = self.added

    def _full(self, values: tuple[Any, ...]) -> tuple[Any, ...]:
        """A row of all :data:`_COLUMNS` (a cleared row's short one completed)."""
        if len(values) == _FULL:
            return values
        v = dict(zip(self.short_columns, values))
        data = v["data"]
        sid, stamp = self.source_id, self.stamp
        return (
            self.kind.value, v["record_key"], v["unit"], v["unit_code"], v["decision_no"],
            v.get("decision_date"), v.get("published_on"), v.get("subject_category"), True, "[]",
            v["content_sha256"], data.decode() if isinstance(data, bytes) else data, v.get("mapping"),
            v.get("extra"), 1, sid, v["source_row"], sid, stamp, stamp,
        )  # fmt: skip

    def _held(self, batch: list[tuple[Any, ...]]) -> dict[str, int]:
        """Key -> the row of this import stored under it, for the keys of ``batch``."""
        r = t.records
        keys = list({_key_of(v) for v in batch})
        out: dict[str, int] = {}
        for start in range(0, len(keys), 500):
            query = sa.select(r.c.record_key, r.c.source_id, r.c.source_row).where(
                r.c.kind == self.kind.value, r.c.record_key.in_(keys[start : start + 500])
            )
            for key, source_id, source_row in self.conn.execute(query):
                if source_id == self.source_id:
                    out[key] = source_row
        return out

    def _take(self, rows: list[tuple[Any, ...]]) -> None:
        """Rows in the file's order whose keys may be held: each key once per round."""
        group: dict[str, tuple[Any, ...]] = {}
        for values in rows:
            if values[_KEY] in group:  # the same record again: the first one first
                self._take_unique(group)
                group = {}
            group[values[_KEY]] = values
        if group:
            self._take_unique(group)

    def _take_unique(self, batch: dict[str, tuple[Any, ...]]) -> None:
        r = t.records
        keys = list(batch)
        found = {}
        for start in range(0, len(keys), 500):
            for row in self.conn.execute(
                sa.select(r.c.id, r.c.record_key, r.c.content_sha256, r.c.version).where(
                    r.c.kind == self.kind.value, r.c.record_key.in_(keys[start : start + 500])
                )
            ):
                found[row.record_key] = row
        inserts: list[tuple[Any, ...]] = []
        changed: list[tuple[Any, tuple[Any, ...]]] = []
        for key, values in batch.items():
            old = found.get(key)
            if old is None:
                inserts.append(values)
            elif old.content_sha256 == values[_AT["content_sha256"]]:
                self.unchanged += 1
            else:
                changed.append((old, values))
        if inserts:
            self._insert(inserts)
        if changed:
            self._change(changed)

    def _change(self, changed: list[tuple[Any, tuple[Any, ...]]]) -> None:
        """Rewrite changed records; each gets a ``changed`` event keeping its old values."""
        r = t.records
        ids = [old.id for old, _values in changed]
        olds = {row.id: row for row in self.conn.execute(sa.select(r).where(r.c.id.in_(ids)))}
        updates = []
        events = []
        for old_key, values in changed:
            old = olds[old_key.id]
            new = list(values)
            new[_VERSION] = old.version + 1
            updates.append((*(new[_AT[c]] for c in _REWRITTEN), old.id))
            events.append(
                {
                    "record_id": old.id,
                    "record_kind": self.kind.value,
                    "record_key": old.record_key,
                    "event_kind": CHANGED,
                    "occurred_on": self.now.date(),
                    "data": values[_AT["data"]],
                    "old_data": _dumps(
                        {
                            "values": json.loads(old.data),
                            "published_on": None if old.published_on is None else old.published_on.isoformat(),
                            "mapping": old.mapping,
                            "extra": None if old.extra is None else json.loads(old.extra),
                            "accepted": bool(old.accepted),
                            "version": old.version,
                            "source_id": old.source_id,
                        }
                    ),
                    "source_id": self.source_id,
                    "source_row": values[_AT["source_row"]],
                    "recorded_at": self.now,
                }
            )
        if self.generic:  # pragma: no cover  (neither sqlite3 nor psycopg)
            self.conn.execute(
                r.update().where(r.c.id == sa.bindparam("b_id")).values(
                    {c: sa.bindparam(f"u_{c}") for c in _REWRITTEN}
                ),
                [{"b_id": u[-1], **{f"u_{c}": v for c, v in zip(_REWRITTEN, u)}} for u in updates],
            )
        else:
            self._write(self.update_sql, updates)
        self.conn.execute(t.events.insert(), events)
        self.changed += len(updates)
