"""The generated schemas: the samples validate, planted faults a schema can say are caught."""

from __future__ import annotations

import collections
import json
import random
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure import identifiers
from credit_disclosure.errors import InvalidFormat
from credit_disclosure.io import open_table
from credit_disclosure.samples import sample_files, sample_manifest, sample_path
from credit_disclosure.schema import (
    IDENTIFIER_PATTERNS,
    SCHEMA_FILES,
    data_package,
    issue_catalogue,
    json_schema,
    schema_documents,
    table_schema,
)
from credit_disclosure.standard import (
    ISSUE_CATALOGUE,
    RecordKind,
    StandardVersion,
    ValidationOptions,
    check_row,
    fields,
    parse_date,
    resolve_header,
)

jsonschema = pytest.importorskip("jsonschema")
frictionless = pytest.importorskip("frictionless")

ROOT = Path(__file__).resolve().parents[2]

#: Planted faults (manifest codes) each schema can express; the rest need the checker
#: (check digits, dates after the check date or out of order, consistency between identifiers).
JSON_SCHEMA_CATCHES = frozenset(
    {
        "field.required",
        "field.required_for_category",
        "field.conditional",
        "field.length",
        "code.unknown",
        "date.invalid",
        "decimal.invalid",
        "penalty_type.unknown",
        "credit_code.placeholder_category",
    }
)
TABLE_SCHEMA_CATCHES = frozenset(
    {
        "field.required",
        "field.length",
        "code.unknown",
        "date.invalid",
        "decimal.invalid",
        "penalty_type.unknown",
        "row.columns",
    }
)


def _faults(kind: RecordKind) -> dict[int, set[tuple[str, str | None]]]:
    by_row: dict[int, set[tuple[str, str | None]]] = collections.defaultdict(set)
    for f in sample_manifest(kind):
        by_row[f.row].add((f.code, f.field))
    return by_row


def _records(kind: RecordKind) -> list[tuple[int, dict[str, object]]]:
    out = []
    with open_table(sample_path(kind)) as reader:
        for raw in reader:
            if raw.usable:
                out.append((raw.row, {_code(h, kind): v for h, v in raw.values.items()}))
    return out


def _code(header: str, kind: RecordKind) -> str:
    spec = resolve_header(header, kind)
    assert spec is not None
    return spec.code


@pytest.mark.parametrize("kind", list(RecordKind))
def test_samples_against_json_schema(kind: RecordKind) -> None:
    """Clean sample rows validate; every expressible planted fault fails at its own field."""
    validator = jsonschema.Draft202012Validator(json_schema(kind))
    faults = _faults(kind)
    caught: set[str] = set()
    for row, record in _records(kind):
        errors = list(validator.iter_errors(record))
        fields_hit = {e.absolute_path[0] for e in errors if e.absolute_path}
        expected = {(c, f) for c, f in faults.get(row, set()) if c in JSON_SCHEMA_CATCHES}
        if not expected:
            assert errors == [], (row, [e.message for e in errors])
        for code, field in expected:
            assert field in fields_hit, (row, code, field, [e.message for e in errors])
            caught.add(code)
    planted = {f.code for f in sample_manifest(kind)} & JSON_SCHEMA_CATCHES
    assert caught == planted


def _copy_decoded(kind: RecordKind, target: Path) -> Path:
    """The sample file in UTF-8 with its undecodable bytes replaced (U+FFFD)."""
    spec = next(s for s in sample_files() if s.kind is kind)
    text = sample_path(kind).read_bytes().decode(spec.encoding, errors="replace")
    path = target / f"{kind.value}.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", list(RecordKind))
def test_samples_against_table_schema(kind: RecordKind, tmp_path: Path) -> None:
    """Frictionless finds the bad byte in the original file, and in a decoded copy exactly
    the planted faults a Table Schema can express, in their rows and fields."""
    spec = next(s for s in sample_files() if s.kind is kind)
    schema = frictionless.Schema.from_descriptor(table_schema(kind, headers=spec.headers))
    original = frictionless.Resource(
        path=sample_path(kind).name,
        basepath=str(sample_path(kind).parent),
        encoding=spec.encoding,
        schema=schema,
    )
    report = frictionless.validate(original)
    assert [e.type for e in report.tasks[0].errors][-1] == "encoding-error"  # row.encoding

    path = _copy_decoded(kind, tmp_path)
    copy = frictionless.Resource(
        path=path.name, basepath=str(tmp_path), encoding="utf-8", schema=schema
    )
    report = frictionless.validate(copy, limit_errors=100_000)
    by_name = {f.name_zh if spec.headers == "name_zh" else f.code: f.code for f in fields(kind)}
    found: dict[int, set[str]] = collections.defaultdict(set)
    for error in report.tasks[0].errors:
        assert error.type in {"constraint-error", "type-error", "missing-cell"}, error.message
        found[error.row_number - 1].add(by_name[error.field_name])  # row_number counts the header
    expected: dict[int, set[str]] = collections.defaultdict(set)
    for f in sample_manifest(kind):
        if f.code in TABLE_SCHEMA_CATCHES:
            expected[f.row].add(f.field or "*")
    assert set(found) == set(expected)
    for row, codes in expected.items():
        assert codes - {"*"} <= found[row], (row, codes, found[row])


