"""Schemas of the data standard, generated from the field table.

Everything here is derived from :func:`credit_disclosure.standard.fields` (names,
order, lengths, requirements), the code lists of :mod:`credit_disclosure.standard`
and a :class:`~credit_disclosure.standard.ValidationOptions` (the configurable
rules: lengths, accepted status codes and certificate types, conditional fields).
The schemas describe a record in its exchange form: one value per field code,
text as an exchange file holds it (dates ``YYYY/MM/DD``, ``YYYY-MM-DD`` or
``YYYYMMDD``; amounts in 万元), an empty optional field as ``""`` or ``null``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final, Literal

from ..identifiers import REGISTRY, uscc
from ..io import IO_ISSUES
from ..standard import (
    ISSUE_CATALOGUE,
    OPEN_ENDED_WORDS,
    PLACEHOLDER_CREDIT_CODE,
    ApprovalCategory2015,
    FieldSpec,
    FieldType,
    LicenseCategory,
    PenaltyCategory2015,
    PenaltyType,
    RecordKind,
    RequirementKind,
    StandardVersion,
    Status2015,
    SubjectCategory,
    ValidationOptions,
    fields,
)

__all__ = [
    "IDENTIFIER_PATTERNS",
    "JSON_SCHEMA_DIALECT",
    "SCHEMA_FILES",
    "data_package",
    "issue_catalogue",
    "json_schema",
    "schema_documents",
    "table_schema",
    "write_schemas",
]

#: The JSON Schema dialect of :func:`json_schema` (draft 2020-12).
JSON_SCHEMA_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"

_USCC_CHAR: Final = f"[{uscc.ALPHABET}]"  # GB 32100-2015: no I, O, S, V, Z
_BIRTH: Final = "(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"

#: The shape of each identifier in its compact form (upper case, no spaces or
#: hyphens), as a regular expression that both ECMA-262 and Python read alike.
#: A shape only: check digits, divisions and dates are for the identifiers
#: subpackage (and :func:`~credit_disclosure.standard.check_row`) to check.
IDENTIFIER_PATTERNS: Final[Mapping[str, str]] = {
    # GB 32100-2015: 18 characters, no I, O, S, V, Z; characters 3-8 a division
    "uscc": f"{_USCC_CHAR}{{2}}[0-9]{{6}}{_USCC_CHAR}{{10}}",
    # GB 11714-1997: 8 characters 0-9 A-Z, then a check character 0-9 or X
    "org_code": "[0-9A-Z]{8}[0-9X]",
    # GS15-2006: 15 digits
    "business_reg_no": "[0-9]{15}",
    # GB 11643-1999: division, birth date, sequence, check character
    "resident_id": f"[1-9][0-9]{{5}}{_BIRTH}[0-9]{{3}}[0-9X]",
    # 国办发〔2018〕81号: a resident ID built on 810000 / 820000 / 830000
    "residence_permit": f"8[123]0000{_BIRTH}[0-9]{{3}}[0-9X]",
    # 2023 card: 9, province, nationality, birth date, sequence, check; older: alpha-3 + 12 digits
    "foreign_permanent_id": f"9[0-9]{{5}}{_BIRTH}[0-9]{{3}}[0-9X]|[A-Z]{{3}}[0-9]{{12}}",
}

#: 证件类型 names -> the identifier module their numbers are checked with (the registry's documents).
_CERT_MODULES: Final[Mapping[str, str]] = {
    doc: kind.name for kind in REGISTRY.values() for doc in kind.documents
}

# --- dates ------------------------------------------------------------------------
# The three forms the standard's date fields are written in (date.invalid names
# them), with real calendar days only: 2023/02/29 does not match, 2024/02/29 does.
_LEAP_YEAR: Final = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"


def _date_pattern(sep: str) -> str:
    s = re.escape(sep) if sep else ""
    days = (
        f"(?:0[13578]|1[02]){s}(?:0[1-9]|[12][0-9]|3[01])"
        f"|(?:0[469]|11){s}(?:0[1-9]|[12][0-9]|30)"
        f"|02{s}(?:0[1-9]|1[0-9]|2[0-8])"
    )
    return f"[0-9]{{4}}{s}(?:{days})|{_LEAP_YEAR}{s}02{s}29"


#: A real date as ``YYYY/MM/DD``, ``YYYY-MM-DD`` or ``YYYYMMDD``.
DATE_PATTERN: Final = "|".join(f"(?:{_date_pattern(sep)})" for sep in ("/", "-", ""))
#: An amount in 万元: a non-negative decimal number.
AMOUNT_PATTERN: Final = r"[0-9]+(?:\.[0-9]+)?"
#: The separators of 处罚类别 parts, and white space around them.
_META: Final = frozenset(".^$*+?()[]{}|\\/")


def _escape(text: str) -> str:
    # re.escape would also escape "-" and " ", which ECMA-262's unicode mode rejects.
    return "".join("\\" + c if c in _META else c for c in text)


def _alternation(values: list[str]) -> str:
    # Longest first, so that a prefix never wins over the whole value in either engine.
    return "|".join(_escape(v) for v in sorted(values, key=lambda v: (-len(v), v)))


def _char_class(chars: str) -> str:
    return "[" + "".join("\\" + c if c in "]\\^-" else c for c in dict.fromkeys(chars)) + "]"


# --- the rules of one field ---------------------------------------------------------

_Kind = Literal["jsonschema", "tableschema"]


class _FieldRule:
    """What a schema says about one field: type, pattern, enum, limits."""

    def __init__(self, spec: FieldSpec, version: StandardVersion, opts: ValidationOptions) -> None:
        self.spec = spec
        self.required = spec.requirement.kind is RequirementKind.REQUIRED
        if spec.code == "CF_YXQ" and opts.penalty_validity_required:
            self.required = True
        self.max_length: int | None = None
        if opts.check_lengths and spec.type not in (FieldType.DATE, FieldType.DECIMAL):
            self.max_length = opts.lengths.get(spec.code, spec.length)
        self.enum: list[str] | None = None  # a closed code list
        self.pattern: str | None = None  # the whole value must match (unanchored here)
        self.number = spec.type is FieldType.DECIMAL
        self._derive(spec, version, opts)

    def _derive(self, spec: FieldSpec, version: StandardVersion, opts: ValidationOptions) -> None:
        # The field table names each field's code list (FieldSpec.code_list): one place.
        code_list = spec.code_list
        if spec.type is FieldType.DATE:
            self.pattern = DATE_PATTERN
            if spec.open_ended:  # 长期 and its synonyms mean open-ended
                self.pattern = f"{DATE_PATTERN}|{_alternation(sorted(OPEN_ENDED_WORDS))}"
        elif spec.type is FieldType.DECIMAL:
            self.pattern = AMOUNT_PATTERN
        elif spec.identifier is not None:
            self.pattern = IDENTIFIER_PATTERNS[spec.identifier]
        elif code_list == "SubjectCategory":
            self.enum = [c.value for c in SubjectCategory]
        elif code_list == "CertificateType":  # the configured names, or 其他-<name>
            names = sorted(set(opts.certificate_types) | set(_CERT_MODULES))
            self.pattern = f"{_alternation(names)}|其他.*"
        elif code_list == "LicenseCategory":
            # 790号 行政许可 第16项: 普通/特许/认可/核准/登记, or 其他 with the category's name
            named = [c.value for c in LicenseCategory if c is not LicenseCategory.OTHER]
            self.pattern = f"{_alternation(named)}|其他.*"
        elif code_list == "LicenseStatus":
            self.enum = sorted(opts.license_status_codes)
        elif code_list == "PenaltyType":
            self.pattern = _penalty_categories_pattern(opts)
        elif code_list == "Status2015":
            self.enum = [s.value for s in Status2015]
        elif code_list == "ApprovalCategory2015":  # the first character is the code
            codes = "".join(c.value for c in ApprovalCategory2015)
            self.pattern = f"[{codes}].*"
        elif code_list == "PenaltyCategory2015":
            codes = "".join(c.value for c in PenaltyCategory2015)
            if spec.length == 1:  # CF_CFLB1 holds one code; CF_CFLB2 a list of them
                self.enum = [c.value for c in PenaltyCategory2015]
            else:
                self.pattern = rf"\s*[{codes}](?:[;；,，、\s]+[{codes}])*[;；,，、\s]*"
        elif code_list is not None:  # a code list this module does not know yet: say so
            raise ValueError(f"no schema rule for code list {code_list} ({spec.code})")


def _penalty_part(opts: ValidationOptions, only: PenaltyType | None = None) -> str:
    names = [t.value for t in PenaltyType if only is None or t is only]
    names += [a for a, types in opts.penalty_type_aliases.items() if only is None or only in types]
    # 第九条 (六): 其他 followed by the name of the other penalty, up to the next separator
    other = f"|其他[^{_char_class(opts.penalty_type_separators)[1:-1]}]*" if only is None else ""
    return f"(?:{_alternation(names)}{other})"


def _penalty_categories_pattern(opts: ValidationOptions) -> str:
    # 处罚类别: 第九条 types (or aliases, or 其他-<name>) joined by any accepted separator.
    seps = _char_class(opts.penalty_type_separators)
    part = _penalty_part(opts)
    return rf"\s*{part}(?:\s*{seps}\s*(?:{part})?)*\s*"


def _fine_named(opts: ValidationOptions) -> str:
    # 处罚类别 names 罚款 as one of its parts (the fine amount is then required).
    seps = _char_class(opts.penalty_type_separators)
    return rf"(?:^|{seps})\s*{_penalty_part(opts, PenaltyType.FINE)}\s*(?:$|{seps})"


# --- JSON Schema ------------------------------------------------------------------


def _property(rule: _FieldRule) -> dict[str, Any]:
    spec = rule.spec
    prop: dict[str, Any] = {
        "title": spec.name_zh,
        "description": f"{spec.name_en}: {spec.requirement.text}",
        "$comment": f"{spec.source}" + ("" if spec.certain else " (partly uncertain: configurable)"),
    }
    optional = not rule.required
    if rule.number:
        prop["type"] = ["string", "number", "null"] if optional else ["string", "number"]
        prop["minimum"] = 0
    else:
        prop["type"] = ["string", "null"] if optional else "string"
    if rule.enum is not None:
        prop["enum"] = [*rule.enum, "", None] if optional else list(rule.enum)
    elif rule.pattern is not None:
        core = f"(?:{rule.pattern})"
        prop["pattern"] = f"^{core}?$" if optional else f"^{core}$"
    elif not optional:
        prop["pattern"] = r"\S"  # not only white space
    if not optional:
        prop["minLength"] = 1
    if rule.max_length is not None:
        prop["maxLength"] = rule.max_length
    return prop


def _non_empty(code: str) -> dict[str, Any]:
    return {
        "required": [code],
        "properties": {code: {"type": ["string", "number"], "minLength": 1, "pattern": r"\S"}},
    }


def _conditions(
    table: tuple[FieldSpec, ...], version: StandardVersion, opts: ValidationOptions
) -> list[dict[str, Any]]:
    """The rules between fields that JSON Schema can say with ``if``/``then``."""
    by_attr = {f.attr: f for f in table}
    rules: list[dict[str, Any]] = []
    if version is not StandardVersion.V2018:
        return rules
    category = by_attr["subject_category"].code
    credit_code = by_attr["credit_code"].code

    def when_category(values: list[str], then: dict[str, Any]) -> dict[str, Any]:
        return {
            "if": {"required": [category], "properties": {category: {"enum": values}}},
            "then": then,
        }

    for f in table:
        req = f.requirement
        if req.kind is RequirementKind.REQUIRED_FOR:
            cats = [c.value for c in SubjectCategory if c in req.categories]
            rules.append(when_category(cats, _non_empty(f.code)))
    if opts.legal_rep_id_required:
        rules.append(
            when_category([SubjectCategory.LEGAL_PERSON.value], _non_empty(by_attr["legal_rep_cert_no"].code))
        )
    # 790号: the placeholder credit code is for 个体工商户 only, and then 工商注册号 is required.
    placeholder = {"required": [credit_code], "properties": {credit_code: {"const": PLACEHOLDER_CREDIT_CODE}}}
    rules.append({"if": placeholder, "then": _non_empty(by_attr["business_reg_no"].code)})
    others = [c.value for c in SubjectCategory if c is not SubjectCategory.INDIVIDUAL_BUSINESS]
    rules.append(
        when_category(
            others, {"properties": {credit_code: {"not": {"const": PLACEHOLDER_CREDIT_CODE}}}}
        )
    )
    # The certificate number's shape follows its certificate type (FieldSpec.type_field).
    for f in table:
        if f.type_field is None:
            continue
        for module in sorted(set(_CERT_MODULES.values())):
            names = sorted(n for n, m in _CERT_MODULES.items() if m == module)
            rules.append(
                {
                    "if": {"required": [f.type_field], "properties": {f.type_field: {"enum": names}}},
                    "then": {
                        "properties": {f.code: {"pattern": f"^(?:{IDENTIFIER_PATTERNS[module]})?$"}}
                    },
                }
            )
    if "penalty_categories" in by_attr and opts.fine_amount_required:
        cflb = by_attr["penalty_categories"].code
        rules.append(
            {
                "if": {
                    "required": [cflb],
                    "properties": {cflb: {"type": "string", "pattern": _fine_named(opts)}},
                },
                "then": _non_empty(by_attr["fine_amount"].code),
            }
        )
    return rules


def _kind_version(
    kind: RecordKind | str, version: StandardVersion | str
) -> tuple[RecordKind, StandardVersion]:
    return RecordKind(kind), StandardVersion(version)


def json_schema(
    kind: RecordKind | str,
    version: StandardVersion | str = StandardVersion.V2018,
    *,
    options: ValidationOptions | None = None,
) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of one record of ``kind`` in ``version``.

    A record is an object keyed by field code; the Chinese names are the
    properties' titles, closed code lists are enums, identifiers and dates have
    patterns, and the rules between fields that JSON Schema can say (required
    for a subject category, the placeholder credit code, the fine amount when
    罚款 is a category, the certificate number's shape) are ``if``/``then``
    clauses. Check digits, dates after the check date and dates out of order
    are beyond a schema: :func:`~credit_disclosure.standard.check_row` checks them.
    ``options`` carries the configurable rules (default: the library's defaults).

    >>> schema = json_schema("penalty")
    >>> schema["$schema"], schema["properties"]["CF_WSH"]["title"]
    ('https://json-schema.org/draft/2020-12/schema', '行政处罚决定书文号')
    >>> schema["properties"]["CF_XDR_LB"]["enum"]
    ['法人及非法人组织', '自然人', '个体工商户']
    >>> "CF_WSH" in schema["required"], "CF_NR_FK" in schema["required"]
    (True, False)
    """
    k, v = _kind_version(kind, version)
    opts = options or ValidationOptions()
    table = fields(k, v)
    rules = [_FieldRule(f, v, opts) for f in table]
    schema: dict[str, Any] = {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": f"urn:credit-disclosure:schema:{v.value}:{k.value}",
        "title": f"{'行政许可' if k is RecordKind.LICENSE else '行政处罚'}信息 ({v.value})",
        "description": (
            f"One {k.value} record of the {v.value} 双公示 data standard ({table[0].source.document}), "
            "keyed by field code. Generated by credit-disclosure from its field table."
        ),
        "type": "object",
        "properties": {r.spec.code: _property(r) for r in rules},
        "required": [r.spec.code for r in rules if r.required],
        "additionalProperties": False,
    }
    conditions = _conditions(table, v, opts)
    if conditions:
        schema["allOf"] = conditions
    return schema


