"""Code lists, constants and small value classes of the data standard."""

from __future__ import annotations

import pickle

import pytest

from credit_disclosure.standard import (
    DEFAULT_PENALTY_TYPE_ALIASES,
    DEFAULT_PENALTY_TYPE_SEPARATORS,
    ISSUE_CATALOGUE,
    PLACEHOLDER_CREDIT_CODE,
    ApprovalCategory2015,
    CertificateType,
    FieldSpec,
    Issue,
    IssueSpec,
    LicenseCategory,
    LicenseStatus,
    PenaltyCategories,
    PenaltyCategory2015,
    PenaltyType,
    RecordKind,
    Severity,
    Source,
    Status2015,
    Unmapped,
    field_by_code,
    issue_spec,
    parse_penalty_categories,
)


def test_code_list_values() -> None:
    """The code lists carry the values written in the exchange files (790号, 2015 standard)."""
    assert [c.value for c in LicenseCategory] == ["普通", "特许", "认可", "核准", "登记", "其他"]
    assert [s.value for s in LicenseStatus] == ["1", "2"]
    assert [s.value for s in Status2015] == ["0", "1", "2", "3"]
    assert CertificateType("护照号") is CertificateType.PASSPORT
    assert [a.label for a in ApprovalCategory2015] == [c.value for c in LicenseCategory]


def test_2015_penalty_codes_cover_1996_list() -> None:
    """Each 2015 处罚类别 code maps to the 第九条 types it covers; 4 covers two."""
    assert PenaltyCategory2015("1").types == (PenaltyType.FINE,)
    assert len(PenaltyCategory2015.SUSPENSION_OR_REVOCATION.types) == 2
    assert PenaltyCategory2015("6").label == "其他"


def test_placeholder_and_separators() -> None:
    """The placeholder credit code and the default separators are the documented ones."""
    assert PLACEHOLDER_CREDIT_CODE == "00000000000000000X" and len(PLACEHOLDER_CREDIT_CODE) == 18
    assert set(DEFAULT_PENALTY_TYPE_SEPARATORS) == set(";；,，、")


def test_aliases_are_read_only_and_mean_statutory_types() -> None:
    """Default aliases cannot be changed in place and map to 第九条 types only."""
    with pytest.raises(TypeError):
        DEFAULT_PENALTY_TYPE_ALIASES["罚金"] = (PenaltyType.FINE,)  # type: ignore[index]
    for types in DEFAULT_PENALTY_TYPE_ALIASES.values():
        assert types and all(isinstance(t, PenaltyType) for t in types)


def test_penalty_categories_value() -> None:
    """PenaltyCategories is a plain frozen value."""
    assert parse_penalty_categories("警告") == PenaltyCategories((PenaltyType.WARNING,))


def test_field_spec_and_source() -> None:
    """FieldSpec is frozen and cites its source as 'document article'."""
    spec = field_by_code("CF_WSH", RecordKind.PENALTY)
    assert isinstance(spec, FieldSpec)
    assert str(spec.source) == "发改办财金〔2018〕790号 行政处罚信息 第14项"
    assert str(Source("doc")) == "doc"
    with pytest.raises(AttributeError):
        spec.code = "X"  # type: ignore[misc]


def test_issue_catalogue_entries_render() -> None:
    """Every catalogue entry renders both messages with a field name and code."""
    params = {
        "name": "名称",
        "field": "F",
        "category": "自然人",
        "reason_en": "r",
        "reason_zh": "r",
        "limit": 1,
        "other_name": "其他",
        "other": "O",
        "reg_type": "92",
        "detail_en": "d",
        "detail_zh": "d",
        "allowed": "a / b",
        "parts": "p",
        "alias": "法人",
        "value": "法人及非法人组织",
    }
    for code, spec in ISSUE_CATALOGUE.items():
        assert type(spec) is IssueSpec
        assert spec.code == code
        assert spec.render_en(**params) and spec.render_zh(**params)
        assert "{" not in spec.render_en(**params)


def test_issue_spec_unknown_code() -> None:
    """An uncatalogued code raises KeyError."""
    with pytest.raises(KeyError):
        issue_spec("nothing.here")


def test_issue_and_unmapped_pickle() -> None:
    """Issues survive pickling (multiprocessing batch runs) and print their location."""
    issue = Issue("field.required", "CF_WSH", Severity.ERROR, "e", "z", row=2)
    assert pickle.loads(pickle.dumps(issue)) == issue
    assert str(issue).startswith("row 2: CF_WSH: field.required (error)")
    assert str(Unmapped("DFBM", "no 2018 field")) == "DFBM: no 2018 field"


def test_penalty_record_types_property() -> None:
    """PenaltyRecord.penalty_types reads 处罚类别 with the defaults; empty when unset."""
    from credit_disclosure.standard import PenaltyRecord

    assert PenaltyRecord().penalty_types == ()
    assert PenaltyRecord(penalty_categories="罚款；罚金").penalty_types == (PenaltyType.FINE,)
