"""Property tests: valid records stay valid through writing and reading, whatever the details."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from credit_disclosure.convert import DateFormat, KeyStyle, to_mapping
from credit_disclosure.identifiers import resident_id, uscc
from credit_disclosure.standard import (
    OPEN_ENDED,
    LicenseRecord,
    PenaltyRecord,
    RecordKind,
    SubjectCategory,
    check_row,
    validate,
)

AS_OF = date(2025, 7, 1)
_names = st.text(alphabet="某甲乙丙丁科技食品有限公司店", min_size=2, max_size=20)
_days = st.dates(min_value=date(2021, 7, 15), max_value=AS_OF)


@st.composite
def valid_penalties(draw: st.DrawFn) -> PenaltyRecord:
    """A penalty on an organisation or an individual business that breaks no rule."""
    seed = draw(st.integers(0, 2**32))
    individual = draw(st.booleans())
    code = uscc.generate(org_type="92" if individual else "91", seed=seed)
    authority = uscc.generate(org_type="11", seed=seed + 1)
    decided = draw(_days)
    yuan = draw(st.integers(1, 10**7))
    return PenaltyRecord(
        subject_name=draw(_names),
        subject_category=(
            SubjectCategory.INDIVIDUAL_BUSINESS if individual else SubjectCategory.LEGAL_PERSON
        ),
        credit_code=code,
        org_code=None if individual else code[8:17],
        legal_rep=None if individual else draw(_names),
        decision_no=f"罚〔{decided.year}〕{seed}号",
        violation_type=draw(_names),
        violation_facts=draw(_names),
        legal_basis=draw(_names),
        penalty_categories=draw(st.sampled_from(["罚款", "警告；罚款", "罚款、没收违法所得"])),
        content=f"罚款{yuan}元",
        fine_amount=Decimal(yuan) / 10000,
        decision_date=decided,
        valid_until=decided + timedelta(days=draw(st.integers(0, 2000))),
        authority=draw(_names),
        authority_code=authority,
        source_unit=draw(_names),
        source_unit_code=authority,
    )


@st.composite
def valid_licences(draw: st.DrawFn) -> LicenseRecord:
    """A licence to a natural person that breaks no rule."""
    seed = draw(st.integers(0, 2**32))
    authority = uscc.generate(org_type="11", seed=seed)
    decided = draw(_days)
    return LicenseRecord(
        subject_name=draw(_names),
        subject_category=SubjectCategory.NATURAL_PERSON,
        cert_type="身份证",
        cert_no=resident_id.generate(seed=seed),
        decision_doc_name=draw(_names),
        decision_no=f"JY{seed}",
        license_category=draw(st.sampled_from(["普通", "核准", "登记", "其他-备案"])),
        content=draw(_names),
        decision_date=decided,
        valid_from=decided,
        valid_to=draw(st.sampled_from([OPEN_ENDED, decided + timedelta(days=1825)])),
        authority=draw(_names),
        authority_code=authority,
        status="1",
        source_unit=draw(_names),
        source_unit_code=authority,
    )


@settings(max_examples=80)
@given(valid_penalties(), st.sampled_from(list(DateFormat)))
def test_valid_penalties_pass_through_csv(rec: PenaltyRecord, fmt: DateFormat) -> None:
    """A valid penalty has no issue, and written as a CSV row it reads back equal and valid."""
    assert validate(rec, as_of=AS_OF) == []
    row = to_mapping(rec, keys=KeyStyle.CODE, date_format=fmt, empty="")
    result = check_row(row, RecordKind.PENALTY, as_of=AS_OF)
    assert result.issues == ()
    assert result.record == rec


@settings(max_examples=80)
@given(valid_licences())
def test_valid_licences_pass_through_csv(rec: LicenseRecord) -> None:
    """A valid licence has no issue, and written as a CSV row it reads back equal and valid."""
    assert validate(rec, as_of=AS_OF) == []
    result = check_row(to_mapping(rec, empty=""), RecordKind.LICENSE, as_of=AS_OF)
    assert result.issues == ()
    assert result.record == rec


@settings(max_examples=60)
@given(valid_penalties(), st.integers(2, 10**6))
def test_fine_written_in_yuan_is_flagged(rec: PenaltyRecord, yuan: int) -> None:
    """Whenever 罚款金额 repeats the yuan figure of 处罚内容, the unit warning appears."""
    import attrs

    wrong = attrs.evolve(rec, content=f"处罚如下：罚款{yuan}元。", fine_amount=Decimal(yuan))
    codes = {i.code for i in validate(wrong, as_of=AS_OF)}
    assert "amount.yuan_in_wan" in codes
