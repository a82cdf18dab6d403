"""Field metadata of the data standard: the one source of truth.

The field table is data: ``standard/data/fields-2018.csv`` and ``fields-2015.csv``,
one row per field (number, code, names, type, length, requirement, code list,
identifier, privacy kind, source article), read once at import. Every other part
of the package (record classes, parsing, validation, headers, kind detection,
the masking profiles of :mod:`credit_disclosure.privacy`, the docs tables) reads
the tables built here. A new field is one row in the file (and, because records
are typed, one attribute on the record class; a test checks that the two agree).

Sources (docs/sources.md): 发改办财金〔2018〕790号 (the 2018 standard, in force
2019-02-01) for the field lists, order, codes and Chinese names; lengths come
from a derived schema and are marked ``certain=False``; the 2015 standard's
field list.
"""

from __future__ import annotations

import csv
import enum
import functools
import io
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from typing import Final

import attrs

from .._text import to_halfwidth
from ..errors import ValidationError
from ._codes import SubjectCategory

__all__ = [
    "FieldSpec",
    "FieldType",
    "HeaderProblem",
    "HeaderResolver",
    "RecordKind",
    "Requirement",
    "RequirementKind",
    "Source",
    "StandardVersion",
    "detect_kind",
    "field_by_code",
    "fields",
    "resolve_header",
    "resolve_kind",
]


class RecordKind(enum.Enum):
    """The two kinds of 双公示 record.

    >>> RecordKind("penalty")
    <RecordKind.PENALTY: 'penalty'>
    """

    #: 行政许可: an administrative licence decision
    LICENSE = "license"
    #: 行政处罚: an administrative penalty decision
    PENALTY = "penalty"


class StandardVersion(enum.Enum):
    """Which version of the national data standard a record follows.

    >>> StandardVersion("2015")
    <StandardVersion.V2015: '2015'>
    """

    #: 发改办财金〔2018〕790号, in force 2019-02-01
    V2018 = "2018"
    #: the 2015 standard that older systems still send
    V2015 = "2015"


class FieldType(enum.Enum):
    """What kind of value a field holds (and so how it is parsed and checked).

    >>> FieldType.DATE.value
    'date'
    """

    #: free text, stored as ``str``
    TEXT = "text"
    #: a value from a closed code list, stored as an enum member
    ENUM = "enum"
    #: a value from a code list that also allows named "other" values, stored as ``str``
    CODE = "code"
    #: an identifier (credit code, organisation code, ID number), stored compact as ``str``
    IDENTIFIER = "identifier"
    #: a calendar date, stored as :class:`datetime.date`
    DATE = "date"
    #: an amount in 万元 (10,000 yuan), stored as :class:`decimal.Decimal`
    DECIMAL = "decimal"


class RequirementKind(enum.Enum):
    """How strongly the standard asks for a field.

    >>> RequirementKind.REQUIRED_FOR.value
    'required_for'
    """

    #: always required
    REQUIRED = "required"
    #: required for the subject categories listed in :attr:`Requirement.categories`
    REQUIRED_FOR = "required_for"
    #: required when another field has a given value (see :attr:`Requirement.text`)
    CONDITIONAL = "conditional"
    #: optional
    OPTIONAL = "optional"


@attrs.frozen
class Requirement:
    """The requirement rule of a field, with a human-readable text.

    >>> r = Requirement(RequirementKind.REQUIRED_FOR,
    ...                 frozenset({SubjectCategory.NATURAL_PERSON}), "required for 自然人")
    >>> r.applies_to(SubjectCategory.NATURAL_PERSON), r.applies_to(None)
    (True, False)
    """

    kind: RequirementKind
    #: the subject categories a ``REQUIRED_FOR`` rule applies to
    categories: frozenset[SubjectCategory] = frozenset()
    #: the rule in words (English; Chinese names of values kept as written)
    text: str = ""

    def applies_to(self, category: SubjectCategory | None) -> bool:
        """Whether the field is unconditionally required for a subject of ``category``.

        ``CONDITIONAL`` and ``OPTIONAL`` rules return ``False``: the validator
        decides conditional ones from the other fields.

        >>> Requirement(RequirementKind.REQUIRED).applies_to(None)
        True
        """
        if self.kind is RequirementKind.REQUIRED:
            return True
        if self.kind is RequirementKind.REQUIRED_FOR:
            return category in self.categories
        return False