@pytest.mark.parametrize("version", list(StandardVersion))
@pytest.mark.parametrize("kind", list(RecordKind))
def test_schemas_are_valid_documents(kind: RecordKind, version: StandardVersion) -> None:
    """Each JSON Schema is valid 2020-12; each Table Schema and Data Package is valid Frictionless."""
    jsonschema.Draft202012Validator.check_schema(json_schema(kind, version))
    assert frictionless.Schema.validate_descriptor(table_schema(kind, version)).valid
    assert frictionless.Package.validate_descriptor(data_package(version)).valid


@pytest.mark.parametrize("version", list(StandardVersion))
@pytest.mark.parametrize("kind", list(RecordKind))
def test_schema_follows_the_field_table(kind: RecordKind, version: StandardVersion) -> None:
    """Properties are the standard's fields in order, titled with the Chinese names."""
    table = fields(kind, version)
    schema = json_schema(kind, version)
    assert list(schema["properties"]) == [f.code for f in table]
    assert [p["title"] for p in schema["properties"].values()] == [f.name_zh for f in table]
    ts = table_schema(kind, version)
    assert [f["title"] for f in ts["fields"]] == [f.name_zh for f in table]


def _generated_2018(kind: RecordKind, seed: int) -> list[dict[str, str]]:
    from credit_disclosure.samples import generate_records

    return [dict(r.values) for r in generate_records(kind, 40, seed=seed)]


@pytest.mark.parametrize("kind", list(RecordKind))
def test_options_change_the_schema(kind: RecordKind) -> None:
    """Configurable rules flow in: a shorter length override is enforced by the schema."""
    name = fields(kind)[0].code
    opts = ValidationOptions(lengths={name: 2})
    validator = jsonschema.Draft202012Validator(json_schema(kind, options=opts))
    record = _generated_2018(kind, 7)[0]
    assert any(e.absolute_path[0] == name for e in validator.iter_errors(record) if e.absolute_path)
    assert json_schema(kind, options=ValidationOptions(check_lengths=False))["properties"][name].get(
        "maxLength"
    ) is None


@pytest.mark.parametrize("kind", list(RecordKind))
def test_generated_clean_records_validate(kind: RecordKind) -> None:
    """Records the generator makes without faults pass the checker and the schema alike."""
    validator = jsonschema.Draft202012Validator(json_schema(kind))
    for record in _generated_2018(kind, 11):
        assert not check_row(record, kind, as_of=date(2026, 1, 1)).has_errors
        assert list(validator.iter_errors(record)) == []


@pytest.mark.parametrize("module", sorted(IDENTIFIER_PATTERNS))
def test_identifier_patterns_accept_generated_values(module: str) -> None:
    """Every value an identifier module generates matches its published pattern."""
    import re

    pattern = re.compile(f"(?:{IDENTIFIER_PATTERNS[module]})")
    mod = getattr(identifiers, module)
    rng = random.Random(16)
    for _ in range(200):
        assert pattern.fullmatch(mod.generate(rng=rng))


_DATE_RE = None


def _date_matches(text: str) -> bool:
    import re

    global _DATE_RE
    if _DATE_RE is None:
        prop = json_schema("penalty")["properties"]["CF_JDRQ"]
        _DATE_RE = re.compile(prop["pattern"])
    return _DATE_RE.search(text) is not None


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)), st.sampled_from(["/", "-", ""]))
def test_date_pattern_accepts_every_real_date(day: date, sep: str) -> None:
    """Every real date in each of the three forms matches the date pattern."""
    assert _date_matches(day.strftime(f"%Y{sep}%m{sep}%d"))


@given(st.integers(1900, 2199), st.integers(0, 13), st.integers(0, 32), st.sampled_from(["/", "-", ""]))
def test_date_pattern_agrees_with_parse_date(year: int, month: int, day: int, sep: str) -> None:
    """A two-digit month/day text matches the pattern exactly when parse_date reads it."""
    text = f"{year:04d}{sep}{month:02d}{sep}{day:02d}"
    try:
        parse_date(text)
        real = True
    except InvalidFormat:
        real = False
    assert _date_matches(text) is real


def test_issue_catalogue_lists_every_code() -> None:
    """The catalogue document has every code of the library, with both languages and a source."""
    doc = issue_catalogue()
    codes = [i["code"] for i in doc["issues"]]
    assert len(codes) == len(set(codes))
    assert set(ISSUE_CATALOGUE) <= set(codes)
    assert {"row.columns", "row.encoding"} <= set(codes)
    for entry in doc["issues"]:
        assert entry["zh"] and entry["en"] and entry["severity"] in {"error", "warning"}
        assert entry["scope"] == "file" or entry["source"]


def test_published_schema_files_are_current() -> None:
    """docs/schemas/ holds exactly what scripts/gen_schemas.py writes today."""
    target = ROOT / "docs" / "schemas"
    for name, text in schema_documents().items():
        path = target / name
        assert path.is_file(), f"{path} missing: run python scripts/gen_schemas.py"
        assert path.read_text(encoding="utf-8") == text, f"{name} stale: run scripts/gen_schemas.py"
    assert len(SCHEMA_FILES) == 4 + 4 + 2 + 1
    json.loads((target / "issues.json").read_text(encoding="utf-8"))
