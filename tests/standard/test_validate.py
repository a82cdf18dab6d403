"""Record validation and check_row: every rule, its code, field and severity."""

from __future__ import annotations

import copy
import re
from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure.identifiers import divisions, uscc
from credit_disclosure.standard import (
    DEFAULT_SUBJECT_CATEGORY_ALIASES,
    ISSUE_CATALOGUE,
    AnyRecord,
    Issue,
    License2015Record,
    LicenseRecord,
    Penalty2015Record,
    PenaltyRecord,
    RecordKind,
    RowResult,
    Severity,
    StandardVersion,
    SubjectCategory,
    ValidationOptions,
    check_row,
    fields,
    issue_spec,
    parse_row,
    validate,
)

AS_OF = date(2024, 6, 1)


def codes(result: RowResult | list[Issue]) -> set[tuple[str, str | None]]:
    issues = result.issues if isinstance(result, RowResult) else result
    return {(i.code, i.field) for i in issues}


def test_valid_rows_have_no_issues(
    penalty_row: dict[str, object], license_row: dict[str, object]
) -> None:
    """The fixtures' valid records produce no issue at all."""
    assert check_row(penalty_row, RecordKind.PENALTY, as_of=AS_OF).issues == ()
    assert check_row(license_row, RecordKind.LICENSE, as_of=AS_OF).issues == ()


def test_check_row_builds_typed_record(penalty_row: dict[str, object]) -> None:
    """check_row parses dates, amounts and the subject category into typed attributes."""
    rec = check_row(penalty_row, RecordKind.PENALTY, as_of=AS_OF).record
    assert isinstance(rec, PenaltyRecord)
    assert rec.decision_date == date(2024, 3, 5)
    assert rec.fine_amount == Decimal("0.2")
    assert rec.subject_category is SubjectCategory.LEGAL_PERSON
    assert rec.remarks is None  # "" is empty


def test_validate_equals_check_row(penalty_row: dict[str, object]) -> None:
    """validate on the built record reports the same as check_row when every value parsed."""
    row = dict(penalty_row, CF_WSH="", CF_NR_FK="2000")
    result = check_row(row, RecordKind.PENALTY, as_of=AS_OF)
    assert result.record is not None
    assert validate(result.record, as_of=AS_OF) == list(result.issues)


