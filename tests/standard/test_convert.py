"""cattrs converters: records read in any key style and written in one, round trips."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from cattrs.errors import ClassValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from credit_disclosure.convert import (
    DateFormat,
    KeyStyle,
    format_date,
    from_mapping,
    headers,
    make_converter,
    to_mapping,
)
from credit_disclosure.errors import ValidationError
from credit_disclosure.standard import (
    AnyRecord,
    FieldType,
    License2015Record,
    LicenseRecord,
    Penalty2015Record,
    PenaltyRecord,
    SubjectCategory,
    fields,
)

CLASSES = [LicenseRecord, PenaltyRecord, License2015Record, Penalty2015Record]
_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
    min_size=1,
    max_size=12,
)


def _value(ftype: FieldType) -> st.SearchStrategy[object]:
    if ftype is FieldType.DATE:
        return st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))
    if ftype is FieldType.DECIMAL:
        return st.decimals(min_value=-(10**6), max_value=10**6, places=4, allow_nan=False)
    if ftype is FieldType.ENUM:
        return st.sampled_from(list(SubjectCategory))
    return _text


def records(cls: type[AnyRecord]) -> st.SearchStrategy[object]:
    specs = fields(cls.kind, cls.version)
    return st.builds(cls, **{f.attr: st.none() | _value(f.type) for f in specs})


@pytest.mark.parametrize("cls", CLASSES)
@settings(max_examples=60)
@given(data=st.data())
def test_round_trip_every_style(cls: type[AnyRecord], data: st.DataObject) -> None:
    """A record written with any key style and date format reads back equal."""
    rec = data.draw(records(cls))
    keys = data.draw(st.sampled_from(list(KeyStyle)))
    fmt = data.draw(st.sampled_from(list(DateFormat)))
    out = to_mapping(rec, keys=keys, date_format=fmt, empty="")  # type: ignore[arg-type]
    assert list(out) == headers(cls.kind, cls.version, keys)
    assert from_mapping(out, cls) == rec


@pytest.mark.parametrize("cls", CLASSES)
@settings(max_examples=25)
@given(data=st.data())
def test_converter_round_trip(cls: type[AnyRecord], data: st.DataObject) -> None:
    """make_converter's structure and unstructure are inverse for lists of records."""
    recs = data.draw(st.lists(records(cls), max_size=3))
    conv = make_converter(keys=KeyStyle.NAME_ZH, date_format=DateFormat.ISO)
    assert conv.structure(conv.unstructure(recs), list[cls]) == recs  # type: ignore[valid-type]


def test_mixed_key_styles_and_formats() -> None:
    """One mapping may mix codes, Chinese names and attribute names, and the three date formats."""
    rec = from_mapping(
        {
            "CF_WSH": "京市监罚〔2024〕1号",
            "处罚决定日期": "20240305",
            "valid_until": "2027-03-05",
            "公示截止期": "2025/03/05",
            "罚款金额(万元)": " 0.2 ",
            "行政相对人类别": "自然人",
            "unknown column": "ignored",
        },
        PenaltyRecord,
    )
    assert rec.decision_no == "京市监罚〔2024〕1号"
    assert (rec.decision_date, rec.valid_until, rec.publication_end) == (
        date(2024, 3, 5),
        date(2027, 3, 5),
        date(2025, 3, 5),
    )
    assert rec.fine_amount == Decimal("0.2")
    assert rec.subject_category is SubjectCategory.NATURAL_PERSON


def test_open_ended_written_as_2099() -> None:
    """An open-ended licence is written with 有效期至 2099/12/31."""
    rec = from_mapping({"有效期至": "长期"}, LicenseRecord)
    assert rec.is_open_ended
    assert to_mapping(rec)["XK_YXQZI"] == "2099/12/31"


def test_parse_errors_collected_with_fields() -> None:
    """Every unreadable value is reported at once, each error naming its field code."""
    with pytest.raises(ClassValidationError) as info:
        from_mapping(
            {"CF_JDRQ": "2024/02/30", "CF_NR_FK": "两千", "CF_XDR_LB": "公司"}, PenaltyRecord
        )
    errors = info.value.exceptions
    assert all(isinstance(e, ValidationError) for e in errors)
    assert {(e.code, e.field) for e in errors if isinstance(e, ValidationError)} == {
        ("date.invalid", "CF_JDRQ"),
        ("decimal.invalid", "CF_NR_FK"),
        ("code.unknown", "CF_XDR_LB"),
    }


def test_decimal_written_plainly() -> None:
    """Amounts are written in plain notation, never with an exponent."""
    assert to_mapping(PenaltyRecord(fine_amount=Decimal("2E+3")))["CF_NR_FK"] == "2000"


def test_format_date_small_years() -> None:
    """Years below 1000 are zero-padded to four digits in every format."""
    assert format_date(date(999, 1, 2), DateFormat.SLASH) == "0999/01/02"


def test_from_mapping_uses_the_first_of_two_keys_naming_one_field() -> None:
    """The same rule as the batch check (HeaderResolver): the first column naming a field wins."""
    from credit_disclosure.standard import LicenseRecord

    rec = from_mapping({"XK_WSH": "甲-1", "行政许可决定文书号": "乙-2", "备忘": "x"}, LicenseRecord)
    assert rec.decision_no == "甲-1"


def test_from_mapping_builds_a_record_despite_a_warning() -> None:
    """from_mapping raises only for errors: an older category wording still builds the record."""
    rec = from_mapping({"CF_XDR_LB": "法人及其他组织"}, PenaltyRecord)
    assert rec.subject_category is SubjectCategory.LEGAL_PERSON
