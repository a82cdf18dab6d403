"""Record validation (every issue, not the first) and ``check_row``, the per-row call of a batch.

The per-record path is a loop over a precomputed plan per record class plus a
few explicit cross-field rules; regular expressions are compiled at import,
date strings and penalty-category texts are parsed through caches, identifier
checks go through ``credit_disclosure.identifiers``.
"""

from __future__ import annotations

import functools
import operator
import os
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Final

import attrs

from .._datafile import in_file, read_table
from .._dates import as_date
from .._text import compact_identifier, redact, to_halfwidth
from ..errors import ArgumentTypeError, InvalidFormat
from ._codes import (
    ApprovalCategory2015,
    CertificateType,
    LicenseCategory,
    LicenseStatus,
    PenaltyCategory2015,
    PenaltyType,
    Status2015,
    SubjectCategory,
)
from ._fields import (
    FieldSpec,
    FieldType,
    RecordKind,
    RequirementKind,
    StandardVersion,
    fields,
)
from ._ids import IdentifierProblem, cert_kind, check_identifier, refresh_cache
from ._issues import Issue, Severity, issue_spec
from ._parsing import (
    DEFAULT_PENALTY_TYPE_ALIASES,
    DEFAULT_PENALTY_TYPE_SEPARATORS,
    DEFAULT_SUBJECT_CATEGORY_ALIASES,
    OPEN_ENDED_WORDS,
    PLACEHOLDER_CREDIT_CODE,
    _amount_or_none,
    _date_or_none,
    _parse_date_text,
    parse_penalty_categories,
)
from ._records import (
    OPEN_ENDED,
    AnyRecord,
    License2015Record,
    LicenseRecord,
    Penalty2015Record,
    PenaltyRecord,
    record_class,
)

__all__ = ["RowResult", "ValidationOptions", "check_row", "parse_row", "validate"]


def _frozen_map(value: Mapping[Any, Any]) -> Mapping[Any, Any]:
    # The shipped defaults are already read-only: keep them (identity lets caches apply).
    if value is DEFAULT_PENALTY_TYPE_ALIASES or value is DEFAULT_SUBJECT_CATEGORY_ALIASES:
        return value
    return MappingProxyType(dict(value))