# (mutation of the valid penalty row, expected (code, field) among the issues)
PENALTY_CASES: list[tuple[dict[str, object], tuple[str, str | None]]] = [
    ({"CF_WSH": ""}, ("field.required", "CF_WSH")),
    ({"CF_WSH": "   "}, ("field.required", "CF_WSH")),
    ({"CF_CFJGDM": None}, ("field.required", "CF_CFJGDM")),
    ({"CF_XDR_SHXYM": ""}, ("field.required_for_category", "CF_XDR_SHXYM")),
    ({"CF_FRDB": ""}, ("field.required_for_category", "CF_FRDB")),
    ({"CF_XDR_LB": "企业"}, ("code.unknown", "CF_XDR_LB")),
    ({"CF_XDR_LB": "法人及其他组织"}, ("code.alias", "CF_XDR_LB")),
    ({"CF_XDR_SHXYM": "91512081MA62K0261E"}, ("uscc.checksum", "CF_XDR_SHXYM")),
    ({"CF_XDR_SHXYM": "91512081MA62K026"}, ("uscc.length", "CF_XDR_SHXYM")),
    ({"CF_CFJGDM": "91110000600037341X"}, ("uscc.checksum", "CF_CFJGDM")),
    ({"CF_SJLYDM": "91110000600037341X"}, ("uscc.checksum", "CF_SJLYDM")),
    ({"CF_XDR_ZZJG": "59467239-9"}, ("consistency.uscc_org_code", "CF_XDR_ZZJG")),
    ({"CF_XDR_ZZJG": "59467239-8"}, ("org_code.checksum", "CF_XDR_ZZJG")),
    ({"CF_XDR_SHXYM": "00000000000000000X"}, ("credit_code.placeholder_category", "CF_XDR_SHXYM")),
    ({"CF_XDR_LB": "个体工商户"}, ("consistency.category_uscc", "CF_XDR_SHXYM")),
    ({"CF_JDRQ": "2024/02/30"}, ("date.invalid", "CF_JDRQ")),
    ({"CF_JDRQ": "2024/07/01"}, ("date.future", "CF_JDRQ")),
    ({"CF_YXQ": "2023/01/01"}, ("date.order", "CF_YXQ")),
    ({"CF_GSJZQ": "2024/03/04"}, ("date.order", "CF_GSJZQ")),
    ({"CF_NR_FK": "两千"}, ("decimal.invalid", "CF_NR_FK")),
    ({"CF_NR_FK": "-1"}, ("amount.negative", "CF_NR_FK")),
    ({"CF_NR_FK": "20000"}, ("amount.large", "CF_NR_FK")),
    ({"CF_NR_FK": "2000"}, ("amount.yuan_in_wan", "CF_NR_FK")),
    ({"CF_NR_FK": "0.3"}, ("amount.mismatch", "CF_NR_FK")),
    ({"CF_NR_FK": ""}, ("field.conditional", "CF_NR_FK")),
    ({"CF_CFLB": "警告"}, ("amount.without_fine", "CF_NR_FK")),
    ({"CF_CFLB": "警告；罚金"}, ("penalty_type.unknown", "CF_CFLB")),
    ({"CF_NR_WFFF": "-0.5"}, ("amount.negative", "CF_NR_WFFF")),
    ({"CF_WSH": "号" * 129}, ("field.length", "CF_WSH")),
    ({"CF_XDR_MC": ["a list"]}, ("field.invalid", "CF_XDR_MC")),
    ({"CF_FR_ZJLX": "驾驶证"}, ("code.unknown", "CF_FR_ZJLX")),
    (
        {"CF_FR_ZJLX": "身份证", "CF_FR_ZJHM": "110105194912310021"},
        ("resident_id.checksum", "CF_FR_ZJHM"),
    ),
]


@pytest.mark.parametrize(("change", "expected"), PENALTY_CASES)
def test_penalty_rules(
    penalty_row: dict[str, object], change: dict[str, object], expected: tuple[str, str | None]
) -> None:
    """Each planted fault in a penalty row is reported with its stable code and field."""
    result = check_row({**penalty_row, **change}, RecordKind.PENALTY, as_of=AS_OF)
    assert expected in codes(result)
    issue = next(i for i in result.issues if (i.code, i.field) == expected)
    assert issue.severity is issue_spec(issue.code).severity
    assert issue.message_en and issue.message_zh


def test_every_issue_reported_not_the_first(penalty_row: dict[str, object]) -> None:
    """Several faults in one row are all reported."""
    row = dict(penalty_row, CF_WSH="", CF_JDRQ="2024/02/30", CF_CFJGDM="x", CF_NR_FK="2000")
    found = codes(check_row(row, RecordKind.PENALTY, as_of=AS_OF))
    assert {
        ("field.required", "CF_WSH"),
        ("date.invalid", "CF_JDRQ"),
        ("amount.yuan_in_wan", "CF_NR_FK"),
    } <= found
    assert any(c.startswith("uscc.") and f == "CF_CFJGDM" for c, f in found)


def test_parse_failure_not_also_reported_missing(penalty_row: dict[str, object]) -> None:
    """A required date that cannot be read gives date.invalid, not field.required as well."""
    found = codes(check_row(dict(penalty_row, CF_JDRQ="昨天"), RecordKind.PENALTY, as_of=AS_OF))
    assert ("date.invalid", "CF_JDRQ") in found
    assert ("field.required", "CF_JDRQ") not in found


