"""The standalone HTML report: the clerk's findings, filters, charts, escaped, nothing to fetch."""

from __future__ import annotations

import os
import random
import re
import shutil
import sys
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from credit_disclosure import ArgumentError
from credit_disclosure._text import compact_identifier
from credit_disclosure.cli import main
from credit_disclosure.io import check_file, check_rows
from credit_disclosure.quality import html_report, score_file
from credit_disclosure.samples import generate_records
from credit_disclosure.standard import RecordKind, fields

_WEIGHTS = [pow(2, 17 - i, 11) for i in range(17)]
TITLE = "某区2024年行政处罚公示表"
AS_OF = "2025-06-30"


def generated_ids(seed: int, n: int = 4) -> list[str]:
    """Valid 18-digit resident identity numbers, made from a seed (check character included)."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        born = date(1940, 1, 1) + timedelta(days=rng.randrange(25_000))
        body = f"{rng.choice(['110105', '310104', '440305', '510107'])}{born:%Y%m%d}"
        body += f"{rng.randrange(1000):03d}"
        check = "10X98765432"[sum(int(c) * w for c, w in zip(body, _WEIGHTS)) % 11]
        out.append(body + check)
    return out


def clerk_file(tmp_path: Path, ids: list[str], *, rows: int = 30) -> Path:
    """A clerk's GBK export: a title row, Chinese headers, a 公示日期 column, IDs planted.

    ID 0 is a natural person's 证件号码 (masked when shown), ID 1 sits in the free text, ID 2
    in a date field (an invalid date whose value a finding quotes), ID 3 inside a decision number.
    """
    specs = fields(RecordKind.PENALTY)
    header = [s.name_zh for s in specs] + ["公示日期"]
    records = list(
        generate_records(
            RecordKind.PENALTY, rows, seed=7, faults={"future_decision_date": 2, "bad_amount": 2}
        )
    )
    lines = [",".join([TITLE] + [""] * (len(header) - 1)), ",".join(header)]
    for n, rec in enumerate(records):
        values = dict(rec.values)
        if n == 0:
            values.update(CF_XDR_LB="自然人", CF_XDR_ZJLX="身份证", CF_XDR_ZJHM=ids[0])
            values.update(CF_XDR_SHXYM="", CF_XDR_ZZJG="", CF_XDR_GSZC="", CF_FRDB="")
            values["CF_NR_FK"] = "-3"  # a fault on the person's row
        if n == 1:
            values["CF_SY"] = f"当事人张某（身份证号{ids[1]}）无证经营"
        if n == 2:
            values["CF_JDRQ"] = ids[2]
        if n == 3:
            values["CF_WSH"] = f"<script>alert('{ids[3]}')</script>罚〔2024〕3号"
            values["CF_NR_FK"] = "abc"
        try:
            published = date(*map(int, values["CF_JDRQ"].split("/"))) + timedelta(days=5)
        except (TypeError, ValueError, OverflowError):  # the planted faults
            published = date(2024, 1, 1)
        cells = [values[s.code] for s in specs] + [published.strftime("%Y/%m/%d")]
        lines.append(",".join(f'"{c}"' if "," in c else c for c in cells))
    path = tmp_path / "公示表.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    return path


class _Page(HTMLParser):
    """The page's elements, the issues table's rows (cells and data attributes) and scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.rows: list[tuple[dict[str, str | None], list[str]]] = []
        self.scripts: list[str] = []
        self._in_issues = False
        self._cell: list[str] | None = None
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "table" and a.get("id") == "issues":
            self._in_issues = True
        elif tag == "tr" and self._in_issues and "data-code" in a:
            self.rows.append((a, []))
        elif tag == "td" and self._in_issues and self.rows:
            self._cell = []
        elif tag == "script":
            self._script = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._in_issues = False
        elif tag == "td" and self._cell is not None:
            self.rows[-1][1].append("".join(self._cell))
            self._cell = None
        elif tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._script is not None:
            self._script.append(data)


def parse(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    page.close()
    return page


def assert_standalone(text: str) -> None:
    """Nothing in the page can make the browser fetch anything."""
    assert not re.search(r"(?i)\b(https?|ftp|wss?):", text)
    assert "//" not in re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "", text)
    page = parse(text)
    for tag, attrs in page.tags:
        assert tag not in ("link", "iframe", "object", "embed", "base"), tag
        if tag == "script":
            assert "src" not in attrs
        for name in ("src", "href", "action", "srcset", "poster", "data"):
            value = attrs.get(name)
            if value is not None:
                assert value.startswith("data:image/png;base64,"), (tag, name, value[:40])
    assert "@import" not in text and "url(" not in text


@pytest.fixture(scope="module")
def ids() -> list[str]:
    return generated_ids(17)


