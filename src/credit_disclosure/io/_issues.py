"""The issues the batch layer itself raises: rows and headers it cannot read.

Validation of a record's values is the data standard's business
(:func:`credit_disclosure.standard.check_row`); these codes are about the file:
a row whose bytes do not decode, a row with the wrong number of cells, a line
that is not JSON, a header that names no field of the standard. Each code is
stable, like every issue code of the library.
"""

from __future__ import annotations

from typing import Final

import attrs

from .._text import redact
from ..standard import Issue, Severity, issue_spec

__all__ = ["IO_ISSUES", "IoIssueSpec", "io_issue", "issue_name"]


@attrs.frozen
class IoIssueSpec:
    """One issue code of the batch layer: severity and message templates.

    Templates use :meth:`str.format` placeholders; they never include a cell's
    value (a cell may hold personal data), only counts, positions and header texts.

    >>> IO_ISSUES["row.columns"].severity
    <Severity.ERROR: 'error'>
    """

    code: str
    severity: Severity
    message_en: str
    message_zh: str
    meaning: str
    #: a short name for charts and tables, in English and in Chinese
    name_en: str = attrs.field(default="", kw_only=True)
    name_zh: str = attrs.field(default="", kw_only=True)


_SPECS: Final = (
    IoIssueSpec(
        "row.encoding",
        Severity.ERROR,
        "the row contains bytes that are not valid {encoding}",
        "该行含有无法按{encoding}解码的字节",
        "Some bytes of the row do not decode in the file's encoding (a file saved in two "
        "encodings, or damaged), or are NUL bytes, which no text holds. The row is still "
        "checked, with the bad bytes replaced by U+FFFD.",
        name_en="undecodable bytes",
        name_zh="含无法解码的字节",
    ),
    IoIssueSpec(
        "row.quote",
        Severity.ERROR,
        "a quote opened on line {line} is never closed; the {again} lines after it are read "
        "as rows of their own",
        "第{line}行的引号没有闭合；其后{again}行按各自的行读取",
        "A cell starts with a quote that is not closed before the end of the file (or within "
        "the parser's limit on a value's length). Without this rule the rest of the file would "
        "be one value of this row; instead the row is an error and the lines after it are read "
        "again as rows of their own, so no row is lost.",
        name_en="unclosed quote",
        name_zh="引号未闭合",
    ),
    IoIssueSpec(
        "row.quote_span",
        Severity.ERROR,
        "a quoted value opened on line {line} runs to line {last}, and the row it makes has "
        "{cells} cells for {columns} columns; the lines after line {line} are read as rows of "
        "their own",
        "第{line}行开始的带引号的值延续到第{last}行，所成的行有{cells}列，表头有{columns}列；"
        "第{line}行之后的各行按各自的行读取",
        "A stray quote at the start of a cell was closed by another one lines later, and what "
        "lies between does not make one row of the header's width. The row where the quote "
        "opened is an error; the lines after it are read again as rows of their own.",
        name_en="unclosed quote",
        name_zh="引号未闭合",
    ),
    IoIssueSpec(
        "row.multiline",
        Severity.WARNING,
        "a quoted value runs from line {line} to line {last}, and {rows} of those lines look "
        "like rows of their own: check for a stray quote",
        "带引号的值从第{line}行延续到第{last}行，其中{rows}行像是独立的数据行：请检查是否有多余的引号",
        "A quoted value over several lines is valid CSV (a note with line breaks), and the row "
        "is read with it; but lines inside it hold as many separators as a row has, as when a "
        "stray quote swallows the rows after it. The row is checked; the warning names the "
        "lines to look at.",
        name_en="value spans lines",
        name_zh="值跨多行",
    ),
    IoIssueSpec(
        "row.formula",
        Severity.ERROR,
        "column {column} holds a formula that was never computed, so its value is unknown",
        "第{column}列是从未计算过的公式，其值未知",
        "An XLSX cell holds a formula without the value a spreadsheet computes and saves with "
        "it (a workbook written by a program and never opened and saved in Excel or WPS). The "
        "cell is read as empty and the row is an error; open and save the workbook in a "
        "spreadsheet, or write the values instead of formulas.",
        name_en="formula without value",
        name_zh="公式未计算",
    ),
    IoIssueSpec(
        "row.columns",
        Severity.ERROR,
        "the row has {cells} cells but the header has {columns}",
        "该行有{cells}列，表头有{columns}列",
        "The row has more or fewer cells than the header (an unquoted separator or line break "
        "inside a value). Its cells cannot be matched to fields, so it is not checked further. "
        "Extra cells that are all empty are tolerated.",
        name_en="wrong number of cells",
        name_zh="单元格数不符",
    ),
    IoIssueSpec(
        "row.csv",
        Severity.ERROR,
        "the row cannot be read as CSV ({reason})",
        "该行无法按CSV解析（{reason}）",
        "The CSV parser rejected the row (for example a value longer than the "
        "parser's limit). The row is not checked further.",
        name_en="unreadable CSV row",
        name_zh="CSV行无法读取",
    ),
    IoIssueSpec(
        "row.json",
        Severity.ERROR,
        "the line is not a JSON object",
        "该行不是JSON对象",
        "A JSON Lines line that is not valid JSON, or valid JSON that is not an object. The row "
        "is not checked further.",
        name_en="not a JSON object",
        name_zh="不是JSON对象",
    ),
    IoIssueSpec(
        "row.unexpected",
        Severity.ERROR,
        "the row could not be checked ({reason})",
        "该行无法校验（{reason}）",
        "The checker failed on this row with an unexpected error (a bug: please report it). "
        "The other rows are still checked.",
        name_en="row could not be checked",
        name_zh="该行无法检查",
    ),
    IoIssueSpec(
        "header.unknown",
        Severity.WARNING,
        "column {column} header {header!r} names no field of the standard; it is ignored",
        "第{column}列表头“{header}”不是标准中的字段，已忽略",
        "A header that is neither a field code, a Chinese field name nor an attribute name of the "
        "record kind and standard version being checked. File-level (no row).",
        name_en="unknown column",
        name_zh="未知列",
    ),
    IoIssueSpec(
        "header.duplicate",
        Severity.WARNING,
        "column {column} header {header!r} names the same field as column {first}; it is ignored",
        "第{column}列表头“{header}”与第{first}列为同一字段，已忽略",
        "Two columns name the same field (for example its code and its Chinese name). The first "
        "one is used. File-level (no row).",
        name_en="duplicate column",
        name_zh="重复列",
    ),
    IoIssueSpec(
        "header.blank",
        Severity.WARNING,
        "column {column} has no header but holds values; they are ignored",
        "第{column}列无表头但有内容，已忽略",
        "Values in a column whose header cell is empty. Reported once, at the first row that "
        "has such a value.",
        name_en="column without header",
        name_zh="列无表头",
    ),
    IoIssueSpec(
        "file.empty",
        Severity.ERROR,
        "the file has no header row",
        "文件没有表头行",
        "The file (or the sheet) is empty: there is no header, hence no record. File-level.",
        name_en="no header row",
        name_zh="没有表头行",
    ),
)