def test_fine_in_wan_matching_content(penalty_row: dict[str, object]) -> None:
    """A fine written as 罚款0.2万元 in the content matches 罚款金额 0.2; thousands separators too."""
    for content, amount in [
        ("罚款0.2万元", "0.2"),
        ("罚款人民币12,000元", "1.2"),
        ("罚款2000元", "0.2"),
    ]:
        row = dict(penalty_row, CF_NR=content, CF_NR_FK=amount)
        assert check_row(row, RecordKind.PENALTY, as_of=AS_OF).issues == ()


def test_fine_equal_in_both_units_is_not_flagged(penalty_row: dict[str, object]) -> None:
    """罚款0元 matches a 0 fine: the same number in yuan and 万元 is no unit mistake."""
    row = dict(penalty_row, CF_NR="罚款0元", CF_NR_FK="0")
    assert check_row(row, RecordKind.PENALTY, as_of=AS_OF).issues == ()


def test_natural_person_penalty(penalty_row: dict[str, object]) -> None:
    """A natural person needs 证件类型 and 证件号码; the number is checked by its type."""
    row = dict(penalty_row, CF_XDR_LB="自然人", CF_XDR_SHXYM="", CF_XDR_ZZJG="", CF_FRDB="")
    found = codes(check_row(row, RecordKind.PENALTY, as_of=AS_OF))
    assert found == {
        ("field.required_for_category", "CF_XDR_ZJLX"),
        ("field.required_for_category", "CF_XDR_ZJHM"),
    }
    row.update(CF_XDR_ZJLX="身份证", CF_XDR_ZJHM="11010519491231002X")
    assert check_row(row, RecordKind.PENALTY, as_of=AS_OF).issues == ()
    row.update(CF_XDR_ZJHM="110105194912310021")
    assert any(
        c.startswith("resident_id.")
        for c, _ in codes(check_row(row, RecordKind.PENALTY, as_of=AS_OF))
    )
    row.update(CF_XDR_ZJLX="外国人永久居留身份证", CF_XDR_ZJHM="932682198501010017")
    assert check_row(row, RecordKind.PENALTY, as_of=AS_OF).issues == ()
    row.update(CF_XDR_ZJLX="护照号", CF_XDR_ZJHM="E12345678")
    assert check_row(row, RecordKind.PENALTY, as_of=AS_OF).issues == ()
    row.update(CF_XDR_SHXYM="91512081MA62K0260E")
    assert ("consistency.natural_person_code", "CF_XDR_SHXYM") in codes(
        check_row(row, RecordKind.PENALTY, as_of=AS_OF)
    )


def test_individual_business_placeholder(penalty_row: dict[str, object]) -> None:
    """个体工商户 may use 00000000000000000X, and then 工商注册号 is required (790号)."""
    row = dict(
        penalty_row,
        CF_XDR_LB="个体工商户",
        CF_XDR_SHXYM="00000000000000000X",
        CF_XDR_ZZJG="",
        CF_FRDB="",
    )
    assert codes(check_row(row, RecordKind.PENALTY, as_of=AS_OF)) == {
        ("field.conditional", "CF_XDR_GSZC")
    }
    row["CF_XDR_GSZC"] = "220202763972502"
    assert check_row(row, RecordKind.PENALTY, as_of=AS_OF).issues == ()
    row["CF_XDR_GSZC"] = "220202763972503"
    assert ("business_reg_no.checksum", "CF_XDR_GSZC") in codes(
        check_row(row, RecordKind.PENALTY, as_of=AS_OF)
    )


def test_individual_business_with_uscc_92(penalty_row: dict[str, object]) -> None:
    """An individual business with a type-92 credit code is consistent."""
    from credit_disclosure.identifiers import uscc

    code = uscc.generate(org_type="92", seed=5)
    row = dict(penalty_row, CF_XDR_LB="个体工商户", CF_XDR_SHXYM=code, CF_XDR_ZZJG="", CF_FRDB="")
    assert check_row(row, RecordKind.PENALTY, as_of=AS_OF).issues == ()


