"""Regenerate the screenshots in docs/images of what the clerk opens.

    python3 scripts/doc_screenshots.py            # both
    python3 scripts/doc_screenshots.py html       # docs/images/html-report.png only
    python3 scripts/doc_screenshots.py workbook   # docs/images/annotated-workbook.png only

Both start from the same clerk's file: a GBK CSV export with a title row above the Chinese
headers (as 公示表 workbooks come), synthetic records with planted faults, a natural person's
identity number (shown masked) and a 公示日期 column. Then:

- html: ``credit-disclosure check FILE --lang zh --format html -o report.html``, opened from a
  ``file://`` address in headless Chromium (Debian's ``chromium``, driven by Playwright) with
  the severity filter set to errors, screenshot of the window;
- workbook: ``credit-disclosure check FILE --lang zh --format xlsx -o report.xlsx``, converted by
  LibreOffice Calc (``libreoffice --headless --convert-to pdf``, comments printed at the end)
  and the first page rendered by ``pdftoppm -png``.

Needs (Debian): ``apt-get install -y chromium libreoffice-calc poppler-utils fonts-noto-cjk``
and the project's ``test`` extra (Playwright). Nothing here runs in CI: the PNGs are committed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from credit_disclosure.cli import main as cli  # noqa: E402
from credit_disclosure.samples import generate_records  # noqa: E402
from credit_disclosure.standard import RecordKind, fields  # noqa: E402

IMAGES = ROOT / "docs" / "images"
AS_OF = "2025-06-30"
#: The columns the workbook's picture shows (the planted faults are in these; the rest hidden).
SHOWN = (
    "CF_XDR_MC",
    "CF_XDR_LB",
    "CF_XDR_SHXYM",
    "CF_XDR_ZJLX",
    "CF_XDR_ZJHM",
    "CF_WSH",
    "CF_CFLB",
    "CF_NR_FK",
    "CF_JDRQ",
    "CF_CFJG",
)
PERSON_ID = "11010519491231002X"  # a well-formed, made-up resident ID (shown masked)


def clerk_file(folder: Path, rows: int = 24) -> Path:
    """The clerk's GBK export with a title row; returns its path."""
    specs = fields(RecordKind.PENALTY)
    header = [s.name_zh for s in specs] + ["公示日期"]
    faults = {
        "future_decision_date": 1,
        "credit_code_checksum": 2,
        "fine_in_yuan": 1,
        "unknown_penalty_type": 1,
        "missing_decision_no": 1,
        "natural_person_without_id": 1,
    }
    lines = [",".join(["某区2024年行政处罚公示表"] + [""] * (len(header) - 1)), ",".join(header)]
    for n, rec in enumerate(generate_records(RecordKind.PENALTY, rows, seed=11, faults=faults)):
        values = dict(rec.values)
        if n == 2:
            values.update(CF_XDR_LB="自然人", CF_XDR_ZJLX="身份证", CF_XDR_ZJHM=PERSON_ID)
            values.update(CF_XDR_MC="王小明", CF_XDR_SHXYM="", CF_NR_FK="-0.5")
        try:
            decided = date(*map(int, values["CF_JDRQ"].split("/")))
            published = (decided + timedelta(days=4 + n % 9)).strftime("%Y/%m/%d")
        except (TypeError, ValueError, OverflowError):
            published = ""
        cells = [values[s.code] for s in specs] + [published]
        lines.append(",".join(f'"{c}"' if "," in c else c for c in cells))
    path = folder / "某区行政处罚公示表.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    return path


def html_shot(source: Path, folder: Path) -> Path:
    """The HTML report in headless Chromium, errors only, as docs/images/html-report.png."""
    from playwright.sync_api import sync_playwright

    report = folder / "报告.html"
    cli(["check", source.name, "--lang", "zh", "--format", "html", "-o", str(report),
         "--as-of", AS_OF])
    target = IMAGES / "html-report.png"
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(folder / "profile"),
            executable_path=chromium,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"],
            viewport={"width": 1280, "height": 1500},
        )
        page = context.new_page()
        page.goto(report.as_uri(), wait_until="load")
        page.screenshot(path=str(target))
        # and a second one at the table, with a filter in use
        page.select_option("#f-sev", "error")
        page.evaluate("document.getElementById('table').scrollIntoView()")
        page.screenshot(path=str(IMAGES / "html-report-table.png"))
        context.close()
    return target


def _crop(png: Path, target: Path, margin: int = 16) -> None:
    """Copy ``png`` to ``target`` cut to what is printed on it (the page's white margins off)."""
    from PIL import Image, ImageChops

    with Image.open(png) as image:
        page = image.convert("RGB")
        box = ImageChops.difference(page, Image.new("RGB", page.size, "white")).getbbox()
        if box is not None:
            left, top, right, bottom = box
            page = page.crop((max(left - margin, 0), max(top - margin, 0),
                              min(right + margin, page.width), min(bottom + margin, page.height)))
        page.save(target, optimize=True)


def workbook_shot(source: Path, folder: Path) -> Path:
    """The annotated workbook printed by LibreOffice Calc: docs/images/annotated-workbook*.png."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    book = folder / "检查结果.xlsx"
    cli(["check", source.name, "--lang", "zh", "--format", "xlsx", "-o", str(book),
         "--as-of", AS_OF])
    # print setup for the picture: the data sheet with the columns that matter, then the
    # issues sheet; landscape, each fitted to the page's width
    wb = openpyxl.load_workbook(book)
    data, summary, issues = wb.worksheets
    summary.sheet_state = "hidden"
    for ws in (data, issues):
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    for n, spec in enumerate(fields(RecordKind.PENALTY), start=1):
        dimension = data.column_dimensions[get_column_letter(n)]
        dimension.width = 12 if spec.code in ("CF_XDR_LB", "CF_XDR_ZJLX", "CF_NR_FK") else 24
        dimension.hidden = spec.code not in SHOWN
    data.column_dimensions[get_column_letter(len(fields(RecordKind.PENALTY)) + 1)].width = 12
    for letter in "DEF":  # 字段, 字段名, 严重程度 narrower; the message wider
        issues.column_dimensions[letter].width = 16 if letter != "F" else 9
    issues.column_dimensions["G"].width = 50
    for cells in issues.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = openpyxl.styles.Alignment(wrap_text=True, vertical="top")
    shown = folder / "shown.xlsx"
    wb.save(shown)
    subprocess.run(
        ["libreoffice", "--headless", "--norestore", f"-env:UserInstallation=file://{folder}/lo",
         "--convert-to", "pdf", "--outdir", str(folder), str(shown)],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", str(folder / "shown.pdf"), str(folder / "page")],
        check=True,
    )
    pages = sorted(folder.glob("page*.png"))
    target = IMAGES / "annotated-workbook.png"
    _crop(pages[0], target)
    _crop(pages[-1], IMAGES / "annotated-workbook-issues.png")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", nargs="*", help="html, workbook (default: both)")
    args = parser.parse_args(argv)
    which = args.which or ["html", "workbook"]
    if not set(which) <= {"html", "workbook"}:
        parser.error(f"choose from html, workbook: {' '.join(which)}")
    with tempfile.TemporaryDirectory(prefix="cd-shots-") as tmp:
        folder = Path(tmp)
        os.chdir(folder)  # the reports name the file as the clerk gave it, without a folder
        source = clerk_file(folder)
        if "html" in which:
            print(html_shot(source, folder))
        if "workbook" in which:
            print(workbook_shot(source, folder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
