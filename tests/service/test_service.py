"""The HTTP service answers as the Python API does (a real server process, a real client)."""

from __future__ import annotations

import json
import time
from datetime import date
from typing import Any

import attrs
import pytest

from credit_disclosure.deadlines import check_timeliness, get_rule
from credit_disclosure.identifiers import REGISTRY, detect
from credit_disclosure.io import (
    HeaderStyle,
    check_file,
    check_rows,
    open_table,
    write_jsonl,
    write_xlsx,
)
from credit_disclosure.policy import PenaltyFacts, get_preset
from credit_disclosure.privacy import PUBLIC
from credit_disclosure.samples import generate_records, sample_manifest, sample_path
from credit_disclosure.standard import RecordKind

from .conftest import Server, httpx

AS_OF = "2025-07-01"
PROBLEM = "application/problem+json"


def _sample_rows(kind: RecordKind, limit: int | None = None) -> list[dict[str, object]]:
    rows = []
    with open_table(sample_path(kind)) as reader:
        for raw in reader:
            if raw.usable:
                rows.append(dict(raw.values))
            if limit is not None and len(rows) >= limit:
                break
    return rows


def _issues(report_issues: Any) -> list[tuple[str, str | None, str, str, str]]:
    return [(i.code, i.field, i.severity.value, i.message_en, i.message_zh) for i in report_issues]


def _answer_issues(answer: dict[str, Any]) -> list[tuple[str, str | None, str, str, str]]:
    return [
        (i["code"], i["field"], i["severity"], i["message_en"], i["message_zh"])
        for i in answer["issues"]
    ]


def test_health(client: httpx.Client) -> None:
    """Health answers without a key and names the standards."""
    answer = client.get("/v1/health").json()
    assert answer["status"] == "ok" and answer["standards"] == ["2018", "2015"]


@pytest.mark.parametrize("kind", list(RecordKind))
def test_record_check_matches_python_api(client: httpx.Client, kind: RecordKind) -> None:
    """Every sample row checked over HTTP gives exactly the issues check_rows gives."""
    for record in _sample_rows(kind):
        report = check_rows([record], kind, as_of=date.fromisoformat(AS_OF))
        expected = _issues([*report.file_issues, *report])
        response = client.post(
            "/v1/records/check", json={"kind": kind.value, "record": record, "as_of": AS_OF}
        )
        assert response.status_code == 200
        answer = response.json()
        assert _answer_issues(answer) == expected
        assert answer["valid"] == (report.with_errors == 0 and report.file_errors == 0)


