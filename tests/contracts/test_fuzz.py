"""Junk into every public function of every subpackage: only documented errors come out.

A bounded robustness test in the spirit of python-stdnum's: each public function (and the
methods of the objects people call most) gets junk in each argument in turn, the other
arguments junk too. What may come out is a result, a coded error of
:mod:`credit_disclosure.errors`, or an :class:`OSError` for a path it was asked to open;
never an ``AttributeError``, a bare ``ValueError`` or ``InvalidOperation``, and no error
message or result ``repr`` that contains the identity number among the junk.
"""

from __future__ import annotations

import importlib
import inspect
import itertools
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from credit_disclosure import CreditDisclosureError
from credit_disclosure.identifiers import REGISTRY

ID = "11010519491231002X"

#: Junk of every kind: empty, text, an ID, a lone surrogate, huge and odd numbers, dates at
#: the ends of time, a datetime where a date belongs, bytes, containers, an object, a bool.
JUNK: tuple[object, ...] = (
    None,
    "",
    "x",
    ID,
    "\ud800",
    10**400,
    -1,
    0,
    float("nan"),
    Decimal("NaN"),
    date.max,
    date.min,
    datetime(2024, 1, 1, 12),
    b"\xff\x00",
    [ID],
    {"CF_WSH": ID},
    object(),
    True,
)

PACKAGES = ("identifiers", "workdays", "deadlines", "standard", "policy", "privacy", "io", "quality")

#: Functions that draw a plot (matplotlib, slow to import) are fuzzed by their own tests.
_SKIP = frozenset({"plot_issues_by_code", "plot_records_over_time", "plot_scores_by_month",
                   "plot_timeliness_by_agency"})


def _public_functions(package: str) -> Iterator[tuple[str, Callable[..., Any]]]:
    module = importlib.import_module(f"credit_disclosure.{package}")
    for name in module.__all__:
        obj = getattr(module, name)
        if inspect.isfunction(obj) and name not in _SKIP:
            yield f"{package}.{name}", obj


def _methods(package: str) -> Iterator[tuple[str, Callable[..., Any]]]:
    """Public methods of the objects each subpackage hands out most."""
    objects: dict[str, list[object]] = {
        "identifiers": [entry.module for entry in REGISTRY.values()],
        "workdays": [importlib.import_module("credit_disclosure.workdays").default_calendar()],
        "deadlines": [importlib.import_module("credit_disclosure.deadlines").PUBLICATION],
        "policy": [importlib.import_module("credit_disclosure.policy").NATIONAL],
        "privacy": [importlib.import_module("credit_disclosure.privacy").PUBLIC],
    }
    for obj in objects.get(package, []):
        for name, member in inspect.getmembers(obj):
            if name.startswith("_") or not (inspect.isfunction(member) or inspect.ismethod(member)):
                continue
            if not getattr(member, "__module__", "").startswith("credit_disclosure"):
                continue  # typing helpers and the like imported into a module
            if name in {"evolve", "with_fields", "with_schedule", "with_overrides"}:
                continue  # builders: their arguments are checked by the value classes
            owner = getattr(obj, "__name__", type(obj).__name__)
            yield f"{package}.{owner}.{name}", member


def _calls(fn: Callable[..., Any]) -> Iterator[tuple[list[object], dict[str, object]]]:
    """Argument lists: each parameter in turn gets each junk value, the others junk too."""
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return
    params = list(sig.parameters.values())
    required = [
        p for p in params
        if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]
    optional = [
        p for p in params
        if p.default is not p.empty and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
    ][:4]
    for target in required + optional or [None]:
        for i, junk in enumerate(JUNK):
            values = {p.name: (junk if p is target else JUNK[i - 1]) for p in required}
            if target is not None and target in optional:
                values[target.name] = junk
            args = [values.pop(p.name) for p in required if p.kind is p.POSITIONAL_ONLY]
            yield args, values


def _shown(result: object) -> str:
    if isinstance(result, (str, bytes, int, float, list, tuple, dict, set, frozenset)):
        return ""  # data handed back to the caller, not a message
    try:
        return repr(result)
    except CreditDisclosureError as exc:
        return str(exc)


def _fuzz(name: str, fn: Callable[..., Any], failures: list[str]) -> None:
    for args, kwargs in _calls(fn):
        try:
            result = fn(*args, **kwargs)
            if inspect.isgenerator(result) or isinstance(result, Iterator):
                list(itertools.islice(result, 3))
            text = _shown(result)
        except CreditDisclosureError as exc:
            text = f"{exc} {exc!r}"
        except OSError:
            continue  # a path it was asked to open: the documented OSError
        except Exception as exc:
            failures.append(f"{name}{_brief(args, kwargs)}: {type(exc).__name__}: {exc!s:.80}")
            continue
        if ID in text:
            failures.append(f"{name}{_brief(args, kwargs)}: shows the identity number")


def _brief(args: list[object], kwargs: dict[str, object]) -> str:
    shown = [f"{a!r:.20}" for a in args] + [f"{k}={v!r:.20}" for k, v in kwargs.items()]
    return f"({', '.join(shown)})"


@pytest.mark.parametrize("package", PACKAGES)
def test_public_functions_raise_only_documented_errors(
    package: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every public function and method of the subpackage, junk in each argument: coded errors only."""
    monkeypatch.chdir(tmp_path)  # functions that write a file given "x" write it here
    monkeypatch.setenv("CREDIT_DISCLOSURE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("CREDIT_DISCLOSURE_DEBUG", raising=False)
    failures: list[str] = []
    started = time.perf_counter()
    for name, fn in itertools.chain(_public_functions(package), _methods(package)):
        _fuzz(name, fn, failures)
    elapsed = time.perf_counter() - started
    assert not failures, "\n".join(sorted(set(failures))[:40])
    assert elapsed < 60, f"the {package} fuzz took {elapsed:.0f}s"