# --- Frictionless Table Schema and Data Package -----------------------------------

Headers = Literal["code", "name_zh"]


def _table_field(rule: _FieldRule, headers: Headers) -> dict[str, Any]:
    spec = rule.spec
    field: dict[str, Any] = {
        "name": spec.code if headers == "code" else spec.name_zh,
        "title": spec.name_zh,
        "description": f"{spec.code}, {spec.name_en}: {spec.requirement.text}. Source: {spec.source}",
        "type": "number" if rule.number else "string",
    }
    constraints: dict[str, Any] = {"required": rule.required}
    if rule.number:
        constraints["minimum"] = 0
    if rule.enum is not None:
        constraints["enum"] = list(rule.enum)
    elif rule.pattern is not None and not rule.number:
        constraints["pattern"] = rule.pattern
    if rule.max_length is not None:
        constraints["maxLength"] = rule.max_length
    field["constraints"] = constraints
    return field


def table_schema(
    kind: RecordKind | str,
    version: StandardVersion | str = StandardVersion.V2018,
    *,
    headers: Headers = "code",
    options: ValidationOptions | None = None,
) -> dict[str, Any]:
    """A Frictionless Table Schema of a CSV file of ``kind`` records in ``version``.

    Fields are in the standard's order, named by field code (``headers="code"``)
    or by Chinese name (``headers="name_zh"``, as many departments' files are);
    the Chinese name is always the title. Amounts are numbers, everything else
    text with the same patterns and code lists as :func:`json_schema`. A Table
    Schema cannot relate fields, so the conditional rules are left to the checker.

    >>> ts = table_schema("license", headers="name_zh")
    >>> ts["fields"][0]["name"], ts["fields"][0]["constraints"]
    ('行政相对人名称', {'required': True, 'maxLength': 200})
    >>> table_schema("penalty")["fields"][19]["type"]
    'number'
    """
    k, v = _kind_version(kind, version)
    opts = options or ValidationOptions()
    rules = [_FieldRule(f, v, opts) for f in fields(k, v)]
    return {
        "fields": [_table_field(r, headers) for r in rules],
        "missingValues": [""],
    }


