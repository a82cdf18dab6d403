"""The clerk's view of a finding: spreadsheet row, decision number, field name, value, advice.

A data clerk opens the file in Excel or WPS: the row to go to is the row number the
spreadsheet shows (the header row counted), the record is known by its decision number
(行政处罚决定书文号 ``CF_WSH``, 行政许可决定文书号 ``XK_WSH``), the field by its Chinese
name. The offending value is shown only through :func:`shown_value`: masked by the
privacy rules when the field holds personal data, redacted (no identity number) always.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import attrs

from .._i18n import Lang, ui
from .._text import redact
from ..standard import FieldSpec, Issue, RecordKind

__all__ = ["Finding", "advice", "decision_field", "shown_value"]

#: Longest value a finding shows (longer ones are cut, with an ellipsis).
_VALUE_LIMIT: Final = 40

#: What to do about an issue, by code or by family (``uscc.*``): (English, Chinese).
_ADVICE: Final[Mapping[str, tuple[str, str]]] = {
    "field.required": ("fill in the field", "请填写该字段"),
    "field.required_for_category": (
        "fill in the field, or correct the subject category",
        "请填写该字段，或更正行政相对人类别",
    ),
    "field.conditional": ("fill in the field", "请填写该字段"),
    "field.length": ("shorten the text", "请缩短该字段内容"),
    "field.invalid": ("enter the value as text, a number or a date", "请以文本、数字或日期填写"),
    "code.unknown": ("choose a value from the code list", "请从代码表中选择取值"),
    "code.alias": ("write the value as the code list does", "请按代码表的写法填写"),
    "penalty_type.unknown": (
        "use a penalty type of the Administrative Penalty Law, article 9",
        "请使用《行政处罚法》第九条规定的处罚类别",
    ),
    "penalty_type.not_in_force": (
        "use a penalty type in force on the decision date",
        "请使用决定日期时有效的处罚类别",
    ),
    "date.invalid": ("write the date as YYYY/MM/DD", "请按YYYY/MM/DD格式填写日期"),
    "date.future": ("check the date: it is after today", "请核对日期：晚于今天"),
    "date.order": ("check the order of the dates", "请核对日期先后顺序"),
    "decimal.invalid": ("write a plain number", "请填写数字"),
    "amount.negative": ("correct the amount", "请更正金额"),
    "amount.yuan_in_wan": (
        "write the amount in 万元 (ten thousand yuan)",
        "请以万元为单位填写金额",
    ),
    "amount.mismatch": ("check the amounts against each other", "请核对相关金额是否一致"),
    "amount.large": ("check the amount (unusually large)", "请核对金额（数额异常大）"),
    "amount.without_fine": (
        "add 罚款 to the penalty types or clear the amount",
        "请在处罚类别中加入罚款，或清空金额",
    ),
    "credit_code.placeholder_category": (
        "check the subject category and the credit code",
        "请核对行政相对人类别与统一社会信用代码",
    ),
    "consistency.uscc_org_code": (
        "check the organisation code against the credit code",
        "请核对组织机构代码与统一社会信用代码是否一致",
    ),
    "consistency.category_uscc": (
        "check the subject category against the credit code",
        "请核对行政相对人类别与统一社会信用代码",
    ),
    "consistency.natural_person_code": (
        "clear the organisation codes of a natural person",
        "自然人不应填写机构代码，请清空",
    ),
    "uscc": ("check the credit code against the licence", "请对照证照核对统一社会信用代码"),
    "org_code": ("check the organisation code", "请核对组织机构代码"),
    "business_reg_no": ("check the business registration number", "请核对工商注册号"),
    "resident_id": ("check the identity number", "请核对身份证号码"),
    "residence_permit": ("check the residence permit number", "请核对居住证号码"),
    "foreign_permanent_id": ("check the permanent residence ID", "请核对永久居留身份证号码"),
    "header": ("correct the header cell", "请更正表头"),
    "row": ("correct the row in the spreadsheet and save it again", "请在表格中更正该行后重新保存"),
    "file": ("check the file", "请检查文件"),
}


def advice(code: str) -> tuple[str, str]:
    """What to do about an issue of ``code``: (English, Chinese); a generic hint when unlisted.

    >>> advice("field.required")
    ('fill in the field', '请填写该字段')
    >>> advice("uscc.checksum")[1]
    '请对照证照核对统一社会信用代码'
    >>> advice("something.new")
    ('check the value', '请核对该值')
    """
    found = _ADVICE.get(code) or _ADVICE.get(code.split(".", 1)[0])
    return found or ("check the value", "请核对该值")


def decision_field(kind: RecordKind | None) -> str | None:
    """The field code of a record's decision number (文书号) for ``kind``.

    >>> decision_field(RecordKind.PENALTY), decision_field(RecordKind.LICENSE)
    ('CF_WSH', 'XK_WSH')
    """
    if kind is None:
        return None
    return "CF_WSH" if RecordKind(kind) is RecordKind.PENALTY else "XK_WSH"


def shown_value(value: object, spec: FieldSpec | None = None) -> str | None:
    """A cell's value as a finding may show it: masked when personal, redacted, short.

    The one place a report quotes a cell. A field the standard marks personal
    (``FieldSpec.personal`` other than ``never``) is masked by its privacy rule
    (:func:`credit_disclosure.privacy.mask`); any value then goes through
    :func:`credit_disclosure._text.redact`, so no identity number is ever shown,
    and is cut to 40 characters. Empty values give ``None``.

    >>> from credit_disclosure.standard import field_by_code
    >>> shown_value("11010519491231002X")
    '******************'
    >>> shown_value("张三丰", field_by_code("CF_XDR_MC", RecordKind.PENALTY))
    '张**'
    >>> shown_value("2099/01/01"), shown_value("  ")
    ('2099/01/01', None)
    """
    if value is None:
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    text = text.strip()
    if not text:
        return None
    if spec is not None and spec.privacy and spec.personal not in (None, "never"):
        from ..privacy import ValueKind, mask  # privacy imports the standard, not io

        try:
            text = mask(text, ValueKind(spec.privacy))
        except Exception:  # a rule that cannot mask this value: show nothing of it
            text = "*" * min(len(text), 8)
    text = redact(text)
    return text if len(text) <= _VALUE_LIMIT else text[: _VALUE_LIMIT - 1] + "…"


@attrs.frozen
class Finding:
    """One issue as the clerk sees it: where in the spreadsheet, which record, what to do.

    ``sheet_row`` is the row number Excel or WPS shows (the header row counted;
    ``None`` for file-level issues and rows not read from a file); ``decision``
    the record's decision number (redacted); ``value`` the offending value as
    :func:`shown_value` shows it; ``advice_en``/``advice_zh`` what to do.

    >>> from credit_disclosure.io import io_issue
    >>> f = Finding(io_issue("row.json", 3), sheet_row=3)
    >>> f.where("zh"), f.where("en")
    ('第3行', 'row 3')
    """

    issue: Issue
    sheet_row: int | None = None
    decision: str | None = None
    field_name: str = ""
    value: str | None = None
    advice_en: str = ""
    advice_zh: str = ""

    def where(self, lang: str = "en") -> str:
        """The spreadsheet row in ``lang`` (``"file"``/``"文件"`` for file-level issues)."""
        row = self.sheet_row if self.sheet_row is not None else self.issue.row
        language: Lang = "zh" if lang == "zh" else "en"
        return ui("cli.file", language) if row is None else ui("cli.row", language, row=row)

    def line(self, lang: str = "both") -> str:
        """The finding as one line of text in ``lang`` (``"zh"``, ``"en"`` or ``"both"``).

        >>> from credit_disclosure.standard import Issue, Severity
        >>> issue = Issue(code="date.future", field="CF_JDRQ", severity=Severity.ERROR,
        ...               message_en="the date is in the future", message_zh="日期晚于当前日期")
        >>> f = Finding(issue, sheet_row=4, decision="京市监罚〔2024〕12号",
        ...             field_name="处罚决定日期", value="2099/01/01",
        ...             advice_en="check the date", advice_zh="请核对日期")
        >>> print(f.line("zh"))
        第4行 文书号 京市监罚〔2024〕12号 处罚决定日期：错误 date.future：日期晚于当前日期；值：2099/01/01；处理：请核对日期
        >>> print(f.line("en"))
        row 4 decision 京市监罚〔2024〕12号 处罚决定日期: error date.future: the date is in the future; value: 2099/01/01; to do: check the date
        """
        issue = self.issue
        language: Lang = "zh" if lang == "zh" else "en"
        parts = [self.where(language)]
        if self.decision:
            parts.append(ui("finding.decision", language, decision=self.decision))
        head = " ".join(parts) + (f" {self.field_name}" if self.field_name else "")
        if lang == "zh":
            message = issue.message_zh
        elif lang == "en":
            message = issue.message_en
        else:
            message = f"{issue.message_en} ({issue.message_zh})"
        text = ui(
            "finding.line", language, head=head,
            severity=ui(f"severity.{issue.severity.value}", language), code=issue.code,
            message=message,
        )
        if self.value is not None:
            text += ui("finding.value", language, value=self.value)
        advice = self.advice_zh if language == "zh" else self.advice_en
        return text + (ui("finding.advice", language, advice=advice) if advice else "")
