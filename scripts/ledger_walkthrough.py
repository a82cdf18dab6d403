"""A town through a quarter with ``credit-disclosure ledger``: the walk-through of docs/ledger.md.

``python3 scripts/ledger_walkthrough.py DIR`` writes into DIR what a town's 综合行政执法
office has at hand in the third quarter of 2026 -- its 事项目录 as the 附件2 workbook, its
monthly Excel exports of penalty records (July, August, September; August's holds a
record corrected after it was reported), an EVENTS file with an objection and a credit
repair -- then runs each command of the walk-through, printing the command and its
output, and leaves the quarter's 台账 as ``台账-2026Q3.xlsx``. With ``--render`` it also
renders that workbook to ``台账-2026Q3.png`` (needs ``libreoffice`` and ``pdftoppm``:
``apt-get install libreoffice-calc-nogui poppler-utils``). The docs' screenshot is made
this way; ``tests/ledger/test_walkthrough.py`` runs the same steps.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from credit_disclosure.catalogue import Catalogue, CatalogueItem, ItemSubject, write_catalogue
from credit_disclosure.cli import main
from credit_disclosure.samples import generate_records
from credit_disclosure.standard import RecordKind, field_by_code

TOWN = "某镇人民政府"
WHAT = ("占道经营", "违法建设", "乱倒垃圾")  # the third is not in the catalogue


def _town_code() -> str:
    from credit_disclosure.identifiers import uscc

    return uscc.generate(org_type="11", division="510181", seed=15)  # 机关, 都江堰市


def catalogue() -> Catalogue:
    """The town's 事项目录 (two penalty items, one licence item)."""
    return Catalogue(
        [
            CatalogueItem(kind="license", department=TOWN, name="乡村建设规划许可证核发",
                          subjects={ItemSubject.NATURAL_PERSON, ItemSubject.LEGAL_PERSON},
                          legal_basis="《城乡规划法》第四十一条", power_code="XK-001"),
            CatalogueItem(kind="penalty", department=TOWN, name="对擅自占用城市道路经营的处罚",
                          subjects={ItemSubject.NATURAL_PERSON, ItemSubject.LEGAL_PERSON,
                                    ItemSubject.OTHER_ORGANISATION},
                          legal_basis="《城市道路管理条例》第四十二条", power_code="CF-012",
                          aliases=["占道经营"]),
            CatalogueItem(kind="penalty", department=TOWN, name="对违法建设行为的处罚",
                          subjects={ItemSubject.LEGAL_PERSON, ItemSubject.OTHER_ORGANISATION},
                          legal_basis="《城乡规划法》第六十五条", power_code="CF-020",
                          aliases=["违法建设"]),
        ]
    )  # fmt: skip


def month_rows(month: int, n: int, seed: int) -> list[dict[str, str]]:
    """``n`` penalty records the town decided in ``month`` of 2026, as its system exports them."""
    code = _town_code()
    rows = []
    for i, record in enumerate(generate_records(RecordKind.PENALTY, n, seed=seed, faults={})):
        values = dict(record.values)
        decided = date(2026, month, 1) + timedelta(days=(i * 3) % 28)
        published = decided + timedelta(days=2 if i % 5 else 16)  # every fifth one is late
        values.update(
            CF_CFJG=TOWN, CF_CFJGDM=code, CF_SJLY=TOWN, CF_SJLYDM=code,
            CF_WSH=f"某镇综执罚〔2026〕{month * 100 + i + 1}号",
            CF_JDRQ=decided.strftime("%Y/%m/%d"),
            CF_YXQ=(decided + timedelta(days=365)).strftime("%Y/%m/%d"),
            CF_GSJZQ=(decided + timedelta(days=365)).strftime("%Y/%m/%d"),
            CF_WFXW=WHAT[i % 3],
        )  # fmt: skip
        values["程序"] = "普通"  # the facts the lifecycle needs, as the town's system records them
        values["失信程度"] = "严重" if i % 7 == 0 else "一般"
        values["公示日期"] = published.strftime("%Y/%m/%d")
        rows.append(values)
    return rows