def test_options_switch_uncertain_rules(penalty_row: dict[str, object]) -> None:
    """The rules REFERENCE.md marks uncertain follow ValidationOptions."""
    no_fine = dict(penalty_row, CF_NR_FK="")
    opts = ValidationOptions(fine_amount_required=False)
    assert check_row(no_fine, RecordKind.PENALTY, as_of=AS_OF, options=opts).issues == ()
    opts = ValidationOptions(legal_rep_id_required=True)
    assert codes(check_row(penalty_row, RecordKind.PENALTY, as_of=AS_OF, options=opts)) == {
        ("field.conditional", "CF_FR_ZJHM")
    }
    opts = ValidationOptions(penalty_validity_required=True)
    assert codes(
        check_row(dict(penalty_row, CF_YXQ=""), RecordKind.PENALTY, as_of=AS_OF, options=opts)
    ) == {("field.conditional", "CF_YXQ")}
    long_no = dict(penalty_row, CF_WSH="号" * 129)
    assert (
        check_row(
            long_no, RecordKind.PENALTY, as_of=AS_OF, options=ValidationOptions(check_lengths=False)
        ).issues
        == ()
    )
    assert (
        check_row(
            long_no,
            RecordKind.PENALTY,
            as_of=AS_OF,
            options=ValidationOptions(lengths={"CF_WSH": 200}),
        ).issues
        == ()
    )
    slash = dict(penalty_row, CF_CFLB="警告/罚款")
    assert (
        check_row(
            slash,
            RecordKind.PENALTY,
            as_of=AS_OF,
            options=ValidationOptions(penalty_type_separators="/"),
        ).issues
        == ()
    )
    big = dict(penalty_row, CF_NR_FK="20000", CF_NR="罚款2亿元")
    opts = ValidationOptions(large_amount_threshold=None)
    assert check_row(big, RecordKind.PENALTY, as_of=AS_OF, options=opts).issues == ()


def test_severity_override_and_disable(penalty_row: dict[str, object]) -> None:
    """Callers can change an issue's severity or silence a code (also a whole identifier family)."""
    row = dict(penalty_row, CF_NR_FK="2000", CF_CFJGDM="91110000600037341X")
    opts = ValidationOptions(
        severity={"amount.yuan_in_wan": Severity.ERROR, "uscc.*": Severity.WARNING}
    )
    issues = check_row(row, RecordKind.PENALTY, as_of=AS_OF, options=opts).issues
    sev = {i.code: i.severity for i in issues}
    assert sev["amount.yuan_in_wan"] is Severity.ERROR
    assert sev["uscc.checksum"] is Severity.WARNING
    opts = ValidationOptions(disabled=frozenset({"amount.yuan_in_wan", "uscc.*"}))
    assert check_row(row, RecordKind.PENALTY, as_of=AS_OF, options=opts).issues == ()


def test_future_check_uses_as_of(penalty_row: dict[str, object]) -> None:
    """date.future compares with as_of; future_date_fields can widen it."""
    assert check_row(penalty_row, RecordKind.PENALTY, as_of=date(2024, 3, 5)).issues == ()
    found = codes(check_row(penalty_row, RecordKind.PENALTY, as_of=date(2024, 3, 4)))
    assert found == {("date.future", "CF_JDRQ")}
    opts = ValidationOptions(future_date_fields=frozenset({"CF_JDRQ", "CF_YXQ"}))
    assert ("date.future", "CF_YXQ") in codes(
        check_row(penalty_row, RecordKind.PENALTY, as_of=AS_OF, options=opts)
    )