@attrs.frozen
class Source:
    """Where a field or rule comes from: a document and the article or item in it.

    >>> str(Source("发改办财金〔2018〕790号", "行政处罚 第14项"))
    '发改办财金〔2018〕790号 行政处罚 第14项'
    """

    document: str
    article: str = ""

    def __str__(self) -> str:
        return f"{self.document} {self.article}".strip()


@attrs.frozen
class FieldSpec:
    """One field of a record in the data standard.

    >>> spec = field_by_code("CF_WSH", RecordKind.PENALTY)
    >>> spec.name_zh, spec.attr, spec.type.value, spec.length
    ('行政处罚决定书文号', 'decision_no', 'text', 128)
    >>> spec.requirement.kind
    <RequirementKind.REQUIRED: 'required'>
    """

    #: the field code of the exchange format, e.g. ``CF_WSH``
    code: str
    #: the Chinese name, e.g. ``行政处罚决定书文号``
    name_zh: str
    #: the attribute name on the record class, e.g. ``decision_no``
    attr: str
    type: FieldType
    #: maximum length in characters, when known
    length: int | None
    requirement: Requirement
    source: Source
    #: ``False`` when a part of this row (length, rule) is not confirmed by the sources
    certain: bool = True
    #: the English name
    name_en: str = ""
    #: for ``IDENTIFIER`` fields: the identifiers module that checks it (``uscc``, ...)
    identifier: str | None = None
    #: 1-based position in the standard's field list
    position: int = 0
    #: the code list of ``ENUM`` and ``CODE`` fields: the name of its enum in
    #: :mod:`credit_disclosure.standard` (``SubjectCategory``, ``PenaltyType``, ...)
    code_list: str | None = None
    #: what kind of personal or registration data the field holds, as the masking
    #: rules name it (a :class:`credit_disclosure.privacy.ValueKind` value:
    #: ``name``, ``id_number``, ``uscc``, ``org_code``, ``text``); ``None``: never masked
    privacy: str | None = None
    #: when the value is personal information (a :class:`credit_disclosure.privacy.Personal`
    #: value: ``always``, ``subject``, ``never``); set together with :attr:`privacy`
    personal: str | None = None
    #: the field holding the document type of an identity number (``CF_XDR_ZJLX``)
    type_field: str | None = None
    #: a date field where 2099/12/31 or 长期 means open-ended (有效期至, 处罚有效期)
    open_ended: bool = False


# --- the tables ------------------------------------------------------------------
#
# One CSV file per standard version in ``standard/data/`` (``fields-2018.csv``,
# ``fields-2015.csv``), one row per field; see docs/standard.md "The field table".
# Everything else derives from it: records are checked against it, validation
# plans, header look-up and kind detection are built from it below, the masking
# profiles read its privacy columns, and scripts/gen_field_tables.py renders the
# docs tables from it.

_COLUMNS: Final = (
    "kind",
    "number",
    "code",
    "name_zh",
    "name_en",
    "attr",
    "type",
    "length",
    "requirement",
    "required_for",
    "rule",
    "code_list",
    "identifier",
    "privacy",
    "personal",
    "type_field",
    "open_ended",
    "certain",
    "document",
    "article",
)


def _spec(row: dict[str, str], where: str) -> tuple[RecordKind, FieldSpec]:
    try:
        categories = frozenset(
            SubjectCategory(c) for c in row["required_for"].split(";") if c
        )
        spec = FieldSpec(
            code=row["code"],
            name_zh=row["name_zh"],
            attr=row["attr"],
            type=FieldType(row["type"]),
            length=int(row["length"]) if row["length"] else None,
            requirement=Requirement(RequirementKind(row["requirement"]), categories, row["rule"]),
            source=Source(row["document"], row["article"]),
            certain={"yes": True, "no": False}[row["certain"]],
            name_en=row["name_en"],
            identifier=row["identifier"] or None,
            position=int(row["number"]),
            code_list=row["code_list"] or None,
            privacy=row["privacy"] or None,
            personal=row["personal"] or None,
            type_field=row["type_field"] or None,
            open_ended={"yes": True, "": False}[row["open_ended"]],
        )
        return RecordKind(row["kind"]), spec
    except (KeyError, ValueError) as exc:  # a broken data file is a bug of the package
        raise RuntimeError(f"{where}: bad field row: {exc}") from None


