"""Masking fails closed: every header style, unclassified fields, numbers, the bundled samples."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure.errors import ValidationError
from credit_disclosure.identifiers import resident_id
from credit_disclosure.io import open_table
from credit_disclosure.privacy import (
    INTERNAL,
    NONE,
    PUBLIC,
    FieldPrivacy,
    Personal,
    UnknownFields,
    ValueKind,
)
from credit_disclosure.samples import sample_path
from credit_disclosure.standard import RecordKind, StandardVersion, fields

_ID = "11010519491231002X"


@pytest.mark.parametrize(
    ("record", "name_key", "id_key"),
    [
        # the reproducer of issue 11: Chinese field names as headers
        ({"行政相对人类别": "自然人", "行政相对人名称": "欧阳娜娜", "证件号码": _ID}, "行政相对人名称", "证件号码"),
        # attribute names
        ({"subject_category": "自然人", "subject_name": "欧阳娜娜", "cert_no": _ID}, "subject_name", "cert_no"),
        # field codes in lower case, with a BOM, full width, padded
        (
            {"\ufeffcf_xdr_lb": "自然人", " CF_XDR_MC ": "欧阳娜娜", "ＣＦ＿ＸＤＲ＿ＺＪＨＭ": _ID},
            " CF_XDR_MC ",
            "ＣＦ＿ＸＤＲ＿ＺＪＨＭ",
        ),
        # licence codes; the 2015 standard's names (no category: a person's)
        ({"XK_XDR_LB": "自然人", "XK_XDR_MC": "欧阳娜娜", "XK_XDR_ZJHM": _ID}, "XK_XDR_MC", "XK_XDR_ZJHM"),
        ({"行政相对人名称": "欧阳娜娜", "居民身份证号": _ID, "处罚名称": "罚款"}, "行政相对人名称", "居民身份证号"),
    ],
)
def test_every_header_style_is_masked(record: dict[str, str], name_key: str, id_key: str) -> None:
    """A person's record is masked whatever header style keys it (the issue's reproducer first)."""
    out = PUBLIC.mask_record(record)
    assert list(out) == list(record)
    assert out[name_key] == "欧阳**"
    assert out[id_key] == "1101**********002X"


def test_passport_type_follows_the_header_style() -> None:
    """证件类型 护照 next to 证件号码 masks the number as a passport, in a licence record too."""
    record = {"许可类别": "普通", "行政相对人类别": "自然人", "证件类型": "护照", "证件号码": "E12345678"}
    assert PUBLIC.mask_record(record)["证件号码"] == "E*****678"
    assert PUBLIC.field_code("证件类型", RecordKind.LICENSE) == "XK_XDR_ZJLX"


def test_the_same_field_twice_is_masked_twice() -> None:
    """A field given by its code and by its Chinese name is masked under both keys."""
    out = PUBLIC.mask_record({"CF_XDR_ZJHM": _ID, "证件号码": _ID, "CF_XDR_LB": "自然人"})
    assert out["CF_XDR_ZJHM"] == out["证件号码"] == "1101**********002X"


@pytest.mark.parametrize(
    ("category", "expected"),
    [
        ("自然人", "***********"),  # a person: masked completely
        (None, "***********"),  # nobody knows whose record it is: a person's
        ("其他", "***********"),  # unknown category text: a person's
        ("法人及非法人组织", "138****5678"),  # an organisation: scrubbed as free text
    ],
)
def test_unclassified_fields_fail_closed(category: str | None, expected: str) -> None:
    """A column the profile cannot classify is masked completely in a record that may be a person's."""
    record = {"CF_XDR_MC": "某某", "联系电话": "13812345678"}
    if category is not None:
        record["CF_XDR_LB"] = category
    assert PUBLIC.mask_record(record)["联系电话"] == expected
    assert PUBLIC.unclassified(record) == ("联系电话",)


def test_unclassified_values_of_any_type_are_masked() -> None:
    """Numbers and dates in an unclassified column of a person's record are masked as text; None stays."""
    from datetime import date

    out = PUBLIC.mask_record({"CF_XDR_LB": "自然人", "a": 13812345678, "b": date(1949, 12, 31), "c": None})
    assert out == {"CF_XDR_LB": "自然人", "a": "***********", "b": "**********", "c": None}


def test_refuse_names_the_field() -> None:
    """UnknownFields.REFUSE raises a coded error naming the unclassified field, for any subject."""
    strict = PUBLIC.evolve(unknown_fields=UnknownFields.REFUSE)
    assert strict.unknown_fields is UnknownFields.REFUSE
    for category in ("自然人", "法人及非法人组织"):
        with pytest.raises(ValidationError) as info:
            strict.mask_record({"CF_XDR_LB": category, "家庭住址": "北京市朝阳区建国路88号"})
        assert info.value.code == "privacy.field_unclassified"
        assert info.value.field == "家庭住址" and "家庭住址" in str(info.value)
    # classified, it is masked by its kind
    described = strict.with_fields({"家庭住址": FieldPrivacy(ValueKind.ADDRESS, Personal.SUBJECT)})
    out = described.mask_record({"CF_XDR_LB": "自然人", "家庭住址": "北京市朝阳区建国路88号"})
    assert out["家庭住址"] == "北京市朝阳区****"
    assert PUBLIC.evolve(unknown_fields="refuse").unknown_fields is UnknownFields.REFUSE


