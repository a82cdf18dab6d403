"""Differential test: an import through the columnar fast path and through the row engine
leave the same database, row for row (ids, keys, JSON, hashes, events, sources).

Each case imports the same files into two fresh databases (SQLite, and PostgreSQL when a
server can be had) with ``engine="row"`` and ``engine="columnar"`` under a fixed clock, and
compares every table; on PostgreSQL the ids are left out (a batch rolled back to its
savepoint has used numbers of the sequence). Batches of a few rows, so that every file
spans several, fallbacks to the row reader start mid-file and duplicate keys meet across
batches. The JSON the columnar path writes is orjson's text (hypothesis).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from credit_disclosure.io import _columnar
from credit_disclosure.ledger import Ledger, _ledger
from credit_disclosure.ledger import _schema as t
from credit_disclosure.samples import FAULTS, generate_records, sample_path
from credit_disclosure.standard import RecordKind, fields

from .conftest import _drop_pg_schema, _fresh_pg_schema

pl = pytest.importorskip("polars")
pytest.importorskip("pyarrow")

AS_OF = date(2026, 1, 1)
NOW = datetime(2026, 3, 1, 9, 30)


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_columnar, "FIRST_CHUNK_BYTES", 700)
    monkeypatch.setattr(_columnar, "CHUNK_BYTES", 3000)
    monkeypatch.setattr(_ledger, "_BATCH", 37)


@pytest.fixture(params=["sqlite", "postgresql"])
def two_urls(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two fresh, empty databases of one kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'row.sqlite3'}", f"sqlite:///{tmp_path / 'col.sqlite3'}"
        return
    server = request.getfixturevalue("pg_server")
    (a, name_a), (b, name_b) = _fresh_pg_schema(server), _fresh_pg_schema(server)
    try:
        yield a, b
    finally:
        _drop_pg_schema(server, name_a)
        _drop_pg_schema(server, name_b)


def _contents(ledger: Ledger) -> dict[str, list[tuple[Any, ...]]]:
    strict = ledger.engine.dialect.name == "sqlite"
    out = {}
    with ledger.engine.connect() as conn:
        for table in (t.sources, t.records, t.events, t.catalogue_items, t.reports):
            skip = set() if strict else {"id", "record_id"}
            columns = [c for c in table.c if c.name not in skip]
            query = sa.select(*columns).order_by(table.c.id)
            out[table.name] = [tuple(row) for row in conn.execute(query)]
    return out


def assert_same(urls: tuple[str, str], files: list[bytes], **kwargs: Any) -> dict[str, Any]:
    """Import ``files`` in order both ways; the databases, counts and reports agree."""
    cleared = 0
    original, original_frame = _ledger._ClearedColumns.rows, _ledger._ClearedColumns.frame

    def rows(self: Any, runs: list[Any]) -> list[tuple[Any, ...]]:
        nonlocal cleared
        cleared += sum(r.count for r in runs)
        return original(self, runs)

    def frame(self: Any, runs: list[Any]) -> tuple[Any, list[tuple[Any, ...]]]:
        nonlocal cleared
        cleared += sum(r.count for r in runs)
        return original_frame(self, runs)

    mp = pytest.MonkeyPatch()
    mp.setattr(_ledger._ClearedColumns, "rows", rows)
    mp.setattr(_ledger._ClearedColumns, "frame", frame)
    contents = []
    summaries = []
    try:
        for url, engine in zip(urls, ("row", "columnar")):
            with Ledger(url, clock=lambda: NOW) as ledger:
                ledger.init()
                results = []
                for i, data in enumerate(files):
                    source = io.BytesIO(data)
                    source.name = f"file{i}.csv"
                    result = ledger.import_records(source, as_of=AS_OF, engine=engine, **kwargs)
                    report = io.StringIO()
                    if result.report is not None:
                        result.report.to_json(report)
                    results.append((result.summary(), report.getvalue()))
                summaries.append(results)
                contents.append(_contents(ledger))
            if engine == "row":
                assert cleared == 0
    finally:
        mp.undo()
    assert summaries[1] == summaries[0]
    for table in contents[0]:
        assert contents[1][table] == contents[0][table], table
    return {"cleared": cleared, "records": len(contents[0]["records"]), "summaries": summaries[0]}


def _rows(kind: RecordKind, n: int, seed: int, per_fault: int = 0) -> list[dict[str, str]]:
    names = [name for name, f in FAULTS.items() if kind in f.kinds]
    faults = dict.fromkeys(names, per_fault) if per_fault else {}
    records = generate_records(kind, n, seed=seed, faults=faults)
    return [{k: "" if v is None else str(v) for k, v in r.values.items()} for r in records]


def _csv(rows: list[dict[str, str]], columns: list[str] | None = None, newline: str = "\r\n") -> bytes:
    out = io.StringIO()
    names = columns or list(rows[0])
    writer = csv.DictWriter(out, fieldnames=names, lineterminator=newline, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def test_the_penalty_sample(two_urls: tuple[str, str]) -> None:
    seen = assert_same(two_urls, [sample_path("penalty").read_bytes()])
    assert seen["cleared"] > 0 and seen["records"] == 300


def test_the_licence_sample_in_gb18030_goes_the_row_way(two_urls: tuple[str, str]) -> None:
    seen = assert_same(two_urls, [sample_path("license").read_bytes()])
    assert seen["cleared"] == 0 and seen["records"] == 200


@pytest.mark.parametrize("kind", list(RecordKind))
def test_every_planted_fault(two_urls: tuple[str, str], kind: RecordKind) -> None:
    data = _csv(_rows(kind, 240, seed=5, per_fault=4))
    seen = assert_same(two_urls, [data])
    assert seen["cleared"] > 100
    assert seen["summaries"][0][0]["rejected"] > 0


def test_cells_that_need_care(two_urls: tuple[str, str]) -> None:
    """Quotes, backslashes, control characters, CJK and emoji in cells; 文书号 in full-width
    forms, with brackets or white space (normalised by the row way); units with spaces."""
    rows = _rows(RecordKind.PENALTY, 60, seed=11)
    odd = [
        ("CF_NR", 'say "hi" \\ back\\slash'),
        ("CF_SY", "tab\there\x7f and \u2028 line sep 😀 中文"),
        ("CF_WSH", "京市监罚［２０２４］ 12号"),
        ("CF_WSH", "京市监罚(2024)13号"),
        ("CF_WSH", " 京市监罚〔2024〕14号"),
        ("CF_CFJG", " 北京市某局 "),
        ("CF_CFJG", "北京市某局\x1c"),
        ("CF_CFJGDM", " " + rows[0]["CF_CFJGDM"].lower() + " "),
        ("BZ", "\x01\x1f控制"),
        ("CF_XDR_MC", '某某"公司"'),
    ]
    for i, (code, value) in enumerate(odd):
        rows[3 * i + 1][code] = value
    seen = assert_same(two_urls, [_csv(rows)])
    assert seen["cleared"] > 20


def test_publication_mapping_and_extra_columns(two_urls: tuple[str, str]) -> None:
    rows = _rows(RecordKind.PENALTY, 80, seed=12)
    for i, row in enumerate(rows):
        row["公示日期"] = ["2026/01/05", "", "2026-01-06", "not a date"][i % 4]
        row["事项名称"] = ["", "  行政处罚 ", "罚款事项"][i % 3]
        row["程序"] = ["简易", "", '一般"程序"'][i % 3]
        row["失信程度"] = ["", "严重\\"][i % 2]
    columns = [*rows[0]]
    seen = assert_same(two_urls, [_csv(rows, columns)])
    assert seen["cleared"] > 40


@pytest.mark.parametrize(
    "optional",
    [(), ("公示日期",), ("事项名称",), ("程序",), ("公示日期", "程序"), ("公示日期", "事项名称", "程序")],
)
def test_each_layout_of_optional_columns_imported_then_changed(
    two_urls: tuple[str, str], optional: tuple[str, ...]
) -> None:
    """SQLite binds only the columns a file can fill (a column the file lacks is NULL in the
    statement, the JSON goes as UTF-8 bytes cast to text): every mix of publication, mapping
    and extra columns, then a second file changing some records (held keys completed)."""
    values = {"公示日期": ["2026/01/05", ""], "事项名称": ["罚款事项", ""], "程序": ["简易", ""]}
    first = _rows(RecordKind.PENALTY, 70, seed=18)
    for i, row in enumerate(first):
        for column in optional:
            row[column] = values[column][i % 2]
    second = [dict(r, CF_NR=r["CF_NR"] + "（变更）") for r in first[::4]] + first[1::4]
    columns = [*first[0]]
    seen = assert_same(two_urls, [_csv(first, columns), _csv(second, columns)])
    assert seen["cleared"] > 60
    changes = seen["summaries"][1][0]
    assert changes["changed"] > 10 and changes["unchanged"] > 10
    if two_urls[1].startswith("sqlite"):
        with Ledger(two_urls[1]) as ledger, ledger.engine.connect() as conn:
            kinds = conn.exec_driver_sql("SELECT DISTINCT typeof(data), typeof(record_key) FROM records")
            assert kinds.all() == [("text", "text")]


def test_a_fallback_to_the_row_reader_mid_file(two_urls: tuple[str, str]) -> None:
    rows = _rows(RecordKind.PENALTY, 120, seed=13, per_fault=1)
    rows[70]["CF_NR"] = "two\r\nlines"  # a quoted line break: the row reader from that batch on
    seen = assert_same(two_urls, [_csv(rows)])
    assert 0 < seen["cleared"] < 110


def test_a_reimport_with_changes_and_repeated_keys(two_urls: tuple[str, str]) -> None:
    """The second file changes some records, repeats others as they are, adds new ones and
    has the same key several times (each a change of the one before, or the same again)."""
    first = _rows(RecordKind.PENALTY, 90, seed=14, per_fault=1)
    second = [dict(r) for r in first[:60]]
    for row in second[::7]:
        row["CF_NR"] = row["CF_NR"] + "（变更）"
    second += _rows(RecordKind.PENALTY, 30, seed=15)
    again = dict(second[3])
    again["BZ"] = "again"
    second += [again, dict(second[3]), dict(again), dict(second[10])]
    within = [dict(r) for r in first[:5]] + [dict(first[1]), dict(first[2], BZ="x"), dict(first[2])]
    seen = assert_same(two_urls, [_csv(first), _csv(second), _csv(within), _csv(first)])
    summaries = [s for s, _report in seen["summaries"]]
    assert summaries[1]["changed"] > 5 and summaries[1]["unchanged"] > 30
    assert summaries[3]["already_imported"]


def test_without_polars_cleared_rows_are_built_one_by_one(
    two_urls: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With pyarrow but not Polars the rows are still cleared by columns, and stored row by row."""
    monkeypatch.setattr(_ledger, "USE_POLARS", False)
    monkeypatch.setattr(_columnar, "USE_POLARS", False)
    first = _rows(RecordKind.PENALTY, 90, seed=17, per_fault=1)
    second = [dict(r, BZ="变更") for r in first[::3]]
    seen = assert_same(two_urls, [_csv(first), _csv(second)])
    assert seen["cleared"] > 50


