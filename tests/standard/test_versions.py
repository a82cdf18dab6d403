"""Conversion between the 2015 and 2018 standards, and the report of what did not map."""

from __future__ import annotations

from datetime import date

import pytest

from credit_disclosure.standard import (
    License2015Record,
    LicenseRecord,
    Penalty2015Record,
    PenaltyRecord,
    PenaltyType,
    SubjectCategory,
    parse_penalty_categories,
    to_2015,
    to_2018,
)


def test_penalty_2015_to_2018() -> None:
    """Fields that map are carried over; codes become 第九条 names; the rest is reported."""
    old = Penalty2015Record(
        decision_no="X罚〔2016〕1号",
        penalty_name="违规经营",
        category1="1",
        category2="0",
        reason="事由",
        legal_basis="依据",
        subject_name="某某公司",
        credit_code="91512081MA62K0260E",
        org_code="MA62K0260",
        result="罚款2000元",
        decision_date=date(2016, 5, 1),
        authority="某某局",
        status="0",
        local_code="510100",
    )
    c = to_2018(old)
    new = c.record
    assert isinstance(new, PenaltyRecord)
    assert (new.decision_no, new.violation_facts, new.content) == (
        "X罚〔2016〕1号",
        "事由",
        "罚款2000元",
    )
    assert new.org_code == "MA62K0260" and new.authority == "某某局"
    assert parse_penalty_categories(new.penalty_categories or "").types == (
        PenaltyType.FINE,
        PenaltyType.WARNING,
    )
    assert new.subject_category is SubjectCategory.LEGAL_PERSON
    assert {u.field for u in c.unmapped} == {"CF_CFMC", "DFBM"}
    assert {"CF_WFXW", "CF_CFJGDM", "CF_SJLY", "CF_SJLYDM"} <= set(c.missing)
    assert not c.complete
    assert any("CF_SY" in n for n in c.notes)


@pytest.mark.parametrize(
    ("credit_code", "resident_id", "category"),
    [
        ("91512081MA62K0260E", None, SubjectCategory.LEGAL_PERSON),
        ("00000000000000000X", None, SubjectCategory.INDIVIDUAL_BUSINESS),
        ("92510100MA6CXXXX0X", None, SubjectCategory.INDIVIDUAL_BUSINESS),
        (None, "11010519491231002X", SubjectCategory.NATURAL_PERSON),
        (None, None, None),
    ],
)
def test_subject_category_inferred(
    credit_code: str | None, resident_id: str | None, category: SubjectCategory | None
) -> None:
    """The 2015 standard has no 行政相对人类别: it is inferred from the identifiers given."""
    new = to_2018(Penalty2015Record(credit_code=credit_code, resident_id=resident_id)).record
    assert new.subject_category is category
    if resident_id:
        assert (new.cert_type, new.cert_no) == ("身份证", resident_id)


def test_penalty_bad_codes_reported() -> None:
    """Codes outside the 2015 list are reported, never guessed; 异议 status has no 2018 place."""
    c = to_2018(Penalty2015Record(category1="9", category2="4", status="2"))
    assert {u.field for u in c.unmapped} == {"CF_CFLB1", "CF_ZT"}
    assert c.record.penalty_categories == "暂扣许可证件；吊销许可证件"
    assert any("暂扣或者吊销" in n for n in c.notes)


@pytest.mark.parametrize(
    ("code", "category"),
    [
        ("0", "普通"),
        ("1", "特许"),
        ("2", "认可"),
        ("3", "核准"),
        ("4", "登记"),
        ("5", "其他"),
        ("5-备案", "其他-备案"),
    ],
)
def test_license_category_codes(code: str, category: str) -> None:
    """2015 审批类别 codes become the 2018 许可类别 names (其他 keeps its name)."""
    assert to_2018(License2015Record(approval_category=code)).record.license_category == category


def test_license_2015_to_2018() -> None:
    """A 2015 licence maps its dates, status and subject; 项目名称 has no 2018 field."""
    old = License2015Record(
        decision_no="JY1",
        project_name="食品经营",
        approval_category="4",
        content="内容",
        subject_name="某某公司",
        decision_date=date(2016, 1, 1),
        valid_to=date(2021, 1, 1),
        authority="某某局",
        status="1",
        timestamp="2016-01-02 10:00:00",
    )
    c = to_2018(old)
    assert isinstance(c.record, LicenseRecord)
    assert (c.record.valid_to, c.record.status, c.record.license_category) == (
        date(2021, 1, 1),
        "2",
        "登记",
    )
    assert {u.field for u in c.unmapped} == {"XK_XMMC", "SJC"}
    assert "XK_YXQZ" in c.missing and "XK_XKWS" in c.missing


def test_penalty_2018_to_2015() -> None:
    """第九条 types become 2015 codes (first in CFLB1, the rest in CFLB2); new types become 6."""
    rec = PenaltyRecord(
        penalty_categories="罚款；通报批评；没收违法所得",
        violation_facts="事实",
        content="罚款2000元",
        cert_type="护照号",
        cert_no="E1234567",
        source_unit="某某局",
    )
    c = to_2015(rec)
    assert (c.record.category1, c.record.category2) == ("1", "6,2")
    assert (c.record.reason, c.record.result) == ("事实", "罚款2000元")
    assert c.record.resident_id is None
    assert {u.field for u in c.unmapped} == {"CF_XDR_ZJHM", "CF_SJLY"}
    assert any("通报批评" in n for n in c.notes)
    assert "DFBM" in c.missing and "CF_CFMC" in c.missing


def test_license_round_trip_keeps_mapped_fields() -> None:
    """2018 -> 2015 -> 2018 keeps every field the 2015 standard has."""
    rec = LicenseRecord(
        subject_name="李四",
        subject_category=SubjectCategory.NATURAL_PERSON,
        cert_type="身份证",
        cert_no="11010519491231002X",
        decision_no="JY1",
        license_category="核准",
        content="内容",
        decision_date=date(2024, 1, 1),
        valid_to=date(2099, 12, 31),
        authority="某某局",
        status="1",
    )
    back = to_2018(to_2015(rec).record)
    assert back.record == rec
    assert to_2015(LicenseRecord(license_category="其他-备案")).record.approval_category == "5"
