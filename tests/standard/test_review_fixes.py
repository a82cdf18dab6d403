"""Regression tests for bugs found in review of the data standard (one test per bug)."""

from __future__ import annotations

import copy
import re
from datetime import date

import pytest

from credit_disclosure.convert import from_mapping
from credit_disclosure.identifiers import divisions, uscc
from credit_disclosure.standard import (
    DEFAULT_SUBJECT_CATEGORY_ALIASES,
    AnyRecord,
    License2015Record,
    LicenseRecord,
    Penalty2015Record,
    PenaltyRecord,
    RecordKind,
    Severity,
    SubjectCategory,
    ValidationOptions,
    check_row,
    validate,
)

AS_OF = date(2024, 6, 1)
_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def _with_check_char(body: str) -> str:
    """GB 32100-2015: weights 3^i mod 31, check = alphabet[(31 - sum mod 31) mod 31]."""
    total = sum(_ALPHABET.index(c) * pow(3, i, 31) for i, c in enumerate(body))
    return body + _ALPHABET[(31 - total % 31) % 31]


@pytest.fixture
def private_divisions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let a test register division codes without changing them for the other tests."""
    from credit_disclosure.identifiers import _divisions

    for name in ("_RAW", "KNOWN", "RESIDENT_ID", "PROVINCES", "_CACHE", "_SAMPLES"):
        monkeypatch.setattr(_divisions, name, copy.copy(getattr(_divisions, name)))


@pytest.mark.usefixtures("private_divisions")
def test_division_registered_after_a_check_is_accepted(penalty_row: dict[str, object]) -> None:
    """A credit code rejected for its unknown division passes once the division is registered."""
    code = "119907"
    assert divisions.lookup(code) is None
    authority = uscc.generate(org_type="11", division="110101", seed=5)
    body = authority[:2] + code + authority[8:17]
    with_new_division = _with_check_char(body)
    row = dict(penalty_row, CF_CFJGDM=with_new_division)
    before = check_row(row, RecordKind.PENALTY, as_of=AS_OF)
    assert [(i.code, i.field) for i in before.issues] == [("uscc.division", "CF_CFJGDM")]
    divisions.register(code, "新设区", from_year=2024)
    after = check_row(row, RecordKind.PENALTY, as_of=AS_OF)
    assert after.issues == ()


@pytest.mark.parametrize("wording", ["法人及其他组织", "法人", "其他组织", " 法人和其他组织 "])
def test_older_category_wording_is_read_with_a_warning(
    penalty_row: dict[str, object], wording: str
) -> None:
    """An older wording of 行政相对人类别 is read as 法人及非法人组织 with a code.alias warning."""
    result = check_row(dict(penalty_row, CF_XDR_LB=wording), RecordKind.PENALTY, as_of=AS_OF)
    assert result.record is not None
    assert result.record.subject_category is SubjectCategory.LEGAL_PERSON
    assert [(i.code, i.field, i.severity) for i in result.issues] == [
        ("code.alias", "CF_XDR_LB", Severity.WARNING)
    ]
    assert "法人及非法人组织" in result.issues[0].message_en


def test_category_aliases_are_data_the_user_can_change(penalty_row: dict[str, object]) -> None:
    """subject_category_aliases replaces the shipped table: a removed alias is code.unknown again."""
    none = ValidationOptions(subject_category_aliases={})
    row = dict(penalty_row, CF_XDR_LB="法人及其他组织")
    result = check_row(row, RecordKind.PENALTY, as_of=AS_OF, options=none)
    assert ("code.unknown", "CF_XDR_LB") in {(i.code, i.field) for i in result.issues}
    custom = ValidationOptions.from_mapping({"subject_category_aliases": {"个体户": "个体工商户"}})
    assert custom.subject_category_aliases == {"个体户": SubjectCategory.INDIVIDUAL_BUSINESS}
    assert DEFAULT_SUBJECT_CATEGORY_ALIASES["法人及其他组织"] is SubjectCategory.LEGAL_PERSON


def test_from_mapping_builds_a_record_despite_a_warning() -> None:
    """from_mapping raises only for errors: an older category wording still builds the record."""
    rec = from_mapping({"CF_XDR_LB": "法人及其他组织"}, PenaltyRecord)
    assert rec.subject_category is SubjectCategory.LEGAL_PERSON


def test_code_list_messages_name_the_allowed_values(penalty_row: dict[str, object]) -> None:
    """code.unknown says which values the code list allows; penalty_type.unknown names the part."""
    row = dict(penalty_row, CF_XDR_LB="企业", CF_CFLB="警告；罚金")
    issues = {i.code: i for i in check_row(row, RecordKind.PENALTY, as_of=AS_OF).issues}
    assert "法人及非法人组织 / 自然人 / 个体工商户" in issues["code.unknown"].message_en
    assert "法人及非法人组织 / 自然人 / 个体工商户" in issues["code.unknown"].message_zh
    assert issues["penalty_type.unknown"].message_en.endswith(": 罚金")
    lic = check_row({"XK_ZT": "3", "XK_XKLB": "审批"}, RecordKind.LICENSE, as_of=AS_OF)
    messages = [i.message_en for i in lic.issues if i.code == "code.unknown"]
    assert any("普通 / 特许 / 认可 / 核准 / 登记 / 其他 / 其他-…" in m for m in messages)
    assert any("(1 / 2)" in m for m in messages)


@pytest.mark.parametrize(
    "record",
    [
        PenaltyRecord(subject_name="张三丰", subject_category=SubjectCategory.NATURAL_PERSON),
        LicenseRecord(subject_name="张三丰", cert_no="11010519491231002X"),
        Penalty2015Record(subject_name="张三丰", resident_id="11010519491231002X"),
        License2015Record(subject_name="某某公司", legal_rep="张三丰"),
        PenaltyRecord(subject_name="某某公司", legal_rep="张三丰"),
    ],
)
def test_names_of_natural_persons_are_masked_in_repr(record: AnyRecord) -> None:
    """A natural person's name (the subject's, the legal representative's) never shows in repr."""
    text = repr(record)
    assert "张三丰" not in text and "'张**'" in text
    assert "11010519491231002X" not in text