def test_a_licence_file(two_urls: tuple[str, str]) -> None:
    seen = assert_same(two_urls, [_csv(_rows(RecordKind.LICENSE, 150, seed=16, per_fault=2))])
    assert seen["cleared"] > 50


_CODES = [f.code for f in fields(RecordKind.PENALTY)]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.dictionaries(st.sampled_from(_CODES[:6]), st.text(st.characters(exclude_categories=["Cs"]))),
        min_size=1,
        max_size=5,
    )
)
def test_the_json_is_what_orjson_writes(rows: list[dict[str, str]]) -> None:
    """Byte for byte, whatever the cells: the content hash does not depend on the path."""
    frame = pl.DataFrame({f"c{i}": [r.get(code, "") for r in rows] for i, code in enumerate(_CODES[:6])})
    members = [(code, f"c{i}") for i, code in enumerate(_CODES[:6])]
    built = frame.select(pl.col("c0"), _ledger._json_object(pl, frame, members).alias("j"))["j"].to_list()
    expected = [
        _ledger._encode_cells({c: r[c] for c in _CODES[:6] if r.get(c, "") != ""}).decode()
        for r in rows
    ]
    assert built == expected
    assert [json.loads(b) for b in built] == [{c: v for c, v in r.items() if v} for r in [
        {c: r.get(c, "") for c in _CODES[:6]} for r in rows
    ]]


