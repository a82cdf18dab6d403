"""The public face: every public module declares exactly its public names in ``__all__``."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import pytest

import credit_disclosure
from credit_disclosure.errors import MissingOptionalDependency


def _public_modules() -> list[str]:
    names = ["credit_disclosure"]
    for info in pkgutil.walk_packages(credit_disclosure.__path__, "credit_disclosure."):
        if any(part.startswith("_") for part in info.name.split(".")[1:]):
            continue
        names.append(info.name)
    return sorted(names)


def _defined_public_names(module: ModuleType) -> set[str]:
    """Names a module offers: not private, not submodules, not imported from elsewhere."""
    names = set()
    for name, value in vars(module).items():
        if name.startswith("_") or isinstance(value, ModuleType):
            continue
        origin = getattr(value, "__module__", None)
        if isinstance(origin, str) and not origin.startswith("credit_disclosure"):
            continue  # e.g. `date` imported from datetime, `Final` from typing
        names.add(name)
    return names


@pytest.mark.parametrize("module_name", _public_modules())
def test_all_matches_public_names(module_name: str) -> None:
    """``__all__`` lists every public name the module defines or re-exports, and nothing else."""
    try:
        module = importlib.import_module(module_name)
    except MissingOptionalDependency as exc:  # an optional extra that is not installed
        pytest.skip(str(exc))
    exported = getattr(module, "__all__", None)
    assert exported is not None, f"{module_name} has no __all__"
    assert len(exported) == len(set(exported)), f"{module_name}.__all__ has duplicates"
    missing = [name for name in exported if not hasattr(module, name)]
    assert not missing, f"{module_name}.__all__ names what it lacks: {missing}"
    extra = _defined_public_names(module) - set(exported) - {"annotations"}
    assert not extra, f"{module_name} has public names not in __all__: {sorted(extra)}"


@pytest.mark.parametrize("module_name", _public_modules())
def test_public_names_documented(module_name: str) -> None:
    """Every name in ``__all__`` (functions, classes) has a docstring."""
    try:
        module = importlib.import_module(module_name)
    except MissingOptionalDependency as exc:
        pytest.skip(str(exc))
    undocumented = []
    for name in getattr(module, "__all__", []):
        value = getattr(module, name)
        if callable(value) and not (getattr(value, "__doc__", None) or "").strip():
            undocumented.append(name)
    assert not undocumented, f"{module_name}: no docstring on {undocumented}"


def test_package_is_typed() -> None:
    """The wheel ships ``py.typed`` so that users' type checkers read our annotations."""
    assert credit_disclosure.__file__ is not None
    from pathlib import Path

    assert (Path(credit_disclosure.__file__).parent / "py.typed").is_file()


def test_top_level_names_load_lazily_and_are_the_subpackages_own() -> None:
    """Each lazily re-exported top-level name is the very object its subpackage defines."""
    import credit_disclosure as cd

    for name, sub in cd._LAZY.items():
        module = importlib.import_module(f"credit_disclosure.{sub}")
        assert getattr(cd, name) is getattr(module, name), name
        assert name in module.__all__, f"{name} is not public in credit_disclosure.{sub}"
    assert set(cd._LAZY) <= set(cd.__all__)
    for sub in cd._SUBPACKAGES:
        assert getattr(cd, sub) is importlib.import_module(f"credit_disclosure.{sub}")
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = cd.no_such_name


def test_import_is_cheap() -> None:
    """``import credit_disclosure`` loads no subpackage until one is used."""
    import subprocess
    import sys

    code = (
        "import sys, credit_disclosure; "
        "print(sorted(m for m in sys.modules if m.startswith('credit_disclosure.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(eval(out.stdout))
    assert loaded <= {"credit_disclosure._version", "credit_disclosure.errors"}, loaded
