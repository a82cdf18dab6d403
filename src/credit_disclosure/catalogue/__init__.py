"""The 双公示 事项目录: catalogued items, read and written as units fill them, matched to records.

Every unit with licence or penalty powers lists the items it decides and must
disclose (长治 2020 通知 2 and 附件2; 长治 2021 实施意见 (二); 长春净月 实施细则 (2020)
第八条: 应归尽归、应示尽示). This package reads that table as a department fills it
in Excel (tick boxes and all) or as CSV, writes it back in the same layout,
matches records to items and reports what does not fit: records of no item,
items without records, subject categories an item does not allow, and records of
政务公开-only items bound for the public portal.

>>> import io
>>> from credit_disclosure.catalogue import coverage, read_catalogue
>>> table = "事项类型,行政决定部门,项目名称,行政相对人类别,公开范围\\n行政许可,镇政府,乡村建设规划许可,☑自然人□法人,☑社会公开\\n"
>>> cat = read_catalogue(io.BytesIO(table.encode())).catalogue
>>> cov = coverage(cat, [{"XK_XKWS": "乡村建设规划许可", "XK_XDR_LB": "自然人"}], "license")
>>> cov.unmatched, cov.findings
(0, ())
"""

from __future__ import annotations

from ._match import DEFAULT_THRESHOLD, Coverage, Finding, Match, Matcher, MatchMethod, coverage
from ._model import (
    DEFAULT_SUBJECT_MATCHES,
    Catalogue,
    CatalogueItem,
    DisclosureScope,
    ItemSubject,
    normalise_name,
    parse_choices,
)
from ._table import CatalogueRead, RowProblem, load_catalogue, read_catalogue, write_catalogue

__all__ = [
    "DEFAULT_SUBJECT_MATCHES",
    "DEFAULT_THRESHOLD",
    "Catalogue",
    "CatalogueItem",
    "CatalogueRead",
    "Coverage",
    "DisclosureScope",
    "Finding",
    "ItemSubject",
    "Match",
    "MatchMethod",
    "Matcher",
    "RowProblem",
    "coverage",
    "load_catalogue",
    "normalise_name",
    "parse_choices",
    "read_catalogue",
    "write_catalogue",
]