#: Every issue code of the batch layer, by code.
IO_ISSUES: Final[dict[str, IoIssueSpec]] = {spec.code: spec for spec in _SPECS}


def issue_name(code: str, lang: str = "en") -> str:
    """The short name of any issue code a check reports, in ``lang`` (``"en"`` or ``"zh"``):
    the record catalogue's (:data:`~credit_disclosure.standard.ISSUE_CATALOGUE`, identifier
    codes by family and part) or the batch layer's (:data:`IO_ISSUES`); an uncatalogued code
    is its own name.

    >>> issue_name("field.required", "zh"), issue_name("row.columns", "en")
    ('必填项为空', 'wrong number of cells')
    >>> issue_name("resident_id.checksum", "zh"), issue_name("x.y", "zh")
    ('居民身份证号码校验码错误', 'x.y')
    """
    spec = IO_ISSUES.get(code)
    if spec is not None:
        return (spec.name_zh if lang == "zh" else spec.name_en) or code
    try:
        return issue_spec(code).name(lang, code) or code
    except KeyError:
        return code


def _shown_header(header: object) -> str:
    """A header as a message may quote it: redacted first (no identity number), then cut."""
    text = redact(header if isinstance(header, str) else repr(header))
    return text if len(text) <= 24 else text[:23] + "…"


def io_issue(
    code: str, row: int | None = None, *, field: str | None = None, **params: object
) -> Issue:
    """Make the :class:`~credit_disclosure.standard.Issue` for a batch-layer ``code``.

    >>> io_issue("row.columns", 7, cells=3, columns=30).message_en
    'the row has 3 cells but the header has 30'
    """
    spec = IO_ISSUES[code]
    if "header" in params:  # a headerless file's first row is data: show little of it
        params["header"] = _shown_header(params["header"])
    return Issue(
        code=code,
        field=field,
        severity=spec.severity,
        message_en=spec.message_en.format(**params),
        message_zh=spec.message_zh.format(**params),
        row=row,
    )
