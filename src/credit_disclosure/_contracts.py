"""The error contract of the public functions, kept in one place.

Every public function of a subpackage raises only documented errors: the coded errors of
:mod:`credit_disclosure.errors` (each also a built-in exception where one fits) and, for a
file it is asked to read or write, :class:`OSError`. A function handles the inputs it
expects itself, with its own codes; :func:`guard_public` adds the boundary that turns
whatever else escapes (a ``None`` where an object belongs, a value no one anticipated) into
an :class:`~credit_disclosure.errors.ArgumentError` or
:class:`~credit_disclosure.errors.ArgumentTypeError` naming the function, with no value
quoted, instead of an ``AttributeError`` deep inside the library or a ``ValueError`` that
echoes an identity number.

The wrapper costs one ``try`` per call; the library's own modules call each other
unwrapped, so no inner loop pays it. Set ``CREDIT_DISCLOSURE_DEBUG=1`` to let the original
exception through when hunting a bug.
"""

from __future__ import annotations

import enum
import functools
import inspect
import os
from collections.abc import Callable, Iterator, MutableMapping
from typing import Any, Final, TypeVar

from ._text import safe_repr
from .errors import ArgumentError, ArgumentTypeError, CreditDisclosureError, UnknownName

__all__ = ["guard", "guard_methods", "guard_public"]

_F = TypeVar("_F", bound=Callable[..., Any])

#: Exceptions a wrong *type* of argument ends in.
_TYPE_ERRORS: Final = (TypeError, AttributeError)
#: Exceptions a wrong *value* of argument ends in.
_VALUE_ERRORS: Final = (ValueError, ArithmeticError, UnicodeError, RecursionError)


def _convert(name: str, exc: Exception) -> CreditDisclosureError | None:
    if isinstance(exc, (CreditDisclosureError, OSError)):
        return None
    if os.environ.get("CREDIT_DISCLOSURE_DEBUG"):
        return None
    what = type(exc).__name__
    # The original message helps (redacted, cut); a KeyError that carries only the key (no
    # sentence: it could be a name) is left out.
    text = exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc)
    if not isinstance(text, str) or (isinstance(exc, KeyError) and " " not in text):
        text = ""
    detail = f"{what}: {safe_repr(text, 160)[1:-1]}" if text else what
    if isinstance(exc, _TYPE_ERRORS):
        return ArgumentTypeError(
            "argument.type",
            message_en=f"{name}(): an argument has a type it cannot use ({detail})",
            message_zh=f"{name}()：参数类型不可用（{what}）",
        )
    if isinstance(exc, LookupError):
        return UnknownName(
            "argument.name",
            message_en=f"{name}(): an argument names something that is not known ({detail})",
            message_zh=f"{name}()：参数所指的名称不存在（{what}）",
        )
    if isinstance(exc, _VALUE_ERRORS):
        return ArgumentError(
            "argument.value",
            message_en=f"{name}(): an argument has a value it cannot use ({detail})",
            message_zh=f"{name}()：参数取值不可用（{what}）",
        )
    return None


def _guard_iterator(name: str, it: Iterator[Any]) -> Iterator[Any]:
    try:
        yield from it
    except Exception as exc:
        converted = _convert(name, exc)
        if converted is None:
            raise
        raise converted from None


def guard(fn: _F) -> _F:
    """``fn`` with the error contract: unexpected exceptions become coded argument errors.

    >>> @guard
    ... def first(xs):
    ...     return xs[0]
    >>> first([1])
    1
    >>> first(None)
    Traceback (most recent call last):
    ...
    credit_disclosure.errors.ArgumentTypeError: argument.type: first(): an argument has a type it cannot use (TypeError: 'NoneType' object is not subscriptable) (first()：参数类型不可用（TypeError）)
    """
    name = fn.__name__
    generator = inspect.isgeneratorfunction(fn)

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            result = fn(*args, **kwargs)
        except Exception as exc:
            converted = _convert(name, exc)
            if converted is None:
                raise
            raise converted from None  # the original message may quote the value
        if generator:
            return _guard_iterator(name, result)
        return result

    wrapper.__credit_disclosure_guarded__ = True  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


def guard_public(namespace: MutableMapping[str, Any]) -> None:
    """Guard every public function a package's ``__init__`` re-exports in ``__all__``.

    Enums get a ``_missing_`` that raises :class:`~credit_disclosure.errors.UnknownName`
    without quoting an identity number; other classes, modules and constants are left
    alone, and so is anything already guarded.

    >>> ns = {"__all__": ["f", "K"], "f": lambda: 1, "K": 3}
    >>> guard_public(ns)
    >>> ns["f"].__credit_disclosure_guarded__, ns["K"]
    (True, 3)
    """
    for name in namespace.get("__all__", ()):
        obj = namespace.get(name)
        if (
            inspect.isfunction(obj)
            and not getattr(obj, "__credit_disclosure_guarded__", False)
        ):
            namespace[name] = guard(obj)
        elif isinstance(obj, type) and issubclass(obj, enum.Enum):
            _guard_enum(obj)


def _guard_enum(cls: type[enum.Enum]) -> None:
    """``cls(value)`` with a value it lacks: UnknownName (a ValueError) listing the values.

    Python's own ValueError quotes the value, which may be an identity number.
    """
    if "_missing_" in vars(cls):
        return  # the enum reads aliases itself

    def _missing_(klass: type[enum.Enum], value: object) -> None:
        known = ", ".join(str(m.value) for m in klass)
        raise UnknownName(
            "argument.name",
            message_en=f"{safe_repr(value)} is not a valid {klass.__name__} ({known})",
            message_zh=f"{safe_repr(value)} 不是有效的 {klass.__name__}（{known}）",
        )

    cls._missing_ = classmethod(_missing_)  # type: ignore[assignment]


def guard_methods(owner: Any, *names: str) -> None:
    """Guard the functions or methods ``names`` of a class or module in place.

    For the methods people call on the objects a subpackage hands out (a masking profile's
    ``mask_record``) and the functions of a module of verbs (an identifier's ``generate``).

    >>> class Box:
    ...     def first(self, xs):
    ...         return xs[0]
    >>> guard_methods(Box, "first")
    >>> Box().first(None)
    Traceback (most recent call last):
    ...
    credit_disclosure.errors.ArgumentTypeError: argument.type: first(): ...
    """
    for name in names:
        fn = getattr(owner, name)
        if not getattr(fn, "__credit_disclosure_guarded__", False):
            setattr(owner, name, guard(fn))