def _load(version: StandardVersion) -> dict[RecordKind, tuple[FieldSpec, ...]]:
    name = f"fields-{version.value}.csv"
    text = (resources.files(__name__.rpartition(".")[0]) / "data" / name).read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != _COLUMNS:
        raise RuntimeError(f"standard/data/{name}: columns must be {', '.join(_COLUMNS)}")
    out: dict[RecordKind, list[FieldSpec]] = {kind: [] for kind in RecordKind}
    for row in reader:
        kind, spec = _spec(row, f"standard/data/{name} line {reader.line_num}")
        if spec.position != len(out[kind]) + 1:
            raise RuntimeError(f"standard/data/{name}: {spec.code} is out of order")
        out[kind].append(spec)
    return {kind: tuple(specs) for kind, specs in out.items()}


_TABLES: Final[dict[tuple[RecordKind, StandardVersion], tuple[FieldSpec, ...]]] = {
    (kind, version): table
    for version in StandardVersion
    for kind, table in _load(version).items()
}


def fields(
    kind: RecordKind, version: StandardVersion = StandardVersion.V2018
) -> tuple[FieldSpec, ...]:
    """The fields of a record of ``kind`` in ``version``, in the standard's order.

    >>> len(fields(RecordKind.LICENSE)), len(fields(RecordKind.PENALTY))
    (28, 30)
    >>> [f.code for f in fields(RecordKind.PENALTY)][:3]
    ['CF_XDR_MC', 'CF_XDR_LB', 'CF_XDR_SHXYM']
    >>> len(fields(RecordKind.PENALTY, StandardVersion.V2015))
    20
    >>> fields("license", "2015") == fields(RecordKind.LICENSE, StandardVersion.V2015)
    True
    """
    return _TABLES[RecordKind(kind), StandardVersion(version)]


_BY_CODE: Final[dict[tuple[RecordKind, StandardVersion], dict[str, FieldSpec]]] = {
    key: {f.code: f for f in table} for key, table in _TABLES.items()
}


def field_by_code(
    code: str, kind: RecordKind, version: StandardVersion = StandardVersion.V2018
) -> FieldSpec:
    """The field with field code ``code``; raises :class:`KeyError` when there is none.

    >>> field_by_code("XK_YXQZI", RecordKind.LICENSE).name_zh
    '有效期至'
    """
    return _BY_CODE[kind, version][code]


# Header look-up: white space, BOM, zero-width characters and full-width forms are
# dropped; codes and attribute names are matched case-insensitively; Chinese names
# also match with ASCII brackets for the full-width ones (罚款金额(万元)).
_STRIP_TABLE: Final[dict[int, int | None]] = dict.fromkeys(
    map(ord, " \t\r\n\v\f\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff\"'"), None
)


def _norm_header(name: str) -> str:
    return to_halfwidth(name).translate(_STRIP_TABLE).casefold()


def _header_index(table: Iterable[FieldSpec]) -> dict[str, FieldSpec]:
    index: dict[str, FieldSpec] = {}
    for f in table:
        for key in (f.code, f.attr, f.name_zh):
            index.setdefault(_norm_header(key), f)
    return index


_HEADERS: Final[dict[tuple[RecordKind, StandardVersion], dict[str, FieldSpec]]] = {
    key: _header_index(table) for key, table in _TABLES.items()
}
# Licence and penalty share 备注 and the subject's Chinese names, so ambiguous
# names are left out of kind detection.
_DISTINCT: Final[dict[tuple[RecordKind, StandardVersion], frozenset[str]]] = {}
for _v in StandardVersion:
    _lic = set(_HEADERS[RecordKind.LICENSE, _v])
    _pen = set(_HEADERS[RecordKind.PENALTY, _v])
    _DISTINCT[RecordKind.LICENSE, _v] = frozenset(_lic - _pen)
    _DISTINCT[RecordKind.PENALTY, _v] = frozenset(_pen - _lic)


@functools.lru_cache(maxsize=1024)
def _resolve(name: str, kind: RecordKind, version: StandardVersion) -> FieldSpec | None:
    return _HEADERS[kind, version].get(_norm_header(name))


