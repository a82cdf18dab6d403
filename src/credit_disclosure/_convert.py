"""cattrs converters at the edge: records to and from mappings keyed three ways.

Everything is derived from the field metadata in :mod:`credit_disclosure.standard`:
the keys (field code, Chinese name or attribute name), the value types, and the
headers. Reading accepts any of the three key styles at once and dates in
``YYYY/MM/DD``, ``YYYY-MM-DD`` and ``YYYYMMDD``; writing uses one key style and one
date format (default: field codes and ``YYYY/MM/DD``, the exchange format of 790号).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final, TypeVar

import cattrs
from cattrs.errors import ClassValidationError

from .errors import InvalidComponent, InvalidFormat
from .standard import (
    AnyRecord,
    FieldSpec,
    HeaderResolver,
    License2015Record,
    LicenseRecord,
    Penalty2015Record,
    PenaltyRecord,
    RecordKind,
    StandardVersion,
    ValidationOptions,
    fields,
    parse_row,
)

__all__ = [
    "DateFormat",
    "KeyStyle",
    "format_date",
    "format_value",
    "from_mapping",
    "headers",
    "make_converter",
    "to_mapping",
]

T = TypeVar("T", bound=AnyRecord)

_CLASSES: Final[tuple[type[Any], ...]] = (
    LicenseRecord,
    PenaltyRecord,
    License2015Record,
    Penalty2015Record,
)


class KeyStyle(enum.Enum):
    """Which name keys a written mapping: field code, Chinese name or attribute name.

    >>> [KeyStyle.CODE.key_of(f) for f in fields(RecordKind.PENALTY)[:2]]
    ['CF_XDR_MC', 'CF_XDR_LB']
    >>> KeyStyle.NAME_ZH.key_of(fields(RecordKind.PENALTY)[0])
    '行政相对人名称'
    """

    #: ``CF_WSH``
    CODE = "code"
    #: ``行政处罚决定书文号``
    NAME_ZH = "name_zh"
    #: ``decision_no``
    ATTR = "attr"

    def key_of(self, spec: FieldSpec) -> str:
        """The key of field ``spec`` in this style."""
        value: str = getattr(spec, self.value)
        return value


class DateFormat(enum.Enum):
    """How dates are written. Reading always accepts all three.

    >>> DateFormat.SLASH.value
    '%Y/%m/%d'
    """

    #: ``2024/03/05``: the exchange format of 790号
    SLASH = "%Y/%m/%d"
    #: ``2024-03-05``: ISO 8601
    ISO = "%Y-%m-%d"
    #: ``20240305``
    COMPACT = "%Y%m%d"


def format_date(value: date, date_format: DateFormat = DateFormat.SLASH) -> str:
    """Write ``value`` in ``date_format``.

    >>> format_date(date(2099, 12, 31))
    '2099/12/31'
    >>> format_date(date(2024, 3, 5), DateFormat.COMPACT)
    '20240305'
    """
    # strftime pads years below 1000 inconsistently across platforms; format by hand.
    y, m, d = f"{value.year:04d}", f"{value.month:02d}", f"{value.day:02d}"
    if date_format is DateFormat.SLASH:
        return f"{y}/{m}/{d}"
    if date_format is DateFormat.ISO:
        return f"{y}-{m}-{d}"
    return f"{y}{m}{d}"


def format_value(value: object, date_format: DateFormat = DateFormat.SLASH) -> str:
    """One value as exchange-format text: the one writer of values (records, files, the ledger).

    Dates in ``date_format`` (a ``datetime`` is written as its day), amounts in plain
    decimal notation (never ``2E+3``), code-list values by their text, several values
    (penalty categories) joined with ``;``, parsed values by the text they were read from;
    ``None`` is ``""``.

    >>> from decimal import Decimal
    >>> format_value(date(2024, 3, 5)), format_value(Decimal("0.20")), format_value(None)
    ('2024/03/05', '0.20', '')
    >>> format_value(date(2024, 3, 5), DateFormat.ISO), format_value(Decimal("2E+3"))
    ('2024-03-05', '2000')
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return format_date(value, date_format)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, enum.Enum):
        return format_value(value.value, date_format)
    if isinstance(value, (tuple, list, frozenset, set)):
        return ";".join(format_value(v, date_format) for v in value)
    for attr in ("text", "raw"):  # parsed values that keep their source text
        inner = getattr(value, attr, None)
        if isinstance(inner, str):
            return inner
    return str(value)


def headers(
    kind: RecordKind,
    version: StandardVersion = StandardVersion.V2018,
    keys: KeyStyle = KeyStyle.CODE,
) -> list[str]:
    """The column headers of a file of ``kind`` records, in the standard's order.

    >>> headers(RecordKind.PENALTY)[:3]
    ['CF_XDR_MC', 'CF_XDR_LB', 'CF_XDR_SHXYM']
    >>> headers(RecordKind.LICENSE, keys=KeyStyle.NAME_ZH)[-1]
    '备注'
    """
    return [keys.key_of(f) for f in fields(kind, version)]