@attrs.frozen(kw_only=True)
class ValidationOptions:
    """The configurable rules: facts the sources leave uncertain (docs/sources.md#certainty), with their defaults.

    >>> opts = ValidationOptions(legal_rep_id_required=True)
    >>> opts.legal_rep_id_required, opts.fine_amount_required
    (True, True)
    >>> ValidationOptions(disabled=frozenset({"amount.large"})).disabled
    frozenset({'amount.large'})
    """

    #: 法定代表人证件号码 required for 法人及非法人组织? Sources disagree (docs/sources.md#src-790 第11项, ?);
    #: default off.
    legal_rep_id_required: bool = False
    #: 罚款金额 required when 罚款 is among the categories (docs/sources.md#src-790 第20项, ?); default on.
    fine_amount_required: bool = True
    #: 处罚有效期 (CF_YXQ) required? (docs/sources.md#src-790 第24项, ?); default off.
    penalty_validity_required: bool = False
    #: separators between penalty categories (docs/sources.md#certainty, ?)
    penalty_type_separators: str = DEFAULT_PENALTY_TYPE_SEPARATORS
    #: extra names for 第九条 types (older wording, short forms)
    penalty_type_aliases: Mapping[str, tuple[PenaltyType, ...]] = attrs.field(
        default=DEFAULT_PENALTY_TYPE_ALIASES, converter=_frozen_map, hash=False
    )
    #: older wordings of 行政相对人类别, read as the 790号 category with a ``code.alias``
    #: warning (法人及其他组织, 法人, 其他组织, ...)
    subject_category_aliases: Mapping[str, SubjectCategory] = attrs.field(
        default=DEFAULT_SUBJECT_CATEGORY_ALIASES, converter=_frozen_map, hash=False
    )
    #: accepted 当前状态 codes of 2018 licences (docs/sources.md#src-790 第25项: 1 有效, 2 无效, ?)
    license_status_codes: frozenset[str] = frozenset(s.value for s in LicenseStatus)
    #: accepted 证件类型 values; values starting with 其他 are always accepted (docs/sources.md#src-790, M)
    certificate_types: frozenset[str] = frozenset(c.value for c in CertificateType)
    #: check the field lengths (they come from a derived schema, docs/sources.md#certainty, M)
    check_lengths: bool = True
    #: per-field length overrides, by field code
    lengths: Mapping[str, int] = attrs.field(factory=dict, converter=_frozen_map, hash=False)
    #: date fields that must not lie after ``as_of``
    future_date_fields: frozenset[str] = frozenset({"XK_JDRQ", "CF_JDRQ"})
    #: amounts above this many 万元 get ``amount.large`` (``None``: never); default 1亿元
    large_amount_threshold: Decimal | None = Decimal(10000)
    #: severity overrides by issue code (``uscc.*`` for a whole identifier family)
    severity: Mapping[str, Severity] = attrs.field(factory=dict, converter=_frozen_map, hash=False)
    #: issue codes not to report at all
    disabled: frozenset[str] = frozenset()

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> ValidationOptions:
        """Options from plain data (a parsed JSON or TOML file): lists become sets.

        Unknown keys raise :class:`~credit_disclosure.errors.InvalidFormat` (a
        :class:`ValueError`) with code ``options.unknown``, so that a typo in a settings file
        does not silently keep a default; a value that cannot be read, code ``options.value``
        naming the option.

        >>> opts = ValidationOptions.from_mapping({
        ...     "legal_rep_id_required": True,
        ...     "severity": {"amount.large": "error"},
        ...     "penalty_type_aliases": {"罚金": ["罚款"]},
        ...     "large_amount_threshold": "5000",
        ...     "disabled": ["consistency.category_uscc"],
        ... })
        >>> opts.severity["amount.large"], opts.penalty_type_aliases["罚金"]
        (<Severity.ERROR: 'error'>, (<PenaltyType.FINE: '罚款'>,))
        >>> opts.large_amount_threshold, sorted(opts.disabled)
        (Decimal('5000'), ['consistency.category_uscc'])
        >>> ValidationOptions.from_mapping({"legal_rep_required": True})
        Traceback (most recent call last):
        ...
        credit_disclosure.errors.InvalidFormat: options.unknown: unknown validation option(s): legal_rep_required (未知的校验选项：legal_rep_required)
        """
        if not isinstance(data, Mapping):
            raise InvalidFormat(
                "options.format",
                message_en=f"the options are a table of option names and values, "
                f"not {type(data).__name__}",
                message_zh="校验选项应为选项名与取值的表",
            )
        known = {a.name: a for a in attrs.fields(cls)}
        unknown = ", ".join(sorted(str(k) for k in set(data) - set(known)))
        if unknown:
            raise InvalidFormat(
                "options.unknown",
                message_en=f"unknown validation option(s): {unknown}",
                message_zh=f"未知的校验选项：{unknown}",
            )
        kwargs: dict[str, Any] = {}
        value: Any
        for name, value in data.items():
            try:
                kwargs[name] = _option_value(name, value)
            except (ValueError, TypeError, AttributeError) as exc:
                raise InvalidFormat(
                    "options.value",
                    message_en=f"validation option {name}: {exc}",
                    message_zh=f"校验选项 {name} 的取值无效：{exc}",
                    field=name,
                ) from None
        try:
            return cls(**kwargs)
        except (ValueError, TypeError) as exc:
            raise InvalidFormat(
                "options.value",
                message_en=f"validation options: {exc}",
                message_zh=f"校验选项无效：{exc}",
            ) from None

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> ValidationOptions:
        """Options from a settings file: TOML when named ``.toml``, otherwise JSON (UTF-8).

        Read by the package's one data-file loader, so a file that is not UTF-8, not valid
        JSON or TOML, or not one table raises
        :class:`~credit_disclosure.errors.InvalidFormat` with code ``options.encoding``,
        ``options.syntax`` or ``options.format``; its values as :meth:`from_mapping` reads
        them. Every message names the file (``options file PATH: ...``); a file that cannot
        be opened raises the usual :class:`OSError`.

        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "options.toml"
        >>> _ = path.write_text('fine_amount_required = false', encoding="utf-8")
        >>> ValidationOptions.from_file(path).fine_amount_required
        False
        """
        name = f"options file {os.fspath(path)}"
        data = read_table(path, "options", default_format="json", name=name)
        try:
            return cls.from_mapping(data)
        except InvalidFormat as exc:
            raise in_file(exc, name) from None


def _option_value(name: str, value: Any) -> Any:
    """One option from plain data: lists become sets, texts become enums and decimals."""
    if name in {
        "license_status_codes",
        "certificate_types",
        "future_date_fields",
        "disabled",
    }:
        if isinstance(value, str):  # "abc" would become {"a", "b", "c"}
            raise TypeError("expected a list of texts, not one text")
        return frozenset(str(v) for v in value)
    if name == "severity":
        return {str(k): Severity(v) for k, v in value.items()}
    if name == "penalty_type_aliases":
        return {
            str(k): tuple(PenaltyType(t) for t in ([v] if isinstance(v, str) else v))
            for k, v in value.items()
        }
    if name == "subject_category_aliases":
        return {str(k): SubjectCategory(v) for k, v in value.items()}
    if name == "lengths":
        return {str(k): int(v) for k, v in value.items()}
    if name == "large_amount_threshold":
        if value is None:
            return None
        try:
            return Decimal(str(value))
        except ArithmeticError:
            raise ValueError(f"not a number: {value!r}") from None
    if name in _BOOL_OPTIONS and not isinstance(value, bool):
        raise TypeError(f"expected true or false, not {value!r}")
    if name == "penalty_type_separators" and not isinstance(value, str):
        raise TypeError(f"expected a text of separator characters, not {value!r}")
    return value


_BOOL_OPTIONS: Final = frozenset(
    {"legal_rep_id_required", "fine_amount_required", "penalty_validity_required", "check_lengths"}
)


_DEFAULT_OPTIONS: Final = ValidationOptions()

Record = LicenseRecord | PenaltyRecord | License2015Record | Penalty2015Record


