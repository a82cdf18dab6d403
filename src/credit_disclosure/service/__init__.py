"""The HTTP service: the library for systems that cannot import Python.

``credit-disclosure serve`` runs it (``pip install "credit-disclosure[service]"``:
Litestar and uvicorn). Identifiers, record and file checks, deadlines,
timeliness, policy answers and masking, each a JSON route described by an
OpenAPI 3.1 document generated from typed attrs models; errors are RFC 9457
problem details with the library's code and zh/en messages. See ``docs/service.md``.

>>> from credit_disclosure.service import ServiceSettings, openapi_document
>>> sorted(openapi_document()["paths"])[:2]
['/v1/deadlines/due', '/v1/deadlines/timeliness']
"""

from __future__ import annotations

from ..errors import MissingOptionalDependency as _MissingOptionalDependency
from ._settings import ServiceSettings

try:
    from ._app import create_app, openapi_document
    from ._server import serve
except ModuleNotFoundError as exc:  # pragma: no cover - the extra is installed in the tests
    if exc.name not in {"litestar", "uvicorn", "msgspec"}:
        raise
    raise _MissingOptionalDependency(
        exc.name, "service", purpose="the HTTP service"
    ) from None

__all__ = ["ServiceSettings", "create_app", "openapi_document", "serve"]