@pytest.mark.parametrize("kind", list(RecordKind))
def test_file_check_streams_every_row(client: httpx.Client, kind: RecordKind) -> None:
    """A sample file uploaded as CSV: one line per row, the same issues, the same summary."""
    report = check_file(sample_path(kind), as_of=date.fromisoformat(AS_OF))
    response = client.post(
        "/v1/files/check",
        params={"as_of": AS_OF},
        content=sample_path(kind).read_bytes(),
        headers={"Content-Type": "text/csv"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in response.text.splitlines()]
    rows = [line for line in lines if line["type"] == "row"]
    summary = lines[-1]
    assert summary["type"] == "summary" and summary["complete"] is True
    assert [r["row"] for r in rows] == list(range(1, report.rows + 1))
    assert summary["rows"] == report.rows == len(rows)
    expected = {k: v for k, v in report.summary().items() if k != "source"}
    assert {k: summary[k] for k in expected} == json.loads(json.dumps(expected))
    streamed = sorted((i["row"], i["code"], i["field"] or "") for r in rows for i in r["issues"])
    assert streamed == sorted((i.row, i.code, i.field or "") for i in report if i.row is not None)
    planted = {(f.row, f.code, f.field or "") for f in sample_manifest(kind)}
    assert planted <= set(streamed)


@pytest.mark.parametrize(
    ("filename", "part_type"),
    [
        ("penalty.csv", "text/csv"),
        ("penalty.csv", "application/octet-stream"),  # curl's type for an unknown suffix
        ("penalty.txt", None),
    ],
)
def test_file_check_multipart_upload(
    client: httpx.Client, filename: str, part_type: str | None
) -> None:
    """A multipart/form-data upload (curl -F file=@...) is checked like the raw body."""
    body = sample_path("penalty").read_bytes()
    raw = client.post(
        "/v1/files/check",
        params={"as_of": AS_OF},
        content=body,
        headers={"Content-Type": "text/csv"},
    )
    file: tuple[str, bytes] | tuple[str, bytes, str] = (
        (filename, body) if part_type is None else (filename, body, part_type)
    )
    form = client.post(
        "/v1/files/check",
        params={"as_of": AS_OF},
        data={"note": "other form fields are ignored"},
        files={"file": file},
    )
    assert form.status_code == 200
    assert form.text == raw.text
    assert json.loads(form.text.splitlines()[-1])["rows"] == check_file(
        sample_path("penalty"), as_of=date.fromisoformat(AS_OF)
    ).rows


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (  # no part named file and no file name
            b'--B\r\nContent-Disposition: form-data; name="note"\r\n\r\nx\r\n--B--\r\n',
            "multipart/form-data; boundary=B",
        ),
        (  # cut off before the closing boundary
            b'--B\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\na,b\n',
            "multipart/form-data; boundary=B",
        ),
        (b"a,b\n", "multipart/form-data"),  # no boundary
    ],
    ids=["no-file-part", "truncated", "no-boundary"],
)
def test_file_check_bad_multipart(client: httpx.Client, body: bytes, content_type: str) -> None:
    """A form without a file part, cut off, or without a boundary: a coded 422 problem."""
    response = client.post(
        "/v1/files/check", content=body, headers={"Content-Type": content_type}
    )
    assert response.status_code == 422
    assert response.headers["content-type"].startswith(PROBLEM)
    problem = response.json()
    assert problem["code"] == "request.form"
    assert problem["message_zh"] and problem["message_en"]