@attrs.frozen
class RowResult:
    """What :func:`check_row` found for one raw row: the record (when it could be built) and issues.

    >>> r = RowResult(None, ())
    >>> r.ok, r.has_errors, r.has_warnings
    (True, False, False)
    """

    record: LicenseRecord | PenaltyRecord | License2015Record | Penalty2015Record | None
    issues: tuple[Issue, ...]

    @property
    def has_errors(self) -> bool:
        """Whether any issue is an error."""
        return any(i.severity is Severity.ERROR for i in self.issues)

    @property
    def has_warnings(self) -> bool:
        """Whether any issue is a warning."""
        return any(i.severity is Severity.WARNING for i in self.issues)

    @property
    def ok(self) -> bool:
        """Whether the record was built and has no error (warnings allowed)."""
        return not self.has_errors and (self.record is not None or not self.issues)


# ------------------------------------------------------------------ issue making


def _make(
    issues: list[Issue],
    opts: ValidationOptions,
    code: str,
    spec: FieldSpec | None,
    **params: object,
) -> None:
    if code in opts.disabled:
        return
    cat = issue_spec(code)
    if cat.code != code and cat.code in opts.disabled:
        return
    severity = opts.severity.get(code) or opts.severity.get(cat.code) or cat.severity
    field = spec.code if spec is not None else None
    name = spec.name_zh if spec is not None else None
    key = tuple(params.items()) if params else ()
    issues.append(_issue(code, field, name, severity, key))


@functools.lru_cache(maxsize=4096)
def _issue(
    code: str,
    field: str | None,
    name: str | None,
    severity: Severity,
    params: tuple[tuple[str, object], ...],
) -> Issue:
    # Issues are immutable and their messages hold no values: the same fault on many rows
    # shares one Issue object (the batch layer adds the row with ``with_row``).
    values: dict[str, object] = {"name": name, "field": field}
    values.update(params)
    cat = issue_spec(code)
    return Issue(code, field, severity, cat.render_en(**values), cat.render_zh(**values))


def _identifier_issue(
    issues: list[Issue],
    opts: ValidationOptions,
    spec: FieldSpec,
    module: str,
    value: str,
    as_of: date | None,
) -> str | None:
    """Check ``value`` with identifiers.<module>: its compact form, or None (and an issue)."""
    checked = check_identifier(module, value, as_of)
    if type(checked) is str:
        return checked
    assert isinstance(checked, IdentifierProblem)
    _make(
        issues,
        opts,
        checked.code,
        spec,
        detail_en=checked.message_en,
        detail_zh=checked.message_zh,
    )
    return None


# ------------------------------------------------------------------ the plans

# Fields whose identifier module depends on another field, checked by the cross-field rules.
_SPECIAL_IDS: Final = frozenset({"credit_code", "cert_no", "legal_rep_cert_no"})
_TEXTUAL: Final = frozenset({FieldType.TEXT, FieldType.CODE, FieldType.IDENTIFIER})


@attrs.frozen
class _Plan:
    """The generic checks of one record class, split by kind so each loop does one thing."""

    values: Callable[[Any], tuple[Any, ...]]
    required: tuple[tuple[int, FieldSpec], ...]
    required_for: tuple[tuple[int, FieldSpec, frozenset[SubjectCategory]], ...]
    lengths: tuple[tuple[int, FieldSpec, int | None], ...]
    identifiers: tuple[tuple[int, FieldSpec, str], ...]
    dates: tuple[tuple[int, FieldSpec], ...]


def _plan(kind: RecordKind, version: StandardVersion) -> _Plan:
    table = fields(kind, version)
    special = _SPECIAL_IDS if version is StandardVersion.V2018 else frozenset()
    return _Plan(
        values=operator.attrgetter(*(f.attr for f in table)),
        required=tuple(
            (i, f) for i, f in enumerate(table) if f.requirement.kind is RequirementKind.REQUIRED
        ),
        required_for=tuple(
            (i, f, f.requirement.categories)
            for i, f in enumerate(table)
            if f.requirement.kind is RequirementKind.REQUIRED_FOR
        ),
        # identifiers are checked by their module, which reports a wrong length itself
        lengths=tuple(
            (i, f, f.length)
            for i, f in enumerate(table)
            if f.type in _TEXTUAL and f.identifier is None
        ),
        identifiers=tuple(
            (i, f, f.identifier)
            for i, f in enumerate(table)
            if f.identifier is not None and f.attr not in special
        ),
        dates=tuple((i, f) for i, f in enumerate(table) if f.type is FieldType.DATE),
    )


_PLANS: Final[dict[type[Any], _Plan]] = {
    record_class(k, v): _plan(k, v) for k in RecordKind for v in StandardVersion
}
_SPECS: Final[dict[type[Any], dict[str, FieldSpec]]] = {
    record_class(k, v): {f.attr: f for f in fields(k, v)}
    for k in RecordKind
    for v in StandardVersion
}

_LICENSE_CATEGORIES: Final = frozenset(c.value for c in LicenseCategory)
_LICENSE_CATEGORY_TEXT: Final = " / ".join([*(c.value for c in LicenseCategory), "其他-…"])
_SUBJECT_CATEGORY_TEXT: Final = " / ".join(c.value for c in SubjectCategory)


