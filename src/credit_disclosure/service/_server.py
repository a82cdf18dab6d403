"""Run the service with uvicorn (the ASGI server of the ``service`` extra)."""

from __future__ import annotations

from ._app import create_app
from ._settings import ServiceSettings

__all__ = ["serve"]


def serve(settings: ServiceSettings | None = None) -> None:
    """Serve the HTTP API until interrupted (uvicorn, one process, on ``settings.host:port``).

    uvicorn's own access log is off: the service logs each request itself under
    ``credit_disclosure.service.access`` with method, path, status and duration
    only (never a query string, a body or a key).
    """
    import uvicorn

    settings = settings or ServiceSettings()
    # uvloop and httptools (pip install "uvicorn[standard]") are used when installed
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        access_log=False,
        log_config=None,
        server_header=False,
        # uvicorn's own cap on concurrent connections sits above ours: ours answers 503
        limit_concurrency=settings.max_concurrency * 4 + 16,
    )