def make_town(folder: Path) -> dict[str, Path]:
    """Write the town's files into ``folder``; return them by role."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {"catalogue": folder / "事项目录.xlsx"}
    write_catalogue(catalogue(), files["catalogue"])
    july, august, september = month_rows(7, 12, 701), month_rows(8, 12, 801), month_rows(9, 12, 901)
    corrected = dict(july[4])
    corrected["CF_NR"] = "责令改正，罚款人民币伍佰元整（更正）"  # corrected after it was reported
    for name, rows in (("2026-07.xlsx", july), ("2026-08.xlsx", [*august, corrected]),
                       ("2026-09.xlsx", september)):  # fmt: skip
        files[name] = folder / name
        _write(files[name], rows)
    files["events"] = folder / "事件.csv"
    files["events"].write_text(
        "记录键,事件,日期,处理结果,备注\n"
        f"{july[1]['CF_WSH']},异议,2026/07/20,,当事人认为处罚内容有误\n"
        f"{july[1]['CF_WSH']},异议处理,2026/08/05,维持,经核实无误\n"
        f"{july[2]['CF_WSH']},申请修复,2026/09/10,,\n"
        f"{july[2]['CF_WSH']},准予修复,2026/09/18,,\n",
        encoding="utf-8",
    )
    return files


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    """An export as the town's system writes it: Chinese headers, a 公示日期 column at the end."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "行政处罚"
    headers = list(rows[0])
    extra = ("公示日期", "程序", "失信程度")
    ws.append([h if h in extra else field_by_code(h, RecordKind.PENALTY).name_zh for h in headers])
    for row in rows:
        ws.append([row.get(h, "") for h in headers])
    wb.save(path)


@contextlib.contextmanager
def _captured() -> Iterator[io.StringIO]:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
        yield buf


def run(folder: Path, *, echo: bool = True) -> list[tuple[list[str], int, str]]:
    """Run the walk-through's commands in ``folder``; return (arguments, exit code, output) each."""
    files = make_town(folder)
    db = f"sqlite:///{folder / 'credit-disclosure.sqlite3'}"
    steps = [
        ["init"],
        ["catalogue", "import", str(files["catalogue"])],
        ["import", str(files["2026-07.xlsx"]), "--as-of", "2026-08-01"],
        ["report", "weekly", "--unit", TOWN, "--as-of", "2026-07-13", "--format", "xlsx",
         "-o", str(folder / "周报-2026-07-13.xlsx"), "--save"],
        ["import", str(files["2026-08.xlsx"]), "--as-of", "2026-09-01"],
        ["import", str(files["2026-08.xlsx"]), "--as-of", "2026-09-01"],
        ["event", str(files["events"])],
        ["import", str(files["2026-09.xlsx"]), "--as-of", "2026-10-09"],
        ["report", "quarter", "--unit", TOWN, "--as-of", "2026-09-30", "--format", "xlsx",
         "-o", str(folder / "台账-2026Q3.xlsx"), "--save"],
        ["report", "evaluation", "--unit", TOWN, "--as-of", "2026-10-09"],
        ["status"],
    ]  # fmt: skip
    done = []
    for args in steps:
        with _captured() as buf:
            code = main(["ledger", "--db", db, *args])
        shown = [a.replace(str(folder) + "/", "") for a in args]
        output = buf.getvalue().replace(str(folder) + "/", "")
        done.append((shown, code, output))
        if echo:
            print("$ credit-disclosure ledger " + " ".join(shown))
            print(output.rstrip())
            print()
    return done


def render(workbook: Path) -> Path | None:
    """Render the first page of ``workbook`` to PNG beside it; ``None`` without the tools."""
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None or shutil.which("pdftoppm") is None:
        return None
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(workbook.parent),
                    str(workbook)], check=True, capture_output=True)  # fmt: skip
    pdf = workbook.with_suffix(".pdf")
    stem = workbook.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", "120", "-f", "1", "-l", "1", "-x", "60", "-y", "100",
                    "-W", "1330", "-H", "680", "-singlefile", str(pdf),
                    str(stem)], check=True)  # fmt: skip
    return workbook.with_suffix(".png")


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "walkthrough")
    run(target)
    if "--render" in sys.argv:
        print(render(target / "台账-2026Q3.xlsx") or "libreoffice or pdftoppm missing: no screenshot")