@functools.lru_cache(maxsize=64)
def _allowed(values: frozenset[str], *more: str) -> str:
    """A code list for a message: its values in order, then ``more``."""
    return " / ".join([*sorted(values), *more])


_APPROVAL_2015: Final = frozenset(c.value for c in ApprovalCategory2015)
_PENALTY_2015: Final = frozenset(c.value for c in PenaltyCategory2015)
_STATUS_2015: Final = frozenset(c.value for c in Status2015)

# Digits may be full-width (Decimal reads them); no to_halfwidth pass over the whole text.
_NUMBER: Final = r"([0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)\s*(万元|元)"
# 罚款2000元 / 罚款人民币2000元, and the as common 处以2000元罚款 / 处2000元的罚款.
_FINE_RE: Final = re.compile(
    rf"罚款(?:人民币|计|共计|合计)?[:：]?\s*{_NUMBER}|{_NUMBER}(?:的)?罚款"
)
_TEN_THOUSAND: Final = Decimal(10000)

#: 《行政处罚法》(2021修订) took effect on 2021-07-15; its 第九条 added these types to the
#: 1996 law's 第八条 list (警告, 罚款, 没收, 责令停产停业, 暂扣或者吊销许可证/执照, 行政拘留).
PENALTY_LAW_2021_IN_FORCE: Final = date(2021, 7, 15)
_NEW_IN_2021: Final = frozenset(
    {
        PenaltyType.CIRCULATED_CRITICISM,
        PenaltyType.DEMOTION_OF_QUALIFICATION,
        PenaltyType.RESTRICTION_OF_BUSINESS,
        PenaltyType.ORDER_TO_CLOSE,
        PenaltyType.RESTRICTION_OF_EMPLOYMENT,
    }
)


def _generic(
    rec: Record,
    plan: _Plan,
    category: SubjectCategory | None,
    as_of: date | None,
    opts: ValidationOptions,
    skip: frozenset[str],
    issues: list[Issue],
) -> None:
    values = plan.values(rec)
    for i, spec in plan.required:
        if values[i] is None and spec.code not in skip:
            _make(issues, opts, "field.required", spec)
    if category is not None:
        for i, spec, cats in plan.required_for:
            if values[i] is None and category in cats and spec.code not in skip:
                _make(issues, opts, "field.required_for_category", spec, category=category.value)
    if opts.check_lengths:
        overrides = opts.lengths
        for i, spec, limit in plan.lengths:
            value = values[i]
            if value is None:
                continue
            if overrides:
                limit = overrides.get(spec.code, limit)
            if limit is not None and len(value) > limit:
                _make(issues, opts, "field.length", spec, limit=limit)
    for i, spec, module in plan.identifiers:
        value = values[i]
        if value is not None:
            _identifier_issue(issues, opts, spec, module, value, as_of)
    if as_of is not None:
        future = opts.future_date_fields
        for i, spec in plan.dates:
            value = values[i]
            if value is not None and value > as_of and spec.code in future:
                _make(issues, opts, "date.future", spec)


def _cert_check(
    rec: Record,
    specs: dict[str, FieldSpec],
    type_attr: str,
    no_attr: str,
    as_of: date | None,
    opts: ValidationOptions,
    issues: list[Issue],
) -> None:
    cert_type: str | None = getattr(rec, type_attr)
    if (
        cert_type is not None
        and cert_type not in opts.certificate_types
        and not cert_type.startswith("其他")
        and cert_kind(cert_type) is None
    ):
        _make(
            issues,
            opts,
            "code.unknown",
            specs[type_attr],
            allowed=_allowed(opts.certificate_types, "其他-…"),
        )
    number: str | None = getattr(rec, no_attr)
    if number is None or cert_type is None:
        return
    module = cert_kind(cert_type)
    if module is not None:
        _identifier_issue(issues, opts, specs[no_attr], module, number, as_of)


def _subject_2018(
    rec: LicenseRecord | PenaltyRecord,
    specs: dict[str, FieldSpec],
    as_of: date | None,
    opts: ValidationOptions,
    skip: frozenset[str],
    issues: list[Issue],
) -> None:
    category = rec.subject_category
    credit_code = rec.credit_code
    cc_spec = specs["credit_code"]
    valid_cc: str | None = None
    if credit_code is not None:
        if credit_code[-1:] in "Xx" and compact_identifier(credit_code) == PLACEHOLDER_CREDIT_CODE:
            # 790号: an individual business without a credit code writes the placeholder,
            # and then the business registration number is required.
            if category is not None and category is not SubjectCategory.INDIVIDUAL_BUSINESS:
                _make(issues, opts, "credit_code.placeholder_category", cc_spec)
            if rec.business_reg_no is None and specs["business_reg_no"].code not in skip:
                _make(
                    issues,
                    opts,
                    "field.conditional",
                    specs["business_reg_no"],
                    reason_en=f"the credit code is the placeholder {PLACEHOLDER_CREDIT_CODE}",
                    reason_zh=f"统一社会信用代码为{PLACEHOLDER_CREDIT_CODE}",
                )
        else:
            valid_cc = _identifier_issue(issues, opts, cc_spec, "uscc", credit_code, as_of)
        if valid_cc is not None:
            if category is SubjectCategory.NATURAL_PERSON:
                _make(issues, opts, "consistency.natural_person_code", cc_spec)
            elif category is not None:
                reg_type = valid_cc[:2]
                is_ib = category is SubjectCategory.INDIVIDUAL_BUSINESS
                if (reg_type == "92") is not is_ib:
                    _make(
                        issues,
                        opts,
                        "consistency.category_uscc",
                        cc_spec,
                        reg_type=reg_type,
                        category=category.value,
                    )
    # GB 32100-2015: characters 9-17 of the credit code are the GB 11714 organisation code.
    if (
        valid_cc is not None
        and rec.org_code is not None
        and compact_identifier(rec.org_code) != valid_cc[8:17]
    ):
        _make(issues, opts, "consistency.uscc_org_code", specs["org_code"])
    if (
        opts.legal_rep_id_required
        and category is SubjectCategory.LEGAL_PERSON
        and rec.legal_rep_cert_no is None
        and specs["legal_rep_cert_no"].code not in skip
    ):
        _make(
            issues,
            opts,
            "field.conditional",
            specs["legal_rep_cert_no"],
            reason_en="ValidationOptions.legal_rep_id_required is on for 法人及非法人组织",
            reason_zh="法人及非法人组织须填写法定代表人证件号码",
        )
    _cert_check(rec, specs, "cert_type", "cert_no", as_of, opts, issues)
    _cert_check(rec, specs, "legal_rep_cert_type", "legal_rep_cert_no", as_of, opts, issues)


