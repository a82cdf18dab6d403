"""The service's limits and options: one frozen value, from arguments or the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import attrs

from .._text import safe_repr
from ..errors import ArgumentError

__all__ = ["ServiceSettings"]

_ENV_PREFIX = "CREDIT_DISCLOSURE_SERVICE_"


def _positive(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0:
        raise ArgumentError(
            "service.limit",
            message_en=f"{attribute.name} must be a positive number, not {safe_repr(value, 40)}",
            message_zh=f"{attribute.name} 应为正数，而不是 {safe_repr(value, 40)}",
            field=attribute.name,
        )


@attrs.frozen(kw_only=True)
class ServiceSettings:
    """Where the service listens and the limits it keeps; every limit is configurable.

    ``api_keys``: when not empty, every request except ``/v1/health`` must send
    one of them in the ``X-API-Key`` header (or ``Authorization: Bearer KEY``).
    The keys never appear in a repr or a log.

    >>> s = ServiceSettings(max_rows=1000, api_keys=frozenset({"k1"}))
    >>> s.max_rows, s.port, "k1" in repr(s)
    (1000, 8000, False)
    >>> ServiceSettings.from_env({"CREDIT_DISCLOSURE_SERVICE_MAX_ROWS": "50"}).max_rows
    50
    """

    host: str = "127.0.0.1"
    port: int = 8000
    #: the largest request body accepted, in bytes (an uploaded file included)
    max_body_bytes: int = attrs.field(default=50_000_000, validator=_positive)
    #: the most rows a file check reads; the rest are reported as not checked
    max_rows: int = attrs.field(default=1_000_000, validator=_positive)
    #: the longest a request may take, in seconds (a file check ends its stream with limit.time)
    timeout_seconds: float = attrs.field(default=60.0, validator=_positive)
    #: the most requests handled at once; more get 503 with Retry-After
    max_concurrency: int = attrs.field(default=32, validator=_positive)
    #: the API keys accepted (empty: no authentication)
    api_keys: frozenset[str] = attrs.field(default=frozenset(), repr=False, converter=frozenset)
    #: the ledger's database (a SQLAlchemy URL) the read-only ``/v1/ledger`` routes answer
    #: from; ``None``: those routes answer 404 ``service.no_ledger``. Out of the repr: a URL
    #: may hold a password.
    ledger_url: str | None = attrs.field(default=None, repr=False)

    @staticmethod
    def read_api_keys(path: str | os.PathLike[str]) -> frozenset[str]:
        """The API keys in a file: one per line; blank lines and ``#`` comments are skipped.

        What ``--api-key-file`` and ``CREDIT_DISCLOSURE_SERVICE_API_KEYS_FILE`` read
        (UTF-8); a file that cannot be read is an :class:`OSError`.

        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "keys.txt"
        >>> _ = path.write_text("# the clerks' office\\nk1\\n\\n  k2  \\n", encoding="utf-8")
        >>> sorted(ServiceSettings.read_api_keys(path))
        ['k1', 'k2']
        """
        with open(path, encoding="utf-8") as fp:
            return frozenset(
                line.strip() for line in fp if line.strip() and not line.lstrip().startswith("#")
            )

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, **overrides: object
    ) -> ServiceSettings:
        """Settings from ``CREDIT_DISCLOSURE_SERVICE_*`` variables, then ``overrides``.

        ``..._API_KEYS`` holds comma-separated keys; ``..._API_KEYS_FILE`` a file
        with one key per line. Overrides that are ``None`` are ignored.
        """
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for field in attrs.fields(cls):
            raw = env.get(_ENV_PREFIX + field.name.upper())
            if raw is None or field.name == "api_keys":
                continue
            kind = field.type if isinstance(field.type, type) else str(field.type)
            if kind in (int, "int"):
                values[field.name] = int(raw)
            elif kind in (float, "float"):
                values[field.name] = float(raw)
            else:
                values[field.name] = raw
        keys: set[str] = set()
        if env.get(_ENV_PREFIX + "API_KEYS"):
            keys |= {k.strip() for k in env[_ENV_PREFIX + "API_KEYS"].split(",") if k.strip()}
        if env.get(_ENV_PREFIX + "API_KEYS_FILE"):
            keys |= cls.read_api_keys(env[_ENV_PREFIX + "API_KEYS_FILE"])
        if keys:
            values["api_keys"] = frozenset(keys)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]


