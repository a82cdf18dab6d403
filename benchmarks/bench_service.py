"""The HTTP service: record checks per second and p99 latency under concurrent clients.

A real ``credit-disclosure serve`` process on 127.0.0.1 (a free port, loopback
only) answers ``POST /v1/records/check`` for sample records sent by
``CLIENTS`` concurrent clients (httpx, keep-alive). The load is bounded in count
(``items`` requests per round) and in time (the probe stops after
``_PROBE_SECONDS``). The peer is the same check in process (``check_row`` on
the same records), so the ratio is the service's throughput against the
in-process call; the note gives requests per second, p50 and p99 latency and
the overhead per request.
"""

from __future__ import annotations

import asyncio
import atexit
import os
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks._harness import Case
from credit_disclosure.io import open_table
from credit_disclosure.samples import sample_path
from credit_disclosure.standard import RecordKind, check_row

CLIENTS = 8
_PROBE_SECONDS = 15.0
_AS_OF = "2025-07-01"
_SRC = Path(__file__).resolve().parents[1] / "src"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_server() -> tuple[subprocess.Popen[bytes], str]:
    import httpx

    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(_SRC)}
    process = subprocess.Popen(
        [
            sys.executable, "-m", "credit_disclosure", "serve",
            "--port", str(port), "--max-concurrency", str(CLIENTS * 4), "--log-level", "WARNING",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    atexit.register(_stop, process)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/v1/health", timeout=1).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.1)
    _stop(process)
    raise RuntimeError("the service did not start")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


async def _load(
    url: str, bodies: list[dict[str, Any]], n: int, *, budget: float | None = None
) -> list[float]:
    """Send ``n`` record checks with CLIENTS concurrent clients; the latency of each, in s."""
    import httpx

    latencies: list[float] = []
    next_index = 0
    stop_at = None if budget is None else time.perf_counter() + budget
    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as client:

        async def worker() -> None:
            nonlocal next_index
            while next_index < n and (stop_at is None or time.perf_counter() < stop_at):
                body = bodies[next_index % len(bodies)]
                next_index += 1
                started = time.perf_counter()
                response = await client.post("/v1/records/check", json=body)
                latencies.append(time.perf_counter() - started)
                if response.status_code != 200:
                    raise RuntimeError(f"status {response.status_code}")

        await asyncio.gather(*(worker() for _ in range(CLIENTS)))
    return latencies


def _records(kind: RecordKind) -> list[dict[str, object]]:
    with open_table(sample_path(kind)) as reader:
        return [dict(raw.values) for raw in reader if raw.usable]


def cases(quick: bool) -> list[Case]:
    try:
        import httpx  # noqa: F401
        import litestar  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        return []  # the service extra is not installed
    n = 100 if quick else 400
    records = _records(RecordKind.PENALTY)
    bodies = [{"kind": "penalty", "as_of": _AS_OF, "record": r} for r in records]
    as_of = date.fromisoformat(_AS_OF)
    _, url = _start_server()

    def in_process() -> None:
        for i in range(n):
            check_row(records[i % len(records)], RecordKind.PENALTY, as_of=as_of)

    # The probe: one bounded run for the latency figures of the note.
    probe_n = 200 if quick else 2000
    started = time.perf_counter()
    latencies = sorted(asyncio.run(_load(url, bodies, probe_n, budget=_PROBE_SECONDS)))
    elapsed = time.perf_counter() - started
    t0 = time.perf_counter()
    in_process()
    per_call = (time.perf_counter() - t0) / n
    p50 = latencies[len(latencies) // 2]
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    mean = sum(latencies) / len(latencies)
    note = (
        f"{CLIENTS} concurrent clients on loopback, {len(latencies)} requests: "
        f"{len(latencies) / elapsed:.0f} req/s, p50 {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms; "
        f"in process {per_call * 1e6:.0f} us per record, so HTTP adds about "
        f"{(mean - per_call) * 1000:.1f} ms per request at this concurrency"
    )
    return [
        Case(
            name=f"service: record check over HTTP ({CLIENTS} clients)",
            items=n,
            ours=lambda: asyncio.run(_load(url, bodies, n)),
            peer_name="check_row in process",
            peer=in_process,
            note=note,
        )
    ]