def test_organisation_names_stay_readable_in_repr() -> None:
    """The name of an organisation is public: repr keeps it."""
    record = PenaltyRecord(subject_name="某某公司", subject_category=SubjectCategory.LEGAL_PERSON)
    assert repr(record).startswith("PenaltyRecord(subject_name='某某公司', subject_category=")


@pytest.mark.parametrize(
    ("content", "fine", "code"),
    [
        ("处以5000元罚款", "5000", "amount.yuan_in_wan"),
        ("处5000元的罚款", "5000", "amount.yuan_in_wan"),
        ("处以5000元罚款", "0.5", None),
        ("处以0.5万元罚款", "0.5", None),
        ("处以5000元罚款", "0.6", "amount.mismatch"),
        ("没收违法所得2000元，罚款3000元", "0.3", None),
    ],
)
def test_fine_named_before_the_word_fine(
    penalty_row: dict[str, object], content: str, fine: str, code: str | None
) -> None:
    """处以5000元罚款 (amount before 罚款) is read like 罚款5000元 for the unit checks."""
    row = dict(penalty_row, CF_NR=content, CF_NR_FK=fine)
    found = [i.code for i in check_row(row, RecordKind.PENALTY, as_of=AS_OF).issues]
    assert found == ([code] if code else [])


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (
            PenaltyRecord(subject_category="自然人"),
            "subject_category (CF_XDR_LB) must be SubjectCategory",
        ),  # type: ignore[arg-type]
        (PenaltyRecord(decision_date="2024-01-01"), "decision_date (CF_JDRQ) must be date"),  # type: ignore[arg-type]
        (PenaltyRecord(fine_amount=2000), "fine_amount (CF_NR_FK) must be Decimal"),  # type: ignore[arg-type]
        (LicenseRecord(credit_code=91512081), "credit_code (XK_XDR_SHXYM) must be str"),  # type: ignore[arg-type]
        (Penalty2015Record(decision_date=20160101), "decision_date (CF_JDRQ) must be date"),  # type: ignore[arg-type]
    ],
)
def test_validate_refuses_values_of_the_wrong_type(record: AnyRecord, message: str) -> None:
    """A hand-built record with text for a date or category is a TypeError naming the field.

    Before, a category given as text silently skipped the category rules, and a text date
    failed deep inside with an unrelated comparison error.
    """
    with pytest.raises(TypeError, match=re.escape(message)):
        validate(record, as_of=AS_OF)