@pytest.fixture(scope="module")
def page_zh(tmp_path_factory: pytest.TempPathFactory, ids: list[str]) -> tuple[Path, str]:
    tmp = tmp_path_factory.mktemp("html")
    out = tmp / "report.html"
    source = clerk_file(tmp, ids)
    status = main(
        ["check", str(source), "--lang", "zh", "--format", "html", "-o", str(out), "--as-of", AS_OF]
    )
    assert status == 1
    return out, out.read_text(encoding="utf-8")


def test_the_clerks_findings_in_chinese(page_zh: tuple[Path, str]) -> None:
    """Each row: the spreadsheet's row (title and header counted), 文书号, 字段名, value, 处理."""
    page = parse(page_zh[1])
    assert '<html lang="zh-CN">' in page_zh[1]
    assert "数据检查报告" in page_zh[1] and "问题清单" in page_zh[1]
    by_code: dict[str, list[list[str]]] = {}
    for attrs, cells in page.rows:
        assert len(cells) == 9
        by_code.setdefault(str(attrs["data-code"]), []).append(cells)
        assert attrs["data-sev"] in ("error", "warning")
        assert cells[5] in ("错误", "警告")
    # the person's negative fine: data row 1 is the spreadsheet's row 3
    row, decision, code, field, name, sev, message, value, advice = by_code["amount.negative"][0]
    assert (row, code, field, name, sev, value) == ("3", "amount.negative", "CF_NR_FK",
                                                    "罚款金额（万元）", "错误", "-3")
    assert decision and "罚" in decision
    assert advice == "请更正金额" and message
    # the invalid date holding an ID: the value is shown, redacted
    dated = [c for c in by_code["date.invalid"] if c[0] == "5"]
    assert dated and dated[0][4] == "处罚决定日期" and set(dated[0][7]) == {"*"}
    future = by_code["date.future"]
    assert len(future) == 2 and all(c[8] == "请核对日期：晚于今天" for c in future)


def test_no_unmasked_id_anywhere(page_zh: tuple[Path, str], ids: list[str]) -> None:
    """The generated IDs (in a person's ID field, free text, a date, a decision number) never show."""
    text = compact_identifier(page_zh[1])
    for number in ids:
        assert number not in text
        assert number[:14] not in text


def test_data_is_text_never_markup(page_zh: tuple[Path, str]) -> None:
    """A decision number holding <script> stays text: the one script is the page's own."""
    page = parse(page_zh[1])
    assert len(page.scripts) == 1 and "alert" not in page.scripts[0]
    assert "&lt;script&gt;alert(" in page_zh[1]
    decisions = [cells[1] for _, cells in page.rows]
    assert any(d.startswith("<script>alert(") for d in decisions)  # shown, as text


def test_nothing_to_fetch(page_zh: tuple[Path, str]) -> None:
    """No address outside the file: no http(s), no <link>, no <script src>, images are data:."""
    text = page_zh[1]
    assert_standalone(text)
    assert "Content-Security-Policy" in text and "default-src 'none'" in text


def test_charts_of_the_same_file(page_zh: tuple[Path, str]) -> None:
    """The quality charts (issues by code, records and scores by month, timeliness) are inline."""
    page = parse(page_zh[1])
    images = [a["alt"] for tag, a in page.tags if tag == "img"]
    assert images == ["问题代码分布图", "按月的记录数图", "按月的质量得分图", "各机关的及时率图"]


def test_filters_list_what_the_table_holds(page_zh: tuple[Path, str]) -> None:
    """The code, field and severity filters offer exactly the values of the rows."""
    text = page_zh[1]
    page = parse(text)
    for select, attr in (("f-code", "data-code"), ("f-field", "data-field"), ("f-sev", "data-sev")):
        block = re.search(rf'<select id="{select}".*?</select>', text, re.S)
        assert block is not None
        offered = set(re.findall(r'<option value="([^"]*)"', block.group(0))) - {""}
        present = {a[attr] for a, _ in page.rows} - {""}
        assert offered == present, select
    assert 'id="f-text"' in text and 'id="shown"' in text


def test_english_labels_and_the_cap(tmp_path: Path, ids: list[str]) -> None:
    """--lang en gives English labels; --max-issues lists that many and says how many more."""
    out = tmp_path / "r.html"
    source = clerk_file(tmp_path, ids)
    argv = ["check", str(source), "--lang", "en", "--format", "html", "-o", str(out)]
    assert main([*argv, "--as-of", AS_OF, "--max-issues", "2"]) == 1
    text = out.read_text(encoding="utf-8")
    page = parse(text)
    assert len(page.rows) == 2 and '<html lang="en">' in text
    assert "Data check report" in text and "more issues are not listed" in text
    assert page.rows[0][1][5] in ("error", "warning")


def test_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    """Without -o the page goes to standard output."""
    assert main(["check", "--sample", "--format", "html", "--lang", "zh", "--as-of", AS_OF]) == 1
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert_standalone(out)