def resolve_header(
    name: object, kind: RecordKind, version: StandardVersion = StandardVersion.V2018
) -> FieldSpec | None:
    """The field a column header names: field code, Chinese name or attribute name.

    Tolerates surrounding white space, a byte-order mark, full-width characters,
    and the case of codes and attribute names. Returns ``None`` for an unknown
    header, and for a key that is not text.

    >>> resolve_header("\\ufeff cf_wsh ", RecordKind.PENALTY).code
    'CF_WSH'
    >>> resolve_header("罚款金额(万元)", RecordKind.PENALTY).code
    'CF_NR_FK'
    >>> resolve_header("fine_amount", RecordKind.PENALTY).name_zh
    '罚款金额（万元）'
    >>> resolve_header("ＸＫ＿ＷＳＨ", RecordKind.LICENSE).attr
    'decision_no'
    >>> resolve_header("nonsense", RecordKind.LICENSE) is None
    True
    >>> resolve_header(3, RecordKind.LICENSE) is None  # a spreadsheet's numbered column
    True
    """
    if not isinstance(name, str):
        return None
    return _resolve(name, kind, version)


def detect_kind(
    headers: Iterable[str], version: StandardVersion = StandardVersion.V2018
) -> RecordKind | None:
    """Guess whether a file with these column headers holds licences or penalties.

    Counts the headers that only one kind has; ``None`` when neither wins.

    >>> detect_kind(["CF_WSH", "CF_XDR_MC", "处罚类别"])
    <RecordKind.PENALTY: 'penalty'>
    >>> detect_kind(["行政相对人名称", "许可类别", "xk_wsh"])
    <RecordKind.LICENSE: 'license'>
    >>> detect_kind(["备注"]) is None
    True
    """
    counts = dict.fromkeys(RecordKind, 0)
    for header in headers:
        key = _norm_header(header)
        for kind in RecordKind:
            if key in _DISTINCT[kind, version]:
                counts[kind] += 1
    lic, pen = counts[RecordKind.LICENSE], counts[RecordKind.PENALTY]
    if lic == pen:
        return None
    return RecordKind.LICENSE if lic > pen else RecordKind.PENALTY


def resolve_kind(
    headers: Iterable[str],
    kind: RecordKind | str | None = None,
    version: StandardVersion = StandardVersion.V2018,
) -> RecordKind:
    """The kind of the records under these headers: ``kind`` when given, else detected.

    The one rule every reader of tables follows (the batch check, the quality
    metrics, the pandas and Spark paths): ``kind`` may be text (``"penalty"``);
    when it is ``None`` and :func:`detect_kind` cannot tell, the error is a
    :class:`~credit_disclosure.errors.ValidationError` (also a
    :class:`ValueError`) with code ``file.kind``, never a guess.

    >>> resolve_kind(["CF_WSH", "CF_XDR_MC"]), resolve_kind([], "license")
    (<RecordKind.PENALTY: 'penalty'>, <RecordKind.LICENSE: 'license'>)
    >>> resolve_kind(["备注"])
    Traceback (most recent call last):
        ...
    credit_disclosure.errors.ValidationError: file.kind: the headers do not say whether the file holds licences or penalties: pass kind (无法根据表头判断是行政许可还是行政处罚数据，请指定类型)
    """
    if kind is not None:
        return RecordKind(kind)
    found = detect_kind(headers, version)
    if found is None:  # rows without a kind could not be checked: never drop them
        raise ValidationError(
            "file.kind",
            message_en="the headers do not say whether the file holds licences or "
            "penalties: pass kind",
            message_zh="无法根据表头判断是行政许可还是行政处罚数据，请指定类型",
        )
    return found


@attrs.frozen
class HeaderProblem:
    """A column header that names no field, or a field an earlier column already names.

    ``code`` is ``header.unknown`` (``field`` and ``first`` are ``None``) or
    ``header.duplicate`` (``field`` is the field code, ``first`` the 1-based column
    that named it first and is used). ``header`` is the header as written, or
    ``"…"`` when no header of the row names a field (the "header" is then a first
    row of data, which may be personal); it is left out of the ``repr``.

    >>> HeaderProblem("header.duplicate", column=3, header="CF_WSH", field="CF_WSH", first=1)
    HeaderProblem(code='header.duplicate', column=3, field='CF_WSH', first=1)
    """

    code: str
    column: int
    header: object = attrs.field(repr=False)
    field: str | None = None
    first: int | None = None


