"""The service's limits and API keys, on a real server process started with small limits."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from credit_disclosure.samples import sample_path

from .conftest import Server, httpx

KEY = "test-key-0123456789"


@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server with an API key, 50 rows per file, 200 kB bodies, 4 s, 2 requests at once.

    The time limit leaves room for a loaded machine to check 50 rows (the first check also
    imports the columnar reader); the slow-body test waits longer than it.
    """
    tmp = tmp_path_factory.mktemp("limited")
    keys = tmp / "keys.txt"
    keys.write_text(f"# service keys\n{KEY}\n", encoding="utf-8")
    srv = Server(
        [
            "--api-key-file", str(keys),
            "--max-rows", "50",
            "--max-body-bytes", "200000",
            "--timeout", "4",
            "--max-concurrency", "2",
        ],
        tmp / "server.log",
    )
    yield srv
    srv.stop()


def _auth(key: str = KEY) -> dict[str, str]:
    return {"X-API-Key": key}


def test_key_required_except_health(limited: Server) -> None:
    """Without a key (or with a wrong one) requests get 401 problems; health stays open."""
    assert httpx.get(limited.url + "/v1/health").status_code == 200
    body = {"value": "91512081MA62K0260E"}
    for headers in ({}, _auth("wrong"), {"Authorization": "Bearer wrong"}):
        r = httpx.post(limited.url + "/v1/identifiers/detect", json=body, headers=headers)
        assert r.status_code == 401
        assert r.json()["code"] == "service.unauthorized"
    ok = httpx.post(limited.url + "/v1/identifiers/detect", json=body, headers=_auth())
    assert ok.status_code == 200 and ok.json()["kinds"] == ["uscc"]
    bearer = {"Authorization": f"Bearer {KEY}"}
    assert httpx.post(limited.url + "/v1/identifiers/detect", json=body, headers=bearer).is_success
    assert KEY not in limited.log_text()


def test_rows_limit_ends_the_stream_accounted(limited: Server) -> None:
    """A file longer than max_rows: 50 rows checked, a `stopped` line, summary complete=false."""
    r = httpx.post(
        limited.url + "/v1/files/check",
        params={"as_of": "2025-07-01"},
        content=sample_path("penalty").read_bytes(),
        headers={**_auth(), "Content-Type": "text/csv"},
        timeout=30,
    )
    lines = [json.loads(line) for line in r.text.splitlines()]
    rows = [line["row"] for line in lines if line["type"] == "row"]
    assert rows == list(range(1, 51))
    stopped = next(line for line in lines if line["type"] == "stopped")
    assert stopped["code"] == "limit.rows" and stopped["rows_checked"] == 50
    assert lines[-1]["type"] == "summary" and lines[-1]["complete"] is False
    assert lines[-1]["rows"] == 50


def test_body_too_large(limited: Server) -> None:
    """A body above max_body_bytes is a 413 problem."""
    r = httpx.post(
        limited.url + "/v1/files/check",
        content=b"CF_WSH\n" + b"x\n" * 150_000,
        headers={**_auth(), "Content-Type": "text/csv"},
        timeout=30,
    )
    assert r.status_code == 413
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["code"] == "request.too_large"


def _slow_body(seconds: float) -> Iterator[bytes]:
    yield b'{"value": '
    time.sleep(seconds)
    yield b'"91512081MA62K0260E"}'


def test_timeout_is_a_problem(limited: Server) -> None:
    """A request that takes longer than the time limit (here: a slow body) gets a 503 problem."""
    r = httpx.post(
        limited.url + "/v1/identifiers/detect",
        content=_slow_body(6.0),
        headers={**_auth(), "Content-Type": "application/json"},
        timeout=30,
    )
    assert r.status_code == 503
    assert r.json()["code"] == "service.timeout"


def test_concurrency_limit_answers_busy(limited: Server) -> None:
    """With both slots held by slow requests, a third request gets 503 busy with Retry-After."""
    results: list[int] = []

    def slow() -> None:
        r = httpx.post(
            limited.url + "/v1/identifiers/detect",
            content=_slow_body(0.8),
            headers={**_auth(), "Content-Type": "application/json"},
            timeout=30,
        )
        results.append(r.status_code)

    threads = [threading.Thread(target=slow) for _ in range(2)]
    for t in threads:
        t.start()
    time.sleep(0.4)  # both slow requests are inside, waiting for their bodies
    busy = httpx.post(
        limited.url + "/v1/identifiers/detect", json={"value": "x"}, headers=_auth(), timeout=30
    )
    for t in threads:
        t.join()
    assert busy.status_code == 503
    assert busy.json()["code"] == "service.busy" and busy.headers["retry-after"] == "1"
    assert results == [200, 200]
    after = httpx.post(
        limited.url + "/v1/identifiers/detect", json={"value": "x"}, headers=_auth(), timeout=30
    )
    assert after.status_code == 200


def test_settings_from_env(tmp_path: Path) -> None:
    """Settings read CREDIT_DISCLOSURE_SERVICE_* variables; keys come from a variable or a file."""
    from credit_disclosure.service import ServiceSettings

    keys = tmp_path / "k"
    keys.write_text("a\n\n# c\nb\n", encoding="utf-8")
    s = ServiceSettings.from_env(
        {
            "CREDIT_DISCLOSURE_SERVICE_TIMEOUT_SECONDS": "2.5",
            "CREDIT_DISCLOSURE_SERVICE_API_KEYS": "x, y",
            "CREDIT_DISCLOSURE_SERVICE_API_KEYS_FILE": str(keys),
        },
        port=9000,
    )
    assert (s.timeout_seconds, s.port, s.api_keys) == (2.5, 9000, frozenset("abxy"))
    assert "api_keys" not in repr(s)
    with pytest.raises(ValueError, match="max_rows"):
        ServiceSettings(max_rows=0)


def test_api_key_file_is_read_by_the_settings(tmp_path: Path) -> None:
    """read_api_keys (what --api-key-file reads) skips blank lines and comments; a missing file is an OSError."""
    from credit_disclosure.service import ServiceSettings

    keys = tmp_path / "k"
    keys.write_text("# office\n  k1  \n\nk2\n#k3\n", encoding="utf-8")
    assert ServiceSettings.read_api_keys(keys) == frozenset({"k1", "k2"})
    assert ServiceSettings.read_api_keys(str(keys)) == frozenset({"k1", "k2"})
    with pytest.raises(OSError):
        ServiceSettings.read_api_keys(tmp_path / "missing")