# (mutation of the valid licence row, expected (code, field))
LICENSE_CASES: list[tuple[dict[str, object], tuple[str, str | None]]] = [
    ({"XK_XKWS": ""}, ("field.required", "XK_XKWS")),
    ({"XK_XDR_ZJLX": ""}, ("field.required_for_category", "XK_XDR_ZJLX")),
    ({"XK_XDR_ZJHM": "110105194912310021"}, ("resident_id.checksum", "XK_XDR_ZJHM")),
    ({"XK_XKLB": "审批"}, ("code.unknown", "XK_XKLB")),
    ({"XK_ZT": "3"}, ("code.unknown", "XK_ZT")),
    ({"XK_YXQZI": "2023/12/31"}, ("date.order", "XK_YXQZI")),
    ({"XK_JDRQ": "2025/01/01"}, ("date.future", "XK_JDRQ")),
    ({"XK_LYDWDM": "123"}, ("uscc.length", "XK_LYDWDM")),
    ({"XK_XDR_LB": "法人及非法人组织"}, ("field.required_for_category", "XK_XDR_SHXYM")),
    ({"XK_XDR_LB": "法人及非法人组织"}, ("field.required_for_category", "XK_FRDB")),
]


@pytest.mark.parametrize(("change", "expected"), LICENSE_CASES)
def test_license_rules(
    license_row: dict[str, object], change: dict[str, object], expected: tuple[str, str | None]
) -> None:
    """Each planted fault in a licence row is reported with its stable code and field."""
    assert expected in codes(check_row({**license_row, **change}, RecordKind.LICENSE, as_of=AS_OF))


@pytest.mark.parametrize("value", ["其他-备案", "其他（备案）", "核准"])
def test_license_category_other_named(license_row: dict[str, object], value: str) -> None:
    """许可类别 accepts the five names and 其他 followed by the category's name."""
    assert check_row(dict(license_row, XK_XKLB=value), RecordKind.LICENSE, as_of=AS_OF).issues == ()


def test_license_open_ended_words(license_row: dict[str, object]) -> None:
    """有效期至 written 长期 reads as the open-ended date 2099/12/31."""
    result = check_row(dict(license_row, XK_YXQZI="长期"), RecordKind.LICENSE, as_of=AS_OF)
    assert result.issues == ()
    assert isinstance(result.record, LicenseRecord) and result.record.is_open_ended


def test_license_status_codes_configurable(license_row: dict[str, object]) -> None:
    """The 当前状态 codes (uncertain in REFERENCE.md) can be replaced."""
    opts = ValidationOptions(license_status_codes=frozenset({"0", "1"}))
    row = dict(license_row, XK_ZT="0")
    assert check_row(row, RecordKind.LICENSE, as_of=AS_OF, options=opts).issues == ()


def test_2015_records(as_of: date) -> None:
    """2015 records are checked for required fields, code lists, identifiers and date order."""
    row: dict[str, object] = {
        "CF_WSH": "X罚〔2016〕1号",
        "CF_CFMC": "违规经营",
        "CF_CFLB1": "1",
        "CF_CFLB2": "0,9",
        "CF_SY": "事由",
        "CF_YJ": "依据",
        "CF_XDR_MC": "某某公司",
        "CF_XDR_SHXYM": "91512081MA62K0260E",
        "CF_XDR_ZDM": "59467239-9",
        "CF_XDR_SFZ": "110105194912310021",
        "CF_JG": "罚款",
        "CF_JDRQ": "2016/05/01",
        "CF_XZJG": "某某局",
        "CF_ZT": "5",
    }
    result = check_row(row, RecordKind.PENALTY, version=StandardVersion.V2015, as_of=as_of)
    assert isinstance(result.record, Penalty2015Record)
    found = codes(result)
    assert {
        ("field.required", "DFBM"),
        ("code.unknown", "CF_CFLB2"),
        ("code.unknown", "CF_ZT"),
        ("consistency.uscc_org_code", "CF_XDR_ZDM"),
        ("resident_id.checksum", "CF_XDR_SFZ"),
    } <= found
    lic = License2015Record(
        approval_category="9", decision_date=date(2016, 1, 2), valid_to=date(2016, 1, 1)
    )
    found = codes(validate(lic, as_of=as_of))
    assert {("code.unknown", "XK_SPLB"), ("date.order", "XK_JZQ")} <= found