@pytest.mark.parametrize(
    ("writer", "media_type"),
    [
        (write_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (write_jsonl, "application/x-ndjson"),
    ],
)
def test_file_check_xlsx_and_jsonl(
    client: httpx.Client, tmp_path: Any, writer: Any, media_type: str
) -> None:
    """XLSX and JSON Lines uploads are read by their media type; every row is accounted for."""
    pytest.importorskip("openpyxl")
    records = list(
        generate_records(RecordKind.PENALTY, 40, seed=3, faults={"missing_decision_no": 2})
    )
    path = tmp_path / ("x.xlsx" if writer is write_xlsx else "x.jsonl")
    writer((r.values for r in records), path, RecordKind.PENALTY, header=HeaderStyle.CODE)
    report = check_file(path, as_of=date.fromisoformat(AS_OF))
    response = client.post(
        "/v1/files/check",
        params={"as_of": AS_OF, "kind": "penalty", "only_issues": "true"},
        content=path.read_bytes(),
        headers={"Content-Type": media_type},
    )
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert lines[-1]["rows"] == report.rows == 40
    assert [line["row"] for line in lines if line["type"] == "row"] == sorted(
        {i.row for i in report if i.row is not None}
    )


def test_identifiers_match_python_api(client: httpx.Client) -> None:
    """validate, parse and detect over HTTP agree with the identifier modules on sample values."""
    values = []
    for record in _sample_rows(RecordKind.PENALTY, 60):
        values += [str(record.get(c) or "") for c in ("CF_XDR_SHXYM", "CF_XDR_ZJHM", "CF_XDR_ZZJG")]
    values = [v for v in dict.fromkeys(values) if v]
    for value in values:
        kinds = client.post("/v1/identifiers/detect", json={"value": value}).json()["kinds"]
        assert kinds == list(detect(value))
        for name in ("uscc", "resident_id", "org_code"):
            module: Any = REGISTRY[name].module
            answer = client.post(
                "/v1/identifiers/validate", json={"kind": name, "value": value}
            ).json()
            assert answer["valid"] == module.is_valid(value)
            if answer["valid"]:
                assert answer["compact"] == module.validate(value)
                parsed = client.post(
                    "/v1/identifiers/parse", json={"kind": name, "value": value}
                ).json()
                info = attrs.asdict(module.parse(value), recurse=False)
                assert set(parsed["parts"]) == set(info)
            else:
                assert answer["error"]["code"].startswith(name + ".")


def test_parse_of_an_invalid_value_is_a_problem(client: httpx.Client) -> None:
    """Parsing an invalid credit code is a 422 problem with the library's code and messages."""
    response = client.post(
        "/v1/identifiers/parse", json={"kind": "uscc", "value": "91512081MA62K0260F"}
    )
    assert response.status_code == 422
    assert response.headers["content-type"].startswith(PROBLEM)
    problem = response.json()
    assert problem["code"] == "uscc.checksum" and problem["status"] == 422
    assert problem["type"] == "urn:credit-disclosure:problem:uscc.checksum"
    assert problem["message_zh"] and problem["message_en"] == problem["detail"]
    assert "91512081MA62K0260F" not in response.text


@pytest.mark.parametrize("start", ["2026-09-28", "2025-09-26", "2024-02-08"])
def test_deadlines_match_python_api(client: httpx.Client, start: str) -> None:
    """Publication deadlines and timeliness over HTTP equal the library's."""
    day = date.fromisoformat(start)
    due = client.post("/v1/deadlines/due", json={"start": start}).json()
    assert due["due"] == get_rule("publication").due(day).due.isoformat()
    published = date(day.year, day.month, 28) if day.day < 28 else day
    answer = client.post(
        "/v1/deadlines/timeliness",
        json={"decision_date": start, "published_on": published.isoformat()},
    ).json()
    result = check_timeliness(day, published)
    assert (answer["on_time"], answer["working_days_late"]) == (
        result.on_time,
        result.working_days_late,
    )


FACTS = [
    {"decision_date": "2022-03-01", "subject": "法人及非法人组织", "tier": "一般", "procedure": "普通程序"},
    {"decision_date": "2022-03-01", "subject": "自然人", "tier": "严重", "procedure": "普通程序"},
    {
        "decision_date": "2023-05-10",
        "subject": "个体工商户",
        "tier": "轻微",
        "procedure": "简易程序",
        "penalty_types": "警告；罚款",
        "fine_wan": "0.2",
    },
]


@pytest.mark.parametrize("preset", ["national", "changzhi-2021"])
@pytest.mark.parametrize("facts", FACTS)
def test_policy_answers_match_python_api(
    client: httpx.Client, preset: str, facts: dict[str, Any]
) -> None:
    """Publication, term and repair over HTTP say what the Policy object says."""
    policy = get_preset(preset)
    pf = PenaltyFacts(**{k: date.fromisoformat(v) if k.endswith("date") else v for k, v in facts.items()})  # type: ignore[arg-type]
    pub = client.post("/v1/policy/publication", json={"preset": preset, "facts": facts})
    assert pub.status_code == 200, pub.text
    assert pub.json()["explanation"] == policy.publication(pf).explain()
    term = client.post(
        "/v1/policy/term", json={"preset": preset, "facts": facts, "on": "2023-03-02"}
    )
    if term.status_code == 200:
        expected = policy.term(pf)
        assert term.json()["explanation"] == expected.explain()
        assert term.json()["shown"] == bool(policy.is_displayed(pf, on=date(2023, 3, 2)))
    else:
        assert term.headers["content-type"].startswith(PROBLEM)
    repair = client.post(
        "/v1/policy/repair", json={"preset": preset, "facts": facts, "applied_on": "2024-01-02"}
    )
    assert repair.status_code == 200, repair.text
    assert repair.json()["explanation"] == policy.repair(pf, applied_on=date(2024, 1, 2)).explain()


def test_unknown_preset_is_a_problem(client: httpx.Client) -> None:
    """An unknown preset answers 422 with the policy's code."""
    response = client.post("/v1/policy/term", json={"preset": "atlantis", "facts": FACTS[0]})
    assert response.status_code == 422
    assert response.json()["code"] == "policy.preset"


def test_mask_matches_python_api(client: httpx.Client) -> None:
    """Masking over HTTP equals MaskingProfile.mask_record, record by record."""
    for record in _sample_rows(RecordKind.PENALTY, 40):
        answer = client.post("/v1/mask", json={"record": record}).json()
        assert answer["record"] == PUBLIC.mask_record(dict(record))


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "code"),
    [
        ("POST", "/v1/records/check", b"{not json", 400, "request.invalid"),
        ("POST", "/v1/records/check", b'{"kind": "penalty"}', 400, "request.invalid"),
        ("POST", "/v1/records/check", b'{"kind": "permit", "record": {}}', 422, "request.kind"),
        ("POST", "/v1/identifiers/validate", b'{"kind": "iban", "value": "x"}', 422, "identifier.unknown_kind"),
        ("POST", "/v1/mask", b'{"record": {}, "profile": "secret"}', 422, "mask.profile"),
        ("GET", "/v1/nowhere", b"", 404, "http.not_found"),
        ("GET", "/v1/records/check", b"", 405, "http.method_not_allowed"),
        ("POST", "/v1/files/check", b"a,b\n1,2\n", 422, "file.kind"),
    ],
)
def test_errors_are_problem_details(
    client: httpx.Client, method: str, path: str, body: bytes, status: int, code: str
) -> None:
    """Every error is RFC 9457 problem details with a code and zh/en messages."""
    response = client.request(
        method, path, content=body or None, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == status
    assert response.headers["content-type"].startswith(PROBLEM)
    problem = response.json()
    assert problem["code"] == code and problem["status"] == status
    assert problem["message_zh"] and problem["message_en"] and problem["title"]


def test_openapi_is_3_1_and_served(client: httpx.Client) -> None:
    """The running service serves the OpenAPI 3.1 document the docs publish."""
    from credit_disclosure.service import openapi_document

    served = client.get("/schema/openapi.json").json()
    assert served["openapi"] == "3.1.0"
    assert served["paths"] == openapi_document()["paths"]


def test_schemas_and_issues_routes(client: httpx.Client) -> None:
    """The JSON Schema and the issue catalogue are served as the schema module makes them."""
    from credit_disclosure.schema import issue_catalogue, json_schema

    assert client.get("/v1/schemas/2015/license").json() == json_schema("license", "2015")
    assert client.get("/v1/issues").json() == json.loads(json.dumps(issue_catalogue()))


def test_access_log_has_no_personal_data(client: httpx.Client, server: Server) -> None:
    """The access log names method, path and status, never a value that was sent."""
    secret_id = "11010519491231002X"
    client.post("/v1/identifiers/validate", json={"kind": "resident_id", "value": secret_id})
    client.post("/v1/mask", json={"record": {"CF_XDR_MC": "张三丰", "CF_XDR_ZJHM": secret_id}})
    deadline = time.monotonic() + 10
    log = server.log_text()
    while "POST /v1/mask 200" not in log and time.monotonic() < deadline:  # written after the answer
        time.sleep(0.1)
        log = server.log_text()
    assert "POST /v1/mask 200" in log
    assert secret_id not in log and "张三丰" not in log and "1101" not in log


LIFE = [
    ({"decision_date": "2026-03-10", "subject": "法人及非法人组织", "tier": "一般"},
     [("published", "2026-03-12"), ("revoked", "2026-04-02")], "2026-04-08"),
    ({"decision_date": "2026-03-10", "subject": "法人及非法人组织", "tier": "一般"},
     [("published", "2026-03-12")], "2026-05-01"),
    ({"decision_date": "2026-03-10", "subject": "法人及非法人组织", "tier": "一般"}, [], "2026-04-30"),
]


@pytest.mark.parametrize(("facts", "events", "on"), LIFE)
def test_lifecycle_status_matches_python_api(
    client: httpx.Client, facts: dict[str, Any], events: list[tuple[str, str]], on: str
) -> None:
    """The status over HTTP explains itself exactly as record_status does."""
    from credit_disclosure.lifecycle import Event, record_status

    body = {
        "facts": facts,
        "on": on,
        "events": [{"kind": k, "date": d} for k, d in events],
    }
    answer = client.post("/v1/lifecycle/status", json=body)
    assert answer.status_code == 200, answer.text
    pf = PenaltyFacts(**{k: date.fromisoformat(v) if k.endswith("date") else v for k, v in facts.items()})  # type: ignore[arg-type]
    expected = record_status(
        pf,
        [Event(key="request", kind=k, date=date.fromisoformat(d)) for k, d in events],  # type: ignore[arg-type]
        policy=get_preset("national"),
        on=date.fromisoformat(on),
    )
    assert answer.json()["explanation"] == expected.explain()
    assert answer.json()["state"] == expected.state.value


#: One request per JSON route that answers with a whole answer (a report of its own).
ANSWERS: list[tuple[str, dict[str, Any]]] = [
    ("/v1/identifiers/validate", {"kind": "uscc", "value": "91512081MA62K0260E"}),
    ("/v1/identifiers/parse", {"kind": "uscc", "value": "91512081MA62K0260E"}),
    ("/v1/identifiers/detect", {"value": "91512081MA62K0260E"}),
    ("/v1/records/check", {"kind": "penalty", "record": {"CF_WSH": "1号"}}),
    ("/v1/deadlines/due", {"start": "2026-09-28"}),
    ("/v1/deadlines/timeliness", {"decision_date": "2026-09-28", "published_on": "2026-10-09"}),
    ("/v1/policy/publication", {"facts": {"decision_date": "2026-03-10", "subject": "法人及非法人组织",
                                          "procedure": "普通程序", "tier": "一般"}}),
    ("/v1/policy/term", {"facts": {"decision_date": "2026-03-10", "subject": "法人及非法人组织",
                                   "tier": "一般"}}),
    ("/v1/policy/repair", {"facts": {"decision_date": "2026-03-10", "subject": "法人及非法人组织",
                                     "tier": "一般"}, "applied_on": "2026-09-28"}),
    ("/v1/lifecycle/status", {"facts": {"decision_date": "2026-03-10", "subject": "法人及非法人组织",
                                        "tier": "一般"}, "on": "2026-04-30"}),
    ("/v1/mask", {"record": {"CF_XDR_MC": "张三丰"}}),
]


@pytest.mark.parametrize(("path", "body"), ANSWERS, ids=[p for p, _ in ANSWERS])
def test_answers_carry_the_tool_version(client: httpx.Client, path: str, body: dict[str, Any]) -> None:
    """Every answer says which version answered, as the command line's JSON reports do."""
    from credit_disclosure import __version__

    answer = client.post(path, json=body)
    assert answer.status_code == 200, answer.text
    assert answer.json()["tool_version"] == __version__


def test_every_json_route_is_in_the_table() -> None:
    """The table above has every POST route that answers JSON (the file check streams)."""
    from credit_disclosure.service import openapi_document

    posts = {p for p, item in openapi_document()["paths"].items() if "post" in item}
    assert posts - {path for path, _ in ANSWERS} == {"/v1/files/check"}


def test_served_openapi_describes_every_member(client: httpx.Client) -> None:
    """Each model of the served document has its docstring and each member a description, read
    from the wire models (their ``#:`` comments, or the common meaning of the name)."""
    from credit_disclosure import _wire_models as models
    from credit_disclosure.policy import PRESETS

    schemas = client.get("/schema/openapi.json").json()["components"]["schemas"]
    presets = ", ".join(sorted(PRESETS))
    checked = 0
    for name, schema in schemas.items():
        model = getattr(models, name)
        assert schema["description"], name
        expected = models.field_descriptions(model, presets=presets)
        assert set(expected) == set(schema["properties"]), name  # every member described
        for member, prop in schema["properties"].items():
            assert prop["description"] == expected[member].replace("``", "`"), (name, member)
            checked += 1
        if any(f.name == "tool_version" for f in attrs.fields(model)):
            assert "tool_version" in schema["required"], name
    assert checked > 150
    assert schemas["IssueModel"]["properties"]["message_zh"]["description"] == "the message in Chinese"
    assert "yinchuan-2017" in schemas["PolicyRequest"]["properties"]["preset"]["description"]