def test_written_atomically(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An -o that cannot be written is exit 2; an existing file is kept; no temporary is left."""
    target = tmp_path / "missing" / "r.html"
    assert main(["check", "--sample", "--format", "html", "-o", str(target)]) == 2
    assert "cannot write" in capsys.readouterr().err
    assert not target.parent.exists()
    keep = tmp_path / "r.html"
    keep.write_text("old", encoding="utf-8")
    assert main(["check", str(tmp_path / "nope.csv"), "--format", "html", "-o", str(keep)]) == 2
    assert keep.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]


@pytest.mark.parametrize(
    "value",
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "</td></tr></table><a href='https://example.com'>x</a>",
        "<!-- -->&amp;<style>*{}</style>",
    ],
)
def test_escaped_everywhere(value: str) -> None:
    """Markup in a source name, a decision number or a value is text in the page."""
    report = check_rows(
        [{"CF_WSH": value, "CF_XDR_MC": value, "CF_JDRQ": value, "CF_NR_FK": value}],
        "penalty",
        as_of=date(2025, 6, 30),
        source=value,
    )
    text = html_report(report, lang="zh", charts=False)
    page = parse(text)
    assert len(page.scripts) == 1
    assert [t for t, _ in page.tags].count("img") == 0
    assert [t for t, _ in page.tags].count("a") == 0
    assert [t for t, _ in page.tags].count("style") == 1
    shown = value if len(value) <= 40 else value[:39] + "…"  # findings cut long values
    assert any(cells[1] == shown for _, cells in page.rows)
    assert not re.search(r"<a\b", text)


def test_no_issues() -> None:
    """A clean report says so, has no table, no filters, and no empty chart frame."""
    report = check_rows([], "penalty", as_of=date(2025, 6, 30), source="x.csv")
    text = html_report(report, lang="zh")
    assert "没有问题" in text and 'id="issues"' not in text and "没有错误" in text
    assert "没有可绘制的数据" in text and "<img" not in text


def test_charts_need_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without matplotlib the page still comes, with a note naming the extra instead of charts."""
    report = check_rows([{"CF_WSH": "x"}], "penalty", as_of=date(2025, 6, 30))
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    text = html_report(report, lang="zh")
    assert "credit-disclosure[plot]" in text and "<img" not in text


@pytest.mark.parametrize(("kwargs", "match"), [({"lang": "fr"}, "lang"), ({"max_issues": -1}, "max")])
def test_bad_arguments(kwargs: dict[str, object], match: str) -> None:
    """A language other than zh/en/both or a negative cap is a coded argument error."""
    report = check_rows([], "penalty", as_of=date(2025, 6, 30))
    with pytest.raises(ArgumentError, match=match):
        html_report(report, charts=False, **kwargs)  # type: ignore[arg-type]


def test_score_file_reads_past_a_title_row(tmp_path: Path, ids: list[str]) -> None:
    """score_file with the check's header row scores the same records the check counted."""
    source = clerk_file(tmp_path, ids)
    report = check_file(source, as_of=date(2025, 6, 30))
    assert report.header_line == 2
    metrics = score_file(source, kind=report.kind, header_row=report.header_line,
                         as_of=date(2025, 6, 30))
    assert metrics.records == report.rows == 30


# --- in a real browser: Debian's chromium, headless, driven by Playwright ----------------------

_CHROMIUM = next(
    (p for p in (os.environ.get("CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium") if p
     and Path(p).is_file()),
    None,
)
#: Flags that keep chromium off the network and out of the user's profile.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.mark.skipif(_CHROMIUM is None, reason="no chromium (.ci/run installs Debian's package)")
def test_in_headless_chromium(page_zh: tuple[Path, str], tmp_path: Path) -> None:
    """Loaded from file://: Chinese shown, the filters change the rows, nothing else requested."""
    from playwright.sync_api import sync_playwright

    path, text = page_zh
    rows = parse(text).rows
    warnings = sum(1 for a, _ in rows if a["data-sev"] == "warning")
    requests: list[str] = []
    problems: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=_CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
        )
        try:
            page = browser.new_page()
            page.on("request", lambda r: requests.append(r.url))
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.goto(path.as_uri(), wait_until="load")
            body = page.inner_text("body")
            assert "数据检查报告" in body and "处罚决定日期" in body and "请核对日期" in body
            visible = page.locator("#issues tbody tr:visible")
            assert visible.count() == len(rows) > warnings > 0
            page.select_option("#f-sev", "warning")
            assert visible.count() == warnings
            assert page.inner_text("#shown") == str(warnings)
            page.select_option("#f-sev", "")
            page.select_option("#f-code", "date.future")
            assert visible.count() == 2
            page.click("#f-reset")
            page.fill("#f-text", "罚款金额")
            narrowed = visible.count()
            assert 0 < narrowed < len(rows)
            assert all("罚款金额" in t for t in visible.all_inner_texts())
            page.select_option("#f-field", "CF_JDRQ")
            assert visible.count() == 0
            images = page.evaluate(
                "Array.from(document.images).map(i => i.complete && i.naturalWidth > 0)"
            )
            assert images == [True] * 4
        finally:
            browser.close()
    assert requests == [path.as_uri()], requests
    assert not problems, problems