_COPY_TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            _COPY_TEXT,
            st.none() | _COPY_TEXT,
            st.none() | st.dates(),
            st.booleans(),
            st.integers(-(2**63), 2**63 - 1),
            st.datetimes(),
            st.none() | st.builds(json.dumps, st.lists(_COPY_TEXT), ensure_ascii=st.booleans()),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_the_copy_text_reads_back_as_the_rows(pg_server: str, rows: list[tuple[Any, ...]]) -> None:
    """PostgreSQL reads the COPY text Polars writes for a batch as the very values (any text:
    backslashes, tabs, newlines, CR, ``\\N`` itself; JSON text; NULL, dates, booleans, times)."""
    import psycopg

    schema = {
        "a": pl.String, "b": pl.String, "d": pl.Date, "t": pl.Boolean, "i": pl.Int64,
        "s": pl.Datetime("us"), "data": pl.String,
    }  # fmt: skip
    numbered = [(*row, n) for n, row in enumerate(rows)]
    frame = pl.DataFrame(numbered, schema={**schema, "n": pl.Int64}, orient="row")
    url = sa.make_url(pg_server).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url) as conn:
        conn.execute(
            "CREATE TEMP TABLE t (a text, b text, d date, t boolean, i bigint, s timestamp, data text, n int)"
        )
        with conn.cursor().copy("COPY t FROM STDIN") as copy:
            copy.write(_ledger._CopyBatch(pl, frame).text())
            copy.write(b"\n")
        back = conn.execute("SELECT a, b, d, t, i, s, data FROM t ORDER BY n").fetchall()
    assert back == rows


def test_a_postgresql_client_encoding_other_than_utf8(pg_server: str) -> None:
    """With client_encoding GBK the cleared rows go to PostgreSQL as tuples psycopg encodes
    (the COPY text Polars writes is UTF-8): the tables are the row way's, characters and all."""
    (a, name_a), (b, name_b) = _fresh_pg_schema(pg_server), _fresh_pg_schema(pg_server)
    urls = []
    for url in (a, b):
        parsed = sa.make_url(url)
        options = f"{parsed.query['options']} -cclient_encoding=GBK"
        urls.append(parsed.update_query_dict({"options": options}).render_as_string(hide_password=False))
    try:
        with Ledger(urls[0]) as ledger, ledger.engine.connect() as conn:
            assert conn.exec_driver_sql("SHOW client_encoding").scalar() == "GBK"
        seen = assert_same((urls[0], urls[1]), [_csv(_rows(RecordKind.PENALTY, 120, seed=21))])
        assert seen["cleared"] > 50
    finally:
        _drop_pg_schema(pg_server, name_a)
        _drop_pg_schema(pg_server, name_b)
