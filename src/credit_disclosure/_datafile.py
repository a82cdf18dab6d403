"""Reading small JSON or TOML data files (schedules, deadline rules, options) into attrs values.

Shared by :mod:`credit_disclosure.workdays`, :mod:`credit_disclosure.deadlines` and the
command line: one
place that turns every way a file can be wrong (type, encoding, syntax, shape) into an
:class:`~credit_disclosure.errors.InvalidFormat` with a stable code and the file's name.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import cattrs

from .errors import InvalidFormat, ValidationError

T = TypeVar("T")


def toml_loads(text: str) -> Any:
    """Parse TOML with :mod:`tomllib` (Python 3.11+) or tomli (a dependency on Python 3.10)."""
    if sys.version_info >= (3, 11):
        import tomllib

        return tomllib.loads(text)
    try:  # pragma: no cover - Python 3.10
        import tomli  # type: ignore[import-not-found,unused-ignore]
    except ModuleNotFoundError:  # pragma: no cover
        raise InvalidFormat(
            "datafile.toml_unavailable",
            message_en="reading TOML on Python 3.10 needs tomli (pip install tomli); "
            "or write the file as JSON",
            message_zh="Python 3.10 读取 TOML 需要安装 tomli，或改用 JSON 格式",
        ) from None
    return tomli.loads(text)  # pragma: no cover


def read_table(path: str | os.PathLike[str], code: str) -> dict[str, Any]:
    """The one table a ``.json`` or ``.toml`` file holds; errors are ``{code}.<problem>``.

    Problems: ``file_type`` (another suffix), ``encoding`` (not UTF-8), ``syntax`` (not
    valid JSON or TOML, with the parser's line and column) and ``format`` (not a table).
    A missing file raises the usual :class:`OSError`.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".toml"):
        raise InvalidFormat(
            f"{code}.file_type",
            message_en=f"{path}: the file must be .json or .toml, not {suffix or 'no suffix'!r}",
            message_zh=f"{path}: 文件应为 .json 或 .toml",
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidFormat(
            f"{code}.encoding",
            message_en=f"{path}: not UTF-8 text (byte {exc.start}); save the file as UTF-8",
            message_zh=f"{path}: 不是 UTF-8 编码（第 {exc.start} 字节）",
        ) from None
    try:
        data = json.loads(text) if suffix == ".json" else toml_loads(text)
    except ValueError as exc:  # json.JSONDecodeError and tomllib.TOMLDecodeError
        raise InvalidFormat(
            f"{code}.syntax",
            message_en=f"{path}: not valid {suffix[1:].upper()}: {exc}",
            message_zh=f"{path}: {suffix[1:].upper()} 语法错误: {exc}",
        ) from None
    if not isinstance(data, dict):
        raise InvalidFormat(
            f"{code}.format",
            message_en=f"{path}: the file must hold one table (key: value pairs), "
            f"not {type(data).__name__}",
            message_zh=f"{path}: 文件应为一个表（键值对）",
        )
    return data


def structure_date(value: Any, _type: type) -> date:
    """A date from a file: ``YYYY-MM-DD`` text or a TOML date; a date and time is refused."""
    if isinstance(value, date):  # TOML has native dates (a datetime is a date too: refuse it)
        if hasattr(value, "hour"):
            raise ValueError(f"expected a date, got a date and time: {value!r}")
        return value
    if isinstance(value, str):
        return date.fromisoformat(value.strip())
    raise ValueError(f"expected a date as YYYY-MM-DD, got {type(value).__name__}")


def structure_int(value: Any, _type: type) -> int:
    """A whole number from a file: ``7.5`` or ``true`` is an error, not 7 or 1."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(f"expected a whole number, got {type(value).__name__} {value!r:.20}")
    return int(value)


@functools.lru_cache(maxsize=1)
def _strict() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_structure_hook(date, structure_date)
    conv.register_structure_hook(int, structure_int)
    return conv


def strict_converter() -> cattrs.Converter:
    """A fresh converter for data files: unknown keys refused, strict dates and whole numbers.

    Callers add hooks for their own types to the copy they get.
    """
    return _strict().copy()


def in_file(exc: ValidationError, path: str | os.PathLike[str]) -> ValidationError:
    """The same error with the file's name in front of both messages."""
    return type(exc)(
        exc.code,
        message_en=f"{path}: {exc.message_en}",
        message_zh=f"{path}: {exc.message_zh}",
        position=exc.position,
        field=exc.field,
    )


def _find_validation_error(exc: BaseException) -> ValidationError | None:
    """Our own error, if cattrs wrapped one raised by a class's checks."""
    if isinstance(exc, ValidationError):
        return exc
    for sub in getattr(exc, "exceptions", ()):
        found = _find_validation_error(sub)
        if found is not None:
            return found
    return None


def structure(
    converter: cattrs.Converter, data: Mapping[str, Any], cls: type[T], code: str, what: str
) -> T:
    """``converter.structure(data, cls)``, every failure an error with a code and a path.

    A :class:`~credit_disclosure.errors.ValidationError` raised by the class's own checks
    comes out as it is; anything else (a missing or unknown key, a wrong type, a bad
    date) becomes ``InvalidFormat(code)`` naming where (``$.holidays[0].start``).
    """
    try:
        return converter.structure(data, cls)
    except ValidationError:
        raise
    except Exception as exc:
        inner = _find_validation_error(exc)
        if inner is not None:
            raise inner from None
        problems = (
            cattrs.transform_error(exc, path="$")
            if isinstance(exc, cattrs.BaseValidationError)
            else [str(exc)]
        )
        detail = "; ".join(problems)
        raise InvalidFormat(
            code,
            message_en=f"not a valid {what}: {detail}",
            message_zh=f"格式错误 ({what}): {detail}",
        ) from None