def test_messages_never_contain_the_value(penalty_row: dict[str, object]) -> None:
    """No message repeats the identity number or code it rejects (personal data)."""
    bad_id = "110105194912310021"
    row = dict(
        penalty_row,
        CF_XDR_LB="自然人",
        CF_XDR_ZJLX="身份证",
        CF_XDR_ZJHM=bad_id,
        CF_XDR_SHXYM="91512081MA62K0261E",
    )
    issues = check_row(row, RecordKind.PENALTY, as_of=AS_OF).issues
    assert issues
    for issue in issues:
        for text in (issue.message_en, issue.message_zh, str(issue), repr(issue)):
            assert bad_id not in text and "91512081MA62K0261E" not in text


def test_every_reported_code_is_catalogued(penalty_row: dict[str, object]) -> None:
    """Every code the validator emits in these tests resolves in the issue catalogue."""
    for _change, (code, _) in PENALTY_CASES:
        issue_spec(code)
    for _change, (code, _) in LICENSE_CASES:
        issue_spec(code)
    assert all(
        spec.message_en and spec.message_zh and spec.source for spec in ISSUE_CATALOGUE.values()
    )


_raw_values = st.one_of(
    st.none(),
    st.text(max_size=20),
    st.integers(),
    st.floats(allow_nan=True),
    st.dates(),
    st.booleans(),
    st.decimals(allow_nan=True),
)


@given(
    st.sampled_from([(k, v) for k in RecordKind for v in StandardVersion]).flatmap(
        lambda kv: st.tuples(
            st.just(kv),
            st.fixed_dictionaries({}, optional={f.code: _raw_values for f in fields(*kv)}),
        )
    )
)
def test_check_row_never_raises(
    case: tuple[tuple[RecordKind, StandardVersion], dict[str, object]],
) -> None:
    """Junk values of any type become issues, never exceptions, and the record is always built."""
    (kind, version), row = case
    result = check_row(row, kind, version=version, as_of=AS_OF)
    assert result.record is not None
    for issue in result.issues:
        assert issue_spec(issue.code).code
        assert issue.field is None or issue.field in {f.code for f in fields(kind, version)}


def test_row_result_flags() -> None:
    """RowResult says whether there are errors and warnings."""
    warn = Issue("amount.large", "CF_NR_FK", Severity.WARNING, "e", "z")
    err = Issue("field.required", "CF_WSH", Severity.ERROR, "e", "z")
    rec = PenaltyRecord()
    assert RowResult(rec, (warn,)).ok and RowResult(rec, (warn,)).has_warnings
    assert not RowResult(rec, (warn, err)).ok
    assert RowResult(rec, (err,)).has_errors
    assert attrs.evolve(err, row=4).row == 4


def test_validate_defaults_to_today() -> None:
    """Without as_of, validate judges against today's date (the only place the clock is read)."""
    rec = PenaltyRecord(decision_date=date(2999, 1, 1))
    assert ("date.future", "CF_JDRQ") in codes(validate(rec))
    assert ("date.future", "CF_JDRQ") not in codes(validate(rec, as_of=date(2999, 1, 1)))
    assert validate(PenaltyRecord(fine_amount=Decimal(1)), as_of=AS_OF)


@pytest.mark.parametrize(
    ("decided", "category", "flagged"),
    [
        ("2021/07/14", "通报批评", True),
        ("2021/07/15", "通报批评", False),
        ("2020/01/01", "限制从业", True),
        ("2020/01/01", "吊销许可证件", False),
    ],
)
def test_penalty_type_effective_date(
    penalty_row: dict[str, object], decided: str, category: str, flagged: bool
) -> None:
    """Types added by the 2021 行政处罚法 on a decision before 2021-07-15 get a warning."""
    row = dict(penalty_row, CF_JDRQ=decided, CF_CFLB=category, CF_NR_FK="", CF_YXQ="")
    found = codes(check_row(row, RecordKind.PENALTY, as_of=AS_OF))
    assert (("penalty_type.not_in_force", "CF_CFLB") in found) is flagged


