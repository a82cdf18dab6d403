"""No identity number in any message, repr or report: the redaction helper and each known leak."""

from __future__ import annotations

import enum
import importlib
import io
from datetime import date, datetime
from decimal import Decimal

import attrs
import pytest

from credit_disclosure import (
    ArgumentError,
    ArgumentTypeError,
    CreditDisclosureError,
    PenaltyRecord,
    PolicyError,
    UnknownName,
    ValidationError,
    check_row,
    default_calendar,
)
from credit_disclosure._text import redact, safe_repr
from credit_disclosure.deadlines import WEEKLY_REPORT, get_rule
from credit_disclosure.io import check_file
from credit_disclosure.policy import PenaltyFacts
from credit_disclosure.privacy import mask

ID = "11010519491231002X"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("not '11010519491231002X'", "not '******************'"),
        ("110105194912310021", "*" * 18),
        ("110105491231002", "*" * 15),  # a 15-digit number from before 1999
        ("810000199408230021", "*" * 18),  # a Hong Kong residence permit
        ("USA330715800123", "USA" + "*" * 12),  # a foreign permanent residence ID (2017)
        ("933840199001010012", "*" * 18),  # a foreign permanent residence ID (2023)
        ("ID110105 19491231 002X违法", "ID******************违法"),
        ("110105-1949-1231-002X", "*" * 18),
        ("1101\u200b0519\u200b4912\u200b3100\u200b2X", "*" * 18),
        (repr("110105\u200b19491231002X"), "'" + "*" * 18 + "'"),
        ("１１０１０５１９４９１２３１００２Ｘ", "*" * 18),
        ("11010519491231002X4043", "*" * 22),
        ("row 7: due 2024-01-31, fine 2000 元", "row 7: due 2024-01-31, fine 2000 元"),
        ("2024-01-01 to 2024-12-31 (2024-01-01 2024-02-01)", None),
        ("uscc.checksum at position 17", None),
        ("13812345678", None),  # eleven digits: not an identity number
    ],
)
def test_redact_table(text: str, expected: str | None) -> None:
    """Long digit runs go, however they are split; dates and short numbers stay."""
    assert redact(text) == (text if expected is None else expected)


def test_safe_repr_is_short_and_redacted() -> None:
    """safe_repr cuts a long value and hides an ID; a hostile __repr__ does not raise."""

    class Hostile:
        def __repr__(self) -> str:
            raise RuntimeError("no")

    assert safe_repr(ID) == "'" + "*" * 18 + "'"
    assert len(safe_repr("x" * 1000)) == 40
    assert safe_repr(Hostile()) == "<Hostile>"


def test_every_error_is_redacted_at_the_root() -> None:
    """Whoever builds a library error, an ID in its message is hidden."""
    assert ID not in str(PolicyError(f"no rule for {ID}"))
    err = ValidationError("x.y", message_en=f"bad {ID}", message_zh=f"错 {ID}", field=ID)
    assert ID not in str(err) and ID not in err.message_en and ID not in err.message_zh
    assert ID not in repr(err)


def test_calendar_add_with_an_id_as_the_date() -> None:
    """Reproducer: default_calendar().add(ID, 7) echoed the ID in a TypeError."""
    with pytest.raises(ArgumentTypeError) as info:
        default_calendar().add(ID, 7)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError) and info.value.code == "workdays.date"
    assert ID not in str(info.value)


@pytest.mark.parametrize("n", [Decimal("NaN"), Decimal("1"), 1.5, "7", None])
def test_calendar_add_with_a_non_int_count(n: object) -> None:
    """Reproducer: add(d, Decimal("NaN")) raised decimal.InvalidOperation."""
    with pytest.raises(ArgumentTypeError, match=r"workdays\.count"):
        default_calendar().add(date(2026, 3, 2), n)  # type: ignore[arg-type]


def test_provisional_far_future_is_a_coded_error() -> None:
    """Counting past 9999-12-31 is an ArgumentError, not a bare ValueError."""
    cal = default_calendar().with_provisional()
    with pytest.raises(ArgumentError, match=r"workdays\.range"):
        cal.add(date(9999, 12, 1), 10**6)


def test_weekly_report_due_at_the_end_of_time() -> None:
    """Reproducer: WEEKLY_REPORT.due(9999-12-31) raised OverflowError."""
    with pytest.raises(ArgumentError, match=r"deadlines\.range"):
        WEEKLY_REPORT.due(date(9999, 12, 31), calendar=default_calendar().with_provisional())


def test_mask_with_a_kind_as_text() -> None:
    """Reproducer: mask("x", "id_number") raised KeyError; a kind's value now works."""
    assert mask(ID, "id_number") == "1101**********002X"  # type: ignore[arg-type]
    with pytest.raises(UnknownName) as info:
        mask("x", "idnumber")  # type: ignore[arg-type]
    assert isinstance(info.value, KeyError) and "id_number" in str(info.value)


def test_unknown_rule_is_unknown_name() -> None:
    """An unknown deadline rule is an UnknownName (a KeyError) that does not echo an ID."""
    with pytest.raises(UnknownName) as info:
        get_rule(ID)
    assert ID not in str(info.value)


_FACTS = [a.name for a in attrs.fields(PenaltyFacts)]