def test_none_profile_shows_unclassified_fields() -> None:
    """The none profile masks nothing, unclassified fields included; internal masks them."""
    record = {"CF_XDR_LB": "自然人", "联系电话": "13812345678"}
    assert NONE.mask_record(record) == record
    assert INTERNAL.mask_record(record)["联系电话"] == "***********"


def test_numbers_in_personal_fields_are_masked() -> None:
    """An identity number held as a number (XLSX, JSON) is masked like its text."""
    out = PUBLIC.mask_record({"CF_XDR_LB": "自然人", "CF_XDR_ZJHM": 110105491231002, "CF_NR_FK": 0.2})
    assert out == {"CF_XDR_LB": "自然人", "CF_XDR_ZJHM": "110*********002", "CF_NR_FK": 0.2}


def test_suspended_permit_number_is_scrubbed() -> None:
    """暂扣或吊销证照名称及编号 may hold a driving licence number, which is an identity number."""
    out = PUBLIC.mask_record({"CF_XDR_LB": "法人及非法人组织", "CF_NR_ZKDX": f"机动车驾驶证{_ID}"})
    assert out["CF_NR_ZKDX"] == "机动车驾驶证1101**********002X"


def test_standard_fields_are_all_classified() -> None:
    """Every field of both standards, in every header style, is classified (none fails closed)."""
    for version in StandardVersion:
        for kind in RecordKind:
            for spec in fields(kind, version):
                keys = (spec.code, spec.name_zh, spec.attr)
                assert PUBLIC.unclassified(keys) == (), (kind, version, spec.code)


_STYLES = st.sampled_from(["code", "name_zh", "attr"])
_PERSONAL_2018 = [f for f in fields(RecordKind.PENALTY) if f.code in PUBLIC.fields]


@given(
    style=_STYLES,
    number=st.integers(0, 2**32 - 1).map(lambda s: resident_id.generate(seed=s)),
    extra=st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=6),
    category=st.sampled_from(["自然人", "", "个体工商户?"]),
)
def test_no_identity_number_survives_a_persons_record(
    style: str, number: str, extra: str, category: str
) -> None:
    """An ID in every field of a person's record, keyed in any style or by an unknown header, never survives."""
    record: dict[str, Any] = {getattr(f, style): number for f in _PERSONAL_2018}
    record[getattr(fields(RecordKind.PENALTY)[1], style)] = category  # 行政相对人类别
    record["扩展" + extra] = number
    out = PUBLIC.mask_record(record)
    for key, value in out.items():
        assert number[4:14] not in str(value), key


def _masked_sample(kind: str) -> tuple[int, int, list[tuple[dict[str, object], dict[str, object]]]]:
    pairs = []
    reported = 0
    with open_table(sample_path(kind)) as reader:
        assert PUBLIC.unclassified(reader.headers) == ()
        for raw in reader:
            if not raw.usable:
                reported += 1
                continue
            pairs.append((dict(raw.values), PUBLIC.mask_record(raw.values)))
        read = len(pairs) + reported + reader.blank_rows
    return read, reported, pairs


@pytest.mark.parametrize("kind", ["license", "penalty"])
def test_bundled_sample_masks_end_to_end(kind: str) -> None:
    """Every row of each bundled sample is masked (or reported unreadable): no ID or person's name survives."""
    read, reported, pairs = _masked_sample(kind)
    assert read == {"license": 200, "penalty": 300}[kind] and reported >= 1
    people = 0
    for before, after in pairs:
        assert list(after) == list(before)
        codes = {PUBLIC.field_code(k, RecordKind(kind)): k for k in before}
        for code in ("XK_XDR_ZJHM", "CF_XDR_ZJHM", "XK_FR_ZJHM", "CF_FR_ZJHM"):
            key = codes.get(code)
            value = before.get(key) if key else None
            if isinstance(value, str) and len(value) >= 15:
                assert value[4:-4] not in "".join(map(str, after.values()))
        category_key = codes["XK_XDR_LB" if kind == "license" else "CF_XDR_LB"]
        name_key = codes["XK_XDR_MC" if kind == "license" else "CF_XDR_MC"]
        if before[category_key] == "自然人" and len(str(before[name_key])) > 1:
            people += 1
            assert after[name_key] != before[name_key] and "*" in str(after[name_key])
    assert people > 0


def test_identity_number_in_an_organisations_credit_code_is_scrubbed() -> None:
    """A person filed as an organisation with an ID as credit code: the ID is masked, a real code shown."""
    out = PUBLIC.mask_record({"CF_XDR_LB": "法人及非法人组织", "CF_XDR_SHXYM": _ID})
    assert out["CF_XDR_SHXYM"] == "1101**********002X"
    code = "91512081MA62K0260E"
    assert PUBLIC.mask_record({"CF_XDR_LB": "法人及非法人组织", "CF_XDR_SHXYM": code})["CF_XDR_SHXYM"] == code
    # with no category, an ID in the credit-code field does not make the record an organisation's
    assert PUBLIC.mask_record({"CF_XDR_MC": "张三", "CF_XDR_SHXYM": _ID})["CF_XDR_MC"] == "张*"
