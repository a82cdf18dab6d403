"""The docs' walk-through (scripts/ledger_walkthrough.py): a town's quarter, command by command."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import openpyxl

_SCRIPT = Path(__file__).parents[2] / "scripts" / "ledger_walkthrough.py"


def test_town_quarter(tmp_path: Path) -> None:
    """Every step runs; the change, the objection and the repair reach the quarter's 台账."""
    spec = importlib.util.spec_from_file_location("ledger_walkthrough", _SCRIPT)
    assert spec is not None and spec.loader is not None
    walk = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(walk)
    steps = walk.run(tmp_path, echo=False)
    codes = {" ".join(args[:2]): code for args, code, _out in steps}
    assert set(codes.values()) == {0}, steps
    outputs = [out for _args, _code, out in steps]
    assert "12 added, 1 changed" in outputs[4]
    assert "already imported" in outputs[5]
    assert "4 events added" in outputs[6]
    ws = openpyxl.load_workbook(tmp_path / "台账-2026Q3.xlsx").active
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "已修复" in texts and "主管领导确认：" in texts
    assert "（目录外）" in texts  # 乱倒垃圾 is not in the town's catalogue
    assert str(tmp_path) not in "".join(outputs)