def _date_order(
    later: date | None,
    earlier: date | None,
    later_spec: FieldSpec,
    earlier_spec: FieldSpec,
    opts: ValidationOptions,
    issues: list[Issue],
) -> None:
    if later is not None and earlier is not None and later < earlier:
        _make(
            issues,
            opts,
            "date.order",
            later_spec,
            other_name=earlier_spec.name_zh,
            other=earlier_spec.code,
        )


def _amount_checks(
    amount: Decimal | None, spec: FieldSpec, opts: ValidationOptions, issues: list[Issue]
) -> None:
    if amount is None:
        return
    if amount < 0:
        _make(issues, opts, "amount.negative", spec)
    elif opts.large_amount_threshold is not None and amount > opts.large_amount_threshold:
        _make(issues, opts, "amount.large", spec, limit=opts.large_amount_threshold)


def _fine_vs_content(
    fine: Decimal, content: str, spec: FieldSpec, opts: ValidationOptions, issues: list[Issue]
) -> None:
    matches = _FINE_RE.findall(content)
    if not matches:
        return
    as_yuan = False
    for before_number, before_unit, after_number, after_unit in matches:
        number, unit = before_number or after_number, before_unit or after_unit
        n = Decimal(to_halfwidth(number).replace(",", ""))
        wan = n if unit == "万元" else n / _TEN_THOUSAND
        if wan == fine:
            return
        if unit == "元" and n == fine:
            as_yuan = True
    _make(issues, opts, "amount.yuan_in_wan" if as_yuan else "amount.mismatch", spec)


def _license_2018(
    rec: LicenseRecord,
    specs: dict[str, FieldSpec],
    opts: ValidationOptions,
    issues: list[Issue],
) -> None:
    cat = rec.license_category
    # 790号 行政许可 第16项: 普通/特许/认可/核准/登记, or 其他 with the category's name.
    if cat is not None and cat not in _LICENSE_CATEGORIES and not cat.startswith("其他"):
        _make(
            issues, opts, "code.unknown", specs["license_category"], allowed=_LICENSE_CATEGORY_TEXT
        )
    if rec.status is not None and rec.status not in opts.license_status_codes:
        _make(
            issues,
            opts,
            "code.unknown",
            specs["status"],
            allowed=_allowed(opts.license_status_codes),
        )
    _date_order(rec.valid_to, rec.valid_from, specs["valid_to"], specs["valid_from"], opts, issues)


def _penalty_2018(
    rec: PenaltyRecord,
    specs: dict[str, FieldSpec],
    opts: ValidationOptions,
    skip: frozenset[str],
    issues: list[Issue],
) -> None:
    fine_spec = specs["fine_amount"]
    has_fine: bool | None = None
    if rec.penalty_categories is not None:
        parsed = parse_penalty_categories(
            rec.penalty_categories,
            separators=opts.penalty_type_separators,
            aliases=opts.penalty_type_aliases,
        )
        if parsed.unknown:
            _make(
                issues,
                opts,
                "penalty_type.unknown",
                specs["penalty_categories"],
                # redacted before it is cut, so that no ID is left as a stub of digits
                parts="、".join(redact(p)[:20] for p in parsed.unknown[:3])
                + ("…" if len(parsed.unknown) > 3 else ""),
            )
        has_fine = PenaltyType.FINE in parsed.types
        decided = rec.decision_date
        if (
            decided is not None
            and decided < PENALTY_LAW_2021_IN_FORCE
            and not _NEW_IN_2021.isdisjoint(parsed.types)
        ):
            _make(issues, opts, "penalty_type.not_in_force", specs["penalty_categories"])
    fine = rec.fine_amount
    if fine is None:
        if has_fine and opts.fine_amount_required and fine_spec.code not in skip:
            _make(
                issues,
                opts,
                "field.conditional",
                fine_spec,
                reason_en="罚款 is among the penalty categories",
                reason_zh="处罚类别含罚款",
            )
    else:
        _amount_checks(fine, fine_spec, opts, issues)
        if fine > 0:
            if has_fine is False:
                _make(issues, opts, "amount.without_fine", fine_spec)
            content = rec.content
            if content is not None and "罚款" in content:
                _fine_vs_content(fine, content, fine_spec, opts, issues)
    _amount_checks(rec.confiscation_amount, specs["confiscation_amount"], opts, issues)
    if (
        opts.penalty_validity_required
        and rec.valid_until is None
        and specs["valid_until"].code not in skip
    ):
        _make(
            issues,
            opts,
            "field.conditional",
            specs["valid_until"],
            reason_en="ValidationOptions.penalty_validity_required is on",
            reason_zh="须填写处罚有效期",
        )
    decided, decided_spec = rec.decision_date, specs["decision_date"]
    _date_order(rec.valid_until, decided, specs["valid_until"], decided_spec, opts, issues)
    _date_order(rec.publication_end, decided, specs["publication_end"], decided_spec, opts, issues)


