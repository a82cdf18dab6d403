"""Field metadata: the standard's field lists, header resolution and kind detection."""

from __future__ import annotations

import csv
import enum
import typing
from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from credit_disclosure import standard
from credit_disclosure.privacy import DEFAULT_FIELD_PRIVACY, Personal, ValueKind
from credit_disclosure.standard import (
    FieldType,
    RecordKind,
    Requirement,
    RequirementKind,
    StandardVersion,
    SubjectCategory,
    detect_kind,
    field_by_code,
    fields,
    record_class,
    resolve_header,
)

ALL = [(k, v) for k in RecordKind for v in StandardVersion]


@pytest.mark.parametrize(
    ("kind", "version", "count"),
    [
        (RecordKind.LICENSE, StandardVersion.V2018, 28),
        (RecordKind.PENALTY, StandardVersion.V2018, 30),
        (RecordKind.LICENSE, StandardVersion.V2015, 18),
        (RecordKind.PENALTY, StandardVersion.V2015, 20),
    ],
)
def test_field_counts(kind: RecordKind, version: StandardVersion, count: int) -> None:
    """Each record has as many fields as the standard lists (790号: 28 and 30)."""
    assert len(fields(kind, version)) == count


@pytest.mark.parametrize(
    ("kind", "position", "code", "name_zh"),
    [
        (RecordKind.LICENSE, 1, "XK_XDR_MC", "行政相对人名称"),
        (RecordKind.LICENSE, 15, "XK_WSH", "行政许可决定文书号"),
        (RecordKind.LICENSE, 22, "XK_YXQZI", "有效期至"),
        (RecordKind.LICENSE, 26, "XK_LYDW", "数据来源单位"),
        (RecordKind.LICENSE, 28, "BZ", "备注"),
        (RecordKind.PENALTY, 14, "CF_WSH", "行政处罚决定书文号"),
        (RecordKind.PENALTY, 18, "CF_CFLB", "处罚类别"),
        (RecordKind.PENALTY, 20, "CF_NR_FK", "罚款金额（万元）"),
        (RecordKind.PENALTY, 28, "CF_SJLY", "数据来源单位"),
        (RecordKind.PENALTY, 29, "CF_SJLYDM", "数据来源单位统一社会信用代码"),
    ],
)
def test_standard_order_and_names(kind: RecordKind, position: int, code: str, name_zh: str) -> None:
    """Fields sit at the standard's position with its code and Chinese name (REFERENCE.md 2.1-2.2)."""
    spec = fields(kind)[position - 1]
    assert (spec.code, spec.name_zh, spec.position) == (code, name_zh, position)


@pytest.mark.parametrize(("kind", "version"), ALL)
def test_codes_and_attrs_unique(kind: RecordKind, version: StandardVersion) -> None:
    """Within a record, field codes, Chinese names and attribute names are unique."""
    table = fields(kind, version)
    for key in ("code", "name_zh", "attr"):
        values = [getattr(f, key) for f in table]
        assert len(values) == len(set(values)), key


_TYPES = {
    FieldType.TEXT: str,
    FieldType.CODE: str,
    FieldType.IDENTIFIER: str,
    FieldType.DATE: date,
    FieldType.DECIMAL: Decimal,
    FieldType.ENUM: SubjectCategory,
}


@pytest.mark.parametrize(("kind", "version"), ALL)
def test_record_class_follows_metadata(kind: RecordKind, version: StandardVersion) -> None:
    """The record class has exactly the metadata's attributes, in order, with matching types."""
    cls = record_class(kind, version)
    hints = typing.get_type_hints(cls)
    attributes = attrs.fields(cls)
    assert [a.name for a in attributes] == [f.attr for f in fields(kind, version)]
    for spec in fields(kind, version):
        assert hints[spec.attr] == (_TYPES[spec.type] | None), spec.code
    assert cls.kind is kind and cls.version is version