class HeaderResolver:
    """Map a table's headers to field codes, once per distinct header: the one rule of every reader.

    The batch check, ``check_rows``, the quality metrics, the pandas and Spark paths and
    :func:`credit_disclosure.convert.from_mapping` all resolve columns with it. A header is
    resolved with :func:`resolve_header`; of two columns naming the same field the first is
    used and the second is a ``header.duplicate`` problem; a header naming no field is a
    ``header.unknown`` problem (a blank header is ignored silently). Problems go to
    ``on_problem`` (default: dropped) as :class:`HeaderProblem` values, each once.

    >>> seen = []
    >>> r = HeaderResolver(RecordKind.PENALTY, on_problem=seen.append)
    >>> r.resolve_all(["CF_WSH", "行政处罚决定书文号", "联系电话"])
    >>> r.columns()
    (('CF_WSH', 'CF_WSH'),)
    >>> [(p.code, p.column, p.first) for p in seen]
    [('header.duplicate', 2, 1), ('header.unknown', 3, None)]
    >>> r.map_row({"CF_WSH": "A-1", "行政处罚决定书文号": "B-2", "联系电话": "x"})
    {'CF_WSH': 'A-1'}
    """

    def __init__(
        self,
        kind: RecordKind | str,
        version: StandardVersion | str = StandardVersion.V2018,
        on_problem: Callable[[HeaderProblem], None] | None = None,
    ) -> None:
        self.kind = RecordKind(kind)
        self.version = StandardVersion(version)
        self._on_problem = on_problem
        # keys are header texts; in-memory rows may have other keys, e.g. numbers
        self.codes: dict[object, str | None] = {}
        self._claimed: dict[str, int] = {}  # field code -> 1-based column that claimed it
        self._held: list[HeaderProblem] | None = None  # unknown headers held by resolve_all

    def _report(self, problem: HeaderProblem) -> None:
        if self._on_problem is not None:
            self._on_problem(problem)

    def ignore(self, header: object) -> None:
        """Map ``header`` to no field without a problem (a column read for another purpose).

        >>> r = HeaderResolver("penalty")
        >>> r.ignore("公示日期"); r.resolve("公示日期", 1) is None
        True
        """
        self.codes.setdefault(header, None)

    def resolve(self, header: object, column: int) -> str | None:
        """The field code of ``header`` in 1-based ``column`` (``None``: unknown, blank or repeated).

        >>> HeaderResolver("license").resolve("行政许可决定文书号", 1)
        'XK_WSH'
        """
        if header in self.codes:
            return self.codes[header]
        code: str | None = None
        if not isinstance(header, str) or header.strip():
            spec = resolve_header(header, self.kind, self.version)
            if spec is None:
                # While reading the header row, hold these back: if no header names a field,
                # the "header" is a first row of data and must not be quoted (names, IDs).
                problem = HeaderProblem("header.unknown", column=column, header=header)
                if self._held is not None:
                    self._held.append(problem)
                else:
                    self._report(problem)
            elif spec.code in self._claimed:
                self._report(self._duplicate(spec.code, column, header))
            else:
                self._claimed[spec.code] = column
                code = spec.code
        self.codes[header] = code
        return code

    def _duplicate(self, code: str, column: int, header: object) -> HeaderProblem:
        return HeaderProblem(
            "header.duplicate", column=column, header=header, field=code, first=self._claimed[code]
        )

    def resolve_all(self, headers: Iterable[object]) -> None:
        """Resolve a header row (columns numbered from 1), reporting its problems in order.

        When no header names a field, the unknown ones are reported with ``header`` ``"…"``.
        """
        self._held = []
        try:
            for column, header in enumerate(headers, start=1):
                if header in self.codes:
                    code = self.codes[header]
                    if code is not None and not (isinstance(header, str) and not header.strip()):
                        self._report(self._duplicate(code, column, header))
                    continue
                self.resolve(header, column)
        finally:
            held, self._held = self._held, None
        hidden = not self._claimed  # no field named at all: a table without a header row
        for problem in held:
            self._report(attrs.evolve(problem, header="…") if hidden else problem)

    def columns(self) -> tuple[tuple[object, str], ...]:
        """(header, field code) of every header resolved to a field, in the order first seen."""
        return tuple((h, c) for h, c in self.codes.items() if c is not None)

    def map_row(self, values: Mapping[str, object]) -> dict[str, object]:
        """A row keyed by headers as a row keyed by field codes (other columns dropped).

        Headers not seen before are resolved here, numbered by their place in ``values``.
        """
        codes = self.codes
        try:
            raw = {codes[k]: v for k, v in values.items()}
        except KeyError:
            for column, key in enumerate(values, start=1):
                if key not in codes:
                    self.resolve(key, column)
            raw = {codes[k]: v for k, v in values.items()}
        raw.pop(None, None)
        return raw  # type: ignore[return-value]  # None was popped: the keys are codes