def _codes_2015(
    rec: License2015Record | Penalty2015Record,
    specs: dict[str, FieldSpec],
    opts: ValidationOptions,
    issues: list[Issue],
) -> None:
    if rec.status is not None and rec.status not in _STATUS_2015:
        _make(issues, opts, "code.unknown", specs["status"], allowed=_allowed(_STATUS_2015))
    if isinstance(rec, License2015Record):
        if rec.approval_category is not None and rec.approval_category[:1] not in _APPROVAL_2015:
            _make(
                issues,
                opts,
                "code.unknown",
                specs["approval_category"],
                allowed=_allowed(_APPROVAL_2015),
            )
        _date_order(
            rec.valid_to, rec.decision_date, specs["valid_to"], specs["decision_date"], opts, issues
        )
        return
    if rec.category1 is not None and rec.category1 not in _PENALTY_2015:
        _make(issues, opts, "code.unknown", specs["category1"], allowed=_allowed(_PENALTY_2015))
    if rec.category2 is not None:
        parts = [
            p.strip() for p in re.split(r"[;；,，、\s]+", to_halfwidth(rec.category2)) if p.strip()
        ]
        if any(p not in _PENALTY_2015 for p in parts):
            _make(issues, opts, "code.unknown", specs["category2"], allowed=_allowed(_PENALTY_2015))
    if rec.credit_code is not None and rec.org_code is not None:
        cc = check_identifier("uscc", rec.credit_code)
        if type(cc) is str and compact_identifier(rec.org_code) != cc[8:17]:
            _make(issues, opts, "consistency.uscc_org_code", specs["org_code"])


def _validate(
    rec: Record,
    as_of: date | None,
    opts: ValidationOptions,
    skip: frozenset[str],
) -> list[Issue]:
    cls = type(rec)
    plan = _PLANS[cls]
    specs = _SPECS[cls]
    issues: list[Issue] = []
    refresh_cache()  # a division registered since the last record is accepted from now on
    if isinstance(rec, (LicenseRecord, PenaltyRecord)):
        _generic(rec, plan, rec.subject_category, as_of, opts, skip, issues)
        _subject_2018(rec, specs, as_of, opts, skip, issues)
        if isinstance(rec, PenaltyRecord):
            _penalty_2018(rec, specs, opts, skip, issues)
        else:
            _license_2018(rec, specs, opts, issues)
    else:
        _generic(rec, plan, None, as_of, opts, skip, issues)
        _codes_2015(rec, specs, opts, issues)
    return issues


def _in_field_order(issues: list[Issue], positions: dict[str | None, int]) -> list[Issue]:
    # Report issues in the standard's field order (stable: several per field keep their order).
    if len(issues) > 1:
        issues.sort(key=lambda i: positions.get(i.field, 0))
    return issues


_POSITIONS: Final[dict[type[Any], dict[str | None, int]]] = {
    record_class(k, v): {f.code: f.position for f in fields(k, v)}
    for k in RecordKind
    for v in StandardVersion
}


def validate(
    record: LicenseRecord | PenaltyRecord | License2015Record | Penalty2015Record,
    *,
    as_of: date | None = None,
    options: ValidationOptions | None = None,
) -> list[Issue]:
    """Every issue in ``record``: required fields, codes, identifiers, dates, amounts.

    ``as_of`` is the check date for ``date.future`` (default: today, read from the
    system clock only when you pass nothing). ``options`` sets the configurable
    rules (:class:`ValidationOptions`).

    >>> from datetime import date
    >>> from credit_disclosure.standard import PenaltyRecord, SubjectCategory
    >>> rec = PenaltyRecord(subject_name="某某餐饮有限公司",
    ...                     subject_category=SubjectCategory.LEGAL_PERSON,
    ...                     decision_date=date(2030, 1, 1))
    >>> issues = validate(rec, as_of=date(2024, 6, 1))
    >>> sorted({i.code for i in issues})
    ['date.future', 'field.required', 'field.required_for_category']
    >>> next(i for i in issues if i.field == "CF_WSH").message_zh
    '行政处罚决定书文号（CF_WSH）不能为空'

    A record built by hand with a value of the wrong type (text for a date or a
    category) raises :class:`~credit_disclosure.errors.ArgumentTypeError` (a
    ``TypeError``, code ``record.field_type``) naming the field; something that is not a
    record at all is ``record.type``. Parse text with :func:`check_row` or
    :func:`credit_disclosure.convert.from_mapping`.

    >>> validate(PenaltyRecord(subject_category="自然人"))
    Traceback (most recent call last):
    ...
    credit_disclosure.errors.ArgumentTypeError: record.field_type in field CF_XDR_LB: PenaltyRecord.subject_category (CF_XDR_LB) must be SubjectCategory or None, not str (...)
    """
    as_of = _as_of(as_of)
    _check_types(record)
    issues = _validate(record, as_of, options or _DEFAULT_OPTIONS, frozenset())
    return _in_field_order(issues, _POSITIONS[type(record)])


