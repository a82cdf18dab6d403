"""Start (or stop) a throwaway PostgreSQL server on 127.0.0.1 for the ledger's tests.

Usage: ``python3 scripts/pg_test_server.py start [DIR]`` prints the URL to export as
``CREDIT_DISCLOSURE_TEST_PG_URL``; ``stop [DIR]`` stops it. The cluster lives in DIR
(default: a new temporary directory), listens only on 127.0.0.1 on a free port, and
trusts local connections: it is for tests, never for data. Needs Debian's
``postgresql`` package (initdb and pg_ctl under /usr/lib/postgresql/*/bin); as root it
runs them as the ``postgres`` user. Exit code 1 (and a message) when no server can be had.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path


def _bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(args: list[str], as_postgres: bool) -> None:
    if as_postgres:
        args = ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(f"'{a}'" for a in args)]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def start(directory: str | None = None) -> str:
    """Start a server; return its URL (``postgresql+psycopg://postgres@127.0.0.1:PORT/postgres``)."""
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if initdb is None or pg_ctl is None:
        raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
    root = os.geteuid() == 0
    base = Path(directory or tempfile.mkdtemp(prefix="cd-pg-"))
    base.mkdir(parents=True, exist_ok=True)
    data = base / "data"
    if root:
        shutil.chown(base, "postgres")
    port = _free_port()
    if not data.exists():
        _run([initdb, "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"], root)
    _run(
        [
            pg_ctl, "-D", str(data), "-l", str(base / "server.log"), "-w", "-o",
            f"-h 127.0.0.1 -p {port} -k {base} -F",
            "start",
        ],
        root,
    )  # fmt: skip
    (base / "port").write_text(str(port))
    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"


def stop(directory: str) -> None:
    """Stop the server whose cluster is in ``directory``."""
    pg_ctl = _bin("pg_ctl")
    if pg_ctl is None:
        return
    _run([pg_ctl, "-D", str(Path(directory) / "data"), "-m", "fast", "-w", "stop"], os.geteuid() == 0)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("start", "stop"):
        print(__doc__, file=sys.stderr)
        return 2
    try:
        if argv[0] == "start":
            print(start(argv[1] if len(argv) > 1 else None))
        else:
            stop(argv[1])
    except (RuntimeError, subprocess.CalledProcessError, OSError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        print(f"no PostgreSQL server: {exc} {detail.decode(errors='replace')[:500]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
