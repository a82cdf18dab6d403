"""GB/T 2260 division data: history, names, the data file's provenance, regeneration."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from credit_disclosure.identifiers import (
    divisions,
    foreign_permanent_id,
    resident_id,
)

from .conftest import gb11643_check

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src/credit_disclosure/identifiers/gb2260.txt"
COUNTRIES = ROOT / "src/credit_disclosure/identifiers/iso3166.txt"


def test_history_of_renamed_code() -> None:
    """A code renamed over time keeps every name with its years (东郊区 then 东丽区)."""
    d = divisions.lookup("120110")
    assert d is not None
    assert [(n.name, n.from_year, n.to_year) for n in d.names] == [
        ("东郊区", None, 1991),
        ("东丽区", 1992, None),
    ]
    assert d.names[0].in_use(1991) and not d.names[0].in_use(1992)
    assert d.name == "东丽区" and not d.retired


def test_parents_and_full_name() -> None:
    """province and prefecture are the parent codes' names; full_name skips 市辖区."""
    d = divisions.lookup("512081")
    assert d is not None
    assert (d.province, d.prefecture, d.full_name) == ("四川省", "资阳市", "四川省资阳市简阳市")
    top = divisions.lookup("110000")
    assert top is not None and top.province is None and top.full_name == "北京市"


def test_unknown_code() -> None:
    """An unknown code gives None."""
    assert divisions.lookup("999999") is None


@pytest.mark.usefixtures("private_divisions")
def test_register_extends_validators() -> None:
    """A registered code is accepted by the resident-ID validator from then on."""
    body = "66990119800101001"
    number = body + "10X98765432"[sum(int(d) * pow(2, 17 - i, 11) for i, d in enumerate(body)) % 11]
    assert not resident_id.is_valid(number)
    divisions.register("669901", "测试区", from_year=2031)
    assert resident_id.is_valid(number)
    d = divisions.lookup("669901")
    assert d is not None and d.names[-1].from_year == 2031
    with pytest.raises(ValueError, match="six ASCII digits"):
        divisions.register("12345", "x")


def test_data_file_states_origin_and_licence() -> None:
    """The data file's header names its source, python-stdnum's licence and GB/T 2260."""
    head = DATA.read_text(encoding="utf-8")[:1500]
    for needle in ("python-stdnum", "LGPL-2.1", "GB/T 2260", "regen_divisions.py", "CC BY-SA"):
        assert needle in head


def _regen_script() -> ModuleType:
    """scripts/regen_divisions.py loaded as a module."""
    spec = importlib.util.spec_from_file_location(
        "regen_divisions", ROOT / "scripts/regen_divisions.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["regen_divisions"] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules["regen_divisions"]
    return module


def test_data_is_regenerable() -> None:
    """scripts/regen_divisions.py reproduces the shipped file from python-stdnum's numdb."""
    pytest.importorskip("stdnum.numdb")
    module = _regen_script()
    assert module.render(module.collect()) == DATA.read_text(encoding="utf-8")


def test_countries_are_regenerable() -> None:
    """scripts/regen_divisions.py reproduces the shipped ISO 3166-1 table from pycountry."""
    pytest.importorskip("pycountry")
    module = _regen_script()
    assert module.render_countries() == COUNTRIES.read_text(encoding="utf-8")


def test_countries_file_states_origin_and_licence() -> None:
    """The ISO 3166-1 data file's header names its source, its licence and the script."""
    head = COUNTRIES.read_text(encoding="utf-8")[:600]
    for needle in ("pycountry", "LGPL-2.1", "ISO 3166-1", "regen_divisions.py"):
        assert needle in head


@pytest.mark.usefixtures("private_divisions")
@pytest.mark.parametrize("name", ["", "  ", "a,b", "[2030-]x", "x\ny"])
def test_register_rejects_names_that_corrupt_the_data(name: str) -> None:
    """register() refuses a name that would break later look-ups (was: lookup raised)."""
    with pytest.raises(ValueError, match="name must be non-empty"):
        divisions.register("110105", name)
    division = divisions.lookup("110105")
    assert division is not None and division.name == "朝阳区"


@pytest.mark.usefixtures("private_divisions")
def test_register_counts_generations() -> None:
    """generation() goes up with each register(), so verdict caches know to drop themselves."""
    before = divisions.generation()
    divisions.register("669902", "测试县")
    assert divisions.generation() == before + 1
    with pytest.raises(ValueError, match="from_year must be a year"):
        divisions.register("669902", "测试县", from_year=20)
    assert divisions.generation() == before + 1


@pytest.mark.usefixtures("private_divisions")
def test_registered_province_reaches_foreign_permanent_id() -> None:
    """A province registered at run time is accepted by the foreign permanent ID (was frozen)."""
    body = "966124" + "19800101" + "002"
    number = body + gb11643_check(body)
    assert not foreign_permanent_id.is_valid(number)
    divisions.register("660000", "测试省")
    assert foreign_permanent_id.is_valid(number, as_of=date(2026, 1, 1))