_PYTHON_TYPES: Final[dict[FieldType, type]] = {
    FieldType.TEXT: str,
    FieldType.CODE: str,
    FieldType.IDENTIFIER: str,
    FieldType.ENUM: SubjectCategory,
    FieldType.DATE: date,
    FieldType.DECIMAL: Decimal,
}
_TYPE_PLANS: Final[dict[type[Any], tuple[tuple[int, FieldSpec, type], ...]]] = {
    record_class(k, v): tuple((i, f, _PYTHON_TYPES[f.type]) for i, f in enumerate(fields(k, v)))
    for k in RecordKind
    for v in StandardVersion
}


def _check_types(record: object) -> None:
    """Raise ArgumentTypeError for the first attribute whose value is not of its field's type."""
    cls = type(record)
    plan = _TYPE_PLANS.get(cls)
    if plan is None:
        raise ArgumentTypeError(
            "record.type",
            message_en=f"not a record of the data standard: {cls.__name__}",
            message_zh=f"不是数据标准的记录：{cls.__name__}",
            field="record",
        )
    values = _PLANS[cls].values(record)
    for i, spec, expected in plan:
        value = values[i]
        if value is not None and not isinstance(value, expected):
            want, got = expected.__name__, type(value).__name__
            raise ArgumentTypeError(
                "record.field_type",
                message_en=f"{cls.__name__}.{spec.attr} ({spec.code}) must be {want} or None, "
                f"not {got}",
                message_zh=f"{cls.__name__}.{spec.attr}（{spec.name_zh}，{spec.code}）应为 {want} "
                f"或 None，而不是 {got}",
                field=spec.code,
            )


# ------------------------------------------------------------------ check_row

_P_TEXT, _P_ENUM, _P_DATE, _P_DECIMAL = range(4)
_P_OF: Final = {
    FieldType.TEXT: _P_TEXT,
    FieldType.CODE: _P_TEXT,
    FieldType.IDENTIFIER: _P_TEXT,
    FieldType.ENUM: _P_ENUM,
    FieldType.DATE: _P_DATE,
    FieldType.DECIMAL: _P_DECIMAL,
}
# The date fields where 长期 means open-ended: the field table's open_ended column.
_OPEN_ENDED_FIELDS: Final = frozenset(
    f.code for k in RecordKind for v in StandardVersion for f in fields(k, v) if f.open_ended
)
_CATEGORIES: Final[dict[str, SubjectCategory]] = {c.value: c for c in SubjectCategory}

# field code -> (attribute, parser, spec, 长期 allowed)
_RowPlan = dict[str, tuple[str, int, FieldSpec, bool]]
_ROW_PLANS: Final[dict[tuple[RecordKind, StandardVersion], _RowPlan]] = {
    (k, v): {f.code: (f.attr, _P_OF[f.type], f, f.code in _OPEN_ENDED_FIELDS) for f in fields(k, v)}
    for k in RecordKind
    for v in StandardVersion
}