def data_package(
    version: StandardVersion | str = StandardVersion.V2018,
    *,
    kinds: tuple[RecordKind | str, ...] = tuple(RecordKind),
    headers: Headers = "code",
    encoding: str = "utf-8",
    options: ValidationOptions | None = None,
) -> dict[str, Any]:
    """A Frictionless Data Package with one tabular resource per kind (``license.csv``, ...).

    >>> dp = data_package("2015")
    >>> [(r["name"], r["path"]) for r in dp["resources"]]
    [('license', 'license.csv'), ('penalty', 'penalty.csv')]
    """
    v = StandardVersion(version)
    resources = []
    for kind in kinds:
        k = RecordKind(kind)
        resources.append(
            {
                "name": k.value,
                "path": f"{k.value}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": encoding,
                "schema": table_schema(k, v, headers=headers, options=options),
            }
        )
    return {
        "name": f"shuang-gongshi-{v.value}",
        "title": f"双公示 ({v.value})",
        "description": f"Licence and penalty records of the {v.value} 双公示 data standard. "
        "Generated by credit-disclosure from its field table.",
        "resources": resources,
    }


# --- the issue catalogue ------------------------------------------------------------


def issue_catalogue() -> dict[str, Any]:
    """Every issue code the library reports, as a JSON document: code, severity, zh, en, source.

    Record issues come from :data:`~credit_disclosure.standard.ISSUE_CATALOGUE`
    (identifier families as ``uscc.*``), file issues from
    :data:`~credit_disclosure.io.IO_ISSUES`. Messages are templates
    (``{name}``, ``{field}``, ...).

    >>> doc = issue_catalogue()
    >>> entry = next(i for i in doc["issues"] if i["code"] == "date.future")
    >>> entry["severity"], entry["zh"]
    ('error', '{name}（{field}）晚于检查日期')
    """
    issues: list[dict[str, Any]] = [
        {
            "code": s.code,
            "severity": s.severity.value,
            "zh": s.message_zh,
            "en": s.message_en,
            "meaning": s.meaning,
            "source": s.source,
            "field": s.field,
            "configurable": s.configurable,
            "scope": "record",
        }
        for s in ISSUE_CATALOGUE.values()
    ]
    issues += [
        {
            "code": s.code,
            "severity": s.severity.value,
            "zh": s.message_zh,
            "en": s.message_en,
            "meaning": s.meaning,
            "source": None,
            "field": None,
            "configurable": False,
            "scope": "file",
        }
        for s in IO_ISSUES.values()
    ]
    return {"issues": issues}