def test_licence_and_penalty_source_fields_differ() -> None:
    """The data-source fields are XK_LYDW/XK_LYDWDM for licences but CF_SJLY/CF_SJLYDM for penalties."""
    assert field_by_code("XK_LYDWDM", RecordKind.LICENSE).identifier == "uscc"
    assert field_by_code("CF_SJLYDM", RecordKind.PENALTY).identifier == "uscc"
    assert resolve_header("XK_LYDW", RecordKind.PENALTY) is None


def test_every_field_has_a_source() -> None:
    """Every field cites the document and item it comes from."""
    for kind, version in ALL:
        for spec in fields(kind, version):
            assert spec.source.document
            assert f"第{spec.position}项" in spec.source.article


@pytest.mark.parametrize(
    ("header", "kind", "code"),
    [
        ("CF_WSH", RecordKind.PENALTY, "CF_WSH"),
        ("cf_wsh", RecordKind.PENALTY, "CF_WSH"),
        ("\ufeffCF_XDR_MC", RecordKind.PENALTY, "CF_XDR_MC"),
        ("  处罚类别\u3000", RecordKind.PENALTY, "CF_CFLB"),
        ("罚款金额(万元)", RecordKind.PENALTY, "CF_NR_FK"),
        ("罚款金额（万元）", RecordKind.PENALTY, "CF_NR_FK"),
        ("Decision_Date", RecordKind.PENALTY, "CF_JDRQ"),
        ("ＸＫ＿ＹＸＱＺＩ", RecordKind.LICENSE, "XK_YXQZI"),
        ("有效期至", RecordKind.LICENSE, "XK_YXQZI"),
        ("备注", RecordKind.LICENSE, "BZ"),
        ("source_unit_code", RecordKind.LICENSE, "XK_LYDWDM"),
    ],
)
def test_resolve_header(header: str, kind: RecordKind, code: str) -> None:
    """Headers resolve by code, Chinese name or attribute, whatever the width, case or BOM."""
    spec = resolve_header(header, kind)
    assert spec is not None and spec.code == code


@pytest.mark.parametrize("header", ["", "处罚", "CF_WSH2", "XK_WSH "])
def test_resolve_header_unknown(header: str) -> None:
    """Headers that name no penalty field resolve to None."""
    assert resolve_header(header, RecordKind.PENALTY) is None


def test_resolve_header_2015() -> None:
    """The 2015 field list has its own codes (CF_CFLB1, XK_XMMC)."""
    spec = resolve_header("处罚类别1", RecordKind.PENALTY, StandardVersion.V2015)
    assert spec is not None and spec.code == "CF_CFLB1"
    assert resolve_header("CF_CFLB1", RecordKind.PENALTY) is None


@pytest.mark.parametrize(("kind", "version"), ALL)
def test_detect_kind_from_own_headers(kind: RecordKind, version: StandardVersion) -> None:
    """A file with a record's full header row in any key style is detected as that kind."""
    for key in ("code", "name_zh", "attr"):
        headers = [getattr(f, key) for f in fields(kind, version)]
        assert detect_kind(headers, version) is kind, key


def test_detect_kind_undecided() -> None:
    """Headers shared by both kinds, or none at all, give None."""
    assert detect_kind([]) is None
    assert detect_kind(["行政相对人名称", "备注", "remarks"]) is None


def test_requirement_applies_to() -> None:
    """REQUIRED applies always, REQUIRED_FOR only to its categories, the others never."""
    np = frozenset({SubjectCategory.NATURAL_PERSON})
    assert Requirement(RequirementKind.REQUIRED).applies_to(SubjectCategory.LEGAL_PERSON)
    assert Requirement(RequirementKind.REQUIRED_FOR, np).applies_to(SubjectCategory.NATURAL_PERSON)
    assert not Requirement(RequirementKind.REQUIRED_FOR, np).applies_to(None)
    assert not Requirement(RequirementKind.OPTIONAL).applies_to(SubjectCategory.NATURAL_PERSON)
    assert not Requirement(RequirementKind.CONDITIONAL).applies_to(SubjectCategory.NATURAL_PERSON)


