"""Lazy import of optional dependencies, with an error that names the extra."""

from __future__ import annotations

import importlib
from types import ModuleType

from .errors import MissingOptionalDependency


def require(module: str, extra: str, purpose: str | None = None) -> ModuleType:
    """Import ``module`` or raise :class:`MissingOptionalDependency` naming ``extra``.

    >>> require("json", "none").__name__
    'json'
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingOptionalDependency(module.split(".")[0], extra, purpose) from exc
