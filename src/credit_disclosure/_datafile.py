"""Reading small JSON or TOML data files (schedules, deadline rules, options) into attrs values.

Shared by :mod:`credit_disclosure.workdays` (schedules), :mod:`credit_disclosure.deadlines`
(rules), :mod:`credit_disclosure.policy` (policy files) and
:meth:`~credit_disclosure.standard.ValidationOptions.from_file` (``check --options``): one
place that turns every way a file can be wrong (type, encoding, syntax, shape) into an
:class:`~credit_disclosure.errors.InvalidFormat` with a stable code and the file's name.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any, Literal, TypeVar

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


#: Builds the error of a data-file problem from (problem, English message, Chinese message).
ErrorFactory = Callable[[str, str, str], Exception]


def read_table(
    path: str | os.PathLike[str],
    code: str,
    *,
    default_format: Literal["json", "toml"] | None = None,
    name: str | None = None,
    error: ErrorFactory | None = None,
) -> dict[str, Any]:
    """The one table a ``.json`` or ``.toml`` file holds; errors are ``{code}.<problem>``.

    Problems: ``file_type`` (another suffix), ``encoding`` (not UTF-8), ``syntax`` (not
    valid JSON or TOML, with the parser's line and column) and ``format`` (not a table).
    A missing file raises the usual :class:`OSError`, unless ``error`` is given.

    ``default_format`` reads a file of any other suffix as that format instead of
    refusing it; ``name`` is how messages name the file (default: its path); ``error``
    builds the exception of a problem from (problem, English, Chinese) where a caller's
    errors have a code of their own (policy files: ``policy.file``); it also gets
    ``read`` for a file that cannot be opened.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "x.cfg"
    >>> _ = path.write_text('{"a": 1}', encoding="utf-8")
    >>> read_table(path, "options", default_format="json")
    {'a': 1}
    >>> read_table(path, "options")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    credit_disclosure.errors.InvalidFormat: options.file_type: ...
    """
    path = Path(path)
    shown = str(path) if name is None else name

    def fail(problem: str, en: str, zh: str) -> Exception:
        if error is not None:
            return error(problem, f"{shown}: {en}", f"{shown}: {zh}")
        return InvalidFormat(
            f"{code}.{problem}", message_en=f"{shown}: {en}", message_zh=f"{shown}: {zh}"
        )

    suffix = path.suffix.lower()
    fmt = suffix[1:] if suffix in (".json", ".toml") else default_format
    if fmt is None:
        raise fail(
            "file_type",
            f"the file must be .json or .toml, not {suffix or 'no suffix'!r}",
            "文件应为 .json 或 .toml",
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail(
            "encoding",
            f"not UTF-8 text (byte {exc.start}); save the file as UTF-8",
            f"不是 UTF-8 编码（第 {exc.start} 字节）",
        ) from None
    except OSError as exc:
        if error is None:
            raise
        reason = exc.strerror or type(exc).__name__
        raise fail("read", f"cannot read the file: {reason}", f"无法读取文件：{reason}") from None
    try:
        data = json.loads(text) if fmt == "json" else toml_loads(text)
    except ValueError as exc:  # json.JSONDecodeError and tomllib.TOMLDecodeError
        raise fail(
            "syntax", f"not valid {fmt.upper()}: {exc}", f"{fmt.upper()} 语法错误: {exc}"
        ) from None
    if not isinstance(data, dict):
        raise fail(
            "format",
            f"the file must hold one table (key: value pairs), not {type(data).__name__}",
            "文件应为一个表（键值对）",
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