# --- the files published in the docs ---------------------------------------------------

#: The schema files :func:`write_schemas` writes, relative to its directory.
SCHEMA_FILES: Final[tuple[str, ...]] = (
    *(
        f"{v.value}/{k.value}.schema.json"
        for v in StandardVersion
        for k in RecordKind
    ),
    *(
        f"{v.value}/{k.value}.tableschema.json"
        for v in StandardVersion
        for k in RecordKind
    ),
    *(f"{v.value}/datapackage.json" for v in StandardVersion),
    "issues.json",
)


def _dump(document: Mapping[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def schema_documents() -> dict[str, str]:
    """The text of every file in :data:`SCHEMA_FILES`, by relative path.

    >>> docs = schema_documents()
    >>> sorted(docs) == sorted(SCHEMA_FILES), json.loads(docs["issues.json"])["issues"][0]["code"]
    (True, 'field.required')
    """
    docs: dict[str, str] = {}
    for v in StandardVersion:
        for k in RecordKind:
            docs[f"{v.value}/{k.value}.schema.json"] = _dump(json_schema(k, v))
            docs[f"{v.value}/{k.value}.tableschema.json"] = _dump(table_schema(k, v))
        docs[f"{v.value}/datapackage.json"] = _dump(data_package(v))
    docs["issues.json"] = _dump(issue_catalogue())
    return {name: docs[name] for name in SCHEMA_FILES}


def write_schemas(directory: str | Path) -> list[Path]:
    """Write every schema file of :data:`SCHEMA_FILES` into ``directory``; return the paths.

    Deterministic: ``scripts/gen_schemas.py`` writes them into ``docs/schemas/``
    and a test checks that the published files are current.

    >>> import tempfile
    >>> [p.name for p in write_schemas(tempfile.mkdtemp())][:2]
    ['license.schema.json', 'penalty.schema.json']
    """
    root = Path(directory)
    written = []
    for name, text in schema_documents().items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
