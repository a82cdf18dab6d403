"""The shape docs/architecture.md describes: imports go one way, no private reach-ins."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "credit_disclosure"

# docs/architecture.md, "The layers": a unit may import only from units of an earlier layer
# (or its own). Units not listed (the public faces, the command line) may import anything.
LAYERS: list[set[str]] = [
    {"errors", "_text", "_version"},
    {"_dates", "_civil", "_datafile", "_atomic", "_optional", "_i18n"},
    {"identifiers", "workdays"},
    {"deadlines"},
    {"standard"},
    {"policy", "privacy", "io", "samples", "_convert"},
    {"lifecycle", "quality", "schema", "catalogue"},
    {"ledger"},
]
RANK = {unit: i for i, layer in enumerate(LAYERS) for unit in layer}

# docs/architecture.md, "Known exceptions": private modules of another unit imported today.
KNOWN_REACH_INS: set[tuple[str, str]] = set()
# Modules of one subpackage that import each other (one side deferred into a function).
KNOWN_CIRCLES: set[tuple[str, str]] = set()
_HOW = (
    "import the public name from the subpackage instead; if that is not possible yet, add the "
    "pair here and to docs/architecture.md, 'Known exceptions', with the reason"
)
# The public faces re-export a subpackage's private implementation by design.
FACES = {"pandas", "spark", "convert"}

_IMPORT = re.compile(r"^\s*from (\.+)([\w.]*) import", re.M)


def _imports() -> list[tuple[str, str, Path]]:
    """(importing unit, imported dotted path below the package, file) for every relative import."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).parts
        unit = parts[0].removesuffix(".py")
        for dots, module in _IMPORT.findall(path.read_text(encoding="utf-8")):
            if len(dots) == len(parts) and module:  # reaches the package root
                found.append((unit, module, path))
    return found


def test_imports_go_one_way() -> None:
    """No unit imports from a unit of a later layer (which would allow import circles)."""
    upward = [
        f"{path.relative_to(PACKAGE)}: {unit} imports {module}"
        for unit, module, path in _imports()
        if unit in RANK
        and module.split(".")[0] in RANK
        and RANK[module.split(".")[0]] > RANK[unit]
    ]
    assert not upward, upward


def test_no_new_private_reach_ins() -> None:
    """Another subpackage's private modules are not imported (beyond the listed exceptions)."""
    reach_ins = {
        (unit, module)
        for unit, module, _ in _imports()
        if unit not in FACES
        and "." in module
        and module.split(".")[0] != unit
        and any(part.startswith("_") for part in module.split(".")[1:])
    }
    assert reach_ins <= KNOWN_REACH_INS, (sorted(reach_ins - KNOWN_REACH_INS), _HOW)


def test_no_module_imports_a_sibling_that_imports_it_back() -> None:
    """Within a subpackage, no two modules import each other (io/_html <-> io/_report was one)."""
    edges: set[tuple[str, str]] = set()
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if len(rel.parts) != 2:
            continue
        text = path.read_text(encoding="utf-8")
        for module in re.findall(r"^\s*from \.(\w+) import", text, re.M):
            edges.add((f"{rel.parts[0]}.{rel.stem}", f"{rel.parts[0]}.{module}"))
    circles = {(a, b) for a, b in edges if (b, a) in edges and a < b}
    assert circles <= KNOWN_CIRCLES, (sorted(circles - KNOWN_CIRCLES), _HOW)


TESTS = Path(__file__).resolve().parents[1]
# Folders of tests that mirror no unit of the package: cross-cutting contracts, the typed usage
# files mypy reads, shared data, and what lives beside src/ (benchmarks/, the docs site's docs/).
_OTHER_TEST_FOLDERS = {"contracts", "typing", "data", "benchmarks", "docs", "__pycache__"}
_WHEN_WORDS = re.compile(r"(^|_)(fix|fixes|review|regression|regressions|session|issue\d+)(_|$)")


def test_tests_mirror_the_code() -> None:
    """tests/ mirrors src/credit_disclosure/: a folder per subpackage, top-level files per module.

    ``_cli/`` is tested in ``tests/cli/``, ``workdays/`` in ``tests/workdays/``; a test file at
    the top of ``tests/`` is named after a top-level module (``test_civil.py`` for ``_civil.py``);
    no file is named after when it was written (``test_review_fixes.py``).
    """
    units = {p.name.lstrip("_") for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    modules = {p.stem.lstrip("_") for p in PACKAGE.glob("*.py")}
    misplaced = [
        f"tests/{p.name}: no subpackage {p.name} (move its tests next to the code they test)"
        for p in TESTS.iterdir()
        if p.is_dir() and p.name not in units | _OTHER_TEST_FOLDERS
    ]
    misplaced += [
        f"tests/{p.name}: no module {p.stem.removeprefix('test_')}.py at the top of the package "
        "(e.g. tests/test_cli_x.py belongs in tests/cli/test_x.py: git mv it)"
        for p in TESTS.glob("test_*.py")
        if p.stem.removeprefix("test_") not in modules
    ]
    misplaced += [
        f"{p.relative_to(TESTS.parent)}: named after when it was written; name it after what it tests"
        for p in TESTS.rglob("test_*.py")
        if _WHEN_WORDS.search(p.stem.removeprefix("test_"))
    ]
    assert not misplaced, misplaced
