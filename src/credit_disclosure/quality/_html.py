"""The standalone HTML report of a check: summary, quality charts, the issues table with filters.

``credit-disclosure check FILE --format html -o report.html`` writes one HTML file
that a clerk opens in any browser, offline: the styles and the filter script are
inline, the charts are PNG images inside the file (``data:`` addresses), and a
Content Security Policy forbids the page to load anything at all. Every text that
comes from the data (file name, decision numbers, values, messages) is escaped and
redacted (no identity number), and the values are the clerk's masked ones
(:meth:`credit_disclosure.io.Report.findings`).
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import itertools
from collections.abc import Iterable, Mapping
from typing import Any, Final

from .._text import redact
from .._version import __version__
from ..errors import ArgumentError, MissingOptionalDependency
from ..io import Finding, Report
from ..standard import Severity
from ._metrics import MetricRow, MetricsTable, QualityMetrics

__all__ = ["html_report"]

#: Issues listed in the table by default (the summary and the charts count them all).
DEFAULT_MAX_ISSUES: Final = 10_000

_LABELS: Final[dict[str, dict[str, str]]] = {
    "zh": {
        "title": "数据检查报告",
        "summary": "概况",
        "file": "文件",
        "kind": "记录类别",
        "penalty": "行政处罚",
        "license": "行政许可",
        "unknown": "未知",
        "standard": "标准版本",
        "encoding": "编码",
        "rows": "行数",
        "valid": "合格",
        "with_errors": "有错误",
        "with_warnings": "有警告",
        "blank_rows": "跳过的空行",
        "issues": "问题数",
        "ok": "没有错误",
        "not_ok": "有错误，请更正后重新报送",
        "top": "最常见的问题",
        "by_field": "各字段的问题",
        "count": "数量",
        "charts": "质量图表",
        "no_charts": "未安装 matplotlib，无法绘制图表（pip install \"credit-disclosure[plot]\"）。",
        "no_data": "没有可绘制的数据（没有问题，也没有带日期的记录）。",
        "table": "问题清单",
        "row": "行号",
        "decision": "文书号",
        "code": "问题代码",
        "field": "字段",
        "field_name": "字段名",
        "severity": "严重程度",
        "message": "说明",
        "value": "值",
        "advice": "处理",
        "error": "错误",
        "warning": "警告",
        "all_codes": "全部问题代码",
        "all_fields": "全部字段",
        "all_severities": "全部严重程度",
        "search": "搜索（文书号、说明、值……）",
        "shown": "显示",
        "of": "条，共",
        "items": "条",
        "reset": "清除筛选",
        "file_row": "文件",
        "more": "另有{n}条问题未列出：请用 --format csv 或 --format xlsx 查看全部。",
        "no_issues": "没有问题。",
        "row_note": "行号为电子表格（Excel、WPS）中显示的行号；个人信息已屏蔽。",
        "made_by": "由 credit-disclosure {version} 生成",
        "chart_codes": "问题代码分布图",
        "chart_months": "按月的记录数图",
        "chart_scores": "按月的质量得分图",
        "chart_agency": "各机关的及时率图",
    },
    "en": {
        "title": "Data check report",
        "summary": "Summary",
        "file": "file",
        "kind": "kind",
        "penalty": "administrative penalties",
        "license": "administrative licences",
        "unknown": "unknown",
        "standard": "standard",
        "encoding": "encoding",
        "rows": "rows",
        "valid": "valid",
        "with_errors": "with errors",
        "with_warnings": "with warnings",
        "blank_rows": "blank rows skipped",
        "issues": "issues",
        "ok": "no errors",
        "not_ok": "has errors: correct them and submit again",
        "top": "Most frequent issues",
        "by_field": "Issues by field",
        "count": "count",
        "charts": "Quality charts",
        "no_charts": "matplotlib is not installed: no charts (pip install \"credit-disclosure[plot]\").",
        "no_data": "Nothing to draw (no issues and no dated records).",
        "table": "Issues",
        "row": "row",
        "decision": "decision number",
        "code": "code",
        "field": "field",
        "field_name": "field name",
        "severity": "severity",
        "message": "message",
        "value": "value",
        "advice": "to do",
        "error": "error",
        "warning": "warning",
        "all_codes": "all codes",
        "all_fields": "all fields",
        "all_severities": "all severities",
        "search": "search (decision number, message, value, ...)",
        "shown": "showing",
        "of": "of",
        "items": "",
        "reset": "clear filters",
        "file_row": "file",
        "more": "{n} more issues are not listed: use --format csv or --format xlsx for all of them.",
        "no_issues": "No issues.",
        "row_note": "Row numbers are the ones the spreadsheet (Excel, WPS) shows; personal data masked.",
        "made_by": "made by credit-disclosure {version}",
        "chart_codes": "chart of issues by code",
        "chart_months": "chart of records by month",
        "chart_scores": "chart of the monthly quality scores",
        "chart_agency": "chart of timeliness by agency",
    },
}

_CSS: Final = """
:root { --err: #c62828; --warn: #a86b00; --ok: #2e7d32; --line: #d9d9d9; --head: #f3f4f6; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
       "WenQuanYi Zen Hei", system-ui, sans-serif; margin: 1.5rem; color: #1f2328;
       line-height: 1.45; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid var(--line); }