def to_mapping(
    record: LicenseRecord | PenaltyRecord | License2015Record | Penalty2015Record,
    *,
    keys: KeyStyle = KeyStyle.CODE,
    date_format: DateFormat = DateFormat.SLASH,
    empty: str | None = None,
) -> dict[str, str | None]:
    """A record as text values keyed by ``keys``, in the standard's order.

    Values as :func:`format_value` writes them (dates in ``date_format``, amounts in
    plain decimal notation, code lists by their value); empty fields become ``empty``
    (pass ``""`` for CSV).

    >>> from decimal import Decimal
    >>> from credit_disclosure.standard import PenaltyRecord
    >>> row = to_mapping(PenaltyRecord(fine_amount=Decimal("0.2"), decision_date=date(2024, 3, 5)))
    >>> row["CF_NR_FK"], row["CF_JDRQ"], row["CF_WSH"]
    ('0.2', '2024/03/05', None)
    """
    out: dict[str, str | None] = {}
    for spec in fields(record.kind, record.version):
        value = getattr(record, spec.attr)
        out[keys.key_of(spec)] = empty if value is None else format_value(value, date_format)
    return out


_LENIENT: Final = ValidationOptions()


def from_mapping(mapping: Mapping[str, object], cls: type[T]) -> T:
    """Build a record of ``cls`` from a mapping keyed in any of the three styles.

    Keys are resolved by :class:`~credit_disclosure.standard.HeaderResolver`, as
    every reader of tables resolves headers (unknown keys are ignored; of two keys
    naming the same field, the first is used); values are parsed as :func:`check_row` does. A
    value that cannot be parsed raises :class:`cattrs.errors.ClassValidationError`
    holding one :class:`~credit_disclosure.errors.ValidationError` per field (each
    with its ``field`` code); the record's rules are not checked here (use
    :func:`~credit_disclosure.standard.validate`).

    >>> from credit_disclosure.standard import LicenseRecord
    >>> r = from_mapping({"行政相对人名称": "某某公司", "valid_to": "20991231",
    ...                   "XK_JDRQ": "2024-03-05"}, LicenseRecord)
    >>> r.subject_name, r.decision_date, r.is_open_ended
    ('某某公司', datetime.date(2024, 3, 5), True)
    >>> try:
    ...     from_mapping({"XK_JDRQ": "2024-02-30"}, LicenseRecord)
    ... except ClassValidationError as exc:
    ...     print([(e.code, e.field) for e in exc.exceptions])
    [('date.invalid', 'XK_JDRQ')]
    """
    kind, version = cls.kind, cls.version
    by_code = HeaderResolver(kind, version).map_row(mapping)
    parsed = parse_row(by_code, kind, version=version, options=_LENIENT)
    record, issues = parsed.record, parsed.issues
    errors: list[Exception] = []
    for issue in issues:
        if issue.is_error:  # a warning (an older category wording) still builds the record
            err_cls = InvalidComponent if issue.code == "code.unknown" else InvalidFormat
            errors.append(
                err_cls(
                    issue.code,
                    message_en=issue.message_en,
                    message_zh=issue.message_zh,
                    field=issue.field,
                )
            )
    if errors:
        raise ClassValidationError(f"While structuring {cls.__name__}", errors, cls)
    assert isinstance(record, cls)
    return record


def make_converter(
    *,
    keys: KeyStyle = KeyStyle.CODE,
    date_format: DateFormat = DateFormat.SLASH,
    empty: str | None = None,
) -> cattrs.Converter:
    """A cattrs converter for the four record classes.

    ``structure`` reads a mapping keyed in any style (see :func:`from_mapping`);
    ``unstructure`` writes with ``keys``, ``date_format`` and ``empty`` (see
    :func:`to_mapping`). Lists of records work as with any cattrs converter.

    >>> from credit_disclosure.standard import PenaltyRecord
    >>> conv = make_converter(keys=KeyStyle.NAME_ZH, empty="")
    >>> rec = conv.structure({"CF_WSH": "京市监罚〔2024〕1号", "处罚决定日期": "2024/03/05"},
    ...                      PenaltyRecord)
    >>> out = conv.unstructure(rec)
    >>> out["行政处罚决定书文号"], out["处罚决定日期"], out["备注"]
    ('京市监罚〔2024〕1号', '2024/03/05', '')
    >>> conv.structure([out], list[PenaltyRecord]) == [rec]
    True
    """
    converter = cattrs.Converter()
    for cls in _CLASSES:
        converter.register_structure_hook(cls, lambda value, cl: from_mapping(value, cl))
        converter.register_unstructure_hook(
            cls,
            lambda record: to_mapping(record, keys=keys, date_format=date_format, empty=empty),
        )
    return converter
