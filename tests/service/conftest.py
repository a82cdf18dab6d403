"""A real service process on 127.0.0.1 (a free port), shared by the service tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("litestar")
pytest.importorskip("uvicorn")

SRC = Path(__file__).resolve().parents[2] / "src"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A running ``credit-disclosure serve`` process and its log file."""

    def __init__(self, args: list[str], log: Path, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        environ = {**os.environ, "PYTHONPATH": str(SRC), **(env or {})}
        self._log_fp = open(log, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "credit_disclosure", "serve", "--port", str(self.port), *args],
            stdout=self._log_fp,
            stderr=subprocess.STDOUT,
            env=environ,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(self.url + "/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the service did not start:\n" + log.read_text(errors="replace"))
            time.sleep(0.1)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:  # pragma: no cover
                self.process.kill()
                self.process.wait(10)
        self._log_fp.close()

    def log_text(self) -> str:
        self._log_fp.flush()
        return self.log.read_text(encoding="utf-8", errors="replace")


def sample_ledger(folder: Path) -> str:
    """A ledger (SQLite) holding the 300 sample penalties, for the read-only ledger routes."""
    from datetime import date

    from credit_disclosure.ledger import Ledger
    from credit_disclosure.samples import sample_path

    url = f"sqlite:///{folder / 'ledger.sqlite3'}"
    with Ledger(url) as ledger:
        ledger.init()
        ledger.import_records(sample_path("penalty"), as_of=date(2026, 1, 1))
    return url


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The service with its default limits, answering the ledger routes from the sample ledger."""
    folder = tmp_path_factory.mktemp("service")
    srv = Server(["--ledger", sample_ledger(folder)], folder / "server.log")
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def client(server: Server) -> Iterator[httpx.Client]:
    """A real HTTP client talking to the module's server."""
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c