def test_fine_in_content_with_full_width_digits(penalty_row: dict[str, object]) -> None:
    """处罚内容 pasted with full-width digits (罚款２，０００元) is still compared with 罚款金额."""
    row = dict(penalty_row, CF_NR="警告，并处罚款２，０００元", CF_NR_FK="2000")
    assert ("amount.yuan_in_wan", "CF_NR_FK") in codes(
        check_row(row, RecordKind.PENALTY, as_of=AS_OF)
    )
    row["CF_NR_FK"] = "0.2"
    assert check_row(row, RecordKind.PENALTY, as_of=AS_OF).issues == ()


def test_options_from_mapping_round_trip(penalty_row: dict[str, object]) -> None:
    """Options read from plain data (a settings file) act like options built in code."""
    opts = ValidationOptions.from_mapping(
        {
            "fine_amount_required": False,
            "license_status_codes": ["0", "1"],
            "lengths": {"CF_WSH": "300"},
            "large_amount_threshold": None,
            "future_date_fields": ["CF_JDRQ"],
        }
    )
    assert opts == ValidationOptions(
        fine_amount_required=False,
        license_status_codes=frozenset({"0", "1"}),
        future_date_fields=frozenset({"CF_JDRQ"}),
        large_amount_threshold=None,
        lengths={"CF_WSH": 300},
    )
    row = dict(penalty_row, CF_NR_FK="", CF_WSH="号" * 250)
    assert check_row(row, RecordKind.PENALTY, as_of=AS_OF, options=opts).issues == ()
    with pytest.raises(ValueError, match="'fatal'"):
        ValidationOptions.from_mapping({"severity": {"x": "fatal"}})


def test_options_equality_and_hash() -> None:
    """Options compare by every setting (mappings included) and stay hashable."""
    a = ValidationOptions(severity={"amount.large": Severity.ERROR})
    assert a != ValidationOptions()
    assert a == ValidationOptions(severity={"amount.large": Severity.ERROR})
    assert hash(a) == hash(ValidationOptions(severity={"amount.large": Severity.ERROR}))


def test_same_fault_shares_one_issue(penalty_row: dict[str, object]) -> None:
    """Two rows with the same fault get equal issues; with_row makes them row-specific."""
    row = dict(penalty_row, CF_WSH="")
    first = check_row(row, RecordKind.PENALTY, as_of=AS_OF).issues
    second = check_row(row, RecordKind.PENALTY, as_of=AS_OF).issues
    assert first == second
    assert first[0].with_row(1) != second[0].with_row(2)


def test_parse_row_is_check_row_without_the_rules(penalty_row: dict[str, object]) -> None:
    """parse_row builds the record check_row builds, and reports only what failed to parse."""
    row = dict(penalty_row, CF_JDRQ="2024/13/01", CF_NR_FK="两千", CF_XDR_LB="法人")
    row.pop("CF_WSH")  # a missing required field is a rule, not a parse issue
    parsed = parse_row(row, RecordKind.PENALTY)
    checked = check_row(row, RecordKind.PENALTY, as_of=date(2024, 6, 1))
    assert parsed.record == checked.record
    assert sorted(i.code for i in parsed.issues) == ["code.alias", "date.invalid", "decimal.invalid"]
    assert {i.code for i in checked.issues} > {i.code for i in parsed.issues}
    assert parse_row(row, "penalty").record == parsed.record  # kind and version as text
    assert parse_row({}, RecordKind.LICENSE, version=StandardVersion.V2015).record == (
        License2015Record()
    )


@given(st.dictionaries(st.sampled_from([f.code for f in fields(RecordKind.PENALTY)]),
                       st.one_of(st.none(), st.text(max_size=12), st.integers(), st.floats())))
def test_parse_row_never_raises(row: dict[str, object]) -> None:
    """Whatever a reader hands it, parse_row returns a record (bad values become issues)."""
    result = parse_row(row, RecordKind.PENALTY)
    assert isinstance(result.record, PenaltyRecord)
    assert all(i.field in row for i in result.issues)


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