.status { font-weight: bold; }
.status.ok { color: var(--ok); } .status.bad { color: var(--err); }
table { border-collapse: collapse; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left;
         vertical-align: top; }
th { background: var(--head); white-space: nowrap; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.figures td { min-width: 5rem; }
.side { display: flex; flex-wrap: wrap; gap: 2rem; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; }
.charts figure { margin: 0; border: 1px solid var(--line); padding: .5rem; background: #fff;
                 flex: 1 1 30rem; max-width: 48rem; }
.charts img { width: 100%; height: auto; display: block; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .5rem 0; }
.filters select, .filters input, .filters button { font: inherit; padding: .2rem .4rem; }
.filters input { min-width: 18rem; }
#issues tbody tr.error td.sev { color: var(--err); font-weight: bold; }
#issues tbody tr.warning td.sev { color: var(--warn); }
#issues td.msg { max-width: 32rem; }
.note { color: #57606a; font-size: .85rem; }
"""

# The filter: plain DOM, no library. Rows carry data-code, data-field and data-sev; the
# text box matches anywhere in the row's text (case-insensitive).
_JS: Final = """
(function () {
  var table = document.getElementById("issues");
  if (!table) { return; }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var code = document.getElementById("f-code"), field = document.getElementById("f-field");
  var sev = document.getElementById("f-sev"), text = document.getElementById("f-text");
  var shown = document.getElementById("shown");
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
  function apply() {
    var c = code.value, f = field.value, s = sev.value, q = text.value.trim().toLowerCase();
    var n = 0;
    rows.forEach(function (r, i) {
      var ok = (!c || r.getAttribute("data-code") === c) &&
               (!f || r.getAttribute("data-field") === f) &&
               (!s || r.getAttribute("data-sev") === s) &&
               (!q || texts[i].indexOf(q) !== -1);
      r.hidden = !ok;
      if (ok) { n += 1; }
    });
    shown.textContent = String(n);
  }
  [code, field, sev].forEach(function (el) { el.addEventListener("change", apply); });
  text.addEventListener("input", apply);
  document.getElementById("f-reset").addEventListener("click", function () {
    code.value = ""; field.value = ""; sev.value = ""; text.value = ""; apply();
  });
  apply();
})();
"""

# Nothing may be loaded: images only from data: addresses, the one inline script by its hash.
_SCRIPT_HASH: Final = base64.b64encode(hashlib.sha256(_JS.encode("utf-8")).digest()).decode()
_CSP: Final = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
    f"script-src 'sha256-{_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'"
)


def _e(value: object) -> str:
    """Escaped, redacted text (quotes too: safe in attributes)."""
    return html.escape(redact("" if value is None else str(value)), quote=True)


def _language(lang: str) -> dict[str, str]:
    if lang not in ("zh", "en", "both"):
        raise ArgumentError(
            "argument.value",
            message_en=f"lang must be 'zh', 'en' or 'both', not {lang!r}",
            message_zh=f"lang 只能是 'zh'、'en' 或 'both'，不能是 {lang!r}",
        )
    return _LABELS["zh" if lang == "zh" else "en"]


def _message(lang: str, en: str, zh: str) -> str:
    if lang == "zh":
        return zh
    if lang == "en":
        return en
    return f"{en} ({zh})"


def _png(ax: Any) -> str:
    """The chart on ``ax`` as a base64 PNG ``data:`` address."""
    buffer = io.BytesIO()
    ax.figure.savefig(buffer, format="png", dpi=100, metadata={"Software": None})
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _charts(
    report: Report, metrics: QualityMetrics | None, lang: str = "zh"
) -> list[tuple[str, Any]]:
    """(label key, axes) of each chart that has something to show, titled in ``lang``."""
    from ._plots import (
        plot_issues_by_code,
        plot_records_over_time,
        plot_scores_by_month,
        plot_timeliness_by_agency,
    )

    plot_lang = "zh" if lang == "zh" else "en"
    charts: list[tuple[str, Any]] = []
    if report.issue_count:
        codes = MetricsTable(
            by=("kind",),
            rows=(),
            total=MetricRow(group=(None,)),
            issues_by_code=report.by_code,
        )
        charts.append(("chart_codes", plot_issues_by_code(codes, lang=plot_lang)))
    if metrics is not None and metrics.records:
        months = metrics.table("month")
        if any(r.group[0] is not None for r in months.rows):
            charts.append(("chart_months", plot_records_over_time(months, lang=plot_lang)))
            charts.append(("chart_scores", plot_scores_by_month(months, lang=plot_lang)))
        agencies = metrics.table("agency")
        if any(r.timeliness is not None for r in agencies.rows):
            chart = plot_timeliness_by_agency(agencies, labels=redact, lang=plot_lang)
            charts.append(("chart_agency", chart))
    return charts


def _options(values: Iterable[tuple[str, str]], everything: str) -> str:
    items = [f'<option value="">{_e(everything)}</option>']
    items += [f'<option value="{_e(v)}">{_e(text)}</option>' for v, text in values]
    return "".join(items)


def _row(finding: Finding, lang: str, labels: Mapping[str, str]) -> str:
    issue = finding.issue
    row = finding.sheet_row if finding.sheet_row is not None else issue.row
    sev = issue.severity.value
    cells = (
        ("n", labels["file_row"] if row is None else row),
        ("", finding.decision),
        ("", issue.code),
        ("", issue.field),
        ("", finding.field_name),
        ("sev", labels[sev]),
        ("msg", _message(lang, issue.message_en, issue.message_zh)),
        ("", finding.value),
        ("", _message(lang, finding.advice_en, finding.advice_zh)),
    )
    tds = "".join(
        (f'<td class="{cls}">' if cls else "<td>") + f"{_e(value)}</td>" for cls, value in cells
    )
    return (
        f'<tr class="{sev}" data-code="{_e(issue.code)}" data-field="{_e(issue.field or "")}"'
        f' data-sev="{sev}">{tds}</tr>'
    )


def html_report(
    report: Report,
    *,
    metrics: QualityMetrics | None = None,
    lang: str = "zh",
    charts: bool = True,
    max_issues: int | None = DEFAULT_MAX_ISSUES,
) -> str:
    """The check ``report`` as one standalone HTML page (a ``str``): nothing to fetch, ever.

    The page has the summary (figures, the most frequent issue codes, issues by
    field), the quality charts drawn by this package's plots (issues by code; with
    ``metrics``, the scores of the same file from
    :func:`~credit_disclosure.quality.score_file`: records and scores by month,
    timeliness by agency) as PNG images inside the page, and the issues as the
    clerk sees them (:meth:`~credit_disclosure.io.Report.findings`: spreadsheet
    row, decision number, field name, masked value, what to do) in a table with
    filters by code, field and severity and a search box (inline script, works
    offline). Labels and messages in ``lang``: ``"zh"``, ``"en"`` or ``"both"``
    (English labels, messages in both). ``charts=False`` (or matplotlib missing:
    a note says so) leaves the charts out; ``max_issues`` caps the rows of the
    table (``None``: all), a line tells how many more there are.

    Every text from the data is escaped and redacted; a Content Security Policy
    lets the page load nothing (images only from ``data:``, the one script by its
    hash). Write it with ``open(path, "w", encoding="utf-8")`` (the command line
    writes ``-o`` atomically).

    >>> from datetime import date
    >>> from credit_disclosure.io import check_rows
    >>> report = check_rows([{"CF_WSH": "<script>x</script>", "CF_JDRQ": "2099/01/01"}],
    ...                     "penalty", as_of=date(2025, 6, 30), source="公示表.csv")
    >>> page = html_report(report, lang="zh", charts=False)
    >>> "<script>x</script>" in page, "&lt;script&gt;x&lt;/script&gt;" in page
    (False, True)
    >>> "处罚决定日期" in page, 'data-code="date.future"' in page, "://" in page
    (True, True, False)
    """
    labels = _language(lang)
    if max_issues is not None and max_issues < 0:
        raise ArgumentError(
            "argument.value",
            message_en=f"max_issues must be 0 or more, not {max_issues}",
            message_zh=f"max_issues 不能为负数：{max_issues}",
        )
    kind = labels["unknown"] if report.kind is None else labels[report.kind.value]
    figures = [
        ("rows", report.rows),
        ("valid", report.valid),
        ("with_errors", report.with_errors),
        ("with_warnings", report.with_warnings),
        ("issues", report.issue_count),
    ]
    if report.blank_rows:
        figures.append(("blank_rows", report.blank_rows))
    status = (
        f'<span class="status ok">{_e(labels["ok"])}</span>'
        if report.ok
        else f'<span class="status bad">{_e(labels["not_ok"])}</span>'
    )
    about = [
        ("file", report.source or "<rows>"),
        ("kind", kind),
        ("standard", report.version.value),
    ]
    if report.encoding:
        about.append(("encoding", report.encoding))
    sep, colon = ("；", "：") if lang == "zh" else ("; ", ": ")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(labels['title'])}: {_e(report.source or '<rows>')}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{_e(labels['title'])}</h1>",
        "<p>" + sep.join(f"{_e(labels[k])}{colon}{_e(v)}" for k, v in about) + f" — {status}</p>",
        f'<h2 id="summary">{_e(labels["summary"])}</h2>',
        '<table class="figures"><tr>'
        + "".join(f"<th>{_e(labels[k])}</th>" for k, _ in figures)
        + "</tr><tr>"
        + "".join(f'<td class="n">{v}</td>' for _, v in figures)
        + "</tr></table>",
    ]
    side = []
    tops = report.top_issues(15)
    if tops:
        rows = "".join(
            f"<tr><td>{_e(code)}</td><td>{_e(_severity(report, code, labels))}</td>"
            f'<td class="n">{count}</td></tr>'
            for code, count in tops
        )
        side.append(
            f"<div><h3>{_e(labels['top'])}</h3><table><tr><th>{_e(labels['code'])}</th>"
            f"<th>{_e(labels['severity'])}</th><th>{_e(labels['count'])}</th></tr>{rows}</table>"
            "</div>"
        )
    by_field = list(report.by_field.items())[:15]
    if by_field:
        rows = "".join(
            f"<tr><td>{_e(report.field_name(code))}</td><td>{_e(code)}</td>"
            f'<td class="n">{count}</td></tr>'
            for code, count in by_field
        )
        side.append(
            f"<div><h3>{_e(labels['by_field'])}</h3><table><tr><th>{_e(labels['field_name'])}"
            f"</th><th>{_e(labels['field'])}</th><th>{_e(labels['count'])}</th></tr>{rows}"
            "</table></div>"
        )
    if side:
        parts.append('<div class="side">' + "".join(side) + "</div>")
    if charts:
        parts.append(f'<h2 id="charts">{_e(labels["charts"])}</h2>')
        try:
            drawn = _charts(report, metrics, lang)
        except MissingOptionalDependency:
            parts.append(f'<p class="note">{_e(labels["no_charts"])}</p>')
        else:
            if not drawn:  # no issue, no dated record: nothing to draw, and the page says so
                parts.append(f'<p class="note">{_e(labels["no_data"])}</p>')
            parts.append('<div class="charts">')
            for key, ax in drawn:
                parts.append(
                    f'<figure><img alt="{_e(labels[key])}" src="{_png(ax)}"></figure>'
                )
            parts.append("</div>")
    parts.append(f'<h2 id="table">{_e(labels["table"])}</h2>')
    if not report.issue_count:
        parts.append(f"<p>{_e(labels['no_issues'])}</p>")
    else:
        parts.extend(_table(report, lang, labels, max_issues))
    parts.append(
        f'<p class="note">{_e(labels["made_by"].format(version=__version__))}</p>'
        f"<script>{_JS}</script></body></html>\n"
    )
    return "\n".join(parts)


def _severity(report: Report, code: str, labels: Mapping[str, str]) -> str:
    severity = report.severity_of(code)
    return "" if severity is None else labels[severity.value]


def _table(
    report: Report, lang: str, labels: Mapping[str, str], max_issues: int | None
) -> list[str]:
    codes = [(code, code) for code in sorted(report.by_code)]
    fields = sorted(
        (code, f"{report.field_name(code) or code} ({code})") for code in report.by_field
    )
    severities = [(s.value, labels[s.value]) for s in Severity if report.by_severity[s.value]]
    shown = list(itertools.islice(report.findings(), max_issues))
    total = report.issue_count
    heads = ("row", "decision", "code", "field", "field_name", "severity", "message", "value")
    out = [
        f'<p class="note">{_e(labels["row_note"])}</p>',
        '<div class="filters">',
        f'<select id="f-code" aria-label="{_e(labels["code"])}">'
        f"{_options(codes, labels['all_codes'])}</select>",
        f'<select id="f-field" aria-label="{_e(labels["field"])}">'
        f"{_options(fields, labels['all_fields'])}</select>",
        f'<select id="f-sev" aria-label="{_e(labels["severity"])}">'
        f"{_options(severities, labels['all_severities'])}</select>",
        f'<input id="f-text" type="search" placeholder="{_e(labels["search"])}"'
        f' aria-label="{_e(labels["search"])}">',
        f'<button id="f-reset" type="button">{_e(labels["reset"])}</button>',
        f'<span>{_e(labels["shown"])} <b id="shown">{len(shown)}</b> '
        f"{_e(labels['of'])} {len(shown)} {_e(labels['items'])}</span>",
        "</div>",
        '<table id="issues"><thead><tr>'
        + "".join(f"<th>{_e(labels[h])}</th>" for h in (*heads, "advice"))
        + "</tr></thead><tbody>",
    ]
    out.extend(_row(f, lang, labels) for f in shown)
    out.append("</tbody></table>")
    if total > len(shown):
        out.append(f'<p class="note">{_e(labels["more"].format(n=total - len(shown)))}</p>')
    return out