def _as_text(value: object) -> str | None:
    """Non-text cell values (numbers, dates from XLSX/JSON) as text; ``None`` when unusable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, (int, Decimal)):
        return str(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return None


def _as_of(value: object) -> date:
    """The check date: today when ``None``, else a date or an :class:`ArgumentTypeError`.

    The one documented exception to the date-argument rule (docs/errors.md, "Date
    arguments"): :func:`check_row` and :func:`validate` never raise for what a row pipeline
    hands them, so a datetime ``as_of`` counts as its day here instead of being refused.
    """
    if value is None:
        return date.today()
    if isinstance(value, datetime):
        return value.date()
    return as_date(value, "as_of", "argument.type")


def check_row(
    raw: Mapping[str, object],
    kind: RecordKind,
    *,
    version: StandardVersion = StandardVersion.V2018,
    as_of: date | None = None,
    options: ValidationOptions | None = None,
) -> RowResult:
    """Build a record from one raw row keyed by field code and validate it.

    Values are what a reader produced: text (from CSV/JSON), numbers or dates
    (from XLSX/JSON), ``None`` or ``""`` for empty. Text is stripped. Values that
    cannot be parsed (a bad date, a bad amount, an unknown subject category)
    become issues and leave that field empty in the record; they never raise.
    Keys that are not field codes of ``kind`` are ignored. ``as_of`` as in
    :func:`validate` (default today).

    >>> from datetime import date
    >>> row = {"CF_XDR_MC": "某某餐饮有限公司", "CF_JDRQ": "2024/13/01", "CF_NR_FK": "两千"}
    >>> result = check_row(row, RecordKind.PENALTY, as_of=date(2024, 6, 1))
    >>> result.record.subject_name, result.record.decision_date
    ('某某餐饮有限公司', None)
    >>> [(i.code, i.field) for i in result.issues if i.code != "field.required"]
    [('decimal.invalid', 'CF_NR_FK'), ('date.invalid', 'CF_JDRQ')]
    """
    opts = options or _DEFAULT_OPTIONS
    if kind.__class__ is not RecordKind or version.__class__ is not StandardVersion:
        kind, version = RecordKind(kind), StandardVersion(version)  # "penalty", "2015"
    record, issues, bad = _parse_row(raw, kind, version, opts)
    as_of = _as_of(as_of)
    issues.extend(_validate(record, as_of, opts, frozenset(bad) if bad else _EMPTY))
    return RowResult(record, tuple(_in_field_order(issues, _POSITIONS[type(record)])))


def parse_row(
    raw: Mapping[str, object],
    kind: RecordKind,
    *,
    version: StandardVersion = StandardVersion.V2018,
    options: ValidationOptions | None = None,
) -> RowResult:
    """Build a record from one raw row keyed by field code, without validating it.

    The first half of :func:`check_row`: values are read as there (text stripped,
    dates, amounts and 行政相对人类别 parsed; a value that cannot be parsed is left
    empty and becomes an issue), but no rule of the standard is checked, so the
    issues are parse issues only (``date.invalid``, ``decimal.invalid``,
    ``code.unknown``, ``field.invalid``, ``code.alias``), in the row's order. For
    readers that need the values and not the standard's verdict on them (the
    lifecycle, ``convert.from_mapping``).

    >>> row = {"CF_XDR_MC": "某某餐饮有限公司", "CF_JDRQ": "2024/13/01", "CF_NR_FK": "0.2"}
    >>> result = parse_row(row, RecordKind.PENALTY)
    >>> result.record.subject_name, result.record.fine_amount, result.record.decision_date
    ('某某餐饮有限公司', Decimal('0.2'), None)
    >>> [(i.code, i.field) for i in result.issues]
    [('date.invalid', 'CF_JDRQ')]
    """
    opts = options or _DEFAULT_OPTIONS
    if kind.__class__ is not RecordKind or version.__class__ is not StandardVersion:
        kind, version = RecordKind(kind), StandardVersion(version)  # "penalty", "2015"
    record, issues, _bad = _parse_row(raw, kind, version, opts)
    return RowResult(record, tuple(issues))


def _parse_row(
    raw: Mapping[str, object],
    kind: RecordKind,
    version: StandardVersion,
    opts: ValidationOptions,
) -> tuple[AnyRecord, list[Issue], list[str]]:
    """Build the record from a row keyed by field code; parse failures become issues.

    Returns the record, the parse issues and the codes of the fields that failed.
    """
    issues: list[Issue] = []
    bad: list[str] = []
    kwargs: dict[str, Any] = {}
    plan = _ROW_PLANS[kind, version].get
    # Walk the row (usually fewer keys than fields); issues are put in field order later.
    for code, value in raw.items():
        if value is None or value == "":
            continue
        entry = plan(code)
        if entry is None:
            continue
        attr, ptype, spec, open_ended = entry
        if type(value) is str:
            if ptype == _P_TEXT:
                text = value.strip()
                if text:
                    kwargs[attr] = text
                continue
            if value.isspace():
                continue
        if ptype == _P_TEXT:
            as_text = _as_text(value)
            if as_text is None:
                bad.append(code)
                _make(issues, opts, "field.invalid", spec)
            elif as_text:
                kwargs[attr] = as_text
        elif ptype == _P_DATE:
            day = _parse_date_text(value) if type(value) is str else _date_or_none(value)
            if day is not None:
                kwargs[attr] = day
            elif open_ended and isinstance(value, str) and value.strip() in OPEN_ENDED_WORDS:
                kwargs[attr] = OPEN_ENDED
            else:
                bad.append(code)
                _make(issues, opts, "date.invalid", spec)
        elif ptype == _P_DECIMAL:
            amount = _amount_or_none(value)
            if amount is None:
                bad.append(code)
                _make(issues, opts, "decimal.invalid", spec)
            else:
                kwargs[attr] = amount
        elif isinstance(value, SubjectCategory):  # _P_ENUM: 行政相对人类别
            kwargs[attr] = value
        else:
            text = value.strip() if isinstance(value, str) else ""
            cat = _CATEGORIES.get(text)
            if cat is None and text:
                cat = opts.subject_category_aliases.get(text)
                if cat is not None:
                    _make(issues, opts, "code.alias", spec, alias=text, value=cat.value)
            if cat is None:
                bad.append(code)
                _make(issues, opts, "code.unknown", spec, allowed=_SUBJECT_CATEGORY_TEXT)
            else:
                kwargs[attr] = cat
    record: AnyRecord = record_class(kind, version)(**kwargs)
    return record, issues, bad


_EMPTY: Final[frozenset[str]] = frozenset()
