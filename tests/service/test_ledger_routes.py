"""The read-only ledger routes, over HTTP from a real server, answer as the library does."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from credit_disclosure import __version__
from credit_disclosure.ledger import (
    Ledger,
    evaluation_report,
    quarter_report,
    stats_report,
    weekly_report,
)

from .conftest import Server, httpx

_REPORTS: list[tuple[str, dict[str, str], Any]] = [
    ("weekly", {"as_of": "2025-02-10"}, lambda led: weekly_report(led, as_of=date(2025, 2, 10))),
    (
        "quarter",
        {"unit": "青岛市城市管理局", "as_of": "2025-03-31"},
        lambda led: quarter_report(led, unit="青岛市城市管理局", as_of=date(2025, 3, 31)),
    ),
    (
        "stats",
        {"as_of": "2025-06-30", "by": "county", "period": "quarter"},
        lambda led: stats_report(led, as_of=date(2025, 6, 30), by="county", period="quarter"),
    ),
    ("evaluation", {"as_of": "2025-03-03"}, lambda led: evaluation_report(led, as_of=date(2025, 3, 3))),
]


def _ledger_url(server: Server) -> str:
    args = server.process.args
    assert isinstance(args, list)
    return str(args[args.index("--ledger") + 1])


@pytest.mark.parametrize(("name", "params", "make"), _REPORTS, ids=[r[0] for r in _REPORTS])
def test_report_is_the_librarys(
    client: httpx.Client, server: Server, name: str, params: dict[str, str], make: Any
) -> None:
    """Each report route answers the payload the library's report function gives."""
    answer = client.get(f"/v1/ledger/reports/{name}", params=params)
    assert answer.status_code == 200, answer.text
    with Ledger(_ledger_url(server)) as ledger:
        expected = json.loads(json.dumps(make(ledger).payload(), ensure_ascii=False))
    assert answer.json() == {"tool_version": __version__, **expected}  # the version first
    assert next(iter(answer.json())) == "tool_version"


def test_status(client: httpx.Client, server: Server) -> None:
    """The status counts what the ledger holds; the database's address hides any password."""
    answer = client.get("/v1/ledger/status")
    assert answer.status_code == 200
    body = answer.json()
    assert body["records"] == {"penalty": 300} and body["schema_version"] == body["latest_version"]
    with Ledger(_ledger_url(server)) as ledger:
        expected = json.loads(json.dumps(ledger.status().as_dict(), ensure_ascii=False))
    assert body == {"tool_version": __version__, **expected}


@pytest.mark.parametrize(
    ("params", "code", "status"),
    [
        ({"by": "town"}, "ledger.by", 422),
        ({"period": "week"}, "ledger.period", 422),
        ({"as_of": "2025-13-01"}, "request.invalid", 400),
    ],
)
def test_bad_parameters_are_problems(
    client: httpx.Client, params: dict[str, str], code: str, status: int
) -> None:
    """A parameter out of range is an RFC 9457 problem with a code and zh/en messages."""
    answer = client.get("/v1/ledger/reports/stats", params=params)
    assert answer.status_code == status
    assert answer.headers["content-type"].startswith("application/problem+json")
    body = answer.json()
    assert body["code"] == code and body["message_zh"] and body["message_en"]


def test_routes_only_read(client: httpx.Client) -> None:
    """Nothing under /v1/ledger writes: POST is not allowed."""
    assert client.post("/v1/ledger/status").status_code == 405
    assert client.post("/v1/ledger/reports/weekly").status_code == 405


@pytest.fixture(scope="module")
def bare_servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Server]]:
    """A server without a ledger, and one whose ledger was never initialised."""
    folder = tmp_path_factory.mktemp("bare")
    none = Server([], folder / "none.log")
    try:
        empty = Server(["--ledger", f"sqlite:///{folder / 'empty.sqlite3'}"], folder / "empty.log")
    except Exception:
        none.stop()
        raise
    yield none, empty
    none.stop()
    empty.stop()


def test_without_a_usable_ledger(bare_servers: tuple[Server, Server], tmp_path: Path) -> None:
    """No ledger: 404 service.no_ledger; an uninitialised one: 422 ledger.schema; both coded."""
    none, empty = bare_servers
    for srv, status, code in ((none, 404, "service.no_ledger"), (empty, 422, "ledger.schema")):
        for route in ("/v1/ledger/status", "/v1/ledger/reports/weekly"):
            answer = httpx.get(srv.url + route, timeout=30)
            assert answer.status_code == status, answer.text
            body = answer.json()
            assert body["code"] == code and body["message_zh"] and body["message_en"]
    assert "Traceback" not in none.log_text() + empty.log_text()