@pytest.mark.parametrize("fact", _FACTS)
def test_policy_facts_do_not_echo_an_id(fact: str) -> None:
    """Reproducer: policy facts quoted the rejected value through short_repr."""
    kwargs: dict[str, object] = {"decision_date": date(2024, 1, 2), "subject": "法人及非法人组织"}
    kwargs[fact] = ID
    shown: list[str] = []
    try:
        facts = PenaltyFacts(**kwargs)  # type: ignore[arg-type]
    except CreditDisclosureError as exc:
        shown += [str(exc), repr(exc)]
    else:  # a fact that takes any text (sector): the repr hides the number
        shown += [repr(facts), str(facts)]
    assert all(ID not in text for text in shown)


def test_penalty_type_unknown_does_not_echo_an_id() -> None:
    """Reproducer: penalty_type.unknown quoted 处罚类别 parts, IDs included."""
    result = check_row({"CF_CFLB": f"罚款;{ID}"}, "penalty", as_of=date(2024, 6, 1))  # type: ignore[arg-type]
    unknown = [i for i in result.issues if i.code == "penalty_type.unknown"]
    assert unknown and all(ID not in i.message_en + i.message_zh for i in unknown)
    assert all(ID[:12] not in str(i) for i in result.issues)


def test_header_unknown_does_not_quote_a_headerless_first_row() -> None:
    """Reproducer: a file without a header row had its first row quoted in header.unknown."""
    data = f"欧阳娜娜,{ID},京罚〔2024〕1号\n张三,110105194912310021,x\n".encode()
    report = check_file(io.BytesIO(data), kind="penalty")
    text = "\n".join(report.format_issue(i) for i in report)
    assert ID not in text and "欧阳娜娜" not in text
    assert report.by_code["header.unknown"] == 3


def test_header_unknown_still_names_a_real_header() -> None:
    """A misspelt header in a file that has a header row is quoted (redacted) to help fix it."""
    report = check_file(io.BytesIO("CF_WSH,处罚决定书文号X\nx,y\n".encode()), kind="penalty")
    assert any("处罚决定书文号X" in i.message_en for i in report)


@pytest.mark.parametrize("field", ["violation_facts", "credit_code", "remarks", "subject_name"])
def test_record_repr_hides_an_id_in_any_field(field: str) -> None:
    """Reproducer: reprs masked only the ID and name fields; 违法事实 or 统一社会信用代码 leaked."""
    record = PenaltyRecord(**{field: f"当事人{ID}"})  # type: ignore[arg-type]
    assert ID not in repr(record)


@pytest.mark.parametrize("field", ["CF_XDR_SHXYM", "CF_SY", "CF_XDR_ZJHM"])
def test_check_row_issues_and_record_hide_an_id(field: str) -> None:
    """An ID in any field appears in no issue and not in the record's repr."""
    result = check_row({field: ID}, "penalty", as_of=date(2024, 6, 1))  # type: ignore[arg-type]
    assert ID not in repr(result)
    assert all(ID not in str(i) + i.message_zh for i in result.issues)


def test_lone_surrogate_in_a_credit_code() -> None:
    """Reproducer: a lone surrogate in 统一社会信用代码 (from JSON Lines) raised UnicodeEncodeError."""
    for value in ["\ud800" * 18, "91512081MA62K0260\ud800"]:
        result = check_row({"CF_XDR_SHXYM": value}, "penalty", as_of=date(2024, 6, 1))  # type: ignore[arg-type]
        assert "CF_XDR_SHXYM" in {i.field for i in result.issues}


_ROW_JUNK: list[object] = [
    10**400,
    -(10**400),
    float("nan"),
    float("inf"),
    Decimal("NaN"),
    Decimal("1e999999"),
    "\ud800",
    b"\xff",
    datetime(2024, 1, 1, 12),
    date.max,
    date.min,
    [1],
    {"a": 1},
    object(),
    True,
]


@pytest.mark.parametrize("as_of", [datetime(2024, 6, 1, 12), date(2024, 6, 1), date.max, date.min])
def test_check_row_never_raises(as_of: date) -> None:
    """Reproducer: check_row raised for as_of as a datetime and for huge integers; now never."""
    from credit_disclosure import standard

    for kind in standard.RecordKind:
        for version in standard.StandardVersion:
            for spec in standard.fields(kind, version):
                for value in _ROW_JUNK:
                    result = check_row({spec.code: value}, kind, version=version, as_of=as_of)
                    assert result.record is not None


def _public_enums() -> list[type[enum.Enum]]:
    found: dict[str, type[enum.Enum]] = {}
    for package in ("identifiers", "workdays", "deadlines", "standard", "policy", "privacy",
                    "io", "quality"):
        module = importlib.import_module(f"credit_disclosure.{package}")
        for name in module.__all__:
            obj = getattr(module, name)
            if isinstance(obj, type) and issubclass(obj, enum.Enum):
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return list(found.values())


@pytest.mark.parametrize("cls", _public_enums(), ids=lambda c: c.__name__)
def test_enum_lookup_does_not_echo_an_id(cls: type[enum.Enum]) -> None:
    """An enum looked up by an ID raises UnknownName (a ValueError) that lists the values, not the ID."""
    with pytest.raises(ValueError) as info:
        cls(ID)
    assert isinstance(info.value, UnknownName)
    assert ID not in str(info.value)