def test_uncertain_rows_marked() -> None:
    """Rows REFERENCE.md marks uncertain (lengths, 法定代表人证件号码, 当前状态) say so."""
    assert not field_by_code("CF_FR_ZJHM", RecordKind.PENALTY).certain
    assert not field_by_code("XK_ZT", RecordKind.LICENSE).certain
    assert not field_by_code("CF_WSH", RecordKind.PENALTY).certain  # length from a derived schema
    assert field_by_code("CF_JDRQ", RecordKind.PENALTY).certain


DATA = Path(__file__).resolve().parents[2] / "src" / "credit_disclosure" / "standard" / "data"


@pytest.mark.parametrize("version", list(StandardVersion))
def test_field_table_is_the_data_file(version: StandardVersion) -> None:
    """fields() returns the rows of standard/data/fields-<version>.csv, in file order."""
    with (DATA / f"fields-{version.value}.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    expected = [(r["kind"], int(r["number"]), r["code"], r["attr"]) for r in rows]
    got = [(k.value, f.position, f.code, f.attr) for k in RecordKind for f in fields(k, version)]
    assert got == expected


@pytest.mark.parametrize(("kind", "version"), ALL)
def test_code_lists_name_standard_enums(kind: RecordKind, version: StandardVersion) -> None:
    """Every code_list names an enum exported by credit_disclosure.standard; ENUM fields have one."""
    for f in fields(kind, version):
        if f.type is FieldType.ENUM:
            assert f.code_list is not None
        if f.code_list is not None:
            assert f.type in (FieldType.ENUM, FieldType.CODE), f.code
            assert isinstance(getattr(standard, f.code_list), enum.EnumMeta), f.code


@pytest.mark.parametrize(("kind", "version"), ALL)
def test_privacy_columns_are_masking_kinds(kind: RecordKind, version: StandardVersion) -> None:
    """privacy/personal hold ValueKind/Personal values, together; type_field names a field."""
    codes = {f.code for f in fields(kind, version)}
    for f in fields(kind, version):
        assert (f.privacy is None) == (f.personal is None), f.code
        if f.privacy is not None:
            ValueKind(f.privacy)
            Personal(f.personal)
        if f.type_field is not None:
            assert f.type_field in codes and f.privacy == "id_number"


def test_article_matches_number() -> None:
    """A field's source article is its number in the standard's list (第N项)."""
    for kind, version in ALL:
        for f in fields(kind, version):
            assert f.source.article.endswith(f" 第{f.position}项"), f.code


def test_masking_defaults_derive_from_the_field_table() -> None:
    """DEFAULT_FIELD_PRIVACY is the field table's privacy columns, with the field's source."""
    for kind, version in ALL:
        for f in fields(kind, version):
            fp = DEFAULT_FIELD_PRIVACY.get(f.code)
            if f.privacy is None:
                assert fp is None, f.code
                continue
            assert fp is not None
            assert (fp.kind.value, fp.personal.value, fp.type_field) == (
                f.privacy,
                f.personal,
                f.type_field,
            )
    assert DEFAULT_FIELD_PRIVACY["CF_XDR_ZJHM"].source == "发改办财金〔2018〕790号 行政处罚信息 第13项"


def test_resolve_kind_is_the_one_rule() -> None:
    """resolve_kind: the kind given (text too), else detected, else ValidationError file.kind."""
    from credit_disclosure.errors import ValidationError
    from credit_disclosure.quality import compute_metrics
    from credit_disclosure.standard import resolve_kind

    assert resolve_kind(["XK_WSH"]) is RecordKind.LICENSE
    assert resolve_kind(["XK_WSH"], "penalty") is RecordKind.PENALTY
    with pytest.raises(ValidationError) as info:
        resolve_kind(["备注", "x"])
    assert info.value.code == "file.kind" and isinstance(info.value, ValueError)
    with pytest.raises(ValidationError) as again:  # the quality metrics follow the same rule
        compute_metrics([{"备注": "x"}])
    assert again.value.code == "file.kind"


def test_open_ended_fields_are_the_validity_dates() -> None:
    """The open_ended column marks the 有效期 dates where 2099/12/31 or 长期 means open-ended."""
    marked = {
        (k, v, f.code)
        for k in RecordKind
        for v in StandardVersion
        for f in fields(k, v)
        if f.open_ended
    }
    assert {code for _, _, code in marked} == {"XK_YXQZI", "CF_YXQ", "XK_JZQ"}
    for k, v, code in marked:
        assert field_by_code(code, k, v).type is FieldType.DATE
    result = standard.check_row({"XK_YXQZI": "长期"}, RecordKind.LICENSE, as_of=date(2025, 1, 1))
    assert result.record.valid_to == standard.OPEN_ENDED


# --- HeaderResolver: the one mapping of columns to fields --------------------------------------

_HEADER_CASES = [
    # headers, expected (header, code) columns, expected (problem code, column, first)
    (["CF_WSH", "CF_XDR_MC"], [("CF_WSH", "CF_WSH"), ("CF_XDR_MC", "CF_XDR_MC")], []),
    (["CF_WSH", "行政处罚决定书文号"], [("CF_WSH", "CF_WSH")], [("header.duplicate", 2, 1)]),
    (["CF_WSH", "CF_WSH"], [("CF_WSH", "CF_WSH")], [("header.duplicate", 2, 1)]),
    (["联系电话", "CF_WSH"], [("CF_WSH", "CF_WSH")], [("header.unknown", 1, None)]),
    (["", "CF_WSH", " "], [("CF_WSH", "CF_WSH")], []),  # blank headers: ignored silently
    (["联系电话", "联系电话", "CF_WSH"], [("CF_WSH", "CF_WSH")], [("header.unknown", 1, None)]),
]


@pytest.mark.parametrize(("headers", "columns", "problems"), _HEADER_CASES)
def test_header_resolver_maps_first_column_and_reports_the_rest(
    headers: list[str], columns: list[tuple[str, str]], problems: list[tuple[str, int, int | None]]
) -> None:
    seen: list[standard.HeaderProblem] = []
    resolver = standard.HeaderResolver("penalty", on_problem=seen.append)
    resolver.resolve_all(headers)
    assert list(resolver.columns()) == columns
    assert [(p.code, p.column, p.first) for p in seen] == problems
    if len(set(headers)) == len(headers):  # a mapping cannot hold one key twice
        row = resolver.map_row({h: f"v{i}" for i, h in enumerate(headers)})
        assert row == {code: f"v{headers.index(h)}" for h, code in columns}


def test_header_resolver_hides_a_first_row_of_data() -> None:
    """No header names a field: the 'headers' are data and are not quoted in the problems."""
    seen: list[standard.HeaderProblem] = []
    standard.HeaderResolver("penalty", on_problem=seen.append).resolve_all(["张三", "110101"])
    assert [(p.code, p.header) for p in seen] == [("header.unknown", "…")] * 2
    assert "张三" not in repr(seen)


def test_header_resolver_resolves_new_keys_of_later_rows_once() -> None:
    seen: list[standard.HeaderProblem] = []
    resolver = standard.HeaderResolver("license", on_problem=seen.append)
    assert resolver.map_row({"XK_WSH": "a"}) == {"XK_WSH": "a"}
    for _ in range(3):
        assert resolver.map_row({"XK_WSH": "a", "行政许可决定文书号": "b", 7: "c"}) == {"XK_WSH": "a"}
    assert [(p.code, p.column) for p in seen] == [("header.duplicate", 2), ("header.unknown", 3)]


def test_header_resolver_ignores_a_column_read_for_another_purpose() -> None:
    seen: list[standard.HeaderProblem] = []
    resolver = standard.HeaderResolver("penalty", on_problem=seen.append)
    resolver.ignore("CF_WSH")
    resolver.resolve_all(["CF_WSH", "行政处罚决定书文号"])
    assert resolver.columns() == (("行政处罚决定书文号", "CF_WSH"),) and seen == []
